//! The menu bar: File, Edit, View, Help. Every item runs a [`Command`].

use crate::core::model::Language;
use crate::core::templates;
use crate::gui::app::{Command, ServstdApp, Theme};

fn item(ui: &mut egui::Ui, app: &mut ServstdApp, label: &str, command: Command, enabled: bool) {
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s));
    let mut button = egui::Button::new(label);
    if let Some(text) = shortcut {
        button = button.shortcut_text(text);
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.run(command);
        ui.close();
    }
}

pub fn show(app: &mut ServstdApp, ui: &mut egui::Ui) {
    let t = app.texts();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                item(ui, app, t.new, Command::New, true);
                ui.menu_button(t.new_from_template, |ui| {
                    for template in templates::TEMPLATES {
                        let label = format!("{} ({})", template.title(), template.name);
                        if ui.button(label).clicked() {
                            app.run(Command::NewFromTemplate(template.name));
                            ui.close();
                        }
                    }
                });
                item(ui, app, t.open, Command::Open, true);
                ui.menu_button(t.open_recent, |ui| {
                    if app.state.recent.is_empty() {
                        ui.label(t.no_recent);
                    }
                    for path in app.state.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            app.run(Command::OpenPath(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                item(ui, app, t.save, Command::Save, true);
                item(ui, app, t.save_as, Command::SaveAs, true);
                item(ui, app, t.export, Command::Export, true);
                ui.separator();
                item(ui, app, t.quit, Command::Quit, true);
            });
            ui.menu_button(t.edit, |ui| {
                let (undo, redo) = (app.doc.can_undo(), app.doc.can_redo());
                item(ui, app, t.undo, Command::Undo, undo);
                item(ui, app, t.redo, Command::Redo, redo);
                item(ui, app, t.find, Command::Find, true);
                ui.separator();
                item(ui, app, t.add_contact_point, Command::AddContactPoint, true);
                let selected = app.selected_path().is_some();
                item(ui, app, t.duplicate, Command::Duplicate, selected);
                item(ui, app, t.delete, Command::Delete, selected);
                item(ui, app, t.move_up, Command::MoveUp, selected);
                item(ui, app, t.move_down, Command::MoveDown, selected);
            });
            let it = crate::core::i18n::inspect_texts(app.state.ui_language);
            ui.menu_button(it.menu, |ui| {
                item(ui, app, it.new_inspection, Command::StartInspection, true);
                item(
                    ui,
                    app,
                    it.resume_inspection,
                    Command::ResumeInspection,
                    true,
                );
                ui.separator();
                item(
                    ui,
                    app,
                    it.results,
                    Command::ShowView(crate::gui::app::View::Results),
                    true,
                );
                item(ui, app, it.add_inspection, Command::AddInspection, true);
                item(ui, app, it.import_survey, Command::ImportSurvey, true);
                item(ui, app, it.report, Command::Report, true);
            });
            ui.menu_button(t.view, |ui| {
                ui.label(t.language);
                for lang in Language::ALL {
                    if ui
                        .radio(app.state.ui_language == lang, lang.native_name())
                        .clicked()
                    {
                        app.run(Command::SetLanguage(lang));
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
                    if ui.radio(app.state.theme == theme, label).clicked() {
                        app.run(Command::SetTheme(theme));
                        ui.close();
                    }
                }
            });
            ui.menu_button(t.help, |ui| {
                item(ui, app, t.the_method, Command::ShowMethod, true);
                item(ui, app, t.shortcuts, Command::ShowShortcuts, true);
                item(ui, app, t.about, Command::ShowAbout, true);
            });
        });
    });
}
