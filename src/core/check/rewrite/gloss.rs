//! A gloss: what a courtesy or a value means here, after a colon at the
//! end of the standard, the charter's own word staying ("We will treat you
//! with respect: never interrupting"; 热情接待…，具体为：[10]秒内问候
//! 用户“[您好]”). Each rule's item is marked where its word stands while
//! the rewrite is built, and placed here once it is done.

use std::ops::Range;

use super::text::{GLOSS, GLOSS_END, OPEN, TAIL, TAIL_END, find_word, has_word, is_closing};
use crate::core::model::Language;

/// The customers a Chinese gloss may name, as the standard does.
pub(super) const HAN: [&str; 30] = [
    "顾客",
    "顧客",
    "乘客",
    "旅客",
    "游客",
    "遊客",
    "患者",
    "病人",
    "病患",
    "客人",
    "读者",
    "讀者",
    "民众",
    "民眾",
    "群众",
    "群眾",
    "用户",
    "用戶",
    "客户",
    "客戶",
    "住客",
    "来宾",
    "來賓",
    "宾客",
    "賓客",
    "来访人员",
    "來訪人員",
    "学员",
    "學員",
    "家属",
];

/// The customers an English gloss may name ("each patient").
const NAMED: [&str; 16] = [
    "customer",
    "client",
    "patient",
    "guest",
    "visitor",
    "passenger",
    "user",
    "resident",
    "caller",
    "tenant",
    "student",
    "applicant",
    "traveller",
    "shopper",
    "member",
    "diner",
];

/// A gloss's `{you}` and `{your}` said as the standard says it: "you" where
/// it speaks to the customer, "each patient" where it names them, "each
/// customer" otherwise.
pub(super) fn addressed(with: &str, lower: &str, lang: Language) -> String {
    if lang != Language::En {
        let named = HAN
            .iter()
            .filter_map(|n| lower.find(n).map(|at| (at, *n)))
            .min()
            .map_or(
                if lang == Language::ZhTw {
                    "顧客"
                } else {
                    "顾客"
                },
                |(_, n)| n,
            );
        return with.replace("{your}", named).replace("{you}", named);
    }

    if !with.contains("{you") {
        return with.to_owned();
    }
    let (you, your) = if has_word(lower, "you", true) || has_word(lower, "your", true) {
        ("you".to_owned(), "your".to_owned())
    } else {
        let first = NAMED
            .iter()
            .filter_map(|n| {
                // A singular after a determiner only: "patient" is also a manner.
                let at = [
                    format!("{n}s"),
                    format!("each {n}"),
                    format!("every {n}"),
                    format!("the {n}"),
                ]
                .iter()
                .filter_map(|w| find_word(lower, w, true))
                // "staff members", "team member": who serves, not who is served.
                .filter(|&at| {
                    !["staff ", "team ", "board ", "committee "]
                        .iter()
                        .any(|s| lower[..at].ends_with(s))
                })
                .min()?;
                Some((at, *n))
            })
            .min()
            .map_or("customer", |(_, n)| n);
        (format!("each {first}"), format!("each {first}'s"))
    };
    with.replace("{your}", &your).replace("{you}", &you)
}

/// An edit's text marked to go into the standard's gloss.
pub(super) fn glossed(with: &str) -> String {
    format!("{GLOSS}{with}{GLOSS_END}")
}

/// The glosses taken out of where their words stand and put, once each,
/// after a colon at the end of the standard, before its closing marks:
/// "a, b and c" in English, 「a，b」 in Chinese.
/// At most `most` of them.
pub(super) fn place_glosses(marked: &str, lang: Language, most: usize) -> String {
    let mut text = String::with_capacity(marked.len());
    let mut items: Vec<String> = Vec::new();
    let mut rest = marked;
    while let Some(start) = rest.find(GLOSS) {
        let Some(len) = rest[start..].find(GLOSS_END) else {
            break;
        };
        text.push_str(&rest[..start]);
        let item = rest[start + GLOSS.len_utf8()..start + len]
            .trim()
            .to_owned();
        if !item.is_empty() && !items.contains(&item) && items.len() < most {
            items.push(item);
        }
        rest = &rest[start + len + GLOSS_END.len_utf8()..];
    }
    text.push_str(rest);
    // What the standard says already is no item: a word rewritten in place
    // whose phrase a listed word's gloss would say again.
    items.retain(|item| !(item.contains(OPEN) && text.contains(item.as_str())));
    if items.is_empty() {
        return text;
    }
    // A standard that defines with a colon already takes no second one.
    if text.contains([':', '：']) {
        return text;
    }
    // A Chinese standard of several clauses says what the gloss is of.
    let several = lang != Language::En && text.contains(['，', '；', ',', ';']);
    let gloss = if lang == Language::En {
        // Items that hold a list of their own are kept apart by semicolons.
        let listed = items
            .iter()
            .any(|i| i.contains(',') || i.contains(" and ") || i.contains(" or "));
        let (comma, and) = if listed {
            ("; ", "; ")
        } else {
            (", ", " and ")
        };
        match items.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, first)) => format!("{}{and}{last}", first.join(comma)),
            None => String::new(),
        }
    } else if items.iter().any(|i| i.contains('，')) {
        items.join("；")
    } else {
        items.join("，")
    };
    // A tail the text ends with stays before the colon, where the space a
    // deletion left before it goes ("special needs in at least [95]% of
    // cases: applying…", not "… with no exceptions in at least [95]%").
    let mut tails = String::new();
    while let Some(at) = text.rfind(TAIL)
        && text[at..].trim_end_matches(is_closing).ends_with(TAIL_END)
    {
        let end = at
            + text[at..]
                .find(TAIL_END)
                .map_or(0, |e| e + TAIL_END.len_utf8());
        tails.insert_str(0, &text[at + TAIL.len_utf8()..end - TAIL_END.len_utf8()]);
        text.replace_range(at..end, "");
    }
    let body = text.trim_end_matches(is_closing).len();
    let closing = text[body..].trim().to_owned();
    text.truncate(body);
    if lang != Language::En {
        tails = tails.trim_start().to_owned();
    }
    text.push_str(&tails);
    let colon = match lang {
        Language::En => ": ",
        Language::ZhTw if several => "，具體為：",
        _ if several => "，具体为：",
        _ => "：",
    };
    let stop = if closing.is_empty() && lang == Language::En {
        "."
    } else if closing.is_empty() {
        ""
    } else {
        closing.as_str()
    };
    format!("{text}{colon}{gloss}{stop}")
}

/// Whether the English adjective at `word` is one of a list before its
/// noun ("prompt and serious attention", "in a timely and user-friendly
/// manner"), where a phrase in its place would break the list. A Chinese
/// list keeps its phrase in the word's place: blind readers preferred
/// 以在[5]分鐘內、符合[規範]第[3]條的作業方式 to the list glossed after a
/// colon (6 of 6 pairs, docs/checker-rewrites-blind-read.md).
pub(super) fn in_list(text: &str, word: Range<usize>, lang: Language) -> bool {
    let listed = |s: &str| s.contains(" and ") || s.contains(", ");
    lang == Language::En
        && super::runs::attributive(text, word.start, word.end)
        && (listed(&text[word.clone()])
            || [" and ", ", "]
                .iter()
                .any(|m| text[word.end..].starts_with(m) || text[..word.start].ends_with(m)))
}

/// A phrase made to stand in a word's place, said as a gloss's item.
pub(super) fn item_of(with: &str) -> Option<String> {
    let item = with.trim().trim_end_matches(',');
    (!item.is_empty()).then(|| item.to_owned())
}
