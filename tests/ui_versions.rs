//! Keeping a map current in the window: a snapshot taken, a curve point moved, the comparison
//! with its changes outlined and listed, a snapshot looked at read-only and restored; maps
//! imported from a Mermaid file and a spreadsheet grid through File › Import map; a merged
//! file's conflicts picked one by one.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod support;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::compare::Kind;
use klantreis::i18n::Language;
use klantreis::model::{LaneKind, Map, Side};
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{KlantreisApp, RightTab};
use support::app::{build, click, drag, example};

fn app(dialogs: ScriptedDialogs, data: &Path, file: PathBuf) -> Harness<'static, KlantreisApp> {
    let mut h = build(Some(Language::English), Some(file), data, dialogs, false);
    h.run();
    h
}

fn map(h: &Harness<'_, KlantreisApp>) -> Map {
    h.state().project().maps[h.state().current_map()].clone()
}

fn center_of(h: &Harness<'_, KlantreisApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

fn test_data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn take_a_snapshot_move_a_curve_point_and_compare_to_see_the_change() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        example("wasmachine-kapot.klantreis.ron"),
    );
    // The Versions tab, a label, Take snapshot.
    click(&mut h, "Versions");
    h.get_by_label("Label").click();
    h.run();
    h.get_by_label("Label").type_text("Voor de workshop");
    h.run();
    click(&mut h, "Take snapshot");
    let project = h.state().project().clone();
    assert_eq!(project.snapshots.len(), 1);
    assert_eq!(project.snapshots[0].label, "Voor de workshop");
    assert_eq!(project.snapshots[0].map, map(&h));
    assert!(h.query_by_label("1 snapshot").is_some());

    // Move a curve point up, and a card to another cell.
    let before = map(&h);
    let point = h
        .get_all_by_label_contains("Emotion in ")
        .map(|n| (format!("{n:?}"), n.rect().center()))
        .next()
        .unwrap();
    drag(&mut h, point.1, point.1 - egui::vec2(0.0, 40.0));
    assert_ne!(map(&h).curves, before.curves, "the drag moved {}", point.0);
    let card = before
        .cards
        .iter()
        .find(|c| c.title == "Foutcode googelen")
        .unwrap()
        .id;
    let from = center_of(&h, "Card Foutcode googelen");
    let to = Pos2::new(
        center_of(&h, "Stage Bestellen").x,
        h.get_by_label("Lane Kansen").rect().top() + 12.0,
    );
    drag(&mut h, from, to);
    assert_ne!(
        map(&h).card(card).unwrap().stage,
        before.card(card).unwrap().stage
    );

    // And one card deleted.
    let gone = before
        .cards
        .iter()
        .find(|c| c.title == "Wassen bij de buren")
        .unwrap()
        .id;
    click(&mut h, "Card Wassen bij de buren");
    h.key_press(Key::Delete);
    h.run();
    assert!(map(&h).card(gone).is_none());

    // Compare: the moved card is outlined, where the deleted one stood too, the earlier curve
    // drawn behind; all listed.
    click(&mut h, "Compare");
    let highlights = h.state().canvas().highlights().cloned().unwrap();
    assert!(
        highlights.cards.contains(&(card, Kind::Moved)),
        "{highlights:?}"
    );
    assert!(highlights.removed.iter().any(|(id, _)| *id == gone));
    assert!(
        h.query_by_label_contains("removed · Wassen bij de buren")
            .is_some()
    );
    assert!(
        !highlights.earlier.is_empty(),
        "the snapshot's curve is drawn"
    );
    assert!(
        h.query_by_label_contains("moved · Foutcode googelen")
            .is_some()
    );
    assert!(h.query_all_by_label_contains("Curve ").next().is_some());
    h.snapshot("versions_compare");

    // Stepping to the change selects the card.
    h.get_by_label_contains("moved · Foutcode googelen").click();
    h.run();
    assert_eq!(h.state().selection().card_ids(), [card]);
    assert_eq!(highlights_current(&h), Some(card));

    // Another edit while comparing: the comparison follows (undo the deletion, then the move).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().canvas().highlights().unwrap().removed.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let now = h.state().canvas().highlights().cloned().unwrap();
    assert!(
        !now.cards.contains(&(card, Kind::Moved)),
        "undone: no longer moved"
    );
    click(&mut h, "Stop comparing");
    assert!(h.state().canvas().highlights().is_none());
}

fn highlights_current(h: &Harness<'_, KlantreisApp>) -> Option<klantreis::model::CardId> {
    h.state().canvas().highlights().and_then(|x| x.current)
}

#[test]
fn a_snapshot_opens_read_only_and_restores_as_one_undo_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        example("wasmachine-kapot.klantreis.ron"),
    );
    h.state_mut()
        .queue(klantreis::ui::command::Command::TakeSnapshot);
    h.run();
    assert_eq!(h.state().right_tab(), RightTab::Versions);
    let snapshot = h.state().project().snapshots[0].map.clone();
    // Change the map: delete a card.
    click(&mut h, "Card Foutcode googelen");
    h.key_press(Key::Delete);
    h.run();
    let changed = map(&h);
    assert_eq!(changed.cards.len(), snapshot.cards.len() - 1);

    // View the snapshot: the card is back on the canvas, but nothing can be changed there.
    click(&mut h, "Open read-only");
    assert!(h.state().viewing_snapshot().is_some());
    assert!(h.query_by_label_contains("read-only").is_some());
    click(&mut h, "Card Foutcode googelen");
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(map(&h), changed, "a snapshot on show is read-only");
    assert_eq!(h.state().project().snapshots[0].map, snapshot);
    // The bar over the canvas has it, and the snapshot's row in the Versions tab.
    h.get_all_by_label("Back to the map")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(h.state().viewing_snapshot().is_none());

    // Restore: the map is the snapshot again; one undo brings the change back.
    h.get_all_by_label("Restore").next().unwrap().click();
    h.run();
    assert_eq!(map(&h), snapshot);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), changed);
}

#[test]
fn import_a_mermaid_file_from_the_menu() {
    let data = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .import_answers
        .push_back(Some(test_data("alle-constructies.mmd")));
    let mut h = app(
        dialogs,
        data.path(),
        example("wasmachine-kapot.klantreis.ron"),
    );
    let maps = h.state().project().maps.len();
    click(&mut h, "File");
    support::app::click_item(&mut h, "Import map…");
    let project = h.state().project().clone();
    assert_eq!(project.maps.len(), maps + 1);
    assert_eq!(h.state().current_map(), maps, "the imported map is shown");
    let imported = map(&h);
    assert_eq!(imported.title, "Schade melden bij de verzekeraar");
    assert_eq!(imported.stages.len(), 3);
    assert!(project.personas.iter().any(|p| p.name == "Partner"));
    assert!(h.query_by_label_contains("1 map imported").is_some());
    assert!(
        h.query_by_label_contains("scale runs from 0 to 6")
            .is_some()
    );
    // One step: undo takes the map and its personas away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().maps.len(), maps);
    assert!(
        !h.state()
            .project()
            .personas
            .iter()
            .any(|p| p.name == "Partner")
    );
}

#[test]
fn import_a_spreadsheet_grid_and_correct_a_lane_kind() {
    let data = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .import_answers
        .push_back(Some(test_data("reis-grid.csv")));
    let mut h = app(
        dialogs,
        data.path(),
        example("wasmachine-kapot.klantreis.ron"),
    );
    h.state_mut()
        .queue(klantreis::ui::command::Command::ImportMap);
    h.run();
    assert!(h.query_by_label_contains("name not recognised").is_some());
    // "Werkwijze" was not recognised: the user says it is the backstage.
    h.get_by_label("Werkwijze").click();
    h.run();
    // The open list's item (the toolbox in the sidebar has one of that name too).
    h.get_all_by_label("Backstage").last().unwrap().click();
    h.run();
    h.snapshot("import_grid_step");
    click(&mut h, "Import as a new map");
    let m = map(&h);
    assert_eq!(m.title, "reis-grid");
    let kinds: Vec<(String, LaneKind)> = m.lanes.iter().map(|l| (l.name.clone(), l.kind)).collect();
    assert!(
        kinds.contains(&("Werkwijze".to_owned(), LaneKind::Backstage)),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("Pijnpunten".to_owned(), LaneKind::PainPoints)));
    assert_eq!(m.curves[0].points.len(), 4);
}

#[test]
fn a_merged_file_opens_with_its_conflicts_and_each_is_picked() {
    let base = klantreis::file::load(&example("wasmachine-kapot.klantreis.ron"))
        .unwrap()
        .project;
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].title = "Ons".into();
    theirs.maps[0].cards[0].title = "Hun".into();
    ours.maps[0].cards[1].body = "Onze tekst".into();
    theirs.maps[0].cards[1].body = "Hun tekst".into();
    let merged = klantreis::merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("samengevoegd.klantreis.ron");
    klantreis::file::save(&merged.project, &path).unwrap();

    let mut h = app(ScriptedDialogs::default(), data.path(), path);
    assert_eq!(h.state().right_tab(), RightTab::Versions);
    assert!(h.query_by_label("2 merge conflicts").is_some());
    h.snapshot("merge_conflicts");
    click(&mut h, "Theirs: “Hun”");
    assert_eq!(map(&h).cards[0].title, "Hun");
    assert_eq!(h.state().project().conflicts[0].taken, Side::Theirs);
    assert_eq!(
        map(&h).cards[1].body,
        "Onze tekst",
        "the other conflict keeps ours"
    );
    click(&mut h, "Done: clear the list");
    assert!(h.state().project().conflicts.is_empty());
    // Undo brings the list back, with the pick.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().conflicts.len(), 2);
}
