//! The Learning models tab (Mô hình học tập): criteria sets, scoring one subject, quick entry
//! for many, recognition decisions, and the roll-up against the targets.

mod decisions;
mod grid;
mod rollup;
mod scoring;
mod sets;

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::learning::action::LearningAction;
use crate::model::learning::{CriteriaSet, Learning, ModelKind};
use crate::ui::caches::Memo;
use crate::ui::ctx::{Ctx, Done, Tab};
use crate::ui::intent::{Intent, LearningOrigin, Origin};
use crate::ui::nav::Nav;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::{Problem, this_year, year_picker, years_with};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LearningView {
    #[default]
    Scoring,
    Grid,
    Sets,
    Decisions,
    Rollup,
}

pub fn intent(action: LearningAction, origin: LearningOrigin) -> Intent {
    Intent { action: Action::Learning(action), origin: crate::ui::intent::Origin::Learning(origin) }
}

/// The newest version of each set (a set that is some other's parent is older).
pub fn newest_sets(l: &Learning) -> Vec<&CriteriaSet> {
    let parents: std::collections::HashSet<u32> = l.sets.iter().filter_map(|s| s.parent).collect();
    l.sets.iter().filter(|s| !parents.contains(&s.id)).collect()
}

/// The newest sets of one model.
pub fn current_sets(l: &Learning, model: ModelKind) -> Vec<&CriteriaSet> {
    newest_sets(l).into_iter().filter(|s| s.model == model).collect()
}

#[derive(Default)]
pub struct LearningUi {
    sets: sets::SetsUi,
    scoring: scoring::ScoringUi,
    grid: grid::GridUi,
    decisions: decisions::DecisionsUi,
    rollup: rollup::RollupUi,
    error: Option<Problem>,
    /// (revision, this year) → the years with score sheets (and this one), for the year picker.
    years: Memo<(u64, i32), Vec<i32>>,
}

/// What the Learning tab remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearningPrefs {
    pub view: LearningView,
    pub year: Option<i32>,
}

impl Tab for LearningUi {
    type Prefs = LearningPrefs;

    fn on_result(&mut self, done: &Done) {
        let Origin::Learning(origin) = done.origin else { return };
        let result = done.result;
        match origin {
            LearningOrigin::Set => self.sets.settle(result),
            LearningOrigin::Subject => self.scoring.settle_subject(result),
            LearningOrigin::Sheet => self.scoring.settle_sheet(result),
            LearningOrigin::Grid => self.grid.settle(result),
            LearningOrigin::Decision => self.decisions.settle(result),
            LearningOrigin::Targets => self.error = result.clone().err().map(Problem::Refused),
        }
    }

    fn open(&mut self, nav: &Nav, prefs: &mut LearningPrefs, _book: &Book) -> bool {
        let Nav::Learning(year) = nav else { return false };
        prefs.view = LearningView::Rollup;
        prefs.year = Some(*year);
        true
    }

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut LearningPrefs, cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        let year = prefs.year.unwrap_or_else(this_year);
        let years =
            self.years.get((cx.rev(), this_year()), |_| years_with(book.learning.sheets.iter().map(|s| s.year)));
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.view,
                &[
                    (LearningView::Scoring, T::ViewScoring),
                    (LearningView::Grid, T::ViewGrid),
                    (LearningView::Decisions, T::ViewDecisions),
                    (LearningView::Rollup, T::ViewRollup),
                    (LearningView::Sets, T::ViewSets),
                ],
            );
            ui.separator();
            year_picker(ui, lang, "learning_year", years, year, &mut prefs.year);
        });
        ui.separator();
        crate::ui::widgets::closed_banner(ui, lang, book, year);
        let l = &book.learning;
        match prefs.view {
            LearningView::Sets => self.sets.show(ui, l, cx),
            LearningView::Scoring => self.scoring.show(ui, year, cx),
            LearningView::Grid => self.grid.show(ui, year, cx),
            LearningView::Decisions => self.decisions.show(ui, l, year, cx),
            LearningView::Rollup => self.rollup.show(ui, l, year, cx),
        }
        crate::ui::widgets::problem_rest(ui, lang, &self.error, &[]);
    }
}
