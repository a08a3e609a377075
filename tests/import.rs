//! Importing maps made elsewhere: Mermaid journeys (a diagram file, Markdown with several) and
//! journeys kept in a spreadsheet grid (CSV and XLSX), through the library and the command line.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

use klantreis::import::{self, grid, mermaid};
use klantreis::model::{EmotionScale, LaneKind, Project};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn empty() -> Project {
    Project::default()
}

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

/// A task as compared: its name, score and actors.
type Task = (String, f64, Vec<String>);

/// Stages, tasks with their scores and actors, as a comparable list.
fn shape(project: &Project, imported: &import::Imported) -> Vec<(String, Vec<Task>)> {
    let map = &imported.maps[0];
    let persona = |id| {
        imported
            .personas
            .iter()
            .chain(&project.personas)
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap()
    };
    map.stages
        .iter()
        .map(|s| {
            let tasks = map
                .cards
                .iter()
                .filter(|c| c.stage == s.id)
                .map(|c| {
                    let scoring: Vec<_> = map
                        .curves
                        .iter()
                        .filter_map(|k| {
                            k.points
                                .iter()
                                .find(|p| p.card == Some(c.id))
                                .map(|p| (k, p.score))
                        })
                        .collect();
                    let actors = scoring
                        .iter()
                        .filter_map(|(k, _)| k.persona.map(persona))
                        .collect();
                    (c.title.clone(), scoring[0].1, actors)
                })
                .collect();
            (s.name.clone(), tasks)
        })
        .collect()
}

#[test]
fn every_construct_of_the_journey_grammar_is_read() {
    let text = std::fs::read_to_string(data("alle-constructies.mmd")).unwrap();
    let journeys = mermaid::journeys(&text, false).unwrap().journeys;
    let j = &journeys[0];
    assert_eq!(j.title, "Schade melden bij de verzekeraar");
    assert_eq!(j.acc_title, "Klantreis waterschade");
    assert_eq!(
        j.acc_descr,
        "Hoe een klant een lekkage meldt,\n        van ontdekking tot uitbetaling."
    );
    let names: Vec<&str> = j.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ontdekken", "Melden", "Afhandelen"]);
    let melden = &j.sections[1].tasks;
    assert_eq!(melden[1].name, "Formulier invullen");
    assert!((melden[1].score - 3.0).abs() < 1e-9);
    assert_eq!(melden[1].actors, ["Sanne", "Partner"]);
    assert!(melden[2].actors.is_empty(), "a task without actors");
    assert_eq!(
        j.sections[0].tasks[1].actors,
        ["Sanne"],
        "a # comment ends the data"
    );
    assert_eq!(j.sections[0].tasks[1].line, 15);

    let imported = import::from_journeys(&journeys, &empty());
    let map = &imported.maps[0];
    assert_eq!(map.title, "Schade melden bij de verzekeraar");
    assert!(map.description.starts_with("Hoe een klant"));
    let mut personas: Vec<&str> = imported.personas.iter().map(|p| p.name.as_str()).collect();
    personas.sort_unstable();
    assert_eq!(personas, ["Partner", "Sanne"]);
    assert!(map.lanes.iter().any(|l| l.kind == LaneKind::Touchpoints));
    assert_eq!(map.cards.len(), 7);
    // 6 and 0 are outside 1..5: kept, the scale widened, and the user told so.
    assert_eq!(map.scale, EmotionScale::Custom { min: 0.0, max: 6.0 });
    assert!(
        imported.warnings[0].contains("line 21 (6)"),
        "{:?}",
        imported.warnings
    );
    let mut project = empty();
    let edit = import::into_edit(&project, &imported);
    klantreis::edit::apply(&mut project, edit).unwrap();
    let problems = klantreis::file::validate(&project, &klantreis::model::Limits::default());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn export_then_import_gives_back_the_same_stages_tasks_actors_and_scores() {
    let text = std::fs::read_to_string(data("alle-constructies.mmd")).unwrap();
    let first = import::from_journeys(&mermaid::journeys(&text, false).unwrap().journeys, &empty());
    let mut project = empty();
    let edit = import::into_edit(&project, &first);
    klantreis::edit::apply(&mut project, edit).unwrap();
    let exported = klantreis::export::text::mermaid(&project, &project.maps[0]);
    let again = import::from_journeys(
        &mermaid::journeys(&exported, false).unwrap().journeys,
        &empty(),
    );
    assert_eq!(
        shape(&project, &first),
        shape(&empty(), &again),
        "{exported}"
    );

    // The examples, whose scales are not 1..5: stages and tasks come back, scores on 1..5.
    for name in ["ikea-winkelbezoek", "waterschade-claim"] {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{name}.klantreis.ron"));
        let project = klantreis::file::load(&path).unwrap().project;
        let map = &project.maps[0];
        let exported = klantreis::export::text::mermaid(&project, map);
        let back = import::from_journeys(
            &mermaid::journeys(&exported, false).unwrap().journeys,
            &empty(),
        );
        let stages: Vec<&str> = back.maps[0]
            .stages
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let original: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, original, "{name}");
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
    }
}

#[test]
fn what_mermaid_would_not_accept_is_named_with_its_line() {
    let cases = [
        (
            "journey\n  section A\n    Zonder score\n",
            3,
            "not a title, section or task",
        ),
        (
            "journey\n  section A\n    Taak: veel: Jan\n",
            3,
            "not a number",
        ),
        ("journey\n  section A: 5\n", 2, "section has no score"),
        ("journey\n  title T; meer\n", 2, "';'"),
        ("  graph TD\n", 1, "starts with the word journey"),
        ("journey\n  accDescr {\n  nooit dicht\n", 2, "never closed"),
        (
            "journey\n  section A\n    journey plannen: 3\n",
            3,
            "second one",
        ),
    ];
    for (text, line, words) in cases {
        let problems = mermaid::journeys(text, false).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.line == line && p.message.contains(words)),
            "{text:?}: {problems:?}"
        );
    }
}

#[test]
fn a_markdown_file_gives_a_map_per_journey_block() {
    let text = "# Reizen\n\n```mermaid\njourney\n  title Eerste\n  section A\n    Stap: 5: Jan\n```\n\n\
                ```mermaid\ngraph TD\n  A-->B\n```\n\n~~~ mermaid\njourney\n  title Tweede\n  section B\n    Stap: 2: Piet\n    Fout\n~~~\n";
    // The bad block is left out and named, as Mermaid draws the good ones and not it.
    let read = mermaid::journeys(text, true).unwrap();
    assert_eq!(read.journeys.len(), 1);
    assert_eq!(read.journeys[0].title, "Eerste");
    let lines: Vec<usize> = read.left_out.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [15, 20],
        "lines count in the whole file: {:?}",
        read.left_out
    );
    assert!(
        read.left_out[0].message.contains("left out"),
        "{:?}",
        read.left_out
    );
    let fixed = text.replace("    Fout\n", "");
    let journeys = mermaid::journeys(&fixed, true).unwrap().journeys;
    let titles: Vec<&str> = journeys.iter().map(|j| j.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Eerste", "Tweede"],
        "the graph block is left alone"
    );
    let none = mermaid::journeys("# Geen diagrammen\n", true).unwrap_err();
    assert!(none[0].message.contains("no ```mermaid block"));
}

#[test]
fn importing_mermaid_reuses_the_projects_personas() {
    let mut project = empty();
    project.personas.push(klantreis::model::Persona {
        name: "sanne".into(),
        ..Default::default()
    });
    let text = std::fs::read_to_string(data("alle-constructies.mmd")).unwrap();
    let imported =
        import::from_journeys(&mermaid::journeys(&text, false).unwrap().journeys, &project);
    let names: Vec<&str> = imported.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Partner"],
        "Sanne is the project's own (case aside)"
    );
    assert!(imported.maps[0].personas.contains(&project.personas[0].id));
}

#[test]
fn a_csv_grid_becomes_a_map_with_lane_kinds_guessed_from_dutch_row_names() {
    let table = klantreis::data::read_table(&data("reis-grid.csv"), "").unwrap();
    let g = grid::read(&table, "reis-grid").unwrap();
    assert_eq!(
        g.stages,
        ["Oriënteren", "Aanvragen", "Wachten", "Ontvangen"]
    );
    let kinds: Vec<(&str, LaneKind, bool)> = g
        .lanes
        .iter()
        .map(|l| (l.name.as_str(), l.kind, l.recognised))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Klantactie", LaneKind::CustomerActions, true),
            ("Contactmomenten", LaneKind::Touchpoints, true),
            ("Gedachten", LaneKind::Thoughts, true),
            ("Emotie", LaneKind::Emotions, true),
            ("Pijnpunten", LaneKind::PainPoints, true),
            ("Kansen", LaneKind::Opportunities, true),
            ("Werkwijze", LaneKind::Custom, false),
        ]
    );
    let map = g.to_map(&empty());
    assert_eq!(map.title, "reis-grid");
    let curve = &map.curves[0];
    let scores: Vec<f64> = curve.points.iter().map(|p| p.score).collect();
    assert_eq!(scores, [3.0, 2.0, 1.0, 4.5], "the emotion row is the curve");
    assert_eq!(map.scale, EmotionScale::OneToFive);
    let mail = map.cards.iter().find(|c| c.title == "E-mail").unwrap();
    assert_eq!(mail.body, "met het contract als bijlage");
    assert_eq!(
        map.cards.iter().filter(|c| c.title.is_empty()).count(),
        0,
        "empty cells make no cards"
    );
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, g.stages);

    // The project's first persona is the map's, and the curve's.
    let mut project = empty();
    project.personas.push(klantreis::model::Persona {
        name: "Anna".into(),
        ..klantreis::model::Persona::default()
    });
    let map = g.to_map(&project);
    assert_eq!(map.personas, [project.personas[0].id]);
    assert_eq!(map.curves[0].persona, Some(project.personas[0].id));

    // Figures in a row that is no emotion row are cards; a second emotion row is not a
    // second curve.
    let mut g = g;
    let numbers = vec![
        "1".to_owned(),
        "2".to_owned(),
        "3".to_owned(),
        "4".to_owned(),
    ];
    g.lanes[6].cells.clone_from(&numbers);
    g.lanes[5].cells = numbers;
    g.lanes[5].kind = LaneKind::Emotions;
    let map = g.to_map(&empty());
    assert_eq!(map.curves.len(), 1);
    let werkwijze = map.lanes.iter().find(|l| l.name == "Werkwijze").unwrap().id;
    let titles: Vec<&str> = map
        .cards
        .iter()
        .filter(|c| c.lane == werkwijze)
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(titles, ["1", "2", "3", "4"]);
}

#[test]
fn an_xlsx_grid_reads_like_a_csv_one_and_english_names_are_guessed() {
    let table = klantreis::data::read_table(&data("journey-grid.xlsx"), "").unwrap();
    let g = grid::read(&table, "journey-grid").unwrap();
    assert_eq!(g.stages, ["Awareness", "Purchase", "Use"]);
    let kinds: Vec<LaneKind> = g.lanes.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LaneKind::CustomerActions,
            LaneKind::Touchpoints,
            LaneKind::Emotions,
            LaneKind::PainPoints,
            LaneKind::Opportunities
        ]
    );
    let map = g.to_map(&empty());
    assert_eq!(map.title, "Journey", "the corner cell names the map");
    assert_eq!(map.curves[0].points.len(), 3);
}

#[test]
fn a_table_that_is_no_grid_says_why() {
    let table = klantreis::data::parse_table(b"Naam\nJan\n", Path::new("x.csv"), "").unwrap();
    assert!(
        grid::read(&table, "x")
            .unwrap_err()
            .contains("names no stages")
    );
    let table = klantreis::data::parse_table(b";Fase 1\n;iets\n", Path::new("x.csv"), "").unwrap();
    assert!(grid::read(&table, "x").unwrap_err().contains("line 2"));
}

#[test]
fn klantreis_import_writes_a_project_or_adds_to_one_and_takes_lane_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit.klantreis.ron");
    let (code, stdout, stderr) = klantreis(&[
        "import",
        data("reis-grid.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lane",
        "Werkwijze=backstage",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("4 stages"), "{stdout}");
    let project = klantreis::file::load(&out).unwrap().project;
    assert!(
        project.maps[0]
            .lanes
            .iter()
            .any(|l| l.name == "Werkwijze" && l.kind == LaneKind::Backstage)
    );

    // Again into the same file: refused without --force; --into adds the Mermaid maps.
    let (code, _, stderr) = klantreis(&[
        "import",
        data("reis-grid.csv").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, stderr) = klantreis(&[
        "import",
        data("alle-constructies.mmd").to_str().unwrap(),
        "--into",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("scale"),
        "the widened scale is said: {stderr}"
    );
    assert_eq!(klantreis::file::load(&out).unwrap().project.maps.len(), 2);

    // A broken diagram: the line, and the project file untouched.
    let bad = dir.path().join("kapot.mmd");
    std::fs::write(&bad, "journey\n  section A\n    Geen score\n").unwrap();
    let before = std::fs::read(&out).unwrap();
    let (code, _, stderr) = klantreis(&[
        "import",
        bad.to_str().unwrap(),
        "--into",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("line 3"), "{stderr}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let (code, _, stderr) = klantreis(&[
        "import",
        "plaatje.png",
        "-o",
        dir.path().join("p.klantreis.ron").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains(".png are not imported"), "{stderr}");
}

#[test]
fn hostile_files_are_refused_with_a_reason_before_they_are_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Larger than an import reads: refused on its size (a sparse file, so nothing is written).
    let huge = dir.path().join("groot.mmd");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(import::MAX_TEXT_BYTES + 1).unwrap();
    let e = import::read_mermaid(&huge, &empty()).unwrap_err();
    assert!(matches!(e, import::ImportError::TooLarge { .. }), "{e}");
    // Not text.
    let binary = dir.path().join("binair.mmd");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]).unwrap();
    let e = import::read_mermaid(&binary, &empty()).unwrap_err();
    assert!(e.to_string().contains("not text"), "{e}");
    // Tens of thousands of lines of nonsense: every line named, quickly, no panic.
    let noise = "journey\n".to_owned() + &"  ;;; ::: ###\n".repeat(50_000);
    let problems = mermaid::journeys(&noise, false).unwrap_err();
    assert_eq!(problems.len(), 50_000);
    // A task line of a megabyte is read as a task.
    let long = format!(
        "journey\n  section A\n    {}: 3: Jan\n",
        "x".repeat(1 << 20)
    );
    let j = mermaid::journeys(&long, false).unwrap().journeys;
    assert_eq!(j[0].sections[0].tasks[0].name.len(), 1 << 20);
    // ... but a card title that long is more than a file holds: the import is refused, saying
    // where, rather than leaving a project that cannot be saved.
    let imported = import::from_journeys(&j, &empty());
    let why = import::checked(&empty(), &imported).unwrap_err();
    assert!(why.contains("title"), "{why}");
    // A file with a byte-order mark and Windows line ends, as Notepad writes it.
    let bom = "\u{feff}journey\r\n  title Met BOM\r\n  section A\r\n    Taak: 4: Jan\r\n";
    let imported = import::mermaid_bytes(bom.as_bytes(), "bom.mmd", false, &empty()).unwrap();
    assert_eq!(imported.maps[0].title, "Met BOM");
    assert_eq!(imported.maps[0].cards[0].title, "Taak");
}
