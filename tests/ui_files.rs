//! Files through the window: exporting the ledger view and donors, the whole book out and in.

mod common;

use common::*;
use egui_kittest::kittest::Queryable;
use sokh::io::table::read_sheets;
use std::time::{Duration, Instant};

fn wait_for(h: &mut egui_kittest::Harness<'_, sokh::App>, text: &str) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        // The spinner repaints while the file is written: step rather than settle.
        h.run_steps(2);
        if shows(h, text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn save_without_settling(h: &mut egui_kittest::Harness<'_, sokh::App>) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Lưu").click();
    h.run_steps(2);
}

#[test]
fn export_the_filtered_ledger_to_xlsx_and_csv() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(&dir.path().join("data"));
    open_demo(&mut h);
    type_into(&mut h, "Tìm kiếm", "tiep suc den truong 2025");
    let shown = h.state().book().vouchers.iter().filter(|v| v.body.campaign == "Tiếp sức đến trường 2025").count();
    assert!(shown > 0);
    click_button(&mut h, "Xuất bảng đang xem");
    let xlsx = dir.path().join("tiep-suc.xlsx");
    replace_text(&mut h, "Đường dẫn tệp", &xlsx.display().to_string());
    save_without_settling(&mut h);
    assert!(wait_for(&mut h, "Đã xuất"), "the export finishes");
    let sheets = read_sheets(&xlsx).expect("a readable workbook");
    assert_eq!(sheets[0].rows[0][0], "Số phiếu");
    assert_eq!(sheets[0].rows.len(), shown + 1, "the header and exactly the rows shown");
    assert!(sheets[0].rows[1][2].contains('/'), "dates read dd/mm/yyyy");

    click(&mut h, "CSV");
    let csv = dir.path().join("tiep-suc.csv");
    replace_text(&mut h, "Đường dẫn tệp", &csv.display().to_string());
    save_without_settling(&mut h);
    assert!(wait_for(&mut h, &format!("Đã xuất {}", csv.display())));
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert_eq!(text.lines().count(), shown + 1);
}

/// Opens the demo in a window on `dir/a` and exports the whole book to `dir/so-cu.ron`.
fn export_the_demo(dir: &std::path::Path) -> (sokh::model::book::Book, std::path::PathBuf) {
    let mut h = app(&dir.join("a"));
    open_demo(&mut h);
    let demo = h.state().book().clone();
    click(&mut h, "Tệp");
    click(&mut h, "Xuất toàn bộ sổ…");
    let file = dir.join("so-cu.ron");
    replace_text(&mut h, "Đường dẫn tệp", &file.display().to_string());
    save_without_settling(&mut h);
    assert!(wait_for(&mut h, "Đã xuất"), "written beside the window");
    (demo, file)
}

#[test]
fn export_and_import_the_whole_book() {
    let dir = tempfile::tempdir().expect("dir");
    let (demo, file) = export_the_demo(dir.path());

    let mut h2 = empty_app(&dir.path().join("b"));
    click(&mut h2, "Tệp");
    click(&mut h2, "Nhập toàn bộ sổ…");
    replace_text(&mut h2, "Đường dẫn tệp", &file.display().to_string());
    click_button(&mut h2, "Mở");
    assert!(shows(&h2, "sẽ được thay bằng sổ trong tệp. Có thể hoàn tác."), "it asks first");
    click_button(&mut h2, "Thay sổ");
    assert_eq!(h2.state().book(), &demo);
    let log = &h2.state().data().log;
    assert_eq!(log.last().map(|e| &e.label), Some(&sokh::model::log::Label::ReplaceBook), "the import is logged");
    assert!(shows(&h2, "Bản sao của sổ trước đó:"));
    let copies = std::fs::read_dir(dir.path().join("b").join("backups")).expect("backups");
    assert_eq!(
        copies.filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().starts_with("before-import-")).count(),
        1
    );
    click_button(&mut h2, "↶ Hoàn tác");
    assert!(h2.state().book().vouchers.is_empty(), "replacing the book can be undone");
}

#[test]
fn the_first_run_screen_opens_a_book_from_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    let (demo, file) = export_the_demo(dir.path());
    let mut h = app(&dir.path().join("c"));
    assert!(matches!(h.state().mode, sokh::ui::app::Mode::FirstRun));
    assert_eq!(h.state().window_title(), "Sổ Khuyến học — chưa mở sổ");
    click_button(&mut h, "Mở sổ từ tệp…");
    replace_text(&mut h, "Đường dẫn tệp", &file.display().to_string());
    click_button(&mut h, "Mở");
    assert!(shows_exactly(&h, "Sổ trong tệp sẽ trở thành sổ của máy này."), "says what happens");
    assert!(!shows(&h, "Có thể hoàn tác"), "nothing to replace or undo");
    click_button(&mut h, "Dùng sổ này");
    assert!(matches!(h.state().mode, sokh::ui::app::Mode::Normal));
    assert_eq!(h.state().book(), &demo, "the file's book is this computer's book");
    assert!(!shows(&h, "Dùng sổ này"), "the dialog is gone");
    tab(&mut h, "Quỹ khuyến học");
    assert!(shows(&h, "Sổ thu chi"), "its tabs are open");
    assert!(h.state_mut().flush());
    let saved = sokh::storage::read_book(&dir.path().join("c").join("book.ron")).expect("saved");
    assert_eq!(saved.book, demo, "and saved as this computer's book");
}
