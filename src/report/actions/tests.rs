//! The words of actions: the effect line as the issue wrote it, in both languages, and no claim
//! where the figures do not cover both sides.

use super::*;
use crate::analysis::effects::{Reading, effect};
use crate::model::Owner;

fn project() -> (Project, Action) {
    crate::analysis::effects::fixture::melden_calls()
}

#[test]
fn a_measured_effect_reads_as_the_consultant_writes_it() {
    let (p, a) = project();
    let e = effect(&p, &a);
    assert_eq!(
        effect_line(&p, &a, &e, Language::Dutch).unwrap(),
        "Online schadeformulier (klaar maart 2026): gesprekken Melden 3.456 → 3.005 (−13 %, doel −15 %)"
    );
    assert_eq!(
        effect_line(&p, &a, &e, Language::English).unwrap(),
        "Online schadeformulier (done March 2026): gesprekken Melden 3,456 → 3,005 (−13 %, target −15 %)"
    );
    let mut met = a.clone();
    if let Some(Measure::Data { percent, .. }) = &mut met.measure {
        *percent = -10.0;
    }
    let line = effect_line(&p, &met, &effect(&p, &met), Language::Dutch).unwrap();
    assert!(line.ends_with("(−13 %, doel −10 %: gehaald)"), "{line}");
}

#[test]
fn no_effect_is_claimed_without_figures_on_both_sides() {
    let (p, mut a) = project();
    a.done = "2026-05-01".into();
    let line = effect_line(&p, &a, &effect(&p, &a), Language::Dutch).unwrap();
    assert_eq!(
        line,
        "Online schadeformulier: nog geen cijfer voor gesprekken Melden sinds 1 mei 2026, dus geen effect te melden"
    );
    assert!(!line.contains('→'));
    a.done = "2025-05-01".into();
    let line = effect_line(&p, &a, &effect(&p, &a), Language::English).unwrap();
    assert!(
        line.contains("no figure for gesprekken Melden before 1 May 2025"),
        "{line}"
    );
    a.status = ActionStatus::Planned;
    assert_eq!(
        effect_line(&p, &a, &effect(&p, &a), Language::English),
        None
    );
}

#[test]
fn a_remembered_score_changes_by_points() {
    let (p, _) = project();
    let measure = Measure::Remembered {
        map: p.maps[0].id,
        curve: p.maps[0].curves[0].id,
        points: 1.0,
    };
    let a = Action {
        title: "Beter einde".into(),
        status: ActionStatus::Done,
        done: "2026-03-01".into(),
        measure: Some(measure.clone()),
        ..Action::default()
    };
    let e = Effect::Measured {
        before: Reading {
            date: "2026-02-01".into(),
            value: -1.5,
        },
        after: Reading {
            date: "2026-05-01".into(),
            value: 0.0,
        },
        change: 1.5,
        target: 1.0,
        met: Some(true),
    };
    let line = effect_line(&p, &a, &e, Language::Dutch).unwrap();
    assert!(
        line.contains("−1,5 → 0 (+1,5 punt, doel +1 punt: gehaald)"),
        "{line}"
    );
    assert!(line.contains("de herinnerde score van"), "{line}");
}

#[test]
fn owners_dates_and_links_in_words() {
    let (mut p, mut a) = project();
    assert_eq!(owner_name(&p, &a, Language::Dutch), "geen eigenaar");
    a.owner = Some(Owner::Named("Juridische zaken".into()));
    assert_eq!(owner_name(&p, &a, Language::Dutch), "Juridische zaken");
    p.stakeholders.push(crate::model::Stakeholder {
        name: "Klantcontactcentrum".into(),
        ..crate::model::Stakeholder::default()
    });
    a.owner = Some(Owner::Stakeholder(p.stakeholders[0].id));
    assert_eq!(owner_name(&p, &a, Language::Dutch), "Klantcontactcentrum");
    a.due = "2026-Q2".into();
    assert_eq!(due_words(&a, Language::Dutch), "Q2 2026");
    a.due = "2026-05-31".into();
    assert_eq!(due_words(&a, Language::Dutch), "31 mei 2026");
    let (lane, first) = (p.maps[0].lanes[0].id, p.maps[0].stages[0].id);
    p.maps[0].cards.push(crate::model::Card {
        title: "Bellen".into(),
        lane,
        stage: first,
        ..crate::model::Card::default()
    });
    let card = p.maps[0].cards[0].clone();
    a.cards = vec![card.id];
    a.stages = vec![p.maps[0].stages[1].id];
    let stage = p.maps[0].stage(card.stage).unwrap().name.clone();
    assert_eq!(
        addresses(&p, &a),
        [format!("“{}” ({stage})", card.title), "Melden".to_owned()]
    );
    assert_eq!(
        measure_words(&p, a.measure.as_ref().unwrap(), Language::English),
        "gesprekken Melden −15 %"
    );
    assert_eq!(
        status_name(ActionStatus::InProgress, Language::Dutch),
        "bezig"
    );
    assert_eq!(
        quadrant_name(Quadrant::QuickWin, Language::English),
        "Quick wins"
    );
}

/// A figure keeps its decimals only where it has them; a remembered score is named after its
/// own curve, not the map's first.
#[test]
fn figures_and_curves_are_named_as_they_are() {
    let (p, a) = project();
    let data = a.measure.clone().unwrap();
    assert_eq!(figure(&data, 3456.0, Language::Dutch), "3.456");
    assert_eq!(figure(&data, 2.5, Language::Dutch), "2,5");
    let mut p = p;
    let mut second = p.maps[0].curves[0].clone();
    second.id = crate::model::CurveId::random();
    second.label = "Tweede curve".into();
    p.maps[0].curves.push(second.clone());
    let first = crate::layout::curve_name(&p, &p.maps[0].curves[0]);
    let measure = Measure::Remembered {
        map: p.maps[0].id,
        curve: second.id,
        points: 1.0,
    };
    let name = measure_name(&p, &measure, Language::Dutch);
    assert!(name.contains("Tweede curve"), "{name}");
    assert!(
        first.is_empty() || !name.contains(&first),
        "{name} / {first}"
    );
}

/// Each follow-up as a sentence, with the card, stage or action it names.
#[test]
fn follow_ups_are_said_with_what_they_name() {
    let (mut p, mut a) = project();
    let mut map = p.maps[0].clone();
    let stage = map.stages[1].id;
    map.cards.push(crate::model::Card {
        title: "Lang in de wacht ".into(),
        stage,
        lane: map.lanes[0].id,
        ..crate::model::Card::default()
    });
    let card = map.cards[0].id;
    let map = map;
    let said = |p: &Project, up: FollowUp| follow_up_sentence(p, &map, &up, Language::Dutch);
    assert_eq!(
        said(&p, FollowUp::PainPointWithoutAction { card, stage }),
        format!(
            "Pijnpunt ‘{}’ op een dieptepunt ({}) heeft geen actie",
            map.cards[0].title.trim(),
            map.stages[1].name
        )
    );
    assert_eq!(
        said(&p, FollowUp::LowMomentWithoutAction { stage }),
        format!("Het dieptepunt in {} heeft geen actie", map.stages[1].name)
    );
    a.title = "Terugbelbelofte".into();
    a.due = "2026-Q1".into();
    let action = a.id;
    p.actions.push(a);
    assert_eq!(
        said(&p, FollowUp::ActionWithoutOwner { action }),
        "Actie ‘Terugbelbelofte’ heeft geen eigenaar"
    );
}

/// Nothing to say is nothing: the analysis leaves the actions' heading out then.
#[test]
fn an_actions_report_is_empty_only_without_follow_ups_and_effects() {
    let mut r = ActionsReport::default();
    assert!(r.is_empty());
    r.effects.push("x".into());
    assert!(!r.is_empty());
    r.effects.clear();
    r.follow_ups.push(crate::report::Linked {
        text: "y".into(),
        link: None,
    });
    assert!(!r.is_empty());
}

/// The map's report names the done action's effect, and offers an action for every pain point
/// and low moment without one (here with the pain points taken off the map, so the lowest
/// moments stand alone).
#[test]
fn a_maps_report_says_the_effects_and_what_wants_an_action() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let p = crate::file::load(&path).unwrap().project;
    let map = &p.maps[0];
    let report = |p: &Project, map: &Map| {
        let analysis = crate::analysis::analyse(p, map);
        map_actions(p, map, &analysis, Language::Dutch, "2026-12-07")
    };
    let r = report(&p, map);
    assert!(
        r.effects
            .iter()
            .any(|e| e.starts_with("Online schadeformulier (klaar april 2026)")),
        "{:?}",
        r.effects
    );
    let mut bare = p.clone();
    bare.actions.clear();
    let pains: Vec<_> = bare.maps[0]
        .lanes
        .iter()
        .filter(|l| l.kind == crate::model::LaneKind::PainPoints)
        .map(|l| l.id)
        .collect();
    bare.maps[0]
        .cards
        .retain(|c| !pains.contains(&c.lane) && !c.fail_point);
    let r = report(&bare, &bare.maps[0]);
    assert!(!r.wanting.is_empty());
    assert!(
        r.wanting
            .iter()
            .all(|t| matches!(t, crate::analysis::Target::Stage(_))),
        "{:?}",
        r.wanting
    );
    assert_eq!(r.wanting.len(), r.follow_ups.len());
}
