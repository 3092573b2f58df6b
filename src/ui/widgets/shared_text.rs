//! A shared text edited in place: each edit makes the field a text of its own.

use crate::model::shared::Shared;
use egui::TextBuffer;
use egui::epaint::text::CharIndex;
use std::ops::Range;

impl TextBuffer for Shared {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        Shared::as_str(self)
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        let mut own = self.as_str().to_owned();
        let n = own.insert_text(text, char_index);
        *self = own.into();
        n
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let mut own = self.as_str().to_owned();
        own.delete_char_range(char_range);
        *self = own.into();
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_this_text_and_not_the_ones_it_was_shared_with() {
        let first = Shared::from("Biên bản");
        let mut edited = first.clone();
        edited.insert_text(" số 1", CharIndex(8));
        assert_eq!((first.as_str(), edited.as_str()), ("Biên bản", "Biên bản số 1"));
        edited.delete_char_range(CharIndex(0)..CharIndex(5));
        assert_eq!(edited, "bản số 1");
        edited.delete_char_range(CharIndex(0)..CharIndex(8));
        assert_eq!(edited, Shared::default());
    }

    #[test]
    fn a_text_field_over_a_shared_text_takes_vietnamese_typing() {
        use egui_kittest::kittest::Queryable;
        let mut h = egui_kittest::Harness::builder().build_ui_state(
            |ui, value: &mut Shared| {
                let label = ui.label("Evidence");
                ui.add(egui::TextEdit::singleline(value)).labelled_by(label.id);
            },
            Shared::from("Bi"),
        );
        // The first frame drew with egui's fonts; Vietnamese needs the app's.
        crate::ui::fonts::install(&h.ctx);
        h.run();
        h.get_by_label("Evidence").click();
        h.run();
        h.get_by_label("Evidence").type_text("ên bản đạo phường");
        h.run();
        assert_eq!(h.state().as_str(), "Biên bản đạo phường");
    }
}
