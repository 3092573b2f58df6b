//! Closing a year once it is reported: its vouchers, award lists and learning records can no
//! longer change, and its closing cash balance is carried into the next year. Reopening
//! needs a reason, which the change log keeps.

use super::action::{ActionError, Change, Label};
use super::book::Book;
use super::learning_action::LearningChange;
use super::ledger::year_balances;
use super::money::Vnd;
use super::text::clean;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// The day it was closed.
    pub date: NaiveDate,
    /// Cash at 31/12, the opening balance of the next year.
    pub balance: Vnd,
}

/// Cash at the end of a year (zero before the first voucher).
pub fn closing_balance(book: &Book, year: i32) -> Vnd {
    year_balances(&book.vouchers).iter().rev().find(|y| y.year <= year).map(|y| y.closing).unwrap_or_default()
}

pub fn close(book: &Book, year: i32, date: NaiveDate) -> Result<(Label, Vec<Change>), ActionError> {
    if book.closed.contains_key(&year) {
        return Err(ActionError::AlreadyClosed(year));
    }
    if date.year() <= year {
        return Err(ActionError::YearNotOver(year));
    }
    let after = Closing { date, balance: closing_balance(book, year) };
    Ok((Label::CloseYear(year), vec![Change::Closed { year, before: None, after: Some(after) }]))
}

pub fn reopen(book: &Book, year: i32, reason: &str) -> Result<(Label, Vec<Change>), ActionError> {
    let Some(before) = book.closed.get(&year) else {
        return Err(ActionError::NotClosed(year));
    };
    let reason = clean(reason);
    if reason.is_empty() {
        return Err(ActionError::EmptyReason);
    }
    let change = Change::Closed { year, before: Some(before.clone()), after: None };
    Ok((Label::ReopenYear { year, reason }, vec![change]))
}

/// The years a change touches, for the ones that belong to a year.
fn years(c: &Change) -> Vec<i32> {
    fn both<T>(before: &Option<Box<T>>, after: &Option<Box<T>>, year: impl Fn(&T) -> i32) -> Vec<i32> {
        before.iter().chain(after.iter()).map(|x| year(x)).collect()
    }
    match c {
        Change::Voucher { before, after, .. } => both(before, after, |v| v.year()),
        Change::List { before, after, .. } => both(before, after, |l| l.year),
        Change::Learning(l) => match l.as_ref() {
            LearningChange::Sheet { before, after, .. } => both(before, after, |s| s.year),
            LearningChange::Decision { before, after, .. } => both(before, after, |d| d.year),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Refuses changes to the records of a closed year.
pub fn check(book: &Book, changes: &[Change]) -> Result<(), ActionError> {
    if book.closed.is_empty() {
        return Ok(());
    }
    match changes.iter().flat_map(years).find(|y| book.closed.contains_key(y)) {
        Some(y) => Err(ActionError::YearClosed(y)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::action::{Action, ActionError, apply};
    use crate::model::book::Book;
    use crate::model::ledger::Kind;
    use crate::model::ledger::tests::{day, draft};
    use crate::model::money::Vnd;

    #[test]
    fn a_closed_year_cannot_change_and_carries_its_balance() {
        let mut b = Book::default();
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 1), 900_000, ""))).expect("ok");
        apply(&mut b, Action::Issue(draft(Kind::Payment, day(2025, 6, 1), 300_000, ""))).expect("ok");
        let early = Action::CloseYear { year: 2025, date: day(2025, 12, 20) };
        assert_eq!(apply(&mut b, early), Err(ActionError::YearNotOver(2025)));
        apply(&mut b, Action::CloseYear { year: 2025, date: day(2026, 1, 10) }).expect("closes");
        assert_eq!(b.closed[&2025].balance, Vnd(600_000));

        let before = b.clone();
        let late = draft(Kind::Receipt, day(2025, 12, 31), 1, "");
        assert_eq!(apply(&mut b, Action::Issue(late)), Err(ActionError::YearClosed(2025)));
        let edit = Action::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 1, ""));
        assert_eq!(apply(&mut b, edit), Err(ActionError::YearClosed(2025)));
        let void = Action::Void { id: 1, date: day(2026, 1, 2), reason: "Sai".into() };
        assert_eq!(apply(&mut b, void), Err(ActionError::YearClosed(2025)));
        assert_eq!(b, before, "nothing changed");

        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2026, 1, 5), 100_000, ""))).expect("next year is open");
        let y2026 = crate::model::ledger::year_balances(&b.vouchers).into_iter().find(|y| y.year == 2026);
        assert_eq!(y2026.map(|y| y.opening), Some(b.closed[&2025].balance));

        let no_reason = Action::ReopenYear { year: 2025, reason: " ".into() };
        assert_eq!(apply(&mut b, no_reason), Err(ActionError::EmptyReason));
        let (label, _) =
            apply(&mut b, Action::ReopenYear { year: 2025, reason: "Sửa phiếu ghi nhầm".into() }).expect("reopens");
        assert_eq!(label, crate::model::action::Label::ReopenYear { year: 2025, reason: "Sửa phiếu ghi nhầm".into() });
        let edit = Action::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 1, ""));
        assert!(apply(&mut b, edit).is_ok());
    }
}
