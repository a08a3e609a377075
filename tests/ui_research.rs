//! Research and data in the window, as a user works: a quote linked to a card (from the
//! inspector and by dragging it from the sidebar), a CSV imported through the mapping step into
//! a metrics lane, a curve driven by a score column, a re-import after the file changed.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::model::{LaneKind, Map};
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{KlantreisApp, View};
use support::app::{build, click, drag, example};

const QUOTE: &str = "Ik stond twintig minuten in de wacht";

fn app(dialogs: ScriptedDialogs, data: &Path, file: PathBuf) -> Harness<'static, KlantreisApp> {
    let mut h = build(Some(Language::English), Some(file), data, dialogs, false);
    h.run();
    h
}

fn map_quote(h: &Harness<'_, KlantreisApp>) -> String {
    let e = h
        .state()
        .project()
        .evidence
        .iter()
        .find(|e| e.text.starts_with(QUOTE));
    e.unwrap().text.clone()
}

fn map(h: &Harness<'_, KlantreisApp>) -> Map {
    h.state().project().maps[h.state().current_map()].clone()
}

/// A copy of the water-damage example in `dir`, so imports can be stored beside it.
fn waterschade_in(dir: &Path) -> PathBuf {
    let path = dir.join("waterschade.klantreis.ron");
    std::fs::copy(example("waterschade-claim.klantreis.ron"), &path).unwrap();
    path
}

#[test]
fn link_a_quote_to_a_card_and_see_how_many_respondents_back_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        example("waterschade-claim.klantreis.ron"),
    );
    let title = "Foto's van plafond en vloer";
    let card = map(&h).cards.iter().find(|c| c.title == title).unwrap().id;
    click(&mut h, &format!("Card {title}"));
    assert!(h.query_by_label("No evidence yet").is_some());
    // Pick the quote in the inspector's menu.
    click(&mut h, "Link evidence");
    // In the menu, the quote's first sixty characters (the sidebar's copy is in quote marks).
    let item: String = map_quote(&h).chars().take(60).collect();
    h.get_by_label(&format!("{item}…")).click();
    h.run();
    let quote = h
        .state()
        .project()
        .evidence
        .iter()
        .find(|e| e.text.starts_with(QUOTE))
        .unwrap()
        .id;
    assert_eq!(map(&h).card(card).unwrap().evidence, [quote]);
    // Three respondents named, six in all, out of a register of fourteen.
    assert!(h.query_by_label("6 of 14 respondents").is_some());
    // Undo takes the link away in one step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(map(&h).card(card).unwrap().evidence.is_empty());

    // Dragging the quote from the sidebar onto the card links it too.
    let from = h
        .get_by_label_contains(&format!("“{QUOTE}"))
        .rect()
        .center();
    let to = h.get_by_label(&format!("Card {title}")).rect().center();
    drag(&mut h, from, to);
    assert_eq!(map(&h).card(card).unwrap().evidence, [quote]);
}

#[test]
fn cards_without_evidence_stand_out_and_the_analysis_names_them() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        example("waterschade-claim.klantreis.ron"),
    );
    h.state_mut()
        .queue(klantreis::ui::command::Command::FilterUnevidenced);
    h.run();
    assert!(h.state().canvas().unevidenced_only());
    h.snapshot("unevidenced_filter");
    // The analysis names a pain point without evidence; clicking it selects the card.
    click(&mut h, "Analysis");
    let pain = "Onzeker wat ze mag weggooien";

    let item = format!("“{pain}” has no evidence behind it");
    h.get_by_label_contains(&item).scroll_to_me();
    h.run();
    h.get_by_label_contains(&item).click();
    h.run();
    let card = map(&h).cards.iter().find(|c| c.title == pain).unwrap().id;
    assert_eq!(
        h.state()
            .selection()
            .cards
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [card]
    );
}

/// The analysis tab ends with the actions: an action past its date and one without an owner,
/// each a link to the card it addresses, and the done action's measured effect.
#[test]
fn the_analysis_names_actions_that_ask_for_attention_and_the_measured_effect() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        example("waterschade-claim.klantreis.ron"),
    );
    h.run();
    click(&mut h, "Analysis");
    let effect = "Online schadeformulier (done April 2026): gesprekken Melden 3,456 → 3,005 (−13 %, target −15 %)";
    h.get_by_label_contains(effect).scroll_to_me();
    h.run();
    let unowned = "Action “Bewaaradvies bij het ontdekken van schade” has no owner";
    h.get_by_label_contains(unowned).scroll_to_me();
    h.run();
    h.get_by_label_contains(unowned).click();
    h.run();
    let card = map(&h)
        .cards
        .iter()
        .find(|c| c.title == "Onzeker wat ze mag weggooien")
        .unwrap()
        .id;
    assert_eq!(
        h.state()
            .selection()
            .cards
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [card]
    );
    h.get_by_label_contains("“Eigen risico vooraf uitleggen” is past its date (Q3 2026)");
}

fn write_csv(path: &Path, melden: &str) {
    std::fs::write(
        path,
        format!(
            "Fase;Gesprekken;CSAT;Peildatum\n\
             Melden;{melden};2,5;31-10-2026\n\
             Beoordeling;1420;2,0;31-10-2026\n\
             Nergens;5;3,0;31-10-2026\n"
        ),
    )
    .unwrap();
}

#[test]
fn import_a_csv_through_the_mapping_step_drive_a_curve_and_reimport() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let project = waterschade_in(dir.path());
    let csv = dir.path().join("oktober.csv");
    write_csv(&csv, "2395");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.data_answers.push_back(Some(csv.clone()));
    let mut h = app(dialogs, data.path(), project);
    let datasets_before = h.state().project().datasets.len();

    // File › Import data… shows the first rows and a guess at the columns.
    h.state_mut()
        .queue(klantreis::ui::command::Command::ImportData);
    h.run();
    assert!(
        h.query_by_label_contains("Say what the columns of oktober.csv hold")
            .is_some()
    );
    assert!(h.query_by_label_contains("1 row cannot be used").is_some());
    assert!(
        h.query_by_label_contains("“Nergens” names no stage")
            .is_some()
    );
    // The row it cannot place is tied to a stage by hand.
    click(&mut h, "“Nergens” →");
    h.get_by_label("Herstel").click();
    h.run();
    assert!(h.query_by_label("Every row is used.").is_some());
    assert!(h.query_by_label("“Nergens” → Herstel").is_some());
    h.snapshot("import_mapping_step");
    click(&mut h, "Import");
    let project = h.state().project().clone();
    assert_eq!(project.datasets.len(), datasets_before + 1);
    let set = project.datasets.last().unwrap();
    assert_eq!(set.name, "oktober");
    assert_eq!(set.values.len(), 3);
    assert_eq!(set.import.as_ref().unwrap().file, "oktober.csv");
    assert_eq!(h.state().view(), View::Map);
    // The map's metrics lane now lists it.
    let m = map(&h);
    let lane = m
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Metrics)
        .unwrap();
    assert!(lane.datasets.contains(&set.id));
    let set_id = set.id;

    // Re-import after the file changed: the change is shown, then applied.
    write_csv(&csv, "2600");
    click(&mut h, "Research and data");
    assert_eq!(h.state().view(), View::Research);
    h.snapshot("research_view");
    click(&mut h, "Data sets");
    let buttons = h.query_all_by_label("Re-import").count();
    assert_eq!(buttons, h.state().project().datasets.len());
    h.query_all_by_label("Re-import").last().unwrap().click();
    h.run();
    assert!(
        h.query_by_label_contains("0 added, 0 removed, 1 changed")
            .is_some()
    );
    click(&mut h, "Apply");
    let set = h.state().project().dataset(set_id).unwrap().clone();
    assert!(set.values.iter().any(|v| (v.value - 2600.0).abs() < 1e-9));
}

#[test]
fn a_score_column_drives_an_emotion_curve() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let project = waterschade_in(dir.path());
    let csv = dir.path().join("csat.csv");
    write_csv(&csv, "2395");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.data_answers.push_back(Some(csv));
    let mut h = app(dialogs, data.path(), project);
    h.state_mut()
        .queue(klantreis::ui::command::Command::ImportData);
    h.run();
    // The score column as the value, averaged per stage.
    click(&mut h, "Value");
    // The column's header in the preview, then its item in the menu.
    h.get_all_by_label("CSAT").last().unwrap().click();
    h.run();
    h.get_by_label("Average per stage").click();
    h.run();
    click(&mut h, "Import");
    let set = h.state().project().datasets.last().unwrap().clone();
    assert!(set.mean);
    // The workshop's own curve follows it from the map's inspector.
    let m = map(&h);
    let drawn = m.curves.iter().position(|c| c.data.is_none()).unwrap();
    let follows: Vec<_> = h.query_all_by_label("Follows").collect();
    follows[drawn].click();
    h.run();
    h.get_by_label("csat").click();
    h.run();
    let m = map(&h);
    let curve = &m.curves[drawn];
    assert_eq!(curve.data.unwrap().dataset, set.id);
    let melden = m.stages.iter().find(|s| s.name == "Melden").unwrap().id;
    let point = curve
        .points
        .iter()
        .find(|p| p.stage == melden && p.from_data)
        .unwrap();
    // 2.5 on a 1..5 source is three eighths up the map's scale.
    let (min, max) = (m.scale.min(), m.scale.max());
    assert!(
        (point.score - (min + 0.375 * (max - min))).abs() < 1e-9,
        "{}",
        point.score
    );
}
