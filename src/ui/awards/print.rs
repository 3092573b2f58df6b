//! Printing a list: the A4 PDF with signature column, or the same columns as XLSX.

use crate::i18n::{Lang, T};
use crate::io::pdf::{Printed, award_list_pdf, printed_rows};
use crate::io::table::write_xlsx;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::text::fold;
use crate::report::Cell;
use crate::ui::file_job::FileJob;
use crate::ui::labels;
use crate::ui::widgets::{FilePicker, dialog, home_dir};

pub struct PrintDialog {
    list: usize,
    pdf: bool,
    picker: FilePicker,
    job: FileJob,
}

impl PrintDialog {
    pub fn new(list: usize, pdf: bool) -> Self {
        let ext = if pdf { "pdf" } else { "xlsx" };
        let exts: &'static [&'static str] = if pdf { &[".pdf"] } else { &[".xlsx"] };
        let name = format!("danh-sach-khen-thuong-{}.{ext}", list + 1);
        Self { list, pdf, picker: FilePicker::new(&home_dir(), &name, exts), job: FileJob::default() }
    }
}

/// The printed form of a list: always Vietnamese, the language of the official document.
pub fn printed(book: &Book, list: usize) -> Option<Printed> {
    let l = book.award_lists.get(list)?;
    let subtitle = match (l.decision_no.is_empty(), l.decision_date) {
        (false, Some(d)) => format!("(Kèm theo Quyết định số {} ngày {})", l.decision_no, format_date(d)),
        (false, None) => format!("(Kèm theo Quyết định số {})", l.decision_no),
        _ => String::new(),
    };
    let when = l.ceremony.unwrap_or_else(|| chrono::Local::now().date_naive());
    let place = book.settings.org_name.rsplit("tỉnh").next().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("");
    Some(Printed {
        org: book.settings.org_name.clone(),
        title: l.title.clone(),
        subtitle,
        header: [T::Stt, T::FullName, T::Birth, T::School, T::Achievement, T::Amount, T::SignHere]
            .map(|t| t.get(crate::i18n::Lang::Vi).to_owned()),
        rows: printed_rows(l, |a| labels::achievement(crate::i18n::Lang::Vi, a)),
        signatures: [T::PrintedBy, T::Accountant, T::Chairman].map(|t| t.get(crate::i18n::Lang::Vi).to_owned()),
        place_date: format!(
            "{place}, ngày {} tháng {} năm {}",
            when.format("%d"),
            when.format("%m"),
            when.format("%Y")
        ),
    })
}

pub fn xlsx_rows(p: &Printed) -> Vec<Vec<Cell>> {
    let mut rows: Vec<Vec<Cell>> = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::Text((i + 1).to_string()),
                Cell::Text(r.name.clone()),
                Cell::Text(r.birth.clone()),
                Cell::Text(r.school.clone()),
                Cell::Text(r.achievement.clone()),
                Cell::Money(r.amount.0),
                Cell::Text(String::new()),
            ]
        })
        .collect();
    let total: i64 = p.rows.iter().map(|r| r.amount.0).sum();
    rows.push(vec![
        Cell::Text(String::new()),
        Cell::Text("Tổng cộng".into()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Money(total),
        Cell::Text(String::new()),
    ]);
    rows
}

pub fn show(dialog_state: &mut Option<PrintDialog>, ctx: &egui::Context, lang: Lang, book: &Book) {
    let Some(d) = dialog_state else { return };
    let mut open = true;
    let mut go = false;
    let title = if d.pdf { T::PrintPdf } else { T::ExportXlsx };
    dialog(ctx, title.get(lang).trim_end_matches('…'))
        .id(egui::Id::unique("print"))
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            d.picker.show(ui, lang);
            go = ui.add_enabled(!d.job.running(), egui::Button::new(T::Save.get(lang))).clicked();
            d.job.show(ui, lang);
        });
    if go && let Some(p) = printed(book, d.list) {
        let pdf = d.pdf;
        let sheet: String = fold(&p.title).chars().filter(|c| c.is_alphanumeric() || *c == ' ').take(30).collect();
        d.job.start(ctx, d.picker.path(), move |path| {
            if pdf {
                award_list_pdf(&p).and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()))
            } else {
                let sheet = if sheet.trim().is_empty() { "Danh sach" } else { sheet.trim() };
                write_xlsx(path, sheet, &p.header, &xlsx_rows(&p))
            }
        });
    }
    if !open {
        *dialog_state = None;
    }
}
