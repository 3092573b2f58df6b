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
                open_buttons(ui, lang, std::path::Path::new(p));
            }
            Some(Err(e)) => error_text(ui, format!("{}: {e}", T::WriteError.get(lang))),
            None => {}
        }
        matches!(self.status, Some(Ok(_)))
    }
}

/// "Mở tệp" and "Mở thư mục": the written file and its folder in the desktop's own programs.
/// The program starts on its own; a desktop with none says so here.
fn open_buttons(ui: &mut egui::Ui, lang: Lang, path: &std::path::Path) {
    let id = egui::Id::unique(("open_error", path));
    ui.horizontal(|ui| {
        let mut result = None;
        if ui.button(T::OpenFile.get(lang)).clicked() {
            result = Some(open::that_detached(path));
        }
        if ui.button(T::OpenFolder.get(lang)).clicked()
            && let Some(dir) = path.parent()
        {
            result = Some(open::that_detached(dir));
        }
        if let Some(r) = result {
            let message = r.err().map(|e| format!("{}: {e}", T::NoOpener.get(lang)));
            ui.data_mut(|d| d.insert_temp(id, message));
        }
        if let Some(Some(e)) = ui.data(|d| d.get_temp::<Option<String>>(id)) {
            error_text(ui, e);
        }
    });
}
