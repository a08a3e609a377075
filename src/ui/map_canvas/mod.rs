//! The editing canvas: selection, dragging cards, stages and lanes, resizing spans, adding
//! cards and editing text in place. Draws on top of the shared scene; changes come out as
//! [`CanvasAction`]s that the app turns into edits.

use std::collections::BTreeSet;

use egui::{
    Color32, CursorIcon, Id, Pos2, Rect, Sense, Stroke, Vec2, emath::TSTransform, pos2, vec2,
};

pub mod curves;

use super::command::Command;
use super::toolbox::{CardTemplate, ToolboxItem};
use super::{CanvasView, paint_scene};
use crate::i18n::{tr, tr_args};
use crate::layout::Layout;
use crate::model::{CardId, CurveId, LaneId, LaneKind, Map, StageId};
use crate::render::Scene;

/// What is selected on the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub cards: BTreeSet<CardId>,
    pub stage: Option<StageId>,
    pub lane: Option<LaneId>,
    /// A step of an emotion curve: the curve and the index in its points.
    pub point: Option<(CurveId, usize)>,
}

impl Selection {
    /// Nothing selected.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.stage.is_none() && self.lane.is_none() && self.point.is_none()
    }

    /// How many things are selected.
    pub fn count(&self) -> usize {
        self.cards.len()
            + usize::from(self.stage.is_some())
            + usize::from(self.lane.is_some())
            + usize::from(self.point.is_some())
    }

    fn only_card(&mut self, id: CardId) {
        *self = Self::default();
        self.cards.insert(id);
    }
}

/// What a text being edited in place belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    CardTitle(CardId),
    StageName(StageId),
    LaneName(LaneId),
}

/// A text being edited on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct InPlaceEdit {
    pub target: TextTarget,
    pub text: String,
    focus_requested: bool,
}

/// A change the user made on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasAction {
    MoveCards {
        cards: Vec<CardId>,
        lane: LaneId,
        stage: StageId,
        index: usize,
    },
    SetSpan {
        card: CardId,
        span: u16,
    },
    MoveStage {
        stage: StageId,
        to: usize,
    },
    MoveLane {
        lane: LaneId,
        to: usize,
    },
    /// Add a card (of a toolbox template, if given) to a cell and start editing its title.
    AddCard {
        lane: LaneId,
        stage: StageId,
        template: Option<CardTemplate>,
    },
    AddStage,
    /// Add a lane (of `kind`, else a custom one) at `index`, else after the selected lane.
    AddLane {
        kind: Option<LaneKind>,
        index: Option<usize>,
    },
    CommitText {
        target: TextTarget,
        text: String,
    },
    /// A command chosen from a context menu.
    Run(Command),
    /// Change one emotion curve: set scores of some of its points, add points to stages,
    /// remove a point.
    EditCurve(CurveEdit),
}

/// A change to one emotion curve, as one undo step.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveEdit {
    pub curve: CurveId,
    /// (index in the curve's points, new score).
    pub set: Vec<(usize, f64)>,
    /// New points: (stage, score).
    pub add: Vec<(StageId, f64)>,
    /// A point to remove (index).
    pub remove: Option<usize>,
}

impl CurveEdit {
    /// No change yet to `curve`.
    pub fn new(curve: CurveId) -> Self {
        Self {
            curve,
            set: Vec::new(),
            add: Vec::new(),
            remove: None,
        }
    }
}

/// A context menu of `commands` at the pointer; a chosen one comes out as an action.
///
/// Built from a bare `Popup` rather than `Response::context_menu`: that one hangs the menu under
/// the clicked widget in the accessibility tree, and egui leaves the menu out of the tree when
/// that widget is a custom-drawn card or the canvas; a screen reader (and a test) could not
/// find its items.
fn command_menu(response: &egui::Response, commands: &[Command], actions: &mut Vec<CanvasAction>) {
    let open = if response.secondary_clicked() {
        Some(egui::SetOpenCommand::Bool(true))
    } else if response.clicked() {
        Some(egui::SetOpenCommand::Bool(false))
    } else {
        None
    };
    egui::Popup::new(
        response.id.with("context-menu"),
        response.ctx.clone(),
        egui::PopupAnchor::PointerFixed,
        response.layer_id,
    )
    .kind(egui::PopupKind::Menu)
    .layout(egui::Layout::top_down_justified(egui::Align::Min))
    .style(egui::containers::menu::menu_style)
    .open_memory(open)
    .show(|ui| {
        for command in commands {
            let mut button = egui::Button::new(command.label());
            if let Some(s) = command.shortcut() {
                button = button.shortcut_text(ui.ctx().format_shortcut(&s));
            }
            if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                actions.push(CanvasAction::Run(*command));
                ui.close();
            }
        }
    });
}

/// Where dragged cards would land.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DropTarget {
    lane: LaneId,
    stage: StageId,
    index: usize,
    /// The indicator line, in map units.
    marker: [Pos2; 2],
}

#[derive(Clone, Debug, PartialEq)]
enum Drag {
    Cards {
        cards: Vec<CardId>,
        /// Pointer minus the grabbed card's top-left corner, in map units.
        grab: Vec2,
        target: Option<DropTarget>,
    },
    Span {
        card: CardId,
        span: u16,
    },
    /// A stage or lane header dragged to position `to` among the others.
    Header {
        header: Header,
        to: usize,
    },
    Band {
        from: Pos2,
    },
    /// A curve point dragged up or down to `score`.
    Point {
        curve: CurveId,
        index: usize,
        score: f64,
    },
    /// A line drawn across the emotion lane, in map units.
    Freehand {
        curve: CurveId,
        stroke: Vec<Pos2>,
    },
}

/// The canvas's state between frames.
#[derive(Default)]
pub struct MapCanvas {
    pub view: CanvasView,
    pub selection: Selection,
    pub editing: Option<InPlaceEdit>,
    drag: Option<Drag>,
    /// The cell under the pointer in the last frame (pasting goes there).
    hover_cell: Option<(LaneId, StageId)>,
    /// Emotion curves switched off in the legend.
    pub hidden_curves: BTreeSet<CurveId>,
    /// The curve that clicks and strokes on the emotion lane change.
    pub active_curve: Option<CurveId>,
}

fn card_id(id: CardId) -> Id {
    Id::unique(("card", id.0))
}

impl MapCanvas {
    /// Starts editing `target` in place with `text`.
    pub fn start_editing(&mut self, target: TextTarget, text: String) {
        self.editing = Some(InPlaceEdit {
            target,
            text,
            focus_requested: false,
        });
    }

    /// The cell under the pointer, if it is over the map.
    pub fn hovered_cell(&self) -> Option<(LaneId, StageId)> {
        self.hover_cell
    }

    /// Scrolls the selection into view when it is outside the canvas (after it was picked in
    /// a list rather than on the map).
    pub fn reveal_selection(&mut self, layout: &Layout) {
        let target = if let Some((curve, index)) = self.selection.point {
            layout
                .curves
                .iter()
                .find(|c| c.id == curve)
                .and_then(|c| c.points.iter().find(|p| p.index == index))
                .map(|p| Rect::from_center_size(p.pos, Vec2::splat(24.0)))
        } else if let Some(id) = self.selection.cards.first() {
            layout.cards.iter().find(|c| c.id == *id).map(|c| c.rect)
        } else if let Some(id) = self.selection.stage {
            layout.stages.iter().find(|s| s.id == id).map(|s| s.header)
        } else {
            None
        };
        let (Some(target), Some(canvas)) = (target, self.view.screen_rect) else {
            return;
        };
        let on_screen = self.view.screen_from_map(canvas) * target;
        if !canvas.contains_rect(on_screen) {
            self.view.offset += canvas.center() - on_screen.center();
            self.view.fitted = false;
        }
    }

    /// Whether a drag is under way (undo steps wait until it ends).
    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }

    /// Drops selected things that no longer exist (after undo or a delete).
    pub fn prune_selection(&mut self, map: &Map) {
        let cards: std::collections::HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
        self.selection.cards.retain(|id| cards.contains(id));
        if self.selection.stage.is_some_and(|s| map.stage(s).is_none()) {
            self.selection.stage = None;
        }
        if self.selection.lane.is_some_and(|l| map.lane(l).is_none()) {
            self.selection.lane = None;
        }
        if let Some((curve, index)) = self.selection.point {
            let exists = map
                .curves
                .iter()
                .find(|c| c.id == curve)
                .is_some_and(|c| index < c.points.len());
            if !exists {
                self.selection.point = None;
            }
        }
        if let Some(edit) = &self.editing {
            let exists = match edit.target {
                TextTarget::CardTitle(id) => cards.contains(&id),
                TextTarget::StageName(id) => map.stage(id).is_some(),
                TextTarget::LaneName(id) => map.lane(id).is_some(),
            };
            if !exists {
                self.editing = None;
            }
        }
    }

    /// Shows the canvas and returns what the user changed.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        layout: &Layout,
        scene: &Scene,
    ) -> Vec<CanvasAction> {
        let mut actions = Vec::new();
        let (background, painter) =
            ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        background.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Canvas,
                true,
                tr_args("canvas.map", &[("title", &map.title)]),
            )
        });
        let canvas = background.rect;
        let band_modifier = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        // A drag that starts on the emotion lane draws the curve instead of panning.
        let drawing = self.drawing_curve(ui, map, layout, canvas);
        self.view
            .handle_input(ui, &background, scene.size, !drawing);
        let to_screen = self.view.screen_from_map(canvas);
        let to_map = to_screen.inverse();
        painter.rect_filled(canvas, 0.0, ui.visuals().extreme_bg_color);
        paint_scene(&painter, scene, to_screen, canvas);
        let visible = to_map * canvas;
        let pointer_map = ui.input(|i| i.pointer.interact_pos()).map(|p| to_map * p);

        self.headers_ui(ui, map, layout, to_screen, visible, &mut actions);
        self.cards_ui(
            ui,
            map,
            layout,
            to_screen,
            visible,
            pointer_map,
            &mut actions,
        );
        Self::add_buttons_ui(ui, layout, to_screen, &mut actions);
        self.legend_ui(ui, layout, to_screen, visible);
        self.points_ui(ui, map, layout, to_screen, visible, &mut actions);
        let band_handled = self.band_ui(
            ui,
            &background,
            map,
            layout,
            to_screen,
            drawing,
            &mut actions,
        );

        command_menu(&background, &Command::MAP_MENU, &mut actions);
        // The background: click clears, double-click adds a card, Shift/Ctrl-drag selects.
        if background.clicked() && !band_modifier && !band_handled {
            self.selection = Selection::default();
            self.editing = None;
        }
        if background.double_clicked()
            && !band_handled
            && let Some(p) = pointer_map
            && let Some((lane, stage)) = cell_at(layout, p)
        {
            actions.push(CanvasAction::AddCard {
                lane,
                stage,
                template: None,
            });
        }
        self.hover_cell = ui
            .rect_contains_pointer(canvas)
            .then_some(pointer_map)
            .flatten()
            .and_then(|p| cell_at(layout, p));
        toolbox_drop_ui(ui, &painter, map, layout, to_screen, canvas, &mut actions);
        if background.drag_started_by(egui::PointerButton::Primary)
            && band_modifier
            && !drawing
            && let Some(p) = pointer_map
        {
            self.drag = Some(Drag::Band { from: p });
        }
        if let Some(Drag::Band { from }) = self.drag {
            if let Some(p) = pointer_map {
                let band = Rect::from_two_pos(from, p);
                painter.rect(
                    to_screen * band,
                    0.0,
                    ui.visuals().selection.bg_fill.gamma_multiply(0.15),
                    Stroke::new(1.0, ui.visuals().selection.stroke.color),
                    egui::StrokeKind::Inside,
                );
                if background.drag_stopped() {
                    let additive = ui.input(|i| i.modifiers.shift);
                    if !additive {
                        self.selection = Selection::default();
                    }
                    for c in &layout.cards {
                        if band.intersects(c.rect) {
                            self.selection.cards.insert(c.id);
                        }
                    }
                    self.drag = None;
                }
            }
            if !ui.input(|i| i.pointer.any_down()) {
                self.drag = None;
            }
        }

        self.selection_overlay(ui, &painter, layout, to_screen);
        pinned_headers(ui, &painter, map, layout, to_screen, canvas);
        self.in_place_editor_ui(ui, layout, to_screen, &mut actions);
        actions
    }

    fn headers_ui(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        layout: &Layout,
        to_screen: TSTransform,
        visible: Rect,
        actions: &mut Vec<CanvasAction>,
    ) {
        let stage_slots: Vec<Slot> = layout
            .stages
            .iter()
            .map(|s| Slot {
                header: Header::Stage(s.id),
                range: s.column.x_range(),
            })
            .collect();
        let lane_slots: Vec<Slot> = layout
            .lanes
            .iter()
            .map(|l| Slot {
                header: Header::Lane(l.id),
                range: l.row.y_range(),
            })
            .collect();
        for (i, stage) in layout.stages.iter().enumerate() {
            if visible.intersects(stage.header) {
                let name = map.stage(stage.id).map_or("", |s| s.name.as_str());
                self.header_ui(
                    ui,
                    layout,
                    to_screen,
                    &stage_slots,
                    i,
                    stage.header,
                    name,
                    actions,
                );
            }
        }
        for (i, lane) in layout.lanes.iter().enumerate() {
            if !visible.intersects(lane.header) {
                continue;
            }
            let name = map.lane(lane.id).map_or("", |l| l.name.as_str()).to_owned();
            self.header_ui(
                ui,
                layout,
                to_screen,
                &lane_slots,
                i,
                lane.header,
                &name,
                actions,
            );
            // The lane's own "+": a new card in the selected stage, or the first one.
            if !lane.collapsed && to_screen.scaling > 0.3 {
                let button = Rect::from_min_size(
                    lane.header.right_bottom() - vec2(26.0, 26.0),
                    vec2(20.0, 20.0),
                );
                let r = ui.put(to_screen * button, egui::Button::new("+").small());
                let r = r.on_hover_text(tr_args("canvas.add_card_to.tip", &[("lane", &name)]));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        tr_args("canvas.add_card_to", &[("lane", &name)]),
                    )
                });
                if r.clicked()
                    && let Some(stage) = self
                        .selection
                        .stage
                        .or_else(|| map.stages.first().map(|s| s.id))
                {
                    actions.push(CanvasAction::AddCard {
                        lane: lane.id,
                        stage,
                        template: None,
                    });
                }
            }
        }
    }

    /// One stage or lane header: select on click, rename on double-click, reorder by dragging
    /// along its axis. `slots` are all headers of its kind in order; this one is `slots[index]`.
    #[expect(clippy::too_many_arguments, reason = "the canvas's per-frame context")]
    fn header_ui(
        &mut self,
        ui: &egui::Ui,
        layout: &Layout,
        to_screen: TSTransform,
        slots: &[Slot],
        index: usize,
        rect: Rect,
        name: &str,
        actions: &mut Vec<CanvasAction>,
    ) {
        let Some(header) = slots.get(index).map(|s| s.header) else {
            return;
        };
        let response = ui.interact(
            to_screen * rect,
            header.widget_id(),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                header.role(),
                true,
                header.is_selected(&self.selection),
                tr_args(header.noun_key(), &[("name", &name)]),
            )
        });
        let response = response.on_hover_cursor(CursorIcon::Grab);
        if response.clicked() {
            self.selection = header.selection();
        }
        if response.double_clicked() {
            self.start_editing(header.text_target(), name.to_owned());
        }
        if response.drag_started() {
            self.drag = Some(Drag::Header { header, to: index });
        }
        let Some(Drag::Header {
            header: dragged,
            to,
        }) = &mut self.drag
        else {
            return;
        };
        if *dragged != header {
            return;
        }
        if let Some(p) = response.interact_pointer_pos() {
            let along = header.along(to_screen.inverse() * p);
            let others: Vec<&Slot> = slots.iter().filter(|s| s.header != header).collect();
            *to = others.iter().filter(|s| s.range.center() < along).count();
            // The insertion line: before the header now at `to`, or after the last one.
            let at = others
                .get(*to)
                .map(|s| s.range.min)
                .or_else(|| others.last().map(|s| s.range.max))
                .unwrap_or(along);
            let grid = layout.grid;
            let line = match header {
                Header::Stage(_) => [pos2(at, grid.top()), pos2(at, grid.bottom())],
                Header::Lane(_) => [pos2(grid.left(), at), pos2(grid.right(), at)],
            };
            ui.painter().line_segment(
                [to_screen * line[0], to_screen * line[1]],
                Stroke::new(3.0, ui.visuals().selection.stroke.color),
            );
        }
        if response.drag_stopped() {
            if *to != index {
                actions.push(header.move_to(*to));
            }
            self.drag = None;
        }
    }

    #[expect(clippy::too_many_arguments, reason = "the canvas's per-frame context")]
    fn cards_ui(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        layout: &Layout,
        to_screen: TSTransform,
        visible: Rect,
        pointer_map: Option<Pos2>,
        actions: &mut Vec<CanvasAction>,
    ) {
        let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
        for card in &layout.cards {
            if !visible.intersects(card.rect) {
                continue;
            }
            let Some(model) = map.cards.get(card.index).filter(|c| c.id == card.id) else {
                continue;
            };
            let title = model.title.clone();
            let response = ui.interact(
                to_screen * card.rect,
                card_id(card.id),
                Sense::click_and_drag(),
            );
            let selected = self.selection.cards.contains(&card.id);
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    selected,
                    tr_args("canvas.card", &[("title", &title)]),
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
                    to_screen * card.rect,
                    4.0 * to_screen.scaling,
                    Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.6)),
                    egui::StrokeKind::Outside,
                );
            }
            if response.clicked() {
                if shift || command {
                    self.selection.stage = None;
                    self.selection.lane = None;
                    if !self.selection.cards.remove(&card.id) {
                        self.selection.cards.insert(card.id);
                    }
                } else {
                    self.selection.only_card(card.id);
                }
            }
            // A right-click on a card outside the selection makes it the selection.
            if response.secondary_clicked() && !self.selection.cards.contains(&card.id) {
                self.selection.only_card(card.id);
            }
            command_menu(&response, &Command::CARD_MENU, actions);
            if response.double_clicked() {
                self.selection.only_card(card.id);
                self.start_editing(TextTarget::CardTitle(card.id), title.clone());
            }
            // The grab point is where the button went down: with a fast mouse the drag is only
            // recognised some distance away from it.
            let press = ui
                .input(|i| i.pointer.press_origin())
                .map(|p| to_screen.inverse() * p)
                .or(pointer_map);
            if response.drag_started()
                && let Some(p) = press
            {
                if !self.selection.cards.contains(&card.id) {
                    self.selection.only_card(card.id);
                }
                let mut cards: Vec<CardId> = self.selection.cards.iter().copied().collect();
                // The grabbed card leads; the others follow in their order.
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
                && let Some(p) = pointer_map
            {
                *target = drop_target(layout, p, cards);
            }
            if response.drag_stopped()
                && let Some(Drag::Cards { cards, target, .. }) = self.drag.take()
                && let Some(t) = target
            {
                actions.push(CanvasAction::MoveCards {
                    cards,
                    lane: t.lane,
                    stage: t.stage,
                    index: t.index,
                });
            }

            // The span handle on the right edge.
            if selected && self.selection.cards.len() == 1 {
                let handle = Rect::from_min_max(
                    pos2(card.rect.right() - 4.0, card.rect.top()),
                    pos2(card.rect.right() + 4.0, card.rect.bottom()),
                );
                let h = ui.interact(
                    to_screen * handle,
                    Id::unique(("span", card.id.0)),
                    Sense::drag(),
                );
                h.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Splitter,
                        true,
                        tr_args("canvas.resize", &[("title", &title)]),
                    )
                });
                let h = h.on_hover_cursor(CursorIcon::ResizeHorizontal);
                let span_now = model.span;
                if h.drag_started() {
                    self.drag = Some(Drag::Span {
                        card: card.id,
                        span: span_now,
                    });
                }
                if let Some(Drag::Span {
                    card: dragged,
                    span,
                }) = &mut self.drag
                    && *dragged == card.id
                {
                    if let (Some(p), Some(first)) = (pointer_map, map.stage_index(model.stage)) {
                        let column = layout
                            .stages
                            .iter()
                            .filter(|s| s.column.left() < p.x)
                            .count()
                            .max(first + 1);
                        *span = (column - first).clamp(1, map.stages.len() - first) as u16;
                        let right = layout
                            .stages
                            .get(first + *span as usize - 1)
                            .map_or(card.rect.right(), |s| s.column.right());
                        ui.painter().rect_stroke(
                            to_screen
                                * Rect::from_min_max(
                                    card.rect.min,
                                    pos2(right - 4.0, card.rect.bottom()),
                                ),
                            4.0,
                            Stroke::new(2.0, ui.visuals().selection.stroke.color),
                            egui::StrokeKind::Outside,
                        );
                    }
                    if h.drag_stopped() {
                        if *span != span_now {
                            actions.push(CanvasAction::SetSpan {
                                card: card.id,
                                span: *span,
                            });
                        }
                        self.drag = None;
                    }
                }
                ui.painter().rect_filled(
                    to_screen
                        * Rect::from_center_size(
                            pos2(card.rect.right(), card.rect.center().y),
                            vec2(4.0, 16.0),
                        ),
                    2.0,
                    ui.visuals().selection.stroke.color,
                );
            }
        }
        // A drag whose card scrolled out of view still has to end.
        if matches!(self.drag, Some(Drag::Cards { .. } | Drag::Span { .. }))
            && !ui.input(|i| i.pointer.any_down())
        {
            self.drag = None;
        }
    }

    fn add_buttons_ui(
        ui: &mut egui::Ui,
        layout: &Layout,
        to_screen: TSTransform,
        actions: &mut Vec<CanvasAction>,
    ) {
        // Small "+" buttons in the map's margin: after the last stage, below the last lane.
        let header_top = layout
            .stages
            .first()
            .map_or(layout.grid.top(), |s| s.header.top());
        let size = vec2(22.0, 22.0);
        let buttons = [
            (
                Rect::from_min_size(pos2(layout.grid.right() + 3.0, header_top), size),
                tr("canvas.add_stage.tip"),
                CanvasAction::AddStage,
            ),
            (
                Rect::from_min_size(pos2(layout.grid.left(), layout.grid.bottom() + 3.0), size),
                tr("canvas.add_lane.tip"),
                CanvasAction::AddLane {
                    kind: None,
                    index: None,
                },
            ),
        ];
        // The toolbar has "Add stage" too: these say where theirs go.
        for (rect, label, action) in buttons {
            let r = ui.put(to_screen * rect, egui::Button::new("+").small());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.as_ref()));
            if r.on_hover_text(label.as_ref()).clicked() {
                actions.push(action);
            }
        }
    }

    fn selection_overlay(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        layout: &Layout,
        to_screen: TSTransform,
    ) {
        let colour = ui.visuals().selection.stroke.color;
        for card in &layout.cards {
            if self.selection.cards.contains(&card.id) {
                painter.rect_stroke(
                    to_screen * card.rect,
                    4.0 * to_screen.scaling,
                    Stroke::new(2.5, colour),
                    egui::StrokeKind::Outside,
                );
            }
        }
        if let Some(stage) = self
            .selection
            .stage
            .and_then(|id| layout.stages.iter().find(|s| s.id == id))
        {
            painter.rect_stroke(
                to_screen * stage.column,
                0.0,
                Stroke::new(2.0, colour),
                egui::StrokeKind::Inside,
            );
        }
        if let Some(lane) = self
            .selection
            .lane
            .and_then(|id| layout.lanes.iter().find(|l| l.id == id))
        {
            painter.rect_stroke(
                to_screen * lane.row,
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
            if let Some(t) = target {
                painter.line_segment(
                    [to_screen * t.marker[0], to_screen * t.marker[1]],
                    Stroke::new(3.0, colour),
                );
            }
            if let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) {
                let to_map = to_screen.inverse();
                let p = to_map * pointer;
                let mut top = p.y - grab.y;
                for id in cards {
                    let Some(c) = layout.cards.iter().find(|c| c.id == *id) else {
                        continue;
                    };
                    let ghost = Rect::from_min_size(pos2(p.x - grab.x, top), c.rect.size());
                    painter.rect(
                        to_screen * ghost,
                        4.0 * to_screen.scaling,
                        Color32::from_white_alpha(90),
                        Stroke::new(1.5, colour),
                        egui::StrokeKind::Inside,
                    );
                    top += c.rect.height() + 6.0;
                }
            }
        }
    }

    fn in_place_editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        layout: &Layout,
        to_screen: TSTransform,
        actions: &mut Vec<CanvasAction>,
    ) {
        let Some(edit) = &mut self.editing else {
            return;
        };
        let rect = match edit.target {
            TextTarget::CardTitle(id) => layout.cards.iter().find(|c| c.id == id).map(|c| c.rect),
            TextTarget::StageName(id) => {
                layout.stages.iter().find(|s| s.id == id).map(|s| s.header)
            }
            TextTarget::LaneName(id) => layout.lanes.iter().find(|l| l.id == id).map(|l| l.header),
        };
        let Some(rect) = rect else {
            self.editing = None;
            return;
        };
        let screen = to_screen * rect;
        let screen = Rect::from_min_size(
            screen.min,
            vec2(screen.width().max(160.0), screen.height().max(40.0)),
        );
        let id = Id::unique("in-place-editor");
        // Enter commits and Escape cancels; Shift+Enter is left to the text field (a new line).
        let (commit, cancel) = ui.input_mut(|i| {
            let commit =
                !i.modifiers.shift && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter);
            let cancel = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            (commit, cancel)
        });
        let text_edit = egui::TextEdit::multiline(&mut edit.text)
            .id(id)
            .desired_width(screen.width() - 8.0)
            .font(egui::FontId::new(13.0, crate::fonts::family(true)));
        let response = ui.put(screen, text_edit);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::MultilineTextInput,
                true,
                tr("canvas.edit_in_place"),
            )
        });
        if !edit.focus_requested {
            // The whole text starts selected, so typing replaces a new item's placeholder
            // title; the arrow keys keep it.
            response.request_focus();
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                let all = egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(edit.text.chars().count()),
                );
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), id);
            }
            edit.focus_requested = true;
        }
        if cancel {
            self.editing = None;
        } else if commit || response.lost_focus() {
            let text = edit.text.trim_end_matches('\n').to_owned();
            actions.push(CanvasAction::CommitText {
                target: edit.target,
                text,
            });
            self.editing = None;
        }
    }
}

/// A stage or a lane, as far as its header is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Header {
    Stage(StageId),
    Lane(LaneId),
}

impl Header {
    fn widget_id(self) -> Id {
        match self {
            Self::Stage(id) => Id::unique(("stage", id.0)),
            Self::Lane(id) => Id::unique(("lane", id.0)),
        }
    }

    fn role(self) -> egui::Role {
        match self {
            Self::Stage(_) => egui::Role::ColumnHeader,
            Self::Lane(_) => egui::Role::RowHeader,
        }
    }

    /// The catalogue key of the header's accessible label.
    fn noun_key(self) -> &'static str {
        match self {
            Self::Stage(_) => "canvas.stage",
            Self::Lane(_) => "canvas.lane",
        }
    }

    fn is_selected(self, selection: &Selection) -> bool {
        match self {
            Self::Stage(id) => selection.stage == Some(id),
            Self::Lane(id) => selection.lane == Some(id),
        }
    }

    /// A selection of just this header's stage or lane.
    fn selection(self) -> Selection {
        match self {
            Self::Stage(id) => Selection {
                stage: Some(id),
                ..Selection::default()
            },
            Self::Lane(id) => Selection {
                lane: Some(id),
                ..Selection::default()
            },
        }
    }

    fn text_target(self) -> TextTarget {
        match self {
            Self::Stage(id) => TextTarget::StageName(id),
            Self::Lane(id) => TextTarget::LaneName(id),
        }
    }

    fn move_to(self, to: usize) -> CanvasAction {
        match self {
            Self::Stage(stage) => CanvasAction::MoveStage { stage, to },
            Self::Lane(lane) => CanvasAction::MoveLane { lane, to },
        }
    }

    /// The coordinate of `p` along the axis this kind of header is reordered on.
    fn along(self, p: Pos2) -> f32 {
        match self {
            Self::Stage(_) => p.x,
            Self::Lane(_) => p.y,
        }
    }
}

/// Where one header's column or row lies along its axis, in map units.
struct Slot {
    header: Header,
    range: egui::Rangef,
}

/// Shows where an item dragged from the toolbox would land, and drops it when the button is
/// released over the map.
fn toolbox_drop_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    map: &Map,
    layout: &Layout,
    to_screen: TSTransform,
    canvas: Rect,
    actions: &mut Vec<CanvasAction>,
) {
    let Some(item) = egui::DragAndDrop::payload::<ToolboxItem>(ui.ctx()) else {
        return;
    };
    let Some(pointer) = ui
        .ctx()
        .pointer_interact_pos()
        .filter(|p| canvas.contains(*p))
    else {
        return;
    };
    let p = to_screen.inverse() * pointer;
    let colour = ui.visuals().selection.stroke.color;
    let action = match *item {
        ToolboxItem::Card(template) => {
            let Some(stage) = layout
                .stages
                .iter()
                .min_by(|a, b| {
                    let d = |s: &crate::layout::StageLayout| (s.column.center().x - p.x).abs();
                    d(a).total_cmp(&d(b))
                })
                .map(|s| (s.id, s.column))
            else {
                return;
            };
            let pointed = cell_at(layout, p).map(|(lane, _)| lane);
            let Some(lane) = template.lane_for(map, pointed) else {
                return;
            };
            if let Some(row) = layout.lanes.iter().find(|l| l.id == lane).map(|l| l.row) {
                let cell = Rect::from_x_y_ranges(stage.1.x_range(), row.y_range());
                painter.rect(
                    to_screen * cell.shrink(2.0),
                    4.0,
                    ui.visuals().selection.bg_fill.gamma_multiply(0.2),
                    Stroke::new(2.0, colour),
                    egui::StrokeKind::Inside,
                );
            }
            CanvasAction::AddCard {
                lane,
                stage: stage.0,
                template: Some(template),
            }
        }
        ToolboxItem::Lane(kind) => {
            let index = layout
                .lanes
                .iter()
                .filter(|l| l.row.center().y < p.y)
                .count();
            let y = layout
                .lanes
                .get(index)
                .map(|l| l.row.top())
                .or_else(|| layout.lanes.last().map(|l| l.row.bottom()))
                .unwrap_or(layout.grid.top());
            painter.line_segment(
                [
                    to_screen * pos2(layout.grid.left(), y),
                    to_screen * pos2(layout.grid.right(), y),
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
        actions.push(action);
    } else {
        ui.ctx().set_cursor_icon(CursorIcon::Copy);
    }
}

/// When the map is scrolled so that the lane names or the stage names are out of sight, they
/// are pinned to the canvas's left and top edges, as a spreadsheet freezes its headers.
fn pinned_headers(
    ui: &egui::Ui,
    painter: &egui::Painter,
    map: &Map,
    layout: &Layout,
    to_screen: TSTransform,
    canvas: Rect,
) {
    let fill = ui.visuals().panel_fill;
    let ink = ui.visuals().strong_text_color();
    let line = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    let font = egui::FontId::new(12.0, crate::fonts::family(true));
    let width = 140.0;
    let height = 24.0;
    let lanes_hidden = (to_screen * pos2(layout.grid.left(), 0.0)).x < canvas.left();
    let stages_top = layout
        .stages
        .first()
        .map_or(layout.grid.top(), |s| s.header.top());
    let stages_hidden = (to_screen * pos2(0.0, stages_top)).y < canvas.top();
    // The pinned strips take the pointer, so a click on a name does not land on the card
    // underneath.
    let block = |rect: Rect, salt: &str, label: std::borrow::Cow<'static, str>| {
        ui.interact(rect, Id::unique(("pinned", salt)), Sense::click())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, label.as_ref()));
    };
    if lanes_hidden {
        let strip = Rect::from_min_size(canvas.min, vec2(width, canvas.height()));
        block(strip, "lanes", tr("canvas.pinned_lanes"));
        painter.rect_filled(strip, 0.0, fill);
        painter.line_segment([strip.right_top(), strip.right_bottom()], line);
        for lane in &layout.lanes {
            let row = to_screen * lane.row;
            if row.bottom() < canvas.top() || row.top() > canvas.bottom() {
                continue;
            }
            let name = map.lane(lane.id).map_or("", |l| l.name.as_str());
            let top = row
                .top()
                .max(canvas.top() + if stages_hidden { height } else { 0.0 });
            painter.line_segment(
                [
                    pos2(strip.left(), row.bottom()),
                    pos2(strip.right(), row.bottom()),
                ],
                line,
            );
            let galley = painter.layout(name.to_owned(), font.clone(), ink, width - 14.0);
            if top + galley.size().y < row.bottom() {
                painter.galley(pos2(strip.left() + 8.0, top + 6.0), galley, ink);
            }
        }
    }
    if stages_hidden {
        let strip = Rect::from_min_size(canvas.min, vec2(canvas.width(), height));
        block(strip, "stages", tr("canvas.pinned_stages"));
        painter.rect_filled(strip, 0.0, fill);
        painter.line_segment([strip.left_bottom(), strip.right_bottom()], line);
        for stage in &layout.stages {
            let column = to_screen * stage.column;
            if column.right() < canvas.left() || column.left() > canvas.right() {
                continue;
            }
            let name = map.stage(stage.id).map_or("", |s| s.name.as_str());
            let left = column
                .left()
                .max(canvas.left() + if lanes_hidden { width } else { 0.0 });
            painter.line_segment(
                [
                    pos2(column.right(), strip.top()),
                    pos2(column.right(), strip.bottom()),
                ],
                line,
            );
            let galley = painter.layout_no_wrap(name.to_owned(), font.clone(), ink);
            let clip = Rect::from_min_max(
                pos2(left, strip.top()),
                pos2(column.right() - 4.0, strip.bottom()),
            );
            painter.with_clip_rect(clip.intersect(canvas)).galley(
                pos2(left + 8.0, strip.center().y - galley.size().y / 2.0),
                galley,
                ink,
            );
        }
        if lanes_hidden {
            painter.rect_filled(
                Rect::from_min_size(canvas.min, vec2(width, height)),
                0.0,
                fill,
            );
        }
    }
}

/// The cell (lane, stage) under a point in map units.
pub fn cell_at(layout: &Layout, p: Pos2) -> Option<(LaneId, StageId)> {
    let lane = layout
        .lanes
        .iter()
        .find(|l| l.row.y_range().contains(p.y) && !l.collapsed)?;
    let stage = layout
        .stages
        .iter()
        .find(|s| s.column.x_range().contains(p.x))?;
    Some((lane.id, stage.id))
}

/// Where cards dragged to `p` would land: the cell under the pointer and the position among
/// its other cards.
fn drop_target(layout: &Layout, p: Pos2, moving: &[CardId]) -> Option<DropTarget> {
    let (lane, stage) = cell_at(layout, p)?;
    let column = layout.stages.iter().find(|s| s.id == stage)?.column;
    let row = layout.lanes.iter().find(|l| l.id == lane)?.row;
    let in_cell: Vec<&crate::layout::CardLayout> = layout
        .cards
        .iter()
        .filter(|c| {
            c.lane == lane
                && (c.rect.left() - column.left()).abs() < column.width() / 2.0
                && !moving.contains(&c.id)
        })
        .collect();
    let index = in_cell.iter().filter(|c| c.rect.center().y < p.y).count();
    let y = match (
        index.checked_sub(1).and_then(|i| in_cell.get(i)),
        in_cell.get(index),
    ) {
        (_, Some(next)) => next.rect.top() - 4.0,
        (Some(prev), None) => prev.rect.bottom() + 4.0,
        (None, None) => row.top() + layout.metrics.gap,
    };
    let y = y.max(row.top() + 2.0);
    Some(DropTarget {
        lane,
        stage,
        index,
        marker: [pos2(column.left() + 6.0, y), pos2(column.right() - 6.0, y)],
    })
}
