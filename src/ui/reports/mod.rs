//! The Reports tab (Báo cáo): the yearly cooperation report and the fund disclosure shown in
//! the window and exported as PDF or XLSX, and closing a year.

mod closing;

use crate::i18n::{Lang, T};
use crate::model::report::Period;
use crate::report::Cell;
use crate::report::{Block, Doc, coop, disclosure};
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::file_job::FileJob;
use crate::ui::intent::Origin;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::{ERROR, FilePicker, WARN, dialog, start_dir, year_picker, years_with};
use crate::ui::work::Background;
use chrono::{Datelike, NaiveDate};
use egui::RichText;
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
        let Some((doc, updating)) = self.doc.get(ui.ctx(), key, job) else {
            crate::ui::work::busy(ui, T::Updating.get(lang));
            return;
        };
        if updating {
            crate::ui::work::busy(ui, T::Updating.get(lang));
        }
        egui::ScrollArea::vertical().id_salt("report").show(ui, |ui| show_doc(ui, lang, doc));
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

/// A report in the window: the same blocks the PDF prints.
fn show_doc(ui: &mut egui::Ui, lang: Lang, doc: &Doc) {
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
                egui::Grid::new(("report_table", n)).striped(true).spacing([16.0, 3.0]).show(ui, |ui| {
                    for h in &t.header {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for row in t.rows.iter().take(SHOWN_ROWS) {
                        cells(ui, row, false);
                    }
                    if let Some(total) = &t.total {
                        cells(ui, total, true);
                    }
                });
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

fn cells(ui: &mut egui::Ui, row: &[Cell], strong: bool) {
    for c in row {
        let text = RichText::new(c.display());
        let text = if strong { text.strong() } else { text };
        if c.numeric() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(text));
        } else {
            ui.label(text);
        }
    }
    ui.end_row();
}
