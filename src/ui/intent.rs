//! What the window asks of the book: an action, and the form or dialog that should hear how
//! it went (its origin).

use crate::model::action::Action;

/// An action the user asked for, and the dialog that should hear how it went.
pub struct Intent {
    pub action: Action,
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Fund(FundOrigin),
    Awards(AwardsOrigin),
    Learning(LearningOrigin),
    Plans(PlansOrigin),
    Reports(ReportsOrigin),
    Dialog(DialogOrigin),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundOrigin {
    VoucherForm,
    Void,
    DonorForm,
    /// A donor added from the voucher form.
    FormDonor,
    Import,
    Target,
    CampaignTarget,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwardsOrigin {
    ListForm,
    AwardeeForm,
    Status,
    Reopen,
    Pay,
    Import,
    Scales,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearningOrigin {
    Set,
    Subject,
    Sheet,
    Grid,
    Decision,
    Targets,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlansOrigin {
    Doc,
    Area,
    Task,
    Event,
    Copy,
    Delete,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportsOrigin {
    Close,
    Reopen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogOrigin {
    Settings,
    Communes,
    /// Starting an empty book or importing a whole one.
    Replace,
    /// Opening the unsaved changes a crash left.
    Recovery,
}
