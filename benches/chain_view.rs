//! A chain of 500 sites × 12 monthly visits of a 200-standard set (6,000
//! records, 1.2 million verdicts): reading and scoring every record of the
//! folder (target: under 2 s on 2 cores), aggregating it, and one frame of
//! the chain view with all 500 sites (target: under 8 ms).
//!
//! `cargo bench --bench chain_view`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use servstd::core::chain::{self, Filter, Record, Site, Sites};
use servstd::core::inspection::actions::{Action, Priority, Status};
use servstd::core::inspection::{self, Inspection, Verdict};
use servstd::core::model::{Language, StandardsSet};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{AppState, Document, View};
use servstd::gui::views::chain::{Pane, Source};

const SITES: usize = 500;
const VISITS: usize = 12;
const STANDARDS: usize = 200;
const REGIONS: [&str; 5] = ["华东", "华南", "华北", "西南", "华中"];

/// A small deterministic generator (no rand crate): the same chain every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn register() -> Sites {
    let mut sites = Sites::new();
    for n in 0..SITES {
        sites.sites.push(Site {
            id: format!("S-{:03}", n + 1),
            name: format!("门店 {:03}", n + 1),
            region: REGIONS[n % REGIONS.len()].to_owned(),
            manager: format!("店长 {n}"),
            groups: std::collections::BTreeMap::new(),
        });
    }
    sites
}

/// The chain's records of `set`, each naming its site by ID; a few partial,
/// a few follow-ups, a few actions.
fn records(
    set: &StandardsSet,
    set_path: Option<&Path>,
    root: &Path,
) -> Vec<(PathBuf, Inspection, Vec<Action>)> {
    let ids: Vec<String> = inspection::standard_order(set)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let sites = register();
    let mut rng = Lcg(24);
    let mut out = Vec::with_capacity(SITES * VISITS);
    for (s, site) in sites.sites.iter().enumerate() {
        let skill = 70 + rng.below(28);
        for month in 1..=VISITS {
            let path = root
                .join(&site.id)
                .join(format!("2026-{month:02}-15.inspection.ron"));
            let when = jiff::civil::date(2026, i8::try_from(month).unwrap(), 15).at(11, 0, 0, 0);
            let mut record = Inspection::new(set, set_path, &path, when);
            record.site.clone_from(&site.name);
            record.site_id = Some(site.id.clone());
            record.inspector = "督导".into();
            record.finished = Some(when);
            let n = s * VISITS + month;
            let checked = if n.is_multiple_of(37) {
                ids.len() - 20
            } else {
                ids.len()
            };
            if n.is_multiple_of(53) {
                record.check_only(&ids[..10]);
            }
            for id in &ids[..checked] {
                let verdict = if rng.below(100) < skill {
                    Verdict::Pass
                } else {
                    Verdict::Fail
                };
                record.verdicts.push(inspection::Entry {
                    standard: id.clone(),
                    verdict,
                    note: String::new(),
                    evidence: None,
                    photos: Vec::new(),
                });
            }
            let actions = record
                .verdicts
                .iter()
                .filter(|e| e.verdict == Verdict::Fail)
                .take(2)
                .enumerate()
                .map(|(k, e)| Action {
                    id: format!("A-{k}"),
                    standard: e.standard.clone(),
                    what: "重申标准".into(),
                    owner: "店长".into(),
                    due: when.date().checked_add(jiff::Span::new().days(14)).unwrap(),
                    priority: Priority::High,
                    status: if month == VISITS {
                        Status::Open
                    } else {
                        Status::Verified
                    },
                    reason: String::new(),
                    photos: Vec::new(),
                    done: None,
                    verified: None,
                })
                .collect();
            out.push((path, record, actions));
        }
    }
    out
}

fn chain(c: &mut Criterion) {
    let set = servstd::core::synth::generated_set(STANDARDS);
    let dir = tempfile::tempdir().unwrap();
    let set_path = dir.path().join("chain.standards.ron");
    servstd::core::storage::save(&set_path, &set).unwrap();
    let generated = records(&set, Some(&set_path), dir.path());
    for (path, record, actions) in &generated {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        servstd::core::storage::save(path, record).unwrap();
        let mut file = inspection::actions::Actions::new(path);
        file.actions.clone_from(actions);
        servstd::core::storage::save(&inspection::actions::path_for(path), &file).unwrap();
    }

    let mut group = c.benchmark_group("chain");
    group.sample_size(10);
    group.bench_function("read and score 6000 records × 200 standards", |b| {
        b.iter(|| {
            let folder = chain::load_folder(&set, Some(&set_path), dir.path());
            assert_eq!(folder.records.len(), SITES * VISITS);
            black_box(folder)
        });
    });
    let folder = chain::load_folder(&set, Some(&set_path), dir.path());
    let records: Vec<Record> = folder.records;
    let sites = register();
    let today = jiff::civil::date(2026, 12, 31);
    group.bench_function("aggregate 500 sites", |b| {
        b.iter(|| {
            black_box(chain::aggregate(
                &set,
                &sites,
                &records,
                &Filter::default(),
                today,
            ))
        });
    });
    group.finish();

    // One frame of the window on the chain view.
    let ctx = egui::Context::default();
    servstd::gui::fonts::install(&ctx, servstd::core::model::Language::ZhCn);
    let state = AppState {
        ui_language: Language::ZhCn,
        ..AppState::default()
    };
    let mut app = ServstdApp::with_document(state, Document::new(set.clone(), None));
    app.chain.show_records(
        Source {
            set_path: None,
            title: set.title.clone(),
            folder: Some(dir.path().to_owned()),
        },
        sites,
        records,
    );
    app.view = View::Chain;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 820.0),
        )),
        ..Default::default()
    };
    // Warm up: fonts, and the one aggregation of the chain.
    for _ in 0..3 {
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
    }
    assert_eq!(app.chain.chain.sites.len(), SITES);
    let mut group = c.benchmark_group("chain view");
    for (pane, name) in [
        (Pane::League, "frame, 500 sites, league table"),
        (Pane::Heat, "frame, 500 sites, heat map"),
        (Pane::Weakest, "frame, 500 sites, failing most"),
        (Pane::Quadrant, "frame, 500 sites, quadrant"),
    ] {
        app.chain.pane = pane;
        ctx.run_ui(input(), |ui| app.ui(ui)).textures_delta.clear();
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(ctx.run_ui(input(), |ui| app.ui(ui)))
                    .textures_delta
                    .clear();
            });
        });
    }
    group.finish();
}

criterion_group!(benches, chain);
criterion_main!(benches);
