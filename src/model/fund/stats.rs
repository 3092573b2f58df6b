//! Figures behind the fund charts, and the entries behind any bar, slice or point.

use crate::model::book::Book;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::{Kind, YearBalance, year_balances};
use crate::model::fund::query::donor_type_of;
use crate::model::fund::totals::{Given, giver, givers};
use crate::model::money::Vnd;
use chrono::Datelike;

const TYPES: usize = DonorType::ALL.len();

/// One year's contribution figures (receipts, in-kind included at their value).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FundStats {
    pub year: i32,
    /// `[month 0..12][donor type]`
    pub monthly: [[Vnd; TYPES]; 12],
    pub by_type: [Vnd; TYPES],
    /// Cumulative contributions by day of year (index 0 = 1 January), this year and last.
    pub cumulative: Vec<Vnd>,
    pub cumulative_last: Vec<Vnd>,
    /// The largest givers of the year (a donor, or a name typed on receipts), largest first.
    pub top_donors: Vec<Given>,
    pub years: Vec<YearBalance>,
    pub total: Vnd,
}

/// What a click on a chart picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    Month {
        year: i32,
        month: u32,
        kind: DonorType,
    },
    Type {
        year: i32,
        kind: DonorType,
    },
    /// A giver's receipts (`totals::giver`'s key), and the name it shows as.
    Giver {
        year: i32,
        key: String,
        name: String,
    },
    Year {
        year: i32,
        kind: Kind,
    },
    UpToDay {
        year: i32,
        ordinal0: u32,
    },
}

fn days_in(year: i32) -> usize {
    if chrono::NaiveDate::from_ymd_opt(year, 2, 29).is_some() { 366 } else { 365 }
}

pub fn fund_stats(book: &Book, year: i32, top_n: usize) -> FundStats {
    let mut s = FundStats { year, ..Default::default() };
    let mut daily = vec![Vnd::ZERO; days_in(year)];
    let mut daily_last = vec![Vnd::ZERO; days_in(year - 1)];
    for v in book.vouchers.iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt) {
        let y = v.year();
        let day = v.body.date.ordinal0() as usize;
        if y == year - 1 {
            daily_last[day] += v.body.amount;
            continue;
        }
        if y != year {
            continue;
        }
        let t = donor_type_of(book, v).index();
        s.monthly[v.body.date.month0() as usize][t] += v.body.amount;
        s.by_type[t] += v.body.amount;
        s.total += v.body.amount;
        daily[day] += v.body.amount;
    }
    let running = |days: Vec<Vnd>| {
        let mut acc = Vnd::ZERO;
        days.into_iter()
            .map(|d| {
                acc += d;
                acc
            })
            .collect()
    };
    s.cumulative = running(daily);
    s.cumulative_last = running(daily_last);
    let mut top = givers(book, book.vouchers.iter().filter(|v| v.year() == year));
    top.truncate(top_n);
    s.top_donors = top;
    s.years = year_balances(&book.vouchers);
    s
}

/// The live vouchers behind a picked bar, slice or point, in date order.
pub fn entries_for(book: &Book, pick: &Pick) -> Vec<usize> {
    let mut out: Vec<usize> = book
        .vouchers
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_live())
        .filter(|(_, v)| {
            let receipt = v.body.kind == Kind::Receipt;
            match pick {
                Pick::Month { year, month, kind } => {
                    receipt && v.year() == *year && v.body.date.month() == *month && donor_type_of(book, v) == *kind
                }
                Pick::Type { year, kind } => receipt && v.year() == *year && donor_type_of(book, v) == *kind,
                Pick::Giver { year, key, .. } => receipt && v.year() == *year && giver(book, v).0 == *key,
                Pick::Year { year, kind } => v.year() == *year && v.body.kind == *kind,
                Pick::UpToDay { year, ordinal0 } => receipt && v.year() == *year && v.body.date.ordinal0() <= *ordinal0,
            }
        })
        .map(|(i, _)| i)
        .collect();
    out.sort_by_key(|&i| (book.vouchers[i].body.date, book.vouchers[i].seq));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::fund::action::FundAction;
    use crate::model::fund::donors::Donor;
    use crate::model::fund::ledger::tests::{day, draft};

    #[test]
    fn stats_add_up_and_picks_find_their_entries() {
        let mut b = Book::default();
        let staff =
            Donor { name: "CBGV THPT Đông Hà".into(), kind: DonorType::EducationStaff, ..Default::default() };
        apply(&mut b, Action::Fund(FundAction::AddDonor(staff))).expect("ok");
        let mut d = draft(Kind::Receipt, day(2025, 10, 3), 4_000_000, "");
        d.donor = Some(0);
        apply(&mut b, Action::Fund(FundAction::Issue(d.clone()))).expect("ok");
        d.date = day(2025, 10, 20);
        apply(&mut b, Action::Fund(FundAction::Issue(d))).expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 2), 1_000_000, ""))))
            .expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2024, 1, 2), 500_000, "")))).expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Payment, day(2025, 11, 2), 700_000, ""))))
            .expect("ok");

        let s = fund_stats(&b, 2025, 5);
        assert_eq!(s.total, Vnd(9_000_000));
        assert_eq!(s.monthly[9][DonorType::EducationStaff.index()], Vnd(8_000_000));
        assert_eq!(s.by_type[DonorType::Other.index()], Vnd(1_000_000));
        assert_eq!(s.cumulative.last(), Some(&Vnd(9_000_000)));
        assert_eq!(s.cumulative[0], Vnd(0));
        assert_eq!(s.cumulative[1], Vnd(1_000_000));
        assert_eq!(s.cumulative_last.last(), Some(&Vnd(500_000)));
        let top: Vec<(&str, Vnd)> = s.top_donors.iter().map(|g| (g.name.as_str(), g.total())).collect();
        assert_eq!(top[0], ("CBGV THPT Đông Hà", Vnd(8_000_000)), "a donor's receipts together");
        assert_eq!(top.len(), 2, "a name typed on a receipt is a giver too");
        assert_eq!(s.years.len(), 2);

        let month = Pick::Month { year: 2025, month: 10, kind: DonorType::EducationStaff };
        assert_eq!(entries_for(&b, &month), vec![0, 1]);
        assert_eq!(entries_for(&b, &Pick::Year { year: 2025, kind: Kind::Payment }), vec![4]);
        assert_eq!(entries_for(&b, &Pick::UpToDay { year: 2025, ordinal0: 1 }), vec![2]);
        let key = s.top_donors[0].key.clone();
        assert_eq!(entries_for(&b, &Pick::Giver { year: 2025, key, name: String::new() }).len(), 2);
    }
}
