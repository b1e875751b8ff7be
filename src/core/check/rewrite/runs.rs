//! Runs of vague words rewritten as one (整洁、干净; "friendly and
//! polite"), and where a word's clause and list end.

use std::ops::Range;

use super::{Place, Target};
use crate::core::check::tokens::Tokens;
use crate::core::model::Language;

/// The clause around `at`, with the rest of a list it starts (高兴而来、
/// 满意而归): the parts of a list end where it ends.
pub(super) fn list_around(tokens: &Tokens<'_>, text: &str, at: usize) -> Range<usize> {
    let mut clause = tokens.clause_around(at);
    while text[clause.end..].starts_with('、')
        && let Some(next) = tokens.clauses.get(tokens.clause_of(clause.end) + 1)
    {
        clause = clause.start..tokens.clause_around(next.start).end;
    }
    clause
}

/// Where an English list of nouns that a clause's comma opens ends: "your
/// comments, suggestions and complaints" is one object, and what is added
/// at its clause's end goes after "complaints", not after "comments". The
/// parts after the comma are a few words each and open with no word that
/// starts a clause of its own; the list ends at the last part joined by
/// "and" or "or" ("race, religion or belief, sex, … or nationality"), and
/// with none the clause ends where it did.
pub(super) fn english_list_end(tokens: &Tokens<'_>, end: usize) -> usize {
    // Words that open a clause of its own, not a list's next noun.
    const OPENERS: [&str; 24] = [
        "but",
        "we",
        "you",
        "they",
        "it",
        "he",
        "she",
        "staff",
        "if",
        "when",
        "where",
        "which",
        "who",
        "so",
        "then",
        "please",
        "including",
        "as",
        "while",
        "unless",
        "to",
        "by",
        "within",
        "whichever",
    ];
    // Prepositions that carry a list's last part on past its noun.
    const ON: [&str; 7] = ["on", "in", "at", "for", "from", "with", "of"];
    let lower = tokens.lower.as_str();
    let mut at = end;
    let mut last = None;
    while lower[at..].starts_with(", ") {
        let Some(next) = tokens.clauses.get(tokens.clause_of(at + 1)) else {
            break;
        };
        let mut part = tokens.clause_around(next.start);
        // The last part may go on past its noun ("schemes and services on
        // our website"): the list ends before the preposition.
        if let Some(on) = lower[part.clone()]
            .match_indices(' ')
            .map(|(i, _)| part.start + i)
            .find(|&i| next_word(lower, i).is_some_and(|w| ON.contains(&w)))
            && [" and ", " or "]
                .iter()
                .any(|c| lower[part.start..on].contains(c))
        {
            part.end = on;
        }
        let words: Vec<&str> = lower[part.clone()].split_whitespace().collect();
        let joined = words.iter().any(|w| *w == "and" || *w == "or");
        let plain = !words.is_empty()
            && words.len() <= 4
            && words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
            && !OPENERS.contains(&words[0]);
        if !plain || part.end <= at {
            break;
        }
        at = part.end;
        if joined {
            last = Some(at);
        }
    }
    last.unwrap_or(end)
}

/// Whether an English word ending at `end` stands before a noun ("a
/// friendly, professional service"), not before a conjunction or a
/// preposition that goes on with the clause ("thoroughly and within").
pub(super) fn before_noun(text: &str, end: usize) -> bool {
    const GOES_ON: [&str; 16] = [
        "and", "or", "but", "to", "with", "within", "in", "on", "at", "for", "by", "of", "from",
        "as", "when", "if",
    ];
    next_word(text, end).is_some_and(|next| !GOES_ON.contains(&next.to_lowercase().as_str()))
}

/// Whether the English adjective at `start..end` stands before a noun in a
/// noun phrase: a determiner before it, past the adjectives listed with it
/// ("a clean, safe and tidy environment"), and a noun after it.
pub(super) fn attributive(text: &str, start: usize, end: usize) -> bool {
    const DETERMINERS: [&str; 10] = [
        "a", "an", "the", "our", "your", "their", "its", "every", "each", "all",
    ];
    // Words that open a sentence but are no noun a phrase can follow.
    const PRONOUNS: [&str; 8] = ["we", "you", "they", "i", "it", "he", "she", "staff"];
    // Verbs whose object may be a bare noun phrase ("provides tidy rooms").
    const OBJECT_VERBS: [&str; 10] = [
        "provide",
        "provides",
        "offer",
        "offers",
        "maintain",
        "maintains",
        "give",
        "gives",
        "use",
        "uses",
    ];
    if super::text::is_adverb(&text[start..end]) {
        return false;
    }
    let after_list = list_end(text, end);
    if !before_noun(text, after_list) {
        return false;
    }
    // Back past the adjectives listed with it, each after a comma or an
    // "and" ("a clean, safe and tidy"), to a determiner.
    let mut listed = false;
    let lead: Vec<&str> = text[..start].split_whitespace().collect();
    for word in lead.iter().rev().take(8) {
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches(',');
        if (DETERMINERS.contains(&bare) || OBJECT_VERBS.contains(&bare)) && bare == lower {
            return true;
        }
        let alphabetic = !bare.is_empty() && bare.chars().all(char::is_alphabetic);
        if bare == "and" && lower == "and" {
            listed = true;
        } else if alphabetic && (bare != lower || listed) {
            // An adjective of the list: before a comma ("clean,") or an "and".
            listed = false;
        } else {
            return false;
        }
    }
    // "Clear and helpful messages …": the sentence opens with the noun phrase.
    let opens = lead.len() <= 8 && !listed;
    let noun =
        next_word(text, after_list).is_some_and(|n| !PRONOUNS.contains(&n.to_lowercase().as_str()));
    opens && !text[start..end].contains(' ') && noun
}

/// Where a rule's text goes: "a clean, safe and tidy environment": a
/// phrase cannot stand in an English adjective's place before a noun, so
/// a word rule's phrase that can follow the noun goes after it.
pub(super) fn placed(
    place: Place,
    text: &str,
    word: Range<usize>,
    with: &str,
    lang: Language,
) -> Place {
    let before_a_noun = place == Place::Word
        && lang == Language::En
        && attributive(text, word.start, word.end)
        && follows_a_noun(with)
        && !with.contains(',');
    if before_a_noun {
        Place::ClauseEnd
    } else {
        place
    }
}

/// Where an appended text goes: at `clause_end`, but right after the noun
/// for a phrase `moved` from before it ("a tidy reception area"), and never
/// inside a noun's list of words ("a pleasant, clean reception area").
pub(super) fn appended_at(
    text: &str,
    word: Range<usize>,
    clause_end: usize,
    moved: bool,
    lang: Language,
) -> usize {
    if moved {
        noun_phrase_end(text, word.end)
    } else if lang == Language::En && attributive(text, word.start, word.end) {
        clause_end.max(noun_phrase_end(text, word.end))
    } else {
        clause_end
    }
}

/// The end of the adjectives listed after `end` ("pleasant|, clean and
/// safe| reception area").
fn list_end(text: &str, end: usize) -> usize {
    let mut after = end;
    loop {
        let rest = &text[after..];
        let Some(skip) = [", and ", ", ", " and "]
            .iter()
            .find(|s| rest.starts_with(**s))
        else {
            return after;
        };
        let word = next_word(text, after + skip.len() - 1).map_or(0, str::len);
        if word == 0 {
            return after;
        }
        after += skip.len() + word;
    }
}

/// The end of the noun an attributive adjective at `..end` describes, past
/// the adjectives listed with it: up to three words, up to a preposition,
/// a conjunction or a verb ("a tidy reception area| for visitors").
pub(super) fn noun_phrase_end(text: &str, end: usize) -> usize {
    // Verbs, prepositions and determiners: the noun has ended before them.
    const ENDS: [&str; 31] = [
        "are",
        "is",
        "was",
        "were",
        "will",
        "must",
        "should",
        "can",
        "may",
        "have",
        "has",
        "about",
        "regarding",
        "during",
        "after",
        "before",
        "than",
        "that",
        "which",
        "who",
        "per",
        "under",
        "over",
        "into",
        "through",
        "throughout",
        "across",
        "without",
        "the",
        "our",
        "your",
    ];
    let mut at = list_end(text, end);
    for _ in 0..3 {
        match next_word(text, at) {
            Some(word)
                if before_noun(text, at) && !ENDS.contains(&word.to_lowercase().as_str()) =>
            {
                at += 1 + word.len();
                // "check-out", "drop-off": one word.
                let joined = text[at..].strip_prefix('-').map_or(0, |rest| {
                    rest.find(|c: char| !c.is_alphabetic())
                        .unwrap_or(rest.len())
                });
                if joined > 0 {
                    at += 1 + joined;
                }
                // "standards of customer service", "needs and expectations":
                // the noun goes on past "of" or an "and" between nouns.
                for join in [" of ", " and "] {
                    if let Some(rest) = text[at..].strip_prefix(join)
                        && let Some(next) = next_word(text, at + join.len() - 1)
                        && !ENDS.contains(&next.to_lowercase().as_str())
                        && (join == " of "
                            || rest[next.len()..].starts_with(['.', ',', ';'])
                            || rest.len() == next.len())
                    {
                        at += join.len() + next.len();
                    }
                }
            }
            _ => break,
        }
    }
    at
}

/// Whether a rewrite's text can follow a noun ("an area free of [dust]",
/// "advice in plain words"): it opens with a preposition or a participle,
/// not a verb ("smile and make eye contact").
pub(super) fn follows_a_noun(with: &str) -> bool {
    const OPENERS: [&str; 20] = [
        "free",
        "per",
        "in",
        "with",
        "within",
        "without",
        "at",
        "on",
        "under",
        "to",
        "by",
        "lit",
        "of",
        "checked",
        "kept",
        "as",
        "no",
        "signposted",
        "marked",
        "labelled",
    ];
    let first = with
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // "at least [20] hours of" measures the noun from before it.
    let quantifies = with.trim_end().ends_with(" of")
        || [
            "at least",
            "at most",
            "no more than",
            "up to",
            "no fewer than",
        ]
        .iter()
        .any(|q| with.trim_start().starts_with(q));
    OPENERS.contains(&first) && !quantifies
}

/// The word right after `end`, past one space ("clear and concise
/// information": "information" after "concise").
pub(super) fn next_word(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// What joins the words of a list in Chinese (整洁、干净; 亲切友好的态度).
pub(super) const LIST_MARKS: [&str; 8] = ["的", "、", "和", "及", "与", "與", "且", "或"];

/// Vague words next to each other, with only a list mark or "and"
/// between them (整洁、干净; "friendly and polite"), are one run, rewritten
/// once by the first word's rule; the flag says a run joins several words.
pub(super) fn runs(
    text: &str,
    mut targets: Vec<(Range<usize>, Target)>,
) -> Vec<(Range<usize>, Target, bool)> {
    targets.sort_by_key(|(r, _)| r.start);
    let mut out: Vec<(Range<usize>, Target, bool)> = Vec::new();
    for (range, target) in targets {
        if let Some((last, last_target, joined)) = out.last_mut() {
            if range.start < last.end {
                continue;
            }
            let gap = text[last.end..range.start].trim().to_lowercase();
            // A list mark joins words of a list, not clauses: a Chinese
            // comma (，) ends one. Only words alike join (尽快 and 处理 not).
            // 态度保持和蔼亲切, 态度要好: a verb of keeping joins a word of
            // manner to the words that say it.
            // A Latin comma between Chinese words ends a clause as ，does
            // (不得歧视,尊重顾客): it lists English words only.
            let word = &text[range.clone()];
            let english = word.starts_with(|c: char| c.is_ascii_alphabetic());
            let joins = gap.is_empty()
                || LIST_MARKS.contains(&gap.as_str())
                || gap == "," && english
                || ["and", "or", "-", "要", "应", "應", "保持"].contains(&gap.as_str());
            // "clean and brightly lit": an adverb before how a place is lit
            // goes with it, not with the word before it.
            let modifies = super::text::is_adverb(word)
                && next_word(text, range.end).is_some_and(|w| ["lit", "illuminated"].contains(&w));
            if joins && !modifies && alike(*last_target, target) {
                last.end = range.end;
                *joined = true;
                continue;
            }
        }
        out.push((range, target, false));
    }
    out
}

/// Words of how a thing is done or looks (美观大方, 热情周到) rewrite as one;
/// a hedge never joins them (尽量满足: the hedge goes, 满足 stays).
fn alike(a: Target, b: Target) -> bool {
    use Target as T;
    let how = |t: Target| matches!(t, T::Manner | T::Quality | T::Feeling | T::Effort);
    a == b || how(a) && how(b)
}

/// The words of a run listed with 、, commas, "and" or "or" (热情、耐心、细致;
/// "polite, helpful and honest"), in order.
pub(super) fn listed(run: &str) -> Vec<&str> {
    let mut parts = vec![run];
    for mark in ["、", "，", ",", " and ", " or ", "和", "及"] {
        parts = parts.into_iter().flat_map(|p| p.split(mark)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}
