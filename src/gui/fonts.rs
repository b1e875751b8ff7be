//! Installs the bundled CJK face of the interface's script as the last
//! fallback of egui's font families: Noto Sans CJK TC for a traditional-Chinese
//! interface (Taiwan's glyph forms and its centred punctuation, as its PDFs
//! have them), SC otherwise. Both subsets hold the same characters, so either
//! draws every word of either script; only one is loaded at a time.

use std::sync::Arc;

use crate::core::model::Language;
use crate::export::fonts::{CJK_REGULAR, CJK_TC_REGULAR};

/// The name egui knows the CJK face by, per script.
fn face(lang: Language) -> (&'static str, &'static [u8]) {
    match lang {
        Language::ZhTw => ("noto-sans-cjk-tc", CJK_TC_REGULAR),
        Language::ZhCn | Language::En => ("noto-sans-cjk-sc", CJK_REGULAR),
    }
}

/// egui's own faces, then the CJK face of `lang`'s script, in both families.
#[must_use]
pub fn definitions(lang: Language) -> egui::FontDefinitions {
    let (name, bytes) = face(lang);
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        name.to_owned(),
        Arc::new(egui::FontData::from_static(bytes)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(name.to_owned());
    }
    fonts
}

/// Gives egui the fonts of an interface in `lang`, from the next pass on.
pub fn install(ctx: &egui::Context, lang: Language) {
    ctx.set_fonts(definitions(lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cjk_faces(lang: Language) -> Vec<String> {
        definitions(lang).families[&egui::FontFamily::Proportional]
            .iter()
            .filter(|f| f.starts_with("noto-sans-cjk"))
            .cloned()
            .collect()
    }

    #[test]
    fn a_traditional_chinese_interface_draws_with_the_traditional_face_alone() {
        assert_eq!(cjk_faces(Language::ZhTw), ["noto-sans-cjk-tc"]);
        assert_eq!(cjk_faces(Language::ZhCn), ["noto-sans-cjk-sc"]);
        assert_eq!(cjk_faces(Language::En), ["noto-sans-cjk-sc"]);
    }

    #[test]
    fn the_cjk_face_comes_after_egui_s_own_so_latin_text_keeps_its_face() {
        for lang in [Language::ZhTw, Language::ZhCn, Language::En] {
            let defs = definitions(lang);
            let family = &defs.families[&egui::FontFamily::Proportional];
            assert!(family.len() > 1, "{family:?}");
            assert!(family.last().unwrap().starts_with("noto-sans-cjk"));
        }
    }
}
