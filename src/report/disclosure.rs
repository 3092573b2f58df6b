//! The fund disclosure of NĐ 93/2019 and TT 04/2020: donors, recipients, the use of
//! earmarked money, receipts and payments by heading, and the management-cost share.

use super::coop::heading_table;
use super::{Block, Doc, Table, count, money, place, place_date, text};
use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::book::Book;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::Category;
use crate::model::report::{Counterparty, Disclosure, Period, disclosure};
use crate::report::Cell;
use chrono::NaiveDate;

pub fn build(book: &Book, period: Period, today: NaiveDate, lang: Lang) -> Doc {
    doc(book, &disclosure(book, period), today, lang)
}

fn people(list: &[Counterparty], lang: Lang) -> Block {
    let t = |k: T| k.get(lang).to_owned();
    if list.is_empty() {
        return Block::Para(t(T::NoneInPeriod));
    }
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, c)| vec![count(i + 1), text(c.name.clone()), count(c.vouchers), money(c.cash), money(c.in_kind)])
        .collect();
    let sum = |f: fn(&Counterparty) -> i64| list.iter().map(f).sum::<i64>();
    Block::Table(Table {
        header: vec![t(T::Stt), t(T::Name), t(T::ColVouchers), t(T::ColCash), t(T::ColInKind)],
        widths: vec![0.6, 4.0, 1.0, 1.8, 1.8],
        rows,
        total: Some(vec![
            text(""),
            text(t(T::TotalRow)),
            Cell::Int(sum(|c| c.vouchers as i64)),
            Cell::Money(sum(|c| c.cash.0)),
            Cell::Money(sum(|c| c.in_kind.0)),
        ]),
    })
}

pub fn doc(book: &Book, d: &Disclosure, today: NaiveDate, lang: Lang) -> Doc {
    let t = |k: T| k.get(lang).to_owned();
    let y = d.period.year.to_string();
    let subtitle = match d.period.quarter {
        Some(q) => T::DiscQuarter.get(lang).replace("{q}", &q.to_string()).replace("{y}", &y),
        None => T::DiscYear.get(lang).replace("{y}", &y),
    };
    let mut blocks = vec![Block::Heading(t(T::DiscDonors)), people(&d.donors, lang)];
    blocks.push(Block::Heading(t(T::DiscRecipients)));
    blocks.push(people(&d.recipients, lang));
    blocks.push(Block::Heading(t(T::DiscEarmarks)));
    if d.earmarks.is_empty() {
        blocks.push(Block::Para(t(T::NoEarmarks)));
    } else {
        let rows = d
            .earmarks
            .iter()
            .map(|e| {
                let numbers: Vec<&str> =
                    e.payments.iter().filter_map(|&i| book.vouchers.get(i)).map(|v| v.number.as_str()).collect();
                vec![
                    text(e.purpose.clone()),
                    money(e.received),
                    money(e.spent),
                    money(e.received - e.spent),
                    text(numbers.join(", ")),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            header: vec![t(T::Purpose), t(T::ColReceived), t(T::ColSpent), t(T::ColLeft), t(T::ColPaidNow)],
            widths: vec![3.0, 1.6, 1.6, 1.6, 2.5],
            rows,
            total: None,
        }));
    }
    blocks.push(Block::Heading(t(T::DiscHeadings)));
    blocks.push(Block::Table(heading_table(
        t(T::RepReceiptsByType),
        DonorType::ALL.iter().map(|k| t(labels::donor_type(*k))).zip(d.receipts_by_type).collect(),
        lang,
    )));
    blocks.push(Block::Table(heading_table(
        t(T::RepPaymentsByCat),
        Category::ALL.iter().map(|c| t(labels::category(*c))).zip(d.payments_by_category).collect(),
        lang,
    )));
    blocks.push(Block::Heading(t(T::DiscCost)));
    let share = d.cost.basis_points().map(|bp| lang.percent_fixed(bp as f64 / 100.0, 2)).unwrap_or_else(|| "–".into());
    blocks.push(Block::Table(Table {
        header: vec![t(T::ColHeading), t(T::Amount)],
        widths: vec![4.0, 2.0],
        rows: vec![
            vec![text(t(T::CostBase)), money(d.cost.base)],
            vec![text(t(T::CostSpent)), money(d.cost.cost)],
            vec![text(t(T::CostShareLabel)), text(share)],
        ],
        total: None,
    }));
    blocks.push(if !book.settings.enforce_restricted {
        Block::Para(t(T::ChecksOff))
    } else if d.cost.over(10) {
        Block::Warn(t(T::CostOver10))
    } else if d.cost.over(5) {
        Block::Warn(t(T::CostOver5))
    } else {
        Block::Para(t(T::CostOk))
    });
    Doc {
        org: book.settings.org_name.clone(),
        title: t(T::DiscTitle),
        subtitle,
        blocks,
        place_date: place_date(lang, place(book), today),
        signatures: vec![t(T::PrintedBy), t(T::Accountant), t(T::Chairman)],
        sign_note: t(T::SignNote),
    }
}
