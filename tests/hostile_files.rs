//! Every reader and preview fed hostile bytes: sparse and truncated XLSX, text named .xlsx,
//! invalid UTF-8, 10,000 columns, a 1 MB line, random and mutated bytes of real files, damaged
//! book files. None panics, none allocates without bound (a counting allocator watches the
//! peak), and each refusal is said in Vietnamese.
//!
//! `SOKH_FUZZ=5000 cargo test --release --test hostile_files` mutates five thousand times.

use sokh::io::table::{MAX_CELL, ReadError, read_sheets};
use sokh::labels::read_error;
use sokh::model::book::Book;
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes held and the most ever held.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// What reading and previewing a file cost at most, over what was held before.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = HELD.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

const MB: usize = 1024 * 1024;

/// Reads a file through the shared reader and, when it reads, previews every sheet as a
/// receipt import and as an award-list import.
fn read_and_preview(path: &Path) -> Result<usize, ReadError> {
    let sheets = read_sheets(path)?;
    let book = Book::default();
    let list = sokh::model::awards::AwardList { title: "Danh sách".into(), year: 2025, ..Default::default() };
    let mut rows = 0;
    for s in &sheets {
        let header = (0..s.rows.len().min(30))
            .find(|&i| s.rows.get(i).is_some_and(|r| sokh::model::fund::import::guess_mapping(r).len() >= 2))
            .unwrap_or(0);
        let m = sokh::model::fund::import::guess_mapping(s.rows.get(header).map(Vec::as_slice).unwrap_or(&[]));
        rows += sokh::model::fund::import::preview(&book, &s.rows, header, &m).len();
        let h = sokh::model::awards::import::guess_header(&s.rows);
        let am = sokh::model::awards::import::guess_mapping(s.rows.get(h).map(Vec::as_slice).unwrap_or(&[]));
        rows += sokh::model::awards::import::preview(&book, &list, None, &s.rows, h, &am).len();
    }
    Ok(rows)
}

/// The refusal reads as Vietnamese words, whatever the library said underneath.
fn said_plainly(e: &ReadError) {
    let text = read_error(sokh::i18n::Lang::Vi, e);
    let first = text.split('(').next().unwrap_or("");
    assert!(
        ["tệp", "trang", "bảng tính", "không"].iter().any(|w| first.contains(w)),
        "not said plainly in Vietnamese: {text}"
    );
}

fn xlsx(path: &Path, cells: &[(u32, u16, &str)]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for &(r, c, t) in cells {
        ws.write_string(r, c, t).expect("cell");
    }
    wb.save(path).expect("save");
}

#[test]
fn hostile_files_are_refused_plainly_and_never_crash_or_run_away_with_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let at = |name: &str| dir.path().join(name);

    // One cell at A1 and one at XFD1048576: laid out whole, 549 GB.
    xlsx(&at("sparse.xlsx"), &[(0, 0, "Ngày"), (1_048_575, 16_383, "x")]);
    let size = std::fs::metadata(at("sparse.xlsx")).expect("meta").len();
    assert!(size < 20_000, "a small file: {size} bytes");
    let mut result = None;
    let peak = peak_of(|| result = Some(read_and_preview(&at("sparse.xlsx"))));
    match result.expect("ran") {
        Err(e @ ReadError::TooLarge { .. }) => {
            assert_eq!(e, ReadError::TooLarge { sheet: "Sheet1".into(), cell: "XFD1048576".into() });
            said_plainly(&e);
        }
        other => panic!("expected a refusal at XFD1048576, got {other:?}"),
    }
    assert!(peak < 64 * MB, "bounded before reading: {} MB", peak / MB);

    // 10,000 columns.
    let wide: Vec<(u32, u16, &str)> = (0..10_000u16).map(|c| (0, c, "cột")).collect();
    xlsx(&at("wide.xlsx"), &wide);
    assert!(matches!(read_and_preview(&at("wide.xlsx")), Err(ReadError::TooLarge { .. })));

    // Text named .xlsx, and a CSV that is not UTF-8 (TCVN3 bytes).
    std::fs::write(at("text.xlsx"), "Ngày;Họ tên;Số tiền\n02/10/2025;Lê Hoa;500000\n").expect("w");
    let e = read_and_preview(&at("text.xlsx")).expect_err("not a workbook");
    assert!(matches!(e, ReadError::Damaged(_)), "{e:?}");
    said_plainly(&e);
    std::fs::write(at("tcvn3.csv"), b"Ng\xb5y;H\xe4 t\xaan\n02/10/2025;L\xaa Hoa\n").expect("w");
    let e = read_and_preview(&at("tcvn3.csv")).expect_err("not UTF-8");
    assert_eq!(e, ReadError::NotUtf8);
    assert!(read_error(sokh::i18n::Lang::Vi, &e).contains("không phải văn bản UTF-8"), "says so plainly");

    // A 1 MB single line: one cell, kept cut, its row marked too long, memory near the file's.
    let line = format!("Ngày;Họ tên;Số tiền\n02/10/2025;{};500000\n", "A".repeat(MB));
    std::fs::write(at("long.csv"), &line).expect("w");
    let mut sheets = None;
    let peak = peak_of(|| sheets = Some(read_sheets(&at("long.csv"))));
    let sheets = sheets.expect("ran").expect("reads");
    assert_eq!(sheets[0].rows[1][1].chars().count(), MAX_CELL, "the cell is cut one past the longest field");
    assert!(peak < 8 * MB, "a 1 MB line costs a few MB, not hundreds: {} MB", peak / MB);
    let m = sokh::model::fund::import::guess_mapping(&sheets[0].rows[0]);
    let p = sokh::model::fund::import::preview(&Book::default(), &sheets[0].rows, 0, &m);
    assert_eq!(p[0].status, sokh::model::fund::import::RowStatus::Error(sokh::model::fund::import::RowError::TooLong));

    // An empty file, a folder, a missing file.
    std::fs::write(at("empty.csv"), "").expect("w");
    assert_eq!(read_and_preview(&at("empty.csv")), Err(ReadError::Empty));
    assert_eq!(read_and_preview(dir.path()), Err(ReadError::Folder));
    assert_eq!(read_and_preview(&at("gone.xlsx")), Err(ReadError::NotFound));
}

/// A small seeded random source: the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn random_and_mutated_bytes_through_every_reader() {
    let rounds: usize = std::env::var("SOKH_FUZZ").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let dir = tempfile::tempdir().expect("dir");
    let good_xlsx = dir.path().join("good.xlsx");
    xlsx(
        &good_xlsx,
        &[
            (0, 0, "Ngày"),
            (0, 1, "Họ tên"),
            (0, 2, "Số tiền"),
            (1, 0, "02/10/2025"),
            (1, 1, "Lê Hoa"),
            (1, 2, "500000"),
        ],
    );
    let seeds: Vec<(String, Vec<u8>)> = vec![
        ("xlsx".into(), std::fs::read(&good_xlsx).expect("read")),
        (
            "xlsx".into(),
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hsg-quoc-gia-2025.xlsx"))
                .expect("fixture"),
        ),
        (
            "csv".into(),
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hoc-bong-2025.csv")).expect("fixture"),
        ),
    ];
    let mut small = sokh::model::demo::demo_book();
    small.vouchers.truncate(300);
    let book_text = sokh::storage::to_text(&sokh::model::book::Data::new(small)).expect("ser");
    let mut rng = Rng(0x0dd_ba11_cafe_f00d);
    for round in 0..rounds {
        let (ext, seed) = &seeds[round % seeds.len()];
        let mut bytes = seed.clone();
        match rng.below(4) {
            // Truncated at a random point.
            0 => bytes.truncate(rng.below(bytes.len())),
            // Random bytes flipped.
            1 => {
                for _ in 0..1 + rng.below(20) {
                    let i = rng.below(bytes.len());
                    bytes[i] = rng.next() as u8;
                }
            }
            // A block of random bytes.
            2 => bytes = (0..rng.below(4096)).map(|_| rng.next() as u8).collect(),
            // A slice moved elsewhere.
            _ => {
                let a = rng.below(bytes.len());
                let b = (a + rng.below(512)).min(bytes.len());
                let chunk: Vec<u8> = bytes[a..b].to_vec();
                let at = rng.below(bytes.len());
                bytes.splice(at..at, chunk);
            }
        }
        let ext = [ext.as_str(), "xlsx", "xls", "ods", "csv"][rng.below(5)];
        let path = dir.path().join(format!("f{round}.{ext}"));
        std::fs::write(&path, &bytes).expect("write");
        let peak = peak_of(|| {
            if let Err(e) = read_and_preview(&path) {
                said_plainly(&e);
            }
        });
        assert!(peak < 256 * MB, "round {round} ({ext}): {} MB", peak / MB);
        // The book's own file, damaged the same way: an error, never a panic.
        if round % 10 != 0 {
            continue;
        }
        let mut text = book_text.as_bytes().to_vec();
        let cut = rng.below(text.len());
        text.truncate(cut);
        if let Ok(s) = String::from_utf8(text) {
            let _ = sokh::storage::parse(&s);
        }
    }
}
