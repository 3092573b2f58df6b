//! The Awards tab driven through the real window: create a list, add a student, agree,
//! approve, pay and see the vouchers in the ledger, undo the payout, reopen, import, print.

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use sokh::model::action::Action;
use sokh::model::awards::ListStatus;
use sokh::model::fund::action::FundAction;
use sokh::model::fund::ledger::{Category, Kind, Method, VoucherDraft};
use sokh::model::money::Vnd;

fn funded(h: &mut egui_kittest::Harness<'_, sokh::App>) {
    let draft = VoucherDraft {
        kind: Kind::Receipt,
        date: chrono::Local::now().date_naive(),
        donor: None,
        counterparty: "Công ty CP Sao Mai".into(),
        description: "Ủng hộ khen thưởng".into(),
        amount: Vnd(20_000_000),
        method: Method::Bank,
        campaign: Default::default(),
        purpose: Default::default(),
        category: Category::Other,
    };
    h.state_mut().commit(Action::Fund(FundAction::Issue(draft))).expect("a receipt");
    settle(h);
}

fn new_list_with_student(h: &mut egui_kittest::Harness<'_, sokh::App>) {
    click(h, "Khen thưởng & học bổng");
    click_button(h, "+ Danh sách mới");
    type_into(h, "Tên danh sách", "Khen thưởng HSG quốc gia");
    click_button(h, "Lưu");
    assert_eq!(h.state().book().award_lists.len(), 1);
    click_button(h, "+ Thêm học sinh");
    type_into(h, "Họ và tên", "Nguyễn Thị Lan");
    replace_text(h, "Ngày sinh", "04/03/2008");
    type_into(h, "Trường", "Trường THPT Đông Hà");
    assert!(shows(h, "Theo thang NĐ 110/2020/NĐ-CP: 1.000.000 ₫"), "the amount comes from the scale");
    click_button(h, "Lưu");
}

#[test]
fn create_approve_pay_see_the_vouchers_and_undo_the_payout() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    funded(&mut h);
    new_list_with_student(&mut h);
    let l = &h.state().book().award_lists[0];
    assert_eq!(l.awardees.len(), 1);
    assert_eq!(l.awardees[0].amount, Vnd(1_000_000));
    click_button(&mut h, "→ Thống nhất với Sở");
    click_button(&mut h, "→ Phê duyệt");
    assert_eq!(h.state().book().award_lists[0].status, ListStatus::Approved);
    assert!(
        h.query_by_role_and_label(Role::Button, "+ Thêm học sinh").is_some_and(|b| b.accesskit_node().is_disabled()),
        "frozen"
    );
    click_button(&mut h, "Chi trả…");
    click_button(&mut h, "Lập phiếu chi");
    let book = h.state().book();
    assert_eq!(book.award_lists[0].status, ListStatus::Paid);
    let v = book.award_lists[0].awardees[0].voucher.expect("linked");
    let number = book.vouchers[v].number.clone();
    assert_eq!(book.vouchers[v].body.kind, Kind::Payment);
    assert_eq!(book.vouchers[v].body.category, Category::Award);
    // The student's voucher number, whole, opens the voucher in the ledger…
    link(&mut h, &number);
    assert!(shows_exactly(&h, &format!("Phiếu chi {number}")), "the awardee's voucher, selected");
    assert!(shows_exactly(&h, "Thuộc danh sách:"), "the voucher shows its list");
    // …which opens the list and the student.
    // (The link sits in the voucher panel under the table: the table's column borders once
    // reached down over it and took the click.)
    link(&mut h, "Nguyễn Thị Lan");
    assert!(shows(&h, "+ Thêm học sinh"), "back in the list");
    assert!(shows_exactly(&h, &number));
    link(&mut h, &number);
    link(&mut h, "Khen thưởng HSG quốc gia");
    assert!(shows(&h, "+ Thêm học sinh"), "the list opens");
    click_button(&mut h, "↶ Hoàn tác");
    let book = h.state().book();
    assert_eq!(book.award_lists[0].status, ListStatus::Approved, "undo takes the payout back");
    assert_eq!(book.award_lists[0].awardees[0].voucher, None);
    assert_eq!(book.vouchers.len(), 2, "the payment's number stays taken");
    assert_eq!(book.vouchers[v].void.as_ref().map(|x| x.reason.as_str()), Some("Hoàn tác"));
    assert!(!shows(&h, "Phiếu chi đã hủy:"), "an undone payout is as if never paid");
    click_button(&mut h, "Làm lại ↷");
    assert_eq!(h.state().book().award_lists[0].status, ListStatus::Paid);
    // A payout voided in the ledger still shows the list it had paid, both ways.
    link(&mut h, &number);
    click_button(&mut h, "Hủy phiếu");
    type_into(&mut h, "Lý do", "Sai số tài khoản");
    click_button(&mut h, "Xác nhận hủy phiếu");
    assert_eq!(h.state().book().award_lists[0].status, ListStatus::Approved, "to be paid again");
    assert!(shows_exactly(&h, "Đã chi cho danh sách (phiếu đã hủy):"));
    link(&mut h, "Nguyễn Thị Lan");
    assert!(shows(&h, "+ Thêm học sinh"), "its list and student");
    assert!(shows_exactly(&h, "Phiếu chi đã hủy:"));
    link(&mut h, &number);
    assert!(shows_exactly(&h, &format!("Phiếu chi {number}")), "the voided voucher, shown in the ledger");
    assert!(shows(&h, "Sai số tài khoản"));
}

/// Clicks a link with this text (a paid list shows its voucher in its header and on the
/// student's row: both open the voucher).
fn link(h: &mut egui_kittest::Harness<'_, sokh::App>, text: &str) {
    h.get_all_by_role_and_label(Role::Link, text).next().expect("a link").click();
    settle(h);
}

#[test]
fn an_approved_list_reopens_only_with_a_reason_kept_in_the_log() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    funded(&mut h);
    new_list_with_student(&mut h);
    click_button(&mut h, "→ Thống nhất với Sở");
    click_button(&mut h, "→ Phê duyệt");
    click_button(&mut h, "Mở lại…");
    click_button(&mut h, "Mở lại");
    assert!(shows(&h, "Nhập lý do."), "a reason is required");
    type_into(&mut h, "Lý do", "Bổ sung học sinh đạt giải");
    click_button(&mut h, "Mở lại");
    assert_eq!(h.state().book().award_lists[0].status, ListStatus::Draft);
    click_button(&mut h, "Nhật ký thay đổi");
    assert!(shows(&h, "Lý do: ∅ → Bổ sung học sinh đạt giải"));
}

#[test]
fn approval_waits_for_the_checks() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    new_list_with_student(&mut h);
    click_button(&mut h, "→ Thống nhất với Sở");
    assert!(shows(&h, "Tổng danh sách vượt số tiền quỹ đang có: 1.000.000 ₫ > 0 ₫"), "no money in the fund yet");
    assert!(h.get_by_role_and_label(Role::Button, "→ Phê duyệt").accesskit_node().is_disabled());
}

#[test]
fn import_students_from_an_office_spreadsheet_and_print_the_list() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(&dir.path().join("data"));
    funded(&mut h);
    click(&mut h, "Khen thưởng & học bổng");
    click_button(&mut h, "+ Danh sách mới");
    type_into(&mut h, "Tên danh sách", "HSG quốc gia 2025");
    click_button(&mut h, "Lưu");
    click_button(&mut h, "Nhập từ tệp…");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsg-quoc-gia-2025.xlsx");
    type_into(&mut h, "Đường dẫn tệp", &fixture.display().to_string());
    click_button(&mut h, "Tiếp");
    click_button(&mut h, "Tiếp");
    assert!(shows_exactly(&h, "Lỗi: 3"), "bad date, no name, unknown prize");
    assert!(shows_exactly(&h, "Cuối bảng: 2"), "the total and signature rows are not errors");
    click_button(&mut h, "Nhập các dòng hợp lệ (2)");
    assert!(shows(&h, "Đã nhập: 2"));
    let book = h.state().book();
    assert_eq!(
        book.award_lists[0].awardees.len(),
        2,
        "the national scale pays Nhì and Nhất; the others need an amount"
    );
    click_button(&mut h, "Đóng");
    click_button(&mut h, "↶ Hoàn tác");
    assert!(h.state().book().award_lists[0].awardees.is_empty(), "one undo step");
    click_button(&mut h, "Làm lại ↷");

    click_button(&mut h, "In danh sách (PDF)…");
    let name = h.get_by_role_and_label(Role::TextInput, "Đường dẫn tệp").accesskit_node().value();
    assert_eq!(name.as_deref(), Some("HSG-quoc-gia-2025.pdf"), "the file is named from the list's title");
    let today = chrono::Local::now().date_naive();
    let dated = format!("Quảng Trị, ngày {}", today.format("%d tháng %m năm %Y"));
    let field = h.get_by_role_and_label(Role::TextInput, "Địa danh, ngày tháng").accesskit_node().value();
    assert_eq!(field.as_deref(), Some(dated.as_str()), "dated the day it is printed");
    replace_text(&mut h, "Địa danh, ngày tháng", "Đông Hà, ngày 20 tháng 11 năm 2025");
    let pdf = dir.path().join("ds.pdf");
    replace_text(&mut h, "Đường dẫn tệp", &pdf.display().to_string());
    h.get_by_role_and_label(Role::Button, "Lưu").click();
    for _ in 0..200 {
        h.run_steps(2);
        if shows(&h, "Đã xuất") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let doc = lopdf::Document::load(&pdf).expect("a PDF");
    let text = doc.extract_text(&[1]).expect("text");
    assert!(text.contains("Nguyễn Thị Lan") && text.contains("Lê Thị Hoa"), "{text}");
    assert!(text.contains("6.000.000") && text.contains("Sáu triệu đồng"), "the total in figures and words");
    assert!(text.contains("Đông Hà, ngày 20 tháng 11 năm 2025"), "the place and date as edited");
    assert!(shows_exactly(&h, "Mở tệp") && shows_exactly(&h, "Mở thư mục"), "open it with the desktop's program");
}

#[test]
fn voiding_a_payout_voucher_returns_the_list_to_approved() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    funded(&mut h);
    new_list_with_student(&mut h);
    click_button(&mut h, "→ Thống nhất với Sở");
    click_button(&mut h, "→ Phê duyệt");
    click_button(&mut h, "Chi trả…");
    h.get_by_label("Một phiếu chi cho cả danh sách").click();
    settle(&mut h);
    click_button(&mut h, "Lập phiếu chi");
    let v = h.state().book().award_lists[0].vouchers[0];
    let number = h.state().book().vouchers[v].number.clone();
    assert!(
        h.state().book().vouchers[v].body.counterparty.starts_with("Chi theo danh sách"),
        "one voucher for the list"
    );
    click(&mut h, "Quỹ khuyến học");
    click(&mut h, &number);
    click_button(&mut h, "Hủy phiếu");
    type_into(&mut h, "Lý do", "Sai số tài khoản");
    click_button(&mut h, "Xác nhận hủy phiếu");
    let l = &h.state().book().award_lists[0];
    assert_eq!(l.status, ListStatus::Approved, "back to approved, to be paid again");
    assert!(l.awardees[0].voucher.is_none() && l.vouchers.is_empty());
}

#[test]
fn the_associations_scale_is_edited_and_used() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click(&mut h, "Khen thưởng & học bổng");
    click_button(&mut h, "Thang mức thưởng…");
    let year = chrono::Datelike::year(&chrono::Local::now());
    click_button(&mut h, &format!("+ Thêm thang của Hội cho năm {year}"));
    let name = format!("Hội Khuyến học tỉnh {year}");
    assert!(h.query_all_by_value(&name).next().is_some(), "the new scale is in the editor");
    // The pointer click lands before the grown window settles in the harness; press it the
    // way a screen reader would (a real click works: see the README's screenshots).
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    settle(&mut h);
    assert_eq!(h.state().book().scales.len(), 1);
    assert!(!shows(&h, "Thang mức thưởng và học bổng"), "the editor closes once saved");
    click_button(&mut h, "+ Danh sách mới");
    type_into(&mut h, "Tên danh sách", "Khen thưởng HSG quốc gia");
    assert!(h.query_all_by_value(&name).next().is_some() || shows(&h, &name), "a new list takes the year's own scale");
    click_button(&mut h, "Lưu");
    click_button(&mut h, "+ Thêm học sinh");
    type_into(&mut h, "Họ và tên", "Phan Văn Long");
    assert!(shows(&h, &format!("Theo thang Hội Khuyến học tỉnh {year}: 2.000.000 ₫")), "national third prize");
    h.get_by_label("Số tiền khác thang").click();
    settle(&mut h);
    type_into(&mut h, "Số tiền", "2,5tr");
    click_button(&mut h, "Lưu");
    assert!(shows(&h, "Ghi lý do khi số tiền khác thang."), "an override needs a reason");
    type_into(&mut h, "Lý do", "Nhà tài trợ thưởng thêm");
    click_button(&mut h, "Lưu");
    let a = &h.state().book().award_lists[0].awardees[0];
    assert_eq!((a.amount, a.override_reason.as_str()), (Vnd(2_500_000), "Nhà tài trợ thưởng thêm"));
}

#[test]
fn a_shared_list_is_split_between_its_sponsors_and_each_statement_sits_beside_the_table() {
    use sokh::model::awards::sponsors::{by_sponsor, shares, statement};
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    tab(&mut h, "Khen thưởng & học bổng");
    click(&mut h, "Tổng hợp");
    h.get_by_role_and_label(Role::ComboBox, "Năm").click();
    settle(&mut h);
    click(&mut h, "2025");
    let book = h.state().book().clone();
    let rows = by_sponsor(&shares(&book, 2025));
    let counted: sokh::model::money::Vnd =
        book.award_lists.iter().filter(|l| l.year == 2025 && l.status.counts()).map(|l| l.total()).sum();
    assert_eq!(rows.iter().map(|r| r.2).sum::<sokh::model::money::Vnd>(), counted, "no list counted twice");
    let hope = rows.iter().find(|r| r.0 == "Quỹ Hy vọng").expect("a sponsor of the shared list");
    assert!(hope.3, "the scholarship list is shared");
    assert!(shows(&h, &hope.2.display()), "its share is on the table");
    assert!(shows(&h, &format!("{} học sinh (chung)", hope.1)));
    // The statement of the sponsor clicked, beside the table, with the same figure.
    click(&mut h, "Quỹ Hy vọng");
    assert!(shows(&h, "Báo cáo cho nhà tài trợ: Quỹ Hy vọng"));
    let st = statement(&book, "Quỹ Hy vọng", 2025);
    assert_eq!(st.funded, hope.2);
    assert!(shows(&h, &format!("Phần chi cho khen thưởng, học bổng: {}", st.funded.display())));
    let line = format!(
        "• Học bổng Tiếp sức đến trường 2025: 40 học sinh, {} · phần của nhà tài trợ {} (cùng {})",
        st.lists[0].total.display(),
        st.lists[0].share.display(),
        st.lists[0]
            .with
            .iter()
            .map(|w| if w.is_empty() { "Quỹ chung" } else { w.as_str() })
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(shows(&h, &line), "{line}");
    let sao_mai = statement(&book, "Công ty CP Sao Mai", 2025);
    assert!(sao_mai.funded < st.lists[0].total, "Sao Mai is not given the whole list");
}

#[test]
fn end_and_home_scroll_a_long_list_of_students() {
    use chrono::Datelike;
    use egui::{Key, Modifiers};
    use sokh::model::awards::action::AwardAction;
    use sokh::model::awards::{AwardList, Awardee};
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    let awardees: Vec<Awardee> = (1..=80)
        .map(|k| Awardee { name: format!("Học sinh số {k:02}"), amount: Vnd(500_000), ..Default::default() })
        .collect();
    let year = chrono::Local::now().year();
    let list = AwardList { title: "Khen thưởng học sinh giỏi".into(), year, awardees, ..Default::default() };
    h.state_mut().commit(Action::Award(AwardAction::AddList(Box::new(list)))).expect("a long list");
    tab(&mut h, "Khen thưởng & học bổng");
    let (first, last) = ("Học sinh số 01", "Học sinh số 80");
    h.get_by_role_and_label(Role::Button, "Khen thưởng học sinh giỏi").click();
    settle(&mut h);
    assert!(shows_exactly(&h, first) && !shows_exactly(&h, last), "the top of the list");
    h.key_press(Key::End);
    settle(&mut h);
    assert!(shows_exactly(&h, last) && !shows_exactly(&h, first), "End: its last students");
    h.key_press(Key::PageUp);
    settle(&mut h);
    assert!(!shows_exactly(&h, last) && !shows_exactly(&h, first), "Page Up: a screenful higher");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    settle(&mut h);
    assert!(shows_exactly(&h, first) && !shows_exactly(&h, last), "Ctrl+Home: the top again");
    h.key_press(Key::PageDown);
    settle(&mut h);
    assert!(!shows_exactly(&h, first) && !shows_exactly(&h, last), "Page Down: a screenful lower");
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    settle(&mut h);
    assert!(shows_exactly(&h, last), "Ctrl+End: the end");
}
