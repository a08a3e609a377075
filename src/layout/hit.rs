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
mod tests {
    #[test]
    fn a_lanes_plus_stays_clear_of_the_emotion_scale_and_the_lane_name() {
        // Reported: on the emotion lane the lowest scale label (−2) was hidden under the "+".
        for kind in crate::model::MapKind::ALL {
            let project = crate::templates::new_project(kind, crate::i18n::Language::Dutch);
            let map = &project.maps[0];
            let laid = crate::layout::lay_out(
                &project,
                map,
                &crate::layout::Metrics::default(),
                &mut crate::layout::TextMeasurer::new(),
            );
            for lane in &laid.lanes {
                let plus = lane_add_button(lane.header);
                assert!(lane.header.contains_rect(plus), "{:?}", lane.kind);
                let name = epaint::Rect::from_min_size(lane.name.pos, lane.name.block.size);
                assert!(
                    !plus.intersects(name),
                    "{:?}: {plus:?} on {name:?}",
                    lane.kind
                );
                let Some(band) = lane.curve_band else {
                    continue;
                };
                for (pos, text) in Layout::scale_labels(lane.header, band, map.scale, laid.language)
                {
                    // 8 pt digits are about 4.5 points wide; the text is 10 points high.
                    let label = epaint::Rect::from_min_size(
                        pos,
                        epaint::vec2(text.chars().count() as f32 * 4.5, 10.0),
                    );
                    assert!(!plus.intersects(label), "{plus:?} on {text} at {label:?}");
                }
            }
        }
    }

    use super::*;
    use crate::layout::{Metrics, TextMeasurer, lay_out};
    use crate::model::{Card, MapKind};

    fn laid_out() -> (crate::model::Project, Layout) {
        let mut project =
            crate::templates::new_project(MapKind::CustomerJourney, crate::i18n::Language::English);
        let map = &mut project.maps[0];
        for title in ["one", "two"] {
            map.cards.push(Card {
                lane: map.lanes[0].id,
                stage: map.stages[0].id,
                title: title.to_owned(),
                ..Card::default()
            });
        }
        let layout = lay_out(
            &project,
            &project.maps[0],
            &Metrics::default(),
            &mut TextMeasurer::new(),
        );
        (project, layout)
    }

    #[test]
    fn a_point_in_a_cell_names_its_lane_and_stage_and_the_margin_names_none() {
        let (project, layout) = laid_out();
        let map = &project.maps[0];
        let cell = Rect::from_x_y_ranges(
            layout.stages[1].column.x_range(),
            layout.lanes[0].row.y_range(),
        );
        assert_eq!(
            cell_at(&layout, cell.center()),
            Some((map.lanes[0].id, map.stages[1].id))
        );
        assert_eq!(cell_at(&layout, pos2(-10.0, -10.0)), None);
    }

    #[test]
    fn cards_dropped_between_two_land_between_them() {
        let (project, layout) = laid_out();
        let map = &project.maps[0];
        let (a, b) = (&layout.cards[0], &layout.cards[1]);
        let between = pos2(
            a.rect.center().x,
            f32::midpoint(a.rect.center().y, b.rect.center().y),
        );
        let slot = drop_slot(&layout, between, &[]).unwrap();
        assert_eq!(
            (slot.lane, slot.stage, slot.index),
            (map.lanes[0].id, map.stages[0].id, 1)
        );
        // A card moved within its own cell does not count itself.
        let below = pos2(a.rect.center().x, b.rect.bottom() + 1.0);
        assert_eq!(drop_slot(&layout, below, &[b.id]).unwrap().index, 1);
    }

    #[test]
    fn a_header_goes_before_the_first_whose_middle_is_past_the_pointer() {
        let others = [Rangef::new(0.0, 10.0), Rangef::new(10.0, 20.0)];
        assert_eq!(insertion(&others, 4.0), (0, 0.0));
        assert_eq!(insertion(&others, 6.0), (1, 10.0));
        assert_eq!(insertion(&others, 30.0), (2, 20.0));
    }

    #[test]
    fn a_span_covers_the_stages_up_to_the_pointer_and_never_past_the_map() {
        let (_, layout) = laid_out();
        let last = layout.stages.len();
        let x_of = |i: usize| layout.stages[i].column.center().x;
        assert_eq!(span_to(&layout, 0, x_of(0)), 1);
        assert_eq!(span_to(&layout, 0, x_of(2)), 3);
        assert_eq!(span_to(&layout, 1, x_of(0)), 1);
        assert_eq!(span_to(&layout, 0, 1.0e6), last as u16);
    }

    #[test]
    fn a_span_ends_before_the_stage_whose_left_edge_the_pointer_is_on() {
        let (_, layout) = laid_out();
        let left = |i: usize| layout.stages[i].column.left();
        assert_eq!(span_to(&layout, 0, left(2)), 2);
        assert_eq!(span_to(&layout, 0, left(2) + 0.5), 3);
        assert_eq!(span_to(&layout, 2, left(0)), 1);
    }

    #[test]
    fn the_nearest_stage_is_the_one_whose_middle_is_closest() {
        let (project, layout) = laid_out();
        let map = &project.maps[0];
        let middle = |i: usize| layout.stages[i].column.center().x;
        for i in 0..layout.stages.len() {
            assert_eq!(
                nearest_stage(&layout, middle(i)).unwrap().id,
                map.stages[i].id
            );
        }
        // Just past the midpoint between two middles: the second.
        let between = f32::midpoint(middle(1), middle(2));
        assert_eq!(
            nearest_stage(&layout, between + 1.0).unwrap().id,
            map.stages[2].id
        );
        assert_eq!(
            nearest_stage(&layout, between - 1.0).unwrap().id,
            map.stages[1].id
        );
        assert_eq!(nearest_stage(&layout, -1.0e6).unwrap().id, map.stages[0].id);
    }

    #[test]
    fn a_lane_dropped_on_a_lanes_middle_goes_before_it() {
        let (_, layout) = laid_out();
        let lanes = &layout.lanes;
        assert_eq!(
            lane_insertion(&layout, lanes[1].row.center().y),
            (1, lanes[1].row.top())
        );
    }

    #[test]
    fn a_height_in_the_band_is_a_score_snapped_or_to_a_tenth() {
        let band = Rect::from_min_size(pos2(0.0, 100.0), epaint::vec2(10.0, 400.0));
        let scale = EmotionScale::MinusTwoToTwo;
        let at = |y: f32, free: bool| score_at(scale, band, y, free);
        assert_eq!(at(100.0, false), 2.0);
        assert_eq!(at(500.0, false), -2.0);
        assert_eq!(at(300.0, false), 0.0);
        // 0.8 of the way up: +1.2 on the scale, snapped to +1, or to a tenth when free.
        let y = 500.0 - 0.8 * 400.0;
        assert_eq!(at(y, false), 1.0);
        assert!((at(y, true) - 1.2).abs() < 1e-9, "{}", at(y, true));
        // 0.83 of the way: +1.32, a tenth is +1.3.
        assert!((at(500.0 - 0.83 * 400.0, true) - 1.3).abs() < 1e-9);
        // Beyond the band: the scale's ends.
        assert_eq!(at(0.0, true), 2.0);
        assert_eq!(at(900.0, true), -2.0);
    }

    #[test]
    fn a_stroke_reaches_half_a_point_past_its_ends_and_a_vertical_step_reads_its_end() {
        let stroke = [pos2(10.0, 0.0), pos2(20.0, 10.0)];
        assert_eq!(stroke_y(&stroke, 9.6), Some(0.0));
        assert_eq!(stroke_y(&stroke, 9.4), None);
        assert_eq!(stroke_y(&stroke, 20.4), Some(10.0));
        assert_eq!(stroke_y(&stroke, 20.6), None);
        assert_eq!(stroke_y(&stroke, 12.5), Some(2.5));
        // Drawn right to left: the same line.
        let back = [pos2(20.0, 10.0), pos2(10.0, 0.0)];
        assert_eq!(stroke_y(&back, 12.5), Some(2.5));
        // Straight down: the height it ends at.
        let down = [pos2(10.0, 0.0), pos2(10.0, 30.0)];
        assert_eq!(stroke_y(&down, 10.0), Some(30.0));
        assert_eq!(stroke_y(&[pos2(1.0, 1.0)], 1.0), None);
    }

    /// A map whose as-is curve has steps in the first and third stages, laid out.
    fn with_steps() -> (crate::model::Project, Layout) {
        let (mut project, _) = laid_out();
        let map = &mut project.maps[0];
        let stages: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
        map.curves[0].points = [0, 2]
            .iter()
            .map(|&i| crate::model::EmotionPoint {
                stage: stages[i],
                score: 0.0,
                ..crate::model::EmotionPoint::default()
            })
            .collect();
        let layout = lay_out(
            &project,
            &project.maps[0],
            &Metrics::default(),
            &mut TextMeasurer::new(),
        );
        (project, layout)
    }

    #[test]
    fn a_click_sets_its_stages_step_or_adds_one() {
        let (project, layout) = with_steps();
        let map = &project.maps[0];
        let band = layout.curve_band().unwrap();
        let curve = &layout.curves[0];
        let top = band.top();
        let click = |i: usize| {
            let x = layout.stages[i].column.center().x;
            stroke_scores(map, &layout, curve, &[pos2(x, top)], false)
        };
        // A stage with a step: that step is set to the top of the scale.
        assert_eq!(
            click(2),
            Stroke {
                set: vec![(1, 2.0)],
                add: vec![]
            }
        );
        assert_eq!(
            click(0),
            Stroke {
                set: vec![(0, 2.0)],
                add: vec![]
            }
        );
        // A stage without: a step is added there.
        assert_eq!(
            click(1),
            Stroke {
                set: vec![],
                add: vec![(map.stages[1].id, 2.0)]
            }
        );
        // A click held still is a click too (two equal points).
        let x = layout.stages[1].column.center().x;
        let held = stroke_scores(map, &layout, curve, &[pos2(x, top), pos2(x, top)], false);
        assert_eq!(held.add, vec![(map.stages[1].id, 2.0)]);
        // Left of every stage: nothing.
        let outside = stroke_scores(map, &layout, curve, &[pos2(-50.0, top)], false);
        assert_eq!(outside, Stroke::default());
    }

    #[test]
    fn a_stroke_sets_the_steps_it_passes_and_adds_where_there_were_none() {
        let (project, layout) = with_steps();
        let map = &project.maps[0];
        let band = layout.curve_band().unwrap();
        let curve = &layout.curves[0];
        // Across the first three stages, at the bottom of the band.
        let from = pos2(layout.stages[0].column.left(), band.bottom());
        let to = pos2(layout.stages[2].column.right(), band.bottom());
        let s = stroke_scores(map, &layout, curve, &[from, to], false);
        assert_eq!(s.set, vec![(0, -2.0), (1, -2.0)]);
        assert_eq!(s.add, vec![(map.stages[1].id, -2.0)]);
        // A stroke over the second stage only: its middle gets a step, the others nothing.
        let mid = layout.stages[1].column;
        let s = stroke_scores(
            map,
            &layout,
            curve,
            &[
                pos2(mid.left() + 1.0, band.top()),
                pos2(mid.right() - 1.0, band.top()),
            ],
            false,
        );
        assert_eq!(
            s,
            Stroke {
                set: vec![],
                add: vec![(map.stages[1].id, 2.0)]
            }
        );
        // A curve that is not on the map: nothing.
        let mut other = curve.clone();
        other.id = crate::model::CurveId(9);
        assert_eq!(
            stroke_scores(map, &layout, &other, &[from, to], false),
            Stroke::default()
        );
    }

    #[test]
    fn a_stroke_is_read_on_its_last_segment_over_x() {
        let stroke = [pos2(0.0, 0.0), pos2(10.0, 10.0), pos2(0.0, 20.0)];
        assert_eq!(stroke_y(&stroke, 5.0), Some(15.0));
        assert_eq!(stroke_y(&stroke, 50.0), None);
    }

    #[test]
    fn a_point_in_a_lower_lane_names_that_lane_and_a_collapsed_lane_names_none() {
        let (mut project, layout) = laid_out();
        let map = &project.maps[0];
        let in_cell = |layout: &Layout, lane: usize| {
            Rect::from_x_y_ranges(
                layout.stages[0].column.x_range(),
                layout.lanes[lane].row.y_range(),
            )
            .center()
        };
        assert_eq!(
            cell_at(&layout, in_cell(&layout, 2)),
            Some((map.lanes[2].id, map.stages[0].id))
        );
        project.maps[0].lanes[2].collapsed = true;
        let layout = lay_out(
            &project,
            &project.maps[0],
            &Metrics::default(),
            &mut TextMeasurer::new(),
        );
        assert_eq!(cell_at(&layout, in_cell(&layout, 2)), None);
        assert!(cell_at(&layout, in_cell(&layout, 1)).is_some());
    }

    /// The drop marker: a line across the column, 6 points in from each side, 4 points above
    /// the card it goes before, 4 below the last, a gap below the row's top in an empty cell.
    #[test]
    fn the_drop_marker_sits_between_the_cards_where_they_would_land() {
        let (project, layout) = laid_out();
        let map = &project.maps[0];
        let (a, b) = (&layout.cards[0], &layout.cards[1]);
        let column = layout.stages[0].column;
        let row = layout.lanes[0].row;
        let x = [column.left() + 6.0, column.right() - 6.0];
        let at = |p: Pos2, moving: &[CardId]| {
            let slot = drop_slot(&layout, p, moving).unwrap();
            (slot.index, slot.marker)
        };
        let between = pos2(a.rect.center().x, b.rect.top() - 1.0);
        assert_eq!(
            at(between, &[]),
            (
                1,
                [
                    pos2(x[0], b.rect.top() - 4.0),
                    pos2(x[1], b.rect.top() - 4.0)
                ]
            )
        );
        let below = pos2(a.rect.center().x, b.rect.bottom() + 1.0);
        let y = b.rect.bottom() + 4.0;
        assert_eq!(at(below, &[]), (2, [pos2(x[0], y), pos2(x[1], y)]));
        // Exactly on a card's middle: the card still counts as below the pointer.
        assert_eq!(at(pos2(b.rect.center().x, b.rect.center().y), &[]).0, 1);
        // Both cards moving: the cell is empty to them, and the marker sits a gap below the
        // row's top.
        let y = row.top() + layout.metrics.gap;
        assert_eq!(
            at(between, &[a.id, b.id]),
            (0, [pos2(x[0], y), pos2(x[1], y)])
        );
        // The next stage's cell of the same lane holds neither card.
        let next = layout.stages[1].column;
        let slot = drop_slot(&layout, pos2(next.center().x, b.rect.bottom() + 1.0), &[]).unwrap();
        assert_eq!((slot.stage, slot.index), (map.stages[1].id, 0));
        assert_eq!(slot.marker[0].x, next.left() + 6.0);
        // A card of another lane does not count in this one.
        let lane1 = layout.lanes[1].row;
        let slot = drop_slot(&layout, pos2(column.center().x, lane1.bottom() - 1.0), &[]).unwrap();
        assert_eq!((slot.lane, slot.index), (map.lanes[1].id, 0));
        assert_eq!(slot.marker[0].y, lane1.top() + layout.metrics.gap);
    }

    #[test]
    fn the_drop_marker_never_rises_above_its_row() {
        let (_, mut layout) = laid_out();
        // A card that pokes above its row (it cannot on a real layout; the marker still keeps
        // 2 points inside the row).
        let row = layout.lanes[0].row;
        let up = layout.cards[0].rect.top() - row.top() + 10.0;
        layout.cards[0].rect = layout.cards[0].rect.translate(epaint::vec2(0.0, -up));
        assert!(layout.cards[0].rect.center().y > row.top() + 1.0);
        let slot = drop_slot(
            &layout,
            pos2(layout.cards[0].rect.center().x, row.top() + 1.0),
            &[],
        )
        .unwrap();
        assert_eq!(slot.marker[0].y, row.top() + 2.0);
    }

    #[test]
    fn a_header_exactly_on_a_middle_goes_before_it() {
        let others = [Rangef::new(0.0, 10.0), Rangef::new(10.0, 20.0)];
        assert_eq!(insertion(&others, 5.0), (0, 0.0));
        assert_eq!(insertion(&[], 7.0), (0, 7.0));
    }

    #[test]
    fn a_lane_goes_before_the_first_whose_middle_is_below_the_pointer() {
        let (_, layout) = laid_out();
        let lanes = &layout.lanes;
        assert_eq!(
            lane_insertion(&layout, lanes[0].row.top() + 1.0),
            (0, lanes[0].row.top())
        );
        assert_eq!(
            lane_insertion(&layout, lanes[1].row.center().y + 1.0),
            (2, lanes[2].row.top())
        );
        let last = lanes.last().unwrap().row;
        assert_eq!(
            lane_insertion(&layout, last.bottom() + 50.0),
            (lanes.len(), last.bottom())
        );
    }

    use epaint::Rect;
}
