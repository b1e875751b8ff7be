//! The layout stage: every PDF document (checklist, cards, manual, role cards,
//! sign-off sheets, the inspection report) laid out as pages of positioned
//! items. Nothing here knows how a PDF is written: `export::pdf` turns the
//! pages into bytes, and a page count needs no PDF at all.

mod cards;
pub mod chain;
mod checklist;
pub mod items;
mod manual;
pub mod page;
pub mod questionnaire;
pub mod report;
mod role_cards;
mod signoff;
pub mod text;

pub use items::{Colour, Document, Field, FieldKind, ImageId, Item, Page, Paint, Picture, Weight};
pub use page::Paper;
pub use text::{Faces, Glyphs};

use self::cards::cards;
use self::checklist::checklist;
use self::manual::manual;
use self::page::Writer;
use self::role_cards::role_cards;
use self::signoff::signoff;
use super::{Layout, Options};
use crate::core::i18n::labels;
use crate::core::model::{Language, Standard, StandardsSet};

/// What a document says about itself and how its pages run: metadata, the
/// running header, paper, language, stamp and the images it may draw.
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Printed at the top of every page after the first `skip_header` of them.
    pub header: String,
    pub paper: Paper,
    pub lang: Language,
    /// Stamped at the top of every page: a draft says so.
    pub stamp: Option<String>,
    /// The set's logo: its size in pixels. It is [`ImageId`] 0.
    pub logo: Option<Picture>,
    /// Other images (a report's photos), by the name the body draws them
    /// with; they follow the logo in [`ImageId`] order.
    pub images: Vec<(String, Picture)>,
}

/// Lays out a document: `body` draws the pages with the writer, collects
/// bookmarks (title, page) and returns how many leading pages go without the
/// running header. Adds "page X of Y".
pub fn render(
    meta: Meta,
    faces: Faces<'_>,
    body: impl FnOnce(&mut Writer<'_>, &mut Vec<(String, usize)>) -> usize,
) -> Document {
    let l = labels(meta.lang);
    let mut w = Writer::new(faces, meta.paper, meta.header);
    w.stamp = meta.stamp;
    let mut next = 0;
    if let Some(logo) = meta.logo {
        w.logo = Some((ImageId(next), logo));
        next += 1;
    }
    for (name, picture) in meta.images {
        w.images.insert(name, (ImageId(next), picture));
        next += 1;
    }
    let mut bookmarks = Vec::new();
    let skip_header = body(&mut w, &mut bookmarks);
    if w.pages.is_empty() {
        w.new_page();
    }
    w.finish(|x, y| l.page_x_of_y(x, y), skip_header);
    Document {
        title: meta.title,
        author: meta.author,
        subject: meta.subject,
        lang: meta.lang,
        paper: meta.paper,
        pages: std::mem::take(&mut w.pages),
        bookmarks,
        hidden: Vec::new(),
    }
}

/// Lays out `set` in the layout `options` asks for, labels in `lang`; a
/// `draft` says so on every page. `logo` is the size of the logo in
/// `options.logo`, which the caller has made ready to print.
#[must_use]
pub fn set(
    set: &StandardsSet,
    options: &Options,
    lang: Language,
    draft: bool,
    faces: Faces<'_>,
    logo: Option<Picture>,
) -> Document {
    let layout = options.layout;
    let l = labels(lang);
    let kind_label = match layout {
        Layout::Checklist => l.checklist,
        Layout::Cards => l.cards,
        Layout::Manual => l.manual,
        Layout::RoleCards => l.role_cards,
        Layout::Signoff => l.signoff,
    };
    // What staff must be retrained on since an older revision.
    let (added, changed) = options
        .since
        .as_ref()
        .map(|old| crate::core::diff::retrain(old, set))
        .unwrap_or_default();
    let since = (added.as_slice(), changed.as_slice());
    let stamp = draft.then(|| format!("{} · {} {}", l.draft, l.revision, set.revision));
    let header = if set.revision.is_empty() {
        format!("{} · {kind_label}", set.title)
    } else {
        format!(
            "{} · {kind_label} · {} {}",
            set.title, l.revision, set.revision
        )
    };
    let meta = Meta {
        title: format!("{} · {kind_label}", set.title),
        author: if set.organisation.is_empty() {
            set.owner.clone()
        } else {
            set.organisation.clone()
        },
        subject: kind_label.to_owned(),
        header,
        paper: options.paper,
        lang,
        stamp: stamp.clone(),
        logo,
        images: Vec::new(),
    };
    render(meta, faces, |w, bookmarks| match layout {
        Layout::Checklist => {
            checklist(w, set, l, lang, options.fillable, bookmarks);
            0
        }
        Layout::Cards => {
            cards(w, set, l, lang, bookmarks);
            0
        }
        Layout::Manual => {
            let since = options.since.as_ref().map(|old| (old, since));
            manual(w, set, (l, lang), draft, since, bookmarks);
            1
        }
        Layout::RoleCards => {
            // Cards fill the sheet: no running header or footer; each card
            // carries its own draft stamp.
            w.bare = true;
            role_cards(
                w,
                set,
                l,
                lang,
                &options.roles,
                since,
                stamp.as_deref(),
                bookmarks,
            );
            0
        }
        Layout::Signoff => {
            signoff(w, set, l, lang, &options.roles, since, bookmarks);
            0
        }
    })
}
/// `label:` as each script writes it: "Site:" in English, "场地：" in Chinese.
pub(super) fn labelled(lang: Language, label: &str) -> String {
    match lang {
        Language::En => format!("{label}:"),
        Language::ZhCn | Language::ZhTw => format!("{label}："),
    }
}

/// The colon between a label and its value: ": " in English, "：" in Chinese.
pub(super) fn colon(lang: Language) -> &'static str {
    if lang == Language::En { ": " } else { "：" }
}

/// Two labels as one: "Inspector signature" in English, "检查员签名" in Chinese.
pub(super) fn compound(lang: Language, first: &str, second: &str) -> String {
    match lang {
        Language::En => format!("{first} {}", second.to_lowercase()),
        Language::ZhCn | Language::ZhTw => format!("{first}{second}"),
    }
}

/// A tag in brackets: "[Procedure]" in English, "［程序］" in Chinese.
pub(super) fn tag(lang: Language, text: &str) -> String {
    match lang {
        Language::En => format!("[{text}] "),
        Language::ZhCn | Language::ZhTw => format!("［{text}］"),
    }
}

/// A heading carried onto the next page.
pub(super) fn continued(lang: Language, heading: &str) -> String {
    format!(
        "{heading}{}",
        crate::core::i18n::aside(lang, labels(lang).continued)
    )
}

pub(super) fn monitoring_text(s: &Standard, lang: Language) -> String {
    let sep = crate::core::i18n::report_words(lang).list_separator;
    s.monitoring
        .iter()
        .map(|m| m.label(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn target_text(s: &Standard) -> Option<String> {
    s.target
        .as_ref()
        .map(|t| format!("{} {}", super::csv::format_number(t.value), t.unit))
}
