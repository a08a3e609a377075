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
    let pains = bullets(&e, "Pijnpunten in uw fasen");
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
}

fn capped_of(n: usize) -> Vec<String> {
    capped((0..n).map(|i| i.to_string()).collect(), Language::English)
}
