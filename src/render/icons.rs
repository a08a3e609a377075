//! Channel icons, drawn as simple line art from the scene's shapes so they look the same on the
//! canvas, in the inspector and in every export (no emoji font needed, nothing to embed).

use epaint::{Color32, Pos2, Rect, pos2};

use super::{Line, Shape};
use crate::model::Channel;

/// Draws shapes in a unit square that is mapped onto `rect`.
pub(super) struct Pen {
    rect: Rect,
    line: Line,
    colour: Color32,
    pub(super) shapes: Vec<Shape>,
}

impl Pen {
    /// A pen for line art in `rect`, its strokes a tenth of the square.
    pub(super) fn new(rect: Rect, colour: Color32) -> Self {
        Self {
            rect,
            line: Line::solid((rect.width().min(rect.height()) * 0.09).max(0.6), colour),
            colour,
            shapes: Vec::with_capacity(8),
        }
    }

    fn at(&self, x: f32, y: f32) -> Pos2 {
        pos2(
            self.rect.left() + x * self.rect.width(),
            self.rect.top() + y * self.rect.height(),
        )
    }

    fn scale(&self) -> f32 {
        self.rect.width().min(self.rect.height())
    }

    pub(super) fn path(&mut self, points: &[(f32, f32)], closed: bool) {
        let points = points.iter().map(|&(x, y)| self.at(x, y)).collect();
        self.shapes.push(Shape::Path {
            points,
            closed,
            fill: None,
            stroke: Some(self.line),
        });
    }

    pub(super) fn filled(&mut self, points: &[(f32, f32)]) {
        let points = points.iter().map(|&(x, y)| self.at(x, y)).collect();
        self.shapes.push(Shape::Path {
            points,
            closed: true,
            fill: Some(self.colour),
            stroke: None,
        });
    }

    pub(super) fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, radius: f32) {
        let rect = Rect::from_min_max(self.at(x0, y0), self.at(x1, y1));
        self.shapes.push(Shape::Rect {
            rect,
            radius: radius * self.scale(),
            fill: None,
            stroke: Some(self.line),
        });
    }

    pub(super) fn circle(&mut self, x: f32, y: f32, r: f32, filled: bool) {
        let center = self.at(x, y);
        let radius = r * self.scale();
        self.shapes.push(Shape::Circle {
            center,
            radius,
            fill: filled.then_some(self.colour),
            stroke: (!filled).then_some(self.line),
        });
    }

    /// An arc around (x, y) with radii (rx, ry), from angle `a0` to `a1` (radians, clockwise
    /// from the positive x axis as y points down).
    pub(super) fn arc(&mut self, (x, y): (f32, f32), (rx, ry): (f32, f32), a0: f32, a1: f32) {
        const STEPS: usize = 12;
        let points: Vec<(f32, f32)> = (0..=STEPS)
            .map(|i| {
                let a = a0 + (a1 - a0) * i as f32 / STEPS as f32;
                (x + rx * a.cos(), y + ry * a.sin())
            })
            .collect();
        self.path(&points, false);
    }
}

/// The icon of `channel` in `rect` (best square), in `colour`.
pub fn channel_icon(channel: &Channel, rect: Rect, colour: Color32) -> Vec<Shape> {
    use std::f32::consts::PI;
    let width = (rect.width().min(rect.height()) * 0.09).max(0.6);
    let mut pen = Pen {
        rect,
        line: Line::solid(width, colour),
        colour,
        shapes: Vec::with_capacity(6),
    };
    match channel {
        // A parcel: a box with its lid and a band of tape.
        Channel::Post => {
            pen.rect(0.12, 0.28, 0.88, 0.88, 0.04);
            pen.path(&[(0.12, 0.44), (0.88, 0.44)], false);
            pen.path(&[(0.5, 0.28), (0.5, 0.88)], false);
        }
        // A desk telephone: handset on a cradle, with a dial.
        Channel::Phone => {
            pen.path(&[(0.1, 0.42), (0.1, 0.22), (0.9, 0.22), (0.9, 0.42)], false);
            pen.path(
                &[(0.32, 0.42), (0.68, 0.42), (0.86, 0.88), (0.14, 0.88)],
                true,
            );
            pen.circle(0.5, 0.66, 0.1, false);
        }
        // A shop front: awning, window and door.
        Channel::Store => {
            pen.filled(&[(0.08, 0.14), (0.92, 0.14), (0.96, 0.38), (0.04, 0.38)]);
            pen.rect(0.14, 0.38, 0.86, 0.9, 0.0);
            pen.rect(0.42, 0.58, 0.62, 0.9, 0.0);
        }
        // A globe: outline, meridian and two parallels.
        Channel::Web => {
            pen.circle(0.5, 0.5, 0.4, false);
            pen.arc((0.5, 0.5), (0.17, 0.4), -PI / 2.0, PI * 1.5);
            pen.path(&[(0.1, 0.5), (0.9, 0.5)], false);
            pen.path(&[(0.18, 0.3), (0.82, 0.3)], false);
            pen.path(&[(0.18, 0.7), (0.82, 0.7)], false);
        }
        // A smartphone with its speaker and home button.
        Channel::App => {
            pen.rect(0.28, 0.06, 0.72, 0.94, 0.08);
            pen.path(&[(0.44, 0.16), (0.56, 0.16)], false);
            pen.circle(0.5, 0.82, 0.05, true);
        }
        // An envelope with its flap.
        Channel::Email => {
            pen.rect(0.08, 0.22, 0.92, 0.78, 0.03);
            pen.path(&[(0.08, 0.24), (0.5, 0.54), (0.92, 0.24)], false);
        }
        // Two people side by side.
        Channel::Meeting => {
            pen.circle(0.32, 0.34, 0.12, false);
            pen.circle(0.7, 0.34, 0.12, false);
            pen.arc((0.32, 0.86), (0.2, 0.3), PI, PI * 2.0);
            pen.arc((0.7, 0.86), (0.2, 0.3), PI, PI * 2.0);
        }
        // A speech bubble with three dots.
        Channel::Chat => {
            pen.rect(0.08, 0.14, 0.92, 0.66, 0.12);
            pen.path(&[(0.28, 0.66), (0.22, 0.88), (0.46, 0.66)], false);
            for x in [0.32, 0.5, 0.68] {
                pen.circle(x, 0.4, 0.05, true);
            }
        }
        // The "share" sign: three linked dots.
        Channel::SocialMedia => {
            pen.path(&[(0.72, 0.22), (0.28, 0.5), (0.72, 0.78)], false);
            pen.circle(0.72, 0.22, 0.12, true);
            pen.circle(0.28, 0.5, 0.12, true);
            pen.circle(0.72, 0.78, 0.12, true);
        }
        // A film camera.
        Channel::Video => {
            pen.rect(0.06, 0.28, 0.64, 0.72, 0.06);
            pen.filled(&[(0.66, 0.5), (0.94, 0.3), (0.94, 0.7)]);
        }
        // A self-service kiosk: screen on a stand, with a card slot.
        Channel::SelfService => {
            pen.rect(0.2, 0.06, 0.8, 0.46, 0.04);
            pen.path(&[(0.3, 0.46), (0.3, 0.94), (0.7, 0.94), (0.7, 0.46)], false);
            pen.path(&[(0.4, 0.62), (0.6, 0.62)], false);
        }
        // Anything else: a tag.
        Channel::Other(_) => {
            pen.path(
                &[
                    (0.1, 0.5),
                    (0.4, 0.16),
                    (0.9, 0.16),
                    (0.9, 0.84),
                    (0.4, 0.84),
                ],
                true,
            );
            pen.circle(0.38, 0.5, 0.07, true);
        }
    }
    pen.shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_draws_inside_its_box() {
        let rect = Rect::from_min_max(pos2(10.0, 20.0), pos2(20.0, 30.0));
        let mut all = Channel::FIXED.to_vec();
        all.push(Channel::Other("Brochure".to_owned()));
        for channel in all {
            let shapes = channel_icon(&channel, rect, Color32::BLACK);
            assert!(!shapes.is_empty(), "{channel:?}");
            for s in shapes {
                assert!(
                    rect.expand(1.5).contains_rect(s.bounds()),
                    "{channel:?}: {s:?}"
                );
            }
        }
    }
}
