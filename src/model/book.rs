//! The whole book: settings, communes, donors and vouchers, and the file envelope around it.

use crate::model::awards::AwardList;
use crate::model::awards::scales::Scale;
use crate::model::fund::donors::Donor;
use crate::model::fund::ledger::Voucher;
use crate::model::learning::Learning;
use crate::model::log::LogEntry;
use crate::model::money::Vnd;
use crate::model::plans::Document;
use crate::model::plans::calendar::Calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the data file this build writes. Older files migrate forward on load.
/// 2: award lists and scales. 3: learning models. 4: plans, events and closed years.
/// 5: closed years sealed by a digest of their records. 6: a typed change log.
/// 7: award lists keep their voided payouts; a task may link to an award list still to make.
/// 8: score sheets, decisions and award lists' students written as rows.
pub const DATA_VERSION: u32 = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub org_name: String,
    pub receipt_pattern: String,
    pub payment_pattern: String,
    /// Contribution target per calendar year.
    pub targets: BTreeMap<i32, Vnd>,
    /// Contribution target per campaign (by its name as written on receipts).
    pub campaign_targets: BTreeMap<String, Vnd>,
    /// NĐ 93/2019: a payment may not take a restricted purpose below zero.
    pub enforce_restricted: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            org_name: "Hội Khuyến học tỉnh Quảng Trị".into(),
            receipt_pattern: "PT-{yyyy}-{nnnn}".into(),
            payment_pattern: "PC-{yyyy}-{nnnn}".into(),
            targets: BTreeMap::new(),
            campaign_targets: BTreeMap::new(),
            enforce_restricted: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commune {
    /// xã, phường or đặc khu.
    pub kind: String,
    pub name: String,
}

/// Everything the coordinator records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Book {
    pub settings: Settings,
    pub communes: Vec<Commune>,
    pub donors: Vec<Donor>,
    pub vouchers: Vec<Voucher>,
    pub award_lists: Vec<AwardList>,
    /// The association's own award scales (the national one is built in).
    pub scales: Vec<Scale>,
    pub learning: Learning,
    /// Cooperation documents with their content areas and tasks.
    pub plans: Vec<Document>,
    pub calendar: Calendar,
    /// Years locked once reported.
    pub closed: BTreeMap<i32, Closing>,
}

/// The data file: a versioned book and the change log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Data {
    pub version: u32,
    pub book: Book,
    pub log: Vec<LogEntry>,
    /// When this book was started (empty, demo, restored from a backup): the backup written
    /// just before it is kept through every rotation.
    pub started: Option<chrono::NaiveDateTime>,
}

impl Data {
    pub fn new(book: Book) -> Self {
        Self { version: DATA_VERSION, book, log: Vec::new(), started: None }
    }
}

/// The province's current commune-level units, shipped with the app (editable in the book).
pub fn default_communes() -> Vec<Commune> {
    include_str!("../../assets/communes-quang-tri-2025.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(kind, name)| Commune { kind: kind.trim().into(), name: name.trim().into() })
        .collect()
}

/// A closed year: what it was closed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// The day it was closed.
    pub date: NaiveDate,
    /// Cash at 31/12, the opening balance of the next year.
    pub balance: Vnd,
    /// The year's records when it was closed (see `digest`); 0 in files from before the
    /// digest, which get theirs when they are migrated.
    #[serde(default)]
    pub digest: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_province_has_78_units() {
        let c = default_communes();
        assert_eq!(c.len(), 78);
        assert_eq!(c.iter().filter(|c| c.kind == "phường").count(), 8);
        assert_eq!(c.iter().filter(|c| c.kind == "đặc khu").count(), 1);
        assert!(c.iter().any(|c| c.name == "Cồn Cỏ"));
    }
}
