//! Quick entry: one row per subject, one column per item, for a village that scores
//! hundreds of families. Tab moves between cells; a block pasted from a spreadsheet fills
//! the rows in order; everything is saved as one undo step.

use super::intent;
use crate::i18n::{Lang, T};
use crate::model::error::ActionError;
use crate::model::learning::action::LearningAction;
use crate::model::learning::{Scheme, ScoreSheet, Value, evaluate};
use crate::model::text::fold;
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::LearningOrigin;
use crate::ui::labels;
use crate::ui::widgets::commune_picker;
use crate::ui::widgets::{Problem, RECEIPT, WARN, problem_rest};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeMap;

/// Data revision, year, set, commune filter and language (of the results).
type GridKey = (u64, i32, u32, String, Lang);
/// A subject, its saved values, and their result as shown (worked out once, not each frame).
type GridRow = (usize, Vec<Value>, (String, bool));

#[derive(Default)]
pub struct GridUi {
    set: Option<u32>,
    commune: String,
    /// Edited rows (subject → values), not saved yet; cleared once saved.
    drafts: BTreeMap<usize, Vec<Value>>,
    paste: String,
    /// (revision, year, set, commune, language) → subjects, their saved values and results.
    rows: Memo<GridKey, Vec<GridRow>>,
    error: Option<Problem>,
    /// The one cell (row shown, item) drawn as a live editor; the others are painted, which
    /// keeps a screen of 250 cells cheap. Clicking a cell or tabbing onto it moves it here.
    cursor: (usize, usize),
    /// Give the editor the keyboard on the next frame (it just moved).
    focus_editor: bool,
    /// The grid's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
}

/// "x", "1", "đạt", "có" mean met; a number is a score or a measured percentage.
fn parse_cell(s: &str) -> (Option<u32>, bool) {
    let f = fold(s.trim());
    let number = f.replace(',', ".").parse::<f64>().ok().map(|n| n.round().max(0.0) as u32);
    let met = matches!(f.as_str(), "x" | "1" | "dat" | "co" | "yes" | "v") || number.is_some_and(|n| n > 0);
    (number, met)
}

impl GridUi {
    pub fn settle(&mut self, result: &Result<(), ActionError>) {
        if result.is_ok() {
            self.drafts.clear();
        }
        self.error = result.clone().err().map(Problem::Refused);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, year: i32, cx: &mut Ctx) {
        let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
        let rev = cx.rev();
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
            commune_picker(ui, "grid_commune", lab.id, &mut self.commune, &book.communes, Some(T::All.get(lang)));
            let changed = self.drafts.len();
            let save = ui.add_enabled(
                !read_only && changed > 0,
                egui::Button::new(format!("{} ({changed})", T::SaveAll.get(lang))),
            );
            if save.clicked() {
                // The grid edits the values: a sheet's evidence and evaluator stay as they were
                // (one pass over the sheets for all the edited subjects).
                let mut kept: std::collections::HashMap<usize, &ScoreSheet> = std::collections::HashMap::new();
                for sheet in l.sheets.iter().filter(|s| s.year == year && s.set == set.id) {
                    if self.drafts.contains_key(&sheet.subject) {
                        kept.insert(sheet.subject, sheet);
                    }
                }
                let sheets = self
                    .drafts
                    .iter()
                    .map(|(&subject, values)| ScoreSheet {
                        subject,
                        year,
                        set: set.id,
                        values: values.clone(),
                        evidence: kept.get(&subject).map(|s| s.evidence.clone()).unwrap_or_default(),
                        evaluator: kept.get(&subject).map(|s| s.evaluator.clone()).unwrap_or_default(),
                        date: Some(chrono::Local::now().date_naive()),
                    })
                    .collect();
                cx.act(intent(LearningAction::SaveSheets(sheets), LearningOrigin::Grid));
            }
        });
        let key = (rev, year, set.id, self.commune.clone(), lang);
        let rows: &[GridRow] = self.rows.get(key, |(_, _, _, commune, _)| {
            let saved: std::collections::HashMap<usize, &ScoreSheet> =
                l.sheets.iter().filter(|s| s.year == year && s.set == set.id).map(|s| (s.subject, s)).collect();
            l.subjects
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == set.model && (commune.is_empty() || s.commune == *commune))
                .map(|(i, _)| {
                    let mut values = saved.get(&i).map(|s| s.values.clone()).unwrap_or_default();
                    values.resize(set.item_count(), Value::default());
                    let result = result(lang, set, &values);
                    (i, values, result)
                })
                .collect()
        });
        // Pasting: one line per row in the order shown, cells in item order.
        ui.horizontal(|ui| {
            let lab = ui.label(T::PasteHere.get(lang));
            ui.add(
                egui::TextEdit::multiline(&mut self.paste).char_limit(2_000_000).desired_rows(1).desired_width(280.0),
            )
            .labelled_by(lab.id);
            if ui
                .add_enabled(!read_only && !self.paste.trim().is_empty(), egui::Button::new(T::PasteApply.get(lang)))
                .clicked()
            {
                for ((subject, saved, _), line) in rows.iter().zip(self.paste.lines()) {
                    let mut values = self.drafts.get(subject).cloned().unwrap_or_else(|| saved.clone());
                    values.resize(set.item_count(), Value::default());
                    for ((v, (_, item)), cell) in values.iter_mut().zip(set.items()).zip(line.split('\t')) {
                        let (number, met) = parse_cell(cell);
                        match set.scheme {
                            Scheme::Points => v.score = Value::held(number.unwrap_or(0).min(item.max)),
                            Scheme::Levels if item.threshold.is_some() => {
                                v.measured = number.map(Value::held);
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
        problem_rest(ui, lang, &self.error, &[]);
        let items: Vec<&crate::model::learning::Item> = set.items().map(|(_, i)| i).collect();
        let codes = set.item_codes();
        let ctx = ui.ctx().clone();
        let shows = (year, set.id, &self.commune);
        let mut table = self
            .nav
            .scroll(&ctx, TableBuilder::new(ui), (|| None, rows.len()), &shows)
            .id_salt(("grid", set.id))
            .striped(true)
            .column(Column::initial(200.0).clip(true))
            .column(Column::initial(130.0).clip(true));
        // All item cells of a row share one table cell: a screen of them is then one child
        // Ui a row rather than one a cell.
        let cell_w = if set.scheme == Scheme::Points { 62.0 } else { 44.0 };
        table = table.column(Column::exact(cell_w * items.len() as f32));
        let out = table
            .column(Column::remainder().at_least(120.0))
            .header(36.0, |mut h| {
                h.col(|ui| {
                    ui.strong(T::Name.get(lang));
                });
                h.col(|ui| {
                    ui.strong(T::Commune.get(lang));
                });
                h.col(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    ui.horizontal(|ui| {
                        for (item, code) in items.iter().zip(&codes) {
                            // The item's code over its maximum or threshold; its text on hover.
                            let detail = match set.scheme {
                                Scheme::Points => format!("{} đ", item.max),
                                Scheme::Levels => match item.threshold {
                                    Some(t) => format!("≥ {t} %"),
                                    None => short_mark(item.mark).get(lang).to_owned(),
                                },
                            };
                            let size = egui::vec2(cell_w, 34.0);
                            let layout = egui::Layout::top_down(egui::Align::Center);
                            let cell = ui.allocate_ui_with_layout(size, layout, |ui| {
                                ui.set_min_size(size);
                                ui.spacing_mut().item_spacing.y = 0.0;
                                ui.add(egui::Label::new(RichText::new(code).strong()).selectable(false));
                                ui.add(egui::Label::new(RichText::new(&detail).small().weak()).selectable(false));
                            });
                            let tip =
                                if detail.is_empty() { item.text.clone() } else { format!("{} ({detail})", item.text) };
                            cell.response.on_hover_text(format!("{code}. {tip}"));
                        }
                    });
                });
                h.col(|ui| {
                    ui.strong(T::Result.get(lang));
                });
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let Some(((subject, saved, saved_result), s)) =
                        rows.get(row.index()).and_then(|r| Some((r, l.subjects.get(r.0)?)))
                    else {
                        return;
                    };
                    let mut values = self.drafts.get(subject).cloned().unwrap_or_else(|| saved.clone());
                    values.resize(items.len(), Value::default());
                    let before = values.clone();
                    let mut name = egui::Id::NULL;
                    row.col(|ui| {
                        name = ui.add(egui::Label::new(&s.name).selectable(false)).id;
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&s.commune).selectable(false));
                    });
                    let r = row.index();
                    row.col(|ui| {
                        let mut cur =
                            Cursor { at: &mut self.cursor, focus: &mut self.focus_editor, name, label: &s.name };
                        let strip = Strip { scheme: set.scheme, items: &items, cell_w, read_only };
                        let step = cells(&mut cur, ui, (r, rows.len()), &strip, &mut values);
                        if let Some(k) = step {
                            let toggles =
                                set.scheme == Scheme::Levels && items.get(k).is_some_and(|i| i.threshold.is_none());
                            if toggles
                                && !read_only
                                && let Some(v) = values.get_mut(k)
                            {
                                v.met = !v.met;
                            }
                        }
                    });
                    let live;
                    let (text, recognised) = if values == *saved {
                        saved_result
                    } else {
                        live = result(lang, set, &values);
                        &live
                    };
                    row.col(|ui| {
                        let t = RichText::new(text.as_str());
                        let t = if *recognised { t.color(RECEIPT) } else { t.color(WARN) };
                        ui.add(egui::Label::new(t).selectable(false));
                    });
                    if values != before {
                        self.drafts.insert(*subject, values);
                    }
                });
            });
        self.nav.seen(ui, &out, 24.0);
    }
}

/// A row's result as the grid shows it, and whether it is recognised.
fn result(lang: Lang, set: &crate::model::learning::CriteriaSet, values: &[Value]) -> (String, bool) {
    let o = evaluate(set, values);
    (labels::outcome(lang, set, &o), o.recognised)
}

/// The live editor of the cell under the cursor.
fn editor(ui: &mut egui::Ui, scheme: Scheme, item: &crate::model::learning::Item, v: &mut Value) -> egui::Response {
    match scheme {
        Scheme::Points => ui.add(egui::DragValue::new(&mut v.score).range(0..=item.max)),
        Scheme::Levels if item.threshold.is_some() => {
            let mut m = v.measured.unwrap_or(0);
            let r = ui.add(egui::DragValue::new(&mut m).range(0..=100));
            if v.measured.is_some() || m > 0 {
                v.measured = Some(m);
                v.met = true;
            }
            r
        }
        Scheme::Levels => ui.add(egui::Checkbox::without_text(&mut v.met)),
    }
}

fn cell_text(scheme: Scheme, item: &crate::model::learning::Item, v: &Value) -> String {
    match scheme {
        Scheme::Points => v.score.to_string(),
        Scheme::Levels if item.threshold.is_some() => v.measured.map(|m| m.to_string()).unwrap_or_else(|| "–".into()),
        Scheme::Levels if v.met => "✔".into(),
        Scheme::Levels => String::new(),
    }
}

/// The item cells of the grid's rows: how they score, how wide, whether they take input.
struct Strip<'a> {
    scheme: Scheme,
    items: &'a [&'a crate::model::learning::Item],
    cell_w: f32,
    read_only: bool,
}

/// Where the live editor is, and whether it should take the keyboard.
struct Cursor<'a> {
    at: &'a mut (usize, usize),
    focus: &'a mut bool,
    /// The row's name label, which names the editor for screen readers.
    name: egui::Id,
    label: &'a str,
}

/// The item cells of one row: the cell under the cursor is a live editor, the others are
/// painted over one clickable strip (one interaction a row, not one a cell). Returns the
/// cell clicked, if any. Tab and Shift+Tab in the editor move it to the next or previous
/// cell, on to the next or previous row.
fn cells(
    cur: &mut Cursor,
    ui: &mut egui::Ui,
    (r, rows): (usize, usize),
    strip_of: &Strip,
    values: &mut [Value],
) -> Option<usize> {
    let Strip { scheme, items, cell_w, read_only } = *strip_of;
    let n = items.len();
    let (strip, resp) = ui.allocate_exact_size(egui::vec2(cell_w * n as f32, 22.0), egui::Sense::CLICK);
    let cell = |k: usize| {
        egui::Rect::from_min_size(strip.min + egui::vec2(cell_w * k as f32, 0.0), egui::vec2(cell_w, 22.0))
            .shrink2(egui::vec2(3.0, 1.0))
    };
    // Screen readers (and tests) know the strip by the row's name; built only when asked.
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{} ({n})", cur.label)));
    let at = |p: egui::Pos2| (((p.x - strip.min.x) / cell_w) as usize).min(n.saturating_sub(1));
    let hovered = resp.hover_pos().map(at);
    let visuals = ui.visuals().clone();
    for (k, item) in items.iter().enumerate() {
        if (r, k) == *cur.at && !read_only {
            let mut child = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(cell(k))
                    .layout(egui::Layout::centered_and_justified(egui::Direction::LeftToRight)),
            );
            let e = editor(&mut child, scheme, item, &mut values[k]).labelled_by(cur.name);
            // An editor that has just moved takes the keyboard; only one that already had it
            // moves on with Tab (else one Tab would run along the whole row).
            // An editor that has just moved takes the keyboard on the frame after the Tab that
            // moved it (egui passes focus on at the end of that frame); only an editor that
            // already had the keyboard moves on with Tab.
            let tab = ui.input(|i| i.key_pressed(egui::Key::Tab));
            if *cur.focus {
                if tab {
                    ui.ctx().request_repaint();
                } else {
                    *cur.focus = false;
                    e.request_focus();
                }
            } else if tab && (e.has_focus() || e.lost_focus()) {
                let flat = r * n + k;
                let next = if ui.input(|i| i.modifiers.shift) { flat.checked_sub(1) } else { Some(flat + 1) };
                if let Some(next) = next.filter(|&f| f < rows * n) {
                    *cur.at = (next / n, next % n);
                    *cur.focus = true;
                }
            }
            continue;
        }
        let w = if hovered == Some(k) { &visuals.widgets.hovered } else { &visuals.widgets.inactive };
        ui.painter().rect_filled(cell(k), 2.0, w.weak_bg_fill);
        let text = cell_text(scheme, item, &values[k]);
        ui.painter().text(
            cell(k).center(),
            egui::Align2::CENTER_CENTER,
            text,
            egui::FontId::proportional(13.0),
            w.text_color(),
        );
    }
    let clicked = resp.interact_pointer_pos().filter(|_| resp.clicked() && !read_only).map(at)?;
    *cur.at = (r, clicked);
    *cur.focus = true;
    Some(clicked)
}

/// The level an indicator counts for, short enough for a column header.
fn short_mark(m: crate::model::learning::Mark) -> T {
    use crate::model::learning::Mark::*;
    match m {
        Both => T::MarkShortBoth,
        Level1 => T::MarkShortL1,
        Level2 => T::MarkShortL2,
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
