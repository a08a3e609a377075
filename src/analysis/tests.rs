#![allow(
    clippy::float_cmp,
    reason = "the scores are small integers and halves, exact in f64"
)]

use super::*;
use crate::model::{
    Card, Channel, EmotionCurve, EmotionPoint, EmotionScale, Lane, MomentOfTruth, Stage,
};

/// A map with one stage per score and one as-is curve through them, on `scale`.
fn map_with(scale: EmotionScale, scores: &[f64]) -> (Project, Map) {
    let stages: Vec<Stage> = (0..scores.len())
        .map(|i| Stage::named(format!("S{i}")))
        .collect();
    let curve = EmotionCurve {
        points: stages
            .iter()
            .zip(scores)
            .map(|(s, &score)| EmotionPoint {
                stage: s.id,
                score,
                ..EmotionPoint::default()
            })
            .collect(),
        ..EmotionCurve::default()
    };
    let map = Map {
        scale,
        stages,
        lanes: vec![
            Lane::new("Touchpoints", LaneKind::Touchpoints),
            Lane::new("Pain points", LaneKind::PainPoints),
        ],
        curves: vec![curve],
        ..Map::default()
    };
    (Project::default(), map)
}

fn curve(scale: EmotionScale, scores: &[f64]) -> CurveAnalysis {
    let (p, m) = map_with(scale, scores);
    analyse(&p, &m).curves.remove(0)
}

#[test]
fn the_peak_is_the_step_farthest_from_neutral_with_its_sign() {
    let a = curve(EmotionScale::MinusFiveToFive, &[1.0, -4.0, 2.0, 3.0]);
    assert_eq!(a.peak.as_ref().map(|p| p.score), Some(-4.0));
    assert_eq!(a.end.as_ref().map(|p| p.score), Some(3.0));
    assert_eq!(a.remembered, Some(-0.5));
    assert_eq!(a.average, Some(0.5));
    assert_eq!(a.weak_end, None);

    let a = curve(EmotionScale::MinusFiveToFive, &[1.0, 5.0, -2.0]);
    assert_eq!(a.peak.as_ref().map(|p| p.score), Some(5.0));
    assert_eq!(a.remembered, Some(1.5));
    assert_eq!(a.weak_end, Some(WeakEnd::BelowNeutralAndAverage));
}

#[test]
fn a_tie_for_the_peak_goes_to_the_negative_step_then_the_earlier() {
    let a = curve(EmotionScale::MinusTwoToTwo, &[2.0, 0.0, -2.0, 1.0]);
    let peak = a.peak.unwrap();
    assert_eq!((peak.score, peak.stage_index), (-2.0, 2));
    let a = curve(EmotionScale::MinusTwoToTwo, &[-2.0, 1.0, -2.0]);
    assert_eq!(a.peak.unwrap().stage_index, 0);
}

#[test]
fn a_single_point_is_its_own_peak_and_end() {
    let a = curve(EmotionScale::OneToFive, &[2.0]);
    assert_eq!(a.peak.as_ref().map(|p| p.score), Some(2.0));
    assert_eq!(a.end.as_ref().map(|p| p.score), Some(2.0));
    assert_eq!(a.remembered, Some(2.0));
    // 2 on 1..5 is below the neutral 3.
    assert_eq!(a.weak_end, Some(WeakEnd::BelowNeutral));
}

#[test]
fn an_all_neutral_curve_is_remembered_as_neutral() {
    let a = curve(EmotionScale::OneToTen, &[5.5, 5.5, 5.5]);
    assert_eq!(a.remembered, Some(5.5));
    assert_eq!(a.weak_end, None);
    assert_eq!(a.peak.unwrap().stage_index, 0);
}

#[test]
fn every_scale_measures_from_its_own_neutral() {
    // On 1..10 the neutral is 5.5: a 1 is farther from it than a 9.
    let a = curve(EmotionScale::OneToTen, &[9.0, 1.0, 8.0]);
    assert_eq!(a.peak.unwrap().score, 1.0);
    // On a custom 0..100 scale the neutral is 50.
    let a = curve(
        EmotionScale::Custom {
            min: 0.0,
            max: 100.0,
        },
        &[60.0, 95.0, 10.0, 70.0],
    );
    assert_eq!(a.peak.unwrap().score, 95.0);
    assert_eq!(a.weak_end, None);
    let a = curve(EmotionScale::MinusTwoToTwo, &[]);
    assert_eq!(
        (a.peak, a.end, a.remembered, a.average),
        (None, None, None, None)
    );
}

#[test]
fn the_lowest_steps_come_with_the_pain_points_of_their_stage() {
    let (p, mut m) = map_with(EmotionScale::MinusFiveToFive, &[2.0, -3.0, 0.0, -5.0, 4.0]);
    let pain = Card {
        lane: m.lanes[1].id,
        stage: m.stages[3].id,
        title: "Queue".to_owned(),
        ..Card::default()
    };
    m.cards.push(pain.clone());
    let a = analyse(&p, &m).curves.remove(0);
    let lows: Vec<f64> = a.lowest.iter().map(|l| l.step.score).collect();
    assert_eq!(lows, [-5.0, -3.0, 0.0]);
    assert_eq!(a.lowest[0].pain_points, [pain.id]);
    assert!(a.lowest[1].pain_points.is_empty());
}

#[test]
fn an_owner_missing_from_the_stakeholder_map_is_named_once_there_is_one() {
    let (mut p, mut m) = map_with(EmotionScale::MinusTwoToTwo, &[1.0]);
    let card = Card {
        lane: m.lanes[0].id,
        stage: m.stages[0].id,
        channel: Some(Channel::Phone),
        owner: "Klantenservice".to_owned(),
        ..Card::default()
    };
    m.cards.push(card.clone());
    let owner_lint = Lint::OwnerNotAStakeholder { card: card.id };
    // No stakeholder map yet: any owner will do.
    assert!(!analyse(&p, &m).lint.contains(&owner_lint));
    p.stakeholders.push(crate::model::Stakeholder {
        name: "Schadeafdeling".to_owned(),
        ..crate::model::Stakeholder::default()
    });
    assert!(analyse(&p, &m).lint.contains(&owner_lint));
    // Named as on the map (case and spaces aside), the owner is known.
    p.stakeholders[0].name = " klantenservice ".to_owned();
    assert!(!analyse(&p, &m).lint.contains(&owner_lint));
}

#[test]
fn the_lint_finds_what_is_missing() {
    let (p, mut m) = map_with(EmotionScale::MinusTwoToTwo, &[1.0]);
    m.stages.push(Stage::named("Unscored"));
    let bare = Card {
        lane: m.lanes[0].id,
        stage: m.stages[0].id,
        moment_of_truth: Some(MomentOfTruth::default()),
        ..Card::default()
    };
    let complete = Card {
        lane: m.lanes[0].id,
        stage: m.stages[1].id,
        channel: Some(Channel::Phone),
        owner: "Service".to_owned(),
        evidence: vec![crate::model::EvidenceId(1)],
        ..Card::default()
    };
    m.cards.extend([bare.clone(), complete]);
    let lint = analyse(&p, &m).lint;
    assert!(lint.contains(&Lint::TouchpointWithoutChannel { card: bare.id }));
    assert!(lint.contains(&Lint::TouchpointWithoutOwner { card: bare.id }));
    assert!(lint.contains(&Lint::MomentOfTruthWithoutReason { card: bare.id }));
    // A moment of truth with nothing behind it, on a map that links research elsewhere.
    assert!(lint.contains(&Lint::ClaimWithoutEvidence { card: bare.id }));
    assert!(lint.contains(&Lint::StageWithoutScore {
        stage: m.stages[1].id,
        curve: m.curves[0].id
    }));
    assert!(lint.contains(&Lint::StageWithoutEvidence {
        stage: m.stages[0].id
    }));
    assert!(!lint.contains(&Lint::StageWithoutEvidence {
        stage: m.stages[1].id
    }));
    assert_eq!(lint.len(), 6, "{lint:?}");

    let (p, long) = map_with(EmotionScale::MinusTwoToTwo, &[0.0; 21]);
    assert!(analyse(&p, &long).lint.contains(&Lint::TooManyStages {
        stages: 21,
        max: 20
    }));
}

#[test]
fn as_is_and_to_be_are_compared_stage_by_stage() {
    let (p, mut m) = map_with(EmotionScale::MinusTwoToTwo, &[-1.0, -2.0, 0.0]);
    let mut to_be = m.curves[0].clone();
    to_be.id = CurveId::random();
    to_be.variant = CurveVariant::ToBe;
    // Gains 2, 1 and 2: not the same everywhere, so a stage's mean is its own.
    for (pt, s) in to_be.points.iter_mut().zip([1.0, -1.0, 2.0]) {
        pt.score = s;
    }
    m.curves.push(to_be);
    let a = analyse(&p, &m);
    let c = &a.comparisons[0];
    assert_eq!(c.end_gain, Some(2.0));
    assert_eq!(c.peak_gain, Some(4.0));
    // As-is remembered (-2 + 0) / 2 = -1; to-be (2 + 2) / 2 = 2.
    assert_eq!(c.remembered_gain, Some(3.0));
    let gains: Vec<Option<f64>> = c.stages.iter().map(|s| s.gain).collect();
    assert_eq!(gains, [Some(2.0), Some(1.0), Some(2.0)]);
}

#[test]
fn an_end_above_neutral_but_below_the_average_is_weak_for_that_reason_only() {
    // A good journey that ends well, but less well than it went: 5, 4, then 1 (average 3⅓).
    let a = curve(EmotionScale::MinusFiveToFive, &[5.0, 4.0, 1.0]);
    assert_eq!(a.weak_end, Some(WeakEnd::BelowAverage));
    // Exactly at the average is not below it; exactly neutral is not below neutral.
    let a = curve(EmotionScale::MinusFiveToFive, &[-1.0, 1.0, 0.0]);
    assert_eq!(a.weak_end, None);
}

/// A copy of `m`'s first curve with a new id, for `persona`, as `variant`, with `scores`.
fn curve_like(
    m: &Map,
    persona: Option<PersonaId>,
    variant: CurveVariant,
    scores: &[f64],
) -> EmotionCurve {
    let mut c = m.curves[0].clone();
    c.id = CurveId::random();
    c.persona = persona;
    c.variant = variant;
    for (pt, &s) in c.points.iter_mut().zip(scores) {
        pt.score = s;
    }
    c
}

#[test]
fn an_as_is_curve_is_compared_with_its_own_personas_to_be_first() {
    let (p, mut m) = map_with(EmotionScale::MinusTwoToTwo, &[-1.0, -2.0]);
    let (anna, bram) = (PersonaId::random(), PersonaId::random());
    m.curves[0].persona = Some(anna);
    let annas_target = curve_like(&m, Some(anna), CurveVariant::ToBe, &[1.0, 1.0]);
    let brams_target = curve_like(&m, Some(bram), CurveVariant::ToBe, &[0.0, 0.0]);
    let everyones_target = curve_like(&m, None, CurveVariant::ToBe, &[2.0, 2.0]);
    m.curves.extend([
        brams_target.clone(),
        everyones_target.clone(),
        annas_target.clone(),
    ]);
    let a = analyse(&p, &m);
    assert_eq!(a.comparisons.len(), 1, "{:?}", a.comparisons);
    assert_eq!(a.comparisons[0].to_be, annas_target.id);
    assert_eq!(a.comparisons[0].persona, Some(anna));
    assert_eq!(a.comparisons[0].end_gain, Some(3.0));

    // Without a to-be curve of her own, Anna's is compared with the one for everyone, not
    // with another persona's, whichever comes first.
    m.curves.retain(|c| c.id != annas_target.id);
    let a = analyse(&p, &m);
    assert_eq!(a.comparisons.len(), 1, "{:?}", a.comparisons);
    assert_eq!(a.comparisons[0].to_be, everyones_target.id);
    assert_eq!(a.comparisons[0].end_gain, Some(4.0));

    // With only another persona's target there is nothing to compare with.
    m.curves.retain(|c| c.id != everyones_target.id);
    assert!(analyse(&p, &m).comparisons.is_empty());
}

#[test]
fn a_map_with_stages_but_no_curve_is_told_so_and_twenty_stages_are_not_too_many() {
    let (p, mut m) = map_with(EmotionScale::MinusTwoToTwo, &[0.0; MAX_READABLE_STAGES]);
    assert!(
        !analyse(&p, &m)
            .lint
            .iter()
            .any(|l| matches!(l, Lint::TooManyStages { .. }))
    );
    assert!(!analyse(&p, &m).lint.contains(&Lint::MapWithoutCurve));
    m.curves.clear();
    assert!(analyse(&p, &m).lint.contains(&Lint::MapWithoutCurve));
    // An empty map has nothing to score yet.
    let empty = Map::default();
    assert!(!analyse(&p, &empty).lint.contains(&Lint::MapWithoutCurve));
}

#[test]
fn a_pain_point_without_evidence_is_named_once_research_is_linked() {
    use crate::model::{Card, EvidenceId, Lane, LaneKind, Map, Project, Stage};
    let stage = Stage::named("Melden");
    let pains = Lane::new("Pijnpunten", LaneKind::PainPoints);
    let actions = Lane::new("Acties", LaneKind::CustomerActions);
    let bare = Card {
        lane: pains.id,
        stage: stage.id,
        title: "Lang wachten".to_owned(),
        ..Card::default()
    };
    let backed = Card {
        lane: actions.id,
        stage: stage.id,
        evidence: vec![EvidenceId(1)],
        ..Card::default()
    };
    let mut map = Map {
        stages: vec![stage],
        lanes: vec![pains, actions],
        cards: vec![bare.clone()],
        ..Map::default()
    };
    let project = Project::default();
    // No research on the map at all: the stages say so, not every card.
    assert!(!super::lint(&project, &map).contains(&Lint::ClaimWithoutEvidence { card: bare.id }));
    map.cards.push(backed);
    let lint = super::lint(&project, &map);
    assert!(lint.contains(&Lint::ClaimWithoutEvidence { card: bare.id }));
    assert_eq!(
        Lint::ClaimWithoutEvidence { card: bare.id }.target(),
        super::Target::Card(bare.id)
    );
}
