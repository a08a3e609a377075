//! The backlog formats read back: CSV as Excel splits it, Markdown that user text cannot break,
//! JSON with the measured figures.

use super::*;
use crate::model::Owner;

fn project() -> (Project, Vec<Action>) {
    let (p, done) = crate::analysis::effects::fixture::melden_calls();
    let melden = p.maps[0].stages[1].id;
    let done = Action {
        impact: 4,
        effort: 2,
        owner: Some(Owner::Named("Klantcontactcentrum".into())),
        due: "2026-Q1".into(),
        stages: vec![melden],
        ..done
    };
    let hostile = Action {
        title: "=HYPERLINK(\"x\");|a|\nb".into(),
        description: "@SUM(1)".into(),
        ..Action::default()
    };
    (p, vec![done, hostile])
}

#[test]
fn csv_splits_into_the_columns_dutch_excel_expects() {
    let (p, actions) = project();
    let refs: Vec<&Action> = actions.iter().collect();
    let text = csv(&p, &refs, Language::Dutch);
    assert!(text.starts_with('\u{feff}'));
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[1], "Actie");
    assert_eq!(header.len(), 14);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][1], "Online schadeformulier");
    assert_eq!(&rows[0][2], "klaar");
    assert_eq!((&rows[0][3], &rows[0][4]), ("4", "2"));
    assert_eq!(&rows[0][5], "Snelle winst");
    assert_eq!(&rows[0][7], "Q1 2026");
    assert_eq!(&rows[0][8], "15 maart 2026");
    assert_eq!(&rows[0][11], "gesprekken Melden −15 %");
    assert_eq!(
        &rows[0][12],
        "Online schadeformulier (klaar maart 2026): gesprekken Melden 3.456 → 3.005 (−13 %, doel −15 %)"
    );
    // A formula is defused, the separator and the line break stay inside their cell.
    assert_eq!(&rows[1][1], "'=HYPERLINK(\"x\");|a|\nb");
    assert_eq!(&rows[1][13], "'@SUM(1)");
    assert_eq!((&rows[1][3], &rows[1][4]), ("", ""));
    let en = csv(&p, &refs, Language::English);
    assert!(
        en.lines().next().unwrap().contains("Id,Action,Status"),
        "{en}"
    );
}

#[test]
fn markdown_cells_cannot_be_broken_by_what_a_title_holds() {
    let (p, actions) = project();
    let refs: Vec<&Action> = actions.iter().collect();
    let text = markdown(&p, &refs, Language::English);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    // Every row has as many cells as the header.
    let cells = |l: &str| l.matches('|').count() - l.matches("\\|").count();
    assert!(lines.iter().all(|l| cells(l) == cells(lines[0])), "{text}");
    assert!(lines[3].contains("\\|a\\|"), "{text}");
}

#[test]
fn text_and_json_carry_the_owner_links_and_effect() {
    let (p, actions) = project();
    let refs: Vec<&Action> = actions.iter().collect();
    let t = text(&p, &refs, Language::English);
    assert!(
        t.starts_with(
            "Online schadeformulier  [done · Quick wins (impact 4, effort 2)]\n  owner: Klantcontactcentrum · due: Q1 2026 · done: 15 March 2026\n  addresses: Melden\n  measure: gesprekken Melden −15 %\n  effect: Online schadeformulier (done March 2026)"
        ),
        "{t}"
    );
    assert_eq!(text(&p, &[], Language::Dutch), "Geen acties.\n");
    let j = json(&p, &refs, Language::English);
    assert_eq!(j["actions"][0]["measured"]["before"]["value"], 3456.0);
    assert_eq!(j["actions"][0]["measured"]["kind"], "measured");
    assert_eq!(j["actions"][0]["owner"], "Klantcontactcentrum");
    assert!(j["actions"][1].get("measured").is_none());
    assert_eq!(j["actions"][1]["owner"], "no owner");
}
