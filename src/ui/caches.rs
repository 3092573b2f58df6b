//! Derived figures, rebuilt only when the data revision (or what they depend on) changes.

use crate::model::book::Book;
use crate::model::donors::{lapsed, totals_by_year};
use crate::model::ledger::{YearBalance, cash_balance, purpose_balances, year_balances};
use crate::model::money::Vnd;
use crate::model::query::{Filter, Shown, SortCol, distinct, filter_rows, search_texts, sort_order};
use crate::model::stats::{FundStats, fund_stats};
use crate::model::text::{fold, name_sort_key, sort_key};
use std::collections::BTreeMap;

pub struct Caches {
    rev: u64,
    texts: Option<Vec<String>>,
    order: Option<(SortCol, Vec<usize>)>,
    shown: Option<(Filter, Shown)>,
    stats: Option<(i32, FundStats)>,
    pub years: Vec<i32>,
    pub campaigns: Vec<String>,
    pub purposes: Vec<String>,
    pub balance: Vnd,
    pub purpose_balances: BTreeMap<String, Vnd>,
    pub year_balances: Vec<YearBalance>,
    pub donor_totals: BTreeMap<(usize, i32), Vnd>,
    /// Donors in Vietnamese order (people by given name first), with folded names for search.
    pub donor_order: Vec<usize>,
    pub donor_folded: Vec<String>,
    lapsed: Option<(i32, Vec<usize>)>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            rev: u64::MAX,
            texts: None,
            order: None,
            shown: None,
            stats: None,
            years: Vec::new(),
            campaigns: Vec::new(),
            purposes: Vec::new(),
            balance: Vnd::ZERO,
            purpose_balances: BTreeMap::new(),
            year_balances: Vec::new(),
            donor_totals: BTreeMap::new(),
            donor_order: Vec::new(),
            donor_folded: Vec::new(),
            lapsed: None,
        }
    }
}

impl Caches {
    /// The data revision these caches reflect.
    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// Recomputes what depends on the book alone when the revision moved.
    pub fn refresh(&mut self, book: &Book, rev: u64) {
        if rev == self.rev {
            return;
        }
        self.rev = rev;
        self.texts = None;
        self.order = None;
        self.shown = None;
        self.stats = None;
        self.lapsed = None;
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
        let mut order: Vec<usize> = (0..book.donors.len()).collect();
        order.sort_by_cached_key(|&i| {
            let d = &book.donors[i];
            if d.kind == crate::model::donors::DonorType::Individual {
                name_sort_key(&d.name)
            } else {
                sort_key(&d.name)
            }
        });
        self.donor_order = order;
        self.donor_folded = book.donors.iter().map(|d| fold(&d.name)).collect();
    }

    /// The ledger rows for a filter; sorting happens once per column and revision.
    pub fn shown(&mut self, book: &Book, filter: &Filter) -> &Shown {
        let fresh = self.shown.as_ref().is_some_and(|(f, _)| f == filter);
        if !fresh {
            if self.order.as_ref().is_none_or(|(c, _)| *c != filter.sort) {
                self.order = Some((filter.sort, sort_order(book, filter.sort)));
            }
            if !filter.query.trim().is_empty() && self.texts.is_none() {
                self.texts = Some(search_texts(book));
            }
            let order = self.order.as_ref().map(|(_, o)| o.as_slice()).unwrap_or(&[]);
            let texts = self.texts.as_deref().unwrap_or(&[]);
            self.shown = Some((filter.clone(), filter_rows(book, texts, order, filter)));
        }
        match &self.shown {
            Some((_, s)) => s,
            None => unreachable!("set above"),
        }
    }

    pub fn stats(&mut self, book: &Book, year: i32) -> &FundStats {
        if self.stats.as_ref().is_none_or(|(y, _)| *y != year) {
            self.stats = Some((year, fund_stats(book, year, 10)));
        }
        match &self.stats {
            Some((_, s)) => s,
            None => unreachable!("set above"),
        }
    }

    pub fn lapsed(&mut self, book: &Book, year: i32) -> &[usize] {
        if self.lapsed.as_ref().is_none_or(|(y, _)| *y != year) {
            self.lapsed = Some((year, lapsed(&book.vouchers, year)));
        }
        self.lapsed.as_ref().map(|(_, l)| l.as_slice()).unwrap_or(&[])
    }

    /// Donors whose folded name contains every word of the query, in list order.
    pub fn find_donors(&self, query: &str, limit: usize) -> Vec<usize> {
        let words = crate::model::text::query_words(query);
        self.donor_order
            .iter()
            .copied()
            .filter(|&i| self.donor_folded.get(i).is_some_and(|f| crate::model::text::matches_query(f, &words)))
            .take(limit)
            .collect()
    }
}
