//! Award lists: prizes for achievement, scholarships and hardship support, from nomination
//! through agreement and approval to payout from the fund.

pub mod action;
pub mod import;
mod rows;
pub mod scales;
pub mod sponsors;

use crate::model::book::Book;
use crate::model::money::Vnd;
use crate::model::shared::Shared;
use crate::model::text::fold;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ListKind {
    #[default]
    Prize,
    Scholarship,
    Hardship,
}

impl ListKind {
    pub const ALL: [ListKind; 3] = [ListKind::Prize, ListKind::Scholarship, ListKind::Hardship];
}

/// Draft → agreed with the Department → approved → paid; or cancelled before payout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ListStatus {
    #[default]
    Draft,
    Agreed,
    Approved,
    Paid,
    Cancelled,
}

impl ListStatus {
    /// A list that counts in the year's award figures (the summary, the cooperation report):
    /// approved or paid. Drafts and lists agreed but not yet approved are proposals.
    pub fn counts(self) -> bool {
        matches!(self, ListStatus::Approved | ListStatus::Paid)
    }

    pub const ALL: [ListStatus; 5] =
        [ListStatus::Draft, ListStatus::Agreed, ListStatus::Approved, ListStatus::Paid, ListStatus::Cancelled];
    /// An approved, paid or cancelled list does not change (reopen an approved one first).
    pub fn frozen(self) -> bool {
        matches!(self, ListStatus::Approved | ListStatus::Paid | ListStatus::Cancelled)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    #[default]
    Provincial,
    Regional,
    National,
    International,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Provincial, Level::Regional, Level::National, Level::International];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Prize {
    /// Scholarships and support have no prize.
    #[default]
    None,
    First,
    Second,
    Third,
    Consolation,
    Gold,
    Silver,
    Bronze,
}

impl Prize {
    pub const ALL: [Prize; 8] = [
        Prize::None,
        Prize::First,
        Prize::Second,
        Prize::Third,
        Prize::Consolation,
        Prize::Gold,
        Prize::Silver,
        Prize::Bronze,
    ];

    /// Medals rank like prizes in the scales: gold = first, silver = second, bronze = third.
    pub fn rank(self) -> Prize {
        match self {
            Prize::Gold => Prize::First,
            Prize::Silver => Prize::Second,
            Prize::Bronze => Prize::Third,
            p => p,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Gender {
    #[default]
    Unknown,
    Female,
    Male,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SchoolLevel {
    #[default]
    Primary,
    LowerSecondary,
    UpperSecondary,
    University,
    Other,
}

impl SchoolLevel {
    pub const ALL: [SchoolLevel; 5] = [
        SchoolLevel::Primary,
        SchoolLevel::LowerSecondary,
        SchoolLevel::UpperSecondary,
        SchoolLevel::University,
        SchoolLevel::Other,
    ];
}

/// Folded name, birth date, competition, level, prize rank, subject.
pub type Identity = (String, Option<NaiveDate>, String, Level, Prize, String);

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
/// Its texts but the name are shared: 50,000 students come from a few hundred schools,
/// communes and competitions.
pub struct Awardee {
    pub name: String,
    pub birth: Option<NaiveDate>,
    pub gender: Gender,
    pub ethnicity: Shared,
    pub school: Shared,
    /// Class or school level as written ("12A1", "Lớp 9").
    pub class: Shared,
    pub school_level: SchoolLevel,
    /// A current commune-level unit.
    pub commune: Shared,
    /// The old district or commune, kept as text for records before July 2025.
    pub old_place: Shared,
    pub competition: Shared,
    pub level: Level,
    pub subject: Shared,
    pub prize: Prize,
    /// For scholarships: poor household, orphan, disability, …
    pub circumstances: Shared,
    pub amount: Vnd,
    /// Why the amount differs from the scale; empty when it follows the scale.
    pub override_reason: Shared,
    pub note: Shared,
    /// The payment voucher that paid this awardee (index in the ledger).
    pub voucher: Option<usize>,
}

impl Awardee {
    /// Who and what: the same person with the same achievement is a duplicate.
    pub fn identity(&self) -> Identity {
        (fold(&self.name), self.birth, fold(&self.competition), self.level, self.prize.rank(), fold(&self.subject))
    }

    pub fn ethnic_minority(&self) -> bool {
        let e = fold(&self.ethnicity);
        !e.is_empty() && e != "kinh"
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwardList {
    pub title: String,
    pub kind: ListKind,
    pub year: i32,
    pub school_year: String,
    pub campaign: String,
    /// Sponsors as written, separated by commas.
    pub sponsors: String,
    /// The fund purpose it pays from; empty for the general fund.
    pub purpose: String,
    pub decision_no: String,
    pub decision_date: Option<NaiveDate>,
    pub ceremony: Option<NaiveDate>,
    /// The name of the scale its amounts come from.
    pub scale: String,
    pub status: ListStatus,
    /// The reason given the last time an approved list was reopened.
    pub reopen_reason: String,
    /// Written as rows (see `rows`).
    #[serde(with = "rows")]
    pub awardees: Vec<Awardee>,
    /// Payment vouchers created when the list was paid.
    pub vouchers: Vec<usize>,
    /// Its payment vouchers voided since (the list was then paid again, or not yet): kept so a
    /// voided payout still shows which list it had paid. (A payout undone is as if it never
    /// happened: the list is as before it, its vouchers void with the reason "Hoàn tác".)
    pub voided: Vec<usize>,
}

/// Hashed field by field as the derived hash was before `voided` existed, and `voided` only
/// when it holds something: a year closed before then keeps its seal (`closing::digest`).
impl std::hash::Hash for AwardList {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let AwardList {
            title,
            kind,
            year,
            school_year,
            campaign,
            sponsors,
            purpose,
            decision_no,
            decision_date,
            ceremony,
            scale,
            status,
            reopen_reason,
            awardees,
            vouchers,
            voided,
        } = self;
        (title, kind, year, school_year, campaign, sponsors, purpose, decision_no).hash(h);
        (decision_date, ceremony, scale, status, reopen_reason, awardees, vouchers).hash(h);
        if !voided.is_empty() {
            voided.hash(h);
        }
    }
}

impl AwardList {
    pub fn total(&self) -> Vnd {
        self.awardees.iter().map(|a| a.amount).sum()
    }

    pub fn sponsor_names(&self) -> Vec<String> {
        self.sponsors.split([',', ';']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
    }
}

/// What the checks before approval found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    MissingName(usize),
    MissingBirth(usize),
    MissingSchool(usize),
    ZeroAmount(usize),
    /// Two rows of this list are the same person and achievement.
    Duplicate(usize, usize),
    /// The same person and achievement is already in another list of the year.
    DuplicateElsewhere(usize, String),
    /// The list costs more than its fund purpose holds.
    OverBudget {
        total: Vnd,
        available: Vnd,
    },
}

impl Issue {
    /// Blocking issues prevent approval; the others are shown as warnings.
    pub fn blocking(&self) -> bool {
        !matches!(self, Issue::MissingBirth(_) | Issue::MissingSchool(_))
    }
}

/// Awardee identities of every other live list of the year, with the list's title.
fn others_of_year(book: &Book, list: usize) -> HashMap<Identity, String> {
    let Some(me) = book.award_lists.get(list) else { return HashMap::new() };
    book.award_lists
        .iter()
        .enumerate()
        .filter(|(i, l)| *i != list && l.year == me.year && l.status != ListStatus::Cancelled)
        .flat_map(|(_, l)| l.awardees.iter().map(move |a| (a.identity(), l.title.clone())))
        .collect()
}

/// Duplicates, missing fields, and the total against what the fund purpose holds.
pub fn checks(book: &Book, list: usize) -> Vec<Issue> {
    let Some(l) = book.award_lists.get(list) else { return Vec::new() };
    let mut out = Vec::new();
    let mut seen: HashMap<_, usize> = HashMap::new();
    let others = others_of_year(book, list);
    for (i, a) in l.awardees.iter().enumerate() {
        if a.name.trim().is_empty() {
            out.push(Issue::MissingName(i));
        }
        if a.birth.is_none() {
            out.push(Issue::MissingBirth(i));
        }
        if a.school.trim().is_empty() {
            out.push(Issue::MissingSchool(i));
        }
        if a.amount.0 <= 0 {
            out.push(Issue::ZeroAmount(i));
        }
        let id = a.identity();
        if let Some(title) = others.get(&id) {
            out.push(Issue::DuplicateElsewhere(i, title.clone()));
        }
        if let Some(&first) = seen.get(&id) {
            out.push(Issue::Duplicate(first, i));
        } else {
            seen.insert(id, i);
        }
    }
    let unpaid: Vnd = l.awardees.iter().filter(|a| a.voucher.is_none()).map(|a| a.amount).sum();
    // A list draws on its purpose, or on the unrestricted part of the fund (the whole fund
    // when the NĐ 93 checks are off): the same parts the ledger never lets go below zero.
    let funds = crate::model::fund::ledger::Funds::of(&book.vouchers);
    let cash = match (book.settings.enforce_restricted, l.purpose.is_empty()) {
        (false, _) => funds.total(),
        (true, true) => funds.unrestricted,
        (true, false) => funds.purposes.get(&l.purpose).copied().unwrap_or_default(),
    };
    if unpaid > cash && l.status != ListStatus::Paid {
        out.push(Issue::OverBudget { total: unpaid, available: cash });
    }
    out
}

/// Each awardee's index, sorted the Vietnamese way: given name first.
pub fn sorted_awardees(list: &AwardList) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..list.awardees.len()).collect();
    idx.sort_by_cached_key(|&i| crate::model::text::name_sort_key(&list.awardees[i].name));
    idx
}

/// Totals of live (not cancelled) lists of a year, grouped by a key.
/// Students and amounts of the year's counted lists (`ListStatus::counts`), by `key`.
pub fn totals_by<K: Ord + Clone>(
    book: &Book,
    year: i32,
    key: impl Fn(&AwardList, &Awardee) -> Vec<K>,
) -> Vec<(K, usize, Vnd)> {
    let mut map: std::collections::BTreeMap<K, (usize, Vnd)> = std::collections::BTreeMap::new();
    for l in book.award_lists.iter().filter(|l| l.year == year && l.status.counts()) {
        for a in &l.awardees {
            for k in key(l, a) {
                let e = map.entry(k).or_default();
                e.0 += 1;
                e.1 += a.amount;
            }
        }
    }
    map.into_iter().map(|(k, (n, v))| (k, n, v)).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::fund::ledger::tests::day;

    /// An award list as it was hashed before `voided` existed (the derived hash of its
    /// fields then, in their order).
    #[derive(Hash)]
    struct Before<'a> {
        title: &'a String,
        kind: ListKind,
        year: i32,
        school_year: &'a String,
        campaign: &'a String,
        sponsors: &'a String,
        purpose: &'a String,
        decision_no: &'a String,
        decision_date: Option<NaiveDate>,
        ceremony: Option<NaiveDate>,
        scale: &'a String,
        status: ListStatus,
        reopen_reason: &'a String,
        awardees: &'a Vec<Awardee>,
        vouchers: &'a Vec<usize>,
    }

    #[test]
    fn a_list_without_voided_payouts_hashes_as_before_so_closed_years_keep_their_seal() {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let hash = |x: &dyn Fn(&mut DefaultHasher)| {
            let mut h = DefaultHasher::new();
            x(&mut h);
            h.finish()
        };
        for l in crate::model::demo::demo_book().award_lists {
            let before = Before {
                title: &l.title,
                kind: l.kind,
                year: l.year,
                school_year: &l.school_year,
                campaign: &l.campaign,
                sponsors: &l.sponsors,
                purpose: &l.purpose,
                decision_no: &l.decision_no,
                decision_date: l.decision_date,
                ceremony: l.ceremony,
                scale: &l.scale,
                status: l.status,
                reopen_reason: &l.reopen_reason,
                awardees: &l.awardees,
                vouchers: &l.vouchers,
            };
            assert_eq!(hash(&|h| l.hash(h)), hash(&|h| before.hash(h)), "{}", l.title);
            let voided = AwardList { voided: vec![7], ..l.clone() };
            assert_ne!(hash(&|h| voided.hash(h)), hash(&|h| l.hash(h)), "a voided payout is sealed too");
        }
    }

    pub fn student(name: &str, prize: Prize, amount: i64) -> Awardee {
        Awardee {
            name: name.into(),
            birth: Some(day(2008, 3, 4)),
            school: "Trường THPT chuyên Lê Quý Đôn".into(),
            competition: "Kỳ thi chọn học sinh giỏi quốc gia".into(),
            level: Level::National,
            subject: "Toán".into(),
            prize,
            amount: Vnd(amount),
            ..Default::default()
        }
    }

    pub fn list(title: &str, awardees: Vec<Awardee>) -> AwardList {
        AwardList { title: title.into(), year: 2025, awardees, ..Default::default() }
    }

    #[test]
    fn checks_find_duplicates_missing_fields_and_budget() {
        let mut book = Book::default();
        let mut no_school = student("Lê Văn Hải", Prize::Third, 1_000_000);
        no_school.school = Default::default();
        let mut nameless = student("", Prize::Third, 0);
        nameless.birth = None;
        book.award_lists.push(list(
            "HSG quốc gia 2025",
            vec![
                student("Nguyễn Thị Lan", Prize::Second, 2_000_000),
                student("nguyễn thị lan", Prize::Second, 2_000_000),
                no_school,
                nameless,
            ],
        ));
        book.award_lists.push(list("Khen thưởng đợt 2", vec![student("Lê Văn Hải", Prize::Bronze, 1_000_000)]));
        let issues = checks(&book, 0);
        assert!(issues.contains(&Issue::Duplicate(0, 1)));
        assert!(issues.contains(&Issue::MissingSchool(2)));
        assert!(issues.contains(&Issue::MissingName(3)));
        assert!(issues.contains(&Issue::MissingBirth(3)));
        assert!(issues.contains(&Issue::ZeroAmount(3)));
        assert!(issues.contains(&Issue::DuplicateElsewhere(2, "Khen thưởng đợt 2".into())), "bronze ranks as third");
        assert!(issues.contains(&Issue::OverBudget { total: Vnd(5_000_000), available: Vnd(0) }));
        assert!(!Issue::MissingBirth(0).blocking());
        assert!(Issue::Duplicate(0, 1).blocking());
    }

    #[test]
    fn awardees_sort_by_given_name() {
        let l = list(
            "x",
            vec![
                student("Trần Văn Bình", Prize::First, 1),
                student("Lê An", Prize::First, 1),
                student("Phạm Đức", Prize::First, 1),
            ],
        );
        assert_eq!(sorted_awardees(&l), vec![1, 0, 2]);
    }

    #[test]
    fn minority_and_identity() {
        let mut a = student("Hồ Thị Mai", Prize::Gold, 1);
        assert!(!a.ethnic_minority());
        a.ethnicity = "Vân Kiều".into();
        assert!(a.ethnic_minority());
        a.ethnicity = "Kinh".into();
        assert!(!a.ethnic_minority());
        assert_eq!(a.identity().4, Prize::First);
    }
}
