//! Hit-testing against a laid-out map: cells, drop slots and markers, insertion lines, spans,
//! scores from heights and strokes.

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
            for (pos, text) in Layout::scale_labels(lane.header, band, map.scale, laid.language) {
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
    // Exactly half a point past either end still reads.
    assert_eq!(stroke_y(&stroke, 9.5), Some(0.0));
    assert_eq!(stroke_y(&stroke, 20.5), Some(10.0));
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

/// Two steps in one stage: a click sets the one nearer the pointer.
#[test]
fn a_click_sets_the_nearer_of_two_steps_in_its_stage() {
    let (mut project, _) = laid_out();
    let map = &mut project.maps[0];
    let stage = map.stages[0].id;
    map.curves[0].points = vec![
        crate::model::EmotionPoint {
            stage,
            ..crate::model::EmotionPoint::default()
        };
        2
    ];
    let layout = lay_out(
        &project,
        &project.maps[0],
        &Metrics::default(),
        &mut TextMeasurer::new(),
    );
    let curve = &layout.curves[0];
    let (a, b) = (curve.points[0].pos, curve.points[1].pos);
    assert!((a.x - b.x).abs() > 4.0, "{a:?} {b:?}");
    let top = layout.curve_band().unwrap().top();
    // A point past each step, a little towards the other one.
    let toward = (b.x - a.x).signum();
    for (i, x) in [
        (curve.points[0].index, a.x + toward),
        (curve.points[1].index, b.x - toward),
    ] {
        let s = stroke_scores(&project.maps[0], &layout, curve, &[pos2(x, top)], false);
        assert_eq!(s.set, vec![(i, 2.0)]);
    }
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
