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
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "restaurant",
        file: "restaurant.standards.ron",
        text: include_str!("../standards/restaurant.standards.ron"),
    },
    Template {
        name: "bank-branch",
        file: "bank-branch.standards.ron",
        text: include_str!("../standards/bank-branch.standards.ron"),
    },
    Template {
        name: "hotel-front-office",
        file: "hotel-front-office.standards.ron",
        text: include_str!("../standards/hotel-front-office.standards.ron"),
    },
    Template {
        name: "call-centre",
        file: "call-centre.standards.ron",
        text: include_str!("../standards/call-centre.standards.ron"),
    },
    Template {
        name: "field-repair",
        file: "field-repair.standards.ron",
        text: include_str!("../standards/field-repair.standards.ron"),
    },
    Template {
        name: "online-shop",
        file: "online-shop.standards.ron",
        text: include_str!("../standards/online-shop.standards.ron"),
    },
];

impl Template {
    /// The set's title, parsed once per template and kept (menus ask every frame).
    #[must_use]
    pub fn title(&self) -> &'static str {
        static TITLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let titles = TITLES.get_or_init(|| TEMPLATES.iter().map(|t| t.set().title).collect());
        TEMPLATES
            .iter()
            .position(|t| t.name == self.name)
            .map_or("", |i| titles[i].as_str())
    }

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
