//! The book on disk under the worst a machine does to it. A child process (this test binary,
//! asked to run one test) saves a changing book in a loop and is killed with SIGKILL at a
//! random moment, again and again on the same folder; after every kill the book reads and is
//! exactly one of the generations that were written, and no backup is unreadable. A second
//! child panics with unsaved changes and leaves a crash log and a recovery file.
//!
//! `cargo test --test crash` kills 200 times; `SOKH_KILLS=1000 cargo test --release --test
//! crash` is the long run (figures in the README).

use sokh::model::book::{Book, Data};
use sokh::model::fund::donors::Donor;
use sokh::model::fund::ledger::{Category, Kind, Method, Voucher, VoucherDraft};
use sokh::model::money::Vnd;
use sokh::storage::{Loaded, Store, read_book};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

const SAVER: &str = "SOKH_SAVER_CHILD";
const PANIC: &str = "SOKH_PANIC_CHILD";

/// Generation `g` of the book: 400 vouchers, with `g` in the organisation's name and in the
/// text of one voucher, so that a torn mix of two generations could never pass for one.
fn generation(g: u64) -> Data {
    let mut book = Book::default();
    book.settings.org_name = format!("Hội Khuyến học — thế hệ {g}");
    book.donors.push(Donor { name: "Công ty CP Sao Mai".into(), ..Default::default() });
    let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    book.vouchers = (0..400u32)
        .map(|i| Voucher {
            number: format!("PT-2025-{:04}", i + 1).into(),
            seq: i + 1,
            body: VoucherDraft {
                kind: Kind::Receipt,
                date: day + chrono::Duration::days(i64::from(i % 365)),
                donor: Some(0),
                counterparty: format!("Nguyễn Văn Người nộp {i}").into(),
                description: if u64::from(i) == g % 400 {
                    format!("Sửa ở thế hệ {g}").into()
                } else {
                    "Ủng hộ quỹ".into()
                },
                amount: Vnd(i64::from(i) * 1_000 + g as i64),
                method: Method::Bank,
                campaign: "Tiếp sức đến trường".into(),
                purpose: Default::default(),
                category: Category::Other,
            },
            void: None,
        })
        .collect();
    Data::new(book)
}

/// Which generation a book read back claims to be.
fn generation_of(data: &Data) -> u64 {
    let name = &data.book.settings.org_name;
    name.rsplit(' ').next().and_then(|g| g.parse().ok()).unwrap_or_else(|| panic!("not a generation: {name}"))
}

/// The child: saves generation after generation until it is killed.
#[test]
fn child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(SAVER) else { return };
    let store = Store::new(Path::new(&dir));
    store.tidy();
    let mut g = match store.peek() {
        Loaded::Ok(d) => generation_of(&d) + 1,
        _ => 0,
    };
    loop {
        store.write(&generation(g)).expect("write");
        g += 1;
    }
}

/// The child: a panic with changes not yet saved.
#[test]
fn child_panics_with_unsaved_changes() {
    let Some(dir) = std::env::var_os(PANIC) else { return };
    sokh::storage::crash::install();
    // The hook holds the book weakly: it is the app's to keep.
    let data = Arc::new(generation(7));
    sokh::storage::crash::watch(Path::new(&dir), &data, true);
    let rows: Vec<usize> = (0..16).collect();
    let n = std::hint::black_box(17);
    let _ = rows[n];
}

fn child(test: &str, var: &str, dir: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().expect("this test binary"));
    c.args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(var, dir)
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A small, seeded random number source (the kills must vary, the test must repeat).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn killed_at_any_moment_the_book_is_one_whole_generation() {
    let kills: u32 = std::env::var("SOKH_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::new(dir.path());
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    let mut written = false;
    let mut seen = Vec::new();
    for k in 0..kills {
        let mut c = child("child_saves_in_a_loop", SAVER, dir.path()).spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(5 + rng.below(60)));
        c.kill().expect("SIGKILL");
        c.wait().expect("reaped");
        match store.peek() {
            Loaded::Ok(d) => {
                let g = generation_of(&d);
                assert_eq!(d, generation(g), "kill {k}: the book is generation {g}, whole");
                written = true;
                seen.push(g);
            }
            Loaded::Missing => assert!(!written, "kill {k}: a book once written never disappears"),
            other => panic!("kill {k}: the book does not read: {other:?}"),
        }
        // The newest backups after every kill (a kill lands on the newest), all of them now and then.
        let all = k % 20 == 19 || k + 1 == kills;
        for (_, path) in store.backups().into_iter().take(if all { usize::MAX } else { 2 }) {
            let d = read_book(&path).unwrap_or_else(|e| panic!("kill {k}: backup {} unreadable: {e}", path.display()));
            assert_eq!(d, generation(generation_of(&d)), "kill {k}: backup {} whole", path.display());
        }
    }
    assert!(written, "the child wrote at least once");
    seen.dedup();
    assert!(seen.len() > kills as usize / 4, "the kills fell on many generations: {}", seen.len());
}

#[test]
fn a_panic_leaves_a_crash_log_and_the_unsaved_changes_beside_the_book() {
    let dir = tempfile::tempdir().expect("dir");
    let status = child("child_panics_with_unsaved_changes", PANIC, dir.path()).status().expect("run");
    assert!(!status.success(), "the child stopped on its panic");
    let reports = sokh::storage::crash::reports(dir.path());
    assert_eq!(reports.len(), 1);
    let log = std::fs::read_to_string(&reports[0].log).expect("the log");
    assert!(log.contains("index out of bounds: the len is 16 but the index is 17"), "{log}");
    // Function names need debug information, which release builds leave out.
    assert!(!cfg!(debug_assertions) || log.contains("child_panics_with_unsaved_changes"), "with the backtrace: {log}");
    assert!(log.lines().count() > 8, "with the backtrace: {log}");
    let recovery = reports[0].recovery.as_ref().expect("the unsaved changes");
    assert_eq!(sokh::storage::crash::read_recovery(recovery), Ok(generation(7)));
    assert!(!dir.path().join("book.ron").exists(), "never written over the book");
}
