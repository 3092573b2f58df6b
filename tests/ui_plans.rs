//! The Plans, Overview and Reports tabs driven like a coordinator would: a plan with an
//! overdue task shown on the overview, a lunar event, a report exported, a year closed.

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use sokh::model::log::Label;
use sokh::model::money::Vnd;
use sokh::model::plans::calendar::Rule;

/// Presses a dialog's button through accesskit (a pointer click on a freshly grown window
/// can miss in the harness).
fn press(h: &mut egui_kittest::Harness<'_, sokh::App>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click_accesskit();
    settle(h);
}

/// The last of several buttons with one name (a dialog's, after the row's that opened it).
fn press_last(h: &mut egui_kittest::Harness<'_, sokh::App>, label: &str) {
    h.get_all_by_role_and_label(Role::Button, label).last().expect("a button").click_accesskit();
    settle(h);
}

#[test]
fn a_task_past_its_due_day_shows_on_the_overview_and_opens_its_plan() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    tab(&mut h, "Kế hoạch");
    click_button(&mut h, "+ Thêm văn bản");
    type_into(&mut h, "Trích yếu", "Kế hoạch phối hợp năm 2026");
    type_into(&mut h, "Số hiệu", "15/KH-SGDĐT-HKH");
    press(&mut h, "Lưu");
    assert_eq!(h.state().book().plans.len(), 1);
    assert!(shows(&h, "15/KH-SGDĐT-HKH"), "the new document is selected");
    click_button(&mut h, "+ Thêm nội dung");
    type_into(&mut h, "Nội dung phối hợp", "Tuyên truyền");
    press(&mut h, "Lưu");
    click_button(&mut h, "+ Thêm việc");
    type_into(&mut h, "Nhiệm vụ", "Gửi báo cáo sơ kết");
    type_into(&mut h, "Hạn", "01/02/2020");
    press(&mut h, "Lưu");
    let task = &h.state().book().plans[0].areas[0].tasks[0];
    assert_eq!(task.title, "Gửi báo cáo sơ kết");
    // The list names the document by number and shows its title; the search finds it.
    assert!(shows_exactly(&h, "Kế hoạch phối hợp năm 2026"), "the title under the number");
    type_into(&mut h, "Tìm văn bản", "so ket");
    assert!(shows_exactly(&h, "15/KH-SGDĐT-HKH"), "found by a task, without diacritics");
    replace_text(&mut h, "Tìm văn bản", "chuong trinh");
    assert!(shows(&h, "Không có văn bản nào khớp."));
    assert!(!shows_exactly(&h, "15/KH-SGDĐT-HKH"));
    replace_text(&mut h, "Tìm văn bản", "");

    // A due day before the start is refused beside the form, and nothing changes.
    press_last(&mut h, "Sửa");
    type_into(&mut h, "Bắt đầu", "01/03/2020");
    press(&mut h, "Lưu");
    assert!(shows(&h, "Hạn phải từ ngày bắt đầu trở đi."));
    // Beside the field it belongs to: right under the due day, not at the foot of the form.
    let due = h.get_by_role_and_label(Role::TextInput, "Hạn").rect();
    let why = h.get_by_label("Hạn phải từ ngày bắt đầu trở đi.").rect();
    assert!(why.top() >= due.bottom() - 1.0 && why.top() - due.bottom() < 24.0, "under the due day: {due:?} {why:?}");
    assert!(h.state().book().plans[0].areas[0].tasks[0].start.is_none());
    h.key_press(egui::Key::Escape);
    settle(&mut h);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(&mut h);
    assert!(shows(&h, "Việc quá hạn (1)"), "Ctrl+1 opens the overview");
    assert!(shows(&h, "quá "), "how many days late");
    click(&mut h, "Gửi báo cáo sơ kết");
    assert!(shows(&h, "Văn bản phối hợp"), "the plan opens");
    assert!(shows(&h, "Kế hoạch phối hợp năm 2026"));

    press(&mut h, "Sao chép cho giai đoạn sau");
    let plans = &h.state().book().plans;
    assert_eq!(plans.len(), 2, "a draft for the next period");
    assert_eq!(plans[1].areas[0].tasks[0].due.map(|d| d.to_string()), Some("2021-02-01".into()));

    press(&mut h, "Xóa văn bản");
    assert!(shows(&h, "Có thể hoàn tác."), "deleting asks first");
    press_last(&mut h, "Xóa văn bản");
    assert_eq!(h.state().book().plans.len(), 1);
    click_button(&mut h, "↶ Hoàn tác");
    assert_eq!(h.state().book().plans.len(), 2, "undo brings it back");
}

#[test]
fn a_lunar_event_is_added_and_listed_in_the_year() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    tab(&mut h, "Kế hoạch");
    click(&mut h, "Lịch năm");
    assert!(shows(&h, "Ngày Nhà giáo Việt Nam"), "the standard days come with a new book");
    click_button(&mut h, "+ Thêm sự kiện");
    type_into(&mut h, "Tên sự kiện", "Gặp mặt đầu xuân");
    click(&mut h, "Hằng năm (âm lịch)");
    type_into(&mut h, "Ngày", "6");
    type_into(&mut h, "Tháng", "13");
    press(&mut h, "Lưu");
    assert!(shows(&h, "Nhập số từ 1 đến 12."), "a bad month is shown beside the field");
    replace_text(&mut h, "Tháng", "1");
    press(&mut h, "Lưu");
    let events = &h.state().book().calendar.events;
    assert_eq!(events.last().map(|e| e.rule), Some(Rule::Lunar { day: 6, month: 1 }));
    assert!(shows(&h, "06/01 âm lịch"));
    click_button(&mut h, "↶ Hoàn tác");
    assert!(!shows(&h, "Gặp mặt đầu xuân"), "undo removes it");
}

#[test]
fn a_closed_year_cannot_be_edited_until_reopened_with_a_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click_button(&mut h, "+ Phiếu thu mới");
    replace_text(&mut h, "Ngày", "15/06/2025");
    type_into(&mut h, "Người nộp / nhận", "Công ty Sao Mai");
    type_into(&mut h, "Số tiền", "5tr");
    click_button(&mut h, "Lưu");
    assert_eq!(h.state().book().vouchers.len(), 1);

    tab(&mut h, "Báo cáo");
    click(&mut h, "Khóa sổ năm");
    click_button(&mut h, "Khóa năm");
    assert!(shows(&h, "Số dư cuối năm 5.000.000 ₫ chuyển sang năm 2026"));
    press_last(&mut h, "Khóa năm");
    assert_eq!(h.state().book().closed.get(&2025).map(|c| c.balance), Some(Vnd(5_000_000)));

    tab(&mut h, "Quỹ khuyến học");
    let number = h.state().book().vouchers[0].number.clone();
    click(&mut h, &number);
    click_button(&mut h, "Sửa");
    assert!(shows(&h, "Năm 2025 đã khóa sổ: chỉ xem."), "the form says so before Save");
    replace_text(&mut h, "Số tiền", "6tr");
    click_button(&mut h, "Lưu");
    assert!(shows(&h, "Năm 2025 đã khóa sổ"), "the form says why");
    assert_eq!(h.state().book().vouchers[0].body.amount, Vnd(5_000_000), "nothing changed");
    h.key_press(egui::Key::Escape);
    settle(&mut h);

    tab(&mut h, "Báo cáo");
    click_button(&mut h, "Mở khóa");
    press_last(&mut h, "Mở khóa");
    assert!(shows(&h, "Nhập lý do."), "a reason is needed");
    type_into(&mut h, "Lý do mở khóa", "Sửa phiếu ghi nhầm số tiền");
    press_last(&mut h, "Mở khóa");
    assert!(h.state().book().closed.is_empty());
    let last = h.state().data().log.last().map(|e| e.label.clone());
    assert_eq!(last, Some(Label::ReopenYear { year: 2025, reason: "Sửa phiếu ghi nhầm số tiền".into() }));
}

#[test]
fn the_disclosure_is_shown_and_exported_as_pdf() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    tab(&mut h, "Báo cáo");
    click(&mut h, "Công khai quỹ (NĐ 93)");
    assert!(shows(&h, "1. Danh sách tổ chức, cá nhân đóng góp"));
    assert!(shows(&h, "5. Chi phí quản lý so với mức trần"));
    // Only the rows in view are laid out; the others keep their place below.
    let today = chrono::Local::now().date_naive();
    let period = sokh::model::report::Period { year: chrono::Datelike::year(&today), quarter: None };
    let doc = sokh::report::disclosure::build(h.state().book(), period, today, sokh::i18n::Lang::Vi);
    let Some(sokh::report::Block::Table(donors)) =
        doc.blocks.iter().find(|b| matches!(b, sokh::report::Block::Table(_)))
    else {
        panic!("the donors' table")
    };
    let name = |k: usize| donors.rows.get(k).and_then(|r| r.get(1)).map(|c| c.display()).expect("a donor");
    assert!(donors.rows.len() > 40, "a table longer than the window: {}", donors.rows.len());
    assert!(shows_exactly(&h, &name(0)), "the first donor is in view");
    let last = name(donors.rows.len().min(150) - 1);
    assert!(!shows_exactly(&h, &last), "the last one is not laid out until scrolled to");
    // Scrolled down, the rows further on are there, the first ones no longer.
    wheel(&mut h, egui::pos2(500.0, 500.0), 3, 200.0);
    assert!(!shows_exactly(&h, &name(0)));
    let shown: Vec<usize> = (0..donors.rows.len().min(150)).filter(|&k| shows_exactly(&h, &name(k))).collect();
    assert!(shown.first().is_some_and(|&k| k >= 10), "later rows in view: {shown:?}");
    click_button(&mut h, "Xuất PDF…");
    let out = dir.path().join("cong-khai.pdf");
    replace_text(&mut h, "Thư mục", &dir.path().display().to_string());
    replace_text(&mut h, "Đường dẫn tệp", "cong-khai.pdf");
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    for _ in 0..300 {
        h.step();
        if shows(&h, "Đã xuất") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(shows(&h, "Đã xuất"), "the window says where it went");
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn overview_items_open_their_place() {
    use sokh::ui::tabs::TabId as Tab;
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    click(&mut h, "Mở sổ mẫu để tìm hiểu");
    assert_eq!(h.state().prefs.tab, Tab::Overview, "the overview comes first");
    let back = |h: &mut egui_kittest::Harness<'_, sokh::App>| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
        settle(h);
    };
    let list = "Khen thưởng học sinh đạt giải HSG quốc gia năm học 2025-2026";
    click(&mut h, list);
    assert_eq!(h.state().prefs.tab, Tab::Awards);
    back(&mut h);
    let balance = sokh::model::fund::ledger::cash_balance(&h.state().book().vouchers).display();
    click(&mut h, &balance);
    assert_eq!(h.state().prefs.tab, Tab::Fund);
    assert!(shows(&h, "Sổ thu chi"));
    back(&mut h);
    click(&mut h, "Gia đình học tập");
    assert_eq!(h.state().prefs.tab, Tab::Learning);
    assert_eq!(h.state().prefs.tabs.learning.view, sokh::ui::learning::LearningView::Rollup);
}

#[test]
fn a_task_due_today_says_today() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    tab(&mut h, "Kế hoạch");
    click_button(&mut h, "+ Thêm văn bản");
    type_into(&mut h, "Trích yếu", "Kế hoạch tháng");
    press(&mut h, "Lưu");
    click_button(&mut h, "+ Thêm nội dung");
    type_into(&mut h, "Nội dung phối hợp", "Tổng kết");
    press(&mut h, "Lưu");
    let today = chrono::Local::now().date_naive();
    for (title, day) in [("Nộp báo cáo", today), ("Họp ban chỉ đạo", today + chrono::Duration::days(1))] {
        click_button(&mut h, "+ Thêm việc");
        type_into(&mut h, "Nhiệm vụ", title);
        type_into(&mut h, "Hạn", &day.format("%d/%m/%Y").to_string());
        press(&mut h, "Lưu");
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    settle(&mut h);
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    assert!(shows_exactly(&h, &format!("{} · hôm nay", date(today))), "not «còn 0 ngày»");
    let tomorrow = today + chrono::Duration::days(1);
    assert!(shows_exactly(&h, &format!("{} · ngày mai", date(tomorrow))));
    assert!(!shows(&h, "còn 0 ngày"));
}

#[test]
fn a_programme_copied_for_the_next_period_is_named_for_it_and_its_links_move_with_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    click(&mut h, "Mở sổ mẫu để tìm hiểu");
    tab(&mut h, "Kế hoạch");
    let before = h.state().book().plans.len();
    h.get_by_role_and_label(Role::Button, "Phối hợp xây dựng xã hội học tập giai đoạn 2021-2026 (mẫu)").click();
    settle(&mut h);
    click_button(&mut h, "Sao chép cho giai đoạn sau");
    let book = h.state().book();
    assert_eq!(book.plans.len(), before + 1);
    let copy = &book.plans[before];
    assert_eq!(copy.title, "Phối hợp xây dựng xã hội học tập giai đoạn 2027-2032");
    assert_eq!(copy.period, Some((2027, 2032)));
    assert!(copy.signed.is_none() && copy.number.is_empty());
    // The copy is shown, named for its period, with the reminder to sign it.
    assert!(shows_exactly(&h, "2027–2032"));
    assert!(shows_exactly(&h, "⚠ Chưa có số và ngày ký: điền khi văn bản được ký (Sửa văn bản)."));
    assert!(shows_exactly(&h, "→ Tiếp sức đến trường 2032"), "the campaign moves on");
    assert!(shows_exactly(&h, "→ Gia đình học tập 2032"));
    let list = "Khen thưởng học sinh đạt giải HSG quốc gia năm học 2031-2032";
    assert!(shows_exactly(&h, &format!("→ {list} (chưa lập)")), "the award list is kept, to make");
    assert!(shows_exactly(&h, "Trao thưởng học sinh đạt giải HSG quốc gia năm học 2031-2032"));
    // Once a list of that name is made, the link leads to it.
    let year = 2031;
    let made = sokh::model::awards::AwardList { title: list.into(), year, ..Default::default() };
    let add = sokh::model::awards::action::AwardAction::AddList(Box::new(made));
    h.state_mut().commit(sokh::model::action::Action::Award(add)).expect("a list");
    settle(&mut h);
    h.get_by_role_and_label(Role::Link, &format!("→ {list}")).click();
    settle(&mut h);
    assert_eq!(h.state().prefs.tab, sokh::ui::tabs::TabId::Awards);
    assert!(shows(&h, "+ Thêm học sinh"), "the list is open");
}

/// A long list of documents lays out only the entries in view; scrolled to its end, the last
/// one is there and opens when clicked.
#[test]
fn a_long_document_list_lays_out_what_is_in_view() {
    use sokh::model::book::{Book, Data};
    use sokh::model::plans::Document;
    let dir = tempfile::tempdir().expect("dir");
    let plans = (1..=60)
        .map(|n| Document {
            number: format!("{n}/KH-HKH"), title: format!("Kế hoạch số {n}"), ..Default::default()
        })
        .collect();
    let data = Data::new(Book { plans, ..Default::default() });
    sokh::storage::Store::new(dir.path()).write(&data).expect("written");
    let mut h = app(dir.path());
    tab(&mut h, "Kế hoạch");
    assert!(shows_exactly(&h, "1/KH-HKH"), "the first in view");
    assert!(!shows_exactly(&h, "60/KH-HKH"), "the last not laid out");
    let list = h.get_by_label("5/KH-HKH").rect().center();
    wheel(&mut h, egui::pos2(list.x, list.y), 40, 400.0);
    let seen: Vec<usize> = (1..=60).filter(|n| shows_exactly(&h, &format!("{n}/KH-HKH"))).collect();
    assert!(!shows_exactly(&h, "1/KH-HKH"), "scrolled past: {seen:?}");
    assert!(shows_exactly(&h, "Kế hoạch số 60"), "the last one in view, with its title");
    h.get_by_label("60/KH-HKH").click();
    settle(&mut h);
    assert!(shows(&h, "Kế hoạch số 60") && !shows(&h, "Chọn một văn bản"), "it is open");
}
