//! The Overview tab, shown first: the fund's balance and this year's contributions against
//! last year, overdue and coming tasks, coming events, award lists waiting, and recognition
//! against the targets. Every item opens its place in the app. The figures are worked out
//! once per change of the book (or of the day), so a frame only draws.

use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::awards::ListStatus;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::fund::totals::{contributions_to, monthly_contributions};
use crate::model::learning::ModelKind;
use crate::model::learning::rollup::{RollRow, rollup};
use crate::model::money::Vnd;
use crate::model::plans::calendar::{Occurrence, upcoming};
use crate::model::plans::{TaskRef, due_soon, overdue};
use crate::ui::caches::Memo;
use crate::ui::ctx::{Ctx, Tab};
use crate::ui::nav::Nav;
use crate::ui::widgets::{ERROR, RECEIPT, WARN};
use crate::ui::work::Background;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Plot};

/// Tasks listed per group before "… +N".
const SHOWN: usize = 6;

/// What the overview lists, from the plans, the calendar and the lists (small: worked out
/// on the window's thread once per change).
struct Figures {
    overdue: Vec<TaskRef>,
    due_soon: Vec<TaskRef>,
    events: Vec<Occurrence>,
    waiting: Vec<usize>,
}

/// What the overview sums over the whole book (every voucher, every score sheet): worked out
/// on its own thread after a change, the figures before shown meanwhile.
struct Sums {
    /// Contributions per month, this year and last.
    months: [[Vnd; 12]; 2],
    /// This year so far, and last year up to the same day.
    so_far: [Vnd; 2],
    learning_year: Option<i32>,
    recognition: Vec<RollRow>,
}

fn figures(book: &Book, today: NaiveDate) -> Figures {
    let waiting = book
        .award_lists
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l.status, ListStatus::Draft | ListStatus::Agreed | ListStatus::Approved))
        .map(|(i, _)| i)
        .collect();
    Figures {
        overdue: overdue(&book.plans, today),
        due_soon: due_soon(&book.plans, today),
        events: upcoming(&book.calendar.events, today, 60),
        waiting,
    }
}

fn sums(book: &Book, today: NaiveDate) -> Sums {
    let year = today.year();
    let months = [monthly_contributions(book, year), monthly_contributions(book, year - 1)];
    let same_day_last = today.with_year(year - 1).unwrap_or(today - chrono::Duration::days(365));
    let so_far = [contributions_to(book, today), contributions_to(book, same_day_last)];
    let learning_year = book.learning.sheets.iter().map(|s| s.year).filter(|&y| y <= year).max();
    let recognition = learning_year.map(|y| rollup(&book.learning, y).1).unwrap_or_default();
    Sums { months, so_far, learning_year, recognition }
}

#[derive(Default)]
pub struct OverviewUi {
    figures: Memo<(u64, NaiveDate), Figures>,
    sums: Background<(u64, NaiveDate), Sums>,
}

/// A card with its title; `updating`: its figures are those before the last change, the
/// new ones being worked out (a spinner beside the title says so).
fn card<R>(ui: &mut egui::Ui, lang: Lang, title: &str, updating: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(title).strong().size(15.0));
                if updating {
                    ui.spinner().on_hover_text(T::Updating.get(lang));
                }
            });
            ui.add_space(4.0);
            add(ui)
        })
        .inner
}

impl Tab for OverviewUi {
    /// The overview remembers nothing of its own.
    type Prefs = ();

    fn show(&mut self, ui: &mut egui::Ui, _prefs: &mut (), cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        let today = chrono::Local::now().date_naive();
        let f = self.figures.get((cx.rev(), today), |_| figures(book, today));
        let shared = cx.caches.shared();
        let sums =
            self.sums.get(ui.ctx(), (cx.rev(), today), |&(_, day)| shared.map(|data| move || sums(&data.book, day)));
        let mut nav = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(T::TabOverview.get(lang)).size(20.0).strong());
            ui.weak(format!("{} {}", T::Today.get(lang), format_date(today)));
        });
        ui.add_space(6.0);
        let balance = cx.caches.balance;
        egui::ScrollArea::vertical().id_salt("overview").show(ui, |ui| {
            ui.columns(2, |cols| {
                fund(&mut cols[0], lang, sums, balance, today.year(), &mut nav);
                cols[0].add_space(10.0);
                tasks(&mut cols[0], lang, book, f, today, &mut nav);
                events(&mut cols[1], lang, book, f, today, &mut nav);
                cols[1].add_space(10.0);
                lists(&mut cols[1], lang, book, f, &mut nav);
                cols[1].add_space(10.0);
                recognition(&mut cols[1], lang, book, sums, &mut nav);
            });
        });
        if let Some(nav) = nav {
            cx.go(nav);
        }
    }
}

fn fund(ui: &mut egui::Ui, lang: Lang, sums: Option<(&Sums, bool)>, balance: Vnd, year: i32, nav: &mut Option<Nav>) {
    card(ui, lang, T::FundBalance.get(lang), sums.is_some_and(|(_, u)| u), |ui| {
        if ui.link(RichText::new(balance.display()).size(22.0).strong().color(RECEIPT)).clicked() {
            *nav = Some(Nav::Ledger);
        }
        let Some((f, _)) = sums else {
            crate::ui::work::busy(ui, T::Updating.get(lang));
            return;
        };
        let [now, last] = f.so_far;
        ui.label(format!("{} {year}: {}", T::ContribYear.get(lang), now.display()));
        let change = if last.0 > 0 {
            let pct = (now.0 - last.0) as f64 * 100.0 / last.0 as f64;
            format!(" ({}{})", if pct > 0.0 { "+" } else { "" }, lang.percent(pct))
        } else {
            String::new()
        };
        ui.weak(format!("{}: {}{change}", T::SamePeriodLast.get(lang), last.display()));
        let bars = |k: usize, offset: f64, color: Color32| {
            (0..12)
                .map(|m| Bar::new(m as f64 + 1.0 + offset, f.months[k][m].0 as f64).width(0.38).fill(color))
                .collect::<Vec<_>>()
        };
        let (this, last) = (format!("{year}"), format!("{}", year - 1));
        crate::ui::widgets::legend(ui, &[(RECEIPT, this.as_str()), (Color32::GRAY, last.as_str())]);
        let plot = Plot::new("overview_months")
            .height(150.0)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .show_y(false)
            .y_axis_formatter(move |m, _| lang.short_money(m.value))
            .y_grid_spacer(crate::ui::widgets::round_marks)
            .x_grid_spacer(|_| (1..=12).map(|m| egui_plot::GridMark { value: f64::from(m), step_size: 3.0 }).collect())
            .x_axis_formatter(move |m, _| {
                let i = (m.value.round().clamp(1.0, 12.0) as usize) - 1;
                T::MONTHS.get(i).map(|t| t.get(lang).to_owned()).unwrap_or_default()
            })
            .show(ui, |p| {
                p.bar_chart(BarChart::new(this.as_str(), bars(0, -0.2, RECEIPT)).color(RECEIPT));
                p.bar_chart(BarChart::new(last.as_str(), bars(1, 0.2, Color32::GRAY)).color(Color32::GRAY));
            });
        // The chart opens the fund's charts.
        if plot.response.on_hover_text(T::ViewCharts.get(lang)).clicked() {
            *nav = Some(Nav::FundCharts);
        }
    });
}

fn task_line(ui: &mut egui::Ui, lang: Lang, book: &Book, at: TaskRef, today: NaiveDate, nav: &mut Option<Nav>) {
    let Some(t) = book.plans.get(at.0).and_then(|d| d.areas.get(at.1)).and_then(|a| a.tasks.get(at.2)) else {
        return;
    };
    let Some(due) = t.due else { return };
    let days = (due - today).num_days();
    let (when, color) = (labels::due_in(lang, days), if days < 0 { ERROR } else { WARN });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} · {when}", format_date(due))).color(color));
        if ui.link(&t.title).clicked() {
            *nav = Some(Nav::Task(at));
        }
        ui.weak(labels::party(t.party).get(lang));
    });
}

fn tasks(ui: &mut egui::Ui, lang: Lang, book: &Book, f: &Figures, today: NaiveDate, nav: &mut Option<Nav>) {
    let title = format!(
        "{} ({}) · {} ({})",
        T::OverdueTasks.get(lang),
        f.overdue.len(),
        T::DueThisWeek.get(lang),
        f.due_soon.len()
    );
    card(ui, lang, &title, false, |ui| {
        if f.overdue.is_empty() && f.due_soon.is_empty() {
            ui.weak(T::NoTasksDue.get(lang));
        }
        // The oldest few of each; the rest are one click away in the Plans tab.
        for list in [&f.overdue, &f.due_soon] {
            for &at in list.iter().take(SHOWN) {
                task_line(ui, lang, book, at, today, nav);
            }
            if list.len() > SHOWN && ui.link(format!("… +{}", list.len() - SHOWN)).clicked() {
                *nav = Some(Nav::Documents);
            }
        }
    });
}

fn events(ui: &mut egui::Ui, lang: Lang, book: &Book, f: &Figures, today: NaiveDate, nav: &mut Option<Nav>) {
    card(ui, lang, T::Upcoming.get(lang), false, |ui| {
        if f.events.is_empty() {
            ui.weak(T::NoEventsSoon.get(lang));
        }
        for (o, e) in f.events.iter().take(8).filter_map(|o| Some((o, book.calendar.events.get(o.event)?))) {
            let days = (o.start - today).num_days();
            let when = if days <= 0 { T::OnNow.get(lang).to_owned() } else { labels::due_in(lang, days) };
            ui.horizontal_wrapped(|ui| {
                let date = RichText::new(format!("{} · {when}", crate::ui::plans::when(o)));
                ui.label(if e.deadline { date.color(ERROR) } else { date });
                if ui.link(&e.title).clicked() {
                    *nav = Some(Nav::Calendar);
                }
            });
        }
    });
}

fn lists(ui: &mut egui::Ui, lang: Lang, book: &Book, f: &Figures, nav: &mut Option<Nav>) {
    card(ui, lang, T::ListsWaiting.get(lang), false, |ui| {
        if f.waiting.is_empty() {
            ui.weak(T::NoListsWaiting.get(lang));
        }
        for (i, l) in f.waiting.iter().take(SHOWN).filter_map(|&i| Some((i, book.award_lists.get(i)?))) {
            let waiting = if l.status == ListStatus::Approved { T::WaitingPayout } else { T::WaitingApproval };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(waiting.get(lang)).color(WARN));
                if ui.link(&l.title).clicked() {
                    *nav = Some(Nav::List(i));
                }
                ui.weak(format!("{} {} · {}", l.awardees.len(), T::Students.get(lang), l.total().display()));
            });
        }
        if f.waiting.len() > SHOWN && ui.link(format!("… +{}", f.waiting.len() - SHOWN)).clicked() {
            *nav = Some(Nav::Awards);
        }
    });
}

fn recognition(ui: &mut egui::Ui, lang: Lang, book: &Book, sums: Option<(&Sums, bool)>, nav: &mut Option<Nav>) {
    let title = match sums.and_then(|(f, _)| f.learning_year) {
        Some(y) => format!("{} {y}", T::RecognitionRates.get(lang)),
        None => T::RecognitionRates.get(lang).to_owned(),
    };
    card(ui, lang, &title, sums.is_some_and(|(_, u)| u), |ui| {
        let Some((f, _)) = sums else {
            crate::ui::work::busy(ui, T::Updating.get(lang));
            return;
        };
        let Some(year) = f.learning_year else {
            ui.weak(T::NoRecognition.get(lang));
            return;
        };
        let target = |m: ModelKind| book.learning.targets.iter().find(|(k, _)| *k == m).map(|(_, v)| *v);
        egui::Grid::new("overview_recognition").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
            for r in &f.recognition {
                if ui.link(labels::model(r.model).get(lang)).clicked() {
                    *nav = Some(Nav::Learning(year));
                }
                let share = r.share().unwrap_or(0);
                let reached = target(r.model).is_none_or(|t| share >= t);
                ui.add(
                    egui::ProgressBar::new(share as f32 / 100.0)
                        .desired_width(160.0)
                        .fill(if reached { RECEIPT } else { WARN })
                        .text(RichText::new(lang.percent(share as f64)).color(Color32::WHITE)),
                );
                ui.label(
                    target(r.model)
                        .map(|t| format!("{}: {}", T::Target.get(lang), lang.percent(f64::from(t))))
                        .unwrap_or_default(),
                );
                ui.end_row();
            }
        });
    });
}
