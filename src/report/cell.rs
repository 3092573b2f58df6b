//! A typed cell of a table the program writes: XLSX keeps amounts as numbers and dates as
//! dates, the screen and PDF show them as a person reads them.

use crate::model::date::format_date;
use chrono::NaiveDate;

/// A typed cell for export: XLSX keeps amounts as numbers and dates as dates.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Money(i64),
    Int(i64),
    Date(NaiveDate),
    /// A share in per cent (60.0 is 60 %), and how the document's language writes it.
    Percent(f64, String),
}

impl Cell {
    /// As a file holds it: amounts and counts as plain numbers.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money(v) | Cell::Int(v) => v.to_string(),
            Cell::Date(d) => format_date(*d),
            Cell::Percent(_, shown) => shown.clone(),
        }
    }

    /// As a person reads it: amounts grouped with dots.
    pub fn display(&self) -> String {
        match self {
            Cell::Money(v) => crate::model::money::Vnd(*v).grouped(),
            other => other.text(),
        }
    }

    /// Numbers line up on the right.
    pub fn numeric(&self) -> bool {
        matches!(self, Cell::Money(_) | Cell::Int(_) | Cell::Percent(..))
    }
}
