//! Light and dark: the desktop's choice, light where the desktop says nothing (an office
//! screen, like paper), or what the user picked with the switch in the top bar.

use super::prefs::Theme;
use crate::i18n::{Lang, T};
use egui::Color32;

/// Sets the theme used where the desktop does not say, and the light theme's contrast.
pub fn install(ctx: &egui::Context) {
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    ctx.style_mut_of(egui::Theme::Light, |s| {
        let v = &mut s.visuals;
        // Text nearly black on an off-white page, stripes a shade darker.
        v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(30);
        v.widgets.inactive.fg_stroke.color = Color32::from_gray(20);
        v.panel_fill = Color32::from_gray(248);
        v.window_fill = Color32::from_gray(252);
        v.faint_bg_color = Color32::from_gray(238);
        v.extreme_bg_color = Color32::WHITE;
    });
}

/// Follows the user's choice (the desktop's setting for [`Theme::System`]).
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let want = theme.preference();
    if ctx.options(|o| o.theme_preference) != want {
        ctx.set_theme(want);
    }
}

/// The switch in the top bar.
pub fn switch(ui: &mut egui::Ui, lang: Lang, theme: &mut Theme) {
    let combo = egui::ComboBox::from_id_salt("theme").selected_text(theme.label().get(lang)).show_ui(ui, |ui| {
        for t in Theme::ALL {
            ui.selectable_value(theme, t, t.label().get(lang));
        }
    });
    let label = ui.label(T::Theme.get(lang));
    combo.response.labelled_by(label.id);
}
