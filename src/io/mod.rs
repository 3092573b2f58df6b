//! Foreign formats: CSV and XLSX tables in and out.

pub mod pdf;
pub mod table;
