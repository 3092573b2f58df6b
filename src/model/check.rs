//! Every rule a whole book keeps, checked in one place: what the property tests call after
//! every step, and what a book read from disk can be asked.

use crate::model::awards::ListStatus;
use crate::model::book::Book;
use crate::model::fund::ledger::{Fund, Funds, Kind};
use crate::model::money::Vnd;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A broken rule, with what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// The sequence numbers of a kind and year are not exactly 1, 2, …, n.
    NumberGap { kind: Kind, year: i32 },
    /// Two vouchers carry the same number.
    SameNumber(String),
    /// A part of the fund below zero in cash.
    BelowZero(Fund, Vnd),
    /// A voucher names a donor that does not exist.
    NoDonor(usize),
    /// A list's payment voucher is missing, voided or not a payment.
    BadPayout { list: usize, voucher: usize },
    /// A voucher pays two lists, or one list twice.
    SharedPayout(usize),
    /// A list's voided payout is not a voided payment, or is kept by two lists (or twice).
    BadVoidedPayout { list: usize, voucher: usize },
    /// An awardee's voucher is not among its list's payments, or a payment pays no awardee.
    Unlinked { list: usize, voucher: usize },
    /// A payment's amount is not what its students were given.
    PayoutAmount { list: usize, voucher: usize },
    /// A list's status does not match its payments (paid with students unpaid, or payments
    /// on a list that is not approved).
    PayoutStatus(usize),
    /// A score sheet points at a criteria-set version or subject that does not exist.
    BadSheet(usize),
    /// A decision points at a subject that does not exist.
    BadDecision(usize),
    /// A document points at another document that does not exist.
    BadDocument(usize),
    /// A closed year no longer holds what it held when it was closed.
    ClosedChanged(i32),
}

/// Every rule the book breaks; empty for a sound book.
pub fn violations(book: &Book) -> Vec<Violation> {
    let mut out = Vec::new();
    numbers(book, &mut out);
    let funds = Funds::of(&book.vouchers);
    for (fund, v) in funds.negative(book.settings.enforce_restricted) {
        out.push(Violation::BelowZero(fund, v));
    }
    for (i, v) in book.vouchers.iter().enumerate() {
        if v.body.donor.is_some_and(|d| d >= book.donors.len()) {
            out.push(Violation::NoDonor(i));
        }
    }
    payouts(book, &mut out);
    let l = &book.learning;
    let sets: HashSet<u32> = l.sets.iter().map(|s| s.id).collect();
    for (i, s) in l.sheets.iter().enumerate() {
        if !sets.contains(&s.set) || s.subject >= l.subjects.len() {
            out.push(Violation::BadSheet(i));
        }
    }
    for (i, d) in l.decisions.iter().enumerate() {
        if d.subject >= l.subjects.len() {
            out.push(Violation::BadDecision(i));
        }
    }
    for (i, d) in book.plans.iter().enumerate() {
        let n = book.plans.len();
        if d.bases.iter().any(|&b| b >= n) || d.superseded_by.is_some_and(|s| s >= n) {
            out.push(Violation::BadDocument(i));
        }
    }
    out.extend(crate::model::closing::changed_years(book).into_iter().map(Violation::ClosedChanged));
    out
}

fn numbers(book: &Book, out: &mut Vec<Violation>) {
    let mut seqs: BTreeMap<(Kind, i32), Vec<u32>> = BTreeMap::new();
    let mut seen: HashSet<&str> = HashSet::with_capacity(book.vouchers.len());
    for v in &book.vouchers {
        seqs.entry((v.body.kind, v.year())).or_default().push(v.seq);
        if !seen.insert(v.number.as_str()) {
            out.push(Violation::SameNumber(v.number.to_string()));
        }
    }
    for ((kind, year), mut s) in seqs {
        s.sort_unstable();
        if s.iter().enumerate().any(|(i, &n)| n as usize != i + 1) {
            out.push(Violation::NumberGap { kind, year });
        }
    }
}

fn payouts(book: &Book, out: &mut Vec<Violation>) {
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for (li, l) in book.award_lists.iter().enumerate() {
        for &v in &l.vouchers {
            let ok = book.vouchers.get(v).is_some_and(|x| x.is_live() && x.body.kind == Kind::Payment);
            if !ok {
                out.push(Violation::BadPayout { list: li, voucher: v });
            }
            if owner.insert(v, li).is_some() {
                out.push(Violation::SharedPayout(v));
            }
            let paid: Vnd = l.awardees.iter().filter(|a| a.voucher == Some(v)).map(|a| a.amount).sum();
            if !l.awardees.iter().any(|a| a.voucher == Some(v)) {
                out.push(Violation::Unlinked { list: li, voucher: v });
            } else if book.vouchers.get(v).is_some_and(|x| x.body.amount != paid) {
                out.push(Violation::PayoutAmount { list: li, voucher: v });
            }
        }
        for &v in &l.voided {
            let ok = book.vouchers.get(v).is_some_and(|x| !x.is_live() && x.body.kind == Kind::Payment);
            if !ok || owner.insert(v, li).is_some() {
                out.push(Violation::BadVoidedPayout { list: li, voucher: v });
            }
        }
        for a in &l.awardees {
            if let Some(v) = a.voucher.filter(|v| !l.vouchers.contains(v)) {
                out.push(Violation::Unlinked { list: li, voucher: v });
            }
        }
        let all_paid = l.awardees.iter().all(|a| a.voucher.is_some());
        let status_ok = match l.status {
            ListStatus::Paid => all_paid && !l.awardees.is_empty(),
            ListStatus::Approved => true,
            _ => l.vouchers.is_empty(),
        };
        if !status_ok {
            out.push(Violation::PayoutStatus(li));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_book;

    #[test]
    fn the_demo_book_keeps_every_rule() {
        assert_eq!(violations(&demo_book()), Vec::new());
    }

    #[test]
    fn each_rule_catches_what_it_names() {
        let good = demo_book();
        let first_receipt = good.vouchers.iter().position(|v| v.body.kind == Kind::Receipt).expect("a receipt");
        let mut b = good.clone();
        b.vouchers[first_receipt].seq += 1000;
        assert!(violations(&b).iter().any(|v| matches!(v, Violation::NumberGap { kind: Kind::Receipt, .. })));
        let mut b = good.clone();
        b.vouchers[first_receipt + 1].number = b.vouchers[first_receipt].number.clone();
        assert!(violations(&b).contains(&Violation::SameNumber(b.vouchers[first_receipt].number.to_string())));
        let mut b = good.clone();
        b.vouchers[first_receipt].body.donor = Some(b.donors.len());
        assert!(violations(&b).contains(&Violation::NoDonor(first_receipt)));
        let mut b = good.clone();
        let paid = b.award_lists.iter().position(|l| l.status == ListStatus::Paid).expect("a paid list");
        b.award_lists[paid].awardees[0].voucher = None;
        assert!(violations(&b).contains(&Violation::PayoutStatus(paid)));
        // A voided payout kept by a list must be a voided payment, kept once.
        let mut b = good.clone();
        b.award_lists[paid].voided.push(first_receipt);
        assert!(violations(&b).contains(&Violation::BadVoidedPayout { list: paid, voucher: first_receipt }));
        let mut b = good.clone();
        let live = b.award_lists[paid].vouchers[0];
        b.award_lists[paid].voided.push(live);
        assert!(violations(&b).contains(&Violation::BadVoidedPayout { list: paid, voucher: live }));
        let mut b = good.clone();
        for v in b.vouchers.iter_mut().filter(|v| v.body.kind == Kind::Receipt && v.body.purpose.is_empty()) {
            v.body.amount = Vnd(1);
        }
        assert!(violations(&b).iter().any(|v| matches!(v, Violation::BelowZero(Fund::Unrestricted, _))));
    }
}
