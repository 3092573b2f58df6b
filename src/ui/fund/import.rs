//! Importing receipts from an old spreadsheet: choose the file, match columns, preview every
//! row (new, likely duplicate, error with its reason), import the good rows as one undo step.
//! Reading the file, the preview and working out the import run on their own threads (a
//! province's history is 100,000 rows), with a line that says so.

use crate::i18n::{Lang, T};
use crate::model::action::{Action, prepare};
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::error::ActionError;
use crate::model::fund::import::{
    DuplicateOf, Mapping, PreviewRow, RowStatus, Target, before_first_year, build_action, guess_mapping, kept, preview,
};
use crate::ui::caches::Caches;
use crate::ui::ctx::Ctx;
use crate::ui::intent::FundOrigin;
use crate::ui::intent::{Intent, Origin};
use crate::ui::labels;
use crate::ui::sheet_source::{SheetSource, column_choice};
use crate::ui::widgets::{ERROR, Problem, WARN, problem_rest};
use crate::ui::widgets::{short, table_header};
use crate::ui::work::{Work, busy};
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

#[derive(Default, PartialEq, Eq, Clone, Copy)]
enum Step {
    #[default]
    File,
    Map,
    Preview,
    Done,
}

#[derive(Default)]
pub struct ImportWizard {
    step: Step,
    source: SheetSource,
    mapping: Mapping,
    rows: Arc<Vec<PreviewRow>>,
    /// New, likely duplicate, error and foot-of-list rows, counted once per preview.
    counts: (usize, usize, usize, usize),
    /// Blank rows of the file below the header.
    blank: usize,
    /// Receipts before the book's first year: without and with the likely duplicates.
    early: [Option<(i32, usize)>; 2],
    previewing: Option<Work<Previewed>>,
    preparing: Option<Work<Result<Action, ActionError>>>,
    keep_duplicates: bool,
    error: Option<Problem>,
    /// Imported count and skipped rows (row number, reason), once the import went through.
    pending: Option<(usize, Vec<(usize, String)>)>,
    summary: Option<(usize, Vec<(usize, String)>)>,
}

/// The import went through (the summary shows) or was refused (the wizard says why).
pub fn settle(wizard: &mut Option<ImportWizard>, result: &Result<(), ActionError>) {
    let Some(w) = wizard else { return };
    match result {
        Ok(()) => {
            w.summary = w.pending.take();
            w.step = Step::Done;
        }
        Err(e) => w.error = Some(Problem::Refused(e.clone())),
    }
}

fn target_title(t: Target) -> T {
    match t {
        Target::Date => T::Date,
        Target::Counterparty => T::Counterparty,
        Target::Amount => T::Amount,
        Target::Description => T::Description,
        Target::Campaign => T::Campaign,
        Target::Purpose => T::Purpose,
        Target::Method => T::Method,
        Target::DonorType => T::DonorTypeCol,
    }
}

/// The first row (of the first 30) whose words name at least two of the required fields.
fn guess_header(rows: &[Vec<String>]) -> usize {
    (0..rows.len().min(30)).find(|&i| guess_mapping(&rows[i]).keys().filter(|t| t.required()).count() >= 2).unwrap_or(0)
}

impl ImportWizard {
    fn regguess(&mut self) {
        self.source.header = guess_header(self.source.rows());
        self.mapping = guess_mapping(self.source.header_row());
    }

    fn reason(lang: Lang, r: &PreviewRow) -> String {
        match &r.status {
            RowStatus::New => String::new(),
            RowStatus::Duplicate(DuplicateOf::Voucher(n)) => format!("{} {n}", T::SameAs.get(lang)),
            RowStatus::Duplicate(DuplicateOf::Row(n)) => {
                format!("{} {} {n}", T::SameAs.get(lang), T::Line.get(lang).to_lowercase())
            }
            RowStatus::Error(e) => {
                let (t, v) = labels::row_error(e);
                if v.is_empty() { t.get(lang).to_owned() } else { format!("{}: «{v}»", t.get(lang)) }
            }
            RowStatus::Footer => T::RowFooter.get(lang).to_owned(),
        }
    }
}

/// A file's rows read against the book: the preview, the blank rows, and the receipts
/// before the book's first year (without and with the likely duplicates).
type Previewed = (Vec<PreviewRow>, usize, [Option<(i32, usize)>; 2]);

use crate::model::text::blank_rows;

fn previewed(book: &Book, rows: &[Vec<String>], header: usize, mapping: &Mapping) -> Previewed {
    let p = preview(book, rows, header, mapping);
    let early = [false, true].map(|keep| before_first_year(book, &p, keep));
    (p, blank_rows(rows, header), early)
}

pub fn show(wizard: &mut Option<ImportWizard>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(w) = wizard else { return };
    let mut open = true;
    crate::ui::widgets::dialog(ctx, T::ImportTitle.get(lang))
        .id(egui::Id::unique("import_wizard"))
        .open(&mut open)
        .min_size([880.0, 440.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (s, t) in [(Step::File, T::StepFile), (Step::Map, T::StepMap), (Step::Preview, T::StepPreview)] {
                    let _ = ui.selectable_label(w.step == s, t.get(lang));
                }
            });
            ui.separator();
            match w.step {
                Step::File => file_step(w, ui, lang),
                Step::Map => map_step(w, ui, lang, book, cx.caches),
                Step::Preview => preview_step(w, ui, cx),
                Step::Done => done_step(w, ui, lang),
            }
            problem_rest(ui, lang, &w.error, &[]);
        });
    if !open || w.step == Step::Done && w.summary.is_none() {
        *wizard = None;
    }
}

fn file_step(w: &mut ImportWizard, ui: &mut egui::Ui, lang: Lang) {
    match w.source.file_step(ui, lang) {
        Some(Ok(same)) => {
            if !same {
                w.regguess();
            }
            w.error = None;
            w.step = Step::Map;
        }
        Some(Err(e)) => w.error = Some(Problem::Input(None, e)),
        None => {}
    }
}

fn map_step(w: &mut ImportWizard, ui: &mut egui::Ui, lang: Lang, book: &Book, caches: &Caches) {
    match w.source.choose(ui, lang) {
        (true, _) => w.regguess(),
        (false, true) => w.mapping = guess_mapping(w.source.header_row()),
        _ => {}
    }
    let header: Vec<String> = w.source.header_row().to_vec();
    let width = w.source.rows().iter().take(w.source.header + 8).map(Vec::len).max().unwrap_or(0);
    egui::Grid::new("mapping").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        for t in Target::ALL {
            let title = if t.required() {
                format!("{} ({})", target_title(t).get(lang), T::Required.get(lang))
            } else {
                target_title(t).get(lang).to_owned()
            };
            let l = ui.label(title);
            let mut choice = w.mapping.get(&t).copied();
            column_choice(ui, lang, ("map", t as usize), l.id, &header, width, &mut choice);
            match choice {
                Some(c) => w.mapping.insert(t, c),
                None => w.mapping.remove(&t),
            };
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    // The first rows as they are in the file, the header row marked.
    egui::ScrollArea::both().max_height(170.0).id_salt("sheet_peek").show(ui, |ui| {
        egui::Grid::new("peek").striped(true).show(ui, |ui| {
            for (i, r) in w.source.rows().iter().enumerate().take(w.source.header + 8) {
                ui.weak((i + 1).to_string());
                for c in r.iter().take(10) {
                    let t = RichText::new(short(c, 80));
                    ui.label(if i == w.source.header { t.strong() } else { t });
                }
                ui.end_row();
            }
        });
    });
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(T::Back.get(lang)).clicked() {
            w.step = Step::File;
        }
        let ready = Target::ALL.iter().filter(|t| t.required()).all(|t| w.mapping.contains_key(t));
        if ui.add_enabled(ready, egui::Button::new(T::Next.get(lang))).clicked() {
            let (header, mapping) = (w.source.header, w.mapping.clone());
            match (caches.shared(), w.source.shared()) {
                (Some(data), Some(sheet)) => {
                    w.previewing =
                        Some(Work::start(ui.ctx(), move || previewed(&data.book, &sheet.rows, header, &mapping)));
                }
                _ => w.set_rows(previewed(book, w.source.rows(), header, &mapping)),
            }
            w.step = Step::Preview;
        }
    });
}

fn preview_step(w: &mut ImportWizard, ui: &mut egui::Ui, cx: &mut Ctx) {
    let lang = cx.lang;
    if let Some(work) = &w.previewing {
        match work.poll() {
            None => {
                let n = w.source.rows().len().saturating_sub(w.source.header + 1);
                busy(ui, &T::Previewing.get(lang).replace("{n}", &crate::model::money::Vnd(n as i64).grouped()));
                return;
            }
            Some(done) => {
                w.previewing = None;
                w.set_rows(done.unwrap_or_default());
            }
        }
    }
    if let Some(work) = &w.preparing {
        match work.poll() {
            None => {
                busy(ui, T::Preparing.get(lang));
                return;
            }
            Some(Some(Ok(action))) => {
                w.preparing = None;
                cx.act(Intent { action, origin: Origin::Fund(FundOrigin::Import) });
            }
            Some(Some(Err(e))) => {
                w.preparing = None;
                w.error = Some(Problem::Refused(e));
            }
            Some(None) => {
                w.preparing = None;
                w.error = Some(Problem::Refused(ActionError::Stale));
            }
        }
    }
    let (new, dup, err, foot) = w.counts;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}: {new}", T::RowNew.get(lang))).color(crate::ui::widgets::RECEIPT));
        ui.label(RichText::new(format!("{}: {dup}", T::RowDuplicate.get(lang))).color(WARN));
        ui.label(RichText::new(format!("{}: {err}", T::RowError.get(lang))).color(ERROR));
        ui.weak(format!("{}: {foot}", T::RowFoot.get(lang)));
        ui.weak(format!("{}: {}", T::BlankRows.get(lang), w.blank));
        ui.checkbox(&mut w.keep_duplicates, T::KeepDuplicates.get(lang));
    });
    if let Some((year, n)) = w.early[usize::from(w.keep_duplicates)] {
        let text = T::EarlyReceipts.get(lang).replace("{n}", &n.to_string()).replace("{y}", &year.to_string());
        ui.label(RichText::new(format!("⚠ {text}")).color(WARN));
    }
    let mut import = false;
    ui.horizontal(|ui| {
        if ui.button(T::Back.get(lang)).clicked() {
            w.step = Step::Map;
        }
        let n = new + if w.keep_duplicates { dup } else { 0 };
        import = ui.add_enabled(n > 0, egui::Button::new(format!("{} ({n})", T::ImportGood.get(lang)))).clicked();
    });
    let rows = &w.rows;
    TableBuilder::new(ui)
        .striped(true)
        .column(Column::exact(50.0))
        .column(Column::exact(120.0))
        .column(Column::exact(90.0))
        .column(Column::initial(220.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut h| {
            table_header(&mut h, lang, &[T::Line, T::Status, T::Date, T::Counterparty, T::Amount, T::Reason]);
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else { return };
                row.col(|ui| {
                    ui.label(r.line.to_string());
                });
                row.col(|ui| {
                    let (t, c) = match r.status {
                        RowStatus::New => (T::RowNew, crate::ui::widgets::RECEIPT),
                        RowStatus::Duplicate(_) => (T::RowDuplicate, WARN),
                        RowStatus::Error(_) => (T::RowError, ERROR),
                        RowStatus::Footer => (T::RowFoot, Color32::GRAY),
                    };
                    ui.label(RichText::new(t.get(lang)).color(c));
                });
                // Good rows show what will be stored; error rows show the cells as written.
                let cells = match &r.draft {
                    Some(d) => [format_date(d.date), d.counterparty.to_string(), d.amount.grouped()],
                    None => r.raw.clone(),
                };
                for c in cells {
                    row.col(|ui| {
                        ui.label(short(&c, 80));
                    });
                }
                row.col(|ui| {
                    ui.label(ImportWizard::reason(lang, r));
                });
            });
        });
    if import && let Some(data) = cx.caches.shared() {
        let keep = w.keep_duplicates;
        let skipped: Vec<(usize, String)> =
            w.rows.iter().filter(|r| !kept(&r.status, keep)).map(|r| (r.line, ImportWizard::reason(lang, r))).collect();
        let imported = w.rows.len() - skipped.len();
        w.pending = Some((imported, skipped));
        w.error = None;
        // Worked cx and checked on the book as it is now; it goes in only if the book is
        // still that one when it is ready.
        let (rows, base) = (Arc::clone(&w.rows), cx.caches.rev());
        w.preparing = Some(Work::start(ui.ctx(), move || {
            let action = build_action(&data.book, &rows, keep).ok_or(ActionError::NothingToImport)?;
            let (label, changes) = prepare(&data.book, action)?;
            Ok(Action::Prepared { base, label, changes })
        }));
    }
}

impl ImportWizard {
    fn set_rows(&mut self, (rows, blank, early): Previewed) {
        let count = |f: fn(&RowStatus) -> bool| rows.iter().filter(|r| f(&r.status)).count();
        self.counts = (
            count(|s| matches!(s, RowStatus::New)),
            count(|s| matches!(s, RowStatus::Duplicate(_))),
            count(|s| matches!(s, RowStatus::Error(_))),
            count(|s| matches!(s, RowStatus::Footer)),
        );
        (self.blank, self.early) = (blank, early);
        self.rows = Arc::new(rows);
    }
}

fn done_step(w: &mut ImportWizard, ui: &mut egui::Ui, lang: Lang) {
    let Some((imported, skipped)) = &w.summary else {
        return;
    };
    ui.label(RichText::new(format!("{}: {imported}", T::ImportDone.get(lang))).strong().size(16.0));
    ui.label(format!("{}: {} · {}: {}", T::Skipped.get(lang), skipped.len(), T::BlankRows.get(lang), w.blank));
    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
        for (line, reason) in skipped {
            ui.label(format!("{} {line}: {reason}", T::Line.get(lang)));
        }
    });
    if ui.button(T::Close.get(lang)).clicked() {
        w.summary = None;
    }
}
