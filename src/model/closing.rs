//! Closing a year once it is reported: its vouchers, award lists and learning records can no
//! longer change, and its closing cash balance is carried into the next year. Reopening
//! needs a reason, which the change log keeps.
//!
//! What a closed year reports is sealed by a digest taken when it is closed: the year's
//! vouchers with the name and type of the donors they name, its award lists and scales, its
//! fund target, its score sheets and decisions with the criteria-set versions they used
//! and the model and commune of their subjects. A change that would alter any of it is
//! refused until the year is reopened; undo never crosses a close.

use crate::model::book::{Book, Closing};
use crate::model::change::{Change, Whole};
use crate::model::error::ActionError;
use crate::model::fund::ledger::year_balances;
use crate::model::log::Label;
use crate::model::money::Vnd;
use crate::model::text::clean;
use chrono::{Datelike, NaiveDate};
use std::hash::{Hash, Hasher};

/// FNV-1a over 64 bits, with integers written little-endian at a fixed width: the same
/// value on every platform and every run, so a digest can be kept in the file.
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write(&(n as u64).to_le_bytes());
    }
    fn write_isize(&mut self, n: isize) {
        self.write(&(n as i64).to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The digest of everything a year reports (see the module's notes).
pub fn digest(book: &Book, year: i32) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for (i, v) in book.vouchers.iter().enumerate().filter(|(_, v)| v.year() == year) {
        (i, v).hash(&mut h);
        if let Some(d) = v.body.donor.and_then(|d| book.donors.get(d)) {
            (&d.name, d.kind).hash(&mut h);
        }
    }
    for (i, l) in book.award_lists.iter().enumerate().filter(|(_, l)| l.year == year) {
        (i, l).hash(&mut h);
    }
    book.scales.iter().filter(|s| s.year == year).for_each(|s| s.hash(&mut h));
    book.settings.targets.get(&year).hash(&mut h);
    let l = &book.learning;
    let subject = |i: usize, h: &mut Fnv| l.subjects.get(i).map(|s| (s.kind, &s.commune)).hash(h);
    for (i, s) in l.sheets.iter().enumerate().filter(|(_, s)| s.year == year) {
        (i, s).hash(&mut h);
        subject(s.subject, &mut h);
        l.sets.iter().find(|c| c.id == s.set).hash(&mut h);
    }
    for (i, d) in l.decisions.iter().enumerate().filter(|(_, d)| d.year == year) {
        (i, d).hash(&mut h);
        subject(d.subject, &mut h);
    }
    h.finish()
}

/// Closed years whose records are no longer what they were when closed.
pub fn changed_years(book: &Book) -> Vec<i32> {
    book.closed.iter().filter(|(y, c)| digest(book, **y) != c.digest).map(|(y, _)| *y).collect()
}

/// Gives closed years without a digest (files from before it) the digest of what they hold.
pub fn seal_missing(book: &mut Book) {
    let missing: Vec<i32> = book.closed.iter().filter(|(_, c)| c.digest == 0).map(|(y, _)| *y).collect();
    for y in missing {
        let d = digest(book, y);
        if let Some(c) = book.closed.get_mut(&y) {
            c.digest = d;
        }
    }
}

/// Closed years of `old` that `new` would report differently, or not as closed: what a
/// whole-book replace must say before it runs.
pub fn replaced_years(old: &Book, new: &Book) -> Vec<i32> {
    old.closed
        .iter()
        .filter(|(y, c)| !new.closed.contains_key(y) || digest(new, **y) != c.digest)
        .map(|(y, _)| *y)
        .collect()
}

/// Earlier years with vouchers that are still open, when closing `year`.
pub fn open_before(book: &Book, year: i32) -> Vec<i32> {
    let mut years: Vec<i32> =
        book.vouchers.iter().map(|v| v.year()).filter(|y| *y < year && !book.closed.contains_key(y)).collect();
    years.sort_unstable();
    years.dedup();
    years
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
    let after = Closing { date, balance: closing_balance(book, year), digest: digest(book, year) };
    Ok((Label::CloseYear(year), vec![Change::Closed(year, Whole::new(None, Some(after)))]))
}

pub fn reopen(book: &Book, year: i32, reason: &str) -> Result<(Label, Vec<Change>), ActionError> {
    let Some(before) = book.closed.get(&year) else {
        return Err(ActionError::NotClosed(year));
    };
    let reason = clean(reason);
    if reason.is_empty() {
        return Err(ActionError::EmptyReason);
    }
    let change = Change::Closed(year, Whole::new(Some(before.clone()), None));
    Ok((Label::ReopenYear { year, reason }, vec![change]))
}

/// Refuses changes to the records of a closed year.
pub fn check(book: &Book, changes: &[Change]) -> Result<(), ActionError> {
    if book.closed.is_empty() {
        return Ok(());
    }
    match changes.iter().flat_map(Change::years).find(|y| book.closed.contains_key(y)) {
        Some(y) => Err(ActionError::YearClosed(y)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::action::{Action, apply};
    use crate::model::book::Book;
    use crate::model::error::ActionError;
    use crate::model::fund::action::FundAction;
    use crate::model::fund::ledger::Kind;
    use crate::model::fund::ledger::tests::{day, draft};
    use crate::model::money::Vnd;

    /// The digests of the demo's learning years, with evidence, measured shares and met items
    /// on its sheets, as they were taken before a score value was held in fewer bytes: the
    /// seals of years closed then must still hold.
    #[test]
    fn the_digest_of_a_year_of_score_sheets_is_what_it_always_was() {
        let mut b = crate::model::demo::demo_book();
        for (i, sheet) in b.learning.sheets.iter_mut().enumerate() {
            for (k, v) in sheet.values.iter_mut().enumerate() {
                if (i + k) % 3 == 0 {
                    sheet.evidence.set(k, format!("Biên bản {i}-{k}").into());
                }
                if (i + k) % 4 == 0 {
                    v.measured = Some(((i * 7 + k) % 101) as _);
                    v.met = true;
                }
            }
        }
        let years: std::collections::BTreeSet<i32> = b.learning.sheets.iter().map(|s| s.year).collect();
        let digests: Vec<(i32, u64)> = years.into_iter().map(|y| (y, super::digest(&b, y))).collect();
        assert_eq!(
            digests,
            [
                (2022, 17908002343409550398),
                (2023, 17101297245567654357),
                (2024, 1380876691566487699),
                (2025, 4967246558073077063),
                (2026, 16871313089766046217)
            ]
        );
    }

    #[test]
    fn a_closed_year_cannot_change_and_carries_its_balance() {
        let mut b = Book::default();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 1), 900_000, "")))).expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Payment, day(2025, 6, 1), 300_000, "")))).expect("ok");
        let early = Action::CloseYear { year: 2025, date: day(2025, 12, 20) };
        assert_eq!(apply(&mut b, early), Err(ActionError::YearNotOver(2025)));
        apply(&mut b, Action::CloseYear { year: 2025, date: day(2026, 1, 10) }).expect("closes");
        assert_eq!(b.closed[&2025].balance, Vnd(600_000));

        let before = b.clone();
        let late = draft(Kind::Receipt, day(2025, 12, 31), 1, "");
        assert_eq!(apply(&mut b, Action::Fund(FundAction::Issue(late))), Err(ActionError::YearClosed(2025)));
        let edit = Action::Fund(FundAction::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 1, "")));
        assert_eq!(apply(&mut b, edit), Err(ActionError::YearClosed(2025)));
        let void = Action::Fund(FundAction::Void { id: 1, date: day(2026, 1, 2), reason: "Sai".into() });
        assert_eq!(apply(&mut b, void), Err(ActionError::YearClosed(2025)));
        assert_eq!(b, before, "nothing changed");

        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2026, 1, 5), 100_000, ""))))
            .expect("next year is open");
        let y2026 = crate::model::fund::ledger::year_balances(&b.vouchers).into_iter().find(|y| y.year == 2026);
        assert_eq!(y2026.map(|y| y.opening), Some(b.closed[&2025].balance));

        let no_reason = Action::ReopenYear { year: 2025, reason: " ".into() };
        assert_eq!(apply(&mut b, no_reason), Err(ActionError::EmptyReason));
        let (label, _) =
            apply(&mut b, Action::ReopenYear { year: 2025, reason: "Sửa phiếu ghi nhầm".into() }).expect("reopens");
        assert_eq!(label, crate::model::log::Label::ReopenYear { year: 2025, reason: "Sửa phiếu ghi nhầm".into() });
        let edit = Action::Fund(FundAction::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 500_000, "")));
        assert!(apply(&mut b, edit).is_ok());
    }

    #[test]
    fn what_a_closed_year_reports_cannot_change_from_elsewhere() {
        use crate::model::closing::replaced_years;
        use crate::model::fund::donors::{Donor, DonorType};
        let mut b = Book::default();
        b.donors.push(Donor { name: "Công ty Sao Mai".into(), kind: DonorType::Business, ..Default::default() });
        b.donors.push(Donor { name: "Lê Hoa".into(), ..Default::default() });
        let mut gift = draft(Kind::Receipt, day(2025, 3, 1), 900_000, "");
        gift.donor = Some(0);
        apply(&mut b, Action::Fund(FundAction::Issue(gift))).expect("ok");
        apply(&mut b, Action::Fund(FundAction::SetTarget { year: 2025, amount: Some(Vnd(5_000_000)) })).expect("ok");
        apply(&mut b, Action::CloseYear { year: 2025, date: day(2026, 1, 10) }).expect("closes");
        let sealed = b.clone();
        // The donor's type and name are in that year's disclosure; its phone is not.
        let retyped = Donor { kind: DonorType::Organisation, ..b.donors[0].clone() };
        assert_eq!(
            apply(&mut b, Action::Fund(FundAction::EditDonor(0, retyped))),
            Err(ActionError::ClosedFigures(2025))
        );
        let renamed = Donor { name: "Công ty Sao Mai Mới".into(), ..b.donors[0].clone() };
        assert_eq!(
            apply(&mut b, Action::Fund(FundAction::EditDonor(0, renamed))),
            Err(ActionError::ClosedFigures(2025))
        );
        assert_eq!(b, sealed, "each refusal changed nothing");
        let phone = Donor { contact: "0912 345 678".into(), ..b.donors[0].clone() };
        assert!(apply(&mut b, Action::Fund(FundAction::EditDonor(0, phone))).is_ok());
        let other = Donor { kind: DonorType::EducationStaff, ..b.donors[1].clone() };
        assert!(
            apply(&mut b, Action::Fund(FundAction::EditDonor(1, other))).is_ok(),
            "a donor without receipts that year is free"
        );
        // The year's target and scale.
        let target = Action::Fund(FundAction::SetTarget { year: 2025, amount: Some(Vnd(6_000_000)) });
        assert_eq!(apply(&mut b, target), Err(ActionError::ClosedFigures(2025)));
        assert!(apply(&mut b, Action::Fund(FundAction::SetTarget { year: 2026, amount: Some(Vnd(1)) })).is_ok());
        let scale = crate::model::awards::scales::association_example(2025);
        let scales = Action::Award(crate::model::awards::action::AwardAction::SetScales(vec![scale]));
        assert_eq!(apply(&mut b, scales), Err(ActionError::ClosedFigures(2025)));
        // A whole book in its place says which closed years it would change.
        assert_eq!(replaced_years(&b, &Book::default()), vec![2025]);
        assert_eq!(replaced_years(&b, &b), Vec::<i32>::new());
        assert!(crate::model::closing::changed_years(&b).is_empty());
    }
}
