//! The personas view and the goal band, driven as a user would: a persona with a photo linked
//! to a map, a hostile photo refused, personas copied from and to other project files, a
//! milestone filled in and edited in the band.

mod pictures;
mod support;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use klantreis::i18n::Language;
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{KlantreisApp, View};
use support::app::{build, click, double_click, drag, example, type_over as type_replacing};

/// A picture of `width` × `height` pixels in a file in `dir`.
fn picture_file(dir: &Path, width: u32, height: u32) -> PathBuf {
    let path = dir.join("anna.png");
    std::fs::write(
        &path,
        pictures::picture(width, height, image::ImageFormat::Png),
    )
    .expect("written");
    path
}

/// A PNG of a few dozen bytes claiming `width` × `height` pixels, in a file in `dir`.
fn png_claiming(dir: &Path, width: u32, height: u32) -> PathBuf {
    let path = dir.join("huge.png");
    std::fs::write(&path, pictures::png_claiming(width, height)).expect("written");
    path
}

fn app(
    dialogs: ScriptedDialogs,
    data: &Path,
    file: Option<PathBuf>,
) -> Harness<'static, KlantreisApp> {
    let mut h = build(Some(Language::English), file, data, dialogs, false);
    h.run();
    h
}

#[test]
fn create_a_persona_with_a_photo_and_link_it_to_a_map() {
    let data = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .picture_answers
        .push_back(Some(picture_file(data.path(), 900, 600)));
    let mut h = app(dialogs, data.path(), None);
    let personas_before = h.state().project().personas.len();
    // From the sidebar to the personas view; a new persona is selected for editing.
    click(&mut h, "Personas");
    assert_eq!(h.state().view(), View::Personas);
    click(&mut h, "+ New persona");
    let project = h.state().project();
    assert_eq!(project.personas.len(), personas_before + 1);
    let id = project.personas.last().unwrap().id;
    h.get_by_label("Name").click();
    h.run();
    type_replacing(&mut h, "Anna de Boer");
    h.get_by_label("Age").click();
    h.run();
    type_replacing(&mut h, "41");
    let anna = h.state().project().persona(id).unwrap().clone();
    assert_eq!(
        (anna.name.as_str(), anna.age.as_str()),
        ("Anna de Boer", "41")
    );
    // A photo from the file dialog: stored small and square, as a JPEG.
    click(&mut h, "Choose photo…");
    let project = h.state().project();
    let image = project.persona(id).unwrap().image.expect("a photo");
    let stored = project.images.iter().find(|i| i.id == image).unwrap();
    assert_eq!(stored.mime, "image/jpeg");
    let bytes = klantreis::file::picture::bytes_of(stored).unwrap();
    assert_eq!(klantreis::file::picture::dimensions(&bytes), Ok((384, 384)));
    h.snapshot("personas_view");
    // Back on the map, the map follows Anna: ticked in the map's inspector.
    click(&mut h, "← Map");
    assert_eq!(h.state().view(), View::Map);
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Anna de Boer")
        .click();
    h.run();
    let map = &h.state().project().maps[0];
    assert!(map.personas.contains(&id));
    // One undo takes the link away again; the persona and her photo stay.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().project().maps[0].personas.contains(&id));
    assert!(h.state().project().persona(id).unwrap().image.is_some());
}

#[test]
fn a_hostile_photo_is_refused_with_a_clear_message_and_nothing_changes() {
    let data = tempfile::tempdir().unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .picture_answers
        .push_back(Some(png_claiming(data.path(), 65_535, 65_535)));
    let mut h = app(dialogs, data.path(), None);
    click(&mut h, "Personas");
    click(&mut h, "+ New persona");
    let before = h.state().project().clone();
    click(&mut h, "Choose photo…");
    assert_eq!(h.state().project(), &before, "nothing was added");
    h.get_by_label_contains("huge.png cannot be used as a photo");
    h.get_by_label_contains("65535 × 65535 pixels");
}

#[test]
fn copy_a_persona_from_another_project_file_and_to_another() {
    let data = tempfile::tempdir().unwrap();
    let target = data.path().join("other.klantreis.ron");
    let other = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        Language::English,
    );
    let others_before = other.personas.len();
    klantreis::file::save(&other, &target).unwrap();
    let mut dialogs = ScriptedDialogs::default();
    dialogs
        .open_answers
        .push_back(Some(example("ikea-winkelbezoek.klantreis.ron")));
    dialogs.open_answers.push_back(Some(target.clone()));
    let mut h = app(dialogs, data.path(), None);
    click(&mut h, "Personas");
    // From the IKEA example: both its personas are offered; only Sanne is taken.
    click(&mut h, "Copy from another project…");
    h.get_by_label("Ahmed").click();
    h.run();
    click(&mut h, "Copy 1 persona");
    let project = h.state().project();
    let sanne = project
        .personas
        .iter()
        .find(|p| p.name == "Sanne")
        .expect("copied in");
    assert!(!project.personas.iter().any(|p| p.name == "Ahmed"));
    assert!(
        sanne
            .image
            .is_some_and(|id| project.images.iter().any(|i| i.id == id))
    );
    let sanne = sanne.id;
    // And on to another project file, which is saved with her in it.
    h.get_by_label("Persona Sanne").click();
    h.run();
    click(&mut h, "Copy to another project…");
    click(&mut h, "Copy 1 persona to…");
    let written = klantreis::file::load(&target).unwrap().project;
    assert_eq!(written.personas.len(), others_before + 1);
    let copied = written.personas.last().unwrap();
    assert_eq!((copied.id, copied.name.as_str()), (sanne, "Sanne"));
    assert_eq!(written.images.len(), 1);
    h.get_by_label_contains("Added 1 persona to");
}

#[test]
fn fill_in_a_milestone_and_edit_it_in_the_band() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(ScriptedDialogs::default(), data.path(), None);
    assert!(
        h.query_by_label("Milestone of Choice").is_none(),
        "no band yet"
    );
    // In the stage's inspector.
    click(&mut h, "Stage Choice");
    h.get_by_label("Milestone").click();
    h.run();
    type_replacing(&mut h, "Offer chosen");
    h.key_press(Key::Escape);
    h.run();
    // The band shows it; a double-click edits it in place.
    double_click(&mut h, "Milestone of Choice");
    type_replacing(&mut h, "Offer signed");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().project().maps[0].stages[1].milestone,
        "Offer signed"
    );
    h.get_by_label("Success criteria of Choice");
    // The goal row comes with a goal, and its cells are edited in place too. (A click on the
    // title block clears the selection, so the inspector shows the map.)
    let canvas = h.get_by_label_contains("Map: ").rect();
    h.hover_at(canvas.min + egui::vec2(30.0, 25.0));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: canvas.min + egui::vec2(30.0, 25.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    h.get_by_label("Customer's goal").click();
    h.run();
    type_replacing(&mut h, "Insured again within a week");
    double_click(&mut h, "Expectations in the goal band");
    h.event(egui::Event::Text("Clear prices".to_owned()));
    h.key_press(Key::Enter);
    h.run();
    let map = &h.state().project().maps[0];
    assert_eq!(map.goal, "Insured again within a week");
    assert_eq!(map.expectations, "Clear prices");
    h.snapshot("goal_band");
}

#[test]
fn build_a_stakeholder_map_with_a_two_way_relation_and_pick_it_as_an_owner() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
    );
    click(&mut h, "Stakeholder map");
    assert_eq!(h.state().view(), View::Stakeholders);
    let before = h.state().project().stakeholders.len();
    // A new stakeholder, named in the editor.
    click(&mut h, "+ New stakeholder");
    assert_eq!(h.state().project().stakeholders.len(), before + 1);
    h.get_by_label("Name").click();
    h.run();
    type_replacing(&mut h, "Klantenservice");
    let id = h.state().project().stakeholders.last().unwrap().id;
    // A relation to the customer, both ways, with what goes each way.
    h.get_by_label("Add a relation to").click();
    h.run();
    h.get_by_label("Klant").click();
    h.run();
    h.get_by_label("Both ways").click();
    h.run();
    h.get_by_label("What Klantenservice does for Klant").click();
    h.run();
    type_replacing(&mut h, "beantwoordt vragen");
    h.get_by_label("What Klant does for Klantenservice").click();
    h.run();
    type_replacing(&mut h, "meldt lege vakken");
    let project = h.state().project();
    let relation = project.relations.last().unwrap();
    assert_eq!(relation.from, id);
    assert!(relation.both_ways);
    assert_eq!(
        (relation.label.as_str(), relation.back.as_str()),
        ("beantwoordt vragen", "meldt lege vakken")
    );
    // Dragged onto the core ring at the top, it snaps to that ring there.
    let area = h
        .get_by_role_and_label(egui::accesskit::Role::Canvas, "Stakeholder map")
        .rect();
    let mut text = klantreis::layout::TextMeasurer::new();
    let layout = klantreis::layout::stakeholders::lay_out_stakeholders(
        h.state().project(),
        &klantreis::model::RelationKind::ALL,
        Language::Dutch,
        &mut text,
    );
    let scale = (area.width() / layout.size.x).min(area.height() / layout.size.y);
    let to_screen = |p: egui::Pos2| area.center() + (p - (layout.size / 2.0).to_pos2()) * scale;
    let core = layout.rings[1].radius;
    let target = to_screen(layout.centre + egui::vec2(-8.0, core));
    let from = h.get_by_label("Stakeholder Klantenservice").rect().center();
    drag(&mut h, from, target);
    let moved = h.state().project().stakeholder(id).unwrap().clone();
    assert_eq!(moved.ring, klantreis::model::Ring::Core);
    assert!((moved.angle - 180.0).abs() < 5.0, "{}", moved.angle);
    h.snapshot("stakeholder_map");
    // On the map, a touchpoint takes it as its owner from the stakeholder map.
    click(&mut h, "← Map");
    click(&mut h, "Card Bistro bij de uitgang");
    h.get_by_label("Owner from the stakeholder map").click();
    h.run();
    h.get_by_label("Klantenservice").click();
    h.run();
    let map = &h.state().project().maps[0];
    let card = map
        .cards
        .iter()
        .find(|c| c.title == "Bistro bij de uitgang")
        .unwrap();
    assert_eq!(card.owner, "Klantenservice");
    // And the inspector leads to the owner, which lists the touchpoints it owns.
    click(&mut h, "Stakeholder →");
    assert_eq!(h.state().view(), View::Stakeholders);
    h.get_by_label_contains("Bistro bij de uitgang");
}

#[test]
fn zoom_from_an_experience_stage_into_its_journey_and_back_by_the_breadcrumb() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
    );
    let experience = "IKEA en Sanne: van eerste idee tot volgende kamer";
    click(&mut h, experience);
    assert_eq!(h.state().current_map(), 1);
    // The stage's badge zooms into the journey; a breadcrumb leads back.
    click(&mut h, "Journey of Winkelbezoek");
    assert_eq!(h.state().current_map(), 0);
    h.snapshot("journey_breadcrumb");
    h.get_by_role_and_label(egui::accesskit::Role::Link, experience)
        .click();
    h.run();
    assert_eq!(h.state().current_map(), 1);
    assert!(h.query_by_label("Back to this map").is_none());
    // Another stage is linked in its inspector and gets a badge of its own.
    click(&mut h, "Stage Plannen");
    h.get_by_label("Zooms into the journey map").click();
    h.run();
    // The journey in the open list, on the right (the sidebar names it too).
    h.query_all_by_label("Zaterdag naar IKEA: van wensenlijst tot ijsje")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    h.run();
    let plannen = &h.state().project().maps[1].stages[1];
    assert_eq!(plannen.journey, Some(h.state().project().maps[0].id));
    h.get_by_label("Journey of Plannen");
    // The map overview lists every map; a click opens one.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
    h.run();
    assert_eq!(h.state().view(), View::Overview);
    h.snapshot("map_overview");
    click(&mut h, "Open Zaterdag naar IKEA: van wensenlijst tot ijsje");
    assert_eq!(h.state().view(), View::Map);
    assert_eq!(h.state().current_map(), 0);
}

/// Clicks the item `label` in the open list on the right (the inspector's), not a namesake
/// elsewhere.
fn click_rightmost(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.query_all_by_label(label)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap_or_else(|| panic!("no {label}"))
        .click();
    h.run();
}

#[test]
fn overlay_the_as_is_and_to_be_curves_with_the_difference_per_stage() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
    );
    assert_eq!(h.state().project().maps[0].compare, None);
    h.get_by_label("From").scroll_to_me();
    h.run();
    h.get_by_label("From").click();
    h.run();
    click_rightmost(&mut h, "Sanne · huidig");
    // One curve chosen waits for the other.
    assert_eq!(h.state().project().maps[0].compare, None);
    h.get_by_label("With").scroll_to_me();
    h.run();
    h.get_by_label("With").click();
    h.run();
    click_rightmost(&mut h, "Sanne · gewenst");
    let map = h.state().project().maps[0].clone();
    assert_eq!(map.compare, Some((map.curves[0].id, map.curves[1].id)));
    // The difference per stage is laid out between the two steps of each stage, with a
    // legend saying what it is.
    let mut text = klantreis::layout::TextMeasurer::new();
    let laid = klantreis::layout::lay_out(
        h.state().project(),
        &map,
        &klantreis::layout::Metrics::default(),
        &mut text,
    );
    assert_eq!(laid.diffs.len(), map.stages.len());
    let kassa = map.stages.iter().position(|s| s.name == "Kassa").unwrap();
    let mean = |c: usize| map.curves[c].stage_mean(map.stages[kassa].id).unwrap();
    let diff = laid
        .diffs
        .iter()
        .find(|d| d.stage == map.stages[kassa].id)
        .unwrap();
    assert!((diff.gain - (mean(1) - mean(0))).abs() < 1e-9);
    let legend = laid.title.diff_legend.as_ref().expect("a legend");
    let words: String = legend.block.lines.iter().map(|l| &*l.text).collect();
    assert!(
        words.contains("gewenst") && words.contains("huidig"),
        "{words}"
    );
    h.snapshot("curves_compared");
    // Undo takes the comparison away in one step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().maps[0].compare, None);
}

#[test]
fn draw_a_connector_between_two_blueprint_cards_and_delete_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(
        ScriptedDialogs::default(),
        data.path(),
        Some(example("waterschade-claim.klantreis.ron")),
    );
    let before = h.state().project().maps[0].connectors.len();
    // Select a card; its handle draws an arrow onto another card.
    click(&mut h, "Card Belt de schadelijn");
    let from = h
        .get_by_label("Draw an arrow from Belt de schadelijn")
        .rect()
        .center();
    let to = h
        .get_by_label("Card Online schadeformulier")
        .rect()
        .center();
    drag(&mut h, from, to);
    let map = h.state().project().maps[0].clone();
    assert_eq!(map.connectors.len(), before + 1);
    let added = map.connectors.last().unwrap();
    let title = |id| map.card(id).unwrap().title.clone();
    assert_eq!(
        (title(added.from), title(added.to)),
        (
            "Belt de schadelijn".to_owned(),
            "Online schadeformulier".to_owned()
        )
    );
    // It is selected, labelled in the inspector, and Delete removes it.
    assert_eq!(h.state().selection().connector, Some(added.id));
    h.get_by_label("Label").click();
    h.run();
    type_replacing(&mut h, "vult in");
    assert_eq!(
        h.state().project().maps[0].connectors.last().unwrap().label,
        "vult in"
    );
    h.snapshot("blueprint_connector");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::Button,
        "Arrow from Belt de schadelijn to Online schadeformulier",
    )
    .click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().project().maps[0].connectors.len(), before);
    // A card is marked as a fail point in its inspector.
    click(&mut h, "Card Online schadeformulier");
    h.get_by_label("Fail point").click();
    h.run();
    let map = &h.state().project().maps[0];
    assert!(
        map.cards
            .iter()
            .find(|c| c.title == "Online schadeformulier")
            .unwrap()
            .fail_point
    );
}

/// Reported: clicking the emotion lane always edited the as-is curve, although the empty to-be
/// curve's hint said to click there. The curve being drawn is chosen in the inspector or with
/// the legend's pencil, and shown as chosen in both.
#[test]
fn the_curve_to_draw_is_chosen_in_the_inspector_or_the_legend() {
    let data = tempfile::tempdir().unwrap();
    // The IKEA visit with its to-be curve still empty.
    let mut project = klantreis::file::load(&example("ikea-winkelbezoek.klantreis.ron"))
        .unwrap()
        .project;
    let to_be = project.maps[0]
        .curves
        .iter()
        .position(|c| c.variant == klantreis::model::CurveVariant::ToBe)
        .unwrap();
    project.maps[0].curves[to_be].points.clear();
    let path = data.path().join("ikea.klantreis.ron");
    klantreis::file::save(&project, &path).unwrap();
    let mut h = app(ScriptedDialogs::default(), data.path(), Some(path));
    let curves = |h: &Harness<'_, KlantreisApp>| h.state().project().maps[0].curves.clone();
    let before = curves(&h);
    let as_is = 1 - to_be;
    // The first curve is drawn until another is chosen: its pencil and its radio say so.
    let selected = |h: &Harness<'_, KlantreisApp>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    assert!(selected(&h, "Draw on curve Sanne · huidig"));
    assert!(selected(&h, "Draw curve Sanne · huidig"));
    assert!(!selected(&h, "Draw curve Sanne · gewenst"));
    // Chosen in the inspector, a click on the emotion lane gives the to-be curve its step.
    click(&mut h, "Draw curve Sanne · gewenst");
    assert!(selected(&h, "Draw on curve Sanne · gewenst"));
    assert!(!selected(&h, "Draw on curve Sanne · huidig"));
    let at = egui::pos2(
        h.get_by_label("Stage Kassa").rect().center().x,
        h.get_by_label("Lane Emoties").rect().center().y,
    );
    support::app::click_at(&mut h, at);
    h.snapshot("draw_to_be_curve");
    let after = curves(&h);
    assert_eq!(
        after[to_be].points.len(),
        1,
        "the to-be curve has its first step"
    );
    assert_eq!(after[as_is], before[as_is], "the as-is curve is as it was");
    // The legend's pencil chooses the as-is curve again.
    click(&mut h, "Draw on curve Sanne · huidig");
    assert!(selected(&h, "Draw curve Sanne · huidig"));
    // Elsewhere on the lane (not on the step just made, which a click would select).
    let markthal = egui::pos2(h.get_by_label("Stage Markthal").rect().center().x, at.y);
    support::app::click_at(&mut h, markthal);
    assert_ne!(
        curves(&h)[as_is],
        before[as_is],
        "now the as-is curve is drawn"
    );
    assert_eq!(curves(&h)[to_be].points.len(), 1);
}
