//! The fund's vouchers (phiếu thu, phiếu chi), their numbering, voiding and balances.

use crate::model::money::Vnd;
use crate::model::shared::Shared;
use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Receipt,
    Payment,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Method {
    #[default]
    Cash,
    Bank,
    InKind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    Scholarship,
    Award,
    Support,
    Management,
    #[default]
    Other,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Scholarship, Category::Award, Category::Support, Category::Management, Category::Other];
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Cash, Method::Bank, Method::InKind];
}

/// A voided voucher keeps its number; the void records when and why.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Void {
    pub date: NaiveDate,
    pub reason: String,
}

/// What the user fills in for a voucher; the number is assigned when it is issued.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VoucherDraft {
    pub kind: Kind,
    pub date: NaiveDate,
    /// The donor (receipts) this voucher belongs to, by index in `Data::donors`.
    pub donor: Option<usize>,
    pub counterparty: Shared,
    pub description: Shared,
    pub amount: Vnd,
    pub method: Method,
    pub campaign: Shared,
    /// Empty for the general fund; otherwise the purpose the donor named.
    pub purpose: Shared,
    pub category: Category,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "VoucherRow", from = "VoucherRow")]
pub struct Voucher {
    /// Held in place (a number is short): no allocation per voucher.
    pub number: CompactString,
    pub seq: u32,
    pub body: VoucherDraft,
    /// Boxed: few vouchers are voided, and the rest need not carry a reason's room.
    pub void: Option<Box<Void>>,
}

/// A voucher as one flat tuple in the data file: a book holds 100,000 of them, and named
/// fields would double the file and its parse time.
/// (number, seq, kind, date, donor, counterparty, description, amount, method, campaign,
/// purpose, category, void)
#[derive(Serialize, Deserialize)]
struct VoucherRow(
    CompactString,
    u32,
    Kind,
    NaiveDate,
    Option<usize>,
    Shared,
    Shared,
    i64,
    Method,
    Shared,
    Shared,
    Category,
    Option<Box<Void>>,
);

impl From<Voucher> for VoucherRow {
    fn from(v: Voucher) -> Self {
        let b = v.body;
        VoucherRow(
            v.number,
            v.seq,
            b.kind,
            b.date,
            b.donor,
            b.counterparty,
            b.description,
            b.amount.0,
            b.method,
            b.campaign,
            b.purpose,
            b.category,
            v.void,
        )
    }
}

impl From<VoucherRow> for Voucher {
    fn from(r: VoucherRow) -> Self {
        let VoucherRow(
            number,
            seq,
            kind,
            date,
            donor,
            counterparty,
            description,
            amount,
            method,
            campaign,
            purpose,
            category,
            void,
        ) = r;
        let body = VoucherDraft {
            kind,
            date,
            donor,
            counterparty,
            description,
            amount: Vnd(amount),
            method,
            campaign,
            purpose,
            category,
        };
        Voucher { number, seq, body, void }
    }
}

impl Voucher {
    pub fn year(&self) -> i32 {
        self.body.date.year()
    }
    pub fn is_live(&self) -> bool {
        self.void.is_none()
    }
    /// Cash or bank money; in-kind gifts have a value but move no cash.
    pub fn moves_cash(&self) -> bool {
        self.is_live() && self.body.method != Method::InKind
    }
    /// Signed cash effect on the fund.
    pub fn cash_effect(&self) -> Vnd {
        if !self.moves_cash() {
            return Vnd::ZERO;
        }
        match self.body.kind {
            Kind::Receipt => self.body.amount,
            Kind::Payment => Vnd(-self.body.amount.0),
        }
    }
}

/// Voucher number from a pattern: `{yyyy}` the year, `{nnnn}` the sequence padded to 4.
pub fn format_number(pattern: &str, year: i32, seq: u32) -> String {
    let mut s = pattern.replace("{yyyy}", &year.to_string());
    for width in (1..=8).rev() {
        let tag = format!("{{{}}}", "n".repeat(width));
        if s.contains(&tag) {
            s = s.replace(&tag, &format!("{seq:0width$}"));
        }
    }
    s
}

/// A pattern with one `{yyyy}` and one run of `n`s (`{nnnn}`): its text before the
/// sequence, its width, and its text after.
fn pattern_parts(pattern: &str, year: i32) -> Option<(String, usize, String)> {
    if pattern.matches("{yyyy}").count() != 1 {
        return None;
    }
    let s = pattern.replace("{yyyy}", &year.to_string());
    let open = s.find("{n")?;
    let width = s[open + 1..].chars().take_while(|&c| c == 'n').count();
    let close = open + 1 + width;
    if s.get(close..close + 1) != Some("}") || s[close + 1..].contains("{n") {
        return None;
    }
    Some((s[..open].to_owned(), width, s[close + 1..].to_owned()))
}

/// Is this a usable pattern: one year and one sequence?
pub fn valid_pattern(pattern: &str) -> bool {
    pattern_parts(pattern, 2000).is_some()
}

/// The sequence number that `pattern` would render as `number` in `year`, if any.
pub fn pattern_seq(pattern: &str, year: i32, number: &str) -> Option<u32> {
    let (before, width, after) = pattern_parts(pattern, year)?;
    let digits = number.strip_prefix(before.as_str())?.strip_suffix(after.as_str())?;
    let seq: u32 = digits.parse().ok().filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))?;
    (format!("{seq:0width$}") == digits).then_some(seq)
}

/// The next sequence number of a kind in a calendar year: one past the highest issued.
pub fn next_seq(vouchers: &[Voucher], kind: Kind, year: i32) -> u32 {
    vouchers.iter().filter(|v| v.body.kind == kind && v.year() == year).map(|v| v.seq).max().unwrap_or(0) + 1
}

/// The reason an undone voucher is voided with: its number was issued and stays taken.
pub const UNDO_REASON: &str = "Hoàn tác";

/// A part of the fund that must never go below zero in cash.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fund {
    /// Money a donor earmarked for this purpose.
    Purpose(String),
    /// Money given without a purpose.
    Unrestricted,
    /// The whole fund, when the NĐ 93 checks are off.
    Total,
}

/// Cash per part of the fund: each earmarked purpose and the unrestricted rest (in-kind
/// gifts move no cash and are counted apart).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Funds {
    pub purposes: BTreeMap<String, Vnd>,
    pub unrestricted: Vnd,
}

impl Funds {
    pub fn of(vouchers: &[Voucher]) -> Funds {
        let mut f = Funds::default();
        for v in vouchers {
            f.add(v);
        }
        f
    }

    /// Counts a voucher in (what it moves in cash; nothing for a voided or in-kind one).
    pub fn add(&mut self, v: &Voucher) {
        self.put(v, v.cash_effect());
    }

    /// Takes a voucher out again.
    pub fn take(&mut self, v: &Voucher) {
        self.put(v, Vnd(-v.cash_effect().0));
    }

    fn put(&mut self, v: &Voucher, cash: Vnd) {
        if !v.moves_cash() {
            return;
        }
        if v.body.purpose.is_empty() {
            self.unrestricted += cash;
        } else if let Some(p) = self.purposes.get_mut(v.body.purpose.as_str()) {
            *p += cash;
        } else {
            self.purposes.insert(v.body.purpose.to_string(), cash);
        }
    }

    pub fn total(&self) -> Vnd {
        self.unrestricted + self.purposes.values().copied().sum()
    }

    /// The parts that are checked: every purpose and the rest, or only the total.
    fn parts(&self, restricted: bool) -> Vec<(Fund, Vnd)> {
        if !restricted {
            return vec![(Fund::Total, self.total())];
        }
        let mut out: Vec<(Fund, Vnd)> = self.purposes.iter().map(|(p, v)| (Fund::Purpose(p.clone()), *v)).collect();
        out.push((Fund::Unrestricted, self.unrestricted));
        out
    }

    fn get(&self, fund: &Fund) -> Vnd {
        match fund {
            Fund::Purpose(p) => self.purposes.get(p).copied().unwrap_or_default(),
            Fund::Unrestricted => self.unrestricted,
            Fund::Total => self.total(),
        }
    }

    /// The first part an action took below zero (or lower, when it already was), with its
    /// cash before and after: the rule that money is never spent twice.
    pub fn shortfall(before: &Funds, after: &Funds, restricted: bool) -> Option<(Fund, Vnd, Vnd)> {
        after.parts(restricted).into_iter().find_map(|(fund, now)| {
            let was = before.get(&fund);
            (now.0 < 0 && now < was).then_some((fund, was, now))
        })
    }

    /// Parts below zero, for the book's invariants.
    pub fn negative(&self, restricted: bool) -> Vec<(Fund, Vnd)> {
        self.parts(restricted).into_iter().filter(|(_, v)| v.0 < 0).collect()
    }
}

/// What came in and went out, cash and in kind apart (voided vouchers count nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flows {
    pub cash_in: Vnd,
    pub in_kind_in: Vnd,
    pub cash_out: Vnd,
    pub in_kind_out: Vnd,
}

impl Flows {
    pub fn add(&mut self, v: &Voucher) {
        if !v.is_live() {
            return;
        }
        let amount = v.body.amount;
        match (v.body.kind, v.body.method == Method::InKind) {
            (Kind::Receipt, false) => self.cash_in += amount,
            (Kind::Receipt, true) => self.in_kind_in += amount,
            (Kind::Payment, false) => self.cash_out += amount,
            (Kind::Payment, true) => self.in_kind_out += amount,
        }
    }

    pub fn of<'a>(vouchers: impl IntoIterator<Item = &'a Voucher>) -> Self {
        let mut f = Flows::default();
        for v in vouchers {
            f.add(v);
        }
        f
    }

    /// *Tổng đóng góp*: cash received and gifts in kind.
    pub fn contributions(&self) -> Vnd {
        self.cash_in + self.in_kind_in
    }

    /// Everything paid out: cash paid and gifts in kind handed on.
    pub fn paid_out(&self) -> Vnd {
        self.cash_out + self.in_kind_out
    }

    /// What the balance moved by: cash received less cash paid.
    pub fn net_cash(&self) -> Vnd {
        self.cash_in - self.cash_out
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearBalance {
    pub year: i32,
    pub opening: Vnd,
    pub receipts: Vnd,
    pub payments: Vnd,
    pub in_kind: Vnd,
    pub closing: Vnd,
}

/// Opening and closing cash per calendar year, from the first year with a voucher: cash
/// received and paid and gifts in kind received, as `totals::Flows` counts them.
pub fn year_balances(vouchers: &[Voucher]) -> Vec<YearBalance> {
    let mut flows: BTreeMap<i32, Flows> = BTreeMap::new();
    for v in vouchers.iter().filter(|v| v.is_live()) {
        flows.entry(v.year()).or_default().add(v);
    }
    let mut per_year: BTreeMap<i32, YearBalance> = flows
        .into_iter()
        .map(|(year, f)| {
            (
                year,
                YearBalance {
                    year,
                    receipts: f.cash_in,
                    payments: f.cash_out,
                    in_kind: f.in_kind_in,
                    ..Default::default()
                },
            )
        })
        .collect();
    let (Some(&first), Some(&last)) = (per_year.keys().next(), per_year.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut carry = Vnd::ZERO;
    for year in first..=last {
        let mut y = per_year.remove(&year).unwrap_or(YearBalance { year, ..Default::default() });
        y.opening = carry;
        y.closing = carry + y.receipts - y.payments;
        carry = y.closing;
        out.push(y);
    }
    out
}

/// Balance of every restricted purpose, by name.
pub fn purpose_balances(vouchers: &[Voucher]) -> BTreeMap<String, Vnd> {
    let mut out: BTreeMap<String, Vnd> = BTreeMap::new();
    for v in vouchers.iter().filter(|v| !v.body.purpose.is_empty()) {
        *out.entry(v.body.purpose.to_string()).or_default() += v.cash_effect();
    }
    out
}

pub fn cash_balance(vouchers: &[Voucher]) -> Vnd {
    vouchers.iter().map(Voucher::cash_effect).sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    pub fn draft(kind: Kind, date: NaiveDate, amount: i64, purpose: &str) -> VoucherDraft {
        VoucherDraft {
            kind,
            date,
            donor: None,
            counterparty: "Nguyễn Văn An".into(),
            description: "Ủng hộ quỹ".into(),
            amount: Vnd(amount),
            method: Method::Cash,
            campaign: Default::default(),
            purpose: purpose.into(),
            category: Category::Other,
        }
    }

    fn issued(d: VoucherDraft, seq: u32) -> Voucher {
        Voucher { number: format_number("PT-{yyyy}-{nnnn}", d.date.year(), seq).into(), seq, body: d, void: None }
    }

    #[test]
    fn numbers_follow_the_pattern() {
        assert_eq!(format_number("PT-{yyyy}-{nnnn}", 2025, 7), "PT-2025-0007");
        assert_eq!(format_number("{nn}/PC/{yyyy}", 2024, 3), "03/PC/2024");
    }

    #[test]
    fn sequence_restarts_each_year_and_per_kind() {
        let vs = vec![
            issued(draft(Kind::Receipt, day(2024, 12, 30), 1, ""), 41),
            issued(draft(Kind::Receipt, day(2025, 1, 2), 1, ""), 1),
            issued(draft(Kind::Payment, day(2025, 1, 3), 1, ""), 1),
        ];
        assert_eq!(next_seq(&vs, Kind::Receipt, 2025), 2);
        assert_eq!(next_seq(&vs, Kind::Receipt, 2024), 42);
        assert_eq!(next_seq(&vs, Kind::Payment, 2025), 2);
        assert_eq!(next_seq(&vs, Kind::Payment, 2026), 1);
    }

    #[test]
    fn balances_per_year_carry_over_and_skip_void_and_in_kind() {
        let mut gift = draft(Kind::Receipt, day(2024, 6, 1), 700, "");
        gift.method = Method::InKind;
        let mut voided = issued(draft(Kind::Receipt, day(2024, 7, 1), 5_000, ""), 3);
        voided.void = Some(Box::new(Void { date: day(2024, 7, 2), reason: "Ghi nhầm".into() }));
        let vs = vec![
            issued(draft(Kind::Receipt, day(2023, 3, 1), 1_000, ""), 1),
            issued(draft(Kind::Payment, day(2023, 9, 1), 300, ""), 1),
            issued(gift, 2),
            voided,
            issued(draft(Kind::Receipt, day(2025, 2, 1), 200, "Học bổng"), 1),
        ];
        let years = year_balances(&vs);
        assert_eq!(years.len(), 3);
        assert_eq!((years[0].opening, years[0].closing), (Vnd(0), Vnd(700)));
        assert_eq!((years[1].opening, years[1].in_kind, years[1].closing), (Vnd(700), Vnd(700), Vnd(700)));
        assert_eq!((years[2].opening, years[2].closing), (Vnd(700), Vnd(900)));
        assert_eq!(cash_balance(&vs), Vnd(900));
        assert_eq!(purpose_balances(&vs).get("Học bổng"), Some(&Vnd(200)));
        let funds = Funds::of(&vs);
        assert_eq!((funds.unrestricted, funds.total()), (Vnd(700), Vnd(900)));
    }
}
