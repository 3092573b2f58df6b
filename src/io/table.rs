//! Reading spreadsheets (CSV, XLSX) as rows of text, and writing tables to CSV and XLSX.

use crate::model::date::{format_date, from_serial};
use calamine::{Data as XData, Reader, open_workbook_auto};
use chrono::NaiveDate;
use std::path::Path;

/// A sheet of a workbook, as text cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm" | "xls" | "ods"))
}

/// Reads every sheet of a CSV (one sheet) or a workbook.
pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>, String> {
    if is_xlsx(path) {
        read_workbook(path)
    } else {
        read_csv(path).map(|rows| vec![Sheet { name: "CSV".into(), rows }])
    }
}

fn read_csv(path: &Path) -> Result<Vec<Vec<String>>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|d| first.matches(*d as char).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    reader.records().map(|r| r.map(|rec| rec.iter().map(str::to_owned).collect()).map_err(|e| e.to_string())).collect()
}

fn cell_text(c: &XData) -> String {
    match c {
        XData::Empty => String::new(),
        XData::String(s) => s.clone(),
        XData::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        XData::Float(f) => f.to_string(),
        XData::Int(i) => i.to_string(),
        XData::Bool(b) => b.to_string(),
        XData::DateTime(d) => from_serial(d.as_f64()).map(format_date).unwrap_or_default(),
        XData::DateTimeIso(s) | XData::DurationIso(s) => s.clone(),
        XData::Error(e) => format!("#{e:?}"),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, String> {
    let mut wb = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
        // Keep the sheet's own row numbers: pad the rows above the used range.
        let top = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let left = range.start().map(|(_, c)| c as usize).unwrap_or(0);
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
        for r in range.rows() {
            let mut row = vec![String::new(); left];
            row.extend(r.iter().map(cell_text));
            rows.push(row);
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

/// A typed cell for export: XLSX keeps amounts as numbers and dates as dates.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Money(i64),
    Int(i64),
    Date(NaiveDate),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money(v) | Cell::Int(v) => v.to_string(),
            Cell::Date(d) => format_date(*d),
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
        matches!(self, Cell::Money(_) | Cell::Int(_))
    }
}

pub fn write_csv(path: &Path, header: &[String], rows: &[Vec<Cell>]) -> Result<(), String> {
    let mut w = csv::Writer::from_path(path).map_err(|e| e.to_string())?;
    w.write_record(header).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(r.iter().map(Cell::text)).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

pub fn write_xlsx(path: &Path, sheet: &str, header: &[String], rows: &[Vec<Cell>]) -> Result<(), String> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold).map_err(err)?;
        ws.set_column_width(c as u16, 16).map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| ()),
                Cell::Money(v) => ws.write_number_with_format(r, c, *v as f64, &money).map(|_| ()),
                Cell::Int(v) => ws.write_number(r, c, *v as f64).map(|_| ()),
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(err)?;
                    ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                }
            }
            .map_err(err)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    wb.save(path).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<Cell>> {
        vec![vec![
            Cell::Date(NaiveDate::from_ymd_opt(2025, 10, 2).expect("d")),
            Cell::Text("Nguyễn Văn An".into()),
            Cell::Money(1_250_000),
        ]]
    }

    fn header() -> Vec<String> {
        vec!["Ngày".into(), "Họ tên".into(), "Số tiền".into()]
    }

    #[test]
    fn xlsx_round_trip_keeps_dates_and_amounts() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("so-quy.xlsx");
        write_xlsx(&path, "Sổ quỹ", &header(), &rows()).expect("write");
        let sheets = read_sheets(&path).expect("read");
        assert_eq!(sheets[0].name, "Sổ quỹ");
        assert_eq!(sheets[0].rows[1], vec!["02/10/2025", "Nguyễn Văn An", "1250000"]);
    }

    #[test]
    fn csv_round_trip_and_semicolons() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("so-quy.csv");
        write_csv(&path, &header(), &rows()).expect("write");
        let back = read_sheets(&path).expect("read");
        assert_eq!(back[0].rows[1], vec!["02/10/2025", "Nguyễn Văn An", "1250000"]);
        let semi = dir.path().join("cu.csv");
        std::fs::write(&semi, "\u{feff}Ngày;Họ tên;Số tiền\n02/10/2025;Lê Hoa;\"1.000.000\"\n").expect("w");
        let back = read_sheets(&semi).expect("read");
        assert_eq!(back[0].rows[1], vec!["02/10/2025", "Lê Hoa", "1.000.000"]);
        assert_eq!(back[0].rows[0][0], "Ngày");
    }
}
