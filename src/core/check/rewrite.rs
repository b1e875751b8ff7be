//! Measurable rewrites of a vague standard: for each vague word (or the
//! slogan, or the bare act) the checker finds, a measurable form with
//! slots for what only the manager knows (及时回复 → 在[2]小时内回复).
//!
//! The rewrites are data, `assets/checker-rewrites.ron`, beside the word
//! lists: rules by language, by the word's category (or the word itself)
//! and optionally by the standard's kind, and test pairs (input → expected
//! rewrite) that must hold when the file loads, so a rule that stops
//! producing what its author meant is a load error naming the pair.

use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

use super::lexicon::Lexicon;
use super::measurable::Vagueness;
use super::rulebook::{Category, RulesError};
use super::tokens::Tokens;
use crate::core::i18n::script::language_of;
use crate::core::model::{Language, StandardKind};

/// The name the shipped file goes by in errors.
pub const SHIPPED_NAME: &str = "assets/checker-rewrites.ron";

/// The shipped rewrites, embedded at build time.
pub const SHIPPED: &str = include_str!("../../../assets/checker-rewrites.ron");

use runs::{LIST_MARKS, before_noun, english_list_end, list_around, next_word, runs};
use text::{
    CLOSE, OPEN, as_possible, ends_with_word, framed, has_word, hedged_verb, is_adverb, is_closing,
    marked_for, render, slots_pair, spaced, tidy, unmark,
};

/// What a rule rewrites: a category of vague word, or a finding that has
/// no vague word (a slogan, a generic act, nothing to check).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Time,
    Manner,
    Quality,
    Effort,
    Frequency,
    Amount,
    Judgement,
    Feeling,
    Approximate,
    Hedge,
    /// A number that only decorates (一站式, 200%).
    Decorative,
    /// A generic act with nothing beside it (检查设备).
    Generic,
    /// Nothing an inspector could check.
    NoCriterion,
    /// What the customer must or may do, where staff should be checking
    /// it (顾客须先交费后方可进入): answered with the staff's act.
    CustomerDuty,
}

impl From<Category> for Target {
    fn from(category: Category) -> Self {
        match category {
            Category::Time => Self::Time,
            Category::Manner => Self::Manner,
            Category::Quality => Self::Quality,
            Category::Effort => Self::Effort,
            Category::Frequency => Self::Frequency,
            Category::Amount => Self::Amount,
            Category::Judgement => Self::Judgement,
            Category::Feeling => Self::Feeling,
            Category::Approximate => Self::Approximate,
            Category::Hedge => Self::Hedge,
        }
    }
}

/// Where a rule's text goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// In place of the word.
    #[default]
    Word,
    /// The word goes; the text is added at the end of the word's clause.
    ClauseEnd,
    /// The word stays; the text is added before it (在[2]小时内 before 处理).
    Before,
    /// The word stays; the text is added at the end of its clause
    /// ("Handle complaints" + " within [24] hours").
    Append,
    /// The text replaces the word's whole clause.
    Clause,
    /// The word stays; the text says what it means here, after a colon at
    /// the end of the standard ("We will be polite" + ": staff greet you by
    /// name"), where the checker reads it as the word's criterion.
    Gloss,
}

/// One rewrite rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
// The file's flags, each a field of its own, as a rule says them in RON.
#[allow(clippy::struct_excessive_bools)]
pub struct Rule {
    pub lang: Language,
    pub on: Target,
    /// The words this rule is for (lower case for Latin); empty: any word of `on`.
    #[serde(default)]
    pub words: Vec<String>,
    /// Only for standards of this kind.
    #[serde(default)]
    pub kind: Option<StandardKind>,
    /// Only where no gloss is given: the word's gloss comes first, and
    /// this where it would make the rewrite vague or too long.
    #[serde(default)]
    pub fallback: bool,
    /// The measurable form; `[…]` marks a slot with its default.
    pub with: String,
    #[serde(default)]
    pub place: Place,
    /// Text put at the end of the sentence as well: a hedge's aim as the
    /// share of cases that must meet it (尽力提供 → 提供…，达标率≥[95]%).
    #[serde(default)]
    pub tail: String,
    /// Text right after the word that goes with it (地 in 热情地问候).
    #[serde(default)]
    pub after: Vec<String>,
    /// Only when one of `after` follows the word (满意的答复, not 让顾客满意).
    #[serde(default)]
    pub needs_after: bool,
    /// Only when one of these follows the word, which stays: what the word
    /// does to it decides the rewrite (积极 before 开展活动 is how often,
    /// before 协调处理 how soon).
    #[serde(default)]
    pub followed_by: Vec<String>,
    /// Only when one of these is in the word's clause (lower case; a Latin
    /// one at a word's start): the act the word times, wherever it stands
    /// ("answer the phone promptly" is rings, "refunds are processed
    /// promptly" working days).
    #[serde(default)]
    pub in_clause: Vec<String>,
    /// Text right before the word that goes with it ("be " in "be friendly").
    #[serde(default)]
    pub before: Vec<String>,
    /// Only when one of `before` precedes the word.
    #[serde(default)]
    pub needs_before: bool,
    /// Only when a negator ([`Rewrites::negators`]) comes before the word in
    /// its clause (不得…推诿, "never be rude"): the text is then what may
    /// not be done, or (with `before` swallowing the negator) what must.
    /// For a negated word with no such rule, the other rules serve.
    #[serde(default)]
    pub negated: bool,
    /// Only where the standard names someone served or a meeting with them
    /// (one of [`Rewrites::encounters`]; in English, in the word's clause):
    /// a smile is for greeting a guest, not for installing a system or
    /// being charged for time.
    #[serde(default)]
    pub in_encounter: bool,
    /// Only in a standard of the served one's own conduct (one of
    /// [`Rewrites::conduct`] as its subject: "Clients must communicate
    /// respectfully"): what they may not do there, not what staff show.
    #[serde(default)]
    pub own_conduct: bool,
}

/// An input and the rewrite it must get, checked when the file loads.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub input: String,
    pub expect: String,
    #[serde(default)]
    pub kind: Option<StandardKind>,
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rewrites {
    /// Degree words before a vague word that go with it (十分 in 十分热情).
    pub before: Vec<String>,
    /// Words that negate what follows them in a clause (不得, 禁止, "never"):
    /// a smile put in place of 冷淡 after 不得 would forbid smiling.
    pub negators: Vec<String>,
    /// Negators of what cannot be done (不能, 无法): one whose phrase ends in
    /// 的 before the word names the cases (不能马上办理的耐心说明): it
    /// negates nothing after it.
    pub unable: Vec<String>,
    /// Words of a sanction (给予, 处分, 追究): a word in the case one
    /// follows (…推诿服务对象的，给予批评) is what may not be done.
    pub sanctions: Vec<String>,
    /// Chinese modals a time limit after them takes 在 with (要在[1]分钟内告知).
    pub modals: Vec<String>,
    /// Chinese verbs a quality word before them says the manner of, where
    /// the checker knows no act (合理设计产品 → 按[规范]第[3]条设计产品, not
    /// 符合…条的设计产品).
    pub verbs: Vec<String>,
    /// What the customer gets (得到, 获得): a time limit before one and the
    /// act it times leads them (在[2]小时内得到处理).
    pub received: Vec<String>,
    /// What a time limit can run from (投诉, 申请, 报修): a judgement act
    /// in a standard with none of these (维护权益, 落实服务)
    /// gets no stock time; the next rule serves.
    pub cases: Vec<String>,
    /// Hedges that take a figure ("aim to", "try to"): kept where a word after
    /// them in their clause is rewritten, whose figure then states them
    /// ("We aim to repair faults within [5] working days").
    pub aims: Vec<String>,
    /// Who is served and the acts of meeting them (customer, guest, greet,
    /// answer): a rule with `in_encounter` serves only a clause naming one.
    pub encounters: Vec<String>,
    /// Who is served, opening a standard as its subject (Clients must …,
    /// 探视者保持…, 请…): the standard is their own conduct, and a rule with
    /// `in_encounter` (a smile for meeting them) does not serve it.
    pub conduct: Vec<String>,
    pub rules: Vec<Rule>,
    pub tests: Vec<Pair>,
}

/// A proposed rewrite of one standard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The rewrite with its slots bracketed: `在[2]小时内回复`.
    pub marked: String,
    /// The rewrite with the slots' defaults in place: `在2小时内回复`.
    pub filled: String,
    /// The byte ranges of the slots' defaults in `filled`, in order.
    pub slots: Vec<Range<usize>>,
    /// The words (or slogan, or act) the rewrite replaces, in text order.
    pub words: Vec<String>,
}

impl Rewrites {
    /// Parses a rewrites file and checks every rule's slots and every test
    /// pair; `file` names it in errors.
    ///
    /// # Errors
    /// A syntax error (with line and column), a rule whose brackets do not
    /// pair, or a test pair whose rewrite is not the expected one (naming it).
    pub fn parse(file: &str, text: &str, lexicon: &Lexicon) -> Result<Self, RulesError> {
        let parsed = Self::parse_untested(file, text)?;
        match parsed.failing_pairs(lexicon).into_iter().next() {
            Some(message) => Err(RulesError::Meaning {
                file: file.to_owned(),
                message,
            }),
            None => Ok(parsed),
        }
    }

    /// Parses a rewrites file without running its test pairs (to list
    /// every failing pair with [`Rewrites::failing_pairs`]).
    ///
    /// # Errors
    /// A syntax error (with line and column) or a rule whose brackets do not pair.
    pub fn parse_untested(file: &str, text: &str) -> Result<Self, RulesError> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let parsed: Self = options.from_str(text).map_err(|err| RulesError::Syntax {
            file: file.to_owned(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.to_string(),
        })?;
        if let Some(rule) = parsed.rules.iter().find(|r| !slots_pair(&r.with)) {
            return Err(RulesError::Meaning {
                file: file.to_owned(),
                message: format!(
                    "the rewrite \"{}\" has a [ without its ] or the other way",
                    rule.with
                ),
            });
        }
        Ok(parsed)
    }

    /// The test pairs whose rewrite is not the expected one, each said as
    /// `test pair "input" → "expected": the rules give "…"`.
    #[must_use]
    pub fn failing_pairs(&self, lexicon: &Lexicon) -> Vec<String> {
        let mut out = Vec::new();
        for pair in &self.tests {
            let got = self
                .suggest_with(lexicon, &pair.input, language_of(&pair.input), pair.kind)
                .map(|s| s.marked);
            if got.as_deref() != Some(pair.expect.as_str()) {
                out.push(format!(
                    "test pair \"{}\" → \"{}\": the rules give {}",
                    pair.input,
                    pair.expect,
                    got.map_or_else(|| "no rewrite".to_owned(), |g| format!("\"{g}\""))
                ));
            }
        }
        out
    }

    /// The shipped rewrites, read and tested once.
    ///
    /// # Panics
    /// If the shipped file is malformed or a pair fails; a unit test guards against that.
    pub fn builtin() -> &'static Self {
        static SHIPPED_REWRITES: OnceLock<Rewrites> = OnceLock::new();
        SHIPPED_REWRITES.get_or_init(|| {
            Self::parse(SHIPPED_NAME, SHIPPED, Lexicon::builtin())
                .unwrap_or_else(|err| panic!("{err}"))
        })
    }

    /// The rewrite of `text`, a standard in `lang` of `kind` (read from
    /// the text when `None`), or `None` when the checker finds it
    /// measurable or no rule applies.
    #[must_use]
    pub fn suggest_with(
        &self,
        lexicon: &Lexicon,
        text: &str,
        lang: Language,
        kind: Option<StandardKind>,
    ) -> Option<Suggestion> {
        let clean: String = text.chars().filter(|c| !text::is_mark(*c)).collect();
        let kind = kind.or_else(|| super::suggest_kind(&clean));
        let first = super::assess_with(lexicon, &clean);
        first.vagueness.as_ref()?;
        if let Some(dropped) = drop::modifiers_dropped(lexicon, &clean, &first, lang, &self.rules) {
            return Some(dropped);
        }
        // Tried with glosses first; a gloss that would make the rewrite more
        // than twice as long, or leave it vague, gives way to the words'
        // other rules, and a word kept to mend a gap to its old edit.
        let limit = 2 * clean.chars().count();
        let mut tries = [
            Try {
                gloss: true,
                mend: true,
            },
            Try {
                gloss: false,
                mend: true,
            },
            Try {
                gloss: false,
                mend: false,
            },
        ]
        .into_iter()
        .peekable();
        while let Some(attempt) = tries.next() {
            let (built, words) = self.build(lexicon, &clean, lang, kind, attempt)?;
            if built.contains(text::GLOSS) {
                // Every word's gloss, or as many as keep it short enough.
                for most in (1..=8).rev() {
                    let placed = gloss::place_glosses(&built, lang, most);
                    let (filled, _) = unmark(&placed);
                    if filled.chars().count() <= limit
                        && super::assess_with(lexicon, &filled).vagueness.is_none()
                    {
                        return Some(render(&text::place_tails(&placed, lang, limit), words));
                    }
                }
                continue;
            }
            let placed = text::place_tails(&built, lang, limit);
            // A word kept where its going would leave a gap makes the
            // rewrite longer: past twice the original, it goes after all.
            if unmark(&placed).0.chars().count() > limit && attempt.mend && tries.peek().is_some() {
                continue;
            }
            return Some(render(&placed, words));
        }
        None
    }

    /// The rewrite of `clean` built in passes, with its words, before its
    /// glosses and tails are placed, as `attempt` allows.
    fn build(
        &self,
        lexicon: &Lexicon,
        clean: &str,
        lang: Language,
        kind: Option<StandardKind>,
        attempt: Try,
    ) -> Option<(String, Vec<String>)> {
        // Rewrite in passes, reading the text again after each: a vague word
        // a rewrite has stated (处理 once 在[2]小时内 stands before it) is left
        // alone, and a slogan left over once the words are gone gets its turn.
        let mut marked = clean.to_owned();
        let mut words = Vec::new();
        // A finding about the whole standard (no criterion, or the customer's
        // duty) is answered once: what is added stands, and adding it again
        // would only repeat it.
        let mut whole_answered = false;
        for pass in 0..4 {
            let (filled, map) = unmark(&marked);
            let assessment = super::assess_with(lexicon, &filled);
            let Some(vagueness) = assessment.vagueness.as_ref() else {
                break;
            };
            let whole = matches!(vagueness, Vagueness::NoCriterion | Vagueness::CustomerDuty);
            // A customer's duty a rewrite made plain gets no wrapper unasked.
            let late_duty = pass > 0 && *vagueness == Vagueness::CustomerDuty;
            // A hedge's tail (达标率≥[95]%) is the criterion a standard
            // left with none needs: 尽可能按时送达 → 按时送达，达标率≥[95]%.
            let tailed = *vagueness == Vagueness::NoCriterion && marked.contains(text::TAIL);
            if whole && whole_answered || late_duty || tailed {
                break;
            }
            whole_answered |= whole;
            let edits = self.edits(
                &filled,
                &assessment,
                vagueness,
                (lang, kind, attempt),
                &words,
                marked.contains(text::GLOSS),
            );
            if edits.is_empty() {
                break;
            }
            let mut out = String::new();
            let mut at = 0;
            for (range, with, word) in edits {
                let (start, end) = (map[range.start], map[range.end]);
                // A slot's default is the manager's to change, not a word to
                // rewrite again (符合[公告標準] stays whole).
                let in_slot = |at: usize| {
                    let before = &marked[..at];
                    before
                        .rfind(OPEN)
                        .is_some_and(|o| before.rfind(CLOSE).is_none_or(|c| c < o))
                };
                // A deletion that overlaps the last edit ("prompt and" gone,
                // then "and polite") deletes what is left of it.
                let start = if with.is_empty() && start < at && end > at {
                    at
                } else {
                    start
                };
                if start < at
                    || in_slot(start)
                    || in_slot(end)
                    || text::cuts_a_word(&filled, &range)
                {
                    continue;
                }
                let Some((start, with)) = fit::once(&marked, &out, at, start..end, with) else {
                    continue;
                };
                if !word.is_empty() {
                    words.push(word);
                }
                out.push_str(&marked[at..start]);
                out.push_str(&with);
                at = end;
            }
            out.push_str(&marked[at..]);
            marked = tidy(&out, lang, clean);
        }
        (!words.is_empty()).then_some((marked, words))
    }

    /// One pass's edits of `text` (no slot marks), sorted: the vague words
    /// nothing states (a judgement act only when no other word is left),
    /// or the slogan, the generic act, the missing criterion.
    fn edits(
        &self,
        text: &str,
        assessment: &super::Assessment,
        vagueness: &Vagueness,
        (lang, kind, attempt): (Language, Option<StandardKind>, Try),
        words: &[String],
        gloss_placed: bool,
    ) -> Vec<(Range<usize>, String, String)> {
        let mut targets: Vec<(Range<usize>, Target)> = assessment
            .ungoverned()
            .map(|w| (w.range.clone(), Target::from(w.category)))
            .collect();
        // A word rewritten once and still vague is left as it is: no rule
        // makes it better, and a second rewrite would only pile up text.
        targets.retain(|(r, _)| {
            !words
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&text[r.clone()]))
        });
        // A heading before a colon (文明服务：…, "Respectful: …") names
        // the standard; the criterion after it states it, and rewriting it
        // loses the name (a fresh reader's "label dropped").
        if let Some(end) = text::label_end(text) {
            targets.retain(|(r, _)| r.start > end);
        }
        // What a feeling names (感到不舒服, 觉得被怠慢) is what is felt: the
        // survey that measures the feeling measures it too.
        let feelings: Vec<Range<usize>> = assessment
            .vague_words
            .iter()
            .filter(|w| w.category == Category::Feeling)
            .map(|w| w.range.clone())
            .collect();
        let tokens = Tokens::new(text);
        if !feelings.is_empty() {
            targets.retain(|(r, t)| {
                *t == Target::Feeling
                    || !feelings.iter().any(|f| {
                        r.start >= f.end && tokens.clause_of(r.start) == tokens.clause_of(f.start)
                    })
            });
        }
        // A gloss placed states a judgement act as any criterion does, though
        // the passes read the text without it (及时、深入的服务照顾：…).
        if gloss_placed || targets.iter().any(|(_, t)| *t != Target::Judgement) {
            targets.retain(|(_, t)| *t != Target::Judgement);
        } else {
            // One judgement act at a time: the first's criterion states the rest.
            targets.truncate(1);
        }
        if targets.is_empty() {
            let found = |what: &str| text.find(what).map(|at| at..at + what.len());
            match vagueness {
                Vagueness::Decorative { text: t } => {
                    targets.extend(found(t).map(|r| (r, Target::Decorative)));
                }
                Vagueness::Generic { act } => {
                    targets.extend(found(act).map(|r| (r, Target::Generic)));
                }
                Vagueness::NoCriterion | Vagueness::CustomerDuty => {
                    let target = if *vagueness == Vagueness::CustomerDuty {
                        Target::CustomerDuty
                    } else {
                        Target::NoCriterion
                    };
                    // What is added goes before the closing marks, not after them.
                    let end = text.trim_end_matches(is_closing).len();
                    targets.push((0..end, target));
                }
                Vagueness::Empty | Vagueness::VagueWord { .. } => {}
            }
        }
        // "We aim to repair faults quickly": the hedge stays for its clause's
        // new figure to state, as a figure does (we aim to answer within 30
        // seconds); a later pass rewrites it if none comes.
        let aims: Vec<Range<usize>> = targets
            .iter()
            .filter(|(r, t)| {
                *t == Target::Hedge && {
                    let word = text[r.clone()].to_lowercase();
                    self.aims.iter().any(|a| word.starts_with(a.as_str()))
                }
            })
            .filter(|(r, _)| {
                targets.iter().any(|(o, t)| {
                    !matches!(t, Target::Hedge | Target::Feeling)
                        && o.start >= r.end
                        && tokens.clause_of(o.start) == tokens.clause_of(r.start)
                })
            })
            .map(|(r, _)| r.clone())
            .collect();
        targets.retain(|(r, _)| !aims.contains(r));
        let glosses = if attempt.gloss {
            Glosses::Yes
        } else {
            Glosses::No
        };
        let mut edits: Vec<(Range<usize>, String, String)> = Vec::new();
        // One survey figure states every feeling of the standard.
        let mut felt = false;
        let starts: Vec<usize> = targets.iter().map(|(r, _)| r.start).collect();
        for (mut range, target, joined) in runs(text, targets) {
            if target == Target::Feeling {
                if felt {
                    continue;
                }
                felt = true;
            }
            // A phrase read by its form (环境要整洁明亮) is rewritten from the
            // first word a rule names in it, the rest of it kept (环境要…);
            // a run of words that describe the one a rule names (亲切友好的
            // 态度) goes whole, by that word's rule, or the words before it
            // would be rewritten again beside its rewrite.
            let mut ruled_from = range.start;
            if lang != Language::En {
                // Named by a rule in the word's place: a gloss keeps the word.
                let named = |at: usize| {
                    self.rules.iter().any(|r| {
                        r.lang == lang
                            && r.on == target
                            && r.place != Place::Gloss
                            && r.words
                                .iter()
                                .any(|w| text[at..range.end].starts_with(w.as_str()))
                    })
                };
                if !named(range.start)
                    && let Some(at) = text[range.clone()]
                        .char_indices()
                        .map(|(i, _)| range.start + i)
                        .find(|at| named(*at))
                {
                    ruled_from = at;
                    // 亲切友好的态度: the words before 态度 describe it and go
                    // with it; 营造舒适: 营造 stays, as a word of its own.
                    let described = LIST_MARKS
                        .iter()
                        .any(|mark| text[range.start..at].ends_with(mark));
                    if !(joined && described) {
                        range.start = at;
                    }
                }
            }
            let word = &text[range.clone()];
            let ruled = &text[ruled_from..range.end];
            let rest = &text[range.end..];
            let lead = &text[..range.start];
            // "treated with respect" rewritten whole: its "respect" is done.
            let inside = |r: &Range<usize>| r.start <= range.start && range.end <= r.end;
            if edits.iter().any(|(r, _, _)| !r.is_empty() && inside(r)) {
                continue;
            }
            // A negator's reach: the word's clause, and a list it ends
            // (不得推诿、敷衍或拖延: all three are forbidden).
            let mut from = tokens.clause_around(range.start).start.min(range.start);
            while from > 0 && text[..from].ends_with('、') {
                from = tokens.clause_around(from - '、'.len_utf8()).start;
            }
            let (negated, double) = self.negates(&text[from..range.start], word, lang);
            let negated = negated || self.sanctioned(&text[range.end..]);
            let clause = tokens.clause_around(range.start);
            // Lower case already: the tokens' text, whose offsets are the text's.
            let clause = &tokens.lower[clause.start.min(range.start)..clause.end.max(range.end)];
            let around = Around { lead, rest, clause };
            let Some(rule) = self
                .rule(lang, target, kind, ruled, &around, (negated, glosses))
                .or_else(|| {
                    negated
                        .then(|| self.rule(lang, target, kind, ruled, &around, (false, glosses)))
                        .flatten()
                        // "Do not speak critically about anyone": an English
                        // manner negated keeps its place; dropped or replaced,
                        // the ban would widen or forbid the act put in (a smile).
                        .filter(|r| {
                            lang != Language::En
                                || target != Target::Manner
                                || r.place == Place::Gloss
                        })
                })
            else {
                continue;
            };
            let mut start = range.start;
            if double && rule.negated && rule.place == Place::Word {
                start -= '不'.len_utf8();
            }
            if matches!(rule.place, Place::Word | Place::ClauseEnd) {
                let swallowed = rule
                    .before
                    .iter()
                    .chain(&self.before)
                    .find(|d| ends_with_word(&tokens.lower[..start], d));
                if let Some(degree) = swallowed {
                    start -= degree.len();
                }
            }
            let mut end = range.end;
            if let Some(after) = rule
                .after
                .iter()
                .find(|a| text[end..].starts_with(a.as_str()))
            {
                end += after.len();
            }
            let with = marked_for(&rule.with, word);
            let pushed = edits.len();
            let mut place = runs::placed(rule.place, text, start..end, &with, lang);
            // "the seriousness of the case", "committed to excellence in":
            // where the word's going would leave a gap, it stays, and what
            // states it follows it.
            let put = if place == Place::Word {
                with.as_str()
            } else {
                ""
            };
            if lang == Language::En
                && matches!(place, Place::Word | Place::ClauseEnd)
                && text::leaves_a_gap(text, start..end, put)
            {
                if attempt.mend {
                    place = Place::Append;
                } else if let Some(at) = text::preposition_before(text, start, &with) {
                    // Too long to keep: "with fairness" gives way to "per
                    // [checklist] item [3]" whole, not "with per …".
                    start = at;
                }
            }
            // "Patients must arrive early": what staff do about it.
            if target == Target::CustomerDuty
                && duty::takes_parts(&with)
                && let Some(duty) = if lang == Language::En {
                    duty::english(text, range.end)
                } else {
                    duty::chinese(text, range.end, &rule.in_clause)
                }
            {
                edits.push((range.clone(), duty::said(&with, &duty), word.to_owned()));
                continue;
            }
            // "prompt and serious attention": a phrase put in place of one
            // adjective of an English list breaks the list; the list stays,
            // and each word's phrase says what it means here after a colon.
            // A rule for the word's whole clause does so too, but a feeling's.
            let listable = |r: &Rule| {
                r.place == Place::Word
                    || r.place == Place::Clause && r.on != Target::Feeling && !r.with.contains('{')
            };
            if listable(rule) && attempt.gloss && gloss::in_list(text, start..range.end, lang) {
                let mut items = String::new();
                for part in runs::listed(word) {
                    let part_rule = if part == word {
                        Some(rule)
                    } else {
                        self.rule(lang, target, kind, part, &around, (negated, Glosses::No))
                    };
                    let item = part_rule
                        .filter(|r| listable(r))
                        .and_then(|r| gloss::item_of(&marked_for(&r.with, part)));
                    if let Some(item) = item {
                        items.push_str(&gloss::glossed(&item));
                    }
                }
                if !items.is_empty() {
                    edits.push((end..end, items, word.to_owned()));
                    continue;
                }
            }
            match place {
                Place::Word => {
                    let verb = fit::act_at(&assessment.elements, &self.verbs, text, end);
                    let with = fit::to_next(with, &text[end..], lang, verb);
                    let (start, end, with) =
                        framed(text, start..end, with, (lang, &self.modals, &self.received));
                    // "The office aims to decide": the hedge goes and its
                    // verb takes the subject's -s ("The office decides").
                    if lang == Language::En
                        && with.is_empty()
                        && let Some((verb_end, verb)) = hedged_verb(text, start..end)
                    {
                        edits.push((start..verb_end, verb, word.to_owned()));
                    } else {
                        let with = spaced(text, start..end, with, lang);
                        edits.push((start..end, with, word.to_owned()));
                    }
                }
                Place::Gloss => {
                    // The word stays, named: the gloss is its criterion, and
                    // each word of a list it heads (热情、耐心、细致) adds its own.
                    let mut items = gloss::glossed(&gloss::addressed(&with, &tokens.lower, lang));
                    for part in runs::listed(word) {
                        let rule =
                            self.rule(lang, target, kind, part, &around, (negated, Glosses::Only));
                        if let Some(rule) = rule {
                            let with = marked_for(&rule.with, part);
                            let item = gloss::addressed(&with, &tokens.lower, lang);
                            items.push_str(&gloss::glossed(&item));
                        }
                    }
                    edits.push((end..end, items, word.to_owned()));
                }
                Place::Before => {
                    let at = if target == Target::CustomerDuty && lang != Language::En {
                        duty::chinese_at(text)
                    } else {
                        range.start
                    };
                    let at = at..at;
                    edits.push((at.clone(), spaced(text, at, with, lang), word.to_owned()));
                }
                Place::Clause => {
                    // 秉持客户第一、服务至上的理念: the list is one clause.
                    let clause = list_around(&tokens, text, range.start);
                    let body = text[..clause.end].trim_end_matches(is_closing);
                    let from = text[clause.start..].len() - text[clause.start..].trim_start().len();
                    let whole = clause.start + from..body.len().max(range.end);
                    let with = if rule.with.contains("{who}") {
                        text::felt(
                            &rule.with,
                            word,
                            &text[whole.clone()],
                            range.start - whole.start,
                            lang,
                        )
                    } else {
                        with
                    };
                    edits.push((whole, with, word.to_owned()));
                }
                Place::Append | Place::ClauseEnd => {
                    // Where the word's deletion ends, past an "and" it takes.
                    let mut reach = end;
                    if place == Place::ClauseEnd {
                        // "clear and concise information": the "and" goes
                        // with the word before a noun, not left dangling.
                        let before_word = lang == Language::En
                            && !is_adverb(word)
                            && next_word(text, end).is_some();
                        let (start, end) = if lang == Language::En {
                            as_possible(text, start..end)
                        } else {
                            (start, end)
                        };
                        let conjunction = ["and ", "or ", ", "]
                            .into_iter()
                            .find(|c| ends_with_word(&text[..start], c));
                        let from = match conjunction {
                            Some(c) if before_word => start - c.len(),
                            _ => start,
                        };
                        // "a friendly and supportive place": the "and" after
                        // the first of a noun's words goes with it.
                        let determined = ["a ", "an ", "the ", "our ", "your ", "their ", "its "]
                            .iter()
                            .any(|d| ends_with_word(&tokens.lower[..from], d));
                        // "offer informative and up-to-date messages": with no
                        // conjunction before the word, the one after it goes too.
                        let lone = conjunction.is_none() && !word.contains([',', ' ']);
                        let to = [", and ", " and ", ", ", " or "]
                            .iter()
                            .find(|c| {
                                text[end..].starts_with(*c)
                                    && (determined
                                        || starts.contains(&(end + c.len()))
                                        || lone && before_word && !c.starts_with(','))
                            })
                            .map_or(end, |c| end + c.len() - 1);
                        reach = to;
                        edits.push((from..to, String::new(), word.to_owned()));
                    }
                    // 高兴而来、满意而归: the parts of a list end where it ends.
                    // "a friendly, professional service": an English run's clause is the
                    // one it ends in, past its list's comma (an adverb's: before it).
                    let from = if lang == Language::En && (before_noun(text, end) || reach > end) {
                        (reach - usize::from(reach > 0 && is_adverb(word))).max(range.start)
                    } else {
                        range.start
                    };
                    // What is added goes after the list of nouns the word
                    // governs ("listen to your comments, suggestions and
                    // complaints" + " and reply …"; "timely news of delays,
                    // cancellations and diversions"), not inside it; a word
                    // that is one of the list's own (courtesy, respect and
                    // honesty) leaves its clause as it was.
                    let mut clause = list_around(&tokens, text, from);
                    if text
                        .get(reach..clause.end)
                        .is_some_and(|rest| rest.bytes().any(|b| b.is_ascii_alphabetic()))
                    {
                        clause.end = english_list_end(&tokens, clause.end);
                    }
                    let body = text[..clause.end].trim_end_matches(is_closing);
                    let moved = place != rule.place;
                    let at =
                        runs::appended_at(text, start..end, body.len().max(reach), moved, lang);
                    let with = spaced(text, at..at, with, lang);
                    if !edits.iter().any(|(r, w, _)| r.start == at && *w == with) {
                        // Appended, the word stays: it is named with the text added.
                        let named = if place == Place::Append { word } else { "" };
                        edits.push((at..at, with, named.to_owned()));
                    }
                }
            }
            if let Some((_, with, _)) = edits.get_mut(pushed) {
                *with = text::tailed(&rule.tail, std::mem::take(with));
            }
        }
        edits.sort_by_key(|(r, _, _)| (r.start, r.end));
        edits
    }

    /// The most specific rule for a word: one naming the word before one
    /// for its category, one for the standard's kind before one for any;
    /// only rules for a negated word if `negated`, none for one otherwise.
    fn rule(
        &self,
        lang: Language,
        target: Target,
        kind: Option<StandardKind>,
        word: &str,
        around: &Around<'_>,
        (negated, glosses): (bool, Glosses),
    ) -> Option<&Rule> {
        let lower = word.to_lowercase();
        let lead = around.lead.to_lowercase();
        let rest = around.rest;
        let rank = |r: &Rule| {
            usize::from(r.needs_before) * 4
                + usize::from(r.needs_after || !r.followed_by.is_empty() || !r.in_clause.is_empty())
                    * 4
                + usize::from(!r.words.is_empty()) * 2
                + usize::from(r.kind.is_some())
                // A gloss keeps the word and says what it means here: it
                // comes before a phrase put in the word's place, but after
                // a rule for the words around it.
                + usize::from(r.place == Place::Gloss && !r.words.is_empty())
        };
        // Whether the standard names someone met: in English, the word's
        // clause ("the time is charged at the service rate" meets no one
        // though the sentence names a client); in Chinese the whole
        // standard, as a list item (热情周到地予以满足) is a clause of its
        // own and who is met is named outside it.
        // Asked only of a rule that needs it (few do), and once.
        // Whether the standard is the served one's own conduct: asked by a
        // rule for it and by every encounter rule, computed once.
        let own = std::cell::OnceCell::new();
        let own = || *own.get_or_init(|| fit::own_conduct(&self.conduct, &lead, lang));
        let meets = std::cell::OnceCell::new();
        let meets = || {
            *meets.get_or_init(|| {
                let meets_in =
                    |scope: &str| self.encounters.iter().any(|w| has_word(scope, w, false));
                let met = if lang == Language::En {
                    meets_in(around.clause)
                } else {
                    meets_in(&format!("{lead}{word}{rest}"))
                };
                met && !own()
            })
        };
        let mut best: Option<&Rule> = None;
        let fitting = self
            .rules
            .iter()
            .filter(|r| r.lang == lang && r.on == target && r.negated == negated)
            .filter(|r| match glosses {
                Glosses::No => r.place != Place::Gloss,
                Glosses::Yes => !r.fallback,
                Glosses::Only => r.place == Place::Gloss,
            })
            .filter(|r| r.kind.is_none() || r.kind == kind)
            .filter(|r| {
                // A word ending in `$` is the whole word ("treat$", not "treated").
                r.words.is_empty()
                    || r.words.iter().any(|w| match w.strip_suffix('$') {
                        Some(whole) => lower == whole,
                        None => lower.starts_with(w.as_str()),
                    })
            })
            .filter(|r| !r.needs_after || r.after.iter().any(|a| rest.starts_with(a.as_str())))
            .filter(|r| {
                if r.followed_by.is_empty() {
                    return true;
                }
                // What follows, past a particle the rule takes with the word (积极地开展).
                let next = fit::past_after(r, rest);
                r.followed_by.iter().any(|f| match f.strip_suffix('$') {
                    Some(last) => next
                        .strip_prefix(last)
                        .is_some_and(|end| end.trim_matches(is_closing).is_empty()),
                    None => next.starts_with(f.as_str()),
                })
            })
            .filter(|r| {
                r.in_clause.is_empty()
                    || r.in_clause.iter().any(|w| match w.strip_suffix('$') {
                        Some(whole) => has_word(around.clause, whole, true),
                        None => has_word(around.clause, w, false),
                    })
            })
            .filter(|r| !r.needs_before || r.before.iter().any(|b| ends_with_word(&lead, b)))
            .filter(|r| r.on != Target::CustomerDuty || duty::fits(&r.with, &r.in_clause, word))
            .filter(|r| !r.in_encounter || meets())
            .filter(|r| !r.own_conduct || own())
            .filter(|r| fit::has_a_start(r, &self.cases, &lead, rest, lang))
            .filter(|r| fit::fits(r, &lead, rest, lang));
        // The first of the highest rank wins, so the file's order decides ties.
        for rule in fitting {
            if best.is_none_or(|b| rank(rule) > rank(b)) {
                best = Some(rule);
            }
        }
        best
    }
}

/// How a rewrite is tried: with glosses, and keeping a word whose going
/// would leave a gap (`mend`); each next try gives one of them up.
#[derive(Clone, Copy)]
struct Try {
    gloss: bool,
    mend: bool,
}

/// Which rules a rewrite may use: none that glosses (where a gloss would be
/// too long or leave the standard vague), any but a gloss's fallback, or
/// only glosses (the other words of a list a gloss heads).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Glosses {
    No,
    Yes,
    Only,
}

/// Where a vague word stands: the text before and after it, and its clause
/// (ASCII lower case).
struct Around<'a> {
    lead: &'a str,
    rest: &'a str,
    clause: &'a str,
}

/// The shipped rewrite of one standard (see [`Rewrites::suggest_with`]).
#[must_use]
pub fn suggest(text: &str, lang: Language, kind: Option<StandardKind>) -> Option<Suggestion> {
    Rewrites::builtin().suggest_with(Lexicon::builtin(), text, lang, kind)
}

mod drop;
mod duty;
mod fit;
mod gloss;
mod negate;
mod runs;
mod text;

#[cfg(test)]
mod tests;
