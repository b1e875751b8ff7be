//! The bundled CJK font, installed as a fallback after egui's own fonts so
//! Chinese renders on machines that have no Chinese fonts.

use std::sync::Arc;

/// Noto Sans CJK SC, subset to GB2312, Big5 level 1 and Latin (see `assets/fonts/subset.py`).
pub const CJK_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");
/// The bold weight, for PDF headings.
pub const CJK_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.otf");

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
