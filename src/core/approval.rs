//! What stands in the way of approving a set. Approving promises that the
//! set is fit to train staff on, so the findings that break that promise
//! refuse it unless the approver says why they approve anyway, and the
//! history keeps that reason. The command line and the window both ask here.

use jiff::civil::Date;

use crate::core::check::{self, Finding, Problem, Severity};
use crate::core::i18n::{fill, messages};
use crate::core::model::{ApproveError, Despite, Language, StandardsSet};

/// Whether a finding stands in the way of approval: every error, a vague
/// standard (staff cannot be trained on or checked against it) and a
/// standard no role owns (no one is trained on it). Overdue reviews, missing
/// monitoring and the checker's hints are left to `validate`.
#[must_use]
pub fn blocks(finding: &Finding) -> bool {
    finding.severity == Severity::Error
        || matches!(
            finding.problem,
            Problem::Vague { .. } | Problem::NoOwnerRole
        )
}

/// The findings that stand in the way of approving `set` on `date`, in the
/// set's order.
#[must_use]
pub fn blockers(set: &StandardsSet, date: Date) -> Vec<Finding> {
    check::validate(set, date)
        .into_iter()
        .filter(blocks)
        .collect()
}

/// Why an approval was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// These findings stand in the way, and no reason to approve anyway was given.
    Findings(Vec<Finding>),
    /// Approving anyway was asked for with an empty reason.
    NoReason(Vec<Finding>),
    /// The set cannot be approved at all (no revision, no approver…).
    Approve(ApproveError),
}

impl Refused {
    /// Why, in one line in `lang`; the findings themselves are listed by
    /// the caller, each with its place.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).approve_errors;
        match self {
            Self::Findings(found) => fill(m.blocked, &[("count", &found.len().to_string())]),
            Self::NoReason(_) => m.no_reason.to_owned(),
            Self::Approve(err) => err.message(lang),
        }
    }

    /// The findings that stood in the way, if that was why.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        match self {
            Self::Findings(found) | Self::NoReason(found) => found,
            Self::Approve(_) => &[],
        }
    }
}

/// What the history says of a revision approved despite findings, in `lang`.
#[must_use]
pub fn despite_text(despite: &Despite, lang: Language) -> String {
    fill(
        messages(lang).approved_despite,
        &[
            ("count", &despite.findings.to_string()),
            ("reason", &despite.reason),
        ],
    )
}

/// Approves `set` by `by` on `date` when nothing stands in the way, or when
/// `despite` gives a reason to approve anyway: then the revision history
/// records how many findings it was approved despite, and why. Returns the
/// findings approved despite (none for a clean set).
///
/// # Errors
/// [`Refused`]: findings without a reason, or what the model refuses.
pub fn approve(
    set: &mut StandardsSet,
    by: &str,
    summary: &str,
    date: Date,
    despite: Option<&str>,
) -> Result<Vec<Finding>, Refused> {
    let blockers = blockers(set, date);
    let recorded = match (blockers.is_empty(), despite.map(str::trim)) {
        (true, _) => None,
        (false, None) => return Err(Refused::Findings(blockers)),
        (false, Some("")) => return Err(Refused::NoReason(blockers)),
        (false, Some(reason)) => Some(Despite {
            findings: blockers.len(),
            reason: reason.to_owned(),
        }),
    };
    set.approve_despite(by, summary, date, recorded)
        .map_err(Refused::Approve)?;
    Ok(blockers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{
        ContactPoint, Factor, Language, Monitoring, Standard, StandardKind, Step,
    };
    use jiff::civil::date;

    fn set(text: &str, owner_role: &str) -> StandardsSet {
        let mut set = StandardsSet::new("Bank", Language::En);
        set.next_review = Some(date(2030, 1, 1));
        let mut cp = ContactPoint::new("CP-1", "Counter");
        let mut step = Step::new("ST-1", "Greeting");
        let mut factor = Factor::new("KF-1", "Noticed");
        let mut standard = Standard::new("S-1", text, StandardKind::Personal);
        standard.monitoring.push(Monitoring::MysteryShopping);
        owner_role.clone_into(&mut standard.owner_role);
        factor.standards.push(standard);
        step.factors.push(factor);
        cp.steps.push(step);
        set.contact_points.push(cp);
        set
    }

    const DAY: Date = date(2026, 12, 4);

    #[test]
    fn a_clean_set_is_approved_and_its_history_names_no_findings() {
        let mut clean = set("Greet within 10 seconds", "Teller");
        assert_eq!(blockers(&clean, DAY), vec![]);
        assert_eq!(approve(&mut clean, "Chen", "", DAY, None), Ok(vec![]));
        assert!(clean.is_approved());
        assert_eq!(clean.history[0].despite, None);
    }

    #[test]
    fn a_vague_standard_or_one_no_role_owns_refuses_and_changes_nothing() {
        let mut vague = set("Be warm and friendly", "");
        let before = vague.clone();
        let Err(Refused::Findings(found)) = approve(&mut vague, "Chen", "", DAY, None) else {
            panic!("a vague set with no owner role was approved");
        };
        let problems: Vec<_> = found.iter().map(|f| &f.problem).collect();
        assert!(matches!(
            problems[..],
            [Problem::Vague { .. }, Problem::NoOwnerRole]
        ));
        assert!(found.iter().all(|f| f.item.as_deref() == Some("S-1")));
        assert_eq!(vague, before);
        // An empty reason is no reason.
        assert!(matches!(
            approve(&mut vague, "Chen", "", DAY, Some("  ")),
            Err(Refused::NoReason(_))
        ));
        assert_eq!(vague, before);
    }

    #[test]
    fn approving_despite_findings_records_how_many_and_why() {
        let mut vague = set("Be warm and friendly", "");
        let found = approve(&mut vague, "Chen", "", DAY, Some(" pilot branch only ")).unwrap();
        assert_eq!(found.len(), 2);
        assert!(vague.is_approved());
        assert_eq!(
            vague.history[0].despite,
            Some(Despite {
                findings: 2,
                reason: "pilot branch only".into()
            })
        );
    }

    #[test]
    fn an_approver_is_still_needed_and_a_warning_alone_does_not_refuse() {
        let mut clean = set("Greet within 10 seconds", "Teller");
        clean.next_review = None;
        assert_eq!(
            approve(&mut clean, " ", "", DAY, None),
            Err(Refused::Approve(ApproveError::NoApprover))
        );
        assert!(approve(&mut clean, "Chen", "", DAY, None).is_ok());
    }
}
