//! The Awards tab (Khen thưởng & học bổng): award lists from nomination to payout and
//! print, the scales their amounts come from, and the totals and sponsor statements.

mod forms;
mod import;
mod lists;
mod print;
pub use print::place_date_field;

mod scales;
mod summary;

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::awards::action::AwardAction;
use crate::model::awards::{Awardee, Issue, checks, sorted_awardees};
use crate::model::book::Book;
use crate::ui::caches::Memo;
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::intent::{AwardsOrigin, Intent, Origin};
use crate::ui::nav::Nav;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::{Problem, settle, year_picker, years_with};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AwardsView {
    #[default]
    Lists,
    Summary,
}

/// Derived for one list: its rows in name order and its checks (kept per list and revision).
pub(super) struct ListDerived {
    order: Vec<usize>,
    issues: Vec<Issue>,
}

fn list_derived(book: &Book, id: usize) -> ListDerived {
    match book.award_lists.get(id) {
        Some(l) => ListDerived { order: sorted_awardees(l), issues: checks(book, id) },
        None => ListDerived { order: Vec::new(), issues: Vec::new() },
    }
}

#[derive(Default)]
pub struct AwardsUi {
    selected: Option<usize>,
    list_form: Option<forms::ListForm>,
    awardee_form: Option<forms::AwardeeForm>,
    pay: Option<forms::PayForm>,
    reopen: Option<forms::ReopenForm>,
    scales: Option<scales::ScalesEditor>,
    import: Option<import::ImportWizard>,
    print: Option<print::PrintDialog>,
    status_error: Option<Problem>,
    cache: Memo<(u64, usize), ListDerived>,
    /// The students table's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
    /// The student shown highlighted (come to from a voucher): the list, the place in it, and
    /// the student as then, so a place that now holds someone else highlights nobody.
    student: Option<(usize, usize, Awardee)>,
    summary: summary::SummaryUi,
}

pub fn intent(action: AwardAction, origin: AwardsOrigin) -> Intent {
    Intent { action: Action::Award(action), origin: crate::ui::intent::Origin::Awards(origin) }
}

/// What the Awards tab remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwardsPrefs {
    pub view: AwardsView,
    pub year: Option<i32>,
}

impl Tab for AwardsUi {
    type Prefs = AwardsPrefs;

    fn on_result(&mut self, done: &Done) {
        let Origin::Awards(origin) = done.origin else { return };
        let result = done.result;
        match origin {
            AwardsOrigin::ListForm => {
                if result.is_ok() && self.list_form.as_ref().is_some_and(|f| f.editing.is_none()) {
                    self.selected = done.book.award_lists.len().checked_sub(1);
                }
                settle(&mut self.list_form, result)
            }
            AwardsOrigin::AwardeeForm => settle(&mut self.awardee_form, result),
            AwardsOrigin::Pay => settle(&mut self.pay, result),
            AwardsOrigin::Reopen => settle(&mut self.reopen, result),
            AwardsOrigin::Scales => settle(&mut self.scales, result),
            AwardsOrigin::Import => import::settle(&mut self.import, result),
            AwardsOrigin::Status => self.status_error = result.clone().err().map(Problem::Refused),
        }
    }

    fn open(&mut self, nav: &Nav, prefs: &mut AwardsPrefs, book: &Book) -> bool {
        match nav {
            Nav::Awards => {}
            Nav::List(id) => {
                let Some(l) = book.award_lists.get(*id) else { return false };
                prefs.view = AwardsView::Lists;
                prefs.year = Some(l.year);
                self.selected = Some(*id);
                self.student = None;
            }
            Nav::Student(id, index) => {
                let Some((l, a)) = book.award_lists.get(*id).and_then(|l| Some((l, l.awardees.get(*index)?))) else {
                    return false;
                };
                prefs.view = AwardsView::Lists;
                prefs.year = Some(l.year);
                self.selected = Some(*id);
                self.student = Some((*id, *index, a.clone()));
                self.nav.reveal();
            }
            _ => return false,
        }
        true
    }

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut AwardsPrefs, cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        let year = prefs.year.unwrap_or_else(|| cx.caches.current_year());
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.view,
                &[(AwardsView::Lists, T::ViewLists), (AwardsView::Summary, T::ViewSummary)],
            );
            ui.separator();
            let years = years_with(cx.caches.years.iter().copied().chain(book.award_lists.iter().map(|l| l.year)));
            year_picker(ui, lang, "awards_year", &years, year, &mut prefs.year);
            ui.separator();
            ui.add_enabled_ui(!cx.read_only, |ui| {
                if ui.button(format!("+ {}", T::NewList.get(lang))).clicked() {
                    self.list_form = Some(forms::ListForm::new(year, book));
                }
                if ui.button(T::Scales.get(lang)).clicked() {
                    self.scales = Some(scales::ScalesEditor::new(book, year));
                }
            });
        });
        ui.separator();
        match prefs.view {
            AwardsView::Lists => lists::show(self, ui, year, cx),
            AwardsView::Summary => self.summary.show(ui, year, cx),
        }
        let ctx = ui.ctx().clone();
        forms::show_list_form(&mut self.list_form, &ctx, cx);
        forms::show_awardee_form(&mut self.awardee_form, &ctx, cx);
        forms::show_pay(&mut self.pay, &ctx, cx);
        forms::show_reopen(&mut self.reopen, &ctx, cx);
        scales::show(&mut self.scales, &ctx, cx);
        import::show(&mut self.import, &ctx, cx);
        print::show(&mut self.print, &ctx, lang, book);
    }
}
