//! The app acting on the stakeholder map: switching to it, and carrying out what it and its
//! editor answer.

use super::{KlantreisApp, View};
use crate::edit::stakeholders as edits;
use crate::i18n::{tr, tr_args};
use crate::model::{Relation, Stakeholder, StakeholderId};
use crate::ui::command::Command;
use crate::ui::stakeholders::StakeholderAnswer;

impl KlantreisApp {
    /// Shows the stakeholder map (leaving workshop mode), with `selected` selected.
    pub(super) fn show_stakeholders(
        &mut self,
        selected: Option<StakeholderId>,
        ctx: &egui::Context,
    ) {
        if self.workshop.is_some() {
            self.toggle_workshop(ctx);
        }
        self.start = None;
        self.view = View::Stakeholders;
        self.selection = crate::ui::selection::Selection::default();
        if selected.is_some() {
            self.stakeholders.selected = selected;
            self.stakeholders.relation = None;
        }
    }

    /// Does what the stakeholder map or its editor asked.
    pub(super) fn answer_stakeholder(&mut self, answer: StakeholderAnswer, ctx: &egui::Context) {
        let project = &self.doc.project;
        match answer {
            StakeholderAnswer::Select(id) => {
                self.stakeholders.selected = id;
                self.stakeholders.relation = None;
            }
            StakeholderAnswer::SelectRelation(id) => {
                self.stakeholders.relation = Some(id);
                self.stakeholders.selected = None;
            }
            StakeholderAnswer::Add { ring, angle } => {
                let stakeholder = Stakeholder {
                    name: tr_args(
                        "stakeholders.new_name",
                        &[("n", &(project.stakeholders.len() + 1))],
                    ),
                    ring,
                    angle: angle.unwrap_or_else(|| edits::roomiest_angle(project, ring)),
                    ..Stakeholder::default()
                };
                let id = stakeholder.id;
                let edit = edits::add(project, stakeholder);
                self.apply(&tr("undo.add_stakeholder"), edit);
                self.stakeholders.selected = Some(id);
                self.stakeholders.relation = None;
            }
            StakeholderAnswer::Change { stakeholder, merge } => {
                if let Some(edit) = edits::change(project, *stakeholder) {
                    self.apply_merging(&tr("undo.edit_stakeholder"), merge, edit);
                }
            }
            StakeholderAnswer::Delete(id) => {
                if let Some(edit) = edits::delete(project, id) {
                    self.apply(&tr("undo.delete_stakeholder"), edit);
                }
            }
            StakeholderAnswer::AddRelation { from, to } => {
                let relation = Relation {
                    from,
                    to,
                    ..Relation::default()
                };
                let id = relation.id;
                let edit = edits::add_relation(project, relation);
                self.apply(&tr("undo.add_relation"), edit);
                self.stakeholders.relation = Some(id);
                self.stakeholders.selected = None;
            }
            StakeholderAnswer::ChangeRelation { relation, merge } => {
                if let Some(edit) = edits::change_relation(project, *relation) {
                    self.apply_merging(&tr("undo.edit_relation"), merge, edit);
                }
            }
            StakeholderAnswer::DeleteRelation(id) => {
                if let Some(edit) = edits::delete_relation(project, id) {
                    self.apply(&tr("undo.delete_relation"), edit);
                }
            }
            StakeholderAnswer::Open(selected) => self.show_stakeholders(selected, ctx),
            StakeholderAnswer::ShowCard { map, card } => {
                if map < self.doc.project.maps.len() {
                    if map != self.current_map {
                        self.show_map(map);
                    }
                    self.view = View::Map;
                    self.actions
                        .push(super::AppAction::Pick(crate::report::Link::Target(
                            crate::analysis::Target::Card(card),
                        )));
                }
            }
            StakeholderAnswer::Back => self.view = View::Map,
        }
    }

    /// Carries out `command` as the stakeholder map means it; returns whether it did (else the
    /// command is the map's, and the map comes back to carry it out).
    pub(super) fn run_in_stakeholders(&mut self, command: Command, ctx: &egui::Context) -> bool {
        match command {
            Command::Delete => {
                let answer = match (self.stakeholders.relation, self.stakeholders.selected) {
                    (Some(relation), _) => Some(StakeholderAnswer::DeleteRelation(relation)),
                    (None, Some(id)) => Some(StakeholderAnswer::Delete(id)),
                    (None, None) => None,
                };
                if let Some(answer) = answer {
                    self.answer_stakeholder(answer, ctx);
                }
                true
            }
            Command::Cut
            | Command::Copy
            | Command::Paste
            | Command::SelectAll
            | Command::Duplicate => true,
            _ => self.back_to_map_for(command),
        }
    }
}
