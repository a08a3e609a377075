//! The command line, run as a user would.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::Path;
use std::process::Command;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn validate_passes_every_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut args = vec!["validate".to_owned()];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".klantreis.ron") {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = klantreis(&args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.matches("ok: ").count(), args.len() - 1);
}

#[test]
fn validate_names_each_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = example("ikea-winkelbezoek.klantreis.ron");
    let text = std::fs::read_to_string(&good).unwrap();
    let bad = dir.path().join("bad.klantreis.ron");
    std::fs::write(
        &bad,
        text.replacen("score: 2.0", "score: NaN", 1)
            .replacen("span: 1", "span: 0", 1),
    )
    .unwrap();
    let garbage = dir.path().join("garbage.klantreis.ron");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let missing = dir.path().join("missing.klantreis.ron");
    let (code, _, stderr) = klantreis(&[
        "validate",
        &good,
        bad.to_str().unwrap(),
        garbage.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("score") && l.contains("bad.klantreis.ron")),
        "{stderr}"
    );
    assert!(lines.iter().any(|l| l.contains("span")), "{stderr}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("UTF-8") && l.contains("garbage")),
        "{stderr}"
    );
    assert!(
        lines.iter().any(|l| l.contains("missing.klantreis.ron")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn stats_counts_in_text_and_json() {
    let file = example("ikea-winkelbezoek.klantreis.ron");
    let (code, stdout, _) = klantreis(&["stats", &file]);
    assert_eq!(code, 0);
    assert!(stdout.contains("stages: 14"), "{stdout}");
    let (code, stdout, _) = klantreis(&["stats", &file, "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // A journey map and the experience map whose stage zooms into it.
    assert_eq!(json["maps"], 2);
    assert_eq!(json["stages"], 14);
    assert_eq!(json["personas"], 2);
    assert!(json["touchpoints"].as_u64().unwrap() >= 5);
    assert_eq!(json["curves"], 3);
}

#[test]
fn new_writes_each_template_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    for (template, lane) in [
        ("journey", "Touchpoints"),
        ("experience", "Metrics"),
        ("blueprint", "Backstage"),
    ] {
        let out = dir.path().join(format!("{template}.klantreis.ron"));
        let out = out.to_str().unwrap();
        let (code, _, stderr) = klantreis(&["new", "--template", template, "-o", out]);
        assert_eq!(code, 0, "{stderr}");
        let (code, _, _) = klantreis(&["validate", out]);
        assert_eq!(code, 0);
        assert!(std::fs::read_to_string(out).unwrap().contains(lane));
        let (code, _, stderr) = klantreis(&["new", "--template", template, "-o", out]);
        assert_eq!(code, 1);
        assert!(stderr.contains("--force"), "{stderr}");
    }
    let out = dir.path().join("nl.klantreis.ron");
    let (code, _, _) = klantreis(&[
        "new",
        "--template",
        "journey",
        "--lang",
        "nl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .contains("Contactmomenten")
    );
}

#[test]
fn bad_arguments_get_a_usage_message() {
    let (code, _, stderr) = klantreis(&["new", "--template", "poster", "-o", "x"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("journey"), "{stderr}");
}

#[test]
fn analyze_reads_the_ikea_visit_as_a_low_middle_with_a_good_end() {
    let ikea = example("ikea-winkelbezoek.klantreis.ron");
    let (code, stdout, stderr) = klantreis(&["analyze", &ikea]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Peak:        −4 · Zelfbedieningsmagazijn"),
        "{stdout}"
    );
    assert!(
        stdout.contains("End:         +3 · Uitgang en bistro"),
        "{stdout}"
    );
    assert!(stdout.contains("Remembered:  −0.5"), "{stdout}");
    assert!(stdout.contains("Average:"), "{stdout}");
    assert!(
        stdout.contains("Touchpoint “Medewerker bij de banken” has no owner."),
        "{stdout}"
    );

    let (code, stdout, stderr) = klantreis(&["analyze", &ikea, "--map", "1", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let map = &json["maps"][0];
    let as_is = &map["curves"][0];
    assert_eq!(as_is["peak"]["score"], -4.0);
    assert_eq!(as_is["end"]["score"], 3.0);
    assert_eq!(as_is["remembered"], -0.5);
    // The middle is low: the three lowest steps all lie between the first and the last stage.
    let stages = 7;
    for low in as_is["lowest"].as_array().unwrap() {
        let at = low["step"]["stage_index"].as_u64().unwrap();
        assert!(at > 0 && at < stages - 1, "{low}");
    }
    let lint = map["lint"].as_array().unwrap();
    assert!(lint.iter().any(|l| {
        l["kind"] == "touchpoint_without_owner"
            && l["message"]
                .as_str()
                .unwrap()
                .contains("Medewerker bij de banken")
    }));
    assert!(map["comparisons"][0]["remembered_gain"].as_f64().unwrap() > 0.0);
    // The moments of truth, in stage order, with the score felt there.
    let moments = map["moments"].as_array().unwrap();
    assert_eq!(moments.len(), 3);
    assert_eq!(moments[1]["step"][2], -4.0);
}

#[test]
fn analyze_lists_the_moments_of_truth_with_their_scores_owners_and_reasons() {
    let ikea = example("ikea-winkelbezoek.klantreis.ron");
    let (code, stdout, stderr) = klantreis(&["analyze", &ikea]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Moments of truth:"), "{stdout}");
    assert!(
        stdout.contains(
            "Vakbordjes en zuilen met voorraadscherm · Zelfbedieningsmagazijn: −4 · Logistiek — \
             Als de bank er niet ligt"
        ),
        "{stdout}"
    );
}

#[test]
fn analyze_names_the_maps_when_the_one_asked_for_is_not_there() {
    let ikea = example("ikea-winkelbezoek.klantreis.ron");
    let (code, _, stderr) = klantreis(&["analyze", &ikea, "--map", "Nergens"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no map \"Nergens\""), "{stderr}");
    assert!(stderr.contains("Zaterdag naar IKEA"), "{stderr}");
}

#[test]
fn export_writes_a_poster_and_refuses_bad_options_clearly() {
    let ikea = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("ikea.pdf");
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let (code, stdout, stderr) = klantreis(&[
        "export",
        &ikea,
        "--format",
        "pdf",
        "--paper",
        "A3",
        "--portrait",
        "-o",
        &pdf_arg,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("wrote"), "{stdout}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // A3 is far too small for this map on a wall, and the warning says what passes.
    assert!(
        stderr.contains("warning: Some text is 3.5 pt, too small to print legibly")
            && stderr.contains("printed over sheets (--tile A3) passes"),
        "{stderr}"
    );

    let (code, _, stderr) = klantreis(&[
        "export", &ikea, "--format", "pdf", "--paper", "B9", "-o", &pdf_arg,
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("paper \"B9\""), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "export", &ikea, "--format", "png", "--tile", "A4", "-o", &pdf_arg,
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--tile"), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "export", &ikea, "--format", "png", "--dpi", "9000", "-o", &pdf_arg,
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--dpi"), "{stderr}");
}

#[test]
fn export_refuses_to_write_over_the_project_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.klantreis.ron");
    std::fs::copy(example("ikea-winkelbezoek.klantreis.ron"), &project).unwrap();
    let before = std::fs::read(&project).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let other_spelling = dir.path().join("sub").join("..").join("p.klantreis.ron");
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&project, &link).unwrap();
    #[cfg(not(unix))]
    std::fs::copy(&project, &link).unwrap();
    let p = project.to_string_lossy().into_owned();
    for output in [project.clone(), other_spelling, link] {
        let o = output.to_string_lossy().into_owned();
        let (code, _, stderr) = klantreis(&["export", &p, "--format", "csv", "-o", &o]);
        assert_eq!(code, 1, "{o}");
        assert!(stderr.contains("the project file itself"), "{stderr}");
        assert_eq!(std::fs::read(&project).unwrap(), before, "{o}");
    }
}

#[test]
fn fmt_rewrites_a_file_keeping_a_backup_and_leaves_a_newer_one_alone() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(example("ikea-winkelbezoek.klantreis.ron")).unwrap();
    // The same project, laid out carelessly: fmt puts it back.
    let messy = dir.path().join("messy.klantreis.ron");
    let careless = original.replace("\n    ", "\n  ");
    std::fs::write(&messy, &careless).unwrap();
    let m = messy.to_string_lossy().into_owned();
    let (code, stdout, stderr) = klantreis(&["fmt", &m]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("formatted"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), original);
    let backup = dir.path().join("messy.klantreis.ron.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), careless);
    let (code, stdout, _) = klantreis(&["fmt", &m]);
    assert_eq!(code, 0);
    assert!(stdout.contains("unchanged"), "{stdout}");

    // A file from a newer minor version with a field this version does not know.
    let newer = dir.path().join("newer.klantreis.ron");
    let text = original
        .replacen("format: (1, 4),", "format: (1, 7),", 1)
        .replacen(
            "project: (",
            "project: (\n        future_field: \"kept\",",
            1,
        );
    std::fs::write(&newer, &text).unwrap();
    let n = newer.to_string_lossy().into_owned();
    let (code, _, stderr) = klantreis(&["fmt", &n]);
    assert_eq!(code, 1);
    assert!(stderr.contains("newer Klantreis (format 1.7)"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&newer).unwrap(), text);
}

#[test]
fn option_values_out_of_range_get_a_message_about_the_value() {
    let ikea = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf").to_string_lossy().into_owned();
    let (code, _, stderr) = klantreis(&[
        "export", &ikea, "--format", "pdf", "--margin", "-5", "-o", &pdf,
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("--margin -5: choose between 0 and 100 mm"),
        "{stderr}"
    );
    assert!(!stderr.contains("tip:"), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "export", &ikea, "--format", "pdf", "--paper", "10x10mm", "-o", &pdf,
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("leaves no room for the map"), "{stderr}");
    assert!(!Path::new(&pdf).exists());
}

/// Hostile files, as the real binary meets them: every command refuses with a one-line
/// message and exit code 1, and nothing on disk changes (no output, no backup, no litter).
#[test]
fn hostile_files_through_the_binary_change_nothing_on_disk() {
    let good = std::fs::read_to_string(example("ikea-winkelbezoek.klantreis.ron")).unwrap();
    let mut rng_bytes = Vec::new();
    let mut seed: u32 = 7;
    for _ in 0..4096 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        rng_bytes.push((seed >> 16) as u8);
    }
    let fixtures: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("random bytes", rng_bytes),
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
        ("nested", "[".repeat(100_000).into_bytes()),
        (
            "newer major",
            good.replacen("format: (1, 4)", "format: (9, 0)", 1)
                .into_bytes(),
        ),
        (
            "score off the scale",
            good.replacen("score: -4.0", "score: 400.0", 1).into_bytes(),
        ),
        ("not a project", b"(title: \"x\")".to_vec()),
    ];
    for (name, bytes) in fixtures {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        std::fs::write(&path, &bytes).unwrap();
        let p = path.to_string_lossy().into_owned();
        let out = dir.path().join("out.pdf").to_string_lossy().into_owned();
        for args in [
            vec!["validate", &p],
            vec!["fmt", &p],
            vec!["export", &p, "--format", "pdf", "-o", &out],
        ] {
            let (code, _, stderr) = klantreis(&args);
            assert_eq!(code, 1, "{name}, {}: {stderr}", args[0]);
            let lines: Vec<&str> = stderr.lines().collect();
            // validate lists one problem a line, as a linter does (the file first); the
            // others say it in one line, the path last.
            if args[0] == "validate" {
                assert!(!lines.is_empty(), "{name}");
                assert!(
                    lines
                        .iter()
                        .all(|l| l.starts_with("error: ") && l.contains(&p))
                );
            } else {
                assert_eq!(lines.len(), 1, "{name}, {}: {stderr}", args[0]);
                assert!(lines[0].starts_with("error: "), "{name}: {stderr}");
                assert!(
                    lines[0].ends_with(&p),
                    "{name}: the path comes last: {stderr}"
                );
            }
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}, {}", args[0]);
            let names: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names.len(), 1, "{name}, {}: {names:?}", args[0]);
        }
    }
}

/// The IKEA example with a second map, `map-42` titled "Tweede kaart", saved in `dir`.
fn two_maps(dir: &Path) -> String {
    let mut project = klantreis::file::load(Path::new(&example("ikea-winkelbezoek.klantreis.ron")))
        .unwrap()
        .project;
    let mut second = klantreis::edit::maps::duplicate(&project.maps[0], "Tweede kaart".to_owned());
    second.id = klantreis::model::MapId(42);
    // Second, before the example's experience map: three maps in all.
    project.maps.insert(1, second);
    let path = dir.join("twee.klantreis.ron");
    klantreis::file::save(&project, &path).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn export_chooses_a_map_by_id_position_or_title_and_all_maps_one_page_each() {
    let dir = tempfile::tempdir().unwrap();
    let project = two_maps(dir.path());
    let md = dir.path().join("m.md");
    let md_arg = md.to_string_lossy().into_owned();
    for query in ["map-42", "42", "2", "Tweede kaart"] {
        let (code, _, stderr) = klantreis(&[
            "export", &project, "--map", query, "--format", "md", "-o", &md_arg,
        ]);
        assert_eq!(code, 0, "{query}: {stderr}");
        let text = std::fs::read_to_string(&md).unwrap();
        assert!(text.contains("Tweede kaart"), "{query}: {text}");
        assert!(!text.contains("Zaterdag naar IKEA"), "{query}");
    }
    // Without --map, the first map.
    let (code, _, _) = klantreis(&["export", &project, "--format", "md", "-o", &md_arg]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("Zaterdag naar IKEA")
    );

    let pdf = dir.path().join("all.pdf");
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let (code, stdout, stderr) = klantreis(&[
        "export", &project, "--map", "all", "--format", "pdf", "-o", &pdf_arg,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("3 pages"), "{stdout}");
    let doc = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 3);

    // A map that is not there is named, and the maps that are, listed.
    let (code, _, stderr) = klantreis(&[
        "export", &project, "--map", "map-43", "--format", "pdf", "-o", &pdf_arg,
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("map-43") && stderr.contains("Tweede kaart"),
        "{stderr}"
    );
}

#[test]
fn a_project_named_without_a_folder_is_cleaned_up_after_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        example("library-reservation.klantreis.ron"),
        dir.path().join("p.klantreis.ron"),
    )
    .unwrap();
    // What a save killed half-way left (no process has this id).
    let stale = dir.path().join(format!(
        ".p.klantreis.ron.klantreis-save-{}-a1b2c3.tmp",
        u32::MAX - 7
    ));
    std::fs::write(&stale, b"half a project").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_klantreis"))
        .args(["fmt", "p.klantreis.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(!stale.exists(), "the stale temporary file is still there");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".klantreis-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn export_prints_the_roadmap_and_the_stakeholder_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("ikea-winkelbezoek.klantreis.ron");
    let pdf = dir
        .path()
        .join("roadmap.pdf")
        .to_string_lossy()
        .into_owned();
    let (code, stdout, stderr) = klantreis(&[
        "export",
        &file,
        "--roadmap",
        "--format",
        "pdf",
        "--paper",
        "A3",
        "-o",
        &pdf,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("7 pages"), "{stdout}");
    let png = dir
        .path()
        .join("stakeholders.png")
        .to_string_lossy()
        .into_owned();
    let (code, stdout, stderr) = klantreis(&[
        "export",
        &file,
        "--stakeholders",
        "--format",
        "png",
        "--paper",
        "A4",
        "--dpi",
        "72",
        "-o",
        &png,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("842 × 595"), "{stdout}");
    // The roadmap is one PDF; a poster of the stakeholder map is no text.
    let (code, _, stderr) =
        klantreis(&["export", &file, "--roadmap", "--format", "svg", "-o", &pdf]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--roadmap"), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "export",
        &file,
        "--stakeholders",
        "--format",
        "md",
        "-o",
        &pdf,
    ]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--stakeholders"), "{stderr}");
}

#[test]
fn import_data_then_refresh_after_the_file_changed() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("w.klantreis.ron");
    std::fs::copy(example("waterschade-claim.klantreis.ron"), &project).unwrap();
    // The example's own data files travel with it, as the project stores them beside itself.
    for csv in ["waterschade-contactcentrum.csv", "waterschade-csat.csv"] {
        std::fs::copy(example(csv), dir.path().join(csv)).unwrap();
    }
    let data = dir.path().join("csat.csv");
    std::fs::write(
        &data,
        "Fase;CSAT;Peildatum\nMelden;3,5;30-09-2026\nUitbetaling;2,0;30-09-2026\nNergens;4;30-09-2026\n",
    )
    .unwrap();
    let p = project.to_str().unwrap();
    let (code, stdout, stderr) = klantreis(&[
        "import-data",
        data.to_str().unwrap(),
        "--into",
        p,
        "--map",
        "1",
        "--name",
        "CSAT",
        "--curve",
        "2",
        "--low",
        "1",
        "--high",
        "5",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("2 values from"), "{stdout}");
    assert!(
        stdout.contains("key \"Fase\", value \"CSAT\", date \"Peildatum\""),
        "{stdout}"
    );
    assert!(stdout.contains("the curve follows the values"), "{stdout}");
    assert!(
        stderr.contains("line 4: \"Nergens\" names no stage or touchpoint of the map"),
        "{stderr}"
    );
    let loaded = klantreis::file::load(&project).unwrap().project;
    let set = loaded.datasets.iter().find(|d| d.name == "CSAT").unwrap();
    assert_eq!(
        set.values.iter().map(|v| v.value).collect::<Vec<_>>(),
        [3.5, 2.0]
    );
    // Stored beside the project, so the two travel together.
    assert_eq!(set.import.as_ref().unwrap().file, "csat.csv");
    let map = &loaded.maps[0];
    assert!(map.lanes.iter().any(|l| l.datasets.contains(&set.id)));
    let curve = &map.curves[1];
    assert_eq!(curve.data.unwrap().dataset, set.id);
    let melden = map.stages.iter().find(|s| s.name == "Melden").unwrap().id;
    let point = curve.points.iter().find(|p| p.stage == melden).unwrap();
    assert!(point.from_data);
    let (min, max) = (map.scale.min(), map.scale.max());
    assert!((point.score - (min + 0.625 * (max - min))).abs() < 1e-9);

    // Nothing changed: nothing to say, and the file stays as it is.
    let before = std::fs::read(&project).unwrap();
    let (code, stdout, _) = klantreis(&["refresh", p]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("\"CSAT\": unchanged (2 values)"),
        "{stdout}"
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);

    // A new export: the change is named, and the curve follows it.
    std::fs::write(
        &data,
        "Fase;CSAT;Peildatum\nMelden;4,5;30-09-2026\nUitbetaling;2,0;30-09-2026\n",
    )
    .unwrap();
    let (code, stdout, stderr) = klantreis(&["refresh", p]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("\"CSAT\": 0 added, 0 removed, 1 changed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Melden · 2026-09-30: 3.5 → 4.5"),
        "{stdout}"
    );
    let loaded = klantreis::file::load(&project).unwrap().project;
    let point = loaded.maps[0].curves[0]
        .points
        .iter()
        .find(|p| p.stage == melden)
        .unwrap();
    assert!((point.score - (min + 0.875 * (max - min))).abs() < 1e-9);

    // The file gone: said, and the project left as it was.
    std::fs::remove_file(&data).unwrap();
    let before = std::fs::read(&project).unwrap();
    let (code, _, stderr) = klantreis(&["refresh", p]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: \"CSAT\": could not read"),
        "{stderr}"
    );
    assert!(stderr.contains("csat.csv"), "{stderr}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[test]
fn import_data_names_what_it_cannot_guess() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("w.klantreis.ron");
    std::fs::copy(example("waterschade-claim.klantreis.ron"), &project).unwrap();
    let data = dir.path().join("raar.csv");
    std::fs::write(&data, "a;b\nx;y\n").unwrap();
    let before = std::fs::read(&project).unwrap();
    let (code, _, stderr) = klantreis(&[
        "import-data",
        data.to_str().unwrap(),
        "--into",
        project.to_str().unwrap(),
        "--map",
        "1",
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("name them with --key and --value"),
        "{stderr}"
    );
    assert!(stderr.contains("\"a\", \"b\""), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "import-data",
        data.to_str().unwrap(),
        "--into",
        project.to_str().unwrap(),
        "--map",
        "9",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no map \"9\""), "{stderr}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[test]
fn export_leaves_quotes_out_or_pseudonymises_them_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("waterschade-claim.klantreis.ron");
    let svg = |quotes: &str| {
        let out = dir.path().join(format!("{quotes}.svg"));
        let (code, _, stderr) = klantreis(&[
            "export",
            &file,
            "--format",
            "svg",
            "--paper",
            "A1",
            "--quotes",
            quotes,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        std::fs::read_to_string(out).unwrap()
    };
    let full = svg("full");
    assert!(full.contains("twintig minuten") && full.contains("huurder, 30-45"));
    let coded = svg("pseudonymised");
    assert!(coded.contains("twintig minuten") && !coded.contains("huurder, 30-45"));
    let none = svg("none");
    assert!(!none.contains("twintig minuten"));
    // The metrics lane is there whatever the quotes.
    assert!(none.contains("Gesprekken contactcentrum"));
}

/// `klantreis actions`: ranked, filtered, in each format; an owner nobody is named with the
/// owners there are.
#[test]
fn actions_are_listed_ranked_filtered_and_as_a_backlog_for_excel() {
    let file = example("waterschade-claim.klantreis.ron");
    let f = file.as_str();
    let (code, stdout, stderr) = klantreis(&["actions", f, "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    let titles: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split("  [").next().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Online schadeformulier",
            "Eigen risico vooraf uitleggen",
            "Planning van de aannemer in de app",
            "Vaste schadebehandelaar per dossier",
            "Expert binnen drie werkdagen",
            "Bewaaradvies bij het ontdekken van schade"
        ]
    );
    assert!(
        stdout.contains(
            "  effect: Online schadeformulier (done April 2026): gesprekken Melden 3,456 → 3,005 (−13 %, target −15 %)"
        ),
        "{stdout}"
    );
    // Filters: an owner (case aside), a status, both.
    let (code, stdout, _) = klantreis(&["actions", f, "--owner", "schadeafdeling"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().filter(|l| !l.starts_with(' ')).count(), 2);
    let (_, stdout, _) = klantreis(&["actions", f, "--status", "done", "--lang", "nl"]);
    assert!(
        stdout.starts_with("Online schadeformulier  [klaar"),
        "{stdout}"
    );
    let (_, stdout, _) = klantreis(&["actions", f, "--status", "dropped"]);
    assert_eq!(stdout.trim(), "Geen acties.");
    // Excel, Dutch: a header and a row per action, split on `;`.
    let (code, csv, _) = klantreis(&["actions", f, "--format", "csv", "--map", "1"]);
    assert_eq!(code, 0);
    assert!(
        csv.starts_with("\u{feff}Id;Actie;Status;Impact;Moeite;"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 7);
    assert_eq!(
        csv.matches("\r\n").count(),
        7,
        "every line ends in CR LF, the last too"
    );
    let (_, json, _) = klantreis(&["actions", f, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["actions"][0]["measured"]["after"]["value"], 3005.0);
    // An owner no action has: refused, with the owners there are.
    let (code, _, stderr) = klantreis(&["actions", f, "--owner", "Marketing"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no action in")
            && stderr.contains("\"Marketing\"")
            && stderr
                .contains("Expertisebureau, Herstelnetwerk, Klantcontactcentrum, Schadeafdeling"),
        "{stderr}"
    );
    let (code, _, stderr) = klantreis(&["actions", f, "--map", "Elders"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no map \"Elders\""), "{stderr}");
}

/// `klantreis export --format brief --owner O`: one A4 page for the department, read back;
/// without an owner, or with one nobody is, refused with the owners there are.
#[test]
fn a_department_brief_is_one_page_for_the_owner_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("waterschade-claim.klantreis.ron");
    let pdf = dir.path().join("brief.pdf").to_string_lossy().into_owned();
    let (code, stdout, stderr) = klantreis(&[
        "export",
        &file,
        "--format",
        "brief",
        "--owner",
        "Klantcontactcentrum",
        "-o",
        &pdf,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("(1 page)"), "{stdout}");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 1);
    let text = doc.extract_text(&pages).unwrap();
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Wat deze klantreis van u vraagt",
        "Klantcontactcentrum",
        "Uw acties",
        "gesprekken Melden 3.456 → 3.005 (−13 %, doel −15 %)",
    ] {
        assert!(words.contains(expected), "{expected:?} in {words}");
    }
    let (code, _, stderr) = klantreis(&["export", &file, "--format", "brief", "-o", &pdf]);
    assert_eq!(code, 1);
    assert!(stderr.contains("name it with --owner"), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "export",
        &file,
        "--format",
        "brief",
        "--owner",
        "Marketing",
        "-o",
        &pdf,
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no department or owner \"Marketing\"")
            && stderr.contains("Expertisebureau"),
        "{stderr}"
    );
}

/// `klantreis export --lens O`: the poster says whose lens it is; an owner nobody is, refused.
#[test]
fn a_poster_with_a_departments_lens_names_the_department() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("waterschade-claim.klantreis.ron");
    let pdf = dir.path().join("lens.pdf").to_string_lossy().into_owned();
    let (code, _, stderr) = klantreis(&[
        "export",
        &file,
        "--format",
        "pdf",
        "--paper",
        "A2",
        "--lens",
        "expertisebureau",
        "-o",
        &pdf,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let words: String = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Afdelingslens: Expertisebureau"), "{words}");
    let (code, _, stderr) = klantreis(&[
        "export",
        &file,
        "--format",
        "pdf",
        "--lens",
        "Marketing",
        "-o",
        &pdf,
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no department or owner \"Marketing\""),
        "{stderr}"
    );
}
