//! Actions: the only way the book changes. `apply` validates, performs, and returns the
//! changes it made so they can be undone, redone and logged.

use super::award_action::{AwardAction, list_of_voucher, unlink_voided};
use super::awards::AwardList;
use super::book::{Book, Commune, Settings};
use super::calendar::Event;
use super::closing::Closing;
use super::donors::Donor;
use super::learning_action::{LearningAction, LearningChange};
use super::ledger::{Kind, Void, Voucher, VoucherDraft, format_number, next_seq, purpose_balance};
use super::money::{MAX_AMOUNT, Vnd};
use super::plan_action::PlanAction;
use super::plans::Document;
use super::scales::Scale;
use super::text::clean;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    AddDonor(Donor),
    EditDonor(usize, Donor),
    Issue(VoucherDraft),
    EditVoucher(usize, VoucherDraft),
    Void {
        id: usize,
        date: NaiveDate,
        reason: String,
    },
    /// Receipts from an old spreadsheet: new donors first, then the drafts (whose donor
    /// indices may point at the new donors). One undo step.
    ImportReceipts {
        donors: Vec<Donor>,
        drafts: Vec<VoucherDraft>,
    },
    SetTarget {
        year: i32,
        amount: Option<Vnd>,
    },
    SetSettings(Settings),
    SetCommunes(Vec<Commune>),
    ReplaceBook(Box<Book>),
    Award(AwardAction),
    Learning(LearningAction),
    Plan(PlanAction),
    /// Locks a reported year; `date` is the day it is closed.
    CloseYear {
        year: i32,
        date: NaiveDate,
    },
    ReopenYear {
        year: i32,
        reason: String,
    },
}

/// What an action was, for the undo buttons and the change log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    AddDonor,
    EditDonor,
    IssueReceipt,
    IssuePayment,
    EditVoucher,
    VoidVoucher,
    Import(usize),
    SetTarget(i32),
    Settings,
    Communes,
    ReplaceBook,
    AddList,
    EditList,
    Awardee,
    ImportAwardees(usize),
    ListStatus,
    Reopen,
    PayList,
    Scales,
    CriteriaSet,
    LearningSubject,
    ScoreSheets(usize),
    Recognition,
    LearningTargets,
    Document,
    CopyPlan,
    Task,
    Event,
    CloseYear(i32),
    ReopenYear { year: i32, reason: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    EmptyName,
    EmptyCounterparty,
    ZeroAmount,
    TooLarge,
    /// A payment larger than what the restricted purpose holds.
    RestrictedShort {
        purpose: String,
        available: Vnd,
    },
    NoSuchVoucher,
    NoSuchDonor,
    AlreadyVoid,
    EmptyReason,
    VoidBeforeIssue,
    EditVoided,
    YearChange,
    KindChange,
    BadPattern,
    NothingToImport,
    DuplicateCommune(String),
    EmptyTitle,
    NoSuchList,
    NoSuchAwardee,
    /// The list is approved, paid or cancelled.
    Frozen,
    BadStatus,
    /// Approval refused: this many blocking issues.
    ChecksFailed(usize),
    NotApproved,
    NothingToPay,
    /// The voucher paid an award list: void it rather than edit it.
    LinkedToList,
    EmptySet,
    NoSuchSet,
    NoSuchSubject,
    NoSuchDoc,
    NoSuchTask,
    NoSuchEvent,
    BadPeriod,
    DueBeforeStart,
    /// What is wrong with an event: "title", "days" or "date".
    BadEvent(&'static str),
    YearClosed(i32),
    AlreadyClosed(i32),
    NotClosed(i32),
    YearNotOver(i32),
}

/// A field a validation error belongs to, so the form can show it beside that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Number,
    Kind,
    Date,
    Donor,
    Counterparty,
    Description,
    Amount,
    Method,
    Campaign,
    Purpose,
    Category,
    Void,
    Name,
    DonorType,
    Commune,
    Address,
    Contact,
    Note,
    Target,
    Pattern,
    Checks,
    OrgName,
    Count,
    Status,
    Reason,
    Awardees,
    Scale,
    Title,
    Score,
    Period,
    Progress,
    Closed,
}

impl ActionError {
    pub fn field(&self) -> Option<Field> {
        match self {
            ActionError::EmptyName => Some(Field::Name),
            ActionError::EmptyCounterparty => Some(Field::Counterparty),
            ActionError::ZeroAmount | ActionError::TooLarge | ActionError::RestrictedShort { .. } => {
                Some(Field::Amount)
            }
            ActionError::EmptyReason | ActionError::VoidBeforeIssue => Some(Field::Void),
            ActionError::YearChange => Some(Field::Date),
            ActionError::BadPattern => Some(Field::Pattern),
            ActionError::NoSuchDonor => Some(Field::Donor),
            ActionError::EmptyTitle => Some(Field::Title),
            ActionError::DueBeforeStart | ActionError::YearClosed(_) => Some(Field::Date),
            ActionError::BadPeriod => Some(Field::Period),
            _ => None,
        }
    }
}

/// One entity before and after; `None` means it did not exist.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Donor {
        id: usize,
        before: Option<Box<Donor>>,
        after: Option<Box<Donor>>,
    },
    Voucher {
        id: usize,
        before: Option<Box<Voucher>>,
        after: Option<Box<Voucher>>,
    },
    Settings {
        before: Box<Settings>,
        after: Box<Settings>,
    },
    Communes {
        before: Vec<Commune>,
        after: Vec<Commune>,
    },
    Book {
        before: Box<Book>,
        after: Box<Book>,
    },
    List {
        id: usize,
        before: Option<Box<AwardList>>,
        after: Option<Box<AwardList>>,
    },
    Scales {
        before: Vec<Scale>,
        after: Vec<Scale>,
    },
    Learning(Box<LearningChange>),
    Doc {
        id: usize,
        before: Option<Box<Document>>,
        after: Option<Box<Document>>,
    },
    /// All documents at once (deleting one moves the references of the others).
    Plans {
        before: Vec<Document>,
        after: Vec<Document>,
    },
    Events {
        before: Vec<Event>,
        after: Vec<Event>,
    },
    Closed {
        year: i32,
        before: Option<Closing>,
        after: Option<Closing>,
    },
}

/// The state after a change (going forward) or before it (undoing).
pub(super) fn side<'a, T>(forward: bool, before: &'a T, after: &'a T) -> &'a T {
    if forward { after } else { before }
}

pub(super) fn put<T>(list: &mut Vec<T>, id: usize, value: Option<T>) {
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
    /// Puts the book in the state before (`forward == false`) or after this change.
    pub fn set(&self, book: &mut Book, forward: bool) {
        match self {
            Change::Donor { id, before, after } => {
                put(&mut book.donors, *id, side(forward, before, after).as_deref().cloned())
            }
            Change::Voucher { id, before, after } => {
                put(&mut book.vouchers, *id, side(forward, before, after).as_deref().cloned())
            }
            Change::Settings { before, after } => book.settings = (**side(forward, before, after)).clone(),
            Change::Communes { before, after } => book.communes = side(forward, before, after).clone(),
            Change::Book { before, after } => *book = (**side(forward, before, after)).clone(),
            Change::List { id, before, after } => {
                put(&mut book.award_lists, *id, side(forward, before, after).as_deref().cloned())
            }
            Change::Scales { before, after } => book.scales = side(forward, before, after).clone(),
            Change::Learning(c) => c.set(&mut book.learning, forward),
            Change::Doc { id, before, after } => {
                put(&mut book.plans, *id, side(forward, before, after).as_deref().cloned())
            }
            Change::Plans { before, after } => book.plans = side(forward, before, after).clone(),
            Change::Events { before, after } => book.calendar.events = side(forward, before, after).clone(),
            Change::Closed { year, before, after } => match side(forward, before, after) {
                Some(c) => {
                    book.closed.insert(*year, c.clone());
                }
                None => {
                    book.closed.remove(year);
                }
            },
        }
    }
}

fn clean_draft(d: &VoucherDraft) -> VoucherDraft {
    VoucherDraft {
        counterparty: clean(&d.counterparty),
        description: clean(&d.description),
        campaign: clean(&d.campaign),
        purpose: clean(&d.purpose),
        ..d.clone()
    }
}

fn clean_donor(d: &Donor) -> Donor {
    Donor {
        name: clean(&d.name),
        kind: d.kind,
        commune: clean(&d.commune),
        address: clean(&d.address),
        contact: clean(&d.contact),
        note: clean(&d.note),
    }
}

/// Checks a draft against the book's rules. `editing` is the voucher being replaced.
pub fn validate_draft(book: &Book, d: &VoucherDraft, editing: Option<usize>) -> Result<(), ActionError> {
    if d.counterparty.trim().is_empty() {
        return Err(ActionError::EmptyCounterparty);
    }
    if d.amount.0 <= 0 {
        return Err(ActionError::ZeroAmount);
    }
    if d.amount.0 > MAX_AMOUNT {
        return Err(ActionError::TooLarge);
    }
    if let Some(donor) = d.donor
        && donor >= book.donors.len()
    {
        return Err(ActionError::NoSuchDonor);
    }
    if book.settings.enforce_restricted && d.kind == Kind::Payment && !d.purpose.is_empty() {
        let available = purpose_balance(&book.vouchers, &d.purpose, editing);
        let cash = if d.method == super::ledger::Method::InKind { Vnd::ZERO } else { d.amount };
        if cash > available {
            return Err(ActionError::RestrictedShort { purpose: d.purpose.clone(), available });
        }
    }
    Ok(())
}

/// A voucher with its number from the book's pattern for its kind.
pub(super) fn issue_with_seq(book: &Book, d: VoucherDraft, seq: u32) -> Voucher {
    let pattern = match d.kind {
        Kind::Receipt => &book.settings.receipt_pattern,
        Kind::Payment => &book.settings.payment_pattern,
    };
    Voucher { number: format_number(pattern, d.date.year(), seq), seq, body: d, void: None }
}

/// Validates and performs an action. On error the book is unchanged.
pub fn apply(book: &mut Book, action: Action) -> Result<(Label, Vec<Change>), ActionError> {
    let (label, changes) = plan(book, action)?;
    super::closing::check(book, &changes)?;
    for c in &changes {
        c.set(book, true);
    }
    Ok((label, changes))
}

/// Works out the changes an action makes without touching the book.
fn plan(book: &Book, action: Action) -> Result<(Label, Vec<Change>), ActionError> {
    Ok(match action {
        Action::AddDonor(d) => {
            let d = clean_donor(&d);
            if d.name.is_empty() {
                return Err(ActionError::EmptyName);
            }
            (Label::AddDonor, vec![Change::Donor { id: book.donors.len(), before: None, after: Some(Box::new(d)) }])
        }
        Action::EditDonor(id, d) => {
            let d = clean_donor(&d);
            let before = book.donors.get(id).cloned().ok_or(ActionError::NoSuchDonor)?;
            if d.name.is_empty() {
                return Err(ActionError::EmptyName);
            }
            (Label::EditDonor, vec![Change::Donor { id, before: Some(Box::new(before)), after: Some(Box::new(d)) }])
        }
        Action::Issue(d) => {
            let d = clean_draft(&d);
            validate_draft(book, &d, None)?;
            let seq = next_seq(&book.vouchers, d.kind, d.date.year());
            let label = if d.kind == Kind::Receipt { Label::IssueReceipt } else { Label::IssuePayment };
            let v = issue_with_seq(book, d, seq);
            (label, vec![Change::Voucher { id: book.vouchers.len(), before: None, after: Some(Box::new(v)) }])
        }
        Action::EditVoucher(id, d) => {
            let d = clean_draft(&d);
            let old = book.vouchers.get(id).ok_or(ActionError::NoSuchVoucher)?;
            if old.void.is_some() {
                return Err(ActionError::EditVoided);
            }
            if old.body.kind != d.kind {
                return Err(ActionError::KindChange);
            }
            if old.year() != d.date.year() {
                return Err(ActionError::YearChange);
            }
            if list_of_voucher(book, id).is_some() {
                return Err(ActionError::LinkedToList);
            }
            validate_draft(book, &d, Some(id))?;
            let new = Voucher { body: d, ..old.clone() };
            let change = Change::Voucher { id, before: Some(Box::new(old.clone())), after: Some(Box::new(new)) };
            (Label::EditVoucher, vec![change])
        }
        Action::Void { id, date, reason } => {
            let old = book.vouchers.get(id).ok_or(ActionError::NoSuchVoucher)?;
            if old.void.is_some() {
                return Err(ActionError::AlreadyVoid);
            }
            let reason = clean(&reason);
            if reason.is_empty() {
                return Err(ActionError::EmptyReason);
            }
            if date < old.body.date {
                return Err(ActionError::VoidBeforeIssue);
            }
            // Voiding a restricted receipt must not leave its purpose below zero.
            if book.settings.enforce_restricted && old.body.kind == Kind::Receipt && !old.body.purpose.is_empty() {
                let available = purpose_balance(&book.vouchers, &old.body.purpose, Some(id));
                if available.0 < 0 {
                    return Err(ActionError::RestrictedShort { purpose: old.body.purpose.clone(), available });
                }
            }
            let new = Voucher { void: Some(Void { date, reason }), ..old.clone() };
            let mut changes =
                vec![Change::Voucher { id, before: Some(Box::new(old.clone())), after: Some(Box::new(new)) }];
            changes.extend(unlink_voided(book, id));
            (Label::VoidVoucher, changes)
        }
        Action::ImportReceipts { donors, drafts } => plan_import(book, donors, drafts)?,
        Action::SetTarget { year, amount } => {
            let mut after = book.settings.clone();
            match amount {
                Some(a) if a.0 > MAX_AMOUNT => return Err(ActionError::TooLarge),
                Some(a) => after.targets.insert(year, a),
                None => after.targets.remove(&year),
            };
            let change = Change::Settings { before: Box::new(book.settings.clone()), after: Box::new(after) };
            (Label::SetTarget(year), vec![change])
        }
        Action::SetSettings(s) => {
            let ok = |p: &str| p.contains("{n") && p.contains("{yyyy}");
            if !ok(&s.receipt_pattern) || !ok(&s.payment_pattern) || s.receipt_pattern == s.payment_pattern {
                return Err(ActionError::BadPattern);
            }
            let s = Settings { org_name: clean(&s.org_name), ..s };
            (Label::Settings, vec![Change::Settings { before: Box::new(book.settings.clone()), after: Box::new(s) }])
        }
        Action::SetCommunes(list) => {
            let mut seen = std::collections::HashSet::new();
            let mut cleaned = Vec::new();
            for c in list {
                let c = Commune { kind: clean(&c.kind), name: clean(&c.name) };
                if c.name.is_empty() {
                    return Err(ActionError::EmptyName);
                }
                if !seen.insert(c.name.clone()) {
                    return Err(ActionError::DuplicateCommune(c.name));
                }
                cleaned.push(c);
            }
            (Label::Communes, vec![Change::Communes { before: book.communes.clone(), after: cleaned }])
        }
        Action::Award(a) => super::award_action::plan(book, a)?,
        Action::Learning(a) => super::learning_action::plan(book, a)?,
        Action::Plan(a) => super::plan_action::plan(book, a)?,
        Action::CloseYear { year, date } => super::closing::close(book, year, date)?,
        Action::ReopenYear { year, reason } => super::closing::reopen(book, year, &reason)?,
        Action::ReplaceBook(new) => {
            (Label::ReplaceBook, vec![Change::Book { before: Box::new(book.clone()), after: new }])
        }
    })
}

fn plan_import(
    book: &Book,
    donors: Vec<Donor>,
    drafts: Vec<VoucherDraft>,
) -> Result<(Label, Vec<Change>), ActionError> {
    if drafts.is_empty() {
        return Err(ActionError::NothingToImport);
    }
    let mut changes = Vec::with_capacity(donors.len() + drafts.len());
    let mut scratch = Book { settings: book.settings.clone(), donors: book.donors.clone(), ..Default::default() };
    for d in donors {
        let d = clean_donor(&d);
        if d.name.is_empty() {
            return Err(ActionError::EmptyName);
        }
        changes.push(Change::Donor { id: scratch.donors.len(), before: None, after: Some(Box::new(d.clone())) });
        scratch.donors.push(d);
    }
    let mut seqs: HashMap<(Kind, i32), u32> = HashMap::new();
    for v in &book.vouchers {
        let s = seqs.entry((v.body.kind, v.year())).or_default();
        *s = (*s).max(v.seq);
    }
    let count = drafts.len();
    for (i, d) in drafts.into_iter().enumerate() {
        let d = clean_draft(&d);
        if d.kind != Kind::Receipt {
            return Err(ActionError::KindChange);
        }
        validate_draft(&scratch, &d, None)?;
        let seq = seqs.entry((d.kind, d.date.year())).or_default();
        *seq += 1;
        let v = issue_with_seq(book, d, *seq);
        changes.push(Change::Voucher { id: book.vouchers.len() + i, before: None, after: Some(Box::new(v)) });
    }
    Ok((Label::Import(count), changes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ledger::Method;
    use crate::model::ledger::tests::{day, draft};

    fn book() -> Book {
        Book::default()
    }

    fn undo(book: &mut Book, changes: &[Change]) {
        for c in changes.iter().rev() {
            c.set(book, false);
        }
    }

    #[test]
    fn issuing_numbers_gaplessly_and_undo_gives_the_number_back() {
        let mut b = book();
        let (_, c1) = apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 1), 500_000, ""))).expect("ok");
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 2), 200_000, ""))).expect("ok");
        apply(&mut b, Action::Issue(draft(Kind::Payment, day(2025, 3, 3), 100_000, ""))).expect("ok");
        let numbers: Vec<&str> = b.vouchers.iter().map(|v| v.number.as_str()).collect();
        assert_eq!(numbers, ["PT-2025-0001", "PT-2025-0002", "PC-2025-0001"]);
        assert_eq!(c1.len(), 1);
        let (_, c4) = apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 4, 1), 1, ""))).expect("ok");
        undo(&mut b, &c4);
        assert_eq!(b.vouchers.len(), 3);
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 4, 1), 1, ""))).expect("ok");
        assert_eq!(b.vouchers[3].number, "PT-2025-0003");
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2026, 1, 1), 1, ""))).expect("ok");
        assert_eq!(b.vouchers[4].number, "PT-2026-0001");
    }

    #[test]
    fn voiding_keeps_the_number_and_needs_a_reason() {
        let mut b = book();
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 1), 500_000, ""))).expect("ok");
        let no_reason = Action::Void { id: 0, date: day(2025, 3, 5), reason: "  ".into() };
        assert_eq!(apply(&mut b, no_reason), Err(ActionError::EmptyReason));
        let early = Action::Void { id: 0, date: day(2025, 2, 5), reason: "Sai".into() };
        assert_eq!(apply(&mut b, early), Err(ActionError::VoidBeforeIssue));
        let (_, ch) =
            apply(&mut b, Action::Void { id: 0, date: day(2025, 3, 5), reason: "Ghi trùng".into() }).expect("ok");
        assert_eq!(b.vouchers.len(), 1);
        assert_eq!(b.vouchers[0].number, "PT-2025-0001");
        assert_eq!(b.vouchers[0].void.as_ref().map(|v| v.reason.as_str()), Some("Ghi trùng"));
        let again = Action::Void { id: 0, date: day(2025, 3, 6), reason: "x".into() };
        assert_eq!(apply(&mut b, again), Err(ActionError::AlreadyVoid));
        let edit = Action::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 1, ""));
        assert_eq!(apply(&mut b, edit), Err(ActionError::EditVoided));
        undo(&mut b, &ch);
        assert!(b.vouchers[0].void.is_none());
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 9), 1, ""))).expect("ok");
        assert_eq!(b.vouchers[1].number, "PT-2025-0002", "a voided number is never reused");
    }

    #[test]
    fn restricted_purpose_cannot_go_below_zero() {
        let mut b = book();
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 1), 1_000_000, "Học bổng vùng cao")))
            .expect("ok");
        let too_much = draft(Kind::Payment, day(2025, 4, 1), 1_500_000, "Học bổng vùng cao");
        assert_eq!(
            apply(&mut b, Action::Issue(too_much.clone())),
            Err(ActionError::RestrictedShort { purpose: "Học bổng vùng cao".into(), available: Vnd(1_000_000) })
        );
        assert_eq!(b.vouchers.len(), 1, "nothing saved");
        apply(&mut b, Action::Issue(draft(Kind::Payment, day(2025, 4, 1), 600_000, "Học bổng vùng cao"))).expect("ok");
        // Voiding the receipt would leave the purpose at -600.000.
        let void = Action::Void { id: 0, date: day(2025, 5, 1), reason: "Sai".into() };
        assert!(matches!(apply(&mut b, void), Err(ActionError::RestrictedShort { .. })));
        // Editing the payment up to the whole purpose is allowed; beyond it is not.
        let edit = draft(Kind::Payment, day(2025, 4, 1), 1_000_000, "Học bổng vùng cao");
        assert!(apply(&mut b, Action::EditVoucher(1, edit)).is_ok());
        // The check can be switched off for funds not under NĐ 93.
        b.settings.enforce_restricted = false;
        assert!(apply(&mut b, Action::Issue(too_much)).is_ok());
    }

    #[test]
    fn in_kind_payment_needs_no_cash() {
        let mut b = book();
        let mut gift = draft(Kind::Payment, day(2025, 4, 1), 900_000, "Sách");
        gift.method = Method::InKind;
        assert!(apply(&mut b, Action::Issue(gift)).is_ok());
    }

    #[test]
    fn bad_input_changes_nothing() {
        let mut b = book();
        let mut d = draft(Kind::Receipt, day(2025, 3, 1), 0, "");
        assert_eq!(apply(&mut b, Action::Issue(d.clone())), Err(ActionError::ZeroAmount));
        d.amount = Vnd(5);
        d.counterparty = "   ".into();
        assert_eq!(apply(&mut b, Action::Issue(d)), Err(ActionError::EmptyCounterparty));
        assert_eq!(apply(&mut b, Action::AddDonor(Donor::default())), Err(ActionError::EmptyName));
        assert_eq!(b, Book::default());
    }

    #[test]
    fn text_is_stored_as_nfc() {
        let mut b = book();
        let mut d = draft(Kind::Receipt, day(2025, 3, 1), 5, "");
        d.counterparty = "Nguye\u{0302}\u{0303}n  Va\u{0306}n An ".into();
        apply(&mut b, Action::Issue(d)).expect("ok");
        assert_eq!(b.vouchers[0].body.counterparty, "Nguyễn Văn An");
    }

    #[test]
    fn import_is_one_step_with_new_donors_and_continues_numbering() {
        let mut b = book();
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2024, 3, 1), 5, ""))).expect("ok");
        let mut d1 = draft(Kind::Receipt, day(2024, 5, 1), 10, "");
        d1.donor = Some(0);
        let d2 = draft(Kind::Receipt, day(2025, 5, 1), 20, "");
        let donor = Donor { name: "Công ty Sao Mai".into(), ..Default::default() };
        let (label, changes) =
            apply(&mut b, Action::ImportReceipts { donors: vec![donor], drafts: vec![d1, d2] }).expect("ok");
        assert_eq!(label, Label::Import(2));
        assert_eq!(changes.len(), 3);
        let numbers: Vec<&str> = b.vouchers.iter().map(|v| v.number.as_str()).collect();
        assert_eq!(numbers, ["PT-2024-0001", "PT-2024-0002", "PT-2025-0001"]);
        undo(&mut b, &changes);
        assert_eq!((b.vouchers.len(), b.donors.len()), (1, 0));
    }

    #[test]
    fn settings_need_a_sequence_and_a_year() {
        let mut b = book();
        let s = Settings { receipt_pattern: "PT-{yyyy}".into(), ..Settings::default() };
        assert_eq!(apply(&mut b, Action::SetSettings(s)), Err(ActionError::BadPattern));
        let s = Settings { receipt_pattern: "{nnn}/PT/{yyyy}".into(), ..Settings::default() };
        assert!(apply(&mut b, Action::SetSettings(s)).is_ok());
        apply(&mut b, Action::Issue(draft(Kind::Receipt, day(2025, 3, 1), 5, ""))).expect("ok");
        assert_eq!(b.vouchers[0].number, "001/PT/2025");
    }
}
