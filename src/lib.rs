//! Sổ Khuyến học: the desk of a provincial study-promotion coordinator.

pub mod i18n;
pub mod io;
pub mod labels;
pub mod model;
pub mod report;
pub mod storage;
pub mod ui;

pub use ui::app::{APP_ID, App, AppConfig};
pub use ui::prefs::Prefs;
