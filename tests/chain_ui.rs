//! The chain view as an area manager uses it, through `egui_kittest`: the
//! sample chain opened from the File menu, the league table sorted and
//! filtered by region, a heat map cell opening that site's failures there,
//! a site's visits into the per-visit results, unreadable records named; and
//! the new-inspection form picking the site from the register, or adding it.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::core::chain::SortKey;
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{Command, View};
use servstd::gui::views::chain::Page;

mod common;
use common::{english, harness_sized, step_until};

fn sample_chain() -> Harness<'static, ServstdApp> {
    let mut app = ServstdApp::with_sample(english());
    app.run(Command::OpenSampleChain);
    let mut h = harness_sized(app, 1000.0);
    h.run();
    assert_eq!(h.state().view, View::Chain);
    h
}

fn type_into(h: &mut Harness<'static, ServstdApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

#[test]
fn the_sample_chain_opens_from_the_file_menu_with_every_site() {
    let mut h = harness_sized(ServstdApp::with_sample(english()), 1000.0);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open the sample chain").click();
    h.run();
    assert_eq!(h.state().view, View::Chain);
    let chain = &h.state().chain.chain;
    assert_eq!(chain.sites.len(), 6);
    assert!(chain.sites.iter().all(|r| r.registered));
    h.get_by_label("League table");
    h.get_by_label("悦味餐厅 滨江店");
    // Weakest first: the default sort is by score, lowest at the top.
    let rates: Vec<f64> = chain.sites.iter().filter_map(|r| r.latest_rate).collect();
    assert!(rates.windows(2).all(|w| w[0] <= w[1]), "{rates:?}");
}

#[test]
fn the_league_table_sorts_by_a_heading_and_filters_by_region() {
    let mut h = sample_chain();
    h.get_by_label("Score ▲").click();
    h.run();
    assert_eq!(h.state().chain.sort, (SortKey::Score, true));
    let rates: Vec<f64> = h
        .state()
        .chain
        .chain
        .sites
        .iter()
        .filter_map(|r| r.latest_rate)
        .collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    h.get_by_label("Open actions").click();
    h.run();
    let open: Vec<usize> = h
        .state()
        .chain
        .chain
        .sites
        .iter()
        .map(|r| r.open_actions)
        .collect();
    assert!(
        open.windows(2).all(|w| w[0] >= w[1]),
        "most open first: {open:?}"
    );

    h.get_by_role_and_label(Role::ComboBox, "Region").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "杭州").click();
    h.run();
    let chain = &h.state().chain.chain;
    assert_eq!(chain.sites.len(), 3);
    assert!(chain.sites.iter().all(|r| r.site.region == "杭州"));
    assert!(h.query_by_label("悦味餐厅 徐汇店").is_none());

    // Finding a site narrows the table to it.
    type_into(&mut h, Role::TextInput, "Find a site", "滨江");
    assert_eq!(h.state().chain.shown.len(), 1);
}

#[test]
fn a_heat_map_cell_opens_that_site_s_failures_there() {
    let mut h = sample_chain();
    h.get_by_label("Heat map").click();
    h.run();
    let (label, row, col) = {
        let chain = &h.state().chain.chain;
        let (row, col) = chain
            .sites
            .iter()
            .enumerate()
            .find_map(|(n, r)| r.heat.iter().position(|t| t.failed > 0).map(|c| (n, c)))
            .expect("a cell with failures");
        let site = &chain.sites[row];
        let tally = site.heat[col];
        let rate = tally.rate().map(|r| format!("{:.0}%", r * 100.0)).unwrap();
        (
            format!(
                "{} · {}: {rate}",
                site.site.name, chain.contact_points[col].1
            ),
            row,
            col,
        )
    };
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().chain.page, Page::Failures(row, col));
    h.get_by_label_contains("failures at");
    h.get_by_label("← Chain").click();
    h.run();
    assert_eq!(h.state().chain.page, Page::Chain);
}

#[test]
fn one_click_from_a_site_to_its_visits_and_a_visit_s_results() {
    let mut h = sample_chain();
    h.get_by_label("悦味餐厅 滨江店").click();
    h.run();
    let Page::Site(row) = h.state().chain.page else {
        panic!("the site's page: {:?}", h.state().chain.page)
    };
    let visits = h.state().chain.chain.sites[row].visits.clone();
    assert_eq!(visits.len(), 5, "four visits and a follow-up");
    h.get_by_label("Visits of 悦味餐厅 滨江店");
    h.get_by_label_contains("(follow-up)");
    // The newest visit is listed first.
    h.get_all_by_label("Open results")
        .next()
        .expect("a button into the visit's results")
        .click();
    h.run();
    assert_eq!(h.state().view, View::Results);
    let results = &h.state().results;
    assert_eq!(results.inspections.len(), visits.len());
    assert!(
        results
            .inspections
            .iter()
            .all(|(_, i)| i.site == "悦味餐厅 滨江店")
    );
    assert_eq!(results.selected, visits.len() - 1);
}

#[test]
fn records_that_cannot_be_read_are_named_in_the_chain_view() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    let site = dir.path().join("chain/SH-09");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("2026-11-01.inspection.ron"), "Inspection(").unwrap();
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&dir.path().join("restaurant.standards.ron"));
    app.run(Command::ShowView(View::Chain));
    let mut h = harness_sized(app, 1000.0);
    step_until(&mut h, "reading the chain's records", |app| {
        !app.chain.reading()
    });
    h.run();
    assert_eq!(h.state().chain.records.len(), 3);
    h.get_by_label_contains("1 files not used");
    assert!(h.state().chain.not_used[0].contains("SH-09"));
}

#[test]
fn the_new_inspection_form_picks_the_site_from_the_register_or_adds_it() {
    // The sample's register: typing filters it, a click picks.
    let mut h = harness_sized(ServstdApp::with_sample(english()), 1000.0);
    h.state_mut().run(Command::StartInspection);
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "滨江");
    h.get_by_label("悦味餐厅 滨江店 · HZ-02 · 杭州").click();
    h.run();
    let form = h.state().inspect.start.as_ref().unwrap();
    assert_eq!(form.site, "悦味餐厅 滨江店");
    assert_eq!(form.site_id.as_deref(), Some("HZ-02"));
    assert!(h.query_by_label_contains("悦味餐厅 西湖店").is_none());

    // A set on disk with no register yet: adding the site is one click, and
    // writes the register beside the set.
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("shop.standards.ron");
    std::fs::copy("standards/restaurant.standards.ron", &set).unwrap();
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness_sized(app, 1000.0);
    h.state_mut().run(Command::StartInspection);
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "Riverside");
    h.get_by_label("+ Add site “Riverside”").click();
    h.run();
    let form = h.state().inspect.start.as_ref().unwrap();
    assert_eq!(form.site_id.as_deref(), Some("S-1"));
    let register = servstd::core::chain::sites::load(&dir.path().join("shop.sites.ron"))
        .unwrap()
        .document;
    assert_eq!(register.sites[0].name, "Riverside");
    h.get_by_label_contains("Site added to");
}

#[test]
fn the_sample_chain_asks_before_unsaved_changes_are_lost() {
    let mut app = ServstdApp::with_sample(english());
    app.open_path(std::path::Path::new("standards/bank-branch.standards.ron"));
    let mut h = harness_sized(app, 1000.0);
    h.run();
    h.state_mut().doc.force_unsaved();
    h.state_mut().run(Command::OpenSampleChain);
    h.run();
    assert!(h.state().modal.is_some(), "asked first");
    h.state_mut()
        .answer(servstd::gui::state::Reply::ContinueWith(Box::new(
            servstd::gui::state::Then::Run(Command::OpenSampleChain),
        )));
    h.run();
    assert!(h.state().modal.is_none());
    assert_eq!(h.state().view, View::Chain);
    assert_eq!(h.state().chain.chain.sites.len(), 6);
}
