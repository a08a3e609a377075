//! Moving, adding, duplicating and deleting cards and stages, each undoable.

use super::*;
use crate::edit::apply;
use crate::model::{MapKind, Project};
use crate::templates;

#[test]
fn a_measured_step_moved_by_hand_is_the_users() {
    let mut p = project_with_cards();
    let map = &mut p.maps[0];
    let stage = map.stages[0].id;
    map.curves[0].points = vec![EmotionPoint {
        stage,
        from_data: true,
        ..EmotionPoint::default()
    }];
    let curve = map.curves[0].id;
    let e = edit_curve(&p.maps[0], curve, &[(0, 1.0)], &[], None);
    apply(&mut p, e).unwrap();
    assert!(!p.maps[0].curves[0].points[0].from_data);
}

fn project_with_cards() -> Project {
    let mut p = templates::new_project(MapKind::CustomerJourney, crate::i18n::Language::English);
    let map = &mut p.maps[0];
    let (lane, s0, s1) = (map.lanes[0].id, map.stages[0].id, map.stages[1].id);
    for (i, title) in ["a", "b", "c"].into_iter().enumerate() {
        map.cards.push(Card {
            lane,
            stage: s0,
            order: i as u32,
            title: title.to_owned(),
            ..Card::default()
        });
    }
    map.cards.push(Card {
        lane,
        stage: s1,
        title: "wide".to_owned(),
        span: 3,
        ..Card::default()
    });
    p
}

fn titles(map: &Map, lane: LaneId, stage: StageId) -> Vec<String> {
    map.cards_in_cell(lane, stage)
        .iter()
        .map(|c| c.title.clone())
        .collect()
}

#[test]
fn moving_a_card_within_and_between_cells() {
    let mut p = project_with_cards();
    let map = &p.maps[0];
    let (lane, s0, s1) = (map.lanes[0].id, map.stages[0].id, map.stages[1].id);
    let c = map.cards[2].id;
    let e = move_cards(map, &[c], lane, s0, 0);
    apply(&mut p, e).unwrap();
    assert_eq!(titles(&p.maps[0], lane, s0), ["c", "a", "b"]);
    let a = p.maps[0].cards[0].id;
    let e = move_cards(&p.maps[0], &[a], lane, s1, 1);
    apply(&mut p, e).unwrap();
    assert_eq!(titles(&p.maps[0], lane, s0), ["c", "b"]);
    assert_eq!(titles(&p.maps[0], lane, s1), ["wide", "a"]);
}

#[test]
fn cards_moved_together_keep_their_order_and_a_wide_one_fits_where_it_lands() {
    let mut p = project_with_cards();
    let map = &p.maps[0];
    let (lane, s0, s1) = (map.lanes[0].id, map.stages[0].id, map.stages[1].id);
    let (a, b) = (map.cards[0].id, map.cards[1].id);
    let e = move_cards(map, &[b, a], lane, s1, 1);
    apply(&mut p, e).unwrap();
    assert_eq!(titles(&p.maps[0], lane, s1), ["wide", "a", "b"]);
    // The wide card keeps its span where it fits, and is cut to the stages left where not.
    let wide = p.maps[0].cards[3].id;
    let last = p.maps[0].stages.last().unwrap().id;
    let e = move_cards(&p.maps[0], &[wide], lane, s0, 0);
    apply(&mut p, e).unwrap();
    assert_eq!(p.maps[0].card(wide).unwrap().span, 3);
    let e = move_cards(&p.maps[0], &[wide], lane, last, 0);
    apply(&mut p, e).unwrap();
    assert_eq!(p.maps[0].card(wide).unwrap().span, 1);
}

#[test]
fn deleting_a_card_takes_the_arrows_from_and_to_it() {
    let mut p = project_with_cards();
    let ids: Vec<CardId> = p.maps[0].cards.iter().map(|c| c.id).collect();
    p.maps[0].connectors = vec![
        crate::model::Connector {
            from: ids[0],
            to: ids[1],
            ..crate::model::Connector::default()
        },
        crate::model::Connector {
            from: ids[2],
            to: ids[0],
            ..crate::model::Connector::default()
        },
        crate::model::Connector {
            from: ids[1],
            to: ids[2],
            ..crate::model::Connector::default()
        },
    ];
    let e = delete_cards(&p.maps[0], &[ids[0]]);
    apply(&mut p, e).unwrap();
    let left: Vec<(CardId, CardId)> = p.maps[0]
        .connectors
        .iter()
        .map(|c| (c.from, c.to))
        .collect();
    assert_eq!(left, [(ids[1], ids[2])]);
}

#[test]
fn a_duplicated_card_is_a_new_card_right_after_its_original() {
    let mut p = project_with_cards();
    let map = &p.maps[0];
    let (lane, s0) = (map.lanes[0].id, map.stages[0].id);
    let a = map.cards[0].id;
    let (e, new_ids) = duplicate_cards(map, &[a]);
    apply(&mut p, e).unwrap();
    assert_eq!(new_ids.len(), 1);
    assert_ne!(new_ids[0], a);
    assert_eq!(titles(&p.maps[0], lane, s0), ["a", "a", "b", "c"]);
    assert!(p.maps[0].card(a).is_some() && p.maps[0].card(new_ids[0]).is_some());
    // Two at once, one step to undo.
    let before = p.clone();
    let (b, c) = (p.maps[0].cards[1].id, p.maps[0].cards[2].id);
    let (e, new_ids) = duplicate_cards(&p.maps[0], &[c, b]);
    let undo = apply(&mut p, e).unwrap();
    assert_eq!(new_ids.len(), 2);
    assert_eq!(titles(&p.maps[0], lane, s0), ["a", "a", "b", "b", "c", "c"]);
    assert!(crate::file::validate(&p, &crate::model::Limits::default()).is_empty());
    apply(&mut p, undo).unwrap();
    assert_eq!(p, before);
}

#[test]
fn moving_a_stage_keeps_its_cards_and_trims_spans() {
    let mut p = project_with_cards();
    let map = &p.maps[0];
    let s2 = map.stages[2].id;
    let e = move_stage(map, s2, 0);
    apply(&mut p, e).unwrap();
    let map = &p.maps[0];
    assert_eq!(map.stages[0].id, s2);
    let wide = map.cards.iter().find(|c| c.title == "wide").unwrap();
    // "wide" covered stages 1, 2 and 3; stage 2 moved away, so it covers 1 and 3 (now
    // neighbours) and nothing it did not cover before.
    assert_eq!(wide.span, 2);
    assert!(crate::file::validate(&p, &crate::file::Limits::default()).is_empty());
}

#[test]
fn deleting_a_stage_removes_its_cards_and_keeps_the_project_valid() {
    let mut p = project_with_cards();
    let s0 = p.maps[0].stages[0].id;
    let e = delete_stage(&p.maps[0], s0);
    let undo = apply(&mut p, e).unwrap();
    assert_eq!(p.maps[0].cards.len(), 1);
    assert!(crate::file::validate(&p, &crate::file::Limits::default()).is_empty());
    apply(&mut p, undo).unwrap();
    assert_eq!(p.maps[0].cards.len(), 4);
    // Deleting the last stages trims spans that would run off the map.
    let mut p = project_with_cards();
    let last = p.maps[0].stages.last().unwrap().id;
    let e = delete_stage(&p.maps[0], last);
    apply(&mut p, e).unwrap();
    assert!(crate::file::validate(&p, &crate::file::Limits::default()).is_empty());
}

#[test]
fn an_arrow_needs_two_different_cards_on_the_map_and_is_drawn_once() {
    let mut p = project_with_cards();
    let ids: Vec<CardId> = p.maps[0].cards.iter().map(|c| c.id).collect();
    let elsewhere = CardId::random();
    let map = &p.maps[0];
    assert!(add_connector(map, ids[0], ids[0]).is_none());
    assert!(add_connector(map, elsewhere, ids[0]).is_none());
    assert!(add_connector(map, ids[0], elsewhere).is_none());
    let (e, _) = add_connector(map, ids[0], ids[1]).expect("an arrow");
    apply(&mut p, e).unwrap();
    assert!(add_connector(&p.maps[0], ids[0], ids[1]).is_none(), "twice");
    // Another arrow into the same card, and the way back, are new arrows.
    let (e, _) = add_connector(&p.maps[0], ids[2], ids[1]).expect("another into b");
    apply(&mut p, e).unwrap();
    assert!(
        add_connector(&p.maps[0], ids[1], ids[0]).is_some(),
        "the way back"
    );
    assert_eq!(p.maps[0].connectors.len(), 2);
}

#[test]
fn deleting_a_lane_deletes_its_cards_and_only_those() {
    let mut p = project_with_cards();
    let (first, second) = (p.maps[0].lanes[0].id, p.maps[0].lanes[1].id);
    let stage = p.maps[0].stages[0].id;
    p.maps[0].cards.push(Card {
        lane: second,
        stage,
        title: "elders".to_owned(),
        ..Card::default()
    });
    let lanes_after: Vec<LaneId> = p.maps[0].lanes[1..].iter().map(|l| l.id).collect();
    let e = delete_lane(&p.maps[0], first);
    apply(&mut p, e).unwrap();
    let titles: Vec<&str> = p.maps[0].cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["elders"]);
    let lanes: Vec<LaneId> = p.maps[0].lanes.iter().map(|l| l.id).collect();
    assert_eq!(lanes, lanes_after);
}

/// A map with two curves of two points each.
fn two_curves() -> Project {
    let mut p = project_with_cards();
    let map = &mut p.maps[0];
    let stages = [map.stages[0].id, map.stages[1].id];
    let curve = || crate::model::EmotionCurve {
        points: stages
            .iter()
            .map(|&stage| EmotionPoint {
                stage,
                ..EmotionPoint::default()
            })
            .collect(),
        ..crate::model::EmotionCurve::default()
    };
    map.curves = vec![curve(), curve()];
    p
}

#[test]
fn removing_a_step_past_the_end_of_a_curve_changes_nothing() {
    let mut p = two_curves();
    let before = p.clone();
    let curve = p.maps[0].curves[0].id;
    let e = edit_curve(&p.maps[0], curve, &[], &[], Some(2));
    apply(&mut p, e).unwrap();
    assert_eq!(p, before);
    let e = edit_curve(&p.maps[0], curve, &[], &[], Some(1));
    apply(&mut p, e).unwrap();
    assert_eq!(p.maps[0].curves[0].points.len(), 1);
}

#[test]
fn updating_a_step_changes_that_curve_only() {
    let mut p = two_curves();
    let (first, second) = (&p.maps[0].curves[0], &p.maps[0].curves[1]);
    let mut point = second.points[1].clone();
    point.score = 1.5;
    point.label = "beter".into();
    let (untouched, id) = (first.clone(), second.id);
    let e = update_point(&p.maps[0], id, 1, point.clone());
    apply(&mut p, e).unwrap();
    assert_eq!(p.maps[0].curves[1].points[1], point);
    assert_eq!(p.maps[0].curves[0], untouched);
}
