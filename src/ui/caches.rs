//! Derived figures, rebuilt only when the data revision (or what they depend on) changes.

use crate::model::book::Book;
use crate::model::book::Data;
use crate::model::fund::donors::{lapsed, totals_by_year};
use crate::model::fund::ledger::{YearBalance, cash_balance, purpose_balances, year_balances};
use crate::model::fund::query::{
    Filter, SearchIndex, Shown, SortCol, distinct, filter_rows, narrows, refine, sort_order,
};
use crate::model::fund::stats::{FundStats, fund_stats};
use crate::model::money::Vnd;
use crate::model::text::{fold, name_sort_key, sort_key};
use std::collections::BTreeMap;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Weak};

/// A value derived from the book, kept with the key it was made for (the revision and the
/// selection: a year, a list, a commune). It is read only for that key; asked for another,
/// it is made again. Every per-tab cache is one of these.
pub struct Memo<K, V> {
    made: Option<(K, V)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { made: None }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, made by `make` unless it was made for that key.
    pub fn get(&mut self, key: K, make: impl FnOnce(&K) -> V) -> &mut V {
        if self.made.as_ref().is_some_and(|(k, _)| *k != key) {
            self.made = None;
        }
        &mut self
            .made
            .get_or_insert_with(|| {
                let v = make(&key);
                (key, v)
            })
            .1
    }
}

enum Texts {
    None,
    Pending(Receiver<SearchIndex>),
    Ready(SearchIndex),
}

pub struct Caches {
    rev: u64,
    /// The book these caches were made from, for work on other threads. Weak, so that a
    /// change still edits the book in place instead of copying it.
    book: Weak<Data>,
    /// Folded search text per voucher, built on a background thread after each change.
    texts: Texts,
    order: Memo<SortCol, Vec<usize>>,
    /// The ledger rows of the last filter asked for.
    shown: Option<(Filter, Shown)>,
    stats: Memo<i32, FundStats>,
    pub years: Vec<i32>,
    pub campaigns: Vec<String>,
    pub purposes: Vec<String>,
    pub balance: Vnd,
    pub purpose_balances: BTreeMap<String, Vnd>,
    pub year_balances: Vec<YearBalance>,
    pub donor_totals: BTreeMap<(usize, i32), Vnd>,
    /// Donors in Vietnamese order (people by given name first), with folded names for
    /// search; built when first needed.
    donors: Option<(Vec<usize>, Vec<String>)>,
    lapsed: Memo<i32, Vec<usize>>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            rev: u64::MAX,
            book: Weak::new(),
            texts: Texts::None,
            order: Memo::default(),
            shown: None,
            stats: Memo::default(),
            years: Vec::new(),
            campaigns: Vec::new(),
            purposes: Vec::new(),
            balance: Vnd::ZERO,
            purpose_balances: BTreeMap::new(),
            year_balances: Vec::new(),
            donor_totals: BTreeMap::new(),
            donors: None,
            lapsed: Memo::default(),
        }
    }
}

impl Caches {
    /// The year the fund's views open on: the newest with vouchers, else this one.
    pub fn current_year(&self) -> i32 {
        self.years.last().copied().unwrap_or_else(|| chrono::Datelike::year(&chrono::Local::now()))
    }

    /// The data revision these caches reflect.
    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// The book of that revision, shared, for work on another thread (`None` once it
    /// changed: the caches are made again at the next frame).
    pub fn shared(&self) -> Option<Arc<Data>> {
        self.book.upgrade()
    }

    /// Recomputes what depends on the book alone when the revision moved.
    pub fn refresh(&mut self, data: &Arc<Data>, rev: u64) {
        if rev == self.rev {
            // The same book, perhaps moved: a refused change still takes it out of its shared
            // place (`Arc::make_mut`), which leaves the old handle empty.
            if !std::ptr::eq(self.book.as_ptr(), Arc::as_ptr(data)) {
                self.book = Arc::downgrade(data);
            }
            return;
        }
        let book = &data.book;
        self.rev = rev;
        self.book = Arc::downgrade(data);
        let shared = Arc::clone(data);
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("search-index".into()).spawn(move || {
            let _ = tx.send(SearchIndex::build(&shared.book));
        });
        self.texts = if spawned.is_ok() { Texts::Pending(rx) } else { Texts::None };
        self.order = Memo::default();
        self.shown = None;
        self.stats = Memo::default();
        self.lapsed = Memo::default();
        self.donors = None;
        let vs = &book.vouchers;
        let mut years: Vec<i32> = vs.iter().map(|v| v.year()).collect();
        years.sort_unstable();
        years.dedup();
        self.years = years;
        self.campaigns = distinct(book, |v| &v.body.campaign);
        self.purposes = distinct(book, |v| &v.body.purpose);
        self.balance = cash_balance(vs);
        self.purpose_balances = purpose_balances(vs);
        self.year_balances = year_balances(vs);
        self.donor_totals = totals_by_year(vs);
    }

    fn donor_index(&mut self, book: &Book) -> &(Vec<usize>, Vec<String>) {
        self.donors.get_or_insert_with(|| {
            let mut order: Vec<usize> = (0..book.donors.len()).collect();
            order.sort_by_cached_key(|&i| {
                let d = &book.donors[i];
                if d.kind == crate::model::fund::donors::DonorType::Individual {
                    name_sort_key(&d.name)
                } else {
                    sort_key(&d.name)
                }
            });
            (order, book.donors.iter().map(|d| fold(&d.name)).collect())
        })
    }

    pub fn donor_order(&mut self, book: &Book) -> &[usize] {
        &self.donor_index(book).0
    }

    /// The ledger rows for a filter; sorting happens once per column and revision, and a
    /// search typed on looks only among the rows the shorter one found.
    pub fn shown(&mut self, book: &Book, filter: &Filter) -> &Shown {
        if self.shown.as_ref().is_none_or(|(f, _)| f != filter) {
            let before = self.shown.take();
            if !filter.query.trim().is_empty() {
                // Usually ready long before the first keystroke; otherwise wait for it.
                self.texts = match std::mem::replace(&mut self.texts, Texts::None) {
                    Texts::Pending(rx) => rx.recv().map(Texts::Ready).unwrap_or(Texts::None),
                    Texts::None => Texts::Ready(SearchIndex::build(book)),
                    ready => ready,
                };
            }
            let empty = SearchIndex::default();
            let index = match &self.texts {
                Texts::Ready(t) => t,
                _ => &empty,
            };
            let shown = match before {
                Some((old, rows)) if narrows(&old, filter) => refine(book, index, &rows.rows, filter),
                _ => filter_rows(book, index, self.order.get(filter.sort, |&col| sort_order(book, col)), filter),
            };
            self.shown = Some((filter.clone(), shown));
        }
        &self.shown.get_or_insert_with(|| (filter.clone(), Shown::default())).1
    }

    pub fn stats(&mut self, book: &Book, year: i32) -> &FundStats {
        self.stats.get(year, |&year| fund_stats(book, year, 10))
    }

    pub fn lapsed(&mut self, book: &Book, year: i32) -> &[usize] {
        self.lapsed.get(year, |&year| lapsed(&book.vouchers, year))
    }

    /// Donors whose folded name contains every word of the query, in list order.
    pub fn find_donors(&mut self, book: &Book, query: &str, limit: usize) -> Vec<usize> {
        let words = crate::model::text::query_words(query);
        let (order, folded) = self.donor_index(book);
        order
            .iter()
            .copied()
            .filter(|&i| folded.get(i).is_some_and(|f| crate::model::text::matches_query(f, &words)))
            .take(limit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn a_memo_is_read_only_for_the_key_it_was_made_for() {
        let mut memo: Memo<(u64, usize), Vec<usize>> = Memo::default();
        let mut made = 0;
        let mut make = |&(rev, list): &(u64, usize)| {
            made += 1;
            vec![rev as usize, list]
        };
        assert_eq!(memo.get((1, 7), &mut make), &vec![1, 7]);
        assert_eq!(memo.get((1, 7), &mut make), &vec![1, 7], "the same key reads what was made");
        assert_eq!(memo.get((1, 8), &mut make), &vec![1, 8], "another list is made for that list");
        assert_eq!(memo.get((2, 8), &mut make), &vec![2, 8], "another revision is made again");
        assert_eq!(made, 3);
    }

    #[test]
    fn the_shared_book_follows_the_book_when_a_refused_change_moved_it() {
        use crate::model::book::Data;
        use std::sync::Arc;
        let mut data = Arc::new(Data::new(crate::model::book::Book::default()));
        let mut caches = super::Caches::default();
        caches.refresh(&data, 1);
        assert!(caches.shared().is_some());
        // What a refused change does: takes the book for writing, then changes nothing.
        // (The old handle is then empty, or holds the book as it was while the search index is
        // still being built from it.)
        let _ = Arc::make_mut(&mut data);
        caches.refresh(&data, 1);
        assert!(caches.shared().is_some_and(|d| Arc::ptr_eq(&d, &data)), "work on other threads can start");
    }
}
