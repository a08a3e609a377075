//! Characters no shipped font can draw (right-to-left scripts, rare symbols): on paper they
//! would vanish without a trace, so each is drawn as a visible box instead, and the export says
//! once which ones they were.

use std::collections::BTreeSet;

use crate::layout::TextMeasurer;
use crate::render::{Scene, Shape};

/// What stands in for a character no font can draw.
pub const REPLACEMENT: char = '\u{25A1}';

/// Replaces the characters of `scene`'s text that no shipped font can draw; returns them.
pub fn replace_missing(scene: &mut Scene, text: &mut TextMeasurer) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    replace_in(&mut scene.shapes, text, &mut missing);
    missing
}

fn replace_in(shapes: &mut [Shape], measurer: &mut TextMeasurer, missing: &mut BTreeSet<char>) {
    for shape in shapes {
        match shape {
            Shape::Text { text, bold, .. } => {
                if text.chars().all(|c| measurer.can_draw(c, *bold)) {
                    continue;
                }
                let replaced: String = text
                    .chars()
                    .map(|c| {
                        if measurer.can_draw(c, *bold) {
                            c
                        } else {
                            missing.insert(c);
                            REPLACEMENT
                        }
                    })
                    .collect();
                *text = replaced.into();
            }
            Shape::Group { shapes, .. } => replace_in(shapes, measurer, missing),
            Shape::Rect { .. }
            | Shape::Circle { .. }
            | Shape::Path { .. }
            | Shape::Image { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::{Color32, Vec2, pos2};

    #[test]
    fn what_no_font_draws_becomes_a_box_and_is_named_once() {
        let text = |s: &str| Shape::Text {
            pos: pos2(0.0, 0.0),
            text: s.into(),
            size: 10.0,
            bold: false,
            colour: Color32::BLACK,
        };
        let mut scene = Scene {
            size: Vec2::splat(100.0),
            background: Color32::WHITE,
            shapes: vec![
                text("Klant ❤ 😀 שלום"),
                Shape::Group {
                    clip: None,
                    offset: Vec2::ZERO,
                    scale: 1.0,
                    shapes: vec![text("שלום en é")],
                },
            ],
        };
        let missing = replace_missing(&mut scene, &mut TextMeasurer::new());
        assert_eq!(missing, "😀שלום".chars().collect());
        let Shape::Text { text: first, .. } = &scene.shapes[0] else {
            panic!()
        };
        // The heart is drawn by the canvas's symbol font; the face (which that font lacks)
        // and the Hebrew letters become boxes.
        assert_eq!(&**first, "Klant ❤ □ □□□□");
    }
}
