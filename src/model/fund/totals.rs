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
    (crate::model::fund::donors::name_key(name), name)
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

/// A campaign (đợt vận động) as receipts name it: when its receipts fall, what has come in,
/// cash and in kind apart, and its target if one is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Campaign {
    pub name: String,
    pub first: Option<chrono::NaiveDate>,
    pub last: Option<chrono::NaiveDate>,
    pub receipts: usize,
    pub cash: Vnd,
    pub in_kind: Vnd,
    pub target: Option<Vnd>,
}

impl Campaign {
    pub fn total(&self) -> Vnd {
        self.cash + self.in_kind
    }

    /// Contributions against the target, in tenths of a per cent (733 = 73,3 %).
    pub fn permille(&self) -> Option<i64> {
        let t = self.target?.0;
        (t > 0).then(|| (i128::from(self.total().0) * 1000 / i128::from(t)) as i64)
    }
}

/// Every campaign named on a live receipt or given a target, the latest first. Campaigns are
/// told apart as written (after NFC and spaces), like the ledger's campaign filter.
pub fn campaigns(book: &Book) -> Vec<Campaign> {
    let mut by: std::collections::BTreeMap<&str, Campaign> = Default::default();
    for v in book.vouchers.iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt) {
        let name = v.body.campaign.as_str();
        if name.is_empty() {
            continue;
        }
        let c = by.entry(name).or_insert_with(|| Campaign { name: name.to_owned(), ..Campaign::default() });
        c.receipts += 1;
        if v.body.method == Method::InKind {
            c.in_kind += v.body.amount;
        } else {
            c.cash += v.body.amount;
        }
        let d = v.body.date;
        c.first = Some(c.first.map_or(d, |f| f.min(d)));
        c.last = Some(c.last.map_or(d, |l| l.max(d)));
    }
    for (name, target) in &book.settings.campaign_targets {
        by.entry(name).or_insert_with(|| Campaign { name: name.clone(), ..Campaign::default() }).target = Some(*target);
    }
    let mut out: Vec<Campaign> = by.into_values().collect();
    out.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::error::ActionError;
    use crate::model::fund::action::FundAction;
    use crate::model::fund::ledger::tests::{day, draft};

    fn receipt(campaign: &str, amount: i64, method: Method, date: chrono::NaiveDate) -> Voucher {
        let mut body = draft(Kind::Receipt, date, amount, "");
        body.campaign = campaign.into();
        body.method = method;
        Voucher { number: Default::default(), seq: 0, body, void: None }
    }

    #[test]
    fn a_campaign_shows_its_target_and_what_came_in_cash_and_in_kind_apart() {
        let mut b = Book::default();
        b.vouchers.push(receipt("Tiếp sức 2025", 30_000_000, Method::Cash, day(2025, 8, 2)));
        b.vouchers.push(receipt("Tiếp sức 2025", 12_000_000, Method::InKind, day(2025, 9, 9)));
        b.vouchers.push(receipt("Tiếp sức 2025", 3_000_000, Method::Bank, day(2025, 8, 20)));
        b.vouchers.push(receipt("", 5_000_000, Method::Cash, day(2025, 1, 5)));
        let mut voided = receipt("Tiếp sức 2025", 99, Method::Cash, day(2025, 8, 3));
        voided.void =
            Some(Box::new(crate::model::fund::ledger::Void { date: day(2025, 8, 4), reason: "nhầm".into() }));
        b.vouchers.push(voided);
        let set = |campaign: &str, amount: Option<i64>| {
            Action::Fund(FundAction::SetCampaignTarget { campaign: campaign.into(), amount: amount.map(Vnd) })
        };
        apply(&mut b, set(" Tiếp sức  2025 ", Some(60_000_000))).expect("a target");
        apply(&mut b, set("Áo ấm 2026", Some(10_000_000))).expect("a target before any receipt");
        assert_eq!(apply(&mut b, set("", Some(1))), Err(ActionError::EmptyName));
        assert_eq!(apply(&mut b, set("X", Some(0))), Err(ActionError::ZeroAmount));
        let c = campaigns(&b);
        assert_eq!(c.len(), 2);
        let t = &c[0];
        assert_eq!(
            (t.name.as_str(), t.receipts, t.cash, t.in_kind),
            ("Tiếp sức 2025", 3, Vnd(33_000_000), Vnd(12_000_000))
        );
        assert_eq!(
            (t.first, t.last, t.target, t.permille()),
            (Some(day(2025, 8, 2)), Some(day(2025, 9, 9)), Some(Vnd(60_000_000)), Some(750))
        );
        assert_eq!((c[1].name.as_str(), c[1].receipts, c[1].permille()), ("Áo ấm 2026", 0, Some(0)));
        apply(&mut b, set("Áo ấm 2026", None)).expect("removed");
        assert_eq!(campaigns(&b).len(), 1);
    }
}
