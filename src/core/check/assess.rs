//! The measurability pipeline: tokens, one scan of every word list, the
//! vague words, the criteria and acts, what governs what, and the verdict.
//! What each piece means is in [`super::measurable`].

use std::ops::Range;

use super::govern::govern;
use super::lexicon::{Category, Lexicon, List, Pattern, Scan};
use super::measurable::{Assessment, Element, ElementKind, VagueWord, Vagueness};
use super::rulebook::Excuse;
use super::tokens::{Tokens, covers, is_quote_mark, leads_with, overlaps};
use super::{manners, quantities};

mod quotes;
use crate::core::i18n::script::is_han;
use crate::core::model::SetWords;

/// Assesses one standard's text with the word lists in use
/// ([`Lexicon::builtin`]).
#[must_use]
pub fn assess(text: &str) -> Assessment {
    assess_with(Lexicon::builtin(), text)
}

/// Assesses one standard's text with the given word lists.
#[must_use]
pub fn assess_with(lexicon: &Lexicon, text: &str) -> Assessment {
    assess_words(lexicon, text, None)
}

/// Assesses one standard of a set with the set's own words: a term it
/// defines or a word it calls fine is no vague word there; a word it calls
/// vague is one (of the judgement kind: any criterion in the standard
/// states it).
#[must_use]
pub fn assess_in(words: &SetWords, text: &str) -> Assessment {
    if words.is_empty() {
        return assess(text);
    }
    assess_words(Lexicon::builtin(), text, Some(words))
}

fn assess_words(lexicon: &Lexicon, text: &str, set_words: Option<&SetWords>) -> Assessment {
    let tokens = Tokens::new(text);
    if tokens.lower.trim().is_empty() {
        return Assessment {
            vague_words: Vec::new(),
            elements: Vec::new(),
            vagueness: Some(Vagueness::Empty),
        };
    }
    let scan = lexicon.scan(&tokens.lower);
    let ranges = |list: List| scan.of(list).map(|(_, r)| r).collect::<Vec<_>>();
    let compounds = ranges(List::Compound);
    let mut decorative = ranges(List::Decorative);
    decorative.retain(|d| !crossed(d, &compounds));
    // A term that holds it says what it means (100% accurate: every item right).
    let terms = ranges(List::NotVague);
    decorative.retain(|d| !terms.iter().any(|t| covers(t, d)));
    // A whole share before what it counts (100%建档、100%安检: every case)
    // is a rate, as 100% of enquiries is; a judgement after it (100%满意)
    // is a vague word of its own.
    decorative.retain(|d| {
        !(tokens.lower[d.clone()].ends_with('%') && tokens.lower[d.end..].starts_with(is_han))
    });
    let quoted = quotes::read(lexicon, &scan, &tokens);
    let utterances = quoted.utterances;
    let occasions = occasions(lexicon, &scan, &tokens);
    let mut shielded = ranges(List::NotVague);
    shielded.extend(utterances.iter().cloned());
    shielded.extend(quoted.shields);
    // The customer's need or feeling as a trigger (民眾需要協助時) is when, not how.
    shielded.extend(occasions.iter().cloned());
    // Why it is done (佩戴工牌，方便顾客识别) is not what is checked, and
    // the condition it is done on (手续齐全的，当场登记) is when, not how.
    shielded.extend(purposes(lexicon, &scan, &tokens));
    // What the customer is left to do (差额由用户自行协商解决) is not the staff's.
    shielded.extend(left_to_customer(&scan, &tokens));
    let conditions = conditions(lexicon, &tokens);
    // 使用后立即丢弃, 发现偷拍时立即制止: "at once" right after the moment
    // it follows, or in the clause a condition sets off, is that moment.
    shielded.extend(instants(lexicon, &tokens, &conditions));

    let mut vague_words = vague_words(lexicon, &scan, &tokens, &shielded, &conditions);
    if let Some(set_words) = set_words {
        own_words(set_words, &tokens, &shielded, &mut vague_words);
    }
    let elements = elements(
        lexicon,
        &scan,
        &tokens,
        &vague_words,
        &utterances,
        &occasions,
    );
    govern(lexicon, &tokens, &mut vague_words, &elements, &conditions);

    // What the customer does beforehand (委托方应事先告知) is done before the
    // service or not: the service is there to check it.
    vague_words.retain(|w| !beforehand(lexicon, &scan, &tokens, w));

    let criterion_outside = |excluded: &[Range<usize>]| {
        elements
            .iter()
            .any(|e| e.is_criterion() && !excluded.iter().any(|d| overlaps(d, &e.range)))
    };
    let text = tokens.text;
    let mut ungoverned = vague_words.iter().filter(|w| w.governed_by.is_none());
    let vagueness = if let Some(first) = ungoverned.next() {
        let mut also: Vec<String> = Vec::new();
        for w in ungoverned {
            if w.word != first.word && !also.contains(&w.word) {
                also.push(w.word.clone());
            }
        }
        Some(Vagueness::VagueWord {
            word: first.word.clone(),
            category: first.category,
            also,
        })
    } else if let Some(first) = decorative
        .first()
        .filter(|_| !criterion_outside(&decorative))
    {
        Some(Vagueness::Decorative {
            text: text[first.clone()].to_owned(),
        })
    } else if let Some(act) = generic_act(lexicon, &scan, &tokens.lower, &elements) {
        Some(Vagueness::Generic {
            act: text[act].to_owned(),
        })
    } else if super::duty::customer_duty(
        lexicon,
        &scan,
        &tokens,
        (&occasions, &conditions),
        elements
            .iter()
            .any(|e| e.kind == ElementKind::Quantity && !e.customer),
    ) {
        Some(Vagueness::CustomerDuty)
    } else if elements.iter().all(|e| e.customer)
        // A verb of an act ("We will acknowledge your appeal") is checked on
        // the letter, however short the standard.
        && scan.of(List::Verb).next().is_none()
        && is_thin(lexicon, &tokens.lower)
    {
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

/// Whether `word` is a time word of `beforehand` (事先, "in advance") where
/// the customer acts: after a word for the customer in its clause, not as
/// the object of a staff act (向用户事先说明 stays), or after 请 asking them
/// (请务必事先与民宿电话确认). An English customer's rule that opens with the
/// customer is a finding of its own (`customer_duty`).
fn beforehand(lexicon: &Lexicon, scan: &Scan, tokens: &Tokens<'_>, word: &VagueWord) -> bool {
    let lower = tokens.lower.as_str();
    let it = &lower[word.range.clone()];
    if !lexicon.beforehand.iter().any(|b| b == it) {
        return false;
    }
    let clause = tokens.clause_around(word.range.start);
    let before = clause.start..word.range.start;
    // 对顾客, 向用户, 为客人: the customer is whom the staff act for.
    let subject = |at: usize| {
        !lower[..at].ends_with([
            '对', '對', '向', '为', '為', '给', '給', '与', '與', '和', '帮', '幫', '替', '跟',
        ])
    };
    let asked = lower[before.clone()]
        .match_indices(['请', '請'])
        .any(|(at, _)| {
            // 申请, 邀请: the word holds 请 and asks nobody.
            !lower[..before.start + at].ends_with(['申', '邀', '聘', '宴', '提'])
        });
    let named = scan
        .of(List::Customer)
        .map(|(_, r)| r.start)
        .chain(
            lexicon
                .customer_self
                .iter()
                .filter(|w| !w.is_ascii())
                .flat_map(|w| lower[before.clone()].match_indices(w.as_str()))
                .map(|(at, _)| before.start + at),
        )
        .any(|at| before.contains(&at) && subject(at));
    asked || named
}

/// The vague words, not yet governed: the lists' own, kept states
/// (保持…清洁, "keep … clean") and the manners read by their form, less
/// those `shielded` and those inside a longer one.
fn vague_words(
    lexicon: &Lexicon,
    scan: &Scan,
    tokens: &Tokens<'_>,
    shielded: &[Range<usize>],
    conditions: &[Range<usize>],
) -> Vec<VagueWord> {
    let keeps: Vec<Range<usize>> = scan.of(List::Keep).map(|(_, r)| r).collect();
    let mut found: Vec<(Range<usize>, Category)> = scan
        .of(List::Vague)
        .map(|(i, range)| (range, lexicon.vague[i].1))
        .collect();
    for (_, state) in scan.of(List::KeptState) {
        let clause = tokens.clause_of(state.start);
        let kept = keeps
            .iter()
            .any(|k| k.end <= state.start && tokens.clause_of(k.start) == clause);
        if kept {
            found.push((state, Category::Quality));
        }
    }
    found.extend(manners::english(lexicon, tokens));
    found.extend(manners::chinese(lexicon, scan, tokens));
    found.retain(|(range, _)| !shielded.iter().any(|s| covers(s, range)));
    // In a condition, words of a state of things or an act say when
    // (手续齐全的，…; "if you cannot help at once, …"); vague timing (必要时，…)
    // and how the staff behave stay vague there.
    let state = |c: Category| {
        matches!(
            c,
            Category::Quality | Category::Judgement | Category::Amount | Category::Feeling
        )
    };
    // After the act, a condition says when by the customer's feeling or a
    // state of things ("if you are not satisfied"); an act judged there ("if
    // we anticipate any delays") leaves the moment open.
    let trailing_state = |c: Category| matches!(c, Category::Quality | Category::Feeling);
    // A condition that holds nothing but the word (如情况适当，…; 如非必要，…)
    // is left undefined: the word stays.
    let bare = |s: &Range<usize>, range: &Range<usize>| {
        let lower = tokens.lower.as_str();
        let rest = format!(
            "{}{}",
            &lower[s.start..range.start],
            &lower[range.end..s.end]
        );
        let rest = rest.trim_start();
        let Some(rest) = lexicon
            .trigger_openers
            .iter()
            .find_map(|t| rest.strip_prefix(t.as_str()))
        else {
            return false;
        };
        let rest = ["情况", "情況", "非", "it", "is"]
            .iter()
            .fold(rest.to_owned(), |r, w| r.replace(w, ""));
        rest.chars().filter(|c| c.is_alphanumeric()).count() <= 1
    };
    let trailing = trailing_conditions(lexicon, tokens);
    found.retain(|(range, c)| {
        !state(*c)
            || !(conditions
                .iter()
                .any(|s| covers(s, range) && !bare(s, range))
                || trailing_state(*c) && trailing.iter().any(|s| covers(s, range)))
    });
    // "If we cannot deal with it immediately, …": timing after an inability
    // in a condition says when the condition holds.
    let unable = |range: &Range<usize>| {
        conditions.iter().any(|s| {
            covers(s, range) && {
                let lead = &tokens.lower[s.start..range.start];
                lexicon
                    .trigger_unable
                    .iter()
                    .any(|u| lead.contains(u.as_str()))
            }
        })
    };
    let when: Vec<Range<usize>> = found
        .iter()
        .filter(|(range, c)| {
            // "If the issue cannot be resolved informally, …": how it failed is when, too.
            matches!(c, Category::Time | Category::Frequency | Category::Manner) && unable(range)
        })
        .map(|(range, _)| range.clone())
        .collect();
    // The same word read by its ending as well ("immediately" as a manner).
    found.retain(|(range, _)| !when.iter().any(|w| overlaps(w, range)));
    // Longest match: a word the text holds across the vague word's edge
    // (时段 in 及时段, 规定 in 规定时限) means the vague word is not there.
    let compounds: Vec<Range<usize>> = scan.of(List::Compound).map(|(_, r)| r).collect();
    found.retain(|(range, _)| !crossed(range, &compounds));
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    // Drop words inside longer ones (立即 inside 立即回复 is one finding, 全心全意 not also 全力).
    // Sorted by start, then longest first: a word is inside a kept one
    // exactly when it ends no later than the furthest kept end so far.
    let mut words: Vec<VagueWord> = Vec::new();
    let mut furthest = 0;
    for (range, category) in found {
        // 有禮貌: 有禮 and 禮貌 overlap; they are one word, one finding.
        if let Some(last) = words.last_mut().filter(|w| range.start < w.range.end)
            && range.end > last.range.end
        {
            last.range.end = range.end;
            tokens.text[last.range.clone()].clone_into(&mut last.word);
            furthest = range.end;
            continue;
        }
        if range.end > furthest {
            furthest = furthest.max(range.end);
            words.push(VagueWord {
                word: tokens.text[range.clone()].to_owned(),
                range,
                category,
                governed_by: None,
            });
        }
    }
    words
}

/// A set's own words over the checker's: its defined and fine terms take
/// away the vague words inside them, its vague words are added.
fn own_words(
    set_words: &SetWords,
    tokens: &Tokens<'_>,
    shielded: &[Range<usize>],
    words: &mut Vec<VagueWord>,
) {
    let found = |term: &str| Pattern::new(term.trim()).find_in(&tokens.lower);
    let fine: Vec<Range<usize>> = set_words
        .defines
        .iter()
        .map(|d| d.term.as_str())
        .chain(set_words.fine.iter().map(String::as_str))
        .filter(|t| !t.trim().is_empty())
        .flat_map(found)
        .collect();
    words.retain(|w| !fine.iter().any(|f| covers(f, &w.range)));
    for term in set_words.vague.iter().filter(|t| !t.trim().is_empty()) {
        for range in found(term) {
            let taken = words.iter().any(|w| overlaps(&w.range, &range))
                || shielded.iter().chain(&fine).any(|s| covers(s, &range));
            if !taken {
                words.push(VagueWord {
                    word: tokens.text[range.clone()].to_owned(),
                    range,
                    category: Category::Judgement,
                    governed_by: None,
                });
            }
        }
    }
    words.sort_by_key(|w| w.range.start);
}

/// What 由 hands to the customer (由用户自行协商解决, 由客戶自行準備): from
/// 由 to the end of its clause, the customer's own act.
fn left_to_customer(scan: &Scan, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    scan.of(List::Customer)
        .filter(|(_, r)| lower[..r.start].ends_with('由'))
        .map(|(_, r)| r.start - '由'.len_utf8()..tokens.clause_around(r.start).end)
        .collect()
}

/// Whether a word of `words` crosses an edge of `range`: starts inside it
/// and ends past it, or starts before it and ends inside it.
fn crossed(range: &Range<usize>, words: &[Range<usize>]) -> bool {
    words.iter().any(|w| {
        (w.start > range.start && w.start < range.end && w.end > range.end)
            || (w.start < range.start && w.end > range.start && w.end < range.end)
    })
}

/// Instant words (立即, "immediately": the time rule's occasion words)
/// that follow a moment: 时/后 just before them, or a condition clause
/// just before their own.
fn instants(
    lexicon: &Lexicon,
    tokens: &Tokens<'_>,
    conditions: &[Range<usize>],
) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    let words = lexicon
        .excuses(Category::Time)
        .iter()
        .flat_map(|e| match e {
            Excuse::Occasion { words } => words.as_slice(),
            _ => &[],
        });
    let mut out = Vec::new();
    for word in words {
        for (at, _) in lower.match_indices(word.as_str()) {
            let before = lower[..at]
                .trim_end_matches([' ', '，', ',', '都', '就', '应', '應', '须', '須', '可']);
            // "immediately after the service is completed": the moment follows.
            let follows = lower[at + word.len()..].trim_start();
            let moment = before.ends_with(['时', '時', '后', '後'])
                || lexicon
                    .occasion_openers
                    .iter()
                    .any(|o| leads_with(follows, o));
            let clause = tokens.clause_of(at);
            let after_condition = clause > 0
                && conditions
                    .iter()
                    .any(|c| tokens.clause_of(c.start) == clause - 1);
            if moment || after_condition {
                out.push(at..at + word.len());
            }
        }
    }
    out
}

/// Purpose clauses: from an opener (以便, 方便顾客, "so that") to the end
/// of its clause.
/// An effect an act is meant to have (…，营造温馨的氛围; …，以示尊重;
/// …，方便有问题时联系) is one too when its opener opens a clause after the
/// first and more than qualities follow it (…，方便快捷 is a list of
/// qualities).
fn purposes(lexicon: &Lexicon, scan: &Scan, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    let effects = tokens.clauses.iter().skip(1).filter_map(|c| {
        let body = tokens.clause_around(c.start);
        let start =
            body.start + (lower[body.clone()].len() - lower[body.clone()].trim_start().len());
        let opener = lexicon
            .effect
            .iter()
            .find(|w| lower[start..].starts_with(w.as_str()))?;
        // An opener that is itself a quality, followed by nothing but
        // qualities or by nothing (…，方便快捷; …，方便、快捷、高效), is a
        // quality, not what the act is for (…，以示尊重 stays a purpose).
        let mut at = start + opener.len();
        let quality = scan.of(List::Vague).any(|(_, r)| r == (start..at));
        let listed = quality
            && loop {
                at += lower[at..body.end].len()
                    - lower[at..body.end]
                        .trim_start_matches(['、', '和', '与', '與', '及', ' '])
                        .len();
                if at >= body.end {
                    break true;
                }
                match scan
                    .of(List::Vague)
                    .find(|(_, r)| r.start == at && r.end <= body.end)
                {
                    Some((_, r)) => at = r.end,
                    None => break false,
                }
            };
        (!listed && start < body.end).then_some(start..body.end)
    });
    scan.of(List::Purpose)
        .map(|(_, r)| r.start..tokens.clause_around(r.start).end.max(r.end))
        .chain(effects)
        .collect()
}

/// Condition clauses of a standard of more than one clause: a clause that
/// opens with a trigger (如, 凡, "if", "unless") or, in Chinese, ends with
/// one (…手续齐全的，; …阶段时，).
fn conditions(lexicon: &Lexicon, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    let bodies: Vec<Range<usize>> = tokens
        .clauses
        .iter()
        .map(|c| tokens.clause_around(c.start))
        .filter(|c| !lower[c.clone()].trim().is_empty())
        .collect();
    if bodies.len() < 2 {
        return Vec::new();
    }
    // Never the last clause: a condition comes before what it sets off.
    let last = bodies.len() - 1;
    let mut flags: Vec<bool> = bodies
        .iter()
        .take(last)
        .map(|c| {
            let body = lower[c.clone()].trim();
            let not = lexicon
                .trigger_not
                .iter()
                .any(|t| body.starts_with(t.as_str()));
            let opens = !not
                && lexicon.trigger_openers.iter().any(|t| {
                    body.strip_prefix(t.as_str()).is_some_and(|rest| {
                        !t.is_ascii() || rest.starts_with(|ch: char| !ch.is_alphanumeric())
                    })
                });
            let ends = lexicon
                .trigger_endings
                .iter()
                .any(|t| body.ends_with(t.as_str()))
                || ends_in_when(body)
                    && lexicon
                        .trigger_unable
                        .iter()
                        .any(|u| body.contains(u.as_str()));
            opens || ends
        })
        .collect();
    // 索赔资料齐全、赔付金额无争议的，…: the parts of a listed condition
    // share its ending.
    for i in (0..flags.len().saturating_sub(1)).rev() {
        if flags[i + 1] && lower[bodies[i].end..].starts_with('、') {
            flags[i] = true;
        }
    }
    bodies
        .into_iter()
        .zip(flags)
        .filter_map(|(c, flag)| flag.then_some(c))
        .map(|c| moment_end(lower, c))
        .collect()
}

/// Characters that make a following 时 part of a word (及时, 准时, 实时,
/// 平时, 每小时) rather than "when".
const TIME_WORD_HEADS: &str = "及即准準按定同随隨适適临臨届屆暂暫实實当當平有小限超守计計每";

/// A clause that ends in 时 as "when" (实时沟通无法解决问题时，…; 系统故障时，…)
/// sets off what follows.
fn ends_in_when(body: &str) -> bool {
    let mut tail = body.chars().rev();
    matches!(tail.next(), Some('时' | '時'))
        && tail.next().is_some_and(|b| !TIME_WORD_HEADS.contains(b))
}

/// English conditions after the act they set off: from a trailing trigger
/// ("tell you what to do next if you are not satisfied") to the end of its
/// clause, where the clause has words before it.
fn trailing_conditions(lexicon: &Lexicon, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    let mut out = Vec::new();
    for (i, word) in tokens.words.iter().enumerate() {
        if !lexicon
            .trailing_triggers
            .iter()
            .any(|t| lower[word.clone()] == **t)
        {
            continue;
        }
        let clause = tokens.clause_around(word.start);
        let before_in_clause = tokens.words[..i]
            .iter()
            .rev()
            .take_while(|w| w.start >= clause.start)
            .count();
        if before_in_clause >= 2 {
            out.push(word.start..clause.end);
        }
    }
    out
}

/// A Chinese condition that ends at its moment inside the clause
/// (遇节假日需延缓送花时 | 通常顺延一周): up to 时, when what follows is
/// the act. 及时, 准时, 平时 and the like are words, not the moment.
fn moment_end(lower: &str, c: Range<usize>) -> Range<usize> {
    let body = &lower[c.clone()];
    let mut chars = body.char_indices().peekable();
    let mut before = None;
    while let Some((at, ch)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let word = before.is_some_and(|b| TIME_WORD_HEADS.contains(b));
        let han_after = next.is_some_and(is_han);
        let compound = next.is_some_and(|n| "间間限段效刻候".contains(n));
        if matches!(ch, '时' | '時') && !word && han_after && !compound {
            return c.start..c.start + at + ch.len_utf8();
        }
        before = Some(ch);
    }
    c
}

/// The criteria and acts, in text order, one per place.
fn elements(
    lexicon: &Lexicon,
    scan: &Scan,
    tokens: &Tokens<'_>,
    vague_words: &[VagueWord],
    utterances: &[Range<usize>],
    occasions: &[Range<usize>],
) -> Vec<Element> {
    let text = tokens.text;
    let decorative: Vec<Range<usize>> = scan.of(List::Decorative).map(|(_, r)| r).collect();
    let approximate: Vec<Range<usize>> = vague_words
        .iter()
        .filter(|w| w.category == Category::Approximate)
        .map(|w| w.range.clone())
        .collect();
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
    for occasion in occasions {
        push(ElementKind::Occasion, occasion.clone(), true, false);
    }
    for (range, time) in quantities::quantities(lexicon, tokens) {
        let masked = decorative
            .iter()
            .chain(&approximate)
            .any(|d| overlaps(d, &range));
        if !masked {
            push(ElementKind::Quantity, range, time, false);
        }
    }
    for range in &tokens.quotes {
        let inner = text[range.clone()].trim_matches(is_quote_mark);
        let inner_lower = inner.to_ascii_lowercase();
        // A quoted label (做到“热情、周到”) is a slogan, not words to be said;
        // so is a quote that heads what follows it (“五个一样”：…).
        let heading = text[range.end..].trim_start().starts_with([':', '：']);
        let only_a_label = heading
            || !utterances.contains(range) && {
                let inside = lexicon.scan(&inner_lower);
                inside.of(List::Vague).next().is_some()
                    || inside.of(List::Decorative).next().is_some()
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
            let inside_a_quote = tokens.quotes.iter().any(|q| covers(q, &range));
            let how = list == List::Observable && lexicon.observable_how[i];
            if !inside_a_quote {
                push(kind, range, kind == ElementKind::TimeAnchor, how);
            }
        }
    }
    for range in absences(lexicon, scan, &tokens.lower) {
        push(ElementKind::Absence, range, false, false);
    }
    elements.sort_by_key(|e| (e.range.start, e.range.end));
    // One element per place: a word listed twice (每天 in both scripts' lists, "third
    // ring" as a figure and as a time) is found once, the first kind pushed winning.
    elements.dedup_by(|b, a| a.range == b.range);
    elements
}

/// Occasions the customer's act defines: from a word for the customer to
/// 时/後/前 (顾客起身时), or from "when/after/as … the customer" to the end
/// of the clause. Acts inside are the customer's.
fn occasions(lexicon: &Lexicon, scan: &Scan, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    let lower = tokens.lower.as_str();
    let mut out = Vec::new();
    for (_, noun) in scan.of(List::Customer) {
        let Some(clause) = tokens.clauses.iter().find(|c| c.contains(&noun.start)) else {
            continue;
        };
        if lower[noun.clone()].is_ascii() {
            let before = lower[clause.start..noun.start].trim_end();
            let opener = lexicon.occasion_openers.iter().find_map(|w| {
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
                // 时间 is "time", not "when": 客人有充足的时间 sets no moment;
                // nor 时段 and 时限, nor the 前 of 提前 ("ahead").
                let time_noun = matches!(c, '时' | '時')
                    && matches!(next, Some('间' | '間' | '段' | '限' | '效'));
                // Nor a word that ends in one: 及时, 然后, 面前 (并及时采取
                // is the staff's next act, not the customer's moment).
                let prev = rest[..i].chars().next_back().unwrap_or(' ');
                let in_word = match c {
                    '时' | '時' => TIME_WORD_HEADS,
                    '后' | '後' => "然最随隨此",
                    _ => "提目当當面跟向",
                }
                .contains(prev);
                if matches!(c, '时' | '時' | '后' | '後' | '前') && !time_noun && !in_word {
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
fn generic_act(
    lexicon: &Lexicon,
    scan: &Scan,
    lower: &str,
    elements: &[Element],
) -> Option<Range<usize>> {
    if elements.iter().any(Element::is_criterion) {
        return None;
    }
    let act = scan.of(List::Generic).map(|(_, r)| r).next()?;
    let rest = format!("{}{}", &lower[..act.start], &lower[act.end..]);
    is_thin(lexicon, &rest).then_some(act)
}

/// Too little text to name an object: a few Chinese characters or words.
fn is_thin(lexicon: &Lexicon, lower: &str) -> bool {
    let han = lower.chars().filter(|c| is_han(*c)).count();
    let words = super::tokens::words(lower)
        .into_iter()
        .filter(|r| !lexicon.filler.iter().any(|f| *f == lower[r.clone()]))
        .count();
    han <= 4 && words <= 2
}

/// Checkable absences: a marker (无, no visible) followed by what is absent.
fn absences(lexicon: &Lexicon, scan: &Scan, lower: &str) -> Vec<Range<usize>> {
    let exceptions: Vec<Range<usize>> = scan.of(List::NotAbsence).map(|(_, r)| r).collect();
    let mut found = Vec::new();
    for (i, range) in scan.of(List::Absence) {
        if exceptions.iter().any(|e| e.start == range.start) {
            continue;
        }
        let rest = &lower[range.end..];
        let noun: usize = if lexicon.absence[i].text.is_ascii() {
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
    found
}

#[cfg(test)]
mod tests;
