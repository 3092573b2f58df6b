//! Helpers shared by the UI tests: the real app in a harness, on a temporary data folder.

#![allow(dead_code)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sokh::{App, AppConfig};
use std::collections::HashMap;
use std::path::Path;

pub fn app(dir: &Path) -> Harness<'static, App> {
    let dir = dir.to_path_buf();
    let mut h =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| App::new(cc, AppConfig::at(Some(dir))));
    settle(&mut h);
    h
}

/// Runs frames until the window settles, waiting for work on other threads (a spinner
/// keeps it repainting until then).
pub fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..2000 {
        if h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the window did not settle within 20 s");
}

pub fn app_with_storage(dir: &Path, storage: &'static MemStorage) -> Harness<'static, App> {
    let dir = dir.to_path_buf();
    let mut h = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| {
        cc.storage = Some(storage);
        App::new(cc, AppConfig::at(Some(dir)))
    });
    settle(&mut h);
    h
}

/// A fresh app whose user chose an empty book, on the fund tab.
pub fn empty_app(dir: &Path) -> Harness<'static, App> {
    let mut h = app(dir);
    h.get_by_label("Bắt đầu sổ trống").click();
    settle(&mut h);
    tab(&mut h, "Quỹ khuyến học");
    h
}

/// Opens the demo book from the first-run screen and goes to the fund tab.
pub fn open_demo(h: &mut Harness<'_, App>) {
    click(h, "Mở sổ mẫu để tìm hiểu");
    tab(h, "Quỹ khuyến học");
}

/// Clicks a tab at the top of the window.
pub fn tab(h: &mut Harness<'_, App>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).click();
    settle(h);
}

pub fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    settle(h);
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    settle(h);
}

/// Selects everything in a field and types over it.
pub fn replace_text(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    settle(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(h);
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    settle(h);
}

pub fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

pub fn click_button(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    settle(h);
}

pub fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// A widget whose whole label is `text` ("1 dòng" does not match "11 dòng").
pub fn shows_exactly(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label(text).next().is_some()
}

/// eframe storage in memory, for preferences.
#[derive(Default)]
pub struct MemStorage(pub std::sync::Mutex<HashMap<String, String>>);

impl eframe::Storage for MemStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.lock().ok()?.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(key.to_owned(), value);
        }
    }
    fn remove_string(&mut self, key: &str) {
        if let Ok(mut m) = self.0.lock() {
            m.remove(key);
        }
    }
    fn flush(&mut self) {}
}

/// Turns the mouse wheel `turns` times over `at`, each `points` down, and lets the window settle.
pub fn wheel(h: &mut Harness<'_, App>, at: egui::Pos2, turns: usize, points: f32) {
    h.hover_at(at);
    for _ in 0..turns {
        h.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -points),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.step();
    }
    settle(h);
}
