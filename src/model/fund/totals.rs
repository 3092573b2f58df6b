//! The fund's figures as every screen names them, each computed here once:
//! - *thu bằng tiền* (cash received: cash and bank transfers),
//! - *hiện vật* (gifts in kind, at their value), received and handed out,
//! - *tổng đóng góp* (contributions: cash received and in kind together),
//! - *chi bằng tiền* (cash paid), which with cash received moves the *số dư quỹ* (balance).
//!
//! And who gave: a receipt's giver is its donor when it names one, otherwise the name typed
//! on it, so that the chart of top donors and the NĐ 93 disclosure count a donor the same.

use crate::model::book::Book;
use crate::model::fund::ledger::{Flows, Kind, Method, Voucher};
use crate::model::money::Vnd;
use crate::model::text::fold;
use std::collections::HashMap;

/// The flows of a calendar year.
pub fn year_flows(book: &Book, year: i32) -> Flows {
    Flows::of(book.vouchers.iter().filter(|v| v.year() == year))
}

/// Contributions per month of a year (January first).
pub fn monthly_contributions(book: &Book, year: i32) -> [Vnd; 12] {
    let mut months = [Vnd::ZERO; 12];
    for v in book.vouchers.iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt && v.year() == year) {
        months[chrono::Datelike::month0(&v.body.date) as usize] += v.body.amount;
    }
    months
}

/// Contributions of a year up to and including a day (the overview's "so far").
pub fn contributions_to(book: &Book, day: chrono::NaiveDate) -> Vnd {
    let year = chrono::Datelike::year(&day);
    Flows::of(book.vouchers.iter().filter(|v| v.year() == year && v.body.date <= day)).contributions()
}

/// A receipt's giver: the key that tells givers apart (the folded name) and the name shown.
pub fn giver<'a>(book: &'a Book, v: &'a Voucher) -> (String, &'a str) {
    let name = match v.body.donor.and_then(|d| book.donors.get(d)) {
        Some(d) => d.name.as_str(),
        None => v.body.counterparty.as_str(),
    };
    (fold(name), name)
}

/// What one giver gave in a span of receipts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Given {
    pub key: String,
    pub name: String,
    pub vouchers: usize,
    pub cash: Vnd,
    pub in_kind: Vnd,
}

impl Given {
    pub fn total(&self) -> Vnd {
        self.cash + self.in_kind
    }
}

/// The givers of the live receipts among `vouchers`, largest total first (then by name).
pub fn givers<'a>(book: &'a Book, vouchers: impl IntoIterator<Item = &'a Voucher>) -> Vec<Given> {
    let mut by: HashMap<String, Given> = HashMap::new();
    for v in vouchers.into_iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt) {
        let (key, name) = giver(book, v);
        let g = by.entry(key.clone()).or_insert_with(|| Given { key, name: name.to_owned(), ..Given::default() });
        g.vouchers += 1;
        if v.body.method == Method::InKind {
            g.in_kind += v.body.amount;
        } else {
            g.cash += v.body.amount;
        }
    }
    let mut out: Vec<Given> = by.into_values().collect();
    out.sort_by(|a, b| b.total().cmp(&a.total()).then_with(|| a.name.cmp(&b.name)));
    out
}
