//! The Reports tab (Báo cáo): the yearly cooperation report and the fund disclosure shown in
//! the window and exported as PDF or XLSX, and closing a year.

mod closing;

use crate::i18n::{Lang, T};
use crate::model::report::Period;
use crate::report::Cell;
use crate::report::{Block, Doc, coop, disclosure};
use crate::ui::caches::Memo;
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::file_job::FileJob;
use crate::ui::intent::Origin;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::{ERROR, FilePicker, WARN, dialog, start_dir, year_picker, years_with};
use crate::ui::work::Background;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use serde::{Deserialize, Serialize};

/// Rows of a table shown in the window; the export holds them all.
const SHOWN_ROWS: usize = 150;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportView {
    #[default]
    Cooperation,
    Disclosure,
    Closing,
}

type DocKey = (u64, ReportView, i32, Option<u32>, Lang, NaiveDate);

/// What the Reports tab remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportsPrefs {
    pub view: ReportView,
    pub year: Option<i32>,
    pub quarter: Option<u32>,
}

#[derive(Default)]
pub struct ReportsUi {
    /// The report shown, built on the views' thread once per change (the disclosure reads
    /// every voucher of the year), the one before shown meanwhile.
    doc: Background<DocKey, Doc>,
    /// The width of each table's columns in the report shown, measured once per report.
    widths: Memo<DocKey, Vec<Vec<f32>>>,
    export: Export,
    closing: closing::ClosingUi,
}

impl Tab for ReportsUi {
    type Prefs = ReportsPrefs;

    fn on_result(&mut self, done: &Done) {
        if let Origin::Reports(_) = done.origin {
            self.closing.settle(done.result);
        }
    }

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut ReportsPrefs, cx: &mut Ctx) {
        let lang = cx.lang;
        let today = chrono::Local::now().date_naive();
        let year = prefs.year.unwrap_or(today.year());
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.view,
                &[
                    (ReportView::Cooperation, T::ViewCoopReport),
                    (ReportView::Disclosure, T::ViewDisclosure),
                    (ReportView::Closing, T::ViewClosing),
                ],
            );
            if prefs.view == ReportView::Closing {
                return;
            }
            ui.separator();
            let years = years_with(cx.caches.years.iter().copied());
            year_picker(ui, lang, "report_year", &years, year, &mut prefs.year);
            if prefs.view == ReportView::Disclosure {
                let quarter = |q: Option<u32>| match q {
                    Some(q) => T::QuarterN.get(lang).replace("{q}", &q.to_string()),
                    None => T::WholeYear.get(lang).to_owned(),
                };
                let label = ui.label(T::ReportPeriod.get(lang));
                egui::ComboBox::from_id_salt("report_quarter")
                    .selected_text(quarter(prefs.quarter))
                    .show_ui(ui, |ui| {
                        for q in [None, Some(1), Some(2), Some(3), Some(4)] {
                            ui.selectable_value(&mut prefs.quarter, q, quarter(q));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            ui.separator();
            if ui.button(T::ExportPdf.get(lang)).clicked() {
                self.start_export(prefs, year, true);
            }
            if ui.button(T::ExportXlsx.get(lang)).clicked() {
                self.start_export(prefs, year, false);
            }
        });
        ui.separator();
        if prefs.view == ReportView::Closing {
            self.closing.show(ui, today, cx);
            return;
        }
        let key = (cx.rev(), prefs.view, year, prefs.quarter, lang, today);
        let shared = cx.caches.shared();
        let job = |&(_, view, year, quarter, lang, today): &DocKey| {
            shared.map(|data| {
                move || match view {
                    ReportView::Disclosure => disclosure::build(&data.book, Period { year, quarter }, today, lang),
                    _ => coop::build(&data.book, year, today, lang),
                }
            })
        };
        let Some((made_for, doc, updating)) = self.doc.get_keyed(ui.ctx(), key, job) else {
            crate::ui::work::busy(ui, T::Updating.get(lang));
            return;
        };
        if updating {
            crate::ui::work::busy(ui, T::Updating.get(lang));
        }
        let widths = self.widths.get(*made_for, |_| measure(ui, doc));
        egui::ScrollArea::vertical().id_salt("report").show(ui, |ui| show_doc(ui, lang, doc, widths));
        export_window(&mut self.export, ui.ctx(), lang, doc, updating);
    }
}

impl ReportsUi {
    fn start_export(&mut self, prefs: &ReportsPrefs, year: i32, pdf: bool) {
        let stem = match prefs.view {
            ReportView::Disclosure => match prefs.quarter {
                Some(q) => format!("cong-khai-quy-q{q}-{year}"),
                None => format!("cong-khai-quy-{year}"),
            },
            _ => format!("bao-cao-phoi-hop-{year}"),
        };
        let (name, ext): (String, &'static [&'static str]) =
            if pdf { (format!("{stem}.pdf"), &[".pdf"]) } else { (format!("{stem}.xlsx"), &[".xlsx"]) };
        self.export = Some((FilePicker::new(&start_dir(), &name, ext), FileJob::default(), pdf, String::new()));
    }
}

/// The file, its writing, PDF (or XLSX), and the place-and-date line (the report's until edited).
type Export = Option<(FilePicker, FileJob, bool, String)>;

/// The export of the report shown; `updating`: that report is the one before the last
/// change, so it cannot be written until the new one is there.
fn export_window(export: &mut Export, ctx: &egui::Context, lang: Lang, doc: &Doc, updating: bool) {
    let Some((picker, job, pdf, place_date)) = export else { return };
    if place_date.is_empty() {
        place_date.clone_from(&doc.place_date);
    }
    let mut open = true;
    let title = if *pdf { T::ExportPdf } else { T::ExportXlsx };
    dialog(ctx, title.get(lang).trim_end_matches('…')).id(egui::Id::unique("report_export")).open(&mut open).show(
        ctx,
        |ui| {
            picker.show(ui, lang);
            if *pdf {
                crate::ui::awards::place_date_field(ui, lang, place_date);
            }
            if ui.add_enabled(!job.running() && !updating, egui::Button::new(T::Save.get(lang))).clicked() {
                let doc = Doc { place_date: place_date.clone(), ..doc.clone() };
                let pdf = *pdf;
                let sheet = T::TabReports.get(lang);
                job.start(ui.ctx(), picker.path(), move |path| {
                    if pdf {
                        let bytes = crate::io::report_file::doc_pdf(&doc)?;
                        std::fs::write(path, bytes).map_err(|e| e.to_string())
                    } else {
                        crate::io::report_file::doc_xlsx(path, sheet, &doc)
                    }
                });
            }
            job.show(ui, lang);
        },
    );
    if !open {
        *export = None;
    }
}

/// Height of a table row in the window.
const ROW_H: f32 = 20.0;
/// Space between a table's columns.
const COL_GAP: f32 = 16.0;

/// The widest text of each column of each table (header, rows shown, total), so that a table
/// keeps its columns while only the rows in view are laid out.
fn measure(ui: &egui::Ui, doc: &Doc) -> Vec<Vec<f32>> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = |s: String| ui.fonts_mut(|f| f.layout_no_wrap(s, font.clone(), Color32::WHITE).size().x);
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => {
                let mut w: Vec<f32> = t.header.iter().map(|h| width(h.clone())).collect();
                for row in t.rows.iter().take(SHOWN_ROWS).chain(t.total.iter()) {
                    for (k, c) in row.iter().enumerate() {
                        let cw = width(c.display());
                        match w.get_mut(k) {
                            Some(x) => *x = x.max(cw),
                            None => w.push(cw),
                        }
                    }
                }
                w.into_iter().map(|x| x.ceil() + 2.0).collect()
            }
            _ => Vec::new(),
        })
        .collect()
}

/// A report in the window: the same blocks the PDF prints.
fn show_doc(ui: &mut egui::Ui, lang: Lang, doc: &Doc, widths: &[Vec<f32>]) {
    ui.vertical_centered(|ui| {
        ui.weak(&doc.org);
        ui.label(RichText::new(&doc.title).strong().size(16.0));
        ui.label(&doc.subtitle);
    });
    for (n, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Heading(s) => {
                ui.add_space(10.0);
                ui.label(RichText::new(s).strong().size(15.0));
            }
            Block::Para(s) => {
                ui.label(s);
            }
            Block::Warn(s) => {
                ui.label(RichText::new(format!("⚠ {s}")).color(ERROR).strong());
            }
            Block::Table(t) => {
                table(ui, t, widths.get(n).map(Vec::as_slice).unwrap_or(&[]));
                if t.rows.len() > SHOWN_ROWS {
                    ui.label(
                        RichText::new(format!("… +{} ({})", t.rows.len() - SHOWN_ROWS, T::ExportXlsx.get(lang)))
                            .color(WARN),
                    );
                }
            }
        }
    }
    ui.add_space(12.0);
}

/// A table with its columns as measured: the header, then the rows, of which only those in
/// view are laid out (the others keep their place), striped; the total in bold.
fn table(ui: &mut egui::Ui, t: &crate::report::Table, widths: &[f32]) {
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(COL_GAP, 0.0);
        let full: f32 = widths.iter().sum::<f32>() + COL_GAP * widths.len().saturating_sub(1) as f32;
        let header: Vec<Cell> = t.header.iter().map(|h| Cell::Text(h.clone())).collect();
        // A column of figures has its heading to the right too.
        let right: Vec<bool> = t.rows.first().map(|r| r.iter().map(Cell::numeric).collect()).unwrap_or_default();
        row_ui(ui, &header, widths, (true, Some(&right)));
        let rows: Vec<(&[Cell], bool)> = t
            .rows
            .iter()
            .take(SHOWN_ROWS)
            .map(|r| (r.as_slice(), false))
            .chain(t.total.iter().map(|r| (r.as_slice(), true)))
            .collect();
        let top = ui.cursor().top();
        let clip = ui.clip_rect();
        let first = (((clip.top() - top) / ROW_H).floor().max(0.0) as usize).min(rows.len());
        let last = (((clip.bottom() - top) / ROW_H).ceil().max(0.0) as usize).clamp(first, rows.len());
        if first > 0 {
            ui.allocate_space(egui::vec2(full, first as f32 * ROW_H));
        }
        for (k, (cells, strong)) in rows.iter().enumerate().take(last).skip(first) {
            if k % 2 == 1 {
                let at = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(full, ROW_H));
                ui.painter().rect_filled(at, 0.0, ui.visuals().faint_bg_color);
            }
            row_ui(ui, cells, widths, (*strong, None));
        }
        if last < rows.len() {
            ui.allocate_space(egui::vec2(full, (rows.len() - last) as f32 * ROW_H));
        }
    });
}

/// One row of a table: each cell in its column's width, numbers (or, for the heading, the
/// columns `right` names) to the right.
fn row_ui(ui: &mut egui::Ui, row: &[Cell], widths: &[f32], (strong, right): (bool, Option<&[bool]>)) {
    ui.horizontal(|ui| {
        for (k, c) in row.iter().enumerate() {
            let w = widths.get(k).copied().unwrap_or(60.0);
            let text = RichText::new(c.display());
            let text = if strong { text.strong() } else { text };
            let to_right = right.map_or(c.numeric(), |r| r.get(k).copied().unwrap_or(false));
            let layout = if to_right {
                egui::Layout::right_to_left(egui::Align::Center)
            } else {
                egui::Layout::left_to_right(egui::Align::Center)
            };
            ui.allocate_ui_with_layout(egui::vec2(w, ROW_H), layout, |ui| {
                ui.set_min_size(egui::vec2(w, ROW_H));
                ui.label(text);
            });
        }
    });
}
