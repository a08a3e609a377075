//! The selected action or opportunity, edited in the right panel: an action's owner (a
//! stakeholder or a name), impact and effort with their reasons, status, due and done dates,
//! what it addresses, the measure it should move and, once done, its measured effect.
//! Dates are stored only once they read as dates; until then the field says what it wants.

use super::{ActionAnswer, ActionsView};
use crate::i18n::{self, tr, tr_args};
use crate::model::{
    Action, ActionId, ActionStatus, MapId, Measure, Opportunity, Owner, Project, Quadrant,
};
use crate::ui::panels::merge_key;
use crate::ui::stakeholders::text_row;

/// Text typed into a field of the selected action that is not stored yet: a date that does
/// not read as one, an owner's name not yet written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    action: Option<ActionId>,
    due: Option<String>,
    done: Option<String>,
    owner: Option<String>,
}

/// The editor of what is selected in the actions view (on `map`, the map on show); a hint
/// when nothing is.
pub fn action_editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &mut ActionsView,
    (map, today): (Option<MapId>, &str),
) -> Vec<ActionAnswer> {
    let mut answers = Vec::new();
    if let Some(action) = view.selected.and_then(|id| project.action(id)) {
        if view.typed.action != Some(action.id) {
            view.typed = Typed {
                action: Some(action.id),
                ..Typed::default()
            };
        }
        action_ui(
            ui,
            project,
            (action, &mut view.typed, map, today),
            &mut answers,
        );
    } else if let Some(opportunity) = view.opportunity.and_then(|id| project.opportunity(id)) {
        opportunity_ui(ui, project, opportunity, &mut answers);
    } else {
        ui.add_space(12.0);
        ui.weak(tr("actions.select_hint"));
    }
    answers
}

fn action_ui(
    ui: &mut egui::Ui,
    project: &Project,
    (action, typed, map, today): (&Action, &mut Typed, Option<MapId>, &str),
    answers: &mut Vec<ActionAnswer>,
) {
    let mut draft = action.clone();
    ui.heading(if action.title.trim().is_empty() {
        tr("actions.untitled").into_owned()
    } else {
        action.title.trim().to_owned()
    });
    text_row(
        ui,
        &tr("actions.field.title"),
        "act-title",
        &mut draft.title,
        false,
    );
    text_row(
        ui,
        &tr("actions.field.description"),
        "act-description",
        &mut draft.description,
        true,
    );
    opportunity_choice(ui, project, &mut draft);
    owner_ui(ui, project, &mut draft, typed);
    ui.separator();
    score_ui(ui, &mut draft);
    ui.separator();
    plan_ui(ui, project, &mut draft, (typed, today));
    if draft != *action {
        answers.push(ActionAnswer::Change {
            merge: merge_key(ui, action.id.0),
            action: Box::new(draft.clone()),
        });
    }
    ui.separator();
    super::editor_links::links_ui(ui, project, &draft, map, answers);
    ui.separator();
    super::editor_links::measure_ui(ui, project, &draft, map, answers);
    ui.separator();
    if ui.button(tr("actions.delete")).clicked() {
        answers.push(ActionAnswer::Delete(action.id));
    }
}

/// The opportunity the action acts on.
fn opportunity_choice(ui: &mut egui::Ui, project: &Project, draft: &mut Action) {
    if project.opportunities.is_empty() {
        return;
    }
    let name = |id| {
        project
            .opportunity(id)
            .map_or_else(String::new, |o| o.title.clone())
    };
    let label = ui.label(tr("actions.field.opportunity"));
    egui::ComboBox::from_id_salt("act-opportunity")
        .selected_text(
            draft
                .opportunity
                .map_or_else(|| tr("actions.none").into_owned(), name),
        )
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut draft.opportunity, None, tr("actions.none"));
            for o in &project.opportunities {
                ui.selectable_value(&mut draft.opportunity, Some(o.id), &o.title);
            }
        })
        .response
        .labelled_by(label.id);
}

/// Who owns it: a stakeholder of the project, or someone else by name (stored once a name is
/// written).
fn owner_ui(ui: &mut egui::Ui, project: &Project, draft: &mut Action, typed: &mut Typed) {
    let someone_else = tr("actions.owner.other");
    let shown = match (&draft.owner, &typed.owner) {
        (_, Some(_)) => someone_else.to_string(),
        (Some(owner), None) => project
            .owner_name(owner)
            .unwrap_or_else(|| tr("actions.none").into_owned()),
        (None, None) => tr("actions.owner.none").into_owned(),
    };
    let label = ui.label(tr("actions.field.owner"));
    egui::ComboBox::from_id_salt("act-owner")
        .selected_text(shown)
        .width(ui.available_width())
        .height(420.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(
                    draft.owner.is_none() && typed.owner.is_none(),
                    tr("actions.owner.none"),
                )
                .clicked()
            {
                draft.owner = None;
                typed.owner = None;
            }
            for s in &project.stakeholders {
                let on = draft.owner == Some(Owner::Stakeholder(s.id)) && typed.owner.is_none();
                if ui.selectable_label(on, &s.name).clicked() {
                    draft.owner = Some(Owner::Stakeholder(s.id));
                    typed.owner = None;
                }
            }
            let named = matches!(draft.owner, Some(Owner::Named(_)));
            if ui
                .selectable_label(named || typed.owner.is_some(), someone_else.as_ref())
                .clicked()
            {
                typed.owner = Some(match &draft.owner {
                    Some(Owner::Named(name)) => name.clone(),
                    _ => String::new(),
                });
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(Owner::Named(name)) = &draft.owner
        && typed.owner.is_none()
    {
        typed.owner = Some(name.clone());
    }
    if let Some(name) = &mut typed.owner {
        let label = ui.label(tr("actions.field.owner_name"));
        ui.add(
            egui::TextEdit::singleline(name)
                .id_salt("act-owner-name")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        if name.trim().is_empty() {
            ui.weak(tr("actions.owner.type"));
        } else {
            // A name that is a stakeholder's becomes that stakeholder.
            draft.owner = Some(match project.owner_stakeholder(name) {
                Some(s) if s.name.trim() == name.trim() => Owner::Stakeholder(s.id),
                _ => Owner::Named(name.clone()),
            });
        }
    }
}

/// Impact and effort, 1 to 5, with the reason for each; the quadrant they put it in.
fn score_ui(ui: &mut egui::Ui, draft: &mut Action) {
    let not_scored = tr("actions.not_scored");
    for (value, reason, key, reason_key, salt) in [
        (
            &mut draft.impact,
            &mut draft.impact_reason,
            "actions.field.impact",
            "actions.field.impact_reason",
            "act-impact-reason",
        ),
        (
            &mut draft.effort,
            &mut draft.effort_reason,
            "actions.field.effort",
            "actions.field.effort_reason",
            "act-effort-reason",
        ),
    ] {
        let words = not_scored.clone();
        ui.add(
            egui::Slider::new(value, 0..=5)
                .text(tr(key))
                .custom_formatter(move |v, _| {
                    if v < 0.5 {
                        words.to_string()
                    } else {
                        format!("{v:.0}")
                    }
                }),
        );
        text_row(ui, &tr(reason_key), salt, reason, false);
    }
    let lang = i18n::language();
    match Quadrant::of(draft.impact, draft.effort) {
        Some(q) => {
            ui.label(egui::RichText::new(i18n::quadrant_name(lang, q)).strong());
            ui.weak(i18n::quadrant_advice(lang, q));
        }
        None => {
            ui.weak(tr("actions.score_hint"));
        }
    }
}

/// Status, due date and done date (`today` when it is marked done), and the effect once done.
fn plan_ui(
    ui: &mut egui::Ui,
    project: &Project,
    draft: &mut Action,
    (typed, today): (&mut Typed, &str),
) {
    let lang = i18n::language();
    let label = ui.label(tr("actions.field.status"));
    let before = draft.status;
    egui::ComboBox::from_id_salt("act-status")
        .selected_text(i18n::action_status_name(lang, draft.status))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for status in ActionStatus::ALL {
                ui.selectable_value(
                    &mut draft.status,
                    status,
                    i18n::action_status_name(lang, status),
                );
            }
        })
        .response
        .labelled_by(label.id);
    if draft.status == ActionStatus::Done && before != ActionStatus::Done && draft.done.is_empty() {
        today.clone_into(&mut draft.done);
        typed.done = None;
    }
    date_field(
        ui,
        (&tr("actions.field.due"), "act-due", &tr("actions.due_hint")),
        &mut draft.due,
        &mut typed.due,
        |t| crate::model::Due::parse(t).is_some(),
    );
    if draft.status == ActionStatus::Done || !draft.done.is_empty() {
        date_field(
            ui,
            (
                &tr("actions.field.done"),
                "act-done",
                &tr("actions.done_hint"),
            ),
            &mut draft.done,
            &mut typed.done,
            crate::model::time::is_valid_date,
        );
    }
    let effect = crate::analysis::effects::effect(project, draft);
    if let Some(line) = crate::report::actions::effect_line(project, draft, &effect, lang) {
        ui.add_space(4.0);
        // The percent sign stays with its figure when the line wraps.
        ui.label(egui::RichText::new(line.replace(" %", "\u{a0}%")).strong());
    }
}

/// A date field: what is typed is stored when it reads as a date (or is empty), else kept in
/// the field with a word on what it wants.
fn date_field(
    ui: &mut egui::Ui,
    (label, salt, hint): (&str, &str, &str),
    stored: &mut String,
    typed: &mut Option<String>,
    reads: impl Fn(&str) -> bool,
) {
    let name = ui.label(label);
    let mut text = typed.clone().unwrap_or_else(|| stored.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id_salt(salt)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id);
    let trimmed = text.trim();
    if trimmed.is_empty() || reads(trimmed) {
        trimmed.clone_into(stored);
        *typed = None;
    } else {
        if response.changed() || typed.is_some() {
            *typed = Some(text.clone());
        }
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr_args("actions.not_a_date", &[("text", &trimmed), ("hint", &hint)]),
        );
    }
}

fn opportunity_ui(
    ui: &mut egui::Ui,
    project: &Project,
    opportunity: &Opportunity,
    answers: &mut Vec<ActionAnswer>,
) {
    let mut draft = opportunity.clone();
    ui.heading(if opportunity.title.trim().is_empty() {
        tr("actions.untitled_opportunity").into_owned()
    } else {
        opportunity.title.trim().to_owned()
    });
    text_row(
        ui,
        &tr("actions.field.title"),
        "opp-title",
        &mut draft.title,
        false,
    );
    text_row(
        ui,
        &tr("actions.field.description"),
        "opp-description",
        &mut draft.description,
        true,
    );
    if draft != *opportunity {
        answers.push(ActionAnswer::ChangeOpportunity {
            merge: merge_key(ui, opportunity.id.0),
            opportunity: Box::new(draft),
        });
    }
    ui.separator();
    super::editor_links::seen_on_ui(ui, project, opportunity, answers);
    ui.separator();
    ui.strong(tr("actions.on_this"));
    let mut any = false;
    for action in project
        .actions
        .iter()
        .filter(|a| a.opportunity == Some(opportunity.id))
    {
        any = true;
        if ui.link(action.title.trim()).clicked() {
            answers.push(ActionAnswer::Select(Some(action.id)));
        }
    }
    if !any {
        ui.weak(tr("actions.none_yet"));
    }
    if ui.button(tr("actions.new_on_opportunity")).clicked() {
        answers.push(ActionAnswer::Add(Some(opportunity.id)));
    }
    ui.separator();
    if ui.button(tr("actions.delete_opportunity")).clicked() {
        answers.push(ActionAnswer::DeleteOpportunity(opportunity.id));
    }
}

/// Measure kinds offered in the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MeasureKind {
    None,
    Data,
    Remembered,
}

impl MeasureKind {
    pub(super) fn of(measure: Option<&Measure>) -> Self {
        match measure {
            None => Self::None,
            Some(Measure::Data { .. }) => Self::Data,
            Some(Measure::Remembered { .. }) => Self::Remembered,
        }
    }
}
