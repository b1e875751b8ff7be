//! The plan page: the method's table of who to ask for what, each row
//! offered as a respondent group, and the plan's groups (how many, who runs
//! it, when), its second language and its threshold, saved beside the set.

use crate::core::i18n::survey_words;
use crate::core::model::{Language, StandardsSet};
use crate::core::survey::Purpose;
use crate::gui::views::Cx;

use super::SurveyView;

pub(super) fn show(ui: &mut egui::Ui, cx: &mut Cx, view: &mut SurveyView, set: &StandardsSet) {
    let w = survey_words(cx.lang);
    ui.label(w.plan.intro);
    ui.add_space(4.0);
    let mut add = None;
    egui::Grid::new("method-table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(w.plan.purpose);
            ui.strong(w.plan.respondents);
            ui.label("");
            ui.end_row();
            for purpose in Purpose::ALL {
                ui.label(w.purposes[purpose.index()]);
                ui.label(w.respondents[purpose.index()]);
                if ui.small_button(w.plan.add_row).clicked() {
                    add = Some(purpose);
                }
                ui.end_row();
            }
        });
    let mut changed = false;
    if let Some(purpose) = add {
        view.plan.add_group(purpose);
        changed = true;
    }
    ui.add_space(6.0);
    ui.strong(w.plan.groups);
    let mut remove = None;
    egui::Grid::new("plan-groups")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            // Each field is named by its column's heading, for screen readers.
            let heads: Vec<egui::Id> = [
                w.plan.group_id,
                w.plan.purpose,
                w.plan.respondents,
                w.plan.size,
                w.plan.run_by,
                w.plan.when,
            ]
            .into_iter()
            .map(|head| ui.strong(head).id)
            .collect();
            ui.label("");
            ui.end_row();
            for (i, g) in view.plan.groups.iter_mut().enumerate() {
                changed |= ui
                    .add_sized([90.0, 20.0], egui::TextEdit::singleline(&mut g.id))
                    .labelled_by(heads[0])
                    .changed();
                ui.label(w.purposes[g.purpose.index()]);
                let hint = w.respondents[g.purpose.index()];
                changed |= ui
                    .add_sized(
                        [170.0, 20.0],
                        egui::TextEdit::singleline(&mut g.respondents).hint_text(hint),
                    )
                    .labelled_by(heads[2])
                    .changed();
                changed |= ui
                    .add(egui::DragValue::new(&mut g.size).range(0..=1_000_000))
                    .labelled_by(heads[3])
                    .changed();
                changed |= ui
                    .add_sized([120.0, 20.0], egui::TextEdit::singleline(&mut g.run_by))
                    .labelled_by(heads[4])
                    .changed();
                changed |= ui
                    .add_sized([120.0, 20.0], egui::TextEdit::singleline(&mut g.when))
                    .labelled_by(heads[5])
                    .changed();
                if ui.small_button(w.plan.remove).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        view.plan.groups.remove(i);
        changed = true;
    }
    ui.horizontal(|ui| {
        let l = ui.label(w.plan.second_language);
        let current = view.plan.second_language;
        let text = current.map_or(w.plan.none, Language::native_name);
        egui::ComboBox::from_id_salt("second-language")
            .selected_text(text)
            .show_ui(ui, |ui| {
                changed |= ui
                    .selectable_value(&mut view.plan.second_language, None, w.plan.none)
                    .changed();
                for lang in Language::ALL.into_iter().filter(|l| *l != set.language) {
                    changed |= ui
                        .selectable_value(
                            &mut view.plan.second_language,
                            Some(lang),
                            lang.native_name(),
                        )
                        .changed();
                }
            })
            .response
            .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        let l = ui.label(w.plan.min_answers);
        changed |= ui
            .add(egui::DragValue::new(&mut view.plan.min_answers).range(1..=10_000))
            .labelled_by(l.id)
            .changed();
    });
    if !view.plan.columns.is_empty() {
        egui::CollapsingHeader::new(format!(
            "{} ({})",
            w.plan.columns_mapped,
            view.plan.columns.len()
        ))
        .show(ui, |ui| {
            for (from, to) in &view.plan.columns {
                ui.small(format!("{from} → {to}"));
            }
        });
    }
    if changed {
        view.saved = false;
        // The threshold and the groups change what the figures say.
        view.recompute();
    }
    ui.horizontal(|ui| {
        let can_save = view.plan_path.is_some();
        if ui
            .add_enabled(can_save, egui::Button::new(w.plan.save))
            .clicked()
        {
            view.save_plan();
        }
        if !can_save {
            ui.small(w.plan.no_file);
        } else if view.saved {
            ui.small(w.plan.saved);
        }
    });
}
