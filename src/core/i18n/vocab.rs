//! The names of the model's vocabulary in the interface's language, from
//! the tables: the model itself holds no words.

use super::words;
use crate::core::model::{Dimension, Language, Monitoring, StandardKind};

/// The position of `item` in `all`: the index of its word in a table list.
fn position<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter().position(|x| x == item).unwrap_or(0)
}

impl StandardKind {
    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        words(lang).vocab.kinds[position(&Self::ALL, &self)]
    }

    /// What a standard of this kind is about, as the method defines it.
    #[must_use]
    pub fn meaning(self, lang: Language) -> &'static str {
        words(lang).vocab.kind_meanings[position(&Self::ALL, &self)]
    }
}

impl Monitoring {
    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        words(lang).vocab.monitoring[position(&Self::ALL, &self)]
    }
}

impl Dimension {
    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        words(lang).vocab.dimensions[position(&Self::ALL, &self)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_filled_and_distinct_in_every_language() {
        for lang in Language::ALL {
            let kinds: Vec<_> = StandardKind::ALL.iter().map(|k| k.label(lang)).collect();
            let dims: Vec<_> = Dimension::ALL.iter().map(|d| d.label(lang)).collect();
            let ways: Vec<_> = Monitoring::ALL.iter().map(|m| m.label(lang)).collect();
            for list in [&kinds, &dims, &ways] {
                let mut unique = (*list).clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), list.len(), "{lang:?}: {list:?}");
                assert!(list.iter().all(|w| !w.is_empty()));
            }
            assert!(
                StandardKind::ALL
                    .iter()
                    .all(|k| !k.meaning(lang).is_empty())
            );
        }
        assert_eq!(StandardKind::Personal.label(Language::ZhTw), "個人接觸");
        assert_eq!(Dimension::Courtesy.label(Language::En), "Courtesy");
    }
}
