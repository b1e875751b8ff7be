//! What a trainer prints, read from the layout's positioned items: a draft's
//! marks (stamp, header, cut line, text) stay inside a 10 mm margin, where
//! printers that cut the edge of the sheet still print them; the English
//! checklist's columns hold their words and are closed on the right.

use servstd::core::model::StandardsSet;
use servstd::export::layout::Item;
use servstd::export::layout::text::Metrics;
use servstd::export::{self, Format, Layout, Options, Paper};

/// 10 mm in points.
const MARGIN: f32 = 28.35;

fn samples() -> Vec<(String, StandardsSet)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("standards").expect("the samples") {
        let path = entry.expect("an entry").path();
        let name = path.to_string_lossy().into_owned();
        if name.ends_with(".standards.ron") {
            let set = servstd::core::storage::load::<StandardsSet>(&path)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .document;
            out.push((name, set));
        }
    }
    assert!(out.len() >= 5, "the samples are found");
    out
}

/// The set changed after its approval: a draft, stamped so.
fn draft(mut set: StandardsSet) -> StandardsSet {
    set.contact_points[0].steps[0].factors[0].standards[0]
        .text
        .push_str(" (draft)");
    assert!(!set.is_approved());
    set
}

#[test]
fn no_mark_of_a_draft_lies_within_10_mm_of_a_page_edge() {
    let faces = export::faces().expect("the font");
    let regular = Metrics::new(faces.regular);
    let bold = Metrics::new(faces.bold);
    let mut bad = Vec::new();
    for (name, set) in samples() {
        let set = draft(set);
        for layout in [
            Layout::Checklist,
            Layout::Cards,
            Layout::Manual,
            Layout::RoleCards,
            Layout::Signoff,
        ] {
            for paper in [Paper::A4, Paper::Letter] {
                let options = Options {
                    format: Format::Pdf,
                    layout,
                    paper,
                    ..Options::default()
                };
                let doc = export::document(&set, &options).expect("laid out");
                let (width, height) = paper.size_pt();
                for (p, page) in doc.pages.iter().enumerate() {
                    for item in &page.items {
                        let (left, top, right, bottom) = match item {
                            Item::Text {
                                x,
                                top,
                                size,
                                weight,
                                text,
                                ..
                            } => {
                                let m = match weight {
                                    export::layout::Weight::Regular => &regular,
                                    export::layout::Weight::Bold => &bold,
                                };
                                (*x, *top, x + m.width(text, *size), top + size)
                            }
                            Item::Line { from, to, .. } => (
                                from.0.min(to.0),
                                from.1.min(to.1),
                                from.0.max(to.0),
                                from.1.max(to.1),
                            ),
                            Item::Rect {
                                x,
                                top,
                                width,
                                height,
                                ..
                            }
                            | Item::Image {
                                x,
                                top,
                                width,
                                height,
                                ..
                            } => (*x, *top, x + width, top + height),
                        };
                        if left < MARGIN
                            || top < MARGIN
                            || right > width - MARGIN
                            || bottom > height - MARGIN
                        {
                            bad.push(format!(
                                "{name} {layout:?} {paper:?} page {}: {item:?}",
                                p + 1
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} marks within 10 mm of an edge, first: {:#?}",
        bad.len(),
        bad.iter()
            .step_by(bad.len().max(1) / 30 + 1)
            .collect::<Vec<_>>()
    );
}

fn sample(file: &str) -> StandardsSet {
    servstd::core::storage::load::<StandardsSet>(std::path::Path::new(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .document
}

#[test]
fn the_english_checklist_keeps_how_checked_words_together_and_closes_notes() {
    let set = sample("standards/hotel-front-office.standards.ron");
    for paper in [Paper::A4, Paper::Letter] {
        let options = Options {
            format: Format::Pdf,
            layout: Layout::Checklist,
            paper,
            language: Some(servstd::core::model::Language::En),
            ..Options::default()
        };
        let doc = export::document(&set, &options).expect("laid out");
        let (width, _) = paper.size_pt();
        // The table's right edge is the content's: the page less its 42 pt margin.
        let right = width - 42.0;
        // The How checked cells are the table's 7.5 pt text.
        let how: Vec<&str> = doc
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|item| match item {
                Item::Text { size, text, .. } if (*size - 7.5).abs() < 0.01 => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            how.iter().any(|t| t.contains("Mystery")),
            "{paper:?}: no How checked cell found"
        );
        // Old: "Mystery" / "shopping," / "Operational" / "data" a line each.
        // A two-word way of checking is never broken between its words.
        for line in &how {
            let word = line.trim().trim_end_matches(',');
            assert!(
                ![
                    "Mystery",
                    "shopping",
                    "Operational",
                    "data",
                    "Supervisor",
                    "patrol"
                ]
                .contains(&word),
                "{paper:?}: How checked wraps word by word: {line:?} in {how:?}"
            );
        }
        for (n, page) in doc.pages.iter().enumerate() {
            let rows = page
                .items
                .iter()
                .filter(|i| matches!(i, Item::Text { size, .. } if (*size - 7.5).abs() < 0.01))
                .count();
            if rows == 0 {
                continue;
            }
            let borders = page
                .items
                .iter()
                .filter(|i| {
                    matches!(i, Item::Line { from, to, .. }
                        if (from.0 - right).abs() < 0.5
                            && (to.0 - right).abs() < 0.5
                            && to.1 - from.1 > 10.0)
                })
                .count();
            assert!(
                borders >= rows.min(1),
                "{paper:?} page {}: the Notes column has no right border",
                n + 1
            );
        }
    }
}

#[test]
fn every_sign_off_page_names_its_role() {
    for (name, set) in samples() {
        for paper in [Paper::A4, Paper::Letter] {
            let options = Options {
                format: Format::Pdf,
                layout: Layout::Signoff,
                paper,
                ..Options::default()
            };
            let doc = export::document(&set, &options).expect("laid out");
            // Each role's sheet is bookmarked at the page it opens.
            assert!(!doc.bookmarks.is_empty(), "{name}: no roles");
            for (n, page) in doc.pages.iter().enumerate() {
                let number = n + 1;
                let Some((role, _)) = doc.bookmarks.iter().rev().find(|(_, p)| *p <= number) else {
                    continue;
                };
                assert!(
                    page.items.iter().any(
                        |i| matches!(i, Item::Text { text, .. } if text.contains(role.as_str()))
                    ),
                    "{name} {paper:?} page {number} does not name its role {role}"
                );
            }
        }
    }
}

/// Drops the set's last standard; false when it has none left to drop.
fn drop_last_standard(set: &mut StandardsSet) -> bool {
    let last = set
        .contact_points
        .iter_mut()
        .flat_map(|cp| &mut cp.steps)
        .flat_map(|s| &mut s.factors)
        .filter(|f| !f.standards.is_empty())
        .last();
    let dropped = last.and_then(|f| f.standards.pop()).is_some();
    // What is left empty goes too: a step with no standard is no checklist's.
    for cp in &mut set.contact_points {
        for step in &mut cp.steps {
            step.factors.retain(|f| !f.standards.is_empty());
        }
        cp.steps.retain(|s| !s.factors.is_empty());
    }
    set.contact_points.retain(|cp| !cp.steps.is_empty());
    dropped
}

#[test]
fn the_checklists_total_box_never_stands_alone_on_its_page() {
    for file in [
        "standards/hotel-front-office.standards.ron",
        "standards/restaurant.standards.ron",
    ] {
        let mut set = sample(file);
        // The set and every shorter one down to half: row heights vary, so
        // some of them end a page just before the total.
        let half = set.counts().standards / 2;
        for _ in 0..half {
            for paper in [Paper::A4, Paper::Letter] {
                let options = Options {
                    format: Format::Pdf,
                    layout: Layout::Checklist,
                    paper,
                    ..Options::default()
                };
                let doc = export::document(&set, &options).expect("laid out");
                let last = doc.pages.last().expect("a page");
                let boxes = last
                    .items
                    .iter()
                    .filter(|i| {
                        matches!(i, Item::Rect { width, height, .. }
                            if (*width - 12.0).abs() < 0.01 && (*height - 12.0).abs() < 0.01)
                    })
                    .count();
                assert!(
                    boxes > 0,
                    "{file} {paper:?} with {} standards: the last page holds no row, only the total",
                    set.counts().standards
                );
            }
            assert!(drop_last_standard(&mut set));
        }
    }
}

/// The texts of a manual's cover, labels in `lang`.
fn cover(set: &StandardsSet, lang: servstd::core::model::Language) -> Vec<String> {
    let options = Options {
        format: Format::Pdf,
        layout: Layout::Manual,
        language: Some(lang),
        ..Options::default()
    };
    let doc = export::document(set, &options).expect("laid out");
    doc.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_draft_manuals_cover_says_draft_and_names_the_last_approval_only_as_such() {
    use servstd::core::model::Language;
    let approved = servstd::core::templates::find("restaurant").unwrap().set();
    assert!(approved.is_approved());
    let last = approved.history.last().unwrap().clone();
    let mut draft = approved.clone();
    let next = draft.start_revision();
    assert!(!draft.is_approved());
    for (lang, label, value, stamp) in [
        (
            Language::En,
            "Last approved",
            format!("{} by {} on {}", last.revision, last.approved_by, last.date),
            format!("{next} (DRAFT, not approved)"),
        ),
        (
            Language::ZhCn,
            "上次批准",
            format!(
                "修订版本 {}，批准人 {}，{}",
                last.revision, last.approved_by, last.date
            ),
            format!("{next}（草稿，未批准）"),
        ),
        (
            Language::ZhTw,
            "上次核准",
            format!(
                "修訂版本 {}，核准人 {}，{}",
                last.revision, last.approved_by, last.date
            ),
            format!("{next}（草稿，未核准）"),
        ),
    ] {
        let texts = cover(&draft, lang);
        let l = servstd::core::i18n::labels(lang);
        assert!(texts.contains(&label.to_owned()), "{lang:?}: {texts:?}");
        assert!(texts.contains(&value), "{lang:?}: {texts:?}");
        assert!(texts.contains(&stamp), "{lang:?}: {texts:?}");
        // Not the approver and date of the last revision as if the draft's.
        for own in [l.approved_by, l.effective] {
            assert!(
                !texts.iter().any(|t| t == own),
                "{lang:?}: {own} on {texts:?}"
            );
        }
        // The approved revision's cover names its approver and effective date.
        let texts = cover(&approved, lang);
        assert!(texts.contains(&l.approved_by.to_owned()), "{lang:?}");
        assert!(texts.contains(&approved.approved_by), "{lang:?}");
        assert!(!texts.contains(&label.to_owned()), "{lang:?}");
    }
}

/// The names of the fonts a PDF embeds (`/BaseFont`), subset tags removed.
fn base_fonts(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let mut names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter_map(|dict| dict.get(b"BaseFont").ok())
        .filter_map(|name| name.as_name().ok())
        .map(|name| {
            let name = String::from_utf8_lossy(name).into_owned();
            name.split_once('+')
                .map_or(name.clone(), |(_, n)| n.to_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn traditional_chinese_pdfs_embed_the_traditional_chinese_font_and_others_the_simplified() {
    use servstd::core::model::Language;
    let repair = servstd::core::templates::find("field-repair")
        .unwrap()
        .set();
    let restaurant = servstd::core::templates::find("restaurant").unwrap().set();
    assert_eq!(repair.language, Language::ZhTw);
    for (set, lang, face) in [
        (&repair, None, "NotoSansCJKtc"),
        (&restaurant, Some(Language::ZhTw), "NotoSansCJKtc"),
        (&restaurant, None, "NotoSansCJKsc"),
        (&repair, Some(Language::En), "NotoSansCJKsc"),
    ] {
        for layout in [Layout::Checklist, Layout::Manual] {
            let options = Options {
                format: Format::Pdf,
                layout,
                language: lang,
                ..Options::default()
            };
            let pdf = export::export(set, &options).expect("exported");
            let fonts = base_fonts(&pdf);
            assert!(!fonts.is_empty());
            assert!(
                fonts.iter().all(|f| f.starts_with(face)),
                "{} {lang:?} {layout:?}: {fonts:?}",
                set.title
            );
        }
    }
}

#[test]
fn a_contact_point_starts_a_new_page_of_the_manual_only_when_the_page_before_has_no_room() {
    for (name, set) in samples() {
        let l = servstd::core::i18n::labels(set.language);
        for paper in [Paper::A4, Paper::Letter] {
            let options = Options {
                format: Format::Pdf,
                layout: Layout::Manual,
                paper,
                ..Options::default()
            };
            let doc = export::document(&set, &options).expect("laid out");
            let (_, height) = paper.size_pt();
            // Each page's texts in order; the footer is the last one drawn,
            // the running header sits above 60 pt and the content below.
            let texts: Vec<Vec<(f32, f32, &str)>> = doc
                .pages
                .iter()
                .map(|page| {
                    let mut texts: Vec<_> = page
                        .items
                        .iter()
                        .filter_map(|item| match item {
                            Item::Text {
                                top, size, text, ..
                            } => Some((*top, *size, text.as_str())),
                            _ => None,
                        })
                        .collect();
                    texts.pop();
                    texts
                })
                .collect();
            let mut seen = 0;
            for (p, page) in texts.iter().enumerate() {
                let Some(&(first_top, _, _)) = page
                    .iter()
                    .filter(|(top, _, _)| *top > 60.0)
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                else {
                    continue;
                };
                for &(top, size, text) in page {
                    let heading = size >= 15.0
                        && text.starts_with(l.contact_point)
                        && !text.ends_with(&servstd::core::i18n::aside(set.language, l.continued));
                    if !heading {
                        continue;
                    }
                    seen += 1;
                    eprintln!("DBG {name} p{p} {text} top={top} first={first_top}");
                    if seen == 1 || top > first_top + 0.5 {
                        continue;
                    }
                    let filled = texts[p - 1]
                        .iter()
                        .map(|(top, size, _)| top + size)
                        .fold(0.0_f32, f32::max);
                    eprintln!("FILL {name} p{p} {:.2}", filled / height);
                    // The content ends 72 pt above the sheet's foot (margin
                    // and footer); a heading, its step and a standard or two
                    // need 170 pt.
                    let room = height - 72.0 - filled;
                    assert!(
                        room < 170.0,
                        "{name} {paper:?}: page {p} has {room:.0} pt free and \"{text}\" starts page {}",
                        p + 1
                    );
                }
            }
            assert_eq!(
                seen,
                set.contact_points.len(),
                "{name}: every heading found"
            );
        }
    }
}

#[test]
fn a_drafts_running_header_keeps_its_layout_and_revision_beside_the_stamp() {
    let hotel = servstd::core::templates::find("hotel-front-office")
        .unwrap()
        .set();
    let set = draft(hotel);
    for paper in [Paper::A4, Paper::Letter] {
        let options = Options {
            format: Format::Pdf,
            layout: Layout::Checklist,
            paper,
            ..Options::default()
        };
        let doc = export::document(&set, &options).expect("laid out");
        let header = doc.pages[0]
            .items
            .iter()
            .find_map(|item| match item {
                Item::Text { text, top, .. } if *top < 60.0 && text.starts_with("Harbourside") => {
                    Some(text.clone())
                }
                _ => None,
            })
            .expect("the running header");
        assert!(
            header.contains("…") && header.ends_with("· Inspection checklist · Revision 3.1"),
            "{paper:?}: {header}"
        );
    }
}
