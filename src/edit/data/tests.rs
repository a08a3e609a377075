//! Importing, re-importing and deleting data sets; where a data file is stored and found.

use super::paths::relative;
use super::*;
use crate::model::{Evidence, Respondent};

#[test]
fn deleting_a_stage_or_a_map_never_leaves_data_the_file_refuses() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    let valid = |p: &Project| crate::file::validate(p, &crate::model::Limits::default());
    let before = p.clone();
    let mut history = crate::edit::History::default();
    // The stage "Melden" goes, with its cards: its values go too, in the same step.
    let map = &p.maps[0];
    let melden = map.stages.iter().find(|s| s.name == "Melden").unwrap().id;
    let edit = crate::edit::ops::delete_stage(map, melden);
    history.apply(&mut p, "stage weg", edit).unwrap();
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    assert!(
        p.datasets
            .iter()
            .all(|d| d.values.iter().all(|v| v.stage != Some(melden)))
    );
    // One undo brings the stage and its values back.
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);
    // A data set and a quote go: the lane, the curve and the links let go of them.
    let set = p.datasets[0].id;
    let quote = p.evidence[0].id;
    let both = Edit::Batch(vec![delete_dataset(&p, set), delete_evidence(&p, quote)]);
    history.apply(&mut p, "weg", both).unwrap();
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    assert!(p.maps[0].lanes.iter().all(|l| !l.datasets.contains(&set)));
    assert!(p.maps[0].cards.iter().all(|c| !c.evidence.contains(&quote)));
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);
    // The map goes: its data sets go with it.
    let id = p.maps[0].id;
    history
        .apply(
            &mut p,
            "kaart weg",
            Edit::SetMap {
                id,
                index: 0,
                value: None,
            },
        )
        .unwrap();
    assert!(p.datasets.is_empty());
    assert!(valid(&p).is_empty(), "{:?}", valid(&p));
    history.undo(&mut p).unwrap();
    assert_eq!(p, before);
}

#[test]
fn a_data_set_read_again_into_a_map_without_a_metrics_lane_is_shown_once() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    p.maps[0].lanes.retain(|l| l.kind != LaneKind::Metrics);
    let first = p.datasets[0].clone();
    let put = put_dataset(&p, first.clone()).unwrap();
    crate::edit::apply(&mut p, put.edit).unwrap();
    let lane = p.maps[0]
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Metrics)
        .unwrap();
    // Every data set of the map, each once, in the project's order.
    let ids: Vec<_> = p.datasets.iter().map(|d| d.id).collect();
    assert_eq!(lane.datasets, ids);
}

#[test]
fn a_renamed_respondent_keeps_its_evidence() {
    let mut p = Project {
        respondents: vec![Respondent::coded("R1"), Respondent::coded("R2")],
        evidence: vec![Evidence {
            respondents: vec!["R2".to_owned()],
            respondent_count: 1,
            ..Evidence::default()
        }],
        ..Project::default()
    };
    let list = vec![Respondent::coded("R1"), Respondent::coded("R02")];
    let edit = set_register(&p, list);
    let undo = crate::edit::apply(&mut p, edit).unwrap();
    assert_eq!(p.evidence[0].respondents, ["R02"]);
    assert!(crate::file::validate(&p, &crate::model::Limits::default()).is_empty());
    crate::edit::apply(&mut p, undo).unwrap();
    assert_eq!(p.evidence[0].respondents, ["R2"]);
    assert_eq!(p.respondents[1].code, "R2");
}

#[test]
fn a_recipes_file_is_found_from_the_projects_folder_unless_it_is_absolute() {
    let project = std::path::Path::new("/werk/klant/reis.klantreis.ron");
    assert_eq!(
        resolve(Some(project), "data/gesprekken.csv"),
        std::path::Path::new("/werk/klant/data/gesprekken.csv")
    );
    assert_eq!(
        resolve(Some(project), "/elders/gesprekken.csv"),
        std::path::Path::new("/elders/gesprekken.csv")
    );
    assert_eq!(
        resolve(None, "gesprekken.csv"),
        std::path::Path::new("gesprekken.csv")
    );
}

/// Where a recipe stores a data file: beside or below the project as a relative path (with
/// `..` where it lies beside the project's folder), absolute without a project.
#[test]
fn a_data_file_is_stored_relative_to_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let project = root.join("klant/reis.klantreis.ron");
    let stored_at = |data: &str| stored(Some(&project), &root.join(data));
    assert_eq!(stored_at("klant/gesprekken.csv"), "gesprekken.csv");
    assert_eq!(
        stored_at("klant/data/gesprekken.csv"),
        "data/gesprekken.csv"
    );
    assert_eq!(stored_at("data/gesprekken.csv"), "../data/gesprekken.csv");
    assert_eq!(
        stored_at("klant/./data/../gesprekken.csv"),
        "gesprekken.csv"
    );
    let absolute = root.join("gesprekken.csv");
    assert_eq!(
        stored(None, &absolute),
        absolute.to_string_lossy().into_owned()
    );
    // From a folder to itself: nothing but the name.
    assert_eq!(
        relative(Path::new("/a/b"), Path::new("/a/b/c.csv")),
        Some(std::path::PathBuf::from("c.csv"))
    );
    assert_eq!(
        relative(Path::new("/a/b/../x"), Path::new("/a/x/c.csv")),
        Some(std::path::PathBuf::from("c.csv"))
    );
}

/// A recipe's file is read where it says; when it is missing there, or lies outside the
/// project's folder, a file of its name beside the project is read instead and said.
#[test]
fn a_data_file_missing_where_the_recipe_says_is_found_beside_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("klant/data")).unwrap();
    let project = root.join("klant/reis.klantreis.ron");
    std::fs::write(root.join("klant/data/gesprekken.csv"), "a;b\n").unwrap();
    // Where it says: read there, nothing said.
    let (path, beside) = locate(Some(&project), "data/gesprekken.csv");
    assert_eq!(path, root.join("klant/data/gesprekken.csv"));
    assert_eq!(beside, None);
    // Missing there, but beside the project: read beside it, and said.
    std::fs::write(root.join("klant/elders.csv"), "a;b\n").unwrap();
    let (path, beside) = locate(Some(&project), "verhuisd/elders.csv");
    assert!(path.ends_with("klant/elders.csv"), "{}", path.display());
    assert_eq!(
        beside.map(|b| b.stored),
        Some(root.join("klant/verhuisd/elders.csv"))
    );
    // Outside the project's folder (an absolute path, or `..`), though it exists: the one
    // beside the project wins, and it is said.
    std::fs::write(root.join("elders.csv"), "x;y\n").unwrap();
    for file in [
        "../elders.csv".to_owned(),
        root.join("elders.csv").to_string_lossy().into_owned(),
    ] {
        let (path, beside) = locate(Some(&project), &file);
        assert!(
            path.ends_with("klant/elders.csv"),
            "{file}: {}",
            path.display()
        );
        assert!(beside.is_some(), "{file}");
    }
    // A Windows path's name is found too.
    let (path, beside) = locate(Some(&project), "C:\\Users\\els\\elders.csv");
    assert!(path.ends_with("klant/elders.csv") && beside.is_some());
    // Nothing beside: where the recipe says, even if missing.
    let (path, beside) = locate(Some(&project), "weg/nergens.csv");
    assert_eq!((path, beside), (root.join("klant/weg/nergens.csv"), None));
    // The same file by two names is no move.
    let (_, beside) = locate(Some(&project), "../klant/elders.csv");
    assert_eq!(beside, None);
}

/// Save As elsewhere: every recipe's file is stored relative to the new place; nothing
/// changes when the project stays where it was.
#[test]
fn saving_the_project_elsewhere_rebases_its_data_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let from = root.join("klant/reis.klantreis.ron");
    let to = root.join("archief/2026/reis.klantreis.ron");
    let mut p = Project::default();
    for file in ["gesprekken.csv", "data/csat.xlsx"] {
        p.datasets.push(Dataset {
            import: Some(crate::model::DataImport {
                file: file.to_owned(),
                ..crate::model::DataImport::default()
            }),
            ..Dataset::default()
        });
    }
    p.datasets.push(Dataset::default());
    let edit = rebased(&p, Some(&from), &to).unwrap();
    crate::edit::apply(&mut p, edit).unwrap();
    let files: Vec<String> = p
        .datasets
        .iter()
        .filter_map(|d| d.import.as_ref().map(|r| r.file.clone()))
        .collect();
    assert_eq!(
        files,
        ["../../klant/gesprekken.csv", "../../klant/data/csat.xlsx"]
    );
    assert_eq!(rebased(&p, Some(&to), &to), None);
}
