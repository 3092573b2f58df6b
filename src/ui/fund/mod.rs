//! The Fund tab (Quỹ khuyến học): ledger, charts, donors and balances, with the voucher,
//! void, donor, import and export windows.

mod balances;
pub use donors::current_year;
mod charts;
mod donors;
mod export;
mod form;
mod import;
mod ledger;

use super::Intent;
use super::caches::Caches;
use crate::i18n::{Lang, T};
use crate::model::book::Book;
use crate::model::error::ActionError;
use crate::model::fund::ledger::Kind;
use crate::ui::app::Prefs;
use crate::ui::widgets::view_switch;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FundView {
    #[default]
    Ledger,
    Charts,
    Donors,
    Balances,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundOrigin {
    VoucherForm,
    Void,
    DonorForm,
    Import,
    Target,
}

#[derive(Default)]
pub struct FundUi {
    form: Option<form::VoucherForm>,
    void: Option<form::VoidForm>,
    donor_form: Option<donors::DonorForm>,
    import: Option<import::ImportWizard>,
    export: Option<export::ExportDialog>,
    selected: Option<usize>,
    charts: charts::ChartsUi,
    donors: donors::DonorsUi,
    /// Ctrl+F asked for the search box.
    pub focus_search: bool,
}

impl FundUi {
    pub fn new_voucher(&mut self, kind: Kind) {
        self.form = Some(form::VoucherForm::new(kind));
    }

    pub fn on_result(&mut self, origin: FundOrigin, result: &Result<(), ActionError>, lang: Lang) {
        match origin {
            FundOrigin::VoucherForm => form::settle(&mut self.form, result),
            FundOrigin::Void => form::settle_void(&mut self.void, result),
            FundOrigin::DonorForm => donors::settle(&mut self.donor_form, result),
            FundOrigin::Import => import::settle(&mut self.import, result, lang),
            FundOrigin::Target => self.charts.settle(result, lang),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        book: &Book,
        caches: &mut Caches,
        prefs: &mut Prefs,
        read_only: bool,
        out: &mut Vec<Intent>,
    ) {
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.view,
                &[
                    (FundView::Ledger, T::ViewLedger),
                    (FundView::Charts, T::ViewCharts),
                    (FundView::Donors, T::ViewDonors),
                    (FundView::Balances, T::ViewBalances),
                ],
            );
            ui.separator();
            ui.add_enabled_ui(!read_only, |ui| {
                if ui.button(format!("+ {}", T::NewReceipt.get(lang))).on_hover_text("Ctrl+N").clicked() {
                    self.new_voucher(Kind::Receipt);
                }
                if ui.button(format!("− {}", T::NewPayment.get(lang))).on_hover_text("Ctrl+Shift+N").clicked() {
                    self.new_voucher(Kind::Payment);
                }
                if ui.button(T::ImportReceipts.get(lang)).clicked() {
                    self.import = Some(import::ImportWizard::default());
                }
            });
        });
        ui.separator();
        match prefs.view {
            FundView::Ledger => ledger::show(self, ui, lang, book, caches, prefs, read_only),
            FundView::Charts => charts::show(&mut self.charts, ui, lang, book, caches, prefs, read_only, out),
            FundView::Donors => donors::show(self, ui, lang, book, caches, prefs, read_only),
            FundView::Balances => balances::show(ui, lang, caches),
        }
        let ctx = ui.ctx().clone();
        form::show(&mut self.form, &ctx, lang, book, caches, out);
        form::show_void(&mut self.void, &ctx, lang, out);
        donors::show_form(&mut self.donor_form, &ctx, lang, book, caches, out);
        import::show(&mut self.import, &ctx, lang, book, caches, out);
        export::show(&mut self.export, &ctx, lang, book, caches, prefs);
    }
}
