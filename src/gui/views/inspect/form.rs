//! The form that starts an inspection: site, inspector, the way of
//! checking, the contact points in scope and the record's file.

use std::path::{Path, PathBuf};

use super::FAIL_COLOR;
use crate::core::chain::sites::{self, Site, Sites};
use crate::core::i18n::InspectTexts;
use crate::core::inspection::{self, Inspection};
use crate::core::model::{Monitoring, StandardsSet};
use crate::core::storage::scan;
use crate::gui::state::Command;
use crate::gui::views::Cx;

/// The form that starts an inspection.
#[derive(Clone, Debug, PartialEq)]
pub struct StartForm {
    pub site: String,
    pub inspector: String,
    pub method: Monitoring,
    /// Contact points: (ID, name, inspected).
    pub scope: Vec<(String, String, bool)>,
    pub path: String,
    pub error: Option<String>,
    /// A follow-up visit: only these standards (those with open actions).
    pub only: Vec<String>,
    /// The chain's register beside the set (the sample's, built in), that
    /// the site is picked from.
    pub sites: Sites,
    /// Where a site added here is saved; `None` for a set never saved.
    pub sites_file: Option<PathBuf>,
    /// Why the register could not be read, if it could not.
    pub sites_problem: Option<String>,
    /// The site picked from the register, by ID.
    pub site_id: Option<String>,
    /// "Site added to …" once one was.
    pub site_note: Option<String>,
    /// The record's name as the form proposed it: taken meanwhile (another
    /// visit started the same second), the next free one is used; a name
    /// the auditor typed that exists is refused, never overwritten.
    pub proposed: String,
}

impl StartForm {
    #[must_use]
    /// The form for `set` at `set_path`; a set never saved puts its records
    /// in `folder`. The record's name carries the date and time, and never
    /// names a file that exists.
    pub fn new(
        set: &StandardsSet,
        set_path: Option<&Path>,
        folder: &Path,
        now: jiff::civil::DateTime,
    ) -> Self {
        let name = scan::path_beside(
            &set.title,
            set_path,
            folder,
            &format!(
                "-{}{}",
                now.strftime("%Y-%m-%d-%H%M%S"),
                inspection::EXTENSION
            ),
        );
        let path = scan::unique_path(&name, inspection::EXTENSION);
        Self {
            proposed: path.clone(),
            site: String::new(),
            inspector: String::new(),
            method: Monitoring::SupervisorPatrol,
            scope: set
                .contact_points
                .iter()
                .map(|c| (c.id.clone(), c.name.clone(), true))
                .collect(),
            path,
            error: None,
            only: Vec::new(),
            sites: Sites::new(),
            sites_file: None,
            sites_problem: None,
            site_id: None,
            site_note: None,
        }
        .with_register(set, set_path)
    }

    /// Reads the register beside the set (the sample's built in for the
    /// embedded sample); a register that cannot be read is said, and no
    /// site is added over it.
    fn with_register(mut self, set: &StandardsSet, set_path: Option<&Path>) -> Self {
        match set_path {
            Some(path) => match sites::load_beside(path) {
                Ok(found) => {
                    self.sites = found.map_or_else(Sites::new, |l| l.document);
                    self.sites_file = Some(sites::path_for(path));
                }
                Err(e) => self.sites_problem = Some(e.to_string()),
            },
            None => {
                let sample = crate::core::templates::TEMPLATES
                    .first()
                    .is_some_and(|t| t.title() == set.title);
                if sample
                    && let Ok(register) = crate::core::storage::parse::<Sites>(
                        crate::core::chain::sample::SAMPLE_SITES,
                    )
                {
                    self.sites = register;
                }
            }
        }
        self
    }

    /// Picks a registered site.
    pub fn pick(&mut self, site: &Site) {
        self.site.clone_from(&site.name);
        self.site_id = Some(site.id.clone());
    }

    /// Adds the typed site to the register, saved beside the set, and picks
    /// it: one step.
    ///
    /// # Errors
    /// The register cannot be written (the message says why).
    pub fn add_site(&mut self, lang: crate::core::model::Language) -> Result<(), String> {
        let Some(file) = self.sites_file.clone() else {
            return Ok(());
        };
        let site = Site {
            id: self.sites.next_id(),
            name: self.site.trim().to_owned(),
            ..Site::default()
        };
        let mut register = self.sites.clone();
        register.sites.push(site.clone());
        sites::save(&file, &register).map_err(|e| e.to_string())?;
        self.sites = register;
        self.pick(&site);
        self.site_note = Some(crate::core::i18n::fill(
            crate::core::i18n::chain::chain_words(lang).site_added,
            &[("file", &file.display().to_string())],
        ));
        Ok(())
    }

    /// The record this form describes, stored at `path`.
    #[must_use]
    pub fn record(
        &self,
        set: &StandardsSet,
        set_path: Option<&Path>,
        path: &Path,
        when: jiff::civil::DateTime,
    ) -> Inspection {
        // A set never saved (the embedded sample) records no path: the record
        // then names the built-in template by its title.
        let mut record = Inspection::new(set, set_path, path, when);
        self.site.trim().clone_into(&mut record.site);
        // The site picked, else the registered one of the name typed.
        record.site_id = self
            .site_id
            .clone()
            .filter(|id| self.sites.get(id).is_some_and(|s| s.name == record.site))
            .or_else(|| self.sites.by_name(&record.site).map(|s| s.id.clone()));
        self.inspector.trim().clone_into(&mut record.inspector);
        record.method = self.method;
        record.check_only(&self.only);
        if self.scope.iter().any(|(_, _, on)| !on) {
            record.scope = self
                .scope
                .iter()
                .filter(|(_, _, on)| *on)
                .map(|(id, _, _)| id.clone())
                .collect();
        }
        record
    }
}

pub(super) fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    start: &mut Option<StartForm>,
    set: &StandardsSet,
    t: &InspectTexts,
) {
    let lang = cx.lang;
    ui.set_max_width(720.0);
    // Started on a tablet too: touch-sized.
    crate::gui::views::touch_sized(ui);
    ui.heading(t.start_title);
    ui.label(t.start_intro);
    ui.add_space(8.0);
    ui.strong(&set.title);
    let Some(form) = start else {
        return;
    };
    let field = |ui: &mut egui::Ui, label: &str, value: &mut String| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(l.id);
    };
    site_picker(ui, lang, form);
    field(ui, t.inspector, &mut form.inspector);
    // Where the record goes, before the long list of contact points: at
    // 1024 × 768 it fell below the fold, under the Start button's bar.
    field(ui, t.record_file, &mut form.path);
    // The "fill in both" message goes once both are filled.
    if form.error.as_deref() == Some(t.need_site_and_inspector)
        && !form.site.trim().is_empty()
        && !form.inspector.trim().is_empty()
    {
        form.error = None;
    }
    ui.label(t.method);
    ui.horizontal_wrapped(|ui| {
        for m in Monitoring::ALL {
            ui.radio_value(&mut form.method, m, m.label(lang));
        }
    });
    ui.add_space(4.0);
    ui.label(t.scope);
    for (id, name, on) in &mut form.scope {
        ui.checkbox(on, format!("{id} {name}"));
    }
}

/// The site: typed, and picked from the register as one types (the sites
/// whose name, ID, region or manager holds what is typed); a name the
/// register lacks is added with one click.
fn site_picker(ui: &mut egui::Ui, lang: crate::core::model::Language, form: &mut StartForm) {
    let w = crate::core::i18n::chain::chain_words(lang);
    let l = ui.label(w.pick_site);
    let typed = ui
        .add(
            egui::TextEdit::singleline(&mut form.site)
                .hint_text(w.pick_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    if typed.changed() {
        form.site_note = None;
    }
    if let Some(problem) = &form.sites_problem {
        ui.colored_label(FAIL_COLOR, problem);
        return;
    }
    let exact = form.sites.by_name(&form.site).cloned();
    let mut picked = None;
    if exact.is_none() && !form.sites.sites.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for site in form.sites.matching(&form.site).take(8) {
                let label = if site.region.is_empty() {
                    format!("{} · {}", site.name, site.id)
                } else {
                    format!("{} · {} · {}", site.name, site.id, site.region)
                };
                if ui.button(label).clicked() {
                    picked = Some(site.clone());
                }
            }
        });
    }
    if let Some(site) = exact.as_ref().or(picked.as_ref()) {
        form.pick(site);
    }
    let can_add = exact.is_none()
        && picked.is_none()
        && form.sites_file.is_some()
        && !form.site.trim().is_empty();
    if can_add
        && ui
            .button(format!("+ {} “{}”", w.add_site, form.site.trim()))
            .on_hover_text(w.add_site_tooltip)
            .clicked()
        && let Err(error) = form.add_site(lang)
    {
        form.error = Some(error);
    }
    if let Some(note) = &form.site_note {
        ui.small(note);
    }
}

/// What the form asks of the auditor (the error, Start, Resume): kept in
/// a bottom panel, in view and within a thumb's reach however long the
/// list of contact points above is.
pub(super) fn buttons(ui: &mut egui::Ui, cx: &mut Cx, start: Option<&StartForm>) {
    crate::gui::views::touch_sized(ui);
    ui.add_space(6.0);
    if let Some(error) = start.and_then(|f| f.error.as_ref()) {
        ui.colored_label(FAIL_COLOR, error);
    }
    ui.horizontal(|ui| {
        cx.button(ui, Command::BeginInspection);
        cx.button(ui, Command::ResumeInspection);
    });
    ui.add_space(6.0);
}
