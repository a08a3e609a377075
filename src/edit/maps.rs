//! Edits to the project's list of maps: add, duplicate, move, delete.

use std::collections::HashMap;

use super::Edit;
use crate::model::{CardId, CurveId, LaneId, Map, MapId, Project, StageId};

/// Puts `map` at `index` among the project's maps.
pub fn insert_map(index: usize, map: Map) -> Edit {
    Edit::SetMap {
        id: map.id,
        index,
        value: Some(Box::new(map)),
    }
}

/// A copy of `map` titled `title`, with fresh ids for the map and everything in it (cards keep
/// their stage and lane, curve points their stage and card).
pub fn duplicate(map: &Map, title: String) -> Map {
    let mut copy = map.clone();
    copy.id = MapId::random();
    copy.title = title;
    let stages: HashMap<StageId, StageId> = copy
        .stages
        .iter_mut()
        .map(|s| (std::mem::replace(&mut s.id, StageId::random()), s.id))
        .collect();
    let lanes: HashMap<LaneId, LaneId> = copy
        .lanes
        .iter_mut()
        .map(|l| (std::mem::replace(&mut l.id, LaneId::random()), l.id))
        .collect();
    let mut cards: HashMap<CardId, CardId> = HashMap::new();
    for c in &mut copy.cards {
        cards.insert(std::mem::replace(&mut c.id, CardId::random()), c.id);
        c.stage = stages.get(&c.stage).copied().unwrap_or(c.stage);
        c.lane = lanes.get(&c.lane).copied().unwrap_or(c.lane);
    }
    for connector in &mut copy.connectors {
        connector.id = crate::model::ConnectorId::random();
        connector.from = cards
            .get(&connector.from)
            .copied()
            .unwrap_or(connector.from);
        connector.to = cards.get(&connector.to).copied().unwrap_or(connector.to);
    }
    let mut curve_ids: HashMap<CurveId, CurveId> = HashMap::new();
    for curve in &mut copy.curves {
        curve_ids.insert(curve.id, CurveId::random());
        curve.id = curve_ids[&curve.id];
        for p in &mut curve.points {
            p.stage = stages.get(&p.stage).copied().unwrap_or(p.stage);
            p.card = p.card.and_then(|c| cards.get(&c).copied());
        }
    }
    copy.compare = copy
        .compare
        .and_then(|(a, b)| Some((*curve_ids.get(&a)?, *curve_ids.get(&b)?)));
    copy
}

/// Moves the map `id` to position `to`; `None` when there is no such map.
pub fn move_map(project: &Project, id: MapId, to: usize) -> Option<Edit> {
    let map = project.maps.iter().find(|m| m.id == id)?.clone();
    Some(insert_map(to, map))
}

/// Removes the map `id` (at `index`) of `project`; stages of other maps that zoomed into it
/// no longer do.
pub fn delete_map(project: &Project, id: MapId, index: usize) -> Edit {
    let mut edits: Vec<Edit> = project
        .maps
        .iter()
        .filter(|m| m.id != id && m.stages.iter().any(|s| s.journey == Some(id)))
        .map(|m| {
            let mut stages = m.stages.clone();
            for stage in &mut stages {
                if stage.journey == Some(id) {
                    stage.journey = None;
                }
            }
            Edit::SetStages { map: m.id, stages }
        })
        .collect();
    edits.push(Edit::SetMap {
        id,
        index,
        value: None,
    });
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::MapKind;

    #[test]
    fn a_duplicate_has_fresh_ids_everywhere_and_the_same_content() {
        let ikea = crate::file::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/ikea-winkelbezoek.klantreis.ron"
        )))
        .unwrap()
        .project;
        let map = &ikea.maps[0];
        let copy = duplicate(map, "Kopie".to_owned());
        assert_ne!(copy.id, map.id);
        assert_eq!(copy.title, "Kopie");
        assert_eq!(copy.cards.len(), map.cards.len());
        for (a, b) in map.stages.iter().zip(&copy.stages) {
            assert_ne!(a.id, b.id);
            assert_eq!(a.name, b.name);
        }
        for (a, b) in map.cards.iter().zip(&copy.cards) {
            assert_ne!(a.id, b.id);
            assert_eq!(a.title, b.title);
            // The copy's card sits in the copy's stage and lane at the same positions.
            assert_eq!(map.stage_index(a.stage), copy.stage_index(b.stage));
            assert_eq!(map.lane_index(a.lane), copy.lane_index(b.lane));
        }
        let linked = map
            .curves
            .iter()
            .flat_map(|c| &c.points)
            .filter(|p| p.card.is_some());
        let copied = copy
            .curves
            .iter()
            .flat_map(|c| &c.points)
            .filter_map(|p| p.card);
        assert_eq!(linked.count(), copied.clone().count());
        assert!(copied.into_iter().all(|id| copy.card(id).is_some()));
        // Both in one project still make a valid file.
        let mut project = ikea.clone();
        crate::edit::apply(&mut project, insert_map(1, copy)).unwrap();
        assert!(crate::file::validate(&project, &crate::model::Limits::default()).is_empty());
    }

    #[test]
    fn moving_and_deleting_a_map_undo_to_the_same_project() {
        let mut project =
            crate::templates::new_project(MapKind::CustomerJourney, Language::English);
        let second = crate::templates::new_map(MapKind::ServiceBlueprint, Language::English);
        let second_id = second.id;
        crate::edit::apply(&mut project, insert_map(1, second)).unwrap();
        let before = project.clone();
        let edit = move_map(&project, second_id, 0).unwrap();
        let undo = crate::edit::apply(&mut project, edit).unwrap();
        assert_eq!(project.maps[0].id, second_id);
        crate::edit::apply(&mut project, undo).unwrap();
        assert_eq!(project, before);
        let edit = delete_map(&project, second_id, 1);
        let undo = crate::edit::apply(&mut project, edit).unwrap();
        assert_eq!(project.maps.len(), 1);
        crate::edit::apply(&mut project, undo).unwrap();
        assert_eq!(project, before);
        assert!(move_map(&project, MapId::random(), 0).is_none());
    }

    #[test]
    fn deleting_a_journey_unlinks_the_stages_that_zoomed_into_it() {
        let mut project =
            crate::templates::new_project(MapKind::CustomerExperience, Language::English);
        let journey = crate::templates::new_map(MapKind::CustomerJourney, Language::English);
        let journey_id = journey.id;
        crate::edit::apply(&mut project, insert_map(1, journey)).unwrap();
        project.maps[0].stages[1].journey = Some(journey_id);
        let before = project.clone();
        let edit = delete_map(&project, journey_id, 1);
        let undo = crate::edit::apply(&mut project, edit).unwrap();
        assert_eq!(project.maps[0].stages[1].journey, None);
        assert!(crate::file::validate(&project, &crate::model::Limits::default()).is_empty());
        crate::edit::apply(&mut project, undo).unwrap();
        assert_eq!(project, before);
    }

    /// Only the maps whose stages zoomed into the deleted one are touched: one step to undo,
    /// no other map rewritten.
    #[test]
    fn deleting_a_map_touches_only_the_maps_that_zoomed_into_it() {
        let mut project =
            crate::templates::new_project(MapKind::CustomerExperience, Language::English);
        for _ in 0..2 {
            let journey = crate::templates::new_map(MapKind::CustomerJourney, Language::English);
            let at = project.maps.len();
            crate::edit::apply(&mut project, insert_map(at, journey)).unwrap();
        }
        let (first, second) = (project.maps[1].id, project.maps[2].id);
        project.maps[0].stages[0].journey = Some(first);
        project.maps[0].stages[1].journey = Some(second);
        let Edit::Batch(edits) = delete_map(&project, second, 2) else {
            panic!("a batch")
        };
        assert_eq!(edits.len(), 2, "{edits:?}");
        assert!(matches!(&edits[0], Edit::SetStages { map, .. } if *map == project.maps[0].id));
        let Edit::Batch(edits) = delete_map(&project, project.maps[0].id, 0) else {
            panic!("a batch")
        };
        assert_eq!(edits.len(), 1, "{edits:?}");
    }
}
