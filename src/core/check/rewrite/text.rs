//! The text of a rewrite being built: slot marks in and out, spacing
//! around what is put in, tidying what is left, and the suggestion made;
//! where a word stands (a frame it takes with it, a word in its clause).

use std::ops::Range;

use super::Suggestion;
pub(super) use crate::core::check::tokens::ends_with_word;
use crate::core::check::tokens::is_word_char;
use crate::core::i18n::script::is_han;
use crate::core::model::Language;

/// Where a slot starts and ends inside a rewrite being built: private-use
/// characters no standard carries (they are removed from the input first).
pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';
/// Around text that goes to the end of its sentence once the rewrite is
/// done (a rule's `tail`): the checker does not read it meanwhile, so the
/// words it follows are still rewritten (尽量缩短… → 缩短…至[5]分钟以内，
/// 达标率≥[95]%).
pub(super) const TAIL: char = '\u{E002}';
pub(super) const TAIL_END: char = '\u{E003}';
/// Around what a word means here, which goes after a colon at the end of
/// the standard once the rewrite is done (a rule's `place: gloss`): the
/// word stays, and the checker does not read the gloss meanwhile ("We
/// will be polite" → "We will be polite: staff greet you by name").
pub(super) const GLOSS: char = '\u{E004}';
pub(super) const GLOSS_END: char = '\u{E005}';

/// Whether `c` is one of the marks a rewrite being built uses.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, OPEN | CLOSE | TAIL | TAIL_END | GLOSS | GLOSS_END)
}

/// Whether an edit of `range` would cut a Latin word in two: a letter
/// right outside either end ("sincere way" in "sincere ways"), or a hyphen
/// joining it to the next word ("best" in "best-sellers", "focused" in
/// "customer-focused").
pub(super) fn cuts_a_word(text: &str, range: &Range<usize>) -> bool {
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    let inside_first = text[range.clone()].chars().next();
    let inside_last = text[range.clone()].chars().next_back();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    latin(inside_first) && joined(text[..range.start].chars().next_back())
        || latin(inside_last) && joined(text[range.end..].chars().next())
}

pub(super) fn is_closing(c: char) -> bool {
    c.is_whitespace() || matches!(c, '。' | '.' | '！' | '!' | '；' | ';' | '，' | ',' | '、')
}

/// The text without slot marks, and for each of its byte offsets (and its
/// end) the offset in the marked text.
pub(super) fn unmark(marked: &str) -> (String, Vec<usize>) {
    let mut filled = String::new();
    let mut map = Vec::new();
    let mut in_tail = false;
    for (at, c) in marked.char_indices() {
        match c {
            TAIL | GLOSS => in_tail = true,
            TAIL_END | GLOSS_END => in_tail = false,
            _ => {}
        }
        if in_tail || is_mark(c) {
            continue;
        }
        for i in 0..c.len_utf8() {
            map.push(at + i);
        }
        filled.push(c);
    }
    map.push(marked.len());
    (filled, map)
}

/// An edit's text with a rule's tail (if any) marked to go to the end of
/// its sentence once the rewrite is done.
pub(super) fn tailed(tail: &str, with: String) -> String {
    if tail.is_empty() {
        with
    } else {
        format!("{TAIL}{}{TAIL_END}{with}", marked(tail))
    }
}

/// Each tail put at the end of its sentence, once, and not where a share
/// is already stated (a survey's 好评≥[90]% measures the aim too).
/// A rewrite stays within twice the original's length (`limit`, in
/// characters): a tail that would pass it is left out.
pub(super) fn place_tails(marked: &str, lang: Language, limit: usize) -> String {
    let shown = |t: &str| unmark(t).0.chars().count();
    let mut text = marked.to_owned();
    while let Some(mut start) = text.rfind(TAIL) {
        let Some(len) = text[start..].find(TAIL_END) else {
            break;
        };
        let tail = text[start + TAIL.len_utf8()..start + len].to_owned();
        text.replace_range(start..start + len + TAIL_END.len_utf8(), "");
        // "solve the problem (if possible)": the brackets it filled go with it.
        for (open, close) in [('(', ')'), ('（', '）')] {
            if text[..start].ends_with(open) && text[start..].starts_with(close) {
                let lead = text[..start - open.len_utf8()].trim_end_matches(' ').len();
                text.replace_range(lead..start + close.len_utf8(), "");
                start = lead;
            }
        }
        // Where it stood, one space ("will  move" → "will move").
        if text[..start].ends_with(' ')
            && (start == text.len() || text[start..].starts_with([' ', ',', '.']))
        {
            text.remove(start - 1);
            start -= 1;
        }
        // ", wherever possible," gone: one comma.
        if text[..start].trim_end().ends_with(',') && text[start..].trim_start().starts_with(',') {
            let skip = text[start..].len() - text[start..].trim_start().len();
            text.replace_range(start..=start + skip, "");
        }
        // A sentence it opened starts with its next word, capitalised.
        if start == 0 && lang == Language::En {
            text = text.trim_start().to_owned();
            if let Some(first) = text.chars().next().filter(char::is_ascii_lowercase) {
                text.replace_range(..1, &first.to_ascii_uppercase().to_string());
            }
        }
        let end = text[start..]
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
                    || c == '.'
                        && (text[start + i + 1..].starts_with(' ') || start + i + 1 == text.len())
            })
            .map_or(text.len(), |(i, _)| start + i);
        let at = text[..end].trim_end_matches(is_closing).len().max(start);
        let sentence_start = text[..start].rfind(['。', '！', '？', '；']).unwrap_or(0);
        if !text[sentence_start..end].contains('%') && shown(&text) + shown(&tail) <= limit {
            let tail = spaced(&text, at..at, tail, lang);
            text.insert_str(at, &tail);
        }
    }
    text
}

/// In English, a space between an inserted word and a word beside it.
pub(super) fn spaced(text: &str, at: Range<usize>, with: String, lang: Language) -> String {
    if lang != Language::En || with.is_empty() {
        return with;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '"');
    let first = with.chars().find(|c| *c != OPEN && *c != CLOSE);
    let last = with.chars().rev().find(|c| *c != OPEN && *c != CLOSE);
    let mut out = with;
    if word(text[..at.start].chars().next_back()) && word(first) {
        out.insert(0, ' ');
    }
    if word(text[at.end..].chars().next()) && word(last) {
        out.push(' ');
    }
    out
}

/// Whether every `[` has its `]`, none nested.
pub(super) fn slots_pair(with: &str) -> bool {
    let mut open = false;
    for c in with.chars() {
        match c {
            '[' if open => return false,
            '[' => open = true,
            ']' if !open => return false,
            ']' => open = false,
            _ => {}
        }
    }
    !open
}

/// A rule's text with its brackets turned into slot marks.
pub(super) fn marked(with: &str) -> String {
    with.replace('[', &OPEN.to_string())
        .replace(']', &CLOSE.to_string())
}

/// A feeling clause's figure: `{who}` becomes who is to feel it (让每位
/// 旅客都感到温暖 → 旅客; 确保顾客对维修结果满意 → 顾客对维修结果的),
/// `{word}` the feeling the clause names (感受到温暖 → 温暖). `at` is
/// where `word` starts in `clause`.
pub(super) fn felt(with: &str, word: &str, clause: &str, at: usize, lang: Language) -> String {
    if lang == Language::En {
        let who = felt_by(&clause[..at]).unwrap_or_else(|| "customers".to_owned());
        let rest = clause[at..].trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ');
        let feeling = rest.split_once(' ').map_or(word, |(_, f)| f);
        return marked(&with.replace("{who}", &who).replace("{word}", feeling));
    }
    let lead = clause[..at].trim_start_matches(['做', '到', '要', '应', '應', '须', '須']);
    let lead = ["确保", "確保", "让", "讓", "使", "令"]
        .iter()
        .find_map(|w| lead.strip_prefix(w))
        .unwrap_or(lead);
    let lead = ["每一位", "每位", "所有的", "所有", "各位", "全体", "全體"]
        .iter()
        .find_map(|w| lead.strip_prefix(w))
        .unwrap_or(lead);
    let stop = lead
        .find([
            '在', '都', '均', '皆', '能', '可', '有', '更', '感', '觉', '覺', '从', '從', '处',
            '處', '享', '倍', '深', '备', '備',
        ])
        .unwrap_or(lead.len());
    let mut who = lead[..stop].to_owned();
    let pronoun =
        ["他们", "他們", "她们", "她們", "您", "你", "大家", "其"].contains(&who.as_str());
    if who.is_empty() || pronoun || who.chars().count() > 8 {
        let customer = if lang == Language::ZhTw {
            "顧客"
        } else {
            "顾客"
        };
        customer.clone_into(&mut who);
    } else if who.contains(['对', '對']) {
        who.push('的');
    }
    // A bare word of feeling (感受到温暖) names what follows it; a feeling
    // word (高兴而来) names itself.
    let bare = ["感受", "感到", "感覺", "感觉", "覺得", "觉得"];
    let tail = clause[at..].trim_end_matches(|c: char| !is_han(c));
    if !bare.iter().any(|w| tail.starts_with(w)) {
        return marked(
            &with
                .replace("{who}", &who)
                .replace("{word}", feeling_of(word)),
        );
    }
    let feeling = [
        "感受到",
        "感覺到",
        "感觉到",
        "感受",
        "感到",
        "感覺",
        "感觉",
        "覺得",
        "觉得",
        "有",
    ]
    .iter()
    .find_map(|w| tail.strip_prefix(w))
    .unwrap_or(tail);
    let feeling = ["的感覺", "的感觉", "之感"]
        .iter()
        .find_map(|w| feeling.strip_suffix(w))
        .unwrap_or(feeling);
    let feeling = if feeling.is_empty() || feeling.chars().count() > 6 {
        feeling_of(&clause[at..])
    } else {
        feeling
    };
    marked(&with.replace("{who}", &who).replace("{word}", feeling))
}

/// Who an English clause asks to feel something, from the text before its
/// word of feeling: "make every visitor" → visitors, "Guests" → guests.
/// None when the clause says more than that ("Every guest leaves") or
/// names no one a survey could ask ("make them").
pub(super) fn felt_by(lead: &str) -> Option<String> {
    let lower = lead.to_lowercase();
    let lead = lower.rsplit([',', ';', ':', '.']).next()?.trim();
    let mut words: Vec<&str> = lead.split_whitespace().collect();
    let maker = words
        .iter()
        .rposition(|w| ["make", "makes", "help", "helps"].contains(w));
    if let Some(at) = maker {
        words.drain(..=at);
    } else {
        while words
            .last()
            .is_some_and(|w| ["should", "will", "must", "always", "do", "can", "to"].contains(w))
        {
            words.pop();
        }
    }
    let determiner = words
        .first()
        .filter(|w| ["every", "each", "all", "the", "our", "your", "a", "an"].contains(*w))
        .copied();
    if determiner.is_some() {
        words.remove(0);
    }
    let singular = matches!(determiner, Some("every" | "each" | "the" | "a" | "an"));
    match words.as_slice() {
        ["you"] => Some("customers".to_owned()),
        [w] | [_, w] if ["them", "him", "her", "it", "they", "us", "i", "we", "me"].contains(w) => {
            None
        }
        [] => None,
        // After "every", one noun: "every guest leaves" says what they do.
        ws if ws.len() <= 2 - usize::from(singular)
            && ws.iter().all(|w| w.chars().all(char::is_alphabetic)) =>
        {
            let mut who = ws.join(" ");
            if singular && !who.ends_with('s') {
                match who
                    .strip_suffix("person")
                    .or_else(|| who.strip_suffix("child"))
                {
                    Some(stem) if who.ends_with("person") => who = format!("{stem}people"),
                    Some(stem) => who = format!("{stem}children"),
                    None => who.push('s'),
                }
            }
            Some(who)
        }
        _ => None,
    }
}

/// A rule's text marked for the word it rewrites: `{word}` becomes the
/// feeling the word names (顾客“{word}”好评率 → 顾客“舒心”好评率).
pub(super) fn marked_for(with: &str, word: &str) -> String {
    if with.contains("{word}") {
        marked(&with.replace("{word}", feeling_of(word)))
    } else {
        marked(with)
    }
}

/// An English "and" list without an item that ends an earlier item of the
/// same list: what a rewrite put beside the original's words ("with a smile
/// and eye contact" + "and a warm smile", its "warm" gone) is said once.
pub(super) fn listed_once(s: &str, original: &str) -> String {
    let words = |item: &str| -> Vec<String> {
        item.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let mut out = String::new();
    for clause in s.split_inclusive(['.', ',', ';']) {
        let items: Vec<&str> = clause.split(" and ").collect();
        out.push_str(items[0]);
        for (i, item) in items.iter().enumerate().skip(1) {
            let own = words(item);
            let again = i >= 2
                && (1..=3).contains(&own.len())
                && items[..i].iter().any(|k| words(k).ends_with(&own))
                && !original.contains(&format!(" and {}", item.trim_end_matches(['.', ',', ';'])));
            if again {
                // The item goes, its closing mark stays with the list.
                out.extend(item.chars().filter(|c| matches!(c, '.' | ',' | ';')));
            } else {
                out.push_str(" and ");
                out.push_str(item);
            }
        }
    }
    out
}

/// Punctuation and spaces left over where words went: doubled commas,
/// a comma at the start, a space before a comma; a capital first letter
/// in English when the original had one.
pub(super) fn tidy(out: &str, lang: Language, original: &str) -> String {
    let mut s = out.to_owned();
    if lang == Language::En {
        while s.contains("  ") {
            s = s.replace("  ", " ");
        }
        for (from, to) in [
            (" ,", ","),
            (" .", "."),
            (",,", ","),
            (", .", "."),
            (",.", "."),
            (" ;", ";"),
            // "in a timely, accessible manner" without its first word.
            (" a, ", " a "),
            (" an, ", " an "),
            (" the, ", " the "),
            // "dealt with in a friendly manner" → "dealt with, with a smile".
            (" with with ", " with, with "),
            // A disclaimer dropped with its clause takes its joiner along.
            ("; however.", "."),
            (", however.", "."),
            ("; but.", "."),
            (", but.", "."),
        ] {
            s = s.replace(from, to);
        }
        s = listed_once(&s, original);
        s = emptied_brackets(&s);
        s = s.trim_start_matches([' ', ',']).trim_end().to_owned();
        s = articles(&s, original);
        let capital = original.trim_start().starts_with(char::is_uppercase);
        if capital {
            // A slot that opens the sentence ("[annual] surveys") is capitalised inside.
            let lead = s
                .chars()
                .next()
                .filter(|c| matches!(*c, '[' | OPEN))
                .map_or(0, char::len_utf8);
            let mut chars = s[lead..].chars();
            if let Some(first) = chars.next() {
                s = format!(
                    "{}{}",
                    &s[..lead],
                    first.to_uppercase().chain(chars).collect::<String>()
                );
            }
        }
    } else {
        for (from, to) in [
            ("，，", "，"),
            ("、、", "、"),
            ("、，", "，"),
            ("，、", "，"),
            ("，。", "。"),
            ("、。", "。"),
            // Chinese written with ASCII commas (服務,但…) the same way.
            (",,", ","),
            (",，", "，"),
            ("，,", "，"),
            (",。", "。"),
            ("、,", ","),
        ] {
            while s.contains(from) {
                s = s.replace(from, to);
            }
        }
        // Two rewrites that meet (调卷迅速准确 → 在[5]分钟内 + 无[差错]) are
        // two items of a list.
        for (from, to) in [("内无", "内、无"), ("內無", "內、無")] {
            s = s.replace(&format!("{from}{OPEN}"), &format!("{to}{OPEN}"));
        }
        // 无[差错]在[1]个工作日内 too, where a state ends and a time begins.
        let meet = format!("{CLOSE}在{OPEN}");
        let mut from = 0;
        while let Some(at) = s[from..].find(&meet).map(|i| from + i) {
            let state = s[..at]
                .rfind(OPEN)
                .is_some_and(|open| s[..open].ends_with(['无', '無']));
            if state {
                s.insert(at + CLOSE.len_utf8(), '、');
            }
            from = at + meet.len();
        }
        s = emptied_brackets(&s);
        s = s.trim_start_matches(['，', '、']).to_owned();
        while s.ends_with(['、', '，', ',']) {
            s.pop();
        }
    }
    s
}

/// Brackets a rewrite emptied, with the space before them: "solve the
/// problem (if possible)" without its hedge, "(at least approximately)"
/// without its vague word, 咨询（尽量）.
fn emptied_brackets(text: &str) -> String {
    let mut s = text.to_owned();
    for (open, close) in [('(', ')'), ('（', '）')] {
        let mut from = 0;
        while let Some(start) = s[from..].find(open).map(|i| from + i) {
            let inner = start + open.len_utf8();
            let Some(end) = s[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            let content = s[inner..end].trim();
            if matches!(content, "" | "at least" | "at most" | "about" | "up to") {
                let lead = s[..start].len() - s[..start].trim_end_matches(' ').len();
                s.replace_range(start - lead..end + close.len_utf8(), "");
                from = start - lead;
            } else {
                from = inner;
            }
        }
    }
    s
}

/// "a" or "an" as the word after it now needs, where a rewrite took out
/// the word between ("an experienced nurse" → "a nurse …"). An article and
/// word the original has together are left as written ("an SMS", "a user").
fn articles(text: &str, original: &str) -> String {
    let lower = original.to_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['a', 'A']) {
        let word_start = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric());
        let after = &rest[at..];
        // By `get`: a slot's mark right after "a " is not a char boundary.
        let article = if after
            .get(..3)
            .is_some_and(|s| s.eq_ignore_ascii_case("an "))
        {
            3
        } else if after.get(..2).is_some_and(|s| s.eq_ignore_ascii_case("a ")) {
            2
        } else {
            0
        };
        if !word_start || article == 0 {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        }
        out.push_str(&rest[..at]);
        let next = &after[article..];
        let word: String = next
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .collect();
        let pair = format!("{}{}", &after[..article], word).to_lowercase();
        let first = word.chars().next().unwrap_or(' ');
        let wanted = if first.is_ascii_lowercase() && !lower.contains(&pair) {
            match first {
                'a' | 'e' | 'i' | 'o' => Some("an "),
                'h' | 'u' => None,
                _ => Some("a "),
            }
        } else {
            None
        };
        match wanted {
            Some(w) if !after[..article].eq_ignore_ascii_case(w) => {
                let capital = after.starts_with('A');
                out.push_str(if capital {
                    if w == "a " { "A " } else { "An " }
                } else {
                    w
                });
            }
            _ => out.push_str(&after[..article]),
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

/// The marked and filled forms of a rewrite built with slot marks.
pub(super) fn render(built: &str, words: Vec<String>) -> Suggestion {
    let mut marked = String::new();
    let mut filled = String::new();
    let mut slots = Vec::new();
    let mut start = 0;
    for c in built.chars() {
        match c {
            OPEN => {
                marked.push('[');
                start = filled.len();
            }
            CLOSE => {
                marked.push(']');
                slots.push(start..filled.len());
            }
            c => {
                marked.push(c);
                filled.push(c);
            }
        }
    }
    Suggestion {
        marked,
        filled,
        slots,
        words,
    }
}

/// Whether `word` is in `text`: anywhere for Chinese; for a Latin one,
/// at a word's start ("process" in "processed", not in "reprocess") and,
/// if `whole`, at its end too ("not" is not in "notify").
pub(super) fn has_word(text: &str, word: &str, whole: bool) -> bool {
    find_word(text, word, whole).is_some()
}

/// Where `word` first stands in `text`, as [`has_word`] finds it.
pub(super) fn find_word(text: &str, word: &str, whole: bool) -> Option<usize> {
    let latin = word.starts_with(|c: char| c.is_ascii_alphabetic());
    let cut = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    text.match_indices(word)
        .find(|(at, _)| {
            let starts = !cut(text[..*at].chars().next_back());
            let ends = !whole || !cut(text[at + word.len()..].chars().next());
            !latin || starts && ends
        })
        .map(|(at, _)| at)
}

/// The span a word's replacement takes, grown over the frame the text
/// already puts around the word when the replacement brings its own:
/// 在最短时间内 with 在[2]小时内 is one 在…内, not 在在[2]小时内内, and
/// "as discreetly as possible" loses its "as … as possible" with the word;
/// and the replacement, a Chinese time limit fitted to the words around it.
pub(super) fn framed(
    text: &str,
    span: Range<usize>,
    with: String,
    (lang, modals, received): (Language, &[String], &[String]),
) -> (usize, usize, String) {
    if lang == Language::En {
        let (start, end) = as_possible(text, span);
        return (start, end, with);
    }
    let (mut start, mut end) = (span.start, span.end);
    let mut with = with;
    for opening in ["在", "於", "于"] {
        if with.starts_with(opening) && text[..start].ends_with(opening) {
            start -= opening.len();
            break;
        }
    }
    for closing in ["内", "內"] {
        if with.ends_with(closing) && text[end..].starts_with(closing) {
            end += closing.len();
            break;
        }
    }
    // A time limit after a modal takes 在 (要第一时间告知 → 要在[1]分钟内告知);
    // before 得到 and the act it times it leads (得到及时处理 → 在[2]小时内得到
    // 处理), not in a list of what a reply is (獲得及時、真實的回覆).
    if with.starts_with([OPEN, '在']) && with.ends_with(['内', '內']) {
        let before = &text[..start];
        if !with.starts_with('在') && modals.iter().any(|m| before.ends_with(m.as_str())) {
            with.insert(0, '在');
        }
        let acts = text[end..].starts_with(|c: char| is_han(c) && c != '的');
        if acts
            && with.starts_with('在')
            && let Some(got) = received.iter().find(|g| before.ends_with(g.as_str()))
        {
            start -= got.len();
            with.push_str(got);
        }
    }
    (start, end, with)
}

/// The span of an English word grown over its part of "as … as possible":
/// the whole frame around one word ("as discreetly as possible"), the
/// opening "as" of the first of two joined words and the closing "as
/// possible" of the second ("as quickly and (as) fairly as possible"), so
/// that each word's rewrite takes its share and no half frame is left.
pub(super) fn as_possible(text: &str, span: Range<usize>) -> (usize, usize) {
    const AS: &str = "as ";
    // "as quickly as possible", "as quickly as we can".
    const ENDS: [&str; 5] = [
        " as possible",
        " as we possibly can",
        " as we can",
        " as they can",
        " as i can",
    ];
    let (mut start, mut end) = (span.start, span.end);
    let before = &text[..start];
    let opens = before.ends_with(" as ") || before == AS;
    let after = &text[end..];
    // The second word of the pair: "… and (as) fairly" before it.
    let is_second = || {
        let lead = before.strip_suffix(AS).unwrap_or(before);
        [" and ", " or "].into_iter().any(|c| {
            lead.strip_suffix(c).is_some_and(|first| {
                first
                    .rfind(' ')
                    .is_some_and(|at| first[..=at].ends_with(" as "))
            })
        })
    };
    // The first word of the pair: "(as) fairly as possible" after it.
    let is_first = || {
        [" and ", " or "].into_iter().any(|c| {
            after.strip_prefix(c).is_some_and(|rest| {
                let rest = rest.strip_prefix(AS).unwrap_or(rest);
                rest.split_once(' ')
                    .is_some_and(|(word, tail)| !word.is_empty() && tail.starts_with("as possible"))
            })
        })
    };
    let closing = ENDS.iter().find(|e| {
        after
            .get(..e.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(e))
    });
    if let Some(closing) = closing {
        if opens {
            start -= AS.len();
            end += closing.len();
        } else if is_second() {
            end += closing.len();
        }
    } else if opens && is_first() {
        start -= AS.len();
    }
    (start, end)
}

/// For an English hedge in the third person ending in "to" ("aims to",
/// "tries its best to") at `span`: the end of the verb after it and that
/// verb with the subject's -s, which the hedge carried ("aims to decide" →
/// "decides").
pub(super) fn hedged_verb(text: &str, span: Range<usize>) -> Option<(usize, String)> {
    // The verb that carries the -s: "aims" in "always aims to", "tries" in
    // "tries its best to".
    const NOT_VERBS: [&str; 9] = [
        "is", "was", "has", "does", "always", "its", "his", "this", "as",
    ];
    const MODALS: [&str; 8] = [
        "will", "shall", "must", "should", "would", "can", "may", "to",
    ];
    let hedge = text[span.clone()].to_ascii_lowercase();
    let third_person = hedge
        .strip_suffix(" to")?
        .split_whitespace()
        .any(|w| w.ends_with('s') && !NOT_VERBS.contains(&w));
    let rest = &text[span.end..];
    let gap = rest.len() - rest.trim_start().len();
    let verb: &str = rest[gap..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .filter(|v| v.starts_with(|c: char| c.is_ascii_lowercase()))?;
    // "We will strive to be …": after a modal the verb stays as it is.
    let before = text[..span.start].trim_end().to_ascii_lowercase();
    if MODALS.iter().any(|m| ends_with_word(&before, m)) {
        return None;
    }
    // "We always try to be flexible": without the hedge, "we are".
    if !third_person {
        let subject = text[..span.start].trim_end();
        let i = subject == "I" || subject.ends_with(" I");
        return (verb == "be")
            .then(|| (span.end + gap + 2, if i { "am" } else { "are" }.to_owned()));
    }
    let inflected = match verb {
        "be" => "is".to_owned(),
        "have" => "has".to_owned(),
        "do" | "go" => format!("{verb}es"),
        _ if ["s", "sh", "ch", "x", "z"]
            .iter()
            .any(|e| verb.ends_with(e)) =>
        {
            format!("{verb}es")
        }
        _ if verb.ends_with('y')
            && !verb[..verb.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) =>
        {
            format!("{}ies", &verb[..verb.len() - 1])
        }
        _ => format!("{verb}s"),
    };
    Some((span.end + gap + verb.len(), inflected))
}

/// Whether an English word is an adverb by its -ly ("promptly"), not one
/// of the adjectives that end so ("timely", "friendly").
pub(super) fn is_adverb(word: &str) -> bool {
    const ADJECTIVES: [&str; 8] = [
        "timely", "friendly", "orderly", "early", "costly", "lovely", "likely", "elderly",
    ];
    let word = word.to_ascii_lowercase();
    word.ends_with("ly") && !ADJECTIVES.iter().any(|a| word.ends_with(a))
}

/// The feeling a word names, for a survey item: 感到舒心 asks about 舒心,
/// "feel welcome" about "welcome".
fn feeling_of(word: &str) -> &str {
    let word = word.trim();
    let word = ["感到", "感覺", "感觉", "覺得", "觉得", "feeling ", "feel "]
        .iter()
        .find_map(|lead| word.strip_prefix(lead))
        .unwrap_or(word);
    ["的感覺", "的感觉", "之感"]
        .iter()
        .find_map(|tail| word.strip_suffix(tail))
        .unwrap_or(word)
}

/// Whether putting `with` in place of `range` of an English text leaves a
/// gap a reader trips on: a word that needs what follows it before a
/// preposition, a conjunction or a stop ("the seriousness of" → "the of",
/// "committed to excellence in" → "to in", "it is reasonable to" → "is
/// to", "principles of fairness" → "of per […]").
pub(super) fn leaves_a_gap(text: &str, range: Range<usize>, with: &str) -> bool {
    // Words that need what follows them: a determiner, or these.
    const DETERMINERS: [&str; 9] = [
        "the", "a", "an", "our", "your", "their", "its", "this", "that",
    ];
    const NEEDS_MORE: [&str; 7] = ["of", "to", "it", "for", "in", "with", "by"];
    // Nor, after a determiner, a time ("in a within [2] hours").
    const NOR_AFTER_A_DETERMINER: [&str; 4] = ["within", "every", "under", "after"];
    // A list's "and", "or" or comma goes with the word (a prompt and polite service).
    const CANNOT_FOLLOW: [&str; 11] = [
        "of", "in", "for", "to", "per", "at", "on", "by", "with", "possible", "",
    ];
    let before = text[..range.start].trim_end();
    let prev = before
        .rsplit(|c: char| !is_word_char_or_dash(c))
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if before.ends_with([',', ';', ':', '(']) || prev.is_empty() {
        return false;
    }
    let shown: String = with.chars().filter(|c| !is_mark(*c)).collect();
    let after = if shown.trim().is_empty() {
        &text[range.end..]
    } else {
        shown.as_str()
    };
    if after.trim_start().starts_with(',') {
        return false;
    }
    let next = after
        .trim_start()
        .split(|c: char| !is_word_char_or_dash(c))
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let determiner = DETERMINERS.contains(&prev.as_str());
    (determiner || NEEDS_MORE.contains(&prev.as_str())) && CANNOT_FOLLOW.contains(&next.as_str())
        || determiner && NOR_AFTER_A_DETERMINER.contains(&next.as_str())
        || matches!(prev.as_str(), "is" | "are" | "be") && next == "to"
}

/// Where the preposition before `start` begins, when a phrase put in the
/// word's place opens with a preposition of its own ("with" before "per
/// [checklist] item [3]").
pub(super) fn preposition_before(text: &str, start: usize, with: &str) -> Option<usize> {
    const PREPOSITIONS: [&str; 6] = ["of", "to", "for", "in", "with", "by"];
    const OPENS: [&str; 9] = [
        "per", "within", "in", "with", "by", "at", "on", "under", "every",
    ];
    let shown: String = with.chars().filter(|c| !is_mark(*c)).collect();
    let first = shown.split_whitespace().next()?.to_ascii_lowercase();
    let before = text[..start].trim_end();
    let word = before.rsplit(|c: char| !is_word_char(c)).next()?;
    (OPENS.contains(&first.as_str()) && PREPOSITIONS.contains(&word.to_ascii_lowercase().as_str()))
        .then(|| before.len() - word.len())
}

fn is_word_char_or_dash(c: char) -> bool {
    is_word_char(c) || c == '-'
}

/// Where a heading ends: the byte offset of the colon after a short name
/// that opens the standard (文明服务：, 首问负责:, "Respectful:"), with a
/// criterion after it. A name is at most 6 Han characters or 3 words, and
/// has no comma of its own.
pub(super) fn label_end(text: &str) -> Option<usize> {
    let colon = text.find([':', '：'])?;
    let (name, rest) = (
        text[..colon].trim(),
        text[colon..].trim_start_matches([':', '：']),
    );
    let short = if name.chars().any(is_han) {
        name.chars().count() <= 6
    } else {
        name.split_whitespace().count() <= 3
    };
    let plain = !name.is_empty() && !name.contains([',', '，', '、', ';', '；', '。', '.']);
    (short && plain && rest.trim().chars().count() >= 4).then_some(colon)
}
