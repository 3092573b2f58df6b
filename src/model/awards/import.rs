//! Importing students into an award list from a spreadsheet as offices send it: title rows
//! above the header, a total or signature row below, dates as text or spreadsheet serials,
//! names in any Unicode form, abbreviations such as "KK".

use crate::model::awards::scales::{Scale, amount_for};
use crate::model::awards::{AwardList, Awardee, Gender, Level, ListKind, Prize, SchoolLevel};
use crate::model::book::Book;
use crate::model::date::{from_serial, parse_date};
use crate::model::money::parse_vnd;
use crate::model::text::{clean, fold};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Birth,
    Gender,
    Ethnicity,
    School,
    Class,
    Commune,
    OldPlace,
    Competition,
    Level,
    Subject,
    Prize,
    Circumstances,
    Amount,
    Note,
}

impl Column {
    pub const ALL: [Column; 15] = [
        Column::Name,
        Column::Birth,
        Column::Gender,
        Column::Ethnicity,
        Column::School,
        Column::Class,
        Column::Commune,
        Column::OldPlace,
        Column::Competition,
        Column::Level,
        Column::Subject,
        Column::Prize,
        Column::Circumstances,
        Column::Amount,
        Column::Note,
    ];
}

pub type Mapping = HashMap<Column, usize>;

/// Guesses the columns from header words; the most specific words are tried first.
pub fn guess_mapping(header: &[String]) -> Mapping {
    let words: [(Column, &[&str]); 15] = [
        (Column::Birth, &["ngay sinh", "ngay, thang, nam sinh", "nam sinh", "sinh ngay", "birth"]),
        (Column::Name, &["ho va ten", "ho ten", "ten hoc sinh", "hoc sinh", "name"]),
        (Column::Gender, &["gioi tinh", "nam/nu", "gender"]),
        (Column::Ethnicity, &["dan toc", "ethnic"]),
        (Column::Class, &["lop", "class"]),
        (Column::School, &["truong", "don vi", "school"]),
        (Column::OldPlace, &["huyen", "district"]),
        (Column::Commune, &["xa", "phuong", "dia chi", "commune"]),
        (Column::Competition, &["cuoc thi", "ky thi", "competition"]),
        (Column::Subject, &["mon", "subject"]),
        (Column::Prize, &["giai", "huy chuong", "xep loai", "prize"]),
        (Column::Level, &["cap", "level"]),
        (Column::Circumstances, &["hoan canh", "doi tuong"]),
        (Column::Amount, &["so tien", "muc thuong", "muc hoc bong", "thanh tien", "amount"]),
        (Column::Note, &["ghi chu", "note"]),
    ];
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let mut used = HashSet::new();
    let mut m = Mapping::new();
    for (col, keys) in words {
        let hit = keys.iter().find_map(|k| (0..folded.len()).find(|i| !used.contains(i) && folded[*i].contains(k)));
        if let Some(i) = hit {
            used.insert(i);
            m.insert(col, i);
        }
    }
    m
}

/// The first row (of the first 30) that names the student column and one more.
pub fn guess_header(rows: &[Vec<String>]) -> usize {
    (0..rows.len().min(30)).find(|&i| guess_mapping(&rows[i]).len() >= 3).unwrap_or(0)
}

pub fn parse_prize(s: &str) -> Option<Prize> {
    // "K.Khích", "Giải: Nhì" → "kkhich", "nhi".
    let f: String = fold(s).chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    let f = f.trim().trim_start_matches("giai").trim();
    let table: [(&str, Prize); 17] = [
        ("kkhich", Prize::Consolation),
        ("khuyen khich", Prize::Consolation),
        ("kk", Prize::Consolation),
        ("nhat", Prize::First),
        ("nhi", Prize::Second),
        ("ba", Prize::Third),
        ("iii", Prize::Third),
        ("ii", Prize::Second),
        ("i", Prize::First),
        ("3", Prize::Third),
        ("2", Prize::Second),
        ("1", Prize::First),
        ("hcv", Prize::Gold),
        ("vang", Prize::Gold),
        ("hcb", Prize::Silver),
        ("bac", Prize::Silver),
        ("dong", Prize::Bronze),
    ];
    if f.is_empty() {
        return Some(Prize::None);
    }
    if f == "hcd" {
        return Some(Prize::Bronze);
    }
    table
        .iter()
        .find(|(k, _)| f == *k || f.ends_with(&format!(" {k}")) || f.starts_with(&format!("{k} ")))
        .map(|(_, p)| *p)
}

pub fn parse_level(s: &str) -> Option<Level> {
    let f = fold(s);
    if f.contains("quoc te") {
        Some(Level::International)
    } else if f.contains("khu vuc") || f.contains("chau a") || f.contains("asean") {
        Some(Level::Regional)
    } else if f.contains("quoc gia") || f == "qg" {
        Some(Level::National)
    } else if f.contains("tinh") {
        Some(Level::Provincial)
    } else {
        None
    }
}

fn parse_birth(s: &str) -> Result<Option<NaiveDate>, ()> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = parse_date(t) {
        return Ok(Some(d));
    }
    // A date cell the office formatted as a number: a spreadsheet serial.
    if let Ok(n) = t.parse::<f64>()
        && (10_000.0..80_000.0).contains(&n)
    {
        return from_serial(n).map(Some).ok_or(());
    }
    Err(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    NoName,
    BadDate(String),
    BadPrize(String),
    BadAmount(String),
    /// A cell longer than its field takes.
    TooLong,
    /// A warning: the scale has no amount for this prize or school level.
    NotInScale,
    /// A warning: the same person and achievement is already in a list of the year (its
    /// title), or in an earlier row of the file.
    AlreadyListed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    Good,
    Warning(RowProblem),
    Error(RowProblem),
    /// "Tổng cộng", "Người lập biểu": rows below the data, skipped.
    Footer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub kind: RowKind,
    pub awardee: Option<Awardee>,
    pub raw_name: String,
}

fn cell<'a>(row: &'a [String], m: &Mapping, c: Column) -> &'a str {
    m.get(&c).and_then(|&i| row.get(i)).map(String::as_str).unwrap_or("").trim()
}

/// Reads every row under the header into a preview for a list (its kind and scale).
pub fn preview(
    book: &Book,
    list: &AwardList,
    scale: Option<&Scale>,
    rows: &[Vec<String>],
    header: usize,
    m: &Mapping,
) -> Vec<Row> {
    let mut known: HashMap<_, String> = book
        .award_lists
        .iter()
        .filter(|l| l.year == list.year && l.status != crate::model::awards::ListStatus::Cancelled)
        .flat_map(|l| l.awardees.iter().map(move |a| (a.identity(), l.title.clone())))
        .collect();
    // Without a level column, the list's own title tells it ("… học sinh giỏi quốc gia").
    let default_level = parse_level(&list.title).unwrap_or(Level::Provincial);
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = i + 1;
        let raw_name = clean(cell(row, m, Column::Name));
        let (kind, awardee) = read(list.kind, default_level, scale, row, m, &raw_name);
        let kind = match (&kind, &awardee) {
            (RowKind::Good, Some(a)) => match known.get(&a.identity()) {
                Some(title) => RowKind::Warning(RowProblem::AlreadyListed(title.clone())),
                None => kind,
            },
            _ => kind,
        };
        if let Some(a) = &awardee {
            known.entry(a.identity()).or_insert_with(|| format!("#{line}"));
        }
        out.push(Row { line, kind, awardee, raw_name });
    }
    out
}

fn read(
    kind: ListKind,
    default_level: Level,
    scale: Option<&Scale>,
    row: &[String],
    m: &Mapping,
    name: &str,
) -> (RowKind, Option<Awardee>) {
    if crate::model::text::is_list_foot(row) {
        return (RowKind::Footer, None);
    }
    if name.is_empty() {
        return (RowKind::Error(RowProblem::NoName), None);
    }
    let birth_text = cell(row, m, Column::Birth);
    let Ok(birth) = parse_birth(birth_text) else {
        return (RowKind::Error(RowProblem::BadDate(birth_text.to_owned())), None);
    };
    let prize_text = cell(row, m, Column::Prize);
    let Some(prize) = parse_prize(prize_text) else {
        return (RowKind::Error(RowProblem::BadPrize(prize_text.to_owned())), None);
    };
    let gender = match fold(cell(row, m, Column::Gender)).as_str() {
        "nu" | "f" | "x" => Gender::Female,
        "nam" | "m" => Gender::Male,
        _ => Gender::Unknown,
    };
    let class = clean(cell(row, m, Column::Class));
    let school = clean(cell(row, m, Column::School));
    let school_fold = fold(&format!("{school} {class}"));
    let school_level = if school_fold.contains("thpt") || class.starts_with("1") {
        SchoolLevel::UpperSecondary
    } else if school_fold.contains("thcs") || class.starts_with(['6', '7', '8', '9']) {
        SchoolLevel::LowerSecondary
    } else if school_fold.contains("tieu hoc") {
        SchoolLevel::Primary
    } else if school_fold.contains("dai hoc") || school_fold.contains("cao dang") {
        SchoolLevel::University
    } else {
        SchoolLevel::Other
    };
    let mut a = Awardee {
        name: name.to_owned(),
        birth,
        gender,
        ethnicity: clean(cell(row, m, Column::Ethnicity)).into(),
        school: school.into(),
        class: class.into(),
        school_level,
        commune: clean(cell(row, m, Column::Commune)).into(),
        old_place: clean(cell(row, m, Column::OldPlace)).into(),
        competition: clean(cell(row, m, Column::Competition)).into(),
        level: parse_level(cell(row, m, Column::Level))
            .or_else(|| parse_level(cell(row, m, Column::Competition)))
            .unwrap_or(default_level),
        subject: clean(cell(row, m, Column::Subject)).into(),
        prize,
        circumstances: clean(cell(row, m, Column::Circumstances)).into(),
        note: clean(cell(row, m, Column::Note)).into(),
        ..Default::default()
    };
    if a.name.chars().count() > crate::model::text::NAME_MAX
        || crate::model::limits::too_long(&a, crate::model::text::TEXT_MAX)
    {
        return (RowKind::Error(RowProblem::TooLong), None);
    }
    let from_scale = scale.and_then(|s| amount_for(s, kind, &a));
    let amount_text = cell(row, m, Column::Amount);
    match (amount_text.is_empty(), from_scale) {
        (true, Some(v)) => a.amount = v,
        (true, None) => return (RowKind::Warning(RowProblem::NotInScale), Some(a)),
        (false, _) => match parse_vnd(amount_text) {
            Ok(v) => {
                a.amount = v;
                if from_scale.is_some_and(|s| s != v) {
                    a.override_reason = "Theo danh sách gửi lên".into();
                }
            }
            Err(_) => return (RowKind::Error(RowProblem::BadAmount(amount_text.to_owned())), None),
        },
    }
    (RowKind::Good, Some(a))
}

/// The students to import: the good rows, and those to check when the user keeps them.
pub fn accepted(rows: &[Row], keep_warnings: bool) -> Vec<Awardee> {
    rows.iter()
        .filter(|r| matches!(r.kind, RowKind::Good) || (keep_warnings && matches!(r.kind, RowKind::Warning(_))))
        .filter_map(|r| r.awardee.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::scales::association_example;
    use crate::model::awards::tests::{list, student};
    use crate::model::money::Vnd;

    fn t(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    #[test]
    fn reads_prizes_levels_and_abbreviations() {
        assert_eq!(parse_prize("KK"), Some(Prize::Consolation));
        assert_eq!(parse_prize("K.Khích"), Some(Prize::Consolation));
        assert_eq!(parse_prize("Giải Nhì"), Some(Prize::Second));
        assert_eq!(parse_prize("Ba"), Some(Prize::Third));
        assert_eq!(parse_prize("HCĐ"), Some(Prize::Bronze));
        assert_eq!(parse_prize("Huy chương Vàng"), Some(Prize::Gold));
        assert_eq!(parse_prize("Giải I"), Some(Prize::First));
        assert_eq!(parse_prize(""), Some(Prize::None));
        assert_eq!(parse_prize("Xuất sắc"), None);
        assert_eq!(parse_level("Quốc gia"), Some(Level::National));
        assert_eq!(parse_level("cấp tỉnh"), Some(Level::Provincial));
        assert_eq!(parse_level("Olympic châu Á"), Some(Level::Regional));
    }

    #[test]
    fn preview_reads_an_office_list() {
        let mut book = Book::default();
        book.award_lists.push(list("Đợt 1", vec![student("Lê Văn Hải", Prize::Third, 2_000_000)]));
        let mut target = list("Đợt 2", vec![]);
        target.kind = ListKind::Prize;
        let rows = t(&[
            &["HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ", "", "", "", "", ""],
            &["DANH SÁCH HỌC SINH ĐẠT GIẢI", "", "", "", "", ""],
            &["STT", "Họ và tên", "Ngày sinh", "Trường", "Môn", "Giải"],
            &["1", "Nguye\u{0302}\u{0303}n  Thị Lan ", "39480", "THPT Đông Hà", "Toán", "Nhì"],
            &["2", "Trần Văn Bình", "31/02/2008", "THPT Lê Lợi", "Văn", "Ba"],
            &["3", "Hồ Minh", "12/05/2008", "THPT Cồn Tiên", "Sử", "Xuất sắc"],
            &["4", "Lê Văn Hải", "04/03/2008", "Trường THPT chuyên Lê Quý Đôn", "Toán", "Ba"],
            &["5", "", "01/01/2008", "THPT Gio Linh", "Hóa", "KK"],
            &["", "Tổng cộng", "", "", "", ""],
            &["", "", "Người lập biểu", "", "", ""],
        ]);
        let header = guess_header(&rows);
        assert_eq!(header, 2);
        let m = guess_mapping(&rows[header]);
        let mut scale = association_example(2025);
        scale.prizes.iter_mut().for_each(|r| r.level = Level::Provincial);
        let p = preview(&book, &target, Some(&scale), &rows, header, &m);
        assert_eq!(p.len(), 7);
        assert_eq!(p[0].kind, RowKind::Good);
        let lan = p[0].awardee.as_ref().expect("lan");
        assert_eq!(lan.name, "Nguyễn Thị Lan", "NFC, spaces collapsed");
        assert_eq!(lan.birth, NaiveDate::from_ymd_opt(2008, 2, 2), "a serial date");
        assert_eq!(lan.amount, Vnd(700_000), "from the scale");
        assert_eq!(p[1].kind, RowKind::Error(RowProblem::BadDate("31/02/2008".into())));
        assert_eq!(p[2].kind, RowKind::Error(RowProblem::BadPrize("Xuất sắc".into())));
        // Lê Văn Hải: same birth, competition, level, prize and subject as in "Đợt 1"? Level differs.
        assert_eq!(p[4].kind, RowKind::Error(RowProblem::NoName));
        assert_eq!((p[5].kind.clone(), p[6].kind.clone()), (RowKind::Footer, RowKind::Footer));
        assert_eq!(accepted(&p, false).len(), 2);
    }

    #[test]
    fn the_same_achievement_in_another_list_is_a_warning() {
        let mut book = Book::default();
        book.award_lists.push(list("Đợt 1", vec![student("Lê Văn Hải", Prize::Third, 2_000_000)]));
        let target = list("Đợt 2", vec![]);
        let rows = t(&[
            &["Họ và tên", "Ngày sinh", "Cuộc thi", "Cấp", "Môn", "Giải", "Số tiền"],
            &["Lê Văn Hải", "04/03/2008", "Kỳ thi chọn học sinh giỏi quốc gia", "Quốc gia", "Toán", "Ba", "2.000.000"],
            &["Lê Văn Hải", "04/03/2008", "Kỳ thi chọn học sinh giỏi quốc gia", "Quốc gia", "Lý", "Ba", "2tr"],
            &["Lê Văn Hải", "04/03/2008", "Kỳ thi chọn học sinh giỏi quốc gia", "Quốc gia", "Lý", "Ba", "2tr"],
            &["Võ An", "", "", "", "", "KK", "abc"],
        ]);
        let m = guess_mapping(&rows[0]);
        let p = preview(&book, &target, None, &rows, 0, &m);
        assert_eq!(p[0].kind, RowKind::Warning(RowProblem::AlreadyListed("Đợt 1".into())));
        assert_eq!(p[1].kind, RowKind::Good);
        assert_eq!(p[2].kind, RowKind::Warning(RowProblem::AlreadyListed("#3".into())));
        assert_eq!(p[3].kind, RowKind::Error(RowProblem::BadAmount("abc".into())));
        assert_eq!(accepted(&p, true).len(), 3);
    }
}
