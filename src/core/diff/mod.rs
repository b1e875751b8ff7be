//! What changed between two revisions of a set: [`compute`] finds the
//! changes, item by item; [`render`] words them in a language, as text or
//! Markdown, for `servstd diff`, File › Compare with… and the manual's
//! "changes since". The types here are what passes between the two, and what
//! `diff --format json` prints.

mod compute;
mod render;

use serde::Serialize;

pub use compute::{diff, inline, retrain};
pub use render::{Style, field_line, field_name, headline, level_name, render};

/// The level of an item, as `diff --format json` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Set,
    ContactPoint,
    Step,
    Factor,
    Standard,
}

/// One piece of an inline diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// "equal", "delete" or "insert".
    pub op: &'static str,
    pub text: String,
}

/// A field whose value changed. Texts carry their inline diff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name in the file: `text`, `target`, `name`…
    pub field: &'static str,
    pub old: String,
    pub new: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline: Vec<Piece>,
}

/// What happened to an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum What {
    /// New in the new set (its contents with it).
    Added,
    /// Gone from the new set (its contents with it).
    Removed,
    /// In both: moved to another parent, reordered among its siblings, and/or
    /// fields changed.
    Modified {
        /// The parent it was under in the old set, when it moved.
        #[serde(skip_serializing_if = "Option::is_none")]
        moved_from: Option<String>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        reordered: bool,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        fields: Vec<FieldChange>,
    },
}

/// One item's change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub level: Level,
    /// The item's ID; empty for the set itself.
    pub id: String,
    /// Its name (a standard's text), as in the new set or, removed, the old.
    pub name: String,
    /// Its parent's ID in the set it is shown from (the new one, or the old
    /// one when removed); none for a contact point or the set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(flatten)]
    pub what: What,
}

impl Change {
    #[must_use]
    pub fn is_standard(&self) -> bool {
        self.level == Level::Standard
    }
}
