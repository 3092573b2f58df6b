//! One figure per concept: for every year of the demo book and of a generated one, each
//! figure has the same value on every screen that shows it (the overview, the ledger's
//! totals, the balances and closing view, the charts, the cooperation report, the NĐ 93
//! disclosure, the awards summary and the roll-up), because every screen reads it from the
//! same place in the model.

use chrono::NaiveDate;
use sokh::model::awards::sponsors::statement;
use sokh::model::awards::totals_by;
use sokh::model::book::Book;
use sokh::model::demo::{Sizes, demo_book, generate, generate_awards};
use sokh::model::fund::ledger::Flows;
use sokh::model::fund::ledger::year_balances;
use sokh::model::fund::query::{Filter, SearchIndex, SortCol, filter_rows, sort_order};
use sokh::model::fund::stats::fund_stats;
use sokh::model::fund::totals::{contributions_to, monthly_contributions, year_flows};
use sokh::model::learning::rollup::rollup;
use sokh::model::money::Vnd;
use sokh::model::report::{Period, cooperation, disclosure};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

fn check(book: &Book) -> usize {
    let order = sort_order(book, SortCol::Date);
    let balances = year_balances(&book.vouchers);
    let mut years: Vec<i32> = book.vouchers.iter().map(|v| v.year()).collect();
    years.sort_unstable();
    years.dedup();
    for &y in &years {
        let f: Flows = year_flows(book, y);
        // The ledger filtered to the year, voided vouchers shown or not.
        for show_void in [false, true] {
            let filter = Filter { year: Some(y), show_void, ..Filter::default() };
            let shown = filter_rows(book, &SearchIndex::default(), &order, &filter);
            assert_eq!(shown.flows, f, "{y}: the ledger's totals");
        }
        // Balances and closing (one table).
        let b = balances.iter().find(|b| b.year == y).expect("a year with vouchers has a balance");
        assert_eq!((b.receipts, b.in_kind, b.payments), (f.cash_in, f.in_kind_in, f.cash_out), "{y}: balances");
        assert_eq!(b.closing - b.opening, f.net_cash(), "{y}: the balance moves by cash in − out");
        // The overview's contributions.
        assert_eq!(monthly_contributions(book, y).iter().copied().sum::<Vnd>(), f.contributions(), "{y}: overview");
        assert_eq!(contributions_to(book, day(y, 12, 31)), f.contributions(), "{y}: overview so far");
        // The charts.
        let stats = fund_stats(book, y, usize::MAX);
        assert_eq!(stats.total, f.contributions(), "{y}: charts total");
        let top: Vnd = stats.top_donors.iter().map(|g| g.total()).sum();
        assert_eq!(top, f.contributions(), "{y}: every giver in the top list");
        // The cooperation report.
        let today = day(y, 12, 31);
        let coop = cooperation(book, y, today);
        assert_eq!(coop.flows, f, "{y}: cooperation report");
        assert_eq!(coop.receipts, f.contributions(), "{y}: cooperation report receipts");
        assert_eq!(coop.payments, f.paid_out(), "{y}: cooperation report payments");
        // The disclosure: its donors are the charts' givers, with the same amounts.
        let d = disclosure(book, Period { year: y, quarter: None });
        assert_eq!(d.receipts, f.contributions(), "{y}: disclosure receipts");
        let disclosed: Vec<(&str, Vnd)> = d.donors.iter().map(|c| (c.name.as_str(), c.cash + c.in_kind)).collect();
        let charted: Vec<(&str, Vnd)> = stats.top_donors.iter().map(|g| (g.name.as_str(), g.total())).collect();
        assert_eq!(disclosed, charted, "{y}: a donor gave the same on the chart and in the disclosure");
        // Awards: the summary and the report count the same lists.
        let by_level: Vec<_> = totals_by(book, y, |_, a| vec![a.level]);
        assert_eq!(coop.awards_by_level, by_level, "{y}: awards by level");
        let counted: Vnd =
            book.award_lists.iter().filter(|l| l.year == y && l.status.counts()).map(|l| l.total()).sum();
        assert_eq!(by_level.iter().map(|r| r.2).sum::<Vnd>(), counted, "{y}: awards summary by list");
        // Sponsors share the lists: the by-sponsor table adds up to the same total, and each
        // sponsor's statement shows its row's figure.
        assert_eq!(coop.awards_by_sponsor.iter().map(|r| r.2).sum::<Vnd>(), counted, "{y}: awards by sponsor");
        for (name, _, share, _) in coop.awards_by_sponsor.iter().filter(|r| !r.0.is_empty()) {
            assert_eq!(statement(book, name, y).funded, *share, "{y}: {name}'s statement and its row");
        }
        // The roll-up.
        let (by_commune, by_model) = rollup(&book.learning, y);
        assert_eq!((coop.recognition_by_commune, coop.recognition_by_model), (by_commune, by_model), "{y}: roll-up");
    }
    years.len()
}

#[test]
fn every_screen_shows_the_same_figures_for_the_demo_book() {
    assert!(check(&demo_book()) >= 5, "the demo book spans several years");
}

#[test]
fn every_screen_shows_the_same_figures_for_a_generated_book() {
    let sizes =
        Sizes { first_year: 2018, last_year: 2025, donors: 400, receipts_per_year: 300, last_day: day(2025, 12, 31) };
    let mut book = generate(&sizes, 11);
    generate_awards(&mut book, 40, 12, 3);
    // Some lists approved and paid, so that the counted ones are not all or nothing.
    for (i, l) in book.award_lists.iter_mut().enumerate() {
        l.status = sokh::model::awards::ListStatus::ALL[i % 5];
    }
    assert_eq!(check(&book), 8);
}
