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

use super::rulebook::Category;

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

impl ElementKind {
    /// Whether this names something the staff do (问候, 佩戴), checkable or not.
    #[must_use]
    pub fn is_act(self) -> bool {
        matches!(self, Self::Act | Self::Observable)
    }
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
    /// A vague word, and no criterion that states it; `also`: the other
    /// vague words nothing states, in text order, so a finding names them all.
    VagueWord {
        word: String,
        category: Category,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<String>,
    },
    /// A number that decorates a wish (200%, 零距离) and nothing to check.
    Decorative { text: String },
    /// A generic act (检查, "check") with no object, figure or occasion.
    Generic { act: String },
    /// Nothing an inspector could check.
    NoCriterion,
    /// What the customer must or may do (旅客應提早選位, "patients must
    /// arrive …"), not what the staff do.
    CustomerDuty,
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
