//! The step of a spreadsheet grid import where the user checks what each row becomes: the lane
//! kind guessed from its name (a row not recognised says so), the stages read across, and the
//! new map's title.

use std::path::PathBuf;

use crate::i18n::{self, tr, tr_args, tr_count};
use crate::import::grid::Grid;
use crate::model::LaneKind;

/// The open grid step.
pub struct GridDialog {
    pub path: PathBuf,
    pub grid: Grid,
}

/// What the user decided.
#[derive(Clone, Debug, PartialEq)]
pub enum GridAnswer {
    /// Make the map from this grid (the kinds as the user left them).
    Import(Grid),
    Cancel,
}

impl GridDialog {
    /// Shows the step; `Some` once the user has decided.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<GridAnswer> {
        let mut answer = None;
        let lang = i18n::language();
        let file = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        egui::Window::new(tr("grid.title"))
            .collapsible(false)
            .resizable(true)
            .default_width(620.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(tr_args("grid.intro", &[("file", &file)]));
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    let name = ui.label(tr("grid.map_title"));
                    ui.text_edit_singleline(&mut self.grid.title)
                        .labelled_by(name.id);
                });
                ui.label(format!(
                    "{}: {}",
                    tr_count("grid.stages", self.grid.stages.len()),
                    self.grid.stages.join(" · ")
                ));
                ui.add_space(6.0);
                ui.strong(tr("grid.rows"));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        egui::Grid::new("grid-lanes")
                            .num_columns(3)
                            .striped(true)
                            .show(ui, |ui| {
                                for (i, lane) in self.grid.lanes.iter_mut().enumerate() {
                                    let name = ui.label(&lane.name);
                                    let before = lane.kind;
                                    egui::ComboBox::from_id_salt(("grid-kind", i))
                                        .selected_text(i18n::lane_kind_name(lang, lane.kind))
                                        .height(480.0)
                                        .show_ui(ui, |ui| {
                                            for kind in LaneKind::ALL {
                                                ui.selectable_value(
                                                    &mut lane.kind,
                                                    kind,
                                                    i18n::lane_kind_name(lang, kind),
                                                );
                                            }
                                        })
                                        .response
                                        .labelled_by(name.id);
                                    if lane.kind != before {
                                        lane.recognised = true;
                                    }
                                    if lane.recognised {
                                        ui.weak(tr_args("grid.line", &[("line", &lane.line)]));
                                    } else {
                                        ui.colored_label(
                                            ui.visuals().warn_fg_color,
                                            tr("grid.not_recognised"),
                                        );
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            !self.grid.title.trim().is_empty(),
                            egui::Button::new(tr("grid.import")),
                        )
                        .clicked()
                    {
                        answer = Some(GridAnswer::Import(self.grid.clone()));
                    }
                    if ui.button(tr("grid.cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        answer = Some(GridAnswer::Cancel);
                    }
                });
            });
        answer
    }
}
