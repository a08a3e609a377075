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
            Self::Group {
                clip,
                offset,
                scale,
                shapes,
            } => {
                let inner = shapes.iter().map(Self::bounds).reduce(Rect::union).map_or(
                    Rect::NOTHING,
                    |r| {
                        Rect::from_min_max(
                            (r.min.to_vec2() * *scale + *offset).to_pos2(),
                            (r.max.to_vec2() * *scale + *offset).to_pos2(),
                        )
                    },
                );
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
                let s = scale.max(f32::EPSILON);
                let inner = Rect::from_min_max(
                    ((visible.min.to_vec2() - *offset) / s).to_pos2(),
                    ((visible.max.to_vec2() - *offset) / s).to_pos2(),
                );
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
