//! Review comments in the app, driven as a user would: a reader's review file imported from the
//! File menu lands on its card in the Comments tab; the consultant replies, resolves (undone in
//! one step), turns a comment into an action, and writes one of their own on the map.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use klantreis::i18n::Language;
use klantreis::model::Target;
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{KlantreisApp, RightTab, View};
use support::app::{build, click, click_item, example, type_over};

fn app(data: &std::path::Path, dialogs: ScriptedDialogs) -> Harness<'static, KlantreisApp> {
    let mut h = build(
        Some(Language::English),
        Some(example("waterschade-claim.klantreis.ron")),
        data,
        dialogs,
        false,
    );
    h.run();
    h
}

/// A review file with one comment on `card` of the example's first map.
fn review_file(dir: &std::path::Path, card_title: &str) -> (std::path::PathBuf, u64) {
    let project = klantreis::file::load(&example("waterschade-claim.klantreis.ron"))
        .unwrap()
        .project;
    let map = &project.maps[0];
    let card = map.cards.iter().find(|c| c.title == card_title).unwrap();
    let text = serde_json::json!({
        "klantreis_review": 1,
        "project": project.title,
        "reviewer": "Noor",
        "comments": [{
            "id": 4242, "map": map.id.0, "card": card.id.0, "context": card.title,
            "author": "Noor", "written": "2026-12-04T09:15:00Z",
            "text": "Wie belt de klant terug als het formulier vastloopt?"
        }]
    });
    let path = dir.join("Noor.klantreis-review.json");
    std::fs::write(&path, text.to_string()).unwrap();
    (path, card.id.0)
}

#[test]
fn a_readers_comment_comes_in_on_its_card_and_is_answered_resolved_and_acted_on() {
    let data = tempfile::tempdir().unwrap();
    let (file, card) = review_file(data.path(), "Online schadeformulier");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.review_answers.push_back(Some(file));
    let mut h = app(data.path(), dialogs);
    click(&mut h, "File");
    click_item(&mut h, "Import review comments…");
    let c = h.state().project().comments[0].clone();
    assert_eq!(c.on, Target::Card(klantreis::model::CardId(card)));
    assert_eq!(h.state().right_tab(), RightTab::Comments, "the tab opens");
    assert!(
        h.query_by_label_contains("1 comment(s) from Noor added")
            .is_some()
    );
    assert!(
        h.query_by_label("Comments (1)").is_some(),
        "the tab counts it"
    );
    assert!(h.query_by_label("1 open comment").is_some());
    assert!(
        h.query_by_label("On “Online schadeformulier”").is_some(),
        "the thread says what it is on"
    );
    assert!(
        h.query_by_label("Wie belt de klant terug als het formulier vastloopt?")
            .is_some()
    );

    // The analysis counts it and leads to it.
    click(&mut h, "Analysis");
    click(&mut h, "1 open comment");
    assert_eq!(h.state().right_tab(), RightTab::Comments);

    // A reply, under a name.
    h.get_by_label("Your name").focus();
    h.run();
    type_over(&mut h, "Sanne");
    h.get_by_label("Your reply").focus();
    h.run();
    type_over(&mut h, "Het contactcentrum, binnen een dag");
    click(&mut h, "Reply");
    let replies = &h.state().project().comments[0].replies;
    assert_eq!(replies.len(), 1);
    assert_eq!(
        (replies[0].author.as_str(), replies[0].text.as_str()),
        ("Sanne", "Het contactcentrum, binnen een dag")
    );

    // Resolved (and out of the list until resolved ones are shown), and undone in one step.
    click(&mut h, "Resolve");
    assert!(h.state().project().comments[0].resolved);
    assert!(
        h.query_by_label("Comments").is_some(),
        "no open comment counted"
    );
    assert!(
        h.query_by_label_contains("No comment matches the filter")
            .is_some()
    );
    click(&mut h, "Show resolved");
    assert!(h.query_by_label("Reopen").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().project().comments[0].resolved);

    // Turned into an action on the card, the comment resolved with it.
    let actions = h.state().project().actions.len();
    click(&mut h, "Make an action");
    let project = h.state().project();
    assert_eq!(project.actions.len(), actions + 1);
    let action = project.actions.last().unwrap();
    assert_eq!(action.cards, [klantreis::model::CardId(card)]);
    assert!(
        action
            .description
            .starts_with("Wie belt de klant terug als het formulier vastloopt? — Noor")
    );
    assert!(project.comments[0].resolved);
    assert_eq!(h.state().view(), View::Actions);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let project = h.state().project();
    assert_eq!(
        project.actions.len(),
        actions,
        "one undo step takes both back"
    );
    assert!(!project.comments[0].resolved);
}

#[test]
fn a_comment_written_in_the_app_goes_on_the_map_and_a_second_import_adds_nothing() {
    let data = tempfile::tempdir().unwrap();
    let (file, _) = review_file(data.path(), "Online schadeformulier");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.review_answers.push_back(Some(file.clone()));
    dialogs.review_answers.push_back(Some(file));
    let mut h = app(data.path(), dialogs);
    click(&mut h, "Comments");
    assert!(
        h.query_by_label_contains("No comments on this map yet")
            .is_some()
    );
    h.get_by_label("Your name").focus();
    h.run();
    type_over(&mut h, "Sanne");
    h.get_by_label("Comment").focus();
    h.run();
    type_over(&mut h, "Kaart bespreken met de schadeafdeling");
    click(&mut h, "Add comment");
    let c = &h.state().project().comments[0];
    assert_eq!(c.on, Target::Map);
    assert_eq!(
        (c.author.as_str(), c.text.as_str()),
        ("Sanne", "Kaart bespreken met de schadeafdeling")
    );
    assert!(h.query_by_label("On the map").is_some());
    // The same review twice: its comment once.
    click(&mut h, "Import review comments…");
    click(&mut h, "Import review comments…");
    assert_eq!(h.state().project().comments.len(), 2);
    assert!(
        h.query_by_label_contains("is in the project already")
            .is_some()
    );
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_review_file_dropped_on_the_window_brings_its_comments_in() {
    let data = tempfile::tempdir().unwrap();
    let (file, card) = review_file(data.path(), "Online schadeformulier");
    let mut h = app(data.path(), ScriptedDialogs::default());
    let before = h.state().project().maps.clone();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    h.run();
    let project = h.state().project();
    assert_eq!(
        project.comments.len(),
        1,
        "imported, not opened as a project"
    );
    assert_eq!(
        project.comments[0].on,
        Target::Card(klantreis::model::CardId(card))
    );
    assert_eq!(project.maps, before, "the open project stays open");
    assert_eq!(h.state().right_tab(), RightTab::Comments);
}
