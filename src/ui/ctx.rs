//! What every tab is handed each frame (`Ctx`), and the one shape every tab has (`Tab`).

use super::caches::Caches;
use super::intent::{Intent, Origin};
use super::nav::Nav;
use crate::i18n::Lang;
use crate::model::book::Book;
use crate::model::error::ActionError;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What the tabs hand back: the actions asked for and where to go.
#[derive(Default)]
pub struct Outbox {
    pub intents: Vec<Intent>,
    pub nav: Option<Nav>,
}

/// One frame's view of the book for a tab: it reads through this and asks through it.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub book: &'a Book,
    /// Figures every tab shares (balances, years, the current year, the ledger's rows).
    pub caches: &'a mut Caches,
    /// Nothing can change (another copy holds the book, or a newer version wrote it).
    pub read_only: bool,
    out: &'a mut Outbox,
}

impl<'a> Ctx<'a> {
    pub fn new(lang: Lang, book: &'a Book, caches: &'a mut Caches, read_only: bool, out: &'a mut Outbox) -> Self {
        Self { lang, book, caches, read_only, out }
    }

    /// Asks for an action; it is done after the frame, and its origin hears how it went.
    pub fn act(&mut self, intent: Intent) {
        self.out.intents.push(intent);
    }

    /// Opens another place after the frame.
    pub fn go(&mut self, nav: Nav) {
        self.out.nav = Some(nav);
    }

    /// The data revision the caches were made for: a per-tab cache keys on it.
    pub fn rev(&self) -> u64 {
        self.caches.rev()
    }
}

/// How an action went, for the form that asked for it.
pub struct Done<'a> {
    pub origin: Origin,
    pub result: &'a Result<(), ActionError>,
    pub lang: Lang,
    /// The book after the action.
    pub book: &'a Book,
}

/// A tab of the window. It keeps what it shows between frames; what it remembers between
/// runs is its own `Prefs`, which no other tab can see.
pub trait Tab: Default {
    type Prefs: Clone + std::fmt::Debug + Default + PartialEq + Serialize + DeserializeOwned;

    fn show(&mut self, ui: &mut egui::Ui, prefs: &mut Self::Prefs, cx: &mut Ctx);

    /// An action asked for from anywhere has been done or refused; a tab looks at the ones
    /// from its own forms.
    fn on_result(&mut self, _done: &Done) {}

    /// Takes a place to go if it is in this tab (setting its view), and says so.
    fn open(&mut self, _nav: &Nav, _prefs: &mut Self::Prefs, _book: &Book) -> bool {
        false
    }
}
