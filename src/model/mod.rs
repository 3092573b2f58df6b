//! The domain: no egui here. Every rule lives in these modules and is tested here.

pub mod action;
pub mod award_action;
pub mod award_import;
pub mod awards;
pub mod book;
pub mod date;
pub mod demo;
pub mod donors;
pub mod history;
pub mod import;
pub mod learning;
pub mod learning_action;
pub mod learning_builtin;
pub mod learning_rollup;
pub mod ledger;
pub mod money;
pub mod query;
pub mod scales;
pub mod stats;
pub mod text;
