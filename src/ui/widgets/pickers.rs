//! The pickers every tab shares: the year, the commune, the view.

use crate::i18n::{Lang, T};
use crate::model::book::Commune;
use egui::{RichText, Ui};

/// This year, by the computer's clock.
pub fn this_year() -> i32 {
    chrono::Datelike::year(&chrono::Local::now())
}

/// The years a year picker offers: those given and this one, oldest first, once each.
pub fn years_with(years: impl IntoIterator<Item = i32>) -> Vec<i32> {
    let mut all: Vec<i32> = years.into_iter().chain([this_year()]).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// "Năm" and a list of years (see `years_with`); picking one sets `choice`.
pub fn year_picker(ui: &mut Ui, lang: Lang, salt: &str, years: &[i32], year: i32, choice: &mut Option<i32>) {
    let l = ui.label(T::Year.get(lang));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(year.to_string())
        .show_ui(ui, |ui| {
            for y in years.iter().rev() {
                if ui.selectable_label(*y == year, y.to_string()).clicked() {
                    *choice = Some(*y);
                }
            }
        })
        .response
        .labelled_by(l.id);
}

/// The views of a tab, side by side; the one shown is highlighted.
pub fn view_switch<V: PartialEq + Copy>(ui: &mut Ui, lang: Lang, current: &mut V, views: &[(V, T)]) {
    for &(v, t) in views {
        ui.selectable_value(current, v, RichText::new(t.get(lang)).size(15.0));
    }
}

/// A commune from the book's list (shown as "Xã Tuyên Bình"); `none` names the empty choice
/// ("no commune", "all"), left out where one must be chosen.
pub fn commune_picker<V: PartialEq + From<String> + std::ops::Deref<Target = str>>(
    ui: &mut Ui,
    salt: &str,
    label: egui::Id,
    value: &mut V,
    communes: &[Commune],
    none: Option<&str>,
) {
    let shown = match none {
        Some(none) if value.is_empty() => none.to_owned(),
        _ => value.to_string(),
    };
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(240.0)
        .height(300.0)
        .show_ui(ui, |ui| {
            if let Some(none) = none {
                ui.selectable_value(value, V::from(String::new()), none);
            }
            for c in communes {
                ui.selectable_value(value, V::from(c.name.clone()), format!("{} {}", c.kind, c.name));
            }
        })
        .response
        .labelled_by(label);
}
