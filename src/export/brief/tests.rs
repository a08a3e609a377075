//! A department's brief: what is theirs, in their words, and no brief for an owner nobody is.

use super::*;

fn example() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    crate::file::load(&path).unwrap().project
}

fn bullets(sheet: &PersonaSheet, heading: &str) -> Vec<String> {
    sheet
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .map(|s| match &s.body {
            Body::Bullets(b) => b.clone(),
            Body::Paragraph(p) => vec![p.clone()],
        })
        .unwrap_or_default()
}

#[test]
fn the_contact_centres_brief_holds_its_touchpoints_actions_and_measured_effect() {
    let p = example();
    let b = brief(&p, "klantcontactcentrum").unwrap();
    assert_eq!(b.kicker, "Wat deze klantreis van u vraagt");
    assert_eq!(b.name, "Klantcontactcentrum");
    assert!(b.role.ends_with("· 1 actie"), "{}", b.role);
    assert!(b.quote.is_empty());
    let actions = bullets(&b, "Uw acties");
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert!(
        actions[0]
            .starts_with("Online schadeformulier — klaar · Q2 2026 · gesprekken Melden −15 %"),
        "{}",
        actions[0]
    );
    assert!(
        actions[0].ends_with(
            "Online schadeformulier (klaar april 2026): gesprekken Melden 3.456 → 3.005 (−13 %, doel −15 %)"
        ),
        "{}",
        actions[0]
    );
    // The expertise bureau: its touchpoints with their stage and score, the pain point of its
    // stage with what a customer said.
    let e = brief(&p, "Expertisebureau").unwrap();
    let touchpoints = bullets(&e, "Uw contactmomenten");
    assert!(!touchpoints.is_empty());
    assert!(
        touchpoints.iter().all(|t| t.contains(" — ")),
        "{touchpoints:?}"
    );
    assert!(
        touchpoints.iter().any(|t| t.contains("score")),
        "{touchpoints:?}"
    );
    assert_eq!(
        touchpoints,
        [
            "Expert aan huis — Expertise · Afspraak · score +1,1 · 1 bewijsstuk",
            "Rapport opstellen en schadebedrag berekenen — Expertise · score +1,1 · 1 bewijsstuk"
        ]
    );
    assert_eq!(
        bullets(&e, "Uw momenten van de waarheid"),
        ["Expert aan huis (Expertise): Hier hoort Els voor het eerst wat vergoed wordt."]
    );
    let pains = bullets(&e, "Pijnpunten in uw fasen");
    // With what a customer said about it.
    assert!(pains.iter().any(|l| l.contains("): “")), "{pains:?}");
    assert!(
        pains
            .iter()
            .any(|l| l.starts_with("6 werkdagen wachten op de expert (Expertise)")),
        "{pains:?}"
    );
}

#[test]
fn a_brief_is_for_an_owner_the_project_names() {
    let p = example();
    let e = brief(&p, "Marketing").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("no department or owner \"Marketing\" in the project; the owners are: Schadeafdeling, Expertisebureau"),
        "{e}"
    );
    assert!(matches!(brief(&p, "  "), Err(BriefError::NoOwner { .. })));
    // An owner with nothing on the maps yet: a brief that says so.
    let mut q = p.clone();
    q.stakeholders.push(crate::model::Stakeholder {
        name: "Juridische zaken".into(),
        ..crate::model::Stakeholder::default()
    });
    let b = brief(&q, "Juridische zaken").unwrap();
    assert_eq!(b.sections.len(), 1);
    assert_eq!(b.sections[0].heading, "Nog niets op de kaarten");
    // Without a role of its own, the line under the name says the project it is a brief of.
    assert!(
        b.role.starts_with(&format!("{} · ", p.title.trim())),
        "{}",
        b.role
    );
    q.stakeholders.last_mut().unwrap().role = "Afdeling Recht".into();
    let b = brief(&q, "Juridische zaken").unwrap();
    assert!(b.role.starts_with("Afdeling Recht · "), "{}", b.role);
}

#[test]
fn a_long_section_lists_the_first_lines_and_counts_the_rest() {
    let lines: Vec<String> = (0..12).map(|i| i.to_string()).collect();
    let capped = capped(lines, Language::Dutch);
    assert_eq!(capped.len(), MAX_LINES);
    assert_eq!(capped.last().unwrap(), "en nog 5");
    assert_eq!(capped[..MAX_LINES - 1], ["0", "1", "2", "3", "4", "5", "6"]);
    let few = capped_of(3);
    assert_eq!(few.len(), 3);
    // Exactly as many as fit: all of them, no "1 more".
    let full = capped_of(MAX_LINES);
    assert_eq!(full.len(), MAX_LINES);
    assert_eq!(full.last().unwrap(), &(MAX_LINES - 1).to_string());
}

fn capped_of(n: usize) -> Vec<String> {
    capped((0..n).map(|i| i.to_string()).collect(), Language::English)
}

/// A card's score: its own step on the first as-is curve, else the mean of its stage's steps
/// there; a to-be curve listed first does not count.
#[test]
fn a_cards_score_is_its_own_step_else_its_stages_mean() {
    use crate::model::{Card, CurveVariant, EmotionCurve, EmotionPoint};
    let mut map = crate::templates::new_project(
        crate::model::MapKind::CustomerJourney,
        crate::i18n::Language::Dutch,
    )
    .maps
    .remove(0);
    let stage = map.stages[0].id;
    let card = Card {
        stage,
        ..Card::default()
    };
    let own = Card {
        stage,
        ..Card::default()
    };
    let step = |score, card| EmotionPoint {
        stage,
        card,
        score,
        ..EmotionPoint::default()
    };
    map.curves = vec![
        EmotionCurve {
            variant: CurveVariant::ToBe,
            points: vec![step(2.0, None), step(2.0, Some(own.id))],
            ..EmotionCurve::default()
        },
        EmotionCurve {
            variant: CurveVariant::AsIs,
            points: vec![step(1.0, None), step(-2.0, Some(own.id)), step(0.5, None)],
            ..EmotionCurve::default()
        },
    ];
    assert_eq!(score_of(&map, &own), Some(-2.0));
    assert_eq!(score_of(&map, &card), Some((1.0 - 2.0 + 0.5) / 3.0));
    let elsewhere = Card {
        stage: map.stages[1].id,
        ..Card::default()
    };
    assert_eq!(score_of(&map, &elsewhere), None);
}
