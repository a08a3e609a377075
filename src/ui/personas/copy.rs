//! The dialog that chooses which personas to copy: from another project file into this one, or
//! from this project into another file.

use std::path::PathBuf;

use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{PersonaId, Project};

/// Which way the personas go.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyDirection {
    /// From the project read from `path` into the open one.
    From { path: PathBuf, source: Box<Project> },
    /// From the open project into a file chosen next.
    To,
}

/// The dialog: the personas on offer, each ticked or not.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyDialog {
    pub direction: CopyDirection,
    pub offered: Vec<(PersonaId, String, bool)>,
}

/// The dialog's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyAnswer {
    Copy(Vec<PersonaId>),
    Cancel,
}

impl CopyDialog {
    /// Offers the personas of `project`, those in `ticked` ticked (all when it is empty).
    pub fn new(direction: CopyDirection, project: &Project, ticked: &[PersonaId]) -> Self {
        let offered = project
            .personas
            .iter()
            .map(|p| {
                (
                    p.id,
                    super::display_name(p),
                    ticked.is_empty() || ticked.contains(&p.id),
                )
            })
            .collect();
        Self { direction, offered }
    }

    /// Shows the dialog; returns the answer once given.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<CopyAnswer> {
        let mut answer = None;
        let title = match &self.direction {
            CopyDirection::From { .. } => tr("personas.copy_from.title"),
            CopyDirection::To => tr("personas.copy_to.title"),
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.set_width(360.0);
                match &self.direction {
                    CopyDirection::From { path, .. } => {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        ui.label(tr_args("personas.copy_from.intro", &[("file", &name)]));
                    }
                    CopyDirection::To => {
                        ui.label(tr("personas.copy_to.intro"));
                    }
                }
                ui.add_space(6.0);
                if self.offered.is_empty() {
                    ui.weak(tr("personas.copy.none"));
                }
                for (_, name, ticked) in &mut self.offered {
                    ui.checkbox(ticked, name.as_str());
                }
                ui.add_space(6.0);
                let chosen: Vec<PersonaId> = self
                    .offered
                    .iter()
                    .filter(|(_, _, t)| *t)
                    .map(|(id, _, _)| *id)
                    .collect();
                ui.horizontal(|ui| {
                    let label = match self.direction {
                        CopyDirection::From { .. } => {
                            tr_count("personas.copy.button", chosen.len())
                        }
                        CopyDirection::To => tr_count("personas.copy_to.button", chosen.len()),
                    };
                    if ui
                        .add_enabled(!chosen.is_empty(), egui::Button::new(label))
                        .clicked()
                    {
                        answer = Some(CopyAnswer::Copy(chosen));
                    }
                    if ui.button(tr("personas.copy.cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        answer = Some(CopyAnswer::Cancel);
                    }
                });
            });
        answer
    }
}
