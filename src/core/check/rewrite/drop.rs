//! A doubtful finding: vague words that only modify a concrete act or thing
//! (门卫礼貌问好，询问来访事由; 以亲切的微笑和问候迎接每位顾客; "greet you
//! politely") in a standard that is measurable without them. A quality of
//! a thing (整洁的制服) is a commitment, and keeps its measurable form. Two careful
//! labellers pass such standards as they stand (`tests/checker_labellers.rs`),
//! and blind readers reject a template spliced into them; the rewrite that
//! keeps their meaning and leaves nothing vague is the standard without
//! the words.

use std::ops::Range;

use super::super::lexicon::Lexicon;
use super::super::measurable::{Assessment, ElementKind};
use super::super::rulebook::Category;
use super::text::{render, tidy};
use super::{Rule, Suggestion};
use crate::core::i18n::script::is_han;
use crate::core::model::Language;

/// The standard without its ungoverned vague words, when every one of them
/// is a manner or effort word (how an act is done) in a modifier's place,
/// and what is left is measurable, keeps most of the text, and still holds
/// two of the staff's acts or criteria or modified only what is seen.
/// `None` otherwise.
pub(super) fn modifiers_dropped(
    lexicon: &Lexicon,
    text: &str,
    assessment: &Assessment,
    lang: Language,
    rules: &[Rule],
) -> Option<Suggestion> {
    // An English word its own rule rewrites ("formally" → "in writing")
    // keeps that rule.
    let own_rule = |word: &str| {
        lang == Language::En
            && rules
                .iter()
                .any(|r| r.lang == lang && r.words.iter().any(|w| word.eq_ignore_ascii_case(w)))
    };
    let words: Vec<_> = assessment
        .vague_words
        .iter()
        .filter(|w| w.governed_by.is_none())
        .collect();
    if words.is_empty()
        || !words
            .iter()
            .all(|w| matches!(w.category, Category::Manner | Category::Effort))
    {
        return None;
    }
    let acts: Vec<Range<usize>> = assessment
        .elements
        .iter()
        .filter(|e| !e.customer && e.kind.is_act())
        .map(|e| e.range.clone())
        .collect();
    let named: Vec<&str> = words.iter().map(|w| &text[w.range.clone()]).collect();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    for word in &words {
        // 不必要的检查: the word is what is negated, not a modifier to drop.
        let negated = text[..word.range.start].ends_with(['不', '无', '無', '非', '未']);
        if negated || own_rule(&word.word) {
            return None;
        }
        // 謙和、熱忱的語調 with both gone: the 的 goes with the last.
        let listed_after = words.iter().any(|w| {
            text[w.range.end..].starts_with('、')
                && w.range.end + '、'.len_utf8() == word.range.start
        });
        let cut = modifier(text, &word.range, &acts, lang, listed_after).or_else(|| {
            (lang != Language::En).then(|| bare_clause(text, &word.range, &named))?
        })?;
        cuts.push(cut);
    }
    cuts.sort_by_key(|c| c.start);
    cuts.dedup();
    // Cuts that meet are one (謙和、 + 熱忱的), widened over what says nothing
    // without them.
    let mut merged: Vec<Range<usize>> = Vec::new();
    for cut in cuts {
        match merged.last_mut() {
            Some(last) if last.end == cut.start => last.end = cut.end,
            _ => merged.push(cut),
        }
    }
    let cuts: Vec<Range<usize>> = merged.into_iter().map(|c| carrier(text, c)).collect();
    let mut out = String::new();
    let mut at = 0;
    for cut in &cuts {
        if cut.start < at {
            return None;
        }
        out.push_str(&text[at..cut.start]);
        at = cut.end;
    }
    out.push_str(&text[at..]);
    let out = tidy(&out, lang, text);
    let kept = out.chars().count();
    if 10 * kept < 6 * text.chars().count() {
        return None;
    }
    let after = super::super::assess_with(lexicon, &out);
    let standing = after
        .elements
        .iter()
        .filter(|e| !e.customer && e.kind != ElementKind::Occasion)
        .count();
    // What the word modified is itself an act an inspector sees (亲切的微笑:
    // a smile; 礼貌送别: a farewell), or other acts and criteria stand beside it.
    let seen = cuts.iter().all(|cut| {
        assessment
            .elements
            .iter()
            .any(|e| e.kind.is_act() && !e.customer && e.range.start == cut.end)
    });
    (after.is_measurable() && (standing >= 2 || seen))
        .then(|| render(&out, words.iter().map(|w| w.word.clone()).collect()))
}

/// The bytes to cut for `word` when it modifies what follows it: 礼貌问好
/// (an act right after), 亲切的微笑 / 礼貌地送别 / 禮貌性結束語 (with its
/// 的, 地 or 性), 謙和、熱忱的語調 (with its list mark), "politely" (with
/// its space). `None` when it stands as a predicate (服装整洁) or as a noun.
fn modifier(
    text: &str,
    word: &Range<usize>,
    acts: &[Range<usize>],
    lang: Language,
    listed_after: bool,
) -> Option<Range<usize>> {
    let after = &text[word.end..];
    if lang == Language::En {
        let w = &text[word.clone()];
        if !w.ends_with("ly") || w.contains(' ') {
            return None;
        }
        // "greet you politely." / "politely greet": one space goes with it.
        return if text[..word.start].ends_with(' ') {
            Some(word.start - 1..word.end)
        } else if after.starts_with(' ') {
            Some(word.start..word.end + 1)
        } else {
            None
        };
    }
    let han_after = |skip: usize| after[skip..].chars().next().is_some_and(is_han);
    if let Some(mark) = ['的', '地', '性']
        .into_iter()
        .find(|m| after.starts_with(*m))
    {
        let len = mark.len_utf8();
        if !han_after(len) {
            return None;
        }
        // 謙和、熱忱的語調: the 的 belongs to the list's last word, and goes
        // only when the whole list does.
        if text[..word.start].ends_with('、') && !listed_after {
            return Some(word.start - '、'.len_utf8()..word.end);
        }
        return Some(word.start..word.end + len);
    }
    if after.starts_with('、') {
        return Some(word.start..word.end + '、'.len_utf8());
    }
    // An adverb right before the act it says how of: 礼貌问好.
    acts.iter()
        .any(|a| a.start == word.end)
        .then(|| word.clone())
}

/// A clause after the first that says nothing but the vague words (…，态度
/// 诚恳，表情自然): with its mark before it, the whole clause.
fn bare_clause(text: &str, word: &Range<usize>, named: &[&str]) -> Option<Range<usize>> {
    const MARKS: [char; 4] = ['，', '；', ',', ';'];
    const EMPTY: [&str; 16] = [
        "态度", "態度", "语言", "語言", "表情", "语气", "語氣", "举止", "舉止", "仪表", "儀表",
        "要", "应", "應", "都", "做到",
    ];
    let start = text[..word.start].rfind(MARKS)?;
    let end = text[word.end..]
        .find(|c: char| MARKS.contains(&c) || "。；;.".contains(c))
        .map_or(text.len(), |i| word.end + i);
    let body = &text[start..end];
    let rest = named
        .iter()
        .chain(EMPTY.iter())
        .fold(body.to_owned(), |b, w| b.replace(w, ""));
    (!rest.chars().any(is_han)).then_some(start..end)
}

/// A cut widened over what says nothing once its modifier is gone: 以语调
/// left of 以热忱的语调, 用态度 of 用诚恳的态度.
fn carrier(text: &str, cut: Range<usize>) -> Range<usize> {
    const CARRIERS: [&str; 8] = [
        "语调", "語調", "语气", "語氣", "口吻", "态度", "態度", "方式",
    ];
    let opener = ['以', '用']
        .into_iter()
        .find(|o| text[..cut.start].ends_with(*o));
    let noun = CARRIERS.iter().find(|c| text[cut.end..].starts_with(**c));
    match (opener, noun) {
        (Some(o), Some(n)) => cut.start - o.len_utf8()..cut.end + n.len(),
        _ => cut,
    }
}
