//! Fuzzes the survey readers: any text gives per-factor scores between 0
//! and 1 or a line error (the older `FACTOR-ID,SCORE` file); a survey plan
//! or an error, a plan that loads saving to text that loads back equal; and
//! responses read against the restaurant set's questionnaire, from CSV
//! text and from XLSX workbooks (any bytes that start as a zip), every
//! answer in its scale (1-5, NPS 0-10) and one per factor, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use servstd::core::inspection::survey;
use servstd::core::model::StandardsSet;
use servstd::core::storage::{self, FileKind};
use servstd::core::survey::{Questionnaire, SurveyPlan, responses};

/// The questionnaire of a real set, built once: the header row decides
/// which columns are questions, so the seeds name its column IDs.
fn questionnaire() -> &'static (Questionnaire, SurveyPlan) {
    static Q: OnceLock<(Questionnaire, SurveyPlan)> = OnceLock::new();
    Q.get_or_init(|| {
        let set: StandardsSet =
            storage::parse(include_str!("../../standards/restaurant.standards.ron"))
                .expect("the restaurant set loads");
        let plan = SurveyPlan::default();
        (Questionnaire::new(&set, &plan, &[]), plan)
    })
}

/// Every answer in its scale and one per factor.
fn check(read: &responses::Responses) {
    for r in &read.rows {
        assert_eq!(r.importance.len(), read.factors.len());
        assert_eq!(r.satisfaction.len(), read.factors.len());
        assert!(r.importance.iter().chain(&r.satisfaction).all(|&s| s <= 5));
        assert!(r.nps.is_none_or(|n| n <= 10));
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = FileKind::by_content(data);
    if data.starts_with(b"PK") {
        let (q, plan) = questionnaire();
        let path = std::path::Path::new("fuzz.xlsx");
        if let Ok(read) = responses::parse_xlsx(data, path, q, plan) {
            check(&read);
        }
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scores) = survey::parse(text) {
        for share in scores.values() {
            assert!((0.0..=1.0).contains(share), "{share}");
        }
    }
    if let Ok(plan) = storage::parse::<SurveyPlan>(text) {
        let canonical = storage::to_canonical(&plan);
        let back: SurveyPlan = storage::parse(&canonical).expect("canonical text parses");
        assert_eq!(storage::to_canonical(&back), canonical);
    }
    let (q, plan) = questionnaire();
    check(&responses::parse_csv(text, q, plan));
});
