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
    /// An act that is itself a judgement: 处理, 协助, "help", "deal with".
    Judgement,
    /// The customer's feeling: 满意, 宾至如归, "feel welcome".
    Feeling,
    /// An amount that only sounds like one: 几分钟, 数次, "a few", "shortly".
    Approximate,
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
            "judgement" => Self::Judgement,
            "feeling" => Self::Feeling,
            "approximate" => Self::Approximate,
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

    /// The end of this pattern if it matches `lower` right at its start.
    #[must_use]
    pub fn at_start(&self, lower: &str) -> Option<usize> {
        if lower.starts_with(&self.text) {
            self.accept(lower, 0).map(|r| r.end)
        } else {
            None
        }
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
    Keep,
    KeptState,
    Generic,
    Customer,
    Internal,
    Rate,
    Conjunction,
    Verb,
    Say,
    MannerNoun,
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
    /// Per [`Lexicon::observable`] entry: it says how an act is done (`| how`).
    pub observable_how: Vec<bool>,
    pub act: Vec<Pattern>,
    pub time_anchor: Vec<Pattern>,
    pub absence: Vec<Pattern>,
    pub not_absence: Vec<Pattern>,
    pub decorative: Vec<Pattern>,
    /// Markers of a state to keep (保持, keep, is): a [`Lexicon::kept_state`]
    /// word after one, in the same clause, is vague.
    pub keep: Vec<Pattern>,
    /// States that are vague when kept (保持清洁, "keep it clean") but plain
    /// acts on their own (每小时清洁一次, "clean it every hour").
    pub kept_state: Vec<Pattern>,
    /// Nouns of manner or setting (动作, 灯光): a bare predicate after one is a judgement.
    pub manner_noun: Vec<(Pattern, Category)>,
    /// English endings that name a manner or quality (`ly | manner`).
    pub vague_suffix: Vec<(String, Category)>,
    /// Time words an occasion states (立即, "immediately"), as written.
    pub instant: Vec<String>,
    /// Acts too general to check on their own (检查, "check", "ensure").
    pub generic: Vec<Pattern>,
    /// Who the customer is (顾客, 民眾, "guest"): the customer's acts and
    /// feelings are not the staff's criteria.
    pub customer: Vec<Pattern>,
    /// Internal routines the customer never sees (工作日报, "team meeting").
    pub internal: Vec<Pattern>,
    /// A rate or average over time (一次修复率, "% of calls").
    pub rate: Vec<Pattern>,
    /// Words that join two acts (并, 並且, "and then").
    pub conjunction: Vec<Pattern>,
    /// English verbs that start a second act after "and".
    pub verb: Vec<Pattern>,
    /// Verbs of saying before a quote (说, 問, "say"): the quote is an utterance.
    pub say: Vec<Pattern>,
    /// Chinese measure words; `true` when the unit measures time (秒, 小时, 次).
    pub zh_unit: Vec<(String, bool)>,
    /// English units; `true` when the unit measures time (minutes, rings).
    pub en_unit: Vec<(Pattern, bool)>,
    /// All matchable entries in one automaton, built on first use, with the
    /// list, index and pattern of each.
    index: OnceLock<Index>,
}

/// The automaton over every list's entries, and for each entry its list,
/// its index in that list and its pattern.
type Index = (aho_corasick::AhoCorasick, Vec<(List, usize, Pattern)>);

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
            // `word | category`, as the sections that name a category write it.
            let categorised = |example: &str| -> Result<(&str, Category), LexiconError> {
                let (word, category) = line
                    .split_once('|')
                    .ok_or_else(|| err(format!("`{line}` needs a category: `{example}`")))?;
                let category = Category::parse(category.trim())
                    .ok_or_else(|| err(format!("unknown category `{}`", category.trim())))?;
                Ok((word.trim(), category))
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
                    let (word, category) = categorised("word | time")?;
                    lexicon.vague.push((Pattern::new(word), category));
                }
                "not-vague" => lexicon.not_vague.push(Pattern::new(line)),
                "observable" => {
                    let (word, how) = match line.split_once('|') {
                        Some((word, "how" | " how")) => (word.trim(), true),
                        Some((_, tag)) => {
                            return Err(err(format!("unknown observable tag `{}`", tag.trim())));
                        }
                        None => (line, false),
                    };
                    lexicon.observable.push(Pattern::new(word));
                    lexicon.observable_how.push(how);
                }
                "act" => lexicon.act.push(Pattern::new(line)),
                "time-anchor" => lexicon.time_anchor.push(Pattern::new(line)),
                "absence" => lexicon.absence.push(Pattern::new(line)),
                "not-absence" => lexicon.not_absence.push(Pattern::new(line)),
                "decorative" => lexicon.decorative.push(Pattern::new(line)),
                "keep" => lexicon.keep.push(Pattern::new(line)),
                "instant" => lexicon.instant.push(line.to_ascii_lowercase()),
                "manner-noun" => {
                    let (word, category) = categorised("动作 | manner")?;
                    lexicon.manner_noun.push((Pattern::new(word), category));
                }
                "vague-suffix" => {
                    let (ending, category) = categorised("ly | manner")?;
                    lexicon
                        .vague_suffix
                        .push((ending.to_ascii_lowercase(), category));
                }
                "kept-state" => lexicon.kept_state.push(Pattern::new(line)),
                "generic" => lexicon.generic.push(Pattern::new(line)),
                "customer" => lexicon.customer.push(Pattern::new(line)),
                "internal" => lexicon.internal.push(Pattern::new(line)),
                "rate" => lexicon.rate.push(Pattern::new(line)),
                "conjunction" => lexicon.conjunction.push(Pattern::new(line)),
                "verb" => lexicon.verb.push(Pattern::new(line)),
                "say" => lexicon.say.push(Pattern::new(line)),
                "zh-unit" | "en-unit" => {
                    let (unit, tag) = match line.split_once('|') {
                        Some((unit, tag)) => (unit.trim(), tag.trim()),
                        None => (line, ""),
                    };
                    let time = match tag {
                        "" => false,
                        "time" => true,
                        other => return Err(err(format!("unknown unit tag `{other}`"))),
                    };
                    if name == "zh-unit" {
                        lexicon.zh_unit.push((unit.to_owned(), time));
                    } else {
                        lexicon.en_unit.push((Pattern::new(unit), time));
                    }
                }
                other => return Err(err(format!("unknown section [{other}]"))),
            }
        }
        // Longest units first, so 分钟 wins over 分 and 个小时 over 个.
        lexicon
            .zh_unit
            .sort_by_key(|(u, _)| std::cmp::Reverse(u.chars().count()));
        Ok(lexicon)
    }

    fn lists(&self) -> [(List, Vec<&Pattern>); 18] {
        [
            (List::Vague, self.vague.iter().map(|(p, _)| p).collect()),
            (List::NotVague, self.not_vague.iter().collect()),
            (List::Observable, self.observable.iter().collect()),
            (List::Act, self.act.iter().collect()),
            (List::TimeAnchor, self.time_anchor.iter().collect()),
            (List::Absence, self.absence.iter().collect()),
            (List::NotAbsence, self.not_absence.iter().collect()),
            (List::Decorative, self.decorative.iter().collect()),
            (List::Keep, self.keep.iter().collect()),
            (List::KeptState, self.kept_state.iter().collect()),
            (List::Generic, self.generic.iter().collect()),
            (List::Customer, self.customer.iter().collect()),
            (List::Internal, self.internal.iter().collect()),
            (List::Rate, self.rate.iter().collect()),
            (List::Conjunction, self.conjunction.iter().collect()),
            (List::Verb, self.verb.iter().collect()),
            (List::Say, self.say.iter().collect()),
            (
                List::MannerNoun,
                self.manner_noun.iter().map(|(p, _)| p).collect(),
            ),
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
                    owners.push((list, i, p.clone()));
                }
            }
            let automaton =
                aho_corasick::AhoCorasick::new(&texts).expect("plain strings build an automaton");
            (automaton, owners)
        });
        let mut hits = Vec::new();
        for m in automaton.find_overlapping_iter(lower) {
            let (list, i, pattern) = &owners[m.pattern().as_usize()];
            if let Some(range) = pattern.accept(lower, m.start()) {
                hits.push((*list, *i, range));
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
        assert!(lex.zh_unit.iter().any(|(u, time)| u == "分钟" && *time));
        assert!(lex.zh_unit.iter().any(|(u, time)| u == "种" && !*time));
        assert!(!lex.customer.is_empty() && !lex.generic.is_empty() && !lex.rate.is_empty());
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
