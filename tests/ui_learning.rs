//! The Learning models tab driven through the real window: score a family and watch the
//! band change, enter a grid with the keyboard, make a new version of a set.

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn with_family(h: &mut egui_kittest::Harness<'_, sokh::App>) {
    click(h, "Mô hình học tập");
    click_button(h, "+ Thêm đối tượng");
    type_into(h, "Tên", "Gia đình ông Lê Văn Tám");
    click_button(h, "Lưu");
    assert_eq!(h.state().book().learning.subjects.len(), 1);
}

#[test]
fn score_a_family_and_watch_the_band_change() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    with_family(&mut h);
    click(&mut h, "Gia đình ông Lê Văn Tám · ");
    assert!(shows(&h, "Kết quả: Chưa đạt (0/100)"));
    // QĐ 448 family: six lines worth 10, 10, 10, 30, 20, 20.
    assert_eq!(h.get_all_by_role(Role::SpinButton).count(), 6);
    for (k, max) in [10.0, 10.0, 10.0, 30.0, 20.0, 10.0].into_iter().enumerate() {
        h.get_all_by_role(Role::SpinButton).nth(k).expect("cell").set_value_accesskit(max);
        settle(&mut h);
    }
    assert!(shows(&h, "Kết quả: Đạt Gia đình học tập (90/100)"), "90 of 100 passes the 80 threshold");
    h.get_all_by_role(Role::SpinButton).nth(3).expect("cell").set_value_accesskit(10.0);
    settle(&mut h);
    assert!(shows(&h, "Kết quả: Chưa đạt (70/100)"), "the band changes at once");
    click_button(&mut h, "Lưu");
    let sheet = &h.state().book().learning.sheets[0];
    assert_eq!(sheet.values.iter().map(|v| u32::from(v.score)).sum::<u32>(), 70);
    click_button(&mut h, "↶ Hoàn tác");
    assert!(h.state().book().learning.sheets.is_empty());
}

#[test]
fn enter_a_grid_with_the_keyboard_and_by_pasting() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    with_family(&mut h);
    click_button(&mut h, "+ Thêm đối tượng");
    type_into(&mut h, "Tên", "Gia đình bà Hồ Thị Mai");
    click_button(&mut h, "Lưu");
    click(&mut h, "Nhập nhanh");
    h.get_by_role_and_label(Role::ComboBox, "Bộ tiêu chí").click();
    settle(&mut h);
    click(&mut h, "Gia đình học tập (QĐ 448/QĐ-KHVN) · v1");
    // Each column is headed by its item's code and maximum, not a running number.
    for (code, max) in [("1.1", "10 đ"), ("1.3", "10 đ"), ("2.1", "30 đ"), ("4.1", "20 đ")] {
        assert!(shows_exactly(&h, code) && shows_exactly(&h, max), "{code} {max}");
    }
    assert!(!shows_exactly(&h, "6"), "no running number over the last column");
    // The keyboard: into the first cell, type over it, Tab to the next.
    h.get_all_by_role(Role::SpinButton).next().expect("first cell").focus();
    settle(&mut h);
    for text in ["9", "8"] {
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        settle(&mut h);
        h.get_all_by_role(Role::SpinButton).find(|n| n.is_focused()).expect("the cell is being edited").type_text(text);
        settle(&mut h);
        h.key_press(Key::Tab);
        settle(&mut h);
    }
    // Pasting the second family's whole line.
    let paste = "Dán dữ liệu từ bảng tính (mỗi dòng một đối tượng, các cột theo thứ tự nội dung)";
    h.get_by_role_and_label(Role::MultilineTextInput, paste).click();
    settle(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, paste).type_text("9\t8\n10\t10\t10\t30\t20\t20");
    settle(&mut h);
    click_button(&mut h, "Điền vào bảng");
    click_button(&mut h, "Lưu tất cả (2)");
    let l = &h.state().book().learning;
    assert_eq!(l.sheets.len(), 2, "one step for both rows");
    let scores = |i: usize| {
        l.sheets.iter().find(|s| s.subject == i).map(|s| s.values.iter().map(|v| v.score).collect::<Vec<_>>())
    };
    assert_eq!(scores(0).map(|s| s[..2].to_vec()), Some(vec![9, 8]));
    assert_eq!(scores(1).map(|s| s.iter().map(|&x| u32::from(x)).sum::<u32>()), Some(100));
    click_button(&mut h, "↶ Hoàn tác");
    assert!(h.state().book().learning.sheets.is_empty());
}

#[test]
fn editing_a_used_set_makes_a_new_version() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(dir.path());
    with_family(&mut h);
    click(&mut h, "Gia đình ông Lê Văn Tám · ");
    click_button(&mut h, "Lưu");
    let used = h.state().book().learning.sheets[0].set;
    h.get_by_role_and_label(Role::Button, "Bộ tiêu chí").click();
    settle(&mut h);
    click(&mut h, "Gia đình học tập (QĐ 448/QĐ-KHVN) · phiên bản 1");
    click_button(&mut h, "Sửa bộ tiêu chí");
    assert!(shows(&h, "Bộ đã dùng để chấm sẽ được lưu thành phiên bản mới"));
    replace_text(&mut h, "Tên", "Gia đình học tập (Quảng Trị)");
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    settle(&mut h);
    let l = &h.state().book().learning;
    let newest = l.sets.last().expect("set");
    assert_eq!((newest.name.as_str(), newest.version, newest.parent), ("Gia đình học tập (Quảng Trị)", 2, Some(used)));
    assert_eq!(l.sheets[0].set, used, "the old sheet keeps its version");
    assert!(shows(&h, "Gia đình học tập (Quảng Trị) · phiên bản 2"));
}

#[test]
fn the_rollup_counts_the_demo() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    click(&mut h, "Mô hình học tập");
    click(&mut h, "Tổng hợp");
    assert!(shows(&h, "Toàn tỉnh 2026"));
    assert!(shows(&h, "Tỷ lệ được công nhận qua các năm"));
    let (_, province) = sokh::model::learning::rollup::rollup(&h.state().book().learning, 2026);
    let family = province.iter().find(|r| r.model == sokh::model::learning::ModelKind::Family).expect("families");
    assert!(shows(&h, &format!("{} %", family.share().unwrap_or(0))));
}

#[test]
fn a_decision_is_recorded_and_the_rollup_exported() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = empty_app(&dir.path().join("data"));
    with_family(&mut h);
    click(&mut h, "Quyết định công nhận");
    click_button(&mut h, "+ Thêm quyết định");
    type_into(&mut h, "Đối tượng", "le van tam");
    click(&mut h, "Gia đình ông Lê Văn Tám · ");
    type_into(&mut h, "Số quyết định", "15/QĐ-UBND");
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    settle(&mut h);
    let d = &h.state().book().learning.decisions[0];
    assert_eq!((d.subject, d.number.as_str()), (0, "15/QĐ-UBND"));
    assert_eq!(d.result, "Đạt Gia đình học tập", "the result follows the subject picked");
    assert!(shows(&h, "15/QĐ-UBND"));
    // The subject's years on its score sheet name the decision.
    click(&mut h, "Chấm điểm");
    click(&mut h, "Gia đình ông Lê Văn Tám · ");
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    settle(&mut h);
    let year = h.state().book().learning.sheets.first().map(|s| s.year).expect("a sheet saved");
    assert!(shows(&h, &format!("{year}: ")) && shows(&h, " · 15/QĐ-UBND"), "the history names the decision");
    click(&mut h, "Tổng hợp");
    click_button(&mut h, "Xuất tổng hợp và phiếu (XLSX)…");
    let file = dir.path().join("tong-hop.xlsx");
    replace_text(&mut h, "Đường dẫn tệp", &file.display().to_string());
    h.get_by_role_and_label(Role::Button, "Lưu").click_accesskit();
    // Written on its own thread: wait for the window to say so.
    for _ in 0..400 {
        h.run_steps(2);
        if shows(&h, "Đã xuất") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let sheets = sokh::io::table::read_sheets(&file).expect("the roll-up");
    assert_eq!(sheets[0].rows[0][0], "Xã / phường");
    assert!(dir.path().join("tong-hop-phieu.xlsx").exists(), "and the sheets beside it");
}

#[test]
fn a_click_on_a_met_or_not_met_cell_flips_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    tab(&mut h, "Mô hình học tập");
    click(&mut h, "Nhập nhanh");
    let l = &h.state().book().learning;
    let subject = l.subjects.iter().position(|s| s.name == "Xã Tuyên Bình").expect("the demo commune");
    let before: Vec<bool> = l
        .sheets
        .iter()
        .find(|s| s.subject == subject && s.year == 2026)
        .map(|s| s.values.iter().map(|v| v.met).collect())
        .expect("a sheet");
    // The row's cells are one strip; a click in its middle is the sixth of eleven items.
    h.get_by_label("Xã Tuyên Bình (11)").click();
    settle(&mut h);
    click_button(&mut h, "Lưu tất cả (1)");
    let after: Vec<bool> = h
        .state()
        .book()
        .learning
        .sheets
        .iter()
        .rev()
        .find(|s| s.subject == subject && s.year == 2026)
        .map(|s| s.values.iter().map(|v| v.met).collect())
        .expect("a sheet");
    let flipped: Vec<usize> = (0..before.len()).filter(|&k| before[k] != after[k]).collect();
    assert_eq!(flipped, vec![5], "only the clicked cell changed");
}

#[test]
fn each_decision_names_its_subjects_model() {
    let dir = tempfile::tempdir().expect("dir");
    let mut h = app(dir.path());
    open_demo(&mut h);
    tab(&mut h, "Mô hình học tập");
    click(&mut h, "Quyết định công nhận");
    assert!(shows(&h, "Chưa có quyết định công nhận nào của năm này."), "2026 is not decided before December");
    h.get_by_role_and_label(Role::ComboBox, "Năm").click();
    settle(&mut h);
    click(&mut h, "2025");
    let l = &h.state().book().learning;
    let clan = l
        .decisions
        .iter()
        .find(|d| d.year == 2025 && l.subjects[d.subject].kind == sokh::model::learning::ModelKind::Clan)
        .expect("a clan recognised in 2025");
    let (name, number) = (l.subjects[clan.subject].name.clone(), clan.number.clone());
    assert_eq!(clan.result, "Đạt Dòng họ học tập");
    assert!(shows(&h, &name) && shows(&h, &number));
    assert!(shows(&h, "Đạt Dòng họ học tập") && shows(&h, "Đạt Cộng đồng học tập cấp thôn"));
}
