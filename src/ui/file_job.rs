//! Writing a file off the UI thread, and the line that says how it went: every export (the
//! ledger, the book, a printed list, the roll-up) goes through here, so none freezes the
//! window.

use crate::i18n::{Lang, T};
use crate::ui::widgets::error_text;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

#[derive(Default)]
pub struct FileJob {
    running: Option<Receiver<Result<String, String>>>,
    status: Option<Result<String, String>>,
}

impl FileJob {
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Runs `write` on its own thread; the window repaints when it is done.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        write: impl FnOnce(&PathBuf) -> Result<(), String> + Send + 'static,
    ) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(write(&path).map(|()| path.display().to_string()));
            ctx.request_repaint();
        });
        self.running = Some(rx);
        self.status = None;
    }

    /// The spinner while writing, then "Đã xuất <path>" or the error. True once written.
    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang) -> bool {
        if let Some(rx) = &self.running
            && let Ok(result) = rx.try_recv()
        {
            self.status = Some(result);
            self.running = None;
        }
        if self.running.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(T::Saving.get(lang));
            });
        }
        match &self.status {
            Some(Ok(p)) => {
                ui.label(format!("{} {p}", T::Exported.get(lang)));
            }
            Some(Err(e)) => error_text(ui, format!("{}: {e}", T::WriteError.get(lang))),
            None => {}
        }
        matches!(self.status, Some(Ok(_)))
    }
}
