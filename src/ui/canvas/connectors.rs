//! A service blueprint's arrows on the canvas: drawn from the handle under a selected card onto
//! another card, selected by a click (each is also a named widget), the selected one drawn
//! heavier. Deleting and labelling go through the selection and the inspector.

use egui::{CursorIcon, Id, Rect, Sense, Stroke, vec2};

use super::{CanvasAction, Drag, Frame, MapCanvas};
use crate::i18n::tr_args;
use crate::layout::CardLayout;
use crate::model::Card;
use crate::ui::selection::Selection;

impl MapCanvas {
    /// The round handle under the one selected card of a blueprint: drag it onto another card
    /// to draw an arrow there.
    pub(super) fn connect_handle_ui(
        &mut self,
        ui: &egui::Ui,
        f: &mut Frame<'_>,
        card: &CardLayout,
        model: &Card,
    ) {
        let centre = card.rect.center_bottom();
        let handle = Rect::from_center_size(centre, vec2(12.0, 12.0));
        let screen = f.to_screen * handle;
        let response = ui
            .interact(screen, Id::unique(("connect", card.id.0)), Sense::drag())
            .on_hover_cursor(CursorIcon::Crosshair);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                tr_args("canvas.connect", &[("title", &model.title)]),
            )
        });
        let colour = ui.visuals().selection.bg_fill;
        ui.painter().circle(
            screen.center(),
            5.0,
            colour,
            Stroke::new(1.5, ui.visuals().extreme_bg_color),
        );
        if response.drag_started() {
            self.drag = Some(Drag::Connect {
                from: card.id,
                to: centre,
            });
        }
        let Some(Drag::Connect { from, to }) = &mut self.drag else {
            return;
        };
        if *from != card.id {
            return;
        }
        if let Some(p) = f.pointer {
            *to = p;
        }
        let target = f
            .layout
            .card_at(*to)
            .filter(|c| c.id != card.id)
            .map(|c| c.id);
        let stroke = Stroke::new(2.0, colour);
        ui.painter()
            .line_segment([f.to_screen * centre, f.to_screen * *to], stroke);
        if let Some(target) = target.and_then(|id| f.layout.cards.iter().find(|c| c.id == id)) {
            ui.painter().rect_stroke(
                f.to_screen * target.rect,
                4.0,
                stroke,
                egui::StrokeKind::Outside,
            );
        }
        if response.drag_stopped() {
            if let Some(to) = target {
                f.actions
                    .push(CanvasAction::AddConnector { from: card.id, to });
            }
            self.drag = None;
        }
    }
}

/// Each arrow as a widget at the middle of its longest piece: a click selects it; the
/// selected one is drawn heavier over the map.
pub(super) fn connectors_ui(ui: &egui::Ui, f: &mut Frame<'_>) {
    let title = |id| f.map.card(id).map_or(String::new(), |c| c.title.clone());
    for line in &f.layout.connectors {
        let Some(connector) = f.map.connectors.iter().find(|c| c.id == line.id) else {
            continue;
        };
        let (p, q) = line
            .points
            .windows(2)
            .map(|w| (w[0], w[1]))
            .max_by(|x, y| (x.1 - x.0).length().total_cmp(&(y.1 - y.0).length()))
            .unwrap_or((line.points[0], line.points[0]));
        let middle = f.to_screen * p.lerp(q, 0.5);
        let response = ui.interact(
            Rect::from_center_size(middle, vec2(14.0, 14.0)),
            Id::unique(("connector", line.id.0)),
            Sense::click(),
        );
        let selected = f.selection.connector == Some(line.id);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                tr_args(
                    "canvas.connector",
                    &[
                        ("from", &title(connector.from)),
                        ("to", &title(connector.to)),
                    ],
                ),
            )
        });
        if response.clicked() {
            *f.selection = Selection {
                connector: Some(line.id),
                ..Selection::default()
            };
        }
        if selected || response.hovered() {
            let points: Vec<egui::Pos2> = line.points.iter().map(|p| f.to_screen * *p).collect();
            ui.painter().add(egui::Shape::line(
                points,
                Stroke::new(
                    if selected { 4.0 } else { 2.5 },
                    ui.visuals().selection.bg_fill,
                ),
            ));
        }
    }
}
