//! Exports parsed back: page count and size, the standards' text extractable,
//! the font embedded as a subset, spreadsheets with a row per standard.

use servstd::core::model::{Language, StandardsSet};
use servstd::export::{self, Format, Layout, Options, Paper};

fn sample() -> StandardsSet {
    servstd::core::templates::default_sample()
}

fn pdf(
    set: &StandardsSet,
    layout: Layout,
    paper: Paper,
    language: Option<Language>,
) -> lopdf::Document {
    let options = Options {
        format: Format::Pdf,
        layout,
        paper,
        contact_points: Vec::new(),
        language,
        ..Options::default()
    };
    let bytes = export::export(set, &options).expect("the export is made");
    assert!(bytes.starts_with(b"%PDF-"));
    lopdf::Document::load_mem(&bytes).expect("the PDF parses")
}

/// The width of a page's media box, in points.
fn page_width(doc: &lopdf::Document, page: lopdf::ObjectId) -> f32 {
    let media = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap();
    media[2].as_float().unwrap()
}

fn all_text(doc: &lopdf::Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap_or_default()
}

#[test]
fn every_layout_of_the_sample_has_its_pages_size_and_text() {
    let set = sample();
    for (layout, min_pages) in [
        (Layout::Checklist, 4),
        (Layout::Cards, 7),
        (Layout::Manual, 10),
    ] {
        for (paper, width) in [(Paper::A4, 595.28), (Paper::Letter, 612.0)] {
            let doc = pdf(&set, layout, paper, None);
            let pages = doc.get_pages();
            assert!(
                pages.len() >= min_pages,
                "{layout:?}: {} pages",
                pages.len()
            );
            let w = page_width(&doc, *pages.values().next().unwrap());
            assert!((w - width).abs() < 0.5, "{layout:?} {paper:?}: width {w}");
            let text = all_text(&doc);
            let compact: String = text.split_whitespace().collect();
            for needle in ["电话铃响三声内接听", "电话预订", "送客与回访"] {
                assert!(
                    compact.contains(needle),
                    "{layout:?}: “{needle}” not extractable"
                );
            }
        }
    }
}

#[test]
fn the_font_is_embedded_as_a_subset_and_the_language_is_set() {
    let set = sample();
    let doc = pdf(&set, Layout::Checklist, Paper::A4, Some(Language::En));
    let mut subset_fonts = 0;
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && let Ok(name) = dict.get(b"BaseFont").and_then(lopdf::Object::as_name)
        {
            let name = String::from_utf8_lossy(name);
            assert!(name.contains('+'), "font {name} is not a subset");
            subset_fonts += 1;
        }
    }
    assert!(subset_fonts >= 2);
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    assert!(all_text(&doc).contains("Inspection checklist"));
}

#[test]
fn a_one_contact_point_checklist_is_small() {
    let set = sample();
    let options = Options {
        contact_points: vec!["CP-2".into()],
        ..Options::default()
    };
    let bytes = export::export(&set, &options).unwrap();
    assert!(
        bytes.len() < 200_000,
        "{} bytes: is the font subset?",
        bytes.len()
    );
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    let wrong = Options {
        contact_points: vec!["CP-99".into()],
        ..Options::default()
    };
    assert!(
        export::export(&set, &wrong)
            .unwrap_err()
            .to_string()
            .contains("CP-99")
    );
}

#[test]
fn a_long_set_repeats_the_table_header_and_never_splits_a_row() {
    // 100 standards in CP-1, each with its own text long enough to wrap over
    // several lines: many checklist pages, and many chances to split a row.
    let mut set = servstd::core::synth::generated_set(2000);
    let mut n = 0;
    for factor in set.contact_points[0]
        .steps
        .iter_mut()
        .flat_map(|s| &mut s.factors)
    {
        for standard in &mut factor.standards {
            n += 1;
            standard.text = format!(
                "顾客进门10秒内目光接触并说欢迎光临，第{n}条，每一条都足够长，会在检查表里折成好几行，用来检验换页时不拆开一行，编号{n}号结束"
            );
        }
    }
    let options = Options {
        contact_points: vec!["CP-1".into()],
        ..Options::default()
    };
    let doc = lopdf::Document::load_mem(&export::export(&set, &options).unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() >= 3, "100 standards take several pages");
    let texts: Vec<String> = pages
        .iter()
        .map(|&page| {
            doc.extract_text(&[page])
                .unwrap()
                .split_whitespace()
                .collect()
        })
        .collect();
    for (page, text) in pages.iter().zip(&texts) {
        assert!(
            text.contains("序号标准检查方式合格不合格不适用备注"),
            "page {page} repeats the table header"
        );
    }
    for i in 1..=n {
        let row = format!("第{i}条，每一条都足够长");
        let end = format!("编号{i}号结束");
        let whole = texts
            .iter()
            .filter(|t| t.contains(&row) && t.contains(&end))
            .count();
        assert_eq!(whole, 1, "row {i} is not whole on exactly one page");
    }
}

#[test]
fn csv_and_xlsx_have_a_row_per_standard() {
    let set = sample();
    let csv = export::export(
        &set,
        &Options {
            format: Format::Csv,
            ..Options::default()
        },
    )
    .unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 56);
    let xlsx = export::export(
        &set,
        &Options {
            format: Format::Xlsx,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(xlsx.starts_with(b"PK"), "an XLSX is a zip");
    assert!(xlsx.len() > 5_000);
}

/// Every sample set, in every layout, on both papers, in its own language and
/// in the other two: the pages have the paper's size and every standard's
/// text can be extracted (checked in full for the manual, which prints all
/// of it; the checklist and cards print every standard too).
#[test]
fn every_sample_in_every_layout_and_language_has_every_standard() {
    for template in servstd::core::templates::TEMPLATES {
        let set = template.set();
        let texts: Vec<String> = set
            .standards()
            .map(|(_, s)| s.text.split_whitespace().collect())
            .collect();
        for layout in [Layout::Checklist, Layout::Cards, Layout::Manual] {
            for (paper, width) in [(Paper::A4, 595.28), (Paper::Letter, 612.0)] {
                for language in [None, Some(Language::En), Some(Language::ZhTw)] {
                    if paper == Paper::Letter && language.is_some() {
                        continue; // Letter in the set's language is enough
                    }
                    let doc = pdf(&set, layout, paper, language);
                    let pages = doc.get_pages();
                    // A checklist is one form for the visit; cards and the
                    // manual give each contact point its own page.
                    let fewest = match layout {
                        Layout::Checklist => 1,
                        _ => set.contact_points.len(),
                    };
                    assert!(
                        pages.len() >= fewest,
                        "{} {layout:?}: {} pages for {} contact points",
                        template.name,
                        pages.len(),
                        set.contact_points.len()
                    );
                    for page in pages.values() {
                        let w = page_width(&doc, *page);
                        assert!(
                            (w - width).abs() < 0.5,
                            "{} {layout:?}: width {w}",
                            template.name
                        );
                    }
                    let compact: String = all_text(&doc).split_whitespace().collect();
                    for text in &texts {
                        assert!(
                            compact.contains(text.as_str()),
                            "{} {layout:?} {language:?}: “{text}” is not in the PDF",
                            template.name
                        );
                        if layout == Layout::Checklist {
                            assert_eq!(
                                compact.matches(text.as_str()).count(),
                                1,
                                "{}: “{text}” is on the checklist once",
                                template.name
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn role_cards_and_signoff_sheets_hold_every_standard_of_each_role() {
    for template in servstd::core::templates::TEMPLATES {
        let set = template.set();
        for layout in [Layout::RoleCards, Layout::Signoff] {
            for language in [None, Some(Language::En), Some(Language::ZhTw)] {
                let doc = pdf(&set, layout, Paper::A4, language);
                let pages: Vec<String> = doc
                    .get_pages()
                    .keys()
                    .map(|&p| doc.extract_text(&[p]).unwrap().split_whitespace().collect())
                    .collect();
                for (_, standard) in set.standards() {
                    let text: String = standard.text.split_whitespace().collect();
                    let role: String = standard.owner_role.split_whitespace().collect();
                    assert!(
                        pages
                            .iter()
                            .any(|page| page.contains(&text) && page.contains(&role)),
                        "{} {layout:?} {language:?}: “{text}” is not on a page of {role}",
                        template.name
                    );
                }
            }
        }
    }
}

#[test]
fn role_cards_are_four_to_a_sheet_and_only_the_roles_asked_for() {
    let set = sample();
    let all = pdf(&set, Layout::RoleCards, Paper::A4, None);
    let roles = set.roles().len();
    // At least one card a role, four cards a sheet.
    assert!(all.get_pages().len() >= roles.div_ceil(4));
    assert!(all.get_pages().len() < roles, "cards share sheets");
    let options = Options {
        layout: Layout::RoleCards,
        roles: vec!["收银员".into()],
        ..Options::default()
    };
    let doc = lopdf::Document::load_mem(&export::export(&set, &options).unwrap()).unwrap();
    let text: String = all_text(&doc).split_whitespace().collect();
    assert!(text.contains("收银员"));
    assert!(!text.contains("迎宾员"), "only the cashier's card");
    let wrong = Options {
        layout: Layout::RoleCards,
        roles: vec!["宇航员".into()],
        ..Options::default()
    };
    let err = export::export(&set, &wrong).unwrap_err().to_string();
    assert!(err.contains("宇航员") && err.contains("收银员"), "{err}");
}

#[test]
fn the_page_count_from_the_layout_is_the_pdfs_page_count() {
    let set = sample();
    let big = servstd::core::synth::generated_set(300);
    for set in [&set, &big] {
        for layout in [
            Layout::Checklist,
            Layout::Cards,
            Layout::Manual,
            Layout::RoleCards,
            Layout::Signoff,
        ] {
            for paper in [Paper::A4, Paper::Letter] {
                let options = Options {
                    layout,
                    paper,
                    ..Options::default()
                };
                let counted = export::page_count(set, &options).expect("the layout is made");
                let doc = pdf(set, layout, paper, None);
                assert_eq!(
                    counted,
                    doc.get_pages().len(),
                    "{layout:?} on {paper:?} of {}",
                    set.title
                );
            }
        }
    }
    // What the export refuses, the count refuses too.
    let unknown = Options {
        contact_points: vec!["CP-404".into()],
        ..Options::default()
    };
    assert!(matches!(
        export::page_count(&set, &unknown),
        Err(export::ExportError::UnknownContactPoint(..))
    ));
}
