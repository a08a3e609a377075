//! The map's background: a click clears the selection, a double-click adds a card to the cell,
//! Shift/Ctrl-drag draws a rubber band that selects the cards it touches, a right-click opens
//! the map's context menu.

use egui::{Rect, Stroke};

use super::actions::command_menu;
use super::{CanvasAction, Drag, Frame, MapCanvas};
use crate::layout::hit::cell_at;
use crate::ui::command::Command;
use crate::ui::selection::Selection;

impl MapCanvas {
    /// The background's clicks and drags; `band_handled` when the emotion lane took the click,
    /// `drawing` while a curve is being drawn.
    pub(super) fn background_ui(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        f: &mut Frame<'_>,
        band_handled: bool,
        drawing: bool,
    ) {
        let band_modifier = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        command_menu(background, &Command::MAP_MENU, &mut f.actions);
        if background.clicked() && !band_modifier && !band_handled {
            // A click on an empty cell puts the cell cursor there: what is typed next lands
            // in the cell that was clicked.
            *f.selection = f
                .pointer
                .and_then(|p| cell_at(f.layout, p))
                .map_or_else(Selection::default, |(lane, stage)| {
                    Selection::at_cell(lane, stage)
                });
            self.editing = None;
        }
        if background.double_clicked()
            && !band_handled
            && let Some(p) = f.pointer
            && let Some((lane, stage)) = cell_at(f.layout, p)
        {
            f.actions.push(CanvasAction::AddCard {
                lane,
                stage,
                template: None,
            });
        }
        self.hover_cell = ui
            .rect_contains_pointer(f.canvas)
            .then_some(f.pointer)
            .flatten()
            .and_then(|p| cell_at(f.layout, p));
        if background.drag_started_by(egui::PointerButton::Primary)
            && band_modifier
            && !drawing
            && let Some(p) = f.pointer
        {
            self.drag = Some(Drag::Band { from: p });
        }
        self.rubber_band_ui(ui, background, f);
    }

    /// The rubber band under way: drawn, and on release its cards selected (added to the
    /// selection with Shift).
    fn rubber_band_ui(&mut self, ui: &egui::Ui, background: &egui::Response, f: &mut Frame<'_>) {
        let Some(Drag::Band { from }) = self.drag else {
            return;
        };
        if let Some(p) = f.pointer {
            let band = Rect::from_two_pos(from, p);
            f.painter(ui).rect(
                f.to_screen * band,
                0.0,
                ui.visuals().selection.bg_fill.gamma_multiply(0.15),
                Stroke::new(1.0, ui.visuals().selection.stroke.color),
                egui::StrokeKind::Inside,
            );
            if background.drag_stopped() {
                if !ui.input(|i| i.modifiers.shift) {
                    *f.selection = Selection::default();
                }
                for c in &f.layout.cards {
                    if band.intersects(c.rect) {
                        f.selection.cards.insert(c.id);
                    }
                }
                self.drag = None;
            }
        }
        if !ui.input(|i| i.pointer.any_down()) {
            self.drag = None;
        }
    }
}
