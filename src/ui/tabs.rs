//! The tabs of the window, listed once: their names, the order they show in (and of
//! Ctrl+1 … Ctrl+6), their preferences and their dispatch all come from the list below.
//! Adding a tab is adding its module and one line here.

use super::ctx::{Ctx, Done, Tab};
use super::nav::Nav;
use crate::i18n::T;
use crate::model::book::Book;
use serde::{Deserialize, Serialize};

macro_rules! tabs {
    ($($id:ident $field:ident: $ty:ty = $name:expr),+ $(,)?) => {
        /// Which tab is shown.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum TabId { $($id),+ }

        /// The tabs with their names, in the order they show.
        pub const TABS: &[(TabId, T)] = &[$((TabId::$id, $name)),+];

        /// Every tab's state between frames.
        #[derive(Default)]
        pub struct Tabs { $(pub(super) $field: $ty),+ }

        /// Every tab's preferences, each its own, nested in the window's.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct TabPrefs { $(pub $field: <$ty as Tab>::Prefs),+ }

        impl Tabs {
            pub fn show(&mut self, id: TabId, ui: &mut egui::Ui, prefs: &mut TabPrefs, cx: &mut Ctx) {
                match id { $(TabId::$id => self.$field.show(ui, &mut prefs.$field, cx)),+ }
            }

            pub fn on_result(&mut self, done: &Done) {
                $(self.$field.on_result(done);)+
            }

            /// The tab that takes a place to go, which has set its view for it.
            pub fn open(&mut self, nav: &Nav, prefs: &mut TabPrefs, book: &Book) -> Option<TabId> {
                $(if self.$field.open(nav, &mut prefs.$field, book) { return Some(TabId::$id); })+
                None
            }
        }
    };
}

tabs! {
    Overview overview: super::overview::OverviewUi = T::TabOverview,
    Plans plans: super::plans::PlansUi = T::TabPlans,
    Fund fund: super::fund::FundUi = T::TabFund,
    Awards awards: super::awards::AwardsUi = T::TabAwards,
    Learning learning: super::learning::LearningUi = T::TabLearning,
    Reports reports: super::reports::ReportsUi = T::TabReports,
}

impl Default for TabId {
    /// The first in the list: every start opens there.
    fn default() -> Self {
        TABS[0].0
    }
}
