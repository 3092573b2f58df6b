//! What a voucher or a donor must be before it goes into the book: cleaned text, an amount
//! and a counterparty, texts within their fields, and the number from the book's pattern.

use crate::model::book::Book;
use crate::model::error::{ActionError, Field};
use crate::model::fund::donors::Donor;
use crate::model::fund::ledger::{Kind, Voucher, VoucherDraft, format_number};
use crate::model::money::MAX_AMOUNT;
use crate::model::text::{NAME_MAX, TEXT_MAX, clean, fit};
use chrono::Datelike;

pub(crate) fn clean_draft(d: &VoucherDraft) -> VoucherDraft {
    VoucherDraft {
        counterparty: clean(&d.counterparty).into(),
        description: clean(&d.description).into(),
        campaign: clean(&d.campaign).into(),
        purpose: clean(&d.purpose).into(),
        ..d.clone()
    }
}

pub(crate) fn clean_donor(d: &Donor) -> Result<Donor, ActionError> {
    let d = Donor {
        name: clean(&d.name),
        kind: d.kind,
        commune: clean(&d.commune),
        address: clean(&d.address),
        contact: clean(&d.contact),
        note: clean(&d.note),
    };
    if d.name.is_empty() {
        return Err(ActionError::EmptyName);
    }
    fit(Field::Name, &d.name, NAME_MAX)?;
    fit(Field::Address, &d.address, NAME_MAX)?;
    fit(Field::Contact, &d.contact, NAME_MAX)?;
    Ok(d)
}

/// Checks a draft against the book's rules (the fund's balances are checked once the whole
/// action is worked out, in `prepare`).
pub fn validate_draft(book: &Book, d: &VoucherDraft) -> Result<(), ActionError> {
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
    draft_lengths(d)
}

/// The texts of a draft within what their fields take.
pub fn draft_lengths(d: &VoucherDraft) -> Result<(), ActionError> {
    fit(Field::Counterparty, &d.counterparty, NAME_MAX)?;
    fit(Field::Campaign, &d.campaign, NAME_MAX)?;
    fit(Field::Purpose, &d.purpose, NAME_MAX)?;
    fit(Field::Description, &d.description, TEXT_MAX)
}

/// A voucher with its number from the book's pattern for its kind.
pub(crate) fn issue_with_seq(book: &Book, d: VoucherDraft, seq: u32) -> Voucher {
    let pattern = match d.kind {
        Kind::Receipt => &book.settings.receipt_pattern,
        Kind::Payment => &book.settings.payment_pattern,
    };
    Voucher { number: format_number(pattern, d.date.year(), seq).into(), seq, body: d, void: None }
}

/// A number once issued is never given again: would these settings' patterns render a
/// number the book already holds for another voucher (of the other kind, or another
/// sequence)? Checked when the patterns are set, and when an undo would set them back.
pub fn patterns_clash(book: &Book, settings: &crate::model::book::Settings) -> bool {
    let clash = |kind: Kind, pattern: &str| {
        book.vouchers.iter().any(|v| {
            crate::model::fund::ledger::pattern_seq(pattern, v.year(), &v.number)
                .is_some_and(|seq| v.body.kind != kind || seq != v.seq)
        })
    };
    clash(Kind::Receipt, &settings.receipt_pattern) || clash(Kind::Payment, &settings.payment_pattern)
}
