//! The lists of a year on the left; the selected list on the right: its details, status
//! and the actions it allows, the checks before approval, and its students.

use super::forms::{AwardeeForm, ListForm, PayForm, ReopenForm};
use super::import::ImportWizard;
use super::print::PrintDialog;
use super::{AwardsUi, intent};
use crate::i18n::T;
use crate::model::awards::action::AwardAction;
use crate::model::awards::{AwardList, ListStatus};
use crate::model::date::format_date;
use crate::ui::ctx::Ctx;
use crate::ui::intent::AwardsOrigin;
use crate::ui::labels;
use crate::ui::nav::Nav;
use crate::ui::widgets::table_header;
use crate::ui::widgets::{ERROR, PAYMENT, RECEIPT, problem_rest};
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

pub fn status_color(s: ListStatus) -> Color32 {
    match s {
        ListStatus::Draft => Color32::GRAY,
        ListStatus::Agreed => Color32::from_rgb(0x2f, 0x6f, 0xb3),
        ListStatus::Approved => Color32::from_rgb(0xb3, 0x6b, 0x00),
        ListStatus::Paid => RECEIPT,
        ListStatus::Cancelled => PAYMENT,
    }
}

pub fn show(ui_state: &mut AwardsUi, ui: &mut egui::Ui, year: i32, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let of_year: Vec<usize> =
        book.award_lists.iter().enumerate().filter(|(_, l)| l.year == year).map(|(i, _)| i).collect();
    egui::Panel::left("award_lists").default_size(330.0).resizable(true).show(ui, |ui| {
        if of_year.is_empty() {
            ui.label(T::NoLists.get(lang));
        }
        egui::ScrollArea::vertical().id_salt("lists_scroll").show_rows(ui, 46.0, of_year.len(), |ui, range| {
            for (i, l) in of_year.get(range).unwrap_or(&[]).iter().filter_map(|&i| Some((i, book.award_lists.get(i)?)))
            {
                let selected = ui_state.selected == Some(i);
                let r = ui
                    .scope(|ui| {
                        ui.set_min_height(44.0);
                        let r = ui.selectable_label(selected, RichText::new(&l.title).strong());
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(labels::status(l.status).get(lang)).color(status_color(l.status)));
                            ui.weak(format!(
                                "· {} {} · {}",
                                l.awardees.len(),
                                T::Students.get(lang),
                                l.total().display()
                            ));
                        });
                        r
                    })
                    .inner;
                if r.clicked() {
                    ui_state.selected = Some(i);
                }
            }
        });
    });
    let Some((id, l)) =
        ui_state.selected.and_then(|i| Some((i, book.award_lists.get(i)?))).filter(|(_, l)| l.year == year)
    else {
        ui.add_space(20.0);
        ui.label(T::PickList.get(lang));
        return;
    };
    detail_header(ui_state, ui, id, l, cx);
    ui.separator();
    students(ui_state, ui, id, l, cx);
}

fn detail_header(s: &mut AwardsUi, ui: &mut egui::Ui, id: usize, l: &AwardList, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    ui.horizontal(|ui| {
        ui.heading(&l.title);
        ui.label(RichText::new(labels::status(l.status).get(lang)).color(status_color(l.status)).strong());
    });
    crate::ui::widgets::closed_banner(ui, lang, book, l.year);
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} · {} {}", labels::list_kind(l.kind).get(lang), T::SchoolYear.get(lang), l.school_year));
        if !l.campaign.is_empty() {
            ui.label(format!("· {}: {}", T::Campaign.get(lang), l.campaign));
        }
        if !l.sponsors.is_empty() {
            ui.label(format!("· {}: {}", T::Sponsors.get(lang), l.sponsors));
        }
        let purpose = if l.purpose.is_empty() { T::GeneralFund.get(lang) } else { l.purpose.as_str() };
        ui.label(format!("· {}: {purpose}", T::Purpose.get(lang)));
        if !l.decision_no.is_empty() {
            ui.label(format!("· {} {} {}", T::DecisionNo.get(lang), l.decision_no, date(l.decision_date)));
        }
        if l.ceremony.is_some() {
            ui.label(format!("· {}: {}", T::Ceremony.get(lang), date(l.ceremony)));
        }
        ui.label(format!("· {}: {}", T::Scale.get(lang), l.scale));
    });
    if !l.reopen_reason.is_empty() && l.status == ListStatus::Draft {
        ui.weak(format!("{} {}", T::ReopenedBecause.get(lang), l.reopen_reason));
    }
    let derived = s.cache.get((cx.rev(), id), |&(_, id)| super::list_derived(book, id));
    let blocking = derived.issues.iter().filter(|i| i.blocking()).count();
    ui.add_enabled_ui(!read_only, |ui| {
        ui.horizontal(|ui| {
            let status = |st: ListStatus| intent(AwardAction::SetStatus { list: id, status: st }, AwardsOrigin::Status);
            match l.status {
                ListStatus::Draft => {
                    if ui.button(T::EditList.get(lang)).clicked() {
                        s.list_form = Some(ListForm::edit(id, l));
                    }
                    if ui.button(format!("→ {}", T::ToAgreed.get(lang))).clicked() {
                        cx.act(status(ListStatus::Agreed));
                    }
                    if ui.button(T::ToCancelled.get(lang)).clicked() {
                        cx.act(status(ListStatus::Cancelled));
                    }
                }
                ListStatus::Agreed => {
                    if ui.button(T::EditList.get(lang)).clicked() {
                        s.list_form = Some(ListForm::edit(id, l));
                    }
                    let approve = ui.add_enabled(
                        blocking == 0 && !l.awardees.is_empty(),
                        egui::Button::new(format!("→ {}", T::ToApproved.get(lang))),
                    );
                    if approve.clicked() {
                        cx.act(status(ListStatus::Approved));
                    }
                    if ui.button(T::ToDraft.get(lang)).clicked() {
                        cx.act(status(ListStatus::Draft));
                    }
                    if ui.button(T::ToCancelled.get(lang)).clicked() {
                        cx.act(status(ListStatus::Cancelled));
                    }
                }
                ListStatus::Approved => {
                    if ui.button(RichText::new(T::PayOut.get(lang)).strong()).clicked() {
                        s.pay = Some(PayForm::new(id));
                    }
                    if ui.button(T::Reopen.get(lang)).clicked() {
                        s.reopen = Some(ReopenForm::new(id));
                    }
                }
                ListStatus::Paid => {
                    ui.label(T::PaidWith.get(lang));
                    voucher_links(ui, lang, book, &l.vouchers, cx);
                }
                ListStatus::Cancelled => {
                    if ui.button(T::Restore.get(lang)).clicked() {
                        cx.act(status(ListStatus::Draft));
                    }
                }
            }
        });
    });
    if !l.voided.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("{}:", T::VoidedPayouts.get(lang)));
            voucher_links(ui, lang, book, &l.voided, cx);
        });
    }
    problem_rest(ui, lang, &s.status_error, &[]);
    if !l.status.frozen() {
        let title = format!("{} ({})", T::Checks.get(lang), derived.issues.len());
        egui::CollapsingHeader::new(title).id_salt("checks").open((blocking > 0).then_some(true)).show(ui, |ui| {
            if derived.issues.is_empty() {
                ui.label(RichText::new(T::ChecksOk.get(lang)).color(RECEIPT));
            }
            egui::ScrollArea::vertical().max_height(110.0).id_salt("issues").show(ui, |ui| {
                for issue in &derived.issues {
                    let text = labels::issue(lang, issue);
                    if issue.blocking() {
                        ui.label(RichText::new(text).color(ERROR));
                    } else {
                        ui.weak(format!("{}: {text}", T::Warning.get(lang)));
                    }
                }
            });
        });
    }
}

/// A list's payment vouchers by number, each opening the voucher in the ledger; the first
/// six, then how many more.
fn voucher_links(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    book: &crate::model::book::Book,
    vouchers: &[usize],
    cx: &mut Ctx,
) {
    for &k in vouchers.iter().take(6) {
        if let Some(v) = book.vouchers.get(k)
            && ui.link(v.number.as_str()).on_hover_text(T::OpenVoucher.get(lang)).clicked()
        {
            cx.go(Nav::Voucher(k));
        }
    }
    if vouchers.len() > 6 {
        ui.label(format!("… (+{})", vouchers.len() - 6));
    }
}

fn students(s: &mut AwardsUi, ui: &mut egui::Ui, id: usize, l: &AwardList, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let editable = !read_only && !l.status.frozen();
    ui.horizontal(|ui| {
        ui.add_enabled_ui(editable, |ui| {
            if ui.button(format!("+ {}", T::AddAwardee.get(lang))).clicked() {
                s.awardee_form = Some(AwardeeForm::new(id, l, None));
            }
            if ui.button(T::ImportAwardees.get(lang)).clicked() {
                s.import = Some(ImportWizard::new(id));
            }
        });
        if ui.button(T::PrintPdf.get(lang)).clicked() {
            s.print = Some(PrintDialog::new(book, id, true));
        }
        if ui.button(T::ExportXlsx.get(lang)).clicked() {
            s.print = Some(PrintDialog::new(book, id, false));
        }
        ui.separator();
        ui.label(
            RichText::new(format!(
                "{} {} · {}: {}",
                l.awardees.len(),
                T::Students.get(lang),
                T::TotalList.get(lang),
                l.total().display()
            ))
            .strong(),
        );
    });
    let order = &s.cache.get((cx.rev(), id), |&(_, id)| super::list_derived(book, id)).order;
    let mut edit: Option<usize> = None;
    let mut remove: Option<usize> = None;
    ui.style_mut().interaction.selectable_labels = false;
    let ctx = ui.ctx().clone();
    // The student come to from a voucher, if still the one at that place.
    let highlight =
        s.student.as_ref().filter(|(list, i, a)| *list == id && l.awardees.get(*i) == Some(a)).map(|&(_, i, _)| i);
    let at = || highlight.and_then(|i| order.iter().position(|&k| k == i));
    let mut go: Option<Nav> = None;
    let out = s
        .nav
        .scroll(&ctx, TableBuilder::new(ui), (at, order.len()), &id)
        .id_salt("awardees")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(30.0))
        .column(Column::initial(140.0).at_least(90.0).clip(true))
        .column(Column::initial(78.0))
        .column(Column::initial(150.0).at_least(70.0).clip(true))
        .column(Column::initial(90.0).clip(true))
        .column(Column::auto().at_least(76.0))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto())
        .column(Column::remainder().at_least(100.0).clip(true))
        .header(24.0, |mut h| {
            table_header(&mut h, lang, &[T::Stt, T::FullName, T::Birth, T::School, T::Commune, T::Amount, T::Voucher]);
            h.col(|_| {});
            h.col(|ui| {
                ui.strong(T::Achievement.get(lang));
            });
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let n = row.index();
                let Some((i, a)) = order.get(n).and_then(|&i| Some((i, l.awardees.get(i)?))) else { return };
                row.set_selected(highlight == Some(i));
                row.col(|ui| {
                    ui.label((n + 1).to_string());
                });
                row.col(|ui| {
                    ui.label(&a.name);
                });
                row.col(|ui| {
                    ui.label(a.birth.map(format_date).unwrap_or_default());
                });
                row.col(|ui| {
                    ui.label(if a.class.is_empty() {
                        a.school.to_string()
                    } else {
                        format!("{} ({})", a.school, a.class)
                    });
                });
                row.col(|ui| {
                    ui.label(a.commune.as_str());
                });
                row.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let t = RichText::new(a.amount.grouped());
                        ui.label(if a.override_reason.is_empty() { t } else { t.italics() })
                            .on_hover_text(a.override_reason.as_str());
                    });
                });
                row.col(|ui| {
                    if let Some((k, v)) = a.voucher.and_then(|k| Some((k, book.vouchers.get(k)?))) {
                        let r = ui.link(v.number.as_str()).on_hover_text(T::OpenVoucher.get(lang));
                        if r.clicked() {
                            go = Some(Nav::Voucher(k));
                        }
                    }
                });
                row.col(|ui| {
                    if editable {
                        if ui.small_button(T::Edit.get(lang)).clicked() {
                            edit = Some(i);
                        }
                        if ui.small_button(T::Remove.get(lang)).clicked() {
                            remove = Some(i);
                        }
                    }
                });
                row.col(|ui| {
                    ui.label(labels::achievement(lang, a));
                });
            });
        });
    s.nav.seen(ui, &out, 22.0);
    if let Some(nav) = go {
        cx.go(nav);
    }
    if let Some(i) = edit {
        s.awardee_form = Some(AwardeeForm::new(id, l, Some(i)));
    }
    if let Some(index) = remove {
        cx.act(intent(AwardAction::RemoveAwardee { list: id, index }, AwardsOrigin::AwardeeForm));
    }
}
