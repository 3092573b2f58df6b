//! Work that takes longer than a frame, off the window's thread: reading a file, previewing an
//! import, working out a large action (each on a thread of its own), and what the views show
//! of a large book (in turn, on one long-lived thread). The window keeps drawing and shows a line with a
//! spinner while it runs; the result is picked up by the frame after it is done.

use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::sync::{Mutex, OnceLock};

pub struct Work<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Work<T> {
    /// Starts `f` on its own thread; the window repaints when it is done.
    pub fn start(ctx: &egui::Context, f: impl FnOnce() -> T + Send + 'static) -> Self {
        let (job, work) = Self::job(ctx, f);
        spawn(job);
        work
    }

    /// Runs `f` on the thread that works out what the views show (the fund's figures, the
    /// ledger's rows, the roll-up), one piece after another: no thread is started for it,
    /// which on a busy machine costs the frame more than the work itself. The window
    /// repaints when it is done.
    pub fn quick(ctx: &egui::Context, f: impl FnOnce() -> T + Send + 'static) -> Self {
        let (job, work) = Self::job(ctx, f);
        QUICK.run(job);
        work
    }

    /// Runs `f` on the thread for longer work over the book (the search index), one piece
    /// after another.
    pub fn long(ctx: &egui::Context, f: impl FnOnce() -> T + Send + 'static) -> Self {
        let (job, work) = Self::job(ctx, f);
        LONG.run(job);
        work
    }

    /// `f` as a piece of work that hands its result to the `Work` and asks for a frame.
    fn job(ctx: &egui::Context, f: impl FnOnce() -> T + Send + 'static) -> (Job, Self) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let job: Job = Box::new(move || {
            let _ = tx.send(f());
            ctx.request_repaint();
        });
        (job, Self { rx })
    }

    /// Waits for the result (`None`: the work died without one).
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// The result once it is ready. `Some(None)` when the work died without one (a panic on
    /// that thread), so the caller can say so instead of waiting for ever.
    pub fn poll(&self) -> Option<Option<T>> {
        match self.rx.try_recv() {
            Ok(v) => Some(Some(v)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Drops `value` on the views' thread: a large structure (a map of 100,000 totals, the
/// strings of 20,000 names) takes milliseconds to free, which the frame need not wait for.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    QUICK.run(Box::new(move || drop(value)));
}

type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs the work handed to it in turn, for the program's life, at the lower
/// priority; started when first needed. A piece that panics is reported as any panic is (the
/// crash hook) and the thread goes on with the next.
struct Lane {
    name: &'static str,
    tx: OnceLock<Mutex<Sender<Job>>>,
}

static QUICK: Lane = Lane { name: "views", tx: OnceLock::new() };
static LONG: Lane = Lane { name: "book-index", tx: OnceLock::new() };

impl Lane {
    fn run(&self, job: Job) {
        let tx = self.tx.get_or_init(|| {
            let (tx, rx) = std::sync::mpsc::channel::<Job>();
            // Without a thread the receiver goes with the closure, so sending fails below.
            let _ = std::thread::Builder::new().name(self.name.to_owned()).spawn(move || {
                yield_to_window();
                for job in rx {
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                }
            });
            Mutex::new(tx)
        });
        // No lane thread: the piece gets a thread of its own. (The lock is never poisoned:
        // nothing panics while it is held.)
        if let Err(std::sync::mpsc::SendError(job)) = tx.lock().map_or(Ok(()), |tx| tx.send(job)) {
            spawn(job);
        }
    }
}

/// A piece of work on a thread of its own, at the lower priority.
fn spawn(job: Job) {
    std::thread::spawn(move || {
        yield_to_window();
        job();
    });
}

/// Lowers the calling thread's priority below the window's, so work on other threads leaves
/// the frame its core. Linux only: there each thread has its own nice value, while elsewhere
/// `nice` would lower the whole program, the window with it.
pub fn yield_to_window() {
    #[cfg(target_os = "linux")]
    // SAFETY: `nice` only changes the scheduling priority of the calling thread; it takes
    // no pointers. A failure (-1) leaves the priority as it was, which is harmless.
    unsafe {
        libc::nice(10);
    }
}

/// The line shown while work runs.
pub fn busy(ui: &mut egui::Ui, text: &str) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(text);
    });
}

/// A value worked out on its own thread for a key (a revision of the book, a year…): once
/// ready, the value for the newest key; until then the value before it, shown as updating,
/// so a change never waits for what scales with the book.
pub struct Background<K, V> {
    shown: Option<(K, V)>,
    pending: Option<(K, Work<V>)>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Self { shown: None, pending: None }
    }
}

impl<K: PartialEq, V: Send + 'static> Background<K, V> {
    /// The value for `key` if ready, else the last one ready (`true`: it is for an older key
    /// and being updated), else nothing yet. For a new key, `job` is asked for the work
    /// (`None`: not now, asked again next frame) and started; the window repaints until it
    /// is done.
    pub fn get<F>(&mut self, ctx: &egui::Context, key: K, job: impl FnOnce(&K) -> Option<F>) -> Option<(&V, bool)>
    where
        F: FnOnce() -> V + Send + 'static,
    {
        let mut is_new = self.shown.as_ref().is_none_or(|(k, _)| *k != key);
        if is_new && self.pending.as_ref().is_none_or(|(k, _)| *k != key) {
            self.pending = job(&key).map(|f| (key, Work::quick(ctx, f)));
        }
        if let Some((_, work)) = &self.pending {
            match work.poll() {
                Some(Some(v)) => {
                    self.shown = self.pending.take().map(|(k, _)| (k, v));
                    is_new = false;
                }
                // The thread died without a value: asked for again next frame.
                Some(None) => self.pending = None,
                None => {}
            }
        }
        if is_new {
            // Until it is ready (or can start), keep looking, as a spinner does.
            ctx.request_repaint();
        }
        self.shown.as_ref().map(|(_, v)| (v, is_new))
    }

    /// As `get`, with the key the value shown was made for.
    pub fn get_keyed<F>(
        &mut self,
        ctx: &egui::Context,
        key: K,
        job: impl FnOnce(&K) -> Option<F>,
    ) -> Option<(&K, &V, bool)>
    where
        F: FnOnce() -> V + Send + 'static,
    {
        let updating = self.get(ctx, key, job)?.1;
        self.shown.as_ref().map(|(k, v)| (k, v, updating))
    }
}

#[cfg(test)]
mod tests {
    use super::Background;
    use std::sync::mpsc;

    /// Reads `bg` for `key` until it gives the value for it, the work released by `go`.
    fn wait(bg: &mut Background<u64, u64>, ctx: &egui::Context, key: u64) -> u64 {
        for _ in 0..2000 {
            if let Some((&v, false)) = bg.get(ctx, key, |_| None::<fn() -> u64>) {
                return v;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        panic!("no value for {key}");
    }

    #[test]
    fn the_value_before_stays_shown_marked_updating_until_the_new_one_is_ready() {
        let ctx = egui::Context::default();
        let mut bg: Background<u64, u64> = Background::default();
        let (go, wait_go) = mpsc::channel::<()>();
        let job = |k: &u64| {
            let k = *k;
            Some(move || {
                let _ = wait_go.recv();
                k * 10
            })
        };
        assert!(bg.get(&ctx, 1, job).is_none(), "nothing yet");
        go.send(()).expect("go");
        assert_eq!(wait(&mut bg, &ctx, 1), 10);
        // A new key: the old value, updating, while the work is held back.
        let (go2, wait_go2) = mpsc::channel::<()>();
        let job2 = |k: &u64| {
            let k = *k;
            Some(move || {
                let _ = wait_go2.recv();
                k * 10
            })
        };
        assert_eq!(bg.get(&ctx, 2, job2).map(|(v, u)| (*v, u)), Some((10, true)));
        let mut asked = false;
        let again = bg.get(&ctx, 2, |_| {
            asked = true;
            None::<fn() -> u64>
        });
        assert_eq!(again.map(|(v, u)| (*v, u)), Some((10, true)), "still updating");
        assert!(!asked, "the work for that key is not started twice");
        go2.send(()).expect("go");
        assert_eq!(wait(&mut bg, &ctx, 2), 20);
    }
}
