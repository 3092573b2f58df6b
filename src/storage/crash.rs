//! What is left when the program stops on an error: a crash log beside the book (the
//! message and the backtrace) and, when there were unsaved changes, a recovery file with
//! them, never written over `book.ron`. The next start finds both and says so.

use super::files::write_atomic;
use super::{parse, to_text};
use crate::model::book::Data;
use chrono::{Local, NaiveDateTime};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

struct Watched {
    dir: PathBuf,
    /// Weak, so that a change still edits the book in place: a strong reference here would
    /// make every change copy the whole book.
    data: Weak<Data>,
    unsaved: bool,
}

static WATCHED: Mutex<Option<Watched>> = Mutex::new(None);

thread_local! {
    /// Set while a foreign file is read under `guarded`: a panic there is the reader's,
    /// caught and reported as a damaged file, not a crash of the program.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it (a library's, on a hostile file) into an error.
pub fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

const STAMP: &str = "%Y%m%d-%H%M%S";

/// Installs the panic hook that writes the crash log (and the recovery file) into `dir`;
/// the usual message is still printed after it.
pub fn install() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if GUARDED.with(|g| g.get()) {
            return;
        }
        let backtrace = std::backtrace::Backtrace::force_capture();
        // `try_lock`: a panic while the lock is held must not hang the program.
        let watched =
            WATCHED.try_lock().ok().and_then(|w| w.as_ref().map(|w| (w.dir.clone(), w.data.upgrade(), w.unsaved)));
        if let Some((dir, data, unsaved)) = watched {
            // The book is out of reach only while a change is being made (it is moved then):
            // the log is written all the same.
            let data = data.filter(|_| unsaved);
            let _ = write_report(&dir, &info.to_string(), &backtrace.to_string(), data.as_deref());
        }
        default(info);
    }));
}

/// Tells the hook which book is open and whether it has changes not yet on disk. Called
/// after every change and every save; cheap (the book is shared, not copied).
pub fn watch(dir: &Path, data: &Arc<Data>, unsaved: bool) {
    if let Ok(mut w) = WATCHED.lock() {
        *w = Some(Watched { dir: dir.to_path_buf(), data: Arc::downgrade(data), unsaved });
    }
}

/// Stops watching (the book is closed, or this copy may not write into the folder).
pub fn unwatch() {
    if let Ok(mut w) = WATCHED.lock() {
        *w = None;
    }
}

/// Writes `crash-<time>.log` and, with unsaved changes, `book.recovery-<time>.ron`.
pub fn write_report(dir: &Path, message: &str, backtrace: &str, unsaved: Option<&Data>) -> std::io::Result<PathBuf> {
    let stamp = Local::now().format(STAMP).to_string();
    let recovery = match unsaved {
        Some(data) => {
            let path = super::files::free_name(dir, &format!("book.recovery-{stamp}"));
            let text = to_text(data).map_err(std::io::Error::other)?;
            write_atomic(&path, text.as_bytes())?;
            Some(path)
        }
        None => None,
    };
    let log = dir.join(format!("crash-{stamp}.log"));
    let text = format!(
        "Sổ Khuyến học {} stopped at {}\n{message}\n\nrecovery file: {}\n\n{backtrace}\n",
        env!("CARGO_PKG_VERSION"),
        Local::now().format("%d/%m/%Y %H:%M:%S"),
        recovery.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "none (nothing unsaved)".into()),
    );
    write_atomic(&log, text.as_bytes())?;
    Ok(log)
}

/// A crash the user has not been told of yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub at: NaiveDateTime,
    pub log: PathBuf,
    /// The unsaved changes of that moment, when there were any.
    pub recovery: Option<PathBuf>,
}

/// The crashes not yet shown, newest first.
pub fn reports(dir: &Path) -> Vec<Report> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut out: Vec<Report> = names
        .iter()
        .filter_map(|n| {
            let stamp = n.strip_prefix("crash-")?.strip_suffix(".log")?;
            let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
            let recovery = names
                .iter()
                .filter(|r| r.starts_with(&format!("book.recovery-{stamp}")) && r.ends_with(".ron"))
                .map(|r| dir.join(r))
                .next();
            Some(Report { at, log: dir.join(n), recovery })
        })
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.at));
    out
}

/// Reads a recovery file.
pub fn read_recovery(path: &Path) -> Result<Data, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    parse(&text).map_err(|e| format!("{e:?}"))
}

/// The user has seen the report: the log is kept as `crash-<time>.seen.log`, and the
/// recovery file as `book.recovered-…` (opened) or `book.recovery-….dismissed.ron`.
pub fn settle(report: &Report, opened: bool) -> std::io::Result<()> {
    let seen = report.log.with_extension("seen.log");
    std::fs::rename(&report.log, seen)?;
    if let Some(r) = &report.recovery {
        let name = r.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let kept = if opened {
            name.replacen("book.recovery-", "book.recovered-", 1)
        } else {
            name.replacen(".ron", ".dismissed.ron", 1)
        };
        std::fs::rename(r, r.with_file_name(kept))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_book;

    #[test]
    fn a_report_is_found_once_and_kept_after_it_is_seen() {
        let dir = tempfile::tempdir().expect("dir");
        let data = Data::new(demo_book());
        let log = write_report(dir.path(), "index out of bounds", "0: main", Some(&data)).expect("written");
        let found = reports(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].log, log);
        let text = std::fs::read_to_string(&log).expect("log");
        assert!(text.contains("index out of bounds") && text.contains("0: main"));
        let recovery = found[0].recovery.clone().expect("unsaved changes kept");
        assert_eq!(read_recovery(&recovery), Ok(data));
        settle(&found[0], false).expect("settled");
        assert!(reports(dir.path()).is_empty(), "told once");
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into())
            .collect();
        assert_eq!(left.len(), 2, "both files are kept: {left:?}");
    }
}
