//! What of a journey is one department's: the touchpoints it owns, the moments of truth among
//! them, the pain points in the stages it serves, and its actions. The department lens on the
//! map and the department's one-page brief read it.

use crate::model::{ActionId, CardId, LaneKind, MapId, Project, StageId};

use super::priority::same_name;

/// One owner's part of the project (or of one map).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lens {
    /// The owner's name as the project writes it.
    pub owner: String,
    /// Cards the owner owns, in map order (maps, then stages, then lanes).
    pub touchpoints: Vec<CardId>,
    /// Those of them that are moments of truth.
    pub moments: Vec<CardId>,
    /// The stages the owner's touchpoints are in, and the stages its actions address.
    pub stages: Vec<StageId>,
    /// Pain points in those stages.
    pub pain_points: Vec<CardId>,
    /// The owner's actions, as the project lists them.
    pub actions: Vec<ActionId>,
}

impl Lens {
    /// Whether the card is the owner's or in the owner's view (a pain point in its stages).
    pub fn shows_card(&self, card: CardId) -> bool {
        self.touchpoints.contains(&card) || self.pain_points.contains(&card)
    }
}

/// Every owner the project names: its stakeholders, then the owners written on cards and
/// actions that are not stakeholders, each once (case and spaces aside), in that order.
pub fn owners(project: &Project) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let name = name.trim();
        if !name.is_empty() && !out.iter().any(|o| same_name(o, name)) {
            out.push(name.to_owned());
        }
    };
    for s in &project.stakeholders {
        add(&s.name);
    }
    for card in project.maps.iter().flat_map(|m| &m.cards) {
        add(&card.owner);
    }
    for a in &project.actions {
        if let Some(name) = a.owner.as_ref().and_then(|o| project.owner_name(o)) {
            add(&name);
        }
    }
    out
}

/// What is `owner`'s in `project` (on map `map` only, when given); `None` when the project
/// names no such owner.
pub fn lens(project: &Project, map: Option<MapId>, owner: &str) -> Option<Lens> {
    let name = owners(project).into_iter().find(|o| same_name(o, owner))?;
    let mut lens = Lens {
        owner: name.clone(),
        ..Lens::default()
    };
    for a in &project.actions {
        let owned = a
            .owner
            .as_ref()
            .and_then(|o| project.owner_name(o))
            .is_some_and(|n| same_name(&n, &name));
        let on_map = map.is_none_or(|m| super::priority::maps_of(project, a).contains(&m));
        if owned && on_map {
            lens.actions.push(a.id);
            for s in &a.stages {
                if !lens.stages.contains(s) {
                    lens.stages.push(*s);
                }
            }
        }
    }
    for m in project
        .maps
        .iter()
        .filter(|m| map.is_none_or(|id| id == m.id))
    {
        let mut cards: Vec<&crate::model::Card> = m
            .cards
            .iter()
            .filter(|c| same_name(&c.owner, &name))
            .collect();
        cards.sort_by_key(|c| {
            (
                m.stage_index(c.stage).unwrap_or(usize::MAX),
                m.lane_index(c.lane).unwrap_or(usize::MAX),
                c.order,
            )
        });
        for c in cards {
            lens.touchpoints.push(c.id);
            if c.moment_of_truth.is_some() {
                lens.moments.push(c.id);
            }
            if !lens.stages.contains(&c.stage) {
                lens.stages.push(c.stage);
            }
        }
        let pain_lanes: Vec<_> = m
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::PainPoints)
            .map(|l| l.id)
            .collect();
        let mut pains: Vec<&crate::model::Card> = m
            .cards
            .iter()
            .filter(|c| {
                (pain_lanes.contains(&c.lane) || c.fail_point)
                    && lens.stages.contains(&c.stage)
                    && !lens.touchpoints.contains(&c.id)
            })
            .collect();
        pains.sort_by_key(|c| (m.stage_index(c.stage).unwrap_or(usize::MAX), c.order));
        lens.pain_points.extend(pains.iter().map(|c| c.id));
    }
    Some(lens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Project {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        crate::file::load(&path).unwrap().project
    }

    #[test]
    fn the_owners_are_the_stakeholders_then_the_names_written_each_once() {
        let p = example();
        let owners = owners(&p);
        assert_eq!(
            owners[..4],
            [
                "Schadeafdeling",
                "Expertisebureau",
                "Herstelnetwerk",
                "Klantcontactcentrum"
            ]
        );
        // Card owners not on the stakeholder map follow, once each.
        assert!(owners.contains(&"Digitaal".to_owned()), "{owners:?}");
        let unique: std::collections::HashSet<String> =
            owners.iter().map(|o| o.to_lowercase()).collect();
        assert_eq!(unique.len(), owners.len());
    }

    #[test]
    fn a_departments_lens_holds_its_touchpoints_moments_pains_and_actions() {
        let p = example();
        let map = &p.maps[0];
        let l = lens(&p, None, " expertisebureau ").unwrap();
        assert_eq!(l.owner, "Expertisebureau");
        let titles = |ids: &[CardId]| -> Vec<String> {
            ids.iter()
                .map(|id| map.card(*id).unwrap().title.clone())
                .collect()
        };
        // Its cards, in stage order; all in its stages.
        assert!(!l.touchpoints.is_empty());
        for id in &l.touchpoints {
            let c = map.card(*id).unwrap();
            assert_eq!(c.owner, "Expertisebureau");
            assert!(l.stages.contains(&c.stage));
        }
        let order: Vec<usize> = l
            .touchpoints
            .iter()
            .map(|id| map.stage_index(map.card(*id).unwrap().stage).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
        // The six-day wait is a pain point in its stage; its action is there.
        assert!(
            titles(&l.pain_points).contains(&"6 werkdagen wachten op de expert".to_owned()),
            "{:?}",
            titles(&l.pain_points)
        );
        let actions: Vec<&str> = l
            .actions
            .iter()
            .map(|id| p.action(*id).unwrap().title.as_str())
            .collect();
        assert_eq!(actions, ["Expert binnen drie werkdagen"]);
        assert!(l.moments.iter().all(|m| l.touchpoints.contains(m)));
        assert!(l.shows_card(l.touchpoints[0]) && l.shows_card(l.pain_points[0]));
        assert!(!l.shows_card(map.cards.iter().find(|c| c.owner.is_empty()).unwrap().id));
        // Nobody of that name: no lens. Another map: nothing of it.
        assert!(lens(&p, None, "Marketing").is_none());
        let none = lens(&p, Some(MapId(5)), "Expertisebureau").unwrap();
        assert!(none.touchpoints.is_empty() && none.actions.is_empty());
        assert!(none.pain_points.is_empty());
        // Each stage once, though two touchpoints and two actions of the owner are in it.
        let mut q = p.clone();
        let mut second = q
            .actions
            .iter()
            .find(|a| a.title == "Expert binnen drie werkdagen")
            .unwrap()
            .clone();
        second.id = crate::model::ActionId::random();
        let third = crate::model::Action {
            id: crate::model::ActionId::random(),
            stages: vec![map.stages[0].id],
            ..second.clone()
        };
        q.actions.extend([second, third]);
        let l = lens(&q, None, "Expertisebureau").unwrap();
        assert_eq!(l.actions.len(), 3);
        // A stage only an action of theirs addresses is theirs too.
        assert!(l.stages.contains(&map.stages[0].id));
        let mut stages = l.stages.clone();
        stages.sort_by_key(|s| s.0);
        stages.dedup();
        assert_eq!(stages.len(), l.stages.len(), "{:?}", l.stages);
    }
}
