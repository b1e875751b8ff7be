//! The customer's duty as a standard (旅客應提早選位, "members must bring
//! their card"): what the customer must do, or may do with nothing to
//! check, is not what the staff do.

use std::ops::Range;

use super::lexicon::{Lexicon, List, Scan};
use super::tokens::Tokens;

/// The customer's duty or right as the whole standard (旅客應提早選位;
/// 客戶如需延期，須提前3個工作日通知; "Patients must arrive …"): a word
/// for the customer opens the sentence, outside an occasion, and a duty
/// word follows it in its clause, or opens the next clause after the
/// customer's condition. What the customer receives (顾客须在5分钟内得到
/// 接待, "customers should be greeted") is the staff's criterion put the
/// other way round, and stays theirs.
pub(super) fn customer_duty(
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
        // Only a condition the sentence opens with: after a staff act
        // (醫事人員均配戴名牌；若未配戴…，病人可以拒絕) the customer's right is
        // the consequence, and the staff act is the standard.
        .chain(
            conditions
                .iter()
                .filter(|c| tokens.clause_of(c.start) == 0)
                .filter_map(|c| {
                    let next = next_clause(tokens, c.end)?;
                    Some(next.start + (lower[next.clone()].len() - lower[next].trim_start().len()))
                }),
        )
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
    // A right the company grants something with is its offer, as a figure makes it.
    let offered = figure
        || lexicon
            .customer_offer
            .iter()
            .any(|w| !w.find_in(lower).is_empty());
    let duty_at = |text: &str| {
        let text = text.trim_start();
        if lexicon
            .not_duty
            .iter()
            .any(|w| text.starts_with(w.as_str()))
        {
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
                    (must || !offered)
                        && !lexicon
                            .customer_receives
                            .iter()
                            .any(|r| after.trim_start().starts_with(r.as_str()))
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
    // "Customers who feel unwell are asked not to come": who they are may
    // stand between, a few words long, before what they must do (not what
    // they can: "customers who can walk are offered…" is the staff's offer).
    let own = own
        .strip_prefix("who ")
        .and_then(|rest| {
            let starts = std::iter::once(0).chain(rest.match_indices(' ').map(|(i, _)| i + 1));
            starts
                .take(6)
                .skip(1)
                .find(|&i| {
                    lexicon
                        .customer_duty
                        .iter()
                        .any(|d| rest[i..].starts_with(d.as_str()))
                })
                .map(|i| &rest[i..])
        })
        .unwrap_or(own);
    if let Some(duty) = duty_at(own) {
        return duty && !received_in(lexicon, own);
    }
    // 客戶如需更改或延期，須至少提前3個工作日通知.
    let conditional = ["如", "若", "if ", "when "].iter().any(|w| own.contains(w));
    let Some(next) = next_clause(tokens, clause.end) else {
        return false;
    };
    conditional
        && duty_at(&lower[next.clone()]).is_some_and(|d| d && !received_in(lexicon, &lower[next]))
}

/// The clause after the one that holds byte `at`, without its punctuation.
fn next_clause(tokens: &Tokens<'_>, at: usize) -> Option<Range<usize>> {
    let next = tokens.clauses.get(tokens.clause_of(at) + 1)?;
    Some(tokens.clause_around(next.start))
}

/// Whether the customer only receives in `text` (得到, 收到): the staff's act.
fn received_in(lexicon: &Lexicon, text: &str) -> bool {
    lexicon
        .customer_receives
        .iter()
        .any(|w| !w.is_ascii() && text.contains(w.as_str()))
}
