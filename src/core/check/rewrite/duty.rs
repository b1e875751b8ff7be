//! A customer's duty or right said as what staff do ("Patients must arrive
//! 10 minutes early" → "Staff ask patients to arrive 10 minutes early";
//! "You may inspect the records" → "Staff let you inspect the records"):
//! the rule's `{who}` is the customer as the standard names them, `{act}`
//! what they must do, `{right}` what they may, `{thing}` what they are
//! entitled to ("You are entitled to a refund" → "Staff give you a refund");
//! in Chinese `{known}` what a right to be told is of (病人有權知道自己的
//! 診斷 → 工作人員向病人說明其診斷).

/// English duty words, longest first, and whether each forbids (`not`).
const DUTIES: [(&str, bool); 24] = [
    ("are requested not to", true),
    ("is requested not to", true),
    ("are asked not to", true),
    ("is asked not to", true),
    ("are requested to", false),
    ("is requested to", false),
    ("are required to", false),
    ("is required to", false),
    ("are expected to", false),
    ("is expected to", false),
    ("are asked to", false),
    ("is asked to", false),
    ("have the right to", false),
    ("has the right to", false),
    ("are welcome to", false),
    ("are entitled to", false),
    ("is entitled to", false),
    ("need to", false),
    ("needs to", false),
    ("have to", false),
    ("has to", false),
    ("should", false),
    ("must", false),
    ("may", false),
];

/// Words that say the duty word is a right's, not a duty's.
const RIGHTS: [&str; 6] = [
    "may",
    "have the right to",
    "has the right to",
    "are welcome to",
    "are entitled to",
    "is entitled to",
];

/// What opens a thing a right is to ("entitled to a refund").
const THINGS: [&str; 3] = ["a", "an", "the"];

/// What an act cannot open with after "let you": a thing or a state
/// ("You have the right to a refund", "may be asked").
const NOT_ACTS: [&str; 6] = ["be", "a", "an", "the", "not", "also"];

/// A duty's or right's parts: what comes before the customer (a condition
/// the sentence opens with), who the customer is, the duty word, whether it
/// forbids, and the act.
pub(super) struct Duty<'a> {
    pub lead: &'a str,
    pub who: &'a str,
    pub right: bool,
    pub not: bool,
    /// The right is to a thing, not an act ("entitled to a refund").
    pub thing: bool,
    pub act: &'a str,
}

/// The duty or right of an English standard (`text[..end]`, before its
/// closing marks), or None where it has no plain duty word and act.
pub(super) fn english(text: &str, end: usize) -> Option<Duty<'_>> {
    let body = &text[..end];
    let lower = body.to_lowercase();
    if lower.len() != body.len() {
        return None;
    }
    let (at, word, not) = DUTIES
        .iter()
        .filter_map(|(w, not)| super::text::find_word(&lower, w, true).map(|at| (at, *w, *not)))
        .min_by_key(|(at, w, _)| (*at, std::cmp::Reverse(w.len())))?;
    // "If the driver is late, passengers may cancel": the condition leads.
    let conditional = ["if ", "when ", "where "]
        .iter()
        .any(|w| lower.starts_with(w));
    let subject = if conditional {
        body[..at].rfind(", ").map(|c| c + 2)?
    } else {
        0
    };
    let who = body[subject..at].trim();
    let act = body[at + word.len()..].trim();
    let right = RIGHTS.contains(&word);
    let first = act.split_whitespace().next()?.to_lowercase();
    let thing = right && THINGS.contains(&first.as_str());
    let opens_thing =
        NOT_ACTS.contains(&first.as_str()) || first.starts_with(|c: char| c.is_ascii_digit());
    if who.is_empty()
        || who.split_whitespace().count() > 8
        || act.is_empty()
        || right && opens_thing && !thing
    {
        return None;
    }
    // "Customers who cannot come" is a subject; "We may" is no customer.
    let first_who = who.split_whitespace().next()?.to_lowercase();
    if ["we", "staff", "it", "this", "they", "our", "i"].contains(&first_who.as_str()) {
        return None;
    }
    Some(Duty {
        lead: &body[..subject],
        who,
        right,
        not,
        thing,
        act,
    })
}

/// A Chinese right to be told (`text[..end]`): the customer before the
/// right word (one of `knows`, the rule's `in_clause`: 有權知道, 有权了解…),
/// what they are to be told after it, and a condition the sentence opens
/// with as its lead; None where the right is of another kind or the
/// customer is not named.
pub(super) fn chinese<'a>(text: &'a str, end: usize, knows: &[String]) -> Option<Duty<'a>> {
    let body = &text[..end];
    let start = chinese_at(body);
    let (at, word) = knows
        .iter()
        .filter_map(|w| {
            body[start..]
                .find(w.as_str())
                .map(|at| (start + at, w.as_str()))
        })
        .min_by_key(|(at, w)| (*at, std::cmp::Reverse(w.len())))?;
    let who = body[start..at].trim();
    let act = body[at + word.len()..].trim();
    let clause_mark = |c: char| "，,；;：:。".contains(c);
    if who.is_empty() || who.chars().count() > 8 || who.contains(clause_mark) || act.is_empty() {
        return None;
    }
    Some(Duty {
        lead: &body[..start],
        who,
        right: true,
        not: false,
        thing: false,
        act,
    })
}

/// A rule's text with `{who}` and `{act}`, `{right}` or `{thing}` filled
/// from `duty`, said after its condition ("If the driver is late, staff
/// let passengers cancel").
pub(super) fn said(with: &str, duty: &Duty<'_>) -> String {
    let with = if duty.not {
        with.replace(" to {act}", " not to {act}")
    } else {
        with.to_owned()
    };
    let who = lower_first(duty.who);
    // 病人有權知道自己的診斷 → 向病人說明其診斷: 自己 would be the staff's.
    let known = duty
        .act
        .strip_prefix("自己的")
        .map_or_else(|| duty.act.to_owned(), |rest| format!("其{rest}"));
    let mut said = with
        .replace("{who}", &who)
        .replace("{known}", &known)
        .replace("{act}", duty.act)
        .replace("{right}", duty.act)
        .replace("{thing}", duty.act);
    if !duty.lead.is_empty() {
        let rest = if duty.lead.is_ascii() || duty.lead.ends_with(' ') {
            lower_first(&said)
        } else {
            said
        };
        said = format!("{}{rest}", duty.lead);
    }
    said
}

/// Whether a rule's text takes the parts of a duty (`{act}`, `{right}` or
/// `{thing}`), not a text put before the standard as it is.
pub(super) fn takes_parts(with: &str) -> bool {
    ["{act}", "{right}", "{thing}", "{known}"]
        .iter()
        .any(|p| with.contains(p))
}

/// Whether a rule's text fits the standard `body`: one for a duty
/// (`{act}`), a right (`{right}`) or a thing one is entitled to
/// (`{thing}`) only where the body says one.
pub(super) fn fits(with: &str, knows: &[String], body: &str) -> bool {
    if with.contains("{known}") {
        return chinese(body, body.len(), knows).is_some();
    }
    let (right, thing) = (with.contains("{right}"), with.contains("{thing}"));
    !takes_parts(with)
        || english(body, body.len())
            .is_some_and(|d| d.thing == thing && (thing || d.right == right))
}

/// "Customers" → "customers", "You" → "you"; "ID holders" stays.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}

/// Where what staff do goes in a Chinese duty: before the customer, after
/// a condition the sentence opens with (若司机迟到，|乘客可免费取消订单).
pub(super) fn chinese_at(text: &str) -> usize {
    super::gloss::HAN
        .iter()
        .chain(&["您", "你"])
        .filter_map(|n| text.find(n))
        .min()
        .filter(|&at| text[..at].ends_with(['，', ',']))
        .unwrap_or(0)
}
