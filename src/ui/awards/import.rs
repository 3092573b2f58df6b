//! Importing students into a list from a spreadsheet: choose the file and sheet, confirm the
//! header row and the columns, preview every row (good, to check, error, footer), import.

use super::intent;
use crate::i18n::{Lang, T};
use crate::model::awards::action::AwardAction;
use crate::model::awards::import::{
    Column, Mapping, Row, RowKind, RowProblem, accepted, guess_header, guess_mapping, preview,
};
use crate::model::awards::scales::find;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::error::ActionError;
use crate::ui::ctx::Ctx;
use crate::ui::intent::AwardsOrigin;
use crate::ui::sheet_source::{SheetSource, column_choice};
use crate::ui::widgets::table_header;
use crate::ui::widgets::{ERROR, Problem, RECEIPT, dialog, problem_rest};
use egui::{Color32, RichText};
use egui_extras::{Column as TableColumn, TableBuilder};

const WARN: Color32 = Color32::from_rgb(0xb3, 0x6b, 0x00);

#[derive(PartialEq, Eq, Clone, Copy)]
enum Step {
    File,
    Map,
    Preview,
    Done,
}

pub struct ImportWizard {
    list: usize,
    step: Step,
    source: SheetSource,
    mapping: Mapping,
    rows: Vec<Row>,
    /// Blank rows of the file below the header.
    blank: usize,
    keep_warnings: bool,
    error: Option<Problem>,
    pending: Option<(usize, usize)>,
    summary: Option<(usize, Vec<(usize, String)>)>,
}

/// The import went through (the summary shows) or was refused (the wizard says why).
pub fn settle(w: &mut Option<ImportWizard>, result: &Result<(), ActionError>) {
    let Some(wz) = w else { return };
    match result {
        Ok(()) => {
            wz.step = Step::Done;
            let skipped =
                wz.rows.iter().filter(|r| !kept(&r.kind, wz.keep_warnings)).map(|r| (r.line, String::new())).collect();
            wz.summary = Some((wz.pending.map(|p| p.0).unwrap_or(0), skipped));
        }
        Err(e) => wz.error = Some(Problem::Refused(e.clone())),
    }
}

fn kept(k: &RowKind, keep_warnings: bool) -> bool {
    matches!(k, RowKind::Good) || (keep_warnings && matches!(k, RowKind::Warning(_)))
}

fn column_title(c: Column) -> T {
    match c {
        Column::Name => T::FullName,
        Column::Birth => T::Birth,
        Column::Gender => T::Gender,
        Column::Ethnicity => T::Ethnicity,
        Column::School => T::School,
        Column::Class => T::Class,
        Column::Commune => T::Commune,
        Column::OldPlace => T::OldPlace,
        Column::Competition => T::Competition,
        Column::Level => T::Level,
        Column::Subject => T::Subject,
        Column::Prize => T::Prize,
        Column::Circumstances => T::Circumstances,
        Column::Amount => T::Amount,
        Column::Note => T::Note,
    }
}

pub fn reason(lang: Lang, k: &RowKind) -> String {
    let p = |p: &RowProblem| match p {
        RowProblem::NoName => T::RowErrNoName.get(lang).to_owned(),
        RowProblem::BadDate(s) => format!("{}: «{s}»", T::RowErrBadDate.get(lang)),
        RowProblem::BadPrize(s) => format!("{}: «{s}»", T::RowNotInScale.get(lang)),
        RowProblem::BadAmount(s) => format!("{}: «{s}»", T::RowErrBadAmount.get(lang)),
        RowProblem::NotInScale => T::RowNotInScale.get(lang).to_owned(),
        RowProblem::TooLong => T::RowErrTooLong.get(lang).to_owned(),
        RowProblem::AlreadyListed(t) => match t.strip_prefix('#') {
            Some(n) => format!("{} {} {n}", T::SameAs.get(lang), T::Line.get(lang).to_lowercase()),
            None => format!("{} «{t}»", T::RowAlreadyListed.get(lang)),
        },
    };
    match k {
        RowKind::Good => String::new(),
        RowKind::Warning(x) | RowKind::Error(x) => p(x),
        RowKind::Footer => T::RowFooter.get(lang).to_owned(),
    }
}

impl ImportWizard {
    pub fn new(list: usize) -> Self {
        Self {
            list,
            step: Step::File,
            source: SheetSource::default(),
            mapping: Mapping::new(),
            rows: Vec::new(),
            blank: 0,
            keep_warnings: false,
            error: None,
            pending: None,
            summary: None,
        }
    }

    fn guess(&mut self) {
        self.source.header = guess_header(self.source.rows());
        self.mapping = guess_mapping(self.source.header_row());
    }
}

pub fn show(wizard: &mut Option<ImportWizard>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(w) = wizard else { return };
    let mut open = true;
    let mut close = false;
    dialog(ctx, T::ImportAwardeesTitle.get(lang))
        .id(egui::Id::unique("award_import"))
        .open(&mut open)
        .min_size([900.0, 440.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (s, t) in [(Step::File, T::StepFile), (Step::Map, T::StepMap), (Step::Preview, T::StepPreview)] {
                    let _ = ui.selectable_label(w.step == s, t.get(lang));
                }
            });
            ui.separator();
            match w.step {
                Step::File => match w.source.file_step(ui, lang) {
                    Some(Ok(same)) => {
                        if !same {
                            w.guess();
                        }
                        w.error = None;
                        w.step = Step::Map;
                    }
                    Some(Err(e)) => w.error = Some(Problem::Input(None, e)),
                    None => {}
                },
                Step::Map => map_step(w, ui, lang, book),
                Step::Preview => preview_step(w, ui, cx),
                Step::Done => {
                    if let Some((n, skipped)) = &w.summary {
                        ui.label(RichText::new(format!("{}: {n}", T::ImportDone.get(lang))).strong().size(16.0));
                        ui.label(format!("{}: {}", T::Skipped.get(lang), skipped.len()));
                        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                            for (line, _) in skipped {
                                if let Some(r) = w.rows.iter().find(|r| r.line == *line) {
                                    ui.label(format!("{} {line}: {}", T::Line.get(lang), reason(lang, &r.kind)));
                                }
                            }
                        });
                    }
                    close = ui.button(T::Close.get(lang)).clicked();
                }
            }
            problem_rest(ui, lang, &w.error, &[]);
        });
    if !open || close {
        *wizard = None;
    }
}

fn map_step(w: &mut ImportWizard, ui: &mut egui::Ui, lang: Lang, book: &Book) {
    match w.source.choose(ui, lang) {
        (true, _) => w.guess(),
        (false, true) => w.mapping = guess_mapping(w.source.header_row()),
        _ => {}
    }
    let header: Vec<String> = w.source.header_row().to_vec();
    let width = w.source.rows().iter().skip(w.source.header).take(8).map(Vec::len).max().unwrap_or(0);
    egui::ScrollArea::vertical().max_height(260.0).id_salt("aw_map").show(ui, |ui| {
        egui::Grid::new("aw_mapping").num_columns(4).spacing([12.0, 4.0]).show(ui, |ui| {
            for (n, c) in Column::ALL.into_iter().enumerate() {
                let title = if c == Column::Name {
                    format!("{} ({})", column_title(c).get(lang), T::Required.get(lang))
                } else {
                    column_title(c).get(lang).to_owned()
                };
                let l = ui.label(title);
                let mut choice = w.mapping.get(&c).copied();
                column_choice(ui, lang, ("aw_col", n), l.id, &header, width, &mut choice);
                match choice {
                    Some(i) => w.mapping.insert(c, i),
                    None => w.mapping.remove(&c),
                };
                if n % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    });
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(T::Back.get(lang)).clicked() {
            w.step = Step::File;
        }
        if ui.add_enabled(w.mapping.contains_key(&Column::Name), egui::Button::new(T::Next.get(lang))).clicked() {
            if let Some(list) = book.award_lists.get(w.list) {
                let scale = find(book, list.year, &list.scale);
                w.rows = preview(book, list, scale.as_ref(), w.source.rows(), w.source.header, &w.mapping);
                w.blank = crate::model::text::blank_rows(w.source.rows(), w.source.header);
            }
            w.step = Step::Preview;
        }
    });
}

fn preview_step(w: &mut ImportWizard, ui: &mut egui::Ui, cx: &mut Ctx) {
    let lang = cx.lang;
    let count = |f: fn(&RowKind) -> bool| w.rows.iter().filter(|r| f(&r.kind)).count();
    let good = count(|k| matches!(k, RowKind::Good));
    let warn = count(|k| matches!(k, RowKind::Warning(_)));
    let err = count(|k| matches!(k, RowKind::Error(_)));
    let foot = count(|k| matches!(k, RowKind::Footer));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}: {good}", T::RowNew.get(lang))).color(RECEIPT));
        ui.label(RichText::new(format!("{}: {warn}", T::RowWarning.get(lang))).color(WARN));
        ui.label(RichText::new(format!("{}: {err}", T::RowError.get(lang))).color(ERROR));
        ui.weak(format!("{}: {foot}", T::RowFoot.get(lang)));
        ui.weak(format!("{}: {}", T::BlankRows.get(lang), w.blank));
        ui.checkbox(&mut w.keep_warnings, T::KeepWarnings.get(lang));
    });
    let n = good + if w.keep_warnings { warn } else { 0 };
    ui.horizontal(|ui| {
        if ui.button(T::Back.get(lang)).clicked() {
            w.step = Step::Map;
        }
        if ui.add_enabled(n > 0, egui::Button::new(format!("{} ({n})", T::ImportGood.get(lang)))).clicked() {
            w.pending = Some((n, 0));
            cx.act(intent(
                AwardAction::Import { list: w.list, awardees: accepted(&w.rows, w.keep_warnings) },
                AwardsOrigin::Import,
            ));
        }
    });
    let rows = &w.rows;
    TableBuilder::new(ui)
        .id_salt("aw_preview")
        .striped(true)
        .column(TableColumn::exact(50.0))
        .column(TableColumn::exact(90.0))
        .column(TableColumn::initial(190.0).clip(true))
        .column(TableColumn::exact(90.0))
        .column(TableColumn::exact(100.0))
        .column(TableColumn::remainder().clip(true))
        .header(22.0, |mut h| {
            table_header(&mut h, lang, &[T::Line, T::Status, T::FullName, T::Birth, T::Amount, T::Reason]);
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                let (t, c) = match r.kind {
                    RowKind::Good => (T::RowNew, RECEIPT),
                    RowKind::Warning(_) => (T::RowWarning, WARN),
                    RowKind::Error(_) => (T::RowError, ERROR),
                    RowKind::Footer => (T::RowFoot, egui::Color32::GRAY),
                };
                let a = r.awardee.as_ref();
                let cells = [
                    r.line.to_string(),
                    String::new(),
                    r.raw_name.clone(),
                    a.and_then(|a| a.birth).map(format_date).unwrap_or_default(),
                    a.map(|a| a.amount.grouped()).unwrap_or_default(),
                    reason(lang, &r.kind),
                ];
                for (k, cell) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        if k == 1 {
                            ui.label(RichText::new(t.get(lang)).color(c));
                        } else {
                            ui.label(crate::ui::widgets::short(&cell, 80));
                        }
                    });
                }
            });
        });
}
