//! The figures a survey gives: per factor the mean importance and
//! satisfaction, the share of 5 of 5 (top box: fully satisfied customers
//! come back about six times as often as those who gave 4) and of 4, the
//! number of answers and a 95 % confidence interval of the mean
//! satisfaction; NPS with its promoters, passives and detractors; the same
//! by respondent group, and NPS by period for a trend.

use super::plan::SurveyPlan;
use super::responses::{Response, Responses};

/// The factors' scale: importance and satisfaction are scored 1 to 5.
pub const SCALE_LOW: u8 = 1;
pub const SCALE_HIGH: u8 = 5;

/// How many answers each score got, 0 to 10 (1–5 scales use 1..=5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    pub counts: [u32; 11],
}

impl Histogram {
    /// Counts one answer; 0 on a 1–5 scale is no answer.
    pub fn add(&mut self, score: u8) {
        if let Some(c) = self.counts.get_mut(usize::from(score)) {
            *c += 1;
        }
    }

    /// The number of answers.
    #[must_use]
    pub fn n(&self) -> u32 {
        self.counts.iter().sum()
    }

    #[must_use]
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| {
            let sum: f64 = (0..=10u8)
                .map(|s| f64::from(s) * f64::from(self.counts[usize::from(s)]))
                .sum();
            sum / f64::from(n)
        })
    }

    /// The share of answers that gave `score`.
    #[must_use]
    pub fn share(&self, score: u8) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| f64::from(self.counts[usize::from(score.min(10))]) / f64::from(n))
    }

    /// The sample standard deviation (n − 1), with two answers or more.
    #[must_use]
    pub fn sd(&self) -> Option<f64> {
        let n = self.n();
        let mean = self.mean()?;
        (n > 1).then(|| {
            let ss: f64 = (0..=10u8)
                .map(|s| f64::from(self.counts[usize::from(s)]) * (f64::from(s) - mean).powi(2))
                .sum();
            (ss / f64::from(n - 1)).sqrt()
        })
    }

    /// The 95 % confidence interval of the mean (Student's t) of a 1–5
    /// score, with two answers or more. It is cut to the scale: with few
    /// and spread answers the t interval reaches past 1 or 5, where no mean
    /// can be (four answers 1, 5, 5, 5 give 0.82–7.18 uncut).
    #[must_use]
    pub fn ci95(&self) -> Option<(f64, f64)> {
        let n = self.n();
        let (mean, sd) = (self.mean()?, self.sd()?);
        let half = t975(n - 1) * sd / f64::from(n).sqrt();
        let (low, high) = (f64::from(SCALE_LOW), f64::from(SCALE_HIGH));
        Some(((mean - half).max(low), (mean + half).min(high)))
    }
}

/// The 97.5 % quantile of Student's t with `df` degrees of freedom: from
/// the table up to 30, past it the normal quantile with its first
/// Cornish–Fisher term (within 0.001 of the exact value from 30 on).
#[must_use]
pub fn t975(df: u32) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df as usize - 1],
        _ => {
            let z = 1.959_964;
            z + (z * z * z + z) / (4.0 * f64::from(df))
        }
    }
}

/// Net promoter score: of those who answered 0–10, promoters gave 9–10,
/// passives 7–8, detractors 0–6.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nps {
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
}

impl Nps {
    pub fn add(&mut self, score: u8) {
        match score {
            9.. => self.promoters += 1,
            7 | 8 => self.passives += 1,
            _ => self.detractors += 1,
        }
    }

    #[must_use]
    pub fn n(&self) -> u32 {
        self.promoters + self.passives + self.detractors
    }

    /// Promoters' share less detractors' share, in points from −100 to 100.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| {
            100.0 * (f64::from(self.promoters) - f64::from(self.detractors)) / f64::from(n)
        })
    }
}

/// One factor's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorFigures {
    pub id: String,
    pub importance: Histogram,
    pub satisfaction: Histogram,
}

/// The figures of a group of respondents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub respondents: usize,
    /// In questionnaire (journey) order.
    pub factors: Vec<FactorFigures>,
    pub nps: Nps,
    /// The open answers, with their rows, in file order.
    pub open: Vec<(usize, String)>,
}

impl Summary {
    fn new(factors: &[String]) -> Self {
        Self {
            factors: factors
                .iter()
                .map(|id| FactorFigures {
                    id: id.clone(),
                    importance: Histogram::default(),
                    satisfaction: Histogram::default(),
                })
                .collect(),
            ..Self::default()
        }
    }

    fn add(&mut self, r: &Response) {
        self.respondents += 1;
        for (f, (&imp, &sat)) in self
            .factors
            .iter_mut()
            .zip(r.importance.iter().zip(&r.satisfaction))
        {
            if imp > 0 {
                f.importance.add(imp);
            }
            if sat > 0 {
                f.satisfaction.add(sat);
            }
        }
        if let Some(nps) = r.nps {
            self.nps.add(nps);
        }
        if !r.open.is_empty() {
            self.open.push((r.row, r.open.clone()));
        }
    }

    /// The factor `id`'s figures.
    #[must_use]
    pub fn factor(&self, id: &str) -> Option<&FactorFigures> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// The customer satisfaction index, 0–100: each factor's mean
    /// satisfaction as a share (1 → 0, 5 → 100), weighted by its mean
    /// importance, over the factors with answers to both.
    #[must_use]
    pub fn csi(&self) -> Option<f64> {
        let (weighted, weights) = self
            .factors
            .iter()
            .filter_map(|f| Some((f.importance.mean()?, f.satisfaction.mean()?)))
            .fold((0.0, 0.0), |(sum, w), (imp, sat)| {
                (sum + imp * (sat - 1.0) / 4.0, w + imp)
            });
        (weights > 0.0).then(|| 100.0 * weighted / weights)
    }

    /// The factors customers are least satisfied with, among those with at
    /// least `min` answers: lowest mean first, at most `count`.
    #[must_use]
    pub fn weakest(&self, min: u32, count: usize) -> Vec<&FactorFigures> {
        let mut enough: Vec<_> = self
            .factors
            .iter()
            .filter(|f| f.satisfaction.n() >= min.max(1))
            .collect();
        enough.sort_by(|a, b| {
            let (a, b) = (a.satisfaction.mean(), b.satisfaction.mean());
            a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
        });
        enough.truncate(count);
        enough
    }
}

/// Everything a survey's files give: overall, by group (the plan's groups
/// in its order, then any other group named in the files) and NPS by period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub overall: Summary,
    pub by_group: Vec<(String, Summary)>,
    /// (period, NPS), oldest first: a row's PERIOD, else its file's name
    /// when there are several files.
    pub trend: Vec<(String, Nps)>,
}

/// The figures of `files` (the imports of one survey, oldest first).
#[must_use]
pub fn figures(files: &[Responses], plan: &SurveyPlan) -> Figures {
    let factors = files.first().map(|f| f.factors.clone()).unwrap_or_default();
    let mut overall = Summary::new(&factors);
    let mut by_group: Vec<(String, Summary)> = plan
        .groups
        .iter()
        .map(|g| (g.id.clone(), Summary::new(&factors)))
        .collect();
    let mut trend: Vec<(String, Nps)> = Vec::new();
    for file in files {
        // Files of another questionnaire (a factor since added) are matched by ID.
        let same = file.factors == factors;
        let label = file
            .file
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for r in &file.rows {
            let aligned;
            let r = if same {
                r
            } else {
                aligned = align(r, &file.factors, &factors);
                &aligned
            };
            overall.add(r);
            if !r.group.is_empty() {
                match by_group.iter_mut().find(|(g, _)| *g == r.group) {
                    Some((_, s)) => s.add(r),
                    None => {
                        let mut s = Summary::new(&factors);
                        s.add(r);
                        by_group.push((r.group.clone(), s));
                    }
                }
            }
            if let Some(nps) = r.nps {
                let period = if r.period.is_empty() {
                    &label
                } else {
                    &r.period
                };
                match trend.iter_mut().find(|(p, _)| p == period) {
                    Some((_, n)) => n.add(nps),
                    None => {
                        let mut n = Nps::default();
                        n.add(nps);
                        trend.push((period.clone(), n));
                    }
                }
            }
        }
    }
    by_group.retain(|(_, s)| s.respondents > 0);
    // Periods are written to sort (2026-10 before 2026-11); files keep their order.
    if trend.iter().all(|(p, _)| !p.is_empty()) {
        trend.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Figures {
        overall,
        by_group,
        trend,
    }
}

/// A response of a file whose factors differ, re-ordered to `to`.
fn align(r: &Response, from: &[String], to: &[String]) -> Response {
    let pick = |scores: &[u8]| -> Vec<u8> {
        to.iter()
            .map(|id| {
                from.iter()
                    .position(|f| f == id)
                    .and_then(|at| scores.get(at).copied())
                    .unwrap_or(0)
            })
            .collect()
    };
    Response {
        importance: pick(&r.importance),
        satisfaction: pick(&r.satisfaction),
        ..r.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_of_few_spread_answers_stays_on_the_scale() {
        let mut h = Histogram::default();
        for s in [1, 5, 5, 5] {
            h.add(s);
        }
        // Mean 4, sd 2, t(3) 3.182: 4 ± 3.18 uncut.
        assert_eq!(h.ci95(), Some((1.0, 5.0)));
        let mut tight = Histogram::default();
        for s in [4, 4, 4, 4, 4, 4, 5, 3] {
            tight.add(s);
        }
        let (lo, hi) = tight.ci95().unwrap();
        assert!(lo > 1.0 && hi < 5.0, "{lo}–{hi}");
    }

    #[test]
    fn histogram_figures_by_hand() {
        let mut h = Histogram::default();
        for s in [5, 5, 4, 3, 3] {
            h.add(s);
        }
        assert_eq!(h.n(), 5);
        assert!((h.mean().unwrap() - 4.0).abs() < 1e-12);
        assert!((h.share(5).unwrap() - 0.4).abs() < 1e-12);
        // Squares about 4: 1 + 1 + 0 + 1 + 1 = 4, over 4 → sd 1.
        assert!((h.sd().unwrap() - 1.0).abs() < 1e-12);
        let (lo, hi) = h.ci95().unwrap();
        let half = 2.776 / 5f64.sqrt();
        // 4 + 1.24 is past the scale: cut at 5.
        assert!((lo - (4.0 - half)).abs() < 1e-9 && (hi - 5.0).abs() < 1e-9);
        let mut nps = Nps::default();
        for s in [10, 9, 8, 6, 0] {
            nps.add(s);
        }
        assert_eq!((nps.promoters, nps.passives, nps.detractors), (2, 1, 2));
        assert!(nps.score().unwrap().abs() < 1e-12);
        assert!((t975(40) - 2.021).abs() < 0.002);
        // Two factors: importance 4, satisfaction 5 (100) and importance 2,
        // satisfaction 2 (25): (4 × 100 + 2 × 25) / 6 = 75.
        let mut summary = Summary::new(&["A".to_owned(), "B".to_owned()]);
        summary.factors[0].importance.add(4);
        summary.factors[0].satisfaction.add(5);
        summary.factors[1].importance.add(2);
        summary.factors[1].satisfaction.add(2);
        assert!((summary.csi().unwrap() - 75.0).abs() < 1e-9);
        assert!((t975(120) - 1.980).abs() < 0.001);
    }
}
