//! The yearly cooperation report, like the seed article but from the data.

use super::{Block, Cell, Doc, Table, count, money, percent, place, place_date, text};
use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::book::Book;
use crate::model::closing::closing_balance;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::Category;
use crate::model::money::Vnd;
use crate::model::report::{CoopFigures, cooperation};
use chrono::NaiveDate;

fn share(lang: Lang, recognised: usize, registered: usize) -> Cell {
    (recognised * 100).checked_div(registered).map(|p| percent(lang, p as f64)).unwrap_or_else(|| text("–"))
}

pub fn build(book: &Book, year: i32, today: NaiveDate, lang: Lang) -> Doc {
    doc(book, &cooperation(book, year, today), today, lang)
}

pub fn doc(book: &Book, f: &CoopFigures, today: NaiveDate, lang: Lang) -> Doc {
    let t = |k: T| k.get(lang).to_owned();
    let year = f.year;
    let mut blocks = vec![Block::Heading(t(T::RepPlans))];
    if f.docs.is_empty() {
        blocks.push(Block::Para(t(T::RepNoDocs)));
    } else {
        let rows = f
            .docs
            .iter()
            .map(|p| {
                let d = &book.plans[p.doc];
                let name = if d.number.is_empty() { d.title.clone() } else { format!("{} – {}", d.number, d.title) };
                vec![
                    text(name),
                    count(p.tasks),
                    count(p.done),
                    count(p.overdue),
                    p.progress.map(|x| percent(lang, f64::from(x))).unwrap_or_else(|| text("–")),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            header: vec![t(T::ColDocument), t(T::ColTasks), t(T::ColDone), t(T::ColOverdue), t(T::Progress)],
            widths: vec![5.0, 1.0, 1.2, 1.0, 1.0],
            rows,
            total: None,
        }));
        for p in &f.docs {
            for area in &book.plans[p.doc].areas {
                let done = area.tasks.iter().filter(|t| t.progress() == 100).count();
                blocks.push(Block::Para(format!("• {} ({done}/{})", area.title, area.tasks.len())));
            }
        }
    }
    blocks.push(Block::Heading(t(T::RepFund)));
    blocks.push(Block::Para(
        T::RepFundLine
            .get(lang)
            .replace("{c}", &f.flows.contributions().display())
            .replace("{r}", &f.flows.cash_in.display())
            .replace("{k}", &f.flows.in_kind_in.display())
            .replace("{p}", &f.flows.cash_out.display())
            .replace("{q}", &f.flows.in_kind_out.display())
            .replace("{b}", &closing_balance(book, year).display()),
    ));
    blocks.push(Block::Table(heading_table(
        t(T::RepReceiptsByType),
        DonorType::ALL.iter().map(|d| t(labels::donor_type(*d))).zip(f.receipts_by_type).collect(),
        lang,
    )));
    blocks.push(Block::Table(heading_table(
        t(T::RepPaymentsByCat),
        Category::ALL.iter().map(|c| t(labels::category(*c))).zip(f.payments_by_category).collect(),
        lang,
    )));
    blocks.push(Block::Heading(t(T::RepAwards)));
    let students: usize = f.awards_by_level.iter().map(|r| r.1).sum();
    let total: Vnd = f.awards_by_level.iter().map(|r| r.2).sum();
    blocks.push(Block::Para(
        T::RepAwardsLine.get(lang).replace("{n}", &students.to_string()).replace("{t}", &total.display()),
    ));
    blocks.push(Block::Para(t(T::CountedLists)));
    let level_rows = f.awards_by_level.iter().map(|(l, n, v)| vec![text(t(labels::level(*l))), count(*n), money(*v)]);
    blocks.push(Block::Table(Table {
        header: vec![t(T::Level), t(T::ColStudents), t(T::Amount)],
        widths: vec![4.0, 1.5, 2.0],
        rows: level_rows.collect(),
        total: Some(vec![text(t(T::TotalRow)), count(students), money(total)]),
    }));
    let sponsor_rows = f.awards_by_sponsor.iter().map(|(s, n, v, shared)| {
        let name = if s.is_empty() { t(T::GeneralFund) } else { s.clone() };
        let name = if *shared { format!("{name} ({})", t(T::SharedList)) } else { name };
        vec![text(name), count(*n), money(*v)]
    });
    blocks.push(Block::Table(Table {
        header: vec![t(T::BySponsor), t(T::ColStudents), t(T::Amount)],
        widths: vec![4.0, 1.5, 2.0],
        rows: sponsor_rows.collect(),
        total: Some(vec![text(t(T::TotalRow)), count(students), money(total)]),
    }));
    blocks.push(Block::Para(t(T::SharesNote)));
    blocks.push(Block::Heading(t(T::RepRecognition)));
    let roll_header =
        |first: T| vec![t(first), t(T::Registered), t(T::Evaluated), t(T::Recognised), t(T::Share), t(T::TargetShare)];
    let target = |m| {
        book.learning
            .targets
            .iter()
            .find(|(k, _)| *k == m)
            .map(|(_, v)| percent(lang, f64::from(*v)))
            .unwrap_or_else(|| text("–"))
    };
    let roll = |name: String, r: &crate::model::learning::rollup::RollRow| {
        vec![
            text(name),
            count(r.registered),
            count(r.evaluated),
            count(r.recognised),
            share(lang, r.recognised, r.registered),
            target(r.model),
        ]
    };
    let model_rows = f.recognition_by_model.iter().map(|r| roll(t(labels::model(r.model)), r));
    blocks.push(Block::Table(Table {
        header: roll_header(T::RepByModel),
        widths: vec![3.0, 1.2, 1.3, 1.4, 0.8, 1.2],
        rows: model_rows.collect(),
        total: None,
    }));
    let commune_rows =
        f.recognition_by_commune.iter().map(|r| roll(format!("{} – {}", r.commune, t(labels::model(r.model))), r));
    blocks.push(Block::Table(Table {
        header: roll_header(T::ByCommune),
        widths: vec![3.0, 1.2, 1.3, 1.4, 0.8, 1.2],
        rows: commune_rows.collect(),
        total: None,
    }));
    Doc {
        org: book.settings.org_name.clone(),
        title: T::CoopTitle.get(lang).replace("{y}", &year.to_string()),
        subtitle: t(T::CoopSubtitle),
        blocks,
        place_date: place_date(lang, place(book), today),
        signatures: vec![t(T::PDepartment), t(T::PAssociation)],
        sign_note: t(T::SignNote),
    }
}

/// A two-column table of amounts by heading, with its total.
pub(super) fn heading_table(first: String, rows: Vec<(String, Vnd)>, lang: Lang) -> Table {
    let total: Vnd = rows.iter().map(|r| r.1).sum();
    Table {
        header: vec![first, T::Amount.get(lang).to_owned()],
        widths: vec![4.0, 2.0],
        rows: rows.into_iter().map(|(h, v)| vec![text(h), money(v)]).collect(),
        total: Some(vec![text(T::TotalRow.get(lang)), money(total)]),
    }
}
