//! The report's charts as vector graphics: the trend line, the NPS trend, pass-rate bars and
//! the importance × satisfaction quadrant.
#![expect(
    clippy::cast_possible_truncation,
    reason = "chart coordinates from shares in 0–1 and small counts"
)]

use super::{AMBER, GREEN, RED, heading, percent};
use crate::core::i18n::{report_words, words};
use crate::core::inspection::chart::{self, Marker, spread};
use crate::core::inspection::score::{
    FactorPoint, IMPORTANT_FROM, PASS_MARK, Quadrant, SATISFIED_FROM, Scores, Source,
};
use crate::core::model::Language;
use crate::export::layout::items::{Paint, Weight};
use crate::export::layout::page::{ACCENT, BLACK, GREY, RULE, SHADE, Writer};

/// A line chart of scores (0–100 %) with the pass mark, one point per label.
pub(super) fn line_chart(w: &mut Writer<'_>, points: &[(String, Option<f64>)], pass_mark: &str) {
    let height = 150.0;
    w.ensure(height + 40.0);
    let left = w.left() + 34.0;
    let width = w.content_width() - 50.0;
    let top = w.y;
    let y_of = |r: f64| top + height - (r as f32) * height;
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let y = y_of(tick);
        w.line(left, y, left + width, y, 0.3, RULE);
        let label = format!("{:.0}%", tick * 100.0);
        let lw = w.text_width(&label, 7.5, Weight::Regular);
        w.text_at(left - lw - 4.0, y - 4.0, &label, 7.5, Weight::Regular, GREY);
    }
    let pm = y_of(PASS_MARK);
    w.line(left, pm, left + width, pm, 0.8, AMBER);
    w.text_at(
        left + width - 60.0,
        pm - 11.0,
        pass_mark,
        7.5,
        Weight::Regular,
        AMBER,
    );
    let style = Series {
        inset: 10.0,
        label_size: 7.5,
        label_gap: 5.0,
        line: 1.6,
        marker: 6.0,
        value_size: 8.0,
        value_at: (5.0, 12.0),
        values_up_to: 12,
    };
    let points = points.iter().map(|(label, rate)| (label.as_str(), *rate));
    series(w, points, (left, width, top + height), y_of, &style, |r| {
        percent(Some(r))
    });
    w.y = top + height + 24.0;
}

/// The NPS scale's ends and its grid.
pub const NPS_TICKS: [f64; 5] = [-100.0, -50.0, 0.0, 50.0, 100.0];

/// A small line chart of NPS per survey period on its whole scale, −100
/// to 100, zero marked: one point per period, labelled with its value,
/// the periods beneath.
pub(super) fn nps_chart(w: &mut Writer<'_>, points: &[(&str, Option<f64>)]) {
    let height = 90.0;
    w.ensure(height + 34.0);
    let left = w.left() + 30.0;
    let width = (w.content_width() - 40.0).min(320.0);
    let top = w.y + 4.0;
    let y_of = |nps: f64| top + height * (1.0 - ((nps + 100.0) / 200.0) as f32);
    for tick in NPS_TICKS {
        let y = y_of(tick);
        let (weight, colour) = if tick == 0.0 {
            (0.8, GREY)
        } else {
            (0.3, RULE)
        };
        w.line(left, y, left + width, y, weight, colour);
        let label = format!("{tick:.0}");
        let lw = w.text_width(&label, 7.0, Weight::Regular);
        w.text_at(left - lw - 4.0, y - 3.5, &label, 7.0, Weight::Regular, GREY);
    }
    let style = Series {
        inset: 12.0,
        label_size: 7.0,
        label_gap: 4.0,
        line: 1.4,
        marker: 5.0,
        value_size: 7.5,
        value_at: (4.0, 11.0),
        values_up_to: usize::MAX,
    };
    let points = points.iter().map(|(label, nps)| (*label, *nps));
    let y_of = |nps: f64| y_of(nps.clamp(-100.0, 100.0));
    series(
        w,
        points,
        (left, width, top + height),
        y_of,
        &style,
        |nps| format!("{nps:.0}"),
    );
    w.y = top + height + 18.0;
}

/// How a line chart's points are drawn: the trend of scores and the NPS
/// trend differ only in these.
struct Series {
    /// The room left and right of the first and last point.
    inset: f32,
    label_size: f32,
    /// From the chart's foot to its period labels.
    label_gap: f32,
    line: f32,
    marker: f32,
    value_size: f32,
    /// A point's value: right of it and above it by these.
    value_at: (f32, f32),
    /// Every point's value up to this many points; past it, the last only.
    values_up_to: usize,
}

/// The points of a line chart over `(left, width, foot)`: their labels
/// under the foot (about eight, the last always), a line between points
/// that have a value, a marker and the value at each.
fn series<'a>(
    w: &mut Writer<'_>,
    points: impl ExactSizeIterator<Item = (&'a str, Option<f64>)>,
    (left, width, foot): (f32, f32, f32),
    y_of: impl Fn(f64) -> f32,
    style: &Series,
    value: impl Fn(f64) -> String,
) {
    let n = points.len().max(1);
    let x_of = |i: usize| {
        if n == 1 {
            left + width / 2.0
        } else {
            left + style.inset + (width - 2.0 * style.inset) * i as f32 / (n - 1) as f32
        }
    };
    let every = n.div_ceil(8);
    let mut last: Option<(f32, f32)> = None;
    for (i, (label, v)) in points.enumerate() {
        let x = x_of(i);
        if i % every == 0 || i + 1 == n {
            let lw = w.text_width(label, style.label_size, Weight::Regular);
            let y = foot + style.label_gap;
            w.text_at(
                x - lw / 2.0,
                y,
                label,
                style.label_size,
                Weight::Regular,
                GREY,
            );
        }
        let Some(v) = v else {
            last = None;
            continue;
        };
        let y = y_of(v);
        if let Some((px, py)) = last {
            w.line(px, py, x, y, style.line, ACCENT);
        }
        let half = style.marker / 2.0;
        w.rect(
            x - half,
            y - half,
            style.marker,
            style.marker,
            Paint::Fill,
            ACCENT,
        );
        if n <= style.values_up_to || i + 1 == n {
            let (dx, dy) = style.value_at;
            w.text_at(
                x + dx,
                y - dy,
                &value(v),
                style.value_size,
                Weight::Bold,
                BLACK,
            );
        }
        last = Some((x, y));
    }
}

/// Horizontal bars, one per contact point, 0–100 %, with the pass mark.
pub(super) fn bar_chart(w: &mut Writer<'_>, s: &Scores, pass_mark: &str) {
    let label_w = 130.0;
    let bar_h = 12.0;
    let gap = 6.0;
    let n = s.contact_points.len();
    let total = n as f32 * (bar_h + gap) + 20.0;
    w.ensure(total.min(w.bottom() - w.top()));
    let left = w.left() + label_w;
    let width = w.content_width() - label_w - 40.0;
    let pass_x = left + width * PASS_MARK as f32;
    for g in &s.contact_points {
        w.ensure(bar_h + gap);
        let y = w.y;
        // The grid and the pass mark are drawn row by row, so a chart that
        // continues on the next page never draws across the page break.
        for tick in [0.0_f32, 0.25, 0.5, 0.75, 1.0] {
            let x = left + width * tick;
            w.line(x, y - gap / 2.0, x, y + bar_h + gap / 2.0, 0.3, RULE);
        }
        let name = w.wrap(&g.name, 8.5, Weight::Regular, label_w - 8.0);
        w.text_at(
            w.left(),
            y + 1.5,
            name.first().map_or("", String::as_str),
            8.5,
            Weight::Regular,
            BLACK,
        );
        w.rect(left, y, width, bar_h, Paint::Fill, SHADE);
        if let Some(rate) = g.tally.rate() {
            let color = if rate >= PASS_MARK { GREEN } else { RED };
            w.rect(left, y, width * rate as f32, bar_h, Paint::Fill, color);
        }
        w.text_at(
            left + width + 4.0,
            y + 1.5,
            &percent(g.tally.rate()),
            8.5,
            Weight::Bold,
            BLACK,
        );
        w.line(
            pass_x,
            y - gap / 2.0,
            pass_x,
            y + bar_h + gap / 2.0,
            1.0,
            AMBER,
        );
        w.y += bar_h + gap;
    }
    w.ensure(14.0);
    let lw = w.text_width(pass_mark, 7.5, Weight::Regular);
    w.text_at(
        pass_x - lw / 2.0,
        w.y,
        pass_mark,
        7.5,
        Weight::Regular,
        AMBER,
    );
    w.y += 14.0;
}

fn quadrant_color(q: Quadrant) -> (f32, f32, f32) {
    match q {
        Quadrant::FixFirst => RED,
        Quadrant::Strength => GREEN,
        Quadrant::LowPriority => AMBER,
        Quadrant::UnnecessaryStrength => GREY,
    }
}

/// The quadrant's colour, dark enough for its name to read on its tint.
fn quadrant_ink(q: Quadrant) -> (f32, f32, f32) {
    let (r, g, b) = quadrant_color(q);
    (r * 0.7, g * 0.7, b * 0.7)
}

const NAME_SIZE: f32 = 10.0;
const LABEL_SIZE: f32 = 6.5;
const DOT: f32 = 2.5;

/// The importance × satisfaction chart: one square per factor labelled by its
/// name where there is room (placed so that no label covers a marker, a
/// quadrant's name or another label), hollow where satisfaction is only the
/// set's own score, a legend, and the fix-first list beneath.
pub(super) fn quadrant(w: &mut Writer<'_>, points: &[FactorPoint], lang: Language) {
    let t = report_words(lang);
    heading(w, t.quadrant, 14.0);
    let size = (w.content_width() - 40.0).min(360.0);
    let left = w.left() + 40.0;
    let top = w.y + 22.0;
    // Axes: x satisfaction 0–100 %, y importance 1–5 (top is 5).
    let x_of = |s: f64| left + size * s as f32;
    let y_of = |imp: f64| top + size * (1.0 - ((imp - 0.5) / 5.0) as f32);
    let split_x = x_of(SATISFIED_FROM);
    let split_y = y_of(f64::from(IMPORTANT_FROM) - 0.5);
    // Quadrant tints and names.
    let regions = [
        (Quadrant::FixFirst, left, top, split_x - left, split_y - top),
        (
            Quadrant::Strength,
            split_x,
            top,
            left + size - split_x,
            split_y - top,
        ),
        (
            Quadrant::LowPriority,
            left,
            split_y,
            split_x - left,
            top + size - split_y,
        ),
        (
            Quadrant::UnnecessaryStrength,
            split_x,
            split_y,
            left + size - split_x,
            top + size - split_y,
        ),
    ];
    for (q, x, y, rw, rh) in regions {
        let (r, g, b) = quadrant_color(q);
        let tint = (
            1.0 - (1.0 - r) * 0.12,
            1.0 - (1.0 - g) * 0.12,
            1.0 - (1.0 - b) * 0.12,
        );
        w.rect(x, y, rw, rh, Paint::Fill, tint);
        w.text_at(
            x + 4.0,
            y + 4.0,
            q.label(lang),
            NAME_SIZE,
            Weight::Bold,
            quadrant_ink(q),
        );
    }
    let mut keep_out: Vec<chart::Rect> = regions
        .iter()
        .map(|&(q, x, y, _, _)| {
            let width = w.text_width(q.label(lang), NAME_SIZE, Weight::Bold);
            chart::Rect::new(
                f64::from(x + 2.0),
                f64::from(y + 2.0),
                f64::from(width + 4.0),
                f64::from(NAME_SIZE + 4.0),
            )
        })
        .collect();
    // The split lines too: a label across one reads as two.
    keep_out.push(chart::Rect::new(
        f64::from(split_x - 1.0),
        f64::from(top),
        2.0,
        f64::from(size),
    ));
    keep_out.push(chart::Rect::new(
        f64::from(left),
        f64::from(split_y - 1.0),
        f64::from(size),
        2.0,
    ));
    w.rect(left, top, size, size, Paint::Stroke, RULE);
    w.line(split_x, top, split_x, top + size, 0.8, GREY);
    w.line(left, split_y, left + size, split_y, 0.8, GREY);
    for imp in 1..=5 {
        let y = y_of(f64::from(imp));
        w.text_at(
            left - 12.0,
            y - 4.0,
            &imp.to_string(),
            7.5,
            Weight::Regular,
            GREY,
        );
    }
    for s in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = x_of(s);
        let label = format!("{:.0}%", s * 100.0);
        let lw = w.text_width(&label, 7.5, Weight::Regular);
        w.text_at(
            x - lw / 2.0,
            top + size + 4.0,
            &label,
            7.5,
            Weight::Regular,
            GREY,
        );
    }
    let xl = w.text_width(t.satisfaction, 8.5, Weight::Regular);
    w.text_at(
        left + size / 2.0 - xl / 2.0,
        top + size + 16.0,
        t.satisfaction,
        8.5,
        Weight::Regular,
        BLACK,
    );
    w.text_at(
        w.left(),
        top - 14.0,
        t.importance,
        8.5,
        Weight::Regular,
        BLACK,
    );
    // Points: factors that share a spot are spread within their band; a
    // factor not inspected is hollow.
    let centres: Vec<(f32, f32)> = points
        .iter()
        .zip(spread(points))
        .map(|(p, offset)| (x_of(p.satisfaction), y_of(f64::from(p.importance) + offset)))
        .collect();
    for (p, &(x, y)) in points.iter().zip(&centres) {
        let mode = if p.source == Source::Set {
            Paint::Stroke
        } else {
            Paint::Fill
        };
        w.rect(
            x - DOT,
            y - DOT,
            2.0 * DOT,
            2.0 * DOT,
            mode,
            quadrant_color(p.quadrant),
        );
    }
    let bounds = chart::Rect::new(
        f64::from(left),
        f64::from(top),
        f64::from(size),
        f64::from(size),
    );
    let placed = quadrant_labels(w, points, &centres, bounds, &keep_out);
    for (text, r) in placed.into_iter().flatten() {
        w.text_at(
            r.x as f32,
            r.y as f32,
            &text,
            LABEL_SIZE,
            Weight::Regular,
            BLACK,
        );
    }
    // The legend: filled and hollow markers.
    let legend_y = top + size + 30.0;
    let mut x = left;
    for (mode, text) in [
        (Paint::Fill, words(lang).vocab.point_measured),
        (Paint::Stroke, words(lang).vocab.point_from_set),
    ] {
        w.rect(x, legend_y + 1.5, 2.0 * DOT, 2.0 * DOT, mode, GREY);
        w.text_at(x + 8.0, legend_y, text, 7.5, Weight::Regular, GREY);
        x += 8.0 + w.text_width(text, 7.5, Weight::Regular) + 16.0;
    }
    w.y = legend_y + 20.0;
    // The list to act on.
    let mut fix: Vec<_> = points
        .iter()
        .filter(|p| p.quadrant == Quadrant::FixFirst)
        .collect();
    fix.sort_by(|a, b| {
        b.importance
            .cmp(&a.importance)
            .then(a.satisfaction.total_cmp(&b.satisfaction))
    });
    heading(w, t.fix_first_list, 12.0);
    for p in fix {
        w.paragraph(
            0.0,
            &format!(
                "{}  {} ({}) — {} {} · {} ({})",
                p.id,
                p.name,
                p.contact_point,
                t.importance,
                p.importance,
                percent(Some(p.satisfaction)),
                match p.source {
                    Source::Survey => t.sources.survey,
                    Source::Inspection => t.sources.pass_rate,
                    Source::Set => t.sources.set,
                }
            ),
            9.0,
            Weight::Bold,
            BLACK,
        );
        for (id, text) in &p.standards {
            w.paragraph(14.0, &format!("{id} {text}"), 8.5, Weight::Regular, GREY);
        }
        w.gap(4.0);
    }
}

/// Each factor's label and where it goes, in the order of `points`: its
/// shortened name where that fits, else its ID, else none (the fix-first
/// list below names every factor that matters).
fn quadrant_labels(
    w: &Writer<'_>,
    points: &[FactorPoint],
    centres: &[(f32, f32)],
    bounds: chart::Rect,
    keep_out: &[chart::Rect],
) -> Vec<Option<(String, chart::Rect)>> {
    let order = chart::label_order(points);
    let markers = |text: &dyn Fn(&FactorPoint) -> String| -> Vec<Marker> {
        order
            .iter()
            .map(|&i| {
                let (x, y) = centres[i];
                Marker {
                    x: f64::from(x),
                    y: f64::from(y),
                    label_w: f64::from(w.text_width(
                        &text(&points[i]),
                        LABEL_SIZE,
                        Weight::Regular,
                    )),
                    label_h: f64::from(LABEL_SIZE + 1.0),
                }
            })
            .collect()
    };
    let radius = f64::from(DOT + 0.5);
    let mut taken = keep_out.to_vec();
    let names = chart::place_more(
        &markers(&chart::label_text),
        radius,
        bounds,
        &mut taken,
        &vec![true; order.len()],
    );
    let missing: Vec<bool> = names.iter().map(Option::is_none).collect();
    let ids = chart::place_more(
        &markers(&|p| p.id.clone()),
        radius,
        bounds,
        &mut taken,
        &missing,
    );
    let mut out = vec![None; points.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = names[k]
            .map(|r| (chart::label_text(&points[i]), r))
            .or_else(|| ids[k].map(|r| (points[i].id.clone(), r)));
    }
    out
}
