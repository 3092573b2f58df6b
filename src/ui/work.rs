//! Work that takes longer than a frame, on its own thread: reading a file, previewing an
//! import, working out a large action. The window keeps drawing and shows a line with a
//! spinner while it runs; the result is picked up by the frame after it is done.

use std::sync::mpsc::{Receiver, TryRecvError};

pub struct Work<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Work<T> {
    /// Starts `f` on its own thread; the window repaints when it is done.
    pub fn start(ctx: &egui::Context, f: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(f());
            ctx.request_repaint();
        });
        Self { rx }
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

/// The line shown while work runs.
pub fn busy(ui: &mut egui::Ui, text: &str) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(text);
    });
}
