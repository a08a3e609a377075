//! The view of the map: zoom and pan, and the transform from map units to the screen.

use egui::{Pos2, Rect, Vec2, emath::TSTransform};

/// The view of a map: where it is and how large.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasView {
    /// Screen points per map point.
    pub zoom: f32,
    /// Where the map's origin is, relative to the canvas's top-left corner.
    pub offset: Vec2,
    /// Whether the view still follows "fit to window" (until the user pans or zooms).
    pub fitted: bool,
    /// Where the canvas was on screen in the last frame (zoom commands zoom around its centre).
    pub screen_rect: Option<Rect>,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: Vec2::ZERO,
            fitted: true,
            screen_rect: None,
        }
    }
}

impl CanvasView {
    /// The smallest and largest zoom.
    pub const ZOOM_RANGE: (f32, f32) = (0.05, 8.0);

    /// The transform from map units to screen points for a canvas at `canvas`.
    pub fn screen_from_map(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(canvas.min.to_vec2() + self.offset, self.zoom)
    }

    /// Zooms so the whole map fits in the canvas, centred.
    pub fn fit(&mut self, map_size: Vec2, canvas: Rect) {
        let zoom = (canvas.width() / map_size.x.max(1.0))
            .min(canvas.height() / map_size.y.max(1.0))
            .clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        self.zoom = zoom;
        self.offset = (canvas.size() - map_size * zoom) / 2.0;
        self.offset.y = self.offset.y.max(0.0);
        self.fitted = true;
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a screen position) in place.
    pub fn zoom_around(&mut self, factor: f32, anchor: Pos2, canvas: Rect) {
        let new_zoom = (self.zoom * factor).clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        let anchor_in_canvas = anchor - canvas.min;
        let map_point = (anchor_in_canvas - self.offset) / self.zoom;
        self.zoom = new_zoom;
        self.offset = anchor_in_canvas - map_point * new_zoom;
        self.fitted = false;
    }

    /// Handles pan and zoom input over the canvas `response`.
    /// `primary_pans` is false while the primary button does something else (drawing a curve).
    pub fn handle_input(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        map_size: Vec2,
        primary_pans: bool,
    ) {
        let canvas = response.rect;
        self.screen_rect = Some(canvas);
        let band = ui.input(|i| i.modifiers.shift || i.modifiers.command);
        if (response.dragged_by(egui::PointerButton::Primary) && !band && primary_pans)
            || response.dragged_by(egui::PointerButton::Middle)
        {
            self.offset += response.drag_delta();
            self.fitted = false;
        }
        if response.hovered() {
            let (zoom_delta, scroll, pointer) =
                ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
            if (zoom_delta - 1.0).abs() > f32::EPSILON {
                let anchor = pointer.unwrap_or(canvas.center());
                self.zoom_around(zoom_delta, anchor, canvas);
            } else if scroll != Vec2::ZERO {
                self.offset += scroll;
                self.fitted = false;
            }
        }
        if self.fitted {
            self.fit(map_size, canvas);
        }
    }
}
