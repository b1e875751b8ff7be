//! Runs of vague words rewritten as one (整洁、干净; "friendly and
//! polite"), and where a word's clause and list end.

use std::ops::Range;

use super::Target;
use crate::core::check::tokens::Tokens;

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
            let joins = gap.is_empty()
                || LIST_MARKS.contains(&gap.as_str())
                || [",", "and", "or", "-", "要", "应", "應", "保持"].contains(&gap.as_str());
            // "clean and brightly lit": an adverb before how a place is lit
            // goes with it, not with the word before it.
            let word = &text[range.clone()];
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
