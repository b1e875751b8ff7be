//! Installs the bundled CJK font as the last fallback of egui's font families.

use std::sync::Arc;

use crate::export::fonts::CJK_REGULAR;

/// Adds the CJK font as the last fallback of both font families.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-cjk".to_owned(),
        Arc::new(egui::FontData::from_static(CJK_REGULAR)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans-cjk".to_owned());
    }
    ctx.set_fonts(fonts);
}
