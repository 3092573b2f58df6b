//! What an action did to the book, in two shapes: one entity of a list before and after
//! (`Slot`), or a whole part of the book before and after (`Whole`). Undo and redo set a
//! change forward or back; the change log and the closed-year check read the same shapes.

use crate::model::awards::AwardList;
use crate::model::awards::scales::Scale;
use crate::model::book::{Book, Closing, Commune, Settings};
use crate::model::fund::donors::Donor;
use crate::model::fund::ledger::{UNDO_REASON, Void, Voucher};
use crate::model::learning::{CriteriaSet, Decision, ModelKind, ScoreSheet, Subject};
use crate::model::plans::Document;
use crate::model::plans::calendar::Event;
use chrono::NaiveDate;

/// One entity of a list, before and after; `None` means it did not exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot<T> {
    pub id: usize,
    pub before: Option<Box<T>>,
    pub after: Option<Box<T>>,
}

impl<T: Clone> Slot<T> {
    pub fn new(id: usize, before: Option<T>, after: Option<T>) -> Self {
        Self { id, before: before.map(Box::new), after: after.map(Box::new) }
    }

    /// A new entity at the end of a list of `len`.
    pub fn added(len: usize, after: T) -> Self {
        Self::new(len, None, Some(after))
    }

    /// The entity after the change, or before it when it went.
    pub fn either(&self) -> Option<&T> {
        self.after.as_deref().or(self.before.as_deref())
    }

    /// The same of both sides (a year, a title), once when they agree.
    pub fn of_both<K: PartialEq>(&self, f: impl Fn(&T) -> K) -> Vec<K> {
        let mut out: Vec<K> = self.before.iter().chain(self.after.iter()).map(|t| f(t)).collect();
        out.dedup();
        out
    }

    fn set(&self, list: &mut Vec<T>, forward: bool) {
        put(list, self.id, if forward { &self.after } else { &self.before }.as_deref().cloned());
    }
}

/// A whole part of the book, before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Whole<T> {
    pub before: T,
    pub after: T,
}

impl<T: Clone> Whole<T> {
    pub fn new(before: T, after: T) -> Self {
        Self { before, after }
    }

    fn set(&self, place: &mut T, forward: bool) {
        *place = if forward { &self.after } else { &self.before }.clone();
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Donor(Slot<Donor>),
    Voucher(Slot<Voucher>),
    /// A voucher this step issued, once it is in the book: what undo and redo need of it
    /// (the voucher itself stays in the book, voided by an undo), so that an import of
    /// 100,000 receipts is not held twice.
    Issued {
        id: usize,
        number: String,
        year: i32,
        donor: Option<usize>,
    },
    Settings(Whole<Box<Settings>>),
    Communes(Whole<Vec<Commune>>),
    Book(Whole<Box<Book>>),
    List(Slot<AwardList>),
    Scales(Whole<Vec<Scale>>),
    Set(Slot<CriteriaSet>),
    Subject(Slot<Subject>),
    Sheet(Slot<ScoreSheet>),
    Decision(Slot<Decision>),
    Targets(Whole<Vec<(ModelKind, u32)>>),
    Doc(Slot<Document>),
    /// All documents at once (deleting one moves the references of the others).
    Plans(Whole<Vec<Document>>),
    Events(Whole<Vec<Event>>),
    /// A year closed (after) or reopened (before).
    Closed(i32, Whole<Option<Closing>>),
}

/// Which way a change is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Forward,
    /// Exactly back, as if it never happened: an action that failed its checks.
    Back,
    /// The user's undo on this day. An issued voucher is not taken away but voided with the
    /// reason "Hoàn tác": its number may already be printed and signed, so it is never
    /// given to another voucher. Redo brings it back as it was.
    Undo(NaiveDate),
}

pub(crate) fn put<T>(list: &mut Vec<T>, id: usize, value: Option<T>) {
    match value {
        Some(v) if id < list.len() => list[id] = v,
        Some(v) => list.push(v),
        // Only the newest entity can vanish: undo runs newest first.
        None => {
            if id + 1 == list.len() {
                list.pop();
            }
        }
    }
}

impl Change {
    /// Puts the book in the state after this change, or before it.
    pub fn set(&self, book: &mut Book, dir: Dir) {
        let forward = dir == Dir::Forward;
        let l = &mut book.learning;
        match self {
            Change::Voucher(Slot { id, before: None, .. }) | Change::Issued { id, .. }
                if let Dir::Undo(today) = dir =>
            {
                if let Some(v) = book.vouchers.get_mut(*id) {
                    v.void = Some(Box::new(Void { date: today.max(v.body.date), reason: UNDO_REASON.into() }));
                    // The donor may go with the same undo (an import's new donors).
                    v.body.donor = None;
                }
            }
            Change::Issued { id, donor, .. } => match dir {
                Dir::Forward => {
                    if let Some(v) = book.vouchers.get_mut(*id) {
                        v.void = None;
                        v.body.donor = *donor;
                    }
                }
                // Only the newest can vanish, as with `put`.
                _ => {
                    if id + 1 == book.vouchers.len() {
                        book.vouchers.pop();
                    }
                }
            },
            Change::Donor(c) => c.set(&mut book.donors, forward),
            Change::Voucher(c) => c.set(&mut book.vouchers, forward),
            Change::Settings(c) => book.settings = (**if forward { &c.after } else { &c.before }).clone(),
            Change::Communes(c) => c.set(&mut book.communes, forward),
            Change::Book(c) => *book = *if forward { &c.after } else { &c.before }.clone(),
            Change::List(c) => c.set(&mut book.award_lists, forward),
            Change::Scales(c) => c.set(&mut book.scales, forward),
            Change::Set(c) => c.set(&mut l.sets, forward),
            Change::Subject(c) => c.set(&mut l.subjects, forward),
            Change::Sheet(c) => c.set(&mut l.sheets, forward),
            Change::Decision(c) => c.set(&mut l.decisions, forward),
            Change::Targets(c) => c.set(&mut l.targets, forward),
            Change::Doc(c) => c.set(&mut book.plans, forward),
            Change::Plans(c) => c.set(&mut book.plans, forward),
            Change::Events(c) => c.set(&mut book.calendar.events, forward),
            Change::Closed(year, c) => match if forward { &c.after } else { &c.before } {
                Some(closing) => {
                    book.closed.insert(*year, closing.clone());
                }
                None => {
                    book.closed.remove(year);
                }
            },
        }
    }

    /// Sets the change forward, moving a new voucher into the book instead of copying it; it
    /// leaves an `Issued` in its place.
    pub(crate) fn settle(self, book: &mut Book) -> Change {
        match self {
            Change::Voucher(Slot { id, before: None, after: Some(v) }) => {
                let issued = Change::Issued { id, number: v.number.to_string(), year: v.year(), donor: v.body.donor };
                put(&mut book.vouchers, id, Some(*v));
                issued
            }
            c => {
                c.set(book, Dir::Forward);
                c
            }
        }
    }

    /// Sets the change as undo and redo do. A whole-book change trades places with the
    /// book shown instead of copying its side in, so what was done to either book since
    /// (a number voided by an undo) comes back with it and is never issued again.
    pub fn step(&mut self, book: &mut Book, dir: Dir) {
        match self {
            Change::Book(Whole { before, after }) => {
                std::mem::swap(book, if dir == Dir::Forward { after } else { before });
                std::mem::swap(before, after);
            }
            _ => self.set(book, dir),
        }
    }

    /// Serializes what this change stores (its after side): how every text in it is
    /// checked against the bound of `limits`.
    pub(crate) fn after_serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::Serialize;
        match self {
            Change::Donor(c) => c.after.serialize(s),
            Change::Voucher(c) => c.after.serialize(s),
            Change::Issued { number, .. } => number.serialize(s),
            Change::Settings(c) => c.after.serialize(s),
            Change::Communes(c) => c.after.serialize(s),
            Change::Book(c) => c.after.serialize(s),
            Change::List(c) => c.after.serialize(s),
            Change::Scales(c) => c.after.serialize(s),
            Change::Set(c) => c.after.serialize(s),
            Change::Subject(c) => c.after.serialize(s),
            Change::Sheet(c) => c.after.serialize(s),
            Change::Decision(c) => c.after.serialize(s),
            Change::Targets(c) => c.after.serialize(s),
            Change::Doc(c) => c.after.serialize(s),
            Change::Plans(c) => c.after.serialize(s),
            Change::Events(c) => c.after.serialize(s),
            Change::Closed(_, c) => c.after.serialize(s),
        }
    }

    /// A change that may alter what a closed year reports without being of that year: the
    /// donors its receipts name, its scales and targets, the subjects it evaluated.
    pub(crate) fn indirect(&self) -> bool {
        matches!(
            self,
            Change::Donor(_)
                | Change::Settings(_)
                | Change::Scales(_)
                | Change::Set(_)
                | Change::Subject(_)
                | Change::Targets(_)
        )
    }

    /// The years whose records this change touches directly.
    pub fn years(&self) -> Vec<i32> {
        match self {
            Change::Voucher(c) => c.of_both(Voucher::year),
            Change::Issued { year, .. } => vec![*year],
            Change::List(c) => c.of_both(|l| l.year),
            Change::Sheet(c) => c.of_both(|s| s.year),
            Change::Decision(c) => c.of_both(|d| d.year),
            _ => Vec::new(),
        }
    }
}
