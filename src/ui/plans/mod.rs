//! The Plans tab (Kế hoạch): cooperation documents with their content areas and tasks, and
//! the year calendar of recurring events.

mod calendar;
pub use calendar::when;
mod docs;
mod forms;

use super::Intent;
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::error::ActionError;
use crate::model::plans::TaskRef;
use crate::model::plans::action::PlanAction;
use crate::ui::app::Prefs;
use crate::ui::widgets::settle;
use crate::ui::widgets::view_switch;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlansView {
    #[default]
    Documents,
    Calendar,
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

pub fn intent(action: PlanAction, origin: PlansOrigin) -> Intent {
    Intent { action: Action::Plan(action), origin: super::Origin::Plans(origin) }
}

/// Where a task's link leads, for the app to open.
#[derive(Clone, Debug, PartialEq)]
pub enum Go {
    List(usize),
    Campaign(String),
    Learning(i32),
}

#[derive(Default)]
pub struct PlansUi {
    pub selected: Option<usize>,
    /// A task to show highlighted (opened from the overview).
    pub highlight: Option<TaskRef>,
    doc_form: Option<forms::DocForm>,
    area_form: Option<forms::AreaForm>,
    task_form: Option<forms::TaskForm>,
    event_form: Option<forms::EventForm>,
    /// A document the user asked to delete, waiting for the confirmation.
    delete_ask: Option<usize>,
    calendar: calendar::CalendarCache,
    error: Option<String>,
    pub go: Option<Go>,
}

impl PlansUi {
    pub fn on_result(&mut self, origin: PlansOrigin, result: &Result<(), ActionError>, lang: Lang, book: &Book) {
        let error = result.as_ref().err().map(|e| crate::ui::labels::action_error(lang, e));
        match origin {
            PlansOrigin::Doc => {
                if error.is_none() && self.doc_form.as_ref().is_some_and(|f| f.id.is_none()) {
                    self.selected = book.plans.len().checked_sub(1);
                }
                settle(&mut self.doc_form, error)
            }
            PlansOrigin::Area => settle(&mut self.area_form, error),
            PlansOrigin::Task => settle(&mut self.task_form, error),
            PlansOrigin::Event => settle(&mut self.event_form, error),
            PlansOrigin::Delete => match error {
                None => {
                    self.delete_ask = None;
                    self.selected = None;
                    self.highlight = None;
                }
                Some(e) => self.error = Some(e),
            },
            PlansOrigin::Copy => match error {
                None => self.selected = book.plans.len().checked_sub(1),
                Some(e) => self.error = Some(e),
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        book: &Book,
        prefs: &mut Prefs,
        read_only: bool,
        rev: u64,
        out: &mut Vec<Intent>,
    ) {
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.plans_view,
                &[(PlansView::Documents, T::ViewDocuments), (PlansView::Calendar, T::ViewCalendar)],
            );
        });
        ui.separator();
        if let Some(e) = &self.error {
            crate::ui::widgets::error_text(ui, e);
        }
        match prefs.plans_view {
            PlansView::Documents => docs::show(self, ui, lang, book, read_only, out),
            PlansView::Calendar => calendar::show(self, ui, lang, book, prefs, read_only, rev),
        }
        forms::windows(self, ui.ctx(), lang, book, out);
    }

    /// Shows a task of a document (from the overview).
    pub fn open_task(&mut self, task: TaskRef) {
        self.selected = Some(task.0);
        self.highlight = Some(task);
    }
}
