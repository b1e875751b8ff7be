//! Checks an inspection record against the set it inspected: every verdict is
//! accounted for, by ID, never dropped silently.

use std::collections::HashSet;
use std::path::Path;

use super::{Inspection, Verdict};
use crate::core::check::Severity;
use crate::core::i18n::{fill, messages};
use crate::core::model::limits::{self, TextField};
use crate::core::model::{Language, StandardsSet};
use crate::core::storage::evidence::{self, EvidenceIssue};

/// What is wrong with a record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Problem {
    /// A verdict names a standard the set does not have.
    UnknownStandard {
        id: String,
    },
    /// Two verdicts for the same standard.
    DuplicateVerdict {
        id: String,
    },
    /// The scope names a contact point the set does not have.
    UnknownContactPoint {
        id: String,
    },
    /// A verdict on a standard outside the inspection's scope.
    OutOfScope {
        id: String,
    },
    /// The set's revision changed since the inspection.
    RevisionChanged {
        then: String,
        now: String,
    },
    /// The set's title is not the one recorded.
    TitleChanged {
        then: String,
        now: String,
    },
    /// A failed standard with no note saying what was seen.
    FailWithoutNote {
        id: String,
    },
    NoSite,
    NoInspector,
    /// A text past its documented length; `id` is the standard of a note.
    TooLong {
        id: Option<String>,
        field: TextField,
        chars: usize,
        max: usize,
    },
    /// An evidence path that leaves the record's folder, or names no file.
    Evidence {
        id: String,
        path: String,
        issue: EvidenceIssue,
    },
}

impl Problem {
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = messages(lang);
        match self {
            Self::UnknownStandard { id } => fill(m.unknown_standard, &[("id", id)]),
            Self::DuplicateVerdict { id } => fill(m.duplicate_verdict, &[("id", id)]),
            Self::UnknownContactPoint { id } => fill(m.unknown_contact_point, &[("id", id)]),
            Self::OutOfScope { id } => fill(m.out_of_scope, &[("id", id)]),
            Self::RevisionChanged { then, now } => {
                fill(m.revision_changed, &[("then", then), ("now", now)])
            }
            Self::TitleChanged { then, now } => {
                fill(m.title_changed, &[("then", then), ("now", now)])
            }
            Self::FailWithoutNote { id } => fill(m.fail_without_note, &[("id", id)]),
            Self::NoSite => m.no_site.to_owned(),
            Self::NoInspector => m.no_inspector.to_owned(),
            Self::TooLong {
                id,
                field,
                chars,
                max,
            } => {
                let text = crate::core::check::too_long_message(lang, *field, *chars, *max);
                match id {
                    Some(id) => format!("{id}: {text}"),
                    None => text,
                }
            }
            Self::Evidence { id, path, issue } => {
                fill(m.evidence.get(*issue), &[("id", id), ("path", path)])
            }
        }
    }

    /// The field of the entry the problem is written in (`evidence`,
    /// `note`…), for pointing at that line rather than the entry's first.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Evidence { .. } => Some(TextField::Evidence.key()),
            Self::TooLong { field, .. } => Some(field.key()),
            _ => None,
        }
    }

    /// The standard concerned, for pointing at its line.
    #[must_use]
    pub fn standard(&self) -> Option<&str> {
        match self {
            Self::UnknownStandard { id }
            | Self::DuplicateVerdict { id }
            | Self::OutOfScope { id }
            | Self::FailWithoutNote { id }
            | Self::Evidence { id, .. }
            | Self::TooLong { id: Some(id), .. } => Some(id),
            _ => None,
        }
    }
}

/// One finding about a record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
}

/// Every finding about `inspection` checked against `set`, in file order.
#[must_use]
pub fn check(inspection: &Inspection, set: &StandardsSet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, problem| out.push(Finding { severity, problem });
    if inspection.standards.revision != set.revision {
        push(
            Severity::Warning,
            Problem::RevisionChanged {
                then: inspection.standards.revision.clone(),
                now: set.revision.clone(),
            },
        );
    }
    if inspection.standards.title != set.title {
        push(
            Severity::Warning,
            Problem::TitleChanged {
                then: inspection.standards.title.clone(),
                now: set.title.clone(),
            },
        );
    }
    if inspection.site.trim().is_empty() {
        push(Severity::Warning, Problem::NoSite);
    }
    if inspection.inspector.trim().is_empty() {
        push(Severity::Warning, Problem::NoInspector);
    }
    for (text, field) in [
        (&inspection.site, TextField::Site),
        (&inspection.inspector, TextField::Inspector),
    ] {
        if let Some(chars) = limits::over(text, field) {
            push(
                Severity::Error,
                Problem::TooLong {
                    id: None,
                    field,
                    chars,
                    max: field.max_chars(),
                },
            );
        }
    }
    for id in &inspection.scope {
        if !set.contact_points.iter().any(|c| &c.id == id) {
            push(
                Severity::Error,
                Problem::UnknownContactPoint { id: id.clone() },
            );
        }
    }
    let in_scope: HashSet<&str> = inspection.standards_in_scope(set).into_iter().collect();
    let all: HashSet<&str> = super::standard_order(set).into_iter().collect();
    let mut seen = HashSet::new();
    for entry in &inspection.verdicts {
        let id = entry.standard.clone();
        if !seen.insert(entry.standard.as_str()) {
            push(Severity::Error, Problem::DuplicateVerdict { id });
        } else if !all.contains(entry.standard.as_str()) {
            push(Severity::Error, Problem::UnknownStandard { id });
        } else if !in_scope.contains(entry.standard.as_str()) {
            push(Severity::Warning, Problem::OutOfScope { id });
        } else if entry.verdict == Verdict::Fail && entry.note.trim().is_empty() {
            push(Severity::Warning, Problem::FailWithoutNote { id });
        }
        let id = &entry.standard;
        for (text, field) in [
            (&entry.note, TextField::Note),
            (
                entry.evidence.as_ref().unwrap_or(&String::new()),
                TextField::Evidence,
            ),
        ] {
            if let Some(chars) = limits::over(text, field) {
                push(
                    Severity::Error,
                    Problem::TooLong {
                        id: Some(id.clone()),
                        field,
                        chars,
                        max: field.max_chars(),
                    },
                );
            }
        }
        for path in entry.files() {
            if let Err(issue) = evidence::check_written(path) {
                push(
                    Severity::Error,
                    Problem::Evidence {
                        id: id.clone(),
                        path: path.clone(),
                        issue,
                    },
                );
            }
        }
    }
    out
}

/// Every finding about `inspection`, stored at `record`, against `set`:
/// [`check`] and then [`check_evidence`], what `validate` and `report` ask.
#[must_use]
pub fn check_record(inspection: &Inspection, set: &StandardsSet, record: &Path) -> Vec<Finding> {
    let mut findings = check(inspection, set);
    findings.extend(check_evidence(inspection, record));
    findings
}

/// The evidence files of `inspection`, stored at `record`, that are missing,
/// or that lead out of its folder through a link or are not files (paths
/// wrong as written are [`check`]'s). No file is opened.
#[must_use]
pub fn check_evidence(inspection: &Inspection, record: &Path) -> Vec<Finding> {
    inspection
        .verdicts
        .iter()
        .flat_map(|entry| entry.files().map(move |path| (entry, path)))
        .filter_map(|(entry, path)| {
            evidence::check_written(path).ok()?;
            let issue = evidence::locate(record, path).err()?;
            Some(Finding {
                severity: if issue.is_error() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                problem: Problem::Evidence {
                    id: entry.standard.clone(),
                    path: path.clone(),
                    issue,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::core::inspection::Entry;

    #[test]
    fn unknown_and_duplicate_ids_are_reported_by_id() {
        let set = crate::core::templates::default_sample();
        let mut i = Inspection::new(&set, None, Path::new("x"), jiff::civil::DateTime::default());
        i.site = "一号店".into();
        i.inspector = "李娜".into();
        for id in ["S-1", "S-1", "S-404"] {
            i.verdicts.push(Entry {
                standard: id.into(),
                verdict: Verdict::Pass,
                note: String::new(),
                evidence: None,
                photos: Vec::new(),
            });
        }
        i.standards.revision = "1.0".into();
        let found = check(&i, &set);
        let problems: Vec<_> = found.iter().map(|f| f.problem.clone()).collect();
        assert_eq!(
            problems,
            [
                Problem::RevisionChanged {
                    then: "1.0".into(),
                    now: set.revision.clone()
                },
                Problem::DuplicateVerdict { id: "S-1".into() },
                Problem::UnknownStandard { id: "S-404".into() },
            ]
        );
        assert!(
            found[2]
                .problem
                .message(Language::En)
                .starts_with("S-404: ")
        );
    }
}
