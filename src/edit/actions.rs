//! Edits of opportunities and actions: made from where the need is seen (a card, a stage),
//! changed, scored by a drag in the matrix, removed; and what a deleted card, stage, data set
//! or curve leaves dangling in them put right in the same step ([`tidy`]).

use std::collections::HashSet;

use super::Edit;
use crate::model::{
    Action, ActionId, CardId, MapId, Measure, Opportunity, OpportunityId, Owner, Project, StageId,
};

/// Adds `action` at the end of the project's actions.
pub fn add(project: &Project, action: Action) -> Edit {
    Edit::SetAction {
        id: action.id,
        index: project.actions.len(),
        value: Some(Box::new(action)),
    }
}

/// Replaces the action with `action.id` where it is; `None` when there is no such action or
/// nothing changed.
pub fn change(project: &Project, action: Action) -> Option<Edit> {
    let index = project.actions.iter().position(|a| a.id == action.id)?;
    (project.actions[index] != action).then(|| Edit::SetAction {
        id: action.id,
        index,
        value: Some(Box::new(action)),
    })
}

/// Removes action `id`.
pub fn delete(project: &Project, id: ActionId) -> Option<Edit> {
    let index = project.actions.iter().position(|a| a.id == id)?;
    Some(Edit::SetAction {
        id,
        index,
        value: None,
    })
}

/// Scores action `id` (a dot dragged in the matrix): impact and effort 1 to 5.
pub fn score(project: &Project, id: ActionId, impact: u8, effort: u8) -> Option<Edit> {
    let mut action = project.action(id)?.clone();
    action.impact = impact.clamp(1, 5);
    action.effort = effort.clamp(1, 5);
    change(project, action)
}

/// Adds `opportunity` at the end of the project's opportunities.
pub fn add_opportunity(project: &Project, opportunity: Opportunity) -> Edit {
    Edit::SetOpportunity {
        id: opportunity.id,
        index: project.opportunities.len(),
        value: Some(Box::new(opportunity)),
    }
}

/// Replaces the opportunity with `opportunity.id` where it is.
pub fn change_opportunity(project: &Project, opportunity: Opportunity) -> Option<Edit> {
    let index = project
        .opportunities
        .iter()
        .position(|o| o.id == opportunity.id)?;
    (project.opportunities[index] != opportunity).then(|| Edit::SetOpportunity {
        id: opportunity.id,
        index,
        value: Some(Box::new(opportunity)),
    })
}

/// Removes opportunity `id`; the actions on it stay, on no opportunity.
pub fn delete_opportunity(project: &Project, id: OpportunityId) -> Option<Edit> {
    let index = project.opportunities.iter().position(|o| o.id == id)?;
    let mut edits: Vec<Edit> = project
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.opportunity == Some(id))
        .map(|(i, a)| {
            let mut a = a.clone();
            a.opportunity = None;
            Edit::SetAction {
                id: a.id,
                index: i,
                value: Some(Box::new(a)),
            }
        })
        .collect();
    edits.push(Edit::SetOpportunity {
        id,
        index,
        value: None,
    });
    Some(Edit::Batch(edits))
}

/// Where a new action comes from, which fills its links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A card: a pain point, an opportunity card, a moment of truth, a touchpoint.
    Card(CardId),
    /// A stage: a low moment, a weak end, a finding about the stage.
    Stage(MapId, StageId),
}

/// A new action drafted from `source`: titled after it, addressing it (a card's stage too),
/// owned by the card's owner (its stakeholder when the stakeholder map has one of that name),
/// not yet scored or planned. `None` when the source no longer exists.
pub fn draft(project: &Project, source: Source) -> Option<Action> {
    let mut action = Action::default();
    match source {
        Source::Card(id) => {
            let (_, card) = project.find_card(id)?;
            card.title.trim().clone_into(&mut action.title);
            action.cards = vec![id];
            action.stages = vec![card.stage];
            let owner = card.owner.trim();
            action.owner = match project.owner_stakeholder(owner) {
                Some(s) => Some(Owner::Stakeholder(s.id)),
                None if !owner.is_empty() => Some(Owner::Named(owner.to_owned())),
                None => None,
            };
        }
        Source::Stage(map, stage) => {
            let stage = project.map(map)?.stage(stage)?;
            stage.name.trim().clone_into(&mut action.title);
            action.stages = vec![stage.id];
        }
    }
    Some(action)
}

/// What a change left dangling in the opportunities and actions, put right: links to cards and
/// stages that are gone are dropped, an owner no longer on the stakeholder map or an
/// opportunity no longer there is cleared, and a measure whose data set, stage, card, map or
/// curve is gone is dropped whole (a measure is kept as written or not at all).
pub fn tidy(project: &Project) -> Option<Edit> {
    if project.actions.is_empty() && project.opportunities.is_empty() {
        return None;
    }
    let cards: HashSet<CardId> = project
        .maps
        .iter()
        .flat_map(|m| m.cards.iter().map(|c| c.id))
        .collect();
    let stages: HashSet<StageId> = project
        .maps
        .iter()
        .flat_map(|m| m.stages.iter().map(|s| s.id))
        .collect();
    let mut edits = Vec::new();
    for (index, o) in project.opportunities.iter().enumerate() {
        let mut fixed = o.clone();
        fixed.cards.retain(|c| cards.contains(c));
        fixed.stages.retain(|s| stages.contains(s));
        if fixed != *o {
            edits.push(Edit::SetOpportunity {
                id: o.id,
                index,
                value: Some(Box::new(fixed)),
            });
        }
    }
    for (index, a) in project.actions.iter().enumerate() {
        let mut fixed = a.clone();
        fixed.cards.retain(|c| cards.contains(c));
        fixed.stages.retain(|s| stages.contains(s));
        if let Some(Owner::Stakeholder(s)) = fixed.owner
            && project.stakeholder(s).is_none()
        {
            fixed.owner = None;
        }
        if fixed
            .opportunity
            .is_some_and(|o| project.opportunity(o).is_none())
        {
            fixed.opportunity = None;
        }
        if fixed
            .measure
            .as_ref()
            .is_some_and(|m| !measure_holds(project, m, &cards, &stages))
        {
            fixed.measure = None;
        }
        if fixed != *a {
            edits.push(Edit::SetAction {
                id: a.id,
                index,
                value: Some(Box::new(fixed)),
            });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

fn measure_holds(
    project: &Project,
    measure: &Measure,
    cards: &HashSet<CardId>,
    stages: &HashSet<StageId>,
) -> bool {
    match measure {
        Measure::Data {
            dataset,
            stage,
            card,
            ..
        } => {
            project.dataset(*dataset).is_some()
                && stage.is_none_or(|s| stages.contains(&s))
                && card.is_none_or(|c| cards.contains(&c))
        }
        Measure::Remembered { map, curve, .. } => project
            .map(*map)
            .is_some_and(|m| m.curves.iter().any(|c| c.id == *curve)),
    }
}

#[cfg(test)]
mod tests;
