//! The menu bar: File, Edit, View, Help. Every item runs a [`Command`] and
//! says the command's own label and first shortcut.

use crate::core::model::Language;
use crate::core::templates;
use crate::gui::state::{AppState, Command, Document, Theme, View};
use crate::gui::views::Cx;

fn item(ui: &mut egui::Ui, cx: &mut Cx, command: Command, enabled: bool) {
    let label = command.label(cx.words()).unwrap_or_default();
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
                item(ui, cx, Command::New, true);
                ui.menu_button(t.new_from_template, |ui| {
                    for template in templates::TEMPLATES {
                        let label = format!("{} ({})", template.title(), template.name);
                        if ui.button(label).clicked() {
                            cx.run(Command::NewFromTemplate(template.name));
                            ui.close();
                        }
                    }
                });
                item(ui, cx, Command::Open, true);
                item(ui, cx, Command::OpenSample, true);
                item(ui, cx, Command::OpenSampleChain, true);
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
                item(ui, cx, Command::Save, true);
                item(ui, cx, Command::SaveAs, true);
                item(ui, cx, Command::Export, true);
                ui.separator();
                item(ui, cx, Command::Approve, true);
                item(ui, cx, Command::CompareWith, true);
                ui.separator();
                item(ui, cx, Command::Quit, true);
            });
            ui.menu_button(t.edit, |ui| {
                let (undo, redo) = (doc.can_undo(), doc.can_redo());
                item(ui, cx, Command::Undo, undo);
                item(ui, cx, Command::Redo, redo);
                item(ui, cx, Command::Find, true);
                ui.separator();
                item(ui, cx, Command::AddContactPoint, true);
                let selected = has_selection;
                item(ui, cx, Command::Duplicate, selected);
                item(ui, cx, Command::Delete, selected);
                item(ui, cx, Command::MoveUp, selected);
                item(ui, cx, Command::MoveDown, selected);
            });
            let it = cx.inspect_texts();
            ui.menu_button(it.menu, |ui| {
                item(ui, cx, Command::StartInspection, true);
                item(ui, cx, Command::ResumeInspection, true);
                ui.separator();
                item(ui, cx, Command::ShowView(View::Results), true);
                item(ui, cx, Command::ShowView(View::Chain), true);
                item(ui, cx, Command::AddInspection, true);
                item(ui, cx, Command::ImportSurvey, true);
                item(ui, cx, Command::ImportFilledChecklist, true);
                item(ui, cx, Command::Report, true);
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
                for theme in [Theme::Light, Theme::Dark, Theme::System] {
                    let command = Command::SetTheme(theme);
                    let label = command.label(cx.words()).unwrap_or_default();
                    if ui.radio(state.theme == theme, label).clicked() {
                        cx.run(Command::SetTheme(theme));
                        ui.close();
                    }
                }
            });
            ui.menu_button(t.help, |ui| {
                item(ui, cx, Command::ShowMethod, true);
                item(ui, cx, Command::ShowShortcuts, true);
                item(ui, cx, Command::ShowAbout, true);
            });
        });
    });
}
