//! The sample sets in `standards/`, embedded in the binary as templates.

use crate::model::StandardsSet;
use crate::storage;

/// One embedded sample set.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The short name used by `servstd new --template NAME`.
    pub name: &'static str,
    /// The file it came from, under `standards/`.
    pub file: &'static str,
    pub text: &'static str,
}

/// Every embedded template; the first is the default document of the window.
pub const TEMPLATES: &[Template] = &[Template {
    name: "restaurant",
    file: "restaurant.standards.ron",
    text: include_str!("../standards/restaurant.standards.ron"),
}];

impl Template {
    /// The parsed set.
    ///
    /// # Panics
    /// If an embedded file does not parse; a test checks every one.
    #[must_use]
    pub fn set(&self) -> StandardsSet {
        storage::parse(self.text)
            .unwrap_or_else(|e| panic!("embedded {} does not parse: {e}", self.file))
    }
}

/// Finds a template by name (case-insensitive).
#[must_use]
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name.eq_ignore_ascii_case(name))
}

/// The embedded sample the window opens on.
#[must_use]
pub fn default_sample() -> StandardsSet {
    TEMPLATES[0].set()
}
