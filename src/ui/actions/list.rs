//! The list of the actions view: each opportunity with the actions on it, then the actions on
//! none; an action's row says its status, owner and due date, a click selects it.

use super::{ActionAnswer, ActionsView};
use crate::i18n::{self, tr, tr_count};
use crate::model::{Action, OpportunityId, Project};
use crate::report::actions::{due_words, owner_name};

/// The list, filtered and ranked as the view's filter says.
pub(super) fn ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &mut ActionsView,
    answers: &mut Vec<ActionAnswer>,
) {
    let shown = view.shown(project);
    if project.actions.is_empty() && project.opportunities.is_empty() {
        ui.add_space(16.0);
        ui.label(tr("actions.empty"));
        ui.weak(tr("actions.empty.how"));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for opportunity in &project.opportunities {
                let on: Vec<&Action> = shown
                    .iter()
                    .copied()
                    .filter(|a| a.opportunity == Some(opportunity.id))
                    .collect();
                let title = if opportunity.title.trim().is_empty() {
                    tr("actions.untitled_opportunity").into_owned()
                } else {
                    opportunity.title.trim().to_owned()
                };
                ui.add_space(6.0);
                let selected = view.opportunity == Some(opportunity.id);
                let text = crate::ui::style::selectable_text(
                    ui,
                    egui::RichText::new(format!("{} · {title}", tr("actions.opportunity")))
                        .strong(),
                    selected,
                );
                if ui
                    .selectable_label(selected, text)
                    .on_hover_text(tr_count("actions.count", on.len()))
                    .clicked()
                {
                    view.opportunity = Some(opportunity.id);
                    view.selected = None;
                    answers.push(ActionAnswer::SelectOpportunity(Some(opportunity.id)));
                }
                rows(ui, project, view, &on, Some(opportunity.id), answers);
            }
            let loose: Vec<&Action> = shown
                .iter()
                .copied()
                .filter(|a| {
                    a.opportunity
                        .is_none_or(|o| project.opportunity(o).is_none())
                })
                .collect();
            if !project.opportunities.is_empty() && !loose.is_empty() {
                ui.add_space(6.0);
                ui.strong(tr("actions.on_no_opportunity"));
            }
            rows(ui, project, view, &loose, None, answers);
            if shown.len() < project.actions.len() {
                ui.add_space(8.0);
                ui.weak(tr_count(
                    "actions.filtered_out",
                    project.actions.len() - shown.len(),
                ));
            }
        });
}

/// The rows of `actions`, indented under their opportunity.
fn rows(
    ui: &mut egui::Ui,
    project: &Project,
    view: &mut ActionsView,
    actions: &[&Action],
    opportunity: Option<OpportunityId>,
    answers: &mut Vec<ActionAnswer>,
) {
    let lang = i18n::language();
    ui.indent(("action-rows", opportunity), |ui| {
        for action in actions {
            let selected = view.selected == Some(action.id);
            let title = if action.title.trim().is_empty() {
                tr("actions.untitled").into_owned()
            } else {
                action.title.trim().to_owned()
            };
            let mut meta = vec![
                i18n::action_status_name(lang, action.status).into_owned(),
                owner_name(project, action, lang),
            ];
            let due = due_words(action, lang);
            if !due.is_empty() {
                meta.push(due);
            }
            let text = crate::ui::style::selectable_text(
                ui,
                egui::RichText::new(format!("{title} — {}", meta.join(" · "))),
                selected,
            );
            let clicked = ui
                .horizontal(|ui| {
                    let colour = crate::render::Theme::default().status_colour(action.status);
                    ui.label(egui::RichText::new("●").color(colour));
                    ui.selectable_label(selected, text).clicked()
                })
                .inner;
            if clicked {
                view.selected = Some(action.id);
                view.opportunity = None;
                answers.push(ActionAnswer::Select(Some(action.id)));
            }
        }
        if let Some(id) = opportunity
            && ui.small_button(tr("actions.new_on_opportunity")).clicked()
        {
            answers.push(ActionAnswer::Add(Some(id)));
        }
    });
}
