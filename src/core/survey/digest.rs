//! What the survey sections show, picked and ordered once for the window's
//! survey page and the report's survey section alike: NPS per period (for
//! the trend chart, when there are at least two), the factors in journey
//! order, the weakest factors by customers, and the same by respondent
//! group when the plan has several.

use super::stats::{FactorFigures, Figures, Summary};

/// The most factors named as the weakest overall.
pub const WEAKEST: usize = 5;
/// The most named as the weakest within a respondent group.
pub const WEAKEST_IN_GROUP: usize = 3;
/// A group's weakest factors need no more answers than this (a group is a
/// share of the respondents; the plan's threshold is for all of them).
pub const GROUP_MIN_ANSWERS: u32 = 5;

/// One respondent group's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDigest<'a> {
    pub group: &'a str,
    pub summary: &'a Summary,
    pub weakest: Vec<&'a FactorFigures>,
}

/// The survey figures to show, in the order shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Digest<'a> {
    /// NPS per period, oldest first (`None`: a period with no NPS
    /// answer); empty with fewer than two periods, as one is no trend.
    pub trend: Vec<(&'a str, Option<f64>)>,
    /// Every factor, in journey order.
    pub factors: &'a [FactorFigures],
    /// The least satisfying factors among those with at least
    /// `min_answers` answers, lowest first.
    pub weakest: Vec<&'a FactorFigures>,
    /// By respondent group, when there are several; else empty.
    pub groups: Vec<GroupDigest<'a>>,
}

/// Picks what the survey sections show from `figures`, counting a
/// factor's satisfaction as known from `min_answers` answers.
#[must_use]
pub fn digest(figures: &Figures, min_answers: u32) -> Digest<'_> {
    let trend = if figures.trend.len() > 1 {
        figures
            .trend
            .iter()
            .map(|(period, nps)| (period.as_str(), nps.score()))
            .collect()
    } else {
        Vec::new()
    };
    let groups = if figures.by_group.len() > 1 {
        figures
            .by_group
            .iter()
            .map(|(group, summary)| GroupDigest {
                group,
                summary,
                weakest: summary.weakest(min_answers.min(GROUP_MIN_ANSWERS), WEAKEST_IN_GROUP),
            })
            .collect()
    } else {
        Vec::new()
    };
    Digest {
        trend,
        factors: &figures.overall.factors,
        weakest: figures.overall.weakest(min_answers, WEAKEST),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::survey::{Nps, Response, Responses, SurveyPlan, figures};

    fn response(row: usize, group: &str, period: &str, sat: [u8; 3], nps: u8) -> Response {
        Response {
            row,
            respondent: row.to_string(),
            group: group.to_owned(),
            period: period.to_owned(),
            importance: vec![3; 3],
            satisfaction: sat.to_vec(),
            nps: Some(nps),
            open: String::new(),
        }
    }

    #[test]
    fn picks_the_trend_the_weakest_and_the_groups_once() {
        let mut rows = Vec::new();
        // Period 2026-10: 10 answers, NPS 10 → promoters 10 (+100).
        for i in 0..10 {
            rows.push(response(i + 2, "exit", "2026-10", [5, 2, 4], 10));
        }
        // Period 2026-11: 10 answers, 5 detractors (3) and 5 passives (7): -50.
        for i in 0..10 {
            let nps = if i < 5 { 3 } else { 7 };
            rows.push(response(i + 12, "loyal", "2026-11", [5, 3, 1], nps));
        }
        let file = Responses {
            file: None,
            factors: vec!["KF-1".into(), "KF-2".into(), "KF-3".into()],
            rows,
            issues: Vec::new(),
            question_columns: 9,
        };
        let f = figures(&[file], &SurveyPlan::default());
        let d = digest(&f, 10);
        assert_eq!(
            d.trend,
            vec![("2026-10", Some(100.0)), ("2026-11", Some(-50.0))]
        );
        // Means: KF-1 5.0, KF-2 2.5, KF-3 2.5 (4 and 1): ties keep journey order.
        let weak: Vec<&str> = d.weakest.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(weak, ["KF-2", "KF-3", "KF-1"]);
        assert_eq!(d.factors.len(), 3);
        let groups: Vec<&str> = d.groups.iter().map(|g| g.group).collect();
        assert_eq!(groups, ["exit", "loyal"]);
        // In "loyal": KF-3 1.0, KF-2 3.0, KF-1 5.0; at most three.
        let loyal: Vec<&str> = d.groups[1].weakest.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(loyal, ["KF-3", "KF-2", "KF-1"]);
        // One period is no trend; one group is no "by group".
        let one = Figures {
            trend: vec![("2026-10".into(), Nps::default())],
            by_group: vec![("exit".into(), f.overall.clone())],
            ..f.clone()
        };
        let d = digest(&one, 10);
        assert!(d.trend.is_empty() && d.groups.is_empty());
    }
}
