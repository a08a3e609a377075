//! Emotion curves: the line, a face per step (its mouth shows the emotion, so the curve reads
//! without colour), moments of truth, the peak and the end; and the legend.

use epaint::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use super::{Line, PaintOptions, Shape, Theme, text};
use crate::layout::Layout;
use crate::model::{CurveVariant, EmotionCurve, Map};

/// Every curve that is not hidden.
pub(super) fn curves(
    shapes: &mut Vec<Shape>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    options: &PaintOptions,
) {
    // Emotion curves: the line, a face per step (its mouth shows the emotion, so the curve
    // reads without colour), moments of truth, the peak and the end.
    for (i, curve_layout) in layout.curves.iter().enumerate() {
        let Some(curve) = map.curves.iter().find(|c| c.id == curve_layout.id) else {
            continue;
        };
        if options.hidden_curves.contains(&curve.id) {
            continue;
        }
        let colour = curve_colour(theme, curve_layout.colour, i);
        let mut points: Vec<Pos2> = curve_layout.points.iter().map(|p| p.pos).collect();
        points.sort_by(|a, b| a.x.total_cmp(&b.x));
        if points.len() >= 2 {
            shapes.push(Shape::Path {
                points: smooth(&points, 10),
                closed: false,
                fill: None,
                stroke: Some(curve_line(map, curve, colour)),
            });
        }
        for p in &curve_layout.points {
            let Some(point) = curve.points.get(p.index) else {
                continue;
            };
            shapes.extend(face(
                p.pos,
                FACE_RADIUS,
                map.scale.valence(point.score),
                colour,
                theme,
            ));
            // A step measured rather than judged: a square frame, as in a chart.
            if point.from_data {
                shapes.push(Shape::Rect {
                    rect: epaint::Rect::from_center_size(
                        p.pos,
                        epaint::Vec2::splat(2.0 * FACE_RADIUS + 5.0),
                    ),
                    radius: 2.0,
                    fill: None,
                    stroke: Some(Line::solid(1.0, colour)),
                });
            }
            // A step linked to a moment of truth, or unlinked in a stage that has one.
            let moment = match point.card.and_then(|id| map.card(id)) {
                Some(card) => card.moment_of_truth.is_some(),
                None => map
                    .cards
                    .iter()
                    .any(|c| c.stage == point.stage && c.moment_of_truth.is_some()),
            };
            if moment {
                shapes.push(star(
                    p.pos + vec2(FACE_RADIUS + 3.0, -FACE_RADIUS - 3.0),
                    5.0,
                    theme.moment_of_truth,
                ));
            }
            if !point.label.is_empty() {
                // Centred under the face; a to-be curve's words go above its faces, so two
                // curves passing close by do not write over each other.
                shapes.push(Shape::Text {
                    pos: point_label_rect(p.pos, &point.label, curve.variant).min,
                    text: point.label.as_str().into(),
                    size: 8.0,
                    bold: false,
                    colour: theme.ink_muted,
                });
            }
        }
    }
    marks(shapes, map, layout, options, theme);
}

/// The peak and end marks: a ring round the step, and its word with what is remembered as a
/// block of two lines placed where it overlaps no face and no other words (below a high step,
/// above a low one, else beside it), inside the curve band.
fn marks(
    shapes: &mut Vec<Shape>,
    map: &Map,
    layout: &Layout,
    options: &PaintOptions,
    theme: &Theme,
) {
    let Some(band) = layout.curve_band() else {
        return;
    };
    let shown = |id| !options.hidden_curves.contains(&id);
    // What the words may not cover: every shown face, every step's own words and the pills
    // of the differences between two compared curves.
    let mut taken: Vec<Rect> = layout
        .diffs
        .iter()
        .map(|d| Rect::from_min_size(d.label.pos, d.label.block.size).expand2(vec2(4.0, 1.5)))
        .collect();
    for curve_layout in layout.curves.iter().filter(|c| shown(c.id)) {
        let Some(curve) = map.curves.iter().find(|c| c.id == curve_layout.id) else {
            continue;
        };
        for p in &curve_layout.points {
            taken.push(Rect::from_center_size(
                p.pos,
                Vec2::splat(2.0 * FACE_RADIUS + 8.0),
            ));
            if let Some(point) = curve.points.get(p.index)
                && !point.label.is_empty()
            {
                taken.push(point_label_rect(p.pos, &point.label, curve.variant));
            }
        }
    }
    for (i, curve_layout) in layout.curves.iter().enumerate() {
        let Some(curve) = map.curves.iter().find(|c| c.id == curve_layout.id) else {
            continue;
        };
        if !shown(curve.id) {
            continue;
        }
        let colour = curve_colour(theme, curve_layout.colour, i);
        for p in &curve_layout.points {
            let Some(point) = curve.points.get(p.index) else {
                continue;
            };
            for mark in options
                .marks
                .iter()
                .filter(|m| m.curve == curve.id && m.point == p.index)
            {
                shapes.push(Shape::Circle {
                    center: p.pos,
                    radius: FACE_RADIUS + 4.0,
                    fill: None,
                    stroke: Some(Line::solid(1.5, colour)),
                });
                let lines: Vec<(&str, f32, bool)> =
                    std::iter::once((mark.text.as_str(), 8.5, true))
                        .chain(mark.detail.as_deref().map(|d| (d, 8.0, false)))
                        .collect();
                let size = vec2(
                    lines
                        .iter()
                        .map(|(t, size, _)| text_width(t, *size))
                        .fold(0.0, f32::max),
                    11.0 * lines.len() as f32,
                );
                // Above a low point, below a high one, so the words stay inside the band.
                let above = point.score <= map.scale.neutral();
                let block = place(p.pos, size, above, band, &taken);
                taken.push(block);
                for (row, (line, size, bold)) in lines.iter().enumerate() {
                    let x = block.center().x - text_width(line, *size) / 2.0;
                    shapes.push(Shape::Text {
                        pos: pos2(x, block.top() + 11.0 * row as f32),
                        text: (*line).into(),
                        size: *size,
                        bold: *bold,
                        colour,
                    });
                }
            }
        }
    }
}

/// About how wide `text` is at `size` (Inter's average letter is about 0.55 em).
fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.55
}

/// Where a step's own words go: under the face on an as-is curve, over it on a to-be one.
fn point_label_rect(at: Pos2, label: &str, variant: CurveVariant) -> Rect {
    let half = text_width(label, 8.0) / 2.0;
    let dy = match variant {
        CurveVariant::AsIs => FACE_RADIUS + 3.0,
        CurveVariant::ToBe => -FACE_RADIUS - 13.0,
    };
    Rect::from_min_size(at + vec2(-half, dy), vec2(2.0 * half, 10.0))
}

/// A place for a block of `size` near the step at `at`: below it, above it (above first when
/// `above`), then to its right and left, each a little farther out if need be; the first that
/// stays inside `band` and covers nothing `taken`, else the one that covers least.
fn place(at: Pos2, size: Vec2, above: bool, band: Rect, taken: &[Rect]) -> Rect {
    let gap = FACE_RADIUS + 6.0;
    let below =
        |step: f32| Rect::from_min_size(pos2(at.x - size.x / 2.0, at.y + gap + 10.0 + step), size);
    let over = |step: f32| {
        Rect::from_min_size(
            pos2(at.x - size.x / 2.0, at.y - gap - 10.0 - size.y - step),
            size,
        )
    };
    let right = |(dx, dy): (f32, f32)| {
        Rect::from_min_size(pos2(at.x + gap + dx, at.y - size.y / 2.0 + dy), size)
    };
    let left = |(dx, dy): (f32, f32)| {
        Rect::from_min_size(
            pos2(at.x - gap - dx - size.x, at.y - size.y / 2.0 + dy),
            size,
        )
    };
    let steps = [0.0, 12.0, 24.0];
    let sideways = [
        (0.0, 0.0),
        (0.0, 14.0),
        (0.0, -14.0),
        (24.0, 0.0),
        (24.0, 14.0),
        (24.0, -14.0),
    ];
    let (first, second): (Vec<Rect>, Vec<Rect>) = if above {
        (steps.map(over).into(), steps.map(below).into())
    } else {
        (steps.map(below).into(), steps.map(over).into())
    };
    let candidates: Vec<Rect> = first
        .into_iter()
        .chain(second)
        .chain(sideways.map(right))
        .chain(sideways.map(left))
        .map(|r| {
            // Kept inside the band across (a last step's words end at the band's edge).
            let dx = (band.left() - r.left()).max(0.0) + (band.right() - r.right()).min(0.0);
            r.translate(vec2(dx, 0.0))
        })
        .collect();
    let covered = |r: &Rect| -> f32 {
        taken
            .iter()
            .map(|t| t.intersect(*r))
            .filter(Rect::is_positive)
            .map(|i| i.area())
            .sum()
    };
    let fits = |r: &Rect| r.top() >= band.top() && r.bottom() <= band.bottom();
    let cost = |r: &Rect| covered(r) + if fits(r) { 0.0 } else { 1e6 };
    candidates
        .iter()
        .copied()
        .find(|r| cost(r) <= 0.0)
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .min_by(|a, b| cost(a).total_cmp(&cost(b)))
        })
        .unwrap_or_else(|| below(0.0))
}

/// The legend: a sample of each curve's line and face, then its name; hidden curves grey.
pub(super) fn legend(
    shapes: &mut Vec<Shape>,
    map: &Map,
    layout: &Layout,
    theme: &Theme,
    options: &PaintOptions,
) {
    // The legend: a sample of each curve's line and face, then its name; hidden curves grey.
    for (i, entry) in layout.legend.iter().enumerate() {
        let Some(curve) = map.curves.iter().find(|c| c.id == entry.curve) else {
            continue;
        };
        let hidden = options.hidden_curves.contains(&curve.id);
        let colour = if hidden {
            theme.ink_muted.gamma_multiply(0.5)
        } else {
            let colour = layout
                .curves
                .iter()
                .find(|c| c.id == curve.id)
                .and_then(|c| c.colour);
            curve_colour(theme, colour, i)
        };
        let y = entry.rect.center().y;
        let left = entry.rect.left();
        shapes.push(Shape::Path {
            points: vec![
                pos2(left + 2.0, y),
                pos2(left + crate::layout::LEGEND_SAMPLE - 2.0, y),
            ],
            closed: false,
            fill: None,
            stroke: Some(curve_line(map, curve, colour)),
        });
        shapes.extend(face(
            pos2(left + crate::layout::LEGEND_SAMPLE / 2.0, y),
            5.0,
            0.6,
            colour,
            theme,
        ));
        let ink = if hidden {
            theme.ink_muted.gamma_multiply(0.6)
        } else {
            theme.ink
        };
        text(shapes, &entry.label, ink);
    }
}

pub use crate::layout::FACE_RADIUS;

/// A curve's colour: its own or its persona's (`colour`), else the theme's `i`th.
fn curve_colour(theme: &Theme, colour: Option<crate::model::Rgb>, i: usize) -> Color32 {
    colour.map_or(
        theme.curve_colours[i % theme.curve_colours.len()],
        Theme::user_colour,
    )
}

/// A curve's line: as-is curves solid, then dotted, then long-dashed; to-be curves dashed, then
/// short-dashed, then long-dashed, so curves differ by more than colour.
fn curve_line(map: &Map, curve: &EmotionCurve, colour: Color32) -> Line {
    let rank = map
        .curves
        .iter()
        .take_while(|c| c.id != curve.id)
        .filter(|c| c.variant == curve.variant)
        .count();
    let dash = match curve.variant {
        CurveVariant::AsIs => [None, Some(2.5), Some(11.0)][rank % 3],
        CurveVariant::ToBe => [Some(6.0), Some(3.5), Some(14.0)][rank % 3],
    };
    Line {
        width: 2.5,
        colour,
        dash,
    }
}

/// A small face at `center`: `valence` -1 frowns, 0 is straight, 1 smiles.
pub fn face(center: Pos2, radius: f32, valence: f64, colour: Color32, theme: &Theme) -> Vec<Shape> {
    let r = radius;
    let eye = r * 0.16;
    let v = valence.clamp(-1.0, 1.0) as f32;
    let mouth_y = center.y + r * 0.32 - v * r * 0.08;
    let half = r * 0.48;
    let mouth: Vec<Pos2> = (0..=6)
        .map(|k| {
            let t = k as f32 / 3.0 - 1.0;
            pos2(center.x + t * half, mouth_y + v * r * 0.32 * (1.0 - t * t))
        })
        .collect();
    vec![
        Shape::Circle {
            center,
            radius: r,
            fill: Some(theme.paper),
            stroke: Some(Line::solid(1.6, colour)),
        },
        Shape::Circle {
            center: center + vec2(-r * 0.36, -r * 0.22),
            radius: eye,
            fill: Some(colour),
            stroke: None,
        },
        Shape::Circle {
            center: center + vec2(r * 0.36, -r * 0.22),
            radius: eye,
            fill: Some(colour),
            stroke: None,
        },
        Shape::Path {
            points: mouth,
            closed: false,
            fill: None,
            stroke: Some(Line::solid(1.2, colour)),
        },
    ]
}

/// A five-pointed star, the mark of a moment of truth.
pub(super) fn star(center: Pos2, radius: f32, colour: Color32) -> Shape {
    let points = (0..10)
        .map(|i| {
            let r = if i % 2 == 0 { radius } else { radius * 0.45 };
            let a = std::f32::consts::PI * (i as f32 / 5.0) - std::f32::consts::FRAC_PI_2;
            center + vec2(a.cos() * r, a.sin() * r)
        })
        .collect();
    Shape::Path {
        points,
        closed: true,
        fill: Some(colour),
        stroke: None,
    }
}

/// A smooth line through `points` (sorted by x): monotone cubic interpolation, which never
/// overshoots between two points, sampled with `steps` segments between each pair.
pub fn smooth(points: &[Pos2], steps: usize) -> Vec<Pos2> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let dx: Vec<f32> = points
        .windows(2)
        .map(|w| (w[1].x - w[0].x).max(1e-3))
        .collect();
    let slope: Vec<f32> = points
        .windows(2)
        .zip(&dx)
        .map(|(w, d)| (w[1].y - w[0].y) / d)
        .collect();
    let mut tangent = vec![0.0_f32; n];
    tangent[0] = slope[0];
    tangent[n - 1] = slope[n - 2];
    for i in 1..n - 1 {
        tangent[i] = if slope[i - 1] * slope[i] <= 0.0 {
            0.0
        } else {
            let (a, b) = (slope[i - 1], slope[i]);
            3.0 * (dx[i - 1] + dx[i])
                / ((2.0 * dx[i] + dx[i - 1]) / a + (dx[i] + 2.0 * dx[i - 1]) / b)
        };
    }
    let mut out = Vec::with_capacity((n - 1) * steps + 1);
    for i in 0..n - 1 {
        let (p0, p1, h) = (points[i], points[i + 1], dx[i]);
        for s in 0..steps {
            let t = s as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let y = (2.0 * t3 - 3.0 * t2 + 1.0) * p0.y
                + (t3 - 2.0 * t2 + t) * h * tangent[i]
                + (-2.0 * t3 + 3.0 * t2) * p1.y
                + (t3 - t2) * h * tangent[i + 1];
            out.push(pos2(p0.x + t * (p1.x - p0.x), y));
        }
    }
    out.push(points[n - 1]);
    out
}

/// Between two compared curves, each stage's difference: a dashed line from the first
/// curve's step to the second's, and a pill saying how much better (green) or worse.
pub(super) fn differences(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    for diff in &layout.diffs {
        let colour = if diff.gain > 0.0 {
            Theme::gain_colour()
        } else if diff.gain < 0.0 {
            Theme::loss_colour()
        } else {
            theme.ink_muted
        };
        shapes.push(Shape::Path {
            points: vec![diff.from, diff.to],
            closed: false,
            fill: None,
            stroke: Some(Line {
                width: 1.4,
                colour,
                dash: Some(3.0),
            }),
        });
        let pill = epaint::Rect::from_min_size(diff.label.pos, diff.label.block.size)
            .expand2(epaint::vec2(4.0, 1.5));
        shapes.push(Shape::Rect {
            rect: pill,
            radius: pill.height() / 2.0,
            fill: Some(colour),
            stroke: None,
        });
        super::text(shapes, &diff.label, Theme::ink_on(colour));
    }
    if let Some(words) = &layout.title.diff_legend {
        super::text(shapes, words, theme.ink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reported: a to-be curve's "Piek en eind" was written over the as-is curve's "Eind" and
    /// "onthouden". The words go where nothing else is, inside the band.
    #[test]
    fn a_marks_words_go_where_no_face_or_other_words_are() {
        let band = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 200.0));
        let at = pos2(200.0, 100.0);
        let size = vec2(60.0, 22.0);
        // Nothing in the way: below a high step, above a low one.
        let free = place(at, size, false, band, &[]);
        assert!(
            free.top() > at.y && (free.center().x - at.x).abs() < 1.0,
            "{free:?}"
        );
        let free = place(at, size, true, band, &[]);
        assert!(free.bottom() < at.y, "{free:?}");
        // Another step's words below and above: beside it, covering neither.
        let taken = [
            Rect::from_min_size(pos2(170.0, 110.0), vec2(60.0, 50.0)),
            Rect::from_min_size(pos2(170.0, 40.0), vec2(60.0, 50.0)),
        ];
        let placed = place(at, size, false, band, &taken);
        assert!(taken.iter().all(|t| !t.intersects(placed)), "{placed:?}");
        assert!(band.contains_rect(placed), "{placed:?}");
        // A last step at the band's right edge keeps its words on the map.
        let placed = place(pos2(395.0, 100.0), size, false, band, &[]);
        assert!(placed.right() <= band.right() + 1e-3, "{placed:?}");
    }
}
