//! What every chart shares: grid lines at round steps (1, 2 or 5 times a power of ten, five
//! to eight of them, each labelled), and a legend drawn beside the chart instead of over its data.

use egui::{Color32, Ui};
use egui_plot::{GridInput, GridMark};

/// Five to eight marks over the visible range, at 1, 2 or 5 × 10ⁿ (never 2,5: its labels
/// would round).
pub fn round_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return Vec::new();
    }
    // egui_plot's base step is about 6 points: keep the labels 30 points apart at least.
    let raw = (span / 8.0).max(input.base_step_size * 5.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| GridMark { value: k as f64 * step, step_size: step }).collect()
}

/// A row of coloured swatches and names, wrapping on a narrow window.
pub fn legend(ui: &mut Ui, items: &[(Color32, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for (color, name) in items {
            // A swatch and its name stay on one line: start a new one when they do not fit.
            let text = egui::WidgetText::from(*name);
            let galley = text.into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body);
            let width = 10.0 + ui.spacing().item_spacing.x + galley.size().x;
            let left = ui.available_size_before_wrap().x;
            if width > left && left < ui.max_rect().width() {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *color);
            ui.add(egui::Label::new(galley));
            ui.add_space(6.0);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(lo: f64, hi: f64) -> Vec<f64> {
        round_marks(GridInput { bounds: (lo, hi), base_step_size: 1.0 }).iter().map(|m| m.value).collect()
    }

    #[test]
    fn marks_fall_on_round_steps() {
        assert_eq!(marks(0.0, 1.3e9), [0.0, 2e8, 4e8, 6e8, 8e8, 1e9, 1.2e9]);
        assert_eq!(marks(-5.0, 100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(marks(0.0, 3.1e9), [0.0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9, 3e9]);
        assert!(marks(1.0, 1.0).is_empty());
        let short = round_marks(GridInput { bounds: (0.0, 1.3e9), base_step_size: 1e8 });
        assert_eq!(short.iter().map(|m| m.value).collect::<Vec<_>>(), [0.0, 5e8, 1e9], "a low chart gets fewer");
    }
}
