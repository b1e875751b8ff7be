//! What findings say, in the set's language and script: the sentences come
//! from [`crate::core::i18n`]; this module only picks them and fills them in.

use super::lexicon::Pattern;
use super::{Assessment, Category, Element, ElementKind, Level, Problem, Vagueness};
use crate::core::i18n::{fill, messages};
use crate::core::model::limits::TextField;
use crate::core::model::{Language, SetWords, Standard};

impl Level {
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        let names = &messages(lang).level;
        match self {
            Self::ContactPoint => names.contact_point,
            Self::Step => names.step,
            Self::Factor => names.factor,
            Self::Standard => names.standard,
        }
    }
}

impl Category {
    /// The category's name, for `check --explain`.
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        messages(lang).category_names[self as usize]
    }

    /// How to turn a vague word of this category into a criterion, with an example.
    #[must_use]
    pub fn suggestion(self, lang: Language) -> &'static str {
        messages(lang).suggestion[self as usize]
    }
}

impl Vagueness {
    /// Names the word or what is missing, and suggests a fix.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = messages(lang);
        match self {
            Self::Empty => m.empty_standard.to_owned(),
            Self::VagueWord {
                word,
                category,
                also,
            } if also.is_empty() => fill(
                m.vague_word,
                &[("word", word), ("suggestion", category.suggestion(lang))],
            ),
            Self::VagueWord {
                word,
                category,
                also,
            } => {
                let words: Vec<String> = std::iter::once(word)
                    .chain(also)
                    .map(|w| fill(m.rewrite.word, &[("word", w)]))
                    .collect();
                fill(
                    m.rewrite.vague_words,
                    &[
                        ("words", &words.join(m.rewrite.separator)),
                        ("suggestion", category.suggestion(lang)),
                    ],
                )
            }
            Self::Decorative { text } => fill(m.decorative, &[("text", text)]),
            Self::Generic { act } => fill(m.generic_act, &[("act", act)]),
            Self::NoCriterion => m.no_criterion.to_owned(),
            Self::CustomerDuty => m.customer_duty.to_owned(),
        }
    }
}

impl Problem {
    /// The sentence a user reads, saying what is wrong and what to do.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = messages(lang);
        match self {
            Self::EmptyTitle => m.empty_title.to_owned(),
            Self::NoContactPoints => m.no_contact_points.to_owned(),
            Self::DuplicateId { id } => fill(m.duplicate_id, &[("id", id)]),
            Self::InvalidId { id } => fill(m.invalid_id, &[("id", id)]),
            Self::EmptyName {
                level: Level::Standard,
            } => m.empty_standard_text.to_owned(),
            Self::EmptyName { level } => fill(m.empty_name, &[("level", level.name(lang))]),
            Self::NoChildren { level } => match level {
                Level::ContactPoint => m.no_children.contact_point,
                Level::Step => m.no_children.step,
                Level::Factor | Level::Standard => m.no_children.factor,
            }
            .to_owned(),
            Self::ScoreOutOfRange { field, value } => {
                let field = if *field == "importance" {
                    m.importance
                } else {
                    m.satisfaction
                };
                fill(
                    m.score_out_of_range,
                    &[("field", field), ("value", &value.to_string())],
                )
            }
            Self::BadTarget => m.bad_target.to_owned(),
            Self::NoMonitoring => m.no_monitoring.to_owned(),
            Self::NoOwnerRole => m.no_owner_role.to_owned(),
            Self::NoReviewDate => m.no_review_date.to_owned(),
            Self::ReviewOverdue { date } => fill(m.review_overdue, &[("date", date)]),
            Self::Logo { path, issue } => {
                use crate::core::storage::logo::LogoIssue;
                let template = match issue {
                    LogoIssue::Path(issue) => m.logo.get(*issue),
                    LogoIssue::NotAnImage => m.logo_not_an_image,
                };
                fill(template, &[("path", path)])
            }
            Self::ChangedSinceApproval { revision } => {
                fill(m.changed_since_approval, &[("revision", revision)])
            }
            Self::Vague { vagueness } => vagueness.message(lang),
            Self::SplitHint { first, second } => {
                fill(m.split_hint, &[("first", first), ("second", second)])
            }
            Self::NotCustomerBased { routine } => {
                fill(m.not_customer_based, &[("routine", routine)])
            }
            Self::RateNeedsData { rate } => fill(m.rate_needs_data, &[("rate", rate)]),
            Self::TooLong { field, chars, max } => too_long(lang, *field, *chars, *max),
        }
    }
}

/// What kind of criterion an element is, in `lang`: a figure, a time
/// limit or frequency, words to be said, an observable act.
#[must_use]
pub fn criterion_kind(element: &Element, lang: Language) -> &'static str {
    use super::ElementKind as K;
    let kinds = &messages(lang).criterion_kinds;
    match element.kind {
        K::Quantity if element.time => kinds.time,
        K::Quantity => kinds.figure,
        K::TimeAnchor => kinds.time,
        K::Quote => kinds.words,
        K::Observable | K::Absence | K::Act => kinds.act,
        K::Occasion => kinds.occasion,
    }
}

/// The checker's reading of one standard, one line per point, in `lang`:
/// each criterion and the vague word it states, the vague words nothing
/// states, and each act with who does it (`servstd check --explain`, and
/// the standard editor).
#[must_use]
pub fn explain(assessment: &Assessment, lang: Language) -> Vec<String> {
    let m = messages(lang);
    let mut lines = Vec::new();
    for (i, element) in assessment.elements.iter().enumerate() {
        let governed: Vec<&str> = assessment
            .vague_words
            .iter()
            .filter(|w| w.governed_by == Some(i))
            .map(|w| w.word.as_str())
            .collect();
        // An observable act that says what, not how (报出, 回访), is listed as an act below.
        if (!element.is_criterion() || element.is_plain_act()) && governed.is_empty() {
            continue;
        }
        let what = criterion_kind(element, lang);
        if governed.is_empty() {
            lines.push(fill(
                m.explain.criterion,
                &[("text", shown(element)), ("what", what)],
            ));
        }
        for word in governed {
            lines.push(fill(
                m.explain.criterion_states,
                &[("text", shown(element)), ("what", what), ("word", word)],
            ));
        }
    }
    for word in assessment.ungoverned() {
        lines.push(fill(
            m.explain.not_stated,
            &[("word", &word.word), ("category", word.category.name(lang))],
        ));
    }
    for element in &assessment.elements {
        let act = element.is_plain_act() || element.kind == ElementKind::Occasion;
        // An act inside the customer's occasion is listed with the occasion.
        let inside_occasion = element.kind != ElementKind::Occasion
            && assessment.elements.iter().any(|o| {
                o.kind == ElementKind::Occasion
                    && o.range.start <= element.range.start
                    && element.range.end <= o.range.end
            });
        if act && !inside_occasion {
            let who = if element.customer {
                m.explain.by_customer
            } else {
                m.explain.by_staff
            };
            lines.push(fill(
                m.explain.act,
                &[("text", shown(element)), ("who", who)],
            ));
        }
    }
    lines
}

/// An element's text as a message quotes it: words to say without their
/// own quotation marks, which the message adds.
#[must_use]
pub fn shown(element: &Element) -> &str {
    if element.kind == ElementKind::Quote {
        let mut chars = element.text.chars();
        chars.next();
        chars.next_back();
        chars.as_str()
    } else {
        &element.text
    }
}

/// Everything the checker says about one standard's text, in `lang`: its
/// reading ([`explain`]) and then the specific and customer-based hints.
/// `servstd check --explain` prints these lines; the standard editor shows them.
#[must_use]
pub fn reading(text: &str, lang: Language) -> Vec<String> {
    let lexicon = super::lexicon::Lexicon::builtin();
    let mut lines = explain(&super::assess(text), lang);
    lines.extend(
        super::rules::hints(lexicon, text)
            .iter()
            .map(|hint| hint.message(lang)),
    );
    lines
}

/// The checker's reading of a standard of a set ([`reading`]), with what
/// the set's own words changed (a term it defines, a word fine or vague
/// there) and the standard's exception, if it is accepted as is.
#[must_use]
pub fn reading_in(words: &SetWords, standard: &Standard, lang: Language) -> Vec<String> {
    let lexicon = super::lexicon::Lexicon::builtin();
    let text = &standard.text;
    let m = &messages(lang).rewrite;
    let mut lines = explain(&super::assess_in(words, text), lang);
    let lower = text.to_ascii_lowercase();
    let occurs = |term: &str| {
        !term.trim().is_empty() && !Pattern::new(term.trim()).find_in(&lower).is_empty()
    };
    for d in words.defines.iter().filter(|d| occurs(&d.term)) {
        lines.push(fill(
            m.defined,
            &[("term", &d.term), ("meaning", &d.meaning)],
        ));
    }
    for w in words.fine.iter().filter(|w| occurs(w)) {
        lines.push(fill(m.fine, &[("word", w)]));
    }
    for w in words.vague.iter().filter(|w| occurs(w)) {
        lines.push(fill(m.set_vague, &[("word", w)]));
    }
    if let Some(reason) = &standard.accepted {
        lines.push(fill(m.accepted, &[("reason", reason)]));
    }
    lines.extend(
        super::rules::hints(lexicon, text)
            .iter()
            .map(|hint| hint.message(lang)),
    );
    lines
}

/// "The text is 2,345 characters long; at most 2,000 are allowed…" in `lang`.
#[must_use]
pub fn too_long(lang: Language, field: TextField, chars: usize, max: usize) -> String {
    let m = messages(lang);
    let at = TextField::ALL.iter().position(|f| *f == field).unwrap_or(0);
    fill(
        m.too_long,
        &[
            ("field", m.text_fields[at]),
            ("chars", &chars.to_string()),
            ("max", &max.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traditional_chinese_set_gets_traditional_messages() {
        let vague = Vagueness::VagueWord {
            word: "熱情".to_owned(),
            category: Category::Manner,
            also: Vec::new(),
        };
        let tw = vague.message(Language::ZhTw);
        assert!(tw.starts_with("含糊用語「熱情」："), "{tw}");
        assert!(!tw.contains('语') && !tw.contains('写'), "{tw}");
        let cn = vague.message(Language::ZhCn);
        assert!(cn.starts_with("含糊用语“熱情”："), "{cn}");
    }

    #[test]
    fn a_finding_names_every_vague_word() {
        let a = crate::core::check::assess("热情接待，耐心解答");
        let message = a.vagueness.expect("vague").message(Language::ZhCn);
        assert!(message.starts_with("含糊用语“热情”、“耐心”："), "{message}");
        let a = crate::core::check::assess("Greet guests warmly and answer patiently.");
        let message = a.vagueness.expect("vague").message(Language::En);
        assert!(
            message.starts_with("vague words “warmly”, “patiently”:"),
            "{message}"
        );
    }
}
