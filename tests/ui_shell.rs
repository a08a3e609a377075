//! The app around the map, driven as a user would: the first start's language question, the
//! settings window, the theme, the shortcut sheet and About.

mod support;

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{AppConfig, KlantreisApp};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// The app on a new journey map (or `file`); `language: None` is a first start here.
fn harness(
    language: Option<Language>,
    file: Option<PathBuf>,
    data_dir: &Path,
) -> Harness<'static, KlantreisApp> {
    build(language, file, data_dir, ScriptedDialogs::default(), false)
}

/// The app as a user starts it without a file: on the start screen.
fn on_start_screen(
    language: Option<Language>,
    data_dir: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, KlantreisApp> {
    build(language, None, data_dir, dialogs, true)
}

fn build(
    language: Option<Language>,
    file: Option<PathBuf>,
    data_dir: &Path,
    dialogs: ScriptedDialogs,
    start_screen: bool,
) -> Harness<'static, KlantreisApp> {
    let data_dir = data_dir.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_step_dt(1.0 / 30.0)
        .wgpu_setup(support::software_gl())
        .build_eframe(move |cc| {
            KlantreisApp::with_config(
                cc,
                file,
                AppConfig {
                    dialogs: Box::new(dialogs),
                    data_dir: Some(data_dir),
                    language,
                    start_screen,
                },
            )
        })
}

fn click(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks a menu item, whose label ends in its shortcut ("Quit Ctrl+Q").
fn click_item(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

#[test]
fn the_first_start_asks_for_the_language_of_menus_and_new_projects() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(None, None, data.path());
    h.run();
    h.get_by_label("Welkom bij Klantreis · Welcome to Klantreis");
    click(&mut h, "Nederlands");
    assert!(h.query_by_label("Nederlands").is_none(), "asked once");
    assert_eq!(h.state().language(), Language::Dutch);
    h.get_by_label("Bestand");
    // The new project on show is made again in the chosen language.
    assert_eq!(h.state().project().language, "nl");
    assert!(!h.state().document().is_dirty());
    // Then the guided tour, which can be skipped.
    h.get_by_label("Een kaart is een raster");
    click(&mut h, "Volgende");
    h.get_by_label("Kaartjes staan in de cellen");
    click(&mut h, "Rondleiding overslaan");
    assert!(h.query_by_label("Rondleiding").is_none());
}

#[test]
fn the_start_screen_makes_a_blueprint_from_its_template() {
    let data = tempfile::tempdir().unwrap();
    let mut h = on_start_screen(
        Some(Language::English),
        data.path(),
        ScriptedDialogs::default(),
    );
    h.run();
    assert!(h.state().start_screen_shown());
    h.get_by_label("Recent projects");
    h.get_by_label("Projects you open or save are listed here.");
    h.snapshot("start_screen");
    click(&mut h, "New service blueprint");
    assert!(!h.state().start_screen_shown());
    let map = &h.state().project().maps[0];
    assert_eq!(map.kind, klantreis::model::MapKind::ServiceBlueprint);
    assert_eq!(h.state().project().language, "en");
}

#[test]
fn the_start_screen_opens_an_example_as_a_new_project() {
    let data = tempfile::tempdir().unwrap();
    let mut h = on_start_screen(
        Some(Language::English),
        data.path(),
        ScriptedDialogs::default(),
    );
    h.run();
    click(&mut h, "IKEA-winkelbezoek Utrecht");
    assert!(!h.state().start_screen_shown());
    assert_eq!(h.state().project().title, "IKEA-winkelbezoek Utrecht");
    // Saving asks where: the example itself is never written.
    assert_eq!(h.state().document().path, None);
}

#[test]
fn the_start_screen_opens_a_recent_project_and_offers_to_forget_a_vanished_one() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("kept.klantreis.ron");
    let gone = dir.path().join("gone.klantreis.ron");
    for (path, title) in [(&keep, "Kept project"), (&gone, "Gone project")] {
        let mut project = klantreis::templates::new_project(
            klantreis::model::MapKind::CustomerJourney,
            Language::English,
        );
        project.title = title.to_owned();
        klantreis::file::save(&project, path).unwrap();
    }
    let dialogs = ScriptedDialogs {
        open_answers: [Some(gone.clone()), Some(keep.clone())].into(),
        ..ScriptedDialogs::default()
    };
    let mut h = on_start_screen(Some(Language::English), data.path(), dialogs);
    h.run();
    // Open both through File › Open, so both are recent, then go back to the start screen.
    for _ in 0..2 {
        click(&mut h, "Open…");
        assert!(!h.state().start_screen_shown());
        click(&mut h, "File");
        click_item(&mut h, "Start screen");
    }
    std::fs::remove_file(&gone).unwrap();
    click(&mut h, "File");
    click_item(&mut h, "Start screen");
    h.get_by_label("Not found: moved, renamed or deleted.");
    click(&mut h, "Remove from the list");
    assert!(h.query_by_label("gone.klantreis.ron").is_none());
    assert!(
        h.query_by_label("Not found: moved, renamed or deleted.")
            .is_none()
    );
    click(&mut h, "Kept project");
    assert!(!h.state().start_screen_shown());
    assert_eq!(h.state().project().title, "Kept project");
}

#[test]
fn a_start_with_a_known_language_does_not_ask() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    assert!(h.query_by_label("Nederlands").is_none());
    h.get_by_label("File");
}

#[test]
fn the_settings_window_switches_the_language_and_the_menus_follow() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    click(&mut h, "File");
    click_item(&mut h, "Settings…");
    h.get_by_label("Settings");
    click(&mut h, "Nederlands");
    assert_eq!(h.state().language(), Language::Dutch);
    h.get_by_label("Bestand");
    h.get_by_label("Instellingen");
    // Esc closes the window; the choice stays.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Instellingen").is_none());
    assert_eq!(h.state().language(), Language::Dutch);
}

#[test]
fn an_export_folder_that_does_not_exist_is_said_so_and_not_taken() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    click(&mut h, "File");
    click_item(&mut h, "Settings…");
    h.get_by_label("Export folder").click();
    h.run();
    let missing = data.path().join("no-such-folder");
    h.event(egui::Event::Text(missing.display().to_string()));
    h.run();
    h.get_by_label_contains("There is no folder");
    assert_eq!(h.state().preferences().export_folder, None);
    // A folder that is there is taken.
    std::fs::create_dir(&missing).unwrap();
    h.event(egui::Event::Text(String::new()));
    h.run();
    h.run();
    assert_eq!(h.state().preferences().export_folder, Some(missing));
}

#[test]
fn the_theme_switches_from_the_view_menu_and_the_map_stays_paper() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(Language::English),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    click(&mut h, "View");
    click(&mut h, "Theme");
    click(&mut h, "Light");
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    // The pointer out of the way, so the snapshot does not follow the menu's length.
    h.hover_at(egui::pos2(1300.0, 820.0));
    h.run();
    h.snapshot("light_theme");
    click(&mut h, "View");
    click(&mut h, "Theme");
    click(&mut h, "Dark");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert_eq!(
        h.state().preferences().theme,
        klantreis::ui::settings::ThemeChoice::Dark
    );
    h.hover_at(egui::pos2(1300.0, 820.0));
    h.run();
    h.snapshot("dark_theme");
    // Following the system again: the system's look, or the light one where it does not say.
    click(&mut h, "View");
    click(&mut h, "Theme");
    click(&mut h, "Theme: follow the system");
    let system = h
        .ctx
        .system_theme()
        .unwrap_or_else(|| h.ctx.options(|o| o.fallback_theme));
    assert_eq!(h.ctx.theme(), system);
    assert_eq!(h.ctx.options(|o| o.fallback_theme), egui::Theme::Light);
}

#[test]
fn f1_opens_the_shortcut_sheet_made_from_the_command_list() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    let before = |h: &Harness<'_, KlantreisApp>, label: &str| h.query_all_by_label(label).count();
    let labels: Vec<(String, usize)> = klantreis::ui::command::Command::ALL
        .into_iter()
        .filter(|c| c.shortcut().is_some())
        .map(|c| (c.label().into_owned(), before(&h, &c.label())))
        .collect();
    h.key_press(Key::F1);
    h.run();
    // The window's title, and the sheet's own line (F1).
    assert_eq!(h.query_all_by_label("Keyboard shortcuts").count(), 2);
    h.get_by_label("F1");
    // Every command with a shortcut is listed beside it, and so are the gestures on the map.
    for (label, count) in labels {
        assert!(
            h.query_all_by_label(&label).count() > count,
            "{label} is not on the sheet"
        );
    }
    h.get_by_label("Ctrl+S");
    h.get_by_label("Select the cards in a rectangle");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Select the cards in a rectangle")
            .is_none()
    );
}

#[test]
fn about_names_the_version_and_the_licences() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    click(&mut h, "Help");
    click(&mut h, "About Klantreis");
    h.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label_contains("SIL Open Font License");
    click(&mut h, "Close");
    assert!(h.query_by_label_contains("SIL Open Font License").is_none());
}

#[test]
fn quit_asks_about_unsaved_work_first() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    click(&mut h, "Add stage");
    assert!(h.state().document().is_dirty());
    click(&mut h, "File");
    click_item(&mut h, "Quit");
    h.get_by_label("Save changes?");
    click(&mut h, "Cancel");
    assert!(h.query_by_label("Save changes?").is_none());
    // The shortcut asks too.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save changes?");
}

/// The colour of the rendered window at `pos` (points; the harness renders at 1 pixel each).
fn pixel(image: &image::RgbaImage, pos: egui::Pos2) -> egui::Color32 {
    let p = image.get_pixel(pos.x as u32, pos.y as u32);
    egui::Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3])
}

#[test]
fn at_100_percent_the_pinned_stage_names_sit_in_header_coloured_blocks() {
    // Reported: at Ctrl+1 the stage names floated above empty dark header blocks, the strip
    // they were pinned in being the panel's colour.
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(Language::English),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num1);
    h.run();
    let strip = h.get_by_label("Stage names (pinned while scrolled)").rect();
    let image = h.render().unwrap();
    let header = klantreis::render::Theme::default().header_fill;
    // Below the text's middle line, clear of the letters: the header's fill.
    let samples = [0.3, 0.5, 0.7, 0.9].map(|t| {
        pixel(
            &image,
            egui::pos2(strip.left() + strip.width() * t, strip.bottom() - 2.0),
        )
    });
    let matching = samples.iter().filter(|&&c| c == header).count();
    assert!(matching >= 3, "{samples:?}, header {header:?}");
}

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
fn the_export_dialog_says_what_makes_too_small_text_readable() {
    // Reported: the legibility line was warning-orange even where it only informed, and the
    // default A0 poster did not say which paper would pass the app's own check.
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(Language::English),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    step_until_shown(&mut h, "Smallest text");
    // The IKEA map's smallest text on A0 reads from about a metre: even A0 is too small for a
    // wall, and a fixed scale over sheets is what passes.
    h.get_by_label_contains("even on A0: a fixed scale of");
}

#[test]
fn after_a_failed_export_esc_closes_the_dialog_and_shortcuts_still_work() {
    // Reported: after a failed action Esc did not close the export dialog, and Ctrl+N did
    // nothing.
    let data = tempfile::tempdir().unwrap();
    // A project whose name ends like the export's (the dialog adds the extension otherwise).
    let path = data.path().join("kaart.pdf");
    let project = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        Language::English,
    );
    klantreis::file::save(&project, &path).unwrap();
    let dialogs = ScriptedDialogs {
        // Exporting onto the project file itself is refused.
        export_answers: [Some(path.clone())].into(),
        ..ScriptedDialogs::default()
    };
    let mut h = build(
        Some(Language::English),
        Some(path),
        data.path(),
        dialogs,
        false,
    );
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label("Export…").click();
    h.run_steps(3);
    h.get_by_label_contains("Not exported: that is the project file itself");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(
        h.query_by_label("Export…").is_none(),
        "Esc closes the dialog"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    assert_eq!(h.state().document().path, None, "Ctrl+N made a new project");
}

#[test]
fn a_fast_drag_from_the_toolbox_adds_the_card() {
    // Reported: only a slow drag from the toolbox worked; a fast one did nothing. The harness
    // hands egui these events in a way that never lost the drag; the real window, which gets
    // a flick in one batch, is checked by scripts/check-fast-drag.sh in .ci/run.
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    let before = h.state().project().maps[0].cards.len();
    let from = h.get_by_label("Pain point").rect().center();
    let to = egui::pos2(
        h.get_by_label("Stage Purchase").rect().center().x,
        h.get_by_label("Lane Thoughts").rect().center().y,
    );
    // Pressed, moved all the way and released within one frame, as a flick arrives.
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(from));
    h.event(button(from, true));
    h.event(egui::Event::PointerMoved(from.lerp(to, 0.5)));
    h.event(egui::Event::PointerMoved(to));
    h.event(button(to, false));
    h.run();
    assert_eq!(h.state().project().maps[0].cards.len(), before + 1);
}

#[test]
fn a_three_stage_map_with_cards_and_a_curve_by_keyboard_alone() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    let typed = |h: &mut Harness<'_, KlantreisApp>, text: &str| {
        h.event(egui::Event::Text(text.to_owned()));
        h.run();
    };
    let key = |h: &mut Harness<'_, KlantreisApp>, key: Key| {
        h.key_press(key);
        h.run();
    };
    // F6 gives the map the keyboard, the cursor on the first cell; Up selects the first
    // stage's header, typing renames it, Enter keeps the name.
    key(&mut h, Key::F6);
    key(&mut h, Key::ArrowUp);
    typed(&mut h, "Discover");
    key(&mut h, Key::Enter);
    // The template's five stages down to three: the fourth header, Delete, twice.
    for _ in 0..2 {
        for _ in 0..3 {
            key(&mut h, Key::ArrowRight);
        }
        key(&mut h, Key::Delete);
        key(&mut h, Key::F6);
        key(&mut h, Key::ArrowUp);
    }
    assert_eq!(h.state().project().maps[0].stages.len(), 3);
    key(&mut h, Key::ArrowDown);
    // Typing starts a card in the cursor's cell; Tab keeps it and moves on to the next stage.
    typed(&mut h, "Sees an ad");
    key(&mut h, Key::Tab);
    typed(&mut h, "Compares");
    typed(&mut h, " prices");
    key(&mut h, Key::Tab);
    typed(&mut h, "Pays");
    key(&mut h, Key::Enter);
    // Down to the emotion lane; + and − set the step of the stage under the cursor.
    let map = h.state().project().maps[0].clone();
    let emotions = map
        .lanes
        .iter()
        .position(|l| l.kind == klantreis::model::LaneKind::Emotions)
        .unwrap();
    for _ in 0..emotions {
        key(&mut h, Key::ArrowDown);
    }
    typed(&mut h, "+");
    key(&mut h, Key::ArrowLeft);
    typed(&mut h, "-");
    typed(&mut h, "-");
    key(&mut h, Key::ArrowLeft);
    typed(&mut h, "+");
    typed(&mut h, "+");

    let map = h.state().project().maps[0].clone();
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Discover", "Choice", "Purchase"]);
    let first_lane = map.lanes[0].id;
    let in_stage = |s: usize| -> Vec<String> {
        map.cards
            .iter()
            .filter(|c| c.lane == first_lane && c.stage == map.stages[s].id)
            .map(|c| c.title.clone())
            .collect()
    };
    assert_eq!(in_stage(0), ["Sees an ad"]);
    assert_eq!(in_stage(1), ["Compares prices"]);
    assert_eq!(in_stage(2), ["Pays"]);
    let curve = &map.curves[0];
    let score = |s: usize| {
        curve
            .points
            .iter()
            .find(|p| p.stage == map.stages[s].id)
            .map(|p| p.score)
    };
    let neutral = map.scale.neutral();
    assert_eq!(score(0), Some(neutral + 2.0));
    assert_eq!(score(1), Some(neutral - 2.0));
    assert_eq!(score(2), Some(neutral + 1.0));
    h.snapshot("keyboard_capture");
}

#[test]
fn workshop_mode_and_its_presenter_view() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(
        Some(Language::English),
        Some(example("ikea-winkelbezoek.klantreis.ron")),
        data.path(),
    );
    h.run();
    let zoom = h.ctx.zoom_factor();
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().in_workshop());
    // Larger, the menus and side panels away, a short toolbar instead.
    assert!(h.ctx.zoom_factor() > zoom);
    assert!(h.query_by_label("File").is_none());
    assert!(h.query_by_label("Personas").is_none());
    h.get_by_label("Workshop mode");
    // F5 presents the first stage; → and ← walk the stages; Esc stops.
    h.key_press(Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), Some(0));
    h.get_by_label("Stage 1 of 7");
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting(), Some(2));
    h.snapshot("presenter_view");
    h.key_press(Key::ArrowLeft);
    h.run();
    h.get_by_label("Stage 2 of 7");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);
    assert!(h.state().in_workshop());
    // F11 again: back as it was.
    h.key_press(Key::F11);
    h.run();
    assert!(!h.state().in_workshop());
    assert!((h.ctx.zoom_factor() - zoom).abs() < 1e-6);
    h.get_by_label("File");
}

#[test]
fn a_recent_project_that_vanished_says_so_in_the_file_menu_and_can_be_forgotten() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.klantreis.ron");
    let project = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        Language::English,
    );
    klantreis::file::save(&project, &gone).unwrap();
    let dialogs = ScriptedDialogs {
        open_answers: [Some(gone.clone())].into(),
        ..ScriptedDialogs::default()
    };
    let mut h = build(Some(Language::English), None, data.path(), dialogs, false);
    h.run();
    click(&mut h, "File");
    click_item(&mut h, "Open…");
    std::fs::remove_file(&gone).unwrap();
    click(&mut h, "File");
    click(&mut h, "Open recent");
    h.get_by_label_contains("(not found: moved or deleted)");
    click(&mut h, "Remove from the list");
    click(&mut h, "File");
    assert!(h.query_by_label_contains("(not found").is_none());
}

#[test]
fn alt_and_the_arrows_move_cards_stages_and_lanes_as_a_drag_would() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(Some(Language::English), None, data.path());
    h.run();
    let key = |h: &mut Harness<'_, KlantreisApp>, modifiers, key| {
        h.key_press_modifiers(modifiers, key);
        h.run();
    };
    // A card typed into the first cell, then moved one stage on and one lane down.
    key(&mut h, egui::Modifiers::NONE, Key::F6);
    h.event(egui::Event::Text("Queue".to_owned()));
    h.run();
    key(&mut h, egui::Modifiers::NONE, Key::Enter);
    h.get_by_label("Card Queue").click();
    h.run();
    key(&mut h, egui::Modifiers::ALT, Key::ArrowRight);
    key(&mut h, egui::Modifiers::ALT, Key::ArrowDown);
    let map = h.state().project().maps[0].clone();
    let card = map.cards.iter().find(|c| c.title == "Queue").unwrap();
    assert_eq!(map.stage_index(card.stage), Some(1));
    assert_eq!(map.lane_index(card.lane), Some(1));
    // Alt+Shift+Right widens it over the next stage.
    key(
        &mut h,
        egui::Modifiers::ALT | egui::Modifiers::SHIFT,
        Key::ArrowRight,
    );
    let map = h.state().project().maps[0].clone();
    assert_eq!(
        map.cards.iter().find(|c| c.title == "Queue").unwrap().span,
        2
    );
    // The first stage's header, moved one place on.
    key(&mut h, egui::Modifiers::NONE, Key::Escape);
    h.get_by_label("Stage Orientation").click();
    h.run();
    key(&mut h, egui::Modifiers::ALT, Key::ArrowRight);
    let names: Vec<String> = h.state().project().maps[0]
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names[..2], ["Choice".to_owned(), "Orientation".to_owned()]);
}
