//! The sentences of the model's error types. They live here, beside the
//! tables, so that the model names what went wrong and never imports the
//! words that say it.

use std::fmt;

use super::{Language, fill, messages};
use crate::core::model::ApproveError;

impl ApproveError {
    /// Why the set cannot be approved, in `lang`.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).approve_errors;
        match self {
            Self::NoRevision => m.no_revision.to_owned(),
            Self::NoApprover => m.no_approver.to_owned(),
            Self::AlreadyApproved(revision) => fill(m.already_approved, &[("revision", revision)]),
            Self::TooLong { field, chars } => {
                let words = messages(lang);
                let named = crate::core::model::limits::TextField::ALL
                    .iter()
                    .position(|f| f == field)
                    .map_or("", |at| words.text_fields[at]);
                fill(
                    words.too_long,
                    &[
                        ("field", named),
                        ("chars", &chars.to_string()),
                        ("max", &field.max_chars().to_string()),
                    ],
                )
            }
        }
    }
}

/// In English, for an error reported where no language is known.
impl fmt::Display for ApproveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approval_error_speaks_every_language_and_names_the_revision() {
        let err = ApproveError::AlreadyApproved("2.1".to_owned());
        for lang in Language::ALL {
            assert!(err.message(lang).contains("2.1"), "{lang:?}");
            assert!(!ApproveError::NoApprover.message(lang).is_empty());
        }
        assert_eq!(err.to_string(), err.message(Language::En));
    }
}
