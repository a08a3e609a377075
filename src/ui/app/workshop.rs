//! Workshop mode and its presenter view as the app runs them.

use super::KlantreisApp;
use crate::ui::workshop::{PresenterKey, Workshop};

impl KlantreisApp {
    /// Whether workshop mode is on.
    pub fn in_workshop(&self) -> bool {
        self.workshop.is_some()
    }

    /// The stage the presenter view shows last, while presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.workshop.and_then(|w| w.presenting)
    }

    /// How many stages the map on show has (the presenter walks them).
    pub(super) fn stage_count(&self) -> usize {
        self.doc
            .project
            .maps
            .get(self.current_map)
            .map_or(0, |m| m.stages.len())
    }

    pub(super) fn toggle_workshop(&mut self, ctx: &egui::Context) {
        if let Some(workshop) = self.workshop.take() {
            workshop.end(ctx);
            // Back in the editor, the map keeps the keyboard.
            self.canvas.take_keyboard();
        } else {
            self.workshop = Some(Workshop::start(ctx));
            self.canvas.view_mut().fitted = true;
            self.canvas.take_keyboard();
        }
    }

    /// Starts the presenter view (in workshop mode, which it turns on) or stops it.
    pub(super) fn toggle_presenting(&mut self, ctx: &egui::Context) {
        if self.workshop.is_none() {
            self.toggle_workshop(ctx);
        }
        let key = if self.presenting().is_some() {
            PresenterKey::Stop
        } else {
            PresenterKey::Next
        };
        self.present(key);
    }

    /// A step through the presentation.
    pub(super) fn present(&mut self, key: PresenterKey) {
        let stages = self.stage_count();
        if let Some(workshop) = &mut self.workshop {
            workshop.step(key, stages);
            self.canvas.view_mut().fitted = true;
        }
    }
}
