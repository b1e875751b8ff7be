//! A generated chain of sites, for benchmarks and stress tests: a register
//! of sites in regions, a generated set, and a year of monthly visits per
//! site with verdicts that differ by site, region, contact point and month,
//! a few partial and follow-up visits, and corrective actions for critical
//! failures. Deterministic: the same spec gives the same files.

use std::path::Path;

use jiff::civil::{Date, DateTime, date};

use crate::core::chain::{Site, Sites, sites::SITES_FORMAT};
use crate::core::inspection::actions::{
    ACTIONS_FORMAT, Action, Actions, DUE_DAYS, DUE_DAYS_CRITICAL, Done, Priority, Status, Verified,
};
use crate::core::inspection::{Entry, INSPECTION_FORMAT, Inspection, SetRef, Verdict, Visit};
use crate::core::model::{Monitoring, StandardsSet};
use crate::core::storage;

/// The size of a generated chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainSpec {
    pub sites: usize,
    /// Monthly visits per site, from November 2025.
    pub visits: usize,
    /// Standards in the set: 25 to a contact point, so that 200 make the
    /// eight columns of a heat map (see [`super::generated_set_shaped`]).
    pub standards: usize,
}

impl Default for ChainSpec {
    /// The chain of issue 24's figures: 500 sites × 12 visits × 200
    /// standards, 6,000 records and about 1.2 million verdicts.
    fn default() -> Self {
        Self {
            sites: 500,
            visits: 12,
            standards: 200,
        }
    }
}

/// The set's file name in the chain's folder.
pub const SET_FILE: &str = "chain.standards.ron";
/// The register's file name beside it.
pub const SITES_FILE: &str = "chain.sites.ron";

/// Regions, with the cities their sites are in and the IDs' prefix.
const REGIONS: [(&str, [(&str, &str); 2]); 6] = [
    ("华东", [("上海", "SH"), ("杭州", "HZ")]),
    ("华北", [("北京", "BJ"), ("天津", "TJ")]),
    ("华南", [("广州", "GZ"), ("深圳", "SZ")]),
    ("西南", [("成都", "CD"), ("重庆", "CQ")]),
    ("华中", [("武汉", "WH"), ("长沙", "CS")]),
    ("西北", [("西安", "XA"), ("兰州", "LZ")]),
];

const DISTRICTS: [&str; 8] = [
    "中心", "东城", "西城", "南站", "北湖", "新区", "高新", "滨江",
];
const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const INSPECTORS: [&str; 6] = [
    "督导 林",
    "督导 郑",
    "督导 何",
    "督导 孙",
    "督导 马",
    "督导 胡",
];
const NOTES: [&str; 4] = [
    "等了约 40 秒才有人招呼",
    "桌面未及时清理",
    "找零放在柜台上",
    "电话响了五声才接",
];

/// A generated chain: the set, its register and the records with their
/// actions, each with its path relative to the chain's folder.
pub struct GeneratedChain {
    pub set: StandardsSet,
    pub sites: Sites,
    /// (path under the folder, record, its actions if any).
    pub records: Vec<(String, Inspection, Option<Actions>)>,
}

impl GeneratedChain {
    /// How many verdicts the records hold.
    #[must_use]
    pub fn verdicts(&self) -> usize {
        self.records.iter().map(|(_, r, _)| r.verdicts.len()).sum()
    }

    /// Writes the chain under `folder`: the set and register at its top,
    /// each record at `inspections/SITE/YYYY-MM-DD.inspection.ron` with its
    /// actions file beside it, every file written atomically.
    ///
    /// # Errors
    /// Any I/O error.
    pub fn write(&self, folder: &Path) -> std::io::Result<()> {
        let write = |path: &Path, text: String| {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            storage::write_atomic(path, text.as_bytes())
        };
        write(&folder.join(SET_FILE), storage::to_canonical(&self.set))?;
        write(&folder.join(SITES_FILE), storage::to_canonical(&self.sites))?;
        for (path, record, actions) in &self.records {
            let path = folder.join(path);
            write(&path, storage::to_canonical(record))?;
            if let Some(actions) = actions {
                let beside = crate::core::inspection::actions::path_for(&path);
                write(&beside, storage::to_canonical(actions))?;
            }
        }
        Ok(())
    }
}

/// A small, fast, deterministic generator (SplitMix64): enough variety for
/// benchmarks with no crate and the same numbers on every machine.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The chain of `spec`: sites spread over six regions, each with its own
/// level (some strong, some weak), regions improving or slipping over the
/// year, contact points harder or easier everywhere; every 23rd site has a
/// follow-up as its sixth visit, about one visit in 60 is partial, and a
/// failed critical standard raises an action (open, done or verified).
#[must_use]
pub fn generated_chain(spec: ChainSpec) -> GeneratedChain {
    let set = super::generated_set_shaped(spec.standards, (5, 1, 5));
    let mut rng = Mix(24);
    let per_region = spec.sites.div_ceil(REGIONS.len()).max(1);
    let sites: Vec<Site> = (0..spec.sites)
        .map(|n| {
            let (region, cities) = REGIONS[(n / per_region).min(REGIONS.len() - 1)];
            let (city, code) = cities[n % 2];
            Site {
                id: format!("{code}-{:03}", n + 1),
                name: format!("悦味餐厅 {city}{}{}号店", DISTRICTS[n % 8], n / 8 + 1),
                region: region.to_owned(),
                manager: format!("{}经理", SURNAMES[n % SURNAMES.len()]),
                groups: std::collections::BTreeMap::new(),
            }
        })
        .collect();
    let standards: Vec<(&str, &str, bool)> = set
        .standards()
        .map(|(at, s)| (s.id.as_str(), at.contact_point.id.as_str(), s.critical))
        .collect();
    let cp_count = set.contact_points.len().max(1);
    // How hard each contact point is, everywhere: -0.15 … +0.05.
    let cp_offset: Vec<f64> = (0..cp_count).map(|_| rng.unit() * 0.2 - 0.15).collect();
    let set_ref = SetRef {
        path: format!("../../{SET_FILE}"),
        title: set.title.clone(),
        revision: set.revision.clone(),
    };
    let mut records = Vec::with_capacity(spec.sites * spec.visits);
    let mut action_no = 0u32;
    for (n, site) in sites.iter().enumerate() {
        let level = 0.74 + rng.unit() * 0.24;
        // Each site is weaker or stronger at some contact points: -0.1 … +0.06.
        let local: Vec<f64> = (0..cp_count).map(|_| rng.unit() * 0.16 - 0.1).collect();
        let region_at = REGIONS
            .iter()
            .position(|(r, _)| *r == site.region)
            .unwrap_or(0);
        // Some regions improve over the year, some slip.
        let drift = [0.012, -0.006, 0.008, 0.0, -0.01, 0.015][region_at];
        let mut failed_before: Vec<String> = Vec::new();
        for v in 0..spec.visits {
            // From November 2025: a year of visits ends before today.
            let months = v + 10;
            let month = i8::try_from(months % 12 + 1).unwrap_or(1);
            let year = 2025 + i16::try_from(months / 12).unwrap_or(0);
            let day = i8::try_from(n % 27 + 1).unwrap_or(1);
            let when: DateTime = date(year, month, day).at(10, 0, 0, 0);
            let follow_up = n % 23 == 0 && v == 5 && !failed_before.is_empty();
            let partial = !follow_up && (n * 7 + v) % 60 == 0;
            let mut record = Inspection {
                format: INSPECTION_FORMAT,
                standards: set_ref.clone(),
                site: site.name.clone(),
                site_id: Some(site.id.clone()),
                inspector: INSPECTORS[(n + v) % INSPECTORS.len()].to_owned(),
                when,
                method: if v % 4 == 3 {
                    Monitoring::MysteryShopping
                } else {
                    Monitoring::SupervisorPatrol
                },
                scope: Vec::new(),
                only: Vec::new(),
                visit: Visit::Full,
                verdicts: Vec::with_capacity(standards.len()),
                finished: Some(when + jiff::Span::new().hours(1)),
            };
            if follow_up {
                record.check_only(&failed_before);
            }
            let p_base = level + drift * v as f64;
            let mut failed = Vec::new();
            for (k, &(id, cp, _)) in standards.iter().enumerate() {
                if !record.checks(id) || (partial && k % 5 == 0) {
                    continue;
                }
                let cp_at = set
                    .contact_points
                    .iter()
                    .position(|c| c.id == cp)
                    .unwrap_or(0);
                let p = (p_base + cp_offset[cp_at % cp_count] + local[cp_at % cp_count])
                    .clamp(0.3, 0.995);
                let roll = rng.unit();
                let verdict = if roll < 0.015 {
                    Verdict::NotApplicable
                } else if rng.unit() < p {
                    Verdict::Pass
                } else {
                    Verdict::Fail
                };
                let note = if verdict == Verdict::Fail && k % 3 == 0 {
                    NOTES[k % NOTES.len()].to_owned()
                } else {
                    String::new()
                };
                if verdict == Verdict::Fail {
                    failed.push(id.to_owned());
                }
                record.verdicts.push(Entry {
                    standard: id.to_owned(),
                    verdict,
                    note,
                    evidence: None,
                    photos: Vec::new(),
                });
            }
            let day_text = when.date().to_string();
            let path = format!("inspections/{}/{day_text}.inspection.ron", site.id);
            let file_name = format!("{day_text}.inspection.ron");
            let actions = actions_for(&set, &failed, &file_name, when.date(), &mut action_no);
            if !follow_up {
                failed_before = failed;
            }
            records.push((path, record, actions));
        }
    }
    GeneratedChain {
        set,
        sites: Sites {
            format: SITES_FORMAT,
            sites,
        },
        records,
    }
}

/// The actions raised from one visit: one per failed critical standard,
/// the older ones further along (done, verified), a few still open.
fn actions_for(
    set: &StandardsSet,
    failed: &[String],
    record: &str,
    day: Date,
    number: &mut u32,
) -> Option<Actions> {
    let mut actions = Vec::new();
    for id in failed {
        let Some((_, standard)) = set.standards().find(|(_, s)| &s.id == id) else {
            continue;
        };
        if !standard.critical {
            continue;
        }
        *number += 1;
        let days = if standard.critical {
            DUE_DAYS_CRITICAL
        } else {
            DUE_DAYS
        };
        let due = day.checked_add(jiff::Span::new().days(days)).unwrap_or(day);
        let status = Status::ALL[(*number as usize) % 4];
        let done = matches!(status, Status::Done | Status::Verified).then(|| Done {
            date: due,
            note: String::new(),
            photos: Vec::new(),
        });
        let verified = (status == Status::Verified).then(|| Verified {
            by: INSPECTORS[0].to_owned(),
            date: due,
        });
        actions.push(Action {
            id: format!("A-{number}"),
            standard: id.clone(),
            what: format!("重新培训：{}", standard.text),
            owner: standard.owner_role.clone(),
            due,
            priority: Priority::for_standard(standard),
            status,
            reason: String::new(),
            photos: Vec::new(),
            done,
            verified,
        });
    }
    (!actions.is_empty()).then(|| Actions {
        format: ACTIONS_FORMAT,
        record: record.to_owned(),
        actions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_chain_has_its_sites_visits_regions_and_kinds_of_visit() {
        let chain = generated_chain(ChainSpec {
            sites: 46,
            visits: 12,
            standards: 40,
        });
        assert_eq!(chain.sites.sites.len(), 46);
        assert_eq!(chain.records.len(), 46 * 12);
        let regions: std::collections::BTreeSet<&str> = chain
            .sites
            .sites
            .iter()
            .map(|s| s.region.as_str())
            .collect();
        assert_eq!(regions.len(), 6);
        let follow_ups = chain.records.iter().filter(|r| r.1.is_follow_up()).count();
        assert!(follow_ups >= 1, "sites 0 and 23 have a follow-up");
        let partial = chain
            .records
            .iter()
            .filter(|(_, r, _)| !r.is_follow_up() && r.verdicts.len() < 40)
            .count();
        assert!(partial >= 1, "a few partial visits");
        assert!(chain.records.iter().any(|r| r.2.is_some()), "some actions");
        // Every path is unique: one record per site and day.
        let mut paths: Vec<&str> = chain.records.iter().map(|r| r.0.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), chain.records.len());
        // The same spec gives the same chain.
        let again = generated_chain(ChainSpec {
            sites: 46,
            visits: 12,
            standards: 40,
        });
        assert_eq!(again.records[100].1, chain.records[100].1);
    }

    #[test]
    fn the_written_chain_reads_back_as_a_chain() {
        let spec = ChainSpec {
            sites: 12,
            visits: 3,
            standards: 30,
        };
        let chain = generated_chain(spec);
        let dir = tempfile::tempdir().unwrap();
        chain.write(dir.path()).unwrap();
        let set_path = dir.path().join(SET_FILE);
        let folder = crate::core::chain::load_folder(&chain.set, Some(&set_path), dir.path());
        assert!(folder.skipped.is_empty(), "{:?}", folder.skipped);
        assert_eq!(folder.records.len(), 36);
        let sites = crate::core::chain::sites::load_beside(&set_path)
            .unwrap()
            .unwrap()
            .document;
        assert_eq!(sites, chain.sites);
    }
}
