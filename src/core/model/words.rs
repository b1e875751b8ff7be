//! A set's own vocabulary (issue 27): terms it defines (「及时」= within 2
//! hours in this set), words it treats as vague or as fine beyond the
//! checker's lists. The checker honours them for this set only; the manual
//! lists them in an appendix so that nothing is hidden from an auditor.

use serde::{Deserialize, Serialize};

/// What a set says about its own words. Every field may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SetWords {
    /// Terms this set defines: a vague-looking word with a fixed meaning here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub defines: Vec<Definition>,
    /// Words this set treats as vague, beyond the checker's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vague: Vec<String>,
    /// Words this set treats as fine (a trade term, a named procedure).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fine: Vec<String>,
}

/// A term and what it means in this set: `(term: "及时", meaning: "2小时内")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub term: String,
    pub meaning: String,
}

impl SetWords {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.defines.is_empty() && self.vague.is_empty() && self.fine.is_empty()
    }
}
