//! Undo and redo stacks, and the change log the user can read (when, what, old → new).

use super::action::{Action, ActionError, Change, Dir, Field, Label, prepare, settle};
use super::awards::AwardList;
use super::book::Data;
use super::date::format_date;
use super::donors::Donor;
use super::ledger::Voucher;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How many field changes one log entry keeps; an import of thousands keeps a sample.
const MAX_LINES: usize = 40;
const MAX_STEPS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogKind {
    Do,
    Undo,
    Redo,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// The voucher number or donor name the line is about.
    pub subject: String,
    pub field: Field,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: NaiveDateTime,
    pub kind: LogKind,
    pub label: Label,
    pub lines: Vec<LogLine>,
    /// Lines left out beyond `MAX_LINES`.
    pub more: usize,
}

#[derive(Clone, Debug)]
pub struct Step {
    pub label: Label,
    pub changes: Vec<Change>,
    /// A whole-book replace also swaps the change log: this holds the log of the book that
    /// is not shown, and trades places with the shown one on every undo and redo.
    pub other_log: Option<Vec<LogEntry>>,
}

/// Undo and redo. Closing or reopening a year is a point of no return: neither it nor any
/// step before it can be undone (a closed year is reopened with a reason, a reopened one
/// closed again). So the steps that can be undone were all made under the same closed
/// years, and undoing them never touches one.
#[derive(Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Validates and performs an action on the book, logs it and records it for undo.
    pub fn commit(&mut self, data: &mut Data, mut action: Action, at: NaiveDateTime) -> Result<(), ActionError> {
        let log = match &mut action {
            Action::ReplaceBook { log, .. } => Some(std::mem::take(log)),
            _ => None,
        };
        let (label, changes) = prepare(&data.book, action)?;
        // The log reads the changes whole, before new vouchers move into the book.
        let mut step = Step { label, changes, other_log: None };
        let entry = log_entry(at, LogKind::Do, &step);
        step.changes = settle(&mut data.book, step.changes)?;
        step.other_log = log.map(|new| std::mem::replace(&mut data.log, new));
        data.log.push(entry);
        self.record(step);
        Ok(())
    }

    fn record(&mut self, step: Step) {
        self.redo.clear();
        if matches!(step.label, Label::CloseYear(_) | Label::ReopenYear { .. }) {
            self.undo.clear();
            return;
        }
        self.undo.push(step);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    pub fn can_undo(&self) -> Option<&Label> {
        self.undo.last().map(|s| &s.label)
    }

    pub fn can_redo(&self) -> Option<&Label> {
        self.redo.last().map(|s| &s.label)
    }

    /// Reverts the newest step. An issued voucher is voided, not removed (see `Dir::Undo`).
    pub fn undo(&mut self, data: &mut Data, at: NaiveDateTime) -> bool {
        let Some(mut step) = self.undo.pop() else { return false };
        if super::closing::check(&data.book, &step.changes).is_err() {
            // Never reached while closing clears the history; kept as the last guard.
            self.undo.clear();
            return false;
        }
        for c in step.changes.iter_mut().rev() {
            c.step(&mut data.book, Dir::Undo(at.date()));
        }
        if let Some(other) = &mut step.other_log {
            std::mem::swap(&mut data.log, other);
        }
        data.log.push(log_entry(at, LogKind::Undo, &step));
        self.redo.push(step);
        true
    }

    pub fn redo(&mut self, data: &mut Data, at: NaiveDateTime) -> bool {
        let Some(mut step) = self.redo.pop() else { return false };
        if super::closing::check(&data.book, &step.changes).is_err() {
            self.redo.clear();
            return false;
        }
        for c in &mut step.changes {
            c.step(&mut data.book, Dir::Forward);
        }
        if let Some(other) = &mut step.other_log {
            std::mem::swap(&mut data.log, other);
        }
        data.log.push(log_entry(at, LogKind::Redo, &step));
        self.undo.push(step);
        true
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

fn voucher_fields(v: &Voucher) -> Vec<(Field, String)> {
    let b = &v.body;
    vec![
        (Field::Kind, format!("{:?}", b.kind)),
        (Field::Date, format_date(b.date)),
        (Field::Counterparty, b.counterparty.clone()),
        (Field::Description, b.description.clone()),
        (Field::Amount, b.amount.grouped()),
        (Field::Method, format!("{:?}", b.method)),
        (Field::Campaign, b.campaign.clone()),
        (Field::Purpose, b.purpose.clone()),
        (Field::Category, format!("{:?}", b.category)),
        (Field::Void, v.void.as_ref().map(|x| format!("{} — {}", format_date(x.date), x.reason)).unwrap_or_default()),
    ]
}

fn donor_fields(d: &Donor) -> Vec<(Field, String)> {
    vec![
        (Field::Name, d.name.clone()),
        (Field::DonorType, format!("{:?}", d.kind)),
        (Field::Commune, d.commune.clone()),
        (Field::Address, d.address.clone()),
        (Field::Contact, d.contact.clone()),
        (Field::Note, d.note.clone()),
    ]
}

fn learning_line(c: &super::learning_action::LearningChange) -> LogLine {
    use super::learning_action::LearningChange as L;
    let (subject, field, old, new) = match c {
        L::Set { before, after, .. } => {
            let name =
                after.as_ref().or(before.as_ref()).map(|s| format!("{} v{}", s.name, s.version)).unwrap_or_default();
            (name, Field::Title, before.as_ref().map(|s| s.name.clone()), after.as_ref().map(|s| s.name.clone()))
        }
        L::Subject { before, after, .. } => (
            String::new(),
            Field::Name,
            before.as_ref().map(|s| s.name.clone()),
            after.as_ref().map(|s| s.name.clone()),
        ),
        L::Sheet { after, before, .. } => {
            let score = |s: &Option<Box<super::learning::ScoreSheet>>| {
                s.as_ref().map(|s| s.values.iter().map(|v| v.score + u32::from(v.met)).sum::<u32>().to_string())
            };
            let who = after
                .as_ref()
                .or(before.as_ref())
                .map(|s| format!("#{} {}", s.subject + 1, s.year))
                .unwrap_or_default();
            (who, Field::Score, score(before), score(after))
        }
        L::Decision { after, .. } => (String::new(), Field::Number, None, after.as_ref().map(|d| d.number.clone())),
        L::Targets { before, after } => {
            (String::new(), Field::Target, Some(format!("{before:?}")), Some(format!("{after:?}")))
        }
    };
    LogLine { subject, field, old: old.unwrap_or_default(), new: new.unwrap_or_default() }
}

fn doc_fields(d: &super::plans::Document) -> Vec<(Field, String)> {
    let tasks = d.tasks().count();
    vec![
        (Field::Title, d.title.clone()),
        (Field::Number, d.number.clone()),
        (Field::Status, format!("{:?}", d.status)),
        (Field::Period, d.period.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default()),
        (Field::Progress, format!("{tasks} / {}%", d.progress().unwrap_or(0))),
    ]
}

fn list_fields(l: &AwardList) -> Vec<(Field, String)> {
    vec![
        (Field::Title, l.title.clone()),
        (Field::Status, format!("{:?}", l.status)),
        (Field::Reason, l.reopen_reason.clone()),
        (Field::Awardees, l.awardees.len().to_string()),
        (Field::Amount, l.total().grouped()),
        (Field::Purpose, l.purpose.clone()),
    ]
}

fn diff(
    subject: &str,
    before: Option<Vec<(Field, String)>>,
    after: Option<Vec<(Field, String)>>,
    out: &mut Vec<LogLine>,
) {
    let before = before.unwrap_or_default();
    let after = after.unwrap_or_default();
    let n = before.len().max(after.len());
    for i in 0..n {
        let (field, old) = before.get(i).cloned().unwrap_or((after[i].0, String::new()));
        let new = after.get(i).map(|x| x.1.clone()).unwrap_or_default();
        if old != new {
            out.push(LogLine { subject: subject.to_owned(), field, old, new });
        }
    }
}

/// Field-level lines for a step's changes, as they read going forward: the lines of the
/// first changes up to `limit` lines, and how many changes were left out.
pub fn describe(changes: &[Change], limit: usize) -> (Vec<LogLine>, usize) {
    let mut out = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        if out.len() >= limit {
            out.truncate(limit);
            return (out, changes.len() - i);
        }
        match c {
            Change::Issued { number, .. } => out.push(LogLine {
                subject: number.clone(),
                field: Field::Number,
                old: String::new(),
                new: number.clone(),
            }),
            Change::Voucher { before, after, .. } => {
                let subject = after.as_ref().or(before.as_ref()).map(|v| v.number.clone()).unwrap_or_default();
                diff(&subject, before.as_deref().map(voucher_fields), after.as_deref().map(voucher_fields), &mut out)
            }
            Change::Donor { before, after, .. } => {
                let subject = after.as_ref().or(before.as_ref()).map(|d| d.name.clone()).unwrap_or_default();
                diff(&subject, before.as_deref().map(donor_fields), after.as_deref().map(donor_fields), &mut out)
            }
            Change::Settings { before, after } => {
                let mut years: Vec<&i32> = before.targets.keys().chain(after.targets.keys()).collect();
                years.sort();
                years.dedup();
                for y in years {
                    let get = |s: &super::book::Settings| s.targets.get(y).map(|v| v.grouped()).unwrap_or_default();
                    diff(
                        &y.to_string(),
                        Some(vec![(Field::Target, get(before))]),
                        Some(vec![(Field::Target, get(after))]),
                        &mut out,
                    );
                }
                let fields = |s: &super::book::Settings| {
                    vec![
                        (Field::OrgName, s.org_name.clone()),
                        (Field::Pattern, format!("{} / {}", s.receipt_pattern, s.payment_pattern)),
                        (Field::Checks, s.enforce_restricted.to_string()),
                    ]
                };
                diff("", Some(fields(before)), Some(fields(after)), &mut out);
            }
            Change::Communes { before, after } => out.push(LogLine {
                subject: String::new(),
                field: Field::Commune,
                old: before.len().to_string(),
                new: after.len().to_string(),
            }),
            Change::Book { before, after } => out.push(LogLine {
                subject: String::new(),
                field: Field::Count,
                old: before.vouchers.len().to_string(),
                new: after.vouchers.len().to_string(),
            }),
            Change::List { before, after, .. } => {
                let subject = after.as_ref().or(before.as_ref()).map(|l| l.title.clone()).unwrap_or_default();
                diff(&subject, before.as_deref().map(list_fields), after.as_deref().map(list_fields), &mut out)
            }
            Change::Learning(c) => out.push(learning_line(c)),
            Change::Doc { before, after, .. } => {
                let subject = after.as_ref().or(before.as_ref()).map(|d| d.title.clone()).unwrap_or_default();
                diff(&subject, before.as_deref().map(doc_fields), after.as_deref().map(doc_fields), &mut out)
            }
            Change::Plans { before, after } => {
                let titles = |a: &[super::plans::Document], b: &[super::plans::Document]| {
                    a.iter().filter(|d| !b.contains(d)).map(|d| d.title.as_str()).collect::<Vec<_>>().join(", ")
                };
                out.push(LogLine {
                    subject: String::new(),
                    field: Field::Title,
                    old: titles(before, after),
                    new: titles(after, before),
                })
            }
            Change::Events { before, after } => {
                let gone = |a: &[super::calendar::Event], b: &[super::calendar::Event]| {
                    a.iter().filter(|e| !b.contains(e)).map(|e| e.title.as_str()).collect::<Vec<_>>().join(", ")
                };
                out.push(LogLine {
                    subject: String::new(),
                    field: Field::Title,
                    old: gone(before, after),
                    new: gone(after, before),
                })
            }
            Change::Closed { year, before, after } => out.push(LogLine {
                subject: year.to_string(),
                field: Field::Closed,
                old: before.as_ref().map(|c| c.balance.grouped()).unwrap_or_default(),
                new: after.as_ref().map(|c| c.balance.grouped()).unwrap_or_default(),
            }),
            Change::Scales { before, after } => out.push(LogLine {
                subject: String::new(),
                field: Field::Scale,
                old: before.len().to_string(),
                new: after.len().to_string(),
            }),
        }
    }
    let more = usize::from(out.len() > limit);
    out.truncate(limit);
    (out, more)
}

pub fn log_entry(at: NaiveDateTime, kind: LogKind, step: &Step) -> LogEntry {
    let (mut lines, more) = describe(&step.changes, MAX_LINES);
    if kind == LogKind::Undo {
        for l in &mut lines {
            std::mem::swap(&mut l.old, &mut l.new);
        }
    }
    LogEntry { at, kind, label: step.label.clone(), lines, more }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::ledger::Kind;
    use crate::model::ledger::tests::{day, draft};
    use crate::model::money::Vnd;

    fn at() -> NaiveDateTime {
        day(2025, 1, 7).and_hms_opt(9, 0, 0).expect("t")
    }

    #[test]
    fn undo_redo_round_trip_and_new_action_clears_redo() {
        let mut d = Data::default();
        let mut h = History::default();
        h.commit(&mut d, Action::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, "")), at()).expect("ok");
        h.commit(&mut d, Action::Issue(draft(Kind::Receipt, day(2025, 1, 6), 200, "")), at()).expect("ok");
        let after_two = d.book.clone();
        assert!(h.undo(&mut d, at()) && h.undo(&mut d, at()));
        assert!(d.book.vouchers.iter().all(|v| !v.is_live()), "both voided, numbers kept");
        assert!(!h.undo(&mut d, at()));
        assert!(h.redo(&mut d, at()) && h.redo(&mut d, at()));
        assert_eq!(d.book, after_two);
        h.undo(&mut d, at());
        h.commit(&mut d, Action::SetTarget { year: 2025, amount: Some(Vnd(9)) }, at()).expect("ok");
        assert!(h.can_redo().is_none());
        let kinds: Vec<LogKind> = d.log.iter().map(|e| e.kind).collect();
        use LogKind::*;
        assert_eq!(kinds, [Do, Do, Undo, Undo, Redo, Redo, Undo, Do]);
    }

    #[test]
    fn closing_a_year_is_a_point_of_no_return_for_undo() {
        let mut d = Data::default();
        let mut h = History::default();
        h.commit(&mut d, Action::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, "")), at()).expect("ok");
        h.commit(&mut d, Action::CloseYear { year: 2025, date: day(2026, 1, 5) }, at()).expect("closes");
        assert!(h.can_undo().is_none(), "neither the close nor the step before it");
        assert!(!h.undo(&mut d, at()));
        assert!(d.book.closed.contains_key(&2025) && d.book.vouchers[0].is_live());
        let reopen = Action::ReopenYear { year: 2025, reason: "Sửa số liệu".into() };
        h.commit(&mut d, reopen, at()).expect("reopens");
        assert!(h.can_undo().is_none(), "a reopen is not undone either: close the year again");
    }

    #[test]
    fn a_replaced_book_brings_its_log_and_undo_brings_the_old_one_back() {
        let mut d = Data::default();
        let mut h = History::default();
        h.commit(&mut d, Action::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, "")), at()).expect("ok");
        let mut other = Data::default();
        h.commit(&mut other, Action::Issue(draft(Kind::Receipt, day(2024, 3, 1), 7, "")), at()).expect("ok");
        let other_log = other.log.clone();
        let replace = Action::ReplaceBook { book: Box::new(other.book.clone()), log: other.log.clone() };
        h.commit(&mut d, replace, at()).expect("replaced");
        assert_eq!(d.book, other.book);
        assert_eq!(&d.log[..other_log.len()], &other_log[..], "the audit trail comes along");
        assert_eq!(d.log.last().map(|e| e.label.clone()), Some(Label::ReplaceBook), "the import logged on top");
        let mine = d.log.clone();
        assert!(h.undo(&mut d, at()));
        assert_eq!(d.log.len(), 2, "the old log, and the undo");
        assert!(h.redo(&mut d, at()));
        assert_eq!(&d.log[..mine.len()], &mine[..], "nothing written in the other book is lost");
    }

    #[test]
    fn log_shows_old_and_new_values() {
        let mut b = crate::model::book::Book::default();
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100_000, ""))).expect("ok");
        let (label, changes) =
            apply(&mut b, Action::EditVoucher(0, draft(Kind::Receipt, day(2025, 1, 5), 150_000, ""))).expect("ok");
        let entry = log_entry(
            day(2025, 1, 6).and_hms_opt(9, 0, 0).expect("t"),
            LogKind::Do,
            &Step { label, changes, other_log: None },
        );
        assert_eq!(entry.lines.len(), 1);
        assert_eq!(entry.lines[0].subject, "PT-2025-0001");
        assert_eq!(entry.lines[0].field, Field::Amount);
        assert_eq!((entry.lines[0].old.as_str(), entry.lines[0].new.as_str()), ("100.000", "150.000"));
        let undo =
            log_entry(entry.at, LogKind::Undo, &Step { label: entry.label.clone(), changes: vec![], other_log: None });
        assert!(undo.lines.is_empty());
    }
}
