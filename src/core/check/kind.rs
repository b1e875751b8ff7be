//! The kind a new standard most likely is, read from its text by the
//! checker's own findings: words to say (a quote) or how staff look and greet →
//! personal contact; a time limit → procedure; a state of things (no dust,
//! kept clean) → product. The wizard starts a new standard at this kind.

use super::assess::assess;
use super::lexicon::{Lexicon, List};
use super::measurable::ElementKind;
use crate::core::model::StandardKind;

/// Words of appearance and of greeting: what staff look like and how they
/// meet the customer is personal contact, whatever else the text says.
const PERSONAL: &[&str] = &[
    "问候",
    "問候",
    "微笑",
    "目光",
    "眼神",
    "制服",
    "工牌",
    "名牌",
    "仪容",
    "儀容",
    "仪表",
    "儀表",
    "着装",
    "著裝",
    "穿着",
    "穿著",
    "称呼",
    "稱呼",
    "greet",
    "smile",
    "eye contact",
    "uniform",
    "badge",
    "appearance",
    "dressed",
    "groomed",
];

/// The kind the checker can tell from `text`, or `None` when it cannot
/// (the caller keeps its default then).
#[must_use]
pub fn suggest_kind(text: &str) -> Option<StandardKind> {
    let lower = text.to_ascii_lowercase();
    if lower.trim().is_empty() {
        return None;
    }
    let assessment = assess(text);
    let scan = Lexicon::builtin().scan(&lower);
    let quoted = assessment
        .elements
        .iter()
        .any(|e| e.kind == ElementKind::Quote);
    if quoted || PERSONAL.iter().any(|w| lower.contains(w)) {
        return Some(StandardKind::Personal);
    }
    let timed = assessment.elements.iter().any(|e| {
        !e.customer
            && (e.kind == ElementKind::TimeAnchor || e.kind == ElementKind::Quantity && e.time)
    });
    if timed {
        return Some(StandardKind::Procedure);
    }
    let state = assessment
        .elements
        .iter()
        .any(|e| e.kind == ElementKind::Absence)
        || scan.of(List::KeptState).next().is_some();
    state.then_some(StandardKind::Product)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_follows_what_the_text_asks_for() {
        for (text, kind) in [
            ("顾客进门10秒内目光接触并问候", Some(StandardKind::Personal)),
            ("说“欢迎光临，请问几位？”", Some(StandardKind::Personal)),
            ("Greet the guest by name", Some(StandardKind::Personal)),
            ("员工穿着整洁制服并佩戴工牌", Some(StandardKind::Personal)),
            ("下单后15分钟内上齐主菜", Some(StandardKind::Procedure)),
            (
                "Call the customer back within 2 hours",
                Some(StandardKind::Procedure),
            ),
            ("桌面无污渍、无水渍", Some(StandardKind::Product)),
            ("", None),
        ] {
            assert_eq!(suggest_kind(text), kind, "{text}");
        }
    }

    #[test]
    fn the_samples_kinds_are_mostly_what_it_suggests() {
        let mut right = 0;
        let mut told = 0;
        for sample in crate::core::templates::TEMPLATES {
            let set = sample.set();
            for (_, st) in set.standards() {
                if let Some(kind) = suggest_kind(&st.text) {
                    told += 1;
                    right += usize::from(kind == st.kind);
                }
            }
        }
        eprintln!("suggested {told}, right {right}");
        assert!(told > 0 && right * 10 >= told * 7, "{right} of {told}");
    }
}
