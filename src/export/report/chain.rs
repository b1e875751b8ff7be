//! A chain's report (`report --by-site`): the PDF laid out in
//! `layout::chain`, and the spreadsheet with one row per site and one per
//! site × contact point. Pure functions from the chain to bytes.

use crate::core::chain::SiteRow;
use crate::core::i18n::{ChainReportWords, chain_report};
use crate::core::inspection::Tally;
use crate::core::model::Language;
use crate::export::layout::Paper;
use crate::export::layout::chain::{ChainReported, pooled, region_name};
use crate::export::{ExportError, layout, pdf as emit};

pub use crate::export::layout::chain::ChainReported as Reported;

/// The chain report as a PDF.
///
/// # Errors
/// The bundled font cannot be read.
pub fn pdf(
    report: &ChainReported<'_>,
    paper: Paper,
    lang: Language,
    created: Option<jiff::Timestamp>,
) -> Result<Vec<u8>, ExportError> {
    // Traditional Chinese gets its own faces (Taiwan's glyph forms).
    let fonts = emit::fonts(lang)?;
    let document = layout::chain::chain(report, paper, lang, fonts.faces());
    emit::pdf(
        &document,
        &emit::Options {
            created,
            images: &[],
        },
    )
}

/// The number of columns of [`rows`].
pub const COLUMNS: usize = 19;

/// The column headings, in `lang`.
#[must_use]
pub fn headers(t: &ChainReportWords) -> [&'static str; COLUMNS] {
    [
        t.level,
        t.site_id,
        t.site,
        t.region,
        t.manager,
        t.contact_point_id,
        t.contact_point,
        t.visits,
        t.last_visit,
        t.score,
        t.result,
        t.pass_rate,
        t.passed,
        t.failed,
        t.not_applicable,
        t.critical,
        t.open_actions,
        t.overdue,
        t.days_since,
    ]
}

/// Which columns hold numbers (counts, or a rate from 0 to 1 written as a
/// percentage): a workbook writes them as numbers.
#[must_use]
pub fn numeric(column: usize) -> Option<Number> {
    match column {
        9 | 11 => Some(Number::Rate),
        7 | 12..=18 => Some(Number::Count),
        _ => None,
    }
}

/// How a numeric column is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    Count,
    /// A share from 0 to 1: `0.82` in the cell, shown as 82 %.
    Rate,
}

fn rate_cell(rate: Option<f64>) -> String {
    rate.map(|r| format!("{r:.4}")).unwrap_or_default()
}

fn tally_cells(tally: &Tally) -> [String; 4] {
    [
        rate_cell(tally.rate()),
        tally.passed.to_string(),
        tally.failed.to_string(),
        tally.not_applicable.to_string(),
    ]
}

/// The rows of the spreadsheet, in the league table's order: one per site
/// (its latest score and result, its pooled verdicts, its actions), then,
/// apart, one per site × contact point (its pooled verdicts there). Rates
/// are shares from 0 to 1 with four decimals, empty where nothing was scored.
#[must_use]
pub fn rows(report: &ChainReported<'_>, lang: Language) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let t = chain_report(lang);
    let order = report.league_order();
    let mut sites = Vec::with_capacity(order.len());
    let mut by_cp = Vec::with_capacity(order.len() * report.chain.contact_points.len());
    for &n in &order {
        let row = &report.chain.sites[n];
        let site = site_cells(row, t);
        let [rate, passed, failed, na] = tally_cells(&pooled(&row.heat));
        let mut cells = vec![t.level_site.to_owned()];
        cells.extend(site.iter().cloned());
        cells.extend([
            String::new(),
            String::new(),
            row.visits.len().to_string(),
            row.last_visit.map(|d| d.to_string()).unwrap_or_default(),
            rate_cell(row.latest_rate),
            report.result_text(row, lang),
            rate,
            passed,
            failed,
            na,
            row.critical_failures.to_string(),
            row.open_actions.to_string(),
            row.overdue_actions.to_string(),
            row.days_since.map(|d| d.to_string()).unwrap_or_default(),
        ]);
        sites.push(cells);
        for ((id, name), tally) in report.chain.contact_points.iter().zip(&row.heat) {
            let [rate, passed, failed, na] = tally_cells(tally);
            let mut cells = vec![t.level_contact_point.to_owned()];
            cells.extend(site.iter().cloned());
            cells.extend([
                id.clone(),
                name.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                rate,
                passed,
                failed,
                na,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            by_cp.push(cells);
        }
    }
    (sites, by_cp)
}

fn site_cells(row: &SiteRow, t: &ChainReportWords) -> [String; 4] {
    [
        row.site.id.clone(),
        row.site.name.clone(),
        region_name(&row.site.region, t).to_owned(),
        row.site.manager.clone(),
    ]
}

/// CSV, UTF-8 with a byte-order mark: the site rows, then the site ×
/// contact point rows, told apart by the first column.
#[must_use]
pub fn csv(report: &ChainReported<'_>, lang: Language) -> Vec<u8> {
    let (sites, by_cp) = rows(report, lang);
    let all: Vec<Vec<String>> = sites.into_iter().chain(by_cp).collect();
    crate::export::csv::table(&headers(chain_report(lang)), &all)
}

/// Column widths of the workbook, in characters.
const WIDTHS: [f64; COLUMNS] = [
    10.0, 10.0, 22.0, 12.0, 12.0, 12.0, 18.0, 8.0, 11.0, 8.0, 26.0, 9.0, 8.0, 8.0, 8.0, 9.0, 9.0,
    8.0, 9.0,
];

/// An Excel workbook: a sheet of sites and a sheet of sites × contact
/// points, rates and counts as numbers.
///
/// # Errors
/// When the workbook cannot be written.
pub fn xlsx(report: &ChainReported<'_>, lang: Language) -> Result<Vec<u8>, ExportError> {
    let t = chain_report(lang);
    let (sites, by_cp) = rows(report, lang);
    let headers = headers(t);
    crate::export::xlsx::typed_sheets(
        &[(t.sheet_sites, &sites), (t.sheet_contact_points, &by_cp)],
        &headers,
        &WIDTHS,
        |column| match numeric(column) {
            Some(Number::Rate) => Some(crate::export::xlsx::Numeric::Percent),
            Some(Number::Count) => Some(crate::export::xlsx::Numeric::Integer),
            None => None,
        },
    )
}
