//! The sample sets in `standards/`, embedded in the binary as templates.

use crate::core::dates;
use crate::core::model::StandardsSet;
use crate::core::storage;

/// One embedded sample set.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The short name used by `servstd new --template NAME`.
    pub name: &'static str,
    /// The file it came from, under `standards/`.
    pub file: &'static str,
    pub text: &'static str,
}

/// One template from `standards/NAME.standards.ron`: the name, the file and
/// its text come from the one name, so they cannot drift apart.
macro_rules! template {
    ($name:literal) => {
        Template {
            name: $name,
            file: concat!($name, ".standards.ron"),
            text: include_str!(concat!("../../standards/", $name, ".standards.ron")),
        }
    };
}

/// Every embedded template; the first is the default document of the window.
pub const TEMPLATES: &[Template] = &[
    template!("restaurant"),
    template!("bank-branch"),
    template!("hotel-front-office"),
    template!("call-centre"),
    template!("field-repair"),
    template!("online-shop"),
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

/// The embedded sample to show someone working in `lang`: the first
/// template written in that language (zh-CN: the restaurant, with its
/// inspections; en: the hotel front office; zh-TW: field repair), or the
/// restaurant when none is.
#[must_use]
pub fn sample_for(lang: crate::core::model::Language) -> &'static Template {
    TEMPLATES
        .iter()
        .find(|t| t.set().language == lang)
        .unwrap_or(&TEMPLATES[0])
}

/// The embedded sample the window opens on.
#[must_use]
pub fn default_sample() -> StandardsSet {
    TEMPLATES[0].set()
}

/// A template turned into a new draft: unapproved, revision 0.1, review after the policy's interval.
#[must_use]
pub fn fresh_from(template: &StandardsSet, today: jiff::civil::Date) -> StandardsSet {
    let mut set = template.clone();
    "0.1".clone_into(&mut set.revision);
    set.approved_by = String::new();
    set.effective = None;
    set.history.clear();
    // The sample's logo is the sample business's, not the new one's.
    set.logo = None;
    set.next_review = dates::next_review_after(today);
    set
}
