//! Totals of the year's lists (per list, sponsor, commune, level) and the statement for a
//! sponsor: what they gave, what was paid out, the students named.

use crate::i18n::{Lang, T};
use crate::model::awards::{SponsorStatement, sponsor_statement, totals_by};
use crate::model::book::Book;
use crate::model::money::Vnd;
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::labels;
use egui::RichText;

type Table = Vec<(String, usize, Vnd)>;

#[derive(Default)]
pub struct SummaryUi {
    sponsor: String,
    /// The four tables, for a data revision, year and language.
    cache: Memo<(u64, i32, Lang), [Table; 4]>,
    /// The statement, for a data revision, year and sponsor.
    statement: Memo<(u64, i32, String), SponsorStatement>,
}

fn table(ui: &mut egui::Ui, id: &str, lang: Lang, title: T, rows: &[(String, usize, Vnd)]) {
    ui.strong(title.get(lang));
    egui::Grid::new(id).striped(true).num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
        for (k, n, v) in rows {
            ui.label(k);
            ui.label(format!("{n} {}", T::Students.get(lang)));
            ui.label(RichText::new(v.display()).strong());
            ui.end_row();
        }
    });
    ui.add_space(10.0);
}

impl SummaryUi {
    pub fn show(&mut self, ui: &mut egui::Ui, year: i32, cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        let rev = cx.rev();
        let [by_list, by_sponsor, by_level, by_commune] =
            self.cache.get((rev, year, lang), |_| compute(lang, book, year));
        let (sponsor, cached) = (&mut self.sponsor, &mut self.statement);
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.weak(T::CountedLists.get(lang));
            // List titles are long: that table takes the whole width.
            table(ui, "by_list", lang, T::ByList, by_list);
            ui.columns(2, |cols| {
                table(&mut cols[0], "by_sponsor", lang, T::BySponsor, by_sponsor);
                table(&mut cols[0], "by_level", lang, T::ByLevel, by_level);
                table(&mut cols[1], "by_commune", lang, T::ByCommune, by_commune);
            });
            ui.separator();
            statement(sponsor, cached, ui, lang, book, (year, rev));
        });
    }
}

/// Totals per list, sponsor, level and commune of the year's counted lists (approved or paid).
fn compute(lang: Lang, book: &Book, year: i32) -> [Table; 4] {
    let by_list: Vec<(String, usize, Vnd)> = book
        .award_lists
        .iter()
        .filter(|l| l.year == year && l.status.counts())
        .map(|l| (format!("{} ({})", l.title, labels::status(l.status).get(lang)), l.awardees.len(), l.total()))
        .collect();
    let none = T::NoCommune.get(lang).to_owned();
    let by_sponsor = totals_by(book, year, |l, _| {
        let s = l.sponsor_names();
        if s.is_empty() { vec![T::GeneralFund.get(lang).to_owned()] } else { s }
    });
    let by_level = totals_by(book, year, |l, a| {
        vec![if a.prize == crate::model::awards::Prize::None {
            labels::list_kind(l.kind).get(lang).to_owned()
        } else {
            labels::level(a.level).get(lang).to_owned()
        }]
    });
    let by_commune =
        totals_by(book, year, |_, a| vec![if a.commune.is_empty() { none.clone() } else { a.commune.clone() }]);
    [by_list, by_sponsor, by_level, by_commune]
}

/// What a sponsor gave, what was paid out from lists naming it, and the students.
fn statement(
    chosen: &mut String,
    cached: &mut Memo<(u64, i32, String), SponsorStatement>,
    ui: &mut egui::Ui,
    lang: Lang,
    book: &Book,
    (year, rev): (i32, u64),
) {
    ui.heading(T::SponsorStatement.get(lang));
    let mut sponsors: Vec<String> =
        book.award_lists.iter().filter(|l| l.year == year).flat_map(|l| l.sponsor_names()).collect();
    sponsors.sort();
    sponsors.dedup();
    if sponsors.is_empty() {
        ui.label(T::NoSponsor.get(lang));
        return;
    }
    if !sponsors.contains(chosen) {
        *chosen = sponsors[0].clone();
    }
    ui.horizontal(|ui| {
        let l = ui.label(T::Sponsors.get(lang));
        egui::ComboBox::from_id_salt("statement_sponsor")
            .selected_text(chosen.as_str())
            .width(320.0)
            .show_ui(ui, |ui| {
                for s in &sponsors {
                    ui.selectable_value(chosen, s.clone(), s);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let st = cached.get((rev, year, chosen.clone()), |(_, _, s)| sponsor_statement(book, s, year));
    ui.label(RichText::new(format!("{}: {}", T::Given.get(lang), st.given.display())).strong());
    ui.label(
        RichText::new(format!(
            "{}: {} · {} {}",
            T::PaidOut.get(lang),
            st.paid.display(),
            st.students.len(),
            T::Students.get(lang)
        ))
        .strong(),
    );
    egui::Grid::new("statement_students").striped(true).num_columns(3).show(ui, |ui| {
        for (name, list, amount) in &st.students {
            ui.label(name);
            ui.weak(list);
            ui.label(amount.display());
            ui.end_row();
        }
    });
}
