//! Paper around a map: a printed page with the map placed on it and the title block.

use epaint::{Color32, Pos2, Rect, pos2, vec2};

use super::{Line, Scene, Shape, Theme};
use crate::layout::TextMeasurer;
use crate::layout::paper::PagePlan;

/// Text for the title block along the bottom of the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TitleBlock {
    pub project: String,
    pub map: String,
    pub persona: String,
    pub date: String,
    pub version: String,
}

/// Which way a line of text runs from its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The anchor is the line's top-left corner.
    Start,
    /// The anchor is the line's top-right corner.
    End,
}

/// Writes one line of text on paper (measured with the shipped font, so a line anchored at its
/// end ends there in every output).
pub struct Writer<'a> {
    pub text: &'a mut TextMeasurer,
    pub shapes: Vec<Shape>,
}

impl<'a> Writer<'a> {
    /// A writer with no shapes yet.
    pub fn new(text: &'a mut TextMeasurer) -> Self {
        Self {
            text,
            shapes: Vec::new(),
        }
    }

    /// One line at `at` (its top, at the start or the end of the line as `anchor` says).
    pub fn line(&mut self, at: Pos2, anchor: Anchor, words: &str, style: (f32, bool, Color32)) {
        let (size, bold, colour) = style;
        if words.is_empty() {
            return;
        }
        let x = match anchor {
            Anchor::Start => at.x,
            Anchor::End => at.x - self.text.width(words, size, bold),
        };
        self.shapes.push(Shape::Text {
            pos: pos2(x, at.y),
            text: words.into(),
            size,
            bold,
            colour,
        });
    }

    /// A rectangle, its outline centred on `rect`'s edge (a scene strokes rectangles inside
    /// their edge; lines on paper are drawn on it).
    pub fn rect(&mut self, rect: Rect, fill: Option<Color32>, stroke: Option<Line>) {
        self.shapes.push(Shape::Rect {
            rect: rect.expand(stroke.map_or(0.0, |s| s.width / 2.0)),
            radius: 0.0,
            fill,
            stroke,
        });
    }
}

/// A rectangle (x, y, width, height) as used by the paper plans.
pub fn rect_of((x, y, w, h): (f32, f32, f32, f32)) -> Rect {
    Rect::from_min_size(pos2(x, y), vec2(w, h))
}

/// `map` placed on a page as `plan` says (clipped to the printable area), with the title block
/// when `title` is given and the plan has room for it.
pub fn page(
    map: &Scene,
    plan: &PagePlan,
    title: Option<&TitleBlock>,
    theme: &Theme,
    text: &mut TextMeasurer,
) -> Scene {
    let mut w = Writer::new(text);
    w.shapes.push(map.clone().into_group(
        Some(rect_of(plan.map_area)),
        vec2(plan.offset.0, plan.offset.1),
        plan.scale,
    ));
    if let (Some(t), Some(area)) = (title, plan.title_block) {
        title_block(&mut w, t, rect_of(area), theme);
    }
    Scene {
        size: vec2(plan.size.0, plan.size.1),
        background: theme.page,
        shapes: w.shapes,
    }
}

/// The title block: the project (the map's own title is on the map already), its persona,
/// the date and the version; the text grows with the block, which grows with the paper.
fn title_block(w: &mut Writer<'_>, t: &TitleBlock, area: Rect, theme: &Theme) {
    let k = area.height() / crate::layout::paper::TITLE_BLOCK_PT;
    w.rect(area, None, Some(Line::solid(0.8 * k, theme.header_fill)));
    w.line(
        area.min + vec2(10.0 * k, 6.0 * k),
        Anchor::Start,
        &t.project,
        (13.0 * k, true, theme.ink),
    );
    let small = 9.0 * k;
    let bottom = area.bottom() - 6.0 * k - small;
    w.line(
        pos2(area.left() + 10.0 * k, bottom),
        Anchor::Start,
        &t.persona,
        (small, false, theme.ink_muted),
    );
    w.line(
        pos2(area.right() - 10.0 * k, bottom),
        Anchor::End,
        &format!("{}  ·  {}", t.date, t.version),
        (small, false, theme.ink_muted),
    );
}
