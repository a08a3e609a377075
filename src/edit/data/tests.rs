//! Importing, re-importing and deleting data sets; where a data file is stored and found.

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
