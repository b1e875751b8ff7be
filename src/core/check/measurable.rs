//! The measurability checker: is a standard specific enough that two
//! inspectors watching the same moment would agree whether it was met?
//!
//! A standard is measurable when it states a criterion: a number with a unit
//! or a count, a time limit or frequency, quoted words to be said, or an act
//! an inspector can tick. A vague word beside such a criterion is harmless
//! ("reply promptly, within 2 hours"); a vague word with only a plain act
//! ("greets warmly") is not, because the vague word is what would be argued.

use crate::core::i18n::script::is_han;
use std::ops::Range;

use serde::Serialize;

use super::lexicon::{Category, Lexicon, List, Pattern, Scan};

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
    /// A plain act (greets, asks): counts only when no vague word is present.
    Act,
}

/// A criterion found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    pub kind: ElementKind,
    pub range: Range<usize>,
    pub text: String,
}

/// A vague word found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VagueWord {
    pub range: Range<usize>,
    pub word: String,
    pub category: Category,
}

/// Why a standard is vague.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Vagueness {
    /// There is no text.
    Empty,
    /// A vague word, and no criterion strong enough to settle it.
    VagueWord { word: String, category: Category },
    /// A number that decorates a wish (200%, 零距离) and nothing to check.
    Decorative { text: String },
    /// Nothing an inspector could check.
    NoCriterion,
}

/// The checker's answer for one standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub vague_words: Vec<VagueWord>,
    pub elements: Vec<Element>,
    /// `None` when measurable.
    pub vagueness: Option<Vagueness>,
}

impl Assessment {
    #[must_use]
    pub fn is_measurable(&self) -> bool {
        self.vagueness.is_none()
    }

    /// The strongest criterion found, which is what makes the standard measurable.
    #[must_use]
    pub fn criterion(&self) -> Option<&Element> {
        let rank = |k: ElementKind| match k {
            ElementKind::Quantity => 0,
            ElementKind::TimeAnchor => 1,
            ElementKind::Quote => 2,
            ElementKind::Observable => 3,
            ElementKind::Act => 4,
        };
        self.elements
            .iter()
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
    let shielded: Vec<Range<usize>> = scan.of(List::NotVague).map(|(_, r)| r).collect();
    let decorative: Vec<Range<usize>> = scan.of(List::Decorative).map(|(_, r)| r).collect();

    let mut vague_words: Vec<VagueWord> = scan
        .of(List::Vague)
        .map(|(i, range)| (range, lexicon.vague[i].1))
        .filter(|(range, _)| !shielded.iter().any(|s| covers(s, range)))
        .map(|(range, category)| VagueWord {
            word: text[range.clone()].to_owned(),
            range,
            category,
        })
        .collect();
    vague_words.sort_by_key(|v| (v.range.start, std::cmp::Reverse(v.range.end)));
    // Drop words inside longer ones (立即 inside 立即回复 is one finding, 全心全意 not also 全力).
    // Sorted by start, then longest first: a word is inside a kept one
    // exactly when it ends no later than the furthest kept end so far.
    let mut kept: Vec<VagueWord> = Vec::new();
    let mut furthest = 0;
    for word in vague_words {
        if word.range.end > furthest {
            furthest = furthest.max(word.range.end);
            kept.push(word);
        }
    }
    let vague_words = kept;

    let mut elements = Vec::new();
    let decorated = decorative.first().map(|d| text[d.clone()].to_owned());
    for range in quantities(lexicon, &lower) {
        if !decorative.iter().any(|d| overlaps(d, &range)) {
            elements.push(element(text, ElementKind::Quantity, range));
        }
    }
    for range in quotes(text) {
        let inner = text[range.clone()]
            .trim_matches(|c: char| QUOTE_PAIRS.iter().any(|(o, c2)| c == *o || c == *c2));
        let inner_lower = inner.to_ascii_lowercase();
        let only_a_label = lexicon
            .vague
            .iter()
            .map(|(p, _)| p)
            .chain(&lexicon.decorative)
            .any(|p| !p.find_in(&inner_lower).is_empty());
        if only_a_label {
            continue;
        }
        elements.push(element(text, ElementKind::Quote, range));
    }
    for (list, kind) in [
        (List::TimeAnchor, ElementKind::TimeAnchor),
        (List::Observable, ElementKind::Observable),
        (List::Act, ElementKind::Act),
    ] {
        for (_, range) in scan.of(list) {
            elements.push(element(text, kind, range));
        }
    }
    for range in absences(lexicon, &scan, &lower) {
        elements.push(element(text, ElementKind::Observable, range));
    }
    elements.sort_by_key(|e| e.range.start);

    let strong = elements.iter().any(|e| e.kind != ElementKind::Act);
    let has_act = elements.iter().any(|e| e.kind == ElementKind::Act);
    // A slogan (零距离服务) is a vague word in disguise: it also outweighs a plain act.
    let vague_or_slogan = !vague_words.is_empty() || decorated.is_some();
    let vagueness = if strong || (has_act && !vague_or_slogan) {
        None
    } else if let Some(first) = vague_words.first() {
        Some(Vagueness::VagueWord {
            word: first.word.clone(),
            category: first.category,
        })
    } else if let Some(text) = decorated {
        Some(Vagueness::Decorative { text })
    } else {
        Some(Vagueness::NoCriterion)
    };
    Assessment {
        vague_words,
        elements,
        vagueness,
    }
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

fn element(text: &str, kind: ElementKind, range: Range<usize>) -> Element {
    Element {
        kind,
        text: text[range.clone()].to_owned(),
        range,
    }
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

/// Ranges of quoted words, quotes included.
fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
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

/// Ranges of quantities: Arabic numbers, Chinese numerals with a measure
/// word, and English number words with a unit or after a threshold.
fn quantities(lexicon: &Lexicon, lower: &str) -> Vec<Range<usize>> {
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
            found.push(start..end);
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
        let Some(unit) = lexicon
            .zh_unit
            .iter()
            .find(|u| rest.starts_with(u.as_str()))
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
        found.push(start..end + unit.len());
    }
    // English number words.
    for word in EN_NUMBERS {
        for range in Pattern::new(word).find_in(lower) {
            let after = lower[range.end..].trim_start_matches([' ', '-']);
            let before = lower[..range.start].trim_end();
            let unit_follows = lexicon
                .en_unit
                .iter()
                .any(|u| u.find_in(after).first().is_some_and(|r| r.start == 0))
                || after.starts_with("of the ") && word == "half";
            let threshold_before = EN_THRESHOLDS.iter().any(|t| before.ends_with(t));
            let always = word == "twice" || word == "both" && after.starts_with("hands");
            if unit_follows || threshold_before || always {
                found.push(range);
            }
        }
    }
    for range in Pattern::new("once").find_in(lower) {
        let after = lower[range.end..].trim_start();
        if ["a ", "an ", "per ", "every ", "each "]
            .iter()
            .any(|p| after.starts_with(p))
        {
            found.push(range);
        }
    }
    found.sort_by_key(|r| r.start);
    found
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
    fn empty_text_is_vague() {
        assert_eq!(assess("  ").vagueness, Some(Vagueness::Empty));
    }
}
