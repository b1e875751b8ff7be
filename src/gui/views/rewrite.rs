//! The checker's rewrite of a vague standard, offered under its text in
//! the standard editor and on the wizard's last page: one click puts it in
//! with its first slot selected, so the manager types their own figure
//! over the default (issue 27).

use crate::core::check::rewrite::{self, Suggestion};
use crate::core::i18n::{fill, messages};
use crate::core::model::{Language, StandardKind};

/// Shows the rewrite of `text` (a standard in `lang` of `kind`) and a
/// button that puts it in the text field `edit` with the first slot
/// selected. `ui_lang` words the button. Returns whether the text changed.
pub fn offer(
    ui: &mut egui::Ui,
    text: &mut String,
    edit: egui::Id,
    lang: Language,
    kind: Option<StandardKind>,
    ui_lang: Language,
) -> bool {
    let Some(suggestion) = rewrite::suggest(text, lang, kind) else {
        return false;
    };
    let words = &messages(ui_lang).rewrite;
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let shown = fill(
            messages(lang).rewrite.suggested,
            &[("text", &suggestion.marked)],
        );
        ui.label(egui::RichText::new(format!("→ {shown}")).italics());
        if ui
            .button(words.apply)
            .on_hover_text(words.apply_hover)
            .clicked()
        {
            put(ui.ctx(), edit, text, &suggestion);
            changed = true;
        }
    });
    changed
}

/// Puts `suggestion` in `text` and selects its first slot in the text
/// field `edit` (egui counts the selection in characters, not bytes), with
/// the keyboard focus there.
pub fn put(ctx: &egui::Context, edit: egui::Id, text: &mut String, suggestion: &Suggestion) {
    use egui::text::{CCursor, CCursorRange};
    text.clone_from(&suggestion.filled);
    let chars = |byte: usize| suggestion.filled[..byte].chars().count();
    let range = suggestion.slots.first().map_or_else(
        || CCursorRange::one(CCursor::new(suggestion.filled.chars().count())),
        |slot| {
            CCursorRange::two(
                CCursor::new(chars(slot.start)),
                CCursor::new(chars(slot.end)),
            )
        },
    );
    let mut state = egui::text_edit::TextEditState::load(ctx, edit).unwrap_or_default();
    state.cursor.set_char_range(Some(range));
    state.store(ctx, edit);
    ctx.memory_mut(|m| m.request_focus(edit));
}
