//! Reading spreadsheets (CSV, XLSX) as rows of text, and writing tables to CSV and XLSX.

use crate::model::date::{format_date, from_serial};
use crate::report::Cell;
use calamine::{Data as XData, Reader, Xlsx, open_workbook, open_workbook_auto};
use std::path::Path;

/// A sheet of a workbook, as text cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// The most a file may hold: enough for a province's history (100,000 receipts in one
/// sheet), never enough to run the machine out of memory.
pub const MAX_ROWS: usize = 300_000;
pub const MAX_COLS: usize = 500;
/// Cells kept in all, empty ones inside a row counted (a sheet is held as rows of text).
pub const MAX_CELLS: usize = 3_000_000;
/// The largest file read, in bytes.
pub const MAX_FILE: u64 = 200 * 1024 * 1024;
/// A cell longer than any field takes is cut here, one past the longest field, so that the
/// preview marks its row as too long instead of storing it.
pub const MAX_CELL: usize = crate::model::text::TEXT_MAX + 1;

/// Why a file could not be read, to be said in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    /// The file system said no.
    Denied,
    /// A folder, not a file.
    Folder,
    /// Another disk error.
    Io(String),
    TooBig(u64),
    /// Text that is not UTF-8: an old TCVN3 or VNI file, or not text at all.
    NotUtf8,
    /// A spreadsheet that does not open (damaged, not really XLSX, password-protected).
    Damaged(String),
    /// A sheet reaching a cell beyond the bounds: its name and the cell (`XFD1048576`).
    TooLarge {
        sheet: String,
        cell: String,
    },
    /// Nothing to read.
    Empty,
}

fn io_error(e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadError::Denied,
        _ => ReadError::Io(e.to_string()),
    }
}

fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm" | "xls" | "ods"))
}

/// Reads every sheet of a CSV (one sheet) or a workbook, within the bounds above.
pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if meta.len() > MAX_FILE {
        return Err(ReadError::TooBig(meta.len()));
    }
    // A reader library that panics on a hostile file is a damaged file, not a crash.
    let read = || if is_xlsx(path) { read_workbook(path) } else { read_csv(path).map(|s| vec![s]) };
    let sheets = crate::storage::crash::guarded(read).map_err(ReadError::Damaged)??;
    if sheets.iter().all(|s| s.rows.is_empty()) {
        return Err(ReadError::Empty);
    }
    Ok(sheets)
}

/// The spreadsheet letter of a column: A, B, …, Z, AA, …, XFD.
pub fn col_name(col: usize) -> String {
    let mut n = col + 1;
    let mut s = String::new();
    while n > 0 {
        s.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// The spreadsheet name of a cell: `A1`, `XFD1048576`.
pub fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// Rows of text built cell by cell, refusing what would pass the bounds before it is held.
struct Grid {
    sheet: String,
    rows: Vec<Vec<String>>,
    cells: usize,
}

impl Grid {
    fn new(sheet: &str) -> Self {
        Self { sheet: sheet.to_owned(), rows: Vec::new(), cells: 0 }
    }

    fn too_large(&self, row: usize, col: usize) -> ReadError {
        ReadError::TooLarge { sheet: self.sheet.clone(), cell: cell_name(row, col) }
    }

    fn put(&mut self, row: usize, col: usize, text: &str) -> Result<(), ReadError> {
        if text.is_empty() {
            return Ok(());
        }
        if row >= MAX_ROWS || col >= MAX_COLS {
            return Err(self.too_large(row, col));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let r = &mut self.rows[row];
        if r.len() <= col {
            self.cells += col + 1 - r.len();
            if self.cells > MAX_CELLS {
                return Err(self.too_large(row, col));
            }
            r.resize_with(col + 1, String::new);
        }
        r[col] = cut(text);
        Ok(())
    }

    fn sheet(self) -> Sheet {
        Sheet { name: self.sheet, rows: self.rows }
    }
}

/// A cell's text, cut one past the longest field with a mark that it was cut.
fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL - 1) {
        Some((at, _)) if text.len() > at => format!("{}…", &text[..at]),
        _ => text.to_owned(),
    }
}

fn read_csv(path: &Path) -> Result<Sheet, ReadError> {
    let bytes = std::fs::read(path).map_err(io_error)?;
    let text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|d| first.matches(*d as char).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = Grid::new("CSV");
    let mut record = csv::StringRecord::new();
    let mut r = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ReadError::Damaged(e.to_string())),
        }
        for (c, cell) in record.iter().enumerate() {
            grid.put(r, c, cell)?;
        }
        r += 1;
    }
    Ok(grid.sheet())
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

fn damaged(e: impl std::fmt::Display) -> ReadError {
    ReadError::Damaged(e.to_string())
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm"));
    if xlsx {
        return read_xlsx(path);
    }
    // XLS and ODS are read whole by the library, which bounds them itself (an XLS sheet has
    // at most 65,536 × 256 cells); the bounds here keep what is held as text.
    let mut wb = open_workbook_auto(path).map_err(damaged)?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(damaged)?;
        let mut grid = Grid::new(&name);
        for (r, c, v) in range.used_cells() {
            let (top, left) = range.start().unwrap_or((0, 0));
            grid.put(r + top as usize, c + left as usize, &cell_text(v))?;
        }
        out.push(grid.sheet());
    }
    Ok(out)
}

/// XLSX is read cell by cell, so a sheet that claims a cell at XFD1048576 is refused at
/// that cell instead of being laid out in memory first.
fn read_xlsx(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let mut wb: Xlsx<_> = open_workbook(path).map_err(damaged)?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let mut cells = match wb.worksheet_cells_reader(&name) {
            Ok(c) => c,
            // A chart sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(damaged(e)),
        };
        let mut grid = Grid::new(&name);
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            let (r, c) = cell.get_position();
            let value: XData = cell.get_value().clone().into();
            grid.put(r as usize, c as usize, &cell_text(&value))?;
        }
        out.push(grid.sheet());
    }
    Ok(out)
}

pub fn write_csv(path: &Path, header: &[String], rows: &[Vec<Cell>]) -> Result<(), String> {
    let mut w = csv::Writer::from_path(path).map_err(|e| e.to_string())?;
    w.write_record(header).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(r.iter().map(Cell::text)).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

/// Column widths (in Excel's character units) that fit the header and every cell as a person
/// reads it, between 6 and 60 (a longer cell wraps in Excel rather than widen the sheet).
pub fn column_widths<'a>(header: &[String], rows: impl IntoIterator<Item = &'a Vec<Cell>>) -> Vec<f64> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            let n = cell.display().chars().count();
            match widths.get_mut(c) {
                Some(w) => *w = (*w).max(n),
                None => widths.push(n),
            }
        }
    }
    widths.into_iter().map(|n| (n as f64 * 1.1 + 2.0).clamp(6.0, 60.0)).collect()
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
    let percent = Format::new().set_num_format("0%");
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold).map_err(err)?;
    }
    for (c, w) in column_widths(header, rows).into_iter().enumerate() {
        ws.set_column_width(c as u16, w).map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| ()),
                Cell::Money(v) => ws.write_number_with_format(r, c, *v as f64, &money).map(|_| ()),
                Cell::Int(v) => ws.write_number(r, c, *v as f64).map(|_| ()),
                Cell::Percent(v, _) => ws.write_number_with_format(r, c, v / 100.0, &percent).map(|_| ()),
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
    use chrono::NaiveDate;

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
