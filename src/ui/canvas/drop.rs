//! Things dragged over the map: cards on their way to another cell (a line shows where they
//! land, ghosts follow the pointer) and toolbox items (the cell or the line where they go).

use egui::{Color32, CursorIcon, Rect, Stroke, Vec2, pos2};

use super::{CanvasAction, Frame};
use crate::layout::hit::{DropSlot, cell_at, lane_insertion, nearest_stage};
use crate::model::CardId;
use crate::ui::toolbox::ToolboxItem;

/// The line where dragged `cards` land and their ghosts under the pointer, grabbed at `grab`.
pub(super) fn dragged_cards_ui(
    ui: &egui::Ui,
    f: &Frame<'_>,
    cards: &[CardId],
    grab: Vec2,
    target: Option<&DropSlot>,
) {
    let painter = f.painter(ui);
    let colour = ui.visuals().selection.stroke.color;
    if let Some(t) = target {
        painter.line_segment(
            [f.to_screen * t.marker[0], f.to_screen * t.marker[1]],
            Stroke::new(3.0, colour),
        );
    }
    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    let p = f.to_screen.inverse() * pointer;
    let mut top = p.y - grab.y;
    for id in cards {
        let Some(c) = f.layout.cards.iter().find(|c| c.id == *id) else {
            continue;
        };
        let ghost = Rect::from_min_size(pos2(p.x - grab.x, top), c.rect.size());
        painter.rect(
            f.to_screen * ghost,
            4.0 * f.to_screen.scaling,
            Color32::from_white_alpha(90),
            Stroke::new(1.5, colour),
            egui::StrokeKind::Inside,
        );
        top += c.rect.height() + 6.0;
    }
}

/// Shows where an item dragged from the toolbox would land, and drops it when the button is
/// released over the map.
pub(super) fn toolbox_drop_ui(ui: &egui::Ui, f: &mut Frame<'_>) {
    let Some(item) = egui::DragAndDrop::payload::<ToolboxItem>(ui.ctx()) else {
        return;
    };
    let Some(pointer) = ui
        .ctx()
        .pointer_interact_pos()
        .filter(|p| f.canvas.contains(*p))
    else {
        return;
    };
    let p = f.to_screen.inverse() * pointer;
    let painter = f.painter(ui);
    let colour = ui.visuals().selection.stroke.color;
    let layout = f.layout;
    let action = match *item {
        ToolboxItem::Card(template) => {
            let Some(stage) = nearest_stage(layout, p.x) else {
                return;
            };
            let pointed = cell_at(layout, p).map(|(lane, _)| lane);
            let Some(lane) = template.lane_for(f.map, pointed) else {
                return;
            };
            if let Some(row) = layout.lanes.iter().find(|l| l.id == lane).map(|l| l.row) {
                let cell = Rect::from_x_y_ranges(stage.column.x_range(), row.y_range());
                painter.rect(
                    f.to_screen * cell.shrink(2.0),
                    4.0,
                    ui.visuals().selection.bg_fill.gamma_multiply(0.2),
                    Stroke::new(2.0, colour),
                    egui::StrokeKind::Inside,
                );
            }
            CanvasAction::AddCard {
                lane,
                stage: stage.id,
                template: Some(template),
            }
        }
        ToolboxItem::Lane(kind) => {
            let (index, y) = lane_insertion(layout, p.y);
            painter.line_segment(
                [
                    f.to_screen * pos2(layout.grid.left(), y),
                    f.to_screen * pos2(layout.grid.right(), y),
                ],
                Stroke::new(3.0, colour),
            );
            CanvasAction::AddLane {
                kind: Some(kind),
                index: Some(index),
            }
        }
    };
    if ui.input(|i| i.pointer.any_released()) {
        egui::DragAndDrop::clear_payload(ui.ctx());
        f.actions.push(action);
    } else {
        ui.ctx().set_cursor_icon(CursorIcon::Copy);
    }
}
