//! The window: thin layout over the model. Each tab reads the book through its `Ctx` and
//! hands back intents (an action and where it came from) and places to go; `App` applies
//! them after the frame.

pub mod app;
pub mod awards;
mod caches;
pub mod ctx;
mod dialogs;
mod file_job;
pub mod fonts;
pub mod fund;
pub mod intent;
pub(crate) use crate::labels;
pub mod learning;
pub mod nav;
pub mod overview;
pub mod plans;
pub mod prefs;
pub mod replace;
pub mod reports;
mod sheet_source;
pub mod tabs;
pub mod theme;
mod widgets;
mod work;
