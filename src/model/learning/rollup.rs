//! The roll-up: per commune and for the province, how many subjects of each model are
//! registered, evaluated and recognised in a year, and the share against the targets.

use crate::model::learning::{Learning, ModelKind, evaluate};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RollRow {
    /// Empty for the province's total.
    pub commune: String,
    pub model: ModelKind,
    pub registered: usize,
    pub evaluated: usize,
    pub recognised: usize,
    /// Recognised at the highest level: Mức độ 2, or the set's top band.
    pub top: usize,
}

impl RollRow {
    /// Recognised among registered, in whole percent.
    pub fn share(&self) -> Option<u32> {
        (self.registered > 0).then(|| (self.recognised * 100 / self.registered) as u32)
    }
}

/// For each subject: (evaluated, recognised) in the year. Several sheets of one subject and
/// year (different sets) count once; recognised if any of them is.
fn results(l: &Learning, year: Option<i32>) -> HashMap<(usize, i32), (bool, bool, bool)> {
    let sets: HashMap<u32, _> = l.sets.iter().map(|s| (s.id, s)).collect();
    let mut out: HashMap<(usize, i32), (bool, bool, bool)> = HashMap::new();
    for sheet in l.sheets.iter().filter(|s| year.is_none_or(|y| s.year == y)) {
        let Some(set) = sets.get(&sheet.set) else { continue };
        let o = evaluate(set, &sheet.values);
        let top_band = set.bands.iter().max_by_key(|b| b.min).map(|b| &b.name);
        let top = o.level == 2 || (o.band.is_some() && o.band.as_ref() == top_band);
        let e = out.entry((sheet.subject, sheet.year)).or_default();
        e.0 = true;
        e.1 |= o.recognised;
        e.2 |= top;
    }
    out
}

/// Rows per commune and model, then the province's total per model (commune empty).
pub fn rollup(l: &Learning, year: i32) -> (Vec<RollRow>, Vec<RollRow>) {
    let res = results(l, Some(year));
    let mut rows: BTreeMap<(String, ModelKind), RollRow> = BTreeMap::new();
    for (i, s) in l.subjects.iter().enumerate() {
        let r = rows.entry((s.commune.clone(), s.kind)).or_insert_with(|| RollRow {
            commune: s.commune.clone(),
            model: s.kind,
            ..Default::default()
        });
        r.registered += 1;
        if let Some((evaluated, recognised, top)) = res.get(&(i, year)) {
            r.evaluated += usize::from(*evaluated);
            r.recognised += usize::from(*recognised);
            r.top += usize::from(*top);
        }
    }
    let rows: Vec<RollRow> = rows.into_values().collect();
    let mut province: BTreeMap<ModelKind, RollRow> = BTreeMap::new();
    for r in &rows {
        let p = province.entry(r.model).or_insert_with(|| RollRow { model: r.model, ..Default::default() });
        p.registered += r.registered;
        p.evaluated += r.evaluated;
        p.recognised += r.recognised;
        p.top += r.top;
    }
    (rows, province.into_values().collect())
}

/// Recognised share of each model, year by year (for the chart).
pub fn shares_by_year(l: &Learning) -> BTreeMap<ModelKind, Vec<(i32, u32)>> {
    let res = results(l, None);
    let mut counts: BTreeMap<(ModelKind, i32), usize> = BTreeMap::new();
    for ((subject, year), (_, recognised, _)) in &res {
        if *recognised && let Some(s) = l.subjects.get(*subject) {
            *counts.entry((s.kind, *year)).or_default() += 1;
        }
    }
    let mut registered: HashMap<ModelKind, usize> = HashMap::new();
    for s in &l.subjects {
        *registered.entry(s.kind).or_default() += 1;
    }
    let mut out: BTreeMap<ModelKind, Vec<(i32, u32)>> = BTreeMap::new();
    for ((kind, year), n) in counts {
        let total = registered.get(&kind).copied().unwrap_or(1).max(1);
        out.entry(kind).or_default().push((year, (n * 100 / total) as u32));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::learning::{ScoreSheet, Subject, Value};

    #[test]
    fn rollup_counts_per_commune_and_province() {
        let mut l = Learning::default();
        let family = l.sets[2].id; // points, "Đạt" from 80 of 100
        for (name, commune) in [("A", "Cam Lộ"), ("B", "Cam Lộ"), ("C", "Cam Lộ"), ("D", "Đông Hà")] {
            l.subjects.push(Subject { name: name.into(), commune: commune.into(), ..Default::default() });
        }
        let full = |subject, score| ScoreSheet {
            subject,
            year: 2025,
            set: family,
            values: (0..6).map(|_| Value { score, ..Default::default() }).collect(),
            ..Default::default()
        };
        l.sheets.push(full(0, 30)); // every item at its maximum: 100
        l.sheets.push(full(1, 5)); // 30: not recognised
        l.sheets.push(full(3, 30));
        let (rows, province) = rollup(&l, 2025);
        let cam_lo = rows.iter().find(|r| r.commune == "Cam Lộ").expect("row");
        assert_eq!((cam_lo.registered, cam_lo.evaluated, cam_lo.recognised), (3, 2, 1));
        assert_eq!(cam_lo.share(), Some(33));
        assert_eq!((province[0].registered, province[0].evaluated, province[0].recognised), (4, 3, 2));
        assert_eq!(province[0].top, 2, "the family set has one band, so recognised is the top");
        assert_eq!(shares_by_year(&l).get(&ModelKind::Family), Some(&vec![(2025, 50)]));
        assert_eq!(rollup(&l, 2024).1[0].evaluated, 0);
    }
}
