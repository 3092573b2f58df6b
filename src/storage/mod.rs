//! Every byte of the book on disk: an atomic RON file, rotating backups, corrupt files kept
//! aside, newer versions opened read-only, older versions migrated forward.

mod saver;
pub use saver::{SaveStatus, Saver};

use crate::model::book::{DATA_VERSION, Data};
use crate::model::ledger::Voucher;
use chrono::{Local, NaiveDateTime};
use serde::Deserialize;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "book.ron";
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
    // One pass in the usual case; the version alone is read only when the whole fails.
    let parsed = parse_split(text).map_or_else(|| ron::from_str::<Data>(text), Ok);
    match parsed {
        Ok(data) if data.version > DATA_VERSION => Err(ParseError::Newer(data.version)),
        Ok(data) => Ok(migrate(data)),
        Err(e) => match ron::from_str::<Probe>(text) {
            Ok(probe) if probe.version > DATA_VERSION => Err(ParseError::Newer(probe.version)),
            _ => Err(ParseError::Syntax(e.to_string())),
        },
    }
}

/// The fast path for files this program wrote: vouchers sit one per line between two
/// known lines, so they are parsed line by line on two threads while the rest of the book
/// is parsed as usual. Anything unexpected (a file edited by hand) returns `None`, and the
/// whole file is parsed the ordinary way, with its error messages.
fn parse_split(text: &str) -> Option<Data> {
    const OPEN: &str = "\n        vouchers: [\n";
    const CLOSE: &str = "\n        ],";
    let start = text.find(OPEN)? + OPEN.len();
    let len = text[start..].find(CLOSE)?;
    let lines: Vec<&str> = text[start..start + len].lines().collect();
    let rest = format!("{}{}", &text[..start], &text[start + len..]);
    let parse_lines = |lines: &[&str]| -> Option<Vec<Voucher>> {
        lines.iter().map(|l| ron::from_str::<Voucher>(l.trim().trim_end_matches(',')).ok()).collect()
    };
    let mid = lines.len() / 2;
    let (first, second, data) = std::thread::scope(|s| {
        let second = s.spawn(|| parse_lines(&lines[mid..]));
        let first = parse_lines(&lines[..mid]);
        let data = ron::from_str::<Data>(&rest).ok();
        (first, second.join().ok().flatten(), data)
    });
    let mut data = data?;
    let mut vouchers = first?;
    vouchers.extend(second?);
    data.book.vouchers = vouchers;
    Some(data)
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
            v => Data { version: v + 1, ..data },
        };
    }
    data
}

pub fn to_text(data: &Data) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false);
    ron::ser::to_string_pretty(data, pretty)
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

    pub fn load(&self) -> Loaded {
        let path = self.file();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return self.set_aside(&path, e.to_string());
            }
            Err(e) => return Loaded::Unreadable(e.to_string()),
        };
        match parse(&text) {
            Ok(d) => Loaded::Ok(d),
            Err(ParseError::Newer(version)) => {
                // Readable when the newer version only added fields.
                let data = ron::from_str::<Data>(&text).ok().filter(|d| d.version == version);
                Loaded::Newer { version, data }
            }
            Err(ParseError::Syntax(e)) => self.set_aside(&path, e),
        }
    }

    fn set_aside(&self, path: &Path, error: String) -> Loaded {
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let moved_to = self.dir.join(format!("book.corrupt-{stamp}.ron"));
        match fs::rename(path, &moved_to) {
            Ok(()) => Loaded::Corrupt { moved_to, error },
            Err(e) => Loaded::Unreadable(format!("{error}; {e}")),
        }
    }

    /// Writes the book atomically (temp file, fsync, rename) and keeps a backup copy.
    pub fn write(&self, data: &Data) -> io::Result<()> {
        let text = to_text(data).map_err(io::Error::other)?;
        self.write_bytes(text.as_bytes())?;
        self.backup(text.as_bytes())
    }

    fn write_bytes(&self, bytes: &[u8]) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let tmp = self.dir.join(format!("{FILE_NAME}.tmp"));
        {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
        }
        fs::rename(&tmp, self.file())?;
        if let Ok(dir) = fs::File::open(&self.dir) {
            // Make the rename itself durable; not every platform allows syncing a folder.
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn backup(&self, bytes: &[u8]) -> io::Result<()> {
        let dir = self.backups_dir();
        fs::create_dir_all(&dir)?;
        let name = format!("book-{}.ron", Local::now().format("%Y%m%d-%H%M%S%.3f"));
        fs::write(dir.join(name), bytes)?;
        self.prune_backups(Local::now().naive_local())
    }

    /// Backups, newest first, with the time each was written.
    pub fn backups(&self) -> Vec<(NaiveDateTime, PathBuf)> {
        let Ok(entries) = fs::read_dir(self.backups_dir()) else {
            return Vec::new();
        };
        let mut out: Vec<(NaiveDateTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stamp = name.strip_prefix("book-")?.strip_suffix(".ron")?.to_owned();
                let at = NaiveDateTime::parse_from_str(&stamp, "%Y%m%d-%H%M%S%.3f").ok()?;
                Some((at, e.path()))
            })
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.0));
        out
    }

    /// Keeps the newest 20 backups and the newest of each day for 60 days.
    pub fn prune_backups(&self, now: NaiveDateTime) -> io::Result<()> {
        let mut days_kept = std::collections::HashSet::new();
        for (i, (at, path)) in self.backups().into_iter().enumerate() {
            let fresh_day = (now - at).num_days() < KEEP_DAYS && days_kept.insert(at.date());
            if i >= KEEP_RECENT && !fresh_day {
                fs::remove_file(path)?;
            }
        }
        Ok(())
    }

    /// The newest backup that parses, for recovery after a corrupt file.
    pub fn newest_good_backup(&self) -> Option<(PathBuf, Data)> {
        self.backups().into_iter().find_map(|(_, p)| {
            let text = fs::read_to_string(&p).ok()?;
            parse(&text).ok().map(|d| (p, d))
        })
    }
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
    fn the_fast_path_reads_what_the_full_parse_reads() {
        let data = Data::new(demo_book());
        let text = to_text(&data).expect("ser");
        assert_eq!(parse_split(&text), Some(data.clone()));
        // A file edited by hand (one voucher over two lines) falls back to the full parse.
        let edited = text.replacen("\"PT-2021-0001\", ", "\"PT-2021-0001\",\n ", 1);
        assert_ne!(edited, text);
        assert_eq!(parse_split(&edited), None);
        assert_eq!(parse(&edited), Ok(data));
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
        // A crash while the temp file is half written: the book itself is untouched.
        let new_text = to_text(&Data::default()).expect("ser");
        fs::write(s.dir().join(format!("{FILE_NAME}.tmp")), &new_text.as_bytes()[..new_text.len() / 2]).expect("half");
        match s.load() {
            Loaded::Ok(back) => assert_eq!(back, old),
            other => panic!("old book should load, got {other:?}"),
        }
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
        s.prune_backups(now).expect("prune");
        let left = s.backups();
        // 20 newest (all today) + one per day for the 59 earlier days within 60 days.
        assert_eq!(left.len(), 20 + 59);
        assert!(left.iter().all(|(at, _)| (now - *at).num_days() < 60));
    }
}
