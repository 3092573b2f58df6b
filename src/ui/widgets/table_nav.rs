//! Moving through a long table with the keyboard, as in a spreadsheet: ↑/↓ one row, Page Up
//! and Page Down a screenful, Home/End (and Ctrl+Home/End) the first and the last row; and
//! back to the top when what the table shows changes (a new search, filter or order).

use egui::scroll_area::ScrollAreaOutput;
use egui::{Align, Key};
use egui_extras::TableBuilder;
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

const KEYS: [(Key, Step); 6] = [
    (Key::ArrowUp, Step::Up),
    (Key::ArrowDown, Step::Down),
    (Key::PageUp, Step::PageUp),
    (Key::PageDown, Step::PageDown),
    (Key::Home, Step::First),
    (Key::End, Step::Last),
];

/// The step the keys pressed this frame ask for; none while a field has the keyboard (there
/// Home and End move the cursor).
pub fn pressed(ctx: &egui::Context) -> Option<Step> {
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    ctx.input(|i| KEYS.into_iter().find(|(k, _)| i.key_pressed(*k)).map(|(_, s)| s))
}

/// The row a step leads to from row `at` (`None`: no row yet, so the first) in a table of
/// `len` rows with `page` rows in view; `None` in an empty table.
pub fn row_after(at: Option<usize>, len: usize, page: usize, step: Step) -> Option<usize> {
    let last = len.checked_sub(1)?;
    let page = page.max(1);
    let row = match (at, step) {
        (_, Step::First) => 0,
        (_, Step::Last) => last,
        (None, _) => 0,
        (Some(p), Step::Up) => p.saturating_sub(1),
        (Some(p), Step::Down) => p.saturating_add(1),
        (Some(p), Step::PageUp) => p.saturating_sub(page),
        (Some(p), Step::PageDown) => p.saturating_add(page),
    };
    Some(row.min(last))
}

fn hash_of(shows: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    shows.hash(&mut h);
    h.finish()
}

/// What a long table remembers between frames to answer the keys: the first row in view, how
/// many rows fit, and what it showed.
#[derive(Debug, Default)]
pub struct TableNav {
    top: usize,
    page: usize,
    shows: Option<u64>,
    /// Scroll to the chosen row on the next frame (it was chosen from another screen).
    reveal: bool,
}

impl TableNav {
    /// Did what the table shows (`shows`: its search, filter and order) change since the last
    /// frame? Then it goes back to the top.
    fn changed(&mut self, shows: &impl Hash) -> bool {
        let h = hash_of(shows);
        self.shows.replace(h).is_some_and(|old| old != h)
    }

    /// On the next frame the table scrolls to its chosen or highlighted row (`at` of `scroll`
    /// or `choose`), in the middle, whatever else changed.
    pub fn reveal(&mut self) {
        self.reveal = true;
    }

    /// Where the table goes this frame before any key: to the row asked for (`reveal`), in
    /// the middle, or to the top when what it shows changed.
    fn placed(&mut self, at: impl Fn() -> Option<usize>, shows: &impl Hash) -> Option<(usize, Align)> {
        let changed = self.changed(shows);
        if std::mem::take(&mut self.reveal)
            && let Some(row) = at()
        {
            return Some((row, Align::Center));
        }
        changed.then(|| {
            self.top = 0;
            (0, Align::TOP)
        })
    }

    /// A table whose rows are not chosen: the keys scroll it, a new `shows` takes it to the
    /// top; `at` is a row shown highlighted, scrolled to when asked (`reveal`).
    pub fn scroll<'a>(
        &mut self,
        ctx: &egui::Context,
        table: TableBuilder<'a>,
        (at, len): (impl Fn() -> Option<usize>, usize),
        shows: &impl Hash,
    ) -> TableBuilder<'a> {
        if let Some((row, align)) = self.placed(at, shows) {
            return table.scroll_to_row(row, Some(align));
        }
        let Some(step) = pressed(ctx) else { return table };
        match row_after(Some(self.top), len, self.page, step) {
            Some(row) if step == Step::Last => table.scroll_to_row(row, Some(Align::BOTTOM)),
            Some(row) => table.scroll_to_row(row, Some(Align::TOP)),
            None => table,
        }
    }

    /// A table with a chosen row at `at()` (its place among the rows shown, looked for only
    /// when needed): the row a key moves the choice to, and the table scrolled to show it; a
    /// new `shows` takes it to the top.
    pub fn choose<'a>(
        &mut self,
        ctx: &egui::Context,
        table: TableBuilder<'a>,
        (at, len): (impl Fn() -> Option<usize>, usize),
        shows: &impl Hash,
    ) -> (TableBuilder<'a>, Option<usize>) {
        if let Some((row, align)) = self.placed(&at, shows) {
            return (table.scroll_to_row(row, Some(align)), None);
        }
        match pressed(ctx).and_then(|step| row_after(at(), len, self.page, step)) {
            Some(row) => (table.scroll_to_row(row, None), Some(row)),
            None => (table, None),
        }
    }

    /// Notes where the table is scrolled, from what its body returned; `row_height` as given
    /// to the body's rows.
    pub fn seen(&mut self, ui: &egui::Ui, out: &ScrollAreaOutput<()>, row_height: f32) {
        let step = row_height + ui.spacing().item_spacing.y;
        if step > 0.0 {
            self.top = (out.state.clamped_offset().y / step).round() as usize;
            self.page = ((out.inner_rect.height() / step).floor() as usize).saturating_sub(1).max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_inside_the_table() {
        assert_eq!(row_after(Some(3), 0, 10, Step::Down), None, "an empty table has no row");
        assert_eq!(row_after(None, 50, 10, Step::PageDown), Some(0), "no row yet: the first");
        assert_eq!(row_after(Some(5), 50, 10, Step::PageDown), Some(15));
        assert_eq!(row_after(Some(45), 50, 10, Step::PageDown), Some(49));
        assert_eq!(row_after(Some(5), 50, 10, Step::PageUp), Some(0));
        assert_eq!(row_after(Some(25), 50, 10, Step::PageUp), Some(15));
        assert_eq!(row_after(Some(25), 50, 10, Step::First), Some(0));
        assert_eq!(row_after(None, 50, 10, Step::Last), Some(49));
        assert_eq!(row_after(Some(49), 50, 10, Step::Down), Some(49));
        assert_eq!(row_after(Some(0), 50, 10, Step::Up), Some(0));
        assert_eq!(row_after(Some(7), 50, 0, Step::PageDown), Some(8), "at least a row a page");
        // A place left from a longer list (an undo, a new filter) lands on the last row.
        assert_eq!(row_after(Some(80), 50, 10, Step::Up), Some(49));
    }

    #[test]
    fn a_new_filter_is_a_change_the_same_one_is_not() {
        let mut nav = TableNav::default();
        assert!(!nav.changed(&("", 2026)), "the first frame is not a change");
        assert!(!nav.changed(&("", 2026)));
        assert!(nav.changed(&("học bổng", 2026)));
        assert!(!nav.changed(&("học bổng", 2026)));
    }
}
