//! Actions ranked and filtered (the priority view, the CLI's list, a department's brief), and
//! what on a map still asks for an action: pain points at the lowest moments that nothing
//! addresses, actions without an owner, actions past their date.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{
    Action, ActionId, ActionStatus, CardId, Map, MapId, Owner, Project, Quadrant, StageId,
};

/// Which actions to show; `None` in a field lets every action through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// The owner's name (a stakeholder's or the name written), case and spaces aside.
    pub owner: Option<String>,
    pub status: Option<ActionStatus>,
    /// Actions that address a card or stage of this map (or measure on it).
    pub map: Option<MapId>,
}

impl Filter {
    /// Whether `action` of `project` passes.
    pub fn passes(&self, project: &Project, action: &Action) -> bool {
        self.status.is_none_or(|s| action.status == s)
            && self
                .map
                .is_none_or(|m| maps_of(project, action).contains(&m))
            && self.owner.as_deref().is_none_or(|wanted| {
                action
                    .owner
                    .as_ref()
                    .and_then(|o| project.owner_name(o))
                    .is_some_and(|name| same_name(&name, wanted))
            })
    }
}

/// Two names the same but for case and the spaces around them (the model's one comparison).
pub use crate::model::same_name;

/// The maps an action is on: those of the cards and stages it addresses and of its measure.
pub fn maps_of(project: &Project, action: &Action) -> Vec<MapId> {
    let mut maps: Vec<MapId> = Vec::new();
    let mut add = |m: MapId| {
        if !maps.contains(&m) {
            maps.push(m);
        }
    };
    for map in &project.maps {
        if action.cards.iter().any(|c| map.card(*c).is_some())
            || action.stages.iter().any(|s| map.stage(*s).is_some())
        {
            add(map.id);
        }
    }
    match &action.measure {
        Some(crate::model::Measure::Remembered { map, .. }) => add(*map),
        Some(crate::model::Measure::Data { dataset, .. }) => {
            if let Some(m) = project.dataset(*dataset).and_then(|d| d.map) {
                add(m);
            }
        }
        None => {}
    }
    maps
}

/// Actions in the order to take them up: quick wins, big bets, fill-ins, money pits, then the
/// unscored; within each, higher impact first, then lower effort, then as listed.
pub fn ranked<'a>(actions: impl IntoIterator<Item = &'a Action>) -> Vec<&'a Action> {
    let mut list: Vec<(usize, &Action)> = actions.into_iter().enumerate().collect();
    list.sort_by_key(|(i, a)| {
        let quadrant = Quadrant::of(a.impact, a.effort)
            .and_then(|q| Quadrant::ALL.iter().position(|x| *x == q))
            .unwrap_or(Quadrant::ALL.len());
        (quadrant, std::cmp::Reverse(a.impact), a.effort, *i)
    });
    list.into_iter().map(|(_, a)| a).collect()
}

/// Something on a map that asks for an action.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUp {
    /// A pain point in the stage of one of the lowest moments, which no action addresses.
    PainPointWithoutAction { card: CardId, stage: StageId },
    /// One of the lowest moments, in a stage with no pain point noted and no action.
    LowMomentWithoutAction { stage: StageId },
    /// An action on this map that nobody owns.
    ActionWithoutOwner { action: ActionId },
    /// An open action whose date has passed.
    Overdue { action: ActionId, due: String },
}

/// What on `map` (analysed as `analysis`) still asks for an action, on `today` (`YYYY-MM-DD`):
/// the pain points at the as-is curves' lowest moments, or the moment itself where no pain point
/// is noted, that no action (but a dropped one) addresses; its actions without owner; its
/// open actions past their date.
pub fn follow_ups(
    project: &Project,
    map: &Map,
    analysis: &super::Analysis,
    today: &str,
) -> Vec<FollowUp> {
    let addressed_cards: HashSet<CardId> = project
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Dropped)
        .flat_map(|a| a.cards.iter().copied())
        .collect();
    let addressed_stages: HashSet<StageId> = project
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Dropped)
        .flat_map(|a| a.stages.iter().copied())
        .collect();
    let mut out = Vec::new();
    let mut seen_stages: Vec<StageId> = Vec::new();
    let mut seen_cards: HashSet<CardId> = HashSet::new();
    let as_is = analysis
        .curves
        .iter()
        .filter(|c| c.variant == crate::model::CurveVariant::AsIs);
    for low in as_is.flat_map(|c| &c.lowest) {
        let stage = low.step.stage;
        if low.pain_points.is_empty() {
            if !addressed_stages.contains(&stage) && !seen_stages.contains(&stage) {
                seen_stages.push(stage);
                out.push(FollowUp::LowMomentWithoutAction { stage });
            }
            continue;
        }
        for card in &low.pain_points {
            if !addressed_cards.contains(card) && seen_cards.insert(*card) {
                out.push(FollowUp::PainPointWithoutAction { card: *card, stage });
            }
        }
    }
    for action in project
        .actions
        .iter()
        .filter(|a| maps_of(project, a).contains(&map.id))
    {
        let unowned = match &action.owner {
            None => true,
            Some(Owner::Named(n)) => n.trim().is_empty(),
            Some(Owner::Stakeholder(_)) => false,
        };
        if unowned && action.status != ActionStatus::Dropped {
            out.push(FollowUp::ActionWithoutOwner { action: action.id });
        }
        if action.status.is_open()
            && let Some(due) = action.due()
            && due.last_day().as_str() < today
        {
            out.push(FollowUp::Overdue {
                action: action.id,
                due: action.due.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
