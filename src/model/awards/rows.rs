//! An award list's students as rows in the data file (from format version 8, see
//! `model::rows`): a province's 50,000 students with named fields were 20 MB of its text.
//!
//! (name, birth, gender, ethnicity, school, class, school level, commune, old place,
//! competition, level, subject, prize, circumstances, amount, override reason, note, voucher)

use super::{Awardee, Gender, Level, Prize, SchoolLevel};
use crate::model::money::Vnd;
use crate::model::rows::row_or_named;
use crate::model::shared::Shared;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
struct Row(
    String,
    Option<NaiveDate>,
    Gender,
    Shared,
    Shared,
    Shared,
    SchoolLevel,
    Shared,
    Shared,
    Shared,
    Level,
    Shared,
    Prize,
    Shared,
    i64,
    Shared,
    Shared,
    Option<usize>,
);

impl From<&Awardee> for Row {
    fn from(a: &Awardee) -> Self {
        let a = a.clone();
        Row(
            a.name,
            a.birth,
            a.gender,
            a.ethnicity,
            a.school,
            a.class,
            a.school_level,
            a.commune,
            a.old_place,
            a.competition,
            a.level,
            a.subject,
            a.prize,
            a.circumstances,
            a.amount.0,
            a.override_reason,
            a.note,
            a.voucher,
        )
    }
}

impl From<Row> for Awardee {
    fn from(r: Row) -> Self {
        let Row(
            name,
            birth,
            gender,
            ethnicity,
            school,
            class,
            school_level,
            commune,
            old_place,
            competition,
            level,
            subject,
            prize,
            circumstances,
            amount,
            override_reason,
            note,
            voucher,
        ) = r;
        Awardee {
            name,
            birth,
            gender,
            ethnicity,
            school,
            class,
            school_level,
            commune,
            old_place,
            competition,
            level,
            subject,
            prize,
            circumstances,
            amount: Vnd(amount),
            override_reason,
            note,
            voucher,
        }
    }
}

/// A student read from a row or, as older versions wrote it, with named fields.
struct Either(Awardee);

impl<'de> Deserialize<'de> for Either {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        row_or_named::<D, Row, Awardee, Awardee>(d, "a student", |r| Ok(r.into())).map(Either)
    }
}

/// `AwardList::awardees` written as rows.
pub fn serialize<S: Serializer>(list: &[Awardee], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(list.iter().map(Row::from))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Awardee>, D::Error> {
    // The same layout: the list is taken over in place.
    Ok(Vec::<Either>::deserialize(d)?.into_iter().map(|e| e.0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::AwardList;

    fn student() -> Awardee {
        Awardee {
            name: "Lê Thị \"Hoa\"".into(),
            birth: NaiveDate::from_ymd_opt(2009, 5, 17),
            gender: Gender::Female,
            ethnicity: "Bru - Vân Kiều".into(),
            school: "Trường THPT Đông Hà".into(),
            class: "12A1".into(),
            school_level: SchoolLevel::UpperSecondary,
            commune: "Cam Lộ".into(),
            competition: "HSG tỉnh".into(),
            level: Level::Provincial,
            subject: "Toán".into(),
            prize: Prize::First,
            amount: Vnd(3_000_000),
            note: "(kèm, [ảnh])".into(),
            voucher: Some(12),
            ..Default::default()
        }
    }

    #[test]
    fn a_student_is_one_row_and_the_named_form_still_reads() {
        let list =
            AwardList { title: "HSG 2025".into(), awardees: vec![student(), Awardee::default()], ..Default::default() };
        let text = ron::to_string(&list).unwrap_or_default();
        assert!(
            text.contains(r#"awardees:[("Lê Thị \"Hoa\"",Some("2009-05-17"),Female,"Bru - Vân Kiều","Trường THPT Đông Hà","12A1",UpperSecondary,"Cam Lộ","","HSG tỉnh",Provincial,"Toán",First,"",3000000,"","(kèm, [ảnh])",Some(12)),"#),
            "{text}"
        );
        assert_eq!(ron::from_str::<AwardList>(&text), Ok(list.clone()));
        let named = r#"(title: "HSG 2025", awardees: [(name: "Lê Thị \"Hoa\"", birth: Some("2009-05-17"), gender: Female, ethnicity: "Bru - Vân Kiều", school: "Trường THPT Đông Hà", class: "12A1", school_level: UpperSecondary, commune: "Cam Lộ", old_place: "", competition: "HSG tỉnh", level: Provincial, subject: "Toán", prize: First, circumstances: "", amount: (3000000), override_reason: "", note: "(kèm, [ảnh])", voucher: Some(12)), ()])"#;
        assert_eq!(ron::from_str::<AwardList>(named), Ok(list));
    }
}
