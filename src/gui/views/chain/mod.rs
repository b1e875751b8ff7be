//! The chain view: every site of the open set's chain at once. A league
//! table (sortable, filtered by region and period, a sparkline per site), a
//! heat map of sites × contact points, the standards failing most across
//! the chain and the quadrant of the chain or a region; from a site, its
//! visits and each visit's own results. The records are read once, on a
//! thread; the chain is aggregated once per change of the records, the
//! set, the filter or the sort, never per frame, and long lists draw only
//! the rows in view.

mod heat;
mod panes;
mod table;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use jiff::civil::Date;

use crate::core::chain::{self, Chain, Filter, Record, Sites, SortKey};
use crate::core::i18n::chain::ChainWords;
use crate::core::i18n::fill;
use crate::core::model::StandardsSet;
use crate::gui::state::Command;
use crate::gui::views::Cx;

/// Where the chain's records come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The set's file and title: a chain is of one set.
    pub set_path: Option<PathBuf>,
    pub title: String,
    /// The folder read; `None` for the sample chain built in.
    pub folder: Option<PathBuf>,
}

/// The part of the chain view shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    League,
    Heat,
    Weakest,
    Quadrant,
}

/// A site's pages, or the chain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Chain,
    /// The visits of the site at this row of the chain.
    Site(usize),
    /// The failures of the site at this row at the contact point of this column.
    Failures(usize, usize),
}

/// The periods offered, in months back from today (`None`: all time).
pub const PERIODS: [Option<i32>; 4] = [None, Some(3), Some(6), Some(12)];

/// What the chain was computed for: the set's revision, the region, the
/// period, the sort, the find and the day.
type Computed = (u64, Option<String>, usize, (SortKey, bool), String, Date);

/// What a thread read.
struct Loaded {
    register: Sites,
    register_file: Option<PathBuf>,
    register_problem: Option<String>,
    folder: chain::Folder,
}

/// The chain view's state.
#[derive(Default)]
pub struct ChainView {
    pub source: Option<Source>,
    pending: Option<Receiver<Loaded>>,
    pub register: Sites,
    pub register_file: Option<PathBuf>,
    /// Why the register beside the set could not be used, if it could not.
    pub register_problem: Option<String>,
    /// Every record of the set found, scored, oldest first.
    pub records: Vec<Record>,
    /// Files not used, with the reason.
    pub not_used: Vec<String>,
    /// Region and period chosen; the period as an index into [`PERIODS`].
    pub region: Option<String>,
    pub period: usize,
    pub sort: (SortKey, bool),
    /// Typed to narrow the table to sites whose name, ID or manager holds it.
    pub find: String,
    pub pane: Pane,
    pub page: Page,
    /// What the view draws, computed by [`ChainView::refresh`].
    pub chain: Chain,
    /// Rows of [`Self::chain`] the table shows (those the find admits).
    pub shown: Vec<usize>,
    /// The set revision the records were scored against.
    scored_for: Option<u64>,
    /// What the chain was computed for: (revision, region, period, sort, find, today).
    computed_for: Option<Computed>,
    /// After the records are read, show them in the results view too.
    pub feed_results: bool,
}

impl ChainView {
    /// Reads the records of `set` under `folder` on a thread, with the
    /// register beside the set; [`ChainView::poll`] takes them.
    pub fn read_folder(&mut self, set: &StandardsSet, set_path: Option<&Path>, folder: &Path) {
        self.source = Some(Source {
            set_path: set_path.map(Path::to_path_buf),
            title: set.title.clone(),
            folder: Some(folder.to_owned()),
        });
        let set = set.clone();
        let set_path = set_path.map(Path::to_path_buf);
        let folder = folder.to_owned();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let (register, register_file, register_problem) = match &set_path {
                Some(path) => match chain::sites::load_beside(path) {
                    Ok(Some(loaded)) => (loaded.document, Some(chain::sites::path_for(path)), None),
                    Ok(None) => (Sites::new(), None, None),
                    Err(e) => (Sites::new(), None, Some(e.to_string())),
                },
                None => (Sites::new(), None, None),
            };
            let folder = chain::load_folder(&set, set_path.as_deref(), &folder);
            // Nobody waits any more if the window moved on.
            let _ = tx.send(Loaded {
                register,
                register_file,
                register_problem,
                folder,
            });
        });
        self.pending = Some(rx);
        self.page = Page::Chain;
    }

    /// Shows the sample chain built in, scored against `set`.
    pub fn show_sample(&mut self, set: &StandardsSet) {
        let (register, records) = chain::sample::sample_chain(set);
        self.source = Some(Source {
            set_path: None,
            title: set.title.clone(),
            folder: None,
        });
        self.pending = None;
        self.take(Loaded {
            register,
            register_file: None,
            register_problem: None,
            folder: chain::Folder {
                records,
                skipped: Vec::new(),
            },
        });
        // Scored just now, against the set as it is.
        self.scored_for = None;
    }

    /// Shows `records` (scored, oldest first) of the sites in `register`,
    /// read from `source`: what a generator or a test hands over.
    pub fn show_records(&mut self, source: Source, register: Sites, records: Vec<Record>) {
        self.source = Some(source);
        self.pending = None;
        self.take(Loaded {
            register,
            register_file: None,
            register_problem: None,
            folder: chain::Folder {
                records,
                skipped: Vec::new(),
            },
        });
    }

    fn take(&mut self, loaded: Loaded) {
        self.register = loaded.register;
        self.register_file = loaded.register_file;
        self.register_problem = loaded.register_problem;
        self.not_used = loaded
            .folder
            .skipped
            .iter()
            .map(ToString::to_string)
            .collect();
        self.records = loaded.folder.records;
        self.computed_for = None;
        self.scored_for = None;
        self.page = Page::Chain;
        if self
            .region
            .as_ref()
            .is_some_and(|r| !self.register.regions().contains(&r.as_str()))
        {
            self.region = None;
        }
    }

    /// The actions overdue at the sites shown, once their records are read:
    /// what the status bar says while the chain is in view, so it adds up
    /// the table's column (both counted by `count_overdue`).
    #[must_use]
    pub fn overdue(&self) -> Option<usize> {
        (self.source.is_some() && !self.reading())
            .then(|| self.chain.sites.iter().map(|r| r.overdue_actions).sum())
    }

    /// Whether records are being read.
    #[must_use]
    pub fn reading(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes what the thread read, if it is ready: true then.
    pub fn poll(&mut self) -> bool {
        let Some(pending) = &self.pending else {
            return false;
        };
        match pending.try_recv() {
            Ok(loaded) => {
                self.pending = None;
                self.take(loaded);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Waits for the records being read (tests and the benchmark).
    pub fn wait(&mut self) {
        if let Some(pending) = self.pending.take()
            && let Ok(loaded) = pending.recv()
        {
            self.take(loaded);
        }
    }

    /// The filter the chosen region and period make, as of `today`.
    #[must_use]
    pub fn filter(&self, today: Date) -> Filter {
        let from = PERIODS
            .get(self.period)
            .copied()
            .flatten()
            .and_then(|months| today.checked_sub(jiff::Span::new().months(months)).ok());
        Filter {
            region: self.region.clone(),
            from,
            to: None,
        }
    }

    /// Aggregates the chain again if the set (at `revision`), the records,
    /// the filter, the sort or the find changed since: never every frame.
    pub fn refresh(&mut self, set: &StandardsSet, revision: u64, today: Date) {
        let key = (
            revision,
            self.region.clone(),
            self.period,
            self.sort,
            self.find.clone(),
            today,
        );
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        if self.scored_for.is_some_and(|r| r != revision) {
            // The set was edited: its scores are the set's as it is now.
            for record in &mut self.records {
                record.scores = crate::core::inspection::score(set, &record.inspection);
            }
        }
        self.scored_for = Some(revision);
        let same_rows = self
            .computed_for
            .as_ref()
            .is_some_and(|(r, region, period, ..)| (r, region, period) == (&key.0, &key.1, &key.2));
        if !same_rows || self.chain.sites.is_empty() {
            self.chain = chain::aggregate(
                set,
                &self.register,
                &self.records,
                &self.filter(today),
                today,
            );
        }
        let sorted_row = match self.page {
            Page::Site(row) | Page::Failures(row, _) => {
                self.chain.sites.get(row).map(|r| r.site.clone())
            }
            Page::Chain => None,
        };
        self.chain.sort(self.sort.0, self.sort.1);
        if let Some(site) = sorted_row {
            // The page follows its site to its new row.
            let at = self.chain.sites.iter().position(|r| r.site == site);
            self.page = match (self.page, at) {
                (Page::Site(_), Some(at)) => Page::Site(at),
                (Page::Failures(_, cp), Some(at)) => Page::Failures(at, cp),
                _ => Page::Chain,
            };
        }
        let wanted = chain::sites::normalise(&self.find);
        self.shown = self
            .chain
            .sites
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                wanted.is_empty()
                    || [&r.site.name, &r.site.id, &r.site.manager]
                        .iter()
                        .any(|f| chain::sites::normalise(f).contains(&wanted))
            })
            .map(|(n, _)| n)
            .collect();
        self.computed_for = Some(key);
    }

    /// Sorts by `key`: again by the same key turns the order round.
    pub fn sort_by(&mut self, key: SortKey) {
        self.sort = if self.sort.0 == key {
            (key, !self.sort.1)
        } else {
            // Worst first where a high number is bad; A to Z for names.
            let descending = !matches!(key, SortKey::Site | SortKey::Region | SortKey::Score);
            (key, descending)
        };
    }

    /// Draws the chain of `set` (at `revision`).
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx, set: &StandardsSet, revision: u64) {
        let w = cx.words().chain;
        egui::CentralPanel::default().show(ui, |ui| {
            self.header(ui, cx, w);
            if self.reading() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    let folder = self
                        .source
                        .as_ref()
                        .and_then(|s| s.folder.as_ref())
                        .map(|f| f.display().to_string())
                        .unwrap_or_default();
                    ui.label(fill(w.reading, &[("folder", &folder)]));
                });
                return;
            }
            if self.source.is_none() {
                ui.label(w.empty);
                return;
            }
            self.refresh(set, revision, crate::core::dates::today());
            match self.page {
                Page::Chain => {
                    self.filters(ui, w);
                    self.panes(ui, w, cx.inspect_texts().quadrant);
                    ui.separator();
                    match self.pane {
                        Pane::League => table::league(ui, self, w, cx.lang),
                        Pane::Heat => heat::map(ui, self, w),
                        Pane::Weakest => panes::weakest(ui, self, w),
                        Pane::Quadrant => panes::quadrant(ui, self, w, cx),
                    }
                }
                Page::Site(row) => panes::site(ui, cx, self, row, w),
                Page::Failures(row, cp) => heat::failures(ui, cx, self, set, row, cp, w),
            }
        });
    }

    fn header(&mut self, ui: &mut egui::Ui, cx: &mut Cx, w: &ChainWords) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(w.title);
            ui.add_space(12.0);
            cx.button(ui, Command::ChooseRecordsFolder);
            cx.button(ui, Command::OpenSampleChain);
        });
        let Some(source) = &self.source else {
            return;
        };
        if !self.reading() {
            let folder = source
                .folder
                .as_ref()
                .map_or_else(|| cx.texts().sample.to_owned(), |f| f.display().to_string());
            ui.label(fill(
                w.summary,
                &[
                    ("sites", &self.chain.sites.len().to_string()),
                    ("visits", &self.records.len().to_string()),
                    ("folder", &folder),
                ],
            ));
            match (&self.register_file, &self.register_problem) {
                (_, Some(problem)) => {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                }
                (Some(file), None) => {
                    ui.small(fill(w.register, &[("file", &file.display().to_string())]));
                }
                (None, None) if source.folder.is_some() => {
                    ui.small(w.no_register);
                }
                (None, None) => {}
            }
        }
        if !self.not_used.is_empty() {
            let heading = fill(w.not_used, &[("count", &self.not_used.len().to_string())]);
            egui::CollapsingHeader::new(
                egui::RichText::new(heading).color(ui.visuals().warn_fg_color),
            )
            .id_salt("chain-not-used")
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for line in &self.not_used {
                            ui.small(line);
                        }
                    });
            });
        }
    }

    fn filters(&mut self, ui: &mut egui::Ui, w: &ChainWords) {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(w.region);
            let regions: Vec<String> = self
                .register
                .regions()
                .into_iter()
                .map(str::to_owned)
                .collect();
            egui::ComboBox::from_id_salt("chain-region")
                .selected_text(
                    self.region
                        .clone()
                        .unwrap_or_else(|| w.all_regions.to_owned()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.region, None, w.all_regions);
                    for r in regions {
                        ui.selectable_value(&mut self.region, Some(r.clone()), r);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.add_space(8.0);
            let l = ui.label(w.period);
            egui::ComboBox::from_id_salt("chain-period")
                .selected_text(w.periods[self.period.min(PERIODS.len() - 1)])
                .show_ui(ui, |ui| {
                    for (n, label) in w.periods.iter().enumerate() {
                        ui.selectable_value(&mut self.period, n, *label);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.add_space(8.0);
            let l = ui.label(w.find_site);
            ui.add(egui::TextEdit::singleline(&mut self.find).desired_width(160.0))
                .labelled_by(l.id);
        });
    }

    fn panes(&mut self, ui: &mut egui::Ui, w: &ChainWords, quadrant: &str) {
        ui.horizontal(|ui| {
            for (pane, label) in [
                (Pane::League, w.league),
                (Pane::Heat, w.heat),
                (Pane::Weakest, w.weakest),
                (Pane::Quadrant, quadrant),
            ] {
                if ui.selectable_label(self.pane == pane, label).clicked() {
                    self.pane = pane;
                }
            }
        });
    }
}

/// A cell of a table whose text reads from the left (a name, a standard),
/// `width` wide, cut with "…" when longer; the whole text on hover.
pub(super) fn left_cell(
    ui: &mut egui::Ui,
    width: f32,
    height: f32,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.set_max_width(width);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

/// Green at a full pass rate, through amber, to red at the pass mark's
/// distance below it: how a cell or a score reads at a glance.
#[must_use]
pub fn rate_color(rate: Option<f64>) -> egui::Color32 {
    let Some(rate) = rate else {
        return egui::Color32::from_gray(150);
    };
    let red = egui::Color32::from_rgb(199, 48, 44);
    let amber = egui::Color32::from_rgb(230, 160, 40);
    let green = egui::Color32::from_rgb(40, 140, 84);
    let mark = crate::core::inspection::score::PASS_MARK;
    #[expect(clippy::cast_possible_truncation, reason = "a share between 0 and 1")]
    if rate >= mark {
        amber.lerp_to_gamma(green, ((rate - mark) / (1.0 - mark)).clamp(0.0, 1.0) as f32)
    } else {
        red.lerp_to_gamma(amber, ((rate - (mark - 0.3)) / 0.3).clamp(0.0, 1.0) as f32)
    }
}
