//! The checker's word lists as matchers, built from the rules file
//! ([`super::rulebook`]), and the matching rules: Chinese anywhere in the
//! text, Latin on word boundaries ([`super::tokens::is_word_char`]).

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use super::finder::Finder;
pub use super::rulebook::Category;
use super::rulebook::{self, Excuse, RuleFile, RulesError, Units};
use super::tokens::is_word_char;

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
    /// Opens a purpose clause (以便, "so that"): what follows is why, not what.
    Purpose,
    /// Words that contain a vague word across its boundary (时段 in 及时段).
    Compound,
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
    /// Per [`Lexicon::rate`] entry: it marks a rate without a % (nine in ten).
    pub rate_alone: Vec<bool>,
    /// Per [`Category::index`]: what excuses a vague word of that category.
    excuses: [Vec<Excuse>; 10],
    /// Clause openings after which the next word names a manner (Be punctual).
    pub manner_openers: Vec<String>,
    /// Words after such a manner that open the hours it holds, with a
    /// figure after them (We will be contactable between 9am and 5pm).
    pub manner_hours: Vec<String>,
    /// Participles that, after a manner opener, say what is done to the
    /// customer, not how (You will be notified within that time).
    pub manner_acts: Vec<String>,
    /// Words that contain a joining character but join nothing (合并, 并非).
    pub not_joining: Vec<String>,
    /// Chinese numerals (一, 两, 十, 半).
    zh_digits: String,
    /// English number words (two, twice, dozen).
    pub en_numbers: Vec<String>,
    /// Words before a number word that make it a figure (at least, within).
    pub en_thresholds: Vec<String>,
    /// Words after "once" that make it a frequency (once a week).
    pub once_before: Vec<String>,
    /// What a figure reaches to past its unit (两小时内), longest first.
    pub within: Vec<String>,
    /// Measure words after 每一 that mean "each" (每一位顾客), not a count.
    pub each: Vec<String>,
    /// Words before a numeral that make it a day of the week (週二).
    pub weekday: Vec<String>,
    /// English words that open the customer's occasion (when the guest …).
    pub occasion_openers: Vec<String>,
    /// Words that name no object (the, our, staff).
    pub filler: Vec<String>,
    /// Openers of a purpose clause: 以便, 方便顾客, "so that".
    pub purpose: Vec<Pattern>,
    /// Openers of the effect an act is meant to have (营造, 以示), when they
    /// open a clause after the first: why, not what is checked.
    pub effect: Vec<String>,
    /// Words a vague word must not cut across (时段, 规定): longest match wins.
    pub compounds: Vec<Pattern>,
    /// Openers of a condition clause: 如, 凡, "if", "unless".
    pub trigger_openers: Vec<String>,
    /// Words that begin like an opener and open no condition (如实, 如期).
    pub trigger_not: Vec<String>,
    /// Endings of a Chinese condition clause: 的 (手续齐全的，…), 时.
    pub trigger_endings: Vec<String>,
    /// An inability in a condition (不能, "cannot"): an instant word after
    /// it ("if we cannot help at once") is the condition's, not a criterion.
    pub trigger_unable: Vec<String>,
    /// English words that open a condition after the act ("… if you are
    /// not satisfied"): a state or feeling after one says when.
    pub trailing_triggers: Vec<String>,
    /// What ends a quoted paper's name or follows it (「申訴處理單」, “…”表):
    /// its words name a thing.
    pub paper_names: Vec<String>,
    /// What names a list of quotes as words to say (“不知道”等推诿性语言).
    pub speech_names: Vec<String>,
    /// Joins of a second predicate (" and will "): a criterion past one is
    /// another clause's, for a word whose criterion must share its clause.
    pub predicate_joins: Vec<String>,
    /// What a customer must or may do (须, 应, "must", "should"): right after
    /// a word for the customer that opens the sentence, the standard is the
    /// customer's duty, not the staff's.
    pub customer_duty: Vec<String>,
    /// The customer addressed (您, "you"): a subject like the customer words.
    pub customer_self: Vec<String>,
    /// Time words that mean "before the service" when the customer does it.
    pub beforehand: Vec<String>,
    /// What a customer may do (可以, "can"): the customer's right, a duty
    /// only with nothing to check (您可以拒絕…); with a figure it is what
    /// the service offers (顾客可在到府前2小时前自行改期).
    pub customer_may: Vec<String>,
    /// What the company grants with the customer's right (免收手續費).
    pub customer_offer: Vec<Pattern>,
    /// What the customer receives after a duty word (得到, "be greeted"):
    /// the staff's criterion put the other way round.
    pub customer_receives: Vec<String>,
    /// Words that start like a duty word and are not one (需求, 可能).
    pub not_duty: Vec<String>,
    /// Words that name a customer survey (调查, "survey"): a figure beside
    /// one states a feeling.
    pub survey: Vec<String>,
    /// A survey's rates after a quoted item (顾客“被重视”好评率≥90%): the
    /// quote is what customers are asked, and its rate the measure.
    pub survey_rates: Vec<String>,
    /// Words around a number that make it one to dial (拨打119, "the 999
    /// hotline"): a phone number is no figure to check.
    pub phone_before: Vec<String>,
    pub phone_after: Vec<String>,
    /// All matchable entries in one finder, built on first use, with the
    /// list, index and pattern of each.
    index: OnceLock<Index>,
}

/// The finder over every list's entries, and for each entry its list,
/// its index in that list and its pattern.
type Index = (Finder, Vec<(List, usize, Pattern)>);

impl Lexicon {
    /// The matchers for a rules file (shipped, or shipped with a user's
    /// words merged in).
    ///
    /// # Errors
    /// A category with no rule saying what excuses it.
    pub fn from_rules(file: &str, rules: RuleFile) -> Result<Self, RulesError> {
        rules.check_complete(file)?;
        let patterns = |words: Vec<String>| words.iter().map(|w| Pattern::new(w)).collect();
        let lowered = |words: Vec<String>| {
            words
                .into_iter()
                .map(|w| w.to_ascii_lowercase())
                .collect::<Vec<_>>()
        };
        let mut lexicon = Self::default();
        for rule in rules.vague {
            let i = rule.category.index();
            if let Some(excuses) = rule.excused_by {
                lexicon.excuses[i] = excuses
                    .into_iter()
                    .map(|e| match e {
                        Excuse::Occasion { words } => Excuse::Occasion {
                            words: lowered(words),
                        },
                        other => other,
                    })
                    .collect();
            }
            lexicon
                .vague
                .extend(rule.words.iter().map(|w| (Pattern::new(w), rule.category)));
        }
        // Observable acts that say how first, as one list with a flag.
        lexicon.observable_how = rules
            .observable_how
            .iter()
            .map(|_| true)
            .chain(rules.observable.iter().map(|_| false))
            .collect();
        lexicon.observable = patterns(rules.observable_how);
        lexicon
            .observable
            .extend(rules.observable.iter().map(|w| Pattern::new(w)));
        lexicon.not_vague = patterns(rules.not_vague);
        lexicon.act = patterns(rules.act);
        lexicon.time_anchor = patterns(rules.time_anchor);
        lexicon.absence = patterns(rules.absence);
        lexicon.not_absence = patterns(rules.not_absence);
        lexicon.decorative = patterns(rules.decorative);
        lexicon.keep = patterns(rules.keep);
        lexicon.kept_state = patterns(rules.kept_state);
        lexicon.generic = patterns(rules.generic);
        lexicon.customer = patterns(rules.customer);
        lexicon.internal = patterns(rules.internal);
        lexicon.rate_alone = rules
            .rate
            .iter()
            .map(|_| false)
            .chain(rules.rate_alone.iter().map(|_| true))
            .collect();
        lexicon.rate = patterns(rules.rate);
        lexicon
            .rate
            .extend(rules.rate_alone.iter().map(|w| Pattern::new(w)));
        lexicon.conjunction = patterns(rules.conjunction);
        lexicon.verb = patterns(rules.verb);
        lexicon.say = patterns(rules.say);
        lexicon.manner_noun = rules
            .manner_nouns
            .iter()
            .map(|(w, c)| (Pattern::new(w), *c))
            .collect();
        lexicon.vague_suffix = rules
            .vague_endings
            .into_iter()
            .map(|(w, c)| (w.to_ascii_lowercase(), c))
            .collect();
        let units = |units: Units| {
            let time = units.time.into_iter().map(|u| (u, true));
            time.chain(units.count.into_iter().map(|u| (u, false)))
        };
        lexicon.zh_unit = units(rules.zh_units)
            .map(|(u, t)| (u.to_ascii_lowercase(), t))
            .collect();
        // Longest units first, so 分钟 wins over 分 and 个小时 over 个.
        lexicon
            .zh_unit
            .sort_by_key(|(u, _)| std::cmp::Reverse(u.chars().count()));
        lexicon.en_unit = units(rules.en_units)
            .map(|(u, t)| (Pattern::new(&u), t))
            .collect();
        lexicon.manner_openers = lowered(rules.manner_openers);
        lexicon.manner_hours = lowered(rules.manner_hours);
        lexicon.manner_acts = lowered(rules.manner_acts);
        lexicon.not_joining = lowered(rules.not_joining);
        lexicon.zh_digits = rules.zh_digits;
        lexicon.en_numbers = lowered(rules.en_numbers);
        lexicon.en_thresholds = lowered(rules.en_thresholds);
        lexicon.once_before = lowered(rules.once_before);
        lexicon.within = lowered(rules.within);
        // Longest first, so 以内 wins over 内.
        lexicon
            .within
            .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        lexicon.each = lowered(rules.each);
        lexicon.weekday = lowered(rules.weekday);
        lexicon.occasion_openers = lowered(rules.occasion_openers);
        lexicon.filler = lowered(rules.filler);
        lexicon.purpose = patterns(rules.purpose);
        lexicon.compounds = patterns(rules.compounds);
        lexicon.trigger_openers = lowered(rules.trigger_openers);
        lexicon.trigger_not = lowered(rules.trigger_not);
        lexicon.effect = lowered(rules.effect);
        lexicon.trigger_endings = lowered(rules.trigger_endings);
        lexicon.trigger_unable = lowered(rules.trigger_unable);
        lexicon.trailing_triggers = lowered(rules.trailing_triggers);
        lexicon.paper_names = lowered(rules.paper_names);
        lexicon.speech_names = lowered(rules.speech_names);
        lexicon.predicate_joins = lowered(rules.predicate_joins);
        lexicon.customer_duty = lowered(rules.customer_duty);
        lexicon
            .customer_duty
            .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        lexicon.customer_self = lowered(rules.customer_self);
        lexicon.beforehand = lowered(rules.beforehand);
        lexicon.customer_may = lowered(rules.customer_may);
        lexicon.customer_offer = patterns(rules.customer_offer);
        lexicon.customer_receives = rules.customer_receives;
        lexicon.not_duty = rules.not_duty;
        lexicon
            .customer_may
            .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        lexicon.survey = lowered(rules.survey);
        lexicon.survey_rates = lowered(rules.survey_rates);
        lexicon.phone_before = lowered(rules.phone_before);
        lexicon.phone_after = lowered(rules.phone_after);
        Ok(lexicon)
    }

    /// What excuses a vague word of `category`.
    #[must_use]
    pub fn excuses(&self, category: Category) -> &[Excuse] {
        &self.excuses[category.index()]
    }

    /// Whether `c` is a Chinese numeral (一, 两, 十, 半).
    #[must_use]
    pub fn is_zh_digit(&self, c: char) -> bool {
        self.zh_digits.contains(c)
    }

    fn lists(&self) -> [(List, Vec<&Pattern>); 20] {
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
            (List::Purpose, self.purpose.iter().collect()),
            (List::Compound, self.compounds.iter().collect()),
        ]
    }

    /// Finds every entry of every list in `lower` (ASCII-lowercased) in one pass,
    /// with the same word-boundary rules as [`Pattern::find_in`].
    ///
    pub fn scan(&self, lower: &str) -> Scan {
        let (finder, owners) = self.index.get_or_init(|| {
            let mut texts = Vec::new();
            let mut owners = Vec::new();
            for (list, patterns) in self.lists() {
                for (i, p) in patterns.into_iter().enumerate() {
                    texts.push(p.text.clone());
                    owners.push((list, i, p.clone()));
                }
            }
            (Finder::new(&texts), owners)
        });
        let mut hits = Vec::new();
        // A Latin entry matches only at the start of a word (see
        // `Pattern::accept`): inside one, nothing is looked up.
        let bytes = lower.as_bytes();
        let inside_word = |start: usize| {
            bytes[start].is_ascii_alphanumeric()
                && lower[..start].chars().next_back().is_some_and(is_word_char)
        };
        for (entry, start) in finder.find_from(lower, |start| !inside_word(start)) {
            let (list, i, pattern) = &owners[entry];
            if let Some(range) = pattern.accept(lower, start) {
                hits.push((*list, *i, range));
            }
        }
        Scan(hits)
    }

    /// The lists in use: the shipped rules, with the user's own words if
    /// [`install`] merged them in at start-up.
    ///
    /// # Panics
    /// If the shipped file is malformed; a unit test guards against that.
    pub fn builtin() -> &'static Self {
        ACTIVE.get_or_init(shipped)
    }
}

/// The lexicon every `assess` uses, set once.
static ACTIVE: OnceLock<Lexicon> = OnceLock::new();

/// The shipped rules alone.
fn shipped() -> Lexicon {
    let rules = RuleFile::parse(rulebook::SHIPPED_NAME, rulebook::SHIPPED)
        .expect("the shipped rules parse");
    Lexicon::from_rules(rulebook::SHIPPED_NAME, rules).expect("the shipped rules are complete")
}

/// The shipped rules with the user's own words merged over them: the file
/// in the user's configuration folder ([`rulebook::user_file`]) if there is
/// one, then `extra` (`--words FILE`). Called once at start-up, before any
/// standard is checked; [`Lexicon::builtin`] returns the result from then on.
///
/// # Errors
/// A mistake in either file (with its line and column), or `extra` cannot
/// be read; the shipped rules stay in use then.
pub fn install(extra: Option<&Path>) -> Result<(), RulesError> {
    let mut rules = RuleFile::parse(rulebook::SHIPPED_NAME, rulebook::SHIPPED)
        .expect("the shipped rules parse");
    let mut named = rulebook::SHIPPED_NAME.to_owned();
    if let Some(path) = rulebook::user_file().filter(|p| p.is_file()) {
        rules.merge(RuleFile::read(&path)?);
        named = path.display().to_string();
    }
    if let Some(path) = extra {
        rules.merge(RuleFile::read(path)?);
        named = path.display().to_string();
    }
    let lexicon = Lexicon::from_rules(&named, rules)?;
    // Already in use (a second call): the first lexicon stays, as every
    // finding so far was made with it.
    let _ = ACTIVE.set(lexicon);
    Ok(())
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
        assert!(lex.excuses(Category::Approximate).is_empty());
        assert!(!lex.excuses(Category::Time).is_empty());
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
    fn a_rules_file_without_every_category_is_refused() {
        let rules = RuleFile::parse("mine.ron", "(vague: [(category: time, excused_by: [])])")
            .expect("parses");
        let err = Lexicon::from_rules("mine.ron", rules).unwrap_err();
        assert!(err.to_string().starts_with("mine.ron: "), "{err}");
    }
}
