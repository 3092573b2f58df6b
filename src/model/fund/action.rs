//! The fund's actions: donors, vouchers issued, edited and voided, receipts imported from an
//! old spreadsheet, and the yearly target.

use crate::model::awards::action::{list_of_voucher, unlink_voided};
use crate::model::book::Book;
use crate::model::change::{Change, Slot, Whole};
use crate::model::error::{ActionError, Field};
use crate::model::fund::donors::Donor;
use crate::model::fund::ledger::{Kind, Void, Voucher, VoucherDraft, next_seq};
use crate::model::fund::rules::{clean_donor, clean_draft, issue_with_seq, validate_draft};
use crate::model::log::Label;
use crate::model::money::{MAX_AMOUNT, Vnd};
use crate::model::text::{TEXT_MAX, clean, fit};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum FundAction {
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
    /// A campaign's contribution target; None removes it.
    SetCampaignTarget {
        campaign: String,
        amount: Option<Vnd>,
    },
}

pub(crate) fn plan(book: &Book, action: FundAction) -> Result<(Label, Vec<Change>), ActionError> {
    Ok(match action {
        FundAction::AddDonor(d) => {
            let d = clean_donor(&d)?;
            (Label::AddDonor, vec![Change::Donor(Slot::added(book.donors.len(), d))])
        }
        FundAction::EditDonor(id, d) => {
            let before = book.donors.get(id).cloned().ok_or(ActionError::NoSuchDonor)?;
            let d = clean_donor(&d)?;
            (Label::EditDonor, vec![Change::Donor(Slot::new(id, Some(before), Some(d)))])
        }
        FundAction::Issue(d) => {
            let d = clean_draft(&d);
            validate_draft(book, &d)?;
            let seq = next_seq(&book.vouchers, d.kind, d.date.year());
            let label = if d.kind == Kind::Receipt { Label::IssueReceipt } else { Label::IssuePayment };
            let v = issue_with_seq(book, d, seq);
            (label, vec![Change::Voucher(Slot::added(book.vouchers.len(), v))])
        }
        FundAction::EditVoucher(id, d) => {
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
            validate_draft(book, &d)?;
            let new = Voucher { body: d, ..old.clone() };
            let change = Change::Voucher(Slot::new(id, Some(old.clone()), Some(new)));
            (Label::EditVoucher, vec![change])
        }
        FundAction::Void { id, date, reason } => {
            let old = book.vouchers.get(id).ok_or(ActionError::NoSuchVoucher)?;
            if old.void.is_some() {
                return Err(ActionError::AlreadyVoid);
            }
            let reason = clean(&reason);
            if reason.is_empty() {
                return Err(ActionError::EmptyReason);
            }
            fit(Field::Void, &reason, TEXT_MAX)?;
            if date < old.body.date {
                return Err(ActionError::VoidBeforeIssue);
            }
            let new = Voucher { void: Some(Box::new(Void { date, reason })), ..old.clone() };
            let mut changes = vec![Change::Voucher(Slot::new(id, Some(old.clone()), Some(new)))];
            changes.extend(unlink_voided(book, id));
            (Label::VoidVoucher, changes)
        }
        FundAction::ImportReceipts { donors, drafts } => plan_import(book, donors, drafts)?,
        FundAction::SetTarget { year, amount } => {
            let mut after = book.settings.clone();
            match amount {
                Some(a) if a.0 > MAX_AMOUNT => return Err(ActionError::TooLarge),
                Some(a) => after.targets.insert(year, a),
                None => after.targets.remove(&year),
            };
            let change = Change::Settings(Whole::new(Box::new(book.settings.clone()), Box::new(after)));
            (Label::SetTarget(year), vec![change])
        }
        FundAction::SetCampaignTarget { campaign, amount } => {
            let campaign = crate::model::text::clean(&campaign);
            if campaign.is_empty() {
                return Err(ActionError::EmptyName);
            }
            let mut after = book.settings.clone();
            match amount {
                Some(a) if a.0 > MAX_AMOUNT => return Err(ActionError::TooLarge),
                Some(a) if a.0 <= 0 => return Err(ActionError::ZeroAmount),
                Some(a) => after.campaign_targets.insert(campaign.clone(), a),
                None => after.campaign_targets.remove(&campaign),
            };
            let change = Change::Settings(Whole::new(Box::new(book.settings.clone()), Box::new(after)));
            (Label::SetCampaignTarget(campaign), vec![change])
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
        let d = clean_donor(&d)?;
        changes.push(Change::Donor(Slot::added(scratch.donors.len(), d.clone())));
        scratch.donors.push(d);
    }
    let mut seqs: HashMap<(Kind, i32), u32> = HashMap::new();
    for v in &book.vouchers {
        let s = seqs.entry((v.body.kind, v.year())).or_default();
        *s = (*s).max(v.seq);
    }
    let count = drafts.len();
    // Receipts brought in together are numbered in date order within each year.
    let mut drafts = drafts;
    drafts.sort_by_key(|d| d.date);
    for (i, d) in drafts.into_iter().enumerate() {
        let d = clean_draft(&d);
        if d.kind != Kind::Receipt {
            return Err(ActionError::KindChange);
        }
        validate_draft(&scratch, &d)?;
        let seq = seqs.entry((d.kind, d.date.year())).or_default();
        *seq += 1;
        let v = issue_with_seq(book, d, *seq);
        changes.push(Change::Voucher(Slot::added(book.vouchers.len() + i, v)));
    }
    Ok((Label::Import(count), changes))
}
