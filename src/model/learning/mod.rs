//! Learning models (gia đình, dòng họ, cộng đồng, đơn vị học tập): versioned criteria sets of
//! two schemes (points with bands, or two-level indicators), the subjects evaluated, their
//! score sheets and outcomes, and recognition decisions.

pub mod action;
pub mod builtin;
pub mod rollup;
mod rows;

use crate::model::shared::Shared;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ModelKind {
    #[default]
    Family,
    Clan,
    VillageCommunity,
    GrassrootsUnit,
    CommuneCommunity,
    ProvincialUnit,
    Custom,
}

impl ModelKind {
    /// The title a decision grants, as the regulations write it (None for a custom model).
    pub fn title(self) -> Option<&'static str> {
        Some(match self {
            ModelKind::Family => "Gia đình học tập",
            ModelKind::Clan => "Dòng họ học tập",
            ModelKind::VillageCommunity => "Cộng đồng học tập cấp thôn",
            ModelKind::GrassrootsUnit => "Đơn vị học tập cơ sở",
            ModelKind::CommuneCommunity => "Cộng đồng học tập cấp xã",
            ModelKind::ProvincialUnit => "Đơn vị học tập cấp tỉnh",
            ModelKind::Custom => return None,
        })
    }

    pub const ALL: [ModelKind; 7] = [
        ModelKind::Family,
        ModelKind::Clan,
        ModelKind::VillageCommunity,
        ModelKind::GrassrootsUnit,
        ModelKind::CommuneCommunity,
        ModelKind::ProvincialUnit,
        ModelKind::Custom,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scheme {
    #[default]
    Points,
    Levels,
}

/// Which level an indicator belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mark {
    #[default]
    Both,
    Level1,
    Level2,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct LegalBasis {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Item {
    pub text: String,
    /// Points scheme: the most this item scores.
    pub max: u32,
    /// Levels scheme: the level(s) the indicator counts for.
    pub mark: Mark,
    /// Levels scheme: a measured percentage must reach this (e.g. 90 % of members).
    pub threshold: Option<u32>,
    /// Not confirmed from the original text: the user completes it.
    pub unconfirmed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Criterion {
    pub title: String,
    pub items: Vec<Item>,
    /// Points scheme: a band is refused when this criterion scores below this share (%) of
    /// its maximum; 0 for no minimum.
    pub min_share: u32,
}

impl Criterion {
    pub fn max(&self) -> u32 {
        self.items.iter().map(|i| i.max).sum()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Band {
    pub name: String,
    pub min: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CriteriaSet {
    /// Stable identity of this version; sheets point at it.
    pub id: u32,
    pub name: String,
    pub model: ModelKind,
    pub basis: LegalBasis,
    /// "2016–2020", "từ 12/02/2024".
    pub in_force: String,
    pub version: u32,
    /// The version this one was made from.
    pub parent: Option<u32>,
    pub builtin: bool,
    pub scheme: Scheme,
    pub criteria: Vec<Criterion>,
    /// Points scheme: bands from the highest minimum down ("Tốt" ≥ 85, …).
    pub bands: Vec<Band>,
    /// Levels scheme: years a recognition stays valid.
    pub validity_years: u32,
}

impl CriteriaSet {
    pub fn item_count(&self) -> usize {
        self.criteria.iter().map(|c| c.items.len()).sum()
    }

    pub fn max(&self) -> u32 {
        self.criteria.iter().map(Criterion::max).sum()
    }

    /// Items in order with the index of their criterion.
    pub fn items(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.criteria.iter().enumerate().flat_map(|(c, cr)| cr.items.iter().map(move |i| (c, i)))
    }

    /// Each item's code as the documents number them: criterion, then item ("1.1", "1.2", "2.1").
    pub fn item_codes(&self) -> Vec<String> {
        let per = self.criteria.iter().enumerate();
        per.flat_map(|(c, cr)| (1..=cr.items.len()).map(move |k| format!("{}.{k}", c + 1))).collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Subject {
    pub name: String,
    pub kind: ModelKind,
    pub commune: String,
    /// Village or residential group (thôn, tổ dân phố).
    pub village: String,
    pub contact: String,
}

/// One item's result on a sheet, 8 bytes: a province holds 1.2 million. Written in its
/// sheet's row (see `rows`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Value {
    pub score: u16,
    pub met: bool,
    /// The measured percentage for an indicator with a threshold.
    pub measured: Option<u16>,
}

impl Value {
    /// A number held as a score or a measured share: no item's maximum comes near the
    /// largest it holds (65,535), at which larger numbers stop.
    pub fn held(n: u32) -> u16 {
        u16::try_from(n).unwrap_or(u16::MAX)
    }
}

/// A sheet's minh chứng (what shows each item): the items that have some, in item order, each
/// text non-empty. Beside the values rather than in each, as most items have none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence(Vec<(u16, Shared)>);

impl Evidence {
    /// The evidence of item `item`, empty when it has none.
    pub fn get(&self, item: usize) -> &str {
        self.0.iter().find(|(k, _)| usize::from(*k) == item).map_or("", |(_, t)| t.as_str())
    }

    /// Gives item `item` its evidence (an empty text removes it).
    pub fn set(&mut self, item: usize, text: Shared) {
        let Ok(k) = u16::try_from(item) else { return };
        match (self.0.binary_search_by_key(&k, |(i, _)| *i), text.is_empty()) {
            (Ok(at), true) => {
                self.0.remove(at);
            }
            (Ok(at), false) => self.0[at].1 = text,
            (Err(_), true) => {}
            (Err(at), false) => self.0.insert(at, (k, text)),
        }
    }

    /// The items with evidence and their texts, in item order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Shared)> {
        self.0.iter().map(|(k, t)| (usize::from(*k), t))
    }

    /// Keeps the evidence of the first `items` items only, each text made clean by `clean`.
    pub fn tidy(&mut self, items: usize, clean: impl Fn(&str) -> String) {
        let kept = std::mem::take(&mut self.0);
        for (k, t) in kept.into_iter().filter(|(k, _)| usize::from(*k) < items) {
            self.set(usize::from(k), clean(&t).into());
        }
    }
}

/// Written as one short row (see `rows`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoreSheet {
    pub subject: usize,
    pub year: i32,
    /// The criteria-set version it was scored against.
    pub set: u32,
    pub values: Vec<Value>,
    pub evidence: Evidence,
    /// Shared: a province's 200,000 sheets name a handful of evaluators.
    pub evaluator: Shared,
    pub date: Option<NaiveDate>,
}

/// Hashed as it was when each value held its evidence and its numbers as u32: the seals of
/// years closed then hold.
impl std::hash::Hash for ScoreSheet {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.subject, self.year, self.set).hash(h);
        self.values.len().hash(h);
        for (k, v) in self.values.iter().enumerate() {
            (u32::from(v.score), v.met, v.measured.map(u32::from), self.evidence.get(k)).hash(h);
        }
        (&self.evaluator, self.date).hash(h);
    }
}

/// Written as one row (see `rows`). Its texts are shared: a province's 150,000 decisions come
/// from a few hundred authorities, numbers and results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Decision {
    pub subject: usize,
    pub year: i32,
    pub number: Shared,
    pub date: Option<NaiveDate>,
    /// Free text: the levels of government changed in 2025.
    pub authority: Shared,
    /// "Mức độ 1", "Tốt", …
    pub result: Shared,
    pub valid_until: Option<NaiveDate>,
}

/// All of it, kept in the book.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Learning {
    pub sets: Vec<CriteriaSet>,
    pub subjects: Vec<Subject>,
    pub sheets: Vec<ScoreSheet>,
    pub decisions: Vec<Decision>,
    /// Target share recognised, per model (QĐ 387/QĐ-TTg for 2025).
    pub targets: Vec<(ModelKind, u32)>,
}

impl Default for Learning {
    fn default() -> Self {
        Self {
            sets: crate::model::learning::builtin::builtin_sets(),
            subjects: Vec::new(),
            sheets: Vec::new(),
            decisions: Vec::new(),
            targets: default_targets(),
        }
    }
}

pub fn default_targets() -> Vec<(ModelKind, u32)> {
    vec![
        (ModelKind::Family, 70),
        (ModelKind::Clan, 65),
        (ModelKind::VillageCommunity, 65),
        (ModelKind::GrassrootsUnit, 80),
    ]
}

impl Learning {
    pub fn set(&self, id: u32) -> Option<&CriteriaSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    pub fn next_set_id(&self) -> u32 {
        self.sets.iter().map(|s| s.id).max().unwrap_or(0) + 1
    }

    pub fn set_in_use(&self, id: u32) -> bool {
        self.sheets.iter().any(|s| s.set == id)
    }

    /// What a decision for this subject and year grants: the result of its latest sheet of the
    /// year, or the model's title when it has no sheet yet.
    pub fn recognition_for(&self, subject: usize, year: i32) -> Option<String> {
        let kind = self.subjects.get(subject)?.kind;
        let scored = self.sheets.iter().rev().find(|sh| sh.subject == subject && sh.year == year);
        match scored.and_then(|sh| Some((sh, self.set(sh.set)?))) {
            Some((sh, set)) => recognition(kind, set, &evaluate(set, &sh.values)),
            None => kind.title().map(|t| format!("Đạt {t}")),
        }
    }

    /// Consecutive years, ending with `year`, in which the subject was recognised.
    pub fn years_in_row(&self, subject: usize, year: i32) -> u32 {
        let years: std::collections::HashSet<i32> =
            self.decisions.iter().filter(|d| d.subject == subject).map(|d| d.year).collect();
        (0..).take_while(|k| years.contains(&(year - k))).count() as u32
    }
}

/// A sheet's result, computed live.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub total: u32,
    pub max: u32,
    /// Points: the band reached, if any.
    pub band: Option<String>,
    /// Levels: 2, 1, or 0 for not recognised.
    pub level: u8,
    /// The criterion that held the result back (a refused band, or an unmet indicator).
    pub held_back: Option<usize>,
    pub recognised: bool,
}

/// What a decision recognises, named for the subject's model (never another model's title):
/// "Đạt Dòng họ học tập", "Đạt Đơn vị học tập cơ sở, xếp loại Tốt", "Đạt Cộng đồng học tập cấp
/// xã mức độ 2". None when the outcome is not recognised.
pub fn recognition(kind: ModelKind, set: &CriteriaSet, o: &Outcome) -> Option<String> {
    if !o.recognised {
        return None;
    }
    let grade = match (&o.band, set.bands.len()) {
        (Some(_), 1) => None,
        (Some(band), _) => Some(format!("xếp loại {band}")),
        (None, _) => Some(format!("mức độ {}", o.level)),
    };
    Some(match (kind.title(), grade) {
        (Some(title), None) => format!("Đạt {title}"),
        (Some(title), Some(grade)) => format!("Đạt {title}, {grade}"),
        (None, None) => o.band.clone().unwrap_or_default(),
        (None, Some(grade)) => format!("Đạt {grade}"),
    })
}

fn item_met(item: &Item, v: &Value) -> bool {
    v.met && item.threshold.is_none_or(|t| v.measured.is_some_and(|m| u32::from(m) >= t))
}

/// Evaluates a sheet against its set. Missing values count as zero or not met.
pub fn evaluate(set: &CriteriaSet, values: &[Value]) -> Outcome {
    let empty = Value::default();
    let value = |k: usize| values.get(k).unwrap_or(&empty);
    match set.scheme {
        Scheme::Points => {
            let mut k = 0;
            let mut total = 0;
            let mut held_back = None;
            for (c, cr) in set.criteria.iter().enumerate() {
                let sum: u32 = cr
                    .items
                    .iter()
                    .map(|i| {
                        let s = u32::from(value(k).score).min(i.max);
                        k += 1;
                        s
                    })
                    .sum();
                total += sum;
                if cr.min_share > 0 && sum * 100 < cr.max() * cr.min_share && held_back.is_none() {
                    held_back = Some(c);
                }
            }
            let band = if held_back.is_some() {
                None
            } else {
                let mut bands: Vec<&Band> = set.bands.iter().collect();
                bands.sort_by_key(|b| std::cmp::Reverse(b.min));
                bands.into_iter().find(|b| total >= b.min).map(|b| b.name.clone())
            };
            Outcome { total, max: set.max(), recognised: band.is_some(), band, level: 0, held_back }
        }
        Scheme::Levels => {
            let mut first_unmet = [None, None];
            let mut met_count = 0;
            for (k, (c, item)) in set.items().enumerate() {
                let met = item_met(item, value(k));
                met_count += u32::from(met);
                for (slot, counts) in [(0, item.mark != Mark::Level2), (1, item.mark != Mark::Level1)] {
                    if counts && !met && first_unmet[slot].is_none() {
                        first_unmet[slot] = Some(c);
                    }
                }
            }
            let level = match first_unmet {
                [None, None] => 2,
                [None, Some(_)] => 1,
                _ => 0,
            };
            let held_back = if level == 0 { first_unmet[0] } else { first_unmet[1] };
            Outcome {
                total: met_count,
                max: set.item_count() as u32,
                band: None,
                level,
                held_back,
                recognised: level > 0,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::learning::builtin::builtin_sets;

    #[test]
    fn a_sheets_values_are_read_into_a_list_of_their_exact_number() {
        let six = "(values: [(score: 1), (score: 2), (score: 3), (score: 4), (score: 5), (score: 6)])";
        let sheet: ScoreSheet = ron::from_str(six).expect("a sheet");
        assert_eq!(sheet.values.iter().map(|v| v.score).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
        assert_eq!(sheet.values.capacity(), 6);
        let again: ScoreSheet = ron::from_str("(values: [(score: 9)])").expect("a sheet");
        assert_eq!((again.values.len(), again.values.capacity(), again.values[0].score), (1, 1, 9));
        assert!(ron::from_str::<ScoreSheet>("(values: [(score: 1), (score: \"x\")])").is_err());
        let after: ScoreSheet = ron::from_str("(values: [])").expect("a sheet after an error");
        assert!(after.values.is_empty());
        let round = ron::to_string(&sheet).expect("written");
        assert_eq!(ron::from_str::<ScoreSheet>(&round).expect("read back"), sheet);
    }

    #[test]
    fn a_value_of_an_older_file_reads_with_its_missing_fields_at_their_defaults() {
        let values = [
            Value::default(),
            Value { score: 9, met: true, ..Default::default() },
            Value { measured: Some(95), ..Default::default() },
            Value { score: 9, met: true, ..Default::default() },
        ];
        // As version 7 wrote them, and as the builds before it did, every field named; the
        // evidence goes beside the values.
        let old = r#"(values: [(), (score:9,met:true), (measured:Some(95),evidence:"Biên bản số 1"), (score: 9, met: true, measured: None, evidence: "")])"#;
        let sheet: ScoreSheet = ron::from_str(old).expect("read");
        assert_eq!(sheet.values, values);
        assert_eq!(sheet.evidence.iter().collect::<Vec<_>>(), [(2, &Shared::from("Biên bản số 1"))]);
    }

    fn points_set() -> CriteriaSet {
        let item = |max| Item { text: "x".into(), max, ..Default::default() };
        CriteriaSet {
            scheme: Scheme::Points,
            criteria: vec![
                Criterion { title: "TC1".into(), items: vec![item(10), item(20)], min_share: 50 },
                Criterion { title: "TC2".into(), items: vec![item(70)], min_share: 0 },
            ],
            bands: vec![
                Band { name: "Khá".into(), min: 70 },
                Band { name: "Tốt".into(), min: 85 },
                Band { name: "Trung bình".into(), min: 50 },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_value_is_eight_bytes_and_evidence_is_kept_in_item_order_without_empty_texts() {
        assert_eq!(std::mem::size_of::<Value>(), 8);
        assert_eq!(Value::held(70_000), u16::MAX);
        let mut e = Evidence::default();
        for (k, t) in [(4, "Sổ"), (1, "Biên bản"), (2, ""), (4, "Sổ họp"), (9, "x")] {
            e.set(k, t.into());
        }
        assert_eq!(
            e.iter().map(|(k, t)| (k, t.as_str())).collect::<Vec<_>>(),
            [(1, "Biên bản"), (4, "Sổ họp"), (9, "x")]
        );
        assert_eq!((e.get(4), e.get(2)), ("Sổ họp", ""));
        e.set(1, "".into());
        e.set(4, "  Sổ   họp ".into());
        e.tidy(5, crate::model::text::clean);
        assert_eq!(e.iter().map(|(k, t)| (k, t.as_str())).collect::<Vec<_>>(), [(4, "Sổ họp")]);
    }

    fn scores(s: &[u16]) -> Vec<Value> {
        s.iter().map(|&score| Value { score, ..Default::default() }).collect()
    }

    #[test]
    fn points_bands_and_per_criterion_minimum() {
        let set = points_set();
        assert_eq!(evaluate(&set, &scores(&[10, 20, 60])).band.as_deref(), Some("Tốt"));
        assert_eq!(evaluate(&set, &scores(&[10, 10, 55])).band.as_deref(), Some("Khá"));
        assert_eq!(evaluate(&set, &scores(&[10, 10, 35])).band.as_deref(), Some("Trung bình"));
        let low = evaluate(&set, &scores(&[0, 10, 40]));
        assert_eq!((low.total, low.band.clone()), (50, None), "TC1 scored 10 of 30, under 50 %");
        assert_eq!(low.held_back, Some(0));
        assert!(!low.recognised);
        let capped = evaluate(&set, &scores(&[99, 20, 70]));
        assert_eq!(capped.total, 100, "a score cannot pass its item's maximum");
        assert_eq!(evaluate(&set, &scores(&[0, 0, 10])).band, None);
    }

    #[test]
    fn two_levels_with_thresholds() {
        let ind = |mark, threshold| Item { text: "x".into(), mark, threshold, ..Default::default() };
        let set = CriteriaSet {
            scheme: Scheme::Levels,
            criteria: vec![
                Criterion { title: "TC1".into(), items: vec![ind(Mark::Both, None)], min_share: 0 },
                Criterion {
                    title: "TC2".into(),
                    items: vec![ind(Mark::Level1, Some(90)), ind(Mark::Level2, Some(95))],
                    min_share: 0,
                },
            ],
            ..Default::default()
        };
        let v = |met, measured| Value { met, measured, ..Default::default() };
        let all = [v(true, None), v(true, Some(96)), v(true, Some(96))];
        assert_eq!(evaluate(&set, &all).level, 2);
        let one = [v(true, None), v(true, Some(92)), v(true, Some(92))];
        let o = evaluate(&set, &one);
        assert_eq!((o.level, o.held_back), (1, Some(1)), "92 % meets 90 but not 95");
        let none = [v(false, None), v(true, Some(92)), v(true, Some(96))];
        let o = evaluate(&set, &none);
        assert_eq!((o.level, o.held_back, o.recognised), (0, Some(0), false));
        let no_measure = [v(true, None), v(true, None), v(true, None)];
        assert_eq!(evaluate(&set, &no_measure).level, 0, "a threshold needs a measured value");
    }

    #[test]
    fn items_are_coded_by_criterion() {
        assert_eq!(points_set().item_codes(), ["1.1", "1.2", "2.1"]);
    }

    #[test]
    fn years_recognised_in_a_row() {
        let mut l = Learning::default();
        for y in [2021, 2023, 2024, 2025] {
            l.decisions.push(Decision { subject: 3, year: y, ..Default::default() });
        }
        assert_eq!(l.years_in_row(3, 2025), 3);
        assert_eq!(l.years_in_row(3, 2022), 0);
        assert_eq!(l.years_in_row(4, 2025), 0);
        assert!(!builtin_sets().is_empty());
    }

    #[test]
    fn recognition_names_the_subjects_model() {
        let family = builtin_sets().into_iter().find(|s| s.model == ModelKind::Family).unwrap();
        let passed =
            Outcome { recognised: true, band: Some("Đạt Gia đình học tập".into()), ..Default::default() };
        let clan = recognition(ModelKind::Clan, &family, &passed);
        assert_eq!(clan.as_deref(), Some("Đạt Dòng họ học tập"), "a clan scored on a copy of the family set");
        let set = points_set();
        let good = Outcome { recognised: true, band: Some("Tốt".into()), ..Default::default() };
        assert_eq!(
            recognition(ModelKind::GrassrootsUnit, &set, &good).as_deref(),
            Some("Đạt Đơn vị học tập cơ sở, xếp loại Tốt")
        );
        let level2 = Outcome { recognised: true, level: 2, ..Default::default() };
        assert_eq!(
            recognition(ModelKind::CommuneCommunity, &set, &level2).as_deref(),
            Some("Đạt Cộng đồng học tập cấp xã, mức độ 2")
        );
        assert_eq!(recognition(ModelKind::Custom, &set, &good).as_deref(), Some("Đạt xếp loại Tốt"));
        assert_eq!(recognition(ModelKind::Family, &set, &Outcome::default()), None);
        let mut l = Learning::default();
        l.subjects.push(Subject { kind: ModelKind::Clan, ..Default::default() });
        assert_eq!(l.recognition_for(0, 2025).as_deref(), Some("Đạt Dòng họ học tập"), "not scored yet");
        assert_eq!(l.recognition_for(1, 2025), None, "no such subject");
        let id = l.sets.iter().find(|s| s.model == ModelKind::Family).map(|s| s.id).unwrap();
        l.sheets.push(ScoreSheet { subject: 0, year: 2025, set: id, ..Default::default() });
        assert_eq!(l.recognition_for(0, 2025), None, "scored and not recognised");
    }
}
