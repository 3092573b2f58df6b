//! An award list as the document the office prints: the letterhead, the list's title and
//! decision, the table with a signature column and its total, the total in words, and the
//! signers. Always Vietnamese, the language of the official document.

use super::{Block, Cell, Doc, Table};
use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::awards::sorted_awardees;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::money::{Vnd, in_words};

/// Column widths: STT, name, date of birth, school, achievement, amount, signature.
const WIDTHS: [f32; 7] = [28.0, 110.0, 64.0, 100.0, 118.0, 62.0, 52.0];

/// The list as a document dated `place_date`, or None for a list the book does not hold.
pub fn doc(book: &Book, list: usize, place_date: &str) -> Option<Doc> {
    let l = book.award_lists.get(list)?;
    let vi = |t: T| t.get(Lang::Vi).to_owned();
    let subtitle = match (l.decision_no.is_empty(), l.decision_date) {
        (false, Some(d)) => format!("(Kèm theo Quyết định số {} ngày {})", l.decision_no, format_date(d)),
        (false, None) => format!("(Kèm theo Quyết định số {})", l.decision_no),
        _ => String::new(),
    };
    let rows: Vec<Vec<Cell>> = sorted_awardees(l)
        .into_iter()
        .filter_map(|i| l.awardees.get(i))
        .enumerate()
        .map(|(k, a)| {
            let school = if a.class.is_empty() { a.school.to_string() } else { format!("{} ({})", a.school, a.class) };
            vec![
                Cell::Int(k as i64 + 1),
                Cell::Text(a.name.clone()),
                a.birth.map(Cell::Date).unwrap_or(Cell::Text(String::new())),
                Cell::Text(school),
                Cell::Text(labels::achievement(Lang::Vi, a)),
                Cell::Money(a.amount.0),
                Cell::Text(String::new()),
            ]
        })
        .collect();
    let total: Vnd = l.awardees.iter().map(|a| a.amount).sum();
    let blank = || Cell::Text(String::new());
    let table = Table {
        header: [T::Stt, T::FullName, T::Birth, T::School, T::Achievement, T::Amount, T::SignHere].map(vi).to_vec(),
        widths: WIDTHS.to_vec(),
        rows,
        total: Some(vec![
            blank(),
            Cell::Text(vi(T::TotalRow)),
            blank(),
            blank(),
            blank(),
            Cell::Money(total.0),
            blank(),
        ]),
    };
    Some(Doc {
        org: book.settings.org_name.clone(),
        title: l.title.clone(),
        subtitle,
        blocks: vec![Block::Table(table), Block::Para(format!("{}: {}.", vi(T::InWords), in_words(total)))],
        place_date: place_date.to_owned(),
        signatures: [T::PrintedBy, T::Accountant, T::Chairman].map(vi).to_vec(),
        sign_note: vi(T::SignNote),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::awards::Prize;
    use crate::model::awards::tests::{list, student};

    fn book(n: usize) -> Book {
        let awardees = (0..n).map(|i| student(&format!("Nguyễn Văn Học{i}"), Prize::Third, 1_000_000)).collect();
        let mut l = list("Khen thưởng học sinh giỏi quốc gia", awardees);
        l.awardees.push(student("Trần Thị Ánh", Prize::Second, 2_000_000));
        let mut b = Book::default();
        b.award_lists.push(l);
        b
    }

    #[test]
    fn the_list_reads_in_name_order_with_its_total_in_words() {
        let d = doc(&book(3), 0, "Quảng Trị, ngày 02 tháng 10 năm 2025").expect("list");
        let Some(Block::Table(t)) = d.blocks.first() else { panic!("a table first") };
        let names: Vec<String> = t.rows.iter().map(|r| r[1].display()).collect();
        assert_eq!(names, ["Trần Thị Ánh", "Nguyễn Văn Học0", "Nguyễn Văn Học1", "Nguyễn Văn Học2"]);
        assert_eq!(t.rows[0][0], Cell::Int(1));
        assert_eq!(t.total.as_ref().map(|r| r[5].clone()), Some(Cell::Money(5_000_000)));
        assert_eq!(d.blocks.get(1), Some(&Block::Para("Bằng chữ: Năm triệu đồng.".into())));
        assert_eq!(d.sign_note, "(Ký, ghi rõ họ tên)");
        assert!(doc(&book(1), 1, "").is_none());
    }
}
