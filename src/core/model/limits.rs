//! How long the texts of a set may be. Past these lengths `validate` reports
//! an error at the field's line, the checker reads only the first
//! [`TEXT_CHARS`] characters, and export refuses the set: without a bound, one
//! 1 MB title made a PDF export take 1.3 GB. The bounds are far above what a
//! standard needs (the longest sample standard has about 90 characters).

use super::{ItemPath, StandardsSet};

/// Titles, names, roles and other one-line fields, in characters.
pub const NAME_CHARS: usize = 200;
/// A standard's text, a factor's reason, a description, a note, in characters.
pub const TEXT_CHARS: usize = 2_000;

/// Which field of a set or a record is too long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextField {
    Title,
    Organisation,
    Revision,
    Owner,
    ApprovedBy,
    Journey,
    Name,
    Description,
    Why,
    Text,
    OwnerRole,
    Unit,
    Site,
    Inspector,
    Note,
    Evidence,
    /// A corrective action's "what to do".
    What,
}

impl TextField {
    pub const ALL: [Self; 17] = [
        Self::Title,
        Self::Organisation,
        Self::Revision,
        Self::Owner,
        Self::ApprovedBy,
        Self::Journey,
        Self::Name,
        Self::Description,
        Self::Why,
        Self::Text,
        Self::OwnerRole,
        Self::Unit,
        Self::Site,
        Self::Inspector,
        Self::Note,
        Self::Evidence,
        Self::What,
    ];

    /// The field's name in the file, e.g. `owner_role`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Organisation => "organisation",
            Self::Revision => "revision",
            Self::Owner => "owner",
            Self::ApprovedBy => "approved_by",
            Self::Journey => "journey",
            Self::Name => "name",
            Self::Description => "description",
            Self::Why => "why",
            Self::Text => "text",
            Self::OwnerRole => "owner_role",
            Self::Unit => "unit",
            Self::Site => "site",
            Self::Inspector => "inspector",
            Self::Note => "note",
            Self::Evidence => "evidence",
            Self::What => "what",
        }
    }

    /// The longest the field may be, in characters.
    #[must_use]
    pub fn max_chars(self) -> usize {
        match self {
            Self::Journey
            | Self::Description
            | Self::Why
            | Self::Text
            | Self::Note
            | Self::What => TEXT_CHARS,
            _ => NAME_CHARS,
        }
    }
}

/// A text longer than its field allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlong {
    /// The item that holds it; `None` for the set (or the record) itself.
    pub at: Option<ItemPath>,
    pub field: TextField,
    /// Its length, in characters.
    pub chars: usize,
}

/// The length of `text` in characters when it is over `field`'s limit.
/// Cheap for the usual short text: bytes are counted first.
#[must_use]
pub fn over(text: &str, field: TextField) -> Option<usize> {
    let max = field.max_chars();
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then_some(chars)
}

/// The first `TEXT_CHARS` characters of `text`: what the checker reads.
#[must_use]
pub fn checked_part(text: &str) -> &str {
    if text.len() <= TEXT_CHARS {
        return text;
    }
    match text.char_indices().nth(TEXT_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Every text of `set` longer than its field allows, in document order.
#[must_use]
pub fn overlong(set: &StandardsSet) -> Vec<Overlong> {
    let mut found = Vec::new();
    let mut check = |at: Option<ItemPath>, text: &str, field: TextField| {
        if let Some(chars) = over(text, field) {
            found.push(Overlong { at, field, chars });
        }
    };
    check(None, &set.title, TextField::Title);
    check(None, &set.organisation, TextField::Organisation);
    check(None, &set.revision, TextField::Revision);
    check(None, &set.owner, TextField::Owner);
    check(None, &set.approved_by, TextField::ApprovedBy);
    check(None, &set.journey, TextField::Journey);
    for (c, cp) in set.contact_points.iter().enumerate() {
        let at = Some(ItemPath::ContactPoint(c));
        check(at, &cp.name, TextField::Name);
        check(at, &cp.description, TextField::Description);
        for (s, step) in cp.steps.iter().enumerate() {
            check(Some(ItemPath::Step(c, s)), &step.name, TextField::Name);
            for (f, factor) in step.factors.iter().enumerate() {
                let at = Some(ItemPath::Factor(c, s, f));
                check(at, &factor.name, TextField::Name);
                check(at, &factor.why, TextField::Why);
                for (i, standard) in factor.standards.iter().enumerate() {
                    let at = Some(ItemPath::Standard(c, s, f, i));
                    check(at, &standard.text, TextField::Text);
                    check(at, &standard.owner_role, TextField::OwnerRole);
                    if let Some(target) = &standard.target {
                        check(at, &target.unit, TextField::Unit);
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_at_the_limit_pass_and_one_more_character_does_not() {
        let at = "好".repeat(NAME_CHARS);
        assert_eq!(over(&at, TextField::Title), None);
        let past = format!("{at}x");
        assert_eq!(over(&past, TextField::Title), Some(NAME_CHARS + 1));
        // Bytes are not characters: 2,000 Han characters are 6,000 bytes.
        assert_eq!(over(&"好".repeat(TEXT_CHARS), TextField::Text), None);
    }

    #[test]
    fn the_checked_part_ends_on_a_character() {
        let text = "热".repeat(TEXT_CHARS + 10);
        let part = checked_part(&text);
        assert_eq!(part.chars().count(), TEXT_CHARS);
        assert_eq!(checked_part("short"), "short");
    }

    #[test]
    fn overlong_names_the_item_and_the_field() {
        let mut set = crate::core::templates::default_sample();
        set.title = "x".repeat(NAME_CHARS + 1);
        set.contact_points[1].steps[0].factors[0].standards[0].text = "y".repeat(TEXT_CHARS + 5);
        let found = overlong(&set);
        assert_eq!(
            found,
            [
                Overlong {
                    at: None,
                    field: TextField::Title,
                    chars: NAME_CHARS + 1
                },
                Overlong {
                    at: Some(ItemPath::Standard(1, 0, 0, 0)),
                    field: TextField::Text,
                    chars: TEXT_CHARS + 5
                },
            ]
        );
        assert!(overlong(&crate::core::templates::default_sample()).is_empty());
    }
}
