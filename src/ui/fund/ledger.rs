//! The ledger table: filters, diacritic-blind search, sortable virtual rows, totals of what
//! is shown, and the selected voucher with its amount in words.

use super::FundPrefs;
use super::FundUi;
use super::export::{ExportDialog, ExportWhat};
use super::form::{VoidForm, VoucherForm};
use crate::i18n::{Lang, T};
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::{Kind, Voucher};
use crate::model::fund::query::{Filter, SortCol};
use crate::model::money::{Vnd, in_words};
use crate::ui::caches::Caches;
use crate::ui::ctx::Ctx;
use crate::ui::labels;
use crate::ui::nav::Nav;
use crate::ui::widgets::{PAYMENT, RECEIPT};
use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

pub fn col_title(c: SortCol) -> T {
    match c {
        SortCol::Number => T::Number,
        SortCol::Date => T::Date,
        SortCol::Counterparty => T::Counterparty,
        SortCol::Description => T::Description,
        SortCol::Amount => T::Amount,
        SortCol::Method => T::Method,
        SortCol::Campaign => T::Campaign,
        SortCol::Purpose => T::Purpose,
        SortCol::Category => T::Category,
    }
}

fn combo<V: PartialEq + Clone>(
    ui: &mut egui::Ui,
    lang: Lang,
    salt: &str,
    title: T,
    value: &mut Option<V>,
    options: &[(V, String)],
) {
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map(|(_, s)| s.clone())
        .unwrap_or_else(|| T::All.get(lang).to_owned());
    let l = ui.label(title.get(lang));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .truncate()
        .width(130.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, T::All.get(lang));
            for (v, s) in options {
                ui.selectable_value(value, Some(v.clone()), s);
            }
        })
        .response
        .labelled_by(l.id);
}

fn filters(ui: &mut egui::Ui, lang: Lang, f: &mut Filter, caches: &Caches, focus: bool) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(T::Search.get(lang));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut f.query)
                    .char_limit(crate::model::text::TEXT_MAX)
                    .hint_text(T::SearchHint.get(lang))
                    .desired_width(300.0),
            )
            .labelled_by(l.id)
            .on_hover_text("Ctrl+F");
        if focus {
            r.request_focus();
        }
        let years: Vec<(i32, String)> = caches.years.iter().rev().map(|y| (*y, y.to_string())).collect();
        combo(ui, lang, "f_year", T::Year, &mut f.year, &years);
        let kinds = [Kind::Receipt, Kind::Payment].map(|k| (k, labels::kind(k).get(lang).to_owned()));
        combo(ui, lang, "f_kind", T::VoucherKind, &mut f.kind, &kinds);
        let types = DonorType::ALL.map(|t| (t, labels::donor_type(t).get(lang).to_owned()));
        combo(ui, lang, "f_type", T::DonorTypeCol, &mut f.donor_type, &types);
        let campaigns: Vec<(String, String)> = caches.campaigns.iter().map(|c| (c.clone(), c.clone())).collect();
        combo(ui, lang, "f_campaign", T::Campaign, &mut f.campaign, &campaigns);
        let mut purposes = vec![(String::new(), T::GeneralFund.get(lang).to_owned())];
        purposes.extend(caches.purposes.iter().map(|p| (p.clone(), p.clone())));
        combo(ui, lang, "f_purpose", T::Purpose, &mut f.purpose, &purposes);
        ui.checkbox(&mut f.show_void, T::ShowVoid.get(lang));
        if ui.button(T::ClearFilters.get(lang)).clicked() {
            *f = Filter { sort: f.sort, descending: f.descending, ..Filter::default() };
        }
    });
}

fn amount_text(v: &Voucher) -> RichText {
    let (sign, color) = match v.body.kind {
        Kind::Receipt => ("+", RECEIPT),
        Kind::Payment => ("−", PAYMENT),
    };
    let t = RichText::new(format!("{sign}{}", v.body.amount.grouped())).color(color);
    if v.is_live() { t } else { t.strikethrough().weak() }
}

pub fn show(fund: &mut FundUi, ui: &mut egui::Ui, prefs: &mut FundPrefs, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    filters(ui, lang, &mut prefs.filter, cx.caches, std::mem::take(&mut fund.focus_search));
    let balance = cx.caches.balance;
    let (shown, updating) = cx.caches.shown(ui.ctx(), book, &prefs.filter);
    // The totals of what is shown, the balance and the export; on a narrow window they wrap
    // onto a second line rather than run under the button.
    ui.horizontal_wrapped(|ui| {
        if updating {
            ui.spinner().on_hover_text(T::Updating.get(lang));
        }
        ui.label(format!("{} {}", shown.rows.len(), T::Rows.get(lang)));
        ui.separator();
        let f = shown.flows;
        ui.label(format!("{}: ", T::CashIn.get(lang)));
        ui.label(RichText::new(f.cash_in.display()).color(RECEIPT).strong());
        if f.in_kind_in != Vnd::ZERO {
            ui.label(format!("{}: {}", T::InKindIn.get(lang), f.in_kind_in.display()));
        }
        ui.label(format!("{}: ", T::CashOut.get(lang)));
        ui.label(RichText::new(f.cash_out.display()).color(PAYMENT).strong());
        ui.label(format!("{}: {}", T::NetCash.get(lang), f.net_cash().display()))
            .on_hover_text(T::NetCashHint.get(lang));
        ui.separator();
        ui.label(RichText::new(format!("{}: {}", T::Balance.get(lang), balance.display())).strong());
        ui.separator();
        if ui.button(T::ExportView.get(lang)).clicked() {
            fund.export = Some(ExportDialog::new(ExportWhat::Ledger));
        }
    });
    if let Some(i) = fund.selected.filter(|&i| i < book.vouchers.len()) {
        egui::Panel::bottom("voucher_detail").show(ui, |ui| detail(fund, ui, lang, book, i, read_only));
    }
    if shown.rows.is_empty() {
        ui.add_space(20.0);
        ui.label(if book.vouchers.is_empty() { T::EmptyLedger.get(lang) } else { T::NoMatch.get(lang) });
        return;
    }
    // Enter edits the selected voucher, Escape lets it go; the arrows, Page Up/Down and
    // Home/End move it (below).
    if !ui.ctx().egui_wants_keyboard_input() {
        let (enter, escape) = ui.input(|i| (i.key_pressed(egui::Key::Enter), i.key_pressed(egui::Key::Escape)));
        if escape {
            fund.selected = None;
        }
        if enter
            && !read_only
            && let Some(i) = fund.selected
            && let Some(v) = book.vouchers.get(i).filter(|v| v.is_live())
        {
            fund.form = Some(VoucherForm::edit(i, v, book));
        }
    }
    let mut resort: Option<SortCol> = None;
    let mut clicked: Option<usize> = None;
    let f = &prefs.filter;
    // Clicks on a cell select the row rather than starting a text selection.
    ui.style_mut().interaction.selectable_labels = false;
    // The table in a Ui of its own: its column borders reach down to the bottom of what its
    // Ui holds, which would be the voucher panel and its links.
    ui.scope(|ui| {
        let ctx = ui.ctx().clone();
        let at = || fund.selected.and_then(|s| shown.rows.iter().position(|&r| r == s));
        let (table, moved) = fund.nav.choose(&ctx, TableBuilder::new(ui), (at, shown.rows.len()), f);
        if let Some(&i) = moved.and_then(|n| shown.rows.get(n)) {
            fund.selected = Some(i);
        }
        let selected = fund.selected;
        let out = table
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(104.0))
            .column(Column::auto().at_least(84.0))
            .column(Column::initial(180.0).at_least(100.0).clip(true))
            .column(Column::initial(195.0).at_least(100.0).clip(true))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::initial(175.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .header(24.0, |mut header| {
                for c in SortCol::ALL {
                    header.col(|ui| {
                        let arrow = match (f.sort == c, f.descending) {
                            (true, true) => " ▼",
                            (true, false) => " ▲",
                            _ => "",
                        };
                        let r = ui.add(
                            egui::Button::new(RichText::new(format!("{}{arrow}", col_title(c).get(lang))).strong())
                                .frame(false),
                        );
                        if r.clicked() {
                            resort = Some(c);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, shown.rows.len(), |mut row| {
                    let Some((i, v)) = shown.rows.get(row.index()).and_then(|&i| Some((i, book.vouchers.get(i)?)))
                    else {
                        return;
                    };
                    let b = &v.body;
                    row.set_selected(selected == Some(i));
                    let live = v.is_live();
                    let txt = |s: String| {
                        if live { RichText::new(s) } else { RichText::new(s).strikethrough().weak() }
                    };
                    row.col(|ui| {
                        ui.label(txt(v.number.to_string()));
                    });
                    row.col(|ui| {
                        ui.label(txt(format_date(b.date)));
                    });
                    row.col(|ui| {
                        ui.label(txt(b.counterparty.to_string()));
                    });
                    row.col(|ui| {
                        ui.label(txt(b.description.to_string()));
                    });
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(amount_text(v)));
                    });
                    row.col(|ui| {
                        ui.label(txt(labels::method(b.method).get(lang).to_owned()));
                    });
                    row.col(|ui| {
                        ui.label(txt(b.campaign.to_string()));
                    });
                    row.col(|ui| {
                        ui.label(txt(b.purpose.to_string()));
                    });
                    row.col(|ui| {
                        let what = match (v.is_live(), b.kind) {
                            (false, _) => T::Voided.get(lang),
                            (true, Kind::Receipt) => "",
                            (true, Kind::Payment) => labels::category(b.category).get(lang),
                        };
                        ui.label(txt(what.to_owned()));
                    });
                    if row.response().clicked() {
                        clicked = Some(i);
                    }
                });
            });
        fund.nav.seen(ui, &out, 22.0);
    });
    if let Some(c) = resort {
        let f = &mut prefs.filter;
        if f.sort == c {
            f.descending = !f.descending;
        } else {
            f.sort = c;
            f.descending = matches!(c, SortCol::Date | SortCol::Amount | SortCol::Number);
        }
    }
    if let Some(i) = clicked {
        fund.selected = if fund.selected == Some(i) { None } else { Some(i) };
    }
}

/// The list a payment pays (or, voided, had paid) and its students, each opening the list
/// with the student highlighted: those it pays, or for a voided one the student it was
/// written out to.
fn award_links(ui: &mut egui::Ui, lang: Lang, book: &Book, i: usize) -> Option<Nav> {
    let v = book.vouchers.get(i)?;
    let id = crate::model::awards::action::list_paid_by(book, i)?;
    let l = book.award_lists.get(id)?;
    let live = v.is_live();
    let students: Vec<usize> = if live {
        (0..l.awardees.len()).filter(|&k| l.awardees[k].voucher == Some(i)).collect()
    } else {
        l.awardees.iter().position(|a| a.name == v.body.counterparty).into_iter().collect()
    };
    let mut go = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", if live { T::AwardLink } else { T::AwardLinkVoided }.get(lang)));
        if ui.link(&l.title).on_hover_text(T::OpenList.get(lang)).clicked() {
            go = Some(Nav::List(id));
        }
        if !students.is_empty() {
            ui.label("—");
        }
        for &k in students.iter().take(8) {
            if let Some(a) = l.awardees.get(k)
                && ui.link(&a.name).on_hover_text(T::OpenStudent.get(lang)).clicked()
            {
                go = Some(Nav::Student(id, k));
            }
        }
        if students.len() > 8 {
            ui.label(format!("… (+{})", students.len() - 8));
        }
    });
    go
}

fn detail(fund: &mut FundUi, ui: &mut egui::Ui, lang: Lang, book: &Book, i: usize, read_only: bool) {
    let Some(v) = book.vouchers.get(i) else { return };
    let b = &v.body;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} {}", labels::kind(b.kind).get(lang), v.number)).strong().size(16.0));
        ui.label(format_date(b.date));
        ui.label(RichText::new(b.amount.display()).strong().size(16.0));
        ui.label(RichText::new(format!("({})", in_words(b.amount))).italics());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(T::Close.get(lang)).clicked() {
                fund.selected = None;
            }
            if v.is_live() && !read_only {
                if ui.button(T::VoidAction.get(lang)).clicked() {
                    fund.void = Some(VoidForm::new(i, v));
                }
                if ui.button(T::Edit.get(lang)).clicked() {
                    fund.form = Some(VoucherForm::edit(i, v, book));
                }
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}: {}", T::Counterparty.get(lang), b.counterparty));
        if let Some(d) = b.donor.and_then(|d| book.donors.get(d)) {
            ui.label(format!("· {}: {} ({})", T::Donor.get(lang), d.name, labels::donor_type(d.kind).get(lang)));
        }
        ui.label(format!("· {}: {}", T::Method.get(lang), labels::method(b.method).get(lang)));
        if !b.description.is_empty() {
            ui.label(format!("· {}", b.description));
        }
        if !b.campaign.is_empty() {
            ui.label(format!("· {}: {}", T::Campaign.get(lang), b.campaign));
        }
        let purpose = if b.purpose.is_empty() { T::GeneralFund.get(lang) } else { b.purpose.as_str() };
        ui.label(format!("· {}: {purpose}", T::Purpose.get(lang)));
        if b.kind == Kind::Payment {
            ui.label(format!("· {}: {}", T::Category.get(lang), labels::category(b.category).get(lang)));
        }
    });
    if let Some(nav) = award_links(ui, lang, book, i) {
        fund.go = Some(nav);
    }
    if let Some(void) = &v.void {
        crate::ui::widgets::error_text(
            ui,
            format!(
                "{} {} — {}: {}",
                T::Voided.get(lang),
                format_date(void.date),
                T::Reason.get(lang),
                labels::void_reason(lang, &void.reason)
            ),
        );
    }
    ui.add_space(4.0);
}
