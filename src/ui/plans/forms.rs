//! The forms of the Plans tab: a document, a content area, a task, an event. Each checks its
//! fields and shows the message beside the field; the action's own checks come back as
//! `error`.

use super::{PlansUi, intent};
use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::date::format_date;
use crate::model::error::Field;
use crate::model::learning::ModelKind;
use crate::model::plans::action::PlanAction;
use crate::model::plans::calendar::{Event, Rule};
use crate::model::plans::{DocKind, DocStatus, Document, Link, Party, Task, TaskStatus};
use crate::ui::ctx::Ctx;
use crate::ui::intent::PlansOrigin;
use crate::ui::widgets::{
    Problem, date_field, date_value, dialog, error_text, form_error, optional_date, problem_at, problem_rest, row, text,
};
use egui::RichText;

pub struct DocForm {
    pub id: Option<usize>,
    doc: Document,
    signed: String,
    from: String,
    to: String,
    pub error: Option<Problem>,
}

impl DocForm {
    pub fn new(id: Option<usize>, doc: Document) -> Self {
        let (from, to) = doc.period.map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default();
        Self { id, signed: doc.signed.map(format_date).unwrap_or_default(), from, to, doc, error: None }
    }
}

pub struct AreaForm {
    pub doc: usize,
    pub area: Option<usize>,
    pub title: String,
    pub error: Option<Problem>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    None,
    List,
    Campaign,
    Learning,
}

pub struct TaskForm {
    doc: usize,
    area: usize,
    task: Option<usize>,
    value: Task,
    start: String,
    due: String,
    done: String,
    link: LinkKind,
    list: Option<usize>,
    campaign: String,
    model: ModelKind,
    year: String,
    pub error: Option<Problem>,
}

impl TaskForm {
    pub fn new(doc: usize, area: usize, task: Option<usize>, t: &Task) -> Self {
        let this_year = chrono::Datelike::year(&chrono::Local::now()).to_string();
        let (link, list, campaign, model, year) = match &t.link {
            None => (LinkKind::None, None, String::new(), ModelKind::Family, this_year),
            Some(Link::AwardList(i)) => (LinkKind::List, Some(*i), String::new(), ModelKind::Family, this_year),
            Some(Link::ListToMake(_)) => (LinkKind::List, None, String::new(), ModelKind::Family, this_year),
            Some(Link::Campaign(c)) => (LinkKind::Campaign, None, c.clone(), ModelKind::Family, this_year),
            Some(Link::Learning { model, year }) => (LinkKind::Learning, None, String::new(), *model, year.to_string()),
        };
        Self {
            doc,
            area,
            task,
            start: t.start.map(format_date).unwrap_or_default(),
            due: t.due.map(format_date).unwrap_or_default(),
            done: t.done.to_string(),
            value: t.clone(),
            link,
            list,
            campaign,
            model,
            year,
            error: None,
        }
    }
}

pub struct EventForm {
    id: Option<usize>,
    title: String,
    rule: u8,
    day: String,
    month: String,
    date: String,
    days: String,
    deadline: bool,
    note: String,
    pub error: Option<Problem>,
}

impl EventForm {
    pub fn new(id: Option<usize>, e: Option<&Event>) -> Self {
        let (rule, day, month, date) = match e.map(|e| e.rule) {
            Some(Rule::Solar { day, month }) => (0, day.to_string(), month.to_string(), String::new()),
            Some(Rule::Lunar { day, month }) => (1, day.to_string(), month.to_string(), String::new()),
            Some(Rule::Once(d)) => (2, String::new(), String::new(), format_date(d)),
            None => (0, String::new(), String::new(), String::new()),
        };
        Self {
            id,
            title: e.map(|e| e.title.clone()).unwrap_or_default(),
            rule,
            day,
            month,
            date,
            days: e.map(|e| e.days).unwrap_or(1).to_string(),
            deadline: e.is_some_and(|e| e.deadline),
            note: e.map(|e| e.note.clone()).unwrap_or_default(),
            error: None,
        }
    }
}

fn number(s: &str, range: std::ops::RangeInclusive<u32>, msg: T, lang: Lang) -> Result<u32, String> {
    s.trim().parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| msg.get(lang).to_owned())
}

fn year(s: &str, lang: Lang) -> Result<i32, String> {
    s.trim().parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or_else(|| T::ErrYearText.get(lang).into())
}

fn save_button(ui: &mut egui::Ui, lang: Lang) -> bool {
    ui.button(RichText::new(T::Save.get(lang)).strong()).clicked()
}

pub fn windows(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    doc_window(s, ctx, cx);
    area_window(s, ctx, cx);
    task_window(s, ctx, cx);
    event_window(s, ctx, cx);
    delete_window(s, ctx, cx);
}

fn delete_window(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(id) = s.delete_ask else { return };
    let Some(d) = book.plans.get(id) else {
        s.delete_ask = None;
        return;
    };
    let mut open = true;
    dialog(ctx, T::DeleteDoc.get(lang)).id(egui::Id::unique("delete_doc")).open(&mut open).show(ctx, |ui| {
        ui.label(RichText::new(d.name()).strong());
        ui.label(T::DeleteDocText.get(lang));
        if ui.button(RichText::new(T::DeleteDoc.get(lang)).color(crate::ui::widgets::ERROR)).clicked() {
            cx.act(intent(PlanAction::DeleteDoc(id), PlansOrigin::Delete));
        }
    });
    if !open {
        s.delete_ask = None;
    }
}

fn doc_window(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = &mut s.doc_form else { return };
    let t = |k: T| k.get(lang);
    let (mut open, mut save) = (true, false);
    let signed = optional_date(lang, &f.signed);
    let period = if f.from.trim().is_empty() && f.to.trim().is_empty() {
        Ok(None)
    } else {
        year(&f.from, lang).and_then(|a| year(&f.to, lang).map(|b| Some((a, b))))
    };
    let title = if f.id.is_some() { T::EditDocument } else { T::NewDocument };
    dialog(ctx, t(title)).id(egui::Id::unique("doc_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("doc_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            row(ui, t(T::DocKindLabel), None, |ui, id| {
                egui::ComboBox::from_id_salt("doc_kind")
                    .selected_text(labels::doc_kind(f.doc.kind).get(lang))
                    .show_ui(ui, |ui| {
                        for k in DocKind::ALL {
                            ui.selectable_value(&mut f.doc.kind, k, labels::doc_kind(k).get(lang));
                        }
                    })
                    .response
                    .labelled_by(id);
            });
            row(ui, t(T::DocNumber), None, |ui, id| text(ui, &mut f.doc.number, id, 240.0, "68/CTrPH-HKH-SDGĐT"));
            row(ui, t(T::Signed), signed.as_ref().err().cloned(), |ui, id| {
                date_field(ui, &mut f.signed, id, "doc_signed")
            });
            row(ui, t(T::DocTitle), problem_at(&f.error, lang, Field::Title), |ui, id| {
                text(ui, &mut f.doc.title, id, 420.0, "")
            });
            row(ui, t(T::Signatories), None, |ui, _| {
                ui.checkbox(&mut f.doc.by_department, t(T::ByDepartment));
                ui.checkbox(&mut f.doc.by_association, t(T::ByAssociation));
            });
            row(ui, t(T::OtherSigners), None, |ui, id| text(ui, &mut f.doc.others, id, 240.0, ""));
            let period_err = period.as_ref().err().cloned().or_else(|| problem_at(&f.error, lang, Field::Period));
            row(ui, t(T::Period), period_err, |ui, _| {
                ui.horizontal(|ui| {
                    let l = ui.label(t(T::PeriodFrom));
                    text(ui, &mut f.from, l.id, 60.0, "2026");
                    let l = ui.label(t(T::PeriodTo));
                    text(ui, &mut f.to, l.id, 60.0, "2030");
                });
            });
            row(ui, t(T::Status), None, |ui, id| {
                egui::ComboBox::from_id_salt("doc_status")
                    .selected_text(labels::doc_status(f.doc.status).get(lang))
                    .show_ui(ui, |ui| {
                        for k in DocStatus::ALL {
                            ui.selectable_value(&mut f.doc.status, k, labels::doc_status(k).get(lang));
                        }
                    })
                    .response
                    .labelled_by(id);
            });
            let others: Vec<usize> = (0..book.plans.len()).filter(|&i| Some(i) != f.id).collect();
            if f.doc.status == DocStatus::Superseded {
                row(ui, t(T::SupersededBy), None, |ui, id| {
                    let shown = f.doc.superseded_by.and_then(|i| book.plans.get(i)).map(Document::name);
                    egui::ComboBox::from_id_salt("doc_superseded")
                        .selected_text(shown.unwrap_or_default())
                        .show_ui(ui, |ui| {
                            for (i, d) in others.iter().filter_map(|&i| Some((i, book.plans.get(i)?))) {
                                ui.selectable_value(&mut f.doc.superseded_by, Some(i), d.name());
                            }
                        })
                        .response
                        .labelled_by(id);
                });
            }
            row(ui, t(T::Bases), None, |ui, _| {
                egui::ScrollArea::vertical().max_height(130.0).id_salt("bases").show(ui, |ui| {
                    for (i, d) in others.iter().filter_map(|&i| Some((i, book.plans.get(i)?))) {
                        let mut on = f.doc.bases.contains(&i);
                        let name = d.name();
                        if ui.checkbox(&mut on, name).changed() {
                            f.doc.bases.retain(|&b| b != i);
                            if on {
                                f.doc.bases.push(i);
                            }
                        }
                    }
                });
            });
        });
        problem_rest(ui, lang, &f.error, &[Field::Title, Field::Period]);
        save = save_button(ui, lang);
    });
    if !open {
        s.doc_form = None;
        return;
    }
    if save && let (Ok(signed), Ok(period)) = (signed, period) {
        let doc = Document { signed, period, ..f.doc.clone() };
        cx.act(intent(PlanAction::SaveDoc { id: f.id, doc: Box::new(doc) }, PlansOrigin::Doc));
    }
}

fn area_window(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    let lang = cx.lang;
    let Some(f) = &mut s.area_form else { return };
    let (mut open, mut save) = (true, false);
    dialog(ctx, T::AreaTitle.get(lang)).id(egui::Id::unique("area_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("area_grid").num_columns(2).show(ui, |ui| {
            // The title is the form's one field: every problem shows beside it.
            let err = f.error.as_ref().map(|p| p.text(lang));
            row(ui, T::AreaTitle.get(lang), err, |ui, id| text(ui, &mut f.title, id, 420.0, ""));
        });
        save = save_button(ui, lang);
    });
    if !open {
        s.area_form = None;
    } else if save {
        cx.act(intent(PlanAction::SaveArea { doc: f.doc, area: f.area, title: f.title.clone() }, PlansOrigin::Area));
    }
}

fn task_window(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = &mut s.task_form else { return };
    let t = |k: T| k.get(lang);
    let (mut open, mut save, mut delete) = (true, false, false);
    let start = optional_date(lang, &f.start);
    let due = optional_date(lang, &f.due);
    let done = number(&f.done, 0..=100, T::ErrPercent, lang);
    let link_year = year(&f.year, lang);
    let title = if f.task.is_some() { T::EditTask } else { T::AddTask };
    dialog(ctx, t(title)).id(egui::Id::unique("task_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("task_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            row(ui, t(T::TaskTitle), problem_at(&f.error, lang, Field::Title), |ui, id| {
                text(ui, &mut f.value.title, id, 380.0, "")
            });
            row(ui, t(T::Responsible), None, |ui, id| {
                egui::ComboBox::from_id_salt("task_party")
                    .selected_text(labels::party(f.value.party).get(lang))
                    .show_ui(ui, |ui| {
                        for p in Party::ALL {
                            ui.selectable_value(&mut f.value.party, p, labels::party(p).get(lang));
                        }
                    })
                    .response
                    .labelled_by(id);
            });
            if matches!(f.value.party, Party::Commune | Party::Other) {
                row(ui, t(T::PartyName), None, |ui, id| text(ui, &mut f.value.party_name, id, 240.0, ""));
            }
            row(ui, t(T::StartDate), start.as_ref().err().cloned(), |ui, id| {
                date_field(ui, &mut f.start, id, "task_start")
            });
            let due_err = due.as_ref().err().cloned().or_else(|| problem_at(&f.error, lang, Field::Date));
            row(ui, t(T::DueDate), due_err, |ui, id| date_field(ui, &mut f.due, id, "task_due"));
            row(ui, t(T::Status), None, |ui, id| {
                egui::ComboBox::from_id_salt("task_status")
                    .selected_text(labels::task_status(f.value.status).get(lang))
                    .show_ui(ui, |ui| {
                        for st in TaskStatus::ALL {
                            ui.selectable_value(&mut f.value.status, st, labels::task_status(st).get(lang));
                        }
                    })
                    .response
                    .labelled_by(id);
            });
            row(ui, t(T::DonePct), done.as_ref().err().cloned(), |ui, id| text(ui, &mut f.done, id, 60.0, "0"));
            row(ui, t(T::Note), None, |ui, id| text(ui, &mut f.value.note, id, 380.0, ""));
            row(ui, t(T::LinkLabel), None, |ui, _| {
                ui.horizontal(|ui| {
                    for (k, label) in [
                        (LinkKind::None, T::LinkNone),
                        (LinkKind::List, T::LinkList),
                        (LinkKind::Campaign, T::LinkCampaign),
                        (LinkKind::Learning, T::LinkLearning),
                    ] {
                        ui.radio_value(&mut f.link, k, t(label));
                    }
                });
                match f.link {
                    LinkKind::None => {}
                    LinkKind::List => {
                        // A copied task names the list it is to have: pick it once made.
                        if let (None, Some(Link::ListToMake(title))) = (f.list, &f.value.link) {
                            ui.weak(format!("{}: «{title}»", t(T::ListToMakeHint)));
                        }
                        let shown = f.list.and_then(|i| book.award_lists.get(i)).map(|l| l.title.clone());
                        egui::ComboBox::from_id_salt("task_list")
                            .width(380.0)
                            .selected_text(shown.unwrap_or_default())
                            .show_ui(ui, |ui| {
                                for (i, l) in book.award_lists.iter().enumerate().rev() {
                                    ui.selectable_value(&mut f.list, Some(i), format!("{} ({})", l.title, l.year));
                                }
                            });
                    }
                    LinkKind::Campaign => {
                        let l = ui.label(t(T::Campaign));
                        text(ui, &mut f.campaign, l.id, 300.0, "Tiếp sức đến trường 2026");
                    }
                    LinkKind::Learning => {
                        ui.horizontal(|ui| {
                            egui::ComboBox::from_id_salt("task_model")
                                .selected_text(labels::model(f.model).get(lang))
                                .show_ui(ui, |ui| {
                                    for m in ModelKind::ALL {
                                        ui.selectable_value(&mut f.model, m, labels::model(m).get(lang));
                                    }
                                });
                            let l = ui.label(t(T::Year));
                            text(ui, &mut f.year, l.id, 60.0, "2026");
                        });
                        if let Err(e) = &link_year {
                            error_text(ui, e);
                        }
                    }
                }
            });
        });
        problem_rest(ui, lang, &f.error, &[Field::Title, Field::Date]);
        ui.horizontal(|ui| {
            save = save_button(ui, lang);
            if f.task.is_some() {
                delete = ui.button(t(T::DeleteTask)).clicked();
            }
        });
    });
    if !open {
        s.task_form = None;
        return;
    }
    if delete && let Some(task) = f.task {
        cx.act(intent(PlanAction::DeleteTask { doc: f.doc, area: f.area, task }, PlansOrigin::Task));
        return;
    }
    let link = match f.link {
        LinkKind::None => Ok(None),
        LinkKind::List => Ok(f.list.map(Link::AwardList).or_else(|| match &f.value.link {
            Some(Link::ListToMake(title)) => Some(Link::ListToMake(title.clone())),
            _ => None,
        })),
        LinkKind::Campaign => Ok(Some(Link::Campaign(f.campaign.clone()))),
        LinkKind::Learning => link_year.map(|year| Some(Link::Learning { model: f.model, year })),
    };
    if save && let (Ok(start), Ok(due), Ok(done), Ok(link)) = (start, due, done, link) {
        let value = Task { start, due, done: done as u8, link, ..f.value.clone() };
        let action = PlanAction::SaveTask { doc: f.doc, area: f.area, task: f.task, value: Box::new(value) };
        cx.act(intent(action, PlansOrigin::Task));
    }
}

fn event_window(s: &mut PlansUi, ctx: &egui::Context, cx: &mut Ctx) {
    let lang = cx.lang;
    let Some(f) = &mut s.event_form else { return };
    let t = |k: T| k.get(lang);
    let (mut open, mut save, mut delete) = (true, false, false);
    let rule = match f.rule {
        2 => date_value(lang, &f.date).map(Rule::Once),
        r => number(&f.day, 1..=31, T::ErrEventDate, lang).and_then(|day| {
            number(&f.month, 1..=12, T::ErrNumberMonth, lang)
                .map(|month| if r == 0 { Rule::Solar { day, month } } else { Rule::Lunar { day, month } })
        }),
    };
    let days = number(&f.days, 1..=366, T::ErrEventDays, lang);
    let title = if f.id.is_some() { T::EditEvent } else { T::AddEvent };
    dialog(ctx, t(title)).id(egui::Id::unique("event_form")).open(&mut open).show(ctx, |ui| {
        egui::Grid::new("event_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            row(ui, t(T::EventTitle), None, |ui, id| text(ui, &mut f.title, id, 340.0, ""));
            row(ui, t(T::RuleLabel), None, |ui, _| {
                ui.horizontal(|ui| {
                    for (k, label) in [(0, T::RuleSolar), (1, T::RuleLunar), (2, T::RuleOnce)] {
                        ui.radio_value(&mut f.rule, k, t(label));
                    }
                });
            });
            if f.rule == 2 {
                row(ui, t(T::Date), rule.as_ref().err().cloned(), |ui, id| date_field(ui, &mut f.date, id, "ev_date"));
            } else {
                row(ui, t(T::DayLabel), rule.as_ref().err().cloned(), |ui, id| {
                    ui.horizontal(|ui| {
                        text(ui, &mut f.day, id, 40.0, "6");
                        let l = ui.label(t(T::MonthLabel));
                        text(ui, &mut f.month, l.id, 40.0, "1");
                        if f.rule == 1 {
                            ui.weak(t(T::Lunar));
                        }
                    });
                });
            }
            row(ui, t(T::DaysLong), days.as_ref().err().cloned(), |ui, id| text(ui, &mut f.days, id, 40.0, "1"));
            row(ui, "", None, |ui, _| ui.checkbox(&mut f.deadline, t(T::IsDeadline)));
            row(ui, t(T::Note), None, |ui, id| text(ui, &mut f.note, id, 340.0, ""));
        });
        problem_rest(ui, lang, &f.error, &[]);
        ui.horizontal(|ui| {
            save = save_button(ui, lang);
            if f.id.is_some() {
                delete = ui.button(t(T::DeleteEvent)).clicked();
            }
        });
    });
    if !open {
        s.event_form = None;
        return;
    }
    if delete {
        cx.act(intent(PlanAction::SaveEvent { id: f.id, event: None }, PlansOrigin::Event));
    } else if save && let (Ok(rule), Ok(days)) = (rule, days) {
        let e = Event { title: f.title.clone(), rule, days, deadline: f.deadline, note: f.note.clone() };
        cx.act(intent(PlanAction::SaveEvent { id: f.id, event: Some(Box::new(e)) }, PlansOrigin::Event));
    }
}

form_error!(DocForm, AreaForm, TaskForm, EventForm);
