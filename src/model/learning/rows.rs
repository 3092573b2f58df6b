//! The learning models' score sheets and decisions as rows in the data file (from format
//! version 8, see `model::rows`): a province holds 200,000 sheets and 150,000 decisions, and
//! with named fields they were 84 of its 130 MB and most of its parse.
//!
//! A decision is `(subject, year, number, date, authority, result, valid until)`. A sheet is
//! `(subject, year, set, "values", [(item, "evidence"), …], "evaluator", date)`, where the
//! values are one text, an item each, separated by spaces: the score, `+` when the item is
//! met, and `%` with the measured percentage when there is one (`"9+ 0 30+%85"`); only the
//! items with evidence are listed after it. Sheets written with named fields (version 7 and
//! before) read as they always did.

use super::{Decision, Evidence, ScoreSheet, Value};
use crate::model::rows::row_or_named;
use crate::model::shared::Shared;
use chrono::NaiveDate;
use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::{self, Write};

/// The values of a sheet as their text.
fn values_text(values: &[Value]) -> String {
    let mut out = String::with_capacity(values.len() * 4);
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Writing into a String does not fail.
        let _ = write!(out, "{}", v.score);
        if v.met {
            out.push('+');
        }
        if let Some(m) = v.measured {
            let _ = write!(out, "%{m}");
        }
    }
    out
}

/// One value of the text: digits, then `+`, then `%` and digits, each but the score optional.
fn value_of(token: &str) -> Option<Value> {
    let (score, rest) = token.split_at(token.find(|c: char| !c.is_ascii_digit()).unwrap_or(token.len()));
    let (met, rest) = match rest.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let measured = match rest.strip_prefix('%') {
        Some(m) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => Some(m.parse::<u32>().ok()?),
        Some(_) => return None,
        None if rest.is_empty() => None,
        None => return None,
    };
    Some(Value { score: Value::held(score.parse().ok()?), met, measured: measured.map(Value::held) })
}

/// The values read from their text, into a list of exactly their number.
struct ValuesText(Vec<Value>);

impl<'de> Deserialize<'de> for ValuesText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = ValuesText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sheet's values as text")
            }
            fn visit_str<E: Error>(self, text: &str) -> Result<ValuesText, E> {
                let mut values = Vec::with_capacity(text.split_ascii_whitespace().count());
                for token in text.split_ascii_whitespace() {
                    values.push(value_of(token).ok_or_else(|| E::custom(format!("not a score value: {token:?}")))?);
                }
                Ok(ValuesText(values))
            }
        }
        d.deserialize_str(Text)
    }
}

type Row<'a> = (usize, i32, u32, String, Vec<(usize, &'a Shared)>, &'a Shared, Option<NaiveDate>);

#[derive(Deserialize)]
struct RowIn(usize, i32, u32, ValuesText, Vec<(usize, Shared)>, Shared, Option<NaiveDate>);

/// A value as versions 7 and before wrote it, with named fields and its evidence in it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct NamedValue {
    score: u32,
    met: bool,
    measured: Option<u32>,
    evidence: Shared,
}

/// The values of a sheet as versions 7 and before wrote them, each with its evidence; read
/// into a list of exactly their number (read as usual, the list grows by doubling).
#[derive(Default)]
struct NamedValues(Vec<Value>, Evidence);

impl<'de> Deserialize<'de> for NamedValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Values;
        impl<'de> serde::de::Visitor<'de> for Values {
            type Value = NamedValues;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of values")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<NamedValues, A::Error> {
                let (mut values, mut evidence) = (Vec::new(), Evidence::default());
                while let Some(v) = seq.next_element::<NamedValue>()? {
                    evidence.set(values.len(), v.evidence);
                    values.push(Value {
                        score: Value::held(v.score),
                        met: v.met,
                        measured: v.measured.map(Value::held),
                    });
                }
                values.shrink_to_fit();
                Ok(NamedValues(values, evidence))
            }
        }
        d.deserialize_seq(Values)
    }
}

/// A sheet as versions 7 and before wrote it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Named {
    subject: usize,
    year: i32,
    set: u32,
    values: NamedValues,
    evaluator: Shared,
    date: Option<NaiveDate>,
}

impl From<Named> for ScoreSheet {
    fn from(n: Named) -> Self {
        let Named { subject, year, set, values, evaluator, date } = n;
        let NamedValues(values, evidence) = values;
        ScoreSheet { subject, year, set, values, evidence, evaluator, date }
    }
}

impl Serialize for ScoreSheet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let evidence: Vec<(usize, &Shared)> = self.evidence.iter().collect();
        let row: Row =
            (self.subject, self.year, self.set, values_text(&self.values), evidence, &self.evaluator, self.date);
        row.serialize(s)
    }
}

impl<'de> Deserialize<'de> for ScoreSheet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        row_or_named::<D, RowIn, Named, ScoreSheet>(d, "a score sheet", |row| {
            let RowIn(subject, year, set, ValuesText(values), listed, evaluator, date) = row;
            let mut evidence = Evidence::default();
            for (item, text) in listed {
                if item >= values.len() {
                    return Err(format!("evidence for item {item}, not on the sheet"));
                }
                evidence.set(item, text);
            }
            Ok(ScoreSheet { subject, year, set, values, evidence, evaluator, date })
        })
    }
}

type DecisionRow = (usize, i32, Shared, Option<NaiveDate>, Shared, Shared, Option<NaiveDate>);

/// A decision as versions 7 and before wrote it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct NamedDecision {
    subject: usize,
    year: i32,
    number: Shared,
    date: Option<NaiveDate>,
    authority: Shared,
    result: Shared,
    valid_until: Option<NaiveDate>,
}

impl From<NamedDecision> for Decision {
    fn from(n: NamedDecision) -> Self {
        let NamedDecision { subject, year, number, date, authority, result, valid_until } = n;
        Decision { subject, year, number, date, authority, result, valid_until }
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self;
        (d.subject, d.year, &d.number, d.date, &d.authority, &d.result, d.valid_until).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Decision {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        row_or_named::<D, DecisionRow, NamedDecision, Decision>(d, "a decision", |row| {
            let (subject, year, number, date, authority, result, valid_until) = row;
            Ok(Decision { subject, year, number, date, authority, result, valid_until })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sheet_text(s: &ScoreSheet) -> String {
        ron::to_string(s).unwrap_or_default()
    }

    #[test]
    fn a_sheet_is_one_short_row() {
        let values: Vec<Value> = [(9, true, None), (0, false, None), (30, true, Some(85))]
            .map(|(score, met, measured)| Value { score, met, measured })
            .into();
        let mut evidence = Evidence::default();
        evidence.set(1, Shared::from("Biên bản, \"họp\" thôn"));
        let sheet = ScoreSheet {
            subject: 4,
            year: 2025,
            set: 3,
            values,
            evidence,
            evaluator: Shared::from("Ban chỉ đạo xã"),
            date: NaiveDate::from_ymd_opt(2025, 11, 10),
        };
        assert_eq!(
            sheet_text(&sheet),
            r#"(4,2025,3,"9+ 0 30+%85",[(1,"Biên bản, \"họp\" thôn")],"Ban chỉ đạo xã",Some("2025-11-10"))"#
        );
        assert_eq!(ron::from_str::<ScoreSheet>(&sheet_text(&sheet)), Ok(sheet));
    }

    #[test]
    fn a_sheet_of_version_7_reads_as_before() {
        let old = r#"(subject: 2, year: 2017, set: 3, values: [(score: 9, met: true), (), (score: 4, measured: Some(70), evidence: "Sổ")], evaluator: "Ban chỉ đạo xã", date: Some("2017-11-10"))"#;
        let sheet: ScoreSheet = ron::from_str(old).expect("reads");
        assert_eq!((sheet.subject, sheet.year, sheet.set, sheet.values.len()), (2, 2017, 3, 3));
        assert_eq!(sheet.values[0], Value { score: 9, met: true, ..Default::default() });
        assert_eq!(sheet.values[1], Value::default());
        assert_eq!(sheet.values[2], Value { score: 4, measured: Some(70), ..Default::default() });
        assert_eq!(sheet.evidence.iter().collect::<Vec<_>>(), [(2, &Shared::from("Sổ"))]);
        assert_eq!(sheet.evaluator.as_str(), "Ban chỉ đạo xã");
        // An empty named sheet is the default one.
        assert_eq!(ron::from_str::<ScoreSheet>("()"), Ok(ScoreSheet::default()));
    }

    #[test]
    fn a_bad_row_is_refused_with_what_is_wrong() {
        for (row, wrong) in [
            (r#"(0,2025,3,"9+ x",[],"",None)"#, "\"x\""),
            (r#"(0,2025,3,"9%",[],"",None)"#, "\"9%\""),
            (r#"(0,2025,3,"+",[],"",None)"#, "\"+\""),
            (r#"(0,2025,3,"9",[(1,"a")],"",None)"#, "item 1"),
        ] {
            let e = ron::from_str::<ScoreSheet>(row).expect_err(row).to_string();
            assert!(e.contains(wrong), "{row}: {e}");
        }
    }

    #[test]
    fn a_decision_is_one_row_and_the_named_form_still_reads() {
        let d = Decision {
            subject: 7,
            year: 2024,
            number: "12/QĐ-UBND".into(),
            date: NaiveDate::from_ymd_opt(2024, 12, 15),
            authority: "UBND xã \"Cam Lộ\"".into(),
            result: "Đạt Gia đình học tập".into(),
            valid_until: None,
        };
        let row = ron::to_string(&d).unwrap_or_default();
        assert_eq!(row, r#"(7,2024,"12/QĐ-UBND",Some("2024-12-15"),"UBND xã \"Cam Lộ\"","Đạt Gia đình học tập",None)"#);
        assert_eq!(ron::from_str::<Decision>(&row), Ok(d.clone()));
        let named = r#"(subject: 7, year: 2024, number: "12/QĐ-UBND", date: Some("2024-12-15"), authority: "UBND xã \"Cam Lộ\"", result: "Đạt Gia đình học tập", valid_until: None)"#;
        assert_eq!(ron::from_str::<Decision>(named), Ok(d));
        assert_eq!(ron::from_str::<Decision>("()"), Ok(Decision::default()));
        assert!(ron::from_str::<Decision>(r#"(7,2024,"12")"#).is_err(), "a row too short");
    }

    /// A closed year's seal hashes its decisions: with shared texts they hash as they did
    /// with strings, so a year closed before keeps its seal.
    #[test]
    fn a_decision_hashes_as_it_did_with_strings() {
        use std::hash::{DefaultHasher, Hash, Hasher};
        #[derive(Hash)]
        struct Before {
            subject: usize,
            year: i32,
            number: String,
            date: Option<NaiveDate>,
            authority: String,
            result: String,
            valid_until: Option<NaiveDate>,
        }
        let date = NaiveDate::from_ymd_opt(2024, 12, 15);
        let now = Decision {
            subject: 3,
            year: 2024,
            number: "12/QĐ-UBND".into(),
            date,
            authority: "UBND xã Cam Lộ".into(),
            result: Shared::default(),
            valid_until: None,
        };
        let before = Before {
            subject: 3,
            year: 2024,
            number: "12/QĐ-UBND".into(),
            date,
            authority: "UBND xã Cam Lộ".into(),
            result: String::new(),
            valid_until: None,
        };
        let hash = |x: &dyn Fn(&mut DefaultHasher)| {
            let mut h = DefaultHasher::new();
            x(&mut h);
            h.finish()
        };
        assert_eq!(hash(&|h| now.hash(h)), hash(&|h| before.hash(h)));
    }

    fn value() -> impl Strategy<Value = (Value, String)> {
        (any::<u16>(), any::<bool>(), proptest::option::of(any::<u16>()), "[a-zA-Zàệ\", ()\\[\\]\n\\\\]{0,6}")
            .prop_map(|(score, met, measured, e)| (Value { score, met, measured }, e))
    }

    proptest! {
        /// Whatever a sheet holds, its row reads back as the same sheet.
        #[test]
        fn every_sheet_reads_back_the_same(
            subject in any::<usize>(), year in 1900i32..2200, set in any::<u32>(),
            values in proptest::collection::vec(value(), 0..12), evaluator in "[ -~đơ]{0,8}",
            date in proptest::option::of((2000i32..2100, 1u32..13, 1u32..29)),
        ) {
            let mut evidence = Evidence::default();
            for (k, (_, e)) in values.iter().enumerate() {
                evidence.set(k, Shared::from(e.as_str()));
            }
            let values = values.into_iter().map(|(v, _)| v).collect();
            let sheet = ScoreSheet {
                subject, year, set, values, evidence, evaluator: Shared::from(evaluator.as_str()),
                date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            };
            let pretty = ron::ser::to_string_pretty(&sheet, ron::ser::PrettyConfig::new()).unwrap_or_default();
            prop_assert_eq!(ron::from_str::<ScoreSheet>(&sheet_text(&sheet)), Ok(sheet.clone()));
            prop_assert_eq!(ron::from_str::<ScoreSheet>(&pretty), Ok(sheet));
        }
    }
}
