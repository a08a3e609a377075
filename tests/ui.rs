//! The editor window, driven as a user would with `egui_kittest`: find widgets by their label,
//! click, type and drag.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod support;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use klantreis::i18n::Language;
use klantreis::model::Project;
use klantreis::ui::KlantreisApp;
use klantreis::ui::dialogs::ScriptedDialogs;
use support::app::{double_click, drag};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn harness_with(
    file: Option<PathBuf>,
    data_dir: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, KlantreisApp> {
    harness_in(Language::English, file, data_dir, dialogs)
}

fn harness_in(
    language: Language,
    file: Option<PathBuf>,
    data_dir: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, KlantreisApp> {
    support::app::build(Some(language), file, data_dir, dialogs, false)
}

fn harness(file: Option<PathBuf>, data_dir: &Path) -> Harness<'static, KlantreisApp> {
    harness_with(file, data_dir, ScriptedDialogs::default())
}

/// The IKEA example open in the window, and where its map's canvas is on screen.
fn ikea_on_canvas(data_dir: &Path) -> (Harness<'static, KlantreisApp>, egui::Rect) {
    let mut h = harness(Some(example("ikea-winkelbezoek.klantreis.ron")), data_dir);
    h.run();
    let canvas = h
        .get_by_label("Map: Zaterdag naar IKEA: van wensenlijst tot ijsje")
        .rect();
    (h, canvas)
}

/// A new English journey template saved in `dir`, so tests start from a known map.
fn template_file(dir: &Path) -> PathBuf {
    let path = dir.join("test.klantreis.ron");
    let project = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        klantreis::i18n::Language::English,
    );
    klantreis::file::save(&project, &path).unwrap();
    path
}

fn map(h: &Harness<'_, KlantreisApp>) -> klantreis::model::Map {
    h.state().project().maps[0].clone()
}

fn type_replacing(h: &mut Harness<'_, KlantreisApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn center_of(h: &Harness<'_, KlantreisApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

#[test]
fn opens_an_example_and_shows_its_maps_and_personas() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.get_by_label("Zaterdag naar IKEA: van wensenlijst tot ijsje");
    // Sanne in the sidebar's personas, and ticked in the map's inspector as the persona the
    // map follows.
    assert_eq!(h.query_all_by_label("Sanne").count(), 2);
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Sanne");
    h.get_by_label("Card Bistro bij de uitgang");
    h.get_by_label("Stage Showroom");
    h.get_by_label("Lane Pijnpunten");
    assert_eq!(h.state().project().title, "IKEA-winkelbezoek Utrecht");
    h.snapshot("example_ikea");
}

#[test]
fn the_empty_template() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(None, data.path());
    h.run();
    h.get_by_label("Stage Orientation");
    h.get_by_label("Lane Touchpoints");
    h.snapshot("empty_template");
}

#[test]
fn a_broken_file_shows_a_readable_message_and_keeps_the_open_project() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.klantreis.ron");
    std::fs::write(&path, "(format: (9, 0), project: ())").unwrap();
    let mut h = harness(Some(path), data.path());
    h.run();
    h.get_by_label_contains("format 9.0");
    h.get_by_label_contains("kapot.klantreis.ron");
    assert_eq!(h.state().project().maps.len(), 1);
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label_contains("format 9.0").is_none());
}

#[test]
fn add_stage_lane_and_cards_edit_titles_then_undo_and_redo_it_all() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Some(template_file(dir.path())), data.path());
    h.run();
    let start = h.state().project().clone();

    h.get_by_label("Add a stage at the end").click();
    h.run();
    type_replacing(&mut h, "Nazorg");
    assert_eq!(map(&h).stages.last().unwrap().name, "Nazorg");

    h.get_by_label("Add a lane at the bottom").click();
    h.run();
    type_replacing(&mut h, "Kanalen");
    assert_eq!(map(&h).lanes.last().unwrap().name, "Kanalen");

    h.get_by_label("Add card to Touchpoints").click();
    h.run();
    type_replacing(&mut h, "Bel de klantenservice");
    h.get_by_label("Card Bel de klantenservice");
    assert_eq!(map(&h).cards.len(), 1);

    // Edit a stage title in place: double-click, type, Enter.
    double_click(&mut h, "Stage Choice");
    assert!(
        h.state().canvas().is_editing(),
        "double-click starts editing"
    );
    type_replacing(&mut h, "Kiezen");
    assert_eq!(map(&h).stages[1].name, "Kiezen");
    assert!(h.state().document().is_dirty());
    let edited = h.state().project().clone();

    // Escape cancels an edit in place.
    double_click(&mut h, "Card Bel de klantenservice");
    h.event(egui::Event::Text("xyz".to_owned()));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().project(), &edited);

    for _ in 0..8 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().project(), &start);
    for _ in 0..8 {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
    }
    assert_eq!(h.state().project(), &edited);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().project(), &edited);
}

#[test]
fn drag_a_card_to_another_cell_and_reorder_a_stage() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(example("wasmachine-kapot.klantreis.ron")), data.path());
    h.run();
    let before = map(&h);
    let card = before
        .cards
        .iter()
        .find(|c| c.title == "Foutcode googelen")
        .unwrap()
        .clone();
    let from = center_of(&h, "Card Foutcode googelen");
    // Into the "Bestellen" stage of the "Kansen" lane.
    let to = Pos2::new(
        center_of(&h, "Stage Bestellen").x,
        h.get_by_label("Lane Kansen").rect().top() + 12.0,
    );
    drag(&mut h, from, to);
    let after = map(&h);
    let moved = after.card(card.id).unwrap();
    let kansen = after.lanes.iter().find(|l| l.name == "Kansen").unwrap().id;
    let bestellen = after
        .stages
        .iter()
        .find(|s| s.name == "Bestellen")
        .unwrap()
        .id;
    assert_eq!((moved.lane, moved.stage), (kansen, bestellen));
    assert_eq!(moved.order, 0, "dropped above the card already there");

    // A whole drag is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), before);

    // Drag the first stage header to the right of the third.
    let first = before.stages[0].id;
    let from = center_of(&h, "Stage Storing");
    let to = center_of(&h, "Stage Vergelijken en kiezen") + egui::vec2(40.0, 0.0);
    drag(&mut h, from, to);
    let after = map(&h);
    assert_eq!(after.stage_index(first), Some(2));
    assert_eq!(after.cards.len(), before.cards.len());
    assert!(
        klantreis::file::validate(h.state().project(), &klantreis::file::Limits::default())
            .is_empty()
    );
}

#[test]
fn a_fast_drag_still_drops_the_card() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("library-reservation.klantreis.ron")),
        data.path(),
    );
    h.run();
    let before = place_of(&h, "Online catalogue");
    assert_ne!(before.0, "Wait");

    let from = center_of(&h, "Card Online catalogue");
    let to = Pos2::new(
        center_of(&h, "Stage Wait").x,
        center_of(&h, "Lane Touchpoints").y,
    );
    h.hover_at(from);
    h.run();
    // Press and move far in one frame, as a quick hand does.
    h.drag_at(from);
    h.hover_at(to);
    h.run();
    h.hover_at(to + egui::vec2(1.0, 1.0));
    h.run();
    h.drop_at(to);
    h.run();
    let map = map(&h);
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Online catalogue")
        .unwrap();
    assert_eq!(map.stage(card.stage).unwrap().name, "Wait");
}

#[test]
fn select_several_cards_delete_them_and_undo() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("library-reservation.klantreis.ron")),
        data.path(),
    );
    h.run();
    let before = h.state().project().clone();
    h.get_by_label("Card Online catalogue").click();
    h.run();
    h.get_by_label("Card Self-checkout kiosk")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().selection().cards.len(), 2);
    h.get_by_label("2 selected");
    h.snapshot("two_cards_selected");
    h.key_press(Key::Delete);
    h.run();
    assert!(h.query_by_label("Card Online catalogue").is_none());
    assert!(h.query_by_label("Card Self-checkout kiosk").is_none());
    assert_eq!(map(&h).cards.len(), before.maps[0].cards.len() - 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &before);
}

#[test]
fn the_inspector_edits_the_selected_card() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.get_by_label("Card Bistro bij de uitgang").click();
    h.run();
    h.get_by_label("Moment of truth").click();
    h.run();
    let card = map(&h)
        .cards
        .iter()
        .find(|c| c.title == "Bistro bij de uitgang")
        .unwrap()
        .clone();
    assert!(card.moment_of_truth.is_none());
    h.snapshot("selection_with_inspector");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let card = map(&h)
        .cards
        .iter()
        .find(|c| c.title == "Bistro bij de uitgang")
        .unwrap()
        .clone();
    assert!(card.moment_of_truth.is_some());
}

#[test]
fn a_drag_in_progress_shows_where_the_card_will_land() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("library-reservation.klantreis.ron")),
        data.path(),
    );
    h.run();
    let before = place_of(&h, "Online catalogue");
    assert_ne!(before.0, "Wait");
    let from = center_of(&h, "Card Online catalogue");
    let to = Pos2::new(
        center_of(&h, "Stage Wait").x,
        center_of(&h, "Lane Touchpoints").y,
    );
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    h.snapshot("drag_in_progress");
    // Until the drop, the card has not moved: a drag only shows where it will land.
    assert_eq!(place_of(&h, "Online catalogue"), before);
    h.drop_at(to);
    h.run();
    assert_eq!(
        place_of(&h, "Online catalogue"),
        ("Wait".to_owned(), "Touchpoints".to_owned())
    );
}

/// The stage and lane (by name) of the card titled `title`.
fn place_of(h: &Harness<'_, KlantreisApp>, title: &str) -> (String, String) {
    let m = map(h);
    let card = m.cards.iter().find(|c| c.title == title).unwrap();
    let stage = m.stages.iter().find(|s| s.id == card.stage).unwrap();
    let lane = m.lanes.iter().find(|l| l.id == card.lane).unwrap();
    (stage.name.clone(), lane.name.clone())
}

#[test]
fn save_reopen_and_find_the_same_map() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = template_file(dir.path());
    let mut h = harness(Some(path.clone()), data.path());
    h.run();
    h.get_by_label("Add a stage at the end").click();
    h.run();
    type_replacing(&mut h, "Opzeggen");
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().document().is_dirty());
    let saved: Project = h.state().project().clone();
    drop(h);
    let mut h = harness(Some(path), data.path());
    h.run();
    h.get_by_label("Stage Opzeggen");
    assert_eq!(h.state().project(), &saved);
}

#[test]
fn a_new_project_says_it_has_not_been_saved_yet_until_it_is() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .save_answers
        .push_back(Some(dir.path().join("eerste")));
    let mut h = harness_with(None, data.path(), dialogs);
    h.run();
    h.get_by_label("Not saved yet");
    assert!(h.query_by_label("Saved").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Saved");
    assert!(h.query_by_label("Not saved yet").is_none());
}

#[test]
fn save_as_for_a_new_project_uses_the_dialog() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nieuw");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.save_answers.push_back(Some(target.clone()));
    let mut h = harness_with(None, data.path(), dialogs);
    h.run();
    h.get_by_label("Add card to Pain points").click();
    h.run();
    type_replacing(&mut h, "Wachten");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let written = dir.path().join("nieuw.klantreis.ron");
    let loaded = klantreis::file::load(&written).unwrap();
    assert_eq!(loaded.project.maps[0].cards[0].title, "Wachten");
}

#[test]
fn the_unsaved_changes_prompt_and_its_three_answers() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = template_file(dir.path());
    let mut h = harness(Some(path.clone()), data.path());
    h.run();
    h.get_by_label("Add card to Thoughts").click();
    h.run();
    type_replacing(&mut h, "Waar blijft het?");
    let edited = h.state().project().clone();

    // Cancel: nothing happens.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().project(), &edited);
    assert!(h.query_by_label("Save changes?").is_none());

    // Save: the file gets the change, then the new project opens.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        klantreis::file::load(&path).unwrap().project.maps[0].cards[0].title,
        "Waar blijft het?"
    );
    assert!(h.state().project().maps[0].cards.is_empty());
    assert!(h.state().document().path.is_none());

    // Don't save: the change is dropped.
    h.get_by_label("Add card to Thoughts").click();
    h.run();
    type_replacing(&mut h, "Weggooien");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().project().maps[0].cards.is_empty());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn save_in_the_unsaved_prompt_goes_on_only_when_the_save_happened() {
    // A project never saved: "Save" asks where; cancelling that keeps the work open.
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.save_answers.push_back(None);
    dialogs
        .save_answers
        .push_back(Some(dir.path().join("bewaard")));
    let mut h = harness_with(None, data.path(), dialogs);
    h.run();
    h.get_by_label("Add card to Thoughts").click();
    h.run();
    type_replacing(&mut h, "Niet kwijtraken");
    let edited = h.state().project().clone();
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        h.get_by_label("Save").click();
        h.run();
    }
    // The first Save was cancelled in the file dialog: nothing was thrown away.
    // The second saved, then the new project opened.
    let saved = klantreis::file::load(&dir.path().join("bewaard.klantreis.ron")).unwrap();
    assert_eq!(saved.project.maps[0].cards, edited.maps[0].cards);
    assert!(h.state().project().maps[0].cards.is_empty());
    // Escape is Cancel.
    h.get_by_label("Add card to Thoughts").click();
    h.run();
    type_replacing(&mut h, "Blijft");
    let edited = h.state().project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save changes?");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert_eq!(h.state().project(), &edited);
}

#[test]
fn restore_from_the_recovery_journal_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = template_file(dir.path());
    let mut h = harness(Some(path.clone()), data.path());
    h.run();
    h.get_by_label("Add card to Opportunities").click();
    h.run();
    type_replacing(&mut h, "Terugbelverzoek");
    h.state_mut().flush_journal();
    let unsaved = h.state().project().clone();
    // A crash: the app disappears without saving or clearing the journal. (Dropped, not
    // forgotten: a forgotten window would still own its journal entry, as a running one does.)
    drop(h);

    let mut h = harness(None, data.path());
    h.run();
    h.get_by_label("Restore unsaved work?");
    // Reported: the question said when in raw UTC. It says it in local words: "(last kept
    // 7 December 2026, 11:19)", not "2026-12-07T10:19:00Z".
    let node = h.get_by_label_contains("last kept").accesskit_node();
    let question = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(
        !question.contains('T') || !question.contains('Z'),
        "{question}"
    );
    let year = klantreis::model::time::now_rfc3339()[..4].to_owned();
    assert!(question.contains(&format!(" {year}, ")), "{question}");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().project(), &unsaved);
    assert_eq!(h.state().document().path.as_deref(), Some(path.as_path()));
    assert!(h.state().document().is_dirty());
    // The file itself was never touched.
    assert!(
        klantreis::file::load(&path).unwrap().project.maps[0]
            .cards
            .is_empty()
    );
}

#[test]
fn each_window_keeps_its_own_recovery_journal() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = template_file(dir.path());
    // Window A: a new project with unsaved work, journaled.
    let mut a = harness(None, data.path());
    a.run();
    a.get_by_label("Add card to Opportunities").click();
    a.run();
    type_replacing(&mut a, "Werk van A");
    a.state_mut().flush_journal();
    let work_of_a = a.state().project().clone();
    // Window B, on the same data folder: changes a file, is journaled, saves.
    let mut b = harness(Some(path), data.path());
    b.run();
    b.get_by_label("Add card to Opportunities").click();
    b.run();
    type_replacing(&mut b, "Werk van B");
    b.state_mut().flush_journal();
    b.key_press_modifiers(Modifiers::COMMAND, Key::S);
    b.run();
    assert!(!b.state().document().is_dirty());
    drop(b);
    // A crashes; the next start offers A's work, and only that.
    drop(a);
    let mut c = harness(None, data.path());
    c.run();
    c.get_by_label("Restore unsaved work?");
    c.get_by_label("Restore").click();
    c.run();
    assert_eq!(c.state().project(), &work_of_a);
    assert!(c.query_by_label("Restore unsaved work?").is_none());
}

#[test]
fn the_command_palette_runs_a_command() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(None, data.path());
    h.run();
    let stages = map(&h).stages.len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.event(egui::Event::Text("add stage".to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(map(&h).stages.len(), stages + 1);
}

#[test]
fn copy_cut_and_paste_cards() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(example("wasmachine-kapot.klantreis.ron")), data.path());
    h.run();
    let before = map(&h);
    h.get_by_label("Card Foutcode googelen").click();
    h.run();
    // Ctrl+C arrives from the window as a copy event.
    h.event(egui::Event::Copy);
    h.run();
    let copied = h.state().last_copied().unwrap().to_owned();
    assert!(copied.contains("Foutcode googelen"));

    // Paste with a lane header selected: the copy lands in that lane.
    h.get_by_label("Lane Kansen").click();
    h.run();
    h.event(egui::Event::Paste(copied.clone()));
    h.run();
    let after = map(&h);
    assert_eq!(after.cards.len(), before.cards.len() + 1);
    let kansen = after.lanes.iter().find(|l| l.name == "Kansen").unwrap().id;
    let pasted: Vec<_> = after
        .cards
        .iter()
        .filter(|c| c.title == "Foutcode googelen")
        .collect();
    assert_eq!(pasted.len(), 2);
    assert!(pasted.iter().any(|c| c.lane == kansen));
    // The pasted card is selected, and undo takes it away in one step.
    assert_eq!(h.state().selection().cards.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), before);

    // Cut removes the card; pasting it back keeps its text.
    h.get_by_label("Card Foutcode googelen").click();
    h.run();
    h.event(egui::Event::Cut);
    h.run();
    assert!(h.query_by_label("Card Foutcode googelen").is_none());
    let cut = h.state().last_copied().unwrap().to_owned();
    h.event(egui::Event::Paste(cut));
    h.run();
    h.get_by_label("Card Foutcode googelen");
    assert_eq!(map(&h).cards.len(), before.cards.len());
}

#[test]
fn text_from_elsewhere_pastes_as_one_card_per_line_and_bad_cards_give_a_message() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(template_file(data.path())), data.path());
    h.run();
    h.get_by_label("Lane Pain points").click();
    h.run();
    h.event(egui::Event::Paste(
        "- Long queue\n- No parking\n\n- Rude staff\n".to_owned(),
    ));
    h.run();
    let m = map(&h);
    let pain = m.lanes.iter().find(|l| l.name == "Pain points").unwrap().id;
    let titles: Vec<&str> = m
        .cards
        .iter()
        .filter(|c| c.lane == pain)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(titles, ["Long queue", "No parking", "Rude staff"]);
    let before = h.state().project().clone();
    h.event(egui::Event::Paste(
        "klantreis-cards 1\n(cards: [(".to_owned(),
    ));
    h.run();
    h.get_by_label_contains("Could not paste");
    assert_eq!(h.state().project(), &before);
}

#[test]
fn drag_card_templates_and_lane_kinds_from_the_toolbox() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(template_file(data.path())), data.path());
    h.run();
    let before = map(&h);
    // A pain point dropped on the "Thoughts" lane in the "Purchase" stage goes to the pain
    // points lane of that stage.
    let from = center_of(&h, "Pain point");
    let to = Pos2::new(
        center_of(&h, "Stage Purchase").x,
        center_of(&h, "Lane Thoughts").y,
    );
    drag(&mut h, from, to);
    let after = map(&h);
    assert_eq!(after.cards.len(), before.cards.len() + 1);
    let card = after.cards.last().unwrap();
    let lane = after.lane(card.lane).unwrap();
    assert_eq!(lane.kind, klantreis::model::LaneKind::PainPoints);
    assert_eq!(after.stage(card.stage).unwrap().name, "Purchase");
    assert_eq!(card.title, "New pain point");
    // The new card's title is open for typing.
    h.event(egui::Event::Text("Queue at the till".to_owned()));
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Card Queue at the till");

    // A lane kind dropped between the first two lanes becomes the second lane.
    let from = center_of(&h, "Backstage");
    let first = h.get_by_label("Lane Customer actions").rect();
    drag(
        &mut h,
        from,
        Pos2::new(first.center().x + 300.0, first.bottom() - 4.0),
    );
    let after = map(&h);
    assert_eq!(after.lanes.len(), before.lanes.len() + 1);
    assert_eq!(after.lanes[1].kind, klantreis::model::LaneKind::Backstage);

    // Clicking an item adds it at the selection instead.
    h.get_by_label("Opportunity").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    let opportunities = map(&h)
        .cards
        .iter()
        .filter(|c| c.title == "New opportunity")
        .count();
    assert_eq!(opportunities, 1);
}

#[test]
fn the_interface_speaks_dutch_and_switches_language_from_the_menu() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness_in(
        Language::Dutch,
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
        ScriptedDialogs::default(),
    );
    h.run();
    h.get_by_label("Bestand");
    h.get_by_label("Bewerken");
    h.get_by_label("Contactmoment");
    h.get_by_label("Pijnpunt");
    h.get_by_label("Niets geselecteerd");
    h.get_by_label("Kaartje Bistro bij de uitgang");
    h.get_by_label("Fase Showroom");
    h.get_by_label("Kaartje Bistro bij de uitgang").click();
    h.run();
    h.get_by_label("Kanaal");
    h.get_by_label("Eigenaar");
    h.snapshot("dutch_inspector");
    // An edit made in Dutch: its undo step is named in Dutch.
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.get_by_label("Laatste wijziging: Dupliceren");

    h.get_by_label("Beeld").click();
    h.run();
    h.get_by_label("Taal").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().language(), Language::English);
    h.get_by_label("File");
    h.get_by_label("Channel");
    assert!(h.query_by_label("Bestand").is_none());
    // Reported: "Last change: Titel bewerken" after switching. The steps speak English too.
    h.get_by_label("Last change: Duplicate");
}

#[test]
fn the_app_does_no_work_while_idle() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    // With no input, a frame asks for no further frame.
    for _ in 0..3 {
        h.step();
        let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        assert_eq!(delay, std::time::Duration::MAX);
    }
    // Hovering a card repaints (its outline, then its tooltip after a delay); once the tooltip
    // is up the app is idle again.
    h.hover_at(center_of(&h, "Card Bistro bij de uitgang"));
    h.run_steps(30);
    h.step();
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, std::time::Duration::MAX);
}

#[test]
fn context_menus_and_the_toolbar_run_the_same_commands() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(example("wasmachine-kapot.klantreis.ron")), data.path());
    h.run();
    let before = map(&h);
    // Right-click a card that is not selected: it becomes the selection, and its menu copies.
    h.get_by_label("Card Foutcode googelen").click_secondary();
    h.run();
    assert_eq!(h.state().selection().cards.len(), 1);
    // Menu items read with their shortcut, as a screen reader says them.
    h.get_by_label("Copy Ctrl+C").click();
    h.run();
    assert!(
        h.state()
            .last_copied()
            .unwrap()
            .contains("Foutcode googelen")
    );
    // ... and deletes.
    h.get_by_label("Card Foutcode googelen").click_secondary();
    h.run();
    h.get_by_label("Delete Delete").click();
    h.run();
    assert_eq!(map(&h).cards.len(), before.cards.len() - 1);
    // The toolbar's Undo brings it back.
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(map(&h), before);
    // The map's background has its own menu.
    let background = h.get_by_label("Lane Kansen").rect().center() + egui::vec2(500.0, 0.0);
    h.hover_at(background);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: background,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    h.get_by_label("Select all cards Ctrl+A").click();
    h.run();
    assert_eq!(h.state().selection().cards.len(), before.cards.len());
}

#[test]
fn actual_size_zooms_around_the_middle_of_the_canvas() {
    let data = tempfile::tempdir().unwrap();
    let (mut h, canvas) = ikea_on_canvas(data.path());
    let middle_stage = center_of(&h, "Stage Markthal");
    assert!(
        h.query_by_label("Lane names (pinned while scrolled)")
            .is_none()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert!((h.state().canvas().view().zoom - 1.0).abs() < 1e-4);
    // The stage that was in the middle of the canvas is still in the middle, only bigger: the
    // zoom is around the canvas's centre.
    let after = center_of(&h, "Stage Markthal");
    assert!(
        canvas.x_range().contains(after.x),
        "{after:?} outside {canvas:?}"
    );
    assert!(
        (after.x - canvas.center().x).abs()
            <= (middle_stage.x - canvas.center().x).abs() * 2.5 + 5.0,
        "{middle_stage:?} -> {after:?}"
    );
    // Scrolled down, the lane and stage names are out of sight, so they are pinned to the
    // edges.
    support::app::scroll(&mut h, canvas, egui::vec2(0.0, -400.0));
    h.get_by_label("Lane names (pinned while scrolled)");
    h.get_by_label("Stage names (pinned while scrolled)");
    h.snapshot("pinned_headers");
}

fn click_at(h: &mut Harness<'_, KlantreisApp>, pos: Pos2) {
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

fn curve_points(h: &Harness<'_, KlantreisApp>, curve: usize) -> Vec<(String, f64)> {
    let m = map(h);
    m.curves[curve]
        .points
        .iter()
        .map(|p| (m.stage(p.stage).unwrap().name.clone(), p.score))
        .collect()
}

#[test]
fn drag_an_emotion_point_to_change_its_score_and_undo_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    let before = map(&h);
    let label = "Emotion in Kassa (Sanne · huidig)";
    let from = center_of(&h, label);
    // Up by a quarter of the band: a few points on the -5..+5 scale, snapped to a whole one.
    drag(&mut h, from, from - egui::vec2(0.0, 30.0));
    let after = map(&h);
    let kassa = after.stages.iter().find(|s| s.name == "Kassa").unwrap().id;
    let point = after.curves[0]
        .points
        .iter()
        .find(|p| p.stage == kassa)
        .unwrap();
    assert!(point.score > -3.0, "{}", point.score);
    assert!(
        (point.score - point.score.round()).abs() < 1e-9,
        "snapped to the scale's steps"
    );
    // The drag selected the point, and the inspector shows it.
    assert!(h.state().selection().point.is_some());
    h.get_by_label("Emotion point");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), before);
    // Select a step and delete it; undo brings it back.
    h.get_by_label(label).click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(
        map(&h).curves[0].points.len(),
        before.curves[0].points.len() - 1
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(map(&h), before);
}

#[test]
fn click_the_emotion_lane_to_add_points_or_draw_across_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(template_file(data.path())), data.path());
    h.run();
    assert!(map(&h).curves[0].points.is_empty());
    let lane = h.get_by_label("Lane Emotions").rect();
    let purchase = center_of(&h, "Stage Purchase").x;
    // A click high in the lane: a good moment in "Purchase".
    let at = Pos2::new(purchase, lane.top() + 24.0);
    h.hover_at(at);
    h.run();
    click_at(&mut h, at);
    let points = curve_points(&h, 0);
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].0, "Purchase");
    assert!(points[0].1 > 0.0, "{points:?}");

    // A stroke from the first stage to the third sets the first three in one step.
    let orientation = center_of(&h, "Stage Orientation").x;
    let y = lane.center().y + 10.0;
    drag(
        &mut h,
        Pos2::new(orientation - 40.0, y),
        Pos2::new(purchase + 40.0, y),
    );
    let points = curve_points(&h, 0);
    let stages: Vec<&str> = points.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(stages, ["Purchase", "Orientation", "Choice"], "{points:?}");
    assert!(points.iter().all(|(_, s)| *s <= 0.0), "{points:?}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(curve_points(&h, 0).len(), 1);
}

#[test]
fn toggle_a_curve_in_the_legend() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    let to_be = "Emotion in Kassa (Sanne · gewenst)";
    h.get_by_label(to_be);
    h.get_by_label("Curve Sanne · gewenst").click();
    h.run();
    assert!(h.query_by_label(to_be).is_none());
    assert_eq!(h.state().canvas().hidden_curves().len(), 1);
    h.get_by_label("Curve Sanne · gewenst").click();
    h.run();
    h.get_by_label(to_be);
}

#[test]
fn the_analysis_panel_reads_the_map_and_selects_what_it_names() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.get_by_label("Analysis").click();
    h.run();
    // As-is, to-be and their comparison.
    assert_eq!(h.get_all_by_label("Remembered").count(), 3);
    // The peak, and the lowest moment: the same step.
    assert_eq!(
        h.get_all_by_label_contains("−4 · Zelfbedieningsmagazijn")
            .count(),
        2
    );
    h.get_by_label_contains("+3 · Uitgang en bistro");
    h.snapshot("analysis_panel");
    let item = "Touchpoint “Medewerker bij de banken” has no owner.";
    h.get_by_label(item).scroll_to_me();
    h.run();
    h.get_by_label(item).click();
    h.run();
    let m = map(&h);
    let card = m
        .cards
        .iter()
        .find(|c| c.title == "Medewerker bij de banken")
        .unwrap();
    assert!(h.state().selection().cards.contains(&card.id));
}

#[test]
fn without_a_system_file_dialog_the_built_in_field_saves_and_exports() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs {
        unavailable: true,
        ..ScriptedDialogs::default()
    };
    let mut h = harness_with(None, data.path(), dialogs);
    h.run();
    h.get_by_label("Add card to Thoughts").click();
    h.run();
    type_replacing(&mut h, "Niet verloren");
    // Save: the system dialog cannot open, so the app asks itself.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save project as");
    let target = dir.path().join("zonder-portaal");
    type_replacing(&mut h, &target.to_string_lossy());
    let saved = dir.path().join("zonder-portaal.klantreis.ron");
    let loaded = klantreis::file::load(&saved).unwrap();
    assert_eq!(loaded.project.maps[0].cards[0].title, "Niet verloren");
    assert!(!h.state().document().is_dirty());
    assert!(h.query_by_label("Save project as").is_none());

    // Export twice to the same file: the second time the field asks before replacing it.
    let poster = dir.path().join("poster");
    for round in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run_steps(3);
        h.get_by_label("Export…").click();
        h.run_steps(3);
        h.get_by_label("Export to");
        // As type_replacing, stepping (the preview's spinner keeps asking for frames).
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run_steps(1);
        h.event(egui::Event::Text(poster.to_string_lossy().into_owned()));
        h.run_steps(1);
        h.key_press(Key::Enter);
        h.run_steps(2);
        if round == 1 {
            h.get_by_label_contains("This file exists already");
            h.get_by_label("Replace").click();
            h.run_steps(2);
        }
        for _ in 0..300 {
            if !h.state().export_busy() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            h.step();
        }
        h.run_steps(2);
        assert!(!h.state().export_busy());
        // An "Exported" notice; the same words again (the same file) show once.
        assert_eq!(
            h.query_all_by_label_contains("Exported").count(),
            1,
            "round {round}"
        );
    }
    let pdf = std::fs::read(dir.path().join("poster.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_export_dialog_will_not_write_over_the_project() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A project whose name ends like the export's (the dialog adds the extension otherwise).
    let path = dir.path().join("kaart.pdf");
    std::fs::rename(template_file(dir.path()), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.export_answers.push_back(Some(path.clone()));
    let mut h = harness_with(Some(path.clone()), data.path(), dialogs);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    // The preview is being drawn (its spinner keeps asking for frames): step, not run.
    h.run_steps(3);
    h.get_by_label("Export…").click();
    h.run_steps(3);
    h.get_by_label_contains("Not exported: that is the project file itself");
    assert!(!h.state().export_busy());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn export_a_poster_from_the_dialog_with_a_preview_while_the_window_stays_live() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("poster.pdf");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.export_answers.push_back(Some(out.clone()));
    let mut h = harness_with(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
        dialogs,
    );
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.step();
    h.get_by_label("Format");
    h.get_by_label("Print over several sheets");
    // The preview is drawn on a thread; the dialog stays live meanwhile.
    step_until_shown(&mut h, "Most of the text is");
    h.run();
    h.get_by_label_contains("Most of the text is");
    h.snapshot("export_dialog");
    h.get_by_label("Export…").click();
    h.step();
    h.step();
    // The export runs on its own thread; frames go on meanwhile.
    for _ in 0..200 {
        if !h.state().export_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    assert!(!h.state().export_busy());
    h.get_by_label_contains("Exported");
    let doc = std::fs::read(&out).unwrap();
    assert!(doc.starts_with(b"%PDF"));
}

/// Steps until `label` shows (the export preview is drawn on a thread), at most three seconds.
fn step_until_shown(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    for _ in 0..300 {
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.get_by_label_contains(label);
}

#[test]
fn the_export_dialog_refuses_a_png_too_large_to_make_before_it_starts() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.step();
    h.get_by_label("Format").click();
    h.run_steps(2);
    h.get_by_label("PNG").click();
    h.run_steps(2);
    // A0 at the default DPI: the preview says how large the image will be.
    step_until_shown(&mut h, "7022 × 4967 pixels");
    h.get_by_label("Paper").click();
    h.run_steps(2);
    h.get_by_label("Custom size").click_accesskit();
    h.run_steps(2);
    // Five metres wide at 600 dpi: more pixels than a PNG may have.
    h.get_by_value("1000 mm").set_value_accesskit(5000.0);
    h.step();
    h.get_by_role_and_label(egui::accesskit::Role::SpinButton, "Resolution (DPI)")
        .set_value_accesskit(600.0);
    h.step();
    step_until_shown(&mut h, "lower the DPI or the paper size");
    h.step();
    assert!(h.get_by_label("Export…").accesskit_node().is_disabled());
    // Refused once, the preview is not tried again every frame: the window goes idle.
    h.run();
    // Back to a size that can be made: the Export button works again.
    h.get_by_value("5000 mm").set_value_accesskit(1000.0);
    h.step();
    step_until_shown(&mut h, "23622 × 16535 pixels");
    h.step();
    assert!(!h.get_by_label("Export…").accesskit_node().is_disabled());
}

#[test]
fn a_pinch_zoom_scales_the_drawn_map_and_draws_it_exactly_once_settled() {
    let data = tempfile::tempdir().unwrap();
    let (mut h, canvas) = ikea_on_canvas(data.path());
    let before = h.state().canvas().view().zoom;
    assert!(!h.state().canvas().drawn_scaled());
    // A pinch over the map, a few frames long.
    for _ in 0..4 {
        h.hover_at(canvas.center());
        h.event(egui::Event::Zoom(1.05));
        h.step();
    }
    let zoom = h.state().canvas().view().zoom;
    assert!(zoom > before * 1.15, "{before} -> {zoom}");
    assert!(
        h.state().canvas().drawn_scaled(),
        "while the zoom moves, the map is the mesh made when it began, scaled"
    );
    h.snapshot("pinch_zoom_in_progress");
    // A quarter of a second after the last change the zoom has settled: drawn exactly again.
    for _ in 0..12 {
        h.step();
    }
    assert!(!h.state().canvas().drawn_scaled());
    assert!((h.state().canvas().view().zoom - zoom).abs() < 1e-6);
}
