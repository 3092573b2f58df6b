//! Quick entry: one row per subject, one column per item, for a village that scores
//! hundreds of families. Tab moves between cells; a block pasted from a spreadsheet fills
//! the rows in order; everything is saved as one undo step.

use super::{LearningOrigin, intent};
use crate::i18n::{Lang, T};
use crate::model::book::Book;
use crate::model::learning::{Scheme, ScoreSheet, Value, evaluate};
use crate::model::learning_action::LearningAction;
use crate::model::text::fold;
use crate::ui::Intent;
use crate::ui::labels;
use crate::ui::widgets::{RECEIPT, WARN, error_text};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeMap;

/// Data revision, year, set and commune filter.
type GridKey = (u64, i32, u32, String);
/// A subject and its saved values.
type GridRow = (usize, Vec<Value>);

#[derive(Default)]
pub struct GridUi {
    set: Option<u32>,
    commune: String,
    /// Edited rows (subject → values), not saved yet; cleared once saved.
    drafts: BTreeMap<usize, Vec<Value>>,
    paste: String,
    /// (revision, year, set, commune) → subjects and their saved values.
    rows: Option<(GridKey, Vec<GridRow>)>,
    error: Option<String>,
}

/// "x", "1", "đạt", "có" mean met; a number is a score or a measured percentage.
fn parse_cell(s: &str) -> (Option<u32>, bool) {
    let f = fold(s.trim());
    let number = f.replace(',', ".").parse::<f64>().ok().map(|n| n.round().max(0.0) as u32);
    let met = matches!(f.as_str(), "x" | "1" | "dat" | "co" | "yes" | "v") || number.is_some_and(|n| n > 0);
    (number, met)
}

impl GridUi {
    pub fn settle(&mut self, error: Option<String>) {
        if error.is_none() {
            self.drafts.clear();
        }
        self.error = error;
    }

    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        book: &Book,
        year: i32,
        read_only: bool,
        rev: u64,
        out: &mut Vec<Intent>,
    ) {
        let l = &book.learning;
        let usable = super::newest_sets(l);
        let Some(set) = self.set.and_then(|id| l.set(id)).or_else(|| usable.first().copied()) else { return };
        ui.horizontal(|ui| {
            let lab = ui.label(T::SetCol.get(lang));
            let mut chosen = set.id;
            egui::ComboBox::from_id_salt("grid_set")
                .selected_text(format!("{} · v{}", set.name, set.version))
                .width(360.0)
                .show_ui(ui, |ui| {
                    for s in &usable {
                        ui.selectable_value(&mut chosen, s.id, format!("{} · v{}", s.name, s.version));
                    }
                })
                .response
                .labelled_by(lab.id);
            if chosen != set.id {
                self.drafts.clear();
            }
            self.set = Some(chosen);
            let lab = ui.label(T::Commune.get(lang));
            egui::ComboBox::from_id_salt("grid_commune")
                .selected_text(if self.commune.is_empty() { T::All.get(lang).to_owned() } else { self.commune.clone() })
                .width(180.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.commune, String::new(), T::All.get(lang));
                    for c in &book.communes {
                        ui.selectable_value(&mut self.commune, c.name.clone(), &c.name);
                    }
                })
                .response
                .labelled_by(lab.id);
            let changed = self.drafts.len();
            let save = ui.add_enabled(
                !read_only && changed > 0,
                egui::Button::new(format!("{} ({changed})", T::SaveAll.get(lang))),
            );
            if save.clicked() {
                let sheets = self
                    .drafts
                    .iter()
                    .map(|(&subject, values)| ScoreSheet {
                        subject,
                        year,
                        set: set.id,
                        values: values.clone(),
                        date: Some(chrono::Local::now().date_naive()),
                        ..Default::default()
                    })
                    .collect();
                out.push(intent(LearningAction::SaveSheets(sheets), LearningOrigin::Grid));
            }
        });
        let key = (rev, year, set.id, self.commune.clone());
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let saved: std::collections::HashMap<usize, &ScoreSheet> =
                l.sheets.iter().filter(|s| s.year == year && s.set == set.id).map(|s| (s.subject, s)).collect();
            let rows = (0..l.subjects.len())
                .filter(|&i| {
                    l.subjects[i].kind == set.model
                        && (self.commune.is_empty() || l.subjects[i].commune == self.commune)
                })
                .map(|i| (i, saved.get(&i).map(|s| s.values.clone()).unwrap_or_default()))
                .collect();
            self.rows = Some((key, rows));
        }
        let rows: &[(usize, Vec<Value>)] = self.rows.as_ref().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
        // Pasting: one line per row in the order shown, cells in item order.
        ui.horizontal(|ui| {
            let lab = ui.label(T::PasteHere.get(lang));
            ui.add(egui::TextEdit::multiline(&mut self.paste).desired_rows(1).desired_width(280.0)).labelled_by(lab.id);
            if ui
                .add_enabled(!read_only && !self.paste.trim().is_empty(), egui::Button::new(T::PasteApply.get(lang)))
                .clicked()
            {
                for ((subject, saved), line) in rows.iter().zip(self.paste.lines()) {
                    let mut values = self.drafts.get(subject).cloned().unwrap_or_else(|| saved.clone());
                    values.resize(set.item_count(), Value::default());
                    for ((v, (_, item)), cell) in values.iter_mut().zip(set.items()).zip(line.split('\t')) {
                        let (number, met) = parse_cell(cell);
                        match set.scheme {
                            Scheme::Points => v.score = number.unwrap_or(0).min(item.max),
                            Scheme::Levels if item.threshold.is_some() => {
                                v.measured = number;
                                v.met = number.is_some();
                            }
                            Scheme::Levels => v.met = met,
                        }
                    }
                    self.drafts.insert(*subject, values);
                }
                self.paste.clear();
            }
        });
        if let Some(e) = &self.error {
            error_text(ui, e);
        }
        let items: Vec<&crate::model::learning::Item> = set.items().map(|(_, i)| i).collect();
        let mut table = TableBuilder::new(ui)
            .id_salt(("grid", set.id))
            .striped(true)
            .column(Column::initial(200.0).clip(true))
            .column(Column::initial(130.0).clip(true));
        for _ in &items {
            table = table.column(Column::exact(if set.scheme == Scheme::Points { 62.0 } else { 44.0 }));
        }
        table
            .column(Column::remainder().at_least(120.0))
            .header(24.0, |mut h| {
                h.col(|ui| {
                    ui.strong(T::Name.get(lang));
                });
                h.col(|ui| {
                    ui.strong(T::Commune.get(lang));
                });
                for (k, item) in items.iter().enumerate() {
                    h.col(|ui| {
                        // The number of the item; its text, maximum or threshold on hover.
                        let detail = match set.scheme {
                            Scheme::Points => format!(" ({} đ)", item.max),
                            Scheme::Levels => item.threshold.map(|t| format!(" (≥ {t} %)")).unwrap_or_default(),
                        };
                        ui.strong((k + 1).to_string()).on_hover_text(format!("{}{detail}", item.text));
                    });
                }
                h.col(|ui| {
                    ui.strong(T::Result.get(lang));
                });
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let (subject, saved) = &rows[row.index()];
                    let s = &l.subjects[*subject];
                    let mut values = self.drafts.get(subject).cloned().unwrap_or_else(|| saved.clone());
                    values.resize(items.len(), Value::default());
                    let before = values.clone();
                    let mut name = egui::Id::NULL;
                    row.col(|ui| {
                        name = ui.label(&s.name).id;
                    });
                    row.col(|ui| {
                        ui.label(&s.commune);
                    });
                    for (k, item) in items.iter().enumerate() {
                        row.col(|ui| match set.scheme {
                            Scheme::Points => {
                                ui.add_enabled(
                                    !read_only,
                                    egui::DragValue::new(&mut values[k].score).range(0..=item.max),
                                )
                                .labelled_by(name);
                            }
                            Scheme::Levels if item.threshold.is_some() => {
                                let mut m = values[k].measured.unwrap_or(0);
                                ui.add_enabled(!read_only, egui::DragValue::new(&mut m).range(0..=100))
                                    .labelled_by(name);
                                if values[k].measured.is_some() || m > 0 {
                                    values[k].measured = Some(m);
                                    values[k].met = true;
                                }
                            }
                            Scheme::Levels => {
                                ui.add_enabled(!read_only, egui::Checkbox::without_text(&mut values[k].met))
                                    .labelled_by(name);
                            }
                        });
                    }
                    let o = evaluate(set, &values);
                    row.col(|ui| {
                        let t = RichText::new(labels::outcome(lang, set, &o));
                        ui.label(if o.recognised { t.color(RECEIPT) } else { t.color(WARN) });
                    });
                    if values != before {
                        self.drafts.insert(*subject, values);
                    }
                });
            });
    }
}

#[cfg(test)]
mod tests {
    use super::parse_cell;

    #[test]
    fn pasted_cells() {
        assert_eq!(parse_cell("8"), (Some(8), true));
        assert_eq!(parse_cell("x"), (None, true));
        assert_eq!(parse_cell("Đạt"), (None, true));
        assert_eq!(parse_cell(""), (None, false));
        assert_eq!(parse_cell("92,4"), (Some(92), true));
        assert_eq!(parse_cell("0"), (Some(0), false));
    }
}
