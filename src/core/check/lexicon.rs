//! The checker's word lists, read from `assets/checker-words.txt`, and the
//! matching rules: Chinese anywhere in the text, Latin on word boundaries.

use std::ops::Range;
use std::sync::OnceLock;

/// What a vague word fails to say, which picks the suggested fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Time,
    Manner,
    Quality,
    Effort,
    Frequency,
    Amount,
}

impl Category {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "time" => Self::Time,
            "manner" => Self::Manner,
            "quality" => Self::Quality,
            "effort" => Self::Effort,
            "frequency" => Self::Frequency,
            "amount" => Self::Amount,
            _ => return None,
        })
    }
}

/// One entry of a list, prepared for matching.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The entry as written, ASCII-lowercased, without a trailing `*`.
    pub text: String,
    /// A trailing `*`: the entry may be followed by more letters.
    prefix: bool,
}

impl Pattern {
    #[must_use]
    pub fn new(entry: &str) -> Self {
        let (text, prefix) = entry
            .strip_suffix('*')
            .map_or((entry, false), |stem| (stem, true));
        Self {
            text: text.to_ascii_lowercase(),
            prefix,
        }
    }

    /// Every byte range where the pattern occurs in `lower` (already ASCII-lowercased).
    pub fn find_in(&self, lower: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(offset) = lower[from..].find(&self.text) {
            let start = from + offset;
            from = start + self.text.chars().next().map_or(1, char::len_utf8);
            found.extend(self.accept(lower, start));
        }
        found
    }

    /// The match of this pattern at `start`, if the word boundaries allow it.
    fn accept(&self, lower: &str, start: usize) -> Option<Range<usize>> {
        let first_latin = self
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let last_latin = self
            .text
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let mut end = start + self.text.len();
        if first_latin && lower[..start].chars().next_back().is_some_and(is_word_char) {
            return None;
        }
        if last_latin {
            if self.prefix {
                end += lower[end..]
                    .chars()
                    .take_while(|c| is_word_char(*c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            } else if lower[end..].chars().next().is_some_and(is_word_char) {
                return None;
            }
        }
        Some(start..end)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// The lists a scan reports matches for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Vague,
    NotVague,
    Observable,
    Act,
    TimeAnchor,
    Absence,
    NotAbsence,
    Decorative,
}

/// Every match of every list in one text: (list, index in that list, range).
pub struct Scan(Vec<(List, usize, Range<usize>)>);

impl Scan {
    /// The matches of one list, with the index of the entry that matched.
    pub fn of(&self, list: List) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.0
            .iter()
            .filter(move |(l, _, _)| *l == list)
            .map(|(_, i, r)| (*i, r.clone()))
    }
}

/// All the lists of the checker.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub vague: Vec<(Pattern, Category)>,
    pub not_vague: Vec<Pattern>,
    pub observable: Vec<Pattern>,
    pub act: Vec<Pattern>,
    pub time_anchor: Vec<Pattern>,
    pub absence: Vec<Pattern>,
    pub not_absence: Vec<Pattern>,
    pub decorative: Vec<Pattern>,
    pub zh_unit: Vec<String>,
    pub en_unit: Vec<Pattern>,
    /// All matchable entries in one automaton, built on first use.
    index: OnceLock<(aho_corasick::AhoCorasick, Vec<(List, usize)>)>,
}

/// A mistake in the word-list file, with its line.
#[derive(Debug, thiserror::Error)]
#[error("checker-words.txt:{line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl Lexicon {
    /// Parses the word-list format described at the top of the assets file.
    ///
    /// # Errors
    /// An unknown section, a line outside any section, or a vague word without a known category.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Self::default();
        let mut section = None::<String>;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                line: i + 1,
                message,
            };
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_owned());
                continue;
            }
            let Some(name) = section.as_deref() else {
                return Err(err(format!("`{line}` is outside any [section]")));
            };
            match name {
                "vague" => {
                    let (word, category) = line
                        .split_once('|')
                        .ok_or_else(|| err(format!("`{line}` needs a category: `word | time`")))?;
                    let category = Category::parse(category.trim())
                        .ok_or_else(|| err(format!("unknown category `{}`", category.trim())))?;
                    lexicon.vague.push((Pattern::new(word.trim()), category));
                }
                "not-vague" => lexicon.not_vague.push(Pattern::new(line)),
                "observable" => lexicon.observable.push(Pattern::new(line)),
                "act" => lexicon.act.push(Pattern::new(line)),
                "time-anchor" => lexicon.time_anchor.push(Pattern::new(line)),
                "absence" => lexicon.absence.push(Pattern::new(line)),
                "not-absence" => lexicon.not_absence.push(Pattern::new(line)),
                "decorative" => lexicon.decorative.push(Pattern::new(line)),
                "zh-unit" => lexicon.zh_unit.push(line.to_owned()),
                "en-unit" => lexicon.en_unit.push(Pattern::new(line)),
                other => return Err(err(format!("unknown section [{other}]"))),
            }
        }
        // Longest units first, so 分钟 wins over 分 and 个小时 over 个.
        lexicon
            .zh_unit
            .sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
        Ok(lexicon)
    }

    fn lists(&self) -> [(List, Vec<&Pattern>); 8] {
        [
            (List::Vague, self.vague.iter().map(|(p, _)| p).collect()),
            (List::NotVague, self.not_vague.iter().collect()),
            (List::Observable, self.observable.iter().collect()),
            (List::Act, self.act.iter().collect()),
            (List::TimeAnchor, self.time_anchor.iter().collect()),
            (List::Absence, self.absence.iter().collect()),
            (List::NotAbsence, self.not_absence.iter().collect()),
            (List::Decorative, self.decorative.iter().collect()),
        ]
    }

    /// Finds every entry of every list in `lower` (ASCII-lowercased) in one pass,
    /// with the same word-boundary rules as [`Pattern::find_in`].
    ///
    /// # Panics
    /// Never: the automaton is built from plain strings.
    pub fn scan(&self, lower: &str) -> Scan {
        let (automaton, owners) = self.index.get_or_init(|| {
            let mut texts = Vec::new();
            let mut owners = Vec::new();
            for (list, patterns) in self.lists() {
                for (i, p) in patterns.into_iter().enumerate() {
                    texts.push(p.text.clone());
                    owners.push((list, i));
                }
            }
            let automaton =
                aho_corasick::AhoCorasick::new(&texts).expect("plain strings build an automaton");
            (automaton, owners)
        });
        let lists = self.lists();
        let mut hits = Vec::new();
        for m in automaton.find_overlapping_iter(lower) {
            let (list, i) = owners[m.pattern().as_usize()];
            let pattern = lists
                .iter()
                .find(|(l, _)| *l == list)
                .map(|(_, ps)| ps[i])
                .expect("every list is indexed");
            if let Some(range) = pattern.accept(lower, m.start()) {
                hits.push((list, i, range));
            }
        }
        Scan(hits)
    }

    /// The lists shipped in `assets/checker-words.txt`.
    ///
    /// # Panics
    /// If the shipped file is malformed; a unit test guards against that.
    pub fn builtin() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Self::parse(include_str!("../../../assets/checker-words.txt"))
                .expect("the shipped word list parses")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse_and_are_filled() {
        let lex = Lexicon::builtin();
        assert!(lex.vague.len() > 100);
        assert!(!lex.observable.is_empty() && !lex.act.is_empty() && !lex.time_anchor.is_empty());
        assert!(lex.zh_unit.iter().any(|u| u == "分钟"));
    }

    #[test]
    fn latin_matches_whole_words_and_chinese_anywhere() {
        let good = Pattern::new("good");
        assert_eq!(good.find_in("good service"), vec![0..4]);
        assert!(good.find_in("goods are stacked").is_empty());
        let greet = Pattern::new("greet*");
        assert_eq!(greet.find_in("she greets them"), vec![4..10]);
        let zh = Pattern::new("热情");
        assert_eq!(zh.find_in("服务员热情接待").len(), 1);
        let pct = Pattern::new("200%");
        assert_eq!(pct.find_in("付出200%努力").len(), 1);
    }

    #[test]
    fn malformed_lists_are_reported_with_their_line() {
        let err = Lexicon::parse("[vague]\n热情\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(Lexicon::parse("word\n").is_err());
        assert!(Lexicon::parse("[nonsense]\nx\n").is_err());
        assert!(Lexicon::parse("[vague]\nx | sometimes\n").is_err());
    }
}
