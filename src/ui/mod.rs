//! The window: thin layout over the model. UI code reads the book and returns intents
//! (an action and where it came from); `App` applies them.

pub mod app;
pub mod awards;
mod caches;
mod close_guard;
mod dialogs;
mod file_job;
pub mod fonts;
pub mod fund;
pub(crate) use crate::labels;
pub mod learning;
pub mod overview;
pub mod plans;
pub mod replace;
pub mod reports;
mod sheet_source;
mod startup;
mod widgets;
mod work;

use crate::model::action::Action;

/// An action the user asked for, and the dialog that should hear how it went.
pub struct Intent {
    pub action: Action,
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Fund(fund::FundOrigin),
    Awards(awards::AwardsOrigin),
    Learning(learning::LearningOrigin),
    Plans(plans::PlansOrigin),
    Reports(reports::ReportsOrigin),
    Dialog(dialogs::DialogOrigin),
}
