//! The printed award list (A4): organisation header, title, the table with a signature
//! column, the total in figures and in words, and the signature blocks. The bundled font is
//! embedded so Vietnamese prints correctly anywhere.

use crate::model::awards::{AwardList, sorted_awardees};
use crate::model::date::format_date;
use crate::model::money::{Vnd, in_words};
use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

pub(super) const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(super) const PAGE_W: f32 = 595.0;
pub(super) const PAGE_H: f32 = 842.0;
pub(super) const MARGIN: f32 = 30.0;
const SIZE: f32 = 9.0;
const LINE: f32 = 11.5;
/// Column widths: STT, name, date of birth, school, achievement, amount, signature.
const WIDTHS: [f32; 7] = [26.0, 112.0, 58.0, 105.0, 118.0, 62.0, 54.0];

/// One printed row of the list.
pub struct Row {
    pub name: String,
    pub birth: String,
    pub school: String,
    pub achievement: String,
    pub amount: Vnd,
}

/// What the printed list says, in order.
pub struct Printed {
    pub org: String,
    pub title: String,
    pub subtitle: String,
    pub header: [String; 7],
    pub rows: Vec<Row>,
    pub signatures: [String; 3],
    pub place_date: String,
}

/// Rows in the Vietnamese name order, each achievement written by `achievement`.
pub fn printed_rows(list: &AwardList, achievement: impl Fn(&crate::model::awards::Awardee) -> String) -> Vec<Row> {
    sorted_awardees(list)
        .into_iter()
        .map(|i| {
            let a = &list.awardees[i];
            let school = if a.class.is_empty() { a.school.clone() } else { format!("{} ({})", a.school, a.class) };
            Row {
                name: a.name.clone(),
                birth: a.birth.map(format_date).unwrap_or_default(),
                school,
                achievement: achievement(a),
                amount: a.amount,
            }
        })
        .collect()
}

pub(super) struct Measure<'a> {
    font: skrifa::FontRef<'a>,
}

impl Measure<'_> {
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        let metrics = self.font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars().filter_map(|c| charmap.map(c)).filter_map(|g| metrics.advance_width(g)).sum()
    }

    /// Breaks text into lines no wider than `width`, at spaces where possible.
    pub(super) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

pub(super) struct Writer<'a> {
    font: Font,
    pub(super) measure: Measure<'a>,
}

impl Writer<'_> {
    pub(super) fn text(&self, s: &mut Surface, x: f32, y: f32, size: f32, text: &str) {
        s.draw_text(Point::from_xy(x, y), self.font.clone(), size, text, false, TextDirection::Auto);
    }

    pub(super) fn centred(&self, s: &mut Surface, left: f32, width: f32, y: f32, size: f32, text: &str) {
        let w = self.measure.width(text, size);
        self.text(s, left + (width - w) / 2.0, y, size, text);
    }

    pub(super) fn right(&self, s: &mut Surface, right: f32, y: f32, size: f32, text: &str) {
        let w = self.measure.width(text, size);
        self.text(s, right - w, y, size, text);
    }

    pub(super) fn rule(&self, s: &mut Surface, x0: f32, y0: f32, x1: f32, y1: f32) {
        let mut p = PathBuilder::new();
        p.move_to(x0, y0);
        p.line_to(x1, y1);
        if let Some(path) = p.finish() {
            s.set_stroke(Some(Stroke { width: 0.6, ..Default::default() }));
            s.set_fill(None);
            s.draw_path(&path);
            s.set_stroke(None);
            s.set_fill(Some(Default::default()));
        }
    }

    /// One table row of wrapped cells; returns its height.
    fn row(&self, s: &mut Surface, y: f32, cells: &[String; 7], right_align: &[bool; 7]) -> f32 {
        let wrapped: Vec<Vec<String>> =
            cells.iter().zip(WIDTHS).map(|(c, w)| self.measure.wrap(c, SIZE, w - 6.0)).collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let height = lines as f32 * LINE + 6.0;
        let mut x = MARGIN;
        for (i, cell) in wrapped.iter().enumerate() {
            for (k, line) in cell.iter().enumerate() {
                let baseline = y + 4.0 + SIZE + k as f32 * LINE;
                if right_align[i] {
                    self.right(s, x + WIDTHS[i] - 3.0, baseline, SIZE, line);
                } else {
                    self.text(s, x + 3.0, baseline, SIZE, line);
                }
            }
            x += WIDTHS[i];
        }
        self.grid(s, y, height);
        height
    }

    fn grid(&self, s: &mut Surface, y: f32, height: f32) {
        let right = MARGIN + WIDTHS.iter().sum::<f32>();
        self.rule(s, MARGIN, y, right, y);
        self.rule(s, MARGIN, y + height, right, y + height);
        let mut x = MARGIN;
        self.rule(s, x, y, x, y + height);
        for w in WIDTHS {
            x += w;
            self.rule(s, x, y, x, y + height);
        }
    }
}

/// The bundled font, ready to write and measure with.
pub(super) fn writer() -> Result<Writer<'static>, String> {
    let font = Font::new(FONT.to_vec().into(), 0).ok_or("font")?;
    let measure = Measure { font: skrifa::FontRef::new(FONT).map_err(|e| e.to_string())? };
    Ok(Writer { font, measure })
}

/// The list as an A4 PDF.
pub fn award_list_pdf(p: &Printed) -> Result<Vec<u8>, String> {
    let w = writer()?;
    let mut doc = Document::new();
    let settings = || PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size");
    let table_w: f32 = WIDTHS.iter().sum();
    let mut page = doc.start_page_with(settings()?);
    let mut s = page.surface();
    // Header: the organisation on the left, the national motto on the right.
    let half = (PAGE_W - 2.0 * MARGIN) / 2.0;
    w.centred(&mut s, MARGIN, half, 48.0, 10.0, &p.org.to_uppercase());
    w.centred(&mut s, MARGIN + half, half, 48.0, 10.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    w.centred(&mut s, MARGIN + half, half, 62.0, 10.0, "Độc lập - Tự do - Hạnh phúc");
    let mut y = 100.0;
    for line in w.measure.wrap(&p.title.to_uppercase(), 13.0, PAGE_W - 2.0 * MARGIN) {
        w.centred(&mut s, MARGIN, PAGE_W - 2.0 * MARGIN, y, 13.0, &line);
        y += 17.0;
    }
    if !p.subtitle.is_empty() {
        w.centred(&mut s, MARGIN, PAGE_W - 2.0 * MARGIN, y, 10.0, &p.subtitle);
        y += 16.0;
    }
    y += 6.0;
    let header_align = [false; 7];
    let body_align = [true, false, false, false, false, true, false];
    y += w.row(&mut s, y, &p.header, &header_align);
    let mut total = Vnd::ZERO;
    for (i, r) in p.rows.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            r.name.clone(),
            r.birth.clone(),
            r.school.clone(),
            r.achievement.clone(),
            r.amount.grouped(),
            String::new(),
        ];
        // A row that would cross the bottom margin starts a new page, under the header again.
        let lines = cells.iter().zip(WIDTHS).map(|(c, cw)| w.measure.wrap(c, SIZE, cw - 6.0).len()).max().unwrap_or(1);
        if y + lines as f32 * LINE + 6.0 > PAGE_H - MARGIN - 20.0 {
            s.finish();
            page.finish();
            page = doc.start_page_with(settings()?);
            s = page.surface();
            y = MARGIN + 10.0;
            y += w.row(&mut s, y, &p.header, &header_align);
        }
        y += w.row(&mut s, y, &cells, &body_align);
        total += r.amount;
    }
    let total_cells = [
        String::new(),
        "Tổng cộng".into(),
        String::new(),
        String::new(),
        String::new(),
        total.grouped(),
        String::new(),
    ];
    y += w.row(&mut s, y, &total_cells, &body_align);
    // The total in words, then the signature blocks (on a new page when there is no room).
    if y + 130.0 > PAGE_H - MARGIN {
        s.finish();
        page.finish();
        page = doc.start_page_with(settings()?);
        s = page.surface();
        y = MARGIN + 10.0;
    }
    y += 16.0;
    for line in w.measure.wrap(&format!("Bằng chữ: {}.", in_words(total)), 10.0, table_w) {
        w.text(&mut s, MARGIN, y, 10.0, &line);
        y += 14.0;
    }
    y += 10.0;
    let third = table_w / 3.0;
    w.centred(&mut s, MARGIN + 2.0 * third, third, y, 10.0, &p.place_date);
    y += 16.0;
    for (k, who) in p.signatures.iter().enumerate() {
        w.centred(&mut s, MARGIN + k as f32 * third, third, y, 10.0, &who.to_uppercase());
        w.centred(&mut s, MARGIN + k as f32 * third, third, y + 13.0, 8.5, "(Ký, ghi rõ họ tên)");
    }
    s.finish();
    page.finish();
    doc.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::Prize;
    use crate::model::awards::tests::{list, student};

    pub fn printed(n: usize) -> Printed {
        let awardees = (0..n).map(|i| student(&format!("Nguyễn Văn Học{i}"), Prize::Third, 1_000_000)).collect();
        let mut l = list("Khen thưởng học sinh giỏi quốc gia", awardees);
        l.awardees.push(student("Trần Thị Ánh", Prize::Second, 2_000_000));
        Printed {
            org: "Hội Khuyến học tỉnh Quảng Trị".into(),
            title: l.title.clone(),
            subtitle: "(Kèm theo Quyết định số 45/QĐ-HKH ngày 25/04/2025)".into(),
            header: ["STT", "Họ và tên", "Ngày sinh", "Trường", "Thành tích", "Số tiền", "Ký nhận"].map(String::from),
            rows: printed_rows(&l, |a| format!("Giải {:?} {}", a.prize, a.subject)),
            signatures: ["Người lập biểu", "Kế toán", "Chủ tịch"].map(String::from),
            place_date: "Quảng Trị, ngày 02 tháng 10 năm 2025".into(),
        }
    }

    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).expect("a PDF that parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).expect("text")
    }

    #[test]
    fn the_pdf_parses_and_holds_the_names_and_the_total() {
        let pdf = award_list_pdf(&printed(3)).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
        let text = text_of(&pdf);
        assert!(text.contains("Trần Thị Ánh"), "{text}");
        assert!(text.contains("5.000.000"), "the total");
        assert!(text.contains("Năm triệu đồng"), "the total in words");
        assert!(text.contains("Ký nhận") && text.contains("Người lập biểu".to_uppercase().as_str()));
        // Given names first: Ánh before Học0.
        let anh = text.find("Trần Thị Ánh").unwrap_or(usize::MAX);
        let hoc = text.find("Nguyễn Văn Học0").unwrap_or(0);
        assert!(anh < hoc, "Vietnamese name order");
    }

    #[test]
    fn a_long_list_runs_over_several_pages() {
        let pdf = award_list_pdf(&printed(120)).expect("pdf");
        let doc = lopdf::Document::load_mem(&pdf).expect("parses");
        assert!(doc.get_pages().len() >= 3);
        assert!(text_of(&pdf).contains("Một trăm hai mươi hai triệu đồng"));
    }
}
