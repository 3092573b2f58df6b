//! The Fund tab (Quỹ khuyến học): ledger, charts, donors and balances, with the voucher,
//! void, donor, import and export windows.

mod balances;
mod campaigns;
mod charts;
mod donors;
mod export;
mod form;
mod import;
mod ledger;

use crate::i18n::T;
use crate::model::fund::ledger::Kind;
use crate::model::fund::query::Filter;
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::intent::{FundOrigin, Origin};
use crate::ui::nav::Nav;
use crate::ui::widgets::{Form, Problem, settle, view_switch};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FundView {
    #[default]
    Ledger,
    Charts,
    Donors,
    Balances,
    Campaigns,
}

#[derive(Default)]
pub struct FundUi {
    form: Option<form::VoucherForm>,
    void: Option<form::VoidForm>,
    donor_form: Option<donors::DonorForm>,
    import: Option<import::ImportWizard>,
    export: Option<export::ExportDialog>,
    selected: Option<usize>,
    /// The ledger's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
    /// Where a link in the selected voucher leads (its award list, a student).
    go: Option<crate::ui::nav::Nav>,
    charts: charts::ChartsUi,
    donors: donors::DonorsUi,
    campaigns: campaigns::CampaignsUi,
    /// Ctrl+F asked for the search box.
    focus_search: bool,
}

/// What the Fund tab remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundPrefs {
    pub view: FundView,
    pub filter: Filter,
    pub chart_year: Option<i32>,
    pub donor_year: Option<i32>,
}

impl FundUi {
    fn new_voucher(&mut self, kind: Kind) {
        self.form = Some(form::VoucherForm::new(kind));
    }
}

impl Tab for FundUi {
    type Prefs = FundPrefs;

    fn on_result(&mut self, done: &Done) {
        let Origin::Fund(origin) = done.origin else { return };
        let result = done.result;
        match origin {
            FundOrigin::VoucherForm => settle(&mut self.form, result),
            FundOrigin::Void => settle(&mut self.void, result),
            FundOrigin::DonorForm => settle(&mut self.donor_form, result),
            FundOrigin::FormDonor => form::donor_added(&mut self.form, result),
            FundOrigin::Import => import::settle(&mut self.import, result),
            FundOrigin::Target => *self.charts.problem() = result.clone().err().map(Problem::Refused),
            FundOrigin::CampaignTarget => self.campaigns.settle(result),
        }
    }

    fn open(&mut self, nav: &Nav, prefs: &mut FundPrefs, book: &crate::model::book::Book) -> bool {
        match nav {
            Nav::Voucher(i) => {
                let Some(v) = book.vouchers.get(*i) else { return false };
                prefs.view = FundView::Ledger;
                let f = &prefs.filter;
                prefs.filter =
                    Filter { sort: f.sort, descending: f.descending, show_void: !v.is_live(), ..Filter::default() };
                self.selected = Some(*i);
                self.nav.reveal();
            }
            Nav::Ledger => prefs.view = FundView::Ledger,
            Nav::Campaign(c) => {
                prefs.view = FundView::Ledger;
                prefs.filter = Filter { campaign: Some(c.clone()), ..Filter::default() };
            }
            Nav::Search => {
                prefs.view = FundView::Ledger;
                self.focus_search = true;
            }
            Nav::NewVoucher(kind) => self.new_voucher(*kind),
            Nav::FundCharts => prefs.view = FundView::Charts,
            _ => return false,
        }
        true
    }

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut FundPrefs, cx: &mut Ctx) {
        let lang = cx.lang;
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
                    (FundView::Campaigns, T::ViewCampaigns),
                ],
            );
            ui.separator();
            ui.add_enabled_ui(!cx.read_only, |ui| {
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
            FundView::Ledger => {
                ledger::show(self, ui, prefs, cx);
                if let Some(nav) = self.go.take() {
                    cx.go(nav);
                }
            }
            FundView::Charts => charts::show(&mut self.charts, ui, prefs, cx),
            FundView::Donors => donors::show(self, ui, prefs, cx),
            FundView::Balances => balances::show(ui, lang, cx.caches),
            FundView::Campaigns => self.campaigns.show(ui, cx),
        }
        let ctx = ui.ctx().clone();
        form::show(&mut self.form, &ctx, cx);
        form::show_void(&mut self.void, &ctx, cx);
        donors::show_form(&mut self.donor_form, &ctx, cx);
        import::show(&mut self.import, &ctx, cx);
        export::show(&mut self.export, &ctx, prefs, cx);
    }
}
