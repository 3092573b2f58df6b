//! The book's promises, driven through the real window: a selection never outlives the data
//! it was made for, a closed year is a point of no return for undo, a destructive command
//! asks first, nothing to recover is ever hidden behind the first-run screen, a second copy
//! of the program only reads, and a crash is reported at the next start.

mod common;

use chrono::Datelike;
use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use sokh::model::action::Action;
use sokh::model::awards::action::AwardAction;
use sokh::model::awards::{AwardList, Awardee};
use sokh::model::book::Data;
use sokh::model::demo::demo_book;
use sokh::model::fund::action::FundAction;
use sokh::model::fund::ledger::{Category, Kind, Method, VoucherDraft};
use sokh::model::money::Vnd;
use sokh::storage::Store;
use sokh::ui::app::Mode;

fn list(title: &str, students: usize, year: i32) -> AwardList {
    let awardees = (0..students)
        .map(|i| Awardee {
            name: format!("Học sinh {title} {i:02}"),
            school: "THPT Đông Hà".into(),
            amount: Vnd(500_000),
            ..Default::default()
        })
        .collect();
    AwardList { title: title.into(), year, awardees, ..Default::default() }
}

/// Clicks a list in the left panel (its title shows again as the heading once opened).
fn pick_list(h: &mut egui_kittest::Harness<'_, sokh::App>, title: &str) {
    h.get_all_by_label(title).next().expect("the list").click();
    settle(h);
}

#[test]
fn opening_a_list_of_20_then_one_of_16_does_not_crash() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    let year = chrono::Local::now().year();
    for (title, n) in [("Học bổng vùng cao", 20), ("Giải học sinh giỏi", 16)] {
        h.state_mut().commit(Action::Award(AwardAction::AddList(Box::new(list(title, n, year))))).expect("a list");
    }
    tab(&mut h, "Khen thưởng & học bổng");
    pick_list(&mut h, "Học bổng vùng cao");
    assert!(shows(&h, "20 học sinh · Tổng: 10.000.000 ₫"));
    assert!(shows(&h, "Học sinh Học bổng vùng cao 19"), "its last rows are drawn");
    // The order sorted for the list of 20 has rows 16–19: the list of 16 must not use it.
    pick_list(&mut h, "Giải học sinh giỏi");
    assert!(shows(&h, "16 học sinh · Tổng: 8.000.000 ₫"), "the second list shows, whole");
    assert!(shows(&h, "Học sinh Giải học sinh giỏi 15"));
    assert!(!shows(&h, "Học sinh Học bổng vùng cao 00"), "and none of the first list's students");
    pick_list(&mut h, "Học bổng vùng cao");
    assert!(shows(&h, "Học sinh Học bổng vùng cao 19"));
}

#[test]
fn selections_let_go_when_another_book_comes_in() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    let last = h.state().book().vouchers.len() - 1;
    let number = h.state().book().vouchers[last].number.clone();
    // The newest voucher selected in the ledger, then a whole empty book in its place.
    type_into(&mut h, "Tìm kiếm", &number);
    click(&mut h, &number);
    assert!(h.query_all_by_label_contains(&number).count() >= 2, "the row and its detail");
    click(&mut h, "Tệp");
    click(&mut h, "Bắt đầu sổ trống");
    click_button(&mut h, "Bắt đầu sổ trống");
    settle(&mut h);
    assert!(h.state().book().vouchers.is_empty());
    click_button(&mut h, "Đóng");
    tab(&mut h, "Quỹ khuyến học");
    tab(&mut h, "Khen thưởng & học bổng");
    tab(&mut h, "Mô hình học tập");
    tab(&mut h, "Kế hoạch");
    click_button(&mut h, "↶ Hoàn tác");
    assert_eq!(h.state().book().vouchers.len(), last + 1, "and back");
    tab(&mut h, "Quỹ khuyến học");
}

fn receipt(day: chrono::NaiveDate, amount: i64) -> VoucherDraft {
    VoucherDraft {
        kind: Kind::Receipt,
        date: day,
        donor: None,
        counterparty: "Công ty CP Sao Mai".into(),
        description: "Ủng hộ quỹ".into(),
        amount: Vnd(amount),
        method: Method::Bank,
        campaign: Default::default(),
        purpose: Default::default(),
        category: Category::Other,
    }
}

#[test]
fn closing_a_year_cannot_be_undone_and_says_when_an_earlier_year_is_open() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    let this = chrono::Local::now().year();
    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 6, 15).expect("date");
    h.state_mut().commit(Action::Fund(FundAction::Issue(receipt(day(this - 2), 1_000_000)))).expect("ok");
    h.state_mut().commit(Action::Fund(FundAction::Issue(receipt(day(this - 1), 5_000_000)))).expect("ok");
    settle(&mut h);
    tab(&mut h, "Báo cáo");
    click(&mut h, "Khóa sổ năm");
    // The buttons list the newest year first.
    h.get_all_by_role_and_label(Role::Button, "Khóa năm").next().expect("a button").click();
    settle(&mut h);
    let earlier = format!("Các năm trước còn chưa khóa sổ: {}.", this - 2);
    assert!(shows(&h, &earlier), "closing a year whose previous year is open says so");
    assert!(shows(&h, "Khóa sổ không hoàn tác được"));
    h.get_all_by_role_and_label(Role::Button, "Khóa năm").last().expect("the dialog's").click_accesskit();
    settle(&mut h);
    assert!(h.state().book().closed.contains_key(&(this - 1)));
    assert!(
        h.get_by_role_and_label(Role::Button, "↶ Hoàn tác").accesskit_node().is_disabled(),
        "nothing to undo across a close"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(h.state().book().closed.contains_key(&(this - 1)), "Ctrl+Z does not reopen it");
    assert_eq!(h.state().book().vouchers.iter().filter(|v| v.is_live()).count(), 2, "nor undo what came before");
    // Starting an empty book over it says which closed year would no longer be as it was.
    click(&mut h, "Tệp");
    click(&mut h, "Bắt đầu sổ trống");
    assert!(shows(&h, &format!("Các năm đã khóa sổ sẽ không còn như lúc khóa: {}.", this - 1)));
}

#[test]
fn closing_the_window_on_the_damaged_file_screen_offers_recovery_at_the_next_start() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::new(dir.path());
    let good = Data::new(demo_book());
    store.write(&good).expect("write");
    std::fs::write(store.file(), "(version: 1, book: (vouchers: [(number: \"PT").expect("spoil");
    let h = app(dir.path());
    assert!(shows(&h, "Tệp dữ liệu bị hỏng"));
    drop(h);
    // The next start: no book, but the damaged one kept aside and a backup that reads.
    let mut h = app(dir.path());
    assert!(!shows(&h, "Chào mừng đến với Sổ Khuyến học"), "not the first-run screen");
    assert!(shows(&h, "Không tìm thấy tệp sổ"));
    assert!(shows(&h, "book.corrupt-"), "the file kept aside is named");
    assert!(shows(&h, "Mở bản sao lưu tốt gần nhất"));
    // Starting an empty book and saving it many times keeps the backup from before.
    click(&mut h, "Bắt đầu sổ trống");
    for i in 0..25 {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1 + i).expect("date");
        h.state_mut().commit(Action::Fund(FundAction::Issue(receipt(day, 1000)))).expect("ok");
        assert!(h.state_mut().flush());
    }
    let backups = store.backups();
    assert!(backups.len() >= 21);
    let oldest = sokh::storage::read_book(&backups.last().expect("one").1).expect("reads");
    assert_eq!(oldest.book, good.book, "the last good backup before the empty book is kept");
}

#[test]
fn a_second_copy_on_the_same_folder_only_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let mut first = app(dir.path());
    open_demo(&mut first);
    assert!(first.state_mut().flush());
    let before = std::fs::read(dir.path().join("book.ron")).expect("written");
    let mut second = app(dir.path());
    assert!(second.state().read_only());
    assert!(shows(&second, "Chỉ đọc"));
    assert!(shows(&second, "Sổ đang được mở trong một cửa sổ khác"), "it says why");
    assert_eq!(second.state().book(), first.state().book(), "and shows the book");
    second.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut second);
    assert!(!shows(&second, "Lập phiếu thu"), "no new voucher");
    assert!(second.state_mut().flush());
    assert_eq!(std::fs::read(dir.path().join("book.ron")).expect("read"), before, "nothing written");
    // When the first copy is gone, the next one writes again (no stale lock).
    drop(first);
    drop(second);
    let third = app(dir.path());
    assert!(!third.state().read_only());
}

#[test]
fn a_crash_is_reported_at_the_next_start_with_its_unsaved_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::new(dir.path());
    let saved = Data::new(demo_book());
    store.write(&saved).expect("write");
    let mut unsaved = saved.clone();
    unsaved.book.settings.org_name = "Hội Khuyến học (chưa lưu)".into();
    sokh::storage::crash::write_report(dir.path(), "index out of bounds", "0: sokh::ui", Some(&unsaved))
        .expect("a report");
    let mut h = app(dir.path());
    assert!(matches!(h.state().mode, Mode::Normal));
    assert!(shows(&h, "Lần trước chương trình đã dừng vì lỗi"));
    assert!(shows(&h, "crash-"), "where the log is");
    assert_eq!(h.state().book(), &saved.book, "the saved book until the user chooses");
    click_button(&mut h, "Mở các thay đổi chưa lưu");
    assert_eq!(h.state().book().settings.org_name, "Hội Khuyến học (chưa lưu)");
    assert!(!shows(&h, "Lần trước chương trình đã dừng vì lỗi"));
    click_button(&mut h, "↶ Hoàn tác");
    assert_eq!(h.state().book(), &saved.book, "opening them can be undone");
    drop(h);
    let h = app(dir.path());
    assert!(!shows(&h, "Lần trước chương trình đã dừng vì lỗi"), "told once");
}

#[test]
fn a_book_that_cannot_be_shown_is_never_shown_as_an_empty_book() {
    let dir = tempfile::tempdir().expect("dir");
    // A newer version whose shape this one cannot read.
    std::fs::write(dir.path().join("book.ron"), "(version: 99, book: (vouchers: 7, future: [1, 2]))").expect("write");
    let before = std::fs::read(dir.path().join("book.ron")).expect("read");
    let mut h = app(dir.path());
    assert!(matches!(h.state().mode, Mode::Blocked(_)));
    assert!(shows(&h, "Không mở được sổ"));
    assert!(shows(&h, "phiên bản mới hơn"));
    assert!(!shows(&h, "Bắt đầu sổ trống"), "no way to start over it");
    assert!(!shows(&h, "Tổng quan") || h.state().read_only());
    assert!(h.state_mut().flush());
    assert_eq!(std::fs::read(dir.path().join("book.ron")).expect("read"), before, "never overwritten");
}

/// Asks the window to close, as the window manager's close button does; returns the commands
/// the app answered with.
fn ask_to_close(h: &mut egui_kittest::Harness<'_, sokh::App>) -> Vec<egui::ViewportCommand> {
    let root = egui::ViewportId::ROOT;
    h.input_mut().viewports.entry(root).or_default().events.push(egui::ViewportEvent::Close);
    h.step();
    h.output().viewport_output.get(&root).map(|v| v.commands.clone()).unwrap_or_default()
}

#[test]
fn closing_while_the_disk_refuses_the_save_asks_and_loses_nothing_silently() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    h.state_mut()
        .commit(Action::Fund(FundAction::Issue(receipt(chrono::Local::now().date_naive(), 1_000_000))))
        .expect("ok");
    assert!(h.state_mut().flush() && h.state().save_error().is_none());
    // The disk now refuses: the book's name is taken by a folder that is not empty.
    let book = dir.path().join("book.ron");
    std::fs::remove_file(&book).expect("rm");
    std::fs::create_dir_all(book.join("x")).expect("in the way");
    h.state_mut()
        .commit(Action::Fund(FundAction::Issue(receipt(chrono::Local::now().date_naive(), 2_000_000))))
        .expect("ok");
    h.state_mut().flush();
    settle(&mut h);
    assert!(h.state().save_error().is_some(), "the save failed");
    assert!(shows(&h, "Không lưu được"), "and the window says so");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no half-written temp file is left filling the disk");

    let commands = ask_to_close(&mut h);
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "the close waits");
    settle(&mut h);
    assert!(shows(&h, "Chưa lưu được sổ"));
    assert!(shows(&h, "Các thay đổi gần đây chưa ghi được vào đĩa"));
    // A copy elsewhere, then quit.
    click_button(&mut h, "Lưu bản sao ra nơi khác…");
    let elsewhere = dir.path().join("ban-sao.ron");
    replace_text(&mut h, "Đường dẫn tệp", &elsewhere.display().to_string());
    h.get_all_by_role_and_label(Role::Button, "Lưu").last().expect("save").click();
    settle(&mut h);
    let copy = sokh::storage::read_book(&elsewhere).expect("the copy reads");
    assert_eq!(copy.book.vouchers.len(), 2, "with the change the disk refused");
    // The disk is back: trying again saves, and the window closes.
    std::fs::remove_dir_all(&book).expect("out of the way");
    assert!(!h.state().quitting());
    click_button(&mut h, "Thử lưu lại");
    settle(&mut h);
    assert!(h.state().save_error().is_none());
    assert!(!h.state().unsaved());
    assert!(h.state().quitting(), "saved, so the window goes on closing");
    assert_eq!(sokh::storage::read_book(&book).expect("saved").book.vouchers.len(), 2);
}

#[test]
fn a_change_edits_the_book_in_place_instead_of_copying_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    assert!(h.state_mut().flush());
    // Work on other threads (the search index) lets go of the book once done.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = h.state().book().vouchers.as_ptr();
    let target = Action::Fund(FundAction::SetTarget { year: 2026, amount: Some(Vnd(9_000_000_000)) });
    h.state_mut().commit(target).expect("ok");
    assert_eq!(h.state().book().vouchers.as_ptr(), before, "the 2,000 vouchers were not copied for one target");
}
