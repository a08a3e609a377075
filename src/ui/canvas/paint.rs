//! Paints the shared [`Scene`] through the view's transform: the same shapes as on paper.

use egui::{Color32, Pos2, Rect, Stroke, Vec2, emath::TSTransform};

use crate::render::{Line, Scene, Shape};

fn stroke(line: Option<Line>, zoom: f32) -> Stroke {
    line.map_or(Stroke::NONE, |l| Stroke::new(l.width * zoom, l.colour))
}

/// Paints the part of `scene` that is visible in `clip` (screen points).
pub fn paint_scene(painter: &egui::Painter, scene: &Scene, transform: TSTransform, clip: Rect) {
    painter.rect_filled(
        transform * Rect::from_min_size(Pos2::ZERO, scene.size),
        0.0,
        scene.background,
    );
    paint_shapes(painter, &scene.shapes, transform, clip);
}

/// Paints those of `shapes` that reach into `clip` (screen points).
fn paint_shapes(
    painter: &egui::Painter,
    scene_shapes: &[Shape],
    transform: TSTransform,
    clip: Rect,
) {
    let zoom = transform.scaling;
    let visible_in_map = transform.inverse() * clip;
    let mut shapes = Vec::with_capacity(scene_shapes.len());
    for shape in scene_shapes {
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
            Shape::Image {
                rect,
                radius,
                picture,
            } => shapes.push(crate::ui::pictures::paint(
                painter,
                transform * *rect,
                radius * zoom,
                picture,
            )),
            Shape::Group {
                clip: group_clip,
                offset,
                scale,
                shapes: inner,
            } => {
                // What came before the group is drawn first.
                painter.extend(std::mem::take(&mut shapes));
                let clip = group_clip.map_or(clip, |c| (transform * c).intersect(clip));
                let inner_transform = transform * crate::render::group_transform(*offset, *scale);
                paint_shapes(&painter.with_clip_rect(clip), inner, inner_transform, clip);
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
