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
    /// An award list still to be made, by the title it is to have (a task copied for the next
    /// period, whose list of that period does not exist yet); it leads to the list of that
    /// title once there is one.
    ListToMake(String),
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
        if words.is_empty() {
            return true;
        }
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

/// The text with each year of the period (`from` to `to`, and the year after, which ends a
/// school year "2025-2026") moved on by `by` years: "giai đoạn 2021-2026" → "giai đoạn
/// 2027-2032", "Tiếp sức đến trường 2026" → "… 2032". Other numbers and years stay.
pub fn shift_period_years(text: &str, (from, to): (i32, i32), by: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<i32>() {
            Ok(y) if digits.len() == 4 && (from..=to + 1).contains(&y) => out.push_str(&(y + by).to_string()),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The title of a copy: the period's years moved on, and a sample's "(mẫu)" left behind.
fn next_title(title: &str, period: (i32, i32), by: i32) -> String {
    let title = title.trim_end();
    let title = title.strip_suffix("(mẫu)").unwrap_or(title).trim_end();
    shift_period_years(title, period, by)
}

/// A draft for the next period: same kind, signatories, bases and areas; its title, tasks and
/// their links named for the new period (campaign and learning years moved on, an award list
/// kept as the list to make), tasks reset and their dates moved on by the length of the
/// period. The number and signing date are left for the new document.
pub fn next_period(doc: &Document, lists: &[crate::model::awards::AwardList]) -> Document {
    let period = doc.period.unwrap_or_else(|| {
        let y = doc.signed.map(|d| d.year()).unwrap_or(2025);
        (y, y)
    });
    let (from, to) = period;
    let len = to - from + 1;
    let shift = |text: &str| shift_period_years(text, period, len);
    let areas = doc
        .areas
        .iter()
        .map(|a| Area {
            title: shift(&a.title),
            tasks: a
                .tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Cancelled)
                .map(|t| Task {
                    title: shift(&t.title),
                    party: t.party,
                    party_name: t.party_name.clone(),
                    start: t.start.map(|d| shift_years(d, len)),
                    due: t.due.map(|d| shift_years(d, len)),
                    note: t.note.clone(),
                    link: match &t.link {
                        Some(Link::Campaign(c)) => Some(Link::Campaign(shift(c))),
                        Some(Link::Learning { model, year }) => {
                            Some(Link::Learning { model: *model, year: year + len })
                        }
                        Some(Link::AwardList(i)) => lists.get(*i).map(|l| Link::ListToMake(shift(&l.title))),
                        Some(Link::ListToMake(title)) => Some(Link::ListToMake(shift(title))),
                        None => None,
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
        title: next_title(&doc.title, period, len),
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
    fn the_periods_years_move_on_and_nothing_else() {
        use super::shift_period_years as shift;
        assert_eq!(shift("giai đoạn 2021-2026", (2021, 2026), 6), "giai đoạn 2027-2032");
        assert_eq!(shift("Tiếp sức đến trường 2026", (2021, 2026), 6), "Tiếp sức đến trường 2032");
        assert_eq!(shift("năm học 2025-2026", (2025, 2025), 1), "năm học 2026-2027");
        assert_eq!(shift("Số 20250/QĐ, Luật 2019, 12025", (2021, 2026), 6), "Số 20250/QĐ, Luật 2019, 12025");
        assert_eq!(shift("2021", (2021, 2026), 6), "2027");
        assert_eq!(shift("", (2021, 2026), 6), "");
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
        src.title = "Chương trình phối hợp giai đoạn 2018-2020 (mẫu)".into();
        src.areas[0].tasks[1].title = "Tổng kết năm học 2019-2020, theo Luật Giáo dục 2005".into();
        src.areas[0].tasks.push(Task {
            title: "Vận động".into(),
            link: Some(Link::Campaign("Tiếp sức đến trường 2020".into())),
            ..Task::default()
        });
        let list =
            crate::model::awards::AwardList { title: "Khen thưởng HSG 2019-2020".into(), ..Default::default() };
        let lists = vec![Default::default(), Default::default(), Default::default(), list];
        let next = next_period(&src, &lists);
        assert_eq!(next.period, Some((2021, 2023)));
        assert_eq!(next.title, "Chương trình phối hợp giai đoạn 2021-2023", "named for the new period");
        assert_eq!(next.status, DocStatus::Draft);
        assert!(next.number.is_empty() && next.signed.is_none());
        assert_eq!(next.bases, vec![1, 2]);
        let tasks: Vec<_> = next.tasks().collect();
        assert_eq!(tasks.len(), 3, "cancelled tasks are not carried");
        assert_eq!(tasks[0].due, Some(d(2023, 2, 28)));
        assert_eq!((tasks[0].status, tasks[0].done), (TaskStatus::NotStarted, 0));
        assert_eq!(tasks[0].link, Some(Link::ListToMake("Khen thưởng HSG 2022-2023".into())), "a list to make");
        assert_eq!(tasks[1].link, Some(Link::Learning { model: ModelKind::Family, year: 2022 }));
        assert_eq!(tasks[1].title, "Tổng kết năm học 2022-2023, theo Luật Giáo dục 2005", "only the period's years");
        assert_eq!(tasks[2].link, Some(Link::Campaign("Tiếp sức đến trường 2023".into())));
        // Copied again, the list to make moves on too.
        let after = next_period(&next, &lists);
        let link = after.tasks().next().and_then(|t| t.link.clone());
        assert_eq!(link, Some(Link::ListToMake("Khen thưởng HSG 2025-2026".into())));
    }
}
