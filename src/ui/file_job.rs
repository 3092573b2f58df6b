//! Writing a file off the UI thread, and the line that says how it went: every export (the
//! ledger, the book, a printed list, the roll-up) goes through here, so none freezes the
//! window.

use crate::i18n::{Lang, T};
use crate::ui::widgets::error_text;
use crate::ui::work::Work;
use std::path::PathBuf;

#[derive(Default)]
pub struct FileJob {
    running: Option<Work<Result<String, String>>>,
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
        self.running = Some(Work::start(ctx, move || write(&path).map(|()| path.display().to_string())));
        self.status = None;
    }

    /// The spinner while writing, then "Đã xuất <path>" or the error. True once written.
    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang) -> bool {
        if let Some(done) = self.running.as_ref().and_then(Work::poll) {
            self.status = Some(done.unwrap_or_else(|| Err(T::WriteError.get(lang).to_owned())));
            self.running = None;
        }
        if self.running.is_some() {
            crate::ui::work::busy(ui, T::Saving.get(lang));
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
