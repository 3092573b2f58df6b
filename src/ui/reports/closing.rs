//! Closing a year: each year's balances, whether it is closed, and the buttons to close it
//! (after a confirmation that names the balance carried) or reopen it (with a reason).

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::date::format_date;
use crate::model::error::ActionError;
use crate::model::money::Vnd;
use crate::ui::ctx::Ctx;
use crate::ui::intent::ReportsOrigin;
use crate::ui::intent::{Intent, Origin};
use crate::ui::widgets::{ERROR, Problem, RECEIPT, dialog, problem_rest, row, text};
use chrono::{Datelike, NaiveDate};
use egui::RichText;

enum Ask {
    /// The year, the balance it carries, and the earlier years with vouchers still open.
    Close(i32, Vnd, Vec<i32>),
    Reopen {
        year: i32,
        reason: String,
    },
}

#[derive(Default)]
pub struct ClosingUi {
    ask: Option<Ask>,
    error: Option<Problem>,
}

impl ClosingUi {
    pub fn settle(&mut self, result: &Result<(), ActionError>) {
        match result {
            Ok(()) => {
                self.ask = None;
                self.error = None;
            }
            Err(e) => self.error = Some(Problem::Refused(e.clone())),
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui, today: NaiveDate, cx: &mut Ctx) {
        let balances = &cx.caches.year_balances;
        let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
        let t = |k: T| k.get(lang);
        ui.label(t(T::ClosingIntro));
        ui.add_space(8.0);
        egui::Grid::new("closing_years").striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
            for h in [T::Year, T::Opening, T::Receipts, T::Payments, T::Closing, T::Status] {
                ui.strong(t(h));
            }
            ui.end_row();
            for y in balances.iter().rev() {
                ui.label(y.year.to_string());
                for v in [y.opening, y.receipts, y.payments, y.closing] {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(v.display()));
                }
                match book.closed.get(&y.year) {
                    Some(c) => {
                        ui.label(
                            RichText::new(format!(
                                "{} {} · {} {}",
                                t(T::YearClosedOn),
                                format_date(c.date),
                                t(T::Carried),
                                c.balance.display()
                            ))
                            .color(RECEIPT),
                        );
                        if !read_only && ui.button(t(T::ReopenYearBtn)).clicked() {
                            self.ask = Some(Ask::Reopen { year: y.year, reason: String::new() });
                            self.error = None;
                        }
                    }
                    None => {
                        ui.label(t(T::YearOpen));
                        if !read_only && y.year < today.year() && ui.button(t(T::CloseYearBtn)).clicked() {
                            let earlier = crate::model::closing::open_before(book, y.year);
                            self.ask = Some(Ask::Close(y.year, y.closing, earlier));
                            self.error = None;
                        }
                    }
                }
                ui.end_row();
            }
        });
        self.window(ui.ctx(), today, cx);
    }

    fn window(&mut self, ctx: &egui::Context, today: NaiveDate, cx: &mut Ctx) {
        let lang = cx.lang;
        let Some(ask) = &mut self.ask else { return };
        let t = |k: T| k.get(lang);
        let mut open = true;
        let mut action = None;
        let title = match ask {
            Ask::Close(..) => t(T::CloseYearBtn),
            Ask::Reopen { .. } => t(T::ReopenYearBtn),
        };
        dialog(ctx, title).id(egui::Id::unique("closing_ask")).open(&mut open).show(ctx, |ui| {
            match ask {
                Ask::Close(year, balance, earlier) => {
                    ui.label(
                        T::ConfirmClose
                            .get(lang)
                            .replace("{y}", &year.to_string())
                            .replace("{b}", &balance.display())
                            .replace("{n}", &(*year + 1).to_string()),
                    );
                    if !earlier.is_empty() {
                        let list = earlier.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
                        ui.label(
                            RichText::new(t(T::EarlierOpen).replace("{years}", &list)).color(crate::ui::widgets::WARN),
                        );
                    }
                    ui.weak(t(T::CloseNoUndo));
                    if ui.button(RichText::new(t(T::CloseYearBtn)).strong()).clicked() {
                        action = Some((Action::CloseYear { year: *year, date: today }, ReportsOrigin::Close));
                    }
                }
                Ask::Reopen { year, reason } => {
                    egui::Grid::new("reopen_grid").num_columns(2).show(ui, |ui| {
                        row(ui, t(T::ReopenReason), None, |ui, id| text(ui, reason, id, 320.0, ""));
                    });
                    if ui.button(RichText::new(t(T::ReopenYearBtn)).strong().color(ERROR)).clicked() {
                        let a = Action::ReopenYear { year: *year, reason: reason.clone() };
                        action = Some((a, ReportsOrigin::Reopen));
                    }
                }
            }
            problem_rest(ui, lang, &self.error, &[]);
        });
        if !open {
            self.ask = None;
        }
        if let Some((action, origin)) = action {
            cx.act(Intent { action, origin: Origin::Reports(origin) });
        }
    }
}
