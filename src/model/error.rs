//! Why an action was refused, and the field of the form it belongs to.

use crate::model::fund::ledger::Fund;
use crate::model::money::Vnd;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    EmptyName,
    EmptyCounterparty,
    ZeroAmount,
    TooLarge,
    /// The action would take a part of the fund below zero in cash: what it held before
    /// and what it would hold after.
    FundShort {
        fund: Fund,
        available: Vnd,
        after: Vnd,
    },
    /// A text longer than a field takes (in characters).
    TooLong {
        field: Option<Field>,
        max: usize,
    },
    /// The change would alter what a closed year reports (a donor's name or type, a scale,
    /// a target, a subject of that year).
    ClosedFigures(i32),
    /// An approved list with payments standing cannot go back to draft: void them first.
    HasPayments,
    /// The book changed while the action was being worked out: work it out again.
    Stale,
    /// The NĐ 93 checks cannot be turned on while a part of the fund is below zero.
    ChecksBroken {
        fund: Fund,
        balance: Vnd,
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
            ActionError::ZeroAmount | ActionError::TooLarge | ActionError::FundShort { .. } => Some(Field::Amount),
            ActionError::TooLong { field, .. } => *field,
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
