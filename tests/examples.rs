//! Every shipped example is valid and round-trips to an equal project and identical bytes.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::PathBuf;

use klantreis::file;
use klantreis::model::{LaneKind, Map};

fn examples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(file::FILE_EXTENSION))
        .collect();
    files.sort();
    files
}

#[test]
fn there_are_four_examples_in_two_languages() {
    let files = examples();
    assert!(files.len() >= 4, "{files:?}");
    let languages: Vec<String> = files
        .iter()
        .map(|f| file::load(f).unwrap().project.language)
        .collect();
    assert!(languages.iter().filter(|l| *l == "nl").count() >= 3);
    assert!(languages.iter().any(|l| l == "en"));
}

#[test]
fn examples_round_trip_to_identical_bytes() {
    for path in examples() {
        let original = std::fs::read_to_string(&path).unwrap();
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let text = file::to_ron_string(&loaded.project).unwrap();
        assert_eq!(
            text,
            original,
            "{} is not in canonical form: run `cargo run -- fmt {}`",
            path.display(),
            path.display()
        );
        let again = file::from_ron_str(&text, &path).unwrap();
        assert_eq!(again.project, loaded.project);
    }
}

fn check_rich_map(map: &Map, name: &str) {
    assert!(
        (5..=8).contains(&map.stages.len()),
        "{name}: {} stages",
        map.stages.len()
    );
    assert!(map.lanes.len() >= 6, "{name}: {} lanes", map.lanes.len());
    assert!(!map.personas.is_empty(), "{name}: no persona");
    let touchpoints: Vec<_> = map.touchpoints().collect();
    assert!(touchpoints.len() >= 5, "{name}: few touchpoints");
    assert!(
        touchpoints
            .iter()
            .filter(|c| c.channel.is_some() && !c.owner.is_empty())
            .count()
            >= 4,
        "{name}: touchpoints need channels and owners"
    );
    assert!(
        map.cards.iter().any(|c| c.moment_of_truth.is_some()),
        "{name}: no moment of truth"
    );
    assert!(
        map.lanes.iter().any(|l| l.kind == LaneKind::Emotions),
        "{name}: no emotion lane"
    );
    assert!(
        map.curves.iter().any(|c| c.points.len() >= 5),
        "{name}: no emotion curve"
    );
}

#[test]
fn examples_are_rich_enough_to_learn_from() {
    for path in examples() {
        let project = file::load(&path).unwrap().project;
        assert!(!project.personas.is_empty());
        for map in &project.maps {
            check_rich_map(map, &path.display().to_string());
        }
    }
}

#[test]
fn the_service_blueprint_draws_its_three_lines_in_its_language() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/waterschade-claim.klantreis.ron");
    let project = file::load(&path).unwrap().project;
    let mut text = klantreis::layout::TextMeasurer::new();
    let metrics = klantreis::layout::Metrics::default();
    let layout = klantreis::layout::lay_out(&project, &project.maps[0], &metrics, &mut text);
    let names: Vec<String> = layout
        .blueprint_lines
        .iter()
        .map(|l| l.label.block.lines.iter().map(|t| &*t.text).collect())
        .collect();
    assert_eq!(
        names,
        [
            "Interactielijn",
            "Zichtbaarheidslijn",
            "Lijn van interne interactie"
        ]
    );
    // A journey map has none.
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/ikea-winkelbezoek.klantreis.ron");
    let project = file::load(&path).unwrap().project;
    let layout = klantreis::layout::lay_out(&project, &project.maps[0], &metrics, &mut text);
    assert!(layout.blueprint_lines.is_empty());
}
