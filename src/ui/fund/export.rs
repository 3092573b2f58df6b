//! Exporting the ledger view or the donor list to XLSX or CSV.

use super::FundPrefs;
use crate::i18n::{Lang, T};
use crate::io::table::{write_csv, write_xlsx};
use crate::model::book::Book;
use crate::model::fund::query::Filter;
use crate::report::Cell;
use crate::ui::caches::Caches;
use crate::ui::ctx::Ctx;
use crate::ui::file_job::FileJob;
use crate::ui::labels;
use crate::ui::widgets::{FilePicker, start_dir};
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    Ledger,
    Donors { year: i32 },
}

pub struct ExportDialog {
    what: ExportWhat,
    xlsx: bool,
    picker: FilePicker,
    job: FileJob,
}

impl ExportDialog {
    pub fn new(what: ExportWhat) -> Self {
        let stem = match what {
            ExportWhat::Ledger => "so-thu-chi",
            ExportWhat::Donors { .. } => "nha-tai-tro",
        };
        let name = format!("{stem}-{}.xlsx", chrono::Local::now().format("%Y%m%d"));
        Self {
            what,
            xlsx: true,
            picker: FilePicker::new(&start_dir(), &name, &[".xlsx", ".csv"]),
            job: FileJob::default(),
        }
    }
}

pub fn ledger_table(lang: Lang, book: &Book, rows: &[usize]) -> (Vec<String>, Vec<Vec<Cell>>) {
    let header = [
        T::Number,
        T::VoucherKind,
        T::Date,
        T::Counterparty,
        T::Description,
        T::Amount,
        T::Method,
        T::Campaign,
        T::Purpose,
        T::Category,
        T::Status,
    ]
    .map(|t| t.get(lang).to_owned())
    .to_vec();
    let body = rows
        .iter()
        .filter_map(|&i| book.vouchers.get(i))
        .map(|v| {
            let b = &v.body;
            let status = match &v.void {
                Some(x) => format!("{} {}: {}", T::Voided.get(lang), crate::model::date::format_date(x.date), x.reason),
                None => String::new(),
            };
            vec![
                Cell::Text(v.number.to_string()),
                Cell::Text(labels::kind(b.kind).get(lang).into()),
                Cell::Date(b.date),
                Cell::Text(b.counterparty.to_string()),
                Cell::Text(b.description.to_string()),
                Cell::Money(b.amount.0),
                Cell::Text(labels::method(b.method).get(lang).into()),
                Cell::Text(b.campaign.to_string()),
                Cell::Text(b.purpose.to_string()),
                Cell::Text(match b.kind {
                    crate::model::fund::ledger::Kind::Payment => labels::category(b.category).get(lang).into(),
                    crate::model::fund::ledger::Kind::Receipt => String::new(),
                }),
                Cell::Text(status),
            ]
        })
        .collect();
    (header, body)
}

pub fn donor_table(lang: Lang, book: &Book, caches: &mut Caches, year: i32) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut header: Vec<String> = [T::Name, T::DonorTypeCol, T::Commune, T::Address, T::Contact, T::Note]
        .map(|t| t.get(lang).to_owned())
        .to_vec();
    header.push(format!("{} {year}", T::TotalYear.get(lang)));
    header.push(format!("{} {}", T::TotalYear.get(lang), year - 1));
    let order = caches.donor_order(book).to_vec();
    let body = order
        .iter()
        .filter_map(|&i| Some((i, book.donors.get(i)?)))
        .map(|(i, d)| {
            let total = |y| Cell::Money(caches.donor_totals.get(&(i, y)).map(|v| v.0).unwrap_or(0));
            vec![
                Cell::Text(d.name.clone()),
                Cell::Text(labels::donor_type(d.kind).get(lang).into()),
                Cell::Text(d.commune.clone()),
                Cell::Text(d.address.clone()),
                Cell::Text(d.contact.clone()),
                Cell::Text(d.note.clone()),
                total(year),
                total(year - 1),
            ]
        })
        .collect();
    (header, body)
}

fn write(path: &Path, xlsx: bool, sheet: &str, header: &[String], rows: &[Vec<Cell>]) -> Result<(), String> {
    if xlsx { write_xlsx(path, sheet, header, rows) } else { write_csv(path, header, rows) }
}

pub fn show(dialog: &mut Option<ExportDialog>, ctx: &egui::Context, prefs: &FundPrefs, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(d) = dialog else { return };
    let mut open = true;
    let mut go = false;
    crate::ui::widgets::dialog(ctx, T::ExportTitle.get(lang))
        .id(egui::Id::unique("export"))
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label(T::Format.get(lang));
                let before = d.xlsx;
                ui.radio_value(&mut d.xlsx, true, "XLSX");
                ui.radio_value(&mut d.xlsx, false, "CSV");
                if before != d.xlsx {
                    let ext = if d.xlsx { "xlsx" } else { "csv" };
                    let stem = Path::new(&d.picker.name)
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    d.picker.name = format!("{stem}.{ext}");
                }
            });
            d.picker.show(ui, lang);
            go = ui.add_enabled(!d.job.running(), egui::Button::new(T::Save.get(lang))).clicked();
            d.job.show(ui, lang);
        });
    if go {
        let path = d.picker.path();
        let (sheet, (header, rows)) = match d.what {
            ExportWhat::Ledger => {
                let f: &Filter = &prefs.filter;
                let shown = cx.caches.shown_now(book, f).rows.clone();
                (T::ViewLedger.get(lang), ledger_table(lang, book, &shown))
            }
            ExportWhat::Donors { year } => (T::ViewDonors.get(lang), donor_table(lang, book, cx.caches, year)),
        };
        let (xlsx, sheet) = (d.xlsx, sheet.to_owned());
        d.job.start(ctx, path, move |path| write(path, xlsx, &sheet, &header, &rows));
    }
    if !open {
        *dialog = None;
    }
}
