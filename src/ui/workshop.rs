//! Workshop mode (View › Workshop mode, F11): the window full screen, everything larger, the
//! menus and side panels away and a short toolbar for participants, the map taking the
//! keyboard for fast capture. Its presenter view (F5) walks through the stages one at a time:
//! the stages still to come are covered, so the curve is revealed step by step.

use crate::i18n::{tr, tr_args};
use crate::ui::app::AppAction;
use crate::ui::command::Command;

/// How much larger everything is in workshop mode.
pub const ZOOM: f32 = 1.35;

/// Workshop mode, on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Workshop {
    /// The stage shown last in the presenter view (0-based), while presenting.
    pub presenting: Option<usize>,
    /// The interface zoom to go back to.
    pub previous_zoom: f32,
}

/// A step through the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenterKey {
    Next,
    Previous,
    Stop,
}

/// The toolbar of workshop mode, large and short; its commands come from the command list.
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    workshop: &Workshop,
    stages: usize,
    actions: &mut Vec<AppAction>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().button_padding = egui::vec2(12.0, 6.0);
        for command in Command::WORKSHOP_TOOLBAR {
            let mut tip = command.tooltip().into_owned();
            if let Some(s) = command.shortcut() {
                tip = format!(
                    "{tip} ({})",
                    crate::ui::command::shortcut_text(ui.ctx(), &s)
                );
            }
            let on = match command {
                Command::WorkshopMode => true,
                Command::Present => workshop.presenting.is_some(),
                _ => false,
            };
            if crate::ui::panels::command_button(ui, command, on)
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(AppAction::Command(command));
            }
        }
        if let Some(stage) = workshop.presenting {
            ui.separator();
            if ui
                .add_enabled(stage > 0, egui::Button::new(tr("workshop.previous")))
                .clicked()
            {
                actions.push(AppAction::Presenter(PresenterKey::Previous));
            }
            ui.strong(tr_args(
                "workshop.stage_of",
                &[("stage", &(stage + 1)), ("stages", &stages)],
            ));
            if ui
                .add_enabled(stage + 1 < stages, egui::Button::new(tr("workshop.next")))
                .clicked()
            {
                actions.push(AppAction::Presenter(PresenterKey::Next));
            }
            if ui.button(tr("workshop.stop")).clicked() {
                actions.push(AppAction::Presenter(PresenterKey::Stop));
            }
        }
    });
}

/// The presenter's keys: →, Space and Page Down forward, ← and Page Up back, Esc stops. They are taken
/// before the map sees them.
pub fn presenter_keys(ctx: &egui::Context) -> Option<PresenterKey> {
    use egui::{Key, Modifiers};
    ctx.input_mut(|i| {
        let mut take = |key| i.consume_key(Modifiers::NONE, key);
        if take(Key::ArrowRight) || take(Key::Space) || take(Key::PageDown) {
            Some(PresenterKey::Next)
        } else if take(Key::ArrowLeft) || take(Key::PageUp) {
            Some(PresenterKey::Previous)
        } else if take(Key::Escape) {
            Some(PresenterKey::Stop)
        } else {
            None
        }
    })
}

impl Workshop {
    /// Turns workshop mode on: full screen, larger, the map taking the keyboard.
    pub fn start(ctx: &egui::Context) -> Self {
        let previous_zoom = ctx.zoom_factor();
        ctx.set_zoom_factor(previous_zoom * ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        Self {
            presenting: None,
            previous_zoom,
        }
    }

    /// Turns it off again, as the window was.
    pub fn end(self, ctx: &egui::Context) {
        ctx.set_zoom_factor(self.previous_zoom);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// The presentation after `key`, on a map of `stages` stages.
    pub fn step(&mut self, key: PresenterKey, stages: usize) {
        let last = stages.saturating_sub(1);
        self.presenting = match (key, self.presenting) {
            (PresenterKey::Stop, _) => None,
            (PresenterKey::Next, Some(s)) => Some((s + 1).min(last)),
            (PresenterKey::Previous, Some(s)) => Some(s.saturating_sub(1)),
            (_, None) => Some(0),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presenter_walks_the_stages_and_stops_at_both_ends() {
        let mut w = Workshop {
            presenting: None,
            previous_zoom: 1.0,
        };
        w.step(PresenterKey::Next, 3);
        assert_eq!(w.presenting, Some(0));
        w.step(PresenterKey::Previous, 3);
        assert_eq!(w.presenting, Some(0));
        for _ in 0..5 {
            w.step(PresenterKey::Next, 3);
        }
        assert_eq!(w.presenting, Some(2));
        w.step(PresenterKey::Previous, 3);
        assert_eq!(w.presenting, Some(1));
        w.step(PresenterKey::Stop, 3);
        assert_eq!(w.presenting, None);
    }
}
