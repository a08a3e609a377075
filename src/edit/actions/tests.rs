//! Actions made from a card or a stage, scored, re-owned, and put right when what they link
//! to goes — each as one undo step that leaves a project the file accepts.

use super::*;
use crate::edit::History;
use crate::model::{ActionStatus, Limits};

fn example() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    p.actions.clear();
    p.opportunities.clear();
    p
}

fn valid(p: &Project) -> Vec<crate::file::Problem> {
    crate::file::validate(p, &Limits::default())
}

fn card_named<'a>(p: &'a Project, title: &str) -> &'a crate::model::Card {
    p.maps[0].cards.iter().find(|c| c.title == title).unwrap()
}

#[test]
fn an_action_drafted_from_a_card_addresses_it_and_is_owned_by_its_owner() {
    let p = example();
    let card = p.maps[0]
        .cards
        .iter()
        .find(|c| c.owner == "Expertisebureau")
        .unwrap();
    let action = draft(&p, Source::Card(card.id)).unwrap();
    assert_eq!(action.title, card.title);
    assert_eq!(action.cards, vec![card.id]);
    assert_eq!(action.stages, vec![card.stage]);
    let bureau = p.owner_stakeholder("Expertisebureau").unwrap().id;
    assert_eq!(action.owner, Some(Owner::Stakeholder(bureau)));
    assert_eq!((action.impact, action.effort), (0, 0));
    assert_eq!(action.status, ActionStatus::Idea);
    // A card whose owner is not on the stakeholder map keeps the name.
    let mut p2 = p.clone();
    p2.maps[0].cards[0].owner = " Juridische zaken ".to_owned();
    let id = p2.maps[0].cards[0].id;
    assert_eq!(
        draft(&p2, Source::Card(id)).unwrap().owner,
        Some(Owner::Named("Juridische zaken".to_owned()))
    );
    p2.maps[0].cards[0].owner = "  ".to_owned();
    assert_eq!(draft(&p2, Source::Card(id)).unwrap().owner, None);
    // A stage: its name, the stage, no card.
    let stage = &p.maps[0].stages[1];
    let a = draft(&p, Source::Stage(p.maps[0].id, stage.id)).unwrap();
    assert_eq!(
        (a.title.as_str(), a.stages.clone()),
        (stage.name.as_str(), vec![stage.id])
    );
    assert!(a.cards.is_empty());
    assert!(draft(&p, Source::Card(CardId(1))).is_none());
}

#[test]
fn adding_scoring_and_deleting_an_action_are_one_undo_step_each() {
    let mut p = example();
    let before = p.clone();
    let mut history = History::default();
    let card = card_named(&p, &p.maps[0].cards[0].title.clone()).id;
    let action = draft(&p, Source::Card(card)).unwrap();
    let id = action.id;
    let edit = add(&p, action);
    history.apply(&mut p, "actie", edit).unwrap();
    assert_eq!(p.actions.len(), 1);
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    let edit = score(&p, id, 4, 2).unwrap();
    history.apply(&mut p, "scoren", edit).unwrap();
    assert_eq!((p.actions[0].impact, p.actions[0].effort), (4, 2));
    // Scores stay on the scale whatever the drag says.
    let off = score(&p, id, 9, 0).unwrap();
    history.apply(&mut p, "scoren", off).unwrap();
    assert_eq!((p.actions[0].impact, p.actions[0].effort), (5, 1));
    assert!(score(&p, id, 5, 1).is_none(), "nothing changed, no step");
    history.undo(&mut p).unwrap();
    assert_eq!((p.actions[0].impact, p.actions[0].effort), (4, 2));
    let edit = delete(&p, id).unwrap();
    history.apply(&mut p, "weg", edit).unwrap();
    assert!(p.actions.is_empty());
    history.undo(&mut p).unwrap();
    history.undo(&mut p).unwrap();
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn what_an_action_links_to_going_is_put_right_in_the_same_step() {
    let mut p = example();
    let map = &p.maps[0];
    let melden = map.stages.iter().find(|s| s.name == "Melden").unwrap().id;
    let card = map.cards.iter().find(|c| c.stage == melden).unwrap().id;
    let other = map.stages[0].id;
    let set = p.datasets[0].id;
    let curve = map.curves[0].id;
    let owner = p.stakeholders[0].id;
    let opportunity = Opportunity {
        title: "Melden zonder wachten".to_owned(),
        cards: vec![card],
        stages: vec![melden, other],
        ..Opportunity::default()
    };
    let action = Action {
        title: "Online schadeformulier".to_owned(),
        opportunity: Some(opportunity.id),
        owner: Some(Owner::Stakeholder(owner)),
        cards: vec![card],
        stages: vec![melden, other],
        measure: Some(Measure::Data {
            dataset: set,
            stage: Some(melden),
            card: None,
            percent: -15.0,
        }),
        ..Action::default()
    };
    let remembered = Action {
        title: "Beter einde".to_owned(),
        measure: Some(Measure::Remembered {
            map: map.id,
            curve,
            points: 1.0,
        }),
        ..Action::default()
    };
    p.opportunities.push(opportunity.clone());
    p.actions.push(action.clone());
    p.actions.push(remembered);
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    let before = p.clone();
    let mut history = History::default();

    // The stage goes with its cards: links and the measure on it go in the same step.
    let edit = crate::edit::ops::delete_stage(&p.maps[0], melden);
    history.apply(&mut p, "stage weg", edit).unwrap();
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    let a = &p.actions[0];
    assert_eq!((a.cards.clone(), a.stages.clone()), (vec![], vec![other]));
    assert_eq!(a.measure, None, "a measure is kept whole or not at all");
    assert_eq!(a.owner, action.owner);
    assert_eq!(p.opportunities[0].stages, vec![other]);
    assert!(p.opportunities[0].cards.is_empty());
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);

    // The owner leaves the stakeholder map: the action keeps the name.
    let edit = crate::edit::stakeholders::delete(&p, owner).unwrap();
    let name = p.stakeholders[0].name.clone();
    history.apply(&mut p, "weg", edit).unwrap();
    assert_eq!(p.actions[0].owner, Some(Owner::Named(name)));
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);

    // The data set goes: the measure on it goes; the curve goes: the other measure goes.
    let edit = crate::edit::data::delete_dataset(&p, set);
    history.apply(&mut p, "weg", edit).unwrap();
    assert_eq!(p.actions[0].measure, None);
    assert!(p.actions[1].measure.is_some());
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    history.undo(&mut p).unwrap();
    let mut curves = p.maps[0].curves.clone();
    curves.retain(|c| c.id != curve);
    let edit = Edit::SetCurves {
        map: p.maps[0].id,
        curves,
    };
    history.apply(&mut p, "curve weg", edit).unwrap();
    assert_eq!(p.actions[1].measure, None);
    assert_eq!(p.actions[0].measure, action.measure);
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);

    // The opportunity goes: its action stays, on none.
    let edit = delete_opportunity(&p, opportunity.id).unwrap();
    history.apply(&mut p, "weg", edit).unwrap();
    assert_eq!(p.actions[0].opportunity, None);
    assert!(p.opportunities.is_empty());
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);
    // Nothing dangles: nothing to put right.
    assert_eq!(tidy(&p), None);
    assert_eq!(tidy(&Project::default()), None);
}

#[test]
fn changing_an_action_or_opportunity_keeps_its_place() {
    let mut p = example();
    let a = Action {
        title: "a".to_owned(),
        ..Action::default()
    };
    let b = Action {
        title: "b".to_owned(),
        ..Action::default()
    };
    p.actions = vec![a.clone(), b.clone()];
    let mut changed = a.clone();
    changed.status = ActionStatus::Planned;
    let edit = change(&p, changed.clone()).unwrap();
    crate::edit::apply(&mut p, edit).unwrap();
    assert_eq!(p.actions, vec![changed.clone(), b]);
    assert!(change(&p, changed).is_none(), "nothing changed, no step");
    assert!(change(&p, Action::default()).is_none(), "no such action");
    let o = Opportunity::default();
    let edit = add_opportunity(&p, o.clone());
    crate::edit::apply(&mut p, edit).unwrap();
    let mut o2 = o.clone();
    o2.title = "beter".to_owned();
    let edit = change_opportunity(&p, o2.clone()).unwrap();
    crate::edit::apply(&mut p, edit).unwrap();
    assert_eq!(p.opportunities, vec![o2.clone()]);
    assert!(change_opportunity(&p, o2).is_none());
}

/// Deleting an opportunity lets its own actions go from it, and only those.
#[test]
fn deleting_an_opportunity_leaves_the_others_actions_on_theirs() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    let kept = p.opportunities[1].id;
    let gone = p.opportunities[0].id;
    let on = |p: &Project, o| {
        p.actions
            .iter()
            .filter(|a| a.opportunity == Some(o))
            .count()
    };
    let (on_kept, on_gone) = (on(&p, kept), on(&p, gone));
    assert!(on_kept > 0 && on_gone > 0);
    let edit = delete_opportunity(&p, gone).unwrap();
    crate::edit::apply(&mut p, edit).unwrap();
    assert_eq!(on(&p, kept), on_kept);
    assert_eq!(on(&p, gone), 0);
    assert!(p.opportunity(gone).is_none());
}
