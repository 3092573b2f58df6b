//! The fund ledger driven through the real window: add, undo, redo, void, validation.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use sokh::model::fund::ledger::Kind;
use sokh::model::money::Vnd;

fn add_receipt(h: &mut egui_kittest::Harness<'_, sokh::App>, name: &str, amount: &str) {
    click_button(h, "+ Phiếu thu mới");
    type_into(h, "Người nộp / nhận", name);
    type_into(h, "Số tiền", amount);
    click_button(h, "Lưu");
}

#[test]
fn a_receipt_added_through_the_form_shows_in_the_table_and_the_balance() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Nguyễn Văn An", "1,25tr");
    let book = h.state().book();
    assert_eq!(book.vouchers.len(), 1);
    assert_eq!(book.vouchers[0].body.amount, Vnd(1_250_000));
    assert_eq!(book.vouchers[0].body.kind, Kind::Receipt);
    let number = book.vouchers[0].number.clone();
    assert!(number.starts_with("PT-") && number.ends_with("-0001"), "{number}");
    assert!(shows(&h, &number), "the number is in the table");
    assert!(shows(&h, "Nguyễn Văn An"));
    assert!(shows(&h, "Số dư quỹ: 1.250.000 ₫"), "the balance follows");
}

#[test]
fn undo_and_redo_by_button_and_keyboard_and_an_undone_number_stays_void() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Trần Thị Bình", "500k");
    assert_eq!(h.state().book().vouchers.len(), 1);
    let number = h.state().book().vouchers[0].number.clone();
    assert!(!shows_exactly(&h, "Phiếu thu"), "a receipt leaves the payment-heading column empty");
    click_button(&mut h, "↶ Hoàn tác");
    assert!(shows_exactly(&h, "Đã hoàn tác: Lập phiếu thu"), "the status line says what was undone");
    let v = &h.state().book().vouchers[0];
    assert_eq!(v.number, number, "the number is kept");
    assert_eq!(v.void.as_ref().map(|x| x.reason.as_str()), Some("Hoàn tác"), "voided by the undo");
    assert!(shows(&h, "Số dư quỹ: 0 ₫"));
    click(&mut h, &number);
    let today = chrono::Local::now().date_naive().format("%d/%m/%Y").to_string();
    assert!(shows(&h, &format!("Đã hủy {today} — Lý do: Hoàn tác")), "the window shows the number kept void");
    click_button(&mut h, "Làm lại ↷");
    assert!(h.state().book().vouchers[0].is_live(), "redo brings it back");
    assert!(shows_exactly(&h, "Đã làm lại: Lập phiếu thu"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(!h.state().book().vouchers[0].is_live(), "Ctrl+Z undoes");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    settle(&mut h);
    assert!(h.state().book().vouchers[0].is_live(), "Ctrl+Y redoes");
    assert!(shows(&h, "Trần Thị Bình"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    add_receipt(&mut h, "Lê Văn Cường", "300k");
    assert!(!shows(&h, "Đã hoàn tác"), "a new change clears it");
    let book = h.state().book();
    assert_eq!(book.vouchers.len(), 2);
    assert!(book.vouchers[1].number.ends_with("-0002"), "never {number} again: {}", book.vouchers[1].number);
}

#[test]
fn bad_amount_gets_a_message_and_nothing_is_stored() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click_button(&mut h, "+ Phiếu thu mới");
    type_into(&mut h, "Người nộp / nhận", "Lê Hoa");
    type_into(&mut h, "Số tiền", "12.5");
    assert!(shows(&h, "Tiền đồng không có số lẻ."));
    click_button(&mut h, "Lưu");
    assert!(h.state().book().vouchers.is_empty());
    assert!(shows(&h, "Lập phiếu thu"), "the form stays open");
}

#[test]
fn void_keeps_the_number_and_needs_a_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Phạm Minh", "2.000.000");
    let number = h.state().book().vouchers[0].number.clone();
    click(&mut h, &number);
    click_button(&mut h, "Hủy phiếu");
    click_button(&mut h, "Xác nhận hủy phiếu");
    assert!(shows(&h, "Nhập lý do."), "a reason is required");
    assert!(h.state().book().vouchers[0].void.is_none());
    type_into(&mut h, "Lý do", "Ghi trùng");
    click_button(&mut h, "Xác nhận hủy phiếu");
    let v = &h.state().book().vouchers[0];
    assert_eq!(v.number, number, "the number is kept");
    assert_eq!(v.void.as_ref().map(|x| x.reason.as_str()), Some("Ghi trùng"));
    assert!(shows(&h, "Số dư quỹ: 0 ₫"));
    assert!(shows(&h, "Ghi trùng"), "the detail shows the reason");
}

#[test]
fn a_payment_cannot_take_a_restricted_purpose_below_zero() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click_button(&mut h, "+ Phiếu thu mới");
    type_into(&mut h, "Người nộp / nhận", "Công ty Sao Mai");
    type_into(&mut h, "Số tiền", "1.000.000");
    type_into(&mut h, "Mục đích", "Học bổng vùng cao");
    click_button(&mut h, "Lưu");
    click_button(&mut h, "− Phiếu chi mới");
    type_into(&mut h, "Người nộp / nhận", "Hồ Văn Nam");
    type_into(&mut h, "Số tiền", "1,5tr");
    type_into(&mut h, "Mục đích", "Học bổng vùng cao");
    click_button(&mut h, "Lưu");
    assert!(
        shows(
            &h,
            "Khoản ủng hộ có mục đích «Học bổng vùng cao» hiện còn 1.000.000 ₫; sau thao tác này sẽ là -500.000 ₫"
        ),
        "the form says why, with the figures"
    );
    assert_eq!(h.state().book().vouchers.len(), 1, "nothing saved");
}

#[test]
fn search_ignores_diacritics() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Nguyễn Văn An", "100k");
    add_receipt(&mut h, "Đặng Thị Ánh", "200k");
    type_into(&mut h, "Tìm kiếm", "dang thi");
    assert!(shows(&h, "Đặng Thị Ánh"));
    assert!(!shows(&h, "Nguyễn Văn An"));
    assert!(shows(&h, "1 dòng"));
    assert!(shows(&h, "Thu bằng tiền"));
}

#[test]
fn change_log_shows_old_and_new() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Võ Quang", "300k");
    let number = h.state().book().vouchers[0].number.clone();
    click(&mut h, &number);
    click_button(&mut h, "Sửa");
    replace_text(&mut h, "Số tiền", "3tr");
    click_button(&mut h, "Lưu");
    assert_eq!(h.state().book().vouchers[0].body.amount, Vnd(3_000_000));
    click_button(&mut h, "Nhật ký thay đổi");
    assert!(shows(&h, "Sửa phiếu"));
    assert!(shows(&h, "Số tiền: 300.000 → 3.000.000"));
}

#[test]
fn keyboard_moves_through_the_ledger() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    add_receipt(&mut h, "Lê Văn Tám", "100k");
    add_receipt(&mut h, "Đỗ Thị Chín", "200k");
    let newest = h.state().book().vouchers[1].number.clone();
    let older = h.state().book().vouchers[0].number.clone();
    h.key_press(Key::ArrowDown);
    settle(&mut h);
    assert!(shows(&h, &format!("Phiếu thu {newest}")), "the first row is selected");
    h.key_press(Key::ArrowDown);
    settle(&mut h);
    assert!(shows(&h, &format!("Phiếu thu {older}")), "then the next");
    h.key_press(Key::Enter);
    settle(&mut h);
    assert!(shows(&h, "Sửa phiếu"), "Enter edits the selected voucher");
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(!shows(&h, "Sửa phiếu"), "Escape closes the form");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(&mut h);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Tìm kiếm").type_text("tam");
    settle(&mut h);
    assert!(shows(&h, "1 dòng"), "Ctrl+F goes to the search box");
}

#[test]
fn a_campaign_shows_what_came_in_against_its_target_and_opens_its_receipts() {
    use sokh::model::fund::totals::campaigns;
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    click(&mut h, "Các đợt vận động");
    let name = "Tiếp sức đến trường 2024";
    let c = campaigns(h.state().book()).into_iter().find(|c| c.name == name).expect("a demo campaign");
    assert!(c.cash > Vnd::ZERO && c.target.is_none());
    for figure in [c.cash.display(), c.in_kind.display(), c.total().display()] {
        assert!(shows(&h, &figure), "{figure}");
    }
    // Pick the row (its period cell), set a target, see the share reached.
    let first = sokh::model::date::format_date(c.first.expect("dated"));
    let last = sokh::model::date::format_date(c.last.expect("dated"));
    click(&mut h, &format!("{first} – {last}"));
    replace_text(&mut h, "Chỉ tiêu", "bad");
    click_button(&mut h, "Đặt chỉ tiêu");
    assert_eq!(h.state().book().settings.campaign_targets.get(name), None, "a bad amount changes nothing");
    assert!(shows(&h, "Số tiền không hợp lệ. Ví dụ: 1.250.000, 1,25tr, 500k."), "and says why beside the field");
    replace_text(&mut h, "Chỉ tiêu", "200tr");
    click_button(&mut h, "Đặt chỉ tiêu");
    assert_eq!(h.state().book().settings.campaign_targets.get(name), Some(&Vnd(200_000_000)));
    let permille = (i128::from(c.total().0) * 1000 / 200_000_000) as f64;
    assert!(shows_exactly(&h, &sokh::i18n::Lang::Vi.percent(permille / 10.0)));
    assert!(shows(&h, &Vnd(200_000_000).display()));
    click_button(&mut h, "↶ Hoàn tác");
    assert_eq!(h.state().book().settings.campaign_targets.get(name), None, "one undo step");
    let demo_target = sokh::model::money::Vnd(1_200_000_000).display();
    assert!(shows(&h, &demo_target), "the demo's 2025 campaign has its target");
    // The name opens the ledger filtered to the campaign.
    h.get_by_label(name).click();
    settle(&mut h);
    let n = h.state().book().vouchers.iter().filter(|v| v.body.campaign == name).count();
    assert!(shows_exactly(&h, &format!("{n} dòng")), "the ledger shows the campaign's {n} vouchers");
}

#[test]
fn a_payer_becomes_a_donor_from_the_form_without_the_word_of_address() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click_button(&mut h, "+ Phiếu thu mới");
    type_into(&mut h, "Người nộp / nhận", "Bà Trần Thị Mai");
    type_into(&mut h, "Số tiền", "2tr");
    assert!(shows_exactly(&h, "Người nộp chưa là nhà tài trợ:"));
    click_button(&mut h, "+ Thêm nhà tài trợ mới «Trần Thị Mai»");
    assert!(shows_exactly(&h, "✔ Trần Thị Mai (Cá nhân)"), "the new donor is chosen in the form");
    click_button(&mut h, "Lưu");
    let b = h.state().book();
    assert_eq!(b.donors.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["Trần Thị Mai"]);
    assert_eq!(b.vouchers.len(), 1);
    assert_eq!(b.vouchers[0].body.counterparty, "Bà Trần Thị Mai", "the voucher keeps the word of address");
    assert_eq!(b.vouchers[0].body.donor, Some(0));
    // The same person again, written another way: the form offers the donor, not a new one.
    click_button(&mut h, "+ Phiếu thu mới");
    type_into(&mut h, "Người nộp / nhận", "ông/bà trần thị  mai");
    type_into(&mut h, "Số tiền", "500k");
    assert!(!shows(&h, "Thêm nhà tài trợ mới"));
    click(&mut h, "Gắn với nhà tài trợ «Trần Thị Mai»");
    click_button(&mut h, "Lưu");
    let b = h.state().book();
    assert_eq!(b.donors.len(), 1);
    assert_eq!(b.vouchers.iter().map(|v| v.body.donor).collect::<Vec<_>>(), [Some(0), Some(0)]);
}

fn press(h: &mut egui_kittest::Harness<'_, sokh::App>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    settle(h);
}

#[test]
fn page_keys_move_through_a_long_ledger_and_a_new_search_goes_back_to_the_top() {
    use sokh::model::fund::query::{Filter, SearchIndex, filter_rows, sort_order};
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    let book = h.state().book().clone();
    let index = SearchIndex::build(&book);
    let rows_for = |f: &Filter| filter_rows(&book, &index, &sort_order(&book, f.sort), f).rows;
    let rows = rows_for(&Filter::default());
    let last = rows.len() - 1;
    assert!(last > 100, "a long ledger");
    let number = |i: usize| book.vouchers[rows[i]].number.clone();
    let title = |i: usize| {
        let v = &book.vouchers[rows[i]];
        let kind = if v.body.kind == Kind::Receipt { "Phiếu thu" } else { "Phiếu chi" };
        format!("{kind} {}", v.number)
    };
    let selected = |h: &egui_kittest::Harness<'_, sokh::App>| (0..rows.len()).find(|&i| shows_exactly(h, &title(i)));
    let none = Modifiers::NONE;
    press(&mut h, none, Key::PageDown);
    assert_eq!(selected(&h), Some(0), "nothing chosen yet: the first row");
    press(&mut h, none, Key::PageDown);
    let page = selected(&h).expect("a row chosen");
    assert!(page >= 10, "a screenful down, not a row: {page}");
    assert!(shows_exactly(&h, &number(page)), "and scrolled to it");
    press(&mut h, none, Key::End);
    assert_eq!(selected(&h), Some(last));
    assert!(shows_exactly(&h, &number(last)) && !shows_exactly(&h, &number(0)), "the end of the ledger in view");
    press(&mut h, none, Key::PageUp);
    assert_eq!(selected(&h), Some(last - page), "a screenful up");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(selected(&h), Some(0));
    assert!(shows_exactly(&h, &number(0)) && !shows_exactly(&h, &number(last)));
    press(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(selected(&h), Some(last));
    press(&mut h, none, Key::Home);
    assert_eq!(selected(&h), Some(0));
    press(&mut h, none, Key::End);
    // A new search shows its first rows, not the place the last one was scrolled to.
    let query = "tiep suc";
    let found = rows_for(&Filter { query: query.into(), ..Filter::default() });
    assert!(found.len() > 60, "{}", found.len());
    type_into(&mut h, "Tìm kiếm", query);
    assert!(shows_exactly(&h, &format!("{} dòng", found.len())));
    let at = |i: usize| book.vouchers[found[i]].number.clone();
    assert!(shows_exactly(&h, &at(0)), "the search's first row in view");
    assert!(!shows_exactly(&h, &at(found.len() - 1)));
}

#[test]
fn a_large_ledger_works_out_its_rows_on_its_own_thread_and_shows_the_right_ones() {
    use sokh::model::demo::{Sizes, generate};
    use sokh::model::fund::query::{Filter, SearchIndex, filter_rows, sort_order};
    let dir = tempfile::tempdir().expect("dir");
    let last_day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
    let book =
        generate(&Sizes { first_year: 2021, last_year: 2026, donors: 400, receipts_per_year: 2_000, last_day }, 3);
    assert!(book.vouchers.len() >= 12_000, "above the size worked out in the frame: {}", book.vouchers.len());
    let text = sokh::storage::to_text(&sokh::model::book::Data::new(book)).expect("ser");
    std::fs::write(dir.path().join("book.ron"), text).expect("write");
    let mut h = app(dir.path());
    tab(&mut h, "Quỹ khuyến học");
    let count = |h: &egui_kittest::Harness<'_, sokh::App>, f: &Filter| {
        let b = h.state().book();
        filter_rows(b, &SearchIndex::build(b), &sort_order(b, f.sort), f).rows.len()
    };
    assert!(shows_exactly(&h, &format!("{} dòng", count(&h, &Filter::default()))));
    // A change: the frame after it still shows the rows before (it does not wait for the
    // book to be sorted and filtered), then the rows come from the other thread.
    let before = count(&h, &Filter::default());
    let draft = sokh::model::fund::ledger::VoucherDraft {
        kind: Kind::Receipt,
        date: chrono::Local::now().date_naive(),
        donor: None,
        counterparty: "Lê Văn Tám".into(),
        description: "Ủng hộ".into(),
        amount: Vnd(100_000),
        method: sokh::model::fund::ledger::Method::Cash,
        campaign: Default::default(),
        purpose: Default::default(),
        category: sokh::model::fund::ledger::Category::Other,
    };
    let issue = sokh::model::action::Action::Fund(sokh::model::fund::action::FundAction::Issue(draft));
    h.state_mut().commit(issue).expect("issued");
    h.step();
    assert!(shows_exactly(&h, &format!("{before} dòng")), "the rows before, for a frame");
    settle(&mut h);
    assert_eq!(count(&h, &Filter::default()), before + 1);
    assert!(shows_exactly(&h, &format!("{} dòng", before + 1)), "the new receipt counted");
    let number = h.state().book().vouchers.last().map(|v| v.number.clone()).expect("the new receipt");
    assert!(shows_exactly(&h, &number), "and shown at the top, newest first");
    // A search, typed on.
    for q in ["le", "le van t"] {
        replace_text(&mut h, "Tìm kiếm", q);
        settle(&mut h);
        let f = Filter { query: q.into(), ..Filter::default() };
        assert!(shows_exactly(&h, &format!("{} dòng", count(&h, &f))), "«{q}»");
    }
    assert!(shows_exactly(&h, &number));
}
