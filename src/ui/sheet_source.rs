//! The first steps every spreadsheet import shares: pick a file, read its sheets (on their
//! own thread, with a line that says so), choose the sheet and the header row.

use super::widgets::short;
use super::widgets::{FilePicker, start_dir};
use super::work::{Work, busy};
use crate::i18n::{Lang, T};
use crate::io::table::col_name;
use crate::io::table::{ReadError, Sheet, read_sheets};
use std::sync::Arc;

pub struct SheetSource {
    picker: FilePicker,
    /// Shared, so that a preview can read them on its own thread.
    sheets: Vec<Arc<Sheet>>,
    sheet: usize,
    pub header: usize,
    reading: Option<Work<Result<Vec<Sheet>, ReadError>>>,
}

impl Default for SheetSource {
    fn default() -> Self {
        Self {
            picker: FilePicker::to_open(&start_dir(), &[".csv", ".xlsx", ".xls", ".ods"]),
            sheets: Vec::new(),
            sheet: 0,
            header: 0,
            reading: None,
        }
    }
}

/// Which column of the sheet feeds a field: "(not used)" or "B: Họ và tên".
pub fn column_choice(
    ui: &mut egui::Ui,
    lang: Lang,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: egui::Id,
    header: &[String],
    width: usize,
    choice: &mut Option<usize>,
) {
    let name = |i: usize| format!("{}: {}", col_name(i), short(header.get(i).map(String::as_str).unwrap_or(""), 48));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(choice.map(name).unwrap_or_else(|| T::NotMapped.get(lang).to_owned()))
        .width(240.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(choice, None, T::NotMapped.get(lang));
            for i in 0..width {
                ui.selectable_value(choice, Some(i), name(i));
            }
        })
        .response
        .labelled_by(label);
}

impl SheetSource {
    pub fn rows(&self) -> &[Vec<String>] {
        self.sheets.get(self.sheet).map(|s| s.rows.as_slice()).unwrap_or(&[])
    }

    /// The sheet chosen, shared (for work on another thread).
    pub fn shared(&self) -> Option<Arc<Sheet>> {
        self.sheets.get(self.sheet).cloned()
    }

    pub fn header_row(&self) -> &[String] {
        self.rows().get(self.header).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The file picker and its Next button. The file is read on its own thread; `Some(Ok)`
    /// once a file with sheets is read, `Some(Err)` with the reason in the user's language.
    /// `Ok(true)`: the file read has the sheet and header row read before (the user went back
    /// a step and came forward, or read the same file again), so the sheet and header row are
    /// kept and the caller keeps the columns the user mapped; `Ok(false)`: guess afresh.
    pub fn file_step(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Result<bool, String>> {
        if let Some(work) = &self.reading {
            let Some(done) = work.poll() else {
                busy(ui, &format!("{} {}", T::Reading.get(lang), self.picker.name));
                return None;
            };
            self.reading = None;
            return Some(match done {
                Some(Ok(sheets)) => {
                    let before = self.shared().map(|s| (s.name.clone(), self.header_row().to_vec()));
                    self.sheets = sheets.into_iter().map(Arc::new).collect();
                    let same = before.and_then(|(name, header)| {
                        let i = self.sheets.iter().position(|s| s.name == name)?;
                        let row = self.sheets.get(i)?.rows.get(self.header)?;
                        (*row == header && !header.is_empty()).then_some(i)
                    });
                    self.sheet = same.unwrap_or(0);
                    Ok(same.is_some())
                }
                Some(Err(e)) => Err(format!("{}: {}", T::ReadError.get(lang), crate::labels::read_error(lang, &e))),
                None => Err(T::ReadError.get(lang).to_owned()),
            });
        }
        let double = self.picker.show(ui, lang);
        if ui.button(T::Next.get(lang)).clicked() || double {
            let path = self.picker.path();
            self.reading = Some(Work::start(ui.ctx(), move || read_sheets(&path)));
        }
        None
    }

    /// The sheet and header-row choosers. Returns true when the sheet changed (the caller
    /// guesses the header again) or the header row changed (the caller guesses the columns).
    pub fn choose(&mut self, ui: &mut egui::Ui, lang: Lang) -> (bool, bool) {
        let (mut sheet_changed, mut header_changed) = (false, false);
        ui.horizontal(|ui| {
            let l = ui.label(T::Sheet.get(lang));
            let mut sheet = self.sheet;
            egui::ComboBox::from_id_salt("import_sheet")
                .selected_text(self.sheets.get(self.sheet).map(|s| s.name.clone()).unwrap_or_default())
                .show_ui(ui, |ui| {
                    for (i, s) in self.sheets.iter().enumerate() {
                        ui.selectable_value(&mut sheet, i, &s.name);
                    }
                })
                .response
                .labelled_by(l.id);
            sheet_changed = sheet != self.sheet;
            self.sheet = sheet;
            let l = ui.label(T::HeaderRow.get(lang));
            let mut shown = self.header + 1;
            ui.add(egui::DragValue::new(&mut shown).range(1..=self.rows().len().max(1))).labelled_by(l.id);
            header_changed = shown != self.header + 1;
            self.header = shown - 1;
        });
        (sheet_changed, header_changed)
    }
}
