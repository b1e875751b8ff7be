//! The method's other rules for a good standard, beside measurability
//! ([`super::measurable`]): a standard is *specific* (one act, one
//! criterion), *customer-based* (the customer notices when it is done), and
//! a rate over time is checked with operational data.

use std::ops::Range;

use super::Problem;
use super::lexicon::{Lexicon, List, Scan};
use super::tokens::Tokens;
use crate::core::i18n::script::is_han;

/// A standard's text as the rules read it: its tokens and one scan of
/// every list over them.
struct Prepared<'a> {
    tokens: Tokens<'a>,
    scan: Scan,
    lexicon: &'a Lexicon,
}

impl<'a> Prepared<'a> {
    fn new(lexicon: &'a Lexicon, text: &'a str) -> Self {
        let tokens = Tokens::new(text);
        let scan = lexicon.scan(&tokens.lower);
        Self {
            tokens,
            scan,
            lexicon,
        }
    }
}

/// The hints of the specific and customer-based rules for one text, from
/// one scan: what `validate` reports and `check --explain` prints.
#[must_use]
pub fn hints(lexicon: &Lexicon, text: &str) -> Vec<Problem> {
    let prepared = Prepared::new(lexicon, text);
    let mut out = Vec::new();
    if let Some(Split { first, second }) = split_in(&prepared) {
        out.push(Problem::SplitHint { first, second });
    }
    if let Some(routine) = internal_routine_in(&prepared) {
        out.push(Problem::NotCustomerBased { routine });
    }
    out
}

/// Two acts joined in one standard (双手递上菜单并报出店名, "Print the
/// receipt and hand it over"): a hint to split, never an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub first: String,
    pub second: String,
}

/// The first pair of acts joined by 并/並且/然后 or ", and VERB" / "and then".
#[must_use]
pub fn split(lexicon: &Lexicon, text: &str) -> Option<Split> {
    split_in(&Prepared::new(lexicon, text))
}

fn split_in(prepared: &Prepared<'_>) -> Option<Split> {
    let Prepared {
        tokens,
        scan,
        lexicon,
    } = prepared;
    let (text, lower) = (tokens.text, tokens.lower.as_str());
    let mut joins: Vec<Range<usize>> = scan.of(List::Conjunction).map(|(_, r)| r).collect();
    // "… and VERB …": the second part starts with a verb of the list.
    let mut from = 0;
    while let Some(at) = lower[from..].find(" and ") {
        let start = from + at;
        let next = &lower[start + 5..];
        let starts_with_verb = scan
            .of(List::Verb)
            .any(|(_, r)| r.start == start + 5 && r.end > r.start)
            && !next.is_empty();
        if starts_with_verb {
            joins.push(start..start + 5);
        }
        from = start + 5;
    }
    joins.sort_by_key(|r| r.start);
    for join in joins {
        let word = &lower[join.clone()];
        let han_join = word.chars().all(is_han);
        if han_join {
            // The joining character with one character either side (合并, 并非).
            let before = lower[..join.start]
                .char_indices()
                .next_back()
                .map_or(join.start, |(i, _)| i);
            let after = lower[join.end..]
                .chars()
                .next()
                .map_or(join.end, |c| join.end + c.len_utf8());
            let around = &lower[before..after];
            if lexicon
                .not_joining
                .iter()
                .any(|w| around.contains(w.as_str()))
            {
                continue;
            }
        }
        let first = text[tokens.clause_around(join.start).start..join.start].trim();
        let second = text[join.end..tokens.clause_around(join.end).end].trim();
        let enough = |s: &str| {
            s.chars().filter(|c| is_han(*c)).count() >= 2
                || s.split_whitespace().count() >= 2
                || (!han_join && !s.is_empty())
        };
        // One criterion per standard: two parts that each state their own
        // (提前24小时通知 and 提供2个时段) can pass and fail apart; a second act
        // with nothing of its own to check (…并告知客户) is one procedure.
        let own_criterion = |s: &str| {
            use super::ElementKind as K;
            super::assess_with(lexicon, s).elements.iter().any(|e| {
                !e.customer && matches!(e.kind, K::Quantity | K::TimeAnchor | K::Quote | K::Absence)
            })
        };
        if enough(first) && enough(second) && own_criterion(first) && own_criterion(second) {
            return Some(Split {
                first: shorten(first),
                second: shorten(second),
            });
        }
    }
    None
}

/// An internal routine the customer never notices (填写工作日报, "attend
/// the team meeting"), when nothing in the standard names the customer.
#[must_use]
pub fn internal_routine(lexicon: &Lexicon, text: &str) -> Option<String> {
    internal_routine_in(&Prepared::new(lexicon, text))
}

fn internal_routine_in(prepared: &Prepared<'_>) -> Option<String> {
    let Prepared { tokens, scan, .. } = prepared;
    if scan.of(List::Customer).next().is_some() || !tokens.quotes.is_empty() {
        return None;
    }
    scan.of(List::Internal)
        .next()
        .map(|(_, r)| tokens.text[r].to_owned())
}

/// A rate or average over time (一次修复率每月不低于85%, "80% of calls
/// within 20 seconds", "nine calls in ten"): it cannot be judged on one visit.
#[must_use]
pub fn rate(lexicon: &Lexicon, text: &str) -> Option<String> {
    let Prepared { tokens, scan, .. } = Prepared::new(lexicon, text);
    let has_percent = tokens.lower.contains(['%', '％']);
    scan.of(List::Rate)
        .find(|(i, _)| has_percent || lexicon.rate_alone[*i])
        .map(|(_, r)| {
            // Quote the rate with its figure: the clause that holds the marker.
            let start = tokens.clause_around(r.start).start;
            let end = tokens.clause_around(r.start).end.max(r.end);
            shorten(tokens.text[start..end].trim())
        })
}

/// At most 32 characters, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    const MAX: usize = 32;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::builtin()
    }

    #[test]
    fn two_joined_acts_are_a_hint_to_split() {
        let s = split(lex(), "至少提前24小时通知顾客并提供2个新时段").expect("split");
        assert_eq!(s.first, "至少提前24小时通知顾客");
        assert_eq!(s.second, "提供2个新时段");
        let s = split(lex(), "Answer within three rings and say \"Good morning\"").expect("split");
        assert_eq!(s.first, "Answer within three rings");
        assert_eq!(s.second, "say \"Good morning\"");
        assert!(split(lex(), "兩天內完成維修並在24小時內回電").is_some());
    }

    #[test]
    fn a_second_act_with_nothing_of_its_own_to_check_is_one_procedure() {
        assert_eq!(
            split(lex(), "书面投诉在5个工作日内给出处理结果并告知客户"),
            None
        );
        assert_eq!(split(lex(), "Print the receipt and hand it over"), None);
    }

    #[test]
    fn one_act_with_two_objects_is_not_split() {
        assert_eq!(split(lex(), "说明押金金额和退还方式"), None);
        assert_eq!(
            split(
                lex(),
                "Tell the caller the name and number of the person you transfer to"
            ),
            None
        );
        assert_eq!(split(lex(), "两张表合并后交给店长"), None);
        // Multibyte text on both sides of the join, and at the very start.
        assert_eq!(split(lex(), "并"), None);
        assert_eq!(split(lex(), "é并é"), None);
        assert_eq!(split(lex(), "ééé并ééé"), None);
        assert_eq!(split(lex(), "电话铃响三声内接听"), None);
    }

    #[test]
    fn internal_routines_without_the_customer_get_the_hint() {
        assert_eq!(
            internal_routine(lex(), "每天下班前填写工作日报").as_deref(),
            Some("工作日报")
        );
        assert!(internal_routine(lex(), "Attend the team meeting every Monday").is_some());
        assert_eq!(
            internal_routine(lex(), "交接班时把顾客的留言告诉下一班"),
            None
        );
        assert_eq!(internal_routine(lex(), "电话铃响三声内接听"), None);
    }

    #[test]
    fn rates_over_time_are_found() {
        assert!(rate(lex(), "一次修复率每月不低于85%").is_some());
        assert!(rate(lex(), "80% of calls are answered within 20 seconds").is_some());
        assert!(rate(lex(), "Nine calls in ten are answered within six rings.").is_some());
        assert_eq!(rate(lex(), "提高工作效率"), None);
        assert_eq!(rate(lex(), "饮料倒至八分满"), None);
        assert_eq!(rate(lex(), "Quote the room rate at check-in"), None);
    }
}
