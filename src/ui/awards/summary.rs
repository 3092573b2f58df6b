//! Totals of the year's lists (per list, sponsor, commune, level) and, beside the sponsor
//! table, the statement for the sponsor clicked: what it gave, its share of each list, the
//! students named.

use crate::i18n::{Lang, T};
use crate::model::awards::sponsors::{SponsorStatement, by_sponsor, shares, statement};
use crate::model::awards::totals_by;
use crate::model::book::Book;
use crate::model::money::Vnd;
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::labels;
use egui::RichText;

type Table = Vec<(String, usize, Vnd)>;

/// The year's tables: per list, per sponsor (name, students, share, shared), per level, per commune.
struct Tables {
    by_list: Table,
    by_sponsor: Vec<(String, usize, Vnd, bool)>,
    by_level: Table,
    by_commune: Table,
}

#[derive(Default)]
pub struct SummaryUi {
    sponsor: String,
    /// The tables, for a data revision, year and language.
    cache: Memo<(u64, i32, Lang), Tables>,
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
        let t = self.cache.get((rev, year, lang), |_| compute(lang, book, year));
        let (sponsor, cached) = (&mut self.sponsor, &mut self.statement);
        if !t.by_sponsor.iter().any(|r| r.0 == *sponsor && !r.0.is_empty()) {
            sponsor.clone_from(&t.by_sponsor.iter().find(|r| !r.0.is_empty()).map(|r| r.0.clone()).unwrap_or_default());
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.weak(T::CountedLists.get(lang));
            // List titles are long: that table takes the whole width.
            table(ui, "by_list", lang, T::ByList, &t.by_list);
            ui.columns(2, |cols| {
                sponsor_table(&mut cols[0], lang, &t.by_sponsor, sponsor);
                statement_view(&mut cols[1], lang, book, sponsor, cached, (year, rev));
            });
            ui.separator();
            ui.columns(2, |cols| {
                table(&mut cols[0], "by_level", lang, T::ByLevel, &t.by_level);
                table(&mut cols[1], "by_commune", lang, T::ByCommune, &t.by_commune);
            });
        });
    }
}

/// Totals per list, sponsor, level and commune of the year's counted lists (approved or paid).
fn compute(lang: Lang, book: &Book, year: i32) -> Tables {
    let by_list = book
        .award_lists
        .iter()
        .filter(|l| l.year == year && l.status.counts())
        .map(|l| (format!("{} ({})", l.title, labels::status(l.status).get(lang)), l.awardees.len(), l.total()))
        .collect();
    let none = T::NoCommune.get(lang).to_owned();
    let by_level = totals_by(book, year, |l, a| {
        vec![if a.prize == crate::model::awards::Prize::None {
            labels::list_kind(l.kind).get(lang).to_owned()
        } else {
            labels::level(a.level).get(lang).to_owned()
        }]
    });
    let by_commune =
        totals_by(book, year, |_, a| vec![if a.commune.is_empty() { none.clone() } else { a.commune.to_string() }]);
    Tables { by_list, by_sponsor: by_sponsor(&shares(book, year)), by_level, by_commune }
}

/// Each sponsor's share (the general fund last); a click shows its statement beside.
fn sponsor_table(ui: &mut egui::Ui, lang: Lang, rows: &[(String, usize, Vnd, bool)], chosen: &mut String) {
    ui.strong(T::BySponsor.get(lang));
    let named = rows.iter().filter(|r| !r.0.is_empty());
    let general = rows.iter().filter(|r| r.0.is_empty());
    egui::Grid::new("by_sponsor").striped(true).num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
        for (name, n, v, shared) in named.chain(general) {
            if name.is_empty() {
                ui.label(T::GeneralFund.get(lang));
            } else if ui.selectable_label(chosen == name, name).clicked() {
                chosen.clone_from(name);
            }
            let students = format!("{n} {}", T::Students.get(lang));
            ui.label(if *shared { format!("{students} ({})", T::SharedList.get(lang)) } else { students });
            ui.label(RichText::new(v.display()).strong());
            ui.end_row();
        }
    });
    let note = format!("{} {}", T::SharesNote.get(lang), T::ClickSponsor.get(lang));
    ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
}

/// What the chosen sponsor gave, its share of each list, and the students.
fn statement_view(
    ui: &mut egui::Ui,
    lang: Lang,
    book: &Book,
    chosen: &str,
    cached: &mut Memo<(u64, i32, String), SponsorStatement>,
    (year, rev): (i32, u64),
) {
    if chosen.is_empty() {
        ui.strong(T::SponsorStatement.get(lang));
        ui.label(T::NoSponsor.get(lang));
        return;
    }
    // Clear of the scroll bar at the window's edge.
    ui.set_max_width(ui.available_width() - 16.0);
    ui.strong(format!("{}: {chosen}", T::SponsorStatement.get(lang)));
    let st = cached.get((rev, year, chosen.to_owned()), |(_, _, s)| statement(book, s, year));
    let g = &st.given;
    ui.label(format!(
        "{} {year}: {} {} · {} {}",
        T::Given.get(lang),
        T::CashIn.get(lang).to_lowercase(),
        g.cash.display(),
        T::InKindIn.get(lang).to_lowercase(),
        g.in_kind.display()
    ));
    ui.label(RichText::new(format!("{}: {}", T::ShareOfLists.get(lang), st.funded.display())).strong());
    for f in &st.lists {
        let with: Vec<&str> =
            f.with.iter().map(|w| if w.is_empty() { T::GeneralFund.get(lang) } else { w.as_str() }).collect();
        let mut line = format!(
            "• {}: {} {}, {} · {} {}",
            f.title,
            f.students,
            T::Students.get(lang),
            f.total.display(),
            T::ShareOf.get(lang),
            f.share.display()
        );
        if !with.is_empty() {
            line.push_str(&format!(" ({} {})", T::SharedWith.get(lang), with.join(", ")));
        }
        ui.add(egui::Label::new(line).wrap());
    }
    egui::CollapsingHeader::new(format!("{} ({})", T::StudentsNamed.get(lang), st.students.len()))
        .id_salt("statement_students")
        .show(ui, |ui| {
            egui::Grid::new("statement_students").striped(true).num_columns(3).show(ui, |ui| {
                for (name, list, amount) in &st.students {
                    ui.label(name);
                    ui.weak(list);
                    ui.label(amount.display());
                    ui.end_row();
                }
            });
        });
}
