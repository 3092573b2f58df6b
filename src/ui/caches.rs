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
use crate::ui::work::{Work, drop_elsewhere};
use std::collections::BTreeMap;
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

/// Books with fewer vouchers have their figures worked out in the frame (well under a
/// millisecond); larger ones, after a change, on their own thread.
const DERIVE_IN_FRAME: usize = 10_000;

/// What ledger rows are made for: the revision and the filter.
type RowsKey = (u64, Filter);
/// A column's order and the rows shown in it.
type SortedRows = (Arc<Vec<usize>>, Shown);

/// No rows (before any are worked out).
static EMPTY: Shown = Shown {
    rows: Vec::new(),
    flows: crate::model::fund::ledger::Flows {
        cash_in: Vnd::ZERO,
        in_kind_in: Vnd::ZERO,
        cash_out: Vnd::ZERO,
        in_kind_out: Vnd::ZERO,
    },
};

/// What the views read of the whole fund, worked out once per change.
struct Derived {
    years: Vec<i32>,
    campaigns: Vec<String>,
    purposes: Vec<String>,
    balance: Vnd,
    purpose_balances: BTreeMap<String, Vnd>,
    year_balances: Vec<YearBalance>,
    donor_totals: BTreeMap<(usize, i32), Vnd>,
}

fn derive(book: &Book) -> Derived {
    let vs = &book.vouchers;
    let mut years: Vec<i32> = vs.iter().map(|v| v.year()).collect();
    years.sort_unstable();
    years.dedup();
    Derived {
        years,
        campaigns: distinct(book, |v| &v.body.campaign),
        purposes: distinct(book, |v| &v.body.purpose),
        balance: cash_balance(vs),
        purpose_balances: purpose_balances(vs),
        year_balances: year_balances(vs),
        donor_totals: totals_by_year(vs),
    }
}

/// The ledger rows for `f`: among `from` when it narrows theirs (see `Caches::narrowed_from`),
/// else walking the column's order.
fn rows_for(book: &Book, index: &SearchIndex, order: &[usize], from: Option<&Shown>, f: &Filter) -> Shown {
    match from {
        Some(rows) => refine(book, index, &rows.rows, f),
        None => filter_rows(book, index, order, f),
    }
}

enum Texts {
    None,
    Pending(Work<SearchIndex>),
    Ready(Arc<SearchIndex>),
}

pub struct Caches {
    rev: u64,
    /// The book these caches were made from, for work on other threads. Weak, so that a
    /// change still edits the book in place instead of copying it.
    book: Weak<Data>,
    /// Folded search text per voucher, built on a background thread after each change.
    texts: Texts,
    /// The vouchers in one column's order, for the revision.
    order: Option<(SortCol, Arc<Vec<usize>>)>,
    /// The ledger rows of the last filter asked for, with the revision they were made for.
    shown: Option<(RowsKey, Arc<Shown>)>,
    /// Rows of a large book being worked out on their own thread, and what for.
    showing: Option<(RowsKey, Work<SortedRows>)>,
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
    /// The figures of a large book after a change, being worked out.
    deriving: Option<Work<Derived>>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            rev: u64::MAX,
            book: Weak::new(),
            texts: Texts::None,
            order: None,
            shown: None,
            showing: None,
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
            deriving: None,
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
    pub fn refresh(&mut self, ctx: &egui::Context, data: &Arc<Data>, rev: u64) {
        if rev == self.rev {
            // The same book, perhaps moved: a refused change still takes it out of its shared
            // place (`Arc::make_mut`), which leaves the old handle empty.
            if !std::ptr::eq(self.book.as_ptr(), Arc::as_ptr(data)) {
                self.book = Arc::downgrade(data);
            }
            return;
        }
        let book = &data.book;
        let first = self.rev == u64::MAX;
        self.rev = rev;
        self.book = Arc::downgrade(data);
        let shared = Arc::clone(data);
        self.texts = Texts::Pending(Work::long(ctx, move || SearchIndex::build(&shared.book)));
        // The rows shown stay until those of this book are ready (see `shown`).
        self.showing = None;
        self.stats = Memo::default();
        self.lapsed = Memo::default();
        // What is large is freed off the window's thread.
        drop_elsewhere((self.donors.take(), self.order.take(), self.deriving.take()));
        // A large book after a change: on its own thread, the figures before shown meanwhile
        // (a frame or two); the first book, and a small one, at once.
        if first || book.vouchers.len() < DERIVE_IN_FRAME {
            self.set(derive(book));
        } else {
            let shared = Arc::clone(data);
            self.deriving = Some(Work::quick(ctx, move || derive(&shared.book)));
        }
    }

    /// Takes in the figures worked out on another thread once they are ready (until then the
    /// fund's figures are those of the book before).
    pub fn poll(&mut self) {
        let Some(done) = self.deriving.as_ref().and_then(Work::poll) else { return };
        self.deriving = None;
        match done {
            Some(d) => self.set(d),
            // The thread died: worked out here instead.
            None => {
                if let Some(data) = self.shared() {
                    self.set(derive(&data.book));
                }
            }
        }
    }

    fn set(&mut self, d: Derived) {
        let Derived { years, campaigns, purposes, balance, purpose_balances, year_balances, donor_totals } = d;
        self.years = years;
        self.campaigns = campaigns;
        self.purposes = purposes;
        self.balance = balance;
        self.purpose_balances = purpose_balances;
        self.year_balances = year_balances;
        // The old totals (a node per donor and year) are freed off the window's thread.
        drop_elsewhere(std::mem::replace(&mut self.donor_totals, donor_totals));
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

    /// The search index, once built (waiting for it with `wait`).
    fn index(&mut self, book: &Book, wait: bool) -> Option<Arc<SearchIndex>> {
        self.texts = match std::mem::replace(&mut self.texts, Texts::None) {
            Texts::Pending(work) if wait => work.wait().map(|t| Texts::Ready(Arc::new(t))).unwrap_or(Texts::None),
            Texts::Pending(work) => match work.poll() {
                Some(Some(t)) => Texts::Ready(Arc::new(t)),
                Some(None) => Texts::None,
                None => Texts::Pending(work),
            },
            Texts::None if wait => Texts::Ready(Arc::new(SearchIndex::build(book))),
            other => other,
        };
        match &self.texts {
            Texts::Ready(t) => Some(Arc::clone(t)),
            _ => None,
        }
    }

    /// The vouchers in `col`'s order, sorted once per column and revision.
    fn order(&mut self, book: &Book, col: SortCol) -> Arc<Vec<usize>> {
        match &self.order {
            Some((c, order)) if *c == col => Arc::clone(order),
            _ => {
                let order = Arc::new(sort_order(book, col));
                self.order = Some((col, Arc::clone(&order)));
                order
            }
        }
    }

    /// The rows shown last (none before the first).
    fn rows(&self) -> &Shown {
        self.shown.as_ref().map_or(&EMPTY, |(_, s)| s)
    }

    /// The rows shown last, when `filter` only narrows theirs in this revision: the new rows
    /// are among them (see `query::narrows`).
    fn narrowed_from(&self, filter: &Filter) -> Option<Arc<Shown>> {
        let ((rev, old), rows) = self.shown.as_ref()?;
        (*rev == self.rev && narrows(old, filter)).then(|| Arc::clone(rows))
    }

    /// The ledger rows for a filter, worked out now: sorting happens once per column and
    /// revision, and a search typed on looks only among the rows the shorter one found.
    pub fn shown_now(&mut self, book: &Book, filter: &Filter) -> &Shown {
        let key = (self.rev, filter.clone());
        if self.shown.as_ref().is_none_or(|(k, _)| *k != key) {
            let index = if filter.query.trim().is_empty() { None } else { self.index(book, true) };
            let from = self.narrowed_from(filter);
            let order = self.order(book, filter.sort);
            let shown = rows_for(book, &index.unwrap_or_default(), &order, from.as_deref(), filter);
            self.showing = None;
            self.shown = Some((key, Arc::new(shown)));
        }
        self.rows()
    }

    /// The ledger rows for a filter, and whether they are still those of the book before
    /// (or of the filter before) while the new ones are worked out. A large book after a
    /// change, or a new search in it, is worked out on its own thread; a small one, and the
    /// first rows, at once (`shown_now`).
    pub fn shown(&mut self, ctx: &egui::Context, book: &Book, filter: &Filter) -> (&Shown, bool) {
        let key = (self.rev, filter.clone());
        if self.shown.as_ref().is_some_and(|(k, _)| *k == key) {
            return (self.rows(), false);
        }
        if let Some((k, work)) = &self.showing
            && *k == key
        {
            match work.poll() {
                None => return (self.rows(), true),
                Some(Some((order, shown))) => {
                    self.order = Some((filter.sort, order));
                    self.showing = None;
                    self.shown = Some((key, Arc::new(shown)));
                    return (self.rows(), false);
                }
                // The thread died: worked out here.
                Some(None) => self.showing = None,
            }
        }
        let large = book.vouchers.len() >= DERIVE_IN_FRAME && self.shown.is_some();
        let searching = !filter.query.trim().is_empty();
        let index = if large && searching { self.index(book, false) } else { None };
        match (large, self.shared()) {
            (true, Some(data)) if !searching || index.is_some() => {
                let index = index.unwrap_or_default();
                let col = filter.sort;
                let order = self.order.as_ref().filter(|(c, _)| *c == col).map(|(_, o)| Arc::clone(o));
                let from = self.narrowed_from(filter);
                let f = filter.clone();
                let work = Work::quick(ctx, move || {
                    let book = &data.book;
                    let order = order.unwrap_or_else(|| Arc::new(sort_order(book, col)));
                    let shown = rows_for(book, &index, &order, from.as_deref(), &f);
                    (order, shown)
                });
                self.showing = Some((key, work));
                (self.rows(), true)
            }
            // The index is still being built: the rows before, until it is there.
            (true, Some(_)) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(20));
                (self.rows(), true)
            }
            _ => (self.shown_now(book, filter), false),
        }
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
        caches.refresh(&egui::Context::default(), &data, 1);
        assert!(caches.shared().is_some());
        // What a refused change does: takes the book for writing, then changes nothing.
        // (The old handle is then empty, or holds the book as it was while the search index is
        // still being built from it.)
        let _ = Arc::make_mut(&mut data);
        caches.refresh(&egui::Context::default(), &data, 1);
        assert!(caches.shared().is_some_and(|d| Arc::ptr_eq(&d, &data)), "work on other threads can start");
    }
}
