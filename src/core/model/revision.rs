//! Revisions and approval. The method's cycle ends in "review and revise":
//! a set is approved as a revision, staff are trained on it, and the next
//! change makes a draft of the next revision. The history of approvals is
//! kept in the set's own file.
//!
//! Whether a set is approved is never stored on its own: it is approved when
//! the last approval in its history is of its current revision *and* of its
//! current content (a fingerprint of everything a change would alter), so a
//! file edited in a text editor after approval reads as changed, not approved.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ContactPoint, Language, StandardsSet};

/// One approval: which revision, when, by whom and what it changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub revision: String,
    pub date: Date,
    pub approved_by: String,
    /// What this revision changed, in one line.
    #[serde(default)]
    pub summary: String,
    /// The fingerprint of the content approved; see [`StandardsSet::fingerprint`].
    pub content: String,
    /// Approved although findings stood in the way (see `core::approval`):
    /// how many, and why. Absent for a set approved with none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub despite: Option<Despite>,
}

/// An approval given despite findings: the promise that the set is fit to
/// train staff on was made knowingly, and the history says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Despite {
    /// How many findings stood in the way.
    pub findings: usize,
    /// Why it was approved all the same.
    pub reason: String,
}

/// Where a set stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Approval<'a> {
    /// Not approved in its current revision: every PDF says DRAFT.
    Draft,
    /// Approved as it is.
    Approved(&'a Revision),
    /// Its revision was approved, but the content changed since.
    Changed(&'a Revision),
}

/// Why a set cannot be approved. What it says, in each language, is
/// `core::i18n`'s business (`ApproveError::message` and `Display` are there),
/// so the model names the error without importing any words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApproveError {
    /// The set has no revision to approve.
    NoRevision,
    /// No one was named as approving it.
    NoApprover,
    /// This revision was approved before, with other content.
    AlreadyApproved(String),
    /// The approver's name or the revision is longer than the set allows:
    /// written, the set would no longer validate.
    TooLong { field: TextField, chars: usize },
}

/// What the fingerprint covers: the set's words and tree, not who approved
/// it or when it is next reviewed.
#[derive(Serialize)]
struct Content<'a> {
    title: &'a str,
    organisation: &'a str,
    language: Language,
    revision: &'a str,
    journey: &'a str,
    contact_points: &'a [ContactPoint],
}

use super::limits::{TextField, over};
use crate::core::text::{fnv1a, sha256_hex};

/// The prefix of fingerprints made with SHA-256. Fingerprints without it
/// are the 16 hex digits of FNV-1a that earlier builds wrote; they are still
/// checked, so sets approved then stay approved (FNV-1a is no defence
/// against a forger, so an approval made now uses SHA-256).
pub const SHA256_PREFIX: &str = "sha256:";

/// The revision after `revision`: the last number goes up by one ("2.1" →
/// "2.2", "3" → "4", "v1.9" → "v1.10"); with no number, ".1" is added.
#[must_use]
pub fn next_revision(revision: &str) -> String {
    let digits = revision
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    if digits == 0 {
        return if revision.is_empty() {
            "1.0".to_owned()
        } else {
            format!("{revision}.1")
        };
    }
    let (head, number) = revision.split_at(revision.len() - digits);
    // A number past u64 (or at its end) gets a new part rather than
    // wrapping round to a revision that may already have been approved.
    match number.parse::<u64>().ok().and_then(|n| n.checked_add(1)) {
        Some(n) => format!("{head}{n}"),
        None => format!("{revision}.1"),
    }
}

impl StandardsSet {
    /// The fingerprint of the content: `sha256:` and 64 hex digits.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        format!(
            "{SHA256_PREFIX}{}",
            sha256_hex(self.content_text().as_bytes())
        )
    }

    /// Whether `stored` (an approval's `content`) is the fingerprint of the
    /// content as it is now: SHA-256, or FNV-1a for approvals made before.
    #[must_use]
    pub fn has_fingerprint(&self, stored: &str) -> bool {
        let text = self.content_text();
        match stored.strip_prefix(SHA256_PREFIX) {
            Some(hex) => hex == sha256_hex(text.as_bytes()),
            None => stored == format!("{:016x}", fnv1a(text.as_bytes())),
        }
    }

    /// The text the fingerprint is made of.
    fn content_text(&self) -> String {
        let content = Content {
            title: &self.title,
            organisation: &self.organisation,
            language: self.language,
            revision: &self.revision,
            journey: &self.journey,
            contact_points: &self.contact_points,
        };
        ron::to_string(&content).unwrap_or_default()
    }

    /// Whether the set is a draft, approved, or changed since approval.
    #[must_use]
    pub fn approval(&self) -> Approval<'_> {
        match self.history.last() {
            Some(last) if last.revision == self.revision => {
                if self.has_fingerprint(&last.content) {
                    Approval::Approved(last)
                } else {
                    Approval::Changed(last)
                }
            }
            _ => Approval::Draft,
        }
    }

    #[must_use]
    pub fn is_approved(&self) -> bool {
        matches!(self.approval(), Approval::Approved(_))
    }

    /// Approves the set as it is, as its current revision. Whether findings
    /// stand in the way is `core::approval`'s question, which asks it first.
    ///
    /// # Errors
    /// No revision or approver, or a revision already in the history.
    pub fn approve(&mut self, by: &str, summary: &str, date: Date) -> Result<(), ApproveError> {
        self.approve_despite(by, summary, date, None)
    }

    /// [`StandardsSet::approve`], recording in the history the findings it
    /// was approved despite, if any.
    ///
    /// # Errors
    /// As [`StandardsSet::approve`].
    pub fn approve_despite(
        &mut self,
        by: &str,
        summary: &str,
        date: Date,
        despite: Option<Despite>,
    ) -> Result<(), ApproveError> {
        let revision = self.revision.trim();
        if revision.is_empty() {
            return Err(ApproveError::NoRevision);
        }
        if by.trim().is_empty() {
            return Err(ApproveError::NoApprover);
        }
        if self.history.iter().any(|r| r.revision == revision) {
            return Err(ApproveError::AlreadyApproved(revision.to_owned()));
        }
        for (text, field) in [
            (by.trim(), TextField::ApprovedBy),
            (revision, TextField::Revision),
        ] {
            if let Some(chars) = over(text, field) {
                return Err(ApproveError::TooLong { field, chars });
            }
        }
        self.revision = revision.to_owned();
        by.trim().clone_into(&mut self.approved_by);
        self.effective = Some(date);
        let content = self.fingerprint();
        self.history.push(Revision {
            revision: self.revision.clone(),
            date,
            approved_by: self.approved_by.clone(),
            summary: summary.trim().to_owned(),
            content,
            despite,
        });
        Ok(())
    }

    /// Makes a draft of the next revision: the first edit of an approved set.
    /// Returns the new revision.
    pub fn start_revision(&mut self) -> String {
        let mut next = next_revision(&self.revision);
        while self.history.iter().any(|r| r.revision == next) {
            next = next_revision(&next);
        }
        self.revision.clone_from(&next);
        next
    }

    /// The approval of `revision`, if it was approved.
    #[must_use]
    pub fn approved_revision(&self, revision: &str) -> Option<&Revision> {
        self.history.iter().find(|r| r.revision == revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Factor, Standard, StandardKind, Step};

    fn set() -> StandardsSet {
        let mut set = StandardsSet::new("Shop", Language::En);
        let mut cp = ContactPoint::new("CP-1", "Arrival");
        let mut step = Step::new("ST-1", "Greeting");
        let mut factor = Factor::new("KF-1", "Noticed");
        factor.standards.push(Standard::new(
            "S-1",
            "Greet within 10 seconds",
            StandardKind::Personal,
        ));
        step.factors.push(factor);
        cp.steps.push(step);
        set.contact_points.push(cp);
        set
    }

    fn day() -> Date {
        Date::new(2026, 12, 1).unwrap()
    }

    #[test]
    fn the_next_revision_counts_up_its_last_number() {
        assert_eq!(next_revision("2.1"), "2.2");
        assert_eq!(next_revision("3"), "4");
        assert_eq!(next_revision("v1.9"), "v1.10");
        assert_eq!(next_revision("draft"), "draft.1");
        assert_eq!(next_revision(""), "1.0");
    }

    #[test]
    fn approving_then_editing_reads_as_changed_and_a_new_revision_as_draft() {
        let mut set = set();
        assert_eq!(set.approval(), Approval::Draft);
        set.approve("Li Wei", "first issue", day()).unwrap();
        assert!(set.is_approved());
        assert_eq!(set.effective, Some(day()));
        // Who approved and when is not content: the set stays approved.
        set.next_review = Some(day());
        assert!(set.is_approved());
        set.contact_points[0].steps[0].factors[0].standards[0].text =
            "Greet within 5 seconds".into();
        assert!(matches!(set.approval(), Approval::Changed(r) if r.revision == "1.0"));
        assert_eq!(
            set.approve("Li Wei", "again", day()),
            Err(ApproveError::AlreadyApproved("1.0".into()))
        );
        assert_eq!(set.start_revision(), "1.1");
        assert_eq!(set.approval(), Approval::Draft);
        set.approve("Li Wei", "greet faster", day()).unwrap();
        assert!(set.is_approved());
        assert_eq!(set.history.len(), 2);
        assert_eq!(set.approved_revision("1.0").unwrap().summary, "first issue");
    }

    #[test]
    fn approval_needs_a_revision_and_an_approver() {
        let mut set = set();
        assert_eq!(set.approve(" ", "x", day()), Err(ApproveError::NoApprover));
        set.revision.clear();
        assert_eq!(set.approve("Li", "x", day()), Err(ApproveError::NoRevision));
        assert!(set.history.is_empty());
    }

    #[test]
    fn an_approval_fingerprinted_by_an_earlier_build_still_counts() {
        let mut set = set();
        set.approve("Li Wei", "first issue", day()).unwrap();
        let legacy = format!("{:016x}", fnv1a(set.content_text().as_bytes()));
        set.history.last_mut().unwrap().content = legacy;
        assert!(set.is_approved());
        set.history.last_mut().unwrap().content = "0123456789abcdef".into();
        assert!(!set.is_approved());
        set.history.last_mut().unwrap().content = format!("{SHA256_PREFIX}{}", "0".repeat(64));
        assert!(!set.is_approved());
    }

    #[test]
    fn the_next_revision_never_wraps_round_and_an_overlong_approver_is_refused() {
        assert_eq!(
            next_revision("2.18446744073709551615"),
            "2.18446744073709551615.1"
        );
        assert_eq!(next_revision("2.9"), "2.10");
        let mut set = set();
        let by = "x".repeat(100_000);
        assert!(matches!(
            set.approve(&by, "", day()),
            Err(ApproveError::TooLong { chars: 100_000, .. })
        ));
        assert!(set.history.is_empty());
    }

    #[test]
    fn the_fingerprint_is_stable_and_follows_every_word() {
        let a = set();
        assert_eq!(a.fingerprint(), set().fingerprint());
        assert_eq!(a.fingerprint().len(), SHA256_PREFIX.len() + 64);
        let mut b = set();
        b.contact_points[0].steps[0].name.push('!');
        assert_ne!(a.fingerprint(), b.fingerprint());
    }
}
