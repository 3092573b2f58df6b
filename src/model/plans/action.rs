//! Actions on cooperation documents, their tasks, and the calendar's events.

use crate::model::book::Book;
use crate::model::change::{Change, Slot, Whole};
use crate::model::error::ActionError;
use crate::model::log::Label;
use crate::model::plans::calendar::{self, Event};
use crate::model::plans::{Area, DocStatus, Document, Link, Task, next_period};
use crate::model::text::clean;

#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// A new document (`id: None`) or new contents for one.
    SaveDoc {
        id: Option<usize>,
        doc: Box<Document>,
    },
    /// A draft for the next period, from a document.
    CopyDoc(usize),
    /// Removes a document; the others' legal bases and "superseded by" follow.
    DeleteDoc(usize),
    SaveArea {
        doc: usize,
        area: Option<usize>,
        title: String,
    },
    SaveTask {
        doc: usize,
        area: usize,
        task: Option<usize>,
        value: Box<Task>,
    },
    DeleteTask {
        doc: usize,
        area: usize,
        task: usize,
    },
    /// Adds, edits, or (with `event: None`) removes an event.
    SaveEvent {
        id: Option<usize>,
        event: Option<Box<Event>>,
    },
}

fn clean_doc(d: &Document) -> Document {
    Document {
        number: clean(&d.number),
        others: clean(&d.others),
        title: clean(&d.title),
        areas: d
            .areas
            .iter()
            .map(|a| Area { title: clean(&a.title), tasks: a.tasks.iter().map(clean_task).collect() })
            .collect(),
        ..d.clone()
    }
}

fn clean_task(t: &Task) -> Task {
    let link = match &t.link {
        Some(Link::Campaign(c)) => Some(Link::Campaign(clean(c))).filter(|l| l != &Link::Campaign(String::new())),
        Some(Link::ListToMake(t)) => Some(Link::ListToMake(clean(t))).filter(|l| l != &Link::ListToMake(String::new())),
        other => other.clone(),
    };
    Task {
        title: clean(&t.title),
        party_name: clean(&t.party_name),
        note: clean(&t.note),
        done: t.done.min(100),
        link,
        ..t.clone()
    }
}

fn validate_doc(book: &Book, id: Option<usize>, d: &Document) -> Result<(), ActionError> {
    if d.title.is_empty() {
        return Err(ActionError::EmptyTitle);
    }
    if d.period.is_some_and(|(a, b)| a > b || a < 1900 || b > 2200) {
        return Err(ActionError::BadPeriod);
    }
    let known = |i: &usize| *i < book.plans.len() && Some(*i) != id;
    if !d.bases.iter().all(known) {
        return Err(ActionError::NoSuchDoc);
    }
    match (d.status, d.superseded_by) {
        (DocStatus::Superseded, Some(i)) if known(&i) => Ok(()),
        (DocStatus::Superseded, _) => Err(ActionError::NoSuchDoc),
        _ => Ok(()),
    }
}

fn validate_task(book: &Book, t: &Task) -> Result<(), ActionError> {
    if t.title.is_empty() {
        return Err(ActionError::EmptyTitle);
    }
    if let (Some(s), Some(d)) = (t.start, t.due)
        && s > d
    {
        return Err(ActionError::DueBeforeStart);
    }
    if let Some(Link::AwardList(i)) = t.link
        && i >= book.award_lists.len()
    {
        return Err(ActionError::NoSuchList);
    }
    Ok(())
}

/// The documents without one, every reference to a later document moved down by one.
fn without(plans: &[Document], gone: usize) -> Vec<Document> {
    let shift = |i: usize| if i > gone { i - 1 } else { i };
    plans
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != gone)
        .map(|(_, d)| {
            let mut d = d.clone();
            d.bases = d.bases.iter().filter(|&&b| b != gone).map(|&b| shift(b)).collect();
            d.superseded_by = d.superseded_by.filter(|&s| s != gone).map(shift);
            if d.status == DocStatus::Superseded && d.superseded_by.is_none() {
                d.status = DocStatus::Completed;
            }
            d
        })
        .collect()
}

fn doc_change(book: &Book, id: usize, after: Document) -> Change {
    Change::Doc(Slot::new(id, book.plans.get(id).cloned(), Some(after)))
}

pub fn plan(book: &Book, action: PlanAction) -> Result<(Label, Vec<Change>), ActionError> {
    let doc_at = |i: usize| book.plans.get(i).ok_or(ActionError::NoSuchDoc);
    Ok(match action {
        PlanAction::SaveDoc { id, doc } => {
            let doc = clean_doc(&doc);
            validate_doc(book, id, &doc)?;
            if let Some(i) = id {
                doc_at(i)?;
            }
            (Label::Document, vec![doc_change(book, id.unwrap_or(book.plans.len()), doc)])
        }
        PlanAction::CopyDoc(i) => {
            let copy = next_period(doc_at(i)?, &book.award_lists);
            (Label::CopyPlan, vec![doc_change(book, book.plans.len(), copy)])
        }
        PlanAction::DeleteDoc(i) => {
            doc_at(i)?;
            let after = without(&book.plans, i);
            (Label::Document, vec![Change::Plans(Whole::new(book.plans.clone(), after))])
        }
        PlanAction::SaveArea { doc, area, title } => {
            let mut d = doc_at(doc)?.clone();
            let title = clean(&title);
            if title.is_empty() {
                return Err(ActionError::EmptyTitle);
            }
            match area {
                Some(a) => d.areas.get_mut(a).ok_or(ActionError::NoSuchTask)?.title = title,
                None => d.areas.push(Area { title, tasks: Vec::new() }),
            }
            (Label::Document, vec![doc_change(book, doc, d)])
        }
        PlanAction::SaveTask { doc, area, task, value } => {
            let mut d = doc_at(doc)?.clone();
            let value = clean_task(&value);
            validate_task(book, &value)?;
            let tasks = &mut d.areas.get_mut(area).ok_or(ActionError::NoSuchTask)?.tasks;
            match task {
                Some(t) => *tasks.get_mut(t).ok_or(ActionError::NoSuchTask)? = value,
                None => tasks.push(value),
            }
            (Label::Task, vec![doc_change(book, doc, d)])
        }
        PlanAction::DeleteTask { doc, area, task } => {
            let mut d = doc_at(doc)?.clone();
            let tasks = &mut d.areas.get_mut(area).ok_or(ActionError::NoSuchTask)?.tasks;
            if task >= tasks.len() {
                return Err(ActionError::NoSuchTask);
            }
            tasks.remove(task);
            (Label::Task, vec![doc_change(book, doc, d)])
        }
        PlanAction::SaveEvent { id, event } => {
            let mut after = book.calendar.events.clone();
            match (id, event) {
                (Some(i), None) if i < after.len() => {
                    after.remove(i);
                }
                (id, Some(e)) => {
                    let e = Event { title: clean(&e.title), note: clean(&e.note), ..*e };
                    calendar::validate(&e).map_err(ActionError::BadEvent)?;
                    match id {
                        Some(i) => *after.get_mut(i).ok_or(ActionError::NoSuchEvent)? = e,
                        None => after.push(e),
                    }
                }
                _ => return Err(ActionError::NoSuchEvent),
            }
            (Label::Event, vec![Change::Events(Whole::new(book.calendar.events.clone(), after))])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::plans::calendar::Rule;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn doc(title: &str) -> Box<Document> {
        Box::new(Document { title: title.into(), period: Some((2026, 2030)), ..Document::default() })
    }

    #[test]
    fn documents_tasks_and_their_checks() {
        let mut b = Book::default();
        let add = |doc| Action::Plan(PlanAction::SaveDoc { id: None, doc });
        assert_eq!(apply(&mut b, add(doc("  "))), Err(ActionError::EmptyTitle));
        apply(&mut b, add(doc("Kế hoạch phối hợp"))).expect("adds");
        let area = Action::Plan(PlanAction::SaveArea { doc: 0, area: None, title: "Tuyên truyền".into() });
        apply(&mut b, area).expect("area");
        let task =
            |start, due| Task { title: "Hội nghị".into(), start: Some(start), due: Some(due), ..Task::default() };
        let bad =
            PlanAction::SaveTask { doc: 0, area: 0, task: None, value: Box::new(task(d(2026, 5, 2), d(2026, 5, 1))) };
        assert_eq!(apply(&mut b, Action::Plan(bad)), Err(ActionError::DueBeforeStart));
        let good =
            PlanAction::SaveTask { doc: 0, area: 0, task: None, value: Box::new(task(d(2026, 5, 1), d(2026, 5, 2))) };
        let (_, changes) = apply(&mut b, Action::Plan(good)).expect("task");
        assert_eq!(b.plans[0].areas[0].tasks.len(), 1);
        for c in changes.iter().rev() {
            c.set(&mut b, crate::model::change::Dir::Back);
        }
        assert!(b.plans[0].areas[0].tasks.is_empty(), "undo removes the task");

        let mut superseded = doc("Cũ");
        superseded.status = DocStatus::Superseded;
        assert_eq!(apply(&mut b, add(superseded.clone())), Err(ActionError::NoSuchDoc));
        superseded.superseded_by = Some(0);
        apply(&mut b, add(superseded)).expect("points at the plan");
        apply(&mut b, Action::Plan(PlanAction::CopyDoc(0))).expect("copy");
        assert_eq!(b.plans[2].period, Some((2031, 2035)));

        // Deleting the first document: the others' references follow it.
        b.plans[2].bases = vec![0, 1];
        let before = b.plans.clone();
        let (_, changes) = apply(&mut b, Action::Plan(PlanAction::DeleteDoc(0))).expect("delete");
        assert_eq!(b.plans.len(), 2);
        assert_eq!((b.plans[0].status, b.plans[0].superseded_by), (DocStatus::Completed, None));
        assert_eq!(b.plans[1].bases, vec![0]);
        for c in changes.iter().rev() {
            c.set(&mut b, crate::model::change::Dir::Back);
        }
        assert_eq!(b.plans, before, "undo brings it back");
    }

    #[test]
    fn events_are_added_checked_and_removed() {
        let mut b = Book::default();
        let n = b.calendar.events.len();
        let tet = Event {
            title: "Lễ khuyến học đầu xuân".into(),
            rule: Rule::Lunar { day: 6, month: 1 },
            days: 1,
            deadline: false,
            note: String::new(),
        };
        let bad = Event { rule: Rule::Lunar { day: 31, month: 1 }, ..tet.clone() };
        let save = |id, e: Option<Event>| Action::Plan(PlanAction::SaveEvent { id, event: e.map(Box::new) });
        assert_eq!(apply(&mut b, save(None, Some(bad))), Err(ActionError::BadEvent("date")));
        apply(&mut b, save(None, Some(tet))).expect("adds");
        assert_eq!(b.calendar.events.len(), n + 1);
        apply(&mut b, save(Some(n), None)).expect("removes");
        assert_eq!(b.calendar.events.len(), n);
    }
}
