//! Scores computed from verdicts (never typed in), and the method's
//! importance × satisfaction analysis of weak links.
//!
//! The rule, as the README states it: score = passed / (passed + failed).
//! Not applicable and not checked count in neither. An inspection passes when
//! its score reaches [`PASS_MARK`] and no critical standard failed; a failed
//! critical standard fails it whatever the score.

use std::collections::HashMap;

use super::{Inspection, Verdict};
use crate::core::model::{Language, StandardKind, StandardsSet};

/// The score an inspection needs to pass, as a share.
pub const PASS_MARK: f64 = 0.8;

/// Factors with this importance (1–5) or more are "important".
pub const IMPORTANT_FROM: u8 = 4;
/// Factors with this satisfaction (a share) or more are "satisfied".
pub const SATISFIED_FROM: f64 = 0.75;

/// Counts of verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
    pub not_applicable: usize,
    pub not_checked: usize,
}

impl Tally {
    pub fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Pass => self.passed += 1,
            Verdict::Fail => self.failed += 1,
            Verdict::NotApplicable => self.not_applicable += 1,
            Verdict::NotChecked => self.not_checked += 1,
        }
    }

    /// passed / (passed + failed); `None` when nothing was passed or failed.
    #[must_use]
    pub fn rate(&self) -> Option<f64> {
        let scored = self.passed + self.failed;
        (scored > 0).then(|| self.passed as f64 / scored as f64)
    }

    /// Standards with any verdict other than "not checked".
    #[must_use]
    pub fn answered(&self) -> usize {
        self.passed + self.failed + self.not_applicable
    }

    #[must_use]
    pub fn total(&self) -> usize {
        self.answered() + self.not_checked
    }

    /// "37 passed · 16 failed · 2 N/A · 0 not checked", in `lang`.
    #[must_use]
    pub fn summary(&self, lang: Language) -> String {
        let v = &crate::core::i18n::words(lang).vocab;
        format!(
            "{} {} · {} {} · {} {} · {} {}",
            self.passed,
            v.tally.passed,
            self.failed,
            v.tally.failed,
            self.not_applicable,
            v.tally.na,
            self.not_checked,
            v.tally.not_checked,
        )
    }
}

/// The score of one contact point, step or factor.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub tally: Tally,
}

/// Everything scored from one inspection.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub overall: Tally,
    /// In the set's order, only those in scope.
    pub contact_points: Vec<Group>,
    pub steps: Vec<Group>,
    pub factors: Vec<Group>,
    pub kinds: [(StandardKind, Tally); 3],
    /// Critical standards that failed, by ID.
    pub critical_failures: Vec<String>,
    /// Every failed standard in scope, by ID, in the set's order: the one
    /// list the inspect summary, the results view and the report show.
    pub failures: Vec<String>,
    /// Verdicts naming a standard the set does not have (not scored).
    pub unknown: Vec<String>,
    /// A follow-up visit (see [`super::Visit`]): marked wherever it is
    /// shown, and left out of the trend.
    pub follow_up: bool,
}

impl Scores {
    /// The result for a table cell: "Pass", "Pass (partial)" or "Pass (follow-up)".
    #[must_use]
    pub fn result_cell(&self, lang: Language) -> String {
        let result = self.result_text(lang);
        match self.visit_short(lang) {
            Some(short) => format!("{result}{}", crate::core::i18n::aside(lang, short)),
            None => result.to_owned(),
        }
    }

    /// Whether the inspection passes: score at the pass mark and no critical failure.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.critical_failures.is_empty() && self.overall.rate().is_some_and(|r| r >= PASS_MARK)
    }

    /// The one-line result, e.g. "Fail: a critical standard failed".
    #[must_use]
    pub fn result_text(&self, lang: Language) -> &'static str {
        let v = &crate::core::i18n::words(lang).vocab;
        if !self.critical_failures.is_empty() {
            v.result_critical
        } else if self.overall.rate().is_none() {
            v.result_unscored
        } else if self.passed() {
            v.result_pass
        } else {
            v.result_below
        }
    }
}

/// Scores `inspection` against `set`. Standards in scope without a verdict count as not checked.
#[must_use]
pub fn score(set: &StandardsSet, inspection: &Inspection) -> Scores {
    let entries = inspection.entries();
    let known: std::collections::HashSet<&str> = super::standard_order(set).into_iter().collect();
    let mut out = Scores {
        overall: Tally::default(),
        contact_points: Vec::new(),
        steps: Vec::new(),
        factors: Vec::new(),
        kinds: StandardKind::ALL.map(|k| (k, Tally::default())),
        critical_failures: Vec::new(),
        failures: Vec::new(),
        unknown: Vec::new(),
        follow_up: inspection.is_follow_up(),
    };
    for cp in &set.contact_points {
        if !inspection.in_scope(&cp.id) {
            continue;
        }
        let mut cp_tally = Tally::default();
        for step in &cp.steps {
            let mut step_tally = Tally::default();
            for factor in &step.factors {
                let mut factor_tally = Tally::default();
                for standard in &factor.standards {
                    if !inspection.checks(&standard.id) {
                        continue;
                    }
                    let v = entries
                        .get(standard.id.as_str())
                        .map_or(Verdict::NotChecked, |e| e.verdict);
                    factor_tally.add(v);
                    out.overall.add(v);
                    if let Some((_, t)) = out.kinds.iter_mut().find(|(k, _)| *k == standard.kind) {
                        t.add(v);
                    }
                    if v == Verdict::Fail {
                        out.failures.push(standard.id.clone());
                        if standard.critical {
                            out.critical_failures.push(standard.id.clone());
                        }
                    }
                }
                add_all(&mut step_tally, factor_tally);
                out.factors.push(Group {
                    id: factor.id.clone(),
                    name: factor.name.clone(),
                    tally: factor_tally,
                });
            }
            add_all(&mut cp_tally, step_tally);
            out.steps.push(Group {
                id: step.id.clone(),
                name: step.name.clone(),
                tally: step_tally,
            });
        }
        out.contact_points.push(Group {
            id: cp.id.clone(),
            name: cp.name.clone(),
            tally: cp_tally,
        });
    }
    out.unknown = inspection
        .verdicts
        .iter()
        .filter(|e| !known.contains(e.standard.as_str()))
        .map(|e| e.standard.clone())
        .collect();
    out
}

fn add_all(into: &mut Tally, from: Tally) {
    into.passed += from.passed;
    into.failed += from.failed;
    into.not_applicable += from.not_applicable;
    into.not_checked += from.not_checked;
}

/// The method's four quadrants of importance × satisfaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Important, low satisfaction.
    FixFirst,
    /// Important, high satisfaction.
    Strength,
    /// Unimportant, low satisfaction.
    LowPriority,
    /// Unimportant, high satisfaction.
    UnnecessaryStrength,
}

impl Quadrant {
    pub const ALL: [Self; 4] = [
        Self::FixFirst,
        Self::Strength,
        Self::LowPriority,
        Self::UnnecessaryStrength,
    ];

    #[must_use]
    pub fn of(importance: u8, satisfaction: f64) -> Self {
        match (importance >= IMPORTANT_FROM, satisfaction >= SATISFIED_FROM) {
            (true, false) => Self::FixFirst,
            (true, true) => Self::Strength,
            (false, false) => Self::LowPriority,
            (false, true) => Self::UnnecessaryStrength,
        }
    }

    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        let at = Self::ALL.iter().position(|q| *q == self).unwrap_or(0);
        crate::core::i18n::words(lang).vocab.quadrants[at]
    }
}

/// Where a factor's satisfaction came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A customer survey score imported from CSV.
    Survey,
    /// The pass rate of its standards in the inspection.
    Inspection,
    /// The satisfaction score written in the set.
    Set,
}

/// One factor on the importance × satisfaction chart.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorPoint {
    pub id: String,
    pub name: String,
    pub contact_point: String,
    pub importance: u8,
    /// 0.0–1.0.
    pub satisfaction: f64,
    pub source: Source,
    pub quadrant: Quadrant,
    /// The factor's standards: (ID, text).
    pub standards: Vec<(String, String)>,
}

/// A survey score on the 1–5 scale as a share: 1 → 0 %, 5 → 100 %.
#[must_use]
pub fn score_to_share(score: f64) -> f64 {
    ((score - 1.0) / 4.0).clamp(0.0, 1.0)
}

/// Every factor placed on the chart. Satisfaction comes from `survey` (factor
/// ID → share) when it has the factor, else from the factor's pass rate in
/// `inspection`, else from the set's own satisfaction score; factors with
/// none of these are left out.
#[must_use]
#[expect(
    clippy::implicit_hasher,
    reason = "survey scores come from survey::parse"
)]
pub fn weak_links(
    set: &StandardsSet,
    inspection: Option<&Scores>,
    survey: &HashMap<String, f64>,
) -> Vec<FactorPoint> {
    let rates: HashMap<&str, f64> = inspection
        .map(|s| {
            s.factors
                .iter()
                .filter_map(|g| g.tally.rate().map(|r| (g.id.as_str(), r)))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for cp in &set.contact_points {
        for factor in cp.steps.iter().flat_map(|s| &s.factors) {
            let found = survey
                .get(&factor.id)
                .map(|s| (*s, Source::Survey))
                .or_else(|| {
                    rates
                        .get(factor.id.as_str())
                        .map(|r| (*r, Source::Inspection))
                })
                .or_else(|| {
                    factor
                        .satisfaction
                        .map(|s| (score_to_share(f64::from(s)), Source::Set))
                });
            let Some((satisfaction, source)) = found else {
                continue;
            };
            out.push(FactorPoint {
                id: factor.id.clone(),
                name: factor.name.clone(),
                contact_point: cp.name.clone(),
                importance: factor.importance,
                satisfaction,
                source,
                quadrant: Quadrant::of(factor.importance, satisfaction),
                standards: factor
                    .standards
                    .iter()
                    .map(|s| (s.id.clone(), s.text.clone()))
                    .collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;

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

    fn critical_and_plain(set: &StandardsSet) -> (String, String) {
        let all: Vec<_> = set.standards().map(|(_, s)| s).collect();
        let critical = all.iter().find(|s| s.critical).unwrap().id.clone();
        let plain = all.iter().find(|s| !s.critical).unwrap().id.clone();
        (critical, plain)
    }

    #[test]
    fn score_is_passed_over_passed_and_failed() {
        let (set, mut i) = sample();
        let ids: Vec<String> = super::super::standard_order(&set)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let (critical, _) = critical_and_plain(&set);
        let (mut failed, mut unchecked) = (0, 0);
        for (n, id) in ids.iter().enumerate() {
            let v = match n % 10 {
                0 | 1 if *id != critical => {
                    failed += 1;
                    Verdict::Fail
                }
                2 => Verdict::NotApplicable,
                3 => {
                    unchecked += 1; // never answered: not checked
                    continue;
                }
                _ => Verdict::Pass,
            };
            i.set_verdict(&set, id, v);
        }
        let s = score(&set, &i);
        assert_eq!(s.overall.total(), ids.len());
        assert_eq!(s.overall.failed, failed);
        let expected = s.overall.passed as f64 / (s.overall.passed + failed) as f64;
        assert!((s.overall.rate().unwrap() - expected).abs() < 1e-12);
        assert_eq!(s.overall.not_checked, unchecked);
        // Per contact point tallies add up to the whole.
        let sum: usize = s.contact_points.iter().map(|g| g.tally.total()).sum();
        assert_eq!(sum, ids.len());
        let by_kind: usize = s.kinds.iter().map(|(_, t)| t.total()).sum();
        assert_eq!(by_kind, ids.len());
    }

    #[test]
    fn not_applicable_and_not_checked_do_not_count() {
        let (set, mut i) = sample();
        let (_, plain) = critical_and_plain(&set);
        assert_eq!(score(&set, &i).overall.rate(), None);
        assert!(!score(&set, &i).passed());
        i.set_verdict(&set, &plain, Verdict::NotApplicable);
        assert_eq!(score(&set, &i).overall.rate(), None);
        i.set_verdict(&set, &plain, Verdict::Pass);
        assert_eq!(score(&set, &i).overall.rate(), Some(1.0));
        assert!(score(&set, &i).passed());
    }

    #[test]
    fn a_failed_critical_standard_fails_whatever_the_score() {
        let (set, mut i) = sample();
        let (critical, _) = critical_and_plain(&set);
        for id in super::super::standard_order(&set) {
            i.set_verdict(&set, id, Verdict::Pass);
        }
        assert!(score(&set, &i).passed());
        i.set_verdict(&set, &critical, Verdict::Fail);
        let s = score(&set, &i);
        assert!(s.overall.rate().unwrap() > 0.98);
        assert!(!s.passed());
        assert_eq!(s.critical_failures, [critical]);
        assert_eq!(
            s.result_text(Language::En),
            "Fail: a critical standard failed"
        );
    }

    #[test]
    fn failures_are_those_in_scope_in_the_sets_order() {
        let (set, mut i) = sample();
        let first = set.contact_points[0].id.clone();
        let in_first = |cp: usize| {
            set.contact_points[cp].steps[0].factors[0].standards[0]
                .id
                .clone()
        };
        let (a, b) = (in_first(0), in_first(1));
        i.set_verdict(&set, &b, Verdict::Fail);
        i.set_verdict(&set, &a, Verdict::Fail);
        assert_eq!(score(&set, &i).failures, [a.clone(), b]);
        i.scope = vec![first];
        assert_eq!(
            score(&set, &i).failures,
            [a],
            "a fail outside the scope is not a failure"
        );
    }

    #[test]
    fn below_the_pass_mark_fails() {
        let (set, mut i) = sample();
        let (_, plain) = critical_and_plain(&set);
        i.set_verdict(&set, &plain, Verdict::Fail);
        let s = score(&set, &i);
        assert_eq!(s.overall.rate(), Some(0.0));
        assert!(!s.passed());
    }

    #[test]
    fn scope_limits_what_is_scored_and_unknown_ids_are_kept() {
        let (set, mut i) = sample();
        i.scope = vec![set.contact_points[1].id.clone()];
        i.verdicts.push(super::super::Entry {
            standard: "S-999".into(),
            verdict: Verdict::Pass,
            note: String::new(),
            evidence: None,
            photos: Vec::new(),
        });
        let s = score(&set, &i);
        assert_eq!(s.contact_points.len(), 1);
        assert_eq!(s.unknown, ["S-999"]);
        assert_eq!(s.overall.passed, 0);
    }

    #[test]
    fn of_two_verdicts_for_one_standard_the_first_is_scored() {
        let (set, mut i) = sample();
        let (_, plain) = critical_and_plain(&set);
        for verdict in [Verdict::Pass, Verdict::Fail] {
            i.verdicts.push(super::super::Entry {
                standard: plain.clone(),
                verdict,
                note: String::new(),
                evidence: None,
                photos: Vec::new(),
            });
        }
        let s = score(&set, &i);
        assert_eq!((s.overall.passed, s.overall.failed), (1, 0));
    }

    #[test]
    fn quadrants_follow_the_method() {
        assert_eq!(Quadrant::of(5, 0.5), Quadrant::FixFirst);
        assert_eq!(Quadrant::of(4, 0.9), Quadrant::Strength);
        assert_eq!(Quadrant::of(2, 0.3), Quadrant::LowPriority);
        assert_eq!(Quadrant::of(3, 0.75), Quadrant::UnnecessaryStrength);
        assert_eq!(Quadrant::FixFirst.label(Language::ZhCn), "应优先重视");
    }

    #[test]
    fn survey_scores_override_pass_rates() {
        let (set, mut i) = sample();
        let factor = &set.contact_points[0].steps[0].factors[0];
        for s in &factor.standards {
            i.set_verdict(&set, &s.id, Verdict::Pass);
        }
        let scores = score(&set, &i);
        let none = HashMap::new();
        let p = weak_links(&set, Some(&scores), &none);
        let mine = p.iter().find(|p| p.id == factor.id).unwrap();
        assert_eq!((mine.satisfaction, mine.source), (1.0, Source::Inspection));
        let survey =
            super::super::survey::parse(&format!("factor,score\n{},2\n", factor.id)).unwrap();
        let p = weak_links(&set, Some(&scores), &survey);
        let mine = p.iter().find(|p| p.id == factor.id).unwrap();
        assert_eq!((mine.satisfaction, mine.source), (0.25, Source::Survey));
        assert_eq!(mine.quadrant, Quadrant::of(factor.importance, 0.25));
    }

    proptest! {
        #[test]
        fn scores_stay_within_0_and_100_percent_and_ignore_na(
            verdicts in proptest::collection::vec(0u8..4, 55),
        ) {
            let (set, mut i) = sample();
            let ids: Vec<String> = super::super::standard_order(&set).into_iter().map(str::to_owned).collect();
            for (id, v) in ids.iter().zip(&verdicts) {
                i.set_verdict(&set, id, Verdict::ALL[usize::from(*v)]);
            }
            let before = score(&set, &i);
            for group in before.contact_points.iter().chain(&before.steps).chain(&before.factors) {
                if let Some(r) = group.tally.rate() {
                    prop_assert!((0.0..=1.0).contains(&r));
                }
            }
            // Turning every N/A into "not checked" changes no score.
            for id in &ids {
                if i.verdict(id) == Verdict::NotApplicable {
                    i.set_verdict(&set, id, Verdict::NotChecked);
                }
            }
            let after = score(&set, &i);
            prop_assert_eq!(before.overall.rate(), after.overall.rate());
            for (a, b) in before.contact_points.iter().zip(&after.contact_points) {
                prop_assert_eq!(a.tally.rate(), b.tally.rate());
            }
        }
    }
}
