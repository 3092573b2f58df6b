//! A report document written as an A4 PDF (the bundled font, tables that run over pages
//! with their header repeated) or as an XLSX sheet (amounts as numbers).

use super::pdf::{PAGE_H, PAGE_W, Style, Writer, writer};
use crate::report::Cell;
use crate::report::{Block, Doc, Table};
use krilla::Document;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use std::path::Path;

/// Millimetres in points.
const MM: f32 = 72.0 / 25.4;
/// NĐ 30/2020 margins: top and bottom 20 mm, left 30 mm (binding), right 15 mm.
const TOP: f32 = 20.0 * MM;
const LEFT: f32 = 30.0 * MM;
const WIDTH: f32 = PAGE_W - LEFT - 15.0 * MM;
const BOTTOM: f32 = PAGE_H - 20.0 * MM;
/// Body text 13 pt; tables 10.5 pt to fit their columns.
const BODY: f32 = 13.0;
const BODY_LINE: f32 = 17.0;
const CELL: f32 = 10.5;
const CELL_LINE: f32 = 13.0;

fn widths(t: &Table) -> Vec<f32> {
    let sum: f32 = t.widths.iter().sum::<f32>().max(1.0);
    t.widths.iter().map(|w| w / sum * WIDTH).collect()
}

/// Wrapped lines of each cell, and the row's height.
fn layout(w: &Writer, style: Style, cells: &[String], widths: &[f32]) -> (Vec<Vec<String>>, f32) {
    let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, cw)| w.wrap(style, c, CELL, cw - 6.0)).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (wrapped, lines as f32 * CELL_LINE + 6.0)
}

struct Row<'a> {
    wrapped: &'a [Vec<String>],
    right: &'a [bool],
    style: Style,
    height: f32,
}

fn draw_row(w: &Writer, s: &mut Surface, y: f32, row: &Row, widths: &[f32]) {
    let mut x = LEFT;
    w.rule(s, LEFT, y, LEFT + WIDTH, y);
    w.rule(s, LEFT, y + row.height, LEFT + WIDTH, y + row.height);
    w.rule(s, x, y, x, y + row.height);
    for (i, cell) in row.wrapped.iter().enumerate() {
        let cw = widths.get(i).copied().unwrap_or(0.0);
        for (k, line) in cell.iter().enumerate() {
            let baseline = y + 3.0 + CELL + k as f32 * CELL_LINE;
            if row.right.get(i).copied().unwrap_or(false) {
                w.right(s, row.style, x + cw - 3.0, baseline, CELL, line);
            } else {
                w.text(s, row.style, x + 3.0, baseline, CELL, line);
            }
        }
        x += cw;
        w.rule(s, x, y, x, y + row.height);
    }
}

/// A name in one line, or two of about equal width ("HỘI KHUYẾN HỌC / TỈNH QUẢNG TRỊ", not
/// "HỘI KHUYẾN HỌC TỈNH QUẢNG / TRỊ"), or as many as it needs.
fn balanced(w: &Writer, text: &str, size: f32, width: f32) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if w.width(Style::Bold, text, size) <= width || words.len() < 2 {
        return vec![words.join(" ")];
    }
    let split = (1..words.len())
        .map(|k| (k, [words[..k].join(" "), words[k..].join(" ")]))
        .map(|(k, [a, b])| (k, w.width(Style::Bold, &a, size).max(w.width(Style::Bold, &b, size))))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match split {
        Some((k, widest)) if widest <= width => vec![words[..k].join(" "), words[k..].join(" ")],
        _ => w.wrap(Style::Bold, text, size, width),
    }
}

/// The top of the first page: the organisation on the left, the national title and motto
/// (bold, the motto underlined) on the right, the place and date in italics under them, then
/// the title (bold, capitals) and the subtitle. Returns where the body starts.
fn letterhead(w: &Writer, s: &mut Surface, d: &Doc) -> f32 {
    let left = (LEFT, WIDTH * 0.42);
    let right = (LEFT + WIDTH * 0.42, WIDTH * 0.58);
    let mut y = TOP + 12.0;
    for line in balanced(w, &d.org.to_uppercase(), 12.0, left.1) {
        w.centred(s, Style::Bold, left, y, 12.0, &line);
        y += 15.0;
    }
    let mid = left.0 + left.1 / 2.0;
    w.rule(s, mid - 30.0, y - 8.0, mid + 30.0, y - 8.0);
    w.centred(s, Style::Bold, right, TOP + 12.0, 12.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let motto = "Độc lập - Tự do - Hạnh phúc";
    w.centred(s, Style::Bold, right, TOP + 28.0, 13.0, motto);
    let mw = w.width(Style::Bold, motto, 13.0);
    let mx = right.0 + (right.1 - mw) / 2.0;
    w.rule(s, mx, TOP + 31.5, mx + mw, TOP + 31.5);
    w.centred(s, Style::Italic, right, TOP + 52.0, BODY, &d.place_date);
    let mut y = y.max(TOP + 52.0) + 30.0;
    for line in w.wrap(Style::Bold, &d.title.to_uppercase(), 14.0, WIDTH) {
        w.centred(s, Style::Bold, (LEFT, WIDTH), y, 14.0, &line);
        y += 18.0;
    }
    for line in w.wrap(Style::Italic, &d.subtitle, BODY, WIDTH) {
        w.centred(s, Style::Italic, (LEFT, WIDTH), y, BODY, &line);
        y += BODY_LINE;
    }
    y + 10.0
}

/// The document as an A4 PDF in the official format of NĐ 30/2020/NĐ-CP: its margins, the
/// letterhead, bold headings, tables whose header repeats on every page, page numbers at the
/// top from page 2, and the signature blocks.
pub fn doc_pdf(d: &Doc) -> Result<Vec<u8>, String> {
    let w = writer()?;
    let mut doc = Document::new();
    let settings = || PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size");
    let mut page = doc.start_page_with(settings()?);
    let mut s = page.surface();
    let mut number = 1;
    macro_rules! room {
        ($y:ident, $h:expr) => {
            if $y + $h > BOTTOM {
                s.finish();
                page.finish();
                page = doc.start_page_with(settings()?);
                s = page.surface();
                number += 1;
                w.centred(&mut s, Style::Regular, (LEFT, WIDTH), TOP - 14.0 + BODY, BODY, &number.to_string());
                $y = TOP + 16.0;
                true
            } else {
                false
            }
        };
    }
    let mut y = letterhead(&w, &mut s, d);
    for b in &d.blocks {
        match b {
            Block::Heading(text) => {
                let lines = w.wrap(Style::Bold, text, BODY, WIDTH);
                room!(y, lines.len() as f32 * BODY_LINE + 40.0);
                y += 6.0;
                for line in lines {
                    w.text(&mut s, Style::Bold, LEFT, y + BODY, BODY, &line);
                    y += BODY_LINE;
                }
                y += 3.0;
            }
            Block::Para(text) | Block::Warn(text) => {
                let style = if matches!(b, Block::Warn(_)) { Style::Italic } else { Style::Regular };
                for line in w.wrap(style, text, BODY, WIDTH) {
                    room!(y, BODY_LINE);
                    w.text(&mut s, style, LEFT, y + BODY, BODY, &line);
                    y += BODY_LINE;
                }
                y += 4.0;
            }
            Block::Table(t) => {
                let cw = widths(t);
                let (head, head_h) = layout(&w, Style::Bold, &t.header, &cw);
                let no_right = vec![false; t.header.len()];
                let header = Row { wrapped: &head, right: &no_right, style: Style::Bold, height: head_h };
                room!(y, head_h + 2.0 * CELL_LINE + 6.0);
                draw_row(&w, &mut s, y, &header, &cw);
                y += head_h;
                let total = t.total.iter().map(|r| (r, Style::Bold));
                for (row, style) in t.rows.iter().map(|r| (r, Style::Regular)).chain(total) {
                    let cells: Vec<String> = row.iter().map(Cell::display).collect();
                    let right: Vec<bool> = row.iter().map(Cell::numeric).collect();
                    let (wrapped, height) = layout(&w, style, &cells, &cw);
                    if room!(y, height) {
                        draw_row(&w, &mut s, y, &header, &cw);
                        y += head_h;
                    }
                    draw_row(&w, &mut s, y, &Row { wrapped: &wrapped, right: &right, style, height }, &cw);
                    y += height;
                }
                y += 10.0;
            }
        }
    }
    if !d.signatures.is_empty() {
        room!(y, 110.0);
        y += 20.0;
        let part = WIDTH / d.signatures.len() as f32;
        for (k, who) in d.signatures.iter().enumerate() {
            let col = (LEFT + k as f32 * part, part);
            w.centred(&mut s, Style::Bold, col, y, 12.0, &who.to_uppercase());
            w.centred(&mut s, Style::Italic, col, y + 15.0, 11.0, &d.sign_note);
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
    let percent = Format::new().set_num_format("0%");
    // Columns fit the tables' cells; titles and paragraphs run across the empty cells beside.
    let tables = d.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None });
    let mut widths: Vec<f64> = Vec::new();
    for t in tables {
        let fitted = super::table::column_widths(&t.header, t.rows.iter().chain(t.total.iter()));
        for (c, w) in fitted.into_iter().enumerate() {
            match widths.get_mut(c) {
                Some(x) => *x = x.max(w),
                None => widths.push(w),
            }
        }
    }
    for (c, w) in widths.into_iter().enumerate() {
        ws.set_column_width(c as u16, w).map_err(err)?;
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
                            Cell::Percent(v, _) => ws.write_number_with_format(r, c, v / 100.0, &percent).map(|_| ()),
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

    /// The text of every page, with each run of white space (a wrapped line) as one space.
    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("text").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn list_book(n: usize) -> crate::model::book::Book {
        use crate::model::awards::Prize;
        use crate::model::awards::tests::{list, student};
        let awardees = (0..n).map(|i| student(&format!("Nguyễn Văn Học{i}"), Prize::Third, 1_000_000)).collect();
        let mut l = list("Danh sách khen thưởng HSG quốc gia 2025", awardees);
        l.awardees.push(student("Trần Thị Ánh", Prize::Second, 2_000_000));
        let mut b = crate::model::book::Book::default();
        b.settings.org_name = "Hội Khuyến học tỉnh Quảng Trị".into();
        b.award_lists.push(l);
        b
    }

    fn list_pdf(n: usize) -> Vec<u8> {
        let doc = crate::report::award_list::doc(&list_book(n), 0, "Quảng Trị, ngày 02 tháng 10 năm 2025");
        doc_pdf(&doc.expect("list")).expect("pdf")
    }

    /// One page's text as extracted, lines kept.
    fn page_text(pdf: &[u8], page: u32) -> String {
        lopdf::Document::load_mem(pdf).expect("parses").extract_text(&[page]).expect("text")
    }

    fn flat(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_printed_list_holds_the_names_the_total_and_the_signers() {
        let pdf = list_pdf(3);
        let text = text_of(&pdf);
        assert!(text.contains("Trần Thị Ánh"), "{text}");
        assert!(text.contains("5.000.000"), "the total");
        assert!(text.contains("Bằng chữ: Năm triệu đồng."), "the total in words");
        assert!(text.contains("Ký nhận") && text.contains("NGƯỜI LẬP BIỂU") && text.contains("(Ký, ghi rõ họ tên)"));
        let anh = text.find("Trần Thị Ánh").unwrap_or(usize::MAX);
        let hoc = text.find("Nguyễn Văn Học0").unwrap_or(0);
        assert!(anh < hoc, "Vietnamese name order");
    }

    #[test]
    fn the_official_format_of_nd_30() {
        let pdf = list_pdf(120);
        let doc = lopdf::Document::load_mem(&pdf).expect("parses");
        let pages = doc.get_pages();
        assert!(pages.len() >= 3, "a long list runs over pages");
        // A4 portrait.
        let first = *pages.get(&1).expect("page 1");
        let media = doc.get_object(first).and_then(|o| o.as_dict()).and_then(|d| d.get(b"MediaBox")).expect("box");
        let size: Vec<f32> = media.as_array().expect("array").iter().filter_map(|v| v.as_float().ok()).collect();
        assert_eq!(size, [0.0, 0.0, 595.0, 842.0]);
        // The serif in its three styles, embedded.
        let fonts: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter_map(|d| d.get(b"BaseFont").ok())
            .filter_map(|n| n.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        for style in ["LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"] {
            assert!(fonts.iter().any(|f| f.ends_with(&format!("+{style}")) || f == style), "{style} in {fonts:?}");
        }
        let one = flat(&page_text(&pdf, 1));
        assert!(one.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && one.contains("Độc lập - Tự do - Hạnh phúc"));
        assert!(one.contains("HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ"));
        assert!(one.contains("Quảng Trị, ngày 02 tháng 10 năm 2025"));
        assert!(one.contains("DANH SÁCH KHEN THƯỞNG HSG QUỐC GIA 2025"), "the title in capitals");
        assert!(!one.trim_start().starts_with('1'), "no number on the first page");
        // Page numbers at the top from page 2: the first text drawn on the page.
        assert!(page_text(&pdf, 2).trim_start().starts_with("2\n"), "{}", page_text(&pdf, 2));
        assert!(page_text(&pdf, 3).trim_start().starts_with("3\n"));
        assert!(text_of(&pdf).contains("Một trăm hai mươi hai triệu đồng"));
    }

    #[test]
    fn xlsx_columns_fit_their_cells_and_shares_are_numbers() {
        let header = vec!["STT".to_owned(), "Họ và tên".to_owned(), "Tỷ lệ".to_owned()];
        let rows = vec![vec![
            Cell::Int(1),
            Cell::Text("Trường THPT chuyên Lê Quý Đôn, Đông Hà".into()),
            Cell::Percent(60.0, "60 %".into()),
        ]];
        let w = crate::io::table::column_widths(&header, &rows);
        assert_eq!(w.len(), 3);
        assert_eq!(w[0], 6.0, "a narrow column at the least width");
        assert!(w[1] > 40.0 && w[1] <= 60.0, "the long name fits: {}", w[1]);
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("ds.xlsx");
        crate::io::table::write_xlsx(&path, "DS", &header, &rows).expect("xlsx");
        let sheets = crate::io::table::read_sheets(&path).expect("read back");
        assert_eq!(sheets[0].rows[1][2], "0.6", "60 % is the number 0.6 shown with a % format");
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
