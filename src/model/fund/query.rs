//! The ledger table's filters, search and sort orders over the vouchers.

use crate::model::book::Book;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::Flows;
use crate::model::fund::ledger::{Kind, Voucher};
use crate::model::fund::search::Matcher;
pub use crate::model::fund::search::SearchIndex;
use crate::model::text::{query_words, sort_key};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortCol {
    Number,
    #[default]
    Date,
    Counterparty,
    Description,
    Amount,
    Method,
    Campaign,
    Purpose,
    Category,
}

impl SortCol {
    pub const ALL: [SortCol; 9] = [
        SortCol::Number,
        SortCol::Date,
        SortCol::Counterparty,
        SortCol::Description,
        SortCol::Amount,
        SortCol::Method,
        SortCol::Campaign,
        SortCol::Purpose,
        SortCol::Category,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub year: Option<i32>,
    pub donor_type: Option<DonorType>,
    pub campaign: Option<String>,
    /// `Some("")` is the general fund.
    pub purpose: Option<String>,
    pub kind: Option<Kind>,
    pub query: String,
    pub show_void: bool,
    pub sort: SortCol,
    pub descending: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            year: None,
            donor_type: None,
            campaign: None,
            purpose: None,
            kind: None,
            query: String::new(),
            show_void: true,
            sort: SortCol::Date,
            descending: true,
        }
    }
}

/// The donor type a voucher counts under: its donor's, or "other" when it has none.
pub fn donor_type_of(book: &Book, v: &Voucher) -> DonorType {
    v.body.donor.and_then(|d| book.donors.get(d)).map(|d| d.kind).unwrap_or(DonorType::Other)
}

/// All voucher indices in one column's ascending order (ties by date, then number).
pub fn sort_order(book: &Book, col: SortCol) -> Vec<usize> {
    let vs = &book.vouchers;
    let mut idx: Vec<usize> = (0..vs.len()).collect();
    let by_date = |v: &Voucher| (v.body.date, v.body.kind, v.seq);
    match col {
        SortCol::Date => idx.sort_by_key(|&i| by_date(&vs[i])),
        SortCol::Number => idx.sort_by(|&a, &b| vs[a].number.cmp(&vs[b].number)),
        SortCol::Amount => idx.sort_by_key(|&i| (vs[i].body.amount, by_date(&vs[i]))),
        SortCol::Method => idx.sort_by_key(|&i| (vs[i].body.method, by_date(&vs[i]))),
        SortCol::Category => idx.sort_by_key(|&i| (vs[i].body.kind, vs[i].body.category, by_date(&vs[i]))),
        SortCol::Counterparty => idx.sort_by_cached_key(|&i| (sort_key(&vs[i].body.counterparty), by_date(&vs[i]))),
        SortCol::Description => idx.sort_by_cached_key(|&i| (sort_key(&vs[i].body.description), by_date(&vs[i]))),
        SortCol::Campaign => idx.sort_by_cached_key(|&i| (sort_key(&vs[i].body.campaign), by_date(&vs[i]))),
        SortCol::Purpose => idx.sort_by_cached_key(|&i| (sort_key(&vs[i].body.purpose), by_date(&vs[i]))),
    }
    idx
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub rows: Vec<usize>,
    /// What the live vouchers among them received and paid, cash and in kind apart.
    pub flows: Flows,
}

/// Does voucher `i` pass the filter (`words`: its query)?
fn keeps(book: &Book, f: &Filter, words: &mut Matcher, i: usize) -> bool {
    let Some(v) = book.vouchers.get(i) else { return false };
    let b = &v.body;
    (f.show_void || v.is_live())
        && f.year.is_none_or(|y| v.year() == y)
        && f.kind.is_none_or(|k| b.kind == k)
        && f.campaign.as_ref().is_none_or(|c| &b.campaign == c)
        && f.purpose.as_ref().is_none_or(|p| &b.purpose == p)
        && f.donor_type.is_none_or(|t| b.kind == Kind::Receipt && donor_type_of(book, v) == t)
        && (words.is_empty() || words.matches(i, v))
}

/// The rows of `rows` (in their order) that pass the filter, with the totals of the live
/// vouchers among them.
fn kept(book: &Book, index: &SearchIndex, f: &Filter, rows: impl Iterator<Item = usize>) -> Shown {
    let mut words = Matcher::new(index, query_words(&f.query));
    let mut shown = Shown::default();
    for i in rows.filter(|&i| keeps(book, f, &mut words, i)) {
        if let Some(v) = book.vouchers.get(i) {
            shown.flows.add(v);
        }
        shown.rows.push(i);
    }
    shown
}

/// The rows the table shows, in order, with the totals of live vouchers among them.
/// Walks a precomputed order, so changing the search never re-sorts.
pub fn filter_rows(book: &Book, index: &SearchIndex, order: &[usize], f: &Filter) -> Shown {
    if f.descending {
        kept(book, index, f, order.iter().rev().copied())
    } else {
        kept(book, index, f, order.iter().copied())
    }
}

/// Does `new` only narrow `old`, so that its rows are among `old`'s, in the same order? The
/// same filters and order, and every word of the old search inside a word of the new one
/// (typing on: "nguy" → "nguyen v").
pub fn narrows(old: &Filter, new: &Filter) -> bool {
    let same_rest = Filter { query: String::new(), ..old.clone() } == Filter { query: String::new(), ..new.clone() };
    let new_words = query_words(&new.query);
    same_rest && query_words(&old.query).iter().all(|w| new_words.iter().any(|n| n.contains(w.as_str())))
}

/// The rows for `f` out of the rows shown for a filter it narrows (see `narrows`): the same
/// rows as `filter_rows` gives, without walking the whole book.
pub fn refine(book: &Book, index: &SearchIndex, shown: &[usize], f: &Filter) -> Shown {
    kept(book, index, f, shown.iter().copied())
}

/// Campaign and purpose names in use, for the filter menus and form suggestions.
pub fn distinct(book: &Book, get: impl Fn(&Voucher) -> &str) -> Vec<String> {
    let unique: std::collections::HashSet<&str> = book.vouchers.iter().map(&get).filter(|s| !s.is_empty()).collect();
    let mut out: Vec<String> = unique.into_iter().map(str::to_owned).collect();
    out.sort_by_cached_key(|s| sort_key(s));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::fund::action::FundAction;
    use crate::model::fund::donors::Donor;
    use crate::model::fund::ledger::tests::{day, draft};

    fn sample() -> Book {
        let mut b = Book::default();
        let donor = Donor { name: "Công ty Sao Mai".into(), kind: DonorType::Business, ..Default::default() };
        apply(&mut b, Action::Fund(FundAction::AddDonor(donor))).expect("ok");
        let mut d = draft(Kind::Receipt, day(2024, 5, 1), 300, "");
        d.counterparty = "Nguyễn Văn An".into();
        apply(&mut b, Action::Fund(FundAction::Issue(d))).expect("ok");
        let mut d = draft(Kind::Receipt, day(2025, 2, 1), 100, "Học bổng");
        d.counterparty = "Công ty Sao Mai".into();
        d.donor = Some(0);
        d.campaign = "Tiếp sức đến trường 2025".into();
        apply(&mut b, Action::Fund(FundAction::Issue(d))).expect("ok");
        let mut d = draft(Kind::Payment, day(2025, 3, 1), 50, "Học bổng");
        d.counterparty = "Đặng Thị Ánh".into();
        apply(&mut b, Action::Fund(FundAction::Issue(d))).expect("ok");
        b
    }

    fn rows(b: &Book, f: &Filter) -> Shown {
        filter_rows(b, &SearchIndex::build(b), &sort_order(b, f.sort), f)
    }

    #[test]
    fn typing_on_narrows_and_refining_gives_exactly_the_rows_of_a_full_pass() {
        let b = crate::model::demo::demo_book();
        let index = SearchIndex::build(&b);
        let full = |f: &Filter| filter_rows(&b, &index, &sort_order(&b, f.sort), f);
        let typed = ["", "n", "ng", "nguy", "nguyen", "nguyen v", "nguyen van", "nguyen van a"];
        for (year, descending) in [(None, true), (Some(2025), false)] {
            let mut before = Filter { year, descending, ..Filter::default() };
            let mut shown = full(&before);
            for q in typed {
                let f = Filter { query: q.into(), ..before.clone() };
                assert!(narrows(&before, &f), "«{}» → «{q}»", before.query);
                shown = refine(&b, &index, &shown.rows, &f);
                assert_eq!(shown, full(&f), "«{q}»");
                before = f;
            }
            assert!(!shown.rows.is_empty(), "a name the demo has");
        }
        let f = |q: &str| Filter { query: q.into(), ..Filter::default() };
        assert!(!narrows(&f("nguyen"), &f("ngu")), "a word taken back widens");
        assert!(!narrows(&f("tiep"), &f("hoc bong")), "another search");
        assert!(narrows(&f("van nguyen"), &f("nguyen van")), "the same words in another order");
        assert!(!narrows(&f("ng"), &Filter { year: Some(2025), ..f("nguyen") }), "another filter");
        assert!(!narrows(&f("ng"), &Filter { sort: SortCol::Amount, ..f("nguyen") }), "another order");
    }

    #[test]
    fn search_ignores_diacritics_and_case() {
        let b = sample();
        let f = Filter { query: "nguyen van".into(), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![0]);
        let f = Filter { query: "DANG anh".into(), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![2]);
        let f = Filter { query: "PC-2025".into(), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![2]);
    }

    #[test]
    fn filters_combine_and_totals_follow() {
        let b = sample();
        let f = Filter { year: Some(2025), ..Default::default() };
        let s = rows(&b, &f);
        assert_eq!(s.rows, vec![2, 1], "newest first by default");
        assert_eq!((s.flows.cash_in, s.flows.cash_out), (crate::model::money::Vnd(100), crate::model::money::Vnd(50)));
        let f = Filter { donor_type: Some(DonorType::Business), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![1]);
        let f = Filter { purpose: Some(String::new()), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![0]);
        let f = Filter { kind: Some(Kind::Payment), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![2]);
        let f = Filter { campaign: Some("Tiếp sức đến trường 2025".into()), ..Default::default() };
        assert_eq!(rows(&b, &f).rows, vec![1]);
    }

    #[test]
    fn every_column_sorts() {
        let b = sample();
        for col in SortCol::ALL {
            let f = Filter { sort: col, descending: false, ..Default::default() };
            assert_eq!(rows(&b, &f).rows.len(), 3);
        }
        let by_amount = Filter { sort: SortCol::Amount, descending: false, ..Default::default() };
        assert_eq!(rows(&b, &by_amount).rows, vec![2, 1, 0]);
        // Vietnamese order: C < Đ < N (Đ has its own place after D).
        let by_name = Filter { sort: SortCol::Counterparty, descending: false, ..Default::default() };
        assert_eq!(rows(&b, &by_name).rows, vec![1, 2, 0]);
    }
}
