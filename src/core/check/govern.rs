//! What governs what: which criterion of a standard states a vague word,
//! by the rules file's `excused_by` for the word's category and scope.

use super::lexicon::{Category, Lexicon};
use super::measurable::{Element, ElementKind as K, VagueWord};
use super::rulebook::{Excuse, Scope};
use super::tokens::Tokens;
use std::ops::Range;

/// Sets each word's `governed_by` to the nearest criterion that states it,
/// preferring one after the word; `None` when nothing does.
pub fn govern(
    lexicon: &Lexicon,
    tokens: &Tokens<'_>,
    words: &mut [VagueWord],
    elements: &[Element],
    conditions: &[Range<usize>],
) {
    // 调查好评≥90%: a figure of a survey the standard names.
    let survey = lexicon
        .survey
        .iter()
        .any(|w| tokens.lower.contains(w.as_str()));
    for word in words.iter_mut() {
        let clause = tokens.clause_of(word.range.start);
        let text = &tokens.lower[word.range.clone()];
        let excuses = lexicon.excuses(word.category);
        // A time limit of a condition (收到译稿后7个工作日内提出…的，本公司将及时修正)
        // says when the condition holds, not how soon the act after it is done.
        let timing = matches!(word.category, Category::Time | Category::Frequency);
        let apart = |e: &Element| {
            timing
                && e.time
                && conditions.iter().any(|c| {
                    let inside = |r: &Range<usize>| c.start <= r.start && r.end <= c.end;
                    inside(&e.range) && !inside(&word.range)
                })
        };
        let states = |e: &Element| {
            !apart(e)
                && excuses.iter().any(|excuse| {
                    let in_scope = |scope: Scope| match scope {
                        Scope::Standard => true,
                        Scope::Later => e.range.start >= word.range.end,
                        Scope::Gloss => tokens.gloss_colon(word.range.end, e.range.start),
                        Scope::Clause => {
                            tokens.clause_of(e.range.start) == clause && {
                                // "will be polite and will identify themselves by
                                // name": a second predicate is another clause.
                                let (from, to) = if e.range.start >= word.range.end {
                                    (word.range.end, e.range.start)
                                } else {
                                    (e.range.end, word.range.start)
                                };
                                let between = &tokens.lower[from..to.max(from)];
                                !lexicon
                                    .predicate_joins
                                    .iter()
                                    .any(|j| between.contains(j.as_str()))
                            }
                        }
                    };
                    excuses_by(excuse, e, text, survey, in_scope)
                })
        };
        word.governed_by = elements
            .iter()
            .enumerate()
            .filter(|(_, e)| states(e))
            .min_by_key(|(_, e)| {
                if e.range.start >= word.range.end {
                    e.range.start - word.range.end
                } else {
                    word.range.start.saturating_sub(e.range.end) + tokens.text.len()
                }
            })
            .map(|(i, _)| i);
    }
    // What a feeling names (感到不舒服, 觉得被尊重) is what is felt: it is
    // stated as the feeling is (by a survey's figure).
    for i in 0..words.len() {
        if words[i].governed_by.is_some() || words[i].category == Category::Feeling {
            continue;
        }
        let clause = tokens.clause_of(words[i].range.start);
        words[i].governed_by = words[..i]
            .iter()
            .filter(|f| f.category == Category::Feeling && f.range.end <= words[i].range.start)
            .filter(|f| tokens.clause_of(f.range.start) == clause)
            .find_map(|f| f.governed_by);
    }
}

/// Whether element `e` is a criterion of the kind `excuse` names, within
/// its scope, for the vague word `word` (lowercased).
fn excuses_by(
    excuse: &Excuse,
    e: &Element,
    word: &str,
    survey: bool,
    in_scope: impl Fn(Scope) -> bool,
) -> bool {
    if let Excuse::Occasion { words } = excuse {
        // The customer's act sets the moment: 客人走到接待台时，立即….
        return e.kind == K::Occasion && words.iter().any(|w| w == word);
    }
    // The customer's acts and feelings are never the staff's criteria.
    if e.customer || e.kind == K::Occasion {
        return false;
    }
    let (kind, scope) = match excuse {
        Excuse::TimeLimit(scope) => (
            e.kind == K::Quantity && e.time || e.kind == K::TimeAnchor,
            scope,
        ),
        Excuse::Figure(scope) => (e.kind == K::Quantity && !e.time, scope),
        Excuse::Quote(scope) => (e.kind == K::Quote, scope),
        Excuse::HowAct(scope) => (e.kind == K::Observable && e.how, scope),
        Excuse::Absence(scope) => (e.kind == K::Absence, scope),
        Excuse::AnyCriterion(scope) => (e.is_criterion(), scope),
        Excuse::Survey(scope) => (survey && e.kind == K::Quantity && !e.time, scope),
        Excuse::Occasion { .. } => return false,
    };
    kind && in_scope(*scope)
}
