//! The standards document: plain data with serde derives, no egui, no I/O.
//!
//! The tree follows the method: a [`StandardsSet`] holds the contact points in
//! the order the customer meets the company, each [`ContactPoint`] its
//! [`Step`]s, each step its key satisfaction [`Factor`]s, and each factor the
//! [`Standard`]s that make it specific and measurable.

mod edit;
mod ids;
pub mod limits;
mod revision;
mod tree;
mod vocab;
mod words;

pub use ids::{IdKind, ItemId, ItemPath, is_valid_id};
pub use revision::{Approval, ApproveError, Despite, Revision, next_revision};
pub use tree::{Item, ItemMut};
pub use vocab::{Dimension, Language, Monitoring, StandardKind};
pub use words::{Definition, SetWords};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The version of the file format this build writes and reads natively.
pub const FORMAT_VERSION: u32 = 1;

/// Importance and satisfaction scores run from 1 (lowest) to 5 (highest).
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// A complete set of service standards for one business.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardsSet {
    /// File format version; see [`FORMAT_VERSION`].
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// A logo printed on the checklist and the manual's cover: a JPEG or PNG
    /// path relative to the set's file, inside its folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    pub language: Language,
    /// The set's own version, e.g. "1.3"; bumped at each periodic review.
    #[serde(default)]
    pub revision: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub approved_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    /// The customer journey in a few sentences, as the customer lives it.
    #[serde(default)]
    pub journey: String,
    /// In the order the customer meets the company: first contact first.
    #[serde(default)]
    pub contact_points: Vec<ContactPoint>,
    /// Every approval, oldest first; see [`StandardsSet::approval`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
    /// The set's own words: terms it defines, words vague or fine here.
    #[serde(default, skip_serializing_if = "SetWords::is_empty")]
    pub words: SetWords,
}

/// A moment of truth: a segment of the service where the customer meets the company.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPoint {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// One concrete service step within a contact point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub factors: Vec<Factor>,
}

/// A key satisfaction factor: what, in this step, would raise the customer's satisfaction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    pub name: String,
    /// Why it matters, in the customer's own words.
    #[serde(default)]
    pub why: String,
    /// Importance to the customer, 1–5.
    pub importance: u8,
    /// Satisfaction from surveys, 1–5, when one has been measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<u8>,
    #[serde(default)]
    pub standards: Vec<Standard>,
}

/// A specific, measurable service standard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub id: String,
    pub text: String,
    pub kind: StandardKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// How compliance is checked.
    #[serde(default)]
    pub monitoring: Vec<Monitoring>,
    /// The role that answers for this standard, e.g. "前厅领班" or "Front desk agent".
    #[serde(default)]
    pub owner_role: String,
    /// A failed critical standard fails an inspection whatever the score.
    #[serde(default)]
    pub critical: bool,
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// When this standard is next due for review, if it differs from the set's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Date>,
    /// Accepted as it is although the checker finds it vague, with the
    /// reason ("the owner checks this by a monthly survey"); listed in the
    /// manual's appendix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

/// The figure an inspector checks against, e.g. 3 rings or 10 seconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: f64,
    pub unit: String,
}

/// Counts of the items in a set, as the status bar and `validate` report them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub contact_points: usize,
    pub steps: usize,
    pub factors: usize,
    pub standards: usize,
}

impl StandardsSet {
    /// An empty set in the given language at revision 1.0, nothing else filled in.
    #[must_use]
    pub fn new(title: impl Into<String>, language: Language) -> Self {
        Self {
            format: FORMAT_VERSION,
            title: title.into(),
            organisation: String::new(),
            logo: None,
            language,
            revision: "1.0".to_owned(),
            owner: String::new(),
            approved_by: String::new(),
            effective: None,
            next_review: None,
            journey: String::new(),
            contact_points: Vec::new(),
            history: Vec::new(),
            words: SetWords::default(),
        }
    }

    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            contact_points: self.contact_points.len(),
            ..Counts::default()
        };
        for cp in &self.contact_points {
            counts.steps += cp.steps.len();
            for step in &cp.steps {
                counts.factors += step.factors.len();
                counts.standards += step
                    .factors
                    .iter()
                    .map(|f| f.standards.len())
                    .sum::<usize>();
            }
        }
        counts
    }

    /// Every standard with the path of names that leads to it, in document order.
    pub fn standards(&self) -> impl Iterator<Item = (StandardRef<'_>, &Standard)> {
        self.contact_points.iter().flat_map(|cp| {
            cp.steps.iter().flat_map(move |step| {
                step.factors.iter().flat_map(move |factor| {
                    factor.standards.iter().map(move |standard| {
                        (
                            StandardRef {
                                contact_point: cp,
                                step,
                                factor,
                            },
                            standard,
                        )
                    })
                })
            })
        })
    }

    /// The owner roles of the standards, in order of first appearance (no empty one).
    #[must_use]
    pub fn roles(&self) -> Vec<&str> {
        let mut roles: Vec<&str> = Vec::new();
        for (_, s) in self.standards() {
            let role = s.owner_role.trim();
            if !role.is_empty() && !roles.contains(&role) {
                roles.push(role);
            }
        }
        roles
    }

    /// Finds a standard by its ID.
    #[must_use]
    pub fn standard(&self, id: &str) -> Option<(StandardRef<'_>, &Standard)> {
        self.standards().find(|(_, s)| s.id == id)
    }
}

/// The ancestors of a standard, for paths in messages and for exports.
#[derive(Clone, Copy, Debug)]
pub struct StandardRef<'a> {
    pub contact_point: &'a ContactPoint,
    pub step: &'a Step,
    pub factor: &'a Factor,
}

impl StandardRef<'_> {
    /// "contact point › step › factor", the way the window and messages show it.
    #[must_use]
    pub fn path(&self) -> String {
        format!(
            "{} › {} › {}",
            self.contact_point.name, self.step.name, self.factor.name
        )
    }
}

impl ContactPoint {
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            steps: Vec::new(),
        }
    }
}

impl Step {
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            factors: Vec::new(),
        }
    }
}

impl Factor {
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            why: String::new(),
            importance: 3,
            satisfaction: None,
            standards: Vec::new(),
        }
    }
}

impl Standard {
    #[must_use]
    pub fn new(id: impl Into<String>, text: impl Into<String>, kind: StandardKind) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            kind,
            target: None,
            monitoring: Vec::new(),
            owner_role: String::new(),
            critical: false,
            dimensions: Vec::new(),
            rationale: None,
            review: None,
            accepted: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> StandardsSet {
        let mut set = StandardsSet::new("Test", Language::En);
        let mut cp = ContactPoint::new("CP-1", "Arrival");
        let mut step = Step::new("ST-1", "Greeting");
        let mut factor = Factor::new("KF-1", "Being noticed at once");
        factor.standards.push(Standard::new(
            "S-1",
            "Greet within 10 seconds",
            StandardKind::Personal,
        ));
        factor
            .standards
            .push(Standard::new("S-2", "Door opened", StandardKind::Procedure));
        step.factors.push(factor);
        cp.steps.push(step);
        set.contact_points.push(cp);
        set
    }

    #[test]
    fn counts_every_level() {
        let counts = sample().counts();
        assert_eq!(
            counts,
            Counts {
                contact_points: 1,
                steps: 1,
                factors: 1,
                standards: 2
            }
        );
    }

    #[test]
    fn finds_standard_with_its_path() {
        let set = sample();
        let (at, standard) = set.standard("S-2").expect("S-2 exists");
        assert_eq!(standard.text, "Door opened");
        assert_eq!(at.path(), "Arrival › Greeting › Being noticed at once");
        assert!(set.standard("S-9").is_none());
    }
}
