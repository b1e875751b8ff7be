//! What `validate` says about an actions file: actions whose standard or
//! record is gone (reported, never dropped), statuses that lack what they
//! claim, and photo paths that leave the folder.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use super::actions::{Actions, Status};
use super::{Inspection, Verdict};
use crate::core::check::Severity;
use crate::core::i18n::{Language, fill, messages};
use crate::core::model::StandardsSet;
use crate::core::storage::evidence::{self, EvidenceIssue};

/// What is wrong with an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Problem {
    /// The record the file belongs to cannot be read.
    NoRecord {
        record: String,
    },
    DuplicateId {
        action: String,
    },
    /// The set no longer has the standard: the action is kept.
    UnknownStandard {
        action: String,
        standard: String,
    },
    /// The record has no failed verdict on the standard.
    NotFailed {
        action: String,
        standard: String,
    },
    EmptyWhat {
        action: String,
    },
    /// Done or verified with no date of completion.
    NoDoneDate {
        action: String,
    },
    /// Verified with no one who verified it.
    NoVerifier {
        action: String,
    },
    /// Can't do, with no reason.
    NoReason {
        action: String,
    },
    Photo {
        action: String,
        path: String,
        issue: EvidenceIssue,
    },
}

/// A finding about an actions file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
}

impl Problem {
    /// The action the finding is about, if one.
    #[must_use]
    pub fn action(&self) -> Option<&str> {
        match self {
            Self::NoRecord { .. } => None,
            Self::DuplicateId { action }
            | Self::UnknownStandard { action, .. }
            | Self::NotFailed { action, .. }
            | Self::EmptyWhat { action }
            | Self::NoDoneDate { action }
            | Self::NoVerifier { action }
            | Self::NoReason { action }
            | Self::Photo { action, .. } => Some(action),
        }
    }

    /// The field of the action (or the file) the finding points at.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            Self::NoRecord { .. } => "record",
            Self::DuplicateId { .. } => return None,
            Self::UnknownStandard { .. } | Self::NotFailed { .. } => "standard",
            Self::EmptyWhat { .. } => "what",
            Self::NoDoneDate { .. } | Self::NoVerifier { .. } | Self::NoReason { .. } => "status",
            Self::Photo { .. } => "photos",
        })
    }

    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).action_problems;
        let action = self.action().unwrap_or_default();
        match self {
            Self::NoRecord { record } => fill(m.no_record, &[("record", record)]),
            Self::DuplicateId { .. } => fill(m.duplicate_id, &[("action", action)]),
            Self::UnknownStandard { standard, .. } => fill(
                m.unknown_standard,
                &[("action", action), ("standard", standard)],
            ),
            Self::NotFailed { standard, .. } => {
                fill(m.not_failed, &[("action", action), ("standard", standard)])
            }
            Self::EmptyWhat { .. } => fill(m.empty_what, &[("action", action)]),
            Self::NoDoneDate { .. } => fill(m.no_done_date, &[("action", action)]),
            Self::NoVerifier { .. } => fill(m.no_verifier, &[("action", action)]),
            Self::NoReason { .. } => fill(m.no_reason, &[("action", action)]),
            Self::Photo { path, issue, .. } => {
                fill(m.photo.get(*issue), &[("action", action), ("path", path)])
            }
        }
    }
}

/// Every finding about `actions`, stored at `file`, raised from `record`
/// (none when it cannot be read) of `set` (none when it cannot be found).
#[must_use]
pub fn check(
    actions: &Actions,
    file: &Path,
    record: Option<&Inspection>,
    set: Option<&StandardsSet>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, problem| out.push(Finding { severity, problem });
    if record.is_none() {
        push(
            Severity::Error,
            Problem::NoRecord {
                record: actions.record.clone(),
            },
        );
    }
    let mut seen = HashSet::new();
    for a in &actions.actions {
        let action = a.id.clone();
        if !seen.insert(a.id.as_str()) {
            push(
                Severity::Error,
                Problem::DuplicateId {
                    action: action.clone(),
                },
            );
        }
        if let Some(set) = set
            && set.standard(&a.standard).is_none()
        {
            push(
                Severity::Error,
                Problem::UnknownStandard {
                    action: action.clone(),
                    standard: a.standard.clone(),
                },
            );
        }
        if let Some(record) = record {
            let failed = record
                .verdicts
                .iter()
                .any(|e| e.standard == a.standard && e.verdict == Verdict::Fail);
            if !failed {
                push(
                    Severity::Warning,
                    Problem::NotFailed {
                        action: action.clone(),
                        standard: a.standard.clone(),
                    },
                );
            }
        }
        if a.what.trim().is_empty() {
            push(
                Severity::Error,
                Problem::EmptyWhat {
                    action: action.clone(),
                },
            );
        }
        if matches!(a.status, Status::Done | Status::Verified) && a.done.is_none() {
            push(
                Severity::Error,
                Problem::NoDoneDate {
                    action: action.clone(),
                },
            );
        }
        if a.status == Status::Verified && a.verified.is_none() {
            push(
                Severity::Error,
                Problem::NoVerifier {
                    action: action.clone(),
                },
            );
        }
        if a.status == Status::CantDo && a.reason.trim().is_empty() {
            push(
                Severity::Error,
                Problem::NoReason {
                    action: action.clone(),
                },
            );
        }
        for photo in a.fix_photos() {
            if let Err(issue) = evidence::locate(file, photo) {
                let severity = if issue.is_error() {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                push(
                    severity,
                    Problem::Photo {
                        action: action.clone(),
                        path: photo.clone(),
                        issue,
                    },
                );
            }
        }
    }
    out
}
