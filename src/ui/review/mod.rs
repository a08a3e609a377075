//! The right panel's *Comments* tab: the review comments on the map on show, written in the app
//! or brought back from the HTML viewer. A comment is written on the selected card or stage
//! (else on the map); threads are replied to, resolved and opened again, turned into an
//! action, deleted; a filter keeps the open ones or one author's. It returns
//! [`ReviewAnswer`]s, which `app/review.rs` carries out.

use std::collections::HashMap;

use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{Comment, CommentId, Map, Project, Target};
use crate::ui::selection::Selection;

/// What the tab asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAnswer {
    /// A new comment on `on`, by `author`.
    Write {
        on: Target,
        author: String,
        text: String,
    },
    Reply {
        id: CommentId,
        author: String,
        text: String,
    },
    Resolve {
        id: CommentId,
        resolved: bool,
    },
    Delete(CommentId),
    /// An action drafted from the comment (its card or stage), and the comment resolved.
    MakeAction(CommentId),
    /// Select what the comment is on and show it on the canvas.
    Show(Target),
    /// File › Import review comments.
    Import,
}

/// What the tab keeps between frames.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// The name comments and replies are written under.
    pub name: String,
    /// The comment being written.
    pub draft: String,
    /// Replies being written, per thread.
    pub replies: HashMap<CommentId, String>,
    /// Resolved comments shown too.
    pub show_resolved: bool,
    /// Only this author's comments; `None` for everyone's.
    pub author: Option<String>,
}

/// What a comment is on, in words: the card's title, the stage's name, or that it is gone.
pub fn place_words(map: &Map, comment: &Comment) -> String {
    match comment.on {
        Target::Map => tr("review.on_map").into_owned(),
        Target::Card(id) => map.card(id).map_or_else(
            || gone(&comment.context),
            |c| tr_args("review.on_card", &[("title", &c.title)]),
        ),
        Target::Stage(id) => map.stage(id).map_or_else(
            || gone(&comment.context),
            |s| tr_args("review.on_stage", &[("name", &s.name)]),
        ),
    }
}

fn gone(context: &str) -> String {
    crate::i18n::capitalised(&tr_args("review.gone", &[("what", &context)]))
}

/// Whether what a comment is on is still on `map`.
fn still_there(map: &Map, on: Target) -> bool {
    match on {
        Target::Map => true,
        Target::Card(id) => map.card(id).is_some(),
        Target::Stage(id) => map.stage(id).is_some(),
    }
}

/// What a new comment would be on: the first selected card, else the selected stage, else the
/// map.
fn target_of(selection: &Selection) -> Target {
    if let Some(card) = selection.cards.iter().next() {
        Target::Card(*card)
    } else if let Some(stage) = selection.stage {
        Target::Stage(stage)
    } else {
        Target::Map
    }
}

/// The tab for `map`.
pub fn comments_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    selection: &Selection,
    state: &mut ReviewState,
) -> Vec<ReviewAnswer> {
    let mut answers = Vec::new();
    write_ui(ui, map, selection, state, &mut answers);
    ui.separator();
    let all: Vec<&Comment> = project.comments_on(map.id).collect();
    let open = all.iter().filter(|c| c.is_open()).count();
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr_count("review.open_count", open));
        if all.len() > open {
            ui.weak(tr_count("review.resolved_count", all.len() - open));
        }
    });
    filter_ui(ui, &all, state);
    // With a card or stage selected, its threads; else the map's.
    let on = target_of(selection);
    if on != Target::Map {
        ui.weak(tr("review.only_selection"));
    }
    let shown: Vec<&Comment> = all
        .iter()
        .copied()
        .filter(|c| on == Target::Map || c.on == on)
        .filter(|c| state.show_resolved || c.is_open())
        .filter(|c| state.author.as_ref().is_none_or(|a| *a == c.author))
        .collect();
    if all.is_empty() {
        ui.weak(tr("review.none"));
    } else if shown.is_empty() {
        ui.weak(tr("review.none_shown"));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        for c in shown {
            thread_ui(ui, map, c, state, &mut answers);
        }
        ui.add_space(8.0);
        if ui.button(tr("cmd.import_review")).clicked() {
            answers.push(ReviewAnswer::Import);
        }
    });
    answers
}

fn write_ui(
    ui: &mut egui::Ui,
    map: &Map,
    selection: &Selection,
    state: &mut ReviewState,
    answers: &mut Vec<ReviewAnswer>,
) {
    let on = target_of(selection);
    let heading = match on {
        Target::Map => tr("review.write_map").into_owned(),
        Target::Card(id) => tr_args(
            "review.write_card",
            &[(
                "title",
                &map.card(id).map(|c| c.title.clone()).unwrap_or_default(),
            )],
        ),
        Target::Stage(id) => tr_args(
            "review.write_stage",
            &[(
                "name",
                &map.stage(id).map(|s| s.name.clone()).unwrap_or_default(),
            )],
        ),
    };
    ui.strong(heading);
    let name_label = ui.label(tr("review.name"));
    ui.add(egui::TextEdit::singleline(&mut state.name).desired_width(f32::INFINITY))
        .labelled_by(name_label.id);
    let text_label = ui.label(tr("review.text"));
    ui.add(
        egui::TextEdit::multiline(&mut state.draft)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(text_label.id);
    let ready = !state.draft.trim().is_empty() && !state.name.trim().is_empty();
    let add = ui
        .add_enabled(ready, egui::Button::new(tr("review.add")))
        .on_disabled_hover_text(tr("review.add.needs"));
    if add.clicked() {
        answers.push(ReviewAnswer::Write {
            on,
            author: state.name.trim().to_owned(),
            text: std::mem::take(&mut state.draft).trim().to_owned(),
        });
    }
}

fn filter_ui(ui: &mut egui::Ui, all: &[&Comment], state: &mut ReviewState) {
    let mut authors: Vec<&str> = all.iter().map(|c| c.author.as_str()).collect();
    authors.sort_unstable();
    authors.dedup();
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut state.show_resolved, tr("review.show_resolved"));
        let label = ui.label(tr("review.author"));
        egui::ComboBox::from_id_salt("review-author")
            .selected_text(
                state
                    .author
                    .clone()
                    .unwrap_or_else(|| tr("review.everyone").into_owned()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.author, None, tr("review.everyone"));
                for a in &authors {
                    ui.selectable_value(&mut state.author, Some((*a).to_owned()), *a);
                }
            })
            .response
            .labelled_by(label.id);
    });
    if state
        .author
        .as_ref()
        .is_some_and(|a| !authors.contains(&a.as_str()))
    {
        state.author = None;
    }
}

fn thread_ui(
    ui: &mut egui::Ui,
    map: &Map,
    c: &Comment,
    state: &mut ReviewState,
    answers: &mut Vec<ReviewAnswer>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let place = place_words(map, c);
        if still_there(map, c.on) && c.on != Target::Map {
            if ui
                .link(&place)
                .on_hover_text(tr("review.show.tip"))
                .clicked()
            {
                answers.push(ReviewAnswer::Show(c.on));
            }
        } else {
            ui.weak(&place);
        }
        let mut text = egui::RichText::new(&c.text);
        if c.resolved {
            text = text.weak();
        }
        ui.label(text);
        ui.weak(format!(
            "{} · {}{}",
            c.author,
            crate::dates::moment(&c.written, crate::i18n::language()),
            if c.resolved {
                format!(" · {}", tr("review.resolved"))
            } else {
                String::new()
            }
        ));
        for r in &c.replies {
            ui.indent(("reply", c.id), |ui| {
                ui.label(&r.text);
                ui.weak(format!(
                    "{} · {}",
                    r.author,
                    crate::dates::moment(&r.written, crate::i18n::language())
                ));
            });
        }
        actions_ui(ui, c, state, answers);
    });
}

fn actions_ui(
    ui: &mut egui::Ui,
    c: &Comment,
    state: &mut ReviewState,
    answers: &mut Vec<ReviewAnswer>,
) {
    let reply = state.replies.entry(c.id).or_default();
    let label = ui.label(tr("review.reply_text"));
    ui.add(
        egui::TextEdit::singleline(reply)
            .hint_text(tr("review.reply_hint"))
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.horizontal_wrapped(|ui| {
        let ready = !reply.trim().is_empty() && !state.name.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr("review.reply")))
            .on_disabled_hover_text(tr("review.add.needs"))
            .clicked()
        {
            answers.push(ReviewAnswer::Reply {
                id: c.id,
                author: state.name.trim().to_owned(),
                text: std::mem::take(reply).trim().to_owned(),
            });
        }
        let (key, resolved) = if c.resolved {
            ("review.reopen", false)
        } else {
            ("review.resolve", true)
        };
        if ui.button(tr(key)).clicked() {
            answers.push(ReviewAnswer::Resolve { id: c.id, resolved });
        }
        if ui
            .button(tr("review.make_action"))
            .on_hover_text(tr("review.make_action.tip"))
            .clicked()
        {
            answers.push(ReviewAnswer::MakeAction(c.id));
        }
        if ui.button(tr("review.delete")).clicked() {
            answers.push(ReviewAnswer::Delete(c.id));
        }
    });
}
