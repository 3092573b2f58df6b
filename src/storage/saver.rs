//! Saves the book off the UI thread. Jobs that pile up are coalesced: only the newest
//! revision is written.

use super::Store;
use crate::model::book::Data;
use chrono::{Local, NaiveDateTime};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved { revision: u64, at: NaiveDateTime },
    Failed { revision: u64, error: String },
}

enum Job {
    Save(Arc<Data>, u64),
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
            while let Ok(job) = rx.recv() {
                let mut newest: Option<(Arc<Data>, u64)> = None;
                let mut flushes = Vec::new();
                let mut take = |job| match job {
                    Job::Save(d, r) => newest = Some((d, r)),
                    Job::Flush(done) => flushes.push(done),
                };
                take(job);
                while let Ok(more) = rx.try_recv() {
                    take(more);
                }
                if let Some((data, revision)) = newest {
                    let result = store.write(&data);
                    drop(data);
                    let s = match result {
                        Ok(()) => SaveStatus::Saved { revision, at: Local::now().naive_local() },
                        Err(e) => SaveStatus::Failed { revision, error: e.to_string() },
                    };
                    let _ = status_tx.send(s);
                    wake();
                }
                for done in flushes {
                    let _ = done.send(());
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

    /// Waits until every queued save is on disk (used on exit and in tests).
    pub fn flush(&self, timeout: Duration) -> bool {
        let (tx, rx) = channel();
        self.jobs.send(Job::Flush(tx)).is_ok() && rx.recv_timeout(timeout).is_ok()
    }

    pub fn poll(&self) -> Vec<SaveStatus> {
        self.status.try_iter().collect()
    }
}
