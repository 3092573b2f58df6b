//! Balances: now, per restricted purpose, and per year with opening and closing.

use crate::i18n::{Lang, T};
use crate::ui::caches::Caches;
use egui::RichText;

fn money_cell(ui: &mut egui::Ui, text: String) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(text));
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
            for t in [T::Year, T::Opening, T::Receipts, T::Payments, T::Closing, T::InKindValue] {
                ui.strong(t.get(lang));
            }
            ui.end_row();
            for y in caches.year_balances.iter().rev() {
                ui.label(y.year.to_string());
                money_cell(ui, y.opening.display());
                money_cell(ui, y.receipts.display());
                money_cell(ui, y.payments.display());
                money_cell(ui, RichText::new(y.closing.display()).strong().text().to_owned());
                money_cell(ui, y.in_kind.display());
                ui.end_row();
            }
        });
    });
}
