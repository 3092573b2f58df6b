//! Campaigns (đợt vận động): each one's dates, receipts, cash and in kind received apart, its
//! target and how much of it has come in. A click on a name opens its receipts in the ledger;
//! a picked row fills the target bar above the table.

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::date::format_date;
use crate::model::error::{ActionError, Field};
use crate::model::fund::action::FundAction;
use crate::model::fund::totals::{Campaign, campaigns};
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::{FundOrigin, Intent, Origin};
use crate::ui::nav::Nav;
use crate::ui::widgets::{Problem, money_value, problem_at, problem_rest, table_header};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub struct CampaignsUi {
    rows: Memo<u64, Vec<Campaign>>,
    bar: TargetBar,
}

/// The target bar: the campaign's name and the amount as typed.
#[derive(Default)]
struct TargetBar {
    name: String,
    amount: String,
    error: Option<Problem>,
}

impl CampaignsUi {
    pub fn settle(&mut self, result: &Result<(), ActionError>) {
        self.bar.error = result.clone().err().map(Problem::Refused);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Ctx) {
        let book = cx.book;
        // The rows stay borrowed from their cache; only the bar is edited.
        let rows = self.rows.get(cx.rev(), |_| campaigns(book));
        self.bar.show(ui, rows, cx);
    }
}

impl TargetBar {
    fn set(&mut self, cx: &mut Ctx, remove: bool) {
        let amount = if remove { Ok(None) } else { money_value(cx.lang, &self.amount).map(Some) };
        match amount {
            Ok(amount) => {
                self.error = None;
                let action = Action::Fund(FundAction::SetCampaignTarget { campaign: self.name.clone(), amount });
                cx.act(Intent { action, origin: Origin::Fund(FundOrigin::CampaignTarget) });
            }
            Err(e) => self.error = Some(Problem::Input(Some(Field::Amount), e)),
        }
    }

    fn show(&mut self, ui: &mut egui::Ui, rows: &[Campaign], cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(T::TargetOf.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(260.0).hint_text(T::Campaign.get(lang)))
                .labelled_by(l.id);
            let a = ui.label(T::Target.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.amount).desired_width(170.0).hint_text(T::TargetHint.get(lang)),
            )
            .labelled_by(a.id);
            ui.add_enabled_ui(!cx.read_only, |ui| {
                if ui.button(T::SetTarget.get(lang)).clicked() {
                    self.set(cx, false);
                }
                let has = book.settings.campaign_targets.contains_key(self.name.trim());
                if ui.add_enabled(has, egui::Button::new(T::RemoveTarget.get(lang))).clicked() {
                    self.set(cx, true);
                }
            });
        });
        if let Some(e) = problem_at(&self.error, lang, Field::Amount) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        problem_rest(ui, lang, &self.error, &[Field::Amount]);
        ui.add(egui::Label::new(RichText::new(T::CampaignsNote.get(lang)).weak()).wrap());
        ui.separator();
        if rows.is_empty() {
            ui.label(T::NoCampaigns.get(lang));
            return;
        }
        let mut open: Option<String> = None;
        let mut pick: Option<&Campaign> = None;
        let money = |ui: &mut egui::Ui, v: String| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(v).selectable(false))
            });
        };
        TableBuilder::new(ui)
            .id_salt("campaigns")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::remainder().at_least(220.0).clip(true))
            .column(Column::auto().at_least(170.0))
            .columns(Column::auto().at_least(70.0), 1)
            .columns(Column::auto().at_least(120.0), 4)
            .column(Column::auto().at_least(70.0))
            .header(22.0, |mut h| {
                table_header(
                    &mut h,
                    lang,
                    &[
                        T::Campaign,
                        T::CampaignPeriod,
                        T::ReceiptCount,
                        T::CashIn,
                        T::InKindIn,
                        T::Contributions,
                        T::Target,
                        T::Reached,
                    ],
                );
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut r| {
                    let Some(c) = rows.get(r.index()) else { return };
                    r.set_selected(c.name == self.name.trim());
                    r.col(|ui| {
                        let link = ui.link(&c.name).on_hover_text(&c.name);
                        if link.clicked() {
                            open = Some(c.name.clone());
                        }
                    });
                    r.col(|ui| {
                        let span = match (c.first, c.last) {
                            (Some(f), Some(l)) if f == l => format_date(f),
                            (Some(f), Some(l)) => format!("{} – {}", format_date(f), format_date(l)),
                            _ => "–".into(),
                        };
                        ui.add(egui::Label::new(span).selectable(false));
                    });
                    r.col(|ui| money(ui, c.receipts.to_string()));
                    r.col(|ui| money(ui, c.cash.display()));
                    r.col(|ui| money(ui, c.in_kind.display()));
                    r.col(|ui| money(ui, c.total().display()));
                    r.col(|ui| money(ui, c.target.map(|t| t.display()).unwrap_or_else(|| "–".into())));
                    r.col(|ui| money(ui, c.permille().map(|p| lang.percent(p as f64 / 10.0)).unwrap_or_default()));
                    if r.response().clicked() {
                        pick = Some(c);
                    }
                });
            });
        if let Some(c) = pick {
            self.name.clone_from(&c.name);
            self.amount = c.target.map(|t| t.grouped()).unwrap_or_default();
            self.error = None;
        }
        if let Some(c) = open {
            cx.go(Nav::Campaign(c));
        }
    }
}
