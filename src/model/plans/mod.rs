//! Cooperation documents between the Department and the Association: plans, programmes,
//! decisions and guidance, their legal bases, content areas and tasks.

pub mod action;
pub mod calendar;
pub mod demo;
pub mod lunar;

use crate::model::learning::ModelKind;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocKind {
    #[default]
    Plan,
    Programme,
    Decision,
    Guidance,
    /// A conclusion, resolution or other document cited as a legal basis.
    Other,
}

impl DocKind {
    pub const ALL: [DocKind; 5] =
        [DocKind::Plan, DocKind::Programme, DocKind::Decision, DocKind::Guidance, DocKind::Other];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocStatus {
    #[default]
    Draft,
    InForce,
    Completed,
    /// Replaced by the document `superseded_by` names.
    Superseded,
}

impl DocStatus {
    pub const ALL: [DocStatus; 4] = [DocStatus::Draft, DocStatus::InForce, DocStatus::Completed, DocStatus::Superseded];
}

/// Who carries out a task.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Party {
    Department,
    Association,
    #[default]
    Both,
    Commune,
    Other,
}

impl Party {
    pub const ALL: [Party; 5] = [Party::Department, Party::Association, Party::Both, Party::Commune, Party::Other];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] =
        [TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled];
    pub fn open(self) -> bool {
        matches!(self, TaskStatus::NotStarted | TaskStatus::InProgress)
    }
}

/// Where a task's work is recorded elsewhere in the book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Link {
    AwardList(usize),
    /// A fund campaign, by name (vouchers carry it).
    Campaign(String),
    /// A year's evaluation of one learning model.
    Learning {
        model: ModelKind,
        year: i32,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub title: String,
    pub party: Party,
    /// The commune association or other party, when `party` needs a name.
    pub party_name: String,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: TaskStatus,
    /// Share done, 0–100.
    pub done: u8,
    pub note: String,
    pub link: Option<Link>,
}

impl Task {
    /// Open and past its due day.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status.open() && self.due.is_some_and(|d| d < today)
    }

    /// Open and due within the next seven days (today included).
    pub fn due_soon(&self, today: NaiveDate) -> bool {
        self.status.open() && self.due.is_some_and(|d| d >= today && d < today + Duration::days(7))
    }

    /// The share done as the report counts it: a finished task is 100%.
    pub fn progress(&self) -> u8 {
        if self.status == TaskStatus::Done { 100 } else { self.done.min(100) }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Area {
    pub title: String,
    pub tasks: Vec<Task>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub kind: DocKind,
    /// E.g. `68/CTrPH-HKH-SDGĐT`.
    pub number: String,
    pub signed: Option<NaiveDate>,
    pub by_department: bool,
    pub by_association: bool,
    /// Other signing bodies, as written.
    pub others: String,
    /// First and last year of the period it covers.
    pub period: Option<(i32, i32)>,
    pub title: String,
    /// Legal bases: other documents of the book, by index.
    pub bases: Vec<usize>,
    pub status: DocStatus,
    pub superseded_by: Option<usize>,
    pub areas: Vec<Area>,
}

impl Document {
    /// How a list names it: its number, or its title while it has none.
    pub fn name(&self) -> &str {
        if self.number.is_empty() { &self.title } else { &self.number }
    }

    /// Whether every word of a search (folded, `text::query_words`) is in its number, title,
    /// signing bodies, content areas or tasks, without regard to case or diacritics.
    pub fn matches(&self, words: &[String]) -> bool {
        use crate::model::text::fold;
        let mut all = format!("{} {} {}", self.number, self.title, self.others);
        for a in &self.areas {
            all.push(' ');
            all.push_str(&a.title);
            for t in &a.tasks {
                all.push(' ');
                all.push_str(&t.title);
            }
        }
        crate::model::text::matches_query(&fold(&all), words)
    }

    /// Whether its period (or, without one, its signing year) includes the year.
    pub fn covers(&self, year: i32) -> bool {
        match self.period {
            Some((a, b)) => a <= year && year <= b,
            None => self.signed.is_some_and(|d| d.year() == year),
        }
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.areas.iter().flat_map(|a| a.tasks.iter())
    }

    /// Average share done over tasks not cancelled.
    pub fn progress(&self) -> Option<u32> {
        let live: Vec<u32> =
            self.tasks().filter(|t| t.status != TaskStatus::Cancelled).map(|t| u32::from(t.progress())).collect();
        (!live.is_empty()).then(|| live.iter().sum::<u32>() / live.len() as u32)
    }
}

/// A task in the book: document, area, task.
pub type TaskRef = (usize, usize, usize);

/// Open tasks past their due day, oldest first.
pub fn overdue(docs: &[Document], today: NaiveDate) -> Vec<TaskRef> {
    let mut out = select(docs, |t| t.overdue(today));
    out.sort_by_key(|&(d, a, t)| docs[d].areas[a].tasks[t].due);
    out
}

/// Open tasks due within the coming week, soonest first.
pub fn due_soon(docs: &[Document], today: NaiveDate) -> Vec<TaskRef> {
    let mut out = select(docs, |t| t.due_soon(today));
    out.sort_by_key(|&(d, a, t)| docs[d].areas[a].tasks[t].due);
    out
}

fn select(docs: &[Document], keep: impl Fn(&Task) -> bool) -> Vec<TaskRef> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (a, area) in doc.areas.iter().enumerate() {
            for (t, task) in area.tasks.iter().enumerate() {
                if keep(task) {
                    out.push((d, a, t));
                }
            }
        }
    }
    out
}

fn shift_years(date: NaiveDate, years: i32) -> NaiveDate {
    date.with_year(date.year() + years)
        .or_else(|| (date - Duration::days(1)).with_year(date.year() + years))
        .unwrap_or(date)
}

/// A draft for the next period: same kind, signatories, bases and areas; tasks reset and
/// their dates moved on by the length of the period. The number and signing date are left
/// for the new document.
pub fn next_period(doc: &Document) -> Document {
    let (from, to) = doc.period.unwrap_or_else(|| {
        let y = doc.signed.map(|d| d.year()).unwrap_or(2025);
        (y, y)
    });
    let len = to - from + 1;
    let areas = doc
        .areas
        .iter()
        .map(|a| Area {
            title: a.title.clone(),
            tasks: a
                .tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Cancelled)
                .map(|t| Task {
                    title: t.title.clone(),
                    party: t.party,
                    party_name: t.party_name.clone(),
                    start: t.start.map(|d| shift_years(d, len)),
                    due: t.due.map(|d| shift_years(d, len)),
                    note: t.note.clone(),
                    link: match &t.link {
                        Some(Link::Campaign(c)) => Some(Link::Campaign(c.clone())),
                        Some(Link::Learning { model, year }) => {
                            Some(Link::Learning { model: *model, year: year + len })
                        }
                        _ => None,
                    },
                    ..Task::default()
                })
                .collect(),
        })
        .collect();
    Document {
        kind: doc.kind,
        number: String::new(),
        signed: None,
        by_department: doc.by_department,
        by_association: doc.by_association,
        others: doc.others.clone(),
        period: Some((to + 1, to + len)),
        title: doc.title.clone(),
        bases: doc.bases.clone(),
        status: DocStatus::Draft,
        superseded_by: None,
        areas,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_document_is_found_by_its_number_title_or_tasks_without_diacritics() {
        use crate::model::text::query_words;
        let d = super::Document {
            number: "68/CTrPH-HKH-SDGĐT".into(),
            title: "Chương trình phối hợp giai đoạn 2021-2026".into(),
            areas: vec![super::Area {
                title: "Tuyên truyền".into(),
                tasks: vec![super::Task { title: "Gửi báo cáo sơ kết".into(), ..Default::default() }],
            }],
            ..Default::default()
        };
        for q in ["68/ctrph", "chuong trinh 2026", "bao cao so ket", "TUYÊN truyền", ""] {
            assert!(d.matches(&query_words(q)), "{q}");
        }
        assert!(!d.matches(&query_words("kế hoạch")));
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn task(due: NaiveDate, status: TaskStatus) -> Task {
        Task { title: "Tổng kết".into(), due: Some(due), status, ..Task::default() }
    }

    fn doc(tasks: Vec<Task>) -> Document {
        Document {
            number: "68/CTrPH-HKH-SDGĐT".into(),
            period: Some((2018, 2020)),
            areas: vec![Area { title: "Tuyên truyền".into(), tasks }],
            ..Document::default()
        }
    }

    #[test]
    fn overdue_and_due_this_week() {
        let today = d(2026, 11, 28);
        let docs = vec![doc(vec![
            task(d(2026, 11, 27), TaskStatus::InProgress),
            task(d(2026, 11, 1), TaskStatus::Done),
            task(d(2026, 11, 28), TaskStatus::NotStarted),
            task(d(2026, 12, 4), TaskStatus::NotStarted),
            task(d(2026, 12, 5), TaskStatus::NotStarted),
            task(d(2026, 10, 1), TaskStatus::Cancelled),
            task(d(2026, 11, 2), TaskStatus::NotStarted),
        ])];
        assert_eq!(overdue(&docs, today), vec![(0, 0, 6), (0, 0, 0)]);
        assert_eq!(due_soon(&docs, today), vec![(0, 0, 2), (0, 0, 3)]);
        let no_due = Task { due: None, ..Task::default() };
        assert!(!no_due.overdue(today));
    }

    #[test]
    fn progress_counts_done_as_whole_and_skips_cancelled() {
        let mut a = task(d(2026, 1, 1), TaskStatus::InProgress);
        a.done = 50;
        let b = task(d(2026, 1, 1), TaskStatus::Done);
        let c = task(d(2026, 1, 1), TaskStatus::Cancelled);
        assert_eq!(doc(vec![a, b, c]).progress(), Some(75));
        assert_eq!(doc(vec![]).progress(), None);
    }

    #[test]
    fn copying_for_the_next_period() {
        let mut t = task(d(2020, 2, 29), TaskStatus::Done);
        t.done = 100;
        t.link = Some(Link::AwardList(3));
        let mut kept = task(d(2019, 10, 2), TaskStatus::InProgress);
        kept.link = Some(Link::Learning { model: ModelKind::Family, year: 2019 });
        let mut src = doc(vec![t, kept, task(d(2019, 1, 1), TaskStatus::Cancelled)]);
        src.status = DocStatus::InForce;
        src.signed = Some(d(2018, 5, 7));
        src.bases = vec![1, 2];
        let next = next_period(&src);
        assert_eq!(next.period, Some((2021, 2023)));
        assert_eq!(next.status, DocStatus::Draft);
        assert!(next.number.is_empty() && next.signed.is_none());
        assert_eq!(next.bases, vec![1, 2]);
        let tasks: Vec<_> = next.tasks().collect();
        assert_eq!(tasks.len(), 2, "cancelled tasks are not carried");
        assert_eq!(tasks[0].due, Some(d(2023, 2, 28)));
        assert_eq!((tasks[0].status, tasks[0].done, &tasks[0].link), (TaskStatus::NotStarted, 0, &None));
        assert_eq!(tasks[1].link, Some(Link::Learning { model: ModelKind::Family, year: 2022 }));
    }
}
