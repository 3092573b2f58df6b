//! How every file in the data folder is written: atomically (a temp file with a name of its
//! own, synced, renamed over the old one; removed if anything fails), private to the user
//! (the folder 0700 and the files 0600 on Unix: the book holds minors' birth dates and
//! family circumstances), and never over a file that must be kept.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Creates the folder if needed and makes it private.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Opens a new file that only the user can read, failing if it exists.
fn create_private(path: &Path) -> io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temp name beside `path` that no other writer (thread or process) uses.
fn temp_name(path: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Is this one of our temp files (left by a crash, removed at the next start)?
pub fn is_temp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new
/// one whole, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// `write_atomic` of what `write` writes as it goes (buffered), never held whole.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let tmp = temp_name(path);
    let written = (|| {
        let mut f = io::BufWriter::with_capacity(1 << 16, create_private(&tmp)?);
        write(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        // A full disk must not also fill up with halves.
        let _ = fs::remove_file(&tmp);
        return written;
    }
    if let Some(dir) = path.parent()
        && let Ok(d) = fs::File::open(dir)
    {
        // Make the rename itself durable; not every platform allows syncing a folder.
        let _ = d.sync_all();
    }
    Ok(())
}

/// `dir/stem.ron`, or `dir/stem-2.ron`, `-3`, … : the first name not taken.
pub fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.ron"));
    if !first.exists() {
        return first;
    }
    (2..).map(|n| dir.join(format!("{stem}-{n}.ron"))).find(|p| !p.exists()).unwrap_or(first)
}

/// Moves `from` to a free name beginning with `stem` and never replaces a file there.
pub fn move_aside(from: &Path, dir: &Path, stem: &str) -> io::Result<PathBuf> {
    for _ in 0..100 {
        let to = free_name(dir, stem);
        // A hard link fails when the name is taken, so no file is ever replaced.
        match fs::hard_link(from, &to) {
            Ok(()) => {
                fs::remove_file(from)?;
                return Ok(to);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // A file system without hard links: the name was free a moment ago.
            Err(_) if !to.exists() => {
                fs::rename(from, &to)?;
                return Ok(to);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name"))
}

/// Removes the temp files a crash left in `dir`.
pub fn remove_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.filter_map(Result::ok) {
        if is_temp(&e.file_name().to_string_lossy()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The lock that keeps a second copy of the program from writing the same book. It is an
/// OS lock on an open file: it goes with the process, so a crash leaves no stale lock.
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LockError {
    /// Another copy of the program holds the book.
    Held,
    /// The lock file could not be opened (permissions, a read-only folder).
    Io(String),
}

impl Lock {
    pub fn take(dir: &Path) -> Result<Lock, LockError> {
        private_dir(dir).map_err(|e| LockError::Io(e.to_string()))?;
        let mut o = fs::OpenOptions::new();
        o.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        let file = o.open(dir.join("book.lock")).map_err(|e| LockError::Io(e.to_string()))?;
        match file.try_lock() {
            Ok(()) => Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(LockError::Held),
            Err(fs::TryLockError::Error(e)) => Err(LockError::Io(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_half_and_the_old_file_whole() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("book.ron");
        write_atomic(&path, b"old").expect("write");
        // Writing into a folder that does not exist fails before any rename.
        let missing = dir.path().join("gone").join("book.ron");
        assert!(write_atomic(&missing, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into())
            .collect();
        assert_eq!(names, ["book.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn files_and_the_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let data = dir.path().join("data");
        private_dir(&data).expect("dir");
        write_atomic(&data.join("book.ron"), b"x").expect("write");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("book.ron")), 0o600);
    }

    #[test]
    fn moving_aside_never_replaces_a_kept_file() {
        let dir = tempfile::tempdir().expect("dir");
        for text in ["first", "second"] {
            let bad = dir.path().join("book.ron");
            fs::write(&bad, text).expect("write");
            move_aside(&bad, dir.path(), "book.corrupt-20261201-101500").expect("moved");
        }
        let first = dir.path().join("book.corrupt-20261201-101500.ron");
        let second = dir.path().join("book.corrupt-20261201-101500-2.ron");
        assert_eq!(fs::read_to_string(first).expect("read"), "first");
        assert_eq!(fs::read_to_string(second).expect("read"), "second");
    }

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_and_freed_when_dropped() {
        let dir = tempfile::tempdir().expect("dir");
        let first = Lock::take(dir.path()).expect("first");
        assert_eq!(Lock::take(dir.path()).map(|_| ()), Err(LockError::Held));
        drop(first);
        assert!(Lock::take(dir.path()).is_ok());
    }
}
