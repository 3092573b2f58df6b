//! The figures of the yearly reports: the cooperation report (plans, fund, awards,
//! recognition) and the fund disclosures of NĐ 93/2019 (donors, recipients, earmarked
//! money, headings, the management-cost share). Everything is computed from the book.

use crate::model::awards::{Level, totals_by};
use crate::model::book::Book;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::Flows;
use crate::model::fund::ledger::{Category, Kind, Method, Voucher};
use crate::model::fund::query::donor_type_of;
use crate::model::fund::totals::givers;
use crate::model::learning::rollup::{RollRow, rollup};
use crate::model::money::Vnd;
use crate::model::plans::TaskStatus;
use chrono::NaiveDate;
use std::collections::BTreeMap;

const TYPES: usize = DonorType::ALL.len();
const CATS: usize = Category::ALL.len();

/// One document's progress in the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocProgress {
    pub doc: usize,
    pub tasks: usize,
    pub done: usize,
    pub overdue: usize,
    pub progress: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CoopFigures {
    pub year: i32,
    pub docs: Vec<DocProgress>,
    /// The year's cash and in-kind flows, as every screen counts them.
    pub flows: Flows,
    /// Receipts (cash and in kind) by donor type.
    pub receipts_by_type: [Vnd; TYPES],
    /// The contributions (`Flows::contributions`).
    pub receipts: Vnd,
    /// Payments (cash and in kind) by category.
    pub payments_by_category: [Vnd; CATS],
    pub payments: Vnd,
    /// (level, students, amount) of the year's lists that are not cancelled.
    pub awards_by_level: Vec<(Level, usize, Vnd)>,
    /// Each sponsor's share of the lists (`awards::sponsors`): name (empty for the general
    /// fund), students of the lists it paid for, its share, and whether a list was shared.
    pub awards_by_sponsor: Vec<(String, usize, Vnd, bool)>,
    pub recognition_by_model: Vec<RollRow>,
    pub recognition_by_commune: Vec<RollRow>,
}

fn live_in(v: &Voucher, from: NaiveDate, to: NaiveDate) -> bool {
    v.is_live() && v.body.date >= from && v.body.date <= to
}

fn year_span(year: i32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    (from, to)
}

fn headings(book: &Book, from: NaiveDate, to: NaiveDate) -> ([Vnd; TYPES], [Vnd; CATS]) {
    let mut by_type = [Vnd::ZERO; TYPES];
    let mut by_cat = [Vnd::ZERO; CATS];
    for v in book.vouchers.iter().filter(|v| live_in(v, from, to)) {
        match v.body.kind {
            Kind::Receipt => by_type[donor_type_of(book, v).index()] += v.body.amount,
            Kind::Payment => by_cat[v.body.category as usize] += v.body.amount,
        }
    }
    (by_type, by_cat)
}

pub fn cooperation(book: &Book, year: i32, today: NaiveDate) -> CoopFigures {
    let (from, to) = year_span(year);
    let docs = book
        .plans
        .iter()
        .enumerate()
        .filter(|(_, d)| d.covers(year) && !d.areas.is_empty())
        .map(|(i, d)| DocProgress {
            doc: i,
            tasks: d.tasks().filter(|t| t.status != TaskStatus::Cancelled).count(),
            done: d.tasks().filter(|t| t.status == TaskStatus::Done).count(),
            overdue: d.tasks().filter(|t| t.overdue(today.min(to))).count(),
            progress: d.progress(),
        })
        .collect();
    let (receipts_by_type, payments_by_category) = headings(book, from, to);
    let awards_by_level = totals_by(book, year, |_, a| vec![a.level]);
    let awards_by_sponsor =
        crate::model::awards::sponsors::by_sponsor(&crate::model::awards::sponsors::shares(book, year));
    let (by_commune, by_model) = rollup(&book.learning, year);
    CoopFigures {
        year,
        docs,
        flows: crate::model::fund::totals::year_flows(book, year),
        receipts: receipts_by_type.iter().copied().sum(),
        receipts_by_type,
        payments: payments_by_category.iter().copied().sum(),
        payments_by_category,
        awards_by_level,
        awards_by_sponsor,
        recognition_by_model: by_model,
        recognition_by_commune: by_commune,
    }
}

/// The period a disclosure covers: a calendar year, or one of its quarters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    /// 1–4, or `None` for the whole year.
    pub quarter: Option<u32>,
}

impl Period {
    pub fn span(self) -> (NaiveDate, NaiveDate) {
        let Some(q) = self.quarter.filter(|q| (1..=4).contains(q)) else {
            return year_span(self.year);
        };
        let from = NaiveDate::from_ymd_opt(self.year, 3 * q - 2, 1).unwrap_or_default();
        let next = if q == 4 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, 3 * q + 1, 1)
        };
        (from, next.and_then(|d| d.pred_opt()).unwrap_or(from))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counterparty {
    pub name: String,
    pub vouchers: usize,
    pub cash: Vnd,
    pub in_kind: Vnd,
}

/// How one earmarked purpose was used: everything received and spent up to the period's end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Earmark {
    pub purpose: String,
    pub received: Vnd,
    pub spent: Vnd,
    /// Payments of the period, by voucher index.
    pub payments: Vec<usize>,
}

/// The management-cost share of NĐ 93/2019: at most 5% of the yearly receipts, up to 10%
/// when needed. The base leaves out in-kind gifts and money earmarked for a named purpose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostShare {
    pub base: Vnd,
    pub cost: Vnd,
}

impl CostShare {
    /// The share in hundredths of a percent (523 = 5,23%).
    pub fn basis_points(self) -> Option<i64> {
        (self.base.0 > 0).then(|| self.cost.0 * 10_000 / self.base.0)
    }
    pub fn over(self, percent: i64) -> bool {
        self.cost.0 * 100 > self.base.0 * percent
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Disclosure {
    pub period: Period,
    pub donors: Vec<Counterparty>,
    pub recipients: Vec<Counterparty>,
    pub earmarks: Vec<Earmark>,
    pub receipts_by_type: [Vnd; TYPES],
    pub payments_by_category: [Vnd; CATS],
    pub receipts: Vnd,
    pub payments: Vnd,
    pub cost: CostShare,
}

fn add(map: &mut BTreeMap<String, Counterparty>, key: String, name: &str, v: &Voucher) {
    let e = map.entry(key).or_insert_with(|| Counterparty { name: name.to_owned(), ..Default::default() });
    e.vouchers += 1;
    if v.body.method == Method::InKind {
        e.in_kind += v.body.amount;
    } else {
        e.cash += v.body.amount;
    }
}

pub fn cost_share(book: &Book, from: NaiveDate, to: NaiveDate) -> CostShare {
    let mut s = CostShare::default();
    for v in book.vouchers.iter().filter(|v| live_in(v, from, to) && v.moves_cash()) {
        match v.body.kind {
            Kind::Receipt if v.body.purpose.is_empty() => s.base += v.body.amount,
            Kind::Payment if v.body.category == Category::Management => s.cost += v.body.amount,
            _ => {}
        }
    }
    s
}

pub fn disclosure(book: &Book, period: Period) -> Disclosure {
    let (from, to) = period.span();
    let mut recipients = BTreeMap::new();
    let mut earmarks: BTreeMap<String, Earmark> = BTreeMap::new();
    for (i, v) in book.vouchers.iter().enumerate().filter(|(_, v)| v.is_live() && v.body.date <= to) {
        let in_period = v.body.date >= from;
        if !v.body.purpose.is_empty() {
            let e = earmarks
                .entry(v.body.purpose.to_string())
                .or_insert_with(|| Earmark { purpose: v.body.purpose.to_string(), ..Default::default() });
            match v.body.kind {
                Kind::Receipt => e.received += v.body.amount,
                Kind::Payment => {
                    e.spent += v.body.amount;
                    if in_period {
                        e.payments.push(i);
                    }
                }
            }
        }
        if !in_period {
            continue;
        }
        if v.body.kind == Kind::Payment {
            let name = v.body.counterparty.as_str();
            add(&mut recipients, crate::model::text::fold(name), name, v);
        }
    }
    let by_total = |m: BTreeMap<String, Counterparty>| {
        let mut v: Vec<Counterparty> = m.into_values().collect();
        v.sort_by(|a, b| (b.cash + b.in_kind).cmp(&(a.cash + a.in_kind)).then_with(|| a.name.cmp(&b.name)));
        v
    };
    // Givers as the charts count them (`totals::givers`): a donor, or the name on receipts.
    let donors = givers(book, book.vouchers.iter().filter(|v| live_in(v, from, to)))
        .into_iter()
        .map(|g| Counterparty { name: g.name, vouchers: g.vouchers, cash: g.cash, in_kind: g.in_kind })
        .collect();
    let (receipts_by_type, payments_by_category) = headings(book, from, to);
    let (yfrom, yto) = year_span(period.year);
    Disclosure {
        period,
        donors,
        recipients: by_total(recipients),
        earmarks: earmarks.into_values().collect(),
        receipts: receipts_by_type.iter().copied().sum(),
        payments: payments_by_category.iter().copied().sum(),
        receipts_by_type,
        payments_by_category,
        // The caps apply to the yearly receipts, whatever the period shown.
        cost: cost_share(book, yfrom, yto.min(to)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::demo::demo_book;
    use crate::model::fund::action::FundAction;
    use crate::model::fund::ledger::year_balances;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid")
    }

    #[test]
    fn cooperation_figures_equal_the_ledger_awards_and_scoring() {
        let book = demo_book();
        for year in [2024, 2025, 2026] {
            let f = cooperation(&book, year, today());
            let y = year_balances(&book.vouchers).into_iter().find(|y| y.year == year).expect("year");
            let in_kind_paid: Vnd = book
                .vouchers
                .iter()
                .filter(|v| v.is_live() && v.year() == year && v.body.kind == Kind::Payment)
                .filter(|v| v.body.method == Method::InKind)
                .map(|v| v.body.amount)
                .sum();
            assert_eq!(f.receipts, y.receipts + y.in_kind, "{year} receipts");
            assert_eq!(f.payments, y.payments + in_kind_paid, "{year} payments");
            let lists: Vec<_> = book.award_lists.iter().filter(|l| l.year == year && l.status.counts()).collect();
            let students: usize = lists.iter().map(|l| l.awardees.len()).sum();
            let total: Vnd = lists.iter().map(|l| l.total()).sum();
            assert_eq!(f.awards_by_level.iter().map(|r| r.1).sum::<usize>(), students);
            assert_eq!(f.awards_by_level.iter().map(|r| r.2).sum::<Vnd>(), total);
            let (communes, models) = rollup(&book.learning, year);
            let recognised: usize = communes.iter().map(|r| r.recognised).sum();
            assert_eq!(f.recognition_by_model.iter().map(|r| r.recognised).sum::<usize>(), recognised);
            assert_eq!(f.recognition_by_model, models);
        }
        let f = cooperation(&book, 2026, today());
        assert!(f.docs.iter().any(|d| book.plans[d.doc].number.is_empty() && d.overdue > 0));
    }

    #[test]
    fn quarters_add_up_to_the_year() {
        let book = demo_book();
        let year = disclosure(&book, Period { year: 2025, quarter: None });
        let quarters: Vec<Disclosure> =
            (1..=4).map(|q| disclosure(&book, Period { year: 2025, quarter: Some(q) })).collect();
        assert_eq!(quarters.iter().map(|d| d.receipts).sum::<Vnd>(), year.receipts);
        assert_eq!(quarters.iter().map(|d| d.payments).sum::<Vnd>(), year.payments);
        let donors: Vnd = year.donors.iter().map(|d| d.cash + d.in_kind).sum();
        assert_eq!(donors, year.receipts);
        let paid: Vnd = year.recipients.iter().map(|d| d.cash + d.in_kind).sum();
        assert_eq!(paid, year.payments);
        assert_eq!(Period { year: 2024, quarter: Some(1) }.span().1, NaiveDate::from_ymd_opt(2024, 3, 31).expect("d"));
    }

    #[test]
    fn management_cost_share_against_the_caps() {
        use crate::model::action::{Action, apply};
        use crate::model::fund::ledger::tests::{day, draft};
        let mut b = Book::default();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 10_000_000, ""))))
            .expect("ok");
        // Earmarked money and in-kind gifts are outside the base.
        apply(
            &mut b,
            Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 6), 50_000_000, "Học bổng vùng cao"))),
        )
        .expect("ok");
        let mut gift = draft(Kind::Receipt, day(2025, 1, 7), 9_000_000, "");
        gift.method = Method::InKind;
        apply(&mut b, Action::Fund(FundAction::Issue(gift))).expect("ok");
        let mut cost = draft(Kind::Payment, day(2025, 2, 1), 600_000, "");
        cost.category = Category::Management;
        apply(&mut b, Action::Fund(FundAction::Issue(cost))).expect("ok");
        let d = disclosure(&b, Period { year: 2025, quarter: None });
        assert_eq!(d.cost, CostShare { base: Vnd(10_000_000), cost: Vnd(600_000) });
        assert_eq!(d.cost.basis_points(), Some(600));
        assert!(d.cost.over(5) && !d.cost.over(10));
        assert_eq!(d.earmarks.len(), 1);
        assert_eq!(d.earmarks[0].received, Vnd(50_000_000));
    }
}
