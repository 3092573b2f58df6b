//! Foreign formats: CSV and XLSX tables in and out.

pub mod pdf;
pub mod report_file;
pub mod table;
