//! The training-card layout: one card per contact point, "what good looks like".

use super::page::{ACCENT, BLACK, GREY, Writer};
use super::{colon, continued, monitoring_text, tag, target_text};
use crate::core::i18n::Labels;
use crate::core::model::{ContactPoint, Language, StandardKind, StandardsSet};
use crate::export::layout::items::{Paint, Weight};

fn dots(importance: u8) -> String {
    (1..=5)
        .map(|i| if i <= importance { '●' } else { '○' })
        .collect()
}

fn kind_tag(kind: StandardKind, lang: Language) -> String {
    tag(lang, kind.label(lang))
}

pub(super) fn cards(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    bookmarks: &mut Vec<(String, usize)>,
) {
    for (c, cp) in set.contact_points.iter().enumerate() {
        w.new_page();
        bookmarks.push((format!("{}. {}", c + 1, cp.name), w.page_number()));
        let title = format!("{} · {}. {}", l.training_card, c + 1, cp.name);
        w.continued = None;
        w.paragraph(0.0, &title, 16.0, Weight::Bold, ACCENT);
        w.continued = Some(continued(lang, &title));
        if !cp.description.is_empty() {
            w.paragraph(0.0, &cp.description, 9.5, Weight::Regular, GREY);
        }
        w.gap(6.0);
        contact_point_body(w, cp, l, lang, false);
    }
    w.continued = None;
}

/// Steps, factors and standards of a contact point; `full` adds the details the manual prints.
pub(super) fn contact_point_body(
    w: &mut Writer<'_>,
    cp: &ContactPoint,
    l: &Labels,
    lang: Language,
    full: bool,
) {
    for (s, step) in cp.steps.iter().enumerate() {
        w.ensure(60.0);
        w.gap(6.0);
        let y = w.y;
        w.rect(w.left(), y, 3.0, 15.0, Paint::Fill, ACCENT);
        w.text_at(
            w.left() + 9.0,
            y + 1.0,
            &format!("{} {} · {}", l.step, s + 1, step.name),
            12.0,
            Weight::Bold,
            BLACK,
        );
        w.y += 20.0;
        for factor in &step.factors {
            w.ensure(48.0);
            let head = format!("{}{}{}", l.key_factor, colon(lang), factor.name);
            w.paragraph(8.0, &head, 10.5, Weight::Bold, BLACK);
            w.paragraph(
                8.0,
                &format!("{} {}", l.importance, dots(factor.importance)),
                8.5,
                Weight::Regular,
                GREY,
            );
            if !factor.why.is_empty() {
                w.paragraph(
                    8.0,
                    &format!("{}{}{}", l.why, colon(lang), factor.why),
                    9.0,
                    Weight::Regular,
                    GREY,
                );
            }
            w.paragraph(
                8.0,
                &format!("{}{}", l.what_good_looks_like, colon(lang).trim_end()),
                9.0,
                Weight::Bold,
                ACCENT,
            );
            for standard in &factor.standards {
                let star = if standard.critical { " ★" } else { "" };
                let id = if full {
                    format!("{} ", standard.id)
                } else {
                    String::new()
                };
                let line = format!(
                    "{id}{}{}{star}",
                    kind_tag(standard.kind, lang),
                    standard.text
                );
                let weight = if standard.critical {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                w.bullet(16.0, "•", &line, 9.5, weight, BLACK);
                if full {
                    let mut details = Vec::new();
                    if let Some(target) = target_text(standard) {
                        details.push(format!("{}{}{target}", l.target, colon(lang)));
                    }
                    if !standard.monitoring.is_empty() {
                        details.push(format!(
                            "{}{}{}",
                            l.monitoring,
                            colon(lang),
                            monitoring_text(standard, lang)
                        ));
                    }
                    if !standard.owner_role.is_empty() {
                        details.push(format!(
                            "{}{}{}",
                            l.owner_role,
                            colon(lang),
                            standard.owner_role
                        ));
                    }
                    if !standard.dimensions.is_empty() {
                        let sep = crate::core::i18n::report_words(lang).list_separator;
                        let dims: Vec<_> =
                            standard.dimensions.iter().map(|d| d.label(lang)).collect();
                        details.push(format!("{}{}{}", l.dimensions, colon(lang), dims.join(sep)));
                    }
                    if !details.is_empty() {
                        w.paragraph(26.0, &details.join(" · "), 8.0, Weight::Regular, GREY);
                    }
                    if let Some(rationale) = &standard.rationale {
                        w.paragraph(
                            26.0,
                            &format!("{}{}{rationale}", l.rationale, colon(lang)),
                            8.0,
                            Weight::Regular,
                            GREY,
                        );
                    }
                }
            }
            w.gap(6.0);
        }
    }
}
