//! Award lists from and to files: office spreadsheets kept in tests/fixtures (title rows,
//! merged cells, footer rows, bad rows, NFD names), and the printed PDF.

use sokh::io::table::read_sheets;
use sokh::model::awards::import::{RowKind, RowProblem, accepted, guess_header, guess_mapping, preview};
use sokh::model::awards::scales::association_example;
use sokh::model::awards::{AwardList, ListKind, Prize};
use sokh::model::book::Book;
use sokh::model::money::Vnd;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Writes the fixtures. They are committed; run again only to change them:
/// `cargo test --test award_files -- --ignored`
#[test]
#[ignore]
fn make_fixtures() {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS đạt giải").expect("name");
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 7, "HỘI KHUYẾN HỌC TỈNH QUẢNG TRỊ", &bold).expect("merge");
    ws.merge_range(1, 0, 1, 7, "DANH SÁCH HỌC SINH ĐẠT GIẢI KỲ THI CHỌN HỌC SINH GIỎI QUỐC GIA NĂM 2025", &bold)
        .expect("merge");
    ws.merge_range(2, 0, 2, 7, "(Kèm theo Tờ trình số 12/TTr-SGDĐT ngày 20/3/2025)", &Format::new()).expect("merge");
    let header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Trường", "Môn thi", "Xếp giải", "Ghi chú"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(4, c as u16, *h, &bold).expect("header");
    }
    // Names in decomposed (NFD) form, as some office software writes them.
    // Name, birth (year, month, day), gender, school, subject, prize, note.
    type Student<'a> = (&'a str, Option<(u16, u8, u8)>, &'a str, &'a str, &'a str, &'a str, &'a str);
    let rows: [Student; 8] = [
        (
            "Nguye\u{0302}\u{0303}n Thi\u{0323} Lan",
            Some((2008, 2, 2)),
            "Nữ",
            "THPT chuyên Lê Quý Đôn",
            "Toán",
            "Nhì",
            "",
        ),
        ("Trần  Văn Bình ", None, "Nam", "THPT Đông Hà", "Vật lý", "Ba", "ngày sinh 31/02/2008"),
        ("Hồ Minh Đức", Some((2007, 11, 9)), "Nam", "THPT chuyên Võ Nguyên Giáp", "Tin học", "KK", ""),
        ("Lê Thị Hoa", Some((2008, 5, 12)), "Nữ", "THPT Đồng Hới", "Ngữ văn", "Nhất", ""),
        ("", Some((2008, 1, 1)), "Nam", "THPT Gio Linh", "Hóa học", "Ba", "thiếu tên"),
        ("Phạm Quang Huy", Some((2008, 7, 30)), "Nam", "THPT Lê Lợi", "Sinh học", "Xuất sắc", "giải lạ"),
        ("Võ Thị Mai", Some((2008, 9, 1)), "Nữ", "THPT Phan Bội Châu", "Tiếng Anh", "K.Khích", ""),
        ("Lê Thị Hoa", Some((2008, 5, 12)), "Nữ", "THPT Đồng Hới", "Ngữ văn", "Nhất", "trùng"),
    ];
    for (i, (name, birth, gender, school, subject, prize, note)) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).expect("stt");
        ws.write_string(r, 1, *name).expect("name");
        match birth {
            Some((y, m, d)) => {
                let dt = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
                ws.write_datetime_with_format(r, 2, &dt, &date).expect("birth");
            }
            None => {
                ws.write_string(r, 2, "31/02/2008").expect("bad birth");
            }
        }
        for (c, v) in [(3, gender), (4, school), (5, subject), (6, prize), (7, note)] {
            ws.write_string(r, c, *v).expect("cell");
        }
    }
    ws.merge_range(14, 0, 14, 5, "Tổng cộng: 8 học sinh", &bold).expect("total");
    ws.write_string(16, 5, "Người lập biểu").expect("sign");
    wb.save(fixture("hsg-quoc-gia-2025.xlsx")).expect("save");

    let csv = "DANH SÁCH ĐỀ NGHỊ HỌC BỔNG NĂM 2025;;;;;\n\
               ;;;;;\n\
               TT;Họ tên học sinh;Năm sinh;Dân tộc;Trường;Hoàn cảnh\n\
               1;Hồ Văn Sơn;15/04/2011;Bru - Vân Kiều;THCS Hướng Phùng;Hộ nghèo\n\
               2;Ho\u{0302}\u{0300} Thi\u{0323} Nga;2011-09-01;Pa Kô;THCS A Dơi;Mồ côi cha\n\
               3;Lê Văn Tám;;Kinh;THPT Hướng Hóa;Khuyết tật\n\
               4;Trần Thị Bé;01/13/2011;Kinh;THCS Lìa;Hộ nghèo\n\
               ;;Cộng: 4 em;;;\n";
    std::fs::write(fixture("hoc-bong-2025.csv"), csv).expect("csv");
}

#[test]
fn an_office_xlsx_with_title_rows_merged_cells_and_footers() {
    let sheets = read_sheets(&fixture("hsg-quoc-gia-2025.xlsx")).expect("reads");
    assert_eq!(sheets[0].name, "DS đạt giải");
    let rows = &sheets[0].rows;
    let header = guess_header(rows);
    assert_eq!(header, 4, "the header under three title rows");
    let m = guess_mapping(&rows[header]);
    let mut book = Book::default();
    book.scales.push(association_example(2025));
    let list =
        AwardList { title: "HSG quốc gia 2025".into(), kind: ListKind::Prize, year: 2025, ..Default::default() };
    // No "Cấp" column: the list's title says these are national prizes.
    let scale = association_example(2025);
    let p = preview(&book, &list, Some(&scale), rows, header, &m);
    let kinds: Vec<&RowKind> = p.iter().map(|r| &r.kind).collect();
    assert_eq!(kinds.len(), 10, "8 students, the total row and the signature row");
    let lan = p[0].awardee.as_ref().expect("Lan");
    assert_eq!(lan.name, "Nguyễn Thị Lan", "NFD became NFC");
    assert_eq!(lan.birth, chrono::NaiveDate::from_ymd_opt(2008, 2, 2), "a real spreadsheet date");
    assert_eq!(lan.prize, Prize::Second);
    assert_eq!(lan.level, sokh::model::awards::Level::National);
    assert_eq!(lan.amount, Vnd(3_000_000), "the association's national second prize");
    assert_eq!(p[1].kind, RowKind::Error(RowProblem::BadDate("31/02/2008".into())));
    assert_eq!(p[2].awardee.as_ref().map(|a| a.prize), Some(Prize::Consolation), "KK");
    assert_eq!(p[4].kind, RowKind::Error(RowProblem::NoName));
    assert_eq!(p[5].kind, RowKind::Error(RowProblem::BadPrize("Xuất sắc".into())));
    assert_eq!(p[6].awardee.as_ref().map(|a| a.prize), Some(Prize::Consolation), "K.Khích");
    assert!(matches!(p[7].kind, RowKind::Warning(RowProblem::AlreadyListed(_))), "the same girl twice");
    assert_eq!((p[8].kind.clone(), p[9].kind.clone()), (RowKind::Footer, RowKind::Footer));
    assert_eq!(accepted(&p, false).len(), 4, "Lan, Đức, Hoa, Mai");
}

#[test]
fn an_office_csv_of_scholarships() {
    let sheets = read_sheets(&fixture("hoc-bong-2025.csv")).expect("reads");
    let rows = &sheets[0].rows;
    let header = guess_header(rows);
    assert_eq!(header, 2);
    let m = guess_mapping(&rows[header]);
    let list =
        AwardList { title: "Học bổng 2025".into(), kind: ListKind::Scholarship, year: 2025, ..Default::default() };
    let mut scale = association_example(2025);
    scale.minority_percent = 120;
    let p = preview(&Book::default(), &list, Some(&scale), rows, header, &m);
    assert_eq!(p.len(), 5);
    let son = p[0].awardee.as_ref().expect("Sơn");
    assert_eq!(son.amount, Vnd(2_760_000), "lower secondary 2.300.000 × 120% for an ethnic-minority student");
    assert_eq!(p[1].awardee.as_ref().map(|a| a.name.as_str()), Some("Hồ Thị Nga"));
    assert_eq!(p[2].kind, RowKind::Good, "no date of birth is allowed (checked before approval)");
    assert_eq!(p[3].kind, RowKind::Error(RowProblem::BadDate("01/13/2011".into())));
    assert_eq!(p[4].kind, RowKind::Footer);
}
