//! The one painter: turns a laid-out map into a [`Scene`] for the canvas and every export, and
//! puts scenes on paper (a page with its title block, the sheets of a tiled poster and their
//! overview, persona sheets). Split by what it draws: `grid`, `cards`, `curves`, `page`,
//! `sheets`, `persona`.

mod action_icons;
pub mod actions;
mod band;
mod cards;
mod curves;
mod grid;
pub mod icons;
mod lane_icons;
mod lens;
mod metrics;
mod page;
mod persona;
mod scene;
mod sheets;
mod stakeholders;
mod theme;

pub use action_icons::{ActionIcon, action_icon};
pub use curves::{FACE_RADIUS, face, smooth};
pub use lane_icons::lane_icon;
pub use lens::{LensDim, veil};
pub use page::{Anchor, TitleBlock, Writer, page, rect_of};
pub use persona::{Body, PersonaSheet, Section, persona_sheet};
pub use scene::{Line, Scene, Shape, group_transform};
pub use sheets::{Overview, Sheet, overview, sheet};
pub use stakeholders::{Highlight, stakeholder_map};
pub use theme::{Chrome, Theme, contrast};

use epaint::Color32;

use crate::layout::{Layout, PlacedText};
use crate::model::{CurveId, Map};

pub(crate) fn text(shapes: &mut Vec<Shape>, placed: &PlacedText, colour: Color32) {
    for line in placed.block.lines.iter() {
        shapes.push(Shape::Text {
            pos: placed.pos + line.offset,
            text: line.text.clone(),
            size: placed.block.font_size,
            bold: placed.block.bold,
            colour,
        });
    }
}

/// A mark on one step of a curve, such as the peak or the end.
#[derive(Clone, Debug, PartialEq)]
pub struct PointMark {
    pub curve: CurveId,
    /// Index in the curve's points.
    pub point: usize,
    /// The word written next to it ("Piek", "End").
    pub text: String,
    /// A smaller line with it: at a curve's end, what the customer remembers (and whether the
    /// end is weak).
    pub detail: Option<String>,
}

/// What is shown besides the map itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaintOptions {
    /// Curves switched off in the legend.
    pub hidden_curves: Vec<CurveId>,
    /// Marks on curve steps (the analysis's peak and end).
    pub marks: Vec<PointMark>,
    /// The words of the journey badges in stage headers (an experience map's zoom-ins), by
    /// the journey they lead to.
    pub journeys: Vec<(crate::model::MapId, String)>,
    /// A department's lens: what is not theirs fades.
    pub lens: Option<LensDim>,
}

/// Paints `map` as laid out in `layout`.
pub fn paint(map: &Map, layout: &Layout, theme: &Theme, options: &PaintOptions) -> Scene {
    let mut shapes = Vec::with_capacity(layout.cards.len() * 6 + 64);
    text(&mut shapes, &layout.title.title, theme.ink);
    text(&mut shapes, &layout.title.subtitle, theme.ink_muted);
    band::personas(&mut shapes, layout, theme);
    band::band(&mut shapes, layout, theme);
    grid::lanes(&mut shapes, map, layout, theme);
    grid::stages(&mut shapes, layout, theme);
    grid::journey_badges(&mut shapes, layout, theme, &options.journeys);
    grid::curve_bands(&mut shapes, map, layout, theme);
    cards::cards(&mut shapes, map, layout, theme);
    metrics::metrics(&mut shapes, layout, theme);
    cards::connectors(&mut shapes, layout, theme);
    curves::curves(&mut shapes, map, layout, theme, options);
    curves::legend(&mut shapes, map, layout, theme, options);
    curves::differences(&mut shapes, layout, theme);
    if let Some(lens) = &options.lens {
        lens::veil(&mut shapes, layout, lens, theme);
    }
    Scene {
        size: layout.size,
        background: theme.paper,
        shapes,
    }
}
