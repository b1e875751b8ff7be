//! Approval, drafts and comparing revisions in the window: File › Approve…,
//! the question before the first edit of an approved set, File › Compare with….

use std::path::Path;

use super::{Command, Modal, Reply, ServstdApp};
use crate::core::approval;
use crate::core::check::Severity;
use crate::core::i18n::fill;
use crate::core::model::{StandardsSet, next_revision};
use crate::core::storage;
use crate::gui::state::Standing;
use crate::gui::state::{ApproveChoice, Comparison};

/// The commands that change the set's content, which an approved set asks about first.
#[must_use]
pub fn edits_the_set(command: &Command) -> bool {
    matches!(
        command,
        Command::AddContactPoint
            | Command::AddChild
            | Command::Duplicate
            | Command::Delete
            | Command::MoveUp
            | Command::MoveDown
            | Command::MoveOnto(..)
    )
}

impl ServstdApp {
    /// The question before the first edit of an approved set; `then` is the
    /// edit asked for (none from the editor's button).
    pub(super) fn ask_to_start_draft(&mut self, then: Option<Box<Command>>) {
        let t = &self.texts().revisions;
        let approved = self.doc.set().revision.clone();
        let next = next_revision(&approved);
        self.modal = Some(Modal::Confirm {
            title: fill(t.draft_title, &[("revision", &next)]),
            body: fill(
                t.draft_body,
                &[("approved", &approved), ("revision", &next)],
            ),
            yes: fill(t.edit_as_draft, &[("revision", &next)]),
            no: self.texts().cancel.to_owned(),
            then: Box::new(Reply::StartDraft(then)),
        });
    }

    /// Makes a draft of the next revision, then runs the edit that asked for it.
    pub(super) fn start_draft(&mut self, then: Option<Box<Command>>) {
        self.doc.checkpoint();
        let revision = self.doc.set_mut().start_revision();
        self.notify(fill(
            self.texts().revisions.status_draft,
            &[("revision", &revision)],
        ));
        if let Some(command) = then {
            self.execute_unguarded(*command);
        }
    }

    pub(super) fn open_approve(&mut self) {
        let changed_since =
            (self.doc.standing() == Standing::Changed).then(|| self.doc.set().revision.clone());
        let set = self.doc.set();
        let revision = match &changed_since {
            Some(_) => next_revision(&set.revision),
            None => set.revision.clone(),
        };
        // Who approved the last revision, never the set's owner: the owner
        // writes the set, and approving it is someone's explicit promise.
        let by = set.approved_by.clone();
        // What stands in the way is listed before anything is approved,
        // with the item's ID and place, in the words of the findings panel.
        let lang = crate::core::i18n::for_set(self.state.ui_language, set.language);
        let findings = approval::blockers(set, crate::core::dates::today())
            .iter()
            .map(|finding| {
                let icon = match finding.severity {
                    Severity::Error => "■",
                    _ => "▲",
                };
                let item = finding
                    .item
                    .as_deref()
                    .map(|id| format!("{id}: "))
                    .unwrap_or_default();
                let place = if finding.trail.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", finding.trail)
                };
                format!("{icon} {item}{}{place}", finding.problem.message(lang))
            })
            .collect();
        self.modal = Some(Modal::Approve(ApproveChoice {
            revision,
            by,
            summary: String::new(),
            error: None,
            changed_since,
            already: self.doc.is_locked(),
            findings,
            reason: String::new(),
        }));
    }

    /// Approves the set as the dialog says; a refusal stays in the dialog.
    pub(super) fn approve(&mut self, choice: ApproveChoice) {
        let mut set = self.doc.set().clone();
        choice.revision.trim().clone_into(&mut set.revision);
        // The same decision as `servstd approve`: findings refuse it unless
        // a reason is given, and the history keeps how many and why.
        let despite = (!choice.findings.is_empty()).then_some(choice.reason.as_str());
        let today = crate::core::dates::today();
        match approval::approve(&mut set, &choice.by, &choice.summary, today, despite) {
            Ok(_) => {
                self.doc.checkpoint();
                *self.doc.set_mut() = set;
                self.modal = None;
                let lang =
                    crate::core::i18n::for_set(self.state.ui_language, self.doc.set().language);
                let set = self.doc.set();
                let mut approved = fill(
                    crate::core::i18n::messages(lang).approved,
                    &[("revision", &set.revision), ("by", &set.approved_by)],
                );
                if let Some(despite) = set.history.last().and_then(|r| r.despite.as_ref()) {
                    approved = format!("{approved} · {}", approval::despite_text(despite, lang));
                }
                // Approving saves: an approval only in the window is none.
                // A set never saved cannot be: the message says so plainly.
                match self.doc.path.clone() {
                    Some(path) => {
                        if self.save_to(&path) {
                            let saved = format!("{} {}", self.texts().saved_to, path.display());
                            self.notify(format!("{approved} · {saved}"));
                        }
                    }
                    None => {
                        let must = self.texts().revisions.approved_save_now;
                        self.notify(format!("{approved} · {must}"));
                    }
                }
            }
            Err(err) => {
                self.modal = Some(Modal::Approve(ApproveChoice {
                    error: Some(err.message(self.state.ui_language)),
                    ..choice
                }));
            }
        }
    }

    /// Shows what changed from the set in `path` to the open one.
    pub(super) fn compare_with(&mut self, path: &Path) {
        match storage::load::<StandardsSet>(path) {
            Ok(loaded) => {
                let old = loaded.document;
                let new = self.doc.set();
                let lang = crate::core::i18n::for_set(self.state.ui_language, new.language);
                let name = |set: &StandardsSet, fallback: String| {
                    if set.revision.is_empty() {
                        fallback
                    } else {
                        format!("{} {}", self.texts().revision, set.revision)
                    }
                };
                let old_name = name(
                    &old,
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
                let new_name = name(new, self.doc.display_name());
                let changes = crate::core::diff::diff(&old, new);
                let t = &self.texts().revisions;
                // "2.1 to 2.1" says nothing: the same revision is named as
                // such, the file by its name.
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let same = [("revision", new.revision.as_str()), ("old", &file)];
                let title = if old_name != new_name {
                    fill(t.compare_title, &[("old", &old_name), ("new", &new_name)])
                } else if changes.is_empty() {
                    fill(t.compare_same, &same)
                } else {
                    fill(t.compare_same_revision, &same)
                };
                self.modal = Some(Modal::Compare(Comparison {
                    title,
                    changes,
                    lang,
                }));
            }
            Err(err) => self.show_error(&err.said(self.state.ui_language)),
        }
    }
}
