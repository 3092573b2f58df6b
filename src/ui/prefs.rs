//! What the window remembers between runs: the language, the tab, the window's size, and
//! each tab's own preferences (nested, one struct per tab). Written beside the book.

use super::awards::{AwardsPrefs, AwardsView};
use super::fund::{FundPrefs, FundView};
use super::learning::{LearningPrefs, LearningView};
use super::plans::{PlansPrefs, PlansView};
use super::reports::{ReportView, ReportsPrefs};
use super::tabs::{TabId, TabPrefs};
use crate::i18n::Lang;
use crate::model::fund::query::Filter;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
    pub tab: TabId,
    pub tabs: TabPrefs,
    /// The window's inner size when it was last open.
    pub window: Option<[f32; 2]>,
    /// The folder of the last file chosen, where the file pickers open.
    pub last_dir: Option<std::path::PathBuf>,
}

/// Light or dark: the desktop's setting unless the user chose one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }

    pub fn label(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Theme::System => T::ThemeSystem,
            Theme::Light => T::ThemeLight,
            Theme::Dark => T::ThemeDark,
        }
    }
}

impl Prefs {
    /// Preferences from their file: this shape, or the flat one of earlier versions (every
    /// tab's fields side by side), which is moved into the tabs' own.
    pub fn parse(text: &str) -> Option<Prefs> {
        let prefs: Prefs = ron::from_str(text).ok()?;
        let nested = ron::from_str::<Probe>(text).is_ok_and(|p| p.tabs);
        Some(match ron::from_str::<Flat>(text) {
            Ok(flat) if !nested => flat.into_prefs(prefs),
            _ => prefs,
        })
    }
}

/// Whether a file has this shape (the tabs' preferences nested).
#[derive(Default, Deserialize)]
#[serde(default)]
struct Probe {
    #[serde(deserialize_with = "present")]
    tabs: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

/// The preferences as earlier versions kept them: every tab's fields side by side.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Flat {
    view: FundView,
    filter: Filter,
    chart_year: Option<i32>,
    donor_year: Option<i32>,
    awards_view: AwardsView,
    awards_year: Option<i32>,
    learning_view: LearningView,
    learning_year: Option<i32>,
    plans_view: PlansView,
    calendar_year: Option<i32>,
    report_view: ReportView,
    report_year: Option<i32>,
    report_quarter: Option<u32>,
}

impl Flat {
    fn into_prefs(self, p: Prefs) -> Prefs {
        let tabs = TabPrefs {
            overview: (),
            fund: FundPrefs {
                view: self.view,
                filter: self.filter,
                chart_year: self.chart_year,
                donor_year: self.donor_year,
            },
            awards: AwardsPrefs { view: self.awards_view, year: self.awards_year },
            learning: LearningPrefs { view: self.learning_view, year: self.learning_year },
            plans: PlansPrefs { view: self.plans_view, calendar_year: self.calendar_year },
            reports: ReportsPrefs { view: self.report_view, year: self.report_year, quarter: self.report_quarter },
        };
        Prefs { tabs, ..p }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_flat_file_moves_into_the_tabs() {
        let old = r#"(lang: En, tab: Awards, view: Charts, awards_view: Summary, awards_year: Some(2024),
            learning_view: Rollup, learning_year: Some(2025), plans_view: Calendar, calendar_year: Some(2026),
            report_view: Disclosure, report_year: Some(2023), report_quarter: Some(2),
            filter: (query: "Nguyễn"), chart_year: Some(2022), donor_year: Some(2021), window: Some((1280.0, 800.0)))"#;
        let p = Prefs::parse(old).expect("reads");
        assert_eq!((p.lang, p.tab, p.window), (Lang::En, TabId::Awards, Some([1280.0, 800.0])));
        let t = &p.tabs;
        assert_eq!((t.fund.view, t.fund.chart_year, t.fund.donor_year), (FundView::Charts, Some(2022), Some(2021)));
        assert_eq!(t.fund.filter.query, "Nguyễn");
        assert_eq!((t.awards.view, t.awards.year), (AwardsView::Summary, Some(2024)));
        assert_eq!((t.learning.view, t.learning.year), (LearningView::Rollup, Some(2025)));
        assert_eq!((t.plans.view, t.plans.calendar_year), (PlansView::Calendar, Some(2026)));
        assert_eq!((t.reports.view, t.reports.year, t.reports.quarter), (ReportView::Disclosure, Some(2023), Some(2)));
    }

    #[test]
    fn this_shape_reads_back_as_written() {
        let mut p = Prefs { lang: Lang::En, tab: TabId::Fund, ..Prefs::default() };
        p.tabs.fund.view = FundView::Donors;
        p.tabs.reports.quarter = Some(4);
        let text = ron::ser::to_string_pretty(&p, ron::ser::PrettyConfig::default()).expect("writes");
        assert_eq!(Prefs::parse(&text), Some(p));
        assert_eq!(Prefs::parse("(lang: Vi)"), Some(Prefs::default()), "missing fields take their defaults");
        assert_eq!(Prefs::parse("not prefs"), None);
    }
}
