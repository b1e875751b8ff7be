//! The survey in the method: the importance × satisfaction quadrant places
//! a factor by what customers said where enough of them answered, by the
//! inspection (or the set's own score) otherwise; and the factors where
//! customers and inspections disagree, the one the survey exists to find
//! first: a factor that passes its inspections while customers rate it low.

use std::collections::HashMap;

use super::stats::Summary;
use crate::core::inspection::score::{
    FactorPoint, Quadrant, SATISFIED_FROM, Scores, Source, score_to_share,
};
use crate::core::model::StandardsSet;

/// Where customers and inspections disagree about a factor: the
/// inspection's pass rate on one side of the quadrant's satisfaction line,
/// customers' whole 95 % interval on the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// It passes its inspections, but customers are not satisfied: the
    /// standards miss what customers care about.
    PassesButCustomersLow,
    /// It fails its inspections, yet customers are satisfied.
    FailsButCustomersHigh,
}

/// One factor on which the two views differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub id: String,
    pub name: String,
    pub contact_point: String,
    pub kind: Disagreement,
    /// Customers' mean satisfaction as a share (1 → 0 %, 5 → 100 %).
    pub customers: f64,
    /// The factor's inspection pass rate.
    pub inspection: f64,
}

/// The quadrant with the customers' view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    pub points: Vec<FactorPoint>,
    /// Factor IDs placed by the customers' answers.
    pub by_customers: Vec<String>,
    /// Factor IDs placed by inspection (or by the set's own score) instead.
    pub by_inspection: Vec<String>,
    /// Factor IDs with some answers, too few to place them (n, below `min`).
    pub too_few: Vec<(String, u32)>,
    /// Disagreements: those that pass but customers rate low first, the
    /// widest gap first within each kind.
    pub differences: Vec<Difference>,
    /// The number of answers from which customers place a factor.
    pub min_answers: u32,
}

/// Places the factors of `set`: by `customers` where a factor has at least
/// `min_answers` satisfaction answers (its importance then the customers'
/// mean too, where as many rated it), else as `weak_links` does (the
/// inspection's pass rate, else the set's score).
#[must_use]
pub fn place(
    set: &StandardsSet,
    inspection: Option<&Scores>,
    customers: Option<&Summary>,
    min_answers: u32,
) -> Placed {
    let min = min_answers.max(1);
    let mut shares = HashMap::new();
    let mut importance = HashMap::new();
    let mut too_few = Vec::new();
    // The 95 % interval of each placed factor's satisfaction, as shares.
    let mut intervals = HashMap::new();
    for f in customers.map(|s| s.factors.as_slice()).unwrap_or_default() {
        let n = f.satisfaction.n();
        match f.satisfaction.mean() {
            Some(mean) if n >= min => {
                shares.insert(f.id.clone(), score_to_share(mean));
                let (lo, hi) = f.satisfaction.ci95().unwrap_or((mean, mean));
                intervals.insert(f.id.as_str(), (score_to_share(lo), score_to_share(hi)));
                if f.importance.n() >= min
                    && let Some(imp) = f.importance.mean()
                {
                    importance.insert(f.id.clone(), imp);
                }
            }
            _ if n > 0 => too_few.push((f.id.clone(), n)),
            _ => {}
        }
    }
    let mut points = crate::core::inspection::weak_links(set, inspection, &shares);
    for p in &mut points {
        if p.source == Source::Survey
            && let Some(&imp) = importance.get(&p.id)
        {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a 1–5 mean, rounded"
            )]
            let rounded = imp.round().clamp(1.0, 5.0) as u8;
            p.importance = rounded;
            p.quadrant = Quadrant::of(rounded, p.satisfaction);
        }
    }
    let rates: HashMap<&str, f64> = inspection
        .map(|s| {
            s.factors
                .iter()
                .filter_map(|g| g.tally.rate().map(|r| (g.id.as_str(), r)))
                .collect()
        })
        .unwrap_or_default();
    let mut differences: Vec<Difference> = points
        .iter()
        .filter(|p| p.source == Source::Survey)
        .filter_map(|p| {
            let rate = *rates.get(p.id.as_str())?;
            // Customers are on the other side of the line only when their
            // whole 95 % interval is: a mean a hair below it is noise.
            let (lo, hi) = intervals
                .get(p.id.as_str())
                .copied()
                .unwrap_or((p.satisfaction, p.satisfaction));
            let kind = match (
                rate >= SATISFIED_FROM,
                hi < SATISFIED_FROM,
                lo >= SATISFIED_FROM,
            ) {
                (true, true, _) => Disagreement::PassesButCustomersLow,
                (false, _, true) => Disagreement::FailsButCustomersHigh,
                _ => return None,
            };
            Some(Difference {
                id: p.id.clone(),
                name: p.name.clone(),
                contact_point: p.contact_point.clone(),
                kind,
                customers: p.satisfaction,
                inspection: rate,
            })
        })
        .collect();
    differences.sort_by(|a, b| {
        let gap = |d: &Difference| (d.inspection - d.customers).abs();
        (a.kind == Disagreement::FailsButCustomersHigh)
            .cmp(&(b.kind == Disagreement::FailsButCustomersHigh))
            .then(
                gap(b)
                    .partial_cmp(&gap(a))
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
    });
    let by_customers = points
        .iter()
        .filter(|p| p.source == Source::Survey)
        .map(|p| p.id.clone())
        .collect();
    let by_inspection = points
        .iter()
        .filter(|p| p.source != Source::Survey)
        .map(|p| p.id.clone())
        .collect();
    Placed {
        points,
        by_customers,
        by_inspection,
        too_few,
        differences,
        min_answers: min,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::survey::stats::{FactorFigures, Histogram};

    fn figures(id: &str, counts: [u32; 5]) -> FactorFigures {
        let mut satisfaction = Histogram::default();
        let mut importance = Histogram::default();
        for (score, n) in (1..=5u8).zip(counts) {
            for _ in 0..n {
                satisfaction.add(score);
                importance.add(5);
            }
        }
        FactorFigures {
            id: id.to_owned(),
            importance,
            satisfaction,
        }
    }

    #[test]
    fn customers_place_factors_with_enough_answers_and_low_ones_that_pass_come_first() {
        let set = crate::core::templates::default_sample();
        let record = crate::core::inspection::sample_inspections().pop().unwrap();
        let scores = crate::core::inspection::score(&set, &record);
        // A factor every inspection passes.
        let passing = scores
            .factors
            .iter()
            .find(|g| g.tally.rate() == Some(1.0))
            .unwrap()
            .id
            .clone();
        let other = scores
            .factors
            .iter()
            .find(|g| g.id != passing)
            .unwrap()
            .id
            .clone();
        let summary = Summary {
            respondents: 40,
            factors: vec![
                // 40 answers, all 2 or 3: clearly low.
                figures(&passing, [0, 20, 20, 0, 0]),
                // 10 answers: too few at a threshold of 30.
                figures(&other, [0, 0, 0, 5, 5]),
            ],
            ..Summary::default()
        };
        let placed = place(&set, Some(&scores), Some(&summary), 30);
        assert_eq!(placed.by_customers, std::slice::from_ref(&passing));
        assert_eq!(placed.too_few, [(other.clone(), 10)]);
        assert!(placed.by_inspection.contains(&other));
        assert!(!placed.by_inspection.contains(&passing));
        let p = placed.points.iter().find(|p| p.id == passing).unwrap();
        assert_eq!(p.source, Source::Survey);
        assert_eq!(p.importance, 5);
        assert!((p.satisfaction - score_to_share(2.5)).abs() < 1e-9);
        assert_eq!(p.quadrant, Quadrant::FixFirst);
        assert_eq!(placed.differences.len(), 1);
        assert_eq!(placed.differences[0].id, passing);
        assert_eq!(
            placed.differences[0].kind,
            Disagreement::PassesButCustomersLow
        );
        let q = placed.points.iter().find(|p| p.id == other).unwrap();
        assert_ne!(q.source, Source::Survey);
    }
}
