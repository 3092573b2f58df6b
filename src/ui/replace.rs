//! Putting another book in place of this one: *Bắt đầu sổ trống* and *Nhập toàn bộ sổ*.
//! Both ask first in plain words (saying which closed years would no longer report what
//! they did), keep a named copy of the book as it is (`backups/before-empty-<time>.ron`,
//! `before-import-…`, never rotated away) before anything changes, and can be undone.
//! The file to import is read on its own thread.

use super::widgets::{FilePicker, dialog, error_text, start_dir};
use super::work::{Work, busy};
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::{Book, Data};
use crate::model::closing::replaced_years;
use crate::storage::{self, CopyResult, Saver};
use crate::ui::intent::DialogOrigin;
use crate::ui::intent::{Intent, Origin};
use egui::RichText;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

enum Source {
    /// An empty book that keeps the organisation, the numbering and the communes.
    Empty(Box<Data>),
    Import {
        picker: FilePicker,
        reading: Option<Work<Result<Data, String>>>,
        loaded: Option<Result<Box<Data>, String>>,
    },
}

enum Stage {
    /// Asking.
    Ask,
    /// Writing the named copy; the replace runs when it is on disk.
    Copying(Receiver<CopyResult>),
    /// Replaced; the copy of the old book is here (none without a data folder).
    Done(Option<PathBuf>),
}

pub struct Replace {
    source: Source,
    stage: Stage,
    /// Closed years of the book shown that the incoming one would report differently.
    years: Vec<i32>,
    kept: Option<PathBuf>,
    error: Option<String>,
    /// No book yet (the first-run or recovery screen): the file's book becomes the first one,
    /// with nothing to replace, keep a copy of or undo.
    first: bool,
}

impl Replace {
    pub fn empty(current: &Book) -> Self {
        let new = Data::new(Book {
            settings: current.settings.clone(),
            communes: current.communes.clone(),
            ..Default::default()
        });
        let years = replaced_years(current, &new.book);
        Self { source: Source::Empty(Box::new(new)), stage: Stage::Ask, years, kept: None, error: None, first: false }
    }

    pub fn import(first: bool) -> Self {
        let picker = FilePicker::to_open(&start_dir(), &[".ron"]);
        let source = Source::Import { picker, reading: None, loaded: None };
        Self { source, stage: Stage::Ask, years: Vec::new(), kept: None, error: None, first }
    }

    pub fn on_result(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.stage = Stage::Done(self.kept.take()),
            Err(e) => {
                self.error = Some(e);
                self.stage = Stage::Ask;
            }
        }
    }

    fn what(&self) -> &'static str {
        match self.source {
            Source::Empty(_) => "empty",
            Source::Import { .. } => "import",
        }
    }

    /// The book that would come in, once there is one.
    fn incoming(&self) -> Option<&Data> {
        match &self.source {
            Source::Empty(d) | Source::Import { loaded: Some(Ok(d)), .. } => Some(d),
            Source::Import { .. } => None,
        }
    }
}

/// Shows the window; returns false when it is closed.
pub fn show(
    r: &mut Replace,
    ctx: &egui::Context,
    lang: Lang,
    data: &Arc<Data>,
    saver: Option<&Saver>,
    out: &mut Vec<Intent>,
) -> bool {
    let mut open = true;
    let mut cancel = false;
    let mut confirmed = false;
    let title = match r.source {
        Source::Empty(_) => T::EmptyTitle,
        Source::Import { .. } => T::BookImportTitle,
    };
    if r.first && matches!(r.stage, Stage::Done(_)) {
        return false;
    }
    dialog(ctx, title.get(lang)).open(&mut open).default_width(560.0).show(ctx, |ui| {
        if let Stage::Done(kept) = &r.stage {
            ui.label(RichText::new(T::Replaced.get(lang)).strong());
            if let Some(p) = kept {
                ui.label(T::KeptCopy.get(lang));
                ui.monospace(p.display().to_string());
            }
            ui.weak(T::CanUndo.get(lang));
            cancel = ui.button(T::Close.get(lang)).clicked();
            return;
        }
        if let Source::Import { picker, reading, loaded } = &mut r.source {
            let double = picker.show(ui, lang);
            if (ui.button(T::Open.get(lang)).clicked() || double) && reading.is_none() {
                let path = picker.path();
                *reading = Some(Work::start(ui.ctx(), move || storage::read_book(&path)));
                *loaded = None;
            }
            if let Some(work) = reading {
                match work.poll() {
                    Some(result) => {
                        let result = result.unwrap_or_else(|| Err(T::ReadError.get(lang).to_owned()));
                        r.years = result.as_ref().map(|d| replaced_years(&data.book, &d.book)).unwrap_or_default();
                        *loaded = Some(result.map(Box::new));
                        *reading = None;
                    }
                    None => busy(ui, T::Reading.get(lang)),
                }
            }
            match loaded {
                Some(Ok(d)) => {
                    ui.label(format!(
                        "{}: {} {}, {} {}",
                        picker.name,
                        d.book.vouchers.len(),
                        T::Rows.get(lang),
                        d.book.donors.len(),
                        T::DonorCount.get(lang)
                    ));
                }
                Some(Err(e)) => error_text(ui, format!("{}: {e}", T::ReadError.get(lang))),
                None => {}
            }
        }
        if r.incoming().is_none() {
            return;
        }
        ui.add_space(6.0);
        let warn = match r.source {
            _ if r.first => T::FirstImportText,
            Source::Empty(_) => T::EmptyWarn,
            Source::Import { .. } => T::BookImportWarn,
        };
        ui.label(RichText::new(warn.get(lang)).strong());
        if !r.years.is_empty() {
            let list = r.years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
            error_text(ui, T::ClosedReplaced.get(lang).replace("{years}", &list));
        }
        if saver.is_some() && !r.first {
            ui.weak(T::CopyFirst.get(lang));
        }
        if let Some(e) = &r.error {
            error_text(ui, e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| match &r.stage {
            Stage::Copying(_) => busy(ui, T::KeepingCopy.get(lang)),
            _ => {
                let go = match r.source {
                    _ if r.first => T::UseBook,
                    Source::Empty(_) => T::NewBook,
                    Source::Import { .. } => T::Replace,
                };
                confirmed = ui.button(RichText::new(go.get(lang)).strong()).clicked();
                cancel = ui.button(T::Cancel.get(lang)).clicked();
            }
        });
    });
    if confirmed {
        r.error = None;
        match saver.filter(|_| !r.first) {
            Some(s) => r.stage = Stage::Copying(s.keep_copy(Arc::clone(data), r.what())),
            None => send(r, out),
        }
    }
    if let Stage::Copying(rx) = &r.stage
        && let Ok(result) = rx.try_recv()
    {
        match result {
            Ok(path) => {
                r.kept = Some(path);
                send(r, out);
            }
            Err(e) => {
                r.error = Some(format!("{}: {e}", T::CopyFailed.get(lang)));
                r.stage = Stage::Ask;
            }
        }
    }
    open && !cancel
}

fn send(r: &mut Replace, out: &mut Vec<Intent>) {
    if let Some(new) = r.incoming() {
        out.push(Intent {
            action: Action::ReplaceBook { book: Box::new(new.book.clone()), log: new.log.clone() },
            origin: Origin::Dialog(DialogOrigin::Replace),
        });
        r.stage = Stage::Ask;
    }
}
