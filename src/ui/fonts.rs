//! The bundled font, installed first for proportional and monospace text, so Vietnamese
//! letters and ₫ draw the same on every machine.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

pub fn install(ctx: &egui::Context) {
    // Only the bundled font: the same letters on every machine, and no unused fonts in memory.
    let mut fonts = FontDefinitions::empty();
    fonts
        .font_data
        .insert("dejavu".into(), Arc::new(FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf"))));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "dejavu".into());
    }
    ctx.set_fonts(fonts);
}
