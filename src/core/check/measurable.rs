//! The measurability checker: is a standard specific enough that two
//! inspectors watching the same moment would agree whether it was met?
//!
//! The checker reads the sentence. It finds the vague words, the criteria
//! (a figure, a time limit or frequency, words to be said, an observable
//! act, a checkable absence) and the acts, and decides by what governs
//! what. A vague word is excused only by a criterion that states it; which
//! kinds of criterion state which category of word, and whether in the same
//! clause or anywhere in the standard, is data: `excused_by` in
//! `assets/checker-rules.ron` (a time word by a time limit anywhere, 及时，
//! 2小时内; a manner word only by words to say or a "how" act in its own
//! clause, so 每周两次热情回访 stays vague; an approximate amount never).
//!
//! Numbers that only decorate (一站式, 365天, "one step ahead") never count
//! and are vague themselves; the customer's acts (顾客起身时) are occasions,
//! not the staff's criteria. A standard with no vague word is measurable
//! when it says something concrete: a prohibition of a concrete act
//! (收银员不在柜台内吃东西) or a plain act ("Carry plates with two hands")
//! needs no verb from a list. A generic act with nothing beside it
//! (检查设备, "check the equipment") is not.
//!
//! This file holds what the checker answers; the rules that decide are
//! data in `assets/checker-rules.ron` (what excuses each category, and
//! where), and the reading is in `assess.rs`.

use std::ops::Range;

use serde::Serialize;

pub use super::assess::{assess, assess_with};
use super::lexicon::Category;

/// What kind of criterion was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ElementKind {
    /// A number with a unit or a count: 3 rings, 两小时, at least two options.
    Quantity,
    /// A time limit or frequency without a digit: before opening, 当天, every shift.
    TimeAnchor,
    /// Words to be said, in quotes.
    Quote,
    /// An act or fact an inspector ticks: both hands, by name, name badge.
    Observable,
    /// A checkable absence: 无污渍, no visible dust.
    Absence,
    /// A plain act (greets, asks): what is done, but no criterion by itself.
    Act,
    /// The customer's act that sets the moment (顾客起身时, "when the guest
    /// sits down"): it states when, never how, so it excuses only a time word.
    Occasion,
}

/// A criterion or act found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    pub kind: ElementKind,
    pub range: Range<usize>,
    pub text: String,
    /// A quantity of time or frequency (两小时, every 30 minutes, twice).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub time: bool,
    /// The customer's, not the staff's: inside an occasion such as
    /// 顾客起身时 or "when the guest sits down". It states when, never how.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub customer: bool,
    /// An observable that says how an act is done (双手, by name), which
    /// states a manner word beside it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub how: bool,
}

impl Element {
    /// Whether this element is a criterion (not a plain act) of the staff.
    #[must_use]
    pub fn is_criterion(&self) -> bool {
        !matches!(self.kind, ElementKind::Act | ElementKind::Occasion) && !self.customer
    }

    /// Whether this element names what is done rather than how: a plain act
    /// (问候) or an observable that is not a "how" (回访, 报出).
    #[must_use]
    pub fn is_plain_act(&self) -> bool {
        self.kind == ElementKind::Act || self.kind == ElementKind::Observable && !self.how
    }
}

/// A vague word found in the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VagueWord {
    pub range: Range<usize>,
    pub word: String,
    pub category: Category,
    /// The index in [`Assessment::elements`] of the criterion that states
    /// what this word leaves open; `None` when nothing does.
    pub governed_by: Option<usize>,
}

/// Why a standard is vague.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Vagueness {
    /// There is no text.
    Empty,
    /// A vague word, and no criterion that states it.
    VagueWord { word: String, category: Category },
    /// A number that decorates a wish (200%, 零距离) and nothing to check.
    Decorative { text: String },
    /// A generic act (检查, "check") with no object, figure or occasion.
    Generic { act: String },
    /// Nothing an inspector could check.
    NoCriterion,
}

/// The checker's answer for one standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Every vague word, governed or not.
    pub vague_words: Vec<VagueWord>,
    /// Criteria and acts, in text order.
    pub elements: Vec<Element>,
    /// `None` when measurable.
    pub vagueness: Option<Vagueness>,
}

impl Assessment {
    #[must_use]
    pub fn is_measurable(&self) -> bool {
        self.vagueness.is_none()
    }

    /// The vague words no criterion states: what an inspector would argue
    /// about, and what the editor underlines.
    pub fn ungoverned(&self) -> impl Iterator<Item = &VagueWord> {
        self.vague_words.iter().filter(|w| w.governed_by.is_none())
    }

    /// The criterion that governs `word`, if one does.
    #[must_use]
    pub fn governor(&self, word: &VagueWord) -> Option<&Element> {
        word.governed_by.and_then(|i| self.elements.get(i))
    }

    /// The strongest criterion found (a figure first, then a time, words to
    /// say, an observable act), which is what makes the standard measurable;
    /// `None` when it is measurable as a plain concrete act.
    #[must_use]
    pub fn criterion(&self) -> Option<&Element> {
        let rank = |k: ElementKind| match k {
            ElementKind::Quantity => 0,
            ElementKind::TimeAnchor => 1,
            ElementKind::Quote => 2,
            // Acts and occasions are no criteria and never reach here.
            ElementKind::Observable
            | ElementKind::Absence
            | ElementKind::Act
            | ElementKind::Occasion => 3,
        };
        self.elements
            .iter()
            .filter(|e| e.is_criterion())
            .min_by_key(|e| (rank(e.kind), e.range.start))
    }
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
    fn empty_text_is_vague() {
        assert_eq!(assess("  ").vagueness, Some(Vagueness::Empty));
    }
}
