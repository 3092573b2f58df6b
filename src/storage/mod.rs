//! Every byte of the book on disk: an atomic RON file, rotating backups, corrupt files kept
//! aside, newer versions opened read-only, older versions migrated forward.

pub mod crash;
pub mod files;
mod gather;
mod lines;
mod saver;
mod snapshot;
pub use files::{Lock, LockError};
pub use saver::{CopyResult, SaveStatus, Saver};

use crate::model::book::{DATA_VERSION, Data};
use crate::model::shared::sharing;
use chrono::{Local, NaiveDateTime};
use serde::Deserialize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "book.ron";
/// The window's preferences, beside the book and written the same way.
pub const PREFS_FILE: &str = "prefs.ron";
const KEEP_RECENT: usize = 20;
const KEEP_DAYS: i64 = 60;

/// What was found where the book should be.
#[derive(Debug)]
pub enum Loaded {
    /// No book yet: first run.
    Missing,
    Ok(Data),
    /// The file did not parse; it was moved aside and never overwritten.
    Corrupt {
        moved_to: PathBuf,
        error: String,
    },
    /// Written by a newer version of the app: shown read-only when it could be read.
    Newer {
        version: u32,
        data: Option<Data>,
    },
    /// The file exists but could not be read (permissions, disk).
    Unreadable(String),
}

/// What a copy of the program finds as it opens the folder: the lock, or why it is not
/// this copy's, and the book.
#[derive(Debug)]
pub struct Opened {
    pub lock: Result<Lock, LockError>,
    pub loaded: Loaded,
}

#[derive(Debug, PartialEq)]
pub enum ParseError {
    Syntax(String),
    Newer(u32),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Probe {
    version: u32,
}

/// Parses a book file, migrating older versions forward. A newer version is an error here.
pub fn parse(text: &str) -> Result<Data, ParseError> {
    // One pass in the usual case (the shape this program writes, its long lists parsed on
    // two threads); the whole text the ordinary way otherwise, with its error messages.
    match lines::read(text.as_bytes()) {
        Ok(Some(data)) if data.version <= DATA_VERSION => Ok(migrate(data)),
        _ => parse_whole(text),
    }
}

fn parse_whole(text: &str) -> Result<Data, ParseError> {
    match sharing(|| ron::from_str::<Data>(text)) {
        Ok(data) if data.version > DATA_VERSION => Err(ParseError::Newer(data.version)),
        Ok(data) => Ok(migrate(data)),
        Err(e) => match ron::from_str::<Probe>(text) {
            Ok(probe) if probe.version > DATA_VERSION => Err(ParseError::Newer(probe.version)),
            _ => Err(ParseError::Syntax(e.to_string())),
        },
    }
}

/// Brings a book of an older version up to `DATA_VERSION`, one step at a time.
pub fn migrate(mut data: Data) -> Data {
    while data.version < DATA_VERSION {
        data = match data.version {
            // Version 0: files written before the version field existed; same shape.
            0 => Data { version: 1, ..data },
            // Version 2 added award lists and scales, which start empty.
            1 => Data { version: 2, ..data },
            // Version 3 added learning models: the built-in criteria sets, nothing scored.
            2 => Data { version: 3, ..data },
            // 3 → 4: plans, closed years, and the calendar (a file without one gets the
            // standard national days through the field's default).
            3 => Data { version: 4, ..data },
            // 4 → 5: closed years get the digest of what they hold. (A later step that
            // changes the shape of a year's records must take the digests again.)
            4 => {
                let mut data = data;
                crate::model::closing::seal_missing(&mut data.book);
                Data { version: 5, ..data }
            }
            // 5 → 6: the change log keeps typed values (old → new) instead of text.
            5 => {
                let mut data = data;
                crate::model::log::type_legacy(&mut data.log);
                Data { version: 6, ..data }
            }
            // 6 → 7: award lists' voided payouts and lists to make start empty; a list's
            // seal is taken as before while it has no voided payout.
            6 => Data { version: 7, ..data },
            // 7 → 8: score sheets, decisions and award lists' students are written as rows;
            // in memory nothing changes (each reads from either form).
            7 => Data { version: 8, ..data },
            v => Data { version: v + 1, ..data },
        };
    }
    data
}

/// The book as RON, each voucher and each score sheet on a line of its own.
pub fn to_text(data: &Data) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false);
    ron::ser::to_string_pretty(data, pretty).map(lines::spread)
}

/// The folder that holds the book and its backups.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.dir.join("backups")
    }

    /// Reads the book, as the copy that holds the lock: a file that does not parse is moved
    /// aside (never overwritten) so that it is not saved over.
    pub fn load(&self) -> Loaded {
        self.read(true)
    }

    /// Takes the lock and reads the book (a damaged one moved aside), or, when another copy
    /// holds the lock, only looks.
    pub fn open(&self) -> Opened {
        let lock = Lock::take(&self.dir);
        let loaded = if lock.is_ok() {
            self.tidy();
            self.load()
        } else {
            self.peek()
        };
        Opened { lock, loaded }
    }

    /// Reads the book without touching any file: for a second copy, which may only look.
    pub fn peek(&self) -> Loaded {
        self.read(false)
    }

    fn read(&self, own: bool) -> Loaded {
        let path = self.file();
        // From the quick copy when it was made from this very file.
        if let Some(data) = snapshot::read(&self.dir, &path) {
            return Loaded::Ok(data);
        }
        // As the file streams in, without holding its whole text beside the book.
        let streamed = fs::File::open(&path).map(io::BufReader::new).and_then(lines::read);
        if let Ok(Some(data)) = streamed
            && data.version <= DATA_VERSION
        {
            return Loaded::Ok(migrate(data));
        }
        let text = match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) if own => return self.set_aside(&path, "not UTF-8 text".into()),
                Err(_) => return Loaded::Unreadable("not UTF-8 text".into()),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
            Err(e) => return Loaded::Unreadable(e.to_string()),
        };
        match parse(&text) {
            Ok(d) => Loaded::Ok(d),
            Err(ParseError::Newer(version)) => {
                // Readable when the newer version only added fields.
                let data = ron::from_str::<Data>(&text).ok().filter(|d| d.version == version);
                Loaded::Newer { version, data }
            }
            Err(ParseError::Syntax(e)) if own => self.set_aside(&path, e),
            Err(ParseError::Syntax(e)) => Loaded::Unreadable(e),
        }
    }

    fn set_aside(&self, path: &Path, error: String) -> Loaded {
        let stem = format!("book.corrupt-{}", Local::now().format("%Y%m%d-%H%M%S"));
        match files::move_aside(path, &self.dir, &stem) {
            Ok(moved_to) => Loaded::Corrupt { moved_to, error },
            Err(e) => Loaded::Unreadable(format!("{error}; {e}")),
        }
    }

    /// Damaged books kept aside, newest first.
    pub fn quarantined(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = list(&self.dir)
            .filter(|(name, _)| name.starts_with("book.corrupt-") && name.ends_with(".ron"))
            .map(|(_, p)| p)
            .collect();
        out.sort();
        out.reverse();
        out
    }

    /// Makes the folder private and removes the temp files a crash left. Only the copy that
    /// holds the lock does this.
    pub fn tidy(&self) {
        let _ = files::private_dir(&self.dir);
        files::remove_temps(&self.dir);
        files::remove_temps(&self.backups_dir());
    }

    /// Writes the book atomically and keeps a backup copy, written the same way.
    pub fn write(&self, data: &Data) -> io::Result<()> {
        let text = to_text(data).map_err(io::Error::other)?;
        files::private_dir(&self.dir)?;
        // The old snapshot goes first: it must never outlive the book it was made from.
        snapshot::remove(&self.dir);
        files::write_atomic(&self.file(), text.as_bytes())?;
        // Without a snapshot the next start reads the text, only slower.
        let _ = snapshot::write(&self.dir, &self.file(), data);
        let dir = self.backups_dir();
        files::private_dir(&dir)?;
        let name = format!("book-{}.ron", Local::now().format("%Y%m%d-%H%M%S%.3f"));
        files::write_atomic(&dir.join(name), text.as_bytes())?;
        self.prune_backups(Local::now().naive_local(), data.started)
    }

    /// The quick copy beside the book (see `snapshot`).
    pub fn snapshot_file(&self) -> PathBuf {
        self.dir.join(snapshot::NAME)
    }

    /// Whether the quick copy beside the book was made from it as it is now (see `snapshot`).
    pub fn has_snapshot(&self) -> bool {
        snapshot::current(&self.dir, &self.file())
    }

    /// Makes the snapshot of the book just read from its text, unless it has one already.
    pub fn snapshot(&self, data: &Data) -> io::Result<()> {
        if self.has_snapshot() {
            return Ok(());
        }
        snapshot::write(&self.dir, &self.file(), data)
    }

    /// Keeps a named copy of the book before a destructive command (`before-empty`,
    /// `before-import`, …) in the backups folder. Rotation never removes it.
    pub fn keep_copy(&self, data: &Data, what: &str) -> io::Result<PathBuf> {
        let text = to_text(data).map_err(io::Error::other)?;
        let dir = self.backups_dir();
        files::private_dir(&dir)?;
        let path = files::free_name(&dir, &format!("before-{what}-{}", Local::now().format("%Y%m%d-%H%M%S")));
        files::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// Writes another file of the data folder the same way (the window's preferences).
    pub fn write_file(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        files::private_dir(&self.dir)?;
        files::write_atomic(&self.dir.join(name), bytes)
    }

    /// Backups, newest first, with the time each was written.
    pub fn backups(&self) -> Vec<(NaiveDateTime, PathBuf)> {
        let mut out: Vec<(NaiveDateTime, PathBuf)> = list(&self.backups_dir())
            .filter_map(|(name, path)| {
                let stamp = name.strip_prefix("book-")?.strip_suffix(".ron")?.to_owned();
                let at = NaiveDateTime::parse_from_str(&stamp, "%Y%m%d-%H%M%S%.3f").ok()?;
                Some((at, path))
            })
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.0));
        out
    }

    /// Keeps the newest 20 backups, the newest of each day for 60 days, and the newest one
    /// written before the current book was started (so starting afresh never rotates away
    /// the last copy of the book before). Named copies (`before-…`) are never touched.
    pub fn prune_backups(&self, now: NaiveDateTime, started: Option<NaiveDateTime>) -> io::Result<()> {
        let mut days_kept = std::collections::HashSet::new();
        let backups = self.backups();
        let before_start = started.and_then(|s| backups.iter().position(|(at, _)| *at < s));
        for (i, (at, path)) in backups.into_iter().enumerate() {
            let fresh_day = (now - at).num_days() < KEEP_DAYS && days_kept.insert(at.date());
            if i >= KEEP_RECENT && !fresh_day && Some(i) != before_start {
                fs::remove_file(path)?;
            }
        }
        Ok(())
    }

    /// The newest backup that parses, for recovery after a damaged or missing book. It reads
    /// files one after another: call it off the window's thread.
    pub fn newest_good_backup(&self) -> Option<(PathBuf, Data)> {
        self.backups().into_iter().find_map(|(_, p)| {
            let text = fs::read_to_string(&p).ok()?;
            parse(&text).ok().map(|d| (p, d))
        })
    }
}

/// The files of a folder with their names.
fn list(dir: &Path) -> impl Iterator<Item = (String, PathBuf)> {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
}

/// Reads a book file the user chose to import.
pub fn read_book(path: &Path) -> Result<Data, String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    parse(&text).map_err(|e| match e {
        ParseError::Syntax(s) => s,
        ParseError::Newer(v) => format!("version {v} > {DATA_VERSION}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_book;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        (dir, store)
    }

    #[test]
    fn round_trip_keeps_every_voucher() {
        let (_d, s) = store();
        assert!(matches!(s.load(), Loaded::Missing));
        let data = Data::new(demo_book());
        s.write(&data).expect("write");
        match s.load() {
            Loaded::Ok(back) => assert_eq!(back, data),
            other => panic!("expected the book back, got {other:?}"),
        }
        assert_eq!(s.backups().len(), 1);
    }

    #[test]
    fn corrupt_file_is_kept_aside_and_a_backup_offered() {
        let (_d, s) = store();
        let data = Data::new(demo_book());
        s.write(&data).expect("write");
        fs::write(s.file(), "(version: 1, book: (vouchers: [ broken").expect("spoil");
        let Loaded::Corrupt { moved_to, .. } = s.load() else { panic!("should be corrupt") };
        assert!(moved_to.exists(), "the bad file is kept");
        assert!(fs::read_to_string(&moved_to).expect("read").contains("broken"));
        assert!(!s.file().exists(), "and not left where it would be overwritten");
        let (_, recovered) = s.newest_good_backup().expect("a good backup");
        assert_eq!(recovered, data);
    }

    #[test]
    fn newer_version_is_reported_not_overwritten() {
        let (_d, s) = store();
        let mut data = Data::new(demo_book());
        data.version = DATA_VERSION + 1;
        fs::create_dir_all(s.dir()).expect("dir");
        fs::write(s.file(), to_text(&data).expect("ser")).expect("write");
        let Loaded::Newer { version, data: read } = s.load() else { panic!("should be newer") };
        assert_eq!(version, DATA_VERSION + 1);
        assert_eq!(read.map(|d| d.book.vouchers.len()), Some(data.book.vouchers.len()));
        assert!(s.file().exists());
    }

    #[test]
    fn a_version_4_book_gets_the_digest_of_its_closed_years() {
        use crate::model::book::Closing;
        use crate::model::closing::{changed_years, digest};
        let mut data = Data::new(demo_book());
        let year = data.book.vouchers[0].year();
        let balance = crate::model::closing::closing_balance(&data.book, year);
        let date = chrono::NaiveDate::from_ymd_opt(year + 1, 1, 15).expect("date");
        data.book.closed.insert(year, Closing { date, balance, digest: 0 });
        data.version = 4;
        let text = to_text(&data).expect("ser");
        let text = text.replace("digest: 0,", "").replace(", digest: 0", "").replace("digest: 0", "");
        assert!(!text.contains("digest"), "a file from before the digest");
        let back = parse(&text).expect("migrates");
        assert_eq!(back.version, DATA_VERSION);
        assert_eq!(back.book.closed[&year].digest, digest(&back.book, year));
        assert!(changed_years(&back.book).is_empty());
    }

    #[test]
    fn a_version_5_log_gets_typed_values() {
        use crate::model::fund::ledger::Method;
        use crate::model::log::LogValue;
        let text = r#"(version: 5, book: (), log: [(at: "2025-03-01T09:30:00", kind: Do, label: EditVoucher,
            lines: [(subject: "PT-2025-0001", field: Method, old: "Cash", new: "Bank"),
                    (subject: "PT-2025-0001", field: Amount, old: "100.000", new: "")], more: 0)])"#;
        let data = parse(text).expect("migrates");
        assert_eq!(data.version, DATA_VERSION);
        let lines = &data.log[0].lines;
        assert_eq!((&lines[0].was, &lines[0].now), (&LogValue::Method(Method::Cash), &LogValue::Method(Method::Bank)));
        assert_eq!((&lines[1].was, &lines[1].now), (&LogValue::Text("100.000".into()), &LogValue::Text(String::new())));
        let written = to_text(&data).expect("writes");
        assert!(written.contains("was:") && !written.contains("\"Cash\""), "the text values are not written again");
        assert_eq!(parse(&written).expect("reads back").log, data.log);
    }

    #[test]
    fn a_version_7_book_reads_its_named_sheets_and_decisions_and_writes_them_as_rows() {
        use crate::model::learning::Value;
        let text = r#"(
    version: 7,
    book: (
        learning: (
            sheets: [
                (subject: 0, year: 2024, set: 3, values: [(score: 9, met: true), (evidence: "Sổ, \"họp\"")], evaluator: "Ban chỉ đạo xã", date: Some("2024-11-10")),
                (subject: 1, year: 2024, set: 3, values: [(measured: Some(85))]),
            ],
            decisions: [
                (subject: 0, year: 2024, number: "12/QĐ-UBND", authority: "UBND xã Cam Lộ", result: "Đạt Gia đình học tập"),
            ],
        ),
    ),
)"#;
        let data = parse(text).expect("migrates");
        assert_eq!(lines::read(text.as_bytes()).expect("streams").map(migrate).as_ref(), Some(&data), "streamed");
        assert_eq!(data.version, DATA_VERSION);
        let sheets = &data.book.learning.sheets;
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[0].values, [Value { score: 9, met: true, ..Default::default() }, Value::default()]);
        assert_eq!(sheets[0].evidence.get(1), "Sổ, \"họp\"");
        assert_eq!(
            (sheets[0].evaluator.as_str(), sheets[0].date.map(|d| d.to_string())),
            ("Ban chỉ đạo xã", Some("2024-11-10".into()))
        );
        assert_eq!(sheets[1].values, [Value { measured: Some(85), ..Default::default() }]);
        let written = to_text(&data).expect("writes");
        assert!(
            written.contains(r#"(0, 2024, 3, "9+ 0", [(1, "Sổ, \"họp\"")], "Ban chỉ đạo xã", Some("2024-11-10")),"#),
            "{written}"
        );
        assert!(written.contains(r#"(1, 2024, 3, "0%85", [], "", None),"#), "{written}");
        assert!(
            written.contains(r#"(0, 2024, "12/QĐ-UBND", None, "UBND xã Cam Lộ", "Đạt Gia đình học tập", None),"#),
            "{written}"
        );
        assert_eq!(parse(&written).expect("reads back"), data);
        assert_eq!(lines::read(written.as_bytes()).expect("streams"), Some(data));
    }

    #[test]
    fn version_0_migrates_forward() {
        let text = r#"(book: (settings: (org_name: "Hội cũ")))"#;
        let data = parse(text).expect("parses");
        assert_eq!(data.version, DATA_VERSION);
        assert_eq!(data.book.settings.org_name, "Hội cũ");
        assert_eq!(data.book.settings.receipt_pattern, "PT-{yyyy}-{nnnn}", "defaults fill what old files lack");
    }

    #[test]
    fn interrupted_write_leaves_the_old_file_whole() {
        let (_d, s) = store();
        let old = Data::new(demo_book());
        s.write(&old).expect("write");
        // A crash while the temp file is half written: the book itself is untouched, and
        // the next start removes the half.
        let new_text = to_text(&Data::default()).expect("ser");
        let half = s.dir().join(format!(".{FILE_NAME}.999-0.tmp"));
        fs::write(&half, &new_text.as_bytes()[..new_text.len() / 2]).expect("half");
        match s.load() {
            Loaded::Ok(back) => assert_eq!(back, old),
            other => panic!("old book should load, got {other:?}"),
        }
        s.tidy();
        assert!(!half.exists());
        // The next save completes and replaces it whole.
        let new = Data::new(Default::default());
        s.write(&new).expect("write");
        assert!(matches!(s.load(), Loaded::Ok(d) if d == new));
    }

    #[test]
    fn backups_rotate() {
        let (_d, s) = store();
        fs::create_dir_all(s.backups_dir()).expect("dir");
        let now = NaiveDateTime::parse_from_str("20261128-120000.000", "%Y%m%d-%H%M%S%.3f").expect("t");
        // 30 saves today and one a day for 100 days before.
        for i in 0..30 {
            fs::write(s.backups_dir().join(format!("book-20261128-11{i:02}00.000.ron")), "x").expect("w");
        }
        for d in 1..=100 {
            let at = now - chrono::Duration::days(d);
            fs::write(s.backups_dir().join(format!("book-{}.ron", at.format("%Y%m%d-%H%M%S%.3f"))), "x").expect("w");
        }
        s.prune_backups(now, None).expect("prune");
        let left = s.backups();
        // 20 newest (all today) + one per day for the 59 earlier days within 60 days.
        assert_eq!(left.len(), 20 + 59);
        assert!(left.iter().all(|(at, _)| (now - *at).num_days() < 60));
    }

    #[test]
    fn a_fresh_start_saved_many_times_keeps_the_last_backup_before_it() {
        let (_d, s) = store();
        let good = Data::new(demo_book());
        s.write(&good).expect("good book");
        let good_backup = s.backups()[0].1.clone();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let mut empty = Data::new(Default::default());
        empty.started = Some(Local::now().naive_local());
        std::thread::sleep(std::time::Duration::from_millis(5));
        for i in 0..25 {
            empty.book.settings.org_name = format!("Hội {i}");
            s.write(&empty).expect("save");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(good_backup.exists(), "the last backup of the book before is kept");
        let (path, data) = s.newest_good_backup().expect("one");
        assert_ne!(path, good_backup);
        assert_eq!(data.book.settings.org_name, "Hội 24");
        // A named copy before a destructive command is never rotated away.
        let copy = s.keep_copy(&good, "empty").expect("copy");
        assert!(copy.file_name().is_some_and(|n| n.to_string_lossy().starts_with("before-empty-")));
        for _ in 0..25 {
            s.write(&empty).expect("save");
        }
        assert!(copy.exists());
    }
}
