//! Icons for the kinds of lane, as line art like the channel and toolbar icons.

use std::f32::consts::PI;

use epaint::{Color32, Rect};

use super::Shape;
use super::icons::Pen;
use crate::model::LaneKind;

/// The icon of a lane of `kind` in `rect` (best square), in `colour`.
pub fn lane_icon(kind: LaneKind, rect: Rect, colour: Color32) -> Vec<Shape> {
    let mut pen = Pen::new(rect, colour);
    match kind {
        // A person, walking on.
        LaneKind::CustomerActions => {
            pen.circle(0.5, 0.16, 0.11, false);
            pen.path(&[(0.5, 0.28), (0.46, 0.6)], false);
            pen.path(&[(0.46, 0.6), (0.28, 0.92)], false);
            pen.path(&[(0.46, 0.6), (0.66, 0.92)], false);
            pen.path(&[(0.24, 0.44), (0.5, 0.36), (0.74, 0.48)], false);
        }
        // A finger's touch: a dot and its ripples.
        LaneKind::Touchpoints => {
            pen.circle(0.5, 0.5, 0.1, true);
            pen.circle(0.5, 0.5, 0.25, false);
            pen.arc((0.5, 0.5), (0.4, 0.4), -PI * 0.8, -PI * 0.2);
        }
        // A broadcast: a mast and its waves.
        LaneKind::Channels => {
            pen.path(&[(0.5, 0.5), (0.5, 0.92)], false);
            pen.circle(0.5, 0.45, 0.06, true);
            pen.arc((0.5, 0.45), (0.2, 0.2), -PI * 0.85, -PI * 0.15);
            pen.arc((0.5, 0.45), (0.38, 0.38), -PI * 0.85, -PI * 0.15);
        }
        // A thought bubble.
        LaneKind::Thoughts => {
            pen.circle(0.55, 0.38, 0.3, false);
            pen.circle(0.24, 0.76, 0.08, false);
            pen.circle(0.1, 0.92, 0.04, true);
        }
        // Quotation marks: two commas, raised.
        LaneKind::Quotes => {
            pen.circle(0.3, 0.4, 0.12, true);
            pen.path(&[(0.4, 0.42), (0.34, 0.7)], false);
            pen.circle(0.66, 0.4, 0.12, true);
            pen.path(&[(0.76, 0.42), (0.7, 0.7)], false);
        }
        // A smiling face.
        LaneKind::Emotions => {
            pen.circle(0.5, 0.5, 0.4, false);
            pen.circle(0.36, 0.4, 0.05, true);
            pen.circle(0.64, 0.4, 0.05, true);
            pen.arc((0.5, 0.52), (0.22, 0.18), PI * 0.15, PI * 0.85);
        }
        // A lightning bolt.
        LaneKind::PainPoints => {
            pen.filled(&[
                (0.58, 0.04),
                (0.2, 0.56),
                (0.46, 0.56),
                (0.36, 0.96),
                (0.8, 0.4),
                (0.54, 0.4),
            ]);
        }
        // A light bulb.
        LaneKind::Opportunities => {
            pen.arc((0.5, 0.4), (0.3, 0.3), PI * 0.75, PI * 2.25);
            pen.path(
                &[(0.29, 0.61), (0.36, 0.76), (0.64, 0.76), (0.71, 0.61)],
                false,
            );
            pen.path(&[(0.38, 0.88), (0.62, 0.88)], false);
        }
        // A person with a badge: who owns it.
        LaneKind::Owners => {
            pen.circle(0.5, 0.28, 0.16, false);
            pen.arc((0.5, 0.96), (0.36, 0.4), PI, 2.0 * PI);
            pen.rect(0.56, 0.66, 0.74, 0.8, 0.02);
        }
        // A counter seen from the front: what the customer sees.
        LaneKind::Frontstage => {
            pen.path(&[(0.06, 0.3), (0.94, 0.3)], false);
            pen.rect(0.14, 0.3, 0.86, 0.9, 0.0);
            pen.circle(0.5, 0.6, 0.1, false);
        }
        // A gear: the work behind the scenes.
        LaneKind::Backstage => {
            pen.circle(0.5, 0.5, 0.24, false);
            pen.circle(0.5, 0.5, 0.08, true);
            for k in 0..8 {
                let a = PI / 4.0 * k as f32;
                let (c, s) = (a.cos(), a.sin());
                pen.path(
                    &[
                        (0.5 + 0.24 * c, 0.5 + 0.24 * s),
                        (0.5 + 0.4 * c, 0.5 + 0.4 * s),
                    ],
                    false,
                );
            }
        }
        // Stacked layers: the systems that carry it.
        LaneKind::SupportProcesses => {
            for y in [0.22, 0.5, 0.78] {
                pen.path(
                    &[(0.1, y), (0.5, y - 0.14), (0.9, y), (0.5, y + 0.14)],
                    true,
                );
            }
        }
        // A bar chart.
        LaneKind::Metrics => {
            pen.path(&[(0.08, 0.92), (0.92, 0.92)], false);
            pen.rect(0.16, 0.56, 0.32, 0.92, 0.0);
            pen.rect(0.42, 0.3, 0.58, 0.92, 0.0);
            pen.rect(0.68, 0.12, 0.84, 0.92, 0.0);
        }
        // A page with a folded corner and lines of text.
        LaneKind::Evidence => {
            pen.path(
                &[
                    (0.18, 0.06),
                    (0.62, 0.06),
                    (0.82, 0.26),
                    (0.82, 0.94),
                    (0.18, 0.94),
                ],
                true,
            );
            pen.path(&[(0.62, 0.06), (0.62, 0.26), (0.82, 0.26)], false);
            for y in [0.46, 0.62, 0.78] {
                pen.path(&[(0.3, y), (0.7, y)], false);
            }
        }
        // A tag.
        LaneKind::Custom => {
            pen.path(
                &[
                    (0.1, 0.1),
                    (0.5, 0.1),
                    (0.92, 0.52),
                    (0.52, 0.92),
                    (0.1, 0.5),
                ],
                true,
            );
            pen.circle(0.3, 0.3, 0.07, true);
        }
    }
    pen.shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lane_kind_has_an_icon_inside_its_square() {
        let rect = Rect::from_min_size(epaint::pos2(4.0, 8.0), epaint::vec2(16.0, 16.0));
        for kind in LaneKind::ALL {
            let shapes = lane_icon(kind, rect, Color32::BLACK);
            assert!(!shapes.is_empty(), "{kind:?}");
            for s in &shapes {
                assert!(
                    rect.expand(1.0).contains_rect(s.bounds()),
                    "{kind:?}: {:?}",
                    s.bounds()
                );
            }
        }
    }
}
