//! A report document written as an A4 PDF (the bundled font, tables that run over pages
//! with their header repeated) or as an XLSX sheet (amounts as numbers).

use super::pdf::{MARGIN, PAGE_H, PAGE_W, Writer, writer};
use crate::report::Cell;
use crate::report::{Block, Doc, Table};
use krilla::Document;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use std::path::Path;

const SIZE: f32 = 9.0;
const LINE: f32 = 11.5;
const BOTTOM: f32 = PAGE_H - MARGIN - 10.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

fn widths(t: &Table) -> Vec<f32> {
    let sum: f32 = t.widths.iter().sum::<f32>().max(1.0);
    t.widths.iter().map(|w| w / sum * WIDTH).collect()
}

/// Wrapped lines of each cell, and the row's height.
fn layout(w: &Writer, cells: &[String], widths: &[f32]) -> (Vec<Vec<String>>, f32) {
    let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, cw)| w.measure.wrap(c, SIZE, cw - 6.0)).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (wrapped, lines as f32 * LINE + 6.0)
}

fn draw_row(w: &Writer, s: &mut Surface, y: f32, wrapped: &[Vec<String>], right: &[bool], widths: &[f32], h: f32) {
    let mut x = MARGIN;
    w.rule(s, MARGIN, y, MARGIN + WIDTH, y);
    w.rule(s, MARGIN, y + h, MARGIN + WIDTH, y + h);
    w.rule(s, x, y, x, y + h);
    for (i, cell) in wrapped.iter().enumerate() {
        let cw = widths.get(i).copied().unwrap_or(0.0);
        for (k, line) in cell.iter().enumerate() {
            let baseline = y + 4.0 + SIZE + k as f32 * LINE;
            if right.get(i).copied().unwrap_or(false) {
                w.right(s, x + cw - 3.0, baseline, SIZE, line);
            } else {
                w.text(s, x + 3.0, baseline, SIZE, line);
            }
        }
        x += cw;
        w.rule(s, x, y, x, y + h);
    }
}

/// The document as PDF bytes.
pub fn doc_pdf(d: &Doc) -> Result<Vec<u8>, String> {
    let w = writer()?;
    let mut doc = Document::new();
    let settings = || PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size");
    let mut page = doc.start_page_with(settings()?);
    let mut s = page.surface();
    macro_rules! room {
        ($y:ident, $h:expr) => {
            if $y + $h > BOTTOM {
                s.finish();
                page.finish();
                page = doc.start_page_with(settings()?);
                s = page.surface();
                $y = MARGIN + 10.0;
                true
            } else {
                false
            }
        };
    }
    let half = WIDTH / 2.0;
    w.centred(&mut s, MARGIN, half, 48.0, 10.0, &d.org.to_uppercase());
    w.centred(&mut s, MARGIN + half, half, 48.0, 10.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    w.centred(&mut s, MARGIN + half, half, 62.0, 10.0, "Độc lập - Tự do - Hạnh phúc");
    w.centred(&mut s, MARGIN + half, half, 80.0, 9.5, &d.place_date);
    let mut y = 110.0;
    for line in w.measure.wrap(&d.title, 12.5, WIDTH) {
        w.centred(&mut s, MARGIN, WIDTH, y, 12.5, &line);
        y += 16.0;
    }
    for line in w.measure.wrap(&d.subtitle, 10.0, WIDTH) {
        w.centred(&mut s, MARGIN, WIDTH, y, 10.0, &line);
        y += 14.0;
    }
    y += 8.0;
    for b in &d.blocks {
        match b {
            Block::Heading(text) => {
                let lines = w.measure.wrap(text, 11.0, WIDTH);
                room!(y, lines.len() as f32 * 15.0 + 30.0);
                y += 8.0;
                for line in lines {
                    w.text(&mut s, MARGIN, y + 11.0, 11.0, &line);
                    y += 15.0;
                }
                y += 4.0;
            }
            Block::Para(text) | Block::Warn(text) => {
                let text = if matches!(b, Block::Warn(_)) { format!("⚠ {text}") } else { text.clone() };
                for line in w.measure.wrap(&text, 10.0, WIDTH) {
                    room!(y, 14.0);
                    w.text(&mut s, MARGIN, y + 10.0, 10.0, &line);
                    y += 14.0;
                }
                y += 4.0;
            }
            Block::Table(t) => {
                let cw = widths(t);
                let (head, head_h) = layout(&w, &t.header, &cw);
                let no_right = vec![false; t.header.len()];
                room!(y, head_h + 2.0 * LINE + 6.0);
                draw_row(&w, &mut s, y, &head, &no_right, &cw, head_h);
                y += head_h;
                for row in t.rows.iter().chain(t.total.iter()) {
                    let cells: Vec<String> = row.iter().map(Cell::display).collect();
                    let right: Vec<bool> = row.iter().map(Cell::numeric).collect();
                    let (wrapped, h) = layout(&w, &cells, &cw);
                    if room!(y, h) {
                        draw_row(&w, &mut s, y, &head, &no_right, &cw, head_h);
                        y += head_h;
                    }
                    draw_row(&w, &mut s, y, &wrapped, &right, &cw, h);
                    y += h;
                }
                y += 8.0;
            }
        }
    }
    if !d.signatures.is_empty() {
        room!(y, 90.0);
        y += 20.0;
        let part = WIDTH / d.signatures.len() as f32;
        for (k, who) in d.signatures.iter().enumerate() {
            w.centred(&mut s, MARGIN + k as f32 * part, part, y, 10.0, &who.to_uppercase());
        }
    }
    s.finish();
    page.finish();
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// The document as one XLSX sheet: title, headings and paragraphs in the first column,
/// tables with bold headers and totals, amounts as numbers.
pub fn doc_xlsx(path: &Path, sheet: &str, d: &Doc) -> Result<(), String> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0");
    let money_bold = Format::new().set_num_format("#,##0").set_bold();
    ws.set_column_width(0, 48).map_err(err)?;
    for c in 1..8 {
        ws.set_column_width(c, 18).map_err(err)?;
    }
    let mut r: u32 = 0;
    for line in [&d.org, &d.title, &d.subtitle, &d.place_date] {
        ws.write_string_with_format(r, 0, line, &bold).map_err(err)?;
        r += 1;
    }
    for b in &d.blocks {
        r += 1;
        match b {
            Block::Heading(t) => ws.write_string_with_format(r, 0, t, &bold).map(|_| ()).map_err(err)?,
            Block::Para(t) => ws.write_string(r, 0, t).map(|_| ()).map_err(err)?,
            Block::Warn(t) => ws.write_string_with_format(r, 0, format!("⚠ {t}"), &bold).map(|_| ()).map_err(err)?,
            Block::Table(t) => {
                for (c, h) in t.header.iter().enumerate() {
                    ws.write_string_with_format(r, c as u16, h, &bold).map_err(err)?;
                }
                let total = t.total.iter().map(|row| (row, true));
                for (row, is_total) in t.rows.iter().map(|row| (row, false)).chain(total) {
                    r += 1;
                    for (c, cell) in row.iter().enumerate() {
                        let c = c as u16;
                        match cell {
                            Cell::Money(v) => {
                                let f = if is_total { &money_bold } else { &money };
                                ws.write_number_with_format(r, c, *v as f64, f).map(|_| ())
                            }
                            Cell::Int(v) => ws.write_number(r, c, *v as f64).map(|_| ()),
                            other if is_total => ws.write_string_with_format(r, c, other.display(), &bold).map(|_| ()),
                            other => ws.write_string(r, c, other.display()).map(|_| ()),
                        }
                        .map_err(err)?;
                    }
                }
            }
        }
    }
    wb.save(path).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::demo::demo_book;
    use crate::model::report::{Period, cooperation, disclosure};
    use crate::report::{coop, disclosure as disc};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid")
    }

    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("text")
    }

    #[test]
    fn the_cooperation_report_pdf_holds_its_key_figures() {
        let book = demo_book();
        let f = cooperation(&book, 2025, today());
        let pdf = doc_pdf(&coop::doc(&book, &f, today(), Lang::Vi)).expect("pdf");
        let text = text_of(&pdf);
        assert!(text.contains("68/CTrPH-HKH-SDGĐT") || text.contains("NĂM 2025"), "{text}");
        assert!(text.contains(&f.receipts.grouped()), "receipts {}", f.receipts.grouped());
        assert!(text.contains(&f.payments.grouped()), "payments");
        let awards: crate::model::money::Vnd = f.awards_by_level.iter().map(|r| r.2).sum();
        assert!(text.contains(&awards.grouped()), "awards total");
        let recognised: usize = f.recognition_by_model.iter().map(|r| r.recognised).sum();
        assert!(recognised > 0 && text.contains("Được công nhận"));
    }

    #[test]
    fn the_disclosure_pdf_and_xlsx_hold_their_key_figures() {
        let book = demo_book();
        let d = disclosure(&book, Period { year: 2025, quarter: Some(4) });
        let doc = disc::doc(&book, &d, today(), Lang::Vi);
        let text = text_of(&doc_pdf(&doc).expect("pdf"));
        assert!(text.contains("Quý 4 năm 2025"));
        assert!(text.contains(&d.receipts.grouped()) && text.contains(&d.payments.grouped()));
        assert!(text.contains(&d.cost.base.grouped()), "the management-cost base");
        let first = &d.donors[0].name;
        assert!(text.contains(first.as_str()), "the largest donor {first}");

        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("cong-khai.xlsx");
        doc_xlsx(&path, "Công khai", &doc).expect("xlsx");
        let sheets = crate::io::table::read_sheets(&path).expect("read back");
        let cells: Vec<&String> = sheets[0].rows.iter().flatten().collect();
        assert!(cells.iter().any(|c| **c == d.receipts.0.to_string()), "receipts as a number");
        assert!(cells.iter().any(|c| c.contains("Chi phí quản lý")));
    }
}
