//! The first-run choice (empty or demo book) and recovery from a damaged data file.

use super::app::{App, Mode};
use super::widgets::ERROR;
use crate::i18n::T;
use crate::model::book::{Book, Data, default_communes};
use crate::model::demo::demo_book;
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
    });
}

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let lang = app.lang();
    let mut restore = false;
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        match &app.mode {
            Mode::FirstRun => {
                ui.heading(T::FirstRunTitle.get(lang));
                ui.add_space(8.0);
                ui.label(T::FirstRunText.get(lang));
            }
            Mode::Corrupt { moved_to, error, backup } => {
                ui.heading(RichText::new(T::CorruptTitle.get(lang)).color(ERROR));
                ui.add_space(8.0);
                ui.label(T::CorruptText.get(lang));
                ui.monospace(moved_to.display().to_string());
                ui.weak(error);
                ui.add_space(16.0);
                match backup {
                    Some((path, _)) => {
                        restore = ui.button(RichText::new(T::CorruptOffer.get(lang)).size(16.0)).clicked();
                        ui.weak(path.display().to_string());
                    }
                    None => {
                        ui.label(T::NoBackup.get(lang));
                    }
                }
            }
            _ => {}
        }
        ui.add_space(16.0);
        start_buttons(app, ui);
    });
    if restore && let Mode::Corrupt { backup: Some((_, data)), .. } = std::mem::replace(&mut app.mode, Mode::Normal) {
        app.start_with(*data);
    }
}
