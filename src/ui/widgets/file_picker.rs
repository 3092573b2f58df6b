//! Choosing a file: the desktop's own dialog when the user asks for it (Windows' and macOS's
//! dialogs, the desktop portal on Linux, through `rfd`, on its own thread), and always the
//! in-window picker beside it — a folder, its files with size and date, and a name — which
//! works where no desktop dialog answers, and in tests. Both open in the folder last used for
//! a file, across restarts (kept with the preferences).

use super::{row, text};
use crate::i18n::{Lang, T};
use crate::ui::work::Work;
use egui::Ui;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The folder of the last file chosen, read or written.
static LAST_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The user's documents folder (or home).
fn home_dir() -> PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    let home = home.unwrap_or_else(|| PathBuf::from("."));
    let docs = home.join("Documents");
    if docs.is_dir() { docs } else { home }
}

/// Where a picker opens: the folder last used when it still exists, else the documents.
pub fn start_dir() -> PathBuf {
    remembered_dir().filter(|d| d.is_dir()).unwrap_or_else(home_dir)
}

pub fn remembered_dir() -> Option<PathBuf> {
    LAST_DIR.lock().ok().and_then(|d| d.clone())
}

/// The folder kept with the preferences, at start.
pub fn set_remembered_dir(dir: Option<PathBuf>) {
    if let Ok(mut d) = LAST_DIR.lock() {
        *d = dir;
    }
}

fn remember_dir(dir: &Path) {
    if let Ok(mut d) = LAST_DIR.lock() {
        *d = Some(dir.to_path_buf());
    }
}

/// One line of a folder's listing.
struct Entry {
    name: String,
    is_dir: bool,
    size: u64,
    modified: Option<chrono::DateTime<chrono::Local>>,
}

/// Picks a file inside the window: works on any desktop, and in tests.
pub struct FilePicker {
    pub dir: String,
    pub name: String,
    exts: &'static [&'static str],
    listing: Option<(String, Vec<Entry>)>,
    /// A file to write (the dialog asks where to save) rather than one to read.
    save: bool,
    /// The desktop's dialog, while it is open, and whether it came back without a file.
    native: Option<Work<Option<PathBuf>>>,
    native_none: bool,
}

/// "12,3 kB", "1,5 MB", "800 B".
fn size_text(lang: Lang, bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", lang.decimal(b as f64 / (1 << 20) as f64)),
        b if b >= 1 << 10 => format!("{} kB", lang.decimal(b as f64 / (1 << 10) as f64)),
        b => format!("{b} B"),
    }
}

impl FilePicker {
    /// A picker for a file to write, named `name` unless the user changes it.
    pub fn new(dir: &Path, name: &str, exts: &'static [&'static str]) -> Self {
        Self {
            dir: dir.display().to_string(),
            name: name.to_owned(),
            exts,
            listing: None,
            save: true,
            native: None,
            native_none: false,
        }
    }

    /// A picker for a file to read.
    pub fn to_open(dir: &Path, exts: &'static [&'static str]) -> Self {
        Self { save: false, ..Self::new(dir, "", exts) }
    }

    /// Opens the desktop's dialog on its own thread, in this picker's folder and filters.
    fn open_native(&mut self, ctx: &egui::Context) {
        let (dir, name, save) = (PathBuf::from(&self.dir), self.name.trim().to_owned(), self.save);
        let exts: Vec<String> = self.exts.iter().map(|e| e.trim_start_matches('.').to_owned()).collect();
        self.native_none = false;
        self.native = Some(Work::start(ctx, move || {
            let mut d = rfd::AsyncFileDialog::new().set_directory(&dir);
            if !exts.is_empty() {
                d = d.add_filter(exts.join(", "), &exts);
            }
            let file = if save {
                pollster::block_on(d.set_file_name(name).save_file())
            } else {
                pollster::block_on(d.pick_file())
            };
            file.map(|f| f.path().to_path_buf())
        }));
    }

    /// The desktop dialog's answer: the file it chose fills the folder and name.
    fn native_answer(&mut self) -> bool {
        let Some(answer) = self.native.as_ref().and_then(Work::poll) else { return false };
        self.native = None;
        match answer.flatten() {
            Some(path) => {
                if let Some(dir) = path.parent() {
                    self.dir = dir.display().to_string();
                }
                self.name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                true
            }
            None => {
                self.native_none = true;
                false
            }
        }
    }

    /// The chosen file; its folder is where the next picker opens.
    pub fn path(&self) -> PathBuf {
        remember_dir(Path::new(&self.dir));
        Path::new(&self.dir).join(self.name.trim())
    }

    fn list(&mut self) -> &[Entry] {
        let stale = self.listing.as_ref().is_none_or(|(d, _)| d != &self.dir);
        if stale {
            let mut items: Vec<Entry> = std::fs::read_dir(&self.dir)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .filter_map(|e| {
                            let name = e.file_name().to_string_lossy().into_owned();
                            let meta = e.metadata().ok()?;
                            let is_dir = meta.is_dir();
                            let ext_ok = self.exts.iter().any(|x| name.to_lowercase().ends_with(x));
                            let modified = meta.modified().ok().map(chrono::DateTime::<chrono::Local>::from);
                            (!name.starts_with('.') && (is_dir || ext_ok)).then_some(Entry {
                                name,
                                is_dir,
                                size: meta.len(),
                                modified,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            items.sort_by(|a, b| {
                b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            });
            self.listing = Some((self.dir.clone(), items));
        }
        self.listing.as_ref().map(|(_, l)| l.as_slice()).unwrap_or(&[])
    }

    /// Shows the picker; returns true when a file was double-clicked.
    pub fn show(&mut self, ui: &mut Ui, lang: Lang) -> bool {
        // A file chosen in the desktop's dialog counts as a double-click on it.
        let mut chosen = self.native_answer() && !self.save;
        let mut native = false;
        egui::Grid::new("file_picker").num_columns(2).show(ui, |ui| {
            row(ui, T::Folder.get(lang), None, |ui, id| {
                ui.horizontal(|ui| {
                    text(ui, &mut self.dir, id, 380.0, "");
                    if ui.button(T::Up.get(lang)).clicked()
                        && let Some(p) = Path::new(&self.dir).parent()
                    {
                        self.dir = p.display().to_string();
                    }
                    native =
                        ui.add_enabled(self.native.is_none(), egui::Button::new(T::NativeDialog.get(lang))).clicked();
                });
            });
        });
        if native {
            self.open_native(ui.ctx());
        }
        if self.native.is_some() {
            crate::ui::work::busy(ui, T::NativeDialogOpen.get(lang));
        } else if self.native_none {
            ui.weak(T::NativeDialogNone.get(lang));
        }
        let mut enter: Option<String> = None;
        let mut pick: Option<(String, bool)> = None;
        let current = self.name.clone();
        egui::ScrollArea::vertical().max_height(160.0).id_salt("picker_list").show(ui, |ui| {
            egui::Grid::new("picker_entries").num_columns(3).spacing([16.0, 2.0]).show(ui, |ui| {
                for e in self.list() {
                    let shown = if e.is_dir { format!("▸ {}/", e.name) } else { e.name.clone() };
                    let r = ui.selectable_label(!e.is_dir && e.name == current, shown);
                    if r.double_clicked() {
                        pick = Some((e.name.clone(), true));
                    } else if r.clicked() {
                        if e.is_dir {
                            enter = Some(e.name.clone());
                        } else {
                            pick = Some((e.name.clone(), false));
                        }
                    }
                    ui.weak(if e.is_dir { String::new() } else { size_text(lang, e.size) });
                    ui.weak(e.modified.map(|m| m.format("%d/%m/%Y %H:%M").to_string()).unwrap_or_default());
                    ui.end_row();
                }
            });
        });
        if let Some(d) = enter {
            self.dir = Path::new(&self.dir).join(d).display().to_string();
        }
        if let Some((name, double)) = pick {
            self.name = name;
            chosen = double;
        }
        egui::Grid::new("file_picker_name").num_columns(2).show(ui, |ui| {
            row(ui, T::FilePath.get(lang), None, |ui, id| text(ui, &mut self.name, id, 380.0, ""));
        });
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_picker_opens_where_the_last_file_went() {
        let dir = tempfile::tempdir().expect("dir");
        let picked = FilePicker::new(dir.path(), "ds.pdf", &[".pdf"]).path();
        assert_eq!(picked, dir.path().join("ds.pdf"));
        assert_eq!(start_dir(), dir.path());
        drop(dir);
        assert_ne!(start_dir(), picked.with_file_name(""), "a folder that is gone is not offered");
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(size_text(Lang::Vi, 800), "800 B");
        assert_eq!(size_text(Lang::Vi, 12_595), "12,3 kB");
        assert_eq!(size_text(Lang::En, 1_572_864), "1.5 MB");
    }
}
