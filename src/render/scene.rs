//! The painted map: simple shapes in map units that the canvas draws and export converts.

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
        text: String,
        size: f32,
        bold: bool,
        colour: Color32,
    },
}

impl Shape {
    /// A generous bounding box, for culling.
    pub fn bounds(&self) -> Rect {
        match self {
            Self::Rect { rect, stroke, .. } => rect.expand(stroke.map_or(0.0, |s| s.width)),
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
            // The text's width is not known here; a line never runs past the map's width.
            Self::Text {
                pos, size, text, ..
            } => Rect::from_min_size(
                *pos,
                Vec2::new(text.chars().count() as f32 * size * 0.7, size * 1.4),
            ),
        }
    }
}

/// A painted map.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The map's size in points, from (0, 0).
    pub size: Vec2,
    pub background: Color32,
    pub shapes: Vec<Shape>,
}
