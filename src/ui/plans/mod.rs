//! The Plans tab (Kế hoạch): cooperation documents with their content areas and tasks, and
//! the year calendar of recurring events.

mod calendar;
pub use calendar::when;
mod docs;
mod forms;

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::plans::TaskRef;
use crate::model::plans::action::PlanAction;
use crate::ui::caches::Memo;
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::intent::{Intent, Origin, PlansOrigin};
use crate::ui::nav::Nav;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::{Problem, settle};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlansView {
    #[default]
    Documents,
    Calendar,
}

pub fn intent(action: PlanAction, origin: PlansOrigin) -> Intent {
    Intent { action: Action::Plan(action), origin: crate::ui::intent::Origin::Plans(origin) }
}

#[derive(Default)]
pub struct PlansUi {
    selected: Option<usize>,
    /// A task to show highlighted (opened from the overview).
    highlight: Option<TaskRef>,
    doc_form: Option<forms::DocForm>,
    area_form: Option<forms::AreaForm>,
    task_form: Option<forms::TaskForm>,
    event_form: Option<forms::EventForm>,
    /// A document the user asked to delete, waiting for the confirmation.
    delete_ask: Option<usize>,
    calendar: Memo<calendar::YearKey, calendar::YearView>,
    error: Option<Problem>,
    /// The search over the documents list.
    doc_query: String,
    /// The documents the list shows, in its order, with what each entry says of its kind,
    /// period and progress, per revision, search and language.
    doc_order: Memo<(u64, String, crate::i18n::Lang), Vec<(usize, String)>>,
    /// The height of each entry of that list when last laid out, for the same key and width.
    doc_heights: Memo<(u64, String, crate::i18n::Lang, u32), Vec<Option<f32>>>,
}

/// What the Plans tab remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlansPrefs {
    pub view: PlansView,
    pub calendar_year: Option<i32>,
}

impl Tab for PlansUi {
    type Prefs = PlansPrefs;

    fn on_result(&mut self, done: &Done) {
        let Origin::Plans(origin) = done.origin else { return };
        let result = done.result;
        let error = result.clone().err().map(Problem::Refused);
        match origin {
            PlansOrigin::Doc => {
                if result.is_ok() && self.doc_form.as_ref().is_some_and(|f| f.id.is_none()) {
                    self.selected = done.book.plans.len().checked_sub(1);
                }
                settle(&mut self.doc_form, result)
            }
            PlansOrigin::Area => settle(&mut self.area_form, result),
            PlansOrigin::Task => settle(&mut self.task_form, result),
            PlansOrigin::Event => settle(&mut self.event_form, result),
            PlansOrigin::Delete => match error {
                None => {
                    self.delete_ask = None;
                    self.selected = None;
                    self.highlight = None;
                }
                Some(e) => self.error = Some(e),
            },
            PlansOrigin::Copy => match error {
                None => self.selected = done.book.plans.len().checked_sub(1),
                Some(e) => self.error = Some(e),
            },
        }
    }

    fn open(&mut self, nav: &Nav, prefs: &mut PlansPrefs, _book: &Book) -> bool {
        match nav {
            Nav::Documents => prefs.view = PlansView::Documents,
            Nav::Calendar => prefs.view = PlansView::Calendar,
            Nav::Task(t) => {
                prefs.view = PlansView::Documents;
                self.selected = Some(t.0);
                self.highlight = Some(*t);
            }
            _ => return false,
        }
        true
    }

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut PlansPrefs, cx: &mut Ctx) {
        ui.horizontal(|ui| {
            view_switch(
                ui,
                cx.lang,
                &mut prefs.view,
                &[(PlansView::Documents, T::ViewDocuments), (PlansView::Calendar, T::ViewCalendar)],
            );
        });
        ui.separator();
        crate::ui::widgets::problem_rest(ui, cx.lang, &self.error, &[]);
        match prefs.view {
            PlansView::Documents => docs::show(self, ui, cx),
            PlansView::Calendar => calendar::show(self, ui, prefs, cx),
        }
        forms::windows(self, ui.ctx(), cx);
    }
}
