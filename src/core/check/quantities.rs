//! Numbers with their units: what makes a figure a criterion (三声, 2小时内,
//! "at least two options", "once a week") and whether it measures time.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::tokens::{Tokens, ends_with_word, is_digit, leads_with};

/// The unit at the start of `rest`, if any: (the bytes up to its end, with
/// the spaces before it; whether it measures time).
fn unit_at(lexicon: &Lexicon, rest: &str) -> Option<(usize, bool)> {
    let trimmed = rest.trim_start_matches([' ', '-']);
    let skipped = rest.len() - trimmed.len();
    if let Some((unit, time)) = lexicon
        .zh_unit
        .iter()
        .find(|(u, _)| trimmed.starts_with(u.as_str()))
    {
        return Some((skipped + unit.len(), *time));
    }
    lexicon
        .en_unit
        .iter()
        .find_map(|(u, time)| u.at_start(trimmed).map(|end| (skipped + end, *time)))
}

/// How far a figure reaches past its number: its unit (`unit` bytes) and a
/// directly following 内/以内 (两小时内).
fn within(lexicon: &Lexicon, rest: &str, unit: usize) -> usize {
    let after = &rest[unit..];
    let inside = lexicon
        .within
        .iter()
        .find(|w| after.starts_with(w.as_str()))
        .map_or(0, String::len);
    if unit == 0 { 0 } else { unit + inside }
}

/// Ranges of quantities, with whether each measures time or frequency:
/// Arabic numbers, Chinese numerals with a measure word, and English number
/// words with a unit or after a threshold.
pub fn quantities(lexicon: &Lexicon, tokens: &Tokens<'_>) -> Vec<(Range<usize>, bool)> {
    let lower = tokens.lower.as_str();
    let mut found = arabic(lexicon, lower);
    found.extend(chinese(lexicon, lower));
    found.extend(english(lexicon, tokens));
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// Arabic (and full-width) digits, with what makes them a figure: 1.5,
/// 9:00, 1–5, 24/7.
fn arabic(lexicon: &Lexicon, lower: &str) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    let mut chars = lower.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_digit(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            if is_digit(n)
                || matches!(
                    n,
                    '.' | ':' | '/' | '-' | '–' | '~' | '～' | ',' | '%' | '％'
                )
            {
                end = i + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // Trailing punctuation belongs to the sentence, not the figure.
        while lower[start..end].ends_with(['.', ',', '-', '/']) {
            end -= 1;
        }
        let figure = &lower[start..end];
        let rest = &lower[end..];
        let clock = figure.contains(':')
            || rest.starts_with(['点', '點'])
            || rest.trim_start().starts_with("am")
            || rest.trim_start().starts_with("pm");
        let unit = unit_at(lexicon, rest);
        if !clock && unit.is_none() && is_phone(lexicon, &lower[..start], figure, rest) {
            continue;
        }
        let time = clock || unit.is_some_and(|(_, time)| time);
        // The figure with its unit and a following 内 (2小时内, 3 rings).
        let end = end + within(lexicon, rest, unit.map_or(0, |(len, _)| len));
        found.push((start..end, time));
    }
    found
}

/// A number of three digits or more that is dialled (拨打119, 96333热线,
/// "call 999"): a phone number, no figure to check. A Latin word before it
/// is a whole word ("during 2025" is no "ring").
fn is_phone(lexicon: &Lexicon, before: &str, figure: &str, rest: &str) -> bool {
    let before = before.trim_end();
    figure.chars().filter(|c| is_digit(*c)).count() >= 3
        && (lexicon
            .phone_before
            .iter()
            .any(|w| ends_with_word(before, w))
            || lexicon
                .phone_after
                .iter()
                .any(|w| rest.trim_start().starts_with(w.as_str())))
}

/// Chinese numerals count only with a measure word: 三声 yes, 一定 and 十分 (very) no.
fn chinese(lexicon: &Lexicon, lower: &str) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    let mut chars = lower.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !lexicon.is_zh_digit(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            if lexicon.is_zh_digit(n) {
                end = i + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &lower[end..];
        let numeral = &lower[start..end];
        // 週二至週四: a day of the week is a time.
        if lexicon
            .weekday
            .iter()
            .any(|w| lower[..start].ends_with(w.as_str()))
            && numeral.chars().count() == 1
            && "一二三四五六".contains(numeral)
        {
            found.push((start..end, true));
            continue;
        }
        let Some((unit, time)) = lexicon
            .zh_unit
            .iter()
            .find(|(u, _)| rest.starts_with(u.as_str()))
        else {
            continue;
        };
        let after_unit = &rest[unit.len()..];
        // 十分 means "very" unless it is 十分钟 (ten minutes).
        let very = numeral.ends_with('十')
            && rest.starts_with('分')
            && !rest['分'.len_utf8()..].starts_with(['钟', '鐘']);
        let disposable = numeral == "一" && unit == "次" && after_unit.starts_with('性');
        // 每一位顾客 is "each customer", not a count; 每一小时 stays a frequency.
        let each = numeral == "一" && lower[..start].ends_with('每') && lexicon.each.contains(unit);
        // 进一步 is "further", not one step.
        let further = numeral == "一" && unit == "步" && lower[..start].ends_with(['进', '進']);
        // 零件 are spare parts, not zero pieces.
        let parts = numeral == "零" && unit == "件";
        if very || disposable || each || further || parts {
            continue;
        }
        let end = end + within(lexicon, rest, unit.len());
        found.push((start..end, *time));
    }
    found
}

/// English number words with a unit or after a threshold, and "once" as
/// a frequency (once a week).
fn english(lexicon: &Lexicon, tokens: &Tokens<'_>) -> Vec<(Range<usize>, bool)> {
    let lower = tokens.lower.as_str();
    let mut found = Vec::new();
    for range in &tokens.words {
        let word = &lower[range.clone()];
        if word == "once" {
            let after = lower[range.end..].trim_start();
            let frequency = lexicon.once_before.iter().any(|p| leads_with(after, p));
            if frequency {
                found.push((range.clone(), true));
            }
            continue;
        }
        if !lexicon.en_numbers.iter().any(|n| n == word) {
            continue;
        }
        let after = &lower[range.end..];
        let before = lower[..range.start].trim_end();
        let unit = unit_at(lexicon, after);
        let threshold_before = lexicon
            .en_thresholds
            .iter()
            .any(|t| before.ends_with(t.as_str()))
            || before.ends_with(" than");
        let twice = word == "twice";
        let always = twice || word == "both" && after.trim_start().starts_with("hands");
        let half_of = after.trim_start().starts_with("of the ") && word == "half";
        if unit.is_some() || threshold_before || always || half_of {
            let end = range.end + within(lexicon, after, unit.map_or(0, |(len, _)| len));
            found.push((
                range.start..end,
                twice || unit.is_some_and(|(_, time)| time),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<String> {
        let tokens = Tokens::new(text);
        quantities(Lexicon::builtin(), &tokens)
            .into_iter()
            .map(|(r, _)| tokens.lower[r].to_owned())
            .collect()
    }

    #[test]
    fn a_number_to_dial_is_no_figure() {
        assert!(figures("应尽速拨打119急救电话。").is_empty());
        assert!(figures("请致电96333热线。").is_empty());
        assert!(figures("Please call 999 in an emergency.").is_empty());
        // A unit or a short number is a figure even after a dialling word.
        assert_eq!(figures("电话响铃3声内接听。"), ["3声内"]);
        // A Latin word is whole: "during" is no "ring", "recall" no "call".
        assert_eq!(figures("Fares stay frozen during 2025."), ["2025"]);
        assert_eq!(figures("We recall 200 units."), ["200"]);
    }
}
