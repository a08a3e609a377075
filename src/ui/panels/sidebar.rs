//! The sidebar: the project's title, its maps (add, duplicate, reorder, delete), the toolbox,
//! the personas, and what else the project holds.

use crate::edit::Edit;
use crate::i18n::{self, tr, tr_args, tr_count};
use crate::model::{MapKind, Project};
use crate::ui::app::AppAction;
use crate::ui::personas::PersonaAnswer;
use crate::ui::stakeholders::StakeholderAnswer;
use crate::ui::toolbox;

/// "New customer journey map", for the sidebar's + menu.
fn map_kind_new_label(kind: MapKind) -> String {
    let name = i18n::map_kind_name(i18n::language(), kind);
    tr_args("sidebar.new_map", &[("kind", &name)])
}

/// The sidebar for `project`, whose map at `current` is shown.
pub fn sidebar_ui(
    ui: &mut egui::Ui,
    project: &Project,
    (current, view): (usize, crate::ui::View),
    actions: &mut Vec<AppAction>,
) {
    ui.add_space(4.0);
    let mut title = project.title.clone();
    let name = ui.label(tr("sidebar.project"));
    if ui
        .add(
            egui::TextEdit::singleline(&mut title)
                .id_salt("project-title")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id)
        .changed()
    {
        actions.push(AppAction::Edit {
            label: tr("undo.rename_project").into_owned(),
            merge: Some(1),
            edit: Edit::SetProjectInfo {
                title,
                description: project.description.clone(),
            },
        });
    }
    ui.separator();
    let personas_shown = view == crate::ui::View::Personas;
    maps_ui(
        ui,
        project,
        (
            (view == crate::ui::View::Map).then_some(current),
            view == crate::ui::View::Overview,
        ),
        actions,
    );
    ui.separator();
    if let Some(item) = toolbox::toolbox_ui(ui) {
        actions.push(AppAction::Toolbox(item));
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .selectable_label(
                personas_shown,
                crate::ui::style::selectable_text(
                    ui,
                    egui::RichText::new(tr("sidebar.personas")).strong(),
                    personas_shown,
                ),
            )
            .on_hover_text(tr("sidebar.personas_tip"))
            .clicked()
        {
            actions.push(AppAction::Persona(PersonaAnswer::Open(None)));
        }
        if ui
            .small_button("+")
            .on_hover_text(tr("personas.new"))
            .clicked()
        {
            actions.push(AppAction::Persona(PersonaAnswer::Open(None)));
            actions.push(AppAction::Persona(PersonaAnswer::Add));
        }
    });
    ui.indent("personas", |ui| {
        for persona in &project.personas {
            let name = crate::ui::personas::display_name(persona);
            if ui
                .selectable_label(false, name)
                .on_hover_text(&persona.role)
                .clicked()
            {
                actions.push(AppAction::Persona(PersonaAnswer::Open(Some(persona.id))));
            }
        }
    });
    // The stakeholder map and the actions share a line: the sidebar stays short enough for a
    // laptop's screen.
    let open = project
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .count();
    ui.horizontal_wrapped(|ui| {
        for (shown, key, tip, action) in [
            (
                view == crate::ui::View::Stakeholders,
                "sidebar.stakeholder_map",
                tr_count("sidebar.stakeholders", project.stakeholders.len()),
                AppAction::Stakeholder(StakeholderAnswer::Open(None)),
            ),
            (
                view == crate::ui::View::Actions,
                "sidebar.actions",
                format!(
                    "{}\n{} · {}",
                    tr("sidebar.actions_tip"),
                    tr_count("sidebar.opportunities", project.opportunities.len()),
                    tr_count("sidebar.open_actions", open),
                ),
                AppAction::Command(crate::ui::command::Command::ShowActions),
            ),
        ] {
            if ui
                .selectable_label(
                    shown,
                    crate::ui::style::selectable_text(
                        ui,
                        egui::RichText::new(tr(key)).strong(),
                        shown,
                    ),
                )
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(action);
            }
        }
    });
    ui.separator();
    research_ui(ui, project, view, actions);
}

/// The research view's entry, with the evidence to drag onto cards while the map shows.
fn research_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: crate::ui::View,
    actions: &mut Vec<AppAction>,
) {
    if ui
        .selectable_label(
            view == crate::ui::View::Research,
            crate::ui::style::selectable_text(
                ui,
                egui::RichText::new(tr("sidebar.research")).strong(),
                view == crate::ui::View::Research,
            ),
        )
        .on_hover_text(tr("sidebar.research_tip"))
        .clicked()
    {
        actions.push(AppAction::Command(
            crate::ui::command::Command::ShowResearch,
        ));
    }
    ui.weak(format!(
        "{} · {}",
        tr_count("sidebar.evidence", project.evidence.len()),
        tr_count("sidebar.datasets", project.datasets.len()),
    ));
    if view != crate::ui::View::Map || project.evidence.is_empty() {
        return;
    }
    ui.weak(tr("sidebar.drag_evidence"));
    // Only the rows in view are laid out: a project may hold thousands of quotes.
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical()
        .id_salt("sidebar-evidence")
        .max_height(220.0)
        .show_rows(ui, row_height, project.evidence.len(), |ui, rows| {
            for e in &project.evidence[rows] {
                let label = crate::ui::research::evidence_label(e);
                let response = ui
                    .add(
                        egui::Label::new(format!("“{label}”"))
                            .truncate()
                            .sense(egui::Sense::click_and_drag()),
                    )
                    .on_hover_text(&e.text)
                    .on_hover_cursor(egui::CursorIcon::Grab);
                response.dnd_set_drag_payload(e.id);
            }
        });
}

/// The list of maps with its + menu and each map's context menu.
fn maps_ui(
    ui: &mut egui::Ui,
    project: &Project,
    (current, overview): (Option<usize>, bool),
    actions: &mut Vec<AppAction>,
) {
    ui.horizontal(|ui| {
        if ui
            .selectable_label(
                current.is_none() && overview,
                crate::ui::style::selectable_text(
                    ui,
                    egui::RichText::new(tr("sidebar.maps")).strong(),
                    current.is_none() && overview,
                ),
            )
            .on_hover_text(tr("sidebar.maps_tip"))
            .clicked()
        {
            actions.push(AppAction::Command(
                crate::ui::command::Command::ShowOverview,
            ));
        }
        ui.menu_button("+", |ui| {
            for kind in MapKind::ALL {
                if ui.button(map_kind_new_label(kind)).clicked() {
                    actions.push(AppAction::AddMap(kind));
                }
            }
        })
        .response
        .on_hover_text(tr("sidebar.add_map"));
    });
    let count = project.maps.len();
    for (i, map) in project.maps.iter().enumerate() {
        let label = if map.title.is_empty() {
            tr("sidebar.untitled_map").into_owned()
        } else {
            map.title.clone()
        };
        let response = ui
            .selectable_label(Some(i) == current, &label)
            .on_hover_text(i18n::map_kind_name(i18n::language(), map.kind));
        if response.clicked() {
            actions.push(AppAction::SelectMap(i));
        }
        response.context_menu(|ui| {
            if ui.button(tr("sidebar.duplicate_map")).clicked() {
                actions.push(AppAction::DuplicateMap(i));
            }
            let moves = [
                (i > 0, "sidebar.move_up", i.saturating_sub(1)),
                (i + 1 < count, "sidebar.move_down", i + 1),
            ];
            for (enabled, key, to) in moves {
                if ui
                    .add_enabled(enabled, egui::Button::new(tr(key)))
                    .clicked()
                {
                    actions.push(AppAction::MoveMap { from: i, to });
                }
            }
            if ui
                .add_enabled(count > 1, egui::Button::new(tr("sidebar.delete_map")))
                .clicked()
            {
                actions.push(AppAction::DeleteMap(i));
            }
            ui.label(tr("sidebar.rename_hint"));
        });
    }
}
