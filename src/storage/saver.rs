//! Every write into the data folder, off the UI thread and in order: the book (jobs that
//! pile up are coalesced, only the newest revision is written), the named copy kept before
//! a destructive command, and the window's preferences.

use super::Store;
use crate::model::book::Data;
use chrono::{Local, NaiveDateTime};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved { revision: u64, at: NaiveDateTime },
    Failed { revision: u64, error: String },
}

/// The answer to `keep_copy`: where the copy went, or why it could not be written.
pub type CopyResult = Result<PathBuf, String>;

enum Job {
    Save(Arc<Data>, u64),
    Copy(Arc<Data>, &'static str, Sender<CopyResult>),
    Prefs(String),
    Snapshot(Arc<Data>),
    Flush(Sender<()>),
}

pub struct Saver {
    jobs: Sender<Job>,
    status: Receiver<SaveStatus>,
}

impl Saver {
    /// Starts the saving thread; `wake` is called after each save (to repaint the window).
    pub fn start(store: Store, wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, rx) = channel::<Job>();
        let (status_tx, status) = channel();
        let spawned = std::thread::Builder::new().name("book-saver".into()).spawn(move || {
            let mut saved = false;
            while let Ok(job) = rx.recv() {
                let mut pending = vec![job];
                pending.extend(rx.try_iter());
                // Only the newest book is written, at the place of the last save asked for,
                // so a copy asked for before it is made of the book it was asked for.
                let last_save = pending.iter().rposition(|j| matches!(j, Job::Save(..)));
                for (i, job) in pending.into_iter().enumerate() {
                    match job {
                        Job::Save(data, revision) if Some(i) == last_save => {
                            saved = true;
                            let result = store.write(&data);
                            drop(data);
                            let s = match result {
                                Ok(()) => SaveStatus::Saved { revision, at: Local::now().naive_local() },
                                Err(e) => SaveStatus::Failed { revision, error: e.to_string() },
                            };
                            let _ = status_tx.send(s);
                            wake();
                        }
                        Job::Save(..) => {}
                        Job::Copy(data, what, reply) => {
                            let _ = reply.send(store.keep_copy(&data, what).map_err(|e| e.to_string()));
                            wake();
                        }
                        // Only of the book as it is in the file: once a save is asked for,
                        // the save writes the snapshot of what it writes.
                        Job::Snapshot(data) if last_save.is_none() && !saved => {
                            let _ = store.snapshot(&data);
                        }
                        Job::Snapshot(_) => {}
                        Job::Prefs(text) => {
                            let _ = store.write_file(super::PREFS_FILE, text.as_bytes());
                        }
                        Job::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            }
        });
        let saver = Self { jobs, status };
        if let Err(e) = spawned {
            // Without a thread nothing would be saved: say so instead of pretending.
            let (tx, status) = channel();
            let _ = tx.send(SaveStatus::Failed { revision: 0, error: e.to_string() });
            return Self { status, ..saver };
        }
        saver
    }

    pub fn save(&self, data: Arc<Data>, revision: u64) {
        let _ = self.jobs.send(Job::Save(data, revision));
    }

    /// Keeps a named copy of `data` (`backups/before-<what>-<time>.ron`); the answer comes
    /// on the returned channel.
    pub fn keep_copy(&self, data: Arc<Data>, what: &'static str) -> Receiver<CopyResult> {
        let (tx, rx) = channel();
        if let Err(e) = self.jobs.send(Job::Copy(data, what, tx)) {
            let (tx, rx) = channel();
            let _ = tx.send(Err(e.to_string()));
            return rx;
        }
        rx
    }

    /// Makes the snapshot of the book as it was read at the start (see `storage::snapshot`),
    /// unless it has one: the next start reads it instead of the text.
    pub fn snapshot(&self, data: Arc<Data>) {
        let _ = self.jobs.send(Job::Snapshot(data));
    }

    pub fn save_prefs(&self, text: String) {
        let _ = self.jobs.send(Job::Prefs(text));
    }

    /// Waits until every queued save is on disk (used on exit and in tests).
    pub fn flush(&self, timeout: Duration) -> bool {
        let (tx, rx) = channel();
        self.jobs.send(Job::Flush(tx)).is_ok() && rx.recv_timeout(timeout).is_ok()
    }

    pub fn poll(&self) -> Vec<SaveStatus> {
        self.status.try_iter().collect()
    }
}
