//! Dates as the coordinator writes them: dd/mm/yyyy.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Format,
    Impossible,
}

pub fn format_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Accepts `dd/mm/yyyy`, also with `-` or `.` and one-digit day or month (`2/10/2025`),
/// and the ISO form `yyyy-mm-dd` that spreadsheets export.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(DateError::Format);
    }
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != 3 {
        return Err(DateError::Format);
    }
    let (d, m, y) = if parts[0].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else if parts[2].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        return Err(DateError::Format);
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .filter(|date| (1900..=2200).contains(&date.year()))
        .ok_or(DateError::Impossible)
}

/// A spreadsheet serial date (days since 30/12/1899) as XLSX files store them.
pub fn from_serial(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    if !(1.0..200_000.0).contains(&serial) {
        return None;
    }
    base.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn round_trips_dd_mm_yyyy() {
        assert_eq!(format_date(d(2025, 10, 2)), "02/10/2025");
        assert_eq!(parse_date("02/10/2025"), Ok(d(2025, 10, 2)));
        assert_eq!(parse_date("2/10/2025"), Ok(d(2025, 10, 2)));
        assert_eq!(parse_date("02-10-2025"), Ok(d(2025, 10, 2)));
        assert_eq!(parse_date("2025-10-02"), Ok(d(2025, 10, 2)));
    }

    #[test]
    fn rejects_impossible_and_malformed() {
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(parse_date("31/02/2025"), Err(DateError::Impossible));
        assert_eq!(parse_date("10/2025"), Err(DateError::Format));
        assert_eq!(parse_date("aa/bb/cccc"), Err(DateError::Format));
        assert_eq!(parse_date("02/10/25"), Err(DateError::Format));
    }

    #[test]
    fn spreadsheet_serials() {
        assert_eq!(from_serial(45_932.0), Some(d(2025, 10, 2)));
        assert_eq!(from_serial(-3.0), None);
    }
}
