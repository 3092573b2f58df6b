//! Undo and redo stacks, and the change log the user can read (when, what, old → new).

use crate::model::action::{Action, prepare, settle};
use crate::model::book::Data;
use crate::model::change::{Change, Dir};
use crate::model::error::ActionError;
use crate::model::log::{Label, LogEntry, LogKind, describe};
use chrono::NaiveDateTime;

/// How many field changes one log entry keeps; an import of thousands keeps a sample.
const MAX_LINES: usize = 40;
const MAX_STEPS: usize = 200;

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
        if crate::model::closing::check(&data.book, &step.changes).is_err() {
            // Never reached while closing clears the history; kept as the last guard.
            self.undo.clear();
            return false;
        }
        // Numbers issued under newer patterns stay in the book (an undo voids them): an
        // older pattern that would give one of them again is not set back. That change is
        // then a point of no return, as closing a year is.
        let old_patterns = step.changes.iter().rev().find_map(|c| match c {
            Change::Settings(s)
                if (&s.before.receipt_pattern, &s.before.payment_pattern)
                    != (&s.after.receipt_pattern, &s.after.payment_pattern) =>
            {
                Some(&s.before)
            }
            _ => None,
        });
        if old_patterns.is_some_and(|s| crate::model::fund::rules::patterns_clash(&data.book, s)) {
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
        if crate::model::closing::check(&data.book, &step.changes).is_err() {
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

pub fn log_entry(at: NaiveDateTime, kind: LogKind, step: &Step) -> LogEntry {
    let (mut lines, more) = describe(&step.changes, MAX_LINES);
    if kind == LogKind::Undo {
        for l in &mut lines {
            std::mem::swap(&mut l.was, &mut l.now);
        }
    }
    LogEntry { at, kind, label: step.label.clone(), lines, more }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::error::Field;
    use crate::model::fund::action::FundAction;
    use crate::model::fund::ledger::Kind;
    use crate::model::fund::ledger::tests::{day, draft};
    use crate::model::money::Vnd;

    fn at() -> NaiveDateTime {
        day(2025, 1, 7).and_hms_opt(9, 0, 0).expect("t")
    }

    #[test]
    fn an_undo_never_sets_back_a_pattern_that_would_give_an_issued_number_again() {
        use crate::model::book::Settings;
        let mut d = Data::default();
        let mut h = History::default();
        let swapped = Settings {
            receipt_pattern: "PC-{yyyy}-{nnnn}".into(),
            payment_pattern: "PT-{yyyy}-{nnnn}".into(),
            ..d.book.settings.clone()
        };
        h.commit(&mut d, Action::SetSettings(swapped), at()).expect("ok");
        h.commit(&mut d, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, ""))), at())
            .expect("ok");
        assert_eq!(d.book.vouchers[0].number, "PC-2025-0001");
        assert!(h.undo(&mut d, at()), "the receipt is voided, its number kept");
        // Setting the old patterns back would give the next payment PC-2025-0001 again.
        assert!(!h.undo(&mut d, at()), "refused");
        assert_eq!(d.book.settings.payment_pattern, "PT-{yyyy}-{nnnn}", "the patterns stay");
        assert_eq!(h.can_undo(), None, "a point of no return");
        assert!(crate::model::check::violations(&d.book).is_empty());
    }

    #[test]
    fn undo_redo_round_trip_and_new_action_clears_redo() {
        let mut d = Data::default();
        let mut h = History::default();
        h.commit(&mut d, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, ""))), at())
            .expect("ok");
        h.commit(&mut d, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 6), 200, ""))), at())
            .expect("ok");
        let after_two = d.book.clone();
        assert!(h.undo(&mut d, at()) && h.undo(&mut d, at()));
        assert!(d.book.vouchers.iter().all(|v| !v.is_live()), "both voided, numbers kept");
        assert!(!h.undo(&mut d, at()));
        assert!(h.redo(&mut d, at()) && h.redo(&mut d, at()));
        assert_eq!(d.book, after_two);
        h.undo(&mut d, at());
        h.commit(&mut d, Action::Fund(FundAction::SetTarget { year: 2025, amount: Some(Vnd(9)) }), at()).expect("ok");
        assert!(h.can_redo().is_none());
        let kinds: Vec<LogKind> = d.log.iter().map(|e| e.kind).collect();
        use LogKind::*;
        assert_eq!(kinds, [Do, Do, Undo, Undo, Redo, Redo, Undo, Do]);
    }

    #[test]
    fn closing_a_year_is_a_point_of_no_return_for_undo() {
        let mut d = Data::default();
        let mut h = History::default();
        h.commit(&mut d, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, ""))), at())
            .expect("ok");
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
        h.commit(&mut d, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100, ""))), at())
            .expect("ok");
        let mut other = Data::default();
        h.commit(&mut other, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2024, 3, 1), 7, ""))), at())
            .expect("ok");
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
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 100_000, "")))).expect("ok");
        let (label, changes) =
            apply(&mut b, Action::Fund(FundAction::EditVoucher(0, draft(Kind::Receipt, day(2025, 1, 5), 150_000, ""))))
                .expect("ok");
        let entry = log_entry(
            day(2025, 1, 6).and_hms_opt(9, 0, 0).expect("t"),
            LogKind::Do,
            &Step { label, changes, other_log: None },
        );
        assert_eq!(entry.lines.len(), 1);
        assert_eq!(entry.lines[0].subject, "PT-2025-0001");
        assert_eq!(entry.lines[0].field, Field::Amount);
        assert_eq!(
            (&entry.lines[0].was, &entry.lines[0].now),
            (&"100.000".to_owned().into(), &"150.000".to_owned().into())
        );
        let undo =
            log_entry(entry.at, LogKind::Undo, &Step { label: entry.label.clone(), changes: vec![], other_log: None });
        assert!(undo.lines.is_empty());
    }
}
