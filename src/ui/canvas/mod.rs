//! The editing canvas: the shared scene drawn through a zoom and pan, and on top of it the
//! interaction: selecting, dragging cards, stages and lanes, resizing spans, adding cards,
//! editing text in place, editing curves, dropping toolbox items. Changes come out as
//! [`CanvasAction`]s that the app turns into edits after the frame.
//!
//! Split by concern: `view` (zoom and pan), `paint` (the scene), `background` (clicks,
//! rubber band, context menu), `cards`, `headers`, `curves`, `drop` (dragged cards and
//! toolbox items), `editor` (text in place). Geometry questions (which cell is under the
//! pointer, where a card would land) are answered by [`crate::layout::hit`].

mod actions;
mod background;
mod cards;
mod compare;
mod connectors;
mod curves;
mod drop;
mod editor;
mod goal_band;
mod headers;
mod journeys;
mod keyboard;
mod paint;
mod research;
mod view;

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Sense, Vec2, emath::TSTransform};

pub use actions::{CanvasAction, CurveEdit, TextTarget};
pub use compare::{Highlights, colour as change_colour};
pub use paint::paint_scene;
pub use view::CanvasView;

use super::selection::Selection;
use crate::i18n::tr_args;
use crate::layout::Layout;
use crate::model::{CardId, CurveId, LaneId, Map, StageId};
use crate::render::Scene;
use editor::InPlaceEdit;
use headers::Header;

/// A gesture under way.
#[derive(Clone, Debug, PartialEq)]
enum Drag {
    Cards {
        cards: Vec<CardId>,
        /// Pointer minus the grabbed card's top-left corner, in map units.
        grab: Vec2,
        target: Option<crate::layout::hit::DropSlot>,
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
    /// An arrow drawn from a card's handle, now ending at `to` (map units).
    Connect {
        from: CardId,
        to: Pos2,
    },
}

/// The canvas's state between frames. The selection is the app's; the canvas changes it.
#[derive(Default)]
pub struct MapCanvas {
    view: CanvasView,
    editing: Option<InPlaceEdit>,
    drag: Option<Drag>,
    /// The cell under the pointer in the last frame (pasting goes there).
    hover_cell: Option<(LaneId, StageId)>,
    /// Emotion curves switched off in the legend.
    hidden_curves: BTreeSet<CurveId>,
    /// The curve that clicks and strokes on the emotion lane change.
    active_curve: Option<CurveId>,
    /// The map is to take the keyboard in the next frame (View › Go to the map, or after a
    /// text edited from the keyboard is done).
    focus_requested: bool,
    /// The presenter view's last stage shown; the stages after it are covered.
    reveal: Option<usize>,
    /// Only the cards without evidence stand out; the others are dimmed.
    unevidenced_only: bool,
    /// What a comparison outlines and draws behind, while one is on.
    highlights: Option<Highlights>,
    /// The zoom of the last frame, and until when (input time) the zoom counts as moving.
    last_zoom: f32,
    zooming_until: f64,
    /// The map tessellated once (see [`paint::SceneMesh`]).
    mesh: Option<paint::SceneMesh>,
    /// Whether the last frame drew that mesh scaled, while a zoom moved.
    drawn_scaled: bool,
}

/// What every part of the canvas works with during one frame.
struct Frame<'a> {
    map: &'a Map,
    layout: &'a Layout,
    selection: &'a mut Selection,
    /// Map units to screen points.
    to_screen: TSTransform,
    /// The canvas on screen.
    canvas: Rect,
    /// The part of the map in view, in map units.
    visible: Rect,
    /// The pointer, in map units.
    pointer: Option<Pos2>,
    actions: Vec<CanvasAction>,
}

impl Frame<'_> {
    /// A painter clipped to the canvas.
    fn painter(&self, ui: &egui::Ui) -> egui::Painter {
        ui.painter_at(self.canvas)
    }

    /// The pointer's position where the primary button went down, in map units (with a fast
    /// mouse a drag is only recognised some distance away from it).
    fn press_origin(&self, ui: &egui::Ui) -> Option<Pos2> {
        ui.input(|i| i.pointer.press_origin())
            .map(|p| self.to_screen.inverse() * p)
    }
}

impl MapCanvas {
    /// The zoom and pan.
    pub fn view(&self) -> &CanvasView {
        &self.view
    }

    /// The zoom and pan, to change (zoom commands).
    pub fn view_mut(&mut self) -> &mut CanvasView {
        &mut self.view
    }

    /// Whether a text is being edited in place.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// The curves switched off in the legend.
    pub fn hidden_curves(&self) -> &BTreeSet<CurveId> {
        &self.hidden_curves
    }

    /// Shows `curve` again (after it was picked in the analysis).
    pub fn show_curve(&mut self, curve: CurveId) {
        self.hidden_curves.remove(&curve);
    }

    /// Makes `curve` the one clicks and strokes on the emotion lane draw, showing it; a step of
    /// another curve selected in `selection` would still win, so it is let go.
    pub fn draw_on(&mut self, curve: CurveId, selection: &mut Selection) {
        if selection.point.is_some_and(|(c, _)| c != curve) {
            selection.point = None;
        }
        self.hidden_curves.remove(&curve);
        self.active_curve = Some(curve);
    }

    /// The curve clicks and strokes on the emotion lane of `map` draw, with `selection`.
    pub fn drawn_curve(&self, map: &Map, selection: &Selection) -> Option<CurveId> {
        self.target_curve(map, selection)
    }

    /// Starts editing `target` in place with `text`, all of it selected (typing replaces it).
    /// Called between frames: the field has the keyboard from the next frame's first key.
    pub fn start_editing(&mut self, target: TextTarget, text: String) {
        self.editing = Some(InPlaceEdit::new(target, text).between_frames());
    }

    /// Starts editing `target` in place with `text` already typed, the cursor after it.
    /// Called between frames, as [`Self::start_editing`].
    pub fn continue_typing(&mut self, target: TextTarget, text: String) {
        self.editing = Some(InPlaceEdit::typed(target, text).between_frames());
    }

    /// Starts editing from within the frame, after this frame's keys and clicks were read
    /// (they started the edit, or are already in `text`): the field takes the keyboard
    /// once shown, for the keys of the frames after.
    fn edit_in_frame(&mut self, typed: bool, target: TextTarget, text: String) {
        self.editing = Some(if typed {
            InPlaceEdit::typed(target, text)
        } else {
            InPlaceEdit::new(target, text)
        });
    }

    /// Whether only the cards without evidence stand out.
    pub fn unevidenced_only(&self) -> bool {
        self.unevidenced_only
    }

    /// Dims the cards with evidence (or stops doing so).
    pub fn set_unevidenced_only(&mut self, on: bool) {
        self.unevidenced_only = on;
    }

    /// Outlines what changed since an earlier version and draws its curves (or stops).
    pub fn set_highlights(&mut self, highlights: Option<Highlights>) {
        self.highlights = highlights;
    }

    /// Whether the map is drawn as the mesh of an earlier zoom, scaled, while a zoom gesture
    /// is under way.
    pub fn drawn_scaled(&self) -> bool {
        self.drawn_scaled
    }

    /// What a comparison shows on the canvas, if one does.
    pub fn highlights(&self) -> Option<&Highlights> {
        self.highlights.as_ref()
    }

    /// The same, to change (the change stepped to).
    pub fn highlights_mut(&mut self) -> Option<&mut Highlights> {
        self.highlights.as_mut()
    }

    /// Shows the stages up to `stage` only (the presenter view), or all of them.
    pub fn reveal_until(&mut self, stage: Option<usize>) {
        self.reveal = stage;
    }

    /// Gives the map the keyboard in the next frame, with the cell cursor on the first cell
    /// when there is nothing to start from.
    pub fn take_keyboard(&mut self) {
        self.focus_requested = true;
    }

    /// The cell under the pointer, if it is over the map.
    pub fn hovered_cell(&self) -> Option<(LaneId, StageId)> {
        self.hover_cell
    }

    /// Whether a drag is under way (undo steps wait until it ends).
    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }

    /// Scrolls `selection` into view when it is outside the canvas (after it was picked in a
    /// list rather than on the map).
    pub fn reveal(&mut self, selection: &Selection, layout: &Layout) {
        let target = if let Some((curve, index)) = selection.point {
            layout
                .curves
                .iter()
                .find(|c| c.id == curve)
                .and_then(|c| c.points.iter().find(|p| p.index == index))
                .map(|p| Rect::from_center_size(p.pos, Vec2::splat(24.0)))
        } else if let Some(id) = selection.cards.first() {
            layout.cards.iter().find(|c| c.id == *id).map(|c| c.rect)
        } else if let Some(id) = selection.stage {
            layout.stages.iter().find(|s| s.id == id).map(|s| s.header)
        } else {
            None
        };
        if let Some(target) = target {
            self.reveal_rect(target);
        }
    }

    /// Scrolls `target` (map units) into view when it is outside the canvas.
    pub fn reveal_rect(&mut self, target: Rect) {
        let Some(canvas) = self.view.screen_rect else {
            return;
        };
        let on_screen = self.view.screen_from_map(canvas) * target;
        if !canvas.contains_rect(on_screen) {
            self.view.offset += canvas.center() - on_screen.center();
            self.view.fitted = false;
        }
    }

    /// Forgets a text edit whose card, stage or lane no longer exists on `map`.
    pub fn prune(&mut self, map: &Map) {
        let exists = self.editing.as_ref().is_none_or(|e| match e.target {
            TextTarget::CardTitle(id) => map.card(id).is_some(),
            TextTarget::StageName(id) | TextTarget::Milestone(id, _) => map.stage(id).is_some(),
            TextTarget::LaneName(id) => map.lane(id).is_some(),
            TextTarget::Goal(_) => true,
        });
        if !exists {
            self.editing = None;
        }
    }

    /// Shows the canvas and returns what the user changed.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        map: &Map,
        (layout, scene, serial): (&Layout, &Scene, u64),
        selection: &mut Selection,
    ) -> Vec<CanvasAction> {
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
        // A drag that starts on the emotion lane draws the curve instead of panning.
        let drawing = self.drawing_curve(ui, (map, layout), selection, canvas);
        self.view
            .handle_input(ui, &background, scene.size, !drawing);
        let to_screen = self.view.screen_from_map(canvas);
        painter.rect_filled(canvas, 0.0, ui.visuals().extreme_bg_color);
        self.paint_map(ui, &painter, (scene, serial), (to_screen, canvas));
        if let Some(stage) = self.reveal {
            cover_stages_after(&painter, layout, to_screen, stage);
        }
        if self.unevidenced_only {
            research::dim_evidenced(ui, &painter, (map, layout), to_screen, canvas);
        }
        if let Some(h) = &self.highlights {
            compare::paint(&painter, layout, to_screen, h);
        }
        let mut f = Frame {
            map,
            layout,
            selection,
            to_screen,
            canvas,
            visible: to_screen.inverse() * canvas,
            pointer: ui
                .input(|i| i.pointer.interact_pos())
                .map(|p| to_screen.inverse() * p),
            actions: Vec::new(),
        };
        self.goal_band_ui(ui, &mut f);
        self.headers_ui(ui, &mut f);
        // After the headers, so the badge on a header takes its own clicks.
        journeys::journey_badges_ui(ui, &mut f);
        // Before the cards, so a card over an arrow's middle takes its own clicks.
        connectors::connectors_ui(ui, &mut f);
        self.cards_ui(ui, &mut f);
        if self.reveal.is_none() {
            headers::add_buttons_ui(ui, &mut f);
        }
        self.legend_ui(ui, &mut f);
        self.points_ui(ui, &mut f);
        let band_handled = self.band_ui(ui, &background, &mut f, drawing);
        self.background_ui(ui, &background, &mut f, band_handled, drawing);
        drop::toolbox_drop_ui(ui, &mut f);
        research::evidence_drop_ui(ui, &mut f);
        research::metric_tips_ui(ui, &f);
        self.selection_overlay(ui, &f);
        self.keyboard_ui(ui, &background, &mut f);
        headers::pinned_headers(ui, &f);
        self.in_place_editor_ui(ui, &mut f);
        f.actions
    }
}

impl MapCanvas {
    /// How long after the last change of zoom the zoom still counts as moving.
    const ZOOM_SETTLES: f64 = 0.25;

    /// Paints the scene (number `serial`) from its mesh when much of it is in view: the mesh
    /// is made again when the scene or the zoom changed, except while a zoom gesture goes on
    /// (then it is scaled, and made afresh once the zoom has settled). Zoomed in far, only
    /// what is in view is drawn, each frame.
    fn paint_map(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        (scene, serial): (&Scene, u64),
        (to_screen, canvas): (TSTransform, Rect),
    ) {
        let now = ui.input(|i| i.time);
        // A pinch or Ctrl+scroll that changed the zoom: a gesture that goes on for a while. A
        // zoom command or a window that fitted itself anew is one step, drawn exactly at once.
        let gesture = ui.input(|i| (i.zoom_delta() - 1.0).abs() > f32::EPSILON);
        if (self.view.zoom - self.last_zoom).abs() > f32::EPSILON {
            if gesture {
                self.zooming_until = now + Self::ZOOM_SETTLES;
            }
            self.last_zoom = self.view.zoom;
        }
        let zooming = now < self.zooming_until;
        self.drawn_scaled = false;
        let whole = Rect::from_min_size(egui::Pos2::ZERO, scene.size);
        let in_view = (to_screen.inverse() * canvas).intersect(whole);
        let much_in_view = in_view.is_positive() && in_view.area() >= 0.25 * whole.area();
        let has_groups = scene
            .shapes
            .iter()
            .any(|s| matches!(s, crate::render::Shape::Group { .. }));
        if has_groups || !(zooming || much_in_view) {
            self.mesh = None;
            paint_scene(painter, scene, to_screen, canvas);
            return;
        }
        if !self
            .mesh
            .as_ref()
            .is_some_and(|m| m.fits(painter, serial, to_screen, zooming))
        {
            self.mesh = Some(paint::SceneMesh::new(painter, (scene, serial), to_screen));
        }
        if let Some(mesh) = &self.mesh {
            self.drawn_scaled = mesh.scales_to(to_screen);
            mesh.paint(painter, scene, to_screen);
        }
        if zooming {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(
                    self.zooming_until - now + 0.01,
                ));
        }
    }
}

/// The presenter view: the stages after `stage` covered in the paper's colour, cards, curve
/// and all, so the journey is told a stage at a time.
fn cover_stages_after(
    painter: &egui::Painter,
    layout: &Layout,
    to_screen: TSTransform,
    stage: usize,
) {
    let Some(next) = layout.stages.get(stage + 1) else {
        return;
    };
    let top = next.header.top().min(layout.grid.top());
    let hidden = Rect::from_min_max(
        egui::pos2(next.column.left(), top),
        egui::pos2(layout.grid.right() + 30.0, layout.grid.bottom() + 30.0),
    );
    painter.rect_filled(
        to_screen * hidden,
        0.0,
        crate::render::Theme::default().paper,
    );
}
