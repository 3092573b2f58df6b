//! Shared widgets: labelled fields with their error beside them, money and date fields,
//! an in-app file picker.

mod file_picker;
mod form;
mod pickers;
mod plots;
mod shared_text;
mod table_nav;
pub use file_picker::{FilePicker, remembered_dir, set_remembered_dir, start_dir};
pub(crate) use form::form_error;
pub use form::{Form, Problem, problem_at, problem_rest, settle};
pub use pickers::{commune_picker, this_year, view_switch, year_picker, years_with};
pub use plots::{legend, round_marks};
pub use table_nav::TableNav;

use crate::i18n::{Lang, T};
use crate::model::date::{format_date, parse_date};
use crate::model::money::{Vnd, parse_vnd};
use crate::model::text::TEXT_MAX;
use crate::ui::labels;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, TextEdit, Ui};

pub const ERROR: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const WARN: Color32 = Color32::from_rgb(0xb3, 0x6b, 0x00);
pub const RECEIPT: Color32 = Color32::from_rgb(0x1e, 0x7b, 0x4f);
pub const PAYMENT: Color32 = Color32::from_rgb(0xb0, 0x3a, 0x2e);

pub fn error_text(ui: &mut Ui, text: impl Into<String>) {
    ui.label(RichText::new(text.into()).color(ERROR));
}

/// A label in a two-column grid, then the field built by `add`, which gets the label's id
/// as its accessible name; an error, when there is one, shows under the field.
pub fn row<R>(ui: &mut Ui, label: &str, error: Option<String>, add: impl FnOnce(&mut Ui, egui::Id) -> R) -> R {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = add(ui, l.id);
            if let Some(e) = error {
                error_text(ui, e);
            }
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A one-line field. No field takes more than `TEXT_MAX` characters (a paste beyond it is
/// cut, and the field says so); names are held to `NAME_MAX` when saved, with a message.
pub fn text(ui: &mut Ui, value: &mut impl egui::TextBuffer, label: egui::Id, width: f32, hint: &str) -> egui::Response {
    let r = ui
        .add(TextEdit::singleline(value).desired_width(width).hint_text(hint).char_limit(TEXT_MAX))
        .labelled_by(label);
    at_limit(ui, value.as_str(), TEXT_MAX);
    r
}

/// A text as a preview shows it: a long one cut short at `max` characters (the data keeps
/// it whole).
pub fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Under a field that is full: how long it may be.
pub fn at_limit(ui: &mut Ui, value: &str, max: usize) {
    if value.len() >= max && value.chars().count() >= max {
        ui.weak(T::AtLimit.get(lang_of(ui.ctx())).replace("{max}", &Vnd(max as i64).grouped()));
    }
}

fn lang_id() -> egui::Id {
    egui::Id::unique("sokh-language")
}

/// Tells the shared widgets the window's language (set once a frame by the app).
pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(lang_id(), lang));
}

fn lang_of(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp(lang_id())).unwrap_or_default()
}

/// Parses a money field, giving the message to show beside it.
pub fn money_value(lang: Lang, text: &str) -> Result<Vnd, String> {
    parse_vnd(text).map_err(|e| labels::money_error(&e).get(lang).to_owned())
}

pub fn date_value(lang: Lang, text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(|e| labels::date_error(&e).get(lang).to_owned())
}

/// An optional date field: empty is none, anything else must be a date.
pub fn optional_date(lang: Lang, text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() { Ok(None) } else { date_value(lang, text).map(Some) }
}

fn to_jiff(d: NaiveDate) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8).ok()
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year() as i32, d.month() as u32, d.day() as u32)
}

/// A dd/mm/yyyy text field with a calendar button beside it.
pub fn date_field(ui: &mut Ui, text: &mut String, label: egui::Id, salt: &str) -> egui::Response {
    ui.horizontal(|ui| {
        let r = self::text(ui, text, label, 96.0, "dd/mm/yyyy");
        let today = chrono::Local::now().date_naive();
        let shown = parse_date(text).unwrap_or(today);
        if let Some(mut d) = to_jiff(shown) {
            let before = d;
            ui.add(
                egui_extras::DatePickerButton::new(&mut d)
                    .id_salt(salt)
                    .show_icon(false)
                    .format("%d/%m/%Y")
                    .calendar_week(false),
            );
            if d != before
                && let Some(n) = from_jiff(d)
            {
                *text = format_date(n);
            }
        }
        r
    })
    .inner
}

/// A window placed at the top centre of the screen, where the eye goes after a click.
pub fn dialog<'a>(ctx: &egui::Context, title: &'a str) -> egui::Window<'a> {
    egui::Window::new(title)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(ctx.content_rect().center().x, 70.0))
        .collapsible(false)
}

/// "Năm 2025 đã khóa sổ: chỉ xem." above what belongs to a closed year.
pub fn closed_banner(ui: &mut Ui, lang: Lang, book: &crate::model::book::Book, year: i32) {
    if book.closed.contains_key(&year) {
        ui.label(RichText::new(T::ClosedBanner.get(lang).replace("{y}", &year.to_string())).color(WARN).strong());
    }
}

/// A table's header: one strong title a column.
pub fn table_header(h: &mut egui_extras::TableRow<'_, '_>, lang: Lang, titles: &[T]) {
    for t in titles {
        h.col(|ui| {
            // On one line: an auto-sized column grows to its title rather than break it.
            ui.add(egui::Label::new(RichText::new(t.get(lang)).strong()).wrap_mode(egui::TextWrapMode::Extend));
        });
    }
}
