//! The survey in the window, as a manager goes through it: from the set to
//! the survey view (the method's table, a plan saved beside the set), the
//! questionnaire printed, answers imported, and the results' quadrant with
//! the customers' view beside the inspection's.

use std::fmt::Write as _;
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::core::model::StandardsSet;
use servstd::core::survey::{Questionnaire, SurveyPlan};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::Modal;

mod common;
use common::{english, harness_sized, step_until};

/// Types `path` into the path dialog and presses OK.
fn type_path(h: &mut Harness<'static, ServstdApp>, path: &Path) {
    assert!(matches!(h.state().modal, Some(Modal::Path { .. })));
    let field = h.get_by_role_and_label(Role::TextInput, "File path");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

/// 60 answers: every factor 4 or 5, but `low` (which every inspection
/// passes) 2 or 3.
fn responses(set: &StandardsSet, low: &str) -> String {
    let q = Questionnaire::new(set, &SurveyPlan::default(), &[]);
    let mut text = q.column_ids().join(",");
    text.push('\n');
    for i in 0..60 {
        let mut row = vec![format!("R{i}"), "overall".into(), "2026-11".into()];
        for item in q.factors() {
            let sat = if item.factor == low {
                2 + i % 2
            } else {
                4 + i % 2
            };
            row.push("5".into());
            row.push(sat.to_string());
        }
        row.push((i % 11).to_string());
        row.push(String::new());
        let _ = writeln!(text, "{}", row.join(","));
    }
    text
}

#[test]
fn from_the_set_to_a_printed_questionnaire_imported_answers_and_the_customers_quadrant() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
    let set_path = dir.path().join("restaurant.standards.ron");
    std::fs::copy(root.join("restaurant.standards.ron"), &set_path).unwrap();
    for (name, text) in servstd::core::inspection::SAMPLE_INSPECTIONS {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let set: StandardsSet = servstd::core::storage::load(&set_path).unwrap().document;
    // A factor the latest inspection passes in full.
    let latest = servstd::core::inspection::sample_inspections()
        .into_iter()
        .max_by_key(|i| i.when)
        .unwrap();
    let scores = servstd::core::inspection::score(&set, &latest);
    let low = scores
        .factors
        .iter()
        .find(|g| g.tally.rate() == Some(1.0))
        .unwrap()
        .id
        .clone();
    let answers = dir.path().join("answers.csv");
    std::fs::write(&answers, responses(&set, &low)).unwrap();

    let mut h = harness_sized(ServstdApp::with_file(english(), &set_path), 900.0);
    h.run();
    h.get_by_label("Customer survey").click();
    h.run();
    // The method's table, each row offered.
    h.get_by_label("Customers who left");
    h.get_by_label("What most needs improving");
    let offers = h.query_all_by_label("Add this row").count();
    assert_eq!(offers, 6);
    h.query_all_by_label("Add this row").nth(2).unwrap().click();
    h.run();
    assert_eq!(h.state().survey.plan.groups.len(), 2);
    h.get_by_label("Save plan").click();
    h.run();
    let plan_path = dir.path().join("restaurant.survey.ron");
    let plan: SurveyPlan = servstd::core::storage::load(&plan_path).unwrap().document;
    assert_eq!(
        plan.groups[1].purpose,
        servstd::core::survey::Purpose::Immediate
    );

    // The questionnaire, printed.
    h.get_by_label("Print questionnaire (PDF)…").click();
    h.run();
    let pdf = dir.path().join("questionnaire.pdf");
    type_path(&mut h, &pdf);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // The answers, imported: kept in the plan for next time.
    h.get_by_label("Import responses…").click();
    h.run();
    type_path(&mut h, &answers);
    assert!(h.state().modal.is_none(), "{:?}", h.state().modal);
    h.get_by_label_contains("60 respondents read from");
    let plan: SurveyPlan = servstd::core::storage::load(&plan_path).unwrap().document;
    assert_eq!(plan.responses, ["answers.csv"]);

    // The results: the quadrant by customers, the disagreement first.
    h.get_by_label("Results").click();
    step_until(&mut h, "the records", |app| !app.results.gathering());
    h.run();
    let computed = h.state().results.computed().expect("computed");
    let placed = computed.placed.as_ref().expect("placed by customers");
    assert_eq!(placed.by_customers.len(), set_factor_count(&set));
    assert_eq!(placed.differences[0].id, low);
    h.get_by_label("Where customers and inspections disagree");
    let (cp, name) = set
        .contact_points
        .iter()
        .flat_map(|cp| {
            cp.steps
                .iter()
                .flat_map(|s| &s.factors)
                .map(move |f| (cp, f))
        })
        .find(|(_, f)| f.id == low)
        .map(|(cp, f)| (cp.name.clone(), f.name.clone()))
        .unwrap();
    h.get_by_label_contains(&format!(
        "{low} {name} ({cp}): passes inspection, customers rate it low"
    ));
}

fn set_factor_count(set: &StandardsSet) -> usize {
    set.contact_points
        .iter()
        .flat_map(|cp| &cp.steps)
        .map(|s| s.factors.len())
        .sum()
}

/// Fills the form `blank` as a viewer would, by writing values: each radio
/// group's value and its chosen button's state, each text field's value.
fn fill_by_writing(blank: &[u8], choices: &[(&str, &str)], texts: &[(&str, &str)]) -> Vec<u8> {
    use lopdf::{Object, StringFormat};
    let mut doc = lopdf::Document::load_mem(blank).unwrap();
    let catalog = doc.catalog().unwrap().clone();
    let form = catalog.get(b"AcroForm").unwrap().as_reference().unwrap();
    let fields: Vec<lopdf::ObjectId> = doc
        .get_dictionary(form)
        .unwrap()
        .get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_reference().unwrap())
        .collect();
    for id in fields {
        let field = doc.get_dictionary(id).unwrap().clone();
        let name = String::from_utf8_lossy(field.get(b"T").unwrap().as_str().unwrap()).into_owned();
        if let Some((_, state)) = choices.iter().find(|(n, _)| *n == name) {
            let kids: Vec<lopdf::ObjectId> = field
                .get(b"Kids")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_reference().unwrap())
                .collect();
            for kid in kids {
                let widget = doc.get_dictionary_mut(kid).unwrap();
                let on = widget
                    .get(b"AP")
                    .and_then(|ap| ap.as_dict())
                    .and_then(|ap| ap.get(b"N"))
                    .and_then(|n| n.as_dict())
                    .is_ok_and(|n| n.has(state.as_bytes()));
                let shown = if on { *state } else { "Off" };
                widget.set("AS", Object::Name(shown.as_bytes().to_vec()));
            }
            doc.get_dictionary_mut(id)
                .unwrap()
                .set("V", Object::Name(state.as_bytes().to_vec()));
        }
        if let Some((_, text)) = texts.iter().find(|(n, _)| *n == name) {
            doc.get_dictionary_mut(id).unwrap().set(
                "V",
                Object::String(text.as_bytes().to_vec(), StringFormat::Literal),
            );
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn the_fillable_questionnaire_from_the_window_and_its_filled_forms_imported_with_their_trend() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("standards");
    let set_path = dir.path().join("restaurant.standards.ron");
    std::fs::copy(root.join("restaurant.standards.ron"), &set_path).unwrap();
    for (name, text) in servstd::core::inspection::SAMPLE_INSPECTIONS {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut h = harness_sized(ServstdApp::with_file(english(), &set_path), 900.0);
    h.run();
    h.get_by_label("Customer survey").click();
    h.run();
    h.get_by_label("Fillable questionnaire (PDF form)…").click();
    h.run();
    let blank = dir.path().join("form.pdf");
    type_path(&mut h, &blank);
    let bytes = std::fs::read(&blank).unwrap();
    let set: StandardsSet = servstd::core::storage::load(&set_path).unwrap().document;
    let q = Questionnaire::new(&set, &SurveyPlan::default(), &[]);
    let first = q.factors().next().unwrap().factor.replace('.', "~");
    let (imp, sat) = (format!("{first}~imp"), format!("{first}~sat"));
    // Two forms in October (promoters), two in November (a promoter and a
    // detractor): NPS 100, then 0.
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).unwrap();
    for (i, (date, nps, s)) in [
        ("2026-10-02", "10", "5"),
        ("2026-10-09", "9", "4"),
        ("2026-11-03", "10", "2"),
        ("2026-11-04", "1", "1"),
    ]
    .into_iter()
    .enumerate()
    {
        let filled = fill_by_writing(
            &bytes,
            &[(imp.as_str(), "5"), (sat.as_str(), s), ("NPS", nps)],
            &[("DATE", date), ("OPEN", "")],
        );
        std::fs::write(forms.join(format!("{i}.pdf")), filled).unwrap();
    }
    h.get_by_label("Import a folder of filled forms…").click();
    h.run();
    type_path(&mut h, &forms);
    assert!(h.state().modal.is_none(), "{:?}", h.state().modal);
    h.get_by_label_contains("4 respondents read from");
    let figures = h.state().survey.figures.clone().expect("figures");
    let digest = servstd::core::survey::digest(&figures, 1);
    assert_eq!(
        digest.trend,
        vec![("2026-10", Some(100.0)), ("2026-11", Some(0.0))]
    );
    let kf = &figures.overall.factors[0];
    assert_eq!(kf.satisfaction.n(), 4);
    assert_eq!(kf.satisfaction.mean(), Some(3.0));
    // The trend is drawn, on the survey page and under the results' quadrant.
    h.get_by_label("NPS over time");
    h.get_by_label("Results").click();
    step_until(&mut h, "the records", |app| !app.results.gathering());
    h.run();
    assert_eq!(
        h.state().results.nps_trend,
        vec![
            ("2026-10".to_owned(), Some(100.0)),
            ("2026-11".to_owned(), Some(0.0))
        ]
    );
    h.get_by_label("NPS over time");
}
