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
}
