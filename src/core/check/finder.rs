//! Every occurrence of many short strings in a text, in one pass: what the
//! checker's lists need from a multi-pattern search.
//!
//! The entries are keyed by their first three bytes (or all of them, if
//! shorter) in a hash map, so that building the finder for the ~1,700
//! entries of the shipped rules is one sort and one map: an Aho-Corasick
//! automaton over the same entries took 1.5–2.5 ms to build, a fifth of a
//! short manual's export, for searches of a few dozen characters where its
//! speed is not needed. A search looks up the key at each character of the
//! text and compares the few entries that share it.

use std::collections::HashMap;
use std::ops::Range;

/// The key of the bytes an entry starts with: up to three, with their count.
fn key(bytes: &[u8]) -> u32 {
    let mut key = u32::try_from(bytes.len().min(3)).unwrap_or(3) << 24;
    for (i, &b) in bytes.iter().take(3).enumerate() {
        key |= u32::from(b) << (8 * i);
    }
    key
}

/// Entries grouped by [`key`].
#[derive(Debug, Default)]
pub struct Finder {
    /// Each entry's bytes, by entry number.
    texts: Vec<Box<[u8]>>,
    /// The entry numbers, grouped by key (and in order within a group).
    grouped: Vec<u32>,
    /// Where each key's group lies in `grouped`.
    groups: HashMap<u32, Range<u32>, rustc_hash::FxBuildHasher>,
    /// Key lengths some entry has, longest first (entries shorter than three bytes are rare).
    lengths: Vec<usize>,
}

impl Finder {
    /// A finder for `texts`; an entry's number is its place in the list.
    /// Empty entries never match.
    #[must_use]
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        let texts: Vec<Box<[u8]>> = texts.iter().map(|t| t.as_ref().as_bytes().into()).collect();
        let mut keyed: Vec<(u32, u32)> = texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| (key(t), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        keyed.sort_unstable();
        let mut groups = HashMap::with_capacity_and_hasher(keyed.len(), rustc_hash::FxBuildHasher);
        let mut lengths = Vec::new();
        let mut start = 0;
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let end = start + u32::try_from(run.len()).unwrap_or(u32::MAX);
            groups.insert(run[0].0, start..end);
            let length = (run[0].0 >> 24) as usize;
            if !lengths.contains(&length) {
                lengths.push(length);
            }
            start = end;
        }
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        Self {
            texts,
            grouped: keyed.into_iter().map(|(_, i)| i).collect(),
            groups,
            lengths,
        }
    }

    /// Every occurrence of every entry in `text`, overlapping ones included,
    /// as (entry number, start): by end, then longest first, then by entry
    /// number (the order an overlapping Aho-Corasick search gives).
    #[cfg(test)]
    #[must_use]
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        self.find_from(text, |_| true)
    }

    /// [`Finder::find_all`] for the occurrences that start where `may_start`
    /// (given the start's byte offset) allows; the others are not looked for.
    pub fn find_from(&self, text: &str, may_start: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for start in 0..bytes.len() {
            // An entry is text: it starts on a character.
            if bytes[start] & 0xC0 == 0x80 || !may_start(start) {
                continue;
            }
            let rest = &bytes[start..];
            for &length in &self.lengths {
                if rest.len() < length {
                    continue;
                }
                let Some(group) = self.groups.get(&key(&rest[..length])) else {
                    continue;
                };
                for &entry in &self.grouped[group.start as usize..group.end as usize] {
                    let entry = entry as usize;
                    let text = &self.texts[entry];
                    if rest.starts_with(text) {
                        found.push((start + text.len(), start, entry));
                    }
                }
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(_, start, entry)| (entry, start))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Finder;
    use proptest::prelude::*;

    /// The same occurrences, the slow way: every entry at every byte.
    fn naive(texts: &[String], text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (entry, t) in texts.iter().enumerate() {
            if t.is_empty() {
                continue;
            }
            for start in 0..text.len() {
                if text.as_bytes()[start..].starts_with(t.as_bytes()) {
                    found.push((start + t.len(), start, entry));
                }
            }
        }
        found.sort_unstable();
        found.into_iter().map(|(_, s, e)| (e, s)).collect()
    }

    #[test]
    fn overlapping_entries_come_by_end_then_longest_first() {
        let finder = Finder::new(&["及时", "及时段", "时段", "时", "at", "cat"]);
        // 及时 and 时 end at byte 6, 及时段 and 时段 at 9: the longer first.
        assert_eq!(
            finder.find_all("及时段"),
            vec![(0, 0), (3, 3), (1, 0), (2, 3)]
        );
        // Entries match inside words too: boundaries are the caller's rule.
        assert_eq!(finder.find_all("a cat"), vec![(5, 2), (4, 3)]);
        assert!(finder.find_all("").is_empty());
    }

    proptest! {
        #[test]
        fn it_finds_what_a_search_entry_by_entry_finds(
            texts in proptest::collection::vec("[ab时及段]{0,4}", 0..12),
            text in "[ab时及段 ]{0,24}",
        ) {
            prop_assert_eq!(Finder::new(&texts).find_all(&text), naive(&texts, &text));
        }
    }
}
