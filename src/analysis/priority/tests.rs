//! Ranking, filters and what still asks for an action, on the water-damage example.

use super::*;
use crate::model::Stakeholder;

fn example() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    p.actions.clear();
    p.opportunities.clear();
    p
}

fn titled(title: &str, impact: u8, effort: u8) -> Action {
    Action::scored(title, impact, effort)
}

#[test]
fn actions_rank_by_quadrant_then_impact_then_effort() {
    let list = [
        titled("pit", 1, 5),
        titled("unscored", 0, 0),
        titled("bet", 5, 5),
        titled("fill", 2, 1),
        titled("win low", 3, 2),
        titled("win", 5, 1),
        titled("win cheap", 3, 1),
        titled("bet cheap", 5, 3),
        titled("half", 4, 0),
    ];
    let order: Vec<&str> = ranked(&list).iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        order,
        [
            "win",
            "win cheap",
            "win low",
            "bet cheap",
            "bet",
            "fill",
            "pit",
            "half",
            "unscored"
        ]
    );
}

#[test]
fn a_filter_lets_through_by_owner_status_and_map() {
    let mut p = example();
    let claims = p.stakeholders[0].id;
    let name = p.stakeholders[0].name.clone();
    let map = p.maps[0].id;
    let card = p.maps[0].cards[0].id;
    let mut a = titled("a", 3, 3);
    a.owner = Some(Owner::Stakeholder(claims));
    a.status = ActionStatus::Planned;
    a.cards = vec![card];
    let mut b = titled("b", 3, 3);
    b.owner = Some(Owner::Named("Juridische Zaken".into()));
    let c = titled("c", 3, 3);
    p.actions = vec![a, b, c];
    let pass = |f: &Filter| -> Vec<String> {
        p.actions
            .iter()
            .filter(|x| f.passes(&p, x))
            .map(|x| x.title.clone())
            .collect()
    };
    assert_eq!(pass(&Filter::default()), ["a", "b", "c"]);
    let by_owner = Filter {
        owner: Some(format!("  {}  ", name.to_uppercase())),
        ..Filter::default()
    };
    assert_eq!(pass(&by_owner), ["a"]);
    let named = Filter {
        owner: Some("juridische zaken".into()),
        ..Filter::default()
    };
    assert_eq!(pass(&named), ["b"]);
    let status = Filter {
        status: Some(ActionStatus::Idea),
        ..Filter::default()
    };
    assert_eq!(pass(&status), ["b", "c"]);
    let on_map = Filter {
        map: Some(map),
        ..Filter::default()
    };
    assert_eq!(pass(&on_map), ["a"]);
    let nowhere = Filter {
        map: Some(MapId(3)),
        ..Filter::default()
    };
    assert!(pass(&nowhere).is_empty());
}

#[test]
fn an_action_is_on_the_maps_of_its_links_and_of_its_measure() {
    let mut p = example();
    let mut second = p.maps[0].clone();
    second.id = MapId::random();
    for s in &mut second.stages {
        s.id = StageId::random();
    }
    for c in &mut second.cards {
        c.id = CardId::random();
    }
    for c in &mut second.curves {
        c.id = crate::model::CurveId::random();
    }
    p.maps.push(second.clone());
    let mut a = titled("a", 1, 1);
    a.stages = vec![second.stages[0].id];
    assert_eq!(maps_of(&p, &a), [second.id]);
    a.cards = vec![p.maps[0].cards[0].id];
    assert_eq!(maps_of(&p, &a), [p.maps[0].id, second.id]);
    let mut m = titled("m", 1, 1);
    m.measure = Some(crate::model::Measure::Remembered {
        map: second.id,
        curve: second.curves[0].id,
        points: 1.0,
    });
    assert_eq!(maps_of(&p, &m), [second.id]);
    m.measure = Some(crate::model::Measure::Data {
        dataset: p.datasets[0].id,
        stage: None,
        card: None,
        percent: -5.0,
    });
    assert_eq!(maps_of(&p, &m), [p.datasets[0].map.unwrap()]);
    m.measure = None;
    assert!(maps_of(&p, &m).is_empty());
}

#[test]
fn pain_points_at_the_lowest_moments_ask_for_an_action_until_one_addresses_them() {
    let mut p = example();
    let map = p.maps[0].clone();
    let analysis = crate::analysis::analyse(&p, &map);
    let ups = follow_ups(&p, &map, &analysis, "2026-12-07");
    let pains: Vec<CardId> = ups
        .iter()
        .filter_map(|u| match u {
            FollowUp::PainPointWithoutAction { card, .. } => Some(*card),
            _ => None,
        })
        .collect();
    assert!(!pains.is_empty(), "{ups:?}");
    // Every pain point named is one, in the stage of an as-is curve's lowest moment.
    let lows: Vec<StageId> = analysis
        .curves
        .iter()
        .filter(|c| c.variant == crate::model::CurveVariant::AsIs)
        .flat_map(|c| c.lowest.iter().map(|l| l.step.stage))
        .collect();
    for card in &pains {
        let c = map.card(*card).unwrap();
        assert!(lows.contains(&c.stage));
    }
    // Each is named once.
    let unique: HashSet<_> = pains.iter().collect();
    assert_eq!(unique.len(), pains.len());
    // An action on the first: it is no longer named; a dropped one does not count.
    let mut a = titled("a", 3, 3);
    a.cards = vec![pains[0]];
    a.owner = Some(Owner::Named("Schadeafdeling".into()));
    a.status = ActionStatus::Dropped;
    p.actions = vec![a.clone()];
    let again = follow_ups(&p, &map, &analysis, "2026-12-07");
    assert!(again.contains(&FollowUp::PainPointWithoutAction {
        card: pains[0],
        stage: map.card(pains[0]).unwrap().stage
    }));
    a.status = ActionStatus::Planned;
    p.actions = vec![a];
    let after = follow_ups(&p, &map, &analysis, "2026-12-07");
    assert_eq!(
        after
            .iter()
            .filter(|u| matches!(u, FollowUp::PainPointWithoutAction { .. }))
            .count(),
        pains.len() - 1
    );
}

#[test]
fn a_low_moment_without_pain_points_asks_for_an_action_on_its_stage() {
    let mut p = example();
    // Take the pain points off the map: the lowest moments are named by their stages.
    let pain_lanes: Vec<_> = p.maps[0]
        .lanes
        .iter()
        .filter(|l| l.kind == crate::model::LaneKind::PainPoints)
        .map(|l| l.id)
        .collect();
    p.maps[0].cards.retain(|c| !pain_lanes.contains(&c.lane));
    let map = p.maps[0].clone();
    let analysis = crate::analysis::analyse(&p, &map);
    let stages = |p: &Project| -> Vec<StageId> {
        follow_ups(p, &map, &analysis, "2026-12-07")
            .iter()
            .filter_map(|u| match u {
                FollowUp::LowMomentWithoutAction { stage } => Some(*stage),
                _ => None,
            })
            .collect()
    };
    let found = stages(&p);
    assert!(!found.is_empty());
    let unique: HashSet<_> = found.iter().collect();
    assert_eq!(unique.len(), found.len(), "each stage once");
    let mut a = titled("a", 3, 3);
    a.stages = vec![found[0]];
    a.owner = Some(Owner::Named("x".into()));
    p.actions = vec![a];
    assert_eq!(stages(&p), found[1..]);
}

#[test]
fn actions_without_owner_and_past_their_date_are_named() {
    let mut p = example();
    p.stakeholders.push(Stakeholder::default());
    let map = p.maps[0].clone();
    let analysis = crate::analysis::analyse(&p, &map);
    let card = map.cards[0].id;
    let on_map = |title: &str, due: &str, status: ActionStatus, owner: Option<Owner>| Action {
        title: title.to_owned(),
        cards: vec![card],
        due: due.to_owned(),
        status,
        owner,
        ..Action::default()
    };
    let owner = Some(Owner::Stakeholder(p.stakeholders[0].id));
    p.actions = vec![
        on_map("unowned", "", ActionStatus::Idea, None),
        on_map(
            "blank",
            "",
            ActionStatus::Idea,
            Some(Owner::Named(" ".into())),
        ),
        on_map("late", "2026-Q3", ActionStatus::Planned, owner.clone()),
        on_map(
            "late day",
            "2026-12-06",
            ActionStatus::InProgress,
            owner.clone(),
        ),
        on_map("today", "2026-12-07", ActionStatus::Planned, owner.clone()),
        on_map(
            "this quarter",
            "2026-Q4",
            ActionStatus::Planned,
            owner.clone(),
        ),
        on_map("done late", "2026-Q1", ActionStatus::Done, owner.clone()),
        on_map("dropped", "2026-Q1", ActionStatus::Dropped, None),
        Action {
            title: "elsewhere".into(),
            ..Action::default()
        },
    ];
    let ups = follow_ups(&p, &map, &analysis, "2026-12-07");
    let named = |want: fn(&FollowUp) -> Option<ActionId>| -> Vec<String> {
        ups.iter()
            .filter_map(want)
            .map(|id| p.action(id).unwrap().title.clone())
            .collect()
    };
    assert_eq!(
        named(|u| match u {
            FollowUp::ActionWithoutOwner { action } => Some(*action),
            _ => None,
        }),
        ["unowned", "blank"]
    );
    assert_eq!(
        named(|u| match u {
            FollowUp::Overdue { action, .. } => Some(*action),
            _ => None,
        }),
        ["late", "late day"]
    );
}

/// The lowest moments that ask for an action are the as-is curves' (how it is now), not a to-be
/// curve's (how it should become).
#[test]
fn only_the_as_is_curves_lowest_moments_ask_for_an_action() {
    let p = example();
    let mut map = p.maps[0].clone();
    let ups = |map: &crate::model::Map| {
        let analysis = crate::analysis::analyse(&p, map);
        follow_ups(&p, map, &analysis, "2026-12-07")
    };
    assert!(!ups(&map).is_empty());
    map.curves
        .retain(|c| c.variant != crate::model::CurveVariant::AsIs);
    assert!(!map.curves.is_empty(), "the example has a to-be curve");
    assert_eq!(ups(&map), []);
}
