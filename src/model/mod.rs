//! The domain: no egui here. Every rule lives in these modules and is tested here.
//!
//! One folder per domain, as the tabs are: `fund` (vouchers, donors, the ledger's queries,
//! the old-spreadsheet import), `awards` (lists, scales, their actions and import),
//! `learning` (criteria sets, sheets, decisions, the roll-up), `plans` (documents, tasks,
//! the calendar). Beside them the core every domain shares: the `book` that holds them,
//! `action` and `history` (every change and its undo), `check` (the rules of a whole book),
//! `closing`, `limits`, `money`, `date`, `text`, the `report` figures and the `demo` book.

pub mod action;
pub mod awards;
pub mod book;
pub mod change;
pub mod check;
pub mod closing;
pub mod date;
pub mod demo;
pub mod error;
pub mod fund;
pub mod history;
pub mod learning;
pub mod limits;
pub mod log;
pub mod money;
pub mod plans;
pub mod report;
pub mod rows;
pub mod shared;
pub mod text;
