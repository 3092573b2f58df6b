//! Recognition decisions: number, date, the authority (free text since the 2025 reform),
//! the result, valid until; and how many years in a row each subject has been recognised.

use super::intent;
use crate::i18n::T;
use crate::model::date::format_date;
use crate::model::error::ActionError;
use crate::model::learning::action::LearningAction;
use crate::model::learning::{Decision, Learning};
use crate::model::text::{fold, matches_query, query_words};
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::LearningOrigin;
use crate::ui::widgets::table_header;
use crate::ui::widgets::{Problem, date_field, date_value, dialog, form_error, problem_rest, row, settle, text};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub struct DecisionsUi {
    form: Option<Form>,
    /// (revision, year) → the year's decisions with each subject's years in a row.
    rows: Memo<(u64, i32), Vec<YearRow>>,
    /// The table's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
}

/// A decision's index and its subject's years recognised in a row.
type YearRow = (usize, u32);

struct Form {
    d: Decision,
    query: String,
    date: String,
    valid: String,
    error: Option<Problem>,
}

form_error!(Form);

impl DecisionsUi {
    pub fn settle(&mut self, result: &Result<(), ActionError>) {
        settle(&mut self.form, result);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, l: &Learning, year: i32, cx: &mut Ctx) {
        let (lang, read_only) = (cx.lang, cx.read_only);
        let rev = cx.rev();
        if !read_only && ui.button(format!("+ {}", T::AddDecision.get(lang))).clicked() {
            let today = chrono::Local::now().date_naive();
            let valid = format!("31/12/{}", year + 3);
            let d = Decision { subject: usize::MAX, year, authority: "UBND xã".into(), ..Default::default() };
            self.form = Some(Form { d, query: String::new(), date: format_date(today), valid, error: None });
        }
        let of_year: &[YearRow] = self.rows.get((rev, year), |_| {
            let mut years: std::collections::HashMap<usize, std::collections::HashSet<i32>> = Default::default();
            for d in &l.decisions {
                years.entry(d.subject).or_default().insert(d.year);
            }
            let in_row =
                |s: usize| years.get(&s).map_or(0, |ys| (0..).take_while(|k| ys.contains(&(year - k))).count() as u32);
            l.decisions
                .iter()
                .enumerate()
                .filter(|(_, d)| d.year == year)
                .map(|(i, d)| (i, in_row(d.subject)))
                .collect()
        });
        if of_year.is_empty() {
            ui.label(RichText::new(T::NoDecisionsYet.get(lang)).weak());
        }
        let ctx = ui.ctx().clone();
        let out = self
            .nav
            .scroll(&ctx, TableBuilder::new(ui), (|| None, of_year.len()), &year)
            .id_salt("decisions")
            .striped(true)
            // Wide enough for their headings; longer texts end in "…" and show whole on hover.
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(120.0))
            .column(Column::initial(180.0).clip(true))
            .column(Column::initial(180.0).clip(true))
            .column(Column::initial(110.0))
            .column(Column::remainder())
            .header(22.0, |mut h| {
                table_header(
                    &mut h,
                    lang,
                    &[
                        T::Subjects,
                        T::DecisionNo,
                        T::DecisionDate,
                        T::Authority,
                        T::Result,
                        T::ValidUntil,
                        T::YearsInRow,
                    ],
                );
            })
            .body(|body| {
                body.rows(20.0, of_year.len(), |mut r| {
                    let Some((d, in_row)) = of_year.get(r.index()).and_then(|&(i, n)| Some((l.decisions.get(i)?, n)))
                    else {
                        return;
                    };
                    let cells = [
                        l.subjects.get(d.subject).map(|s| s.name.clone()).unwrap_or_default(),
                        d.number.to_string(),
                        d.date.map(format_date).unwrap_or_default(),
                        d.authority.to_string(),
                        d.result.to_string(),
                        d.valid_until.map(format_date).unwrap_or_default(),
                        in_row.to_string(),
                    ];
                    // Plain text, not selectable: a screen of cells stays cheap to lay cx.
                    for c in cells {
                        r.col(|ui| {
                            ui.add(egui::Label::new(c).selectable(false).truncate());
                        });
                    }
                });
            });
        self.nav.seen(ui, &out, 20.0);
        self.form_window(ui.ctx(), l, cx);
    }

    fn form_window(&mut self, ctx: &egui::Context, l: &Learning, cx: &mut Ctx) {
        let lang = cx.lang;
        let Some(f) = &mut self.form else { return };
        let (mut open, mut save) = (true, false);
        let date = date_value(lang, &f.date);
        let valid = date_value(lang, &f.valid);
        dialog(ctx, T::AddDecision.get(lang)).id(egui::Id::unique("decision_form")).open(&mut open).show(ctx, |ui| {
            egui::Grid::new("decision_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                row(ui, T::Subjects.get(lang), None, |ui, id| {
                    text(ui, &mut f.query, id, 320.0, T::Search.get(lang));
                    match l.subjects.get(f.d.subject) {
                        Some(s) => {
                            ui.label(RichText::new(format!("✔ {}", s.name)).weak());
                        }
                        None => {
                            let words = query_words(&f.query);
                            for (i, s) in l
                                .subjects
                                .iter()
                                .enumerate()
                                .filter(|(_, s)| matches_query(&fold(&s.name), &words))
                                .take(6)
                            {
                                if ui.selectable_label(false, format!("{} · {}", s.name, s.commune)).clicked() {
                                    f.d.subject = i;
                                    f.query = s.name.clone();
                                    f.d.result = l.recognition_for(i, f.d.year).unwrap_or_default().into();
                                }
                            }
                        }
                    }
                });
                row(ui, T::DecisionNo.get(lang), None, |ui, id| text(ui, &mut f.d.number, id, 200.0, "12/QĐ-UBND"));
                row(ui, T::DecisionDate.get(lang), date.as_ref().err().cloned(), |ui, id| {
                    date_field(ui, &mut f.date, id, "dec_date")
                });
                row(ui, T::Authority.get(lang), None, |ui, id| text(ui, &mut f.d.authority, id, 320.0, ""));
                row(ui, T::Result.get(lang), None, |ui, id| text(ui, &mut f.d.result, id, 200.0, ""));
                row(ui, T::ValidUntil.get(lang), valid.as_ref().err().cloned(), |ui, id| {
                    date_field(ui, &mut f.valid, id, "dec_valid")
                });
            });
            problem_rest(ui, lang, &f.error, &[]);
            save = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
        });
        if !open {
            self.form = None;
            return;
        }
        if save && let (Ok(date), Ok(valid)) = (date, valid) {
            let d = Decision { date: Some(date), valid_until: Some(valid), ..f.d.clone() };
            cx.act(intent(LearningAction::AddDecision(d), LearningOrigin::Decision));
        }
    }
}
