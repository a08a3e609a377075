//! What one frame shows: the panels around the canvas (or the start screen, or workshop
//! mode's toolbar), the canvas, and the open dialogs. Everything here only pushes actions.

use super::{AppAction, KlantreisApp};
use crate::i18n::{tr, tr_args};
use crate::ui::panels;

impl KlantreisApp {
    /// The panels around the canvas, and the canvas; or the start screen below the menus.
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(start) = &self.start {
            egui::Panel::top("menu").show(ui, |ui| {
                panels::menu_bar_ui(
                    ui,
                    &self.settings,
                    (&self.doc.project, self.lens.as_deref()),
                    &mut self.actions,
                );
                if let Some(i) = panels::notices_ui(ui, &self.notices) {
                    self.notices.remove(i);
                }
            });
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(answer) = start.ui(ui) {
                    self.actions.push(AppAction::Start(answer));
                }
            });
            return;
        }
        if let Some(workshop) = &self.workshop {
            let stages = self.stage_count();
            egui::Panel::top("workshop").show(ui, |ui| {
                crate::ui::workshop::toolbar_ui(ui, workshop, stages, &mut self.actions);
                if let Some(i) = panels::notices_ui(ui, &self.notices) {
                    self.notices.remove(i);
                }
            });
            self.canvas_ui(ui);
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| {
            panels::menu_bar_ui(
                ui,
                &self.settings,
                (&self.doc.project, self.lens.as_deref()),
                &mut self.actions,
            );
            let can_undo = self.doc.history.undo_label().is_some();
            let can_redo = self.doc.history.redo_label().is_some();
            let selected = !self.selection.is_empty();
            panels::toolbar_ui(ui, (can_undo, can_redo, selected), &mut self.actions);
            if let Some(crate::ui::dialogs::ExportOutcome::Finished { message, error }) =
                self.dialogs.export.progress_ui(ui)
            {
                self.actions.push(AppAction::Notify { message, error });
            }
            if let Some(i) = panels::notices_ui(ui, &self.notices) {
                self.notices.remove(i);
            }
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status_bar_ui(
                ui,
                &panels::Status {
                    zoom: self.canvas.view().zoom,
                    selected: self.selection.count(),
                    dirty: self.doc.is_dirty(),
                    never_saved: self.doc.path.is_none(),
                    last_change: self.doc.history.undo_label(),
                },
            );
        });
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(210.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    panels::sidebar_ui(
                        ui,
                        &self.doc.project,
                        (self.current_map, self.view),
                        &mut self.actions,
                    );
                });
            });
        match self.view {
            super::View::Personas => {
                self.personas_ui(ui);
                return;
            }
            super::View::Stakeholders => {
                self.stakeholders_ui(ui);
                return;
            }
            super::View::Actions => {
                self.actions_ui(ui);
                return;
            }
            super::View::Overview => {
                egui::CentralPanel::default().show(ui, |ui| {
                    if let Some(index) =
                        self.overview
                            .ui(ui, &self.doc.project, self.doc.revision(), &mut self.text)
                    {
                        self.actions.push(AppAction::SelectMap(index));
                    }
                });
                return;
            }
            super::View::Research => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let answers = self.research.ui(ui, &self.doc.project);
                    self.actions
                        .extend(answers.into_iter().map(AppAction::Research));
                });
                return;
            }
            super::View::Map => {}
        }
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.right_panel_ui(ui));
        if !self.trail.is_empty() {
            egui::Panel::top("breadcrumb").show(ui, |ui| self.breadcrumb_ui(ui));
        }
        self.canvas_ui(ui);
    }

    /// The actions view, with the selected action's or opportunity's editor on the right.
    fn actions_ui(&mut self, ui: &mut egui::Ui) {
        let map = self.doc.project.maps.get(self.current_map).map(|m| m.id);
        let today = crate::dates::local_day(&(self.clock)()).unwrap_or_default();
        egui::Panel::right("action-editor")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let answers = crate::ui::actions::action_editor_ui(
                        ui,
                        &self.doc.project,
                        &mut self.action_view,
                        (map, &today),
                    );
                    self.actions
                        .extend(answers.into_iter().map(AppAction::Action));
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let answers =
                self.action_view
                    .ui(ui, &self.doc.project, self.doc.revision(), &mut self.text);
            self.actions
                .extend(answers.into_iter().map(AppAction::Action));
        });
    }

    /// The stakeholder map, with the selection's editor on the right.
    fn stakeholders_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::right("stakeholder-editor")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let answers = crate::ui::stakeholders::stakeholder_editor_ui(
                        ui,
                        &self.doc.project,
                        (self.stakeholders.selected, self.stakeholders.relation),
                    );
                    self.actions
                        .extend(answers.into_iter().map(AppAction::Stakeholder));
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let answers =
                self.stakeholders
                    .ui(ui, &self.doc.project, self.doc.revision(), &mut self.text);
            self.actions
                .extend(answers.into_iter().map(AppAction::Stakeholder));
        });
    }

    /// The personas view, with the selected persona's editor on the right.
    fn personas_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::right("persona-editor")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let project = &self.doc.project;
                    if let Some(persona) = self.personas.selected.and_then(|id| project.persona(id))
                    {
                        let answers = crate::ui::personas::persona_editor_ui(ui, project, persona);
                        self.actions
                            .extend(answers.into_iter().map(AppAction::Persona));
                    } else {
                        ui.add_space(12.0);
                        ui.weak(tr("personas.select_hint"));
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let answers = self.personas.ui(ui, &self.doc.project);
            self.actions
                .extend(answers.into_iter().map(AppAction::Persona));
        });
    }

    /// The map on the canvas (or a word that there is none); a snapshot on show is drawn
    /// read-only under a bar that says so.
    fn canvas_ui(&mut self, ui: &mut egui::Ui) {
        self.canvas
            .reveal_until(self.workshop.and_then(|w| w.presenting));
        self.refresh_comparison();
        if let Some(snapshot) = self
            .viewed_snapshot()
            .and_then(|id| self.doc.project.snapshot(id))
        {
            egui::Panel::top("snapshot-bar").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(tr_args(
                        "versions.viewing",
                        &[
                            ("label", &snapshot.label),
                            (
                                "date",
                                &crate::layout::display_date(snapshot.day(), self.language),
                            ),
                        ],
                    ));
                    if ui.button(tr("versions.back")).clicked() {
                        self.actions
                            .push(AppAction::Versions(panels::VersionsAnswer::StopViewing));
                    }
                    if ui.button(tr("versions.restore")).clicked() {
                        self.actions
                            .push(AppAction::Versions(panels::VersionsAnswer::Restore(
                                snapshot.id,
                            )));
                    }
                });
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.ensure_painted();
            let Some(painted) = &self.painted else {
                ui.centered_and_justified(|ui| ui.label(tr("canvas.no_maps")));
                return;
            };
            let read_only = painted.snapshot.is_some();
            let Some(map) =
                super::versions::shown(&self.doc.project, self.current_map, self.versions.viewing)
            else {
                return;
            };
            // A snapshot is looked at, not edited: its canvas gets a selection of its own and
            // what it asks for is dropped.
            let mut looking = crate::ui::selection::Selection::default();
            let selection = if read_only {
                &mut looking
            } else {
                &mut self.selection
            };
            let actions = self.canvas.show(
                ui,
                map,
                (&painted.layout, &painted.scene, painted.serial),
                selection,
            );
            if !read_only {
                self.actions
                    .extend(actions.into_iter().map(AppAction::Canvas));
            }
        });
    }

    /// The inspector, the analysis or the versions, as the tabs say.
    fn right_panel_ui(&mut self, ui: &mut egui::Ui) {
        use super::RightTab;
        // Wrapped, so a fourth tab takes a second row rather than widening the panel.
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(
                &mut self.right_tab,
                RightTab::Inspector,
                tr("panel.inspector"),
            );
            ui.selectable_value(
                &mut self.right_tab,
                RightTab::Analysis,
                tr("panel.analysis"),
            );
            let versions = if self.doc.project.conflicts.is_empty() {
                tr("panel.versions").into_owned()
            } else {
                format!(
                    "{} ({})",
                    tr("panel.versions"),
                    self.doc.project.conflicts.len()
                )
            };
            ui.selectable_value(&mut self.right_tab, RightTab::Versions, versions);
            let open = self.doc.project.maps.get(self.current_map).map_or(0, |m| {
                self.doc
                    .project
                    .comments_on(m.id)
                    .filter(|c| c.is_open())
                    .count()
            });
            let comments = if open == 0 {
                tr("panel.comments").into_owned()
            } else {
                format!("{} ({open})", tr("panel.comments"))
            };
            ui.selectable_value(&mut self.right_tab, RightTab::Comments, comments);
        });
        ui.separator();
        if self.right_tab == RightTab::Versions {
            self.versions_tab_ui(ui);
            return;
        }
        if self.right_tab == RightTab::Comments {
            if let Some(map) = self.doc.project.maps.get(self.current_map) {
                let answers = crate::ui::review::comments_ui(
                    ui,
                    &self.doc.project,
                    map,
                    &self.selection,
                    &mut self.review,
                );
                self.actions
                    .extend(answers.into_iter().map(AppAction::Review));
            }
            return;
        }
        let analysis_shown = self.right_tab == RightTab::Analysis;
        if analysis_shown {
            self.ensure_painted();
            if let (Some(painted), Some(map)) = (
                self.painted.as_mut(),
                self.doc.project.maps.get(self.current_map),
            ) && painted
                .report
                .as_ref()
                .is_none_or(|(l, _)| *l != self.language)
            {
                let report = crate::report::map_report(
                    &self.doc.project,
                    map,
                    &painted.analysis,
                    self.language,
                    1,
                );
                painted.report = Some((self.language, report));
            }
        }
        let (Some(map), painted) = (
            self.doc.project.maps.get(self.current_map),
            self.painted.as_ref(),
        ) else {
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            if analysis_shown {
                let Some((_, report)) = painted.and_then(|p| p.report.as_ref()) else {
                    return;
                };
                let pain_lane = crate::ui::toolbox::CardTemplate::PainPoint.lane_for(map, None);
                let open = self
                    .doc
                    .project
                    .comments_on(map.id)
                    .filter(|c| c.is_open())
                    .count();
                if open > 0
                    && ui
                        .link(crate::i18n::tr_count("review.open_count", open))
                        .on_hover_text(tr("cmd.show_comments.tip"))
                        .clicked()
                {
                    self.actions.push(AppAction::Command(
                        crate::ui::command::Command::ShowComments,
                    ));
                }
                match panels::analysis_ui(ui, report, pain_lane.is_some()) {
                    Some(panels::AnalysisAnswer::Pick(pick)) => {
                        self.actions.push(AppAction::Pick(pick));
                    }
                    Some(panels::AnalysisAnswer::MakeAction(target)) => {
                        // Selected first: the action is drafted from what is selected.
                        self.actions
                            .push(AppAction::Pick(crate::report::Link::Target(target)));
                        self.actions
                            .push(AppAction::Command(crate::ui::command::Command::MakeAction));
                    }
                    Some(panels::AnalysisAnswer::AddPainPoint(stage)) => {
                        if let Some(lane) = pain_lane {
                            self.actions.push(AppAction::Canvas(
                                crate::ui::canvas::CanvasAction::AddCard {
                                    lane,
                                    stage,
                                    template: Some(crate::ui::toolbox::CardTemplate::PainPoint),
                                },
                            ));
                        }
                    }
                    None => {}
                }
            } else if let Some(e) = panels::inspector_ui(
                ui,
                &self.doc.project,
                map,
                (
                    &self.selection,
                    &self.theme,
                    self.canvas.drawn_curve(map, &self.selection),
                ),
                &mut self.actions,
            ) {
                self.actions.push(AppAction::Edit {
                    label: e.label,
                    merge: e.merge,
                    edit: e.edit,
                });
            }
        });
    }

    /// The Versions tab: snapshots, the comparison, a merge's conflicts.
    fn versions_tab_ui(&mut self, ui: &mut egui::Ui) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let comparing = self
            .versions
            .comparing
            .as_ref()
            .map(|c| (c.from, c.to, &c.diff, c.step));
        let mut view = panels::VersionsView {
            label: &mut self.versions.label,
            viewing: self.versions.viewing,
            comparing,
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            let answers = panels::versions_ui(ui, &self.doc.project, map, &mut view);
            self.actions
                .extend(answers.into_iter().map(AppAction::Versions));
        });
    }

    /// The open dialogs; their answers become actions.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(answer) = self.dialogs.unsaved.as_ref().and_then(|(d, _)| d.ui(ctx)) {
            self.actions.push(AppAction::Unsaved(answer));
        }
        if let Some(answer) = self.dialogs.recover.as_ref().and_then(|(d, _)| d.ui(ctx)) {
            self.actions.push(AppAction::Recover(answer));
        }
        if let Some(answer) = self
            .dialogs
            .file_field
            .as_mut()
            .and_then(|(f, _)| f.ui(ctx))
        {
            self.actions.push(AppAction::FileField(answer));
        }
        if let Some(answer) = self.dialogs.palette.as_mut().and_then(|p| p.ui(ctx)) {
            self.actions.push(AppAction::Palette(answer));
        }
        if let Some(answer) = self.dialogs.settings.as_mut().and_then(|d| d.ui(ctx)) {
            self.actions.push(AppAction::Settings(answer));
        }
        if let Some(closed) = self.dialogs.help.and_then(|h| h.ui(ctx)) {
            self.actions.push(AppAction::Help(closed));
        }
        if let Some(language) = self.dialogs.language.and_then(|q| q.ui(ctx)) {
            self.actions.push(AppAction::FirstLanguage(language));
        }
        if let Some(answer) = self.dialogs.tour.and_then(|t| t.ui(ctx)) {
            self.actions.push(AppAction::Tour(answer));
        }
        if let Some(answer) = self
            .dialogs
            .import
            .as_mut()
            .and_then(|d| d.ui(ctx, &self.doc.project))
        {
            self.actions.push(AppAction::Import(answer));
        }
        if let Some(answer) = self.dialogs.grid.as_mut().and_then(|d| d.ui(ctx)) {
            self.actions.push(AppAction::Grid(answer));
        }
        if let Some(answer) = self.dialogs.reimport.as_ref().and_then(|d| d.ui(ctx)) {
            self.actions.push(AppAction::Reimport(answer));
        }
        if let Some(answer) = self.dialogs.copy_personas.as_mut().and_then(|d| d.ui(ctx)) {
            self.actions.push(AppAction::CopyPersonas(answer));
        }
        if let Some(map) = self.doc.project.maps.get(self.current_map)
            && let Some(crate::ui::dialogs::ExportOutcome::Choose {
                file_name,
                extension,
            }) = self.dialogs.export.ui(
                ctx,
                (&self.doc.project, map, self.doc.revision()),
                !self.dialogs.modal(),
            )
        {
            self.actions.push(AppAction::ChooseExport {
                file_name,
                extension,
            });
        }
    }
}
