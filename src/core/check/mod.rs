//! Checks over a standards set: structural validation and the measurability
//! checker, for standards written in simplified Chinese, traditional
//! Chinese and English. Findings are plain data; their messages come in
//! the three interface languages so the command line and the window say
//! the same thing.
//!
//! The checker by idea: [`tokens`] (words, clauses, quotes), [`rulebook`]
//! (the rules file) and [`lexicon`] (its words as matchers),
//! `quantities` (numbers with units), `manners` (words read by their
//! form), `govern` (what excuses what), `assess` (the pipeline),
//! [`measurable`] (what it answers), [`rules`] (the specific and
//! customer-based hints).

mod assess;
mod duty;
mod finder;
mod govern;
mod kind;
pub mod lexicon;
mod manners;
pub mod measurable;
mod messages;
mod quantities;
pub mod rewrite;
pub mod rulebook;
pub mod rules;
pub mod tokens;
pub use messages::{
    criterion_kind, explain, reading, reading_in, shown, too_long as too_long_message,
};
mod validate;

pub use assess::{assess, assess_in, assess_with};
pub use kind::suggest_kind;
pub use measurable::{Assessment, Element, ElementKind, VagueWord, Vagueness};
pub use rulebook::Category;
pub use validate::validate;

use serde::Serialize;

use crate::core::model::limits::TextField;
use crate::core::model::{IdKind, StandardsSet};

/// The IDs of the standards that are not measurable yet, in the set's
/// order, within `contact_points` (by ID; empty means all): what an export
/// warns it prints as they are.
#[must_use]
pub fn unmeasurable<'a>(set: &'a StandardsSet, contact_points: &[String]) -> Vec<&'a str> {
    set.standards()
        .filter(|(at, _)| {
            contact_points.is_empty() || contact_points.contains(&at.contact_point.id)
        })
        .filter(|(_, st)| st.accepted.is_none() && !assess_in(&set.words, &st.text).is_measurable())
        .map(|(_, st)| st.id.as_str())
        .collect()
}

/// The finding about the logo of the set saved at `file`, if it cannot be
/// used (the only check that looks at the disk, so apart from [`validate`]).
#[must_use]
pub fn logo(set: &StandardsSet, file: &std::path::Path) -> Option<Finding> {
    use crate::core::storage::evidence::EvidenceIssue;
    use crate::core::storage::logo::{self, LogoIssue};
    let path = set.logo.as_deref()?;
    let issue = logo::read(file, path).err()?;
    Some(Finding {
        severity: if issue == LogoIssue::Path(EvidenceIssue::Missing) {
            Severity::Warning
        } else {
            Severity::Error
        },
        problem: Problem::Logo {
            path: path.to_owned(),
            issue,
        },
        item: None,
        trail: String::new(),
    })
}

/// How much a finding matters: errors fail `validate`, warnings only with `--strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice that never fails a check, not even with `--strict`.
    Hint,
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hint => "hint",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// What is wrong, with the data a message needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Problem {
    EmptyTitle,
    NoContactPoints,
    DuplicateId {
        id: String,
    },
    InvalidId {
        id: String,
    },
    EmptyName {
        level: Level,
    },
    NoChildren {
        level: Level,
    },
    ScoreOutOfRange {
        field: &'static str,
        value: u8,
    },
    BadTarget,
    NoMonitoring,
    NoOwnerRole,
    NoReviewDate,
    ReviewOverdue {
        date: String,
    },
    /// The set's revision was approved, but its content has changed since.
    ChangedSinceApproval {
        revision: String,
    },
    /// The logo cannot be used: where it is, or what it is.
    Logo {
        path: String,
        issue: crate::core::storage::logo::LogoIssue,
    },
    Vague {
        vagueness: Vagueness,
    },
    /// The specific rule: two acts in one standard; a hint to split it.
    SplitHint {
        first: String,
        second: String,
    },
    /// The customer-based rule: an internal routine the customer never notices.
    NotCustomerBased {
        routine: String,
    },
    /// A rate over time, checked without operational data.
    RateNeedsData {
        rate: String,
    },
    /// A text past its documented length (see `model::limits`).
    TooLong {
        field: TextField,
        chars: usize,
        max: usize,
    },
}

/// The level of the tree a finding is about (serialisable twin of [`IdKind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    ContactPoint,
    Step,
    Factor,
    Standard,
}

impl From<IdKind> for Level {
    fn from(kind: IdKind) -> Self {
        match kind {
            IdKind::ContactPoint => Self::ContactPoint,
            IdKind::Step => Self::Step,
            IdKind::Factor => Self::Factor,
            IdKind::Standard => Self::Standard,
        }
    }
}

/// One finding about a set: what, how serious, and which item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
    /// The ID of the item the finding is about; `None` for the set itself.
    pub item: Option<String>,
    /// Names from the contact point down to the item: `进店 › 迎宾 › 被注意到`.
    pub trail: String,
}

impl Finding {
    /// Whether this finding is the checker saying a standard is vague.
    #[must_use]
    pub fn is_vague(&self) -> bool {
        matches!(self.problem, Problem::Vague { .. })
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub hints: usize,
}

impl Tally {
    #[must_use]
    pub fn of(findings: &[Finding]) -> Self {
        findings.iter().fold(Self::default(), |mut t, f| {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Hint => t.hints += 1,
            }
            t
        })
    }
}
