//! The checker's rules as data: the shape of `assets/checker-rules.ron`
//! (and of a user's own words file), read with serde, merged, and checked
//! for mistakes that serde cannot see. [`super::lexicon`] turns the result
//! into matchers.
//!
//! Like a prose linter's rule file (Vale's `extends: existence`), each
//! category of vague word carries its words and what excuses them, and in
//! what scope; the other lists say what the checker reads as criteria,
//! acts, occasions and numbers.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What a vague word fails to say, which picks the suggested fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
    /// A hedge on a commitment: 力争, "we aim to", "do our best to". Stated
    /// by the figure it hedges ("we aim to answer within 30 seconds").
    Hedge,
}

impl Category {
    /// Every category, in the order of [`Category::index`].
    pub const ALL: [Self; 10] = [
        Self::Time,
        Self::Manner,
        Self::Quality,
        Self::Effort,
        Self::Frequency,
        Self::Amount,
        Self::Judgement,
        Self::Feeling,
        Self::Approximate,
        Self::Hedge,
    ];

    /// The category as the rules file writes it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Manner => "manner",
            Self::Quality => "quality",
            Self::Effort => "effort",
            Self::Frequency => "frequency",
            Self::Amount => "amount",
            Self::Judgement => "judgement",
            Self::Feeling => "feeling",
            Self::Approximate => "approximate",
            Self::Hedge => "hedge",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The file as written. Every field may be left out, so that a user's own
/// file names only what it adds.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleFile {
    pub vague: Vec<VagueRule>,
    pub not_vague: Vec<String>,
    pub observable: Vec<String>,
    pub observable_how: Vec<String>,
    pub act: Vec<String>,
    pub time_anchor: Vec<String>,
    pub absence: Vec<String>,
    pub not_absence: Vec<String>,
    pub decorative: Vec<String>,
    pub zh_units: Units,
    pub en_units: Units,
    pub vague_endings: Vec<(String, Category)>,
    pub manner_openers: Vec<String>,
    pub manner_hours: Vec<String>,
    pub manner_acts: Vec<String>,
    pub manner_nouns: Vec<(String, Category)>,
    pub keep: Vec<String>,
    pub kept_state: Vec<String>,
    pub generic: Vec<String>,
    pub customer: Vec<String>,
    pub internal: Vec<String>,
    pub rate: Vec<String>,
    pub rate_alone: Vec<String>,
    pub conjunction: Vec<String>,
    pub not_joining: Vec<String>,
    pub verb: Vec<String>,
    pub say: Vec<String>,
    pub zh_digits: String,
    pub en_numbers: Vec<String>,
    pub en_thresholds: Vec<String>,
    pub once_before: Vec<String>,
    pub within: Vec<String>,
    pub each: Vec<String>,
    /// Words before a numeral that make it a day of the week (週二).
    pub weekday: Vec<String>,
    pub occasion_openers: Vec<String>,
    pub filler: Vec<String>,
    pub purpose: Vec<String>,
    pub effect: Vec<String>,
    pub compounds: Vec<String>,
    pub trigger_openers: Vec<String>,
    pub trigger_not: Vec<String>,
    pub trigger_endings: Vec<String>,
    pub trigger_unable: Vec<String>,
    pub trailing_triggers: Vec<String>,
    pub paper_names: Vec<String>,
    pub speech_names: Vec<String>,
    pub predicate_joins: Vec<String>,
    pub customer_duty: Vec<String>,
    pub customer_self: Vec<String>,
    /// Time words that mean "before the service" when the customer does it
    /// (委托方应事先告知; 请务必事先电话确认).
    pub beforehand: Vec<String>,
    pub customer_may: Vec<String>,
    /// What the company grants with the customer's right (免收手續費).
    pub customer_offer: Vec<String>,
    pub customer_receives: Vec<String>,
    pub not_duty: Vec<String>,
    pub survey: Vec<String>,
    pub survey_rates: Vec<String>,
    /// Words just before a number that make it one to dial (拨打, "call").
    pub phone_before: Vec<String>,
    /// Words just after a number that make it one to dial (热线, "hotline").
    pub phone_after: Vec<String>,
}

/// Units of measure, split by whether they measure time or frequency
/// (which excuses only time words) or count something else.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Units {
    pub time: Vec<String>,
    pub count: Vec<String>,
}

/// One category of vague word: its words and what excuses them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueRule {
    pub category: Category,
    /// What states such a word. Left out in a user's file, the shipped
    /// rule stands; given, it replaces the shipped one (`[]`: nothing does).
    #[serde(default)]
    pub excused_by: Option<Vec<Excuse>>,
    #[serde(default)]
    pub words: Vec<String>,
}

/// A kind of criterion that states a vague word, with where it must stand.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Excuse {
    /// A time limit or frequency: 2小时内, every shift, 当天.
    TimeLimit(Scope),
    /// A number with a unit or a count that is not a time: 3 options, 1米.
    Figure(Scope),
    /// Words to be said, in quotes.
    Quote(Scope),
    /// An observable act that says how an act is done: 双手, by name.
    HowAct(Scope),
    /// A checkable absence: 无污渍, no visible dust.
    Absence(Scope),
    /// Any of the staff's criteria, including an observable act.
    AnyCriterion(Scope),
    /// A figure of a customer survey (调查好评≥90%, "survey: 90% rate it 4
    /// or 5"): a figure in a standard that names a survey (`survey`).
    Survey(Scope),
    /// The customer's act that sets the moment (客人走到接待台时), for
    /// these words only (立即, "at once").
    Occasion { words: Vec<String> },
}

/// Where an excusing criterion must stand, relative to the vague word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// In the same clause (between commas, semicolons, sentence ends).
    Clause,
    /// Anywhere in the standard.
    Standard,
    /// Anywhere after the word in the standard: what a hedge governs
    /// follows it ("we aim to decide requests, permits and advice within
    /// 30 days").
    Later,
    /// In a definition after a colon that follows the word: what "polite"
    /// means here is what the rest says ("we will be polite: staff greet
    /// you within 10 seconds and give their name").
    Gloss,
}

/// A mistake in a rules file: where it is and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The file is not the expected RON: with its line and column.
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file reads but says something the checker cannot use.
    #[error("{file}: {message}")]
    Meaning { file: String, message: String },
    /// The file cannot be read.
    #[error("{file}: {source}")]
    Unreadable {
        file: String,
        source: std::io::Error,
    },
}

/// The name the shipped file goes by in errors.
pub const SHIPPED_NAME: &str = "assets/checker-rules.ron";

/// The shipped rules, embedded at build time.
pub const SHIPPED: &str = include_str!("../../../assets/checker-rules.ron");

/// The name of the user's own words file in their configuration folder.
pub const USER_FILE: &str = "checker-words.ron";

impl RuleFile {
    /// Parses a rules file; `file` names it in errors.
    ///
    /// # Errors
    /// A syntax error or unknown field (with line and column), or an empty word.
    pub fn parse(file: &str, text: &str) -> Result<Self, RulesError> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let parsed: Self = options.from_str(text).map_err(|err| RulesError::Syntax {
            file: file.to_owned(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.to_string(),
        })?;
        parsed.check_words(file)?;
        Ok(parsed)
    }

    /// Reads and parses a rules file from the disk.
    ///
    /// # Errors
    /// As [`RuleFile::parse`], or the file cannot be read.
    pub fn read(path: &Path) -> Result<Self, RulesError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Unreadable {
            file: file.clone(),
            source,
        })?;
        Self::parse(&file, &text)
    }

    /// Adds `other`'s words to this file's; a category's `excused_by` in
    /// `other` replaces this one's.
    pub fn merge(&mut self, other: Self) {
        for rule in other.vague {
            match self.vague.iter_mut().find(|r| r.category == rule.category) {
                Some(mine) => {
                    mine.words.extend(rule.words);
                    if rule.excused_by.is_some() {
                        mine.excused_by = rule.excused_by;
                    }
                }
                None => self.vague.push(rule),
            }
        }
        let Self {
            vague: _,
            not_vague,
            observable,
            observable_how,
            act,
            time_anchor,
            absence,
            not_absence,
            decorative,
            zh_units,
            en_units,
            vague_endings,
            manner_openers,
            manner_hours,
            manner_acts,
            manner_nouns,
            keep,
            kept_state,
            generic,
            customer,
            internal,
            rate,
            rate_alone,
            conjunction,
            not_joining,
            verb,
            say,
            zh_digits,
            en_numbers,
            en_thresholds,
            once_before,
            within,
            each,
            weekday,
            occasion_openers,
            filler,
            purpose,
            effect,
            compounds,
            trigger_openers,
            trigger_not,
            trigger_endings,
            trigger_unable,
            trailing_triggers,
            paper_names,
            speech_names,
            predicate_joins,
            customer_duty,
            customer_self,
            beforehand,
            customer_may,
            customer_offer,
            customer_receives,
            not_duty,
            survey,
            survey_rates,
            phone_before,
            phone_after,
        } = other;
        self.not_vague.extend(not_vague);
        self.observable.extend(observable);
        self.observable_how.extend(observable_how);
        self.act.extend(act);
        self.time_anchor.extend(time_anchor);
        self.absence.extend(absence);
        self.not_absence.extend(not_absence);
        self.decorative.extend(decorative);
        self.zh_units.time.extend(zh_units.time);
        self.zh_units.count.extend(zh_units.count);
        self.en_units.time.extend(en_units.time);
        self.en_units.count.extend(en_units.count);
        self.vague_endings.extend(vague_endings);
        self.manner_openers.extend(manner_openers);
        self.manner_hours.extend(manner_hours);
        self.manner_acts.extend(manner_acts);
        self.manner_nouns.extend(manner_nouns);
        self.keep.extend(keep);
        self.kept_state.extend(kept_state);
        self.generic.extend(generic);
        self.customer.extend(customer);
        self.internal.extend(internal);
        self.rate.extend(rate);
        self.rate_alone.extend(rate_alone);
        self.conjunction.extend(conjunction);
        self.not_joining.extend(not_joining);
        self.verb.extend(verb);
        self.say.extend(say);
        self.zh_digits.push_str(&zh_digits);
        self.en_numbers.extend(en_numbers);
        self.en_thresholds.extend(en_thresholds);
        self.once_before.extend(once_before);
        self.within.extend(within);
        self.each.extend(each);
        self.weekday.extend(weekday);
        self.occasion_openers.extend(occasion_openers);
        self.filler.extend(filler);
        self.purpose.extend(purpose);
        self.compounds.extend(compounds);
        self.trigger_openers.extend(trigger_openers);
        self.trigger_endings.extend(trigger_endings);
        self.trigger_unable.extend(trigger_unable);
        self.trailing_triggers.extend(trailing_triggers);
        self.paper_names.extend(paper_names);
        self.speech_names.extend(speech_names);
        self.predicate_joins.extend(predicate_joins);
        self.trigger_not.extend(trigger_not);
        self.effect.extend(effect);
        self.customer_duty.extend(customer_duty);
        self.customer_self.extend(customer_self);
        self.beforehand.extend(beforehand);
        self.customer_may.extend(customer_may);
        self.customer_offer.extend(customer_offer);
        self.customer_receives.extend(customer_receives);
        self.not_duty.extend(not_duty);
        self.survey.extend(survey);
        self.survey_rates.extend(survey_rates);
        self.phone_before.extend(phone_before);
        self.phone_after.extend(phone_after);
    }

    /// An empty entry would match everywhere: refuse it, naming its list.
    fn check_words(&self, file: &str) -> Result<(), RulesError> {
        let plain: [(&str, &[String]); 30] = [
            ("not_vague", &self.not_vague),
            ("observable", &self.observable),
            ("observable_how", &self.observable_how),
            ("act", &self.act),
            ("time_anchor", &self.time_anchor),
            ("absence", &self.absence),
            ("not_absence", &self.not_absence),
            ("decorative", &self.decorative),
            ("zh_units.time", &self.zh_units.time),
            ("zh_units.count", &self.zh_units.count),
            ("en_units.time", &self.en_units.time),
            ("en_units.count", &self.en_units.count),
            ("manner_openers", &self.manner_openers),
            ("manner_hours", &self.manner_hours),
            ("manner_acts", &self.manner_acts),
            ("keep", &self.keep),
            ("kept_state", &self.kept_state),
            ("generic", &self.generic),
            ("customer", &self.customer),
            ("internal", &self.internal),
            ("rate", &self.rate),
            ("rate_alone", &self.rate_alone),
            ("conjunction", &self.conjunction),
            ("not_joining", &self.not_joining),
            ("verb", &self.verb),
            ("say", &self.say),
            ("en_numbers", &self.en_numbers),
            ("en_thresholds", &self.en_thresholds),
            ("once_before", &self.once_before),
            ("within", &self.within),
        ];
        let more: [(&str, &[String]); 18] = [
            ("trailing_triggers", &self.trailing_triggers),
            ("paper_names", &self.paper_names),
            ("speech_names", &self.speech_names),
            ("customer_receives", &self.customer_receives),
            ("not_duty", &self.not_duty),
            ("customer_may", &self.customer_may),
            ("customer_offer", &self.customer_offer),
            ("survey", &self.survey),
            ("survey_rates", &self.survey_rates),
            ("phone_before", &self.phone_before),
            ("phone_after", &self.phone_after),
            ("customer_duty", &self.customer_duty),
            ("customer_self", &self.customer_self),
            ("beforehand", &self.beforehand),
            ("each", &self.each),
            ("weekday", &self.weekday),
            ("occasion_openers", &self.occasion_openers),
            ("filler", &self.filler),
        ];
        let tagged = self
            .vague_endings
            .iter()
            .map(|(w, _)| ("vague_endings", w))
            .chain(self.manner_nouns.iter().map(|(w, _)| ("manner_nouns", w)));
        let vague = self.vague.iter().flat_map(|rule| {
            let occasion = rule.excused_by.iter().flatten().flat_map(|e| match e {
                Excuse::Occasion { words } => words.as_slice(),
                _ => &[],
            });
            rule.words.iter().chain(occasion).map(|w| ("vague", w))
        });
        let empty = plain
            .iter()
            .chain(&more)
            .flat_map(|(name, words)| words.iter().map(move |w| (*name, w)))
            .chain(tagged)
            .chain(vague)
            .find(|(_, w)| w.trim().trim_end_matches('*').is_empty());
        match empty {
            Some((name, _)) => Err(RulesError::Meaning {
                file: file.to_owned(),
                message: format!("an empty word in `{name}`"),
            }),
            None => Ok(()),
        }
    }

    /// Every category has a rule saying what excuses it.
    ///
    /// # Errors
    /// The first category without one.
    pub fn check_complete(&self, file: &str) -> Result<(), RulesError> {
        for category in Category::ALL {
            let said = self
                .vague
                .iter()
                .any(|r| r.category == category && r.excused_by.is_some());
            if !said {
                return Err(RulesError::Meaning {
                    file: file.to_owned(),
                    message: format!(
                        "no rule says what excuses a `{}` word (`excused_by`)",
                        category.as_str()
                    ),
                });
            }
        }
        Ok(())
    }
}

/// The user's configuration folder for servstd, beside where the window
/// keeps its recovery data: `$XDG_CONFIG_HOME/servstd` or
/// `~/.config/servstd` on Linux and BSD, `~/Library/Application
/// Support/servstd` on macOS, `%APPDATA%\servstd` on Windows.
#[must_use]
pub fn config_dir() -> Option<PathBuf> {
    use std::env::var_os;
    if cfg!(target_os = "macos") {
        std::env::home_dir().map(|h| h.join("Library/Application Support/servstd"))
    } else if cfg!(windows) {
        var_os("APPDATA").map(|d| PathBuf::from(d).join("servstd"))
    } else {
        var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::home_dir().map(|h| h.join(".config")))
            .map(|d| d.join("servstd"))
    }
}

/// Where the user's own words file is looked for.
#[must_use]
pub fn user_file() -> Option<PathBuf> {
    config_dir().map(|d| d.join(USER_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses_and_names_every_category() {
        let file = RuleFile::parse(SHIPPED_NAME, SHIPPED).expect("the shipped rules parse");
        file.check_complete(SHIPPED_NAME).expect("complete");
        assert!(file.vague.iter().map(|r| r.words.len()).sum::<usize>() > 100);
    }

    #[test]
    fn a_mistake_is_reported_with_file_line_and_column() {
        let err = RuleFile::parse(
            "mine.ron",
            "(\n  vague: [\n    (category: sometimes),\n  ],\n)",
        )
        .unwrap_err();
        let RulesError::Syntax { line, column, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!((*line, *column), (3, 16), "{err}");
        assert!(err.to_string().starts_with("mine.ron:3:16: "), "{err}");
        let err = RuleFile::parse("mine.ron", "(\n  nonsense: [],\n)").unwrap_err();
        assert!(err.to_string().starts_with("mine.ron:2:"), "{err}");
        let err = RuleFile::parse("mine.ron", "(act: [\"\"])").unwrap_err();
        assert_eq!(err.to_string(), "mine.ron: an empty word in `act`");
    }

    #[test]
    fn a_users_file_adds_words_and_may_replace_an_excuse() {
        let mut file = RuleFile::parse(SHIPPED_NAME, SHIPPED).expect("parses");
        let mine = RuleFile::parse(
            "mine.ron",
            "(vague: [(category: manner, words: [\"走心\"]), \
             (category: approximate, excused_by: [figure(clause)])], not_vague: [\"热情度\"])",
        )
        .expect("parses");
        file.merge(mine);
        let manner = file.vague.iter().find(|r| r.category == Category::Manner);
        assert!(manner.is_some_and(|r| r.words.iter().any(|w| w == "走心")));
        let approximate = file
            .vague
            .iter()
            .find(|r| r.category == Category::Approximate);
        assert_eq!(
            approximate.and_then(|r| r.excused_by.clone()),
            Some(vec![Excuse::Figure(Scope::Clause)])
        );
        assert!(file.not_vague.iter().any(|w| w == "热情度"));
        file.check_complete(SHIPPED_NAME).expect("still complete");
    }
}
