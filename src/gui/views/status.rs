//! The status bar: counts, the share of measurable standards by kind, the file, saved or not.

use crate::core::model::StandardKind;
use crate::gui::state::{Document, Standing};
use crate::gui::views::Cx;

/// Draws the status of `doc`, with `notice` (e.g. "Saved") at the end.
pub fn show(ui: &mut egui::Ui, cx: &Cx, doc: &mut Document, notice: Option<&str>, overdue: usize) {
    let t = cx.texts();
    let lang = cx.lang;
    let counts = doc.set().counts();
    let by_kind = doc.measurable_by_kind(crate::core::dates::today());
    let measurable: usize = by_kind.iter().map(|k| k.0).sum();
    let share = |ok: usize, all: usize| {
        if all == 0 {
            100.0
        } else {
            100.0 * ok as f64 / all as f64
        }
    };
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            // "1 contact point", "2 contact points" (Chinese has one form).
            let counted = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            ui.label(
                [
                    counted(counts.contact_points, t.contact_point, t.contact_points),
                    counted(counts.steps, t.step, t.steps),
                    counted(counts.factors, t.factor, t.factors),
                    counted(counts.standards, t.standard, t.standards),
                ]
                .join(" · "),
            );
            ui.separator();
            // The share per kind on hover: spelt out, it pushed the file and
            // the approval off a 1024-pixel screen.
            let per_kind: Vec<String> = StandardKind::ALL
                .iter()
                .zip(by_kind)
                .map(|(kind, (ok, all))| format!("{} {ok}/{all}", kind.label(lang)))
                .collect();
            ui.label(format!(
                "{} {:.0}%",
                t.measurable,
                share(measurable, counts.standards)
            ))
            .on_hover_text(per_kind.join(" · "));
            ui.separator();
            // The file's name; its folder on hover (a whole path pushed the
            // rest off a 1024-pixel screen).
            match (&doc.path, doc.origin(t)) {
                (Some(path), _) => ui
                    .label(doc.display_name())
                    .on_hover_text(path.display().to_string()),
                (None, origin) => ui.label(origin.unwrap_or_default()),
            };
            ui.separator();
            let r = &t.revisions;
            let revision = doc.set().revision.clone();
            let (text, approved) = match doc.standing() {
                Standing::Approved => (r.status_approved, true),
                Standing::Draft => (r.status_draft, false),
                Standing::Changed => (r.status_changed, false),
            };
            let text = crate::core::i18n::fill(text, &[("revision", &revision)]);
            if approved {
                ui.label(text);
            } else {
                ui.colored_label(ui.visuals().warn_fg_color, text);
            }
            if overdue > 0 {
                ui.separator();
                let text = crate::core::i18n::fill(
                    t.actions.overdue_count,
                    &[("count", &overdue.to_string())],
                );
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            ui.separator();
            ui.label(if doc.is_dirty() { t.unsaved } else { t.saved });
            if let Some(notice) = notice {
                ui.separator();
                // The last thing on the bar, and often long ("Saved to" a
                // whole path): cut to the room left, all of it on hover.
                ui.add(egui::Label::new(notice).truncate())
                    .on_hover_text(notice);
            }
        });
    });
}
