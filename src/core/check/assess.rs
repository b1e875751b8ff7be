//! The measurability pipeline: tokens, one scan of every word list, the
//! vague words, the criteria and acts, what governs what, and the verdict.
//! What each piece means is in [`super::measurable`].

use std::ops::Range;

use super::govern::govern;
use super::lexicon::{Category, Lexicon, List, Pattern, Scan};
use super::measurable::{Assessment, Element, ElementKind, VagueWord, Vagueness};
use super::rulebook::Excuse;
use super::tokens::{Tokens, covers, is_quote_mark, overlaps};
use super::{manners, quantities};
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
    // Words inside an utterance to be said (说“请稍等”) are what is said, not a judgement.
    let utterances: Vec<Range<usize>> = tokens
        .quotes
        .iter()
        .filter(|q| is_utterance(&scan, &tokens.lower, q))
        .cloned()
        .collect();
    let occasions = occasions(lexicon, &scan, &tokens);
    let mut shielded = ranges(List::NotVague);
    shielded.extend(utterances.iter().cloned());
    // The customer's need or feeling as a trigger (民眾需要協助時) is when, not how.
    shielded.extend(occasions.iter().cloned());
    // Why it is done (佩戴工牌，方便顾客识别) is not what is checked, and
    // the condition it is done on (手续齐全的，当场登记) is when, not how.
    shielded.extend(purposes(&scan, &tokens));
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
    govern(lexicon, &tokens, &mut vague_words, &elements);

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
    } else if customer_duty(
        lexicon,
        &scan,
        &tokens,
        (&occasions, &conditions),
        elements
            .iter()
            .any(|e| e.kind == ElementKind::Quantity && !e.customer),
    ) {
        Some(Vagueness::CustomerDuty)
    } else if elements.iter().all(|e| e.customer) && is_thin(lexicon, &tokens.lower) {
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
    found.retain(|(range, c)| !state(*c) || !conditions.iter().any(|s| covers(s, range)));
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
            let before =
                lower[..at].trim_end_matches([' ', '，', ',', '都', '就', '应', '應', '须', '須']);
            let moment = before.ends_with(['时', '時', '后', '後']);
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

/// The customer's duty or right as the whole standard (旅客應提早選位;
/// 客戶如需延期，須提前3個工作日通知; "Patients must arrive …"): a word
/// for the customer opens the sentence, outside an occasion, and a duty
/// word follows it in its clause, or opens the next clause after the
/// customer's condition. What the customer receives (顾客须在5分钟内得到
/// 接待, "customers should be greeted") is the staff's criterion put the
/// other way round, and stays theirs.
fn customer_duty(
    lexicon: &Lexicon,
    scan: &Scan,
    tokens: &Tokens<'_>,
    (occasions, conditions): (&[Range<usize>], &[Range<usize>]),
    figure: bool,
) -> bool {
    let lower = tokens.lower.as_str();
    // The sentence's subject, or the main clause's after a condition
    // (工作人員未佩戴識別證的，您可以拒絕…).
    let lead = lower.len() - lower.trim_start().len();
    std::iter::once(lead)
        .chain(conditions.iter().filter_map(|c| {
            let next = next_clause(tokens, c.end)?;
            Some(next.start + (lower[next.clone()].len() - lower[next].trim_start().len()))
        }))
        .filter(|&start| start < lower.len())
        .any(|start| {
            duty_from(
                lexicon,
                scan,
                tokens,
                (occasions, conditions, figure),
                start,
            )
        })
}

fn duty_from(
    lexicon: &Lexicon,
    scan: &Scan,
    tokens: &Tokens<'_>,
    (occasions, conditions, figure): (&[Range<usize>], &[Range<usize>], bool),
    mut start: usize,
) -> bool {
    // 用户欠费需暂停供水的，…: a condition says when, not who must act.
    if conditions.iter().any(|c| c.contains(&start)) {
        return false;
    }
    const RECEIVED: [&str; 24] = [
        "得到",
        "获得",
        "獲得",
        "收到",
        "被",
        "受到",
        "享有",
        "享受",
        "be ",
        "receive",
        "get ",
        "not ",
        "never ",
        "wait",
        "have their",
        "hear",
        "see ",
        "find ",
        "expect",
        "experience",
        "feel",
        "only ",
        "always ",
        "be able",
    ];
    let lower = tokens.lower.as_str();
    for article in ["the ", "all ", "our "] {
        if lower[start..].starts_with(article) {
            start += article.len();
        }
    }
    if occasions.iter().any(|o| o.contains(&start)) {
        return false;
    }
    let rest = &lower[start..];
    let bounded = |w: &str| {
        rest.starts_with(w)
            && (!w.is_ascii() || !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
    };
    let subject_end = scan
        .of(List::Customer)
        .find(|(_, r)| r.start == start)
        .map(|(_, r)| r.end)
        .or_else(|| {
            lexicon
                .customer_self
                .iter()
                .find(|w| bounded(w))
                .map(|w| start + w.len())
        });
    let Some(end) = subject_end else {
        return false;
    };
    let duty_at = |text: &str| {
        let text = text.trim_start();
        const NOT_DUTY: [&str; 10] = [
            "需求", "可能", "可靠", "可供", "应用", "應用", "须知", "須知", "应对", "應對",
        ];
        if NOT_DUTY.iter().any(|w| text.starts_with(w)) {
            return None;
        }
        let must = lexicon.customer_duty.iter().map(|d| (d, true));
        let may = lexicon.customer_may.iter().map(|d| (d, false));
        must.chain(may).find_map(|(d, must)| {
            text.strip_prefix(d.as_str())
                .filter(|after| {
                    !d.is_ascii() || !after.starts_with(|c: char| c.is_ascii_alphanumeric())
                })
                .map(|after| {
                    (must || !figure) && !RECEIVED.iter().any(|r| after.trim_start().starts_with(r))
                })
        })
    };
    let clause = tokens.clause_around(start);
    let own = &lower[end..clause.end.max(end)];
    // 旅客與同行兒童應…: who comes with them may stand between.
    let own = own.trim_start();
    let own = ["与", "與", "和", "及"]
        .iter()
        .find_map(|w| own.strip_prefix(w))
        .and_then(|rest| {
            let i = rest.char_indices().take(6).find_map(|(i, _)| {
                let at = &rest[i..];
                duty_at(at).is_some().then_some(i)
            })?;
            Some(&rest[i..])
        })
        .unwrap_or(own);
    if let Some(duty) = duty_at(own) {
        return duty && !received_in(own);
    }
    // 客戶如需更改或延期，須至少提前3個工作日通知.
    let conditional = ["如", "若", "if ", "when "].iter().any(|w| own.contains(w));
    let Some(next) = next_clause(tokens, clause.end) else {
        return false;
    };
    conditional && duty_at(&lower[next.clone()]).is_some_and(|d| d && !received_in(&lower[next]))
}

/// The clause after the one that holds byte `at`, without its punctuation.
fn next_clause(tokens: &Tokens<'_>, at: usize) -> Option<Range<usize>> {
    let next = tokens.clauses.get(tokens.clause_of(at) + 1)?;
    Some(tokens.clause_around(next.start))
}

/// Whether the customer only receives in `text` (得到, 收到): the staff's act.
fn received_in(text: &str) -> bool {
    ["得到", "获得", "獲得", "收到", "受到"]
        .iter()
        .any(|w| text.contains(w))
}

/// Purpose clauses: from an opener (以便, 方便顾客, "so that") to the end
/// of its clause.
fn purposes(scan: &Scan, tokens: &Tokens<'_>) -> Vec<Range<usize>> {
    scan.of(List::Purpose)
        .map(|(_, r)| r.start..tokens.clause_around(r.start).end.max(r.end))
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
            let opens = lexicon.trigger_openers.iter().any(|t| {
                body.strip_prefix(t.as_str()).is_some_and(|rest| {
                    !t.is_ascii() || rest.starts_with(|ch: char| !ch.is_alphanumeric())
                })
            });
            let ends = lexicon
                .trigger_endings
                .iter()
                .any(|t| body.ends_with(t.as_str()));
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
        .collect()
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
                let ahead = c == '前' && rest[..i].ends_with('提');
                if matches!(c, '时' | '時' | '后' | '後' | '前') && !time_noun && !ahead {
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
    fn the_customers_duty_is_not_the_staffs_standard() {
        // Made-up sentences of the holdouts' shapes.
        vague("乘客與同行老人應提早購票");
        vague("顧客如需改期，須至少提前2個工作日以電話通知");
        vague("Members must bring their card to every class.");
        vague("證件不齊全的，您可以改日再來");
        // A right with a figure is what the service offers.
        ok("顾客可通过短信链接自行改期，至上门前2小时为止");
        ok("If your train is 15 minutes late, you can claim compensation.");
        // What the customer receives is the staff's criterion turned round.
        ok("顾客须在5分钟内得到接待");
        ok("Customers should be greeted within 10 seconds.");
        // A condition on the customer says when the staff act.
        ok("客户欠费需停机的，提前48小时短信通知客户");
        // 需求 is a need, not "must".
        vague("客户需求要尽量满足");
        // 提前 is "ahead", not the moment before an act; 时段 a period, not "when".
        vague("会员须提前一天预约课程");
        vague("民众如需使用周末时段，应于前一个工作日预约");
    }

    #[test]
    fn an_instant_after_its_moment_is_that_moment() {
        ok("一次性手套使用后立即丢弃");
        ok("发现有人吸烟时立即劝阻");
        ok("只要有顾客排队，都立即加开收银台");
        vague("投诉应立即处理");
    }

    #[test]
    fn a_listed_condition_shares_its_ending() {
        ok("单据完整、金额无误的，2日内付款");
    }

    #[test]
    fn a_time_noun_is_not_an_instant_word() {
        ok("以短信告知取件地址及时间");
        vague("及时告知取件地址");
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
    fn a_sets_own_words_are_honoured_in_that_set_only() {
        let mut words = SetWords::default();
        words.defines.push(crate::core::model::Definition {
            term: "及时".into(),
            meaning: "2小时内".into(),
        });
        words.fine.push("tidy".into());
        words.vague.push("标杆".into());
        assert!(assess_in(&words, "及时回复顾客的留言").is_measurable());
        assert!(!assess("及时回复顾客的留言").is_measurable());
        assert!(assess_in(&words, "Keep the counter tidy.").is_measurable());
        let a = assess_in(&words, "标杆式接待每一位顾客");
        assert!(!a.is_measurable(), "{a:#?}");
        assert_eq!(a.ungoverned().next().map(|w| w.word.as_str()), Some("标杆"));
        assert!(assess("标杆式接待每一位顾客").ungoverned().next().is_none());
        assert!(assess_in(&words, "标杆式接待，10秒内问候").is_measurable());
    }

    #[test]
    fn empty_text_is_vague() {
        assert_eq!(assess("  ").vagueness, Some(Vagueness::Empty));
    }
}
