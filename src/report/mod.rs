//! Reports as documents: headings, paragraphs, warnings and tables, built from the model's
//! figures in the user's language. The window shows them; `io` writes them as PDF and XLSX.

pub mod award_list;
mod cell;
pub mod coop;
pub mod disclosure;

pub use cell::Cell;

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Option<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(String),
    Para(String),
    Warn(String),
    Table(Table),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub org: String,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
    pub place_date: String,
    /// Who signs at the bottom, left to right.
    pub signatures: Vec<String>,
    /// Under each signer: "(Ký, ghi rõ họ tên)".
    pub sign_note: String,
}

impl Doc {
    /// Every piece of text, for tests and search.
    pub fn text(&self) -> String {
        let mut out = vec![self.title.clone(), self.subtitle.clone()];
        for b in &self.blocks {
            match b {
                Block::Heading(s) | Block::Para(s) | Block::Warn(s) => out.push(s.clone()),
                Block::Table(t) => {
                    out.extend(t.header.iter().cloned());
                    for r in t.rows.iter().chain(t.total.iter()) {
                        out.extend(r.iter().map(Cell::display));
                    }
                }
            }
        }
        out.join("\n")
    }
}

/// The place a document is dated at: the province (or commune) in the association's name
/// ("Hội Khuyến học tỉnh Quảng Trị" → "Quảng Trị").
pub fn place(book: &crate::model::book::Book) -> &str {
    let org = book.settings.org_name.trim();
    let after = ["tỉnh", "thành phố", "xã", "phường"].iter().find_map(|w| org.rsplit_once(w).map(|(_, p)| p.trim()));
    after.filter(|p| !p.is_empty()).unwrap_or("Quảng Trị")
}

/// "Quảng Trị, ngày 05 tháng 02 năm 2026" (days and months with two digits, as NĐ 30 writes
/// them), or in English "Quảng Trị, 05/02/2026".
pub fn place_date(lang: crate::i18n::Lang, place: &str, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        crate::i18n::Lang::Vi => {
            format!("{place}, ngày {:02} tháng {:02} năm {}", date.day(), date.month(), date.year())
        }
        crate::i18n::Lang::En => format!("{place}, {}", crate::model::date::format_date(date)),
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn money(v: crate::model::money::Vnd) -> Cell {
    Cell::Money(v.0)
}

fn count(n: usize) -> Cell {
    Cell::Int(n as i64)
}

fn percent(lang: crate::i18n::Lang, value: f64) -> Cell {
    Cell::Percent(value, lang.percent(value))
}

/// A file name from a document's title, without accents or spaces:
/// "Danh sách khen thưởng HSG quốc gia 2025" → "DS-khen-thuong-HSG-quoc-gia-2025".
pub fn file_stem(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = title
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    if words.len() > 2 && words[0].eq_ignore_ascii_case("danh") && words[1].eq_ignore_ascii_case("sach") {
        words.splice(0..2, ["DS"]);
    }
    let mut stem = String::new();
    for w in words {
        if stem.len() + w.len() + 1 > 80 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(w);
    }
    if stem.is_empty() { "tai-lieu".to_owned() } else { stem }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_title() {
        assert_eq!(file_stem("Danh sách khen thưởng HSG quốc gia 2025"), "DS-khen-thuong-HSG-quoc-gia-2025");
        assert_eq!(file_stem("Học bổng “Tiếp sức đến trường” năm 2026"), "Hoc-bong-Tiep-suc-den-truong-nam-2026");
        assert_eq!(file_stem("Đề án 281/QĐ-TTg"), "De-an-281-QD-TTg");
        assert_eq!(file_stem("  ???  "), "tai-lieu");
        assert!(file_stem(&"Quỹ ".repeat(50)).len() <= 80);
    }

    #[test]
    fn documents_are_dated_at_the_associations_place() {
        let mut book = crate::model::book::Book::default();
        book.settings.org_name = "Hội Khuyến học tỉnh Quảng Bình".into();
        assert_eq!(place(&book), "Quảng Bình");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 5).expect("date");
        assert_eq!(place_date(crate::i18n::Lang::Vi, place(&book), d), "Quảng Bình, ngày 05 tháng 02 năm 2026");
        book.settings.org_name = "Hội Khuyến học".into();
        assert_eq!(place(&book), "Quảng Trị", "the province's when the name says none");
    }
}
