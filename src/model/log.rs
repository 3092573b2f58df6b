//! The change log the user reads: what each step was (its label), when, and field by field
//! what it changed (old → new).

use crate::model::awards::{AwardList, ListStatus};
use crate::model::book::{Closing, Settings};
use crate::model::change::{Change, Slot, Whole};
use crate::model::date::format_date;
use crate::model::error::Field;
use crate::model::fund::donors::{Donor, DonorType};
use crate::model::fund::ledger::{Category, Kind, Method, Voucher};
use crate::model::learning::{ModelKind, ScoreSheet};
use crate::model::plans::{DocStatus, Document};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// What an action was, for the undo buttons and the change log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    AddDonor,
    EditDonor,
    IssueReceipt,
    IssuePayment,
    EditVoucher,
    VoidVoucher,
    Import(usize),
    SetTarget(i32),
    Settings,
    Communes,
    ReplaceBook,
    AddList,
    EditList,
    Awardee,
    ImportAwardees(usize),
    ListStatus,
    Reopen,
    PayList,
    Scales,
    CriteriaSet,
    LearningSubject,
    ScoreSheets(usize),
    Recognition,
    LearningTargets,
    Document,
    CopyPlan,
    Task,
    Event,
    CloseYear(i32),
    ReopenYear { year: i32, reason: String },
    SetCampaignTarget(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogKind {
    Do,
    Undo,
    Redo,
}

/// A value in the log as it was: typed, so that the window names it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogValue {
    Text(String),
    Kind(Kind),
    Method(Method),
    Category(Category),
    DonorType(DonorType),
    ListStatus(ListStatus),
    DocStatus(DocStatus),
    Flag(bool),
    Targets(Vec<(ModelKind, u32)>),
}

impl Default for LogValue {
    fn default() -> Self {
        LogValue::Text(String::new())
    }
}

impl From<String> for LogValue {
    fn from(s: String) -> Self {
        LogValue::Text(s)
    }
}

impl LogValue {
    /// A value written by version 5 and before, as the debug name of an enum or text.
    pub fn legacy(text: &str) -> Self {
        let named = |names: &[(String, LogValue)]| names.iter().find(|(n, _)| n == text).map(|(_, v)| v.clone());
        let kinds = [Kind::Receipt, Kind::Payment].map(|k| (format!("{k:?}"), LogValue::Kind(k)));
        let methods = Method::ALL.map(|m| (format!("{m:?}"), LogValue::Method(m)));
        let cats = Category::ALL.map(|c| (format!("{c:?}"), LogValue::Category(c)));
        let types = DonorType::ALL.map(|t| (format!("{t:?}"), LogValue::DonorType(t)));
        let statuses = ListStatus::ALL.map(|s| (format!("{s:?}"), LogValue::ListStatus(s)));
        let docs = DocStatus::ALL.map(|s| (format!("{s:?}"), LogValue::DocStatus(s)));
        named(&kinds)
            .or_else(|| named(&methods))
            .or_else(|| named(&cats))
            .or_else(|| named(&types))
            .or_else(|| named(&statuses))
            .or_else(|| named(&docs))
            .unwrap_or_else(|| match text {
                "true" => LogValue::Flag(true),
                "false" => LogValue::Flag(false),
                _ => LogValue::Text(text.to_owned()),
            })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// The voucher number or donor name the line is about.
    pub subject: String,
    pub field: Field,
    #[serde(default)]
    pub was: LogValue,
    #[serde(default)]
    pub now: LogValue,
    /// The values as version 5 and before wrote them (text); read once, when the book is
    /// migrated, and never written.
    #[serde(default, skip_serializing)]
    pub old: String,
    #[serde(default, skip_serializing)]
    pub new: String,
}

/// Gives the lines of a version-5 log their typed values.
pub fn type_legacy(log: &mut [LogEntry]) {
    for line in log.iter_mut().flat_map(|e| e.lines.iter_mut()) {
        if !line.old.is_empty() || !line.new.is_empty() {
            line.was = LogValue::legacy(&std::mem::take(&mut line.old));
            line.now = LogValue::legacy(&std::mem::take(&mut line.new));
        }
    }
}

impl LogLine {
    fn new(subject: &str, field: Field, was: impl Into<LogValue>, now: impl Into<LogValue>) -> Self {
        Self {
            subject: subject.to_owned(),
            field,
            was: was.into(),
            now: now.into(),
            old: String::new(),
            new: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: NaiveDateTime,
    pub kind: LogKind,
    pub label: Label,
    pub lines: Vec<LogLine>,
    /// Lines left out beyond `MAX_LINES`.
    pub more: usize,
}

type Fields = Vec<(Field, LogValue)>;

fn text(s: &str) -> LogValue {
    LogValue::Text(s.to_owned())
}

fn voucher_fields(v: &Voucher) -> Fields {
    let b = &v.body;
    vec![
        (Field::Kind, LogValue::Kind(b.kind)),
        (Field::Date, LogValue::Text(format_date(b.date))),
        (Field::Counterparty, text(&b.counterparty)),
        (Field::Description, text(&b.description)),
        (Field::Amount, LogValue::Text(b.amount.grouped())),
        (Field::Method, LogValue::Method(b.method)),
        (Field::Campaign, text(&b.campaign)),
        (Field::Purpose, text(&b.purpose)),
        (Field::Category, LogValue::Category(b.category)),
        (
            Field::Void,
            LogValue::Text(
                v.void.as_ref().map(|x| format!("{} — {}", format_date(x.date), x.reason)).unwrap_or_default(),
            ),
        ),
    ]
}

fn donor_fields(d: &Donor) -> Fields {
    vec![
        (Field::Name, text(&d.name)),
        (Field::DonorType, LogValue::DonorType(d.kind)),
        (Field::Commune, text(&d.commune)),
        (Field::Address, text(&d.address)),
        (Field::Contact, text(&d.contact)),
        (Field::Note, text(&d.note)),
    ]
}

fn doc_fields(d: &Document) -> Fields {
    let tasks = d.tasks().count();
    vec![
        (Field::Title, text(&d.title)),
        (Field::Number, text(&d.number)),
        (Field::Status, LogValue::DocStatus(d.status)),
        (Field::Period, LogValue::Text(d.period.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default())),
        (Field::Progress, LogValue::Text(format!("{tasks} / {}%", d.progress().unwrap_or(0)))),
    ]
}

fn list_fields(l: &AwardList) -> Fields {
    vec![
        (Field::Title, text(&l.title)),
        (Field::Status, LogValue::ListStatus(l.status)),
        (Field::Reason, text(&l.reopen_reason)),
        (Field::Awardees, LogValue::Text(l.awardees.len().to_string())),
        (Field::Amount, LogValue::Text(l.total().grouped())),
        (Field::Purpose, text(&l.purpose)),
    ]
}

fn settings_fields(s: &Settings) -> Fields {
    vec![
        (Field::OrgName, text(&s.org_name)),
        (Field::Pattern, LogValue::Text(format!("{} / {}", s.receipt_pattern, s.payment_pattern))),
        (Field::Checks, LogValue::Flag(s.enforce_restricted)),
    ]
}

/// The lines of the fields that differ between the two sides of one entity.
fn diff<T>(subject: &str, slot: &Slot<T>, fields: impl Fn(&T) -> Fields, out: &mut Vec<LogLine>) {
    let before = slot.before.as_deref().map(&fields).unwrap_or_default();
    let after = slot.after.as_deref().map(&fields).unwrap_or_default();
    for i in 0..before.len().max(after.len()) {
        let Some(field) = before.get(i).or(after.get(i)).map(|(f, _)| *f) else { continue };
        let old = before.get(i).map(|x| x.1.clone()).unwrap_or_default();
        let new = after.get(i).map(|x| x.1.clone()).unwrap_or_default();
        if old != new {
            out.push(LogLine::new(subject, field, old, new));
        }
    }
}

/// One line for a whole part: what it was and is, as `show` tells it.
fn whole<T>(c: &Whole<T>, field: Field, show: impl Fn(&T) -> LogValue) -> LogLine {
    LogLine::new("", field, show(&c.before), show(&c.after))
}

/// The titles in `a` that are not in `b`.
fn gone<T: PartialEq>(a: &[T], b: &[T], title: impl Fn(&T) -> &str) -> LogValue {
    LogValue::Text(a.iter().filter(|x| !b.contains(x)).map(title).collect::<Vec<_>>().join(", "))
}

fn count<T>(v: &[T]) -> LogValue {
    LogValue::Text(v.len().to_string())
}

/// Field-level lines for a step's changes, as they read going forward: the lines of the
/// first changes up to `limit` lines, and how many changes were left out.
pub fn describe(changes: &[Change], limit: usize) -> (Vec<LogLine>, usize) {
    let mut out = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        if out.len() >= limit {
            out.truncate(limit);
            return (out, changes.len() - i);
        }
        let name = |s: Option<&str>| s.unwrap_or_default().to_owned();
        match c {
            Change::Issued { number, .. } => {
                out.push(LogLine::new(number, Field::Number, String::new(), number.clone()))
            }
            Change::Voucher(c) => diff(&name(c.either().map(|v| v.number.as_str())), c, voucher_fields, &mut out),
            Change::Donor(c) => diff(&name(c.either().map(|d| d.name.as_str())), c, donor_fields, &mut out),
            Change::List(c) => diff(&name(c.either().map(|l| l.title.as_str())), c, list_fields, &mut out),
            Change::Doc(c) => diff(&name(c.either().map(|d| d.title.as_str())), c, doc_fields, &mut out),
            Change::Settings(c) => {
                let mut years: Vec<&i32> = c.before.targets.keys().chain(c.after.targets.keys()).collect();
                years.sort();
                years.dedup();
                for y in years {
                    let get = |s: &Settings| LogValue::Text(s.targets.get(y).map(|v| v.grouped()).unwrap_or_default());
                    let (was, now) = (get(&c.before), get(&c.after));
                    if was != now {
                        out.push(LogLine::new(&y.to_string(), Field::Target, was, now));
                    }
                }
                let boxed = Slot { id: 0, before: Some(c.before.clone()), after: Some(c.after.clone()) };
                diff("", &boxed, settings_fields, &mut out);
            }
            Change::Communes(c) => out.push(whole(c, Field::Commune, |v| count(v))),
            Change::Book(c) => out.push(whole(c, Field::Count, |b| count(&b.vouchers))),
            Change::Scales(c) => out.push(whole(c, Field::Scale, |v| count(v))),
            Change::Set(c) => {
                let who = name(c.either().map(|s| format!("{} v{}", s.name, s.version)).as_deref());
                diff(&who, c, |s| vec![(Field::Title, text(&s.name))], &mut out)
            }
            Change::Subject(c) => diff("", c, |s| vec![(Field::Name, text(&s.name))], &mut out),
            Change::Sheet(c) => {
                let who = name(c.either().map(|s| format!("#{} {}", s.subject + 1, s.year)).as_deref());
                let score =
                    |s: &ScoreSheet| s.values.iter().map(|v| u32::from(v.score) + u32::from(v.met)).sum::<u32>();
                diff(&who, c, |s| vec![(Field::Score, LogValue::Text(score(s).to_string()))], &mut out)
            }
            Change::Decision(c) => diff("", c, |d| vec![(Field::Number, text(&d.number))], &mut out),
            Change::Targets(c) => out.push(whole(c, Field::Target, |t| LogValue::Targets(t.clone()))),
            Change::Plans(c) => out.push(LogLine::new(
                "",
                Field::Title,
                gone(&c.before, &c.after, |d| &d.title),
                gone(&c.after, &c.before, |d| &d.title),
            )),
            Change::Events(c) => out.push(LogLine::new(
                "",
                Field::Title,
                gone(&c.before, &c.after, |e| &e.title),
                gone(&c.after, &c.before, |e| &e.title),
            )),
            Change::Closed(year, c) => {
                let balance =
                    |x: &Option<Closing>| LogValue::Text(x.as_ref().map(|c| c.balance.grouped()).unwrap_or_default());
                out.push(LogLine::new(&year.to_string(), Field::Closed, balance(&c.before), balance(&c.after)))
            }
        }
    }
    let more = usize::from(out.len() > limit);
    out.truncate(limit);
    (out, more)
}
