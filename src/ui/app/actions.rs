//! The app acting on opportunities and actions: switching to the actions view, making an
//! action from what is selected on the map, and carrying out what the view and its editor
//! answer.

use super::{AppAction, KlantreisApp, View};
use crate::edit::actions::{self as edits, Source};
use crate::i18n::{tr, tr_args};
use crate::model::{Action, ActionId, Opportunity};
use crate::report::Link;
use crate::ui::actions::ActionAnswer;
use crate::ui::command::Command;

impl KlantreisApp {
    /// Shows the actions view (leaving workshop mode), with `selected` selected.
    pub(super) fn show_actions(&mut self, selected: Option<ActionId>, ctx: &egui::Context) {
        if self.workshop.is_some() {
            self.toggle_workshop(ctx);
        }
        self.start = None;
        self.view = View::Actions;
        self.selection = crate::ui::selection::Selection::default();
        if selected.is_some() {
            self.action_view.selected = selected;
            self.action_view.opportunity = None;
        }
    }

    /// "Make an action": drafted from the selected cards (the first gives its title and owner,
    /// all are addressed), else the selected stage or curve step's stage, else a blank one;
    /// added as one undo step and opened in the actions view.
    pub(super) fn make_action(&mut self, ctx: &egui::Context) {
        let project = &self.doc.project;
        let map = project.maps.get(self.current_map);
        let cards = self.selection.card_ids();
        let stage = self.selection.stage.or_else(|| {
            let (curve, index) = self.selection.point?;
            let point = map?
                .curves
                .iter()
                .find(|c| c.id == curve)?
                .points
                .get(index)?;
            Some(point.stage)
        });
        let drafted = if let Some(first) = cards.first() {
            edits::draft(project, Source::Card(*first)).map(|mut action| {
                for id in &cards[1..] {
                    if let Some((_, card)) = project.find_card(*id) {
                        action.cards.push(card.id);
                        if !action.stages.contains(&card.stage) {
                            action.stages.push(card.stage);
                        }
                    }
                }
                action
            })
        } else {
            stage.and_then(|s| edits::draft(project, Source::Stage(map?.id, s)))
        };
        let mut action = drafted.unwrap_or_default();
        if action.title.trim().is_empty() {
            action.title = tr_args("actions.new_name", &[("n", &(project.actions.len() + 1))]);
        }
        let id = action.id;
        let edit = edits::add(project, action);
        self.apply(&tr("undo.add_action"), edit);
        self.show_actions(Some(id), ctx);
        self.action_view.tab = crate::ui::actions::Tab::List;
    }

    /// Does what the actions view or its editor asked.
    pub(super) fn answer_action(&mut self, answer: ActionAnswer, ctx: &egui::Context) {
        let project = &self.doc.project;
        match answer {
            ActionAnswer::Select(id) => {
                self.action_view.selected = id;
                if id.is_some() {
                    self.action_view.opportunity = None;
                }
            }
            ActionAnswer::SelectOpportunity(id) => {
                self.action_view.opportunity = id;
                self.action_view.selected = None;
            }
            ActionAnswer::Add(opportunity) => {
                let action = Action {
                    title: tr_args("actions.new_name", &[("n", &(project.actions.len() + 1))]),
                    opportunity,
                    ..Action::default()
                };
                let id = action.id;
                let edit = edits::add(project, action);
                self.apply(&tr("undo.add_action"), edit);
                self.action_view.selected = Some(id);
                self.action_view.opportunity = None;
            }
            ActionAnswer::AddOpportunity => {
                let opportunity = Opportunity {
                    title: tr_args(
                        "actions.new_opportunity_name",
                        &[("n", &(project.opportunities.len() + 1))],
                    ),
                    ..Opportunity::default()
                };
                let id = opportunity.id;
                let edit = edits::add_opportunity(project, opportunity);
                self.apply(&tr("undo.add_opportunity"), edit);
                self.action_view.opportunity = Some(id);
                self.action_view.selected = None;
                self.action_view.tab = crate::ui::actions::Tab::List;
            }
            ActionAnswer::Change { action, merge } => {
                if let Some(edit) = edits::change(project, *action) {
                    self.apply_merging(&tr("undo.edit_action"), merge, edit);
                }
            }
            ActionAnswer::Score { id, impact, effort } => {
                if let Some(edit) = edits::score(project, id, impact, effort) {
                    self.apply(&tr("undo.score_action"), edit);
                }
            }
            ActionAnswer::Delete(id) => {
                if let Some(edit) = edits::delete(project, id) {
                    self.apply(&tr("undo.delete_action"), edit);
                }
            }
            ActionAnswer::ChangeOpportunity { opportunity, merge } => {
                if let Some(edit) = edits::change_opportunity(project, *opportunity) {
                    self.apply_merging(&tr("undo.edit_opportunity"), merge, edit);
                }
            }
            ActionAnswer::DeleteOpportunity(id) => {
                if let Some(edit) = edits::delete_opportunity(project, id) {
                    self.apply(&tr("undo.delete_opportunity"), edit);
                }
            }
            ActionAnswer::Open(id) => self.show_actions(id, ctx),
            ActionAnswer::ShowCard(card) => {
                let map = project.find_card(card).map(|(m, _)| m.id);
                self.show_on_map(map, Link::Target(crate::analysis::Target::Card(card)));
            }
            ActionAnswer::ShowStage(stage) => {
                let map = project.find_stage(stage).map(|(m, _)| m.id);
                self.show_on_map(map, Link::Target(crate::analysis::Target::Stage(stage)));
            }
            ActionAnswer::Back => self.view = View::Map,
        }
    }

    /// Shows the map `map` and selects what `link` names on it.
    fn show_on_map(&mut self, map: Option<crate::model::MapId>, link: Link) {
        let Some(index) = map.and_then(|id| self.doc.project.maps.iter().position(|m| m.id == id))
        else {
            return;
        };
        if index != self.current_map {
            self.show_map(index);
        }
        self.view = View::Map;
        self.actions.push(AppAction::Pick(link));
    }

    /// Carries out `command` as the actions view means it; returns whether it did (else the
    /// command is the map's, and the map comes back to carry it out).
    pub(super) fn run_in_actions(&mut self, command: Command, ctx: &egui::Context) -> bool {
        match command {
            Command::Delete => {
                let answer = match (self.action_view.selected, self.action_view.opportunity) {
                    (Some(id), _) => Some(ActionAnswer::Delete(id)),
                    (None, Some(id)) => Some(ActionAnswer::DeleteOpportunity(id)),
                    (None, None) => None,
                };
                if let Some(answer) = answer {
                    self.answer_action(answer, ctx);
                }
                true
            }
            Command::Cut
            | Command::Copy
            | Command::Paste
            | Command::SelectAll
            | Command::Duplicate => true,
            Command::MakeAction => {
                self.answer_action(ActionAnswer::Add(self.action_view.opportunity), ctx);
                true
            }
            _ => self.back_to_map_for(command),
        }
    }
}
