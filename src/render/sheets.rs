//! A poster printed over several sheets: each sheet shows its part of the poster's page with
//! crop marks, a dashed glue line where the next sheet overlaps it, and its label; an overview
//! page shows the whole poster with the sheets drawn over it.

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

use super::page::{Anchor, Writer};
use super::{Line, Scene, Shape, Theme};
use crate::layout::TextMeasurer;

/// What one sheet shows and says.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's page size in points.
    pub page: Vec2,
    /// The blank border printers cannot reach: crop marks and labels go there.
    pub margin: f32,
    /// The part of the poster's page the sheet shows, in poster points.
    pub area: Rect,
    /// How far the sheet to the right overlaps this one (glue goes there); `None` in the last
    /// column or without overlap.
    pub glue_right: Option<f32>,
    /// How far the sheet below overlaps this one; `None` in the last row or without overlap.
    pub glue_bottom: Option<f32>,
    /// "B2 · Map title", top left.
    pub label: String,
    /// "row 2/3 · column 2/5", top right.
    pub position: String,
}

/// How long a crop mark is, as a part of the sheet's margin.
const MARK: f32 = 0.6;

fn segment(a: Pos2, b: Pos2, line: Line) -> Shape {
    Shape::Path {
        points: vec![a, b],
        closed: false,
        fill: None,
        stroke: Some(line),
    }
}

/// One sheet of a tiled poster, cut from `poster` (the poster's page).
pub fn sheet(poster: &Scene, s: &Sheet, theme: &Theme, text: &mut TextMeasurer) -> Scene {
    let m = s.margin;
    let part = Rect::from_min_size(pos2(m, m), s.area.size());
    let mut w = Writer::new(text);
    // Only the shapes that reach into the sheet travel with it.
    w.shapes.push(Shape::Group {
        clip: Some(part),
        offset: part.min - s.area.min,
        scale: 1.0,
        shapes: poster
            .shapes
            .iter()
            .filter_map(|shape| shape.within(s.area.expand(1.0)))
            .collect(),
    });
    // Crop marks: short lines in the margin, in line with the part's edges.
    let mark = Line::solid(0.5, theme.crop_mark);
    for (corner, dx, dy) in [
        (part.left_top(), -1.0, -1.0),
        (part.right_top(), 1.0, -1.0),
        (part.left_bottom(), -1.0, 1.0),
        (part.right_bottom(), 1.0, 1.0),
    ] {
        let (near, far) = (3.0, m * MARK);
        w.shapes.push(segment(
            corner + vec2(dx * near, 0.0),
            corner + vec2(dx * far, 0.0),
            mark,
        ));
        w.shapes.push(segment(
            corner + vec2(0.0, dy * near),
            corner + vec2(0.0, dy * far),
            mark,
        ));
    }
    // Where the neighbours overlap this sheet: glue there.
    let glue = Line {
        width: 0.5,
        colour: theme.neutral_line,
        dash: Some(3.0),
    };
    if let Some(overlap) = s.glue_right.filter(|o| *o > 0.0) {
        let x = part.right() - overlap;
        w.shapes
            .push(segment(pos2(x, part.top()), pos2(x, part.bottom()), glue));
    }
    if let Some(overlap) = s.glue_bottom.filter(|o| *o > 0.0) {
        let y = part.bottom() - overlap;
        w.shapes
            .push(segment(pos2(part.left(), y), pos2(part.right(), y), glue));
    }
    let top = m * 0.35;
    w.line(
        pos2(m, top),
        Anchor::Start,
        &s.label,
        (8.0, true, theme.ink),
    );
    w.line(
        pos2(s.page.x - m, top),
        Anchor::End,
        &s.position,
        (8.0, false, theme.ink_muted),
    );
    Scene {
        size: s.page,
        background: theme.page,
        shapes: w.shapes,
    }
}

/// The overview page of a tiled poster.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// The page size in points (a sheet's).
    pub page: Vec2,
    pub margin: f32,
    pub title: String,
    /// "3 rows × 5 columns".
    pub summary: String,
    /// Each sheet's area on the poster's page and its label.
    pub sheets: Vec<(Rect, String)>,
}

/// The overview: the whole poster small, with the sheets drawn over it and labelled.
pub fn overview(poster: &Scene, o: &Overview, theme: &Theme, text: &mut TextMeasurer) -> Scene {
    let m = o.margin;
    let head = 40.0;
    let room = vec2(o.page.x - 2.0 * m, o.page.y - 2.0 * m - head);
    let scale = (room.x / poster.size.x).min(room.y / poster.size.y);
    let origin = vec2(m + (room.x - poster.size.x * scale) / 2.0, m + head);
    let mut w = Writer::new(text);
    w.line(pos2(m, m), Anchor::Start, &o.title, (14.0, true, theme.ink));
    w.line(
        pos2(m, m + 20.0),
        Anchor::Start,
        &o.summary,
        (9.0, false, theme.ink_muted),
    );
    w.shapes
        .push(poster.clone().into_group(None, origin, scale));
    for (area, label) in &o.sheets {
        let on_page = super::group_transform(origin, scale) * *area;
        w.rect(on_page, None, Some(Line::solid(0.8, theme.moment_of_truth)));
        w.line(
            on_page.min + vec2(4.0, 4.0),
            Anchor::Start,
            label,
            (10.0, true, theme.moment_of_truth),
        );
    }
    Scene {
        size: o.page,
        background: theme.page,
        shapes: w.shapes,
    }
}
