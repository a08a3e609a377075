//! What lies under a point of the map, in map units: the cell, where dragged cards would land,
//! where a dragged header or lane would be inserted, how far a card would span, which score a
//! height on the emotion lane means. The canvas asks; nothing here knows of a window.

use epaint::emath::Rangef;
use epaint::{Pos2, pos2};

use super::{CardLayout, CurveLayout, Layout};
use crate::model::{CardId, EmotionScale, LaneId, Map, StageId};

/// Where a lane's own "+" (a new card in that lane) sits: the bottom-left of its header, clear
/// of the name above it and of an emotion lane's scale labels along the right.
pub fn lane_add_button(header: epaint::Rect) -> epaint::Rect {
    epaint::Rect::from_min_size(
        header.left_bottom() + epaint::vec2(8.0, -22.0),
        epaint::vec2(18.0, 18.0),
    )
}

/// The cell (lane, stage) under a point, if it is over an open lane and a stage.
pub fn cell_at(layout: &Layout, p: Pos2) -> Option<(LaneId, StageId)> {
    let lane = layout
        .lanes
        .iter()
        .find(|l| l.row.y_range().contains(p.y) && !l.collapsed)?;
    let stage = layout
        .stages
        .iter()
        .find(|s| s.column.x_range().contains(p.x))?;
    Some((lane.id, stage.id))
}

/// Where cards dragged to a point would land.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DropSlot {
    pub lane: LaneId,
    pub stage: StageId,
    /// The position among the cell's other cards.
    pub index: usize,
    /// The line that shows it, in map units.
    pub marker: [Pos2; 2],
}

/// Where the cards `moving`, dragged to `p`, would land: the cell under the pointer and the
/// position among its other cards.
pub fn drop_slot(layout: &Layout, p: Pos2, moving: &[CardId]) -> Option<DropSlot> {
    let (lane, stage) = cell_at(layout, p)?;
    let column = layout.stages.iter().find(|s| s.id == stage)?.column;
    let row = layout.lanes.iter().find(|l| l.id == lane)?.row;
    let in_cell: Vec<&CardLayout> = layout
        .cards
        .iter()
        .filter(|c| {
            c.lane == lane
                && (c.rect.left() - column.left()).abs() < column.width() / 2.0
                && !moving.contains(&c.id)
        })
        .collect();
    let index = in_cell.iter().filter(|c| c.rect.center().y < p.y).count();
    let y = match (
        index.checked_sub(1).and_then(|i| in_cell.get(i)),
        in_cell.get(index),
    ) {
        (_, Some(next)) => next.rect.top() - 4.0,
        (Some(prev), None) => prev.rect.bottom() + 4.0,
        (None, None) => row.top() + layout.metrics.gap,
    };
    let y = y.max(row.top() + 2.0);
    Some(DropSlot {
        lane,
        stage,
        index,
        marker: [pos2(column.left() + 6.0, y), pos2(column.right() - 6.0, y)],
    })
}

/// Where a header dragged to `along` (on its axis) is inserted among `others` (the other
/// headers' extents on that axis, in order): the new position and where the insertion line is
/// drawn (before the header now there, or after the last one).
pub fn insertion(others: &[Rangef], along: f32) -> (usize, f32) {
    let to = others.iter().filter(|r| r.center() < along).count();
    let at = others
        .get(to)
        .map(|r| r.min)
        .or_else(|| others.last().map(|r| r.max))
        .unwrap_or(along);
    (to, at)
}

/// Where a new lane dropped at height `y` goes: its index and the line's height.
pub fn lane_insertion(layout: &Layout, y: f32) -> (usize, f32) {
    let index = layout.lanes.iter().filter(|l| l.row.center().y < y).count();
    let at = layout
        .lanes
        .get(index)
        .map(|l| l.row.top())
        .or_else(|| layout.lanes.last().map(|l| l.row.bottom()))
        .unwrap_or(layout.grid.top());
    (index, at)
}

/// The stage whose column's middle is nearest `x`.
pub fn nearest_stage(layout: &Layout, x: f32) -> Option<&super::StageLayout> {
    layout.stages.iter().min_by(|a, b| {
        let d = |s: &super::StageLayout| (s.column.center().x - x).abs();
        d(a).total_cmp(&d(b))
    })
}

/// How many stages a card starting in stage `first` (its index) spans when its right edge is
/// dragged to `x`: at least one, at most to the map's last stage.
pub fn span_to(layout: &Layout, first: usize, x: f32) -> u16 {
    let columns = layout.stages.iter().filter(|s| s.column.left() < x).count();
    columns
        .saturating_sub(first)
        .clamp(1, layout.stages.len().saturating_sub(first).max(1)) as u16
}

/// A score from a height on the emotion lane: snapped to the scale's steps, or to a tenth with
/// `free`.
pub fn score_at(scale: EmotionScale, band: epaint::Rect, y: f32, free: bool) -> f64 {
    let raw = Layout::y_to_score(band, scale, y);
    if free {
        ((raw * 10.0).round() / 10.0).clamp(scale.min(), scale.max())
    } else {
        scale.snap(raw)
    }
}

/// The height of a stroke at `x`: on the last segment that spans `x` (a stroke drawn back
/// over itself keeps the later line).
pub fn stroke_y(stroke: &[Pos2], x: f32) -> Option<f32> {
    stroke.windows(2).rev().find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let (lo, hi) = (a.x.min(b.x), a.x.max(b.x));
        if x < lo - 0.5 || x > hi + 0.5 {
            return None;
        }
        let t = if (b.x - a.x).abs() < f32::EPSILON {
            1.0
        } else {
            ((x - a.x) / (b.x - a.x)).clamp(0.0, 1.0)
        };
        Some(a.y + t * (b.y - a.y))
    })
}

/// What a stroke across the emotion lane does to a curve.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stroke {
    /// (index in the curve's points, new score).
    pub set: Vec<(usize, f64)>,
    /// New points: (stage, score).
    pub add: Vec<(StageId, f64)>,
}

/// What a stroke (or a click: a stroke of one point) does to `curve`: every existing step it
/// passes takes the stroke's height; every stage it passes without a step gets one. A click
/// sets the step of its stage nearest the pointer.
pub fn stroke_scores(
    map: &Map,
    layout: &Layout,
    curve: &CurveLayout,
    stroke: &[Pos2],
    free: bool,
) -> Stroke {
    let mut out = Stroke::default();
    let is_click = stroke.len() <= 2 && stroke.first() == stroke.last();
    let (Some(model), Some(band)) = (
        map.curves.iter().find(|c| c.id == curve.id),
        layout.curve_band(),
    ) else {
        return out;
    };
    let score = |y| score_at(map.scale, band, y, free);
    for stage in &layout.stages {
        let column = stage.column.x_range();
        let in_stage: Vec<_> = curve
            .points
            .iter()
            .filter(|p| {
                model
                    .points
                    .get(p.index)
                    .is_some_and(|m| m.stage == stage.id)
            })
            .collect();
        if is_click {
            let Some(&p) = stroke.first() else { break };
            if !column.contains(p.x) {
                continue;
            }
            match in_stage
                .iter()
                .min_by(|a, b| (a.pos.x - p.x).abs().total_cmp(&(b.pos.x - p.x).abs()))
            {
                Some(nearest) => out.set.push((nearest.index, score(p.y))),
                None => out.add.push((stage.id, score(p.y))),
            }
            continue;
        }
        if in_stage.is_empty() {
            if let Some(y) = stroke_y(stroke, column.center()) {
                out.add.push((stage.id, score(y)));
            }
        } else {
            for p in in_stage {
                if let Some(y) = stroke_y(stroke, p.pos.x) {
                    out.set.push((p.index, score(y)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the heights and scores compared are exact: ends of the scale, halves, map units"
)]
mod tests;
