//! The sample chain: six restaurants of the sample set in two regions, four
//! months of visits (a partial one and a follow-up among them) with their
//! actions, as kept in `standards/` (the register beside the set, the
//! records under `standards/chain/SITE/`); built in, so the window shows a
//! chain at once with no folder on disk.

use std::path::PathBuf;

use super::folder::Record;
use super::sites::Sites;
use crate::core::inspection::actions::Actions;
use crate::core::inspection::{self, Inspection};
use crate::core::model::StandardsSet;
use crate::core::storage;

/// The register beside the sample set.
pub const SAMPLE_SITES: &str = include_str!("../../../standards/restaurant.sites.ron");

/// The sample chain's records under `standards/` (path, text), besides the
/// three sample records beside the set.
pub const SAMPLE_RECORDS: &[(&str, &str)] = &[
    (
        "chain/HZ-01/2026-08-19.inspection.ron",
        include_str!("../../../standards/chain/HZ-01/2026-08-19.inspection.ron"),
    ),
    (
        "chain/HZ-01/2026-09-22.inspection.ron",
        include_str!("../../../standards/chain/HZ-01/2026-09-22.inspection.ron"),
    ),
    (
        "chain/HZ-01/2026-10-05.inspection.ron",
        include_str!("../../../standards/chain/HZ-01/2026-10-05.inspection.ron"),
    ),
    (
        "chain/HZ-01/2026-11-08.inspection.ron",
        include_str!("../../../standards/chain/HZ-01/2026-11-08.inspection.ron"),
    ),
    (
        "chain/HZ-02/2026-08-03.inspection.ron",
        include_str!("../../../standards/chain/HZ-02/2026-08-03.inspection.ron"),
    ),
    (
        "chain/HZ-02/2026-09-06.inspection.ron",
        include_str!("../../../standards/chain/HZ-02/2026-09-06.inspection.ron"),
    ),
    (
        "chain/HZ-02/2026-10-09.inspection.ron",
        include_str!("../../../standards/chain/HZ-02/2026-10-09.inspection.ron"),
    ),
    (
        "chain/HZ-02/2026-11-12.inspection.ron",
        include_str!("../../../standards/chain/HZ-02/2026-11-12.inspection.ron"),
    ),
    (
        "chain/HZ-02/2026-11-22.inspection.ron",
        include_str!("../../../standards/chain/HZ-02/2026-11-22.inspection.ron"),
    ),
    (
        "chain/HZ-03/2026-08-07.inspection.ron",
        include_str!("../../../standards/chain/HZ-03/2026-08-07.inspection.ron"),
    ),
    (
        "chain/HZ-03/2026-09-10.inspection.ron",
        include_str!("../../../standards/chain/HZ-03/2026-09-10.inspection.ron"),
    ),
    (
        "chain/HZ-03/2026-10-13.inspection.ron",
        include_str!("../../../standards/chain/HZ-03/2026-10-13.inspection.ron"),
    ),
    (
        "chain/HZ-03/2026-11-16.inspection.ron",
        include_str!("../../../standards/chain/HZ-03/2026-11-16.inspection.ron"),
    ),
    (
        "chain/SH-01/2026-11-16.inspection.ron",
        include_str!("../../../standards/chain/SH-01/2026-11-16.inspection.ron"),
    ),
    (
        "chain/SH-02/2026-08-11.inspection.ron",
        include_str!("../../../standards/chain/SH-02/2026-08-11.inspection.ron"),
    ),
    (
        "chain/SH-02/2026-09-14.inspection.ron",
        include_str!("../../../standards/chain/SH-02/2026-09-14.inspection.ron"),
    ),
    (
        "chain/SH-02/2026-10-17.inspection.ron",
        include_str!("../../../standards/chain/SH-02/2026-10-17.inspection.ron"),
    ),
    (
        "chain/SH-02/2026-11-20.inspection.ron",
        include_str!("../../../standards/chain/SH-02/2026-11-20.inspection.ron"),
    ),
    (
        "chain/SH-03/2026-08-15.inspection.ron",
        include_str!("../../../standards/chain/SH-03/2026-08-15.inspection.ron"),
    ),
    (
        "chain/SH-03/2026-09-18.inspection.ron",
        include_str!("../../../standards/chain/SH-03/2026-09-18.inspection.ron"),
    ),
    (
        "chain/SH-03/2026-10-21.inspection.ron",
        include_str!("../../../standards/chain/SH-03/2026-10-21.inspection.ron"),
    ),
    (
        "chain/SH-03/2026-11-04.inspection.ron",
        include_str!("../../../standards/chain/SH-03/2026-11-04.inspection.ron"),
    ),
];

/// Their actions files (path, text).
pub const SAMPLE_ACTIONS: &[(&str, &str)] = &[
    (
        "chain/HZ-01/2026-10-05.actions.ron",
        include_str!("../../../standards/chain/HZ-01/2026-10-05.actions.ron"),
    ),
    (
        "chain/HZ-01/2026-11-08.actions.ron",
        include_str!("../../../standards/chain/HZ-01/2026-11-08.actions.ron"),
    ),
    (
        "chain/HZ-02/2026-10-09.actions.ron",
        include_str!("../../../standards/chain/HZ-02/2026-10-09.actions.ron"),
    ),
    (
        "chain/HZ-02/2026-11-12.actions.ron",
        include_str!("../../../standards/chain/HZ-02/2026-11-12.actions.ron"),
    ),
    (
        "chain/HZ-03/2026-10-13.actions.ron",
        include_str!("../../../standards/chain/HZ-03/2026-10-13.actions.ron"),
    ),
    (
        "chain/HZ-03/2026-11-16.actions.ron",
        include_str!("../../../standards/chain/HZ-03/2026-11-16.actions.ron"),
    ),
    (
        "chain/SH-01/2026-11-16.actions.ron",
        include_str!("../../../standards/chain/SH-01/2026-11-16.actions.ron"),
    ),
    (
        "chain/SH-02/2026-10-17.actions.ron",
        include_str!("../../../standards/chain/SH-02/2026-10-17.actions.ron"),
    ),
    (
        "chain/SH-02/2026-11-20.actions.ron",
        include_str!("../../../standards/chain/SH-02/2026-11-20.actions.ron"),
    ),
    (
        "chain/SH-03/2026-10-21.actions.ron",
        include_str!("../../../standards/chain/SH-03/2026-10-21.actions.ron"),
    ),
    (
        "chain/SH-03/2026-11-04.actions.ron",
        include_str!("../../../standards/chain/SH-03/2026-11-04.actions.ron"),
    ),
];

/// The sample chain: its register, and every record of the sample set
/// (the three beside it and those under `chain/`) scored against `set`,
/// oldest first, with its actions; paths as under `standards/`.
///
/// # Panics
/// If an embedded file does not parse; a test checks them.
#[must_use]
pub fn sample_chain(set: &StandardsSet) -> (Sites, Vec<Record>) {
    let sites: Sites = storage::parse(SAMPLE_SITES).expect("the sample register parses");
    let beside = inspection::SAMPLE_INSPECTIONS
        .iter()
        .map(|(name, text)| ((*name).to_owned(), *text));
    let under = SAMPLE_RECORDS
        .iter()
        .map(|(name, text)| ((*name).to_owned(), *text));
    let mut records: Vec<Record> = beside
        .chain(under)
        .map(|(name, text)| {
            let inspection: Inspection =
                storage::parse(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
            let actions_name = name.replace(inspection::EXTENSION, inspection::actions::EXTENSION);
            let actions = inspection::actions::SAMPLE_ACTIONS
                .iter()
                .chain(SAMPLE_ACTIONS)
                .find(|(n, _)| *n == actions_name)
                .map(|(n, text)| {
                    storage::parse::<Actions>(text)
                        .unwrap_or_else(|e| panic!("{n} does not parse: {e}"))
                        .actions
                })
                .unwrap_or_default();
            Record {
                path: PathBuf::from(name),
                scores: inspection::score(set, &inspection),
                inspection,
                actions,
            }
        })
        .collect();
    records.sort_by(|a, b| (a.inspection.when, &a.path).cmp(&(b.inspection.when, &b.path)));
    (sites, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_chain_is_canonical_and_every_record_finds_its_site() {
        let sites: Sites = storage::parse(SAMPLE_SITES).unwrap();
        assert_eq!(storage::to_canonical(&sites), SAMPLE_SITES);
        for (name, text) in SAMPLE_RECORDS {
            let record: Inspection = storage::parse(text).unwrap();
            assert_eq!(
                storage::to_canonical(&record),
                *text,
                "{name} is not canonical"
            );
            assert!(sites.resolve(&record).site().is_some(), "{name}");
        }
        for (name, text) in SAMPLE_ACTIONS {
            let file: Actions = storage::parse(text).unwrap();
            assert_eq!(
                storage::to_canonical(&file),
                *text,
                "{name} is not canonical"
            );
        }
        let set = crate::core::templates::default_sample();
        let (sites, records) = sample_chain(&set);
        assert_eq!(sites.regions(), ["上海", "杭州"]);
        assert_eq!(records.len(), SAMPLE_RECORDS.len() + 3);
        assert!(records.iter().any(|r| r.scores.follow_up));
        assert!(records.iter().any(|r| r.scores.partial()));
        assert!(records.iter().filter(|r| !r.actions.is_empty()).count() > 5);
    }

    /// The files on disk are the ones built in, and read from the folder
    /// they give the same chain.
    #[test]
    fn the_sample_chain_on_disk_reads_as_the_built_in_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
        let set_path = root.join("restaurant.standards.ron");
        let set: StandardsSet = storage::load(&set_path).unwrap().document;
        let folder = super::super::load_folder(&set, Some(&set_path), &root);
        let (_, built_in) = sample_chain(&set);
        assert_eq!(folder.records.len(), built_in.len());
        let on_disk = folder.skipped.iter().filter(|s| s.lost_a_record()).count();
        assert_eq!(on_disk, 0, "{:?}", folder.skipped);
    }
}
