//! Structural validation of a set, plus the measurability checker on every standard.

use std::collections::HashMap;

use jiff::civil::Date;

use super::lexicon::Lexicon;
use super::rules;
use super::{Finding, Level, Problem, Severity, assess_in};
use crate::core::model::{
    IdKind, ItemPath, Monitoring, SCORE_RANGE, Standard, StandardsSet, is_valid_id, limits,
};

/// Every finding about `set`, in document order. `today` decides what is overdue.
#[must_use]
pub fn validate(set: &StandardsSet, today: Date) -> Vec<Finding> {
    let mut out = Findings {
        set,
        list: Vec::new(),
    };
    if set.title.trim().is_empty() {
        out.push(Severity::Error, Problem::EmptyTitle, None);
    }
    if set.contact_points.is_empty() {
        out.push(Severity::Error, Problem::NoContactPoints, None);
    }
    match set.next_review {
        None => out.push(Severity::Warning, Problem::NoReviewDate, None),
        Some(date) if date < today => out.push(
            Severity::Warning,
            Problem::ReviewOverdue {
                date: date.to_string(),
            },
            None,
        ),
        Some(_) => {}
    }
    if let crate::core::model::Approval::Changed(approved) = set.approval() {
        out.push(
            Severity::Warning,
            Problem::ChangedSinceApproval {
                revision: approved.revision.clone(),
            },
            None,
        );
    }

    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, id) in set.all_ids() {
        *seen.entry(id).or_default() += 1;
    }
    let mut reported = std::collections::HashSet::new();
    for (path, id) in set.items() {
        if !is_valid_id(id) {
            out.push(
                Severity::Error,
                Problem::InvalidId { id: id.to_owned() },
                Some(path),
            );
        } else if seen[id] > 1 && reported.insert(id) {
            out.push(
                Severity::Error,
                Problem::DuplicateId { id: id.to_owned() },
                Some(path),
            );
        }
    }

    for (c, cp) in set.contact_points.iter().enumerate() {
        let at = ItemPath::ContactPoint(c);
        out.name(&cp.name, IdKind::ContactPoint, at);
        if cp.steps.is_empty() {
            out.push(
                Severity::Error,
                Problem::NoChildren {
                    level: Level::ContactPoint,
                },
                Some(at),
            );
        }
        for (s, step) in cp.steps.iter().enumerate() {
            let at = ItemPath::Step(c, s);
            out.name(&step.name, IdKind::Step, at);
            if step.factors.is_empty() {
                out.push(
                    Severity::Error,
                    Problem::NoChildren { level: Level::Step },
                    Some(at),
                );
            }
            for (f, factor) in step.factors.iter().enumerate() {
                let at = ItemPath::Factor(c, s, f);
                out.name(&factor.name, IdKind::Factor, at);
                if factor.standards.is_empty() {
                    out.push(
                        Severity::Error,
                        Problem::NoChildren {
                            level: Level::Factor,
                        },
                        Some(at),
                    );
                }
                if !SCORE_RANGE.contains(&factor.importance) {
                    out.push(
                        Severity::Error,
                        Problem::ScoreOutOfRange {
                            field: "importance",
                            value: factor.importance,
                        },
                        Some(at),
                    );
                }
                if let Some(value) = factor.satisfaction.filter(|v| !SCORE_RANGE.contains(v)) {
                    out.push(
                        Severity::Error,
                        Problem::ScoreOutOfRange {
                            field: "satisfaction",
                            value,
                        },
                        Some(at),
                    );
                }
                for (i, standard) in factor.standards.iter().enumerate() {
                    let at = ItemPath::Standard(c, s, f, i);
                    if standard.text.trim().is_empty() {
                        out.push(
                            Severity::Error,
                            Problem::EmptyName {
                                level: Level::Standard,
                            },
                            Some(at),
                        );
                    } else {
                        out.standard_rules(standard, at);
                    }
                    if standard
                        .target
                        .as_ref()
                        .is_some_and(|t| !t.value.is_finite() || t.unit.trim().is_empty())
                    {
                        out.push(Severity::Error, Problem::BadTarget, Some(at));
                    }
                    if standard.monitoring.is_empty() {
                        out.push(Severity::Warning, Problem::NoMonitoring, Some(at));
                    }
                    if standard.owner_role.trim().is_empty() {
                        out.push(Severity::Warning, Problem::NoOwnerRole, Some(at));
                    }
                    if let Some(date) = standard.review.filter(|d| *d < today) {
                        out.push(
                            Severity::Warning,
                            Problem::ReviewOverdue {
                                date: date.to_string(),
                            },
                            Some(at),
                        );
                    }
                }
            }
        }
    }
    for long in limits::overlong(set) {
        out.push(
            Severity::Error,
            Problem::TooLong {
                field: long.field,
                chars: long.chars,
                max: long.field.max_chars(),
            },
            long.at,
        );
    }
    out.list
}

struct Findings<'a> {
    set: &'a StandardsSet,
    list: Vec<Finding>,
}

impl Findings<'_> {
    fn push(&mut self, severity: Severity, problem: Problem, at: Option<ItemPath>) {
        self.list.push(Finding {
            severity,
            problem,
            item: at.and_then(|p| self.set.id_at(p)).map(str::to_owned),
            trail: at.map(|p| self.set.trail(p)).unwrap_or_default(),
        });
    }

    /// The method's rules for one standard's text: measurable (a warning),
    /// specific and customer-based (hints), and a rate checked with data.
    fn standard_rules(&mut self, standard: &Standard, at: ItemPath) {
        let lexicon = Lexicon::builtin();
        // Accepted as is, with a reason: the manual's appendix lists it instead.
        let vagueness = assess_in(&self.set.words, &standard.text).vagueness;
        if let Some(vagueness) = vagueness.filter(|_| standard.accepted.is_none()) {
            self.push(Severity::Warning, Problem::Vague { vagueness }, Some(at));
        }
        for hint in rules::hints(lexicon, &standard.text) {
            self.push(Severity::Hint, hint, Some(at));
        }
        let by_data = standard.monitoring.contains(&Monitoring::OperationalData);
        if let Some(rate) = rules::rate(lexicon, &standard.text).filter(|_| !by_data) {
            self.push(Severity::Warning, Problem::RateNeedsData { rate }, Some(at));
        }
    }

    fn name(&mut self, name: &str, kind: IdKind, at: ItemPath) {
        if name.trim().is_empty() {
            self.push(
                Severity::Error,
                Problem::EmptyName { level: kind.into() },
                Some(at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ContactPoint, Factor, Language, StandardKind, Step};
    use jiff::civil::date;

    fn good() -> StandardsSet {
        let mut set = StandardsSet::new("Shop", Language::En);
        set.next_review = Some(date(2030, 1, 1));
        let mut cp = ContactPoint::new("CP-1", "Arrival");
        let mut st = Step::new("ST-1", "Greeting");
        let mut f = Factor::new("KF-1", "Noticed at once");
        let mut s = Standard::new("S-1", "Greets within 10 seconds", StandardKind::Personal);
        s.monitoring.push(Monitoring::MysteryShopping);
        s.owner_role = "Sales assistant".into();
        f.standards.push(s);
        st.factors.push(f);
        cp.steps.push(st);
        set.contact_points.push(cp);
        set
    }

    fn problems(set: &StandardsSet) -> Vec<Problem> {
        validate(set, date(2026, 11, 22))
            .into_iter()
            .map(|f| f.problem)
            .collect()
    }

    #[test]
    fn a_good_set_has_no_findings() {
        assert_eq!(problems(&good()), vec![]);
    }

    #[test]
    fn duplicate_ids_are_errors_reported_once() {
        let mut set = good();
        let copy = set.contact_points[0].steps[0].factors[0].standards[0].clone();
        set.contact_points[0].steps[0].factors[0]
            .standards
            .push(copy.clone());
        set.contact_points[0].steps[0].factors[0]
            .standards
            .push(copy);
        let found = validate(&set, date(2026, 11, 22));
        let dups: Vec<_> = found
            .iter()
            .filter(|f| matches!(f.problem, Problem::DuplicateId { .. }))
            .collect();
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].severity, Severity::Error);
        assert_eq!(dups[0].item.as_deref(), Some("S-1"));
    }

    #[test]
    fn empty_levels_and_scores_out_of_range() {
        let mut set = good();
        set.contact_points[0].steps[0].factors[0].importance = 9;
        set.contact_points[0].steps[0].factors[0].satisfaction = Some(0);
        set.contact_points[0].steps.push(Step::new("ST-2", ""));
        let p = problems(&set);
        assert!(p.contains(&Problem::ScoreOutOfRange {
            field: "importance",
            value: 9
        }));
        assert!(p.contains(&Problem::ScoreOutOfRange {
            field: "satisfaction",
            value: 0
        }));
        assert!(p.contains(&Problem::EmptyName { level: Level::Step }));
        assert!(p.contains(&Problem::NoChildren { level: Level::Step }));
    }

    #[test]
    fn overdue_review_is_a_warning_with_a_trail() {
        let mut set = good();
        set.next_review = Some(date(2025, 1, 1));
        let found = validate(&set, date(2026, 11, 22));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].trail, "");
    }

    #[test]
    fn vague_standards_are_warnings_with_their_path() {
        let mut set = good();
        set.contact_points[0].steps[0].factors[0].standards[0].text = "Be friendly".into();
        let found = validate(&set, date(2026, 11, 22));
        assert_eq!(found.len(), 1);
        assert!(found[0].is_vague());
        assert_eq!(
            found[0].trail,
            "Arrival › Greeting › Noticed at once › Be friendly"
        );
    }

    #[test]
    fn the_sets_own_words_and_an_exception_are_honoured() {
        fn standard(set: &mut StandardsSet) -> &mut Standard {
            &mut set.contact_points[0].steps[0].factors[0].standards[0]
        }
        let mut set = good();
        standard(&mut set).text = "Reply promptly to every e-mail".into();
        assert_eq!(validate(&set, date(2026, 11, 22)).len(), 1);
        set.words.defines.push(crate::core::model::Definition {
            term: "promptly".into(),
            meaning: "within 2 hours".into(),
        });
        assert!(validate(&set, date(2026, 11, 22)).is_empty());
        standard(&mut set).text = "Make every visit memorable".into();
        assert_eq!(validate(&set, date(2026, 11, 22)).len(), 1);
        standard(&mut set).accepted = Some("the owner checks this by a monthly survey".into());
        assert!(validate(&set, date(2026, 11, 22)).is_empty());
    }

    /// The one finding about the good set with its standard's text replaced.
    fn only_finding(set: &mut StandardsSet, text: &str) -> Finding {
        set.contact_points[0].steps[0].factors[0].standards[0].text = text.into();
        let mut found = validate(set, date(2026, 11, 22));
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn the_specific_customer_based_and_rate_rules_are_their_own_findings() {
        let mut set = good();
        let found = only_finding(
            &mut set,
            "Answer within three rings and say \"Good morning\"",
        );
        assert_eq!(found.severity, Severity::Hint);
        assert!(matches!(found.problem, Problem::SplitHint { .. }));

        let found = only_finding(&mut set, "每天下班前填写工作日报");
        assert_eq!(found.severity, Severity::Hint);
        assert!(matches!(found.problem, Problem::NotCustomerBased { .. }));

        let found = only_finding(&mut set, "80% of calls are answered within 20 seconds");
        assert_eq!(found.severity, Severity::Warning);
        assert!(matches!(found.problem, Problem::RateNeedsData { .. }));
        // Checked with operational data, the rate is fine.
        let standard = &mut set.contact_points[0].steps[0].factors[0].standards[0];
        standard.monitoring.push(Monitoring::OperationalData);
        assert_eq!(problems(&set), vec![]);
    }

    #[test]
    fn a_set_with_nothing_in_it_says_so() {
        let set = StandardsSet::new("", Language::ZhCn);
        let p = problems(&set);
        assert!(p.contains(&Problem::EmptyTitle));
        assert!(p.contains(&Problem::NoContactPoints));
    }
}
