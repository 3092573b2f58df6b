//! The Awards tab (Khen thưởng & học bổng): award lists from nomination to payout and
//! print, the scales their amounts come from, and the totals and sponsor statements.

mod forms;
mod import;
mod lists;
mod print;
pub use print::printed;
mod scales;
mod summary;

use super::Intent;
use super::caches::Caches;
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::awards::action::AwardAction;
use crate::model::awards::{Issue, checks, sorted_awardees};
use crate::model::book::Book;
use crate::model::error::ActionError;
use crate::ui::app::Prefs;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::year_picker;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AwardsView {
    #[default]
    Lists,
    Summary,
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

/// Derived for one list at one data revision: its rows in name order and its checks. It
/// says which list and revision it was made for, and is read only for those.
#[derive(Default)]
struct ListCache {
    key: Option<(u64, usize)>,
    order: Vec<usize>,
    issues: Vec<Issue>,
}

impl ListCache {
    /// The cache for this list at this revision, made now if it was made for another.
    fn of(&mut self, book: &Book, rev: u64, id: usize) -> &ListCache {
        if self.key != Some((rev, id)) {
            let (order, issues) = match book.award_lists.get(id) {
                Some(l) => (sorted_awardees(l), checks(book, id)),
                None => (Vec::new(), Vec::new()),
            };
            *self = ListCache { key: Some((rev, id)), order, issues };
        }
        self
    }
}

#[derive(Default)]
pub struct AwardsUi {
    pub selected: Option<usize>,
    list_form: Option<forms::ListForm>,
    awardee_form: Option<forms::AwardeeForm>,
    pay: Option<forms::PayForm>,
    reopen: Option<forms::ReopenForm>,
    scales: Option<scales::ScalesEditor>,
    import: Option<import::ImportWizard>,
    print: Option<print::PrintDialog>,
    status_error: Option<String>,
    cache: ListCache,
    summary: summary::SummaryUi,
}

pub fn intent(action: AwardAction, origin: AwardsOrigin) -> Intent {
    Intent { action: Action::Award(action), origin: super::Origin::Awards(origin) }
}

impl AwardsUi {
    pub fn on_result(&mut self, origin: AwardsOrigin, result: &Result<(), ActionError>, lang: Lang, book: &Book) {
        let error = result.as_ref().err().map(|e| crate::ui::labels::action_error(lang, e));
        match origin {
            AwardsOrigin::ListForm => {
                if result.is_ok() && self.list_form.as_ref().is_some_and(|f| f.editing.is_none()) {
                    self.selected = book.award_lists.len().checked_sub(1);
                }
                forms::settle(&mut self.list_form, error)
            }
            AwardsOrigin::AwardeeForm => forms::settle(&mut self.awardee_form, error),
            AwardsOrigin::Pay => forms::settle(&mut self.pay, error),
            AwardsOrigin::Reopen => forms::settle(&mut self.reopen, error),
            AwardsOrigin::Scales => forms::settle(&mut self.scales, error),
            AwardsOrigin::Import => import::settle(&mut self.import, error),
            AwardsOrigin::Status => self.status_error = error,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        book: &Book,
        caches: &Caches,
        prefs: &mut Prefs,
        read_only: bool,
        out: &mut Vec<Intent>,
    ) {
        let year = prefs.awards_year.unwrap_or_else(|| crate::ui::fund::current_year(caches));
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.awards_view,
                &[(AwardsView::Lists, T::ViewLists), (AwardsView::Summary, T::ViewSummary)],
            );
            ui.separator();
            let mut years: Vec<i32> = caches.years.clone();
            years.extend(book.award_lists.iter().map(|l| l.year));
            years.push(chrono::Datelike::year(&chrono::Local::now()));
            years.sort_unstable();
            years.dedup();
            year_picker(ui, lang, "awards_year", &years, year, &mut prefs.awards_year);
            ui.separator();
            ui.add_enabled_ui(!read_only, |ui| {
                if ui.button(format!("+ {}", T::NewList.get(lang))).clicked() {
                    self.list_form = Some(forms::ListForm::new(year, book));
                }
                if ui.button(T::Scales.get(lang)).clicked() {
                    self.scales = Some(scales::ScalesEditor::new(book, year));
                }
            });
        });
        ui.separator();
        match prefs.awards_view {
            AwardsView::Lists => lists::show(self, ui, lang, book, caches.rev(), year, read_only, out),
            AwardsView::Summary => self.summary.show(ui, lang, book, year, caches.rev()),
        }
        let ctx = ui.ctx().clone();
        forms::show_list_form(&mut self.list_form, &ctx, lang, book, out);
        forms::show_awardee_form(&mut self.awardee_form, &ctx, lang, book, out);
        forms::show_pay(&mut self.pay, &ctx, lang, book, out);
        forms::show_reopen(&mut self.reopen, &ctx, lang, out);
        scales::show(&mut self.scales, &ctx, lang, out);
        import::show(&mut self.import, &ctx, lang, book, out);
        print::show(&mut self.print, &ctx, lang, book);
    }
}
