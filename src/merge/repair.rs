//! After a merge: what one side deleted while the other still uses it (a card in a stage the
//! other side removed, a curve of a persona the other side removed) is kept, and said so.

use std::collections::HashSet;

use crate::model::{Map, Project};

/// Puts back, from the first of `sources` that has it, every stage, lane, card, persona and
/// picture the merged project still refers to; a stage that zooms into a map no side kept
/// zooms into nothing. Returns what was kept, in words.
pub(super) fn keep_what_is_used(project: &mut Project, sources: [&Project; 3]) -> Vec<String> {
    let mut kept = Vec::new();
    // One pass suffices: what is put back only refers further down this order (a card to its
    // stage and lane, a map to its personas, a persona to its picture), never back up it.
    for m in 0..project.maps.len() {
        let id = project.maps[m].id;
        let others: Vec<&Map> = sources.iter().filter_map(|p| p.map(id)).collect();
        keep_in_map(&mut project.maps[m], &others, &mut kept);
    }
    keep_personas(project, &sources, &mut kept);
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

/// What one side deleted while the other's action or opportunity still addresses it (a card,
/// a stage, a data set its measure reads) is not put back for that: the action lets go of it,
/// and says so.
pub(super) fn actions_let_go(project: &mut Project) -> Vec<String> {
    let Some(fix) = crate::edit::actions::tidy(project) else {
        return Vec::new();
    };
    let before: Vec<_> = project.actions.clone();
    let before_opportunities = project.opportunities.clone();
    let _ = crate::edit::apply(project, fix);
    let mut said = Vec::new();
    for (old, new) in before.iter().zip(&project.actions) {
        if old.cards.len() + old.stages.len() != new.cards.len() + new.stages.len() {
            said.push(format!(
                "action {:?} no longer addresses a card or stage deleted on one side",
                new.title
            ));
        }
        if old.measure.is_some() && new.measure.is_none() {
            said.push(format!(
                "action {:?} lost its measure: what it measured was deleted on one side",
                new.title
            ));
        }
        if old.owner.is_some() && new.owner.is_none() {
            said.push(format!(
                "action {:?} has no owner: its stakeholder was deleted on one side",
                new.title
            ));
        }
        if old.opportunity.is_some() && new.opportunity.is_none() {
            said.push(format!(
                "action {:?} is on no opportunity: its opportunity was deleted on one side",
                new.title
            ));
        }
    }
    for (old, new) in before_opportunities.iter().zip(&project.opportunities) {
        if old != new {
            said.push(format!(
                "opportunity {:?} no longer names a card or stage deleted on one side",
                new.title
            ));
        }
    }
    said
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
    let wanted_stages: Vec<_> = map
        .cards
        .iter()
        .map(|c| c.stage)
        .chain(
            map.curves
                .iter()
                .flat_map(|c| c.points.iter().map(|p| p.stage)),
        )
        .collect();
    let title = map.title.clone();
    for name in put_back(
        &mut map.stages,
        &wanted_stages,
        others,
        |m| &m.stages,
        |s| s.id,
    ) {
        kept.push(format!(
            "stage {name:?} of map {title:?}, deleted on one side, still has cards or scores on the other"
        ));
    }
    let wanted_lanes: Vec<_> = map.cards.iter().map(|c| c.lane).collect();
    for name in put_back(
        &mut map.lanes,
        &wanted_lanes,
        others,
        |m| &m.lanes,
        |l| l.id,
    ) {
        kept.push(format!(
            "lane {name:?} of map {title:?}, deleted on one side, still has cards on the other"
        ));
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

/// A stage or a lane: a part of a map with an id and a name.
trait Part: Clone {
    fn name(&self) -> &str;
}

impl Part for crate::model::Stage {
    fn name(&self) -> &str {
        &self.name
    }
}

impl Part for crate::model::Lane {
    fn name(&self) -> &str {
        &self.name
    }
}

/// Puts back into `list`, from the first of `others` that has it, each part `wanted` names that
/// `list` lacks, after the part it followed there (where that is still in `list`); returns the
/// names of what was put back.
fn put_back<T: Part, I: Copy + Eq + std::hash::Hash>(
    list: &mut Vec<T>,
    wanted: &[I],
    others: &[&Map],
    parts: impl Fn(&Map) -> &Vec<T>,
    id: impl Fn(&T) -> I,
) -> Vec<String> {
    let mut names = Vec::new();
    for want in wanted {
        if list.iter().any(|p| id(p) == *want) {
            continue;
        }
        let Some((source, index)) = others.iter().find_map(|m| {
            parts(m)
                .iter()
                .position(|p| id(p) == *want)
                .map(|i| (parts(m), i))
        }) else {
            continue;
        };
        let at = source[..index]
            .iter()
            .rev()
            .find_map(|prev| list.iter().position(|p| id(p) == id(prev)).map(|i| i + 1))
            .unwrap_or(0);
        names.push(source[index].name().to_owned());
        list.insert(at.min(list.len()), source[index].clone());
    }
    names
}
