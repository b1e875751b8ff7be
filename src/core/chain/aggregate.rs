//! A chain at a glance, computed once from the scored records of a folder
//! and the register: per site the latest score, its trend and actions; a
//! heat map of sites × contact points; the standards failing most across
//! the chain; the quadrant for the chain or a region; the trend per region.
//!
//! Visits are counted as the per-visit results count them: every visit is
//! scored on its own ([`crate::core::inspection::score`]) and marked when
//! partial or a follow-up; only whole visits are points of a trend
//! ([`Scores::in_trend`]). The pooled figures (heat map, standards failing
//! most, quadrant) count every verdict given at a full visit, partial ones
//! included (a standard not checked counts nowhere, as in a score), and
//! leave out follow-ups: they check only what failed before, and would
//! count those failures twice.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::folder::Record;
use super::sites::{Site, Sites};
use crate::core::inspection::{FactorPoint, Scores, Tally, Verdict, score::Group, weak_links};
use crate::core::model::StandardsSet;

/// How many whole visits a site's sparkline shows.
pub const TREND_VISITS: usize = 12;

/// Which sites and visits the chain shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only the sites of this region.
    pub region: Option<String>,
    /// Only visits on or after this day.
    pub from: Option<Date>,
    /// Only visits on or before this day.
    pub to: Option<Date>,
}

impl Filter {
    /// Whether a visit on `day` is in the period.
    #[must_use]
    pub fn in_period(&self, day: Date) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether a site of `region` is shown.
    #[must_use]
    pub fn admits_region(&self, region: &str) -> bool {
        self.region.as_deref().is_none_or(|r| r == region)
    }
}

/// One site's line of the league table.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteRow {
    /// The site as registered, or (for records naming no registered site)
    /// one made from the name typed on them, with an empty ID.
    pub site: Site,
    /// Whether the site is in the register.
    pub registered: bool,
    /// Its visits in the period, oldest first, as indexes into the records.
    pub visits: Vec<usize>,
    /// The visit its score is: the latest whole one, else the latest of any kind.
    pub latest: Option<usize>,
    /// That visit's score (passed / scored), if anything was scored.
    pub latest_rate: Option<f64>,
    /// Whether that visit passed.
    pub latest_passed: Option<bool>,
    /// Scores of its last [`TREND_VISITS`] whole visits, oldest first.
    pub trend: Vec<f64>,
    /// Critical standards failed at that visit.
    pub critical_failures: usize,
    /// Actions open or in progress, from any of its visits (an action
    /// raised before the period is still open in it).
    pub open_actions: usize,
    /// Of those, past their due date.
    pub overdue_actions: usize,
    /// The day of its last visit in the period (any kind).
    pub last_visit: Option<Date>,
    /// Days from that visit to `today`.
    pub days_since: Option<i64>,
    /// Pooled verdicts per contact point, in [`Chain::contact_points`] order.
    pub heat: Vec<Tally>,
}

/// A standard's record across the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct StandardRow {
    pub id: String,
    pub text: String,
    pub contact_point: String,
    pub critical: bool,
    /// Its pooled verdicts.
    pub tally: Tally,
    /// Sites where it failed at least once.
    pub sites_failing: usize,
}

/// A region's pooled score in one month (whole visits only).
#[derive(Clone, Debug, PartialEq)]
pub struct RegionMonth {
    pub region: String,
    /// `(year, month)`.
    pub month: (i16, i8),
    pub tally: Tally,
    pub visits: usize,
}

/// Everything the chain view and the chain report show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chain {
    /// One per site shown, in the order of the register, then the
    /// unregistered ones by name (see [`Chain::sort`]).
    pub sites: Vec<SiteRow>,
    /// The heat map's columns: (ID, name) of every contact point of the set.
    pub contact_points: Vec<(String, String)>,
    /// Standards with a failure, the worst first (fail rate, then sites
    /// failing, then failures).
    pub weakest: Vec<StandardRow>,
    /// The quadrant of the sites shown: each factor's pooled pass rate.
    pub quadrant: Vec<FactorPoint>,
    /// Per region and month, in order.
    pub region_trend: Vec<RegionMonth>,
    /// Visits in the period, of the sites shown.
    pub visits: usize,
}

/// A column of the league table to sort by; by score (weakest first) by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    Site,
    Region,
    #[default]
    Score,
    CriticalFailures,
    OpenActions,
    OverdueActions,
    DaysSince,
    Visits,
}

impl SortKey {
    pub const ALL: [Self; 8] = [
        Self::Site,
        Self::Region,
        Self::Score,
        Self::CriticalFailures,
        Self::OpenActions,
        Self::OverdueActions,
        Self::DaysSince,
        Self::Visits,
    ];
}

/// Computes the chain of `records` (scored against `set`) by the sites of
/// `register`, as `filter` selects, with days counted to `today`.
#[must_use]
pub fn aggregate(
    set: &StandardsSet,
    register: &Sites,
    records: &[Record],
    filter: &Filter,
    today: Date,
) -> Chain {
    let contact_points: Vec<(String, String)> = set
        .contact_points
        .iter()
        .map(|cp| (cp.id.clone(), cp.name.clone()))
        .collect();
    let cp_index: HashMap<&str, usize> = set
        .contact_points
        .iter()
        .enumerate()
        .map(|(n, cp)| (cp.id.as_str(), n))
        .collect();

    // Every site, registered first, then one per unregistered name.
    let mut rows: Vec<SiteRow> = register
        .sites
        .iter()
        .map(|s| empty_row(s.clone(), true, contact_points.len()))
        .collect();
    let mut by_key: HashMap<String, usize> = register
        .sites
        .iter()
        .enumerate()
        .map(|(n, s)| (s.id.clone(), n))
        .collect();
    let mut all_visits: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let mut unregistered: BTreeMap<String, usize> = BTreeMap::new();
    for (n, record) in records.iter().enumerate() {
        let at = match register.resolve(&record.inspection).site() {
            Some(site) => by_key[&site.id],
            None => {
                let name = record.inspection.site.trim().to_owned();
                let key = format!("\u{0}{}", super::sites::normalise(&name));
                *by_key.entry(key).or_insert_with(|| {
                    unregistered.insert(name.clone(), rows.len());
                    let site = Site {
                        name,
                        ..Site::default()
                    };
                    rows.push(empty_row(site, false, contact_points.len()));
                    all_visits.push(Vec::new());
                    rows.len() - 1
                })
            }
        };
        all_visits[at].push(n);
    }

    let mut chain = Chain {
        contact_points,
        ..Chain::default()
    };
    let mut pooled_standards: HashMap<&str, (Tally, usize)> = HashMap::new();
    let mut pooled_factors: HashMap<&str, Tally> = HashMap::new();
    let mut months: BTreeMap<(String, (i16, i8)), (Tally, usize)> = BTreeMap::new();
    let cp_of_standard: HashMap<&str, &str> = set
        .standards()
        .map(|(at, s)| (s.id.as_str(), at.contact_point.id.as_str()))
        .collect();

    for (mut row, visits) in rows.into_iter().zip(all_visits) {
        if !filter.admits_region(&row.site.region) {
            continue;
        }
        for &n in &visits {
            let record = &records[n];
            row.open_actions += record.actions.iter().filter(|a| a.status.is_open()).count();
            row.overdue_actions +=
                crate::core::inspection::actions::count_overdue(&record.actions, today);
        }
        row.visits = visits
            .into_iter()
            .filter(|&n| filter.in_period(records[n].inspection.when.date()))
            .collect();
        let whole: Vec<usize> = row
            .visits
            .iter()
            .copied()
            .filter(|&n| records[n].scores.in_trend())
            .collect();
        row.latest = whole.last().or(row.visits.last()).copied();
        if let Some(n) = row.latest {
            let s = &records[n].scores;
            row.latest_rate = s.overall.rate();
            row.latest_passed = Some(s.passed());
            row.critical_failures = s.critical_failures.len();
        }
        row.trend = whole[whole.len().saturating_sub(TREND_VISITS)..]
            .iter()
            .filter_map(|&n| records[n].scores.overall.rate())
            .collect();
        row.last_visit = row
            .visits
            .last()
            .map(|&n| records[n].inspection.when.date());
        row.days_since = row
            .last_visit
            .and_then(|d| d.until(today).ok())
            .map(|span| i64::from(span.get_days()));

        let mut failed_here: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for &n in &row.visits {
            let record = &records[n];
            if record.scores.follow_up {
                continue;
            }
            chain.visits += 1;
            pool_groups(&mut row.heat, &record.scores.contact_points, &cp_index);
            for g in &record.scores.factors {
                add(pooled_factors.entry(g.id.as_str()).or_default(), g.tally);
            }
            if record.scores.in_trend() {
                let when = record.inspection.when.date();
                let m = months
                    .entry((row.site.region.clone(), (when.year(), when.month())))
                    .or_default();
                add(&mut m.0, record.scores.overall);
                m.1 += 1;
            }
            for e in &record.inspection.verdicts {
                let Some(&cp) = cp_of_standard.get(e.standard.as_str()) else {
                    continue;
                };
                let counted = matches!(e.verdict, Verdict::Pass | Verdict::Fail)
                    && record.inspection.in_scope(cp)
                    && record.inspection.checks(&e.standard);
                if !counted {
                    continue;
                }
                let Some((&id, _)) = cp_of_standard.get_key_value(e.standard.as_str()) else {
                    continue;
                };
                let slot = pooled_standards.entry(id).or_default();
                slot.0.add(e.verdict);
                if e.verdict == Verdict::Fail && failed_here.insert(id) {
                    slot.1 += 1;
                }
            }
        }
        chain.sites.push(row);
    }

    chain.weakest = set
        .standards()
        .filter_map(|(at, s)| {
            let (tally, sites_failing) = pooled_standards.get(s.id.as_str())?;
            (tally.failed > 0).then(|| StandardRow {
                id: s.id.clone(),
                text: s.text.clone(),
                contact_point: at.contact_point.name.clone(),
                critical: s.critical,
                tally: *tally,
                sites_failing: *sites_failing,
            })
        })
        .collect();
    chain.weakest.sort_by(|a, b| {
        let rate = |r: &StandardRow| 1.0 - r.tally.rate().unwrap_or(1.0);
        rate(b)
            .total_cmp(&rate(a))
            .then(b.sites_failing.cmp(&a.sites_failing))
            .then(b.tally.failed.cmp(&a.tally.failed))
    });
    chain.quadrant = weak_links(
        set,
        Some(&pooled_scores(set, &pooled_factors)),
        &HashMap::new(),
    );
    chain.region_trend = months
        .into_iter()
        .map(|((region, month), (tally, visits))| RegionMonth {
            region,
            month,
            tally,
            visits,
        })
        .collect();
    chain
}

fn empty_row(site: Site, registered: bool, contact_points: usize) -> SiteRow {
    SiteRow {
        site,
        registered,
        visits: Vec::new(),
        latest: None,
        latest_rate: None,
        latest_passed: None,
        trend: Vec::new(),
        critical_failures: 0,
        open_actions: 0,
        overdue_actions: 0,
        last_visit: None,
        days_since: None,
        heat: vec![Tally::default(); contact_points],
    }
}

fn add(into: &mut Tally, from: Tally) {
    into.passed += from.passed;
    into.failed += from.failed;
    into.not_applicable += from.not_applicable;
    into.not_checked += from.not_checked;
}

fn pool_groups(heat: &mut [Tally], groups: &[Group], index: &HashMap<&str, usize>) {
    for g in groups {
        if let Some(&n) = index.get(g.id.as_str()) {
            add(&mut heat[n], g.tally);
        }
    }
}

/// Scores whose factors hold the pooled tallies: what the quadrant of one
/// visit is drawn from, here for many.
fn pooled_scores(set: &StandardsSet, factors: &HashMap<&str, Tally>) -> Scores {
    let mut overall = Tally::default();
    let groups = set
        .contact_points
        .iter()
        .flat_map(|cp| cp.steps.iter().flat_map(|s| &s.factors))
        .filter_map(|f| {
            let tally = *factors.get(f.id.as_str())?;
            add(&mut overall, tally);
            Some(Group {
                id: f.id.clone(),
                name: f.name.clone(),
                tally,
            })
        })
        .collect();
    Scores {
        overall,
        contact_points: Vec::new(),
        steps: Vec::new(),
        factors: groups,
        kinds: crate::core::model::StandardKind::ALL.map(|k| (k, Tally::default())),
        critical_failures: Vec::new(),
        failures: Vec::new(),
        unknown: Vec::new(),
        follow_up: false,
    }
}

impl Chain {
    /// Sorts the league table by `key`; `descending` reverses it. Sites
    /// with nothing to sort by (no score, never visited) go last either way;
    /// ties keep their order.
    pub fn sort(&mut self, key: SortKey, descending: bool) {
        use std::cmp::Ordering;
        let ordered = |a: Ordering| if descending { a.reverse() } else { a };
        let by_option = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => ordered(a.total_cmp(&b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        self.sites.sort_by(|a, b| match key {
            SortKey::Site => ordered(a.site.name.cmp(&b.site.name)),
            SortKey::Region => ordered(a.site.region.cmp(&b.site.region)),
            SortKey::Score => by_option(a.latest_rate, b.latest_rate),
            SortKey::CriticalFailures => ordered(a.critical_failures.cmp(&b.critical_failures)),
            SortKey::OpenActions => ordered(a.open_actions.cmp(&b.open_actions)),
            SortKey::OverdueActions => ordered(a.overdue_actions.cmp(&b.overdue_actions)),
            SortKey::DaysSince => by_option(
                a.days_since.map(|d| d as f64),
                b.days_since.map(|d| d as f64),
            ),
            SortKey::Visits => ordered(a.visits.len().cmp(&b.visits.len())),
        });
    }

    /// The regions of the sites shown, sorted, each once.
    #[must_use]
    pub fn regions(&self) -> Vec<&str> {
        let mut regions: Vec<&str> = self.sites.iter().map(|r| r.site.region.as_str()).collect();
        regions.sort_unstable();
        regions.dedup();
        regions
    }

    /// The failures at contact point `cp` (by ID) in the visits of site row
    /// `row`: (record index, standard ID), newest visit first. What a click
    /// on a heat map cell opens.
    #[must_use]
    pub fn failures_at(
        &self,
        set: &StandardsSet,
        records: &[Record],
        row: usize,
        cp: &str,
    ) -> Vec<(usize, String)> {
        let Some(site) = self.sites.get(row) else {
            return Vec::new();
        };
        let here: std::collections::HashSet<&str> = set
            .standards()
            .filter(|(at, _)| at.contact_point.id == cp)
            .map(|(_, s)| s.id.as_str())
            .collect();
        site.visits
            .iter()
            .rev()
            .flat_map(|&n| {
                records[n]
                    .scores
                    .failures
                    .iter()
                    .filter(|id| here.contains(id.as_str()))
                    .map(move |id| (n, id.clone()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::core::inspection::{self, Inspection};

    fn record(set: &StandardsSet, inspection: Inspection) -> Record {
        Record {
            path: PathBuf::from("x.inspection.ron"),
            scores: inspection::score(set, &inspection),
            inspection,
            actions: Vec::new(),
        }
    }

    fn site(id: &str, name: &str, region: &str) -> Site {
        Site {
            id: id.into(),
            name: name.into(),
            region: region.into(),
            ..Site::default()
        }
    }

    /// The three sample visits at 徐汇店 (by name), two of them copied to
    /// 西湖店 (by ID), one of those made a follow-up; a typed site no
    /// register knows; and 静安店, registered but never visited.
    fn chain() -> (StandardsSet, Sites, Vec<Record>) {
        let set = crate::core::templates::default_sample();
        let register = Sites {
            format: 1,
            sites: vec![
                site("SH-01", "悦味餐厅 徐汇店", "上海"),
                site("SH-02", "悦味餐厅 静安店", "上海"),
                site("HZ-01", "悦味餐厅 西湖店", "杭州"),
            ],
        };
        let samples = inspection::sample_inspections();
        let mut records: Vec<Record> = samples.iter().map(|i| record(&set, i.clone())).collect();
        for (n, sample) in samples.iter().take(2).enumerate() {
            let mut i = sample.clone();
            i.site = "西湖".into();
            i.site_id = Some("HZ-01".into());
            if n == 1 {
                let failed = records[0].scores.failures.clone();
                i.check_only(&failed);
            }
            records.push(record(&set, i));
        }
        let mut typed = samples[2].clone();
        typed.site = "Pop-up stand".into();
        records.push(record(&set, typed));
        records.sort_by_key(|r| r.inspection.when);
        (set, register, records)
    }

    fn today() -> Date {
        jiff::civil::date(2026, 11, 2)
    }

    #[test]
    fn every_site_gets_a_row_with_its_latest_whole_visit_and_trend() {
        let (set, register, records) = chain();
        let chain = aggregate(&set, &register, &records, &Filter::default(), today());
        let names: Vec<&str> = chain.sites.iter().map(|r| r.site.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "悦味餐厅 徐汇店",
                "悦味餐厅 静安店",
                "悦味餐厅 西湖店",
                "Pop-up stand"
            ]
        );
        let xuhui = &chain.sites[0];
        assert_eq!(xuhui.visits.len(), 3);
        // The September sample is partial: marked, and no point of the trend.
        assert!(records[xuhui.visits[1]].scores.partial());
        assert_eq!(xuhui.trend.len(), 2);
        assert_eq!(xuhui.latest_rate.map(|r| (r * 100.0).round()), Some(92.0));
        assert_eq!(xuhui.last_visit, Some(jiff::civil::date(2026, 10, 23)));
        assert_eq!(xuhui.days_since, Some(10));
        let jingan = &chain.sites[1];
        assert!(jingan.visits.is_empty() && jingan.latest.is_none() && jingan.days_since.is_none());
        // 西湖店: its second visit is a follow-up, so its score is the first
        // whole visit's, and its trend has one point.
        let xihu = &chain.sites[2];
        assert_eq!(xihu.visits.len(), 2);
        assert_eq!(xihu.trend.len(), 1);
        assert_eq!(xihu.latest, Some(xihu.visits[0]));
        assert!(!chain.sites[3].registered);
        // Follow-ups are not pooled: 3 + 1 + 1 visits.
        assert_eq!(chain.visits, 5);
    }

    #[test]
    fn heat_map_and_weakest_standards_pool_whole_visits() {
        let (set, register, records) = chain();
        let chain = aggregate(&set, &register, &records, &Filter::default(), today());
        assert_eq!(chain.contact_points.len(), set.contact_points.len());
        let xuhui = &chain.sites[0];
        let pooled: usize = xuhui.heat.iter().map(|t| t.passed + t.failed).sum();
        let direct: usize = xuhui
            .visits
            .iter()
            .map(|&n| records[n].scores.overall.passed + records[n].scores.overall.failed)
            .sum();
        assert_eq!(pooled, direct);
        assert!(!chain.weakest.is_empty());
        let rates: Vec<f64> = chain
            .weakest
            .iter()
            .map(|r| r.tally.rate().unwrap_or(1.0))
            .collect();
        assert!(rates.windows(2).all(|w| w[0] <= w[1]), "{rates:?}");
        assert!(
            chain
                .weakest
                .iter()
                .all(|r| r.tally.failed > 0 && r.sites_failing > 0)
        );
        assert!(!chain.quadrant.is_empty());
        let months: Vec<_> = chain
            .region_trend
            .iter()
            .map(|m| (m.region.as_str(), m.month))
            .collect();
        assert!(months.contains(&("上海", (2026, 10))), "{months:?}");
        // A click on a cell: that site's failures there, newest visit first.
        let (row, cp) = xuhui
            .heat
            .iter()
            .position(|t| t.failed > 0)
            .map(|c| (0, chain.contact_points[c].0.clone()))
            .unwrap();
        let failures = chain.failures_at(&set, &records, row, &cp);
        assert_eq!(
            failures.len(),
            xuhui.heat.iter().find(|t| t.failed > 0).unwrap().failed
        );
        assert!(failures.windows(2).all(|w| w[0].0 >= w[1].0));
    }

    #[test]
    fn filters_by_region_and_period_and_sorts() {
        let (set, register, records) = chain();
        let filter = Filter {
            region: Some("上海".into()),
            ..Filter::default()
        };
        let mut chain = aggregate(&set, &register, &records, &filter, today());
        assert_eq!(chain.sites.len(), 2);
        assert_eq!(chain.regions(), ["上海"]);
        let filter = Filter {
            from: Some(jiff::civil::date(2026, 10, 1)),
            ..Filter::default()
        };
        let october = aggregate(&set, &register, &records, &filter, today());
        assert_eq!(october.sites[0].visits.len(), 1);
        chain.sort(SortKey::Visits, true);
        assert_eq!(chain.sites[0].visits.len(), 3);
        chain.sort(SortKey::Score, false);
        assert!(chain.sites[1].latest_rate.is_none(), "unscored last");
        chain.sort(SortKey::Score, true);
        assert!(
            chain.sites[1].latest_rate.is_none(),
            "unscored last either way"
        );
    }
}
