//! What the window remembers between runs: language, theme, recent files.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::core::model::Language;

/// What is remembered between runs: never the document itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub ui_language: Language,
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            ui_language: crate::core::i18n::locale::from_env(),
            theme: Theme::System,
            recent: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
    System,
}

/// Applies the theme preference.
pub fn apply_theme(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
        Theme::System => egui::ThemePreference::System,
    });
}
