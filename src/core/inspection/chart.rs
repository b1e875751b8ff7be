//! Where things go on the importance × satisfaction chart: factors on one
//! spot spread within their band, and labels placed so that none covers a
//! marker, a quadrant's name or another label. The window's quadrant and the
//! report's use these rules, each in its own units.

use std::collections::HashMap;

use super::{FactorPoint, Quadrant};

/// Where to draw each point on the chart, in importance units: factors on the
/// same spot are spread up and down around it (at most ±0.4, so never across
/// the importance line at 3.5) so that each can be seen and hovered.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    reason = "a share in 0–1 times 200 fits an i64"
)]
pub fn spread(points: &[FactorPoint]) -> Vec<f64> {
    let key = |p: &FactorPoint| ((p.satisfaction * 200.0).round() as i64, p.importance);
    let mut counts: HashMap<(i64, u8), usize> = HashMap::new();
    for p in points {
        *counts.entry(key(p)).or_default() += 1;
    }
    let mut seen: HashMap<(i64, u8), usize> = HashMap::new();
    points
        .iter()
        .map(|p| {
            let n = counts[&key(p)];
            let k = seen.entry(key(p)).or_default();
            let step = if n > 1 {
                (0.8 / (n - 1) as f64).min(0.12)
            } else {
                0.0
            };
            let offset = (*k as f64 - (n - 1) as f64 / 2.0) * step;
            *k += 1;
            // First point on top.
            -offset
        })
        .collect()
}

/// How many Chinese characters of a factor's name its label shows; a Latin
/// letter is half as wide, so an English name keeps twice as many letters.
pub const LABEL_CHARS: usize = 12;

/// A factor's label beside its marker: its name, shortened to the width of
/// [`LABEL_CHARS`] Chinese characters. Counting characters alone cut English
/// names to a word and a half ("Guest greete…"), which said nothing.
#[must_use]
pub fn label_text(point: &FactorPoint) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let budget = 2 * LABEL_CHARS;
    let mut used = 0;
    for (at, grapheme) in point.name.grapheme_indices(true) {
        used += if grapheme.chars().any(is_wide) { 2 } else { 1 };
        if used > budget {
            // In a word of letters, cut at the space before it when that
            // keeps at least half the label: "greeted…", not "greeted promp…".
            let head = &point.name[..at];
            let in_word = grapheme.chars().all(char::is_alphanumeric)
                && head.chars().last().is_some_and(char::is_alphanumeric);
            let head = match head.rfind(' ') {
                Some(space) if in_word && space >= LABEL_CHARS => &head[..space],
                _ => head,
            };
            return format!("{}…", head.trim_end());
        }
    }
    point.name.clone()
}

/// Whether `c` takes a full square: CJK ideographs, kana, Hangul, full-width forms.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The order in which factors get their labels: those to fix first, then
/// the most important, then the least satisfied.
#[must_use]
pub fn label_order(points: &[FactorPoint]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&points[a], &points[b]);
        (b.quadrant == Quadrant::FixFirst)
            .cmp(&(a.quadrant == Quadrant::FixFirst))
            .then(b.importance.cmp(&a.importance))
            .then(a.satisfaction.total_cmp(&b.satisfaction))
    });
    order
}

/// A box with its top-left corner at (`x`, `y`); y grows downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    #[must_use]
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }

    /// Whether the two boxes share any area (touching edges do not count).
    #[must_use]
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// Whether the box lies wholly within `bounds`.
    #[must_use]
    pub fn inside(&self, bounds: &Rect) -> bool {
        self.x >= bounds.x
            && self.y >= bounds.y
            && self.x + self.w <= bounds.x + bounds.w
            && self.y + self.h <= bounds.y + bounds.h
    }
}

/// One marker to label: its centre and the size of its label's box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub label_w: f64,
    pub label_h: f64,
}

/// Places a label beside each marker, in the order given (put the most
/// important first: it gets the best spot), so that no label leaves
/// `bounds`, covers any marker (each `radius` around its centre), any box of
/// `keep_out` or an earlier label. A label with no free spot is `None`: the
/// caller may try a shorter one (see [`place_more`]) or leave it to the hover
/// and the list beside the chart.
#[must_use]
pub fn place(
    markers: &[Marker],
    radius: f64,
    bounds: Rect,
    keep_out: &[Rect],
) -> Vec<Option<Rect>> {
    let mut taken = keep_out.to_vec();
    place_more(
        markers,
        radius,
        bounds,
        &mut taken,
        &vec![true; markers.len()],
    )
}

/// [`place`] for the markers where `wanted` is true, around boxes already
/// `taken` (which grows by each label placed); the others are `None`.
#[must_use]
pub fn place_more(
    markers: &[Marker],
    radius: f64,
    bounds: Rect,
    taken: &mut Vec<Rect>,
    wanted: &[bool],
) -> Vec<Option<Rect>> {
    let dots: Vec<Rect> = markers
        .iter()
        .map(|m| Rect::new(m.x - radius, m.y - radius, 2.0 * radius, 2.0 * radius))
        .collect();
    markers
        .iter()
        .zip(wanted)
        .map(|(m, &wanted)| {
            if !wanted {
                return None;
            }
            let spot = candidates(m, radius).find(|r| {
                r.inside(&bounds)
                    && !dots.iter().any(|d| d.overlaps(r))
                    && !taken.iter().any(|t| t.overlaps(r))
            })?;
            taken.push(spot);
            Some(spot)
        })
        .collect()
}

/// The spots tried for a marker's label, best first: right, left, above,
/// below and the four corners, then further out to the right and left.
fn candidates(m: &Marker, radius: f64) -> impl Iterator<Item = Rect> + '_ {
    let gap = radius * 0.6;
    let (w, h) = (m.label_w, m.label_h);
    let right = m.x + radius + gap;
    let left = m.x - radius - gap - w;
    let middle = m.y - h / 2.0;
    let near = [
        (right, middle),
        (left, middle),
        (m.x - w / 2.0, m.y - radius - gap - h),
        (m.x - w / 2.0, m.y + radius + gap),
        (right, m.y - radius - h),
        (right, m.y + radius),
        (left, m.y - radius - h),
        (left, m.y + radius),
    ];
    let far = (1..=3).flat_map(move |k| {
        let dy = f64::from(k) * h;
        [
            (right, middle - dy),
            (right, middle + dy),
            (left, middle - dy),
            (left, middle + dy),
        ]
    });
    near.into_iter()
        .chain(far)
        .map(move |(x, y)| Rect::new(x, y, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn points_on_one_spot_are_spread_within_their_band() {
        let set = crate::core::templates::default_sample();
        let inspection = &crate::core::inspection::sample_inspections()[0];
        let scores = super::super::score(&set, inspection);
        let mut points = super::super::weak_links(&set, Some(&scores), &HashMap::new());
        for p in &mut points {
            p.satisfaction = 1.0;
            p.importance = 4;
        }
        let offsets = spread(&points);
        assert!(offsets.iter().all(|o| o.abs() <= 0.4 + 1e-9));
        let mut sorted = offsets.clone();
        sorted.sort_by(f64::total_cmp);
        sorted.dedup();
        assert_eq!(sorted.len(), points.len(), "every point has its own place");
        assert_eq!(spread(&points[..1]), [0.0]);
    }

    const BOUNDS: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 100.0,
        h: 100.0,
    };

    fn marker(x: f64, y: f64) -> Marker {
        Marker {
            x,
            y,
            label_w: 20.0,
            label_h: 4.0,
        }
    }

    #[test]
    fn a_lone_marker_is_labelled_to_its_right() {
        let placed = place(&[marker(50.0, 50.0)], 2.0, BOUNDS, &[]);
        let r = placed[0].unwrap();
        assert!(r.x > 52.0 && (r.y + r.h / 2.0 - 50.0).abs() < 1e-9, "{r:?}");
    }

    #[test]
    fn a_marker_at_the_right_edge_is_labelled_to_its_left() {
        let r = place(&[marker(95.0, 50.0)], 2.0, BOUNDS, &[])[0].unwrap();
        assert!(r.x + r.w < 93.0, "{r:?}");
    }

    #[test]
    fn markers_on_one_spot_get_labels_that_do_not_overlap() {
        let markers = vec![marker(50.0, 50.0); 6];
        let placed = place(&markers, 2.0, BOUNDS, &[]);
        let rects: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(rects.len() >= 6, "{placed:?}");
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_keep_out_box_is_never_covered() {
        let name = Rect::new(50.0, 45.0, 40.0, 10.0);
        let r = place(&[marker(48.0, 50.0)], 2.0, BOUNDS, &[name])[0].unwrap();
        assert!(!r.overlaps(&name), "{r:?}");
    }

    #[test]
    fn a_label_with_no_room_is_left_out_and_a_shorter_one_can_take_its_place() {
        // A 30-wide chart cannot hold a 20-wide label on either side of a
        // marker in its middle, but a 6-wide one fits.
        let bounds = Rect::new(0.0, 0.0, 30.0, 8.0);
        let long = Marker {
            label_h: 8.0,
            ..marker(15.0, 4.0)
        };
        let mut taken = Vec::new();
        let placed = place_more(&[long], 2.0, bounds, &mut taken, &[true]);
        assert_eq!(placed, [None]);
        let short = Marker {
            label_w: 6.0,
            ..long
        };
        let placed = place_more(&[short], 2.0, bounds, &mut taken, &[true]);
        assert!(placed[0].is_some());
    }

    proptest! {
        /// Whatever the markers, placed labels stay inside, cover no marker
        /// and no other label.
        #[test]
        fn placed_labels_never_overlap(
            points in prop::collection::vec((0.0..100.0f64, 0.0..100.0f64, 4.0..30.0f64), 1..60)
        ) {
            let markers: Vec<Marker> = points
                .iter()
                .map(|&(x, y, w)| Marker { x, y, label_w: w, label_h: 4.0 })
                .collect();
            let radius = 1.5;
            let placed = place(&markers, radius, BOUNDS, &[]);
            let rects: Vec<Rect> = placed.iter().flatten().copied().collect();
            for (i, a) in rects.iter().enumerate() {
                prop_assert!(a.inside(&BOUNDS));
                for m in &markers {
                    let dot = Rect::new(m.x - radius, m.y - radius, 2.0 * radius, 2.0 * radius);
                    prop_assert!(!a.overlaps(&dot));
                }
                for b in &rects[i + 1..] {
                    prop_assert!(!a.overlaps(b));
                }
            }
        }
    }

    #[test]
    fn an_english_label_keeps_twice_the_letters_of_a_chinese_one() {
        let set = crate::core::templates::default_sample();
        let inspection = &crate::core::inspection::sample_inspections()[0];
        let scores = super::super::score(&set, inspection);
        let mut point = super::super::weak_links(&set, Some(&scores), &HashMap::new())[0].clone();
        "服务员态度热情周到，主动问候每一位顾客".clone_into(&mut point.name);
        assert_eq!(label_text(&point), "服务员态度热情周到，主动…");
        "Guests are greeted promptly at the door".clone_into(&mut point.name);
        assert_eq!(label_text(&point), "Guests are greeted…");
        "Bill is right".clone_into(&mut point.name);
        assert_eq!(label_text(&point), "Bill is right");
    }
}
