//! Manners and qualities no list names, read by their form: English words
//! in -ly or -ness and the word after a clause-opening "be"; Chinese
//! reduplications (客客气气) and the bare predicate after a noun of manner
//! or setting (动作麻利).

use std::ops::Range;

use super::lexicon::{Category, Lexicon, List, Scan};
use super::tokens::{Tokens, leads_with};
use crate::core::i18n::script::is_han;

/// English manners and qualities no list names: words ending in -ly or
/// -ness (tactfully, kindness), and the word after a clause-opening "be"
/// (Be punctual, Always be ready, We will be approachable).
pub fn english(lexicon: &Lexicon, tokens: &Tokens<'_>) -> Vec<(Range<usize>, Category)> {
    let lower = tokens.lower.as_str();
    // Words of letters: a figure (24-hourly) or a name with an apostrophe
    // (Kelly's) is not an adverb.
    let letters = |r: &&Range<usize>| {
        lower[(*r).clone()]
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-')
    };
    let mut out = Vec::new();
    for range in tokens.words.iter().filter(letters) {
        // A compound's ending is its last part's: "season-ticket-only" is
        // no adverb, "user-friendly" is "friendly".
        let start = range.start + lower[range.clone()].rfind('-').map_or(0, |i| i + 1);
        let word = &lower[start..range.end];
        for (ending, category) in &lexicon.vague_suffix {
            if word.len() >= ending.len() + 3 && word.ends_with(ending.as_str()) {
                out.push((start..range.end, *category));
            }
        }
    }
    for clause in &tokens.clauses {
        let text = lower[clause.clone()].trim_start();
        let lead = clause.end - clause.start - text.len();
        let Some(opener) = lexicon
            .manner_openers
            .iter()
            .filter(|o| leads_with(text, o))
            .max_by_key(|o| o.len())
        else {
            continue;
        };
        let after = clause.start + lead + opener.len() + 1;
        let next = tokens
            .words
            .iter()
            .filter(letters)
            .find(|w| w.start >= after);
        // "We will be contactable between 9am and 5pm": hours, not a manner.
        let hours = |next: &Range<usize>| {
            let rest = lower[next.end..clause.end].trim_start();
            lexicon.manner_hours.iter().any(|h| leads_with(rest, h))
                && rest.bytes().any(|b| b.is_ascii_digit())
        };
        // "You will be notified": what is done, not how.
        let act = |next: &Range<usize>| {
            lexicon
                .manner_acts
                .iter()
                .any(|a| *a == lower[next.clone()])
        };
        if let Some(next) = next.filter(|n| !hours(n) && !act(n)) {
            out.push((next.clone(), Category::Manner));
        }
    }
    out
}

/// Chinese manners no list names: a reduplicated manner (客客气气,
/// 干干净净: AABB) and the bare predicate after a noun of manner or
/// setting (动作麻利, 灯光充足), unless its clause states a figure or words
/// to say.
pub fn chinese(
    lexicon: &Lexicon,
    scan: &Scan,
    tokens: &Tokens<'_>,
) -> Vec<(Range<usize>, Category)> {
    let lower = tokens.lower.as_str();
    let mut out = Vec::new();
    let plain_han = |c: char| is_han(c) && !lexicon.is_zh_digit(c);
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for w in chars.windows(4) {
        let [(start, a), (_, b), (_, c), (last, d)] = [w[0], w[1], w[2], w[3]];
        if a == b && c == d && a != c && plain_han(a) && plain_han(c) {
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
        let Some(clause) = tokens.clauses.iter().find(|c| c.contains(&noun.start)) else {
            continue;
        };
        let rest = &lower[noun.end..clause.end];
        // 环境的防雷装置 is the noun naming a thing of its own, not a
        // predicate judging it.
        if rest.starts_with('的') {
            continue;
        }
        let predicate: usize = rest
            .chars()
            .take_while(|c| plain_han(*c))
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
