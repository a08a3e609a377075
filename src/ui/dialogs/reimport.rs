//! What a re-import would change (values added, removed, changed; rows not used), to apply or
//! drop.

use super::import_data::reason_text;
use crate::i18n::{tr, tr_args, tr_count};

/// What a re-import would change, to confirm before it is applied.
pub struct ReimportDialog {
    pub imported: crate::edit::data::Imported,
    pub name: String,
}

/// The answer to a re-import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReimportAnswer {
    Apply,
    Cancel,
}

impl ReimportDialog {
    pub fn ui(&self, ctx: &egui::Context) -> Option<ReimportAnswer> {
        let mut answer = None;
        let lang = crate::i18n::language();
        egui::Window::new(tr_args("reimport.title", &[("name", &self.name)]))
            .collapsible(false)
            .resizable(true)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                if let Some(found) = &self.imported.found_beside {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        tr_args(
                            "reimport.found_beside",
                            &[
                                ("read", &found.read.display()),
                                ("stored", &found.stored.display()),
                            ],
                        ),
                    );
                }
                let c = &self.imported.changes;
                if c.is_empty() {
                    ui.label(tr_count("reimport.unchanged", self.imported.values));
                } else {
                    ui.label(tr_args(
                        "reimport.summary",
                        &[
                            ("added", &c.added()),
                            ("removed", &c.removed()),
                            ("changed", &c.changed()),
                        ],
                    ));
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .show(ui, |ui| {
                            egui::Grid::new("reimport-changes")
                                .striped(true)
                                .show(ui, |ui| {
                                    for change in &c.changes {
                                        let show = |v: Option<f64>| {
                                            v.map_or("—".to_owned(), |v| {
                                                crate::layout::format_number(v, lang)
                                            })
                                        };
                                        ui.label(&change.place);
                                        ui.label(show(change.old));
                                        ui.label("→");
                                        ui.strong(show(change.new));
                                        ui.end_row();
                                    }
                                });
                        });
                }
                if !self.imported.problems.is_empty() {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        tr_count("import.problems", self.imported.problems.len()),
                    );
                    for p in self.imported.problems.iter().take(50) {
                        ui.label(tr_args(
                            "import.problem",
                            &[("line", &p.line), ("reason", &reason_text(&p.reason))],
                        ));
                    }
                }
                ui.horizontal(|ui| {
                    if ui.button(tr("reimport.apply")).clicked() {
                        answer = Some(ReimportAnswer::Apply);
                    }
                    if ui.button(tr("import.cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        answer = Some(ReimportAnswer::Cancel);
                    }
                });
            });
        answer
    }
}
