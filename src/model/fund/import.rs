//! Importing receipts from an old spreadsheet: column mapping, a preview that marks every
//! row new, likely duplicate or error, and the one action that imports the good rows.

use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::date::{DateError, parse_date};
use crate::model::fund::action::FundAction;
use crate::model::fund::donors::{Donor, DonorType, donor_name, name_key};
use crate::model::fund::ledger::{Category, Kind, Method, VoucherDraft};
use crate::model::money::{MoneyError, Vnd, parse_vnd};
use crate::model::text::{clean, fold, is_list_foot};
use chrono::Datelike;
use std::collections::{HashMap, HashSet};

/// The receipt fields a column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Date,
    Counterparty,
    Amount,
    Description,
    Campaign,
    Purpose,
    Method,
    DonorType,
}

impl Target {
    pub const ALL: [Target; 8] = [
        Target::Date,
        Target::Counterparty,
        Target::Amount,
        Target::Description,
        Target::Campaign,
        Target::Purpose,
        Target::Method,
        Target::DonorType,
    ];
    pub fn required(self) -> bool {
        matches!(self, Target::Date | Target::Counterparty | Target::Amount)
    }
}

/// Which column (by index) feeds which field.
pub type Mapping = HashMap<Target, usize>;

/// Guesses the mapping from header words (Vietnamese or English).
pub fn guess_mapping(header: &[String]) -> Mapping {
    let words: [(Target, &[&str]); 8] = [
        (Target::Date, &["ngay", "date"]),
        (Target::Amount, &["so tien", "thanh tien", "amount", "gia tri"]),
        (
            Target::Counterparty,
            &[
                "ho ten",
                "ho va ten",
                "nha tai tro",
                "nguoi nop",
                "nguoi dong gop",
                "nguoi ung ho",
                "don vi",
                "ca nhan",
                "ten",
                "donor",
                "payer",
                "name",
            ],
        ),
        (Target::Description, &["noi dung", "dien giai", "ly do", "description"]),
        (Target::Campaign, &["dot", "chien dich", "phong trao", "campaign"]),
        (Target::Purpose, &["muc dich", "purpose"]),
        (Target::Method, &["hinh thuc", "method"]),
        (Target::DonorType, &["loai", "type"]),
    ];
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let mut used = HashSet::new();
    let mut m = Mapping::new();
    for (target, keys) in words {
        let hit = keys.iter().find_map(|k| (0..folded.len()).find(|i| !used.contains(i) && folded[*i].contains(k)));
        if let Some(col) = hit {
            used.insert(col);
            m.insert(target, col);
        }
    }
    m
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    NoDate,
    BadDate(String),
    NoName,
    BadAmount(String, MoneyError),
    ZeroAmount,
    /// A cell longer than its field takes.
    TooLong,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowStatus {
    New,
    /// Same date, amount and counterparty as a voucher already in the book, or as an
    /// earlier row of the same file.
    Duplicate(DuplicateOf),
    Error(RowError),
    /// Below the list: its total, the place and date, the signers (skipped, not an error).
    Footer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    /// The number of the voucher already in the book.
    Voucher(String),
    /// The earlier row of the file (1-based).
    Row(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    /// Row number in the file, 1-based as a spreadsheet shows it.
    pub line: usize,
    pub status: RowStatus,
    pub draft: Option<VoucherDraft>,
    pub donor_type: Option<DonorType>,
    /// The date, name and amount cells as written, to show beside an error (empty for a
    /// row that read).
    pub raw: [String; 3],
}

fn cell<'a>(row: &'a [String], m: &Mapping, t: Target) -> &'a str {
    m.get(&t).and_then(|&c| row.get(c)).map(String::as_str).unwrap_or("").trim()
}

fn parse_method(s: &str) -> Method {
    let f = fold(s);
    if f.contains("hien vat") || f.contains("kind") {
        Method::InKind
    } else if f.contains("chuyen khoan") || f.contains("ngan hang") || f.contains("bank") || f == "ck" {
        Method::Bank
    } else {
        Method::Cash
    }
}

pub fn parse_donor_type(s: &str) -> Option<DonorType> {
    let f = fold(s);
    let table: [(&str, DonorType); 12] = [
        ("ca nhan", DonorType::Individual),
        ("individual", DonorType::Individual),
        ("doanh nghiep", DonorType::Business),
        ("cong ty", DonorType::Business),
        ("business", DonorType::Business),
        ("can bo", DonorType::EducationStaff),
        ("giao vien", DonorType::EducationStaff),
        ("staff", DonorType::EducationStaff),
        ("ngo", DonorType::Ngo),
        ("nuoc ngoai", DonorType::Ngo),
        ("co quan", DonorType::Organisation),
        ("to chuc", DonorType::Organisation),
    ];
    if f.is_empty() {
        return None;
    }
    Some(table.iter().find(|(k, _)| f.contains(k)).map(|(_, t)| *t).unwrap_or(DonorType::Other))
}

/// Reads every data row (those after `header_row`) into a preview.
pub fn preview(book: &Book, rows: &[Vec<String>], header_row: usize, m: &Mapping) -> Vec<PreviewRow> {
    let existing: HashMap<(chrono::NaiveDate, Vnd, String), &str> = book
        .vouchers
        .iter()
        .filter(|v| v.is_live() && v.body.kind == Kind::Receipt)
        .map(|v| ((v.body.date, v.body.amount, fold(&v.body.counterparty)), v.number.as_str()))
        .collect();
    let mut in_file: HashMap<(chrono::NaiveDate, Vnd, String), usize> = HashMap::new();
    let mut out = Vec::new();
    // From the first total or signature line on, rows that do not read are the list's foot.
    let mut in_footer = false;
    for (i, row) in rows.iter().enumerate().skip(header_row + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = i + 1;
        let status_draft = read_row(row, m);
        in_footer = in_footer || (status_draft.is_err() && is_list_foot(row));
        let (status, draft) = match status_draft {
            Err(_) if in_footer => (RowStatus::Footer, None),
            Err(e) => (RowStatus::Error(e), None),
            Ok(d) => {
                let key = (d.date, d.amount, fold(&d.counterparty));
                let status = if let Some(n) = existing.get(&key) {
                    RowStatus::Duplicate(DuplicateOf::Voucher((*n).to_owned()))
                } else if let Some(prev) = in_file.get(&key) {
                    RowStatus::Duplicate(DuplicateOf::Row(*prev))
                } else {
                    RowStatus::New
                };
                in_file.entry(key).or_insert(line);
                (status, Some(d))
            }
        };
        let donor_type = parse_donor_type(cell(row, m, Target::DonorType));
        // Good rows show what they became; only a row that did not read keeps its cells.
        let raw = match draft {
            Some(_) => Default::default(),
            None => [Target::Date, Target::Counterparty, Target::Amount].map(|t| cell(row, m, t).to_owned()),
        };
        out.push(PreviewRow { line, status, draft, donor_type, raw });
    }
    out
}

/// Receipts to be imported that fall before the book's first year: (that year, how many).
/// They change the opening balance of every later year, so the preview says so first.
pub fn before_first_year(book: &Book, rows: &[PreviewRow], keep_duplicates: bool) -> Option<(i32, usize)> {
    let first = book.vouchers.iter().map(|v| v.year()).min()?;
    let n = rows
        .iter()
        .filter(|r| kept(&r.status, keep_duplicates))
        .filter_map(|r| r.draft.as_ref())
        .filter(|d| d.date.year() < first)
        .count();
    (n > 0).then_some((first, n))
}

/// Whether a row goes in: new rows, and likely duplicates when the user keeps them.
pub fn kept(status: &RowStatus, keep_duplicates: bool) -> bool {
    match status {
        RowStatus::New => true,
        RowStatus::Duplicate(_) => keep_duplicates,
        RowStatus::Error(_) | RowStatus::Footer => false,
    }
}

fn read_row(row: &[String], m: &Mapping) -> Result<VoucherDraft, RowError> {
    let date = match parse_date(cell(row, m, Target::Date)) {
        Ok(d) => d,
        Err(DateError::Empty) => return Err(RowError::NoDate),
        Err(_) => return Err(RowError::BadDate(cell(row, m, Target::Date).to_owned())),
    };
    let name = clean(cell(row, m, Target::Counterparty));
    if name.is_empty() {
        return Err(RowError::NoName);
    }
    let raw = cell(row, m, Target::Amount);
    let amount = parse_vnd(raw).map_err(|e| RowError::BadAmount(raw.to_owned(), e))?;
    if amount.0 == 0 {
        return Err(RowError::ZeroAmount);
    }
    let d = VoucherDraft {
        kind: Kind::Receipt,
        date,
        donor: None,
        counterparty: name.into(),
        description: clean(cell(row, m, Target::Description)).into(),
        amount,
        method: parse_method(cell(row, m, Target::Method)),
        campaign: clean(cell(row, m, Target::Campaign)).into(),
        purpose: clean(cell(row, m, Target::Purpose)).into(),
        category: Category::Other,
    };
    // The same bounds the voucher form keeps: checked here so the row is marked, not the
    // whole import refused.
    if crate::model::fund::rules::draft_lengths(&d).is_err() {
        return Err(RowError::TooLong);
    }
    Ok(d)
}

/// The import action for the good rows (and likely duplicates when the user keeps them):
/// each row is linked to the donor of the same name, or a new donor is created once.
pub fn build_action(book: &Book, rows: &[PreviewRow], keep_duplicates: bool) -> Option<Action> {
    let mut by_name: HashMap<String, usize> =
        book.donors.iter().enumerate().map(|(i, d)| (name_key(&d.name), i)).collect();
    let mut donors = Vec::new();
    let mut drafts = Vec::new();
    for r in rows {
        let Some(d) = r.draft.as_ref().filter(|_| kept(&r.status, keep_duplicates)) else {
            continue;
        };
        let key = name_key(&d.counterparty);
        let id = *by_name.entry(key).or_insert_with(|| {
            donors.push(Donor {
                name: donor_name(&d.counterparty).to_owned(),
                kind: r.donor_type.unwrap_or(DonorType::Individual),
                ..Default::default()
            });
            book.donors.len() + donors.len() - 1
        });
        drafts.push(VoucherDraft { donor: Some(id), ..d.clone() });
    }
    (!drafts.is_empty()).then_some(Action::Fund(FundAction::ImportReceipts { donors, drafts }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::apply;
    use crate::model::fund::ledger::tests::{day, draft};

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    #[test]
    fn guesses_columns_from_vietnamese_headers() {
        let header: Vec<String> = ["STT", "Ngày nộp", "Họ và tên", "Số tiền (đồng)", "Nội dung", "Loại nhà tài trợ"]
            .map(String::from)
            .to_vec();
        let m = guess_mapping(&header);
        assert_eq!(m.get(&Target::Date), Some(&1));
        assert_eq!(m.get(&Target::Counterparty), Some(&2));
        assert_eq!(m.get(&Target::Amount), Some(&3));
        assert_eq!(m.get(&Target::Description), Some(&4));
        assert_eq!(m.get(&Target::DonorType), Some(&5));
    }

    #[test]
    fn preview_marks_new_duplicate_and_error_rows() {
        let mut book = Book::default();
        let mut d = draft(Kind::Receipt, day(2023, 10, 2), 2_000_000, "");
        d.counterparty = "Trần Văn Bình".into();
        apply(&mut book, Action::Fund(FundAction::Issue(d))).expect("ok");
        let rows = table(&[
            &["DANH SÁCH ỦNG HỘ QUỸ KHUYẾN HỌC 2023", "", ""],
            &["Ngày", "Họ tên", "Số tiền"],
            &["02/10/2023", "Trần Văn Bình", "2.000.000"],
            &["03/10/2023", "Lê Thị Hoa", "500k"],
            &["03/10/2023", "le thi hoa", "500.000"],
            &["31/02/2023", "Ngô An", "1.000.000"],
            &["04/10/2023", "", "1.000.000"],
            &["05/10/2023", "Phạm Minh", "một triệu"],
            &["", "", ""],
        ]);
        let m = guess_mapping(&rows[1]);
        let p = preview(&book, &rows, 1, &m);
        assert_eq!(p.len(), 6);
        assert_eq!(p[0].status, RowStatus::Duplicate(DuplicateOf::Voucher("PT-2023-0001".into())));
        assert_eq!(p[1].status, RowStatus::New);
        assert_eq!(p[1].line, 4);
        assert_eq!(p[2].status, RowStatus::Duplicate(DuplicateOf::Row(4)));
        assert_eq!(p[3].raw, ["31/02/2023".to_owned(), "Ngô An".into(), "1.000.000".into()]);
        assert_eq!(p[3].status, RowStatus::Error(RowError::BadDate("31/02/2023".into())));
        assert_eq!(p[4].status, RowStatus::Error(RowError::NoName));
        assert!(matches!(p[5].status, RowStatus::Error(RowError::BadAmount(..))));

        let action = build_action(&book, &p, false).expect("one good row");
        let (_, changes) = apply(&mut book, action).expect("imports");
        assert_eq!(changes.len(), 2, "one new donor and one voucher");
        assert_eq!(book.vouchers.len(), 2);
        assert_eq!(book.vouchers[1].body.donor, Some(0));
        assert_eq!(book.donors[0].name, "Lê Thị Hoa");
    }

    #[test]
    fn the_payer_column_is_found_under_the_headers_offices_write() {
        for payer in ["Người đóng góp", "Đơn vị/cá nhân", "Người nộp tiền", "Họ tên người nộp", "Người ủng hộ"]
        {
            let header: Vec<String> = ["STT", "Ngày", payer, "Số tiền", "Ghi chú"].map(String::from).to_vec();
            let m = guess_mapping(&header);
            assert_eq!(m.get(&Target::Counterparty), Some(&2), "{payer}");
            assert_eq!(m.get(&Target::Amount), Some(&3), "{payer}");
            assert_eq!(m.get(&Target::Date), Some(&1), "{payer}");
        }
    }

    #[test]
    fn the_lists_foot_is_skipped_and_blank_rows_counted() {
        let book = Book::default();
        let rows = table(&[
            &["Ngày", "Họ tên", "Số tiền"],
            &["02/10/2023", "Công đoàn trường THPT Đông Hà", "1.000.000"],
            &["", "", ""],
            &["03/10/2023", "Lê Thị Hoa", "500.000"],
            &["", "Công ty Hải Lăng", "700.000"],
            &["", "", ""],
            &["", "Tổng cộng", "1.500.000"],
            &["", "Quảng Trị, ngày 10 tháng 11 năm 2023", ""],
            &["Người lập biểu", "", "Thủ quỹ"],
            &["", "", ""],
            &["Nguyễn Thị Lập", "", "Trần Văn Quỹ"],
        ]);
        let p = preview(&book, &rows, 0, &guess_mapping(&rows[0]));
        let status: Vec<(usize, &RowStatus)> = p.iter().map(|r| (r.line, &r.status)).collect();
        assert_eq!(
            status,
            [
                (2, &RowStatus::New),
                (4, &RowStatus::New),
                (5, &RowStatus::Error(RowError::NoDate)),
                (7, &RowStatus::Footer),
                (8, &RowStatus::Footer),
                (9, &RowStatus::Footer),
                (11, &RowStatus::Footer),
            ]
        );
        assert_eq!(crate::model::text::blank_rows(&rows, 0), 3);
    }

    #[test]
    fn receipts_before_the_first_year_are_named_before_they_go_in() {
        let mut book = Book::default();
        assert_eq!(before_first_year(&book, &[], false), None, "an empty book has no first year");
        apply(&mut book, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2021, 3, 1), 5, "")))).expect("ok");
        let rows = table(&[
            &["Ngày", "Họ tên", "Số tiền"],
            &["02/10/2019", "Lê Thị Hoa", "500.000"],
            &["02/10/2020", "Lê Thị Hoa", "500.000"],
            &["02/10/2020", "Lê Thị Hoa", "500.000"],
            &["05/01/2021", "Trần Minh", "300.000"],
        ]);
        let p = preview(&book, &rows, 0, &guess_mapping(&rows[0]));
        assert_eq!(before_first_year(&book, &p, false), Some((2021, 2)));
        assert_eq!(before_first_year(&book, &p, true), Some((2021, 3)), "with the likely duplicate kept");
    }

    #[test]
    fn a_word_of_address_does_not_make_another_donor() {
        let mut book = Book::default();
        let rows = table(&[
            &["Ngày", "Họ tên", "Số tiền"],
            &["02/10/2023", "Ông Nguyễn Văn An", "1.000.000"],
            &["03/10/2023", "Nguyễn Văn An", "2.000.000"],
            &["04/10/2023", "Bà Lê Thị Hoa", "500.000"],
        ]);
        let p = preview(&book, &rows, 0, &guess_mapping(&rows[0]));
        let action = build_action(&book, &p, false).expect("rows");
        apply(&mut book, action).expect("imports");
        let names: Vec<&str> = book.donors.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Nguyễn Văn An", "Lê Thị Hoa"]);
        let linked: Vec<(&str, Option<usize>)> =
            book.vouchers.iter().map(|v| (v.body.counterparty.as_str(), v.body.donor)).collect();
        assert_eq!(linked, [("Ông Nguyễn Văn An", Some(0)), ("Nguyễn Văn An", Some(0)), ("Bà Lê Thị Hoa", Some(1))]);
    }

    #[test]
    fn reads_donor_types_and_methods() {
        assert_eq!(parse_donor_type("Doanh nghiệp"), Some(DonorType::Business));
        assert_eq!(parse_donor_type("CB, GV trường"), Some(DonorType::Other));
        assert_eq!(parse_donor_type("Cán bộ giáo viên"), Some(DonorType::EducationStaff));
        assert_eq!(parse_donor_type(""), None);
        assert_eq!(parse_method("Chuyển khoản"), Method::Bank);
        assert_eq!(parse_method("Hiện vật"), Method::InKind);
        assert_eq!(parse_method(""), Method::Cash);
    }
}
