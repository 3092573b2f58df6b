//! Award scales: what each prize or scholarship pays, per year. The national scale of
//! NĐ 110/2020/NĐ-CP is built in; the association's own scales are editable data.

use crate::model::awards::{Awardee, Level, ListKind, Prize, SchoolLevel};
use crate::model::book::Book;
use crate::model::money::Vnd;
use crate::model::text::fold;
use serde::{Deserialize, Serialize};

pub const NATIONAL: &str = "NĐ 110/2020/NĐ-CP";

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PrizeRate {
    pub level: Level,
    pub prize: Prize,
    /// Words the competition's name must contain (e.g. "châu Á"); empty for any.
    pub competition: String,
    pub amount: Vnd,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Scale {
    pub name: String,
    pub year: i32,
    pub prizes: Vec<PrizeRate>,
    pub scholarships: Vec<(SchoolLevel, Vnd)>,
    /// Percentage paid to ethnic-minority students (100 = no change).
    pub minority_percent: u32,
}

fn rates(level: Level, competition: &str, amounts: &[(Prize, i64)]) -> Vec<PrizeRate> {
    amounts
        .iter()
        .map(|(prize, a)| PrizeRate { level, prize: *prize, competition: competition.into(), amount: Vnd(*a) })
        .collect()
}

/// NĐ 110/2020/NĐ-CP (in force 01/11/2020): the state's prize amounts.
pub fn national(year: i32) -> Scale {
    use Prize::*;
    let mut prizes = rates(
        Level::International,
        "",
        &[(First, 55_000_000), (Second, 35_000_000), (Third, 25_000_000), (Consolation, 10_000_000)],
    );
    prizes.extend(rates(
        Level::Regional,
        "châu Á",
        &[(First, 35_000_000), (Second, 25_000_000), (Third, 10_000_000), (Consolation, 8_000_000)],
    ));
    prizes.extend(rates(
        Level::Regional,
        "ASEAN",
        &[(First, 25_000_000), (Second, 10_000_000), (Third, 8_000_000), (Consolation, 5_000_000)],
    ));
    prizes.extend(rates(Level::National, "", &[(First, 4_000_000), (Second, 2_000_000), (Third, 1_000_000)]));
    Scale { name: NATIONAL.into(), year, prizes, scholarships: Vec::new(), minority_percent: 100 }
}

/// An association's own scale, as the demo book and new years start from (editable).
pub fn association_example(year: i32) -> Scale {
    use Prize::*;
    let mut prizes = rates(
        Level::International,
        "",
        &[(First, 10_000_000), (Second, 7_000_000), (Third, 5_000_000), (Consolation, 3_000_000)],
    );
    prizes.extend(rates(
        Level::National,
        "",
        &[(First, 5_000_000), (Second, 3_000_000), (Third, 2_000_000), (Consolation, 1_000_000)],
    ));
    prizes.extend(rates(
        Level::Provincial,
        "",
        &[(First, 1_000_000), (Second, 700_000), (Third, 500_000), (Consolation, 300_000)],
    ));
    let scholarships = vec![
        (SchoolLevel::Primary, Vnd(2_300_000)),
        (SchoolLevel::LowerSecondary, Vnd(2_300_000)),
        (SchoolLevel::UpperSecondary, Vnd(3_459_000)),
        (SchoolLevel::University, Vnd(6_900_000)),
    ];
    Scale { name: format!("Hội Khuyến học tỉnh {year}"), year, prizes, scholarships, minority_percent: 100 }
}

/// The scales usable for a year: the built-in national one, then the book's own.
pub fn scales_for(book: &Book, year: i32) -> Vec<Scale> {
    let mut out = vec![national(year)];
    out.extend(book.scales.iter().filter(|s| s.year == year).cloned());
    out
}

pub fn find(book: &Book, year: i32, name: &str) -> Option<Scale> {
    scales_for(book, year).into_iter().find(|s| s.name == name)
}

/// The amount a scale gives an awardee of a list kind, before any override. `None` when
/// the scale has no line for this prize or school level.
pub fn amount_for(scale: &Scale, kind: ListKind, a: &Awardee) -> Option<Vnd> {
    let base = match kind {
        ListKind::Prize => {
            let comp = fold(&a.competition);
            scale
                .prizes
                .iter()
                .filter(|r| r.level == a.level && r.prize == a.prize.rank())
                .filter(|r| r.competition.is_empty() || comp.contains(&fold(&r.competition)))
                // A line naming the competition wins over a general one.
                .max_by_key(|r| r.competition.len())
                .map(|r| r.amount)?
        }
        ListKind::Scholarship | ListKind::Hardship => {
            scale.scholarships.iter().find(|(l, _)| *l == a.school_level).map(|(_, v)| *v)?
        }
    };
    let percent = if a.ethnic_minority() { scale.minority_percent.max(1) } else { 100 };
    Some(Vnd(base.0 * percent as i64 / 100 / 1000 * 1000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::tests::student;

    #[test]
    fn national_scale_pays_by_level_prize_and_competition() {
        let s = national(2025);
        let mut a = student("Lê An", Prize::First, 0);
        assert_eq!(amount_for(&s, ListKind::Prize, &a), Some(Vnd(4_000_000)));
        a.prize = Prize::Consolation;
        assert_eq!(amount_for(&s, ListKind::Prize, &a), None, "no amount for a national consolation prize");
        a.level = Level::International;
        a.prize = Prize::Gold;
        a.competition = "Olympic Toán quốc tế (IMO)".into();
        assert_eq!(amount_for(&s, ListKind::Prize, &a), Some(Vnd(55_000_000)));
        a.level = Level::Regional;
        a.prize = Prize::Silver;
        a.competition = "Olympic Vật lý châu Á".into();
        assert_eq!(amount_for(&s, ListKind::Prize, &a), Some(Vnd(25_000_000)));
        a.competition = "Kỳ thi tay nghề ASEAN".into();
        a.prize = Prize::Consolation;
        assert_eq!(amount_for(&s, ListKind::Prize, &a), Some(Vnd(5_000_000)));
    }

    #[test]
    fn scholarships_by_school_level_and_minority_multiplier() {
        let mut s = association_example(2025);
        let mut a = student("Hồ Văn Sơn", Prize::None, 0);
        a.school_level = SchoolLevel::UpperSecondary;
        assert_eq!(amount_for(&s, ListKind::Scholarship, &a), Some(Vnd(3_459_000)));
        a.ethnicity = "Bru - Vân Kiều".into();
        s.minority_percent = 120;
        assert_eq!(amount_for(&s, ListKind::Scholarship, &a), Some(Vnd(4_150_000)));
        a.school_level = SchoolLevel::Other;
        assert_eq!(amount_for(&s, ListKind::Scholarship, &a), None);
    }

    #[test]
    fn the_national_scale_is_always_there() {
        let mut book = Book::default();
        book.scales.push(association_example(2025));
        let names: Vec<String> = scales_for(&book, 2025).into_iter().map(|s| s.name).collect();
        assert_eq!(names, vec![NATIONAL.to_owned(), "Hội Khuyến học tỉnh 2025".into()]);
        assert_eq!(scales_for(&book, 2024).len(), 1);
    }
}
