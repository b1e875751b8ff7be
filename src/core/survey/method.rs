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

/// Where customers and inspections disagree about a factor.
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
    for f in customers.map(|s| s.factors.as_slice()).unwrap_or_default() {
        let n = f.satisfaction.n();
        match f.satisfaction.mean() {
            Some(mean) if n >= min => {
                shares.insert(f.id.clone(), score_to_share(mean));
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
            let kind = match (rate >= SATISFIED_FROM, p.satisfaction >= SATISFIED_FROM) {
                (true, false) => Disagreement::PassesButCustomersLow,
                (false, true) => Disagreement::FailsButCustomersHigh,
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
    Placed {
        points,
        by_customers,
        too_few,
        differences,
        min_answers: min,
    }
}
