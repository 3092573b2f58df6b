//! Reports as documents: headings, paragraphs, warnings and tables, built from the model's
//! figures in the user's language. The window shows them; `io` writes them as PDF and XLSX.

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

/// "Quảng Trị, ngày 28 tháng 11 năm 2026".
pub fn place_date(lang: crate::i18n::Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        crate::i18n::Lang::Vi => {
            format!("Quảng Trị, ngày {:02} tháng {:02} năm {}", date.day(), date.month(), date.year())
        }
        crate::i18n::Lang::En => format!("Quảng Trị, {}", crate::model::date::format_date(date)),
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
