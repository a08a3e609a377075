//! Icons for the toolbar's actions, as line art from the scene's shapes, like the channel icons:
//! the same drawing on every screen, no icon font to ship.

use std::f32::consts::PI;

use epaint::{Color32, Rect};

use super::Shape;
use super::icons::Pen;

/// What a toolbar icon shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionIcon {
    Undo,
    Redo,
    AddCard,
    AddStage,
    AddLane,
    Duplicate,
    Delete,
    Fit,
    ActualSize,
    FocusMap,
    Present,
    Workshop,
    /// A pencil: the curve that clicks and strokes on the emotion lane draw.
    Draw,
}

/// The icon `icon` in `rect` (best square), in `colour`.
pub fn action_icon(icon: ActionIcon, rect: Rect, colour: Color32) -> Vec<Shape> {
    let mut pen = Pen::new(rect, colour);
    match icon {
        // A U-turn arrow pointing back (left) or on (right).
        ActionIcon::Undo | ActionIcon::Redo => {
            let flip = |x: f32| if icon == ActionIcon::Redo { 1.0 - x } else { x };
            let turn: Vec<(f32, f32)> = (0..=12)
                .map(|i| {
                    let a = -PI / 2.0 + PI * i as f32 / 12.0;
                    (flip(0.58 + 0.3 * a.cos()), 0.56 + 0.28 * a.sin())
                })
                .collect();
            pen.path(&turn, false);
            pen.path(&[(flip(0.58), 0.28), (flip(0.22), 0.28)], false);
            pen.path(&[(flip(0.58), 0.84), (flip(0.36), 0.84)], false);
            pen.filled(&[(flip(0.06), 0.28), (flip(0.26), 0.12), (flip(0.26), 0.44)]);
        }
        ActionIcon::AddCard => {
            pen.rect(0.08, 0.18, 0.7, 0.7, 0.08);
            plus(&mut pen, 0.78, 0.78);
        }
        // Two columns and a new one.
        ActionIcon::AddStage => {
            pen.rect(0.06, 0.12, 0.3, 0.88, 0.04);
            pen.rect(0.38, 0.12, 0.62, 0.88, 0.04);
            plus(&mut pen, 0.8, 0.5);
        }
        // Two rows and a new one.
        ActionIcon::AddLane => {
            pen.rect(0.12, 0.06, 0.88, 0.3, 0.04);
            pen.rect(0.12, 0.38, 0.88, 0.62, 0.04);
            plus(&mut pen, 0.5, 0.8);
        }
        ActionIcon::Duplicate => {
            pen.rect(0.08, 0.08, 0.62, 0.62, 0.06);
            pen.rect(0.38, 0.38, 0.92, 0.92, 0.06);
        }
        // A bin with its lid.
        ActionIcon::Delete => {
            pen.path(&[(0.12, 0.24), (0.88, 0.24)], false);
            pen.path(
                &[(0.38, 0.24), (0.42, 0.1), (0.58, 0.1), (0.62, 0.24)],
                false,
            );
            pen.path(
                &[(0.2, 0.24), (0.27, 0.92), (0.73, 0.92), (0.8, 0.24)],
                false,
            );
            pen.path(&[(0.42, 0.38), (0.43, 0.78)], false);
            pen.path(&[(0.58, 0.38), (0.57, 0.78)], false);
        }
        // Four corners: the whole map in the window.
        ActionIcon::Fit => {
            for (x, y, dx, dy) in [
                (0.1, 0.1, 1.0, 1.0),
                (0.9, 0.1, -1.0, 1.0),
                (0.1, 0.9, 1.0, -1.0),
                (0.9, 0.9, -1.0, -1.0),
            ] {
                pen.path(&[(x, y + 0.28 * dy), (x, y), (x + 0.28 * dx, y)], false);
            }
        }
        // A magnifying glass.
        ActionIcon::ActualSize => {
            pen.circle(0.42, 0.42, 0.28, false);
            pen.path(&[(0.62, 0.62), (0.9, 0.9)], false);
        }
        // A target: where the keyboard goes.
        ActionIcon::FocusMap => {
            pen.circle(0.5, 0.5, 0.3, false);
            pen.circle(0.5, 0.5, 0.08, true);
            for (a, b) in [
                ((0.5, 0.04), (0.5, 0.2)),
                ((0.5, 0.8), (0.5, 0.96)),
                ((0.04, 0.5), (0.2, 0.5)),
                ((0.8, 0.5), (0.96, 0.5)),
            ] {
                pen.path(&[a, b], false);
            }
        }
        // A screen with a play mark.
        ActionIcon::Present => {
            pen.rect(0.06, 0.14, 0.94, 0.74, 0.04);
            pen.path(&[(0.5, 0.74), (0.5, 0.92)], false);
            pen.path(&[(0.3, 0.92), (0.7, 0.92)], false);
            pen.filled(&[(0.42, 0.3), (0.64, 0.44), (0.42, 0.58)]);
        }
        // Two people.
        ActionIcon::Workshop => {
            for x in [0.3, 0.7] {
                pen.circle(x, 0.32, 0.13, false);
                let shoulders: Vec<(f32, f32)> = (0..=8)
                    .map(|i| {
                        let a = PI + PI * i as f32 / 8.0;
                        (x + 0.2 * a.cos(), 0.88 + 0.3 * a.sin())
                    })
                    .collect();
                pen.path(&shoulders, false);
            }
        }
        // A pencil, point down to the left.
        ActionIcon::Draw => {
            pen.path(
                &[(0.66, 0.1), (0.9, 0.34), (0.36, 0.88), (0.12, 0.64)],
                true,
            );
            pen.path(&[(0.56, 0.2), (0.8, 0.44)], false);
            pen.filled(&[(0.12, 0.64), (0.36, 0.88), (0.06, 0.94)]);
        }
    }
    pen.shapes
}

/// A small plus centred on (x, y).
fn plus(pen: &mut Pen, x: f32, y: f32) {
    let r = 0.16;
    pen.path(&[(x - r, y), (x + r, y)], false);
    pen.path(&[(x, y - r), (x, y + r)], false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_stays_inside_its_square() {
        let rect = Rect::from_min_size(epaint::pos2(10.0, 20.0), epaint::vec2(16.0, 16.0));
        for icon in [
            ActionIcon::Undo,
            ActionIcon::Redo,
            ActionIcon::AddCard,
            ActionIcon::AddStage,
            ActionIcon::AddLane,
            ActionIcon::Duplicate,
            ActionIcon::Delete,
            ActionIcon::Fit,
            ActionIcon::ActualSize,
            ActionIcon::FocusMap,
            ActionIcon::Present,
            ActionIcon::Workshop,
            ActionIcon::Draw,
        ] {
            let shapes = action_icon(icon, rect, Color32::BLACK);
            assert!(!shapes.is_empty(), "{icon:?}");
            for s in &shapes {
                assert!(
                    rect.expand(1.0).contains_rect(s.bounds()),
                    "{icon:?}: {:?}",
                    s.bounds()
                );
            }
        }
    }
}
