//! The application: one book, the history of its changes, saving, and the window around
//! the tabs. Data changes only through `commit`, `undo` and `redo`.

mod close_guard;
mod startup;

use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::{Book, Data};
use crate::model::error::ActionError;
use crate::model::fund::ledger::Kind;
use crate::model::history::History;
use crate::model::log::Label;
use crate::storage::crash::{self, Report};
use crate::storage::{Loaded, Lock, LockError, Opened, PREFS_FILE, SaveStatus, Saver, Store};
use crate::ui::caches::Caches;
use crate::ui::ctx::{Ctx, Done, Outbox};
use crate::ui::dialogs::Dialogs;
use crate::ui::fonts;
use crate::ui::intent::{DialogOrigin, Intent, Origin};
use crate::ui::nav::Nav;
use crate::ui::prefs::Prefs;
use crate::ui::tabs::{TABS, Tabs};
use crate::ui::theme;
use chrono::{Local, NaiveDateTime};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const APP_ID: &str = "so-khuyen-hoc";
/// The widest texture the window asks for (see `raw_input_hook`).
const MAX_TEXTURE_SIDE: usize = 4096;
const PREFS_KEY: &str = "prefs";
/// A change is written this long after it was made (and within about two seconds).
const SAVE_DELAY: Duration = Duration::from_millis(800);
/// The keys of Ctrl+1 … Ctrl+9, for the tabs in the order they show.
const NUMBER_KEYS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

/// Where the book lives. `None` keeps it in memory only (benchmarks).
pub struct AppConfig {
    pub data_dir: Option<PathBuf>,
    /// The folder's book being read on its own thread while the window is made.
    opening: Option<std::thread::JoinHandle<Opened>>,
}

impl AppConfig {
    pub fn standard() -> Self {
        Self::at(eframe::storage_dir(APP_ID))
    }

    pub fn at(data_dir: Option<PathBuf>) -> Self {
        Self { data_dir, opening: None }
    }

    /// Starts reading the book now, on its own thread, so that it loads while the window and
    /// its renderer are made rather than after (a launch shows its data that much sooner).
    pub fn open_early(mut self) -> Self {
        if let Some(dir) = &self.data_dir {
            let store = Store::new(dir);
            self.opening = std::thread::Builder::new().name("open".into()).spawn(move || store.open()).ok();
        }
        self
    }

    /// Has the read started by `open_early` finished?
    pub fn opened_yet(&self) -> bool {
        self.opening.as_ref().is_some_and(|t| t.is_finished())
    }
}

pub enum Mode {
    FirstRun,
    Normal,
    /// The book is shown but nothing is saved and nothing can change; the text says why.
    ReadOnly(String),
    /// The book cannot be shown (a newer version's shape, a file the user may not read).
    /// Nothing is shown in its place, least of all an empty book, and nothing is written.
    Blocked(String),
    /// No book to open, but something to recover: a damaged book kept aside, backups.
    /// Offered on every start until the user chooses.
    Recover(Box<Recovery>),
}

pub struct Recovery {
    /// The book that did not read this time, moved aside, and why.
    pub damaged: Option<(PathBuf, String)>,
    /// Every damaged book kept aside in the folder, newest first.
    pub quarantined: Vec<PathBuf>,
    /// The newest backup that reads: looked for on its own thread, then kept here.
    pub search: Option<crate::ui::work::Work<Option<(PathBuf, Data)>>>,
    pub found: Option<(PathBuf, Box<Data>)>,
}

/// Closing the window while changes are not yet on disk.
#[derive(Default)]
pub enum Closing {
    #[default]
    Open,
    /// A close was asked for: the book is being saved first.
    Saving,
    /// The save failed: the user chooses (retry, save elsewhere, quit anyway).
    Failed(Box<close_guard::Guard>),
    /// The user chose to quit.
    Quit,
}

pub struct App {
    data: Arc<Data>,
    revision: u64,
    history: History,
    store: Option<Store>,
    saver: Option<Saver>,
    dirty_since: Option<Instant>,
    requested: u64,
    saved: u64,
    last_saved: Option<NaiveDateTime>,
    save_error: Option<String>,
    /// Held while the program runs: a second copy on the same folder only reads.
    lock: Option<Lock>,
    /// Crashes of earlier runs the user has not been told of.
    pub(super) crashes: Vec<Report>,
    /// The recovery file of the first of them, being read.
    pub(super) recovering: Option<crate::ui::work::Work<Result<Data, String>>>,
    pub(super) closing: Closing,
    /// The preferences as last written, to write them only when they change.
    prefs_written: Option<String>,
    /// The window title last sent to the desktop (sent again only when it changes).
    title_shown: Option<String>,
    pub prefs: Prefs,
    pub mode: Mode,
    pub(super) caches: Caches,
    tabs: Tabs,
    pub(super) dialogs: Dialogs,
    /// Undo (false) or redo (true) asked for by a button, done at the end of the frame.
    history_request: Option<bool>,
    /// The last undo (false) or redo (true) and what it was, for the status line until the
    /// next change.
    last_step: Option<(bool, Label)>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        fonts::install(&cc.egui_ctx);
        theme::install(&cc.egui_ctx);
        let store = config.data_dir.map(Store::new);
        let mut prefs = store.as_ref().and_then(read_prefs).unwrap_or_else(|| {
            // Preferences kept by an earlier version in eframe's own file.
            cc.storage.and_then(|s| s.get_string(PREFS_KEY)).and_then(|t| Prefs::parse(&t)).unwrap_or_default()
        });
        // Every start opens on the overview, where overdue tasks and what is due are listed;
        // the views inside the other tabs are remembered.
        prefs.tab = TABS[0].0;
        crate::ui::widgets::set_remembered_dir(prefs.last_dir.clone());
        let mut app = Self::with_data(Data::new(Book::default()), prefs);
        let Some(store) = store else {
            app.mode = Mode::FirstRun;
            app.save_error = Some(T::NoDataFolder.get(app.prefs.lang).to_owned());
            return app;
        };
        let lang = app.prefs.lang;
        let opened = config.opening.and_then(|t| t.join().ok()).unwrap_or_else(|| store.open());
        match opened.lock {
            Ok(lock) => {
                app.lock = Some(lock);
                app.mode = app.open(opened.loaded, &store, &cc.egui_ctx);
                app.crashes = crash::reports(store.dir());
                let ctx = cc.egui_ctx.clone();
                let saver = Saver::start(store.clone(), move || ctx.request_repaint());
                if matches!(app.mode, Mode::Normal) {
                    saver.snapshot(app.data.clone());
                }
                app.saver = Some(saver);
                crash::watch(store.dir(), &app.data, false);
            }
            Err(why) => {
                // Another copy holds the book: this one may look, never write.
                let reason = match why {
                    LockError::Held => T::OtherCopy.get(lang).to_owned(),
                    LockError::Io(e) => format!("{}: {e}", T::NoLock.get(lang)),
                };
                app.mode = match opened.loaded {
                    Loaded::Ok(data) | Loaded::Newer { data: Some(data), .. } => {
                        app.data = Arc::new(data);
                        Mode::ReadOnly(reason)
                    }
                    _ => Mode::Blocked(reason),
                };
            }
        }
        app.store = Some(store);
        app
    }

    /// What the book in the folder opens as (this copy holds the lock).
    fn open(&mut self, loaded: Loaded, store: &Store, ctx: &egui::Context) -> Mode {
        let lang = self.prefs.lang;
        let recover = |damaged: Option<(PathBuf, String)>| {
            Mode::Recover(Box::new(Recovery {
                damaged,
                quarantined: store.quarantined(),
                search: Some({
                    let store = store.clone();
                    crate::ui::work::Work::start(ctx, move || store.newest_good_backup())
                }),
                found: None,
            }))
        };
        match loaded {
            Loaded::Missing if store.quarantined().is_empty() && store.backups().is_empty() => Mode::FirstRun,
            Loaded::Missing => recover(None),
            Loaded::Ok(data) => {
                self.data = Arc::new(data);
                Mode::Normal
            }
            Loaded::Corrupt { moved_to, error } => recover(Some((moved_to, error))),
            Loaded::Newer { version, data: Some(d) } => {
                self.data = Arc::new(d);
                Mode::ReadOnly(format!("{} {version}{}", T::NewerText.get(lang), T::NewerText2.get(lang)))
            }
            Loaded::Newer { version, data: None } => Mode::Blocked(
                T::NewerBlocked
                    .get(lang)
                    .replace("{v}", &version.to_string())
                    .replace("{mine}", &crate::model::book::DATA_VERSION.to_string()),
            ),
            Loaded::Unreadable(e) => {
                Mode::Blocked(format!("{}: {e}. {}", T::UnreadableTitle.get(lang), T::Untouched.get(lang)))
            }
        }
    }

    /// An app over a book in memory, saving nowhere (benchmarks, tests of the UI alone).
    pub fn with_data(data: Data, prefs: Prefs) -> Self {
        Self {
            data: Arc::new(data),
            revision: 0,
            history: History::default(),
            store: None,
            saver: None,
            dirty_since: None,
            requested: 0,
            saved: 0,
            last_saved: None,
            save_error: None,
            lock: None,
            crashes: Vec::new(),
            recovering: None,
            closing: Closing::Open,
            prefs_written: None,
            title_shown: None,
            prefs,
            mode: Mode::Normal,
            caches: Caches::default(),
            tabs: Tabs::default(),
            dialogs: Dialogs::default(),
            history_request: None,
            last_step: None,
        }
    }

    pub fn data(&self) -> &Data {
        &self.data
    }

    /// Has the window been let go to close (nothing unsaved, or the user chose to)?
    pub fn quitting(&self) -> bool {
        matches!(self.closing, Closing::Quit)
    }

    pub fn book(&self) -> &Book {
        &self.data.book
    }

    /// Opens a place: the tab that takes it sets its view, and is shown.
    pub fn go(&mut self, nav: Nav) {
        if let Some(tab) = self.tabs.open(&nav, &mut self.prefs.tabs, &self.data.book) {
            self.prefs.tab = tab;
        }
    }

    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    pub fn read_only(&self) -> bool {
        !matches!(self.mode, Mode::Normal)
    }

    /// Writes the preferences beside the book when they changed (off the UI thread).
    fn save_prefs(&mut self) {
        let Some(saver) = &self.saver else { return };
        self.prefs.last_dir = crate::ui::widgets::remembered_dir();
        let Ok(text) = ron::ser::to_string_pretty(&self.prefs, ron::ser::PrettyConfig::default()) else { return };
        if self.prefs_written.as_ref() != Some(&text) {
            saver.save_prefs(text.clone());
            self.prefs_written = Some(text);
        }
    }

    /// Starts from a fresh book (first run, a backup, after a damaged file). The backup
    /// written just before this moment is kept through every rotation.
    pub(super) fn start_with(&mut self, mut data: Data) {
        data.started = Some(Self::now());
        self.data = Arc::new(data);
        self.history.clear();
        self.reset_views();
        self.mode = Mode::Normal;
        self.touch();
    }

    fn touch(&mut self) {
        self.revision += 1;
        self.dirty_since.get_or_insert_with(Instant::now);
        self.watch();
    }

    /// Keeps the crash hook's view of the book current.
    fn watch(&self) {
        if let (Some(store), Some(_)) = (&self.store, &self.saver) {
            crash::watch(store.dir(), &self.data, self.unsaved());
        }
    }

    /// Are there changes that are not on disk yet?
    pub fn unsaved(&self) -> bool {
        self.saver.is_some() && self.saved < self.revision
    }

    /// The window's title: the program, the book (its organisation) and whether every change
    /// is on disk — "Sổ Khuyến học — Hội Khuyến học tỉnh Quảng Trị (đã lưu)".
    pub fn window_title(&self) -> String {
        let lang = self.lang();
        let app = T::AppTitle.get(lang);
        let state = match &self.mode {
            Mode::FirstRun | Mode::Recover(_) | Mode::Blocked(_) => {
                return format!("{app} — {}", T::TitleNoBook.get(lang));
            }
            Mode::ReadOnly(_) => T::ReadOnly.get(lang).to_lowercase(),
            Mode::Normal if self.unsaved() || self.save_error.is_some() => T::TitleUnsaved.get(lang).to_owned(),
            Mode::Normal => T::TitleSaved.get(lang).to_owned(),
        };
        match self.data.book.settings.org_name.trim() {
            "" => format!("{app} ({state})"),
            org => format!("{app} — {org} ({state})"),
        }
    }

    fn now() -> NaiveDateTime {
        Local::now().naive_local()
    }

    /// Validates and performs an action: the one place the book changes.
    pub fn commit(&mut self, action: Action) -> Result<(), ActionError> {
        if self.read_only() {
            return Ok(());
        }
        let replace = matches!(action, Action::ReplaceBook { .. });
        if let Action::Prepared { base, .. } = &action
            && *base != self.revision
        {
            return Err(ActionError::Stale);
        }
        self.history.commit(Arc::make_mut(&mut self.data), action, Self::now())?;
        self.last_step = None;
        self.changed(replace);
        Ok(())
    }

    pub fn undo(&mut self) {
        let what = self.history.can_undo().cloned();
        if !self.read_only() && self.history.undo(Arc::make_mut(&mut self.data), Self::now()) {
            self.last_step = what.map(|l| (false, l));
            self.changed(self.history.can_redo() == Some(&Label::ReplaceBook));
        }
    }

    pub fn redo(&mut self) {
        let what = self.history.can_redo().cloned();
        if !self.read_only() && self.history.redo(Arc::make_mut(&mut self.data), Self::now()) {
            self.last_step = what.map(|l| (true, l));
            self.changed(self.history.can_undo() == Some(&Label::ReplaceBook));
        }
    }

    /// After a change: a new revision, and when another book came in, every view lets go of
    /// what it had selected or open (a selection made in one book means nothing in another).
    fn changed(&mut self, other_book: bool) {
        if other_book {
            self.reset_views();
        }
        self.touch();
    }

    fn reset_views(&mut self) {
        self.tabs = Tabs::default();
    }

    fn apply_intents(&mut self, intents: Vec<Intent>) {
        let lang = self.lang();
        for Intent { action, origin } in intents {
            // No book yet: a whole book from a file becomes the first one (nothing to undo).
            let action = match action {
                Action::ReplaceBook { book, log } if matches!(self.mode, Mode::FirstRun | Mode::Recover(_)) => {
                    self.start_with(Data { log, ..Data::new(*book) });
                    self.dialogs.on_result(DialogOrigin::Replace, &Ok(()), lang);
                    continue;
                }
                action => action,
            };
            let result = self.commit(action);
            match origin {
                Origin::Dialog(o) => self.dialogs.on_result(o, &result, lang),
                origin => self.tabs.on_result(&Done { origin, result: &result, lang, book: &self.data.book }),
            }
        }
    }

    /// Sends the book to the saver when it changed and the change has settled.
    fn schedule_save(&mut self, ctx: Option<&egui::Context>, now: bool) {
        let Some(saver) = &self.saver else { return };
        for status in saver.poll() {
            match status {
                SaveStatus::Saved { revision, at } => {
                    self.saved = self.saved.max(revision);
                    self.last_saved = Some(at);
                    self.save_error = None;
                    self.watch();
                }
                SaveStatus::Failed { error, .. } => {
                    // Keep the book in memory and try again shortly (the disk may come back).
                    self.save_error = Some(error);
                    self.requested = self.saved;
                    self.dirty_since = Some(Instant::now());
                }
            }
        }
        if self.read_only() || self.revision == self.requested {
            return;
        }
        let waited = self.dirty_since.map_or(Duration::MAX, |t| t.elapsed());
        if now || waited >= SAVE_DELAY {
            saver.save(Arc::clone(&self.data), self.revision);
            self.requested = self.revision;
            self.dirty_since = None;
        } else if let Some(ctx) = ctx {
            ctx.request_repaint_after(SAVE_DELAY - waited);
        }
    }

    /// Saves now and waits for the file to be on disk.
    pub fn flush(&mut self) -> bool {
        self.schedule_save(None, true);
        let ok = self.saver.as_ref().is_none_or(|s| s.flush(Duration::from_secs(20)));
        self.schedule_save(None, false);
        ok
    }

    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Asks for a save now (the close guard's "try again").
    pub(super) fn save_now(&mut self) {
        self.save_error = None;
        self.requested = self.saved;
        self.schedule_save(None, true);
    }

    pub(super) fn data_arc(&self) -> &Arc<Data> {
        &self.data
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let cmd = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |m, k| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        // Ctrl+Q closes the window as its close button does (the close guard saves first),
        // even from inside a field.
        if pressed(cmd, Key::Q) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        // Ctrl+1 … Ctrl+9: the tabs, in the order they show.
        for (key, (tab, _)) in NUMBER_KEYS.into_iter().zip(TABS) {
            if pressed(cmd, key) {
                self.prefs.tab = *tab;
            }
        }
        if pressed(cmd, Key::F) {
            self.go(Nav::Search);
        }
        if self.read_only() {
            return;
        }
        if pressed(shift, Key::Z) || pressed(cmd, Key::Y) {
            self.redo();
        } else if pressed(cmd, Key::Z) {
            self.undo();
        } else if pressed(shift, Key::N) {
            self.go(Nav::NewVoucher(Kind::Payment));
        } else if pressed(cmd, Key::N) {
            self.go(Nav::NewVoucher(Kind::Receipt));
        }
    }

    /// The whole window, inside any `Ui` (eframe's, or a benchmark's).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        self.caches.refresh(&ctx, &self.data, self.revision);
        // Figures worked out on another thread come in (the thread asks for the frame).
        self.caches.poll();
        let lang = self.lang();
        crate::ui::widgets::set_lang(&ctx, lang);
        theme::apply(&ctx, self.prefs.theme);
        let mut out = Outbox::default();
        self.top_bar(ui);
        self.status_bar(ui);
        match &self.mode {
            Mode::FirstRun | Mode::Recover(_) | Mode::Blocked(_) => {
                egui::CentralPanel::default_margins().show(ui, |ui| startup::show(self, ui));
            }
            Mode::Normal | Mode::ReadOnly(_) => {
                let read_only = self.read_only();
                let mut cx = Ctx::new(lang, &self.data.book, &mut self.caches, read_only, &mut out);
                let (tabs, prefs) = (&mut self.tabs, &mut self.prefs);
                egui::CentralPanel::default_margins().show(ui, |ui| tabs.show(prefs.tab, ui, &mut prefs.tabs, &mut cx));
            }
        }
        if let Some(nav) = out.nav.take() {
            self.go(nav);
        }
        let mut intents = out.intents;
        self.dialogs.show(&ctx, lang, &self.data, self.store.as_ref(), self.saver.as_ref(), &mut intents);
        close_guard::show(self, &ctx);
        startup::crash_notice(self, &ctx, &mut intents);
        self.apply_intents(intents);
        match self.history_request.take() {
            Some(true) => self.redo(),
            Some(false) => self.undo(),
            None => {}
        }
        self.schedule_save(Some(&ctx), false);
        let title = self.window_title();
        if self.title_shown.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = Some(title);
        }
        close_guard::on_close_request(self, &ctx);
        if let Some(size) = ctx.input(|i| i.viewport().inner_rect).map(|r| r.size()) {
            self.prefs.window = Some([size.x.round(), size.y.round()]);
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            // The title and the book's commands on one line, the tabs on the next: six tabs
            // and the commands do not share one line at 1280 pixels.
            ui.horizontal(|ui| {
                ui.label(RichText::new(T::AppTitle.get(lang)).strong().size(18.0));
                ui.separator();
                let open = match self.mode {
                    Mode::Normal => Some(false),
                    Mode::FirstRun | Mode::Recover(_) => Some(true),
                    Mode::ReadOnly(_) | Mode::Blocked(_) => None,
                };
                let modes = (self.read_only(), open);
                if self.dialogs.file_menu(ui, lang, &self.data, self.store.as_ref(), modes) {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
                self.undo_buttons(ui, lang);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let mut l = lang;
                    let combo = egui::ComboBox::from_id_salt("lang")
                        .selected_text(match lang {
                            Lang::Vi => T::Vietnamese.get(lang),
                            Lang::En => T::English.get(lang),
                        })
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut l, Lang::Vi, "Tiếng Việt");
                            ui.selectable_value(&mut l, Lang::En, "English");
                        });
                    self.prefs.lang = l;
                    let label = ui.label(T::Language.get(lang));
                    combo.response.labelled_by(label.id);
                    ui.separator();
                    theme::switch(ui, lang, &mut self.prefs.theme);
                    ui.separator();
                    if ui.button(T::ChangeLog.get(lang)).clicked() {
                        self.dialogs.log_open = !self.dialogs.log_open;
                    }
                });
            });
            ui.add_space(2.0);
            ui.horizontal(|ui| {
                for (k, (tab, t)) in TABS.iter().enumerate() {
                    ui.selectable_value(&mut self.prefs.tab, *tab, RichText::new(t.get(lang)).size(15.0))
                        .on_hover_text(format!("Ctrl+{}", k + 1));
                }
            });
            ui.add_space(2.0);
        });
    }

    fn undo_buttons(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let enabled = !self.read_only();
        let undo = self.history.can_undo().map(|l| crate::ui::labels::label(lang, l));
        let r = ui
            .add_enabled(enabled && undo.is_some(), egui::Button::new(format!("↶ {}", T::Undo.get(lang))))
            .on_hover_text(undo.unwrap_or_else(|| T::NothingToUndo.get(lang).into()) + " (Ctrl+Z)");
        if r.clicked() {
            self.history_request = Some(false);
        }
        let redo = self.history.can_redo().map(|l| crate::ui::labels::label(lang, l));
        let r = ui
            .add_enabled(enabled && redo.is_some(), egui::Button::new(format!("{} ↷", T::Redo.get(lang))))
            .on_hover_text(redo.unwrap_or_else(|| T::NothingToRedo.get(lang).into()) + " (Ctrl+Shift+Z)");
        if r.clicked() {
            self.history_request = Some(true);
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                match &self.mode {
                    Mode::ReadOnly(why) | Mode::Blocked(why) => {
                        ui.label(RichText::new(T::ReadOnly.get(lang)).strong().color(crate::ui::widgets::ERROR));
                        ui.label(why);
                    }
                    _ => {
                        if let Some((redo, l)) = &self.last_step {
                            let did = if *redo { T::Redone } else { T::Undone };
                            ui.label(
                                RichText::new(format!("{}: {}", did.get(lang), crate::ui::labels::label(lang, l)))
                                    .strong(),
                            );
                            ui.separator();
                        }
                        if let Some(e) = &self.save_error {
                            crate::ui::widgets::error_text(ui, format!("{}: {e}", T::SaveFailed.get(lang)));
                        } else if self.saved < self.revision && self.store.is_some() {
                            ui.label(T::Saving.get(lang));
                        } else if let Some(at) = self.last_saved {
                            ui.label(format!("{} {}", T::Saved.get(lang), at.format("%H:%M:%S")));
                        }
                    }
                }
                if let Some(store) = &self.store {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.weak(store.file().display().to_string());
                    });
                }
            });
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// The glyph atlas is as wide as the largest texture the driver takes (16,384 pixels
    /// with Mesa's llvmpipe); 4,096 holds every glyph the window draws and keeps about 4 MB
    /// less in memory.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side =
            Some(raw_input.max_texture_side.map_or(MAX_TEXTURE_SIDE, |s| s.min(MAX_TEXTURE_SIDE)));
    }

    /// eframe's own file is written in place and can be left empty by a full disk, so
    /// nothing goes into it: the preferences are written beside the book, atomically.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_prefs();
        self.schedule_save(None, true);
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_prefs();
        self.flush();
        crash::unwatch();
    }
}

/// The preferences kept beside the book, if there are any that read.
pub fn read_prefs(store: &Store) -> Option<Prefs> {
    Prefs::parse(&std::fs::read_to_string(store.dir().join(PREFS_FILE)).ok()?)
}
