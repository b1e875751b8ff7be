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
        let mut from = 0;
        while let Some(offset) = lower[from..].find(&self.text) {
            let start = from + offset;
            let mut end = start + self.text.len();
            from = start + self.text.chars().next().map_or(1, char::len_utf8);
            if first_latin && lower[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if last_latin {
                if self.prefix {
                    end += lower[end..]
                        .chars()
                        .take_while(|c| is_word_char(*c))
                        .map(char::len_utf8)
                        .sum::<usize>();
                } else if lower[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
            }
            found.push(start..end);
        }
        found
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
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

    /// The lists shipped in `assets/checker-words.txt`.
    ///
    /// # Panics
    /// If the shipped file is malformed; a unit test guards against that.
    pub fn builtin() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Self::parse(include_str!("../../assets/checker-words.txt"))
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
