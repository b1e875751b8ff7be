//! The menu bar: File, Edit, View, Help. Every item runs a [`Command`].

use crate::core::model::Language;
use crate::core::templates;
use crate::gui::app::{AppState, Command, Document, Theme};
use crate::gui::views::Cx;

fn item(ui: &mut egui::Ui, cx: &mut Cx, label: &str, command: Command, enabled: bool) {
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s));
    let mut button = egui::Button::new(label);
    if let Some(text) = shortcut {
        button = button.shortcut_text(text);
    }
    if ui.add_enabled(enabled, button).clicked() {
        cx.run(command);
        ui.close();
    }
}

/// Draws the menu bar; `has_selection` enables the commands on the selected item.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, state: &AppState, doc: &Document, has_selection: bool) {
    let t = cx.texts();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                item(ui, cx, t.new, Command::New, true);
                ui.menu_button(t.new_from_template, |ui| {
                    for template in templates::TEMPLATES {
                        let label = format!("{} ({})", template.title(), template.name);
                        if ui.button(label).clicked() {
                            cx.run(Command::NewFromTemplate(template.name));
                            ui.close();
                        }
                    }
                });
                item(ui, cx, t.open, Command::Open, true);
                ui.menu_button(t.open_recent, |ui| {
                    if state.recent.is_empty() {
                        ui.label(t.no_recent);
                    }
                    for path in state.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            cx.run(Command::OpenPath(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                item(ui, cx, t.save, Command::Save, true);
                item(ui, cx, t.save_as, Command::SaveAs, true);
                item(ui, cx, t.export, Command::Export, true);
                ui.separator();
                item(ui, cx, t.revisions.approve, Command::Approve, true);
                item(ui, cx, t.revisions.compare_with, Command::CompareWith, true);
                ui.separator();
                item(ui, cx, t.quit, Command::Quit, true);
            });
            ui.menu_button(t.edit, |ui| {
                let (undo, redo) = (doc.can_undo(), doc.can_redo());
                item(ui, cx, t.undo, Command::Undo, undo);
                item(ui, cx, t.redo, Command::Redo, redo);
                item(ui, cx, t.find, Command::Find, true);
                ui.separator();
                item(ui, cx, t.add_contact_point, Command::AddContactPoint, true);
                let selected = has_selection;
                item(ui, cx, t.duplicate, Command::Duplicate, selected);
                item(ui, cx, t.delete, Command::Delete, selected);
                item(ui, cx, t.move_up, Command::MoveUp, selected);
                item(ui, cx, t.move_down, Command::MoveDown, selected);
            });
            let it = cx.inspect_texts();
            ui.menu_button(it.menu, |ui| {
                item(ui, cx, it.new_inspection, Command::StartInspection, true);
                item(
                    ui,
                    cx,
                    it.resume_inspection,
                    Command::ResumeInspection,
                    true,
                );
                ui.separator();
                item(
                    ui,
                    cx,
                    it.results,
                    Command::ShowView(crate::gui::app::View::Results),
                    true,
                );
                item(ui, cx, it.add_inspection, Command::AddInspection, true);
                item(ui, cx, it.import_survey, Command::ImportSurvey, true);
                item(ui, cx, it.report, Command::Report, true);
            });
            ui.menu_button(t.view, |ui| {
                ui.label(t.language);
                for lang in Language::ALL {
                    if ui.radio(cx.lang == lang, lang.native_name()).clicked() {
                        cx.run(Command::SetLanguage(lang));
                        ui.close();
                    }
                }
                ui.separator();
                ui.label(t.theme);
                for (theme, label) in [
                    (Theme::Light, t.theme_light),
                    (Theme::Dark, t.theme_dark),
                    (Theme::System, t.theme_system),
                ] {
                    if ui.radio(state.theme == theme, label).clicked() {
                        cx.run(Command::SetTheme(theme));
                        ui.close();
                    }
                }
            });
            ui.menu_button(t.help, |ui| {
                item(ui, cx, t.the_method, Command::ShowMethod, true);
                item(ui, cx, t.shortcuts, Command::ShowShortcuts, true);
                item(ui, cx, t.about, Command::ShowAbout, true);
            });
        });
    });
}
