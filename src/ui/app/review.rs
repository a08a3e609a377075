//! Carries out what the Comments tab asked, and File › Import review comments (also a review
//! file dropped on the window): each change is one undo step.

use std::path::Path;

use super::{FieldFor, KlantreisApp, RightTab, View};
use crate::edit::{self, actions::Source};
use crate::i18n::{tr, tr_args};
use crate::model::{Action, Comment, CommentId, Reply, Target};
use crate::ui::review::ReviewAnswer;
use crate::ui::selection::Selection;

impl KlantreisApp {
    /// Shows the Comments tab beside the map.
    pub(super) fn show_comments(&mut self) {
        self.view = View::Map;
        self.right_tab = RightTab::Comments;
    }

    /// Asks for a review file (the built-in field where the system's dialog cannot open).
    pub(super) fn pick_review_file(&mut self) {
        match self.files.pick_review() {
            Ok(Some(path)) => self.import_review(&path),
            Ok(None) => {}
            Err(_) => self.ask_with_field(FieldFor::ImportReview, ""),
        }
    }

    /// Adds the comments of the review file at `path` in one step and says what came in and
    /// what was left out; a file that is no review of this project changes nothing.
    pub(super) fn import_review(&mut self, path: &Path) {
        let review = match crate::import::review::read(path, &self.doc.project) {
            Ok(r) => r,
            Err(e) => {
                self.notify_error(e.to_string());
                return;
            }
        };
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        for why in &review.left_out {
            self.notify_error(tr_args(
                "notice.review_left_out",
                &[("file", &file), ("why", why)],
            ));
        }
        let added = edit::review::add(&self.doc.project, review.comments);
        let Some(step) = added.edit else {
            self.notify(tr_args("notice.review_nothing_new", &[("file", &file)]));
            return;
        };
        self.apply(&tr("undo.import_review"), step);
        let who = if review.reviewer.is_empty() {
            tr("review.someone").into_owned()
        } else {
            review.reviewer
        };
        let known = if added.known > 0 {
            tr_args("notice.review_known", &[("n", &added.known)])
        } else {
            String::new()
        };
        self.notify(tr_args(
            "notice.review_imported",
            &[("new", &added.new), ("who", &who), ("known", &known)],
        ));
        self.show_comments();
    }

    /// Does what the Comments tab asked.
    pub(super) fn answer_review(&mut self, answer: ReviewAnswer, ctx: &egui::Context) {
        let project = &self.doc.project;
        match answer {
            ReviewAnswer::Write { on, author, text } => {
                let Some(map) = project.maps.get(self.current_map) else {
                    return;
                };
                let context = match on {
                    Target::Card(id) => map.card(id).map(|c| c.title.clone()),
                    Target::Stage(id) => map.stage(id).map(|s| s.name.clone()),
                    Target::Map => None,
                }
                .unwrap_or_default();
                let comment = Comment {
                    map: map.id,
                    on,
                    context,
                    author,
                    text,
                    ..Comment::default()
                };
                if let Some(step) = edit::review::add(project, vec![comment]).edit {
                    self.apply(&tr("undo.write_comment"), step);
                }
            }
            ReviewAnswer::Reply { id, author, text } => {
                let reply = Reply {
                    author,
                    text,
                    ..Reply::default()
                };
                if let Some(step) = edit::review::reply(project, id, reply) {
                    self.apply(&tr("undo.reply_comment"), step);
                }
            }
            ReviewAnswer::Resolve { id, resolved } => {
                let label = if resolved {
                    "undo.resolve_comment"
                } else {
                    "undo.reopen_comment"
                };
                if let Some(step) = edit::review::resolve(project, id, resolved) {
                    self.apply(&tr(label), step);
                }
            }
            ReviewAnswer::Delete(id) => {
                if let Some(step) = edit::review::delete(project, id) {
                    self.apply(&tr("undo.delete_comment"), step);
                }
            }
            ReviewAnswer::MakeAction(id) => self.action_from_comment(id, ctx),
            ReviewAnswer::Show(on) => {
                self.selection = match on {
                    Target::Card(id) => Selection::of_cards([id]),
                    Target::Stage(id) => Selection {
                        stage: Some(id),
                        ..Selection::default()
                    },
                    Target::Map => Selection::default(),
                };
                self.ensure_painted();
                if let Some(painted) = &self.painted {
                    self.canvas.reveal(&self.selection, &painted.layout);
                }
            }
            ReviewAnswer::Import => self.pick_review_file(),
        }
    }

    /// An action on what comment `id` is about (drafted as *Make an action* drafts it from a
    /// card or stage), described by the comment, and the comment resolved: one undo step.
    fn action_from_comment(&mut self, id: CommentId, ctx: &egui::Context) {
        let project = &self.doc.project;
        let Some(comment) = project.comment(id) else {
            return;
        };
        let drafted = match comment.on {
            Target::Card(card) => edit::actions::draft(project, Source::Card(card)),
            Target::Stage(stage) => {
                edit::actions::draft(project, Source::Stage(comment.map, stage))
            }
            Target::Map => None,
        };
        let mut action = drafted.unwrap_or_else(Action::default);
        let first_line = comment.text.lines().next().unwrap_or_default().trim();
        if action.title.trim().is_empty() {
            action.title = first_line.chars().take(120).collect();
        }
        action.description = format!("{} — {}", comment.text.trim(), comment.author.trim());
        let action_id = action.id;
        let mut steps = vec![edit::actions::add(project, action)];
        steps.extend(edit::review::resolve(project, id, true));
        self.apply(&tr("undo.comment_action"), edit::Edit::Batch(steps));
        self.show_actions(Some(action_id), ctx);
    }
}

/// The name comments written in the app go under until the user changes it: the system's user
/// name.
pub(super) fn default_author() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty() && n != "root")
        .unwrap_or_default()
}
