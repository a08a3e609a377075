//! Keeping maps current and sharing them: snapshots, comparison (library and `klantreis diff`),
//! three-way merge (library, `klantreis merge`, and git with the merge driver configured).

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};
use std::process::Command;

use klantreis::compare::{self, Kind, Version};
use klantreis::edit::{self, sharing};
use klantreis::file;
use klantreis::merge;
use klantreis::model::{Card, Project, Side, Stage};

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/waterschade-claim.klantreis.ron")
}

fn example() -> Project {
    file::load(&example_path()).unwrap().project
}

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

fn valid(project: &Project) {
    let problems = file::validate(project, &klantreis::model::Limits::default());
    assert!(problems.is_empty(), "{problems:?}");
}

/// The example with a snapshot of its first map taken, and the snapshot's id.
fn with_snapshot(label: &str) -> (Project, klantreis::model::SnapshotId) {
    let mut project = example();
    let map = project.maps[0].id;
    let take = sharing::take(&project, map, label, klantreis::model::time::now_rfc3339()).unwrap();
    edit::apply_tidy(&mut project, take).unwrap();
    let id = project.snapshots.last().unwrap().id;
    (project, id)
}

#[test]
fn a_snapshot_is_kept_in_the_file_and_restored_as_one_undoable_step() {
    let (mut project, id) = with_snapshot("Q1 2026 as-is");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    file::save(&project, &path).unwrap();
    let back = file::load(&path).unwrap().project;
    assert_eq!(back.snapshots, project.snapshots);
    let taken = back.snapshot(id).unwrap();
    assert_eq!(taken.label, "Q1 2026 as-is");
    assert_eq!(taken.map, project.maps[0]);
    assert!(!taken.datasets.is_empty(), "the map's data sets go along");

    // Change the map, then restore the snapshot: the map is as it was; undo brings the change back.
    let map = project.maps[0].id;
    let card = project.maps[0].cards[0].clone();
    let removed = edit::apply_tidy(
        &mut project,
        edit::Edit::SetCard {
            map,
            id: card.id,
            value: None,
            at: 0,
        },
    )
    .unwrap();
    let _ = removed;
    let changed = project.maps[0].clone();
    let restore = sharing::restore(&project, id).unwrap();
    let undo = edit::apply_tidy(&mut project, restore).unwrap();
    assert_eq!(project.maps[0], project.snapshot(id).unwrap().map);
    valid(&project);
    edit::apply(&mut project, undo).unwrap();
    assert_eq!(project.maps[0], changed);
}

#[test]
fn restoring_leaves_out_what_the_project_no_longer_has() {
    let (mut project, id) = with_snapshot("voor");
    let persona = project.maps[0].personas[0];
    project.personas.retain(|p| p.id != persona);
    for m in &mut project.maps {
        m.personas.retain(|p| *p != persona);
        for c in &mut m.curves {
            if c.persona == Some(persona) {
                c.persona = None;
            }
        }
    }
    valid(&project);
    let restore = sharing::restore(&project, id).unwrap();
    edit::apply_tidy(&mut project, restore).unwrap();
    valid(&project);
}

#[test]
fn the_comparison_names_cards_added_removed_moved_and_changed_and_curve_and_metric_changes() {
    let (mut project, id) = with_snapshot("Q1");
    let map = &mut project.maps[0];
    let stage0 = map.stages[0].id;
    let stage1 = map.stages[1].id;
    let lane = map.cards[0].lane;
    // Added.
    map.cards.push(Card {
        lane,
        stage: stage0,
        title: "Chat met een medewerker".into(),
        ..Card::default()
    });
    // Removed, moved, changed.
    let removed = map.cards.remove(1).title;
    let moved_id = map.cards[1].id;
    map.cards[1].stage = stage1;
    let changed_id = map.cards[2].id;
    map.cards[2].body = "Nieuwe tekst".into();
    // A curve point moved.
    let curve = map
        .curves
        .iter_mut()
        .find(|c| !c.points.is_empty())
        .unwrap();
    let point_stage = curve.points[0].stage;
    curve.points[0].score = if curve.points[0].score > 0.0 {
        -2.0
    } else {
        2.0
    };
    // A metric changed in the newer version.
    let dataset = project
        .datasets
        .iter_mut()
        .find(|d| d.map == Some(project.maps[0].id))
        .unwrap();
    let metric_stage = dataset.values.iter().find_map(|v| v.stage).unwrap();
    for v in dataset
        .values
        .iter_mut()
        .filter(|v| v.stage == Some(metric_stage))
    {
        v.value += 1000.0;
    }
    let snapshot = project.snapshot(id).unwrap();
    let map = &project.maps[0];
    let d = compare::diff(
        &project,
        Version::snapshot(snapshot),
        Version::current(&project, map, "nu"),
    );
    let kind_of = |id| d.card(id).map(|c| c.kind);
    assert_eq!(
        d.cards
            .iter()
            .find(|c| c.title == "Chat met een medewerker")
            .map(|c| c.kind),
        Some(Kind::Added)
    );
    assert!(
        d.cards
            .iter()
            .any(|c| c.kind == Kind::Removed && c.title == removed)
    );
    assert_eq!(kind_of(moved_id), Some(Kind::Moved));
    assert_eq!(kind_of(changed_id), Some(Kind::Changed));
    let changed = d.card(changed_id).unwrap();
    assert_eq!(changed.fields[0].field, "body");
    assert_eq!(changed.fields[0].after, "Nieuwe tekst");
    assert!(
        d.curves
            .iter()
            .any(|c| c.stages.iter().any(|s| s.stage == point_stage)),
        "{:?}",
        d.curves
    );
    let stage_name = &map.stage(metric_stage).unwrap().name;
    assert!(
        d.metrics
            .iter()
            .any(|m| &m.stage == stage_name
                && (m.after.unwrap() - m.before.unwrap()).abs() >= 1000.0),
        "{:?}",
        d.metrics
    );
    // A snapshot against itself: nothing.
    let same = compare::diff(
        &project,
        Version::snapshot(snapshot),
        Version::snapshot(snapshot),
    );
    assert!(same.is_empty());
}

#[test]
fn klantreis_diff_prints_text_and_json_with_diffs_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    std::fs::copy(example_path(), &path).unwrap();
    let p = path.to_str().unwrap();
    let (code, out, err) = klantreis(&["snapshot", p, "--label", "Q1 2026 as-is"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Q1 2026 as-is"), "{out}");
    let (code, out, _) = klantreis(&["diff", p, "--from", "Q1 2026 as-is"]);
    assert_eq!(code, 0, "nothing changed yet: {out}");
    assert!(out.contains("no changes"), "{out}");

    let mut project = file::load(&path).unwrap().project;
    let title = project.maps[0].cards[0].title.clone();
    project.maps[0].cards[0].title = "Melding via de app".into();
    file::save(&project, &path).unwrap();
    let (code, out, err) = klantreis(&["diff", p, "--map", "1", "--from", "2"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("1 changed"), "{out}");
    assert!(
        out.contains(&format!("title: {title:?} → \"Melding via de app\"")),
        "{out}"
    );

    let (code, out, _) = klantreis(&["diff", p, "--from", "Q1 2026 as-is", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["cards"][0]["kind"], "changed");
    assert_eq!(json["cards"][0]["title"], "Melding via de app");
    assert_eq!(json["from"], "Q1 2026 as-is");

    // Two snapshots.
    let (code, _, _) = klantreis(&["snapshot", p, "--label", "Q2"]);
    assert_eq!(code, 0);
    let (code, out, _) = klantreis(&["diff", p, "--from", "Q1 2026 as-is", "--to", "Q2"]);
    assert_eq!(code, 1);
    assert!(out.contains("Q1 2026 as-is → Q2"), "{out}");

    // Two project files.
    let (code, out, _) = klantreis(&["diff", example_path().to_str().unwrap(), p]);
    assert_eq!(code, 1);
    assert!(out.contains("Melding via de app"), "{out}");

    // A snapshot that does not exist: says which there are, exits 2.
    let (code, _, err) = klantreis(&["diff", p, "--from", "Q9"]);
    assert_eq!(code, 2);
    assert!(err.contains("Q1 2026 as-is") && err.contains("Q2"), "{err}");
}

/// Base, ours and theirs as files in `dir`.
fn three(dir: &Path, ours: &Project, theirs: &Project) -> [PathBuf; 3] {
    let paths = ["base", "ours", "theirs"].map(|n| dir.join(format!("{n}.klantreis.ron")));
    file::save(&example(), &paths[0]).unwrap();
    file::save(ours, &paths[1]).unwrap();
    file::save(theirs, &paths[2]).unwrap();
    paths
}

#[test]
fn edits_to_different_things_merge_cleanly() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].title = "Ons".into();
    ours.maps[0].stages.push(Stage {
        name: "Nazorg".into(),
        ..Stage::default()
    });
    theirs.maps[0].cards[1].body = "Hun tekst".into();
    theirs.personas[0].role = "Huurder".into();
    let point = &mut theirs.maps[0].curves[0].points[0];
    point.score = -1.0;
    theirs.maps[0].cards.push(Card {
        lane: base.maps[0].lanes[0].id,
        stage: base.maps[0].stages[0].id,
        title: "Hun kaart".into(),
        ..Card::default()
    });
    let merged = merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    let m = &merged.project.maps[0];
    assert_eq!(m.cards[0].title, "Ons");
    assert_eq!(m.cards[1].body, "Hun tekst");
    assert!(m.cards.iter().any(|c| c.title == "Hun kaart"));
    assert_eq!(m.stages.last().unwrap().name, "Nazorg");
    assert_eq!(merged.project.personas[0].role, "Huurder");
    assert!((m.curves[0].points[0].score + 1.0).abs() < 1e-9);
    valid(&merged.project);

    // Through the command line: exit 0, the output opens.
    let dir = tempfile::tempdir().unwrap();
    let [b, o, t] = three(dir.path(), &ours, &theirs);
    let out = dir.path().join("out.klantreis.ron");
    let (code, stdout, stderr) = klantreis(&[
        "merge",
        b.to_str().unwrap(),
        o.to_str().unwrap(),
        t.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let written = file::load(&out).unwrap().project;
    assert_eq!(written.maps, merged.project.maps);
}

#[test]
fn a_field_changed_two_ways_is_a_conflict_settled_by_the_preferred_side() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].title = "Ons".into();
    theirs.maps[0].cards[0].title = "Hun".into();
    let merged = merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 1);
    let c = &merged.project.conflicts[0];
    assert!(c.path.ends_with("/title"), "{}", c.path);
    assert!(c.place.contains("cards"), "{}", c.place);
    assert_eq!(c.ours, "\"Ons\"");
    assert_eq!(c.theirs, "\"Hun\"");
    assert_eq!(merged.project.maps[0].cards[0].title, "Ons");
    valid(&merged.project);

    let theirs_won = merge::merge(&base, &ours, &theirs, Side::Theirs).unwrap();
    assert_eq!(theirs_won.project.maps[0].cards[0].title, "Hun");

    // The user picks theirs in the app: one edit, undoable; the conflict says what was taken.
    let mut project = merged.project.clone();
    let pick = merge::settle(&project, 0, Side::Theirs).unwrap();
    let undo = edit::apply_tidy(&mut project, pick).unwrap();
    assert_eq!(project.maps[0].cards[0].title, "Hun");
    assert_eq!(project.conflicts[0].taken, Side::Theirs);
    valid(&project);
    edit::apply(&mut project, undo).unwrap();
    assert_eq!(project, merged.project);

    // On the command line: exit 1 (git: still conflicted), the output valid, the conflict listed.
    let dir = tempfile::tempdir().unwrap();
    let [b, o, t] = three(dir.path(), &ours, &theirs);
    let out = dir.path().join("out.klantreis.ron");
    let args = |prefer: &'static str| {
        vec![
            "merge".to_owned(),
            b.display().to_string(),
            o.display().to_string(),
            t.display().to_string(),
            "-o".to_owned(),
            out.display().to_string(),
            "--prefer".to_owned(),
            prefer.to_owned(),
        ]
    };
    let run = |a: Vec<String>| klantreis(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let (code, _, stderr) = run(args("ours"));
    assert_eq!(code, 1);
    assert!(stderr.contains("1 conflict settled as ours"), "{stderr}");
    assert!(stderr.contains("ours “Ons” | theirs “Hun”"), "{stderr}");
    assert_eq!(file::load(&out).unwrap().project.conflicts.len(), 1);
    let (code, _, _) = run(args("theirs"));
    assert_eq!(code, 1);
    assert_eq!(
        file::load(&out).unwrap().project.maps[0].cards[0].title,
        "Hun"
    );
}

#[test]
fn a_card_edited_on_one_side_and_deleted_on_the_other_is_a_conflict() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let id = base.maps[0].cards[3].id;
    ours.maps[0].cards[3].title = "Bijgewerkt".into();
    theirs.maps[0].cards.retain(|c| c.id != id);
    theirs.maps[0]
        .connectors
        .retain(|c| c.from != id && c.to != id);
    for curve in &mut theirs.maps[0].curves {
        for p in &mut curve.points {
            if p.card == Some(id) {
                p.card = None;
            }
        }
    }
    let kept = merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert!(
        kept.project.conflicts.iter().any(|c| c.theirs == "null"),
        "{:?}",
        kept.project.conflicts
    );
    assert!(kept.project.maps[0].card(id).is_some());
    valid(&kept.project);
    let gone = merge::merge(&base, &ours, &theirs, Side::Theirs).unwrap();
    assert!(gone.project.maps[0].card(id).is_none());
    valid(&gone.project);
}

#[test]
fn a_stage_deleted_on_one_side_stays_when_the_other_put_a_card_in_it() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let stage = base.maps[0].stages.last().unwrap().id;
    // Theirs deletes the last stage with everything in it.
    let map = &mut theirs.maps[0];
    let doomed: Vec<_> = map
        .cards
        .iter()
        .filter(|c| c.stage == stage)
        .map(|c| c.id)
        .collect();
    map.stages.retain(|s| s.id != stage);
    map.cards.retain(|c| c.stage != stage);
    map.connectors
        .retain(|c| !doomed.contains(&c.from) && !doomed.contains(&c.to));
    for c in &mut map.curves {
        c.points.retain(|p| p.stage != stage);
    }
    if let Some(fix) = edit::data::tidy(&theirs) {
        edit::apply(&mut theirs, fix).unwrap();
    }
    if let Some(fix) = edit::actions::tidy(&theirs) {
        edit::apply(&mut theirs, fix).unwrap();
    }
    valid(&theirs);
    // Ours adds a card to it.
    ours.maps[0].cards.push(Card {
        lane: base.maps[0].lanes[0].id,
        stage,
        title: "Nieuw in de laatste fase".into(),
        ..Card::default()
    });
    let merged = merge::merge(&base, &ours, &theirs, Side::Theirs).unwrap();
    valid(&merged.project);
    assert!(
        merged.project.maps[0].stage(stage).is_some(),
        "the stage is kept"
    );
    assert!(
        merged.kept.iter().any(|k| k.contains("stage")),
        "{:?}",
        merged.kept
    );
    assert!(
        merged.project.maps[0]
            .cards
            .iter()
            .any(|c| c.title == "Nieuw in de laatste fase")
    );
}

#[test]
fn merge_refuses_what_is_not_a_project_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = example_path();
    let bad = dir.path().join("bad.klantreis.ron");
    std::fs::write(&bad, "(format: (1, 2), project: (maps: [").unwrap();
    let out = dir.path().join("out.klantreis.ron");
    std::fs::write(&out, "precious").unwrap();
    let (code, _, stderr) = klantreis(&[
        "merge",
        good.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("bad.klantreis.ron"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
}

fn git(dir: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git is needed for this test (CI clones with it)");
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

/// A repository with the driver configured as the README says, a project committed, and two
/// branches that edit it.
fn repo_with_branches(ours: &Project, theirs: &Project) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bin = env!("CARGO_BIN_EXE_klantreis");
    for args in [
        vec!["init", "-q", "-b", "main"],
        vec!["config", "merge.klantreis.name", "Klantreis project merge"],
        vec![
            "config",
            "merge.klantreis.driver",
            &format!("{bin} merge %O %A %B -o %A --name %P"),
        ],
    ] {
        assert!(git(d, &args).0);
    }
    std::fs::write(
        d.join(".gitattributes"),
        "*.klantreis.ron merge=klantreis\n",
    )
    .unwrap();
    // Written as a user's editor leaves them in a repository (backups are not committed).
    let save = |p: &Project| file::save_without_backup(p, &d.join("reis.klantreis.ron")).unwrap();
    save(&example());
    assert!(git(d, &["add", "."]).0);
    assert!(git(d, &["commit", "-q", "-m", "base"]).0);
    assert!(git(d, &["checkout", "-q", "-b", "theirs"]).0);
    save(theirs);
    assert!(git(d, &["commit", "-q", "-am", "theirs"]).0);
    assert!(git(d, &["checkout", "-q", "main"]).0);
    save(ours);
    assert!(git(d, &["commit", "-q", "-am", "ours"]).0);
    dir
}

#[test]
fn git_merges_project_files_through_the_driver() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].title = "Ons".into();
    theirs.maps[0].cards[1].title = "Hun".into();
    let dir = repo_with_branches(&ours, &theirs);
    let (ok, said) = git(dir.path(), &["merge", "-q", "--no-edit", "theirs"]);
    assert!(ok, "{said}");
    let merged = file::load(&dir.path().join("reis.klantreis.ron"))
        .unwrap()
        .project;
    assert_eq!(merged.maps[0].cards[0].title, "Ons");
    assert_eq!(merged.maps[0].cards[1].title, "Hun");
    assert!(merged.conflicts.is_empty());
    // The driver leaves nothing behind in the work tree (no backup of git's temporary file).
    let (_, status) = git(
        dir.path(),
        &["status", "--porcelain", "--untracked-files=all"],
    );
    assert_eq!(status.trim(), "", "{status}");
}

#[test]
fn git_stops_on_a_conflict_and_leaves_a_file_that_opens_with_it_listed() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].title = "Ons".into();
    theirs.maps[0].cards[0].title = "Hun".into();
    let dir = repo_with_branches(&ours, &theirs);
    let (ok, said) = git(dir.path(), &["merge", "-q", "--no-edit", "theirs"]);
    assert!(!ok, "git must stop: {said}");
    assert!(said.contains("reis.klantreis.ron"), "{said}");
    // The driver names the user's file, not git's temporary copy, and words the values.
    assert!(
        said.contains("open reis.klantreis.ron in Klantreis"),
        "{said}"
    );
    assert!(!said.contains(".merge_file_"), "{said}");
    assert!(said.contains("ours “Ons” | theirs “Hun”"), "{said}");
    let merged = file::load(&dir.path().join("reis.klantreis.ron"))
        .unwrap()
        .project;
    assert_eq!(merged.maps[0].cards[0].title, "Ons");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].theirs, "\"Hun\"");
}

#[test]
fn a_reorder_on_one_side_is_kept_and_what_the_other_added_lands_after_what_it_followed() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Theirs moves the last stage to the front.
    let last = theirs.maps[0].stages.pop().unwrap();
    theirs.maps[0].stages.insert(0, last);
    // Ours adds a stage after the second one.
    let after = base.maps[0].stages[1].id;
    let added = Stage {
        name: "Tussenstap".into(),
        ..Stage::default()
    };
    ours.maps[0].stages.insert(2, added.clone());
    let merged = merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0);
    let ids: Vec<_> = merged.project.maps[0].stages.iter().map(|s| s.id).collect();
    let theirs_ids: Vec<_> = theirs.maps[0].stages.iter().map(|s| s.id).collect();
    assert_eq!(ids[0], theirs_ids[0], "their reorder is kept");
    let at = ids.iter().position(|id| *id == added.id).unwrap();
    assert_eq!(ids[at - 1], after, "ours lands after the stage it followed");
    assert_eq!(ids.len(), base.maps[0].stages.len() + 1);
    valid(&merged.project);
}

#[test]
fn links_and_tags_merge_as_sets() {
    let mut base = example();
    base.maps[0].cards[0].tags.clear();
    base.maps[0].cards[0].evidence.clear();
    base.maps[0].cards[1].tags = vec!["snel".into()];
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Evidence lists are left out of the file while empty: both sides start one.
    let (a, b) = (base.evidence[0].id, base.evidence[1].id);
    ours.maps[0].cards[0].evidence.push(a);
    theirs.maps[0].cards[0].evidence.push(b);
    // And each side tags another card differently, one removing a tag the other kept.
    ours.maps[0].cards[1].tags = vec!["snel".into(), "online".into()];
    theirs.maps[0].cards[1].tags = vec!["telefoon".into()];
    let merged = merge::merge(&base, &ours, &theirs, Side::Ours).unwrap();
    // Links and tags are sets: both additions are kept, a removal goes.
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    assert_eq!(merged.project.maps[0].cards[0].evidence, [a, b]);
    assert_eq!(merged.project.maps[0].cards[1].tags, ["online", "telefoon"]);
    valid(&merged.project);
}
