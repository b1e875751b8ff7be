//! The words of a chain's report (`report --by-site`: PDF, CSV, XLSX) and of
//! `export-verdicts`' summary line. One table per language lives at the end
//! of `en.rs`, `zh_cn.rs` and `zh_tw.rs`, so the compiler refuses a word
//! missing from any of them.

use super::Language;

/// Words of the chain report.
pub struct ChainReportWords {
    /// The report's title: "Chain report".
    pub title: &'static str,
    /// `{sites}`, `{regions}`, `{visits}`, `{from}`, `{to}`: the line under the title.
    pub overview: &'static str,
    /// The table of regions on the first page.
    pub regions: &'static str,
    pub league_table: &'static str,
    /// Under the league table's heading: how it is ordered and what a score is.
    pub league_note: &'static str,
    pub heat_map: &'static str,
    /// Under the heat map's heading: what a cell counts.
    pub heat_note: &'static str,
    /// The heat map's key: a cell with no verdict.
    pub no_verdicts: &'static str,
    pub weakest: &'static str,
    /// Under the weakest standards' heading: why they matter.
    pub weakest_note: &'static str,
    pub no_failures: &'static str,
    pub region_trend: &'static str,
    /// Under the trend's heading: what a point is.
    pub region_trend_note: &'static str,
    /// `{region}`: the heading of one region's sites.
    pub region_sites: &'static str,
    /// The region of sites the register gives none.
    pub no_region: &'static str,
    /// After a site that records name but the register lacks.
    pub unregistered: &'static str,
    /// The heading of the files not used, listed at the end.
    pub not_used: &'static str,
    // Column headings.
    pub rank: &'static str,
    pub site: &'static str,
    pub site_id: &'static str,
    pub region: &'static str,
    pub manager: &'static str,
    pub score: &'static str,
    pub result: &'static str,
    pub trend: &'static str,
    pub critical: &'static str,
    pub open_actions: &'static str,
    pub overdue: &'static str,
    pub days_since: &'static str,
    pub visits: &'static str,
    pub last_visit: &'static str,
    pub sites: &'static str,
    /// Sites whose latest visit failed (below the pass mark, or a critical standard).
    pub below_pass_mark: &'static str,
    pub pass_rate: &'static str,
    pub weakest_contact_point: &'static str,
    pub standard: &'static str,
    pub contact_point: &'static str,
    pub contact_point_id: &'static str,
    pub fail_rate: &'static str,
    pub sites_failing: &'static str,
    pub failures: &'static str,
    pub month: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub not_applicable: &'static str,
    /// The spreadsheet's first column: which kind of row it is.
    pub level: &'static str,
    /// That column's two values.
    pub level_site: &'static str,
    pub level_contact_point: &'static str,
    /// The workbook's two sheets (at most 31 characters each).
    pub sheet_sites: &'static str,
    pub sheet_contact_points: &'static str,
    /// `{path}`: a record naming a set that could not be read (said in full above).
    pub set_unreadable: &'static str,
    /// No record was found to tell which set a folder is of.
    pub no_records: &'static str,
    /// `{rows}`, `{records}`: what `export-verdicts` wrote.
    pub verdict_rows_written: &'static str,
}

/// The chain report's words in `lang`.
#[must_use]
pub fn chain_report(lang: Language) -> &'static ChainReportWords {
    match lang {
        Language::ZhCn => &super::zh_cn::CHAIN_REPORT,
        Language::ZhTw => &super::zh_tw::CHAIN_REPORT,
        Language::En => &super::en::CHAIN_REPORT,
    }
}
