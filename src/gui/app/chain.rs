//! The chain in the window: which records the chain view reads for the open
//! set (the sample chain built in, else every record under the set's
//! folder, else a folder chosen), and the way from a visit in the chain to
//! the per-visit results.

use std::path::Path;

use super::{ServstdApp, View};
use crate::gui::views::chain::Source;

impl ServstdApp {
    /// Makes sure the chain view has the open set's records: the sample
    /// chain for the embedded sample, else those under the set's folder; a
    /// folder chosen for this set stays until another set is opened.
    pub(super) fn ensure_chain(&mut self) {
        let set = self.doc.set();
        let same_set = self.chain.source.as_ref().is_some_and(|s| {
            s.set_path.as_deref() == self.doc.path.as_deref() && s.title == set.title
        });
        if same_set {
            return;
        }
        if self.doc.has_sample_records() {
            self.chain.show_sample(set);
        } else if let Some(path) = self.doc.path.clone() {
            let folder = crate::core::storage::evidence::folder_of(&path).to_owned();
            self.chain.read_folder(set, Some(&path), &folder);
        } else {
            self.chain = crate::gui::views::chain::ChainView::default();
            self.chain.source = None;
        }
    }

    /// A folder of records was chosen: the chain reads it, and the results
    /// show its records once read.
    pub(super) fn read_records_folder(&mut self, folder: &Path) {
        let path = self.doc.path.clone();
        self.chain
            .read_folder(self.doc.set(), path.as_deref(), folder);
        self.chain.feed_results = self.view == View::Results;
    }

    /// The chain's records were read: the results take them when asked.
    pub(super) fn chain_read(&mut self) {
        if !std::mem::take(&mut self.chain.feed_results) {
            return;
        }
        let records = self
            .chain
            .records
            .iter()
            .map(|r| (self.chain_record_path(&r.path), r.inspection.clone()))
            .collect();
        let key = (self.doc.path.clone(), self.doc.set().title.clone());
        let selected = self.chain.records.len().saturating_sub(1);
        self.results
            .show_records(key, records, selected, self.chain.not_used.clone());
    }

    /// The chain view's visit `n`: the results of that site's visits in the
    /// period, this one selected.
    pub(super) fn chain_visit(&mut self, n: usize) {
        let Some(row) = self
            .chain
            .chain
            .sites
            .iter()
            .find(|row| row.visits.contains(&n))
        else {
            return;
        };
        let visits = row.visits.clone();
        let selected = visits.iter().position(|&v| v == n).unwrap_or(0);
        let records = visits
            .iter()
            .filter_map(|&v| self.chain.records.get(v))
            .map(|r| (self.chain_record_path(&r.path), r.inspection.clone()))
            .collect();
        let key = (self.doc.path.clone(), self.doc.set().title.clone());
        self.results
            .show_records(key, records, selected, Vec::new());
        self.view = View::Results;
    }

    /// A record's file as the results name it: none for the sample chain's
    /// (built in; their photos are too).
    fn chain_record_path(&self, path: &Path) -> Option<std::path::PathBuf> {
        match &self.chain.source {
            Some(Source {
                folder: Some(_), ..
            }) => Some(path.to_owned()),
            _ => None,
        }
    }
}
