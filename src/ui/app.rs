//! The application: one book, the history of its changes, saving, and the window around
//! the tabs. Data changes only through `commit`, `undo` and `redo`.

use super::awards::{AwardsUi, AwardsView};
use super::caches::Caches;
use super::dialogs::Dialogs;
use super::fund::{FundUi, FundView};
use super::learning::{LearningUi, LearningView};
use super::overview::{Nav, OverviewUi};
use super::plans::{Go, PlansUi, PlansView};
use super::reports::{ReportView, ReportsUi};
use super::{Intent, Origin, fonts, startup};
use crate::i18n::{Lang, T};
use crate::model::action::{Action, ActionError, apply};
use crate::model::book::{Book, Data};
use crate::model::history::{History, LogKind, Step, log_entry};
use crate::model::query::Filter;
use crate::storage::{Loaded, SaveStatus, Saver, Store};
use chrono::{Local, NaiveDateTime};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const APP_ID: &str = "so-khuyen-hoc";
const PREFS_KEY: &str = "prefs";
/// A change is written this long after it was made (and within about two seconds).
const SAVE_DELAY: Duration = Duration::from_millis(800);

/// What the window remembers between runs (through eframe's storage, not the book file).
/// The tabs, in the order they show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Plans,
    Fund,
    Awards,
    Learning,
    Reports,
}

/// The tabs with their names, in the order they show (and of Ctrl+1 … Ctrl+6).
const TABS: [(Tab, T); 6] = [
    (Tab::Overview, T::TabOverview),
    (Tab::Plans, T::TabPlans),
    (Tab::Fund, T::TabFund),
    (Tab::Awards, T::TabAwards),
    (Tab::Learning, T::TabLearning),
    (Tab::Reports, T::TabReports),
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub tab: Tab,
    pub view: FundView,
    pub awards_view: AwardsView,
    pub awards_year: Option<i32>,
    pub learning_view: LearningView,
    pub learning_year: Option<i32>,
    pub plans_view: PlansView,
    pub calendar_year: Option<i32>,
    pub report_view: ReportView,
    pub report_year: Option<i32>,
    pub report_quarter: Option<u32>,
    pub filter: Filter,
    pub chart_year: Option<i32>,
    pub donor_year: Option<i32>,
}

/// Where the book lives. `None` keeps it in memory only (benchmarks).
pub struct AppConfig {
    pub data_dir: Option<PathBuf>,
}

impl AppConfig {
    pub fn standard() -> Self {
        Self { data_dir: eframe::storage_dir(APP_ID) }
    }
}

pub enum Mode {
    FirstRun,
    Normal,
    /// Nothing is saved and nothing can change; the text says why.
    ReadOnly(String),
    Corrupt {
        moved_to: PathBuf,
        error: String,
        backup: Option<(PathBuf, Box<Data>)>,
    },
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
    pub prefs: Prefs,
    pub mode: Mode,
    pub(super) caches: Caches,
    pub(super) fund: FundUi,
    pub(super) awards: AwardsUi,
    pub(super) learning: LearningUi,
    pub(super) overview: OverviewUi,
    pub(super) plans: PlansUi,
    pub(super) reports: ReportsUi,
    pub(super) dialogs: Dialogs,
    /// Undo (false) or redo (true) asked for by a button, done at the end of the frame.
    history_request: Option<bool>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        fonts::install(&cc.egui_ctx);
        let mut prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, PREFS_KEY)).unwrap_or_default();
        // Every start opens on the overview, where overdue tasks and what is due are listed;
        // the views inside the other tabs are remembered.
        prefs.tab = Tab::Overview;
        let mut app = Self::with_data(Data::new(Book::default()), prefs);
        let Some(dir) = config.data_dir else {
            app.mode = Mode::FirstRun;
            app.save_error = Some(T::NoDataFolder.get(app.prefs.lang).to_owned());
            return app;
        };
        let store = Store::new(dir);
        app.mode = match store.load() {
            Loaded::Missing => Mode::FirstRun,
            Loaded::Ok(data) => {
                app.data = Arc::new(data);
                Mode::Normal
            }
            Loaded::Corrupt { moved_to, error } => {
                let backup = store.newest_good_backup().map(|(p, d)| (p, Box::new(d)));
                Mode::Corrupt { moved_to, error, backup }
            }
            Loaded::Newer { version, data } => {
                if let Some(d) = data {
                    app.data = Arc::new(d);
                }
                Mode::ReadOnly(format!(
                    "{} {version}{}",
                    T::NewerText.get(app.prefs.lang),
                    T::NewerText2.get(app.prefs.lang)
                ))
            }
            Loaded::Unreadable(e) => Mode::ReadOnly(format!("{}: {e}", T::UnreadableTitle.get(app.prefs.lang))),
        };
        let ctx = cc.egui_ctx.clone();
        app.saver = Some(Saver::start(store.clone(), move || ctx.request_repaint()));
        app.store = Some(store);
        app
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
            prefs,
            mode: Mode::Normal,
            caches: Caches::default(),
            fund: FundUi::default(),
            awards: AwardsUi::default(),
            learning: LearningUi::default(),
            overview: OverviewUi::default(),
            plans: PlansUi::default(),
            reports: ReportsUi::default(),
            dialogs: Dialogs::default(),
            history_request: None,
        }
    }

    pub fn data(&self) -> &Data {
        &self.data
    }

    pub fn book(&self) -> &Book {
        &self.data.book
    }

    /// Shows an award list in the Awards tab.
    pub fn open_list(&mut self, id: usize) {
        if let Some(l) = self.data.book.award_lists.get(id) {
            self.prefs.tab = Tab::Awards;
            self.prefs.awards_view = AwardsView::Lists;
            self.prefs.awards_year = Some(l.year);
            self.awards.selected = Some(id);
        }
    }

    /// Opens the place an overview item points at.
    fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Fund => {
                self.prefs.tab = Tab::Fund;
                self.prefs.view = FundView::Ledger;
            }
            Nav::Task(t) => {
                self.prefs.tab = Tab::Plans;
                self.prefs.plans_view = PlansView::Documents;
                self.plans.open_task(t);
            }
            Nav::FundCharts => {
                self.prefs.tab = Tab::Fund;
                self.prefs.view = FundView::Charts;
            }
            Nav::Awards => self.prefs.tab = Tab::Awards,
            Nav::Plans => {
                self.prefs.tab = Tab::Plans;
                self.prefs.plans_view = PlansView::Documents;
            }
            Nav::Calendar => {
                self.prefs.tab = Tab::Plans;
                self.prefs.plans_view = PlansView::Calendar;
            }
            Nav::List(i) => self.open_list(i),
            Nav::Learning(year) => self.follow(Go::Learning(year)),
        }
    }

    /// Opens what a task links to.
    fn follow(&mut self, go: Go) {
        match go {
            Go::List(i) => self.open_list(i),
            Go::Campaign(c) => {
                self.prefs.tab = Tab::Fund;
                self.prefs.view = FundView::Ledger;
                self.prefs.filter = Filter { campaign: Some(c), ..Filter::default() };
            }
            Go::Learning(year) => {
                self.prefs.tab = Tab::Learning;
                self.prefs.learning_view = LearningView::Rollup;
                self.prefs.learning_year = Some(year);
            }
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

    /// Starts from a fresh book (first run, or after a damaged file).
    pub(super) fn start_with(&mut self, data: Data) {
        self.data = Arc::new(data);
        self.history.clear();
        self.mode = Mode::Normal;
        self.touch();
    }

    fn touch(&mut self) {
        self.revision += 1;
        self.dirty_since.get_or_insert_with(Instant::now);
    }

    fn now() -> NaiveDateTime {
        Local::now().naive_local()
    }

    /// Validates and performs an action: the one place the book changes.
    pub fn commit(&mut self, action: Action) -> Result<(), ActionError> {
        if self.read_only() {
            return Ok(());
        }
        let data = Arc::make_mut(&mut self.data);
        let (label, changes) = apply(&mut data.book, action)?;
        let step = Step { label, changes };
        data.log.push(log_entry(Self::now(), LogKind::Do, &step));
        self.history.record(step.label, step.changes);
        self.touch();
        Ok(())
    }

    pub fn undo(&mut self) {
        if self.read_only() {
            return;
        }
        let data = Arc::make_mut(&mut self.data);
        if let Some(step) = self.history.undo(&mut data.book) {
            data.log.push(log_entry(Self::now(), LogKind::Undo, step));
            self.touch();
        }
    }

    pub fn redo(&mut self) {
        if self.read_only() {
            return;
        }
        let data = Arc::make_mut(&mut self.data);
        if let Some(step) = self.history.redo(&mut data.book) {
            data.log.push(log_entry(Self::now(), LogKind::Redo, step));
            self.touch();
        }
    }

    fn apply_intents(&mut self, intents: Vec<Intent>) {
        let lang = self.lang();
        for Intent { action, origin } in intents {
            let result = self.commit(action);
            match origin {
                Origin::Fund(o) => self.fund.on_result(o, &result, lang),
                Origin::Awards(o) => self.awards.on_result(o, &result, lang, &self.data.book),
                Origin::Learning(o) => self.learning.on_result(o, &result, lang),
                Origin::Plans(o) => self.plans.on_result(o, &result, lang, &self.data.book),
                Origin::Reports(o) => self.reports.on_result(o, &result, lang),
                Origin::Dialog(o) => self.dialogs.on_result(o, &result, lang),
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

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let cmd = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |m, k| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        // Ctrl+1 … Ctrl+6: the tabs, in the order they show.
        for (key, tab) in [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6].into_iter().zip(TABS) {
            if pressed(cmd, key) {
                self.prefs.tab = tab.0;
            }
        }
        if pressed(cmd, Key::F) {
            self.prefs.tab = Tab::Fund;
            self.prefs.view = FundView::Ledger;
            self.fund.focus_search = true;
        }
        if self.read_only() {
            return;
        }
        if pressed(shift, Key::Z) || pressed(cmd, Key::Y) {
            self.redo();
        } else if pressed(cmd, Key::Z) {
            self.undo();
        } else if pressed(shift, Key::N) {
            self.prefs.tab = Tab::Fund;
            self.fund.new_voucher(crate::model::ledger::Kind::Payment);
        } else if pressed(cmd, Key::N) {
            self.prefs.tab = Tab::Fund;
            self.fund.new_voucher(crate::model::ledger::Kind::Receipt);
        }
    }

    /// The whole window, inside any `Ui` (eframe's, or a benchmark's).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        self.caches.refresh(&self.data, self.revision);
        let lang = self.lang();
        let mut intents = Vec::new();
        self.top_bar(ui);
        self.status_bar(ui);
        match &self.mode {
            Mode::FirstRun | Mode::Corrupt { .. } => {
                egui::CentralPanel::default_margins().show(ui, |ui| startup::show(self, ui));
            }
            Mode::Normal | Mode::ReadOnly(_) => {
                let read_only = self.read_only();
                let book = &self.data.book;
                let rev = self.revision;
                let mut nav = None;
                egui::CentralPanel::default_margins().show(ui, |ui| match self.prefs.tab {
                    Tab::Overview => nav = self.overview.show(ui, lang, book, &self.caches, rev),
                    Tab::Plans => self.plans.show(ui, lang, book, &mut self.prefs, read_only, rev, &mut intents),
                    Tab::Reports => {
                        self.reports.show(ui, lang, book, &self.caches, &mut self.prefs, read_only, rev, &mut intents)
                    }
                    Tab::Fund => {
                        self.fund.show(ui, lang, book, &mut self.caches, &mut self.prefs, read_only, &mut intents)
                    }
                    Tab::Awards => {
                        self.awards.show(ui, lang, book, &self.caches, &mut self.prefs, read_only, &mut intents)
                    }
                    Tab::Learning => {
                        self.learning.show(ui, lang, book, &self.caches, &mut self.prefs, read_only, &mut intents)
                    }
                });
                if let Some(nav) = nav {
                    self.navigate(nav);
                }
                if let Some(go) = self.plans.go.take() {
                    self.follow(go);
                }
            }
        }
        self.dialogs.show(&ctx, lang, &self.data, self.store.as_ref(), &mut intents);
        self.apply_intents(intents);
        match self.history_request.take() {
            Some(true) => self.redo(),
            Some(false) => self.undo(),
            None => {}
        }
        self.schedule_save(Some(&ctx), false);
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
                self.dialogs.file_menu(ui, lang, &self.data, self.store.as_ref(), self.read_only());
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
                    if ui.button(T::ChangeLog.get(lang)).clicked() {
                        self.dialogs.log_open = !self.dialogs.log_open;
                    }
                });
            });
            ui.add_space(2.0);
            ui.horizontal(|ui| {
                for (k, (tab, t)) in TABS.into_iter().enumerate() {
                    ui.selectable_value(&mut self.prefs.tab, tab, RichText::new(t.get(lang)).size(15.0))
                        .on_hover_text(format!("Ctrl+{}", k + 1));
                }
            });
            ui.add_space(2.0);
        });
    }

    fn undo_buttons(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let enabled = !self.read_only();
        let undo = self.history.can_undo().map(|l| super::labels::label(lang, l));
        let r = ui
            .add_enabled(enabled && undo.is_some(), egui::Button::new(format!("↶ {}", T::Undo.get(lang))))
            .on_hover_text(undo.unwrap_or_else(|| T::NothingToUndo.get(lang).into()) + " (Ctrl+Z)");
        if r.clicked() {
            self.history_request = Some(false);
        }
        let redo = self.history.can_redo().map(|l| super::labels::label(lang, l));
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
                    Mode::ReadOnly(why) => {
                        ui.label(RichText::new(T::ReadOnly.get(lang)).strong().color(super::widgets::ERROR));
                        ui.label(why);
                    }
                    _ => {
                        if let Some(e) = &self.save_error {
                            super::widgets::error_text(ui, format!("{}: {e}", T::SaveFailed.get(lang)));
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
        self.schedule_save(None, true);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush();
    }
}
