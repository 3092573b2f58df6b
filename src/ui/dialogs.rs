//! Windows outside the tabs: the File menu (whole-book export and import, settings, the
//! commune list) and the change log.

use super::labels;
use super::widgets::{FilePicker, error_text, row, start_dir, text};
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::{Commune, Data, Settings};
use crate::model::error::ActionError;
use crate::storage::{self, Store};
use crate::ui::file_job::FileJob;
use crate::ui::intent::{DialogOrigin, Intent, Origin};
use std::sync::Arc;

#[derive(Default)]
pub struct Dialogs {
    pub log_open: bool,
    settings: Option<(Settings, Option<ActionError>)>,
    communes: Option<(String, Option<ActionError>)>,
    book_export: Option<(FilePicker, FileJob)>,
    replace: Option<super::replace::Replace>,
    folder_open: bool,
}

fn communes_text(list: &[Commune]) -> String {
    list.iter().map(|c| format!("{}\t{}", c.kind, c.name)).collect::<Vec<_>>().join("\n")
}

fn parse_communes(text: &str) -> Vec<Commune> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once('\t') {
            Some((k, n)) => Commune { kind: k.trim().into(), name: n.trim().into() },
            None => Commune { kind: "xã".into(), name: l.trim().into() },
        })
        .collect()
}

impl Dialogs {
    pub fn on_result(&mut self, origin: DialogOrigin, result: &Result<(), ActionError>, lang: Lang) {
        match (origin, result) {
            (DialogOrigin::Settings, Ok(())) => self.settings = None,
            (DialogOrigin::Settings, Err(e)) => {
                if let Some(s) = &mut self.settings {
                    s.1 = Some(e.clone());
                }
            }
            (DialogOrigin::Communes, Ok(())) => self.communes = None,
            (DialogOrigin::Communes, Err(e)) => {
                if let Some(c) = &mut self.communes {
                    c.1 = Some(e.clone());
                }
            }
            (DialogOrigin::Replace, r) => {
                if let Some(rep) = &mut self.replace {
                    rep.on_result(r.clone().map_err(|e| labels::action_error(lang, &e)));
                }
            }
            (DialogOrigin::Recovery, _) => {}
        }
    }

    /// The File menu. `open` says whether a book from a file may be put in place: `Some(false)`
    /// over a book open for writing, `Some(true)` as the first book (none open yet), `None`
    /// not at all; returns true when *Thoát* was chosen.
    pub fn file_menu(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        data: &Data,
        store: Option<&Store>,
        (read_only, open): (bool, Option<bool>),
    ) -> bool {
        let mut quit = false;
        ui.menu_button(T::MenuFile.get(lang), |ui| {
            if ui.button(T::ExportBook.get(lang)).clicked() {
                let name = format!("so-khuyen-hoc-{}.ron", chrono::Local::now().format("%Y%m%d"));
                self.book_export = Some((FilePicker::new(&start_dir(), &name, &[".ron"]), FileJob::default()));
            }
            if ui
                .add_enabled(!read_only, egui::Button::new(T::NewBook.get(lang)))
                .on_hover_text(T::NewBookHint.get(lang))
                .clicked()
            {
                self.replace = Some(super::replace::Replace::empty(&data.book));
            }
            if ui.add_enabled(open.is_some(), egui::Button::new(T::ImportBook.get(lang))).clicked() {
                self.open_book(open == Some(true));
            }
            ui.separator();
            if ui.add_enabled(!read_only, egui::Button::new(T::Settings.get(lang))).clicked() {
                self.settings = Some((data.book.settings.clone(), None));
            }
            if ui.add_enabled(!read_only, egui::Button::new(T::EditCommunes.get(lang))).clicked() {
                self.communes = Some((communes_text(&data.book.communes), None));
            }
            if store.is_some() && ui.button(T::OpenDataFolder.get(lang)).clicked() {
                self.folder_open = true;
            }
            ui.separator();
            quit = ui.add(egui::Button::new(T::Quit.get(lang)).shortcut_text("Ctrl+Q")).clicked();
        });
        quit
    }

    /// Opens the whole-book import: in place of the book shown, or (`first`, no book yet)
    /// as this computer's first book.
    pub fn open_book(&mut self, first: bool) {
        self.replace = Some(super::replace::Replace::import(first));
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        data: &Arc<Data>,
        store: Option<&Store>,
        saver: Option<&crate::storage::Saver>,
        out: &mut Vec<Intent>,
    ) {
        if self.log_open {
            let mut open = true;
            crate::ui::widgets::dialog(ctx, T::ChangeLog.get(lang))
                .open(&mut open)
                .default_size([720.0, 420.0])
                .show(ctx, |ui| log_view(ui, lang, data));
            self.log_open = open;
        }
        if let Some(r) = &mut self.replace
            && !super::replace::show(r, ctx, lang, data, saver, out)
        {
            self.replace = None;
        }
        self.settings_window(ctx, lang, out);
        self.communes_window(ctx, lang, out);
        self.export_window(ctx, lang, data);
        if self.folder_open {
            let mut open = true;
            crate::ui::widgets::dialog(ctx, T::OpenDataFolder.get(lang)).open(&mut open).show(ctx, |ui| {
                ui.label(T::DataFolder.get(lang));
                if let Some(s) = store {
                    ui.monospace(s.file().display().to_string());
                    ui.monospace(s.backups_dir().display().to_string());
                }
            });
            self.folder_open = open;
        }
    }

    fn settings_window(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Intent>) {
        let Some((s, err)) = &mut self.settings else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        crate::ui::widgets::dialog(ctx, T::SettingsTitle.get(lang)).open(&mut open).show(ctx, |ui| {
            egui::Grid::new("settings").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                row(ui, T::OrgName.get(lang), None, |ui, id| text(ui, &mut s.org_name, id, 320.0, ""));
                let pattern_err = err.as_ref().filter(|e| e.field().is_some()).map(|e| labels::action_error(lang, e));
                row(ui, T::ReceiptPattern.get(lang), None, |ui, id| text(ui, &mut s.receipt_pattern, id, 200.0, ""));
                row(ui, T::PaymentPattern.get(lang), pattern_err, |ui, id| {
                    text(ui, &mut s.payment_pattern, id, 200.0, "")
                });
            });
            ui.weak(T::PatternHelp.get(lang));
            ui.checkbox(&mut s.enforce_restricted, T::EnforceRestricted.get(lang));
            ui.separator();
            submit = ui.button(T::Save.get(lang)).clicked();
        });
        if submit {
            out.push(Intent { action: Action::SetSettings(s.clone()), origin: Origin::Dialog(DialogOrigin::Settings) });
        }
        if !open {
            self.settings = None;
        }
    }

    fn communes_window(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Intent>) {
        let Some((text_buf, err)) = &mut self.communes else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        crate::ui::widgets::dialog(ctx, T::CommunesTitle.get(lang)).open(&mut open).show(ctx, |ui| {
            ui.label(T::CommunesHelp.get(lang));
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                let l = ui.label(T::CommunesTitle.get(lang));
                ui.add(egui::TextEdit::multiline(text_buf).char_limit(20_000).desired_width(360.0).desired_rows(16))
                    .labelled_by(l.id);
            });
            if let Some(e) = err {
                error_text(ui, labels::action_error(lang, e));
            }
            submit = ui.button(T::Save.get(lang)).clicked();
        });
        if submit {
            let list = parse_communes(text_buf);
            out.push(Intent { action: Action::SetCommunes(list), origin: Origin::Dialog(DialogOrigin::Communes) });
        }
        if !open {
            self.communes = None;
        }
    }

    fn export_window(&mut self, ctx: &egui::Context, lang: Lang, data: &Arc<Data>) {
        let Some((picker, job)) = &mut self.book_export else {
            return;
        };
        let mut open = true;
        crate::ui::widgets::dialog(ctx, T::ExportBook.get(lang)).open(&mut open).default_width(520.0).show(ctx, |ui| {
            picker.show(ui, lang);
            if ui.add_enabled(!job.running(), egui::Button::new(T::Save.get(lang))).clicked() {
                // The book is shared, not copied: serialising runs beside the window.
                let data = Arc::clone(data);
                job.start(ui.ctx(), picker.path(), move |path| {
                    let text = storage::to_text(&data).map_err(|e| e.to_string())?;
                    std::fs::write(path, text).map_err(|e| e.to_string())
                });
            }
            job.show(ui, lang);
        });
        if !open {
            self.book_export = None;
        }
    }
}

/// The change log, newest first: when, what, and each field's old → new value.
fn log_view(ui: &mut egui::Ui, lang: Lang, data: &Data) {
    if data.log.is_empty() {
        ui.label(T::LogEmpty.get(lang));
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("log").num_columns(3).striped(true).spacing([16.0, 6.0]).show(ui, |ui| {
            ui.strong(T::LogWhen.get(lang));
            ui.strong(T::LogWhat.get(lang));
            ui.strong(T::LogDetail.get(lang));
            ui.end_row();
            for e in data.log.iter().rev().take(500) {
                ui.label(e.at.format("%d/%m/%Y %H:%M:%S").to_string());
                ui.label(
                    format!("{} {}", labels::log_kind(lang, e.kind), labels::label(lang, &e.label)).trim().to_owned(),
                );
                ui.vertical(|ui| {
                    for l in e.lines.iter().take(6) {
                        let field = labels::field(l.field).get(lang);
                        let (old, new) = (labels::log_value(lang, &l.was), labels::log_value(lang, &l.now));
                        let old = if old.is_empty() { "∅".to_owned() } else { old };
                        let new = if new.is_empty() { "∅".to_owned() } else { new };
                        let subject = if l.subject.is_empty() { String::new() } else { format!("{} · ", l.subject) };
                        ui.label(format!("{subject}{field}: {old} → {new}"));
                    }
                    let more = e.more + e.lines.len().saturating_sub(6);
                    if more > 0 {
                        ui.weak(format!("… {more} {}", T::LogMore.get(lang)));
                    }
                });
                ui.end_row();
            }
        });
    });
}
