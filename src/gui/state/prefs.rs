//! What the window remembers between runs: language, theme, recent files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::model::Language;

/// What is remembered between runs: never the document itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub ui_language: Language,
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
    /// The folder of the last file chosen or written, where choosers open.
    pub last_folder: Option<PathBuf>,
    /// The site and inspector of the last visit started, per set (keyed by
    /// [`set_key`]): an auditor visits the same site under the same name
    /// again and again, and the start form offers them.
    pub last_visit: BTreeMap<String, LastVisit>,
    /// The folder the last export was written to: the next one goes there.
    pub export_folder: Option<PathBuf>,
}

/// Who inspected where, the last time a visit of a set was started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastVisit {
    pub site: String,
    pub inspector: String,
}

/// The key [`AppState::last_visit`] remembers a set by: its file (as
/// absolute), or the title of a set never saved (the embedded samples).
#[must_use]
pub fn set_key(path: Option<&Path>, title: &str) -> String {
    match path {
        Some(path) => crate::core::storage::scan::canonical(path)
            .display()
            .to_string(),
        None => format!("title:{title}"),
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            ui_language: crate::core::i18n::locale::from_env(),
            theme: Theme::System,
            recent: Vec::new(),
            last_folder: None,
            last_visit: BTreeMap::new(),
            export_folder: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
    System,
}

/// The smallest text the window draws, in points: its small text, and the
/// labels painted on charts.
pub const SMALLEST: f32 = 12.0;

/// Applies the theme preference, with a light theme whose fields can be
/// seen: egui's draws white fields without a border on a near-white panel.
pub fn apply_theme(ctx: &egui::Context, theme: Theme) {
    ctx.style_mut_of(egui::Theme::Light, |style| {
        let visuals = &mut style.visuals;
        visuals.panel_fill = egui::Color32::from_gray(240);
        visuals.window_fill = egui::Color32::from_gray(246);
        visuals.extreme_bg_color = egui::Color32::WHITE;
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(150));
        visuals.widgets.hovered.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(90));
    });
    // egui's small text is 9 points: the walk read sites files, notes and
    // chart labels at about 7 px. Nothing in the window is under 12.
    ctx.all_styles_mut(|style| {
        style
            .text_styles
            .insert(egui::TextStyle::Small, egui::FontId::proportional(SMALLEST));
    });
    ctx.set_theme(match theme {
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
        Theme::System => egui::ThemePreference::System,
    });
}
