//! The study-promotion fund: vouchers and their numbers, donors, the ledger's queries and
//! statistics, the search, and the import of old spreadsheets.

pub mod action;
pub mod donors;
pub mod import;
pub mod ledger;
pub mod query;
pub mod rules;
pub mod search;
pub mod stats;
pub mod totals;
