//! The app as a whole: first run, language, persistence and recovery, import, charts, donors.

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use sokh::model::book::{DATA_VERSION, Data};
use sokh::model::demo::demo_book;
use sokh::storage::{Store, to_text};
use sokh::ui::app::Mode;

#[test]
fn language_switch_changes_every_label_and_is_remembered() {
    let dir = tempfile::tempdir().expect("dir");
    let storage: &'static MemStorage = Box::leak(Box::default());
    let mut h = app_with_storage(dir.path(), storage);
    open_demo(&mut h);
    assert!(shows(&h, "Sổ thu chi"));
    h.get_by_role_and_label(Role::ComboBox, "Ngôn ngữ").click();
    settle(&mut h);
    click(&mut h, "English");
    assert!(shows(&h, "Ledger"));
    assert!(shows(&h, "New receipt"));
    assert!(!shows(&h, "Sổ thu chi"));
    // eframe asks the app to save its preferences; a new window reads them back.
    let mut store = MemStorage::default();
    eframe::App::save(h.state_mut(), &mut store);
    h.state_mut().flush();
    let kept: &'static MemStorage = Box::leak(Box::new(store));
    let mut h2 = app_with_storage(dir.path(), kept);
    assert!(shows(&h2, "Overdue tasks"), "English is remembered, and a start opens on the overview");
    tab(&mut h2, "Study-promotion fund");
    assert!(shows(&h2, "Ledger"));
    assert!(shows(&h2, "Balance"));
}

#[test]
fn the_book_survives_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    click_button(&mut h, "+ Phiếu thu mới");
    type_into(&mut h, "Người nộp / nhận", "Hoàng Thị Lan");
    type_into(&mut h, "Số tiền", "750k");
    click_button(&mut h, "Lưu");
    assert!(h.state_mut().flush(), "saved");
    drop(h);
    let mut h = app(dir.path());
    assert!(matches!(h.state().mode, Mode::Normal));
    assert_eq!(h.state().book().vouchers.len(), 1);
    tab(&mut h, "Quỹ khuyến học");
    assert!(shows(&h, "Hoàng Thị Lan"));
}

/// The book read on its own thread while the window is made (as `main` starts it) opens the
/// same as one read after, and the folder is this copy's; a second copy started that way may
/// only look.
#[test]
fn a_book_read_while_the_window_is_made_opens_the_same() {
    let dir = tempfile::tempdir().expect("dir");
    let data = Data::new(demo_book());
    Store::new(dir.path()).write(&data).expect("written");
    let early = |dir: std::path::PathBuf| {
        let config = sokh::AppConfig::at(Some(dir.clone())).open_early();
        for _ in 0..1000 {
            if config.opened_yet() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // Read before the window: the file gone now changes nothing.
        assert!(config.opened_yet(), "read on its own thread");
        let _ = std::fs::rename(dir.join(sokh::storage::FILE_NAME), dir.join("elsewhere.ron"));
        let mut h = egui_kittest::Harness::builder()
            .with_size([1400.0, 900.0])
            .build_eframe(move |cc| sokh::App::new(cc, config));
        settle(&mut h);
        h
    };
    let first = early(dir.path().to_path_buf());
    assert!(matches!(first.state().mode, Mode::Normal));
    assert_eq!(first.state().data(), &data);
    assert_eq!(sokh::storage::Lock::take(dir.path()).map(|_| ()), Err(sokh::storage::LockError::Held));
    let _ = std::fs::rename(dir.path().join("elsewhere.ron"), dir.path().join(sokh::storage::FILE_NAME));
    let second = early(dir.path().to_path_buf());
    assert!(matches!(second.state().mode, Mode::ReadOnly(_)));
    assert_eq!(second.state().data(), &data);
}

#[test]
fn a_book_read_from_its_text_gets_a_snapshot_that_the_next_start_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::new(dir.path());
    let data = Data::new(demo_book());
    let text = to_text(&data).expect("ser");
    std::fs::write(store.file(), &text).expect("written");
    assert!(!store.has_snapshot(), "only the text");
    let mut h = app(dir.path());
    assert_eq!(h.state().data(), &data);
    assert!(h.state_mut().flush(), "the saver is done");
    assert!(store.has_snapshot(), "made after the start read the text");
    drop(h);
    // The text changed in place with its length and time kept, as no writer of the book does:
    // the next start shows the snapshot's book, so it read the snapshot, not the text.
    let file = std::fs::OpenOptions::new().write(true).open(store.file()).expect("open");
    let time = file.metadata().and_then(|m| m.modified()).expect("time");
    let first = data.book.vouchers.first().map(|v| v.number.to_string()).expect("a voucher");
    let changed = text.replacen(&first, &first.replacen("PT", "PX", 1), 1);
    assert_ne!(changed, text);
    std::io::Write::write_all(&mut &file, changed.as_bytes()).expect("rewritten");
    file.set_modified(time).expect("time kept");
    drop(file);
    assert!(store.has_snapshot());
    let h = app(dir.path());
    assert!(matches!(h.state().mode, Mode::Normal));
    assert_eq!(h.state().data(), &data);
    drop(h);
    // Any real change to the file (a restored copy, an edit) makes the next start read it.
    std::fs::write(store.file(), &changed).expect("written");
    assert!(!store.has_snapshot());
    let h = app(dir.path());
    assert_eq!(h.state().book().vouchers.first().map(|v| v.number.to_string()), Some(first.replacen("PT", "PX", 1)));
}

#[test]
fn a_damaged_file_is_kept_and_the_newest_backup_offered() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::new(dir.path());
    let good = Data::new(demo_book());
    store.write(&good).expect("write");
    std::fs::write(store.file(), "(version: 1, book: (vouchers: [(number: \"PT").expect("spoil");
    let mut h = app(dir.path());
    assert!(shows(&h, "Tệp dữ liệu bị hỏng"));
    assert!(shows(&h, "book.corrupt-"), "the user is told where the file went");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("book.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    click(&mut h, "Mở bản sao lưu tốt gần nhất");
    tab(&mut h, "Quỹ khuyến học");
    assert_eq!(h.state().book().vouchers.len(), good.book.vouchers.len());
    assert!(shows(&h, "Sổ thu chi"));
}

#[test]
fn a_newer_file_opens_read_only() {
    let dir = tempfile::tempdir().expect("dir");
    let mut newer = Data::new(demo_book());
    newer.version = DATA_VERSION + 1;
    std::fs::write(dir.path().join("book.ron"), to_text(&newer).expect("ser")).expect("write");
    let mut h = app(dir.path());
    assert!(shows(&h, "Chỉ đọc"));
    assert!(h.state().read_only());
    assert_eq!(h.state().book().vouchers.len(), newer.book.vouchers.len(), "its data is shown");
    let before = std::fs::read_to_string(dir.path().join("book.ron")).expect("read");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut h);
    assert!(!shows(&h, "Lập phiếu thu"), "no new voucher in a read-only book");
    h.state_mut().flush();
    assert_eq!(std::fs::read_to_string(dir.path().join("book.ron")).expect("read"), before, "never overwritten");
}

#[test]
fn import_receipts_from_an_old_spreadsheet() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("ung-ho-2023.csv");
    std::fs::write(
        &file,
        "DANH SÁCH ỦNG HỘ QUỸ KHUYẾN HỌC NĂM 2023;;;\n\
         STT;Ngày nộp;Người nộp tiền;Số tiền\n\
         1;02/10/2023;Ông Nguye\u{0302}\u{0303}n Văn Hùng;2.000.000\n\
         ;;;\n\
         2;03/10/2023;Công ty CP Nhật Lệ;15tr\n\
         3;02/10/2023;ông nguyễn văn hùng;2.000.000\n\
         4;31/02/2023;Lê Thị Mai;500.000\n\
         ;;Tổng cộng;17.000.000\n\
         ;;Đông Hà, ngày 10 tháng 11 năm 2023;\n\
         ;Người lập biểu;;Thủ quỹ\n",
    )
    .expect("write csv");
    let mut h = empty_app(dir.path().join("data").as_path());
    click_button(&mut h, "Nhập phiếu thu từ tệp…");
    type_into(&mut h, "Đường dẫn tệp", &file.display().to_string());
    click_button(&mut h, "Tiếp");
    assert!(shows(&h, "2. Ghép cột"));
    click_button(&mut h, "Tiếp");
    assert!(shows_exactly(&h, "Mới: 2"));
    assert!(shows_exactly(&h, "Có thể trùng: 1"));
    assert!(shows_exactly(&h, "Lỗi: 1"), "a bad date");
    assert!(shows_exactly(&h, "Cuối bảng: 3"), "the total, the place and date, the signers: not errors");
    assert!(shows_exactly(&h, "Dòng trống: 1"));
    assert!(shows(&h, "ngày không hợp lệ: «31/02/2023»"));
    assert!(!shows(&h, "trước năm đầu tiên"), "an empty book has no first year to warn of");
    click_button(&mut h, "Nhập các dòng hợp lệ (2)");
    let book = h.state().book();
    assert_eq!(book.vouchers.len(), 2);
    assert_eq!(book.vouchers[0].body.counterparty, "Ông Nguyễn Văn Hùng", "stored as NFC");
    let donors: Vec<&str> = book.donors.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(donors, ["Nguyễn Văn Hùng", "Công ty CP Nhật Lệ"], "one donor per name, no word of address");
    assert!(shows_exactly(&h, "Đã nhập: 2"));
    assert!(shows_exactly(&h, "Bỏ qua: 5 · Dòng trống: 1"));
    click_button(&mut h, "↶ Hoàn tác");
    let book = h.state().book();
    assert!(
        book.vouchers.iter().all(|v| v.void.as_ref().is_some_and(|x| x.reason == "Hoàn tác")),
        "the whole import is one undo step; its numbers stay, voided"
    );
    assert!(book.donors.is_empty());
}

#[test]
fn going_back_in_an_import_keeps_the_columns_the_user_matched() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("ung-ho.csv");
    std::fs::write(&file, "Ngày;Người đóng góp;Số tiền;Cột phụ\n02/10/2024;Lê Văn Tám;2.000.000;Xây trường\n")
        .expect("write csv");
    let mut h = empty_app(dir.path().join("data").as_path());
    click_button(&mut h, "Nhập phiếu thu từ tệp…");
    type_into(&mut h, "Đường dẫn tệp", &file.display().to_string());
    click_button(&mut h, "Tiếp");
    let description = |h: &egui_kittest::Harness<'_, sokh::App>| {
        h.get_by_role_and_label(Role::ComboBox, "Nội dung").value().unwrap_or_default()
    };
    assert_eq!(description(&h), "(không dùng)", "nothing guessed for an unknown header");
    h.get_by_role_and_label(Role::ComboBox, "Nội dung").click();
    settle(&mut h);
    click(&mut h, "D: Cột phụ");
    assert_eq!(description(&h), "D: Cột phụ");
    // To the preview and back, then back to the file and forward again.
    click_button(&mut h, "Tiếp");
    assert!(shows_exactly(&h, "Mới: 1"));
    click_button(&mut h, "Quay lại");
    assert_eq!(description(&h), "D: Cột phụ", "back from the preview");
    click_button(&mut h, "Quay lại");
    click_button(&mut h, "Tiếp");
    assert!(shows(&h, "2. Ghép cột"));
    assert_eq!(description(&h), "D: Cột phụ", "the same file read again keeps the user's choice");
    click_button(&mut h, "Tiếp");
    click_button(&mut h, "Nhập các dòng hợp lệ (1)");
    assert_eq!(h.state().book().vouchers[0].body.description, "Xây trường");
}

#[test]
fn receipts_before_the_books_first_year_are_named_before_the_import() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("cu-2019.csv");
    std::fs::write(&file, "Ngày;Người đóng góp;Số tiền\n02/10/2019;Lê Văn Tám;2.000.000\n03/10/2024;Lê Văn Tám;1tr\n")
        .expect("write csv");
    let mut h = app(dir.path().join("data").as_path());
    open_demo(&mut h);
    click_button(&mut h, "Nhập phiếu thu từ tệp…");
    type_into(&mut h, "Đường dẫn tệp", &file.display().to_string());
    click_button(&mut h, "Tiếp");
    click_button(&mut h, "Tiếp");
    assert!(shows_exactly(&h, "Mới: 2"));
    assert!(shows_exactly(
        &h,
        "⚠ 1 phiếu có ngày trước năm đầu tiên của sổ (2021): nhập vào sẽ thay đổi số dư đầu năm của mọi năm sau."
    ));
}

#[test]
fn clicking_a_chart_legend_lists_the_vouchers_behind_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    click(&mut h, "Biểu đồ");
    assert!(shows(&h, "Đóng góp theo tháng, theo loại nhà tài trợ"));
    assert!(shows(&h, "Tỷ trọng theo loại nhà tài trợ"));
    let legend = h.get_by_label_contains("Doanh nghiệp · ");
    legend.click();
    settle(&mut h);
    assert!(shows(&h, "Các phiếu: 2026 · Doanh nghiệp"));
}

#[test]
fn donors_list_with_totals_and_a_new_donor() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    click(&mut h, "Nhà tài trợ");
    assert!(shows(&h, "Đã góp năm trước, chưa góp năm nay (2026)"));
    assert!(shows(&h, "Tổng năm 2026"));
    let before = h.state().book().donors.len();
    click_button(&mut h, "+ Thêm nhà tài trợ");
    click_button(&mut h, "Lưu");
    assert!(shows(&h, "Nhập tên."), "a name is required");
    type_into(&mut h, "Tên", "Quỹ Tấm lòng vàng");
    click_button(&mut h, "Lưu");
    assert_eq!(h.state().book().donors.len(), before + 1);
    type_into(&mut h, "Tìm kiếm", "tam long");
    assert!(shows(&h, "Quỹ Tấm lòng vàng"));
    assert!(shows(&h, "1 nhà tài trợ"));
}

#[test]
fn after_exploring_the_demo_start_an_empty_book_after_a_question_and_undo_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    let demo = h.state().book().clone();
    click(&mut h, "Tệp");
    click(&mut h, "Bắt đầu sổ trống");
    assert!(shows(&h, "Bắt đầu sổ trống?"), "it asks first");
    assert_eq!(h.state().book(), &demo, "and nothing changed yet");
    click_button(&mut h, "Hủy");
    assert!(!shows(&h, "Bắt đầu sổ trống?"));
    assert_eq!(h.state().book(), &demo);
    click(&mut h, "Tệp");
    click(&mut h, "Bắt đầu sổ trống");
    click_button(&mut h, "Bắt đầu sổ trống");
    settle(&mut h);
    let book = h.state().book();
    assert!(book.vouchers.is_empty() && book.donors.is_empty());
    assert_eq!(book.communes.len(), 78, "the commune list is kept");
    assert_eq!(book.settings, demo.settings, "and the settings");
    assert!(shows(&h, "Đã thay sổ."));
    // The book as it was is kept under a name of its own, before it was replaced.
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("backups")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("before-empty-")))
        .collect();
    assert_eq!(kept.len(), 1);
    let copy = sokh::storage::read_book(&kept[0]).expect("the copy reads");
    assert_eq!(copy.book, demo);
    assert!(shows(&h, &kept[0].display().to_string()), "the window says where it is");
    click_button(&mut h, "↶ Hoàn tác");
    assert_eq!(h.state().book(), &demo);
}

#[test]
fn the_theme_is_light_by_default_and_the_switch_is_remembered() {
    let dir = tempfile::tempdir().expect("dir");
    let storage: &'static MemStorage = Box::leak(Box::default());
    let mut h = app_with_storage(dir.path(), storage);
    open_demo(&mut h);
    assert_eq!(h.ctx.theme(), egui::Theme::Light, "light where the desktop says nothing");
    assert_eq!(h.ctx.global_style().visuals.panel_fill, egui::Color32::from_gray(248));
    h.get_by_role_and_label(Role::ComboBox, "Giao diện").click();
    settle(&mut h);
    click(&mut h, "Tối");
    settle(&mut h);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
    let mut store = MemStorage::default();
    eframe::App::save(h.state_mut(), &mut store);
    h.state_mut().flush();
    let kept: &'static MemStorage = Box::leak(Box::new(store));
    let mut h2 = app_with_storage(dir.path(), kept);
    settle(&mut h2);
    assert_eq!(h2.ctx.theme(), egui::Theme::Dark, "the choice is remembered");
    h2.get_by_role_and_label(Role::ComboBox, "Giao diện").click();
    settle(&mut h2);
    click(&mut h2, "Theo máy");
    settle(&mut h2);
    assert_eq!(h2.ctx.theme(), egui::Theme::Light, "back to the desktop's (none here: light)");
}

/// The commands the window sent to the desktop in the last frame.
fn commands(h: &egui_kittest::Harness<'_, sokh::App>) -> Vec<egui::ViewportCommand> {
    let root = egui::ViewportId::ROOT;
    h.output().viewport_output.get(&root).map(|v| v.commands.clone()).unwrap_or_default()
}

#[test]
fn the_window_title_names_the_book_and_whether_it_is_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    assert_eq!(h.state().window_title(), "Sổ Khuyến học — chưa mở sổ");
    open_demo(&mut h);
    assert!(h.state_mut().flush());
    h.step();
    let saved = "Sổ Khuyến học — Hội Khuyến học tỉnh Quảng Trị (đã lưu)";
    assert_eq!(h.state().window_title(), saved);
    assert!(commands(&h).contains(&egui::ViewportCommand::Title(saved.into())), "sent to the desktop");
    let target = sokh::model::action::Action::Fund(sokh::model::fund::action::FundAction::SetTarget {
        year: 2026,
        amount: Some(sokh::model::money::Vnd(9_000_000_000)),
    });
    h.state_mut().commit(target).expect("ok");
    h.step();
    let unsaved = "Sổ Khuyến học — Hội Khuyến học tỉnh Quảng Trị (chưa lưu)";
    assert_eq!(h.state().window_title(), unsaved);
    assert!(commands(&h).contains(&egui::ViewportCommand::Title(unsaved.into())));
    assert!(h.state_mut().flush());
    h.step();
    assert_eq!(h.state().window_title(), saved);
}

/// Presses Ctrl+Q in one frame and returns what the window asked of the desktop in it.
fn ctrl_q(h: &mut egui_kittest::Harness<'_, sokh::App>) -> Vec<egui::ViewportCommand> {
    let modifiers = egui::Modifiers::COMMAND;
    let key = egui::Event::Key { key: egui::Key::Q, pressed: true, repeat: false, modifiers, physical_key: None };
    h.input_mut().events.push(key);
    h.step();
    commands(h)
}

#[test]
fn quit_from_the_file_menu_and_with_ctrl_q() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    click(&mut h, "Tệp");
    h.get_by_role_and_label(Role::Button, "Thoát Ctrl+Q").click();
    h.step();
    assert!(commands(&h).contains(&egui::ViewportCommand::Close), "Tệp → Thoát closes the window");
    settle(&mut h);
    assert!(!commands(&h).contains(&egui::ViewportCommand::Close));
    assert!(ctrl_q(&mut h).contains(&egui::ViewportCommand::Close), "Ctrl+Q closes the window");
    settle(&mut h);
    // Even while typing in a field.
    h.get_by_role_and_label(Role::TextInput, "Tìm kiếm").click();
    settle(&mut h);
    assert!(ctrl_q(&mut h).contains(&egui::ViewportCommand::Close), "Ctrl+Q from inside a field");
    assert!(!h.state().book().vouchers.is_empty());
}
