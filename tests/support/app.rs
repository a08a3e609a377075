//! The real app in a test harness, and the gestures the window tests share.

#![allow(dead_code, reason = "each test file uses some of these")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{AppConfig, KlantreisApp};

pub fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// The app on a new journey map (or `file`); `language: None` is a first start here.
pub fn harness(
    language: Option<Language>,
    file: Option<PathBuf>,
    data_dir: &Path,
) -> Harness<'static, KlantreisApp> {
    build(language, file, data_dir, ScriptedDialogs::default(), false)
}

/// The app as a user starts it without a file: on the start screen.
pub fn on_start_screen(
    language: Option<Language>,
    data_dir: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, KlantreisApp> {
    build(language, None, data_dir, dialogs, true)
}

pub fn build(
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
        .wgpu_setup(super::software_gl())
        .build_eframe(move |cc| {
            KlantreisApp::with_config(
                cc,
                file,
                AppConfig {
                    dialogs: Box::new(dialogs),
                    data_dir: Some(data_dir),
                    language,
                    start_screen,
                    // A fixed day, so what the app dates looks the same in every snapshot.
                    clock: || "2026-12-05T10:00:00Z".to_owned(),
                },
            )
        })
}

pub fn click(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks a menu item, whose label ends in its shortcut ("Quit Ctrl+Q").
pub fn click_item(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

pub fn step_until_shown(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    for _ in 0..300 {
        if h.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.get_by_label_contains(label);
}

/// Scrolls the map under the middle of `area` by `delta` points (negative y: further down the
/// map), as a mouse wheel does, and lets the smooth scroll settle.
pub fn scroll(h: &mut Harness<'_, KlantreisApp>, area: egui::Rect, delta: egui::Vec2) {
    h.hover_at(area.center());
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..20 {
        h.step();
    }
    h.run();
}

/// Selects all of the focused text field and types `text` over it (without Enter).
pub fn type_over(h: &mut Harness<'_, KlantreisApp>, text: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Two clicks on `label`, a frame apart: a double-click.
pub fn double_click(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    h.get_by_label(label).click();
    h.run();
}

/// Moves the pointer to `pos` and clicks there (press and release in one frame).
pub fn click_at(h: &mut Harness<'_, KlantreisApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

/// A drag from `from` to `to` in six steps, as a hand moves.
pub fn drag(h: &mut Harness<'_, KlantreisApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// Clicks the export dialog's Export button and steps until the file at `out` is written.
pub fn export_and_wait(h: &mut Harness<'_, KlantreisApp>, out: &std::path::Path) {
    h.get_by_label("Export…").click();
    for _ in 0..300 {
        h.step();
        if !h.state().export_busy() && out.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(2);
}
