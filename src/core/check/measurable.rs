//! The measurability checker: is a standard specific enough that two
//! inspectors watching the same moment would agree whether it was met?
//!
//! The checker reads the sentence. It finds the vague words, the criteria
//! (a figure, a time limit or frequency, words to be said, an observable
//! act, a checkable absence) and the acts, and decides by what governs
//! what. A vague word is excused only by a criterion that states it:
//!
//! - a time or frequency word (及时, "regularly") by a time limit or
//!   frequency anywhere in the standard: 「及时，2小时内」;
//! - an amount word (足够) by a figure;
//! - a manner, effort or feeling word (热情, "warmly", 满意) by words to be
//!   said or an observable act in the same clause: a count of shifts or
//!   days elsewhere (每周两次热情回访) excuses nothing;
//! - a quality word (整洁, "tidy") by a measure, words to say or a
//!   checkable absence in the same clause;
//! - an act that is itself a judgement (处理, 协助, "help", "deal with") by
//!   any criterion of the standard;
//! - an approximate amount (几分钟, "a few minutes") never.
//!
//! Numbers that only decorate (一站式, 365天, "one step ahead") never count
//! and are vague themselves; the customer's acts (顾客起身时) are occasions,
//! not the staff's criteria. A standard with no vague word is measurable
//! when it says something concrete: a prohibition of a concrete act
//! (收银员不在柜台内吃东西) or a plain act ("Carry plates with two hands")
//! needs no verb from a list. A generic act with nothing beside it
//! (检查设备, "check the equipment") is not.

use crate::core::i18n::script::is_han;
use std::ops::Range;

use serde::Serialize;

use super::lexicon::{Category, Lexicon, List, Scan};

/// What kind of criterion was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ElementKind {
    /// A number with a unit or a count: 3 rings, 两小时, at least two options.
    Quantity,
    /// A time limit or frequency without a digit: before opening, 当天, every shift.
    TimeAnchor,
    /// Words to be said, in quotes.
    Quote,
    /// An act or fact an inspector ticks: both hands, by name, name badge.
    Observable,
    /// A checkable absence: 无污渍, no visible dust.
    Absence,
    /// A plain act (greets, asks): what is done, but no criterion by itself.
    Act,
    /// The customer's act that sets the moment (顾客起身时, "when the guest
    /// sits down"): it states when, never how, so it excuses only a time word.
    Occasion,
}

/// A criterion or act found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    pub kind: ElementKind,
    pub range: Range<usize>,
    pub text: String,
    /// A quantity of time or frequency (两小时, every 30 minutes, twice).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub time: bool,
    /// The customer's, not the staff's: inside an occasion such as
    /// 顾客起身时 or "when the guest sits down". It states when, never how.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub customer: bool,
    /// An observable that says how an act is done (双手, by name), which
    /// states a manner word beside it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub how: bool,
}

impl Element {
    /// Whether this element is a criterion (not a plain act) of the staff.
    #[must_use]
    pub fn is_criterion(&self) -> bool {
        !matches!(self.kind, ElementKind::Act | ElementKind::Occasion) && !self.customer
    }

    /// Whether this element names what is done rather than how: a plain act
    /// (问候) or an observable that is not a "how" (回访, 报出).
    #[must_use]
    pub fn is_plain_act(&self) -> bool {
        self.kind == ElementKind::Act || self.kind == ElementKind::Observable && !self.how
    }
}

/// A vague word found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VagueWord {
    pub range: Range<usize>,
    pub word: String,
    pub category: Category,
    /// The index in [`Assessment::elements`] of the criterion that states
    /// what this word leaves open; `None` when nothing does.
    pub governed_by: Option<usize>,
}

/// Why a standard is vague.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Vagueness {
    /// There is no text.
    Empty,
    /// A vague word, and no criterion that states it.
    VagueWord { word: String, category: Category },
    /// A number that decorates a wish (200%, 零距离) and nothing to check.
    Decorative { text: String },
    /// A generic act (检查, "check") with no object, figure or occasion.
    Generic { act: String },
    /// Nothing an inspector could check.
    NoCriterion,
}

/// The checker's answer for one standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Every vague word, governed or not.
    pub vague_words: Vec<VagueWord>,
    /// Criteria and acts, in text order.
    pub elements: Vec<Element>,
    /// `None` when measurable.
    pub vagueness: Option<Vagueness>,
}

impl Assessment {
    #[must_use]
    pub fn is_measurable(&self) -> bool {
        self.vagueness.is_none()
    }

    /// The vague words no criterion states: what an inspector would argue
    /// about, and what the editor underlines.
    pub fn ungoverned(&self) -> impl Iterator<Item = &VagueWord> {
        self.vague_words.iter().filter(|w| w.governed_by.is_none())
    }

    /// The criterion that governs `word`, if one does.
    #[must_use]
    pub fn governor(&self, word: &VagueWord) -> Option<&Element> {
        word.governed_by.and_then(|i| self.elements.get(i))
    }

    /// The strongest criterion found (a figure first, then a time, words to
    /// say, an observable act), which is what makes the standard measurable;
    /// `None` when it is measurable as a plain concrete act.
    #[must_use]
    pub fn criterion(&self) -> Option<&Element> {
        let rank = |k: ElementKind| match k {
            ElementKind::Quantity => 0,
            ElementKind::TimeAnchor => 1,
            ElementKind::Quote => 2,
            // Acts and occasions are no criteria and never reach here.
            ElementKind::Observable
            | ElementKind::Absence
            | ElementKind::Act
            | ElementKind::Occasion => 3,
        };
        self.elements
            .iter()
            .filter(|e| e.is_criterion())
            .min_by_key(|e| (rank(e.kind), e.range.start))
    }
}

/// Assesses one standard's text with the shipped word lists.
#[must_use]
pub fn assess(text: &str) -> Assessment {
    assess_with(Lexicon::builtin(), text)
}

/// Assesses one standard's text with the given word lists.
#[must_use]
pub fn assess_with(lexicon: &Lexicon, text: &str) -> Assessment {
    // A standard past its length is a validation error of its own; the
    // checker reads its first part only, so that its time stays bounded.
    let text = crate::core::model::limits::checked_part(text);
    // ASCII lowercasing keeps byte offsets, so ranges point into `text` too.
    let lower = text.to_ascii_lowercase();
    if lower.trim().is_empty() {
        return Assessment {
            vague_words: Vec::new(),
            elements: Vec::new(),
            vagueness: Some(Vagueness::Empty),
        };
    }

    let scan = lexicon.scan(&lower);
    let clauses = clauses(&lower);
    let clause_of = |at: usize| clauses.partition_point(|c| c.end <= at);
    let ranges = |list: List| scan.of(list).map(|(_, r)| r).collect::<Vec<_>>();
    let decorative = ranges(List::Decorative);
    let quotes = quotes(text);
    // Words inside an utterance to be said (说“请稍等”) are what is said, not a judgement.
    let utterances: Vec<Range<usize>> = quotes
        .iter()
        .filter(|q| is_utterance(&scan, &lower, q))
        .cloned()
        .collect();
    let occasions = occasions(&scan, &lower, &clauses);
    let mut shielded = ranges(List::NotVague);
    shielded.extend(utterances.iter().cloned());
    // The customer's need or feeling as a trigger (民眾需要協助時) is when, not how.
    shielded.extend(occasions.iter().cloned());

    // Vague words: the lists' own, and kept states (保持…清洁, "keep … clean").
    let keeps = ranges(List::Keep);
    let mut found: Vec<(Range<usize>, Category)> = scan
        .of(List::Vague)
        .map(|(i, range)| (range, lexicon.vague[i].1))
        .collect();
    for state in ranges(List::KeptState) {
        let kept = keeps
            .iter()
            .any(|k| k.end <= state.start && clause_of(k.start) == clause_of(state.start));
        if kept {
            found.push((state, Category::Quality));
        }
    }
    found.extend(english_manners(lexicon, &lower, &clauses));
    found.extend(chinese_manners(lexicon, &scan, &lower, &clauses));
    found.retain(|(range, _)| !shielded.iter().any(|s| covers(s, range)));
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    // Drop words inside longer ones (立即 inside 立即回复 is one finding, 全心全意 not also 全力).
    // Sorted by start, then longest first: a word is inside a kept one
    // exactly when it ends no later than the furthest kept end so far.
    let mut vague_words: Vec<VagueWord> = Vec::new();
    let mut furthest = 0;
    for (range, category) in found {
        if range.end > furthest {
            furthest = furthest.max(range.end);
            vague_words.push(VagueWord {
                word: text[range.clone()].to_owned(),
                range,
                category,
                governed_by: None,
            });
        }
    }
    let approximate: Vec<Range<usize>> = vague_words
        .iter()
        .filter(|w| w.category == Category::Approximate)
        .map(|w| w.range.clone())
        .collect();

    // Criteria and acts.
    let mut elements = Vec::new();
    let mut push = |kind: ElementKind, range: Range<usize>, time: bool, how: bool| {
        let customer = kind == ElementKind::Occasion
            || occasions.iter().any(|o| covers(o, &range))
                && matches!(kind, ElementKind::Observable | ElementKind::Act);
        elements.push(Element {
            kind,
            text: text[range.clone()].to_owned(),
            range,
            time,
            customer,
            how,
        });
    };
    for occasion in &occasions {
        push(ElementKind::Occasion, occasion.clone(), true, false);
    }
    for (range, time) in quantities(lexicon, &lower) {
        let masked = decorative
            .iter()
            .chain(&approximate)
            .any(|d| overlaps(d, &range));
        if !masked {
            push(ElementKind::Quantity, range, time, false);
        }
    }
    for range in &quotes {
        let inner = text[range.clone()]
            .trim_matches(|c: char| QUOTE_PAIRS.iter().any(|(o, c2)| c == *o || c == *c2));
        let inner_lower = inner.to_ascii_lowercase();
        // A quoted label (做到“热情、周到”) is a slogan, not words to be said.
        let only_a_label = !utterances.contains(range) && {
            let inside = lexicon.scan(&inner_lower);
            inside.of(List::Vague).next().is_some() || inside.of(List::Decorative).next().is_some()
        };
        if !only_a_label {
            push(ElementKind::Quote, range.clone(), false, false);
        }
    }
    for (list, kind) in [
        (List::TimeAnchor, ElementKind::TimeAnchor),
        (List::Observable, ElementKind::Observable),
        (List::Act, ElementKind::Act),
    ] {
        for (i, range) in scan.of(list) {
            let inside_a_quote = quotes.iter().any(|q| covers(q, &range));
            let how = list == List::Observable && lexicon.observable_how[i];
            if !inside_a_quote {
                push(kind, range, kind == ElementKind::TimeAnchor, how);
            }
        }
    }
    for range in absences(lexicon, &scan, &lower) {
        push(ElementKind::Absence, range, false, false);
    }
    elements.sort_by_key(|e| (e.range.start, e.range.end));
    // One element per place: a word listed twice (每天 in both scripts' lists, "third
    // ring" as a figure and as a time) is found once, the first kind pushed winning.
    elements.dedup_by(|b, a| a.range == b.range);

    // What governs what.
    for word in &mut vague_words {
        let clause = clause_of(word.range.start);
        let same_clause = |e: &Element| clause_of(e.range.start) == clause;
        let governs = |e: &Element| -> bool {
            use ElementKind as K;
            if e.kind == K::Occasion {
                // The customer's act sets the moment: 客人走到接待台时，立即….
                let instant = lexicon
                    .instant
                    .iter()
                    .any(|w| *w == lower[word.range.clone()]);
                return word.category == Category::Time && instant;
            }
            if e.customer {
                return false;
            }
            match word.category {
                Category::Time | Category::Frequency => {
                    matches!(e.kind, K::Quantity | K::TimeAnchor)
                }
                Category::Amount => {
                    e.kind == K::Quantity && !e.time || e.kind == K::Quote && same_clause(e)
                }
                Category::Manner | Category::Effort | Category::Feeling => {
                    (matches!(e.kind, K::Quote | K::Absence) || e.kind == K::Observable && e.how)
                        && same_clause(e)
                }
                Category::Quality => {
                    (e.kind == K::Quantity && !e.time || matches!(e.kind, K::Quote | K::Absence))
                        && same_clause(e)
                }
                Category::Judgement => e.kind != K::Act,
                Category::Approximate => false,
            }
        };
        // The nearest governing criterion, preferring one after the word.
        word.governed_by = elements
            .iter()
            .enumerate()
            .filter(|(_, e)| governs(e))
            .min_by_key(|(_, e)| {
                if e.range.start >= word.range.end {
                    e.range.start - word.range.end
                } else {
                    word.range.start.saturating_sub(e.range.end) + text.len()
                }
            })
            .map(|(i, _)| i);
    }

    let criterion_outside = |excluded: &[Range<usize>]| {
        elements
            .iter()
            .any(|e| e.is_criterion() && !excluded.iter().any(|d| overlaps(d, &e.range)))
    };
    let vagueness = if let Some(first) = vague_words.iter().find(|w| w.governed_by.is_none()) {
        Some(Vagueness::VagueWord {
            word: first.word.clone(),
            category: first.category,
        })
    } else if let Some(first) = decorative
        .first()
        .filter(|_| !criterion_outside(&decorative))
    {
        Some(Vagueness::Decorative {
            text: text[first.clone()].to_owned(),
        })
    } else if let Some(act) = generic_act(&scan, &lower, &elements) {
        Some(Vagueness::Generic {
            act: text[act].to_owned(),
        })
    } else if elements.iter().all(|e| e.customer) && is_thin(&lower) {
        Some(Vagueness::NoCriterion)
    } else {
        None
    };
    Assessment {
        vague_words,
        elements,
        vagueness,
    }
}

/// Clause openings after which the next word names a manner (Be punctual).
const OPENERS: [&str; 9] = [
    "be",
    "always be",
    "please be",
    "we will be",
    "we'll be",
    "staff will be",
    "staff must be",
    "staff should be",
    "you will be",
];

/// English manners and qualities no list names: words ending in -ly or
/// -ness (tactfully, kindness), and the word after a clause-opening "be"
/// (Be punctual, Always be ready, We will be approachable).
fn english_manners(
    lexicon: &Lexicon,
    lower: &str,
    clauses: &[Range<usize>],
) -> Vec<(Range<usize>, Category)> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        let letter = c.is_ascii_alphabetic() || c == '-' && start.is_some();
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    for range in &words {
        let word = lower[range.clone()].trim_end_matches('-');
        for (ending, category) in &lexicon.vague_suffix {
            if word.len() >= ending.len() + 3 && word.ends_with(ending.as_str()) {
                out.push((range.start..range.start + word.len(), *category));
            }
        }
    }

    for clause in clauses {
        let text = lower[clause.clone()].trim_start();
        let lead = clause.end - clause.start - text.len();
        let Some(opener) = OPENERS
            .iter()
            .filter(|o| text.starts_with(&format!("{o} ")))
            .max_by_key(|o| o.len())
        else {
            continue;
        };
        let after = clause.start + lead + opener.len() + 1;
        if let Some(next) = words.iter().find(|w| w.start >= after) {
            out.push((next.clone(), Category::Manner));
        }
    }
    out
}

/// Chinese manners no list names: a reduplicated manner (客客气气,
/// 干干净净: AABB) and the bare predicate after a noun of manner or
/// setting (动作麻利, 灯光充足), unless its clause states a figure or words
/// to say.
fn chinese_manners(
    lexicon: &Lexicon,
    scan: &Scan,
    lower: &str,
    clauses: &[Range<usize>],
) -> Vec<(Range<usize>, Category)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for w in chars.windows(4) {
        let [(start, a), (_, b), (_, c), (last, d)] = [w[0], w[1], w[2], w[3]];
        if a == b
            && c == d
            && a != c
            && [a, c].iter().all(|x| is_han(*x) && !ZH_DIGITS.contains(*x))
        {
            out.push((start..last + d.len_utf8(), Category::Manner));
        }
    }
    let compounds: Vec<Range<usize>> = scan.of(List::NotVague).map(|(_, r)| r).collect();
    for (i, noun) in scan.of(List::MannerNoun) {
        // 仪表盘 (the dashboard) is a thing, not 仪表 (appearance) judged.
        if compounds
            .iter()
            .any(|c| c.start == noun.start && c.end > noun.end)
        {
            continue;
        }
        let Some(clause) = clauses.iter().find(|c| c.contains(&noun.start)) else {
            continue;
        };
        let rest = &lower[noun.end..clause.end];
        let predicate: usize = rest
            .chars()
            .take_while(|c| is_han(*c) && !ZH_DIGITS.contains(*c))
            .map(char::len_utf8)
            .sum();
        // 动作麻利 is a judgement; 动作：双手… or 声音在1米外能听清 states one.
        let stated = rest[predicate..].trim_start().starts_with(|c: char| {
            c.is_ascii_digit() || matches!(c, '：' | ':' | '“' | '「' | '"')
        });
        let han = rest[..predicate].chars().count();
        if (2..=6).contains(&han) && !stated {
            out.push((noun.start..noun.end + predicate, lexicon.manner_noun[i].1));
        }
    }
    out
}

/// The clauses of a text: the stretches between commas, enumeration commas,
/// semicolons and sentence ends. A colon does not end a clause: what
/// follows it states what precedes it (整洁：无污渍).
fn clauses(lower: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = lower.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '，' | ',' | '、' | '；' | ';' | '。' | '！' | '!' | '？' | '?' | '\n' => true,
            // A full stop ends a clause; a decimal point (1.5) or "e.g." does not.
            '.' => chars.peek().is_none_or(|(_, n)| n.is_whitespace()),
            _ => false,
        };
        if ends {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < lower.len() || out.is_empty() {
        out.push(start..lower.len());
    }
    out
}

/// Whether a quote is an utterance: after a verb of saying or a colon.
fn is_utterance(scan: &Scan, lower: &str, quote: &Range<usize>) -> bool {
    let before = lower[..quote.start].trim_end();
    if before.ends_with([':', '：']) {
        return true;
    }
    scan.of(List::Say)
        .any(|(_, r)| r.end <= quote.start && lower[r.end..quote.start].chars().count() <= 3)
}

/// Occasions the customer's act defines: from a word for the customer to
/// 时/後/前 (顾客起身时), or from "when/after/as … the customer" to the end
/// of the clause. Acts inside are the customer's.
fn occasions(scan: &Scan, lower: &str, clauses: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (_, noun) in scan.of(List::Customer) {
        let Some(clause) = clauses.iter().find(|c| c.contains(&noun.start)) else {
            continue;
        };
        if lower[noun.clone()].is_ascii() {
            let before = lower[clause.start..noun.start].trim_end();
            let opener = [
                "when", "after", "as", "once", "if", "while", "until", "before",
            ]
            .iter()
            .find_map(|w| {
                before
                    .rfind(&format!("{w} "))
                    .filter(|at| before[at + w.len()..].split_whitespace().count() <= 2)
                    .filter(|at| *at == 0 || !before[..*at].ends_with(char::is_alphanumeric))
            });
            if let Some(at) = opener {
                let text = lower[clause.start + at..clause.end]
                    .trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
                out.push(clause.start + at..clause.start + at + text.len());
            }
        } else {
            let rest = &lower[noun.end..clause.end];
            for (taken, (i, c)) in rest.char_indices().enumerate() {
                if taken > 12 {
                    break;
                }
                let next = rest[i + c.len_utf8()..].chars().next();
                // 时间 is "time", not "when": 客人有充足的时间 sets no moment.
                let time_noun = matches!(c, '时' | '時') && matches!(next, Some('间' | '間'));
                if matches!(c, '时' | '時' | '后' | '後' | '前') && !time_noun {
                    out.push(noun.start..noun.end + i + c.len_utf8());
                    break;
                }
            }
        }
    }
    out
}

/// A generic act (检查, "check") with nothing beside it that says what
/// passes: no criterion at all, and at most a short object.
fn generic_act(scan: &Scan, lower: &str, elements: &[Element]) -> Option<Range<usize>> {
    if elements.iter().any(Element::is_criterion) {
        return None;
    }
    let act = scan.of(List::Generic).map(|(_, r)| r).next()?;
    let rest = format!("{}{}", &lower[..act.start], &lower[act.end..]);
    is_thin(&rest).then_some(act)
}

/// Too little text to name an object: a few Chinese characters or words.
fn is_thin(lower: &str) -> bool {
    const FILLER: [&str; 12] = [
        "the", "a", "an", "all", "our", "your", "their", "staff", "we", "will", "should", "must",
    ];
    let han = lower.chars().filter(|c| is_han(*c)).count();
    let words = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .count();
    han <= 4 && words <= 2
}

/// Checkable absences: a marker (无, no visible) followed by what is absent.
fn absences(lexicon: &Lexicon, scan: &Scan, lower: &str) -> Vec<Range<usize>> {
    let exceptions: Vec<Range<usize>> = scan.of(List::NotAbsence).map(|(_, r)| r).collect();
    let mut found = Vec::new();
    for (i, range) in scan.of(List::Absence) {
        let marker = &lexicon.absence[i];
        {
            if exceptions.iter().any(|e| e.start == range.start) {
                continue;
            }
            let rest = &lower[range.end..];
            let latin = marker.text.is_ascii();
            let noun: usize = if latin {
                let word = rest.trim_start();
                let skipped = rest.len() - word.len();
                let len: usize = word
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .map(char::len_utf8)
                    .sum();
                if len == 0 { 0 } else { skipped + len }
            } else {
                rest.chars()
                    .next()
                    .filter(|c| is_han(*c))
                    .map_or(0, char::len_utf8)
            };
            if noun > 0 {
                found.push(range.start..range.end + noun);
            }
        }
    }
    found
}

/// Whether `outer` contains `inner` (equal ranges included).
fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

const QUOTE_PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('"', '"'),
    ('「', '」'),
    ('‘', '’'),
    ('『', '』'),
];

/// Ranges of quoted words, quotes included: the paired quotes of
/// [`QUOTE_PAIRS`], and ASCII single quotes that open at a word's start and
/// close at a word's end ('How may I help?'), not an apostrophe (guest's).
fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut open = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\'' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        match open {
            None if !word(before) && word(after) => open = Some(i),
            Some(start) if !word(after) && i > start + 1 => {
                found.push(start..i + 1);
                open = None;
            }
            _ => {}
        }
    }
    for (open, close) in QUOTE_PAIRS {
        let mut from = 0;
        while let Some(o) = text[from..].find(open) {
            let start = from + o;
            let after = start + open.len_utf8();
            let Some(c) = text[after..].find(close) else {
                break;
            };
            let end = after + c + close.len_utf8();
            if c > 0 {
                found.push(start..end);
            }
            from = end;
        }
    }
    found
}

const ZH_DIGITS: &str = "零〇一二两兩三四五六七八九十百千万萬半";
const EN_NUMBERS: [&str; 32] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "forty-five",
    "fifty",
    "sixty",
    "ninety",
    "hundred",
    "half",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "tenth",
    "twice",
    "dozen",
    "both",
    "single",
];
const EN_THRESHOLDS: [&str; 14] = [
    "at least",
    "at most",
    "no more than",
    "no fewer than",
    "no less than",
    "more than",
    "fewer than",
    "less than",
    "within",
    "up to",
    "every",
    "per",
    "maximum",
    "minimum",
];

/// The unit at the start of `rest`, if any: (the bytes up to its end, with
/// the spaces before it; whether it measures time).
fn unit_at(lexicon: &Lexicon, rest: &str) -> Option<(usize, bool)> {
    let trimmed = rest.trim_start_matches([' ', '-']);
    let skipped = rest.len() - trimmed.len();
    if let Some((unit, time)) = lexicon
        .zh_unit
        .iter()
        .find(|(u, _)| trimmed.starts_with(u.as_str()))
    {
        return Some((skipped + unit.len(), *time));
    }
    lexicon
        .en_unit
        .iter()
        .find_map(|(u, time)| u.at_start(trimmed).map(|end| (skipped + end, *time)))
}

/// How far a figure reaches past its number: its unit (`unit` bytes) and a
/// directly following 内/以内 (两小时内).
fn within(rest: &str, unit: usize) -> usize {
    let after = &rest[unit..];
    let inside = ["以内", "以內", "之内", "之內", "内", "內"]
        .iter()
        .find(|w| after.starts_with(**w))
        .map_or(0, |w| w.len());
    if unit == 0 { 0 } else { unit + inside }
}

/// Ranges of quantities, with whether each measures time or frequency:
/// Arabic numbers, Chinese numerals with a measure word, and English number
/// words with a unit or after a threshold.
fn quantities(lexicon: &Lexicon, lower: &str) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    // Arabic (and full-width) digits, with what makes them a figure: 1.5, 9:00, 1–5, 24/7.
    let mut chars = lower.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if is_digit(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if is_digit(n)
                    || matches!(
                        n,
                        '.' | ':' | '/' | '-' | '–' | '~' | '～' | ',' | '%' | '％'
                    )
                {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // Trailing punctuation belongs to the sentence, not the figure.
            while lower[start..end].ends_with(['.', ',', '-', '/']) {
                end -= 1;
            }
            let figure = &lower[start..end];
            let rest = &lower[end..];
            let clock = figure.contains(':')
                || rest.starts_with(['点', '點'])
                || rest.trim_start().starts_with("am")
                || rest.trim_start().starts_with("pm");
            let unit = unit_at(lexicon, rest);
            let time = clock || unit.is_some_and(|(_, time)| time);
            // The figure with its unit and a following 内 (2小时内, 3 rings).
            let end = end + within(&lower[end..], unit.map_or(0, |(len, _)| len));
            found.push((start..end, time));
        }
    }
    // Chinese numerals count only with a measure word: 三声 yes, 一定 and 十分 (very) no.
    let mut chars = lower.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !ZH_DIGITS.contains(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            if ZH_DIGITS.contains(n) {
                end = i + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &lower[end..];
        let numeral = &lower[start..end];
        let Some((unit, time)) = lexicon
            .zh_unit
            .iter()
            .find(|(u, _)| rest.starts_with(u.as_str()))
        else {
            continue;
        };
        let after_unit = &rest[unit.len()..];
        // 十分 means "very" unless it is 十分钟 (ten minutes).
        let very = numeral.ends_with('十')
            && rest.starts_with('分')
            && !rest['分'.len_utf8()..].starts_with(['钟', '鐘']);
        let disposable = numeral == "一" && unit == "次" && after_unit.starts_with('性');
        // 每一位顾客 is "each customer", not a count; 每一小时 stays a frequency.
        let each = numeral == "一"
            && lower[..start].ends_with('每')
            && [
                "位", "个", "個", "名", "桌", "件", "张", "張", "份", "道", "种", "種", "项", "項",
            ]
            .contains(&unit.as_str());
        if very || disposable || each {
            continue;
        }
        let end = end + within(rest, unit.len());
        found.push((start..end, *time));
    }
    // English number words, found word by word.
    let words = ascii_words(lower);
    for range in &words {
        let word = &lower[range.clone()];
        if !EN_NUMBERS.contains(&word) {
            continue;
        }
        let range = range.clone();
        {
            let after = &lower[range.end..];
            let before = lower[..range.start].trim_end();
            let unit = unit_at(lexicon, after);
            let threshold_before =
                EN_THRESHOLDS.iter().any(|t| before.ends_with(t)) || before.ends_with(" than");
            let twice = word == "twice";
            let always = twice || word == "both" && after.trim_start().starts_with("hands");
            let half_of = after.trim_start().starts_with("of the ") && word == "half";
            if unit.is_some() || threshold_before || always || half_of {
                let end = range.end + within(after, unit.map_or(0, |(len, _)| len));
                found.push((
                    range.start..end,
                    twice || unit.is_some_and(|(_, time)| time),
                ));
            }
        }
    }
    for range in words.iter().filter(|r| &lower[(*r).clone()] == "once") {
        let range = range.clone();
        let after = lower[range.end..].trim_start();
        if ["a ", "an ", "per ", "every ", "each "]
            .iter()
            .any(|p| after.starts_with(p))
        {
            found.push((range, true));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// The ranges of ASCII words (letters, digits, inner hyphens and
/// apostrophes) in `lower`.
fn ascii_words(lower: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let inner = matches!(c, '-' | '\'') && start.is_some();
        match (c.is_ascii_alphanumeric() || inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lower.len());
    }
    for r in &mut out {
        while lower[r.clone()].ends_with(['-', '\'']) {
            r.end -= 1;
        }
    }
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) {
        let a = assess(text);
        assert!(a.is_measurable(), "expected measurable: {text}\n{a:#?}");
    }

    fn vague(text: &str) {
        let a = assess(text);
        assert!(!a.is_measurable(), "expected vague: {text}\n{a:#?}");
    }

    #[test]
    fn numbers_with_units_are_measurable_in_three_languages() {
        ok("电话铃响三声内接听");
        ok("两小时内回复顾客投诉");
        ok("十分钟内上齐第一道菜");
        ok("兩天內完成維修並回電");
        ok("The phone is answered before the third ring");
        ok("Every complaint is acknowledged within 2 hours");
        ok("Offers at least two options");
    }

    #[test]
    fn classic_vague_wording_is_caught() {
        vague("热情接待每一位顾客");
        vague("服务员要十分热情");
        vague("尽快处理顾客的问题");
        vague("Keep the shelves neat");
        vague("Make the visit pleasant");
        vague("Look after regular customers");
        vague("付出200%的努力");
        vague("全心全意100分服务");
    }

    #[test]
    fn a_vague_word_beside_a_criterion_is_harmless() {
        ok("Reply promptly, within 2 hours");
        ok("及时回复，2小时内答复顾客");
    }

    #[test]
    fn a_plain_act_counts_only_without_vague_words() {
        ok("顾客离店时微笑道别");
        vague("热情地问候顾客");
        ok("Greets the customer by name");
    }

    #[test]
    fn vague_words_inside_measurable_terms_are_not_flagged() {
        let a = assess("季度顾客满意度不低于90%");
        assert!(a.vague_words.is_empty(), "{a:#?}");
        assert!(a.is_measurable());
    }

    #[test]
    fn ranges_point_at_the_words() {
        let text = "请热情服务";
        let a = assess(text);
        let word = &a.vague_words[0];
        assert_eq!(&text[word.range.clone()], "热情");
    }

    #[test]
    fn a_criterion_excuses_only_the_vague_word_it_states() {
        vague("每周两次热情回访老顾客");
        vague("Greet regular customers warmly twice a week.");
        ok("及时处理投诉，2小时内给出答复");
        let a = assess("及时回电，2小时内；热情问候");
        let left: Vec<&str> = a.ungoverned().map(|w| w.word.as_str()).collect();
        assert_eq!(left, ["热情"], "{a:#?}");
        let jishi = &a.vague_words[0];
        assert_eq!(a.governor(jishi).map(|e| e.text.as_str()), Some("2小时内"));
    }

    #[test]
    fn decorative_numbers_and_judgement_acts_are_no_criteria() {
        vague("为顾客提供一站式服务");
        vague("365天为顾客提供贴心服务");
        vague("Offer one-stop service with zero mistakes.");
        vague("服务员主动为顾客提供帮助");
        vague("Handle the customer's complaint.");
        ok("领位员主动向客人问好并微笑迎接");
    }

    #[test]
    fn the_customers_acts_and_feelings_are_not_the_staffs_criteria() {
        vague("顾客起身时热情相送");
        vague("When the customer stands up to leave, see them off warmly.");
        vague("让顾客有宾至如归的感觉");
        ok("顾客起身时为其拉开椅子并说“请慢走”");
        // The customer's act sets the moment for an instant word.
        ok("客人走到接待台时，立即停下手头工作并看着客人");
    }

    #[test]
    fn prohibitions_and_plain_acts_need_no_listed_verb() {
        ok("收银员不在柜台内吃东西");
        ok("Staff never use their phones on the shop floor.");
        ok("Read the booking back to the caller.");
        ok("Carry plates with two hands.");
        vague("检查设备");
        vague("Check the equipment.");
    }

    #[test]
    fn approximate_amounts_are_vague() {
        vague("每隔几分钟巡视一次负责的区域");
        vague("到期前数次提醒顾客续费");
        vague("Call the customer back shortly.");
        ok("维修完成后3天内电话回访顾客");
    }

    #[test]
    fn words_no_list_names_are_read_by_their_form() {
        vague("快递员送件时要客客气气");
        vague("加油站员工动作麻利");
        ok("声音在1米外能听清");
        vague("Calm upset customers tactfully.");
        vague("Be punctual.");
        ok("Reply to every e-mail daily.");
        ok("检查仪表盘指示灯是否全部熄灭");
    }

    #[test]
    fn taiwan_wording_is_read() {
        vague("服務要很用心，讓客人有感");
        vague("客訴要妥適處理");
        ok("結帳時詢問「請問有載具嗎？」");
        ok("電話鈴聲響四聲內或音樂等待聲十秒內接聽");
    }

    #[test]
    fn empty_text_is_vague() {
        assert_eq!(assess("  ").vagueness, Some(Vagueness::Empty));
    }
}
