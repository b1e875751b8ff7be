//! What kind of visit a score is of: a whole one, a partial one (standards
//! left unchecked) or a follow-up (back to check fixes). Only whole visits
//! are points of the trend; the others are marked wherever they are shown.

use super::score::Scores;
use crate::core::model::Language;

impl Scores {
    /// Whether standards in scope were left unchecked. A partial inspection
    /// is marked as such wherever it is shown, and the trend leaves it out:
    /// its score covers only part of the visit.
    #[must_use]
    pub fn partial(&self) -> bool {
        self.overall.not_checked > 0
    }

    /// "Partial: 41 of 55 not checked" in `lang`, for a partial inspection.
    #[must_use]
    pub fn partial_text(&self, lang: Language) -> Option<String> {
        self.partial().then(|| {
            crate::core::i18n::fill(
                crate::core::i18n::words(lang).vocab.partial,
                &[
                    ("unchecked", &self.overall.not_checked.to_string()),
                    ("total", &self.overall.total().to_string()),
                ],
            )
        })
    }

    /// "Follow-up: 6 standards checked" in `lang` for a follow-up
    /// visit, else what [`Scores::partial_text`] says: the line under a score.
    #[must_use]
    pub fn visit_text(&self, lang: Language) -> Option<String> {
        if !self.follow_up {
            return self.partial_text(lang);
        }
        Some(crate::core::i18n::fill(
            crate::core::i18n::words(lang).vocab.follow_up,
            &[("checked", &self.overall.total().to_string())],
        ))
    }

    /// "follow-up" or "partial" in `lang`, for a visit that is not a whole
    /// one: what a table cell or a list adds after its score.
    #[must_use]
    pub fn visit_short(&self, lang: Language) -> Option<&'static str> {
        let vocab = &crate::core::i18n::words(lang).vocab;
        if self.follow_up {
            Some(vocab.follow_up_short)
        } else {
            self.partial().then_some(vocab.partial_short)
        }
    }

    /// Whether the score is a point of the trend: a whole visit, neither
    /// partial nor a follow-up.
    #[must_use]
    pub fn in_trend(&self) -> bool {
        !self.partial() && !self.follow_up
    }
}

/// The trend across inspections, given each one's label (its date) and
/// scores in time order: (label, score) of every complete inspection, and
/// the labels of the partial ones, which are left out (a score of part of
/// a visit is no point on a line of whole visits) and named beside it.
#[must_use]
pub fn trend<'a>(
    labelled: impl IntoIterator<Item = (String, &'a Scores)>,
) -> (Vec<(String, Option<f64>)>, Vec<String>) {
    let mut points = Vec::new();
    let mut left_out = Vec::new();
    for (label, s) in labelled {
        if s.in_trend() {
            points.push((label, s.overall.rate()));
        } else {
            left_out.push(label);
        }
    }
    (points, left_out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::core::inspection::{Inspection, Verdict, score};
    use crate::core::model::StandardsSet;

    fn sample() -> (StandardsSet, Inspection) {
        let set = crate::core::templates::default_sample();
        let i = Inspection::new(
            &set,
            None,
            Path::new("x.inspection.ron"),
            jiff::civil::DateTime::default(),
        );
        (set, i)
    }

    #[test]
    fn a_partial_inspection_says_so_and_stays_out_of_the_trend() {
        let (set, mut i) = sample();
        let ids: Vec<String> = crate::core::inspection::standard_order(&set)
            .into_iter()
            .map(str::to_owned)
            .collect();
        for id in &ids[..2] {
            i.set_verdict(&set, id, Verdict::Pass);
        }
        let s = score(&set, &i);
        assert!(s.partial());
        let partial = s.clone();
        assert_eq!(s.overall.rate(), Some(1.0), "its own score is still shown");
        let n = ids.len();
        assert_eq!(
            s.partial_text(Language::En).as_deref(),
            Some(format!("Partial: {} of {n} not checked", n - 2).as_str())
        );
        assert_eq!(s.result_cell(Language::ZhCn), "合格（不完整）");
        assert_eq!(s.result_cell(Language::En), "Pass (partial)");
        for id in &ids[2..] {
            i.set_verdict(&set, id, Verdict::Pass);
        }
        let s = score(&set, &i);
        assert!(!s.partial());
        assert_eq!(s.partial_text(Language::En), None);
        // In the trend a 100% of two standards is no point beside whole visits.
        let (points, left_out) = trend([("09-18".to_owned(), &partial), ("10-23".to_owned(), &s)]);
        assert_eq!(points, [("10-23".to_owned(), Some(1.0))]);
        assert_eq!(left_out, ["09-18"]);
    }

    #[test]
    fn a_follow_up_visit_says_so_and_stays_out_of_the_trend() {
        let (set, mut i) = sample();
        let ids: Vec<String> = crate::core::inspection::standard_order(&set)
            .into_iter()
            .map(str::to_owned)
            .collect();
        i.check_only(&ids[..2]);
        assert_eq!(i.visit, crate::core::inspection::Visit::FollowUp);
        for id in &ids[..2] {
            i.set_verdict(&set, id, Verdict::Pass);
        }
        let s = score(&set, &i);
        // Whole as a follow-up (nothing it checks is left), yet no whole visit.
        assert!(!s.partial() && s.follow_up && !s.in_trend());
        assert_eq!(s.result_cell(Language::En), "Pass (follow-up)");
        assert_eq!(s.result_cell(Language::ZhTw), "合格（複查）");
        assert_eq!(
            s.visit_text(Language::En).as_deref(),
            Some("Follow-up: 2 standards checked")
        );
        let (points, left_out) = trend([("11-02".to_owned(), &s)]);
        assert!(points.is_empty());
        assert_eq!(left_out, ["11-02"]);
        // A record written before visits had a kind is a follow-up by its `only`.
        i.visit = crate::core::inspection::Visit::Full;
        assert!(score(&set, &i).follow_up);
        // And a full visit is none.
        i.check_only(&[]);
        assert!(!score(&set, &i).follow_up);
    }
}
