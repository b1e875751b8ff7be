//! The survey view: asking the customers. The plan page explains the
//! method's table of purposes and respondents and offers its rows as
//! respondent groups (`plan`); the questionnaire drawn from the key factors
//! is previewed in journey order and printed or given as a response
//! template; imported responses give the figures (`figures`), which the
//! results view's quadrant uses too. The view owns its plan and imports and
//! saves the plan beside the set itself, through `core::storage`.

mod figures;
mod plan;

use std::path::{Path, PathBuf};

pub use figures::{customers_beside, nps_chart};

use crate::core::i18n::survey_words;
use crate::core::model::StandardsSet;
use crate::core::storage;
use crate::core::survey::issue_line;
use crate::core::survey::{self, Figures, Questionnaire, Responses, SurveyPlan};
use crate::gui::state::{Command, Document, Purpose};
use crate::gui::views::Cx;

/// The survey of the open set: its plan, the responses imported and what
/// they give.
#[derive(Debug, Default)]
pub struct SurveyView {
    /// Which document the plan was read for: (path, title).
    loaded_for: Option<(Option<PathBuf>, String)>,
    pub plan: SurveyPlan,
    /// Where the plan is kept: beside the set; none for a set never saved.
    pub plan_path: Option<PathBuf>,
    /// What went wrong reading the plan or a responses file, or a save.
    pub problems: Vec<String>,
    /// "Plan saved", after a save.
    pub saved: bool,
    /// The responses files read, oldest first.
    pub imports: Vec<Responses>,
    /// What the imports give, computed when they change.
    pub figures: Option<Figures>,
}

impl SurveyView {
    /// Reads the plan beside the set of `doc` (and the responses it lists),
    /// unless it is the one already read.
    pub fn ensure_loaded(&mut self, doc: &Document) {
        let key = (doc.path.clone(), doc.set().title.clone());
        if self.loaded_for.as_ref() == Some(&key) {
            return;
        }
        *self = Self {
            loaded_for: Some(key),
            ..Self::default()
        };
        let Some(set_path) = doc.path.as_deref() else {
            return;
        };
        let path = survey::plan::path_for(set_path);
        match survey::plan::load_for(set_path) {
            Ok(Some(loaded)) => self.plan = loaded.document,
            Ok(None) => {}
            Err(err) => self.problems.push(err.to_string()),
        }
        let lang =
            crate::core::i18n::for_set(crate::core::i18n::locale::from_env(), doc.set().language);
        let listed: Vec<(String, _)> = (self.plan.response_paths(&path).into_iter())
            .map(|(name, file)| (name.to_owned(), file))
            .collect();
        for (name, file) in listed {
            match file {
                Ok(file) => {
                    self.read(&file, doc.set());
                }
                Err(issue) => {
                    let m = &crate::core::i18n::messages(lang).plan_responses;
                    let said = crate::core::i18n::fill(m.get(issue), &[("path", &name)]);
                    self.problems.push(format!("{}: {said}", path.display()));
                }
            }
        }
        self.plan_path = Some(path);
        self.recompute();
    }

    /// The questionnaire of `set` as the plan words it.
    #[must_use]
    pub fn questionnaire(&self, set: &StandardsSet) -> Questionnaire {
        Questionnaire::new(set, &self.plan, &[])
    }

    fn read(&mut self, file: &Path, set: &StandardsSet) -> bool {
        let q = self.questionnaire(set);
        match crate::export::survey::load_responses(file, &q, &self.plan) {
            Ok(read) => {
                // The same file imported again replaces what it gave before.
                self.imports.retain(|r| r.file.as_deref() != Some(file));
                self.imports.push(read);
                true
            }
            Err(err) => {
                self.problems.push(err.to_string());
                false
            }
        }
    }

    fn recompute(&mut self) {
        self.figures =
            (!self.imports.is_empty()).then(|| survey::figures(&self.imports, &self.plan));
    }

    /// Imports the responses at `file`: read, counted in, and (for a saved
    /// set) recorded in the plan, which is saved, so that they are read
    /// again next time. Returns an error to show when nothing could be read.
    pub fn import(&mut self, file: &Path, doc: &Document) -> Result<(), String> {
        self.ensure_loaded(doc);
        let before = self.problems.len();
        if !self.read(file, doc.set()) {
            return Err(self.problems[before..].join("\n"));
        }
        self.recompute();
        if let Some(path) = self.plan_path.clone() {
            self.plan.add_responses(&path, file);
            self.save_plan();
        }
        Ok(())
    }

    /// Saves the plan beside the set.
    pub fn save_plan(&mut self) {
        let Some(path) = &self.plan_path else {
            return;
        };
        match storage::save(path, &self.plan) {
            Ok(()) => self.saved = true,
            Err(err) => self.problems.push(err.to_string()),
        }
    }

    /// What customers said overall and the plan's threshold, for the
    /// results view's quadrant.
    #[must_use]
    pub fn customers(&self) -> Option<(survey::Summary, u32)> {
        let figures = self.figures.as_ref()?;
        Some((figures.overall.clone(), self.plan.min_answers))
    }

    /// NPS per survey period, for the results view's trend chart (empty
    /// with fewer than two periods).
    #[must_use]
    pub fn nps_trend(&self) -> Vec<(String, Option<f64>)> {
        self.figures.as_ref().map_or_else(Vec::new, |f| {
            survey::digest(f, self.plan.min_answers)
                .trend
                .into_iter()
                .map(|(p, n)| (p.to_owned(), n))
                .collect()
        })
    }

    /// Draws the view for the set of `doc`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx, doc: &Document) {
        self.ensure_loaded(doc);
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.body(ui, cx, doc.set()));
        });
    }

    fn body(&mut self, ui: &mut egui::Ui, cx: &mut Cx, set: &StandardsSet) {
        let w = survey_words(cx.lang);
        ui.heading(w.plan.title);
        for p in &self.problems {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        plan::show(ui, cx, self, set);
        ui.separator();
        ui.heading(w.plan.questionnaire);
        ui.horizontal_wrapped(|ui| {
            if ui.button(w.plan.export_pdf).clicked() {
                cx.run(Command::ChooseSurveyPath(Purpose::ExportQuestionnaire));
            }
            if ui.button(w.plan.export_fillable).clicked() {
                cx.run(Command::ChooseSurveyPath(
                    Purpose::ExportFillableQuestionnaire,
                ));
            }
            if ui.button(w.plan.export_template).clicked() {
                cx.run(Command::ChooseSurveyPath(Purpose::ExportResponseTemplate));
            }
            if ui.button(w.plan.import).clicked() {
                cx.run(Command::ChooseSurveyPath(Purpose::ImportResponses));
            }
            if ui.button(w.plan.import_forms).clicked() {
                cx.run(Command::ChooseSurveyPath(Purpose::ImportResponseForms));
            }
        });
        let q = self.questionnaire(set);
        let count = q.factors().count();
        egui::CollapsingHeader::new(crate::core::i18n::fill(
            w.plan.preview,
            &[("count", &count.to_string())],
        ))
        .id_salt("questionnaire-preview-header")
        .show(ui, |ui| preview(ui, &q));
        ui.separator();
        ui.heading(w.plan.imported);
        if self.imports.is_empty() {
            ui.label(w.plan.no_responses);
        }
        for r in &self.imports {
            let lost = r.losses().count();
            let file = r
                .file
                .as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            ui.label(crate::core::i18n::fill(
                w.figures.read,
                &[
                    ("rows", &r.rows.len().to_string()),
                    ("file", &file),
                    ("lost", &lost.to_string()),
                ],
            ));
            if !r.issues.is_empty() {
                egui::CollapsingHeader::new(format!("{} ({})", w.figures.not_used, r.issues.len()))
                    .id_salt(("issues", &file))
                    .show(ui, |ui| {
                        for issue in r.issues.iter().take(200) {
                            let line = issue_line(issue, cx.lang);
                            if issue.loses_answers() {
                                ui.colored_label(ui.visuals().warn_fg_color, line);
                            } else {
                                ui.small(line);
                            }
                        }
                        if r.issues.len() > 200 {
                            ui.small(format!("… +{}", r.issues.len() - 200));
                        }
                    });
            }
        }
        if let Some(figures) = &self.figures {
            figures::show(ui, cx, figures, set, &self.plan);
        }
    }
}

/// The questionnaire's factors in journey order, as the customer reads them.
fn preview(ui: &mut egui::Ui, q: &Questionnaire) {
    egui::Grid::new("questionnaire-preview")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for section in &q.sections {
                ui.strong(section.name.join(" / "));
                ui.end_row();
                for item in &section.items {
                    ui.small(&item.factor);
                    ui.label(item.wording.join(" / "));
                    ui.small("1–5 · 1–5");
                    ui.end_row();
                }
            }
        });
}
