//! The guided start: four pages, one per step of the method, that build a new
//! set from nothing or from a template and end in the normal editor.

use std::collections::HashMap;

use crate::core::check::assess;
use crate::core::dates;
use crate::core::i18n::Texts;
use crate::core::model::{ItemPath, Language, Standard, StandardKind, StandardsSet};
use crate::core::templates;

/// The wizard's own state: the set being built and the text of the add fields.
#[derive(Clone, Debug)]
pub struct Wizard {
    pub page: usize,
    pub set: StandardsSet,
    /// The template the set started from, `None` for a blank set.
    pub template: Option<&'static str>,
    /// Text typed into each "new …" field, by the ID of the parent (`""` for the set).
    inputs: HashMap<String, String>,
    /// Who is responsible for the standards added on the last page: every
    /// new standard gets this owner role, each can be changed on its row.
    pub owner_role: String,
    /// The page whose first "new …" field was given the focus: a page
    /// opens ready for typing.
    focused_page: Option<usize>,
    /// Set for one frame: the next "new …" field drawn takes the focus.
    focus_next_field: bool,
}

/// What the wizard asks the app to do after a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Continue,
    Cancel,
    Finish(Box<StandardsSet>),
}

pub const PAGES: usize = 4;

impl Wizard {
    #[must_use]
    pub fn blank(language: Language, today: jiff::civil::Date) -> Self {
        let title = crate::core::i18n::texts(language).new_set_title;
        let mut set = StandardsSet::new(title, language);
        set.next_review = dates::next_review_after(today);
        Self {
            page: 0,
            set,
            template: None,
            inputs: HashMap::new(),
            owner_role: String::new(),
            focused_page: None,
            focus_next_field: false,
        }
    }

    /// Whether the current page has something on it, which Next requires.
    #[must_use]
    pub fn page_filled(&self) -> bool {
        let c = self.set.counts();
        match self.page {
            0 => c.contact_points > 0,
            1 => c.steps > 0,
            2 => c.factors > 0,
            _ => c.standards > 0,
        }
    }

    fn input(&mut self, parent: &str) -> &mut String {
        self.inputs.entry(parent.to_owned()).or_default()
    }

    /// Adds what was typed into this page's "new …" fields but not yet
    /// added (Next or Finish pressed with text still in a field): what the
    /// user typed is never lost by leaving the page.
    pub fn add_typed(&mut self) {
        let mut typed: Vec<(String, String)> = self
            .inputs
            .iter_mut()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(parent, text)| (parent.clone(), std::mem::take(text).trim().to_owned()))
            .collect();
        typed.sort();
        for (parent, text) in typed {
            if parent.is_empty() {
                if self.page == 0 {
                    self.set.add_contact_point(&text);
                }
                continue;
            }
            let Some(at) = self.set.locate(&parent) else {
                continue;
            };
            let fits = matches!(
                (self.page, at),
                (1, ItemPath::ContactPoint(..))
                    | (2, ItemPath::Step(..))
                    | (3, ItemPath::Factor(..))
            );
            if fits && let Some(added) = self.set.add_child(at, &text) {
                self.new_standard_defaults(added, &text);
            }
        }
    }

    /// A standard just added at `path`: the kind the checker reads from its
    /// text (procedure when it cannot tell), checked as that kind usually
    /// is, owned by the page's owner role.
    fn new_standard_defaults(&mut self, path: ItemPath, text: &str) {
        if let ItemPath::Standard(c, s, f, i) = path {
            let new = &mut self.set.contact_points[c].steps[s].factors[f].standards[i];
            new.kind = crate::core::check::suggest_kind(text).unwrap_or(new.kind);
            new.monitoring = new.kind.default_monitoring();
            new.owner_role.clone_from(&self.owner_role);
        }
    }
}

/// A labelled "new …" field with an Add button; returns the text when added.
fn add_field(
    ui: &mut egui::Ui,
    wizard: &mut Wizard,
    parent: &str,
    label: &str,
    t: &Texts,
) -> Option<String> {
    let mut added = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let take_focus = std::mem::take(&mut wizard.focus_next_field);
        let text = wizard.input(parent);
        // A stable ID: the item added above the field moves it down, and a
        // field whose ID follows its position would lose the focus, so the
        // next item typed would go nowhere.
        let width = (ui.available_width() - 80.0).clamp(160.0, 480.0);
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .id_salt(("wizard-add", parent))
                    .desired_width(width),
            )
            .labelled_by(l.id);
        if take_focus {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(!text.trim().is_empty(), egui::Button::new(t.add))
            .clicked();
        if (enter || clicked) && !text.trim().is_empty() {
            added = Some(std::mem::take(text).trim().to_owned());
            // Ready for the next one, after Enter and after a click on Add.
            response.request_focus();
        }
    });
    added
}

/// One row of an item with its remove button.
/// What a row's buttons asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowAction {
    Remove,
    /// Move by -1 (up) or +1 (down) among its siblings.
    Move(isize),
}

/// A small icon button whose accessible name (what a screen reader says and
/// a test finds) is `name`; the icon alone is drawn, the name on hover.
fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str) -> bool {
    let response = ui.small_button(icon).on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}

/// One item of a list on a wizard page: ↑ ↓ to reorder and × to remove,
/// first, so that a long text wraps after them and never pushes them away.
fn item_row(ui: &mut egui::Ui, text: &str, t: &Texts) -> Option<RowAction> {
    ui.horizontal_top(|ui| {
        let mut action = None;
        if icon_button(ui, "↑", &format!("↑ {text}")) {
            action = Some(RowAction::Move(-1));
        }
        if icon_button(ui, "↓", &format!("↓ {text}")) {
            action = Some(RowAction::Move(1));
        }
        if icon_button(ui, "×", &format!("{} {text}", t.remove)) {
            action = Some(RowAction::Remove);
        }
        ui.add(egui::Label::new(text).wrap());
        action
    })
    .inner
}

/// A standard's row on the last page: ↑ ↓ × as on the other pages, then
/// its text in a field, to be corrected where it stands.
fn standard_row(ui: &mut egui::Ui, text: &mut String, t: &Texts) -> Option<RowAction> {
    let name = text.clone();
    ui.horizontal_top(|ui| {
        let mut action = None;
        if icon_button(ui, "↑", &format!("↑ {name}")) {
            action = Some(RowAction::Move(-1));
        }
        if icon_button(ui, "↓", &format!("↓ {name}")) {
            action = Some(RowAction::Move(1));
        }
        if icon_button(ui, "×", &format!("{} {name}", t.remove)) {
            action = Some(RowAction::Remove);
        }
        let edit = egui::TextEdit::multiline(text)
            .desired_rows(1)
            .desired_width(ui.available_width());
        ui.add(edit)
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        action
    })
    .inner
}

/// Applies a row's action to the item at `path`.
fn apply(set: &mut crate::core::model::StandardsSet, path: ItemPath, action: RowAction) {
    match action {
        RowAction::Remove => {
            set.delete(path);
        }
        RowAction::Move(delta) => {
            let _ = set.move_by(path, delta);
        }
    }
}

pub fn show(wizard: &mut Wizard, ui: &mut egui::Ui, t: &Texts, lang: Language) -> Outcome {
    let mut outcome = Outcome::Continue;
    if wizard.focused_page != Some(wizard.page) {
        wizard.focused_page = Some(wizard.page);
        wizard.focus_next_field = true;
    }
    ui.heading(t.wizard_title);
    ui.horizontal(|ui| {
        for (i, name) in t.wizard_pages.iter().enumerate() {
            let text = egui::RichText::new(format!("{} {name}", i + 1));
            ui.label(if i == wizard.page {
                text.strong().underline()
            } else {
                text.weak()
            });
            if i + 1 < PAGES {
                ui.label("→");
            }
        }
    });
    ui.add(
        egui::ProgressBar::new((wizard.page + 1) as f32 / PAGES as f32)
            .text(format!("{}/{PAGES}", wizard.page + 1)),
    );
    ui.separator();
    let questions = [t.q_contact_points, t.q_steps, t.q_factors, t.q_standards];
    ui.label(egui::RichText::new(questions[wizard.page]).strong());
    ui.add_space(6.0);

    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 60.0)
        .auto_shrink([false, false])
        .show(ui, |ui| match wizard.page {
            0 => sequence_page(wizard, ui, t),
            1 => steps_page(wizard, ui, t),
            2 => factors_page(wizard, ui, t),
            _ => standards_page(wizard, ui, t, lang),
        });

    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(wizard.page > 0, egui::Button::new(t.back))
            .clicked()
        {
            wizard.page -= 1;
        }
        let filled = wizard.page_filled();
        if wizard.page + 1 < PAGES {
            if ui.add_enabled(filled, egui::Button::new(t.next)).clicked() {
                wizard.add_typed();
                wizard.page += 1;
            }
        } else if ui
            .add_enabled(filled, egui::Button::new(t.finish))
            .clicked()
        {
            wizard.add_typed();
            outcome = Outcome::Finish(Box::new(wizard.set.clone()));
        }
        if ui.button(t.cancel).clicked() {
            outcome = Outcome::Cancel;
        }
        if !filled {
            ui.label(egui::RichText::new(t.wizard_empty).weak());
        }
    });
    outcome
}

fn sequence_page(wizard: &mut Wizard, ui: &mut egui::Ui, t: &Texts) {
    ui.horizontal_wrapped(|ui| {
        ui.label(t.wizard_start);
        if ui
            .radio(wizard.template.is_none(), t.wizard_blank)
            .clicked()
            && wizard.template.is_some()
        {
            *wizard = Wizard::blank(wizard.set.language, crate::core::dates::today());
        }
        for template in templates::TEMPLATES {
            // What it is in the user's language, then its own title (in
            // the template's language, as the set will be).
            let label = match t.template_kinds.of(template.name) {
                Some(kind) => crate::core::i18n::fill(
                    t.template_kinds.choice,
                    &[("kind", kind), ("title", template.title())],
                ),
                None => template.title().to_owned(),
            };
            if ui
                .radio(wizard.template == Some(template.name), label)
                .clicked()
            {
                wizard.set = crate::core::templates::fresh_from(
                    &template.set(),
                    crate::core::dates::today(),
                );
                wizard.template = Some(template.name);
            }
        }
    });
    let l = ui.label(t.title);
    ui.add(egui::TextEdit::singleline(&mut wizard.set.title).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    ui.add_space(6.0);
    let mut remove = None;
    let mut shift = None;
    for (c, cp) in wizard.set.contact_points.iter().enumerate() {
        match item_row(ui, &format!("{}. {}", c + 1, cp.name), t) {
            Some(RowAction::Move(delta)) => shift = Some((c, delta)),
            Some(RowAction::Remove) => remove = Some(c),
            None => {}
        }
    }
    if let Some(c) = remove {
        wizard.set.delete(ItemPath::ContactPoint(c));
    }
    if let Some((c, delta)) = shift {
        wizard.set.move_by(ItemPath::ContactPoint(c), delta);
    }
    if let Some(name) = add_field(ui, wizard, "", t.new_contact_point, t) {
        wizard.set.add_contact_point(&name);
    }
}

fn steps_page(wizard: &mut Wizard, ui: &mut egui::Ui, t: &Texts) {
    for c in 0..wizard.set.contact_points.len() {
        let cp = wizard.set.contact_points[c].clone();
        ui.strong(format!("{}. {}", c + 1, cp.name));
        ui.indent(("steps", &cp.id), |ui| {
            let mut action = None;
            for (s, step) in cp.steps.iter().enumerate() {
                if let Some(a) = item_row(ui, &step.name, t) {
                    action = Some((s, a));
                }
            }
            if let Some((s, a)) = action {
                apply(&mut wizard.set, ItemPath::Step(c, s), a);
            }
            if let Some(name) = add_field(
                ui,
                wizard,
                &cp.id,
                &format!("{} {}", t.new_step_for, cp.name),
                t,
            ) {
                wizard.set.add_child(ItemPath::ContactPoint(c), &name);
            }
        });
    }
}

fn factors_page(wizard: &mut Wizard, ui: &mut egui::Ui, t: &Texts) {
    for c in 0..wizard.set.contact_points.len() {
        let cp = wizard.set.contact_points[c].clone();
        ui.strong(format!("{}. {}", c + 1, cp.name));
        for (s, step) in cp.steps.iter().enumerate() {
            ui.indent(("factors", &step.id), |ui| {
                ui.label(egui::RichText::new(&step.name).underline());
                let mut action = None;
                for (f, factor) in step.factors.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if let Some(a) = item_row(ui, &factor.name, t) {
                            action = Some((f, a));
                        }
                        let mut importance = factor.importance;
                        let l = ui.label(t.importance);
                        if ui
                            .add(egui::Slider::new(&mut importance, 1..=5))
                            .labelled_by(l.id)
                            .changed()
                        {
                            wizard.set.contact_points[c].steps[s].factors[f].importance =
                                importance;
                        }
                    });
                }
                if let Some((f, a)) = action {
                    apply(&mut wizard.set, ItemPath::Factor(c, s, f), a);
                }
                if let Some(name) = add_field(
                    ui,
                    wizard,
                    &step.id,
                    &format!("{} {}", t.new_factor_for, step.name),
                    t,
                ) {
                    wizard.set.add_child(ItemPath::Step(c, s), &name);
                }
            });
        }
    }
}

fn standards_page(wizard: &mut Wizard, ui: &mut egui::Ui, t: &Texts, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t.wizard_owner);
        ui.add(
            egui::TextEdit::singleline(&mut wizard.owner_role)
                .hint_text(t.wizard_owner_hint)
                .desired_width(200.0),
        )
        .labelled_by(l.id);
    });
    ui.add_space(4.0);
    for c in 0..wizard.set.contact_points.len() {
        let cp = wizard.set.contact_points[c].clone();
        ui.strong(format!("{}. {}", c + 1, cp.name));
        for (s, step) in cp.steps.iter().enumerate() {
            for (f, factor) in step.factors.iter().enumerate() {
                ui.indent(("standards", &factor.id), |ui| {
                    ui.label(
                        egui::RichText::new(format!("{} › {}", step.name, factor.name)).underline(),
                    );
                    // The field above the standards: it stays where it is
                    // as they are added below it.
                    let label = format!("{} {}", t.new_standard_for, factor.name);
                    if let Some(text) = add_field(ui, wizard, &factor.id, &label, t)
                        && let Some(path) = wizard.set.add_child(ItemPath::Factor(c, s, f), &text)
                    {
                        wizard.new_standard_defaults(path, &text);
                    }
                    let mut action = None;
                    for (i, standard) in factor.standards.iter().enumerate() {
                        let mut edited = standard.clone();
                        if let Some(a) = standard_row(ui, &mut edited.text, t) {
                            action = Some((i, a));
                        }
                        // Retyped: the kind follows the text unless the
                        // user chose it (it differs from what the old text
                        // suggested).
                        let suggested = |text: &str| {
                            crate::core::check::suggest_kind(text)
                                .unwrap_or(StandardKind::Procedure)
                        };
                        if edited.text != standard.text
                            && standard.kind == suggested(&standard.text)
                            && standard.monitoring == standard.kind.default_monitoring()
                        {
                            edited.kind = suggested(&edited.text);
                            edited.monitoring = edited.kind.default_monitoring();
                        }
                        ui.indent(("standard", &standard.id), |ui| {
                            standard_details(ui, &mut edited, t, lang);
                        });
                        if edited != *standard {
                            wizard.set.contact_points[c].steps[s].factors[f].standards[i] = edited;
                        }
                        match assess(&standard.text).vagueness {
                            Some(v) => ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!(
                                    "▲ {}",
                                    v.message(crate::core::i18n::for_set(
                                        lang,
                                        wizard.set.language
                                    ))
                                ),
                            ),
                            None => ui.colored_label(
                                egui::Color32::from_rgb(0x2e, 0x8b, 0x57),
                                format!("✓ {}", t.measurable),
                            ),
                        };
                    }
                    if let Some((i, a)) = action {
                        apply(&mut wizard.set, ItemPath::Standard(c, s, f, i), a);
                    }
                });
            }
        }
    }
}

/// The width of a standard's owner role field on the wizard's last page.
const OWNER_FIELD: f32 = 120.0;

/// A standard's kind, how it is checked and who owns it, on one wrapped row.
/// Changing the kind changes how it is checked, unless that was chosen by hand.
fn standard_details(ui: &mut egui::Ui, standard: &mut Standard, t: &Texts, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        let before = standard.kind;
        for k in StandardKind::ALL {
            ui.selectable_value(&mut standard.kind, k, k.label(lang));
        }
        if standard.kind != before && standard.monitoring == before.default_monitoring() {
            standard.monitoring = standard.kind.default_monitoring();
        }
        ui.separator();
        ui.label(t.monitoring);
        super::monitoring_checkboxes(ui, &mut standard.monitoring, lang);
        ui.separator();
        // The label and its field wrap as one: at 1024 px the label alone
        // ended the row and its field began the next.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let label = ui
            .painter()
            .layout_no_wrap(t.owner_role.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x;
        if ui.available_size_before_wrap().x
            < label + OWNER_FIELD + 2.0 * ui.spacing().item_spacing.x
        {
            ui.end_row();
        }
        let l = ui.label(t.owner_role);
        ui.add(egui::TextEdit::singleline(&mut standard.owner_role).desired_width(OWNER_FIELD))
            .labelled_by(l.id);
    });
}
