//! The map canvas: paints the shared [`Scene`] through a zoom and pan transform.

use egui::{Color32, Pos2, Rect, Stroke, Vec2, emath::TSTransform};

use crate::render::{Line, Scene, Shape};

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

fn stroke(line: Option<Line>, zoom: f32) -> Stroke {
    line.map_or(Stroke::NONE, |l| Stroke::new(l.width * zoom, l.colour))
}

/// Paints the part of `scene` that is visible in `clip` (screen points).
pub fn paint_scene(painter: &egui::Painter, scene: &Scene, transform: TSTransform, clip: Rect) {
    let zoom = transform.scaling;
    let visible_in_map = transform.inverse() * clip;
    painter.rect_filled(
        transform * Rect::from_min_size(Pos2::ZERO, scene.size),
        0.0,
        scene.background,
    );
    let mut shapes = Vec::with_capacity(scene.shapes.len());
    for shape in &scene.shapes {
        if !visible_in_map.intersects(shape.bounds()) {
            continue;
        }
        match shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke: line,
            } => {
                shapes.push(egui::Shape::rect_filled(
                    transform * *rect,
                    radius * zoom,
                    fill.unwrap_or(Color32::TRANSPARENT),
                ));
                if line.is_some() {
                    shapes.push(egui::Shape::rect_stroke(
                        transform * *rect,
                        radius * zoom,
                        stroke(*line, zoom),
                        egui::StrokeKind::Inside,
                    ));
                }
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke: line,
            } => shapes.push(egui::Shape::Circle(egui::epaint::CircleShape {
                center: transform * *center,
                radius: radius * zoom,
                fill: fill.unwrap_or(Color32::TRANSPARENT),
                stroke: stroke(*line, zoom),
            })),
            Shape::Path {
                points,
                closed,
                fill,
                stroke: line,
            } => {
                let screen: Vec<Pos2> = points.iter().map(|p| transform * *p).collect();
                if let Some(fill) = fill {
                    shapes.push(fan(&screen, *fill));
                }
                match line {
                    Some(l) if l.dash.is_some() => {
                        let dash = l.dash.unwrap_or(4.0) * zoom;
                        shapes.extend(egui::Shape::dashed_line(
                            &screen,
                            stroke(*line, zoom),
                            dash,
                            dash * 0.6,
                        ));
                    }
                    Some(_) if *closed => {
                        shapes.push(egui::Shape::closed_line(screen, stroke(*line, zoom)));
                    }
                    Some(_) => shapes.push(egui::Shape::line(screen, stroke(*line, zoom))),
                    None => {}
                }
            }
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour,
            } => {
                let font_size = size * zoom;
                if font_size < 2.0 {
                    // Too small to read: a grey bar keeps the page's texture.
                    let width = text.chars().count() as f32 * size * 0.5 * zoom;
                    let top = transform * *pos;
                    shapes.push(egui::Shape::rect_filled(
                        Rect::from_min_size(
                            top + Vec2::new(0.0, font_size * 0.3),
                            Vec2::new(width, font_size * 0.5),
                        ),
                        0.0,
                        colour.gamma_multiply(0.35),
                    ));
                    continue;
                }
                let font = egui::FontId::new(font_size, crate::fonts::family(*bold));
                shapes.push(painter.fonts_mut(|f| {
                    egui::Shape::text(
                        f,
                        transform * *pos,
                        egui::Align2::LEFT_TOP,
                        text,
                        font,
                        *colour,
                    )
                }));
            }
        }
    }
    painter.extend(shapes);
}

/// A filled star-shaped polygon as a triangle fan around its centroid.
fn fan(points: &[Pos2], fill: Color32) -> egui::Shape {
    let mut mesh = egui::Mesh::default();
    if points.len() < 3 {
        return egui::Shape::Noop;
    }
    let centroid = points.iter().fold(Vec2::ZERO, |acc, p| acc + p.to_vec2()) / points.len() as f32;
    mesh.colored_vertex(centroid.to_pos2(), fill);
    for p in points {
        mesh.colored_vertex(*p, fill);
    }
    let n = points.len() as u32;
    for i in 0..n {
        mesh.add_triangle(0, 1 + i, 1 + (i + 1) % n);
    }
    egui::Shape::mesh(mesh)
}
