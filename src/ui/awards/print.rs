//! Printing a list: the A4 PDF in the official format with its signature column, or the same
//! table as XLSX. The place-and-date line is today's, and can be changed before printing.

use crate::i18n::{Lang, T};
use crate::io::report_file::doc_pdf;
use crate::io::table::write_xlsx;
use crate::model::book::Book;
use crate::model::text::fold;
use crate::report::{Block, award_list, file_stem, place, place_date};
use crate::ui::file_job::FileJob;
use crate::ui::widgets::{FilePicker, dialog, start_dir};

pub struct PrintDialog {
    list: usize,
    pdf: bool,
    picker: FilePicker,
    job: FileJob,
    place_date: String,
}

impl PrintDialog {
    pub fn new(book: &Book, list: usize, pdf: bool) -> Self {
        let ext = if pdf { "pdf" } else { "xlsx" };
        let exts: &'static [&'static str] = if pdf { &[".pdf"] } else { &[".xlsx"] };
        let title = book.award_lists.get(list).map(|l| l.title.as_str()).unwrap_or_default();
        let name = format!("{}.{ext}", file_stem(title));
        let today = chrono::Local::now().date_naive();
        Self {
            list,
            pdf,
            picker: FilePicker::new(&start_dir(), &name, exts),
            job: FileJob::default(),
            place_date: place_date(Lang::Vi, place(book), today),
        }
    }
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
            if d.pdf {
                place_date_field(ui, lang, &mut d.place_date);
            }
            go = ui.add_enabled(!d.job.running(), egui::Button::new(T::Save.get(lang))).clicked();
            d.job.show(ui, lang);
        });
    if go && let Some(doc) = award_list::doc(book, d.list, &d.place_date) {
        let pdf = d.pdf;
        let sheet: String = fold(&doc.title).chars().filter(|c| c.is_alphanumeric() || *c == ' ').take(30).collect();
        d.job.start(ctx, d.picker.path(), move |path| {
            if pdf {
                doc_pdf(&doc).and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()))
            } else {
                let sheet = if sheet.trim().is_empty() { "Danh sach" } else { sheet.trim() };
                let Some(Block::Table(t)) = doc.blocks.first() else { return Err("no table".into()) };
                let rows: Vec<_> = t.rows.iter().chain(t.total.iter()).cloned().collect();
                write_xlsx(path, sheet, &t.header, &rows)
            }
        });
    }
    if !open {
        *dialog_state = None;
    }
}

/// The place-and-date line of a printed document, prefilled with today's.
pub fn place_date_field(ui: &mut egui::Ui, lang: Lang, value: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.label(T::PlaceDate.get(lang));
        ui.add(egui::TextEdit::singleline(value).desired_width(320.0).char_limit(crate::model::text::NAME_MAX))
            .labelled_by(l.id);
    });
}
