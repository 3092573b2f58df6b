//! The roll-up: per commune and for the province, registered, evaluated and recognised per
//! model, the share against the targets (editable), a chart by year, export to XLSX.

use super::intent;
use crate::i18n::{Lang, T};
use crate::io::table::write_xlsx;
use crate::model::learning::action::LearningAction;
use crate::model::learning::rollup::{RollRow, rollup, shares_by_year};
use crate::model::learning::{Learning, ModelKind, evaluate};
use crate::report::Cell;
use crate::ui::ctx::Ctx;
use crate::ui::file_job::FileJob;
use crate::ui::intent::LearningOrigin;
use crate::ui::labels;
use crate::ui::widgets::table_header;
use crate::ui::widgets::{FilePicker, RECEIPT, WARN, dialog, legend, round_marks, start_dir};
use crate::ui::work::{Background, busy};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Line, Plot, PlotPoints};
use std::collections::BTreeMap;

/// A year's roll-up (by commune, and the province) and the share met per model and year.
type Rolled = ((Vec<RollRow>, Vec<RollRow>), BTreeMap<ModelKind, Vec<(i32, u32)>>);

/// One colour per model, in the order of `ModelKind::ALL`, for the chart and its legend.
const MODEL_COLORS: [egui::Color32; 7] = [
    egui::Color32::from_rgb(0xe0, 0x6c, 0x5c),
    egui::Color32::from_rgb(0x5b, 0x8d, 0xd6),
    egui::Color32::from_rgb(0xb8, 0xc2, 0x4a),
    egui::Color32::from_rgb(0xc9, 0x5b, 0xc9),
    egui::Color32::from_rgb(0x4a, 0xc2, 0xb4),
    egui::Color32::from_rgb(0xe0, 0xa1, 0x3a),
    egui::Color32::GRAY,
];

#[derive(Default)]
pub struct RollupUi {
    /// Per revision and year.
    /// Per revision and year, worked out on its own thread (200,000 sheets take 50 ms).
    cache: Background<(u64, i32), Rolled>,
    targets: Option<Vec<(ModelKind, u32)>>,
    export: Option<(FilePicker, FileJob)>,
    /// The per-commune table's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
}

fn target_of(l: &Learning, m: ModelKind) -> Option<u32> {
    l.targets.iter().find(|(k, _)| *k == m).map(|(_, t)| *t)
}

impl RollupUi {
    pub fn show(&mut self, ui: &mut egui::Ui, l: &Learning, year: i32, cx: &mut Ctx) {
        let (lang, read_only) = (cx.lang, cx.read_only);
        let rev = cx.rev();
        let shared = cx.caches.shared();
        let job = |&(_, y): &(u64, i32)| {
            shared.map(|data| move || (rollup(&data.book.learning, y), shares_by_year(&data.book.learning)))
        };
        let Some((((rows, province), shares), updating)) = self.cache.get(ui.ctx(), (rev, year), job) else {
            busy(ui, T::Updating.get(lang));
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(format!("{} {year}", T::Province.get(lang)));
            if updating {
                ui.spinner().on_hover_text(T::Updating.get(lang));
            }
            if ui.button(T::ExportRollup.get(lang)).clicked() {
                self.export = Some((
                    FilePicker::new(&start_dir(), &format!("mo-hinh-hoc-tap-{year}.xlsx"), &[".xlsx"]),
                    FileJob::default(),
                ));
            }
        });
        let targets = self.targets.get_or_insert_with(|| l.targets.clone());
        egui::Grid::new("province").striped(true).num_columns(7).spacing([18.0, 4.0]).show(ui, |ui| {
            for t in [T::ModelCol, T::Registered, T::Evaluated, T::Recognised, T::TopLevel, T::Share, T::TargetShare] {
                ui.strong(t.get(lang));
            }
            ui.end_row();
            for r in province {
                let lab = ui.label(labels::model(r.model).get(lang));
                ui.label(r.registered.to_string());
                ui.label(r.evaluated.to_string());
                ui.label(r.recognised.to_string());
                ui.label(r.top.to_string());
                let share = r.share().unwrap_or(0);
                let goal = target_of(l, r.model);
                let color = if goal.is_some_and(|g| share >= g) { RECEIPT } else { WARN };
                ui.label(RichText::new(lang.percent(share as f64)).color(color).strong());
                match targets.iter_mut().find(|(k, _)| *k == r.model) {
                    Some((_, t)) => {
                        ui.add_enabled(!read_only, egui::DragValue::new(t).range(0..=100).suffix(" %"))
                            .labelled_by(lab.id);
                    }
                    None => {
                        ui.label("—");
                    }
                }
                ui.end_row();
            }
        });
        if !read_only && *targets != l.targets && ui.button(T::SaveTargets.get(lang)).clicked() {
            cx.act(intent(LearningAction::SetTargets(targets.clone()), LearningOrigin::Targets));
            self.targets = None;
        }
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            let ctx = ui.ctx().clone();
            let out = self
                .nav
                .scroll(&ctx, TableBuilder::new(ui), (|| None, rows.len()), &year)
                .id_salt("rollup_rows")
                .striped(true)
                .max_scroll_height(360.0)
                .column(Column::initial(120.0).clip(true))
                .column(Column::initial(170.0).clip(true))
                .column(Column::auto())
                .column(Column::auto())
                .column(Column::auto())
                .column(Column::remainder())
                .header(22.0, |mut h| {
                    let titles = [T::Commune, T::ModelCol, T::Registered, T::Evaluated, T::Recognised, T::Share];
                    table_header(&mut h, lang, &titles);
                })
                .body(|body| {
                    body.rows(20.0, rows.len(), |mut row| {
                        let Some(r) = rows.get(row.index()) else { return };
                        let cells = [
                            r.commune.clone(),
                            labels::model(r.model).get(lang).to_owned(),
                            r.registered.to_string(),
                            r.evaluated.to_string(),
                            r.recognised.to_string(),
                            r.share().map(|s| lang.percent(s as f64)).unwrap_or_default(),
                        ];
                        for c in cells {
                            row.col(|ui| {
                                ui.label(c);
                            });
                        }
                    });
                });
            self.nav.seen(ui, &out, 20.0);
            let ui = &mut cols[1];
            ui.strong(T::ChartShares.get(lang));
            let color = |m: &ModelKind| MODEL_COLORS[ModelKind::ALL.iter().position(|k| k == m).unwrap_or(0) % 7];
            let names: Vec<(egui::Color32, &str)> =
                shares.keys().map(|m| (color(m), labels::model(*m).get(lang))).collect();
            legend(ui, &names);
            Plot::new("learning_shares")
                .height(150.0)
                .y_grid_spacer(round_marks)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .include_y(0.0)
                .include_y(100.0)
                .y_axis_formatter(move |m, _| lang.percent(m.value))
                .x_axis_formatter(|m, _| format!("{}", m.value.round() as i64))
                .show(ui, |p| {
                    for (model, points) in shares {
                        let pts: PlotPoints = points.iter().map(|(y, s)| [*y as f64, *s as f64]).collect();
                        p.line(Line::new(labels::model(*model).get(lang), pts).color(color(model)).width(2.0));
                    }
                });
            // By commune: the share of families recognised (the most numerous model), top 15.
            ui.strong(format!("{} · {}", T::ChartCommunes.get(lang), labels::model(ModelKind::Family).get(lang)));
            let mut by_commune: Vec<(&str, u32)> = rows
                .iter()
                .filter(|r| r.model == ModelKind::Family)
                .map(|r| (r.commune.as_str(), r.share().unwrap_or(0)))
                .collect();
            by_commune.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
            by_commune.truncate(15);
            let n = by_commune.len();
            let names: Vec<String> = by_commune.iter().map(|(c, _)| (*c).to_owned()).collect();
            let bars: Vec<Bar> = by_commune
                .iter()
                .enumerate()
                .map(|(i, (c, s))| Bar::new((n - i) as f64, *s as f64).name(*c).width(0.7))
                .collect();
            Plot::new("learning_communes")
                .height(180.0)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .include_x(0.0)
                .include_x(100.0)
                .show_y(false)
                .y_grid_spacer(move |_| (1..=n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect())
                .custom_y_axes(vec![
                    AxisHints::new_y()
                        .formatter(move |m, _| {
                            usize::try_from(n as i64 - m.value.round() as i64)
                                .ok()
                                .and_then(|i| names.get(i))
                                .cloned()
                                .unwrap_or_default()
                        })
                        .label_spacing(8.0..=10.0),
                ])
                .y_axis_min_width(110.0)
                .x_grid_spacer(round_marks)
                .x_axis_formatter(move |m, _| lang.percent(m.value))
                .show(ui, |p| p.bar_chart(BarChart::new(T::Share.get(lang), bars).horizontal().color(RECEIPT)));
        });
        self.export_window(ui.ctx(), lang, l, year);
    }

    fn export_window(&mut self, ctx: &egui::Context, lang: Lang, l: &Learning, year: i32) {
        let Some((picker, job)) = &mut self.export else { return };
        let mut open = true;
        dialog(ctx, T::ExportRollup.get(lang).trim_end_matches('…'))
            .id(egui::Id::unique("rollup_export"))
            .open(&mut open)
            .show(ctx, |ui| {
                picker.show(ui, lang);
                if ui.add_enabled(!job.running(), egui::Button::new(T::Save.get(lang))).clicked() {
                    // The rows are read here; the two workbooks are written beside the window.
                    let tables = export_tables(l, year, lang);
                    job.start(ui.ctx(), picker.path(), move |path| {
                        let [(name, header, body), (sheets_name, sheets_header, sheets_body)] = &tables;
                        write_xlsx(path, name, header, body)?;
                        write_xlsx(&sheets_path(path), sheets_name, sheets_header, sheets_body)
                    });
                }
                job.show(ui, lang);
            });
        if !open {
            self.export = None;
        }
    }
}

type Table = (String, Vec<String>, Vec<Vec<Cell>>);

/// Where the sheets of a roll-up export go: beside it, "<name>-phieu.xlsx".
fn sheets_path(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{stem}-phieu.xlsx"))
}

/// The roll-up (per commune and model) and every sheet of the year, as two tables.
fn export_tables(l: &Learning, year: i32, lang: Lang) -> [Table; 2] {
    let (rows, _) = rollup(l, year);
    let header: Vec<String> = [T::Commune, T::ModelCol, T::Registered, T::Evaluated, T::Recognised, T::Share]
        .map(|t| t.get(lang).to_owned())
        .to_vec();
    let body: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            vec![
                Cell::Text(r.commune.clone()),
                Cell::Text(labels::model(r.model).get(lang).to_owned()),
                Cell::Money(r.registered as i64),
                Cell::Money(r.evaluated as i64),
                Cell::Money(r.recognised as i64),
                Cell::Money(r.share().unwrap_or(0) as i64),
            ]
        })
        .collect();
    let rollup_table = (T::ViewRollup.get(lang).to_owned(), header, body);
    let header: Vec<String> =
        [T::Name, T::Commune, T::SetCol, T::TotalScore, T::Result].map(|t| t.get(lang).to_owned()).to_vec();
    let body: Vec<Vec<Cell>> = l
        .sheets
        .iter()
        .filter(|s| s.year == year)
        .filter_map(|s| {
            let set = l.set(s.set)?;
            let subject = l.subjects.get(s.subject)?;
            let o = evaluate(set, &s.values);
            Some(vec![
                Cell::Text(subject.name.clone()),
                Cell::Text(subject.commune.clone()),
                Cell::Text(format!("{} v{}", set.name, set.version)),
                Cell::Money(o.total as i64),
                Cell::Text(labels::outcome(lang, set, &o)),
            ])
        })
        .collect();
    [rollup_table, (T::ScoreSheet.get(lang).to_owned(), header, body)]
}
