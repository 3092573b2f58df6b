//! Balances: now, per restricted purpose, and per year with opening and closing.

use crate::i18n::{Lang, T};
use crate::ui::caches::Caches;
use egui::RichText;

/// Wide enough for "99.999.999.999 ₫" at body size.
const MONEY_WIDTH: f32 = 130.0;

/// An amount right-aligned in a column of one width, so figures sit beside their labels and
/// under their headers (a right-to-left cell alone stretches to the window's edge).
fn money_cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    let size = egui::vec2(MONEY_WIDTH, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.set_min_width(MONEY_WIDTH);
        ui.label(text)
    });
}

pub fn show(ui: &mut egui::Ui, lang: Lang, caches: &Caches) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(T::BalanceNow.get(lang));
        ui.label(RichText::new(caches.balance.display()).size(28.0).strong());
        ui.weak(T::CashNote.get(lang));
        ui.add_space(12.0);
        ui.heading(T::ByPurpose.get(lang));
        if caches.purpose_balances.is_empty() {
            ui.label(T::NoRestricted.get(lang));
        }
        egui::Grid::new("purposes").striped(true).num_columns(2).spacing([24.0, 6.0]).show(ui, |ui| {
            let general = caches.balance - caches.purpose_balances.values().copied().sum();
            ui.label(T::GeneralFund.get(lang));
            money_cell(ui, general.display());
            ui.end_row();
            for (p, v) in &caches.purpose_balances {
                ui.label(p);
                money_cell(ui, v.display());
                ui.end_row();
            }
        });
        ui.add_space(12.0);
        ui.heading(T::ByYear.get(lang));
        egui::Grid::new("years").striped(true).num_columns(6).spacing([24.0, 6.0]).show(ui, |ui| {
            ui.strong(T::Year.get(lang));
            for t in [T::Opening, T::Receipts, T::Payments, T::Closing, T::InKindValue] {
                money_cell(ui, RichText::new(t.get(lang)).strong());
            }
            ui.end_row();
            for y in caches.year_balances.iter().rev() {
                ui.label(y.year.to_string());
                money_cell(ui, y.opening.display());
                money_cell(ui, y.receipts.display());
                money_cell(ui, y.payments.display());
                money_cell(ui, RichText::new(y.closing.display()).strong());
                money_cell(ui, y.in_kind.display());
                ui.end_row();
            }
        });
    });
}
