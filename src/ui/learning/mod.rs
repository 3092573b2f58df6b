//! The Learning models tab (Mô hình học tập): criteria sets, scoring one subject, quick entry
//! for many, recognition decisions, and the roll-up against the targets.

mod decisions;
mod grid;
mod rollup;
mod scoring;
mod sets;

use super::Intent;
use super::caches::Caches;
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::error::ActionError;
use crate::model::learning::action::LearningAction;
use crate::model::learning::{CriteriaSet, Learning, ModelKind};
use crate::ui::app::Prefs;
use crate::ui::widgets::view_switch;
use crate::ui::widgets::year_picker;
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearningOrigin {
    Set,
    Subject,
    Sheet,
    Grid,
    Decision,
    Targets,
}

pub fn intent(action: LearningAction, origin: LearningOrigin) -> Intent {
    Intent { action: Action::Learning(action), origin: super::Origin::Learning(origin) }
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
    error: Option<String>,
}

impl LearningUi {
    pub fn on_result(&mut self, origin: LearningOrigin, result: &Result<(), ActionError>, lang: Lang) {
        let error = result.as_ref().err().map(|e| crate::ui::labels::action_error(lang, e));
        match origin {
            LearningOrigin::Set => self.sets.settle(error),
            LearningOrigin::Subject => self.scoring.settle_subject(error),
            LearningOrigin::Sheet => self.scoring.settle_sheet(error),
            LearningOrigin::Grid => self.grid.settle(error),
            LearningOrigin::Decision => self.decisions.settle(error),
            LearningOrigin::Targets => self.error = error,
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
        let this_year = chrono::Datelike::year(&chrono::Local::now());
        let year = prefs.learning_year.unwrap_or(this_year);
        ui.horizontal(|ui| {
            view_switch(
                ui,
                lang,
                &mut prefs.learning_view,
                &[
                    (LearningView::Scoring, T::ViewScoring),
                    (LearningView::Grid, T::ViewGrid),
                    (LearningView::Decisions, T::ViewDecisions),
                    (LearningView::Rollup, T::ViewRollup),
                    (LearningView::Sets, T::ViewSets),
                ],
            );
            ui.separator();
            let mut years: Vec<i32> = book.learning.sheets.iter().map(|s| s.year).collect();
            years.push(this_year);
            years.sort_unstable();
            years.dedup();
            year_picker(ui, lang, "learning_year", &years, year, &mut prefs.learning_year);
        });
        ui.separator();
        crate::ui::widgets::closed_banner(ui, lang, book, year);
        let rev = caches.rev();
        match prefs.learning_view {
            LearningView::Sets => self.sets.show(ui, lang, &book.learning, read_only, out),
            LearningView::Scoring => self.scoring.show(ui, lang, book, year, read_only, rev, out),
            LearningView::Grid => self.grid.show(ui, lang, book, year, read_only, rev, out),
            LearningView::Decisions => self.decisions.show(ui, lang, &book.learning, year, read_only, rev, out),
            LearningView::Rollup => self.rollup.show(ui, lang, &book.learning, year, read_only, rev, out),
        }
        if let Some(e) = &self.error {
            crate::ui::widgets::error_text(ui, e);
        }
    }
}
