//! A colleague's save, made underneath the open app (a shared drive, a sync folder): without
//! local edits the project reloads as one undo step; with them the two are merged and a
//! conflict listed; a save merges first; a file that cannot be read is never saved over.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::model::{Comment, CommentId, Project, Reply, Target};
use klantreis::ui::KlantreisApp;
use klantreis::ui::dialogs::ScriptedDialogs;
use support::app::{build, click, example, type_over};

const CARD: &str = "Online schadeformulier";

/// The example saved as `dir/p.klantreis.ron`, with a comment on `CARD`.
fn project_file(dir: &Path) -> PathBuf {
    let mut p = klantreis::file::load(&example("waterschade-claim.klantreis.ron"))
        .unwrap()
        .project;
    let map = &p.maps[0];
    let card = map.cards.iter().find(|c| c.title == CARD).unwrap().id;
    p.comments.push(Comment {
        id: CommentId(4242),
        map: map.id,
        on: Target::Card(card),
        context: CARD.into(),
        author: "Noor".into(),
        written: "2026-12-04T09:15:00Z".into(),
        text: "Wie belt terug?".into(),
        ..Comment::default()
    });
    let path = dir.join("p.klantreis.ron");
    klantreis::file::save(&p, &path).unwrap();
    path
}

fn open(dir: &Path, path: &Path) -> Harness<'static, KlantreisApp> {
    let mut h = build(
        Some(Language::English),
        Some(path.to_path_buf()),
        dir,
        ScriptedDialogs::default(),
        false,
    );
    h.run();
    h
}

/// What a colleague does: load the file, change it, save it (atomically, as the app does).
fn colleague_saves(path: &Path, change: impl FnOnce(&mut Project)) {
    let mut p = klantreis::file::load(path).unwrap().project;
    change(&mut p);
    klantreis::file::save(&p, path).unwrap();
}

fn rename_card(p: &mut Project, to: &str) {
    let card = p.maps[0]
        .cards
        .iter_mut()
        .find(|c| c.title == CARD)
        .unwrap();
    card.title = to.into();
}

fn card_titled(h: &Harness<'_, KlantreisApp>, title: &str) -> bool {
    h.state().project().maps[0]
        .cards
        .iter()
        .any(|c| c.title == title)
}

/// Steps the app until `label` shows (the watcher's thread has seen the change), at most 10 s.
fn until_shown(h: &mut Harness<'_, KlantreisApp>, label: &str) {
    let start = Instant::now();
    while h.query_by_label_contains(label).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{label:?} did not show within 10 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn without_local_edits_a_colleagues_save_reloads_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_file(dir.path());
    let mut h = open(dir.path(), &path);
    colleague_saves(&path, |p| rename_card(p, "Webformulier"));
    until_shown(&mut h, "is reloaded");
    assert!(card_titled(&h, "Webformulier"));
    assert!(
        !h.state().document().is_dirty(),
        "it is what the file holds"
    );
    // Undo brings back the version this window had.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(card_titled(&h, CARD));
    assert!(h.state().document().is_dirty());
}

#[test]
fn with_local_edits_a_colleagues_save_is_merged_and_a_conflict_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_file(dir.path());
    let mut h = open(dir.path(), &path);
    // Here: a reply to the comment.
    click(&mut h, "Comments (1)");
    h.get_by_label("Your name").focus();
    h.run();
    type_over(&mut h, "Sanne");
    h.get_by_label("Your reply").focus();
    h.run();
    type_over(&mut h, "Het contactcentrum");
    click(&mut h, "Reply");
    assert!(h.state().document().is_dirty());
    // There: the card renamed, and another reply to the same comment.
    colleague_saves(&path, |p| {
        rename_card(p, "Webformulier");
        p.comments[0].replies.push(Reply {
            author: "Piet".into(),
            text: "De schadeafdeling".into(),
            ..Reply::default()
        });
    });
    until_shown(&mut h, "changed on disk:");
    let project = h.state().project().clone();
    assert!(card_titled(&h, "Webformulier"), "their change came in");
    let replies: Vec<&str> = project.comments[0]
        .replies
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(replies, ["Het contactcentrum"], "the conflict keeps ours");
    assert_eq!(project.conflicts.len(), 1);
    assert!(project.conflicts[0].path.contains("replies"));
    assert!(project.conflicts[0].theirs.contains("De schadeafdeling"));
    // What came in, counted: the renamed card (the reply is the conflict, kept as ours).
    assert!(
        h.query_by_label_contains(
            "changed on disk: 1 change(s) merged with yours, 1 conflict(s) to pick"
        )
        .is_some()
    );
    assert!(h.query_by_label("Versions (1)").is_some());
    // Saved: both sides are in the file, and the app does not take its own save for theirs.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().document().is_dirty());
    let saved = klantreis::file::load(&path).unwrap().project;
    assert_eq!(saved.maps, project.maps);
    assert_eq!(saved.comments, project.comments);
    assert_eq!(saved.conflicts.len(), 1);
    for _ in 0..30 {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    assert!(h.query_by_label_contains("is reloaded").is_none());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_save_merges_a_change_it_has_not_seen_yet_and_never_saves_over_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_file(dir.path());
    let mut h = open(dir.path(), &path);
    click(&mut h, "Comments (1)");
    h.get_by_label("Your name").focus();
    h.run();
    type_over(&mut h, "Sanne");
    h.get_by_label("Comment").focus();
    h.run();
    type_over(&mut h, "Hier");
    click(&mut h, "Add comment");
    // Their save, and Save pressed before the app's next frame: whichever looks first (the
    // watcher or the save), the file gets both.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    colleague_saves(&path, |p| rename_card(p, "Webformulier"));
    h.run();
    let saved = klantreis::file::load(&path).unwrap().project;
    assert!(
        saved.maps[0]
            .cards
            .iter()
            .any(|c| c.title == "Webformulier")
    );
    assert_eq!(saved.comments.len(), 2, "ours is saved with theirs");
    assert!(!h.state().document().is_dirty());

    // A file left half written: said, and not saved over (the save looks at the disk itself).
    h.get_by_label("Comment").focus();
    h.run();
    type_over(&mut h, "Nog een");
    click(&mut h, "Add comment");
    let broken = "(format: (1, 4), project: (title: \"hal";
    std::fs::write(&path, broken).unwrap();
    until_shown(&mut h, "cannot be read");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label_contains("Not saved").is_some());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(h.state().document().is_dirty(), "the work is kept");
}
