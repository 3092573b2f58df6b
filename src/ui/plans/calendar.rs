//! The twelve-month year view with the events marked (hover a day for its events and its
//! lunar date), the coming events, and the list of the book's events to edit.

use super::PlansPrefs;
use super::PlansUi;
use crate::i18n::{Lang, T};
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::plans::TaskRef;
use crate::model::plans::calendar::{Occurrence, Rule, upcoming, year_occurrences};
use crate::model::plans::lunar::to_lunar;
use crate::ui::ctx::Ctx;
use crate::ui::widgets::{ERROR, RECEIPT, WARN};
use chrono::{Datelike, Duration, NaiveDate};
use egui::{Color32, RichText, Sense, vec2};
use std::collections::HashMap;

const CELL: f32 = 26.0;
/// A month's width in the year view, with the gap to the next.
const MONTH_W: f32 = 7.0 * (CELL + 2.0) + 18.0;

/// The book's revision, the year shown and today: what a year view is made for.
pub type YearKey = (u64, i32, NaiveDate);

/// Occurrences of the shown year and the days they cover.
pub struct YearView {
    occ: Vec<Occurrence>,
    days: HashMap<NaiveDate, Vec<usize>>,
    soon: Vec<Occurrence>,
    /// Open tasks due on a day of the year.
    due: HashMap<NaiveDate, Vec<TaskRef>>,
}

fn year_view(book: &Book, year: i32, today: NaiveDate) -> YearView {
    let events = &book.calendar.events;
    let occ = year_occurrences(events, year);
    let mut days: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    for (k, o) in occ.iter().enumerate() {
        let mut d = o.start;
        while d <= o.end {
            days.entry(d).or_default().push(k);
            d += Duration::days(1);
        }
    }
    let mut due: HashMap<NaiveDate, Vec<TaskRef>> = HashMap::new();
    for (d, doc) in book.plans.iter().enumerate() {
        for (a, area) in doc.areas.iter().enumerate() {
            for (k, t) in area.tasks.iter().enumerate() {
                if let Some(day) = t.due.filter(|due| due.year() == year && t.status.open()) {
                    due.entry(day).or_default().push((d, a, k));
                }
            }
        }
    }
    YearView { occ, days, soon: upcoming(events, today, 60), due }
}

pub fn when(o: &Occurrence) -> String {
    if o.start == o.end { format_date(o.start) } else { format!("{} – {}", format_date(o.start), format_date(o.end)) }
}

pub fn show(s: &mut PlansUi, ui: &mut egui::Ui, prefs: &mut PlansPrefs, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let today = chrono::Local::now().date_naive();
    let year = prefs.calendar_year.unwrap_or(today.year());
    let view = s.calendar.get((cx.rev(), year, today), |_| year_view(book, year, today));
    let events = &book.calendar.events;
    egui::Panel::right("calendar_side").default_size(360.0).resizable(true).show(ui, |ui| {
        ui.label(RichText::new(T::Upcoming.get(lang)).strong().size(15.0));
        if view.soon.is_empty() {
            ui.weak(T::NoEventsSoon.get(lang));
        }
        for o in &view.soon {
            let Some(e) = events.get(o.event) else { continue };
            ui.horizontal_top(|ui| {
                let date = RichText::new(when(o)).monospace();
                ui.label(if e.deadline { date.color(ERROR) } else { date });
                // A long title wraps beside its date instead of running out of the panel.
                ui.add(egui::Label::new(&e.title).wrap());
            });
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(RichText::new(T::Events.get(lang)).strong().size(15.0));
            if !read_only && ui.button(format!("+ {}", T::AddEvent.get(lang))).clicked() {
                s.event_form = Some(super::forms::EventForm::new(None, None));
            }
        });
        egui::ScrollArea::vertical().id_salt("events_list").show(ui, |ui| {
            for (i, e) in events.iter().enumerate() {
                let rule = match e.rule {
                    Rule::Solar { day, month } => format!("{day:02}/{month:02}"),
                    Rule::Lunar { day, month } => format!("{day:02}/{month:02} {}", T::Lunar.get(lang)),
                    Rule::Once(d) => format_date(d),
                };
                ui.horizontal_top(|ui| {
                    if !read_only && ui.small_button(T::Edit.get(lang)).on_hover_text(T::EditEvent.get(lang)).clicked()
                    {
                        s.event_form = Some(super::forms::EventForm::new(Some(i), Some(e)));
                    }
                    ui.monospace(rule);
                    ui.add(egui::Label::new(&e.title).wrap());
                });
            }
        });
    });
    ui.horizontal(|ui| {
        if ui.button("◀").clicked() {
            prefs.calendar_year = Some(year - 1);
        }
        ui.label(RichText::new(format!("{} {year}", T::Year.get(lang))).strong().size(16.0));
        if ui.button("▶").clicked() {
            prefs.calendar_year = Some(year + 1);
        }
        if year != today.year() && ui.button(T::Today.get(lang)).clicked() {
            prefs.calendar_year = None;
        }
        ui.separator();
        ui.label(RichText::new(format!("■ {}", T::LegendEvent.get(lang))).color(RECEIPT));
        ui.label(RichText::new(format!("■ {}", T::LegendDeadline.get(lang))).color(ERROR));
        ui.label(RichText::new(format!("● {}", T::LegendTask.get(lang))).color(WARN));
    });
    // As many months a row as fit: four on a wide window, three or two on a narrow one.
    let per_row = ((ui.available_width() / MONTH_W) as u32).clamp(1, 6);
    egui::ScrollArea::vertical().id_salt("year_view").show(ui, |ui| {
        egui::Grid::new("months").spacing([18.0, 14.0]).show(ui, |ui| {
            for m in 1..=12u32 {
                ui.vertical(|ui| month(view, ui, lang, book, year, m, today));
                if m % per_row == 0 {
                    ui.end_row();
                }
            }
        });
    });
}

fn month(view: &YearView, ui: &mut egui::Ui, lang: Lang, book: &Book, year: i32, m: u32, today: NaiveDate) {
    let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else { return };
    ui.label(RichText::new(format!("{} {m}", T::MonthLabel.get(lang))).strong());
    let cell = vec2(CELL, 22.0);
    egui::Grid::new(("month", year, m)).spacing([2.0, 2.0]).min_col_width(CELL).show(ui, |ui| {
        for w in [T::Wd1, T::Wd2, T::Wd3, T::Wd4, T::Wd5, T::Wd6, T::Wd7] {
            ui.add_sized(cell, egui::Label::new(RichText::new(w.get(lang)).weak().small()));
        }
        ui.end_row();
        for _ in 0..first.weekday().num_days_from_monday() {
            ui.allocate_exact_size(cell, Sense::hover());
        }
        let mut d = first;
        while d.month() == m {
            day(view, ui, lang, book, d, today, cell);
            if d.weekday().num_days_from_monday() == 6 {
                ui.end_row();
            }
            d += Duration::days(1);
        }
    });
}

fn day(view: &YearView, ui: &mut egui::Ui, lang: Lang, book: &Book, d: NaiveDate, today: NaiveDate, cell: egui::Vec2) {
    let (rect, r) = ui.allocate_exact_size(cell, Sense::hover());
    let on = view.days.get(&d);
    let event = |k: usize| view.occ.get(k).and_then(|o| book.calendar.events.get(o.event));
    let deadline = on.is_some_and(|ks| ks.iter().any(|&k| event(k).is_some_and(|e| e.deadline)));
    let painter = ui.painter();
    let fill = match on {
        Some(_) if deadline => Some(ERROR.gamma_multiply(0.8)),
        Some(_) => Some(RECEIPT.gamma_multiply(0.8)),
        None => None,
    };
    if let Some(fill) = fill {
        painter.rect_filled(rect, 4.0, fill);
    }
    if d == today {
        painter.rect_stroke(
            rect,
            4.0,
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    let due = view.due.get(&d);
    if due.is_some() {
        // An open task due that day: a dot under the number, red once it is past.
        let dot = if d < today { ERROR } else { WARN };
        painter.circle_filled(rect.center_bottom() - vec2(0.0, 2.5), 2.0, dot);
    }
    let color = if fill.is_some() { Color32::WHITE } else { ui.visuals().text_color() };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        d.day().to_string(),
        egui::FontId::proportional(12.0),
        color,
    );
    r.on_hover_ui(|ui| {
        ui.label(RichText::new(format_date(d)).strong());
        if let Some(l) = to_lunar(d) {
            let leap = if l.leap { format!(" ({})", T::Leap.get(lang)) } else { String::new() };
            ui.weak(format!("{:02}/{:02} {}{leap}", l.day, l.month, T::Lunar.get(lang)));
        }
        for e in on.into_iter().flatten().filter_map(|&k| event(k)) {
            ui.label(&e.title);
        }
        for &(doc, a, k) in due.into_iter().flatten() {
            if let Some(t) = book.plans.get(doc).and_then(|d| d.areas.get(a)).and_then(|a| a.tasks.get(k)) {
                ui.label(RichText::new(format!("{}: {}", T::DueDate.get(lang), t.title)).color(WARN));
            }
        }
    });
}
