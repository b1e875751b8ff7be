//! What the quotes of a standard are: words to say (说“请稍等”), a survey
//! item (顾客“被重视”好评率≥90%) or a paper's name (填具「民眾申訴處理單」),
//! none of which is a judgement of the staff's.

use std::ops::Range;

use super::super::lexicon::{Lexicon, List, Scan};
use super::super::tokens::{Tokens, is_quote_mark, paired};

/// The quotes read: those that are utterances, and every stretch a vague
/// word inside is not a finding (the utterances' naming words, survey
/// items, papers' names).
pub(super) struct Quoted {
    pub utterances: Vec<Range<usize>>,
    pub shields: Vec<Range<usize>>,
}

pub(super) fn read(lexicon: &Lexicon, scan: &Scan, tokens: &Tokens<'_>) -> Quoted {
    let lower = tokens.lower.as_str();
    // Words inside an utterance to be said (说“请稍等”) are what is said, not a judgement.
    // A quote right after an utterance, in its list (使用“您好”“请稍等，马上
    // 给您办理”等用语), is one too.
    // So is a list of quotes that ends in 等…用语 (“您好”“请慢走”等文明用语).
    let mut quotes = tokens.quotes.clone();
    quotes.sort_by_key(|q| q.start);
    let between = |a: &Range<usize>, b: &Range<usize>| {
        a.end <= b.start
            && lower[a.end..b.start]
                .trim_matches(|c: char| c.is_whitespace() || "、，,和或及".contains(c))
                .is_empty()
    };
    // The words that name such a list (不得使用“不知道”“不清楚”等推诿性语言),
    // as bytes after the quote: what the quotes show, not a judgement of their own.
    let named: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| {
            let after: String = lower[q.end..].chars().take(8).collect();
            listed_speech(lexicon, &after)
        })
        .collect();
    let mut said: Vec<bool> = quotes
        .iter()
        .zip(&named)
        .map(|(q, named)| named.is_some() || is_utterance(scan, lower, q))
        .collect();
    for i in 1..quotes.len() {
        said[i] |= said[i - 1] && between(&quotes[i - 1], &quotes[i]);
    }
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        said[i] |= said[i + 1] && between(&quotes[i], &quotes[i + 1]);
    }
    let mut shields: Vec<Range<usize>> = quotes
        .iter()
        .zip(&named)
        .filter_map(|(q, named)| named.map(|len| q.end..q.end + len))
        .collect();
    // A survey item (顾客“被重视”好评率≥90%) is what customers are asked:
    // its rate is the measure. A quoted name of a form or a paper
    // (填具「民眾申訴處理單」) names a thing.
    shields.extend(
        quotes
            .iter()
            .filter(|q| {
                let inner = lower[q.start..q.end].trim_end_matches(is_quote_mark);
                let after = &lower[q.end..];
                lexicon
                    .survey_rates
                    .iter()
                    .any(|w| after.starts_with(w.as_str()))
                    || lexicon
                        .paper_names
                        .iter()
                        .any(|n| inner.ends_with(n.as_str()) || after.starts_with(n.as_str()))
            })
            .cloned(),
    );
    // A title in book marks (符合《城镇燃气设计规范》) names a code, a form or a
    // law: its words are its name, not a judgement.
    shields.extend(paired(lower, '《', '》'));
    let utterances = quotes
        .into_iter()
        .zip(said)
        .filter_map(|(q, said)| said.then_some(q))
        .collect();
    Quoted {
        utterances,
        shields,
    }
}

/// The bytes of 等…用语 (or another of `speech_names`) right after a list
/// of quotes, naming them as words to say: `None` when `after` does not
/// start so.
fn listed_speech(lexicon: &Lexicon, after: &str) -> Option<usize> {
    if !after.starts_with('等') {
        return None;
    }
    lexicon
        .speech_names
        .iter()
        .filter_map(|noun| after.find(noun.as_str()).map(|at| at + noun.len()))
        .min()
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
