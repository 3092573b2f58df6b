//! Totals of the year's lists (per list, sponsor, commune, level) and the statement for a
//! sponsor: what they gave, what was paid out, the students named.

use crate::i18n::{Lang, T};
use crate::model::awards::{ListStatus, sponsor_statement, totals_by};
use crate::model::book::Book;
use crate::model::money::Vnd;
use crate::ui::labels;
use egui::RichText;

#[derive(Default)]
pub struct SummaryUi {
    sponsor: String,
}

fn table(ui: &mut egui::Ui, id: &str, lang: Lang, title: T, rows: &[(String, usize, Vnd)]) {
    ui.strong(title.get(lang));
    egui::Grid::new(id).striped(true).num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
        for (k, n, v) in rows {
            ui.label(k);
            ui.label(format!("{n} {}", T::Students.get(lang)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(v.display()));
            ui.end_row();
        }
    });
    ui.add_space(10.0);
}

impl SummaryUi {
    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang, book: &Book, year: i32) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.columns(2, |cols| {
                let by_list: Vec<(String, usize, Vnd)> = book
                    .award_lists
                    .iter()
                    .filter(|l| l.year == year && l.status != ListStatus::Cancelled)
                    .map(|l| {
                        (format!("{} ({})", l.title, labels::status(l.status).get(lang)), l.awardees.len(), l.total())
                    })
                    .collect();
                table(&mut cols[0], "by_list", lang, T::ByList, &by_list);
                let none = T::NoCommune.get(lang).to_owned();
                let by_sponsor = totals_by(book, year, |l, _| {
                    let s = l.sponsor_names();
                    if s.is_empty() { vec![T::GeneralFund.get(lang).to_owned()] } else { s }
                });
                table(&mut cols[0], "by_sponsor", lang, T::BySponsor, &by_sponsor);
                let by_level = totals_by(book, year, |l, a| {
                    vec![if a.prize == crate::model::awards::Prize::None {
                        labels::list_kind(l.kind).get(lang).to_owned()
                    } else {
                        labels::level(a.level).get(lang).to_owned()
                    }]
                });
                table(&mut cols[0], "by_level", lang, T::ByLevel, &by_level);
                let by_commune = totals_by(book, year, |_, a| {
                    vec![if a.commune.is_empty() { none.clone() } else { a.commune.clone() }]
                });
                table(&mut cols[1], "by_commune", lang, T::ByCommune, &by_commune);
            });
            ui.separator();
            self.statement(ui, lang, book, year);
        });
    }

    fn statement(&mut self, ui: &mut egui::Ui, lang: Lang, book: &Book, year: i32) {
        ui.heading(T::SponsorStatement.get(lang));
        let mut sponsors: Vec<String> =
            book.award_lists.iter().filter(|l| l.year == year).flat_map(|l| l.sponsor_names()).collect();
        sponsors.sort();
        sponsors.dedup();
        if sponsors.is_empty() {
            ui.label(T::NoSponsor.get(lang));
            return;
        }
        if !sponsors.contains(&self.sponsor) {
            self.sponsor = sponsors[0].clone();
        }
        ui.horizontal(|ui| {
            let l = ui.label(T::Sponsors.get(lang));
            egui::ComboBox::from_id_salt("statement_sponsor")
                .selected_text(&self.sponsor)
                .width(320.0)
                .show_ui(ui, |ui| {
                    for s in &sponsors {
                        ui.selectable_value(&mut self.sponsor, s.clone(), s);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let st = sponsor_statement(book, &self.sponsor, year);
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
}
