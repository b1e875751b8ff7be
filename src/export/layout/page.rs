//! A small page writer: positions from the top-left in points, text in the
//! bundled CJK font, lines, boxes and tick boxes, page breaks, and a running
//! header and footer added once the page count is known. It records
//! [`Item`]s; it draws nothing itself.

use super::items::{Colour, ImageId, Item, Page, Paint, Picture, Weight};
use super::text::{Faces, Metrics, wrap};

/// Paper sizes in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    #[must_use]
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

pub const MARGIN: f32 = 42.0;
/// How far from the sheet's edge every mark keeps: 10 mm and a little, since
/// many office printers cannot print nearer the edge and cut off what is.
pub const PRINTABLE: f32 = 30.0;
const HEADER_SPACE: f32 = 30.0;
const FOOTER_SPACE: f32 = 30.0;

pub const BLACK: (f32, f32, f32) = (0.1, 0.1, 0.12);
pub const GREY: (f32, f32, f32) = (0.42, 0.42, 0.45);
pub const ACCENT: (f32, f32, f32) = (0.12, 0.44, 0.55);
pub const RULE: (f32, f32, f32) = (0.7, 0.7, 0.72);
/// The draft stamp: a red an office printer prints as dark grey.
pub const STAMP: (f32, f32, f32) = (0.75, 0.1, 0.1);
pub const SHADE: (f32, f32, f32) = (0.92, 0.94, 0.95);

/// Builds pages top to bottom.
pub struct Writer<'f> {
    /// Where text widths come from.
    pub faces: Faces<'f>,
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Distance of the cursor from the top of the page.
    pub y: f32,
    /// Printed at the top of every page but the first of a manual.
    pub header: String,
    /// The heading of the section under way, already with its "(continued)":
    /// drawn at the top of each page the section runs onto.
    pub continued: Option<String>,
    /// Stamped in a box at the top right of every page ("DRAFT").
    pub stamp: Option<String>,
    /// Pages that fill the sheet (cards): no header, footer or page stamp.
    pub bare: bool,
    /// The logo, with its size in pixels.
    pub logo: Option<(ImageId, Picture)>,
    /// Images by name, with their size in pixels.
    pub images: std::collections::HashMap<String, (ImageId, Picture)>,
    regular: Metrics<'f>,
    bold: Metrics<'f>,
}

impl<'f> Writer<'f> {
    #[must_use]
    pub fn new(faces: Faces<'f>, paper: Paper, header: String) -> Self {
        let (width, height) = paper.size_pt();
        Self {
            faces,
            width,
            height,
            pages: Vec::new(),
            y: 0.0,
            header,
            continued: None,
            stamp: None,
            bare: false,
            logo: None,
            images: std::collections::HashMap::new(),
            regular: Metrics::new(faces.regular),
            bold: Metrics::new(faces.bold),
        }
    }

    #[must_use]
    pub fn left(&self) -> f32 {
        MARGIN
    }

    #[must_use]
    pub fn right(&self) -> f32 {
        self.width - MARGIN
    }

    #[must_use]
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// The lowest y the content may reach.
    #[must_use]
    pub fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER_SPACE
    }

    #[must_use]
    pub fn top(&self) -> f32 {
        MARGIN + HEADER_SPACE
    }

    /// The number of the current page, from 1.
    #[must_use]
    pub fn page_number(&self) -> usize {
        self.pages.len()
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top();
    }

    /// Starts a new page unless `height` still fits below the cursor; a
    /// section under way repeats its heading there.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.pages.is_empty() || self.y + height > self.bottom() {
            self.break_page();
            true
        } else {
            false
        }
    }

    /// Starts a new page that goes on with the section under way: its
    /// heading, with "(continued)", at the top.
    pub fn break_page(&mut self) {
        self.new_page();
        if let Some(heading) = self.continued.clone() {
            let width = self.content_width();
            let h = self.paragraph_at(
                self.left(),
                self.y,
                width,
                &heading,
                11.0,
                Weight::Bold,
                GREY,
            );
            self.y += h + 6.0;
        }
    }

    fn metrics(&self, weight: Weight) -> &Metrics<'f> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    #[must_use]
    pub fn text_width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        self.metrics(weight).width(text, size)
    }

    #[must_use]
    pub fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        wrap(self.metrics(weight), text, size, width)
    }

    fn push(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.pages
            .last_mut()
            .expect("a page exists")
            .items
            .push(item);
    }

    /// Draws one line of text with its baseline `size` below `top`.
    pub fn text_at(
        &mut self,
        x: f32,
        top: f32,
        text: &str,
        size: f32,
        weight: Weight,
        color: Colour,
    ) {
        if text.is_empty() {
            return;
        }
        self.push(Item::Text {
            x,
            top,
            size,
            weight,
            colour: color,
            text: text.to_owned(),
        });
    }

    /// Draws wrapped text at `x`, `top`; returns the height used.
    #[expect(
        clippy::too_many_arguments,
        reason = "position, width, text and its style"
    )]
    pub fn paragraph_at(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        text: &str,
        size: f32,
        weight: Weight,
        color: Colour,
    ) -> f32 {
        let leading = size * 1.45;
        let lines = self.wrap(text, size, weight, width);
        for (i, line) in lines.iter().enumerate() {
            self.text_at(x, top + i as f32 * leading, line, size, weight, color);
        }
        lines.len() as f32 * leading
    }

    /// Flows a paragraph at the cursor across pages, line by line.
    pub fn paragraph(&mut self, indent: f32, text: &str, size: f32, weight: Weight, color: Colour) {
        let leading = size * 1.45;
        let width = self.content_width() - indent;
        for line in self.wrap(text, size, weight, width) {
            self.ensure(leading);
            let y = self.y;
            self.text_at(self.left() + indent, y, &line, size, weight, color);
            self.y += leading;
        }
    }

    /// Flows a list item: `mark` at `indent`, every line of `text` aligned
    /// after it (a hanging indent).
    pub fn bullet(
        &mut self,
        indent: f32,
        mark: &str,
        text: &str,
        size: f32,
        weight: Weight,
        color: Colour,
    ) {
        let leading = size * 1.45;
        let hang = self.text_width(mark, size, weight) + size * 0.35;
        let width = self.content_width() - indent - hang;
        for (i, line) in self.wrap(text, size, weight, width).iter().enumerate() {
            self.ensure(leading);
            let y = self.y;
            if i == 0 {
                self.text_at(self.left() + indent, y, mark, size, weight, color);
            }
            self.text_at(self.left() + indent + hang, y, line, size, weight, color);
            self.y += leading;
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, color: Colour) {
        self.push(Item::Line {
            from: (x1, y1),
            to: (x2, y2),
            thickness,
            colour: color,
        });
    }

    pub fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, mode: Paint, color: Colour) {
        self.push(Item::Rect {
            x,
            top,
            width: w,
            height: h,
            paint: mode,
            colour: color,
        });
    }

    /// Draws the logo, if any, into the box at `right` (its right edge) and
    /// `top`, at most `max_w` × `max_h`, keeping its proportions; returns its width.
    pub fn draw_logo(&mut self, right: f32, top: f32, max_w: f32, max_h: f32) -> f32 {
        let Some(logo) = self.logo else {
            return 0.0;
        };
        self.place(logo, right, top, max_w, max_h).0
    }

    /// Draws the image `name` with its left edge at `left`, at most
    /// `max_w` × `max_h`; returns its width and height (nothing drawn, 0 × 0,
    /// for an unknown name).
    pub fn draw_image(
        &mut self,
        name: &str,
        left: f32,
        top: f32,
        max_w: f32,
        max_h: f32,
    ) -> (f32, f32) {
        let Some(image) = self.images.get(name).copied() else {
            return (0.0, 0.0);
        };
        let (px_w, px_h) = (image.1.width.max(1) as f32, image.1.height.max(1) as f32);
        let scale = (max_w / px_w).min(max_h / px_h);
        self.place(image, left + px_w * scale, top, max_w, max_h)
    }

    fn place(
        &mut self,
        (image, picture): (ImageId, Picture),
        right: f32,
        top: f32,
        max_w: f32,
        max_h: f32,
    ) -> (f32, f32) {
        let (px_w, px_h) = (picture.width.max(1) as f32, picture.height.max(1) as f32);
        let scale = (max_w / px_w).min(max_h / px_h);
        let (w, h) = (px_w * scale, px_h * scale);
        self.push(Item::Image {
            image,
            x: right - w,
            top,
            width: w,
            height: h,
        });
        (w, h)
    }

    /// An empty square to tick by hand, drawn as vector lines.
    pub fn tick_box(&mut self, x: f32, top: f32, size: f32) {
        self.rect(x, top, size, size, Paint::Stroke, BLACK);
    }

    /// A labelled blank to fill in by hand: `Site: ________`.
    pub fn blank(&mut self, x: f32, top: f32, label: &str, width: f32, size: f32) {
        self.text_at(x, top, label, size, Weight::Regular, GREY);
        let lw = self.text_width(label, size, Weight::Regular) + 4.0;
        self.line(
            x + lw,
            top + size + 1.0,
            x + width,
            top + size + 1.0,
            0.6,
            RULE,
        );
    }

    /// The running header in one line of `room`: a header too long gives up
    /// the end of its first part (the title), never its last parts, so the
    /// layout and revision stay beside a draft stamp ("Harbourside Hotel — …
    /// · Checklist · Revision 3.1").
    fn fit_header(&self, header: &str, size: f32, room: f32) -> String {
        if self.text_width(header, size, Weight::Regular) <= room {
            return header.to_owned();
        }
        let Some((title, rest)) = header.split_once(" · ") else {
            return self
                .wrap(header, size, Weight::Regular, room)
                .into_iter()
                .next()
                .map(|first| first.trim_end_matches([' ', '·']).to_owned())
                .unwrap_or_default();
        };
        let chars: Vec<char> = title.chars().collect();
        for keep in (0..chars.len()).rev() {
            let head: String = chars[..keep].iter().collect();
            let shortened = format!("{}… · {rest}", head.trim_end());
            if self.text_width(&shortened, size, Weight::Regular) <= room {
                return shortened;
            }
        }
        // Even the parts after the title do not fit: the first line of them.
        self.wrap(rest, size, Weight::Regular, room)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Adds the running header (except on `skip_first` pages) and "page X of Y" footers.
    pub fn finish(&mut self, footer: impl Fn(usize, usize) -> String, skip_first: usize) {
        if self.bare {
            return;
        }
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut done = Vec::with_capacity(total);
        // The stamp sits at the right of the header's row, inside the
        // printable area; the header gives way to it. Both are the same on
        // every page: fitted once.
        let stamp = self.stamp.clone().map(|stamp| {
            let size = 9.0;
            let w = self.text_width(&stamp, size, Weight::Bold) + 12.0;
            (stamp, size, w)
        });
        let room = self.content_width() - stamp.as_ref().map_or(0.0, |s| s.2 + 8.0);
        let header = self.fit_header(&self.header, 8.5, room);
        for (i, page) in pages.into_iter().enumerate() {
            self.pages = vec![page];
            let stamp = stamp.clone();
            if i >= skip_first {
                let size = 8.5;
                self.text_at(self.left(), MARGIN, &header, size, Weight::Regular, GREY);
                self.line(
                    self.left(),
                    MARGIN + 14.0,
                    self.right(),
                    MARGIN + 14.0,
                    0.5,
                    RULE,
                );
            }
            if let Some((stamp, size, w)) = stamp {
                let x = self.right() - w;
                let top = MARGIN - 5.0;
                self.rect(x, top, w, size + 8.0, Paint::Stroke, STAMP);
                self.text_at(x + 6.0, top + 4.0, &stamp, size, Weight::Bold, STAMP);
            }
            let text = footer(i + 1, total);
            let size = 8.5;
            let w = self.text_width(&text, size, Weight::Regular);
            let y = self.height - MARGIN - 10.0;
            self.line(self.left(), y - 6.0, self.right(), y - 6.0, 0.5, RULE);
            self.text_at(self.right() - w, y, &text, size, Weight::Regular, GREY);
            done.push(self.pages.pop().expect("one page"));
        }
        self.pages = done;
    }
}
