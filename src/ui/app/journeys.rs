//! Zooming from an experience map's stage into its journey map, and the breadcrumb back.

use super::{AppAction, KlantreisApp};
use crate::i18n::tr;
use crate::model::MapId;

impl KlantreisApp {
    /// Shows the journey map `journey`, remembering the map it was reached from.
    pub(super) fn open_journey(&mut self, journey: MapId) {
        let Some(index) = self.doc.project.maps.iter().position(|m| m.id == journey) else {
            self.notify_error(tr("notice.journey_gone"));
            return;
        };
        if let Some(from) = self.doc.project.maps.get(self.current_map) {
            self.trail.push(from.id);
        }
        self.show_map(index);
    }

    /// Back to the map at `index` of the trail (the crumbs after it are left).
    pub(super) fn back_to_crumb(&mut self, index: usize) {
        let Some(id) = self.trail.get(index).copied() else {
            return;
        };
        self.trail.truncate(index);
        if let Some(map) = self.doc.project.maps.iter().position(|m| m.id == id) {
            self.show_map(map);
        }
    }

    /// The breadcrumb above the canvas while a journey was reached by zooming in: each map
    /// on the way back, then the one on show.
    pub(super) fn breadcrumb_ui(&mut self, ui: &mut egui::Ui) {
        // Maps deleted since are left off the trail.
        let project = &self.doc.project;
        self.trail.retain(|id| project.map(*id).is_some());
        if self.trail.is_empty() {
            return;
        }
        let title = |id: MapId| {
            project
                .map(id)
                .map_or_else(String::new, |m| m.title.clone())
        };
        ui.horizontal(|ui| {
            ui.label("←");
            for (i, id) in self.trail.iter().enumerate() {
                if ui
                    .link(title(*id))
                    .on_hover_text(tr("breadcrumb.back"))
                    .clicked()
                {
                    self.actions.push(AppAction::Crumb(i));
                }
                ui.label("›");
            }
            if let Some(map) = project.maps.get(self.current_map) {
                ui.strong(&map.title);
            }
        });
    }
}
