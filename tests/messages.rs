//! What the command line says when something is off (issue 24): plain words, the place, the
//! remedy; never the parser's or the system's internals, never silence, never a page that cuts
//! the map off.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

#[test]
fn a_mistyped_command_is_named_with_the_nearest_one() {
    let (code, _, stderr) = klantreis(&["exprot"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no such command or file: \"exprot\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `klantreis export`?"),
        "{stderr}"
    );
    let (code, _, stderr) = klantreis(&["zwartboek"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no such command or file: \"zwartboek\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("validate"),
        "the commands are listed: {stderr}"
    );
    // The new command is offered for its typo too.
    let (_, _, stderr) = klantreis(&["actoins"]);
    assert!(
        stderr.contains("did you mean `klantreis actions`?"),
        "{stderr}"
    );
    let (code, _, stderr) = klantreis(&["weg/reis.klantreis.ron"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("there is no file \"weg/reis.klantreis.ron\""),
        "{stderr}"
    );
}

#[test]
fn without_a_display_the_editor_says_so_in_plain_words() {
    let output = Command::new(env!("CARGO_BIN_EXE_klantreis"))
        .arg(example("ikea-winkelbezoek.klantreis.ron"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no display to open the editor on"),
        "{stderr}"
    );
    assert!(!stderr.contains(".rs:"), "no source paths: {stderr}");
}

#[test]
fn a_damaged_file_is_described_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("ikea-winkelbezoek.klantreis.ron")).unwrap();
    let cut = dir.path().join("afgebroken.klantreis.ron");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let (code, _, stderr) = klantreis(&["validate", cut.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("the file ends in the middle of the project"),
        "{stderr}"
    );
    assert!(!stderr.contains("Unexpected end of RON"), "{stderr}");
    let (code, _, stderr) = klantreis(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("it is a folder, not a"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    // A score far off the scale is named in powers of ten, not with its 309 digits.
    let huge = text.replacen("score: 1.0", "score: 1e308", 1);
    assert_ne!(huge, text);
    let far = dir.path().join("ver.klantreis.ron");
    std::fs::write(&far, huge).unwrap();
    let (code, _, stderr) = klantreis(&["validate", far.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("1.000e308 is outside the map's scale"),
        "{stderr}"
    );
}

#[test]
fn a_fixed_scale_that_would_cut_the_map_off_is_refused_with_the_ways_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.pdf");
    let (code, stdout, stderr) = klantreis(&[
        "export",
        example("ikea-winkelbezoek.klantreis.ron").to_str().unwrap(),
        "--format",
        "pdf",
        "--paper",
        "A4",
        "--scale",
        "1.0",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("so it would be cut off"), "{stderr}");
    assert!(stderr.contains("--fit"), "{stderr}");
    assert!(stderr.contains("--paper A"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_project_without_maps_is_said_so_and_still_prints_its_personas() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = klantreis::file::load(&example("ikea-winkelbezoek.klantreis.ron"))
        .unwrap()
        .project;
    project.maps.clear();
    project.snapshots.clear();
    project.datasets.clear();
    project.actions.clear();
    project.opportunities.clear();
    let path = dir.path().join("leeg.klantreis.ron");
    klantreis::file::save(&project, &path).unwrap();
    let p = path.to_str().unwrap();
    let (code, stdout, stderr) = klantreis(&["analyze", p]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains("has no maps, so there is nothing to analyse"),
        "{stderr}"
    );
    let sheets = dir.path().join("personas.pdf");
    let (code, _, stderr) = klantreis(&[
        "export",
        p,
        "--format",
        "personas",
        "-o",
        sheets.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(sheets.exists());
    let (code, _, stderr) = klantreis(&[
        "export",
        p,
        "--format",
        "pdf",
        "-o",
        dir.path().join("kaart.pdf").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("has no maps to export"), "{stderr}");
}
