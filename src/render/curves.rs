//! Emotion curves: the line, a face per step (its mouth shows the emotion, so the curve reads
//! without colour), moments of truth, the peak and the end; and the legend.

use epaint::{Color32, Pos2, pos2, vec2};

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
                // Centred under the face (roughly: Inter's average letter is about 0.55 em);
                // a to-be curve's words go above its faces, so two curves passing close by do
                // not write over each other.
                let half = point.label.chars().count() as f32 * 8.0 * 0.275;
                let dy = match curve.variant {
                    CurveVariant::AsIs => FACE_RADIUS + 3.0,
                    CurveVariant::ToBe => -FACE_RADIUS - 13.0,
                };
                shapes.push(Shape::Text {
                    pos: p.pos + vec2(-half, dy),
                    text: point.label.as_str().into(),
                    size: 8.0,
                    bold: false,
                    colour: theme.ink_muted,
                });
            }
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
                // Above a low point, below a high one, so the word stays inside the band.
                let above = point.score <= map.scale.neutral();
                let y = if above {
                    -FACE_RADIUS - 18.0
                } else {
                    FACE_RADIUS + 14.0
                };
                shapes.push(Shape::Text {
                    pos: p.pos + vec2(-12.0, y),
                    text: mark.text.as_str().into(),
                    size: 8.5,
                    bold: true,
                    colour,
                });
                if let Some(detail) = &mark.detail {
                    // Under the word (over it above a low point), ending at the face's right
                    // so a curve's last step keeps it on the map (Inter ≈ 0.55 em a letter).
                    let width = detail.chars().count() as f32 * 8.0 * 0.55;
                    let dy = if above { -10.0 } else { 11.0 };
                    shapes.push(Shape::Text {
                        pos: p.pos + vec2(FACE_RADIUS + 4.0 - width, y + dy),
                        text: detail.as_str().into(),
                        size: 8.0,
                        bold: false,
                        colour,
                    });
                }
            }
        }
    }
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
