//! The views of revisions: File › Approve…, File › Compare with…, and the
//! banner over an approved set's editor.

use crate::core::diff::{FieldChange, What, field_line, headline};
use crate::core::i18n::fill;
use crate::gui::state::{ApproveChoice, Command, Comparison, Document, Modal, Reply};
use crate::gui::views::Cx;

/// The Approve… dialog; returns the modal to keep open (none when closed).
pub fn approve(ui: &mut egui::Ui, cx: &mut Cx, mut choice: ApproveChoice) -> Option<Modal> {
    let t = &cx.texts().revisions;
    ui.heading(t.approve_title);
    if choice.already {
        // Nothing to approve until the set changes: say why, and offer the
        // way on (a draft of the next revision) instead of a greyed button alone.
        ui.label(fill(t.status_approved, &[("revision", &choice.revision)]));
        ui.label(fill(t.approve_already, &[("revision", &choice.revision)]));
        let next = crate::core::model::next_revision(&choice.revision);
        if ui
            .button(format!(
                "{}…",
                fill(t.edit_as_draft, &[("revision", &next)])
            ))
            .clicked()
        {
            cx.run(Command::AskToStartDraft);
            return None;
        }
    }
    if let Some(revision) = &choice.changed_since {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            fill(t.approve_changed, &[("revision", revision)]),
        );
    }
    egui::Grid::new("approve").num_columns(2).show(ui, |ui| {
        for (label, value) in [
            (cx.texts().revision, &mut choice.revision),
            (cx.texts().approved_by, &mut choice.by),
            (t.summary, &mut choice.summary),
        ] {
            let name = ui.label(label);
            ui.add(egui::TextEdit::singleline(value).desired_width(320.0))
                .labelled_by(name.id);
            ui.end_row();
        }
    });
    let count = choice.findings.len();
    if count > 0 {
        findings(ui, t, &mut choice);
    }
    if let Some(error) = &choice.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.add_space(6.0);
    let mut keep = true;
    ui.horizontal(|ui| {
        // With findings in the way the button says so, and only a reason
        // given makes it work: approving anyway is a deliberate act.
        let (label, ready) = if count == 0 {
            (t.approve_button.to_owned(), true)
        } else {
            (
                fill(t.approve_despite, &[("count", &count.to_string())]),
                !choice.reason.trim().is_empty(),
            )
        };
        if ui
            .add_enabled(!choice.already && ready, egui::Button::new(label))
            .clicked()
        {
            cx.answer(Reply::ApproveConfirmed(choice.clone()));
        }
        if ui.button(cx.texts().cancel).clicked() {
            keep = false;
        }
    });
    keep.then_some(Modal::Approve(choice))
}

/// The findings that stand in the way of approving, and the reason to
/// approve anyway that the revision history will keep.
fn findings(ui: &mut egui::Ui, t: &crate::core::i18n::RevisionTexts, choice: &mut ApproveChoice) {
    ui.add_space(6.0);
    let count = choice.findings.len().to_string();
    ui.colored_label(
        ui.visuals().warn_fg_color,
        fill(t.approve_findings, &[("count", &count)]),
    );
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .id_salt("approve findings")
        .show(ui, |ui| {
            for line in &choice.findings {
                ui.label(line);
            }
        });
    let name = ui.label(t.despite_reason);
    ui.add(egui::TextEdit::singleline(&mut choice.reason).desired_width(480.0))
        .labelled_by(name.id);
}

/// One field's change, deleted text struck through in red and inserted
/// text underlined in green.
fn field(ui: &mut egui::Ui, change: &FieldChange, lang: crate::core::model::Language) {
    if change.inline.is_empty() {
        ui.label(field_line(change, crate::core::diff::Style::Text, lang));
        return;
    }
    let visuals = ui.visuals().clone();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let plain = egui::TextFormat::simple(font.clone(), visuals.text_color());
    let sep = if lang == crate::core::model::Language::En {
        ": "
    } else {
        "："
    };
    let name = crate::core::diff::field_name(change.field, lang);
    job.append(&format!("{name}{sep}"), 0.0, plain.clone());
    let mut before: Option<&crate::core::diff::Piece> = None;
    for piece in &change.inline {
        // A word struck out and the word put in its place touch ("athe"):
        // the words of English keep a space between them.
        if let Some(prev) = before
            && prev.op != "equal"
            && piece.op != "equal"
            && joins_words(&prev.text, &piece.text)
        {
            job.append(" ", 0.0, plain.clone());
        }
        before = Some(piece);
        let format = match piece.op {
            "delete" => egui::TextFormat {
                color: visuals.error_fg_color,
                strikethrough: egui::Stroke::new(1.0, visuals.error_fg_color),
                ..plain.clone()
            },
            "insert" => egui::TextFormat {
                color: egui::Color32::from_rgb(0x2e, 0x8b, 0x57),
                underline: egui::Stroke::new(1.0, egui::Color32::from_rgb(0x2e, 0x8b, 0x57)),
                ..plain.clone()
            },
            _ => plain.clone(),
        };
        job.append(&piece.text, 0.0, format);
    }
    ui.label(job);
}

/// Whether `left` followed by `right` would run two words of a spaced
/// script together: both sides of the join are letters or digits of it.
fn joins_words(left: &str, right: &str) -> bool {
    let spaced = |c: char| c.is_ascii_alphanumeric() || c.is_ascii_punctuation();
    matches!(
        (left.chars().next_back(), right.chars().next()),
        (Some(l), Some(r)) if spaced(l) && spaced(r)
    )
}

/// The Compare with… dialog.
pub fn compare(ui: &mut egui::Ui, cx: &mut Cx, comparison: &Comparison) -> bool {
    let words = &crate::core::i18n::messages(comparison.lang).diff;
    ui.heading(&comparison.title);
    if comparison.changes.is_empty() {
        ui.label(words.no_differences);
    } else {
        ui.label(fill(
            words.changes,
            &[("count", &comparison.changes.len().to_string())],
        ));
    }
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .show(ui, |ui| {
            for change in &comparison.changes {
                let mark = match change.what {
                    What::Added => "+",
                    What::Removed => "−",
                    What::Modified { .. } => "~",
                };
                ui.strong(format!("{mark} {}", headline(change, comparison.lang)));
                if let What::Modified { fields, .. } = &change.what {
                    ui.indent(("fields", &change.id, change.level as u8), |ui| {
                        for f in fields {
                            field(ui, f, comparison.lang);
                        }
                    });
                }
                ui.add_space(4.0);
            }
        });
    ui.add_space(6.0);
    !ui.button(cx.texts().close).clicked()
}

/// Over the editor of an approved set: who approved it, and the one way to
/// change it. Returns whether the editor is locked.
pub fn approved_banner(ui: &mut egui::Ui, cx: &mut Cx, doc: &mut Document) -> bool {
    if !doc.is_locked() {
        return false;
    }
    let t = &cx.texts().revisions;
    let set = doc.set();
    let Some(last) = set.history.last() else {
        return false;
    };
    let next = crate::core::model::next_revision(&set.revision);
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(fill(
                t.approved_banner,
                &[
                    ("revision", &last.revision),
                    ("by", &last.approved_by),
                    ("date", &last.date.to_string()),
                ],
            ));
            if ui
                // "…": a question follows (the dialog's own button has no dots).
                .button(format!(
                    "{}…",
                    fill(t.edit_as_draft, &[("revision", &next)])
                ))
                .clicked()
            {
                cx.run(Command::AskToStartDraft);
            }
        });
    ui.add_space(6.0);
    true
}
