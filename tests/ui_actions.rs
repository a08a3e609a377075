//! From insight to action, driven as a user would: a pain point becomes an action with an
//! owner, impact and effort; the matrix shows it in its quadrant and a drag re-scores it in one
//! undo step; a done action shows its measured effect; a date that is no date is not stored.

mod support;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::model::{ActionStatus, Owner};
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{KlantreisApp, View};
use support::app::{build, click, drag, example, export_and_wait, type_over};

fn waterschade(data: &std::path::Path) -> Harness<'static, KlantreisApp> {
    open(data, "waterschade-claim.klantreis.ron")
}

fn open(data: &std::path::Path, name: &str) -> Harness<'static, KlantreisApp> {
    let mut h = build(
        Some(Language::English),
        Some(example(name)),
        data,
        ScriptedDialogs::default(),
        false,
    );
    h.run();
    h
}

fn press(h: &mut Harness<'_, KlantreisApp>, key: Key, times: usize) {
    for _ in 0..times {
        h.key_press(key);
        h.run();
    }
}

/// The matrix of the actions view as laid out, and where it puts a point of that layout on the
/// screen.
fn matrix_to_screen(
    h: &Harness<'_, KlantreisApp>,
) -> (
    klantreis::layout::actions::PriorityLayout,
    impl Fn(egui::Pos2) -> egui::Pos2 + use<>,
) {
    let area = h
        .get_by_role_and_label(
            egui::accesskit::Role::Canvas,
            "Priorities: impact against effort",
        )
        .rect();
    let project = h.state().project();
    let actions = klantreis::analysis::priority::ranked(&project.actions);
    let mut text = klantreis::layout::TextMeasurer::new();
    let layout = klantreis::layout::actions::lay_out_priorities(
        project,
        &actions,
        Language::Dutch,
        &mut text,
    );
    let scale = (area.width() / layout.size.x).min(area.height() / layout.size.y);
    let size = layout.size;
    (layout, move |p: egui::Pos2| {
        area.center() + (p - (size / 2.0).to_pos2()) * scale
    })
}

#[test]
fn a_pain_point_becomes_an_owned_scored_action_placed_and_rescored_in_the_matrix() {
    let data = tempfile::tempdir().unwrap();
    let mut h = waterschade(data.path());
    let before = h.state().project().actions.len();
    let card_id = h.state().project().maps[0]
        .cards
        .iter()
        .find(|c| c.title == "Onzeker wat ze mag weggooien")
        .unwrap()
        .id;
    // Right-click the pain point: "Make an action".
    h.get_by_label("Card Onzeker wat ze mag weggooien")
        .click_secondary();
    h.run();
    h.get_by_label("Make an action").click();
    h.run();
    assert_eq!(h.state().view(), View::Actions);
    let project = h.state().project();
    assert_eq!(project.actions.len(), before + 1);
    let action = project.actions.last().unwrap().clone();
    assert_eq!(h.state().selected_action(), Some(action.id));
    assert_eq!(action.cards, vec![card_id]);
    assert_eq!(action.title, "Onzeker wat ze mag weggooien");
    assert_eq!(
        h.state().document().history.undo_label(),
        Some("Add action")
    );
    // Renamed, owned by a stakeholder, scored 4 for impact and 2 for effort.
    h.get_by_label("Title").click();
    h.run();
    type_over(&mut h, "Bewaarwijzer in de app");
    h.get_by_label("Owner").click();
    h.run();
    h.get_by_label("Schadeafdeling").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Impact")
        .focus();
    h.run();
    press(&mut h, Key::ArrowRight, 4);
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Effort")
        .focus();
    h.run();
    press(&mut h, Key::ArrowRight, 2);
    let project = h.state().project();
    let action = project.action(action.id).unwrap().clone();
    let schade = project
        .stakeholders
        .iter()
        .find(|s| s.name == "Schadeafdeling")
        .unwrap()
        .id;
    assert_eq!(action.title, "Bewaarwijzer in de app");
    assert_eq!(action.owner, Some(Owner::Stakeholder(schade)));
    assert_eq!((action.impact, action.effort), (4, 2));
    h.get_by_label("Quick wins");
    // On the card, a badge says so (in the project's language).
    let project = h.state().project();
    let mut text = klantreis::layout::TextMeasurer::new();
    let layout = klantreis::layout::lay_out(
        project,
        &project.maps[0],
        &klantreis::layout::Metrics::default(),
        &mut text,
    );
    let badge = layout
        .cards
        .iter()
        .find(|c| c.id == card_id)
        .and_then(|c| c.actions.clone())
        .expect("a badge");
    // The example's own "Bewaaradvies" addresses this card too.
    assert_eq!(&*badge.label.block.lines[0].text, "2 acties · idee");
    // In the matrix the dot sits in the quick wins' cell for impact 4, effort 2.
    click(&mut h, "Priority matrix");
    let (layout, to_screen) = matrix_to_screen(&h);
    let name = "Bewaarwijzer in de app: impact 4, effort 2, Quick wins";
    let dot = h.get_by_label(name).rect().center();
    // (It shares that cell with the example's "Online schadeformulier": the two sit side by
    // side in it.)
    let placed = layout.dots.iter().find(|d| d.action == action.id).unwrap();
    assert_eq!(layout.score_at(placed.centre), Some((4, 2)));
    assert!((dot - to_screen(placed.centre)).length() < 1.0);
    // Dragged into the money pits' corner: impact 1, effort 5, one undo step.
    let steps = h.state().document().history.undo_len();
    drag(&mut h, dot, to_screen(layout.cell_centre(1, 5)));
    let action = h.state().project().action(action.id).unwrap().clone();
    assert_eq!((action.impact, action.effort), (1, 5));
    assert_eq!(h.state().document().history.undo_len(), steps + 1);
    assert_eq!(
        h.state().document().history.undo_label(),
        Some("Score action")
    );
    h.get_by_label("Bewaarwijzer in de app: impact 1, effort 5, Money pits");
    h.snapshot("priority_matrix");
    // One undo puts it back where it was.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    let action = h.state().project().action(action.id).unwrap().clone();
    assert_eq!((action.impact, action.effort), (4, 2));
    // The arrow keys move a focused dot a cell.
    h.get_by_label(name).focus();
    h.run();
    press(&mut h, Key::ArrowUp, 1);
    let action = h.state().project().action(action.id).unwrap().clone();
    assert_eq!((action.impact, action.effort), (5, 2));
}

#[test]
fn a_done_action_shows_its_measured_effect_and_a_date_is_stored_only_as_a_date() {
    let data = tempfile::tempdir().unwrap();
    let mut h = waterschade(data.path());
    click(&mut h, "Actions");
    h.get_by_label_contains("Online schadeformulier —").click();
    h.run();
    h.get_by_label_contains("3,456 → 3,005 (−13\u{a0}%, target −15\u{a0}%)");
    // Another action marked done today (the app's clock says 5 December 2026).
    h.get_by_label_contains("Expert binnen drie werkdagen —")
        .click();
    h.run();
    h.get_by_label("Status").click();
    h.run();
    h.get_by_label("done").click();
    h.run();
    let id = h.state().selected_action().unwrap();
    let action = h.state().project().action(id).unwrap().clone();
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.done, "2026-12-05");
    // Nothing after that day in the data yet: no effect is claimed.
    h.get_by_label_contains("so no effect is claimed");
    // A due date that is no date stays in the field, is not stored, and says what it wants.
    h.get_by_label("Due").click();
    h.run();
    type_over(&mut h, "volgend voorjaar");
    let stored = h.state().project().action(id).unwrap().due.clone();
    assert_eq!(stored, "2026-Q4");
    h.get_by_label_contains("“volgend voorjaar” is not a date yet");
    type_over(&mut h, "2027-Q1");
    assert_eq!(h.state().project().action(id).unwrap().due, "2027-Q1");
    assert!(h.query_by_label_contains("is not a date yet").is_none());
}

#[test]
fn the_roadmap_lists_actions_by_owner_and_a_bar_selects_its_action() {
    let data = tempfile::tempdir().unwrap();
    let mut h = waterschade(data.path());
    click(&mut h, "Actions");
    click(&mut h, "Roadmap");
    h.get_by_role_and_label(egui::accesskit::Role::Canvas, "Roadmap of actions");
    h.get_by_label_contains("Vaste schadebehandelaar per dossier: Schadeafdeling")
        .click();
    h.run();
    let id = h.state().selected_action().unwrap();
    assert_eq!(
        h.state().project().action(id).unwrap().title,
        "Vaste schadebehandelaar per dossier"
    );
    // Its bar outlined in ink, the owners' rows striped.
    h.snapshot("action_roadmap");
    // The owner filter leaves only the Schadeafdeling's actions in the list.
    click(&mut h, "List");
    h.get_by_label("Show owner").click();
    h.run();
    h.get_by_label("Expertisebureau").click();
    h.run();
    h.get_by_label_contains("Expert binnen drie werkdagen —");
    assert!(
        h.query_by_label_contains("Vaste schadebehandelaar per dossier —")
            .is_none()
    );
    h.get_by_label_contains("actions not shown by the filter");
    // Delete removes the selected action, one undo step.
    h.get_by_label_contains("Expert binnen drie werkdagen —")
        .click();
    h.run();
    let before = h.state().project().actions.len();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().project().actions.len(), before - 1);
}

/// The analysis names the pain points at the lowest moments that have no action; "Make an
/// action" beside one makes it, linked to that card.
#[test]
fn an_analysis_follow_up_becomes_an_action() {
    let data = tempfile::tempdir().unwrap();
    let mut h = open(data.path(), "wasmachine-kapot.klantreis.ron");
    click(&mut h, "Analysis");
    let before = h.state().project().actions.len();
    let wanting = {
        let project = h.state().project();
        let map = &project.maps[0];
        let analysis = klantreis::analysis::analyse(project, map);
        klantreis::report::actions::map_actions(
            project,
            map,
            &analysis,
            Language::English,
            "2026-12-05",
        )
        .wanting
    };
    let first = *wanting
        .first()
        .expect("the example leaves something without an action");
    // The follow-ups are at the foot of the panel: scrolled to, as a user does.
    let panel = h.get_all_by_label("Make an action").next().unwrap().rect();
    support::app::scroll(
        &mut h,
        egui::Rect::from_center_size(egui::pos2(panel.center().x, 500.0), egui::Vec2::splat(8.0)),
        egui::vec2(0.0, -1000.0),
    );
    h.get_all_by_label("Make an action")
        .next()
        .expect("a button")
        .click();
    h.run();
    assert_eq!(h.state().view(), View::Actions);
    let project = h.state().project();
    assert_eq!(project.actions.len(), before + 1);
    let action = project.actions.last().unwrap();
    match first {
        klantreis::analysis::Target::Card(card) => assert_eq!(action.cards, vec![card]),
        klantreis::analysis::Target::Stage(stage) => assert_eq!(action.stages, vec![stage]),
        klantreis::analysis::Target::Map => panic!("a map is no follow-up"),
    }
}

/// File › Export offers a department's brief: the department chosen, one A4 page of what the
/// journey asks of it.
#[test]
fn the_export_dialog_writes_a_department_brief() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("brief.pdf");
    let dialogs = ScriptedDialogs {
        export_answers: [Some(out.clone())].into(),
        ..ScriptedDialogs::default()
    };
    let mut h = build(
        Some(Language::English),
        Some(example("waterschade-claim.klantreis.ron")),
        data.path(),
        dialogs,
        false,
    );
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    // (The preview renders meanwhile, with a spinner: a few frames at a time.)
    h.get_by_label("Format").click();
    h.run_steps(3);
    h.get_by_label("Department brief (PDF)").click();
    h.run_steps(3);
    h.get_by_label("Department").click();
    h.run_steps(3);
    h.get_by_label("Expertisebureau").click();
    h.run_steps(3);
    export_and_wait(&mut h, &out);
    let doc = lopdf::Document::load(&out).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 1);
    let text = doc.extract_text(&pages).unwrap();
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Expertisebureau"), "{words}");
    assert!(words.contains("Expert binnen drie werkdagen"), "{words}");
}
