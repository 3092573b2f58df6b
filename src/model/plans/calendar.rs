//! Recurring events of the study-promotion year: the fixed days DOMAIN.md names, report
//! deadlines, and the user's own, in the solar or the Vietnamese lunar calendar.

use crate::model::plans::lunar;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// When an event comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The same solar day each year.
    Solar { day: u32, month: u32 },
    /// The same lunar day each lunar year (never a leap month).
    Lunar { day: u32, month: u32 },
    /// Once only.
    Once(NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub title: String,
    pub rule: Rule,
    /// How many days it lasts (a week is 7).
    pub days: u32,
    /// A report or dossier due by this day, rather than a day to celebrate.
    pub deadline: bool,
    pub note: String,
}

/// The events of the book; a new book starts with the national days and deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Calendar {
    pub events: Vec<Event>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self { events: standard_events() }
    }
}

fn solar(title: &str, day: u32, month: u32, days: u32, deadline: bool, note: &str) -> Event {
    Event { title: title.into(), rule: Rule::Solar { day, month }, days, deadline, note: note.into() }
}

/// The yearly days and deadlines of DOMAIN.md.
pub fn standard_events() -> Vec<Event> {
    vec![
        solar("Ngày Khuyến học Việt Nam", 2, 10, 1, false, "Ngày thành lập Hội Khuyến học Việt Nam (1996)"),
        solar("Tuần lễ hưởng ứng học tập suốt đời", 1, 10, 7, false, "01–07/10"),
        solar("Ngày hội Đại đoàn kết toàn dân tộc", 18, 11, 1, false, ""),
        solar("Ngày Nhà giáo Việt Nam", 20, 11, 1, false, ""),
        solar("Ngày Sách và Văn hóa đọc Việt Nam", 21, 4, 1, false, ""),
        solar("Hạn báo cáo mô hình học tập", 15, 12, 1, true, "Gửi Bộ GD&ĐT và Trung ương Hội Khuyến học Việt Nam"),
        solar("Hạn công khai các khoản đóng góp của quỹ", 31, 3, 1, true, "NĐ 93/2019/NĐ-CP"),
    ]
}

/// One time an event happens: its first and last day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub event: usize,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The starts of an event in a solar year.
pub fn starts_in(event: &Event, year: i32) -> Vec<NaiveDate> {
    match event.rule {
        Rule::Solar { day, month } => {
            // A 29/02 event falls on 28/02 in common years.
            let date = NaiveDate::from_ymd_opt(year, month, day)
                .or_else(|| (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten());
            date.into_iter().collect()
        }
        Rule::Lunar { day, month } => lunar::occurrences(day, month, year),
        Rule::Once(d) => (d.year() == year).then_some(d).into_iter().collect(),
    }
}

fn occurrence(event: usize, e: &Event, start: NaiveDate) -> Occurrence {
    let end = start + Duration::days(i64::from(e.days.max(1)) - 1);
    Occurrence { event, start, end }
}

/// Every occurrence starting in a solar year, by date.
pub fn year_occurrences(events: &[Event], year: i32) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| starts_in(e, year).into_iter().map(move |s| occurrence(i, e, s)))
        .collect();
    out.sort_by_key(|o| (o.start, o.event));
    out
}

/// Occurrences running on or starting within `days` days from `today`, soonest first.
pub fn upcoming(events: &[Event], today: NaiveDate, days: i64) -> Vec<Occurrence> {
    let horizon = today + Duration::days(days);
    let mut out: Vec<Occurrence> = (today.year() - 1..=horizon.year())
        .flat_map(|y| year_occurrences(events, y))
        .filter(|o| o.end >= today && o.start <= horizon)
        .collect();
    out.sort_by_key(|o| (o.start, o.event));
    out
}

/// Checks an event before it is saved; the message key names what is wrong.
pub fn validate(e: &Event) -> Result<(), &'static str> {
    if e.title.trim().is_empty() {
        return Err("title");
    }
    if e.days == 0 || e.days > 366 {
        return Err("days");
    }
    match e.rule {
        Rule::Solar { day, month } => {
            NaiveDate::from_ymd_opt(2024, month, day).ok_or("date")?;
        }
        Rule::Lunar { day, month } => {
            if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
                return Err("date");
            }
        }
        Rule::Once(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn the_standard_year() {
        let events = standard_events();
        let year = year_occurrences(&events, 2026);
        assert_eq!(year.len(), 7);
        assert_eq!(year[0].start, d(2026, 3, 31));
        let week = year.iter().find(|o| o.start == d(2026, 10, 1)).expect("the week");
        assert_eq!(week.end, d(2026, 10, 7));
        assert_eq!(year.last().map(|o| o.start), Some(d(2026, 12, 15)));
    }

    #[test]
    fn upcoming_includes_running_events_and_crosses_the_year() {
        let mut events = standard_events();
        events.push(Event {
            title: "Lễ khuyến học đầu xuân".into(),
            rule: Rule::Lunar { day: 6, month: 1 },
            days: 1,
            deadline: false,
            note: String::new(),
        });
        let soon = upcoming(&events, d(2026, 10, 3), 14);
        let starts: Vec<_> = soon.iter().map(|o| o.start).collect();
        assert_eq!(starts, vec![d(2026, 10, 1)], "the week is still running; 02/10 is past");
        let winter = upcoming(&events, d(2026, 12, 10), 80);
        let starts: Vec<_> = winter.iter().map(|o| o.start).collect();
        // 15/12 report; the lunar 6/1 of 2027 is 11/02/2027 (Tết 2027 is 06/02).
        assert_eq!(starts, vec![d(2026, 12, 15), d(2027, 2, 11)]);
    }

    #[test]
    fn a_book_written_before_the_calendar_gets_the_standard_days() {
        let book: crate::model::book::Book = ron::from_str("(vouchers: [])").expect("parses");
        assert_eq!(book.calendar.events, standard_events());
        let empty: crate::model::book::Book = ron::from_str("(calendar: [])").expect("parses");
        assert!(empty.calendar.events.is_empty(), "a calendar emptied by the user stays empty");
    }

    #[test]
    fn leap_day_and_once() {
        let e = Event {
            title: "x".into(),
            rule: Rule::Solar { day: 29, month: 2 },
            days: 1,
            deadline: false,
            note: String::new(),
        };
        assert_eq!(starts_in(&e, 2025), vec![d(2025, 2, 28)]);
        assert_eq!(starts_in(&e, 2028), vec![d(2028, 2, 29)]);
        let once = Event { rule: Rule::Once(d(2027, 5, 1)), ..e.clone() };
        assert!(starts_in(&once, 2026).is_empty());
        assert_eq!(validate(&Event { rule: Rule::Solar { day: 31, month: 4 }, ..e.clone() }), Err("date"));
        assert_eq!(validate(&Event { title: " ".into(), ..e }), Err("title"));
    }
}
