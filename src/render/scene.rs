//! The painted map: simple shapes in map units that the canvas draws and export converts.

use epaint::emath::TSTransform;
use epaint::{Color32, Pos2, Rect, Vec2};

/// A stroke: width in points and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub width: f32,
    pub colour: Color32,
    /// Dash length in points; `None` for a solid line.
    pub dash: Option<f32>,
}

impl Line {
    /// A solid line.
    pub fn solid(width: f32, colour: Color32) -> Self {
        Self {
            width,
            colour,
            dash: None,
        }
    }
}

/// One shape of the scene.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle with rounded corners.
    Rect {
        rect: Rect,
        radius: f32,
        fill: Option<Color32>,
        stroke: Option<Line>,
    },
    /// A circle.
    Circle {
        center: Pos2,
        radius: f32,
        fill: Option<Color32>,
        stroke: Option<Line>,
    },
    /// A polyline (or polygon when `closed`).
    Path {
        points: Vec<Pos2>,
        closed: bool,
        fill: Option<Color32>,
        stroke: Option<Line>,
    },
    /// One line of text; `pos` is the top-left corner of the line box.
    Text {
        pos: Pos2,
        /// Shared with the layout's line, so painting a map copies no text.
        text: std::sync::Arc<str>,
        size: f32,
        bold: bool,
        colour: Color32,
    },
    /// A picture filling `rect` (cropped to it, never stretched), its corners rounded by
    /// `radius` (a circle when that is half the side of a square).
    Image {
        rect: Rect,
        radius: f32,
        picture: crate::layout::Picture,
    },
    /// Other shapes drawn smaller or moved: a point `p` of theirs lands at `offset + p * scale`,
    /// and nothing of them shows outside `clip` (in this scene's units). A page holds its map
    /// this way; a sheet of a tiled poster holds its part of the page.
    Group {
        clip: Option<Rect>,
        offset: Vec2,
        scale: f32,
        shapes: Vec<Shape>,
    },
}

impl Shape {
    /// A generous bounding box, for culling.
    pub fn bounds(&self) -> Rect {
        match self {
            Self::Rect { rect, stroke, .. } => rect.expand(stroke.map_or(0.0, |s| s.width)),
            Self::Image { rect, .. } => *rect,
            Self::Circle {
                center,
                radius,
                stroke,
                ..
            } => Rect::from_center_size(
                *center,
                Vec2::splat(2.0 * radius + stroke.map_or(0.0, |s| s.width)),
            ),
            Self::Path { points, stroke, .. } => {
                Rect::from_points(points).expand(stroke.map_or(0.0, |s| s.width))
            }
            // The text's width is not known here; a line never runs past the map's width. (Its
            // length in bytes is at least its count of characters, and quicker to know.)
            Self::Text {
                pos, size, text, ..
            } => Rect::from_min_size(*pos, Vec2::new(text.len() as f32 * size * 0.7, size * 1.4)),
            Self::Group {
                clip,
                offset,
                scale,
                shapes,
            } => {
                let inner = shapes
                    .iter()
                    .map(Self::bounds)
                    .reduce(Rect::union)
                    .map_or(Rect::NOTHING, |r| group_transform(*offset, *scale) * r);
                clip.map_or(inner, |c| c.intersect(inner))
            }
        }
    }

    /// This shape as far as it reaches into `visible`, or `None` when it does not: a group
    /// keeps only its shapes that do (a sheet of a tiled poster carries only what it shows).
    pub fn within(&self, visible: Rect) -> Option<Self> {
        match self {
            Self::Group {
                clip,
                offset,
                scale,
                shapes,
            } => {
                let visible = clip.map_or(visible, |c| c.intersect(visible));
                if !visible.is_positive() {
                    return None;
                }
                let inner = group_transform(*offset, scale.max(f32::EPSILON)).inverse() * visible;
                let shapes: Vec<Self> = shapes.iter().filter_map(|sh| sh.within(inner)).collect();
                (!shapes.is_empty()).then_some(Self::Group {
                    clip: *clip,
                    offset: *offset,
                    scale: *scale,
                    shapes,
                })
            }
            other => visible.intersects(other.bounds()).then(|| other.clone()),
        }
    }
}

/// Where a group's shapes land: a point `p` of theirs at `offset + p * scale`.
pub fn group_transform(offset: Vec2, scale: f32) -> TSTransform {
    TSTransform::new(offset, scale)
}

/// A painted map, or a printed page.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The size in points, from (0, 0).
    pub size: Vec2,
    pub background: Color32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// This scene drawn inside another, at `offset` and `scale`, clipped to `clip`: its
    /// background first, then its shapes.
    pub fn into_group(self, clip: Option<Rect>, offset: Vec2, scale: f32) -> Shape {
        let mut shapes = Vec::with_capacity(self.shapes.len() + 1);
        shapes.push(Shape::Rect {
            rect: Rect::from_min_size(Pos2::ZERO, self.size),
            radius: 0.0,
            fill: Some(self.background),
            stroke: None,
        });
        shapes.extend(self.shapes);
        Shape::Group {
            clip,
            offset,
            scale,
            shapes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::{pos2, vec2};

    fn dot(x: f32, y: f32) -> Shape {
        Shape::Circle {
            center: pos2(x, y),
            radius: 1.0,
            fill: Some(Color32::BLACK),
            stroke: None,
        }
    }

    #[test]
    fn a_group_is_bounded_and_cut_through_its_transform() {
        // Two dots at 10 and 1000 in the group's units, drawn at half size from (100, 0).
        let group = Shape::Group {
            clip: None,
            offset: vec2(100.0, 0.0),
            scale: 0.5,
            shapes: vec![dot(10.0, 10.0), dot(1000.0, 10.0)],
        };
        let bounds = group.bounds();
        assert!((bounds.left() - 104.5).abs() < 1e-3, "{bounds:?}");
        assert!((bounds.right() - 600.5).abs() < 1e-3, "{bounds:?}");
        // Only the first dot (at 105 on the page) reaches into [0, 200].
        let visible = Rect::from_min_max(pos2(0.0, 0.0), pos2(200.0, 200.0));
        let Some(Shape::Group { shapes, .. }) = group.within(visible) else {
            panic!("the group reaches into the area");
        };
        assert_eq!(shapes, vec![dot(10.0, 10.0)]);
        // Nothing of it in [700, 800]; nothing outside its clip.
        let far = Rect::from_min_max(pos2(700.0, 0.0), pos2(800.0, 200.0));
        assert!(group.within(far).is_none());
        let clipped = Shape::Group {
            clip: Some(Rect::from_min_max(pos2(300.0, 0.0), pos2(400.0, 50.0))),
            offset: vec2(100.0, 0.0),
            scale: 0.5,
            shapes: vec![dot(10.0, 10.0)],
        };
        assert!(clipped.within(visible).is_none());
    }
}
