//! The editor window, driven as a user would with `egui_kittest`.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::ui::KlantreisApp;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn harness(file: Option<PathBuf>) -> Harness<'static, KlantreisApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .wgpu()
        .build_eframe(move |cc| KlantreisApp::new(cc, file))
}

#[test]
fn opens_an_example_and_shows_its_maps_and_personas() {
    let mut h = harness(Some(example("ikea-winkelbezoek.klantreis.ron")));
    h.run();
    h.get_by_label("Zaterdag naar IKEA: van wensenlijst tot ijsje");
    h.get_by_label("Sanne (34)");
    assert_eq!(
        h.state().project().map(|p| p.title.as_str()),
        Some("IKEA-winkelbezoek Utrecht")
    );
    h.snapshot("example_ikea");
}

#[test]
fn a_broken_file_shows_a_readable_message_instead_of_crashing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.klantreis.ron");
    std::fs::write(&path, "(format: (9, 0), project: ())").unwrap();
    let mut h = harness(Some(path));
    h.run();
    h.get_by_label_contains("format 9.0");
    h.get_by_label_contains("kapot.klantreis.ron");
    assert!(h.state().project().is_none());
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label_contains("format 9.0").is_none());
}
