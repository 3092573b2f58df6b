//! One way for every form to say what went wrong, beside the field it belongs to: the
//! book's refusal (an `ActionError`, which names its field) or what the form could not read.

use super::error_text;
use crate::i18n::Lang;
use crate::model::error::{ActionError, Field};
use egui::Ui;

/// Why a form's last try did not go through.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The book refused the action.
    Refused(ActionError),
    /// The form could not read what was typed (an amount, a date): where, and why.
    Input(Option<Field>, String),
}

impl Problem {
    pub fn field(&self) -> Option<Field> {
        match self {
            Problem::Refused(e) => e.field(),
            Problem::Input(f, _) => *f,
        }
    }

    /// The problem in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Refused(e) => crate::labels::action_error(lang, e),
            Problem::Input(_, t) => t.clone(),
        }
    }
}

impl From<ActionError> for Problem {
    fn from(e: ActionError) -> Self {
        Problem::Refused(e)
    }
}

/// A form (or a view with a form in it) that shows the problem of its last try.
pub trait Form {
    fn problem(&mut self) -> &mut Option<Problem>;
}

/// A form kept as what it edits and its problem.
impl<T> Form for (T, Option<Problem>) {
    fn problem(&mut self) -> &mut Option<Problem> {
        &mut self.1
    }
}

/// Implements `Form` for forms with an `error: Option<Problem>` field.
macro_rules! form_error {
    ($($t:ty),*) => {$(impl $crate::ui::widgets::Form for $t {
        fn problem(&mut self) -> &mut Option<$crate::ui::widgets::Problem> { &mut self.error }
    })*};
}
pub(crate) use form_error;

/// Closes the form when its action went through; otherwise keeps it open with why not.
pub fn settle<F: Form>(form: &mut Option<F>, result: &Result<(), ActionError>) {
    match result {
        Ok(()) => *form = None,
        Err(e) => {
            if let Some(f) = form {
                *f.problem() = Some(Problem::Refused(e.clone()));
            }
        }
    }
}

/// The problem's text if it belongs to `field`: for the field's `row`.
pub fn problem_at(problem: &Option<Problem>, lang: Lang, field: Field) -> Option<String> {
    problem.as_ref().filter(|p| p.field() == Some(field)).map(|p| p.text(lang))
}

/// Shows the problem unless it belongs to one of the fields that show their own.
pub fn problem_rest(ui: &mut Ui, lang: Lang, problem: &Option<Problem>, shown: &[Field]) {
    if let Some(p) = problem.as_ref().filter(|p| p.field().is_none_or(|f| !shown.contains(&f))) {
        error_text(ui, p.text(lang));
    }
}
