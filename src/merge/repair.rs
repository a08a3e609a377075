//! After a merge: what one side deleted while the other still uses it (a card in a stage the
//! other side removed, a curve of a persona the other side removed) is kept, and said so.

use std::collections::HashSet;

use crate::model::{Map, Project};

/// Puts back, from the first of `sources` that has it, every stage, lane, card, persona and
/// picture the merged project still refers to; a stage that zooms into a map no side kept
/// zooms into nothing. Returns what was kept, in words.
pub(super) fn keep_what_is_used(project: &mut Project, sources: [&Project; 3]) -> Vec<String> {
    let mut kept = Vec::new();
    // Each pass may bring back something that refers further (a card and then its stage).
    for _ in 0..4 {
        let before = kept.len();
        for m in 0..project.maps.len() {
            let id = project.maps[m].id;
            let others: Vec<&Map> = sources.iter().filter_map(|p| p.map(id)).collect();
            keep_in_map(&mut project.maps[m], &others, &mut kept);
        }
        keep_personas(project, &sources, &mut kept);
        if kept.len() == before {
            break;
        }
    }
    let maps: HashSet<_> = project.maps.iter().map(|m| m.id).collect();
    for map in &mut project.maps {
        for stage in &mut map.stages {
            if stage.journey.is_some_and(|j| !maps.contains(&j)) {
                stage.journey = None;
                kept.push(format!(
                    "stage {:?} no longer zooms into a map that was deleted",
                    stage.name
                ));
            }
        }
    }
    kept
}

fn keep_in_map(map: &mut Map, others: &[&Map], kept: &mut Vec<String>) {
    let mut cards: HashSet<_> = map.cards.iter().map(|c| c.id).collect();
    let wanted_cards: Vec<_> = map
        .connectors
        .iter()
        .flat_map(|c| [c.from, c.to])
        .chain(
            map.curves
                .iter()
                .flat_map(|c| c.points.iter().filter_map(|p| p.card)),
        )
        .filter(|id| !cards.contains(id))
        .collect();
    for id in wanted_cards {
        if let Some(card) = others.iter().find_map(|m| m.card(id))
            && cards.insert(id)
        {
            kept.push(format!(
                "card {:?} of map {:?}, deleted on one side, is still used on the other",
                card.title, map.title
            ));
            map.cards.push(card.clone());
        }
    }
    let stages: HashSet<_> = map.stages.iter().map(|s| s.id).collect();
    let wanted_stages: Vec<_> = map
        .cards
        .iter()
        .map(|c| c.stage)
        .chain(
            map.curves
                .iter()
                .flat_map(|c| c.points.iter().map(|p| p.stage)),
        )
        .filter(|id| !stages.contains(id))
        .collect();
    for id in wanted_stages {
        if map.stage(id).is_some() {
            continue;
        }
        let Some((source, stage)) = others
            .iter()
            .find_map(|m| m.stage(id).map(|s| (*m, s.clone())))
        else {
            continue;
        };
        kept.push(format!(
            "stage {:?} of map {:?}, deleted on one side, still has cards or scores on the other",
            stage.name, map.title
        ));
        // After the stage it followed, where that is still there.
        let index = source.stage_index(id).unwrap_or(0);
        let at = source.stages[..index]
            .iter()
            .rev()
            .find_map(|prev| map.stage_index(prev.id).map(|i| i + 1))
            .unwrap_or(0);
        map.stages.insert(at.min(map.stages.len()), stage);
    }
    let lanes: HashSet<_> = map.lanes.iter().map(|l| l.id).collect();
    let wanted_lanes: Vec<_> = map
        .cards
        .iter()
        .map(|c| c.lane)
        .filter(|id| !lanes.contains(id))
        .collect();
    for id in wanted_lanes {
        if map.lane(id).is_some() {
            continue;
        }
        let Some((source, lane)) = others
            .iter()
            .find_map(|m| m.lane(id).map(|l| (*m, l.clone())))
        else {
            continue;
        };
        kept.push(format!(
            "lane {:?} of map {:?}, deleted on one side, still has cards on the other",
            lane.name, map.title
        ));
        let index = source.lane_index(id).unwrap_or(0);
        let at = source.lanes[..index]
            .iter()
            .rev()
            .find_map(|prev| map.lane_index(prev.id).map(|i| i + 1))
            .unwrap_or(0);
        map.lanes.insert(at.min(map.lanes.len()), lane);
    }
}

fn keep_personas(project: &mut Project, sources: &[&Project; 3], kept: &mut Vec<String>) {
    let wanted: Vec<_> = project
        .maps
        .iter()
        .flat_map(|m| {
            m.personas
                .iter()
                .copied()
                .chain(m.curves.iter().filter_map(|c| c.persona))
        })
        .collect();
    for id in wanted {
        if project.persona(id).is_some() {
            continue;
        }
        if let Some(persona) = sources.iter().find_map(|p| p.persona(id)) {
            kept.push(format!(
                "persona {:?}, deleted on one side, is still on a map on the other",
                persona.name
            ));
            project.personas.push(persona.clone());
        }
    }
    let images: HashSet<_> = project.images.iter().map(|i| i.id).collect();
    let wanted: Vec<_> = project
        .personas
        .iter()
        .filter_map(|p| p.image)
        .filter(|i| !images.contains(i))
        .collect();
    for id in wanted {
        if project.images.iter().any(|i| i.id == id) {
            continue;
        }
        if let Some(image) = sources
            .iter()
            .find_map(|p| p.images.iter().find(|i| i.id == id))
        {
            kept.push(format!("picture {:?} is still used", image.name));
            project.images.push(image.clone());
        }
    }
}
