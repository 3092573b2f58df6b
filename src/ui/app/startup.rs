//! What the window shows before a book is open: the first-run choice (empty or demo book),
//! recovery when there is no book to open but something to recover (a damaged book kept
//! aside, backups), a book that cannot be shown; and the notice after a crash.

use super::{App, Mode};
use crate::i18n::T;
use crate::model::action::Action;
use crate::model::book::{Book, Data, default_communes};
use crate::model::demo::demo_book;
use crate::storage::crash;
use crate::ui::intent::{Intent, Origin};
use crate::ui::widgets::{ERROR, WARN, dialog};
use crate::ui::work::{Work, busy};
use egui::RichText;

fn empty_book() -> Data {
    Data::new(Book { communes: default_communes(), ..Default::default() })
}

fn start_buttons(app: &mut App, ui: &mut egui::Ui) {
    let lang = app.lang();
    ui.horizontal(|ui| {
        if ui.add(egui::Button::new(RichText::new(T::StartEmpty.get(lang)).size(16.0))).clicked() {
            app.start_with(empty_book());
        }
        if ui.add(egui::Button::new(RichText::new(T::StartDemo.get(lang)).size(16.0))).clicked() {
            app.start_with(Data::new(demo_book()));
        }
        if ui.add(egui::Button::new(RichText::new(T::StartFromFile.get(lang)).size(16.0))).clicked() {
            app.dialogs.open_book(true);
        }
    });
}

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let lang = app.lang();
    let mut restore: Option<Data> = None;
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(680.0);
        match &mut app.mode {
            Mode::FirstRun => {
                ui.heading(T::FirstRunTitle.get(lang));
                ui.add_space(8.0);
                ui.label(T::FirstRunText.get(lang));
            }
            Mode::Blocked(why) => {
                ui.heading(RichText::new(T::BlockedTitle.get(lang)).color(ERROR));
                ui.add_space(8.0);
                ui.label(why.as_str());
                if let Some(s) = app.store() {
                    ui.monospace(s.file().display().to_string());
                }
                ui.add_space(8.0);
                ui.weak(T::BlockedHint.get(lang));
                return;
            }
            Mode::Recover(r) => {
                match &r.damaged {
                    Some((moved_to, error)) => {
                        ui.heading(RichText::new(T::CorruptTitle.get(lang)).color(ERROR));
                        ui.add_space(8.0);
                        ui.label(T::CorruptText.get(lang));
                        ui.monospace(moved_to.display().to_string());
                        ui.weak(error.as_str());
                    }
                    None => {
                        ui.heading(RichText::new(T::MissingTitle.get(lang)).color(WARN));
                        ui.add_space(8.0);
                        ui.label(T::MissingText.get(lang));
                    }
                }
                let earlier: Vec<_> =
                    r.quarantined.iter().filter(|p| Some(*p) != r.damaged.as_ref().map(|d| &d.0)).collect();
                if !earlier.is_empty() {
                    ui.add_space(8.0);
                    ui.label(T::KeptAside.get(lang));
                    for p in earlier.iter().take(5) {
                        ui.monospace(p.display().to_string());
                    }
                }
                ui.add_space(16.0);
                if let Some(done) = r.search.as_ref().and_then(|w| w.poll()) {
                    r.found = done.flatten().map(|(p, d)| (p, Box::new(d)));
                    r.search = None;
                }
                let mut take = false;
                match (&r.search, &r.found) {
                    (Some(_), _) => busy(ui, T::LookingForBackup.get(lang)),
                    (None, Some((path, _))) => {
                        take = ui.button(RichText::new(T::CorruptOffer.get(lang)).size(16.0)).clicked();
                        ui.weak(path.display().to_string());
                    }
                    (None, None) => {
                        ui.label(T::NoBackup.get(lang));
                    }
                }
                if take {
                    restore = r.found.take().map(|(_, d)| *d);
                }
                ui.add_space(8.0);
                ui.weak(T::RecoverUntilChosen.get(lang));
            }
            Mode::Normal | Mode::ReadOnly(_) => {}
        }
        ui.add_space(16.0);
        start_buttons(app, ui);
    });
    if let Some(data) = restore {
        app.start_with(data);
    }
}

/// After a crash: says so, shows where the log is, and offers the unsaved changes (read on
/// their own thread once asked for).
pub fn crash_notice(app: &mut App, ctx: &egui::Context, out: &mut Vec<Intent>) {
    let Some(report) = app.crashes.first().cloned() else { return };
    if !matches!(app.mode, Mode::Normal | Mode::FirstRun | Mode::Recover(_)) {
        return;
    }
    let lang = app.lang();
    if let Some(work) = &app.recovering {
        match work.poll() {
            None => {
                dialog(ctx, T::CrashTitle.get(lang)).show(ctx, |ui| busy(ui, T::Reading.get(lang)));
                return;
            }
            Some(result) => {
                app.recovering = None;
                match result {
                    Some(Ok(data)) => open_recovery(app, data, out),
                    // Unreadable: keep the report, say nothing more than before (the log and
                    // the file stay where they are named).
                    _ => {
                        app.crashes.remove(0);
                        return;
                    }
                }
                let _ = crash::settle(&report, true);
                app.crashes.remove(0);
                return;
            }
        }
    }
    let mut done: Option<bool> = None;
    dialog(ctx, T::CrashTitle.get(lang)).default_width(560.0).show(ctx, |ui| {
        ui.label(T::CrashText.get(lang).replace("{t}", &report.at.format("%H:%M %d/%m/%Y").to_string()));
        ui.label(T::CrashLog.get(lang));
        ui.monospace(report.log.display().to_string());
        ui.add_space(8.0);
        if let Some(rec) = &report.recovery {
            ui.label(T::CrashRecovery.get(lang));
            ui.monospace(rec.display().to_string());
            ui.horizontal(|ui| {
                if ui.button(RichText::new(T::CrashOpen.get(lang)).strong()).clicked() {
                    done = Some(true);
                }
                if ui.button(T::CrashKeep.get(lang)).clicked() {
                    done = Some(false);
                }
            });
        } else {
            ui.label(T::CrashNothingLost.get(lang));
            if ui.button(T::Understood.get(lang)).clicked() {
                done = Some(false);
            }
        }
    });
    let Some(open) = done else { return };
    if open && let Some(path) = report.recovery.clone() {
        app.recovering = Some(Work::start(ctx, move || crash::read_recovery(&path)));
        return;
    }
    let _ = crash::settle(&report, false);
    app.crashes.remove(0);
}

/// The unsaved changes come in as an undoable replace (the book on disk stays as it was
/// until then), or as the book itself when none was open.
fn open_recovery(app: &mut App, data: Data, out: &mut Vec<Intent>) {
    if matches!(app.mode, Mode::Normal) {
        let action = Action::ReplaceBook { book: Box::new(data.book), log: data.log };
        out.push(Intent { action, origin: Origin::Dialog(crate::ui::intent::DialogOrigin::Recovery) });
    } else {
        let mut fresh = Data::new(data.book);
        fresh.log = data.log;
        app.start_with(fresh);
    }
}
