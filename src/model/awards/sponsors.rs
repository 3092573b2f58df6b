//! Who paid for a year's award lists, without counting a list twice. A list that names several
//! sponsors is split by what each gave in cash that year (receipts from the giver of that name,
//! `fund::totals::giver`), each sponsor's gifts used up list by list in the book's order; what
//! the sponsors' gifts do not cover is the general fund's. When none of a list's sponsors gave
//! anything recorded in the book that year, the list is split evenly among them. The shares of
//! a list always add up to its total, to the đồng.

use crate::model::awards::AwardList;
use crate::model::book::Book;
use crate::model::fund::totals::{Given, givers};
use crate::model::money::Vnd;
use crate::model::text::fold;
use std::collections::HashMap;

/// One sponsor's part of one list. `sponsor` is empty for the general fund.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub list: usize,
    pub sponsor: String,
    pub amount: Vnd,
    /// The list's students (all of them: a student is not divided).
    pub students: usize,
    /// More than one share pays for this list.
    pub shared: bool,
}

/// `total` split in proportion to `weights` (largest remainder: the parts add up to `total`).
fn split(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|&w| i128::from(w.max(0))).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<(i64, i128)> = weights
        .iter()
        .map(|&w| {
            let p = i128::from(total) * i128::from(w.max(0));
            ((p / sum) as i64, p % sum)
        })
        .collect();
    let mut parts: Vec<i64> = exact.iter().map(|e| e.0).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for i in order.into_iter().cycle().take(weights.len() * 2) {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// The sponsors a list names, once each (by folded name), as written.
fn names(l: &AwardList) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    l.sponsor_names().into_iter().filter(|n| seen.insert(fold(n))).collect()
}

/// Every share of the year's counted lists (approved or paid), list by list.
pub fn shares(book: &Book, year: i32) -> Vec<Share> {
    let given: Vec<Given> = givers(book, book.vouchers.iter().filter(|v| v.year() == year));
    let mut left: HashMap<String, i64> = given.iter().map(|g| (g.key.clone(), g.cash.0)).collect();
    let mut out = Vec::new();
    for (i, l) in book.award_lists.iter().enumerate().filter(|(_, l)| l.year == year && l.status.counts()) {
        let total = l.total().0;
        let sponsors = names(l);
        let students = l.awardees.len();
        let mut parts: Vec<(String, i64)> = Vec::new();
        let avail: Vec<i64> = sponsors.iter().map(|s| left.get(&fold(s)).copied().unwrap_or(0)).collect();
        let gave_at_all = sponsors.iter().any(|s| given.iter().any(|g| g.key == fold(s) && g.cash.0 > 0));
        if sponsors.is_empty() {
            parts.push((String::new(), total));
        } else if !gave_at_all {
            let even = split(total, &vec![1; sponsors.len()]);
            parts.extend(sponsors.iter().cloned().zip(even));
        } else {
            let covered = total.min(avail.iter().sum());
            for ((s, part), a) in sponsors.iter().zip(split(covered, &avail)).zip(&avail) {
                if *a > 0 {
                    if let Some(x) = left.get_mut(&fold(s)) {
                        *x -= part;
                    }
                    parts.push((s.clone(), part));
                }
            }
            if total > covered {
                parts.push((String::new(), total - covered));
            }
        }
        let shared = parts.len() > 1;
        out.extend(parts.into_iter().map(|(sponsor, amount)| Share {
            list: i,
            sponsor,
            amount: Vnd(amount),
            students,
            shared,
        }));
    }
    out
}

/// One row per sponsor (the general fund as an empty name): its shares added up, the students
/// of the lists it paid for, and whether any of them was shared. Sorted by name.
pub fn by_sponsor(shares: &[Share]) -> Vec<(String, usize, Vnd, bool)> {
    let mut rows: std::collections::BTreeMap<String, (String, usize, Vnd, bool)> = Default::default();
    for s in shares {
        let r = rows.entry(fold(&s.sponsor)).or_insert_with(|| (s.sponsor.clone(), 0, Vnd::ZERO, false));
        r.1 += s.students;
        r.2 += s.amount;
        r.3 |= s.shared;
    }
    rows.into_values().collect()
}

/// A list a sponsor paid for: its title, total, the sponsor's share, and who else paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funded {
    pub title: String,
    pub total: Vnd,
    pub share: Vnd,
    pub students: usize,
    pub with: Vec<String>,
}

/// What a sponsor gave in a year and what its gifts paid for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SponsorStatement {
    /// Its receipts of the year, cash and in kind apart.
    pub given: Given,
    /// Its share of the counted lists (the same figure as its row of `by_sponsor`).
    pub funded: Vnd,
    pub lists: Vec<Funded>,
    /// The students of those lists: name, list title, amount awarded.
    pub students: Vec<(String, String, Vnd)>,
}

pub fn statement(book: &Book, sponsor: &str, year: i32) -> SponsorStatement {
    let key = fold(sponsor);
    let given = givers(book, book.vouchers.iter().filter(|v| v.year() == year))
        .into_iter()
        .find(|g| g.key == key)
        .unwrap_or_default();
    let all = shares(book, year);
    let mut st = SponsorStatement { given, ..SponsorStatement::default() };
    for s in all.iter().filter(|s| fold(&s.sponsor) == key) {
        let Some(l) = book.award_lists.get(s.list) else { continue };
        let with = all.iter().filter(|o| o.list == s.list && fold(&o.sponsor) != key).map(|o| o.sponsor.clone());
        st.funded += s.amount;
        st.lists.push(Funded {
            title: l.title.clone(),
            total: l.total(),
            share: s.amount,
            students: s.students,
            with: with.collect(),
        });
        st.students.extend(l.awardees.iter().map(|a| (a.name.clone(), l.title.clone(), a.amount)));
    }
    st.students.sort_by_cached_key(|s| crate::model::text::name_sort_key(&s.0));
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::ListStatus;
    use crate::model::awards::tests::{list, student};
    use crate::model::awards::{Prize, totals_by};
    use crate::model::fund::ledger::tests::{day, draft};
    use crate::model::fund::ledger::{Kind, Method, Voucher};
    use proptest::prelude::*;

    fn receipt(name: &str, amount: i64, method: Method) -> Voucher {
        let mut body = draft(Kind::Receipt, day(2025, 3, 1), amount, "");
        body.counterparty = name.into();
        body.method = method;
        Voucher { number: Default::default(), seq: 0, body, void: None }
    }

    fn paid(title: &str, sponsors: &str, amounts: &[i64]) -> AwardList {
        let mut l = list(title, amounts.iter().map(|&a| student("Hà An", Prize::First, a)).collect());
        l.year = 2025;
        l.sponsors = sponsors.into();
        l.status = ListStatus::Paid;
        l
    }

    #[test]
    fn two_sponsors_split_a_list_by_what_each_gave() {
        let mut b = Book::default();
        b.vouchers.push(receipt("Công ty Sao Mai", 53_000_000, Method::Cash));
        b.vouchers.push(receipt("Quỹ Hy vọng", 40_000_000, Method::Bank));
        b.vouchers.push(receipt("Quỹ Hy vọng", 9_000_000, Method::InKind));
        b.award_lists.push(paid("Tiếp sức", "Quỹ Hy vọng, Công ty Sao Mai", &[60_000_000, 59_816_000]));
        let s = shares(&b, 2025);
        let parts: Vec<(&str, i64)> = s.iter().map(|s| (s.sponsor.as_str(), s.amount.0)).collect();
        assert_eq!(parts, [("Quỹ Hy vọng", 40_000_000), ("Công ty Sao Mai", 53_000_000), ("", 26_816_000)]);
        assert!(s.iter().all(|s| s.shared && s.students == 2));
        let st = statement(&b, "công ty sao mai", 2025);
        assert_eq!((st.given.cash, st.funded, st.students.len()), (Vnd(53_000_000), Vnd(53_000_000), 2));
        assert_eq!(st.lists[0].with, ["Quỹ Hy vọng", ""]);
        let hope = statement(&b, "Quỹ Hy vọng", 2025);
        assert_eq!(
            (hope.given.cash, hope.given.in_kind, hope.funded),
            (Vnd(40_000_000), Vnd(9_000_000), Vnd(40_000_000))
        );
    }

    #[test]
    fn gifts_larger_than_the_list_are_split_in_proportion_and_used_up_list_by_list() {
        let mut b = Book::default();
        b.vouchers.push(receipt("A", 300, Method::Cash));
        b.vouchers.push(receipt("B", 100, Method::Cash));
        b.award_lists.push(paid("Một", "A, B", &[200]));
        b.award_lists.push(paid("Hai", "A; B", &[250]));
        let s = shares(&b, 2025);
        let parts: Vec<(usize, &str, i64)> = s.iter().map(|s| (s.list, s.sponsor.as_str(), s.amount.0)).collect();
        assert_eq!(parts, [(0, "A", 150), (0, "B", 50), (1, "A", 150), (1, "B", 50), (1, "", 50)]);
    }

    #[test]
    fn sponsors_with_nothing_recorded_share_evenly_and_a_list_without_sponsors_is_the_funds() {
        let mut b = Book::default();
        b.award_lists.push(paid("Một", "A, B, C", &[100]));
        b.award_lists.push(paid("Hai", "", &[70]));
        let mut draft = paid("Nháp", "A", &[1_000]);
        draft.status = ListStatus::Draft;
        b.award_lists.push(draft);
        let rows = by_sponsor(&shares(&b, 2025));
        let got: Vec<(&str, usize, i64, bool)> = rows.iter().map(|r| (r.0.as_str(), r.1, r.2.0, r.3)).collect();
        assert_eq!(got, [("", 1, 70, false), ("A", 1, 34, true), ("B", 1, 33, true), ("C", 1, 33, true)]);
    }

    fn book_of(gifts: &[(u8, i64)], lists: &[(Vec<u8>, Vec<i64>)]) -> Book {
        let mut b = Book::default();
        for &(who, amount) in gifts {
            b.vouchers.push(receipt(&format!("NTT {who}"), amount, Method::Cash));
        }
        for (k, (who, amounts)) in lists.iter().enumerate() {
            let names: Vec<String> = who.iter().map(|w| format!("NTT {w}")).collect();
            b.award_lists.push(paid(&format!("DS {k}"), &names.join(", "), amounts));
        }
        b
    }

    proptest! {
        #[test]
        fn shares_add_up_to_the_lists_and_never_spend_more_than_was_given(
            gifts in prop::collection::vec((0u8..4, 0i64..5_000_000), 0..6),
            lists in prop::collection::vec(
                (prop::collection::vec(0u8..5, 0..4), prop::collection::vec(0i64..3_000_000, 0..5)),
                0..5,
            ),
        ) {
            let b = book_of(&gifts, &lists);
            let s = shares(&b, 2025);
            let total: Vnd = b.award_lists.iter().map(|l| l.total()).sum();
            prop_assert_eq!(s.iter().map(|s| s.amount).sum::<Vnd>(), total);
            let counted: Vnd = totals_by(&b, 2025, |_, _| vec![()]).iter().map(|r| r.2).sum();
            prop_assert_eq!(counted, total, "the same lists as every other award figure");
            for (i, l) in b.award_lists.iter().enumerate() {
                prop_assert_eq!(s.iter().filter(|s| s.list == i).map(|s| s.amount).sum::<Vnd>(), l.total());
            }
            for s in &s {
                prop_assert!(s.amount.0 >= 0);
            }
            for (who, _) in &gifts {
                let name = format!("NTT {who}");
                let gave: i64 = gifts.iter().filter(|g| g.0 == *who).map(|g| g.1).sum();
                let st = statement(&b, &name, 2025);
                if gave > 0 {
                    prop_assert!(st.funded.0 <= gave, "{} funded {} of {}", name, st.funded.0, gave);
                }
            }
        }
    }
}
