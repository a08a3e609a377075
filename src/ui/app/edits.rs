//! Turning what the user did on the canvas, in the toolbox, the sidebar and with the clipboard
//! into edits of the document: the words new things are named with, and what to select and
//! edit next. The edits themselves are built by [`crate::edit`].

use std::borrow::Cow;

use super::KlantreisApp;
use crate::edit::{Edit, clipboard, maps, ops};
use crate::i18n::{self, tr, tr_args};
use crate::model::{Card, Lane, LaneKind, MapKind, Stage};
use crate::ui::canvas::{CanvasAction, TextTarget};
use crate::ui::selection::Selection;
use crate::ui::toolbox::{CardTemplate, ToolboxItem};

/// What to select and which title to edit after adding something.
type Then = (Selection, TextTarget, String);

impl KlantreisApp {
    pub(super) fn apply(&mut self, label: &str, edit: Edit) {
        self.apply_merging(label, None, edit);
    }

    /// Applies `edit` as one undo step (merged with the last one when `merge` matches).
    pub(super) fn apply_merging(&mut self, label: &str, merge: Option<u64>, edit: Edit) {
        match self.doc.apply_merging(label, merge, edit) {
            Ok(()) => self.recovery.last_edit = Some(std::time::Instant::now()),
            Err(e) => {
                self.notify_error(tr_args(
                    "notice.edit_failed",
                    &[("change", &label), ("error", &e)],
                ));
            }
        }
    }

    /// Carries out a change made on the canvas.
    pub(super) fn canvas_action(&mut self, action: CanvasAction) {
        if let CanvasAction::OpenJourney(journey) = action {
            self.open_journey(journey);
            return;
        }
        if let CanvasAction::LinkEvidence { card, evidence } = action {
            self.link_evidence(card, evidence);
            return;
        }
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let (label, edit, then): (Cow<str>, Edit, Option<Then>) = match action {
            CanvasAction::OpenJourney(_) | CanvasAction::LinkEvidence { .. } => return,
            CanvasAction::AddConnector { from, to } => {
                let Some((edit, id)) = ops::add_connector(map, from, to) else {
                    return;
                };
                let selection = Selection {
                    connector: Some(id),
                    ..Selection::default()
                };
                self.apply(&tr("undo.add_connector"), edit);
                self.selection = selection;
                return;
            }
            CanvasAction::MoveCards {
                cards,
                lane,
                stage,
                index,
            } => {
                let label = if cards.len() == 1 {
                    tr("undo.move_card")
                } else {
                    tr("undo.move_cards")
                };
                (
                    label,
                    ops::move_cards(map, &cards, lane, stage, index),
                    None,
                )
            }
            CanvasAction::SetSpan { card, span } => {
                let Some(c) = map.card(card) else { return };
                let edit = ops::update_card(map, Card { span, ..c.clone() });
                (tr("undo.resize_card"), edit, None)
            }
            CanvasAction::MoveStage { stage, to } => {
                (tr("undo.move_stage"), ops::move_stage(map, stage, to), None)
            }
            CanvasAction::MoveLane { lane, to } => {
                (tr("undo.move_lane"), ops::move_lane(map, lane, to), None)
            }
            CanvasAction::AddCard {
                lane,
                stage,
                template,
            } => {
                let title = template.map_or("new.card", CardTemplate::title_key);
                let card = Card {
                    lane,
                    stage,
                    title: i18n::tr_in(self.project_language(), title).into_owned(),
                    ..Card::default()
                };
                let then = (
                    Selection::of_cards([card.id]),
                    TextTarget::CardTitle(card.id),
                    card.title.clone(),
                );
                (tr("undo.add_card"), ops::add_card(map, card), Some(then))
            }
            CanvasAction::TypeCard { lane, stage, text } => {
                let card = Card {
                    lane,
                    stage,
                    title: text.clone(),
                    ..Card::default()
                };
                let selection = Selection {
                    cursor: Some((lane, stage)),
                    ..Selection::of_cards([card.id])
                };
                let edit = ops::add_card(map, card.clone());
                self.apply(&tr("undo.add_card"), edit);
                self.selection = selection;
                self.canvas
                    .continue_typing(TextTarget::CardTitle(card.id), text);
                return;
            }
            CanvasAction::AddStage { index } => {
                let index = index.unwrap_or_else(|| {
                    self.selection
                        .stage
                        .and_then(|s| map.stage_index(s))
                        .map_or(map.stages.len(), |i| i + 1)
                });
                let stage = Stage::named(i18n::tr_in(self.project_language(), "new.stage"));
                let selection = Selection {
                    stage: Some(stage.id),
                    ..Default::default()
                };
                let then = (
                    selection,
                    TextTarget::StageName(stage.id),
                    stage.name.clone(),
                );
                let edit = ops::insert_stage(map, index, stage);
                (tr("undo.add_stage"), edit, Some(then))
            }
            CanvasAction::AddLane { kind, index } => {
                let index = index.unwrap_or_else(|| {
                    self.selection
                        .lane
                        .and_then(|l| map.lane_index(l))
                        .map_or(map.lanes.len(), |i| i + 1)
                });
                let lang = self.project_language();
                let lane = match kind {
                    Some(kind) => Lane::new(i18n::lane_kind_name(lang, kind), kind),
                    None => Lane::new(i18n::tr_in(lang, "new.lane"), LaneKind::Custom),
                };
                let selection = Selection {
                    lane: Some(lane.id),
                    ..Default::default()
                };
                let then = (selection, TextTarget::LaneName(lane.id), lane.name.clone());
                let edit = ops::insert_lane(map, index, lane);
                (tr("undo.add_lane"), edit, Some(then))
            }
            CanvasAction::Run(command) => {
                self.actions.push(super::AppAction::Command(command));
                return;
            }
            CanvasAction::EditCurve(e) => {
                let label = if e.add.is_empty() {
                    tr("undo.set_score")
                } else {
                    tr("undo.add_point")
                };
                let edit = ops::edit_curve(map, e.curve, &e.set, &e.add, e.remove);
                (label, edit, None)
            }
            CanvasAction::CommitText { target, text } => {
                let Some((label, edit)) = rename(map, target, text) else {
                    return;
                };
                (label, edit, None)
            }
        };
        self.apply(&label, edit);
        if let Some((selection, target, text)) = then {
            self.selection = selection;
            self.canvas.start_editing(target, text);
        }
    }

    /// A card at the selection (the selected lane or card's lane, else the first lane; the
    /// selected stage, else the first).
    pub(super) fn add_card_at_selection(&mut self) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let (lane, _) = self.selection.cell(map);
        let lane = lane.or_else(|| map.lanes.first().map(|l| l.id));
        let stage = self
            .selection
            .cursor
            .map(|(_, stage)| stage)
            .or(self.selection.stage)
            .or_else(|| map.stages.first().map(|s| s.id));
        if let (Some(lane), Some(stage)) = (lane, stage) {
            self.canvas_action(CanvasAction::AddCard {
                lane,
                stage,
                template: None,
            });
        }
    }

    /// Adds a toolbox item at the selection: a card in its kind of lane at the selected stage,
    /// a lane after the selected one.
    pub(super) fn add_from_toolbox(&mut self, item: ToolboxItem) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let action = match item {
            ToolboxItem::Card(template) => {
                let (pointed, stage) = self.selection.cell(map);
                let stage = stage.or_else(|| map.stages.first().map(|s| s.id));
                let (Some(lane), Some(stage)) = (template.lane_for(map, pointed), stage) else {
                    return;
                };
                CanvasAction::AddCard {
                    lane,
                    stage,
                    template: Some(template),
                }
            }
            ToolboxItem::Lane(kind) => CanvasAction::AddLane {
                kind: Some(kind),
                index: None,
            },
        };
        self.canvas_action(action);
    }

    /// Puts the selected cards on the clipboard; returns whether there were any.
    pub(super) fn copy_selection(&mut self, ctx: &egui::Context) -> bool {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return false;
        };
        let Some(text) = clipboard::copy(map, &self.selection.card_ids()) else {
            return false;
        };
        ctx.copy_text(text.clone());
        self.last_copied = Some(text);
        true
    }

    /// Pastes clipboard text: copied cards, or one card per line of other text. They go to the
    /// cell of the selected card, else the selected lane and stage, else the cell under the
    /// pointer, else where they were copied from (when that is on this map), else the first cell.
    pub(super) fn paste_text(&mut self, text: &str) {
        let clip = match clipboard::parse(text) {
            Ok(clip) => clip,
            Err(e) => {
                let reason = match e {
                    clipboard::ClipError::Empty => tr("clip.empty").into_owned(),
                    clipboard::ClipError::TooLarge => tr("clip.too_large").into_owned(),
                    clipboard::ClipError::Unreadable(why) => {
                        tr_args("clip.unreadable", &[("error", &why)])
                    }
                };
                self.notify_error(tr_args("notice.paste_failed", &[("error", &reason)]));
                return;
            }
        };
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let sel = &self.selection;
        let cell_of = |lane, stage| Some((map.lane_index(lane)?, map.stage_index(stage)?));
        let first_selected = sel
            .cards
            .iter()
            .filter_map(|id| map.card(*id))
            .filter_map(|c| cell_of(c.lane, c.stage))
            .min();
        let at = first_selected
            .or_else(|| {
                (sel.lane.is_some() || sel.stage.is_some()).then(|| {
                    (
                        sel.lane.and_then(|l| map.lane_index(l)).unwrap_or(0),
                        sel.stage.and_then(|s| map.stage_index(s)).unwrap_or(0),
                    )
                })
            })
            .or_else(|| {
                self.canvas
                    .hovered_cell()
                    .and_then(|(lane, stage)| cell_of(lane, stage))
            })
            .or_else(|| {
                clip.cards
                    .first()
                    .and_then(|c| cell_of(c.card.lane, c.card.stage))
            })
            .unwrap_or((0, 0));
        let (edit, ids) = clipboard::paste(&self.doc.project, map, &clip, at);
        if ids.is_empty() {
            return;
        }
        if ids.len() < clip.cards.len() {
            self.notify(tr_args("notice.paste_capped", &[("count", &ids.len())]));
        }
        self.apply(&tr("undo.paste"), edit);
        self.selection = Selection::of_cards(ids);
    }

    /// A new map of `kind` at the end, shown.
    pub(super) fn add_map(&mut self, kind: MapKind) {
        let map = crate::templates::new_map(kind, self.project_language());
        let index = self.doc.project.maps.len();
        self.apply(&tr("undo.add_map"), maps::insert_map(index, map));
        self.current_map = index;
    }

    /// A copy of the map at `index`, after it.
    pub(super) fn duplicate_map(&mut self, index: usize) {
        let Some(map) = self.doc.project.maps.get(index) else {
            return;
        };
        let title = tr_args("sidebar.copy_of", &[("title", &map.title)]);
        let copy = maps::duplicate(map, title);
        self.apply(&tr("undo.duplicate_map"), maps::insert_map(index + 1, copy));
    }

    /// Moves the map at `from` to `to` and follows it.
    pub(super) fn move_map(&mut self, from: usize, to: usize) {
        let Some(id) = self.doc.project.maps.get(from).map(|m| m.id) else {
            return;
        };
        if let Some(edit) = maps::move_map(&self.doc.project, id, to) {
            self.apply(&tr("undo.move_map"), edit);
            self.current_map = to;
        }
    }

    /// Deletes the map at `index` (never the last one).
    pub(super) fn delete_map(&mut self, index: usize) {
        let count = self.doc.project.maps.len();
        let Some(id) = self.doc.project.maps.get(index).map(|m| m.id) else {
            return;
        };
        if count < 2 {
            return;
        }
        self.apply(
            &tr("undo.delete_map"),
            maps::delete_map(&self.doc.project, id, index),
        );
        self.show_map(self.current_map.min(count - 2));
    }
}

/// The edit that renames what `target` names to `text`, unless it already has that name.
fn rename(
    map: &crate::model::Map,
    target: TextTarget,
    text: String,
) -> Option<(Cow<'static, str>, Edit)> {
    match target {
        TextTarget::CardTitle(id) => map.card(id).filter(|c| c.title != text).map(|c| {
            let card = Card {
                title: text,
                ..c.clone()
            };
            (tr("undo.edit_title"), ops::update_card(map, card))
        }),
        TextTarget::StageName(id) => map.stage(id).filter(|s| s.name != text).map(|s| {
            let stage = Stage {
                name: text,
                ..s.clone()
            };
            (tr("undo.rename_stage"), ops::update_stage(map, &stage))
        }),
        TextTarget::LaneName(id) => map.lane(id).filter(|l| l.name != text).map(|l| {
            let lane = Lane {
                name: text,
                ..l.clone()
            };
            (tr("undo.rename_lane"), ops::update_lane(map, &lane))
        }),
        TextTarget::Goal(field) => {
            use crate::layout::GoalField;
            let mut info = crate::edit::MapInfo::of(map);
            let slot = match field {
                GoalField::Goal => &mut info.goal,
                GoalField::Scenario => &mut info.scenario,
                GoalField::Expectations => &mut info.expectations,
            };
            if *slot == text {
                return None;
            }
            *slot = text;
            Some((
                tr("undo.edit_goal"),
                Edit::SetMapInfo {
                    map: map.id,
                    info: Box::new(info),
                },
            ))
        }
        TextTarget::Milestone(id, part) => {
            let mut stage = map.stage(id)?.clone();
            let slot = match part {
                crate::layout::MilestonePart::Milestone => &mut stage.milestone,
                crate::layout::MilestonePart::Criteria => &mut stage.success_criteria,
            };
            if *slot == text {
                return None;
            }
            *slot = text;
            Some((tr("undo.edit_milestone"), ops::update_stage(map, &stage)))
        }
    }
}
