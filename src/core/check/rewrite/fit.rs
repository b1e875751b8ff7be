//! Whether a rule's text reads where the word stands, in Chinese, and the
//! one thing a standard says twice.
//!
//! A time (在[24]小时内) or a manner (不打断、不催促地) leads a verb: put
//! in place of a word that ends its clause or stands before 的, it leaves
//! 服务品质要在[24]小时内 or 不打断、不催促地的说服. A time put before an
//! act does not time one refused (不处理…时) or one that names a thing
//! (争议解决的依据, 疏导工作).

use std::ops::Range;

use super::super::measurable::Element;
use super::text::{CLOSE, OPEN, is_closing};
use super::{Place, Rule, Target};
use crate::core::i18n::script::is_han;
use crate::core::model::Language;

/// Whether `with` (a rule's text) is a time: it ends with 内 (在[2]小时内,
/// [1]分钟内).
fn is_time(with: &str) -> bool {
    with.ends_with(['内', '內'])
}

/// Whether `next`, the text after a word, starts a verb phrase the word's
/// rewrite can lead: a Han character, and not one that makes the word
/// name a thing.
pub(super) fn leads_verb(next: &str) -> bool {
    next.starts_with(is_han) && !names_thing(next)
}

/// Whether `next`, the text after an act, makes it name a thing: 的 or 之
/// (争议解决的依据), or 工作 (说服疏导工作 names the work).
fn names_thing(next: &str) -> bool {
    // 投诉处理平台, 申訴處理人, 处理费, 处理流程: the act names what does it.
    const THINGS: [&str; 36] = [
        "工作", "编号", "編號", "平台", "人员", "人員", "费", "費", "流程", "机制", "機制", "程序",
        "结果", "結果", "方式", "办法", "辦法", "单位", "單位", "部门", "部門", "中心", "意见",
        "意見", "能力", "水平", "时限", "時限", "期限", "标准", "標準", "制度", "窗口", "系统",
        "行为", "行為",
    ];
    next.starts_with(['的', '之'])
        || THINGS.iter().any(|t| next.starts_with(t)) && !next.starts_with("工作室")
        || next.starts_with('人') && !next.starts_with("人民")
        // 照顾者, 申请者: who does it.
        || next.starts_with('者')
}

/// Whether one of the staff's acts starts at byte `at` of `text` as an act,
/// not as the name of a thing (清潔 in 清潔費): one the checker read, or
/// one of `verbs`, the rewrites' own list for where the checker reads no
/// act (设计 in 合理设计产品).
pub(super) fn act_at(elements: &[Element], verbs: &[String], text: &str, at: usize) -> bool {
    elements.iter().any(|e| {
        e.range.start == at && e.kind.is_act() && !e.customer && !names_thing(&text[e.range.end..])
    }) || verbs.iter().any(|v| {
        text[at..]
            .strip_prefix(v.as_str())
            .is_some_and(|rest| !names_thing(rest))
    })
}

/// Whether a judgement act's stock time (在[24]小时内 + 处理) has a start:
/// one of `cases` (投诉, 申请, 报修) in the standard (`lead` and `rest`
/// around the word). Any other rule has no need of one.
pub(super) fn has_a_start(
    rule: &Rule,
    cases: &[String],
    lead: &str,
    rest: &str,
    lang: Language,
) -> bool {
    let stock_time = rule.on == Target::Judgement
        && rule.words.is_empty()
        && rule.in_clause.is_empty()
        && lang != Language::En
        && is_time(&rule.with);
    !stock_time
        || cases
            .iter()
            .any(|c| lead.contains(c.as_str()) || rest.contains(c.as_str()))
}

/// Whether the standard that `lead` (lower case) opens is the conduct of
/// who is served: one of `conduct` ([`super::Rewrites::conduct`]) as its
/// subject, in English before a modal or a verb of being ("Clients must …",
/// "All visitors are …").
pub(super) fn own_conduct(conduct: &[String], lead: &str, lang: Language) -> bool {
    const ZH_AFTER: [&str; 16] = [
        "须", "須", "应", "應", "必须", "必須", "需", "要", "不得", "不要", "请", "請", "勿",
        "保持", "务必", "務必",
    ];
    const AFTER: [&str; 13] = [
        "must ", "should ", "shall ", "are ", "is ", "will ", "may ", "can ", "have ", "has ",
        "need ", "who ", "and ",
    ];
    let head = lead.trim_start();
    let head = ["all ", "the ", "our ", "any "]
        .iter()
        .find_map(|a| head.strip_prefix(a))
        .unwrap_or(head);
    conduct.iter().any(|w| {
        let Some(after) = head.strip_prefix(w.as_str()) else {
            return false;
        };
        if w.ends_with(' ') || ["请", "請", "敬请", "敬請"].contains(&w.as_str()) {
            return true;
        }
        if lang != Language::En {
            // 顾客须…, 探视者保持…: a duty; 顾客起身时 is the moment staff act.
            return ZH_AFTER.iter().any(|a| after.starts_with(a));
        }
        let after = after.strip_prefix('s').unwrap_or(after).trim_start();
        AFTER.iter().any(|a| after.starts_with(a))
    })
}

/// Whether `rule` reads where the word stands (`lead` before it, `rest`
/// after it). A time word's own rule may end a clause (回复要及时 →
/// 回复要在[2]小时内); a time put in place of a word of quality or manner
/// must lead a verb (落实到位 says nothing of when).
pub(super) fn fits(rule: &Rule, lead: &str, rest: &str, lang: Language) -> bool {
    // 较难处理 is a kind of case, not an act to time or give a procedure;
    // 受理与追踪 is one act of a pair, and a time put between them
    // (受理与在[24]小时内追踪) splits it.
    if rule.place == Place::Before && lead.ends_with(['难', '難', '易', '与', '與', '和', '及'])
    {
        return false;
    }
    // A feeling's clause becomes a survey figure only when the feeling is
    // all it says (让顾客安心), not when it names a service (一条龙服务让顾客安心).
    // An English one, when the clause only names who is to feel it (make
    // every visitor feel welcome; Guests feel welcome …).
    if rule.on == Target::Feeling && rule.place == Place::Clause && lang == Language::En {
        return super::text::felt_by(lead).is_some();
    }
    if rule.on == Target::Feeling && rule.place == Place::Clause && lang != Language::En {
        let clause = lead
            .rsplit(['，', '。', '；', '、', ',', ';', '：', ':'])
            .next()
            .unwrap_or(lead);
        let clause = clause.trim_start_matches(['做', '到', '要', '应', '應', '须', '須']);
        return ["让", "讓", "使", "令", "确保", "確保"]
            .iter()
            .any(|w| clause.starts_with(w));
    }
    // 提供必要的基本协助, 照顾期间, 给予特别照顾, 提供登机协助: a thing
    // given or a time named, not an act to time or give a procedure.
    if lang != Language::En
        && rule.place == Place::Before
        && (lead.ends_with(['的'])
            || ["基本", "提供", "给予", "給予", "特别", "特別"]
                .iter()
                .any(|w| lead.ends_with(w))
            || given_thing(lead)
            || rest.starts_with(['期', '时', '時'])
            || !rest.starts_with(['的', '之']) && names_thing(rest))
    {
        return false;
    }
    // 逐项 in place of a quality word leads an act (详细说明); one that
    // ends its clause says what a thing is like (标签清晰, 流程清晰易懂),
    // and 标签逐项 says nothing.
    if lang != Language::En
        && rule.on == Target::Quality
        && rule.place == Place::Word
        && by_item(&rule.with)
    {
        let next = past_after(rule, rest);
        if !leads_verb(next) && !next.starts_with(['的', '之']) {
            return false;
        }
    }
    if lang == Language::En || !is_time(&rule.with) {
        return true;
    }
    match rule.place {
        Place::Word if rule.on != Target::Time => leads_verb(past_after(rule, rest)),
        Place::Before => !lead.ends_with('不') && !names_thing(rest),
        _ => true,
    }
}

/// Whether `lead` ends with 提供 or 给予 and a short noun (提供登机, 给予
/// 必要): what follows is the thing given (登机协助), not an act.
fn given_thing(lead: &str) -> bool {
    ["提供", "给予", "給予"].iter().any(|verb| {
        lead.rfind(verb).is_some_and(|at| {
            let between = &lead[at + verb.len()..];
            (1..=3).contains(&between.chars().count()) && between.chars().all(is_han)
        })
    })
}

/// Whether a rule's text ends with 逐项 (item by item), which says how an
/// act is done and so needs one after it.
fn by_item(with: &str) -> bool {
    with.ends_with("逐项") || with.ends_with("逐項")
}

/// The text after a word past the particle its rule takes with it (地).
pub(super) fn past_after<'a>(rule: &Rule, rest: &'a str) -> &'a str {
    rule.after
        .iter()
        .find_map(|a| rest.strip_prefix(a.as_str()))
        .unwrap_or(rest)
}

/// A rule's text fitted to the text after its word. A manner adverb (…地)
/// put where no verb follows loses its 地:
/// 耐心、细致的说服 → 不打断、不催促的说服, 对待游客热情、耐心 → …面带微笑、
/// 不打断、不催促.
///
/// A rule's item (符合[服务规范]第[3]条) before a noun takes 的:
/// 提供优质购彩服务 → 提供符合…条的购彩服务; before an act (`verb`) it says
/// how the act is done: 适当使用香水 → 按[规范]第[3]条使用香水.
pub(super) fn to_next(mut with: String, next: &str, lang: Language, verb: bool) -> String {
    if lang != Language::En && with.ends_with('地') && !leads_verb(next) {
        with.pop();
    }
    // 逐项 says how an act is done: where its word ends the clause (办事勤快,
    // 服务要用心) the act is the work itself, 办事按[检查表]逐项完成.
    if lang != Language::En
        && by_item(&with)
        && !leads_verb(next)
        && !next.starts_with(['的', '之', '、', '和', '及', '与', '與', '或'])
    {
        with.push_str("完成");
    }
    let listed = next.starts_with(['、', '和', '及', '与', '與', '或', '且', '化']);
    if lang != Language::En && verb && with.starts_with("符合") && with.ends_with(['条', '條'])
    {
        return with.replacen("符合", "按", 1);
    }
    // 符合[规范]第[3]条 before what it qualifies takes 的, a thing named by
    // an act's word too (媒合最合適人員 → 媒合符合[規範]第[3]條的人員).
    if lang != Language::En
        && with.starts_with("符合")
        && with.ends_with(['条', '條'])
        && next.starts_with(is_han)
        && !next.starts_with(['的', '之'])
        && !listed
    {
        with.push('的');
    }
    with
}

/// What a rewrite says, for telling two rewrites that say the same: its
/// text without slot marks, spaces and a leading verb of saying or "with"
/// (说“[您好]” and 使用“您好” both ask for 您好).
fn gist(with: &str) -> String {
    let plain: String = with
        .chars()
        .filter(|c| !matches!(*c, '[' | ']' | OPEN | CLOSE | ' '))
        .collect();
    let plain = plain.trim_start_matches(['，', ',', '；', ';']);
    // "with eye contact" is said by "smile and make eye contact".
    let plain = plain
        .strip_prefix("with")
        .filter(|p| !p.starts_with("out"))
        .unwrap_or(plain);
    let plain = ["使用", "说", "說", "用"]
        .iter()
        .find_map(|v| plain.strip_prefix(v))
        .unwrap_or(plain);
    plain.trim_end_matches(['等', '的']).to_owned()
}

/// Whether an edit's text `with` says again what `elsewhere` (the rest of
/// the rewritten standard) already says.
pub(super) fn said(with: &str, elsewhere: &str) -> bool {
    let said = gist(with);
    said.chars().count() >= 3 && gist(elsewhere).contains(&said)
}

/// An edit of `marked` (`with` at `span`), the text before `at` rewritten
/// into `done`, as it goes in: `None` for an addition the standard says
/// already, a deletion with its mark for a whole clause said already.
pub(super) fn once(
    marked: &str,
    done: &str,
    at: usize,
    span: Range<usize>,
    with: String,
) -> Option<(usize, String)> {
    if with.is_empty() {
        return Some((span.start, with));
    }
    let with = unrepeated(&marked[..span.start], with, &marked[span.end..]);
    // 热情大方 → 面带微笑, not 面带微笑面带微笑: the same text right
    // beside the word (an edit of this pass or the last) says it already,
    // and the word goes.
    // The text around the edit once it is in: `before` it, then the rest.
    let elsewhere = format!("{done}{}{}", &marked[at..span.start], &marked[span.end..]);
    let before = &elsewhere[..done.len() + span.start - at];
    // 高效快捷 → 在[10]分钟内, not 在[10]分钟内在[5]分钟内: a time right
    // after a time says it again.
    let time_after_time = with.chars().any(is_han)
        && is_time(&with)
        && [
            "时内", "時內", "钟内", "鐘內", "日内", "日內", "天内", "天內", "秒内", "秒內", "间内",
            "間內", "限内", "限內",
        ]
        .iter()
        .any(|t| before.ends_with(t));
    if !span.is_empty()
        && !with.trim().is_empty()
        && (before.ends_with(with.as_str())
            || marked[span.end..].starts_with(with.as_str())
            || time_after_time)
    {
        return Some((span.start, String::new()));
    }
    if !said(&with, &elsewhere) {
        return Some((span.start, with));
    }
    if span.is_empty() {
        return None;
    }
    match whole_clause(marked, span.start, span.end) {
        Some(from) if from >= at => Some((from, String::new())),
        _ => Some((span.start, with)),
    }
}

/// An English edit's text without what the words around it say already:
/// the words it would repeat right after the same words ("smile and" +
/// "smile and make eye contact"), and a last or first "and" item said
/// beside it ("with a smile and" + "eye contact and a smile").
fn unrepeated(before: &str, with: String, after: &str) -> String {
    if !with.is_ascii() {
        return with;
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                    .to_ascii_lowercase()
            })
            .collect()
    };
    let (tail, own) = (words(before), words(&with));
    let repeated = (1..=tail.len().min(own.len()).min(6))
        .rev()
        .find(|&k| tail[tail.len() - k..] == own[..k] && own[..k].iter().any(|w| w.len() > 4));
    let mut with = with;
    if let Some(k) = repeated.filter(|&k| k < own.len()) {
        let mut rest = with.trim_start();
        for _ in 0..k {
            rest = rest
                .split_once(char::is_whitespace)
                .map_or("", |(_, r)| r.trim_start());
        }
        with = format!("{}{rest}", if with.starts_with(' ') { " " } else { "" });
    }
    // Only the text beside the edit counts: the sentence's other end may
    // well ask for the same thing of another act.
    let near = |s: &str, take_end: bool| -> String {
        let w = words(s);
        let n = w.len().min(5);
        if take_end {
            w[w.len() - n..].join(" ")
        } else {
            w[..n].join(" ")
        }
    };
    let beside = format!(" {} | {} ", near(before, true), near(after, false));
    let said_beside = |item: &str| {
        let item = words(item).join(" ");
        item.len() > 3 && beside.contains(&format!(" {item} "))
    };
    let kept = with
        .rsplit_once(" and ")
        .filter(|(head, last)| said_beside(last) && !head.trim().is_empty())
        .map(|(head, _)| head.len());
    if let Some(kept) = kept {
        with.truncate(kept);
    }
    with
}

/// Where to start deleting when the words at `start..end` of `text` are a whole
/// clause or list item said already: with the mark before them (，态度和蔼
/// after 面带微笑服务). `None` when they are part of a clause.
fn whole_clause(text: &str, start: usize, end: usize) -> Option<usize> {
    const MARKS: [char; 6] = ['，', '、', ',', '；', ';', '：'];
    let before = text[..start].chars().next_back()?;
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| MARKS.contains(&c) || is_closing(c));
    (MARKS.contains(&before) && after_ok).then(|| start - before.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_is_led_by_han_other_than_de() {
        assert!(leads_verb("处理投诉"));
        assert!(!leads_verb("的说服"));
        assert!(!leads_verb("。"));
        assert!(!leads_verb(""));
        assert!(!leads_verb("工作，"));
    }

    #[test]
    fn eye_contact_asked_for_is_not_asked_again() {
        assert!(said(
            " with eye contact",
            "Handle customers and smile and make eye contact"
        ));
        assert!(!said(
            " without interrupting",
            "Listen to the customer and take notes"
        ));
        assert!(said(" without interrupting", "Listen without interrupting"));
    }

    #[test]
    fn the_same_greeting_said_two_ways_is_said_once() {
        assert!(said("使用“您好”“请”“谢谢”", "说“[您好]”“[请]”“[谢谢]”接诊"));
        assert!(said("面带微笑", "医务人员面带微笑服务"));
        assert!(!said("面带微笑", "医务人员说“您好”"));
        // Two characters say too little to be a repeat.
        assert!(!said("逐项", "逐项说明"));
    }

    #[test]
    fn an_english_edit_does_not_repeat_the_words_beside_it() {
        let fit = |before: &str, with: &str, after: &str| unrepeated(before, with.into(), after);
        assert_eq!(
            fit("All staff smile and ", "smile and make eye contact", "."),
            "make eye contact"
        );
        assert_eq!(
            fit(
                "Greet guests with a smile and ",
                "eye contact and a smile",
                "."
            ),
            "eye contact"
        );
        // The same words elsewhere in the sentence are another act's.
        assert_eq!(
            fit(
                "Smile at the door. Serve ",
                "with a smile and eye contact",
                "."
            ),
            "with a smile and eye contact"
        );
        assert_eq!(fit("处理", "在[2]小时内", "。"), "在[2]小时内");
    }

    #[test]
    fn a_whole_clause_goes_with_its_mark() {
        let text = "热情服务，态度和蔼。";
        let at = text.find("态度").unwrap();
        let end = at + "态度和蔼".len();
        assert_eq!(whole_clause(text, at, end), Some(at - '，'.len_utf8()));
        let inner = "要十分热情地接待";
        let at = inner.find("热情").unwrap();
        assert_eq!(whole_clause(inner, at, at + "热情地".len()), None);
    }

    #[test]
    fn an_adverb_keeps_its_de_only_before_a_verb() {
        assert_eq!(
            to_next("不打断地".into(), "倾听", Language::ZhCn, true),
            "不打断地"
        );
        assert_eq!(
            to_next("不打断地".into(), "的说服", Language::ZhCn, false),
            "不打断"
        );
        assert_eq!(
            to_next("不打断地".into(), "。", Language::ZhTw, false),
            "不打断"
        );
    }

    #[test]
    fn a_rule_item_takes_de_only_before_a_noun() {
        for (next, fitted) in [
            ("购彩服务", "符合[规范]第[3]条的"),
            ("、安全", "符合[规范]第[3]条"),
            ("。", "符合[规范]第[3]条"),
        ] {
            assert_eq!(
                to_next("符合[规范]第[3]条".into(), next, Language::ZhCn, false),
                fitted
            );
        }
        assert_eq!(
            to_next("符合[规范]第[3]条".into(), "使用香水", Language::ZhCn, true),
            "按[规范]第[3]条"
        );
    }
}
