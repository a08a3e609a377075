//! Cards on the canvas: select (Shift/Ctrl adds), drag to another cell, double-click to edit the
//! title, right-click for the card menu, the span handle on a selected card's right edge, and
//! the outline of what is selected.

use egui::{CursorIcon, Id, Rect, Sense, Stroke, pos2, vec2};

use super::actions::command_menu;
use super::{CanvasAction, Drag, Frame, MapCanvas, TextTarget};
use crate::i18n::{tr, tr_args};
use crate::layout::CardLayout;
use crate::layout::hit::{drop_slot, span_to};
use crate::model::{Card, CardId};
use crate::ui::command::Command;

fn card_id(id: CardId) -> Id {
    Id::unique(("card", id.0))
}

/// How wide the span handle is to take hold of, in screen points, at any zoom.
const SPAN_GRIP_WIDTH: f32 = 14.0;
/// How tall the span handle's grip is at most, in screen points.
const SPAN_GRIP_HEIGHT: f32 = 22.0;

impl MapCanvas {
    /// Every card in view.
    pub(super) fn cards_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) {
        for card in &f.layout.cards {
            if !f.visible.intersects(card.rect) {
                continue;
            }
            let Some(model) = f.map.cards.get(card.index).filter(|c| c.id == card.id) else {
                continue;
            };
            self.card_ui(ui, f, card, model);
        }
        // A drag whose card scrolled out of view still has to end.
        if matches!(self.drag, Some(Drag::Cards { .. } | Drag::Span { .. }))
            && !ui.input(|i| i.pointer.any_down())
        {
            self.drag = None;
        }
    }

    fn card_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>, card: &CardLayout, model: &Card) {
        let response = ui.interact(
            f.to_screen * card.rect,
            card_id(card.id),
            Sense::click_and_drag(),
        );
        let selected = f.selection.cards.contains(&card.id);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                tr_args("canvas.card", &[("title", &model.title)]),
            )
        });
        // A moment of truth tells why it decides when the pointer rests on it.
        let response = match &model.moment_of_truth {
            Some(m) if self.drag.is_none() => {
                let reason = if m.reason.is_empty() {
                    tr("canvas.moment_no_reason")
                } else {
                    std::borrow::Cow::Borrowed(m.reason.as_str())
                };
                response.on_hover_text(format!("{}: {reason}", tr("inspector.moment_of_truth")))
            }
            _ => response,
        };
        if response.hovered() && self.drag.is_none() {
            ui.painter().rect_stroke(
                f.to_screen * card.rect,
                4.0 * f.to_screen.scaling,
                Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.6)),
                egui::StrokeKind::Outside,
            );
        }
        let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
        if response.clicked() {
            if shift || command {
                f.selection.stage = None;
                f.selection.lane = None;
                if !f.selection.cards.remove(&card.id) {
                    f.selection.cards.insert(card.id);
                }
            } else {
                f.selection.only_card(card.id);
            }
        }
        // A right-click on a card outside the selection makes it the selection.
        if response.secondary_clicked() && !f.selection.cards.contains(&card.id) {
            f.selection.only_card(card.id);
        }
        command_menu(&response, &Command::CARD_MENU, &mut f.actions);
        if response.double_clicked() {
            f.selection.only_card(card.id);
            self.edit_in_frame(false, TextTarget::CardTitle(card.id), model.title.clone());
        }
        self.card_drag(ui, f, card, &response);
        if selected && f.selection.cards.len() == 1 {
            self.span_handle_ui(ui, f, card, model);
            if f.map.kind == crate::model::MapKind::ServiceBlueprint {
                self.connect_handle_ui(ui, f, card, model);
            }
        }
    }

    /// Dragging a card (and the rest of the selection with it) to another cell.
    fn card_drag(
        &mut self,
        ui: &egui::Ui,
        f: &mut Frame<'_>,
        card: &CardLayout,
        response: &egui::Response,
    ) {
        if response.drag_started()
            && let Some(p) = f.press_origin(ui).or(f.pointer)
        {
            if !f.selection.cards.contains(&card.id) {
                f.selection.only_card(card.id);
            }
            // The grabbed card leads; the others follow in their order.
            let mut cards = f.selection.card_ids();
            cards.retain(|c| *c != card.id);
            cards.insert(0, card.id);
            self.drag = Some(Drag::Cards {
                cards,
                grab: p - card.rect.min,
                target: None,
            });
        }
        if response.dragged()
            && let Some(Drag::Cards { cards, target, .. }) = &mut self.drag
            && cards.first() == Some(&card.id)
            && let Some(p) = f.pointer
        {
            *target = drop_slot(f.layout, p, cards);
        }
        if response.drag_stopped()
            && let Some(Drag::Cards { cards, target, .. }) = self.drag.take()
            && let Some(t) = target
        {
            f.actions.push(CanvasAction::MoveCards {
                cards,
                lane: t.lane,
                stage: t.stage,
                index: t.index,
            });
        }
    }

    /// The handle on the right edge of the one selected card: drag it to span more stages.
    /// (Its width and least height on screen are [`SPAN_GRIP_WIDTH`] and [`SPAN_GRIP_HEIGHT`].)
    fn span_handle_ui(
        &mut self,
        ui: &egui::Ui,
        f: &mut Frame<'_>,
        card: &CardLayout,
        model: &Card,
    ) {
        // Sized on screen, not on the map: at any zoom a grip a finger's width wide to take
        // hold of, over the card's right edge (it is interacted after the card, so it wins).
        let on_screen = f.to_screen * card.rect;
        let handle = Rect::from_center_size(
            pos2(on_screen.right(), on_screen.center().y),
            vec2(SPAN_GRIP_WIDTH, on_screen.height().max(SPAN_GRIP_HEIGHT)),
        );
        let h = ui.interact(handle, Id::unique(("span", card.id.0)), Sense::drag());
        h.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Splitter,
                true,
                tr_args("canvas.resize", &[("title", &model.title)]),
            )
        });
        let h = h.on_hover_cursor(CursorIcon::ResizeHorizontal);
        let colour = ui.visuals().selection.stroke.color;
        if h.drag_started() {
            self.drag = Some(Drag::Span {
                card: card.id,
                span: model.span,
            });
        }
        if let Some(Drag::Span {
            card: dragged,
            span,
        }) = &mut self.drag
            && *dragged == card.id
        {
            if let (Some(p), Some(first)) = (f.pointer, f.map.stage_index(model.stage)) {
                *span = span_to(f.layout, first, p.x);
                let right = f
                    .layout
                    .stages
                    .get(first + *span as usize - 1)
                    .map_or(card.rect.right(), |s| s.column.right());
                ui.painter().rect_stroke(
                    f.to_screen
                        * Rect::from_min_max(card.rect.min, pos2(right - 4.0, card.rect.bottom())),
                    4.0,
                    Stroke::new(2.0, colour),
                    egui::StrokeKind::Outside,
                );
            }
            if h.drag_stopped() {
                if *span != model.span {
                    f.actions.push(CanvasAction::SetSpan {
                        card: card.id,
                        span: *span,
                    });
                }
                self.drag = None;
            }
        }
        // The grip: a pill in the selection's colour, ringed in the panel's so it stands out
        // on any card, with two ridges; larger while the pointer is on it.
        let grow = if h.hovered() || h.dragged() {
            1.25
        } else {
            1.0
        };
        let grip = Rect::from_center_size(
            handle.center(),
            vec2(
                6.0 * grow,
                SPAN_GRIP_HEIGHT.min(on_screen.height() - 4.0).max(12.0) * grow,
            ),
        );
        let painter = ui.painter();
        painter.rect(
            grip,
            3.0 * grow,
            colour,
            Stroke::new(1.5, ui.visuals().panel_fill),
            egui::StrokeKind::Outside,
        );
        for dy in [-3.0, 3.0] {
            let y = grip.center().y + dy;
            painter.line_segment(
                [pos2(grip.left() + 1.5, y), pos2(grip.right() - 1.5, y)],
                Stroke::new(1.0, ui.visuals().panel_fill),
            );
        }
    }

    /// Outlines around the selected cards, stage and lane, and what a card drag would do.
    pub(super) fn selection_overlay(&self, ui: &egui::Ui, f: &Frame<'_>) {
        let painter = f.painter(ui);
        let colour = ui.visuals().selection.stroke.color;
        for card in &f.layout.cards {
            if f.selection.cards.contains(&card.id) {
                painter.rect_stroke(
                    f.to_screen * card.rect,
                    4.0 * f.to_screen.scaling,
                    Stroke::new(2.5, colour),
                    egui::StrokeKind::Outside,
                );
            }
        }
        let stage = f
            .selection
            .stage
            .and_then(|id| f.layout.stages.iter().find(|s| s.id == id));
        let lane = f
            .selection
            .lane
            .and_then(|id| f.layout.lanes.iter().find(|l| l.id == id));
        for rect in [stage.map(|s| s.column), lane.map(|l| l.row)]
            .into_iter()
            .flatten()
        {
            painter.rect_stroke(
                f.to_screen * rect,
                0.0,
                Stroke::new(2.0, colour),
                egui::StrokeKind::Inside,
            );
        }
        if let Some(Drag::Cards {
            cards,
            grab,
            target,
        }) = &self.drag
        {
            super::drop::dragged_cards_ui(ui, f, cards, *grab, target.as_ref());
        }
    }
}
