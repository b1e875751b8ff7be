//! What a laid-out page is made of: text runs, lines, rectangles and images
//! at positions measured in points from the page's top-left corner. The
//! emitter (`export::pdf`) draws them in order; a new kind of mark (a form
//! field of a fillable checklist, a link) is one more [`Item`].

use crate::core::model::Language;

use super::Paper;

/// A colour as red, green and blue from 0 to 1.
pub type Colour = (f32, f32, f32);

/// The face of the bundled font a text run is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// How a rectangle is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Fill,
    /// Its outline, 0.8 pt wide.
    Stroke,
}

/// An image a document draws: which of the images handed to the emitter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImageId(pub usize);

/// An image's size in pixels: all that layout needs of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
}

/// One mark on a page. Positions are in points, `top` measured down from the
/// top edge of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text, its baseline `size × 0.88` below `top`.
    Text {
        x: f32,
        top: f32,
        size: f32,
        weight: Weight,
        colour: Colour,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        colour: Colour,
    },
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        paint: Paint,
        colour: Colour,
    },
    /// An image scaled to `width` × `height` points.
    Image {
        image: ImageId,
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
}

/// One page's marks, drawn in order (a later one over an earlier one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// Form fields over the marks (a fillable checklist): kept apart from
    /// the items, since they are not drawn but filled in a viewer.
    pub fields: Vec<Field>,
}

/// A form field of a fillable document, placed as items are (points, `top`
/// down from the top edge). The marks under it (a tick box, a line to
/// write on) are items of their own, so a printed form looks like a plain one.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field's name in the form: a standard's ID for its verdict.
    pub name: String,
    /// What a viewer shows when the pointer rests on it.
    pub tooltip: String,
    pub kind: FieldKind,
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

/// What is filled in a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One button of the radio group `name`, chosen as `choice` (a PDF name:
    /// `Pass`, `Fail`, `NA`).
    Choice(&'static str),
    /// A line of text.
    Text,
    /// Text over several lines (a note).
    Note,
}

/// A laid-out document: its pages, bookmarks and what it says about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub lang: Language,
    pub paper: Paper,
    pub pages: Vec<Page>,
    /// Outline entries: a title and the page (from 1) it opens.
    pub bookmarks: Vec<(String, usize)>,
    /// A fillable form's hidden read-only fields (name, value): what the
    /// form was made from, read back on import. Empty for a plain document.
    pub hidden: Vec<(String, String)>,
}
