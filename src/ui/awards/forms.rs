//! The windows of the Awards tab: list details, a student, payout, reopening.

use super::intent;
use crate::i18n::T;
use crate::model::awards::action::AwardAction;
use crate::model::awards::scales::{amount_for, find, scales_for};
use crate::model::awards::{AwardList, Awardee, Gender, Level, ListKind, Prize, SchoolLevel};
use crate::model::book::Book;
use crate::model::date::{format_date, parse_date};
use crate::model::error::Field;
use crate::ui::ctx::Ctx;
use crate::ui::intent::AwardsOrigin;
use crate::ui::labels;
use crate::ui::widgets::commune_picker;
use crate::ui::widgets::{
    Problem, date_field, dialog, form_error, money_value, optional_date, problem_at, problem_rest, row, text,
};
use chrono::NaiveDate;
use egui::RichText;

form_error!(ListForm, AwardeeForm, PayForm, ReopenForm);

/// The list form's fields that show their own problem.
const SHOWN_LIST: [Field; 3] = [Field::Title, Field::Campaign, Field::Purpose];

fn combo<V: PartialEq + Copy>(ui: &mut egui::Ui, salt: &str, label: egui::Id, value: &mut V, options: &[(V, &str)]) {
    let shown = options.iter().find(|(v, _)| v == value).map(|(_, s)| *s).unwrap_or("");
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            for (v, s) in options {
                ui.selectable_value(value, *v, *s);
            }
        })
        .response
        .labelled_by(label);
}

/// An optional date: empty is fine, a wrong one is not.
pub struct ListForm {
    pub editing: Option<usize>,
    list: AwardList,
    decision_date: String,
    ceremony: String,
    error: Option<Problem>,
}

impl ListForm {
    pub fn new(year: i32, book: &Book) -> Self {
        let scale = scales_for(book, year).last().map(|s| s.name.clone()).unwrap_or_default();
        let list = AwardList { year, school_year: format!("{}-{}", year - 1, year), scale, ..Default::default() };
        Self { editing: None, list, decision_date: String::new(), ceremony: format!("02/10/{year}"), error: None }
    }

    pub fn edit(id: usize, l: &AwardList) -> Self {
        let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
        Self {
            editing: Some(id),
            list: l.clone(),
            decision_date: date(l.decision_date),
            ceremony: date(l.ceremony),
            error: None,
        }
    }
}

pub fn show_list_form(form: &mut Option<ListForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = form else { return };
    let (mut open, mut submit, mut cancel) = (true, false, false);
    let title = if f.editing.is_some() { T::EditList } else { T::NewList };
    let decision = optional_date(lang, &f.decision_date);
    let ceremony = optional_date(lang, &f.ceremony);
    dialog(ctx, title.get(lang)).id(egui::Id::unique("list_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("list_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let l = &mut f.list;
            row(ui, T::ListTitle.get(lang), problem_at(&f.error, lang, Field::Title), |ui, id| {
                text(ui, &mut l.title, id, 420.0, "")
            });
            row(ui, T::ListKind.get(lang), None, |ui, id| {
                let kinds = ListKind::ALL.map(|k| (k, labels::list_kind(k).get(lang)));
                combo(ui, "list_kind", id, &mut l.kind, &kinds);
            });
            row(ui, T::SchoolYear.get(lang), None, |ui, id| text(ui, &mut l.school_year, id, 120.0, "2025-2026"));
            row(ui, T::Campaign.get(lang), problem_at(&f.error, lang, Field::Campaign), |ui, id| {
                text(ui, &mut l.campaign, id, 420.0, "")
            });
            row(ui, T::Sponsors.get(lang), None, |ui, id| {
                text(ui, &mut l.sponsors, id, 420.0, T::SponsorsHint.get(lang))
            });
            row(ui, T::Purpose.get(lang), problem_at(&f.error, lang, Field::Purpose), |ui, id| {
                text(ui, &mut l.purpose, id, 420.0, T::PurposeHint.get(lang))
            });
            row(ui, T::DecisionNo.get(lang), None, |ui, id| text(ui, &mut l.decision_no, id, 200.0, "45/QĐ-HKH"));
            row(ui, T::DecisionDate.get(lang), decision.as_ref().err().cloned(), |ui, id| {
                date_field(ui, &mut f.decision_date, id, "decision_date")
            });
            row(ui, T::Ceremony.get(lang), ceremony.as_ref().err().cloned(), |ui, id| {
                date_field(ui, &mut f.ceremony, id, "ceremony_date")
            });
            row(ui, T::Scale.get(lang), None, |ui, id| {
                let names: Vec<String> = scales_for(book, l.year).into_iter().map(|s| s.name).collect();
                egui::ComboBox::from_id_salt("list_scale")
                    .selected_text(&l.scale)
                    .width(300.0)
                    .show_ui(ui, |ui| {
                        for n in names {
                            ui.selectable_value(&mut l.scale, n.clone(), n);
                        }
                    })
                    .response
                    .labelled_by(id);
            });
        });
        problem_rest(ui, lang, &f.error, &SHOWN_LIST);
        ui.separator();
        ui.horizontal(|ui| {
            submit = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
            cancel = ui.button(T::Cancel.get(lang)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        });
    });
    if cancel || !open {
        *form = None;
        return;
    }
    if submit && let (Ok(decision_date), Ok(ceremony)) = (decision, ceremony) {
        let list = Box::new(AwardList { decision_date, ceremony, ..f.list.clone() });
        let action = match f.editing {
            Some(id) => AwardAction::EditList(id, list),
            None => AwardAction::AddList(list),
        };
        cx.act(intent(action, AwardsOrigin::ListForm));
    }
}

pub struct AwardeeForm {
    list: usize,
    index: Option<usize>,
    kind: ListKind,
    a: Awardee,
    birth: String,
    amount: String,
    manual: bool,
    tried: bool,
    error: Option<Problem>,
}

impl AwardeeForm {
    pub fn new(list: usize, l: &AwardList, index: Option<usize>) -> Self {
        let a = index.and_then(|i| l.awardees.get(i)).cloned().unwrap_or_else(|| Awardee {
            level: if l.kind == ListKind::Prize { Level::National } else { Level::Provincial },
            prize: if l.kind == ListKind::Prize { Prize::Third } else { Prize::None },
            ethnicity: "Kinh".into(),
            school_level: SchoolLevel::UpperSecondary,
            ..Default::default()
        });
        Self {
            list,
            index,
            kind: l.kind,
            birth: a.birth.map(format_date).unwrap_or_default(),
            amount: if index.is_some() { a.amount.grouped() } else { String::new() },
            manual: !a.override_reason.is_empty(),
            a,
            tried: false,
            error: None,
        }
    }
}

pub fn show_awardee_form(form: &mut Option<AwardeeForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = form else { return };
    let Some(list) = book.award_lists.get(f.list) else {
        *form = None;
        return;
    };
    let (mut open, mut submit, mut cancel) = (true, false, false);
    let scale = find(book, list.year, &list.scale);
    let from_scale = scale.as_ref().and_then(|s| amount_for(s, f.kind, &f.a));
    let birth = optional_date(lang, &f.birth);
    let manual = f.manual || from_scale.is_none();
    let amount = if manual { money_value(lang, &f.amount) } else { Ok(from_scale.unwrap_or_default()) };
    let title = if f.index.is_some() { T::EditAwardee } else { T::AddAwardee };
    dialog(ctx, title.get(lang)).id(egui::Id::unique("awardee_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("awardee_grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let a = &mut f.a;
            let name_err = (f.tried && a.name.trim().is_empty())
                .then(|| T::ErrName.get(lang).to_owned())
                .or_else(|| problem_at(&f.error, lang, Field::Name));
            row(ui, T::FullName.get(lang), name_err, |ui, id| text(ui, &mut a.name, id, 300.0, ""));
            row(ui, T::Birth.get(lang), birth.as_ref().err().cloned(), |ui, id| {
                date_field(ui, &mut f.birth, id, "birth")
            });
            row(ui, T::Gender.get(lang), None, |ui, _| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut a.gender, Gender::Female, T::Female.get(lang));
                    ui.radio_value(&mut a.gender, Gender::Male, T::Male.get(lang));
                });
            });
            row(ui, T::Ethnicity.get(lang), None, |ui, id| text(ui, &mut a.ethnicity, id, 200.0, "Kinh"));
            row(ui, T::School.get(lang), None, |ui, id| text(ui, &mut a.school, id, 300.0, ""));
            row(ui, T::Class.get(lang), None, |ui, id| text(ui, &mut a.class, id, 100.0, "12A1"));
            row(ui, T::SchoolLevel.get(lang), None, |ui, id| {
                let levels = SchoolLevel::ALL.map(|l| (l, labels::school_level(l).get(lang)));
                combo(ui, "school_level", id, &mut a.school_level, &levels);
            });
            row(ui, T::Commune.get(lang), None, |ui, id| {
                commune_picker(ui, "awardee_commune", id, &mut a.commune, &book.communes, Some(T::NoCommune.get(lang)));
            });
            row(ui, T::OldPlace.get(lang), None, |ui, id| text(ui, &mut a.old_place, id, 300.0, ""));
            if f.kind == ListKind::Prize {
                row(ui, T::Competition.get(lang), None, |ui, id| text(ui, &mut a.competition, id, 300.0, ""));
                row(ui, T::Level.get(lang), None, |ui, id| {
                    let levels = Level::ALL.map(|l| (l, labels::level(l).get(lang)));
                    combo(ui, "level", id, &mut a.level, &levels);
                });
                row(ui, T::Subject.get(lang), None, |ui, id| text(ui, &mut a.subject, id, 200.0, ""));
                row(ui, T::Prize.get(lang), None, |ui, id| {
                    let prizes = Prize::ALL.map(|p| (p, labels::prize(p).get(lang)));
                    combo(ui, "prize", id, &mut a.prize, &prizes);
                });
            } else {
                row(ui, T::Circumstances.get(lang), None, |ui, id| text(ui, &mut a.circumstances, id, 300.0, ""));
            }
            let amount_err =
                if manual { amount.as_ref().err().filter(|_| f.tried || !f.amount.is_empty()).cloned() } else { None }
                    .or_else(|| problem_at(&f.error, lang, Field::Amount));
            row(ui, T::Amount.get(lang), amount_err, |ui, id| {
                match from_scale {
                    Some(v) => {
                        ui.label(format!("{} {}: {}", T::FromScale.get(lang), list.scale, v.display()));
                        ui.checkbox(&mut f.manual, T::OverrideAmount.get(lang));
                    }
                    None => {
                        ui.label(RichText::new(T::NotInScale.get(lang)).italics());
                    }
                }
                if manual {
                    text(ui, &mut f.amount, id, 160.0, T::AmountHint.get(lang));
                }
            });
            if manual {
                let reason_err =
                    (f.tried && a.override_reason.trim().is_empty()).then(|| T::ErrOverrideReason.get(lang).to_owned());
                row(ui, T::OverrideReason.get(lang), reason_err, |ui, id| {
                    text(ui, &mut a.override_reason, id, 300.0, "")
                });
            }
            row(ui, T::Note.get(lang), None, |ui, id| text(ui, &mut a.note, id, 300.0, ""));
        });
        problem_rest(ui, lang, &f.error, &[Field::Name, Field::Amount]);
        ui.separator();
        ui.horizontal(|ui| {
            submit = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
            cancel = ui.button(T::Cancel.get(lang)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        });
    });
    if cancel || !open {
        *form = None;
        return;
    }
    if submit {
        f.tried = true;
        f.error = None;
        let reason_ok = !manual || !f.a.override_reason.trim().is_empty();
        if let (Ok(birth), Ok(amount), true, false) = (birth, amount, reason_ok, f.a.name.trim().is_empty()) {
            let mut a = Awardee { birth, amount, ..f.a.clone() };
            if !manual {
                a.override_reason = Default::default();
            }
            let action = AwardAction::SetAwardee { list: f.list, index: f.index, awardee: Box::new(a) };
            cx.act(intent(action, AwardsOrigin::AwardeeForm));
        }
    }
}

pub struct PayForm {
    list: usize,
    per_awardee: bool,
    date: String,
    error: Option<Problem>,
}

impl PayForm {
    pub fn new(list: usize) -> Self {
        Self { list, per_awardee: true, date: format_date(chrono::Local::now().date_naive()), error: None }
    }
}

pub fn show_pay(form: &mut Option<PayForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = form else { return };
    let (mut submit, mut cancel) = (false, false);
    let date = parse_date(&f.date);
    let unpaid = book.award_lists.get(f.list).map(|l| {
        let a: Vec<&Awardee> = l.awardees.iter().filter(|a| a.voucher.is_none()).collect();
        (a.len(), a.iter().map(|a| a.amount).sum::<crate::model::money::Vnd>())
    });
    let modal = egui::Modal::new(egui::Id::unique("pay_dialog")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(T::PayTitle.get(lang));
        if let Some((n, total)) = unpaid {
            ui.label(format!("{n} {} · {}", T::Students.get(lang), total.display()));
        }
        ui.radio_value(&mut f.per_awardee, true, T::PayPerAwardee.get(lang));
        ui.radio_value(&mut f.per_awardee, false, T::PayWhole.get(lang));
        egui::Grid::new("pay_grid").num_columns(2).show(ui, |ui| {
            let err = date.as_ref().err().map(|e| labels::date_error(e).get(lang).to_owned());
            row(ui, T::PayDate.get(lang), err, |ui, id| date_field(ui, &mut f.date, id, "pay_date"));
        });
        problem_rest(ui, lang, &f.error, &[]);
        ui.separator();
        ui.horizontal(|ui| {
            submit = ui.button(RichText::new(T::PayConfirm.get(lang)).strong()).clicked();
            cancel = ui.button(T::Cancel.get(lang)).clicked();
        });
    });
    if cancel || modal.should_close() {
        *form = None;
        return;
    }
    if submit && let Ok(date) = date {
        cx.act(intent(AwardAction::Pay { list: f.list, per_awardee: f.per_awardee, date }, AwardsOrigin::Pay));
    }
}

pub struct ReopenForm {
    list: usize,
    reason: String,
    error: Option<Problem>,
}

impl ReopenForm {
    pub fn new(list: usize) -> Self {
        Self { list, reason: String::new(), error: None }
    }
}

pub fn show_reopen(form: &mut Option<ReopenForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let lang = cx.lang;
    let Some(f) = form else { return };
    let (mut submit, mut cancel) = (false, false);
    let modal = egui::Modal::new(egui::Id::unique("reopen_dialog")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(T::ReopenTitle.get(lang));
        ui.label(T::ReopenText.get(lang));
        egui::Grid::new("reopen_grid").num_columns(2).show(ui, |ui| {
            // The reason is the form's one field: every problem shows beside it.
            let err = f.error.as_ref().map(|p| p.text(lang));
            row(ui, T::Reason.get(lang), err, |ui, id| text(ui, &mut f.reason, id, 300.0, ""));
        });
        ui.separator();
        ui.horizontal(|ui| {
            submit = ui.button(RichText::new(T::Reopen.get(lang).trim_end_matches('…')).strong()).clicked();
            cancel = ui.button(T::Cancel.get(lang)).clicked();
        });
    });
    if cancel || modal.should_close() {
        *form = None;
        return;
    }
    if submit {
        cx.act(intent(AwardAction::Reopen { list: f.list, reason: f.reason.clone() }, AwardsOrigin::Reopen));
    }
}
