//! Closing the window with changes that are not on disk yet: the close waits for the save,
//! and when the save fails (a full disk) the user chooses: try again, save a copy
//! elsewhere, or quit without them. A window never closes on unsaved changes without a word.

use super::{App, Closing};
use crate::i18n::T;
use crate::storage;
use crate::ui::file_job::FileJob;
use crate::ui::widgets::{FilePicker, dialog, error_text, start_dir};
use crate::ui::work::busy;
use egui::{RichText, ViewportCommand};
use std::sync::Arc;

pub struct Guard {
    error: String,
    /// "Save elsewhere": where, and the write.
    elsewhere: Option<(FilePicker, FileJob)>,
}

impl Guard {
    fn new(error: &str) -> Self {
        Self { error: error.to_owned(), elsewhere: None }
    }
}

/// Called once a frame: turns a close request with unsaved changes into a save first.
pub fn on_close_request(app: &mut App, ctx: &egui::Context) {
    if matches!(app.closing, Closing::Saving) {
        if !app.unsaved() {
            app.closing = Closing::Quit;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else if let Some(e) = app.save_error() {
            app.closing = Closing::Failed(Box::new(Guard::new(e)));
        }
    }
    if !ctx.input(|i| i.viewport().close_requested()) || matches!(app.closing, Closing::Quit) || !app.unsaved() {
        return;
    }
    ctx.send_viewport_cmd(ViewportCommand::CancelClose);
    app.closing = match app.save_error() {
        Some(e) => Closing::Failed(Box::new(Guard::new(e))),
        None => {
            app.save_now();
            Closing::Saving
        }
    };
}

pub fn show(app: &mut App, ctx: &egui::Context) {
    let lang = app.lang();
    let mut next: Option<Closing> = None;
    let data = Arc::clone(app.data_arc());
    match &mut app.closing {
        Closing::Saving => {
            dialog(ctx, T::CloseSavingTitle.get(lang)).show(ctx, |ui| busy(ui, T::CloseSaving.get(lang)));
        }
        Closing::Failed(g) => {
            dialog(ctx, T::CloseFailedTitle.get(lang)).default_width(560.0).show(ctx, |ui| {
                ui.label(RichText::new(T::CloseFailed.get(lang)).strong());
                error_text(ui, &g.error);
                ui.add_space(8.0);
                let mut saved_elsewhere = false;
                if let Some((picker, job)) = &mut g.elsewhere {
                    picker.show(ui, lang);
                    if ui.add_enabled(!job.running(), egui::Button::new(T::Save.get(lang))).clicked() {
                        let data = Arc::clone(&data);
                        job.start(ui.ctx(), picker.path(), move |path| {
                            let text = storage::to_text(&data).map_err(|e| e.to_string())?;
                            std::fs::write(path, text).map_err(|e| e.to_string())
                        });
                    }
                    saved_elsewhere = job.show(ui, lang);
                    ui.separator();
                }
                ui.horizontal(|ui| {
                    if ui.button(T::CloseRetry.get(lang)).clicked() {
                        next = Some(Closing::Saving);
                    }
                    if g.elsewhere.is_none() && ui.button(T::CloseElsewhere.get(lang)).clicked() {
                        let name = format!("so-khuyen-hoc-{}.ron", chrono::Local::now().format("%Y%m%d-%H%M"));
                        g.elsewhere = Some((FilePicker::new(&start_dir(), &name, &[".ron"]), FileJob::default()));
                    }
                    let quit = if saved_elsewhere { T::CloseQuitSaved } else { T::CloseQuit };
                    if ui.button(quit.get(lang)).clicked() {
                        next = Some(Closing::Quit);
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        next = Some(Closing::Open);
                    }
                });
            });
        }
        Closing::Open | Closing::Quit => {}
    }
    match next {
        Some(Closing::Saving) => {
            app.save_now();
            app.closing = Closing::Saving;
        }
        Some(Closing::Quit) => {
            app.closing = Closing::Quit;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        Some(other) => app.closing = other,
        None => {}
    }
}
