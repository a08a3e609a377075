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
    paint_shapes(painter, &scene.shapes, transform, clip, None);
}

/// The scene's text laid out and tessellated once, at the zoom a continuous zoom started at,
/// and then only moved and scaled while the zoom goes on: laying out thousands of runs again at
/// every new size is what made zooming slow. When the zoom settles the text is laid out afresh
/// at its exact size.
pub struct TextCache {
    base: TSTransform,
    atlas: [usize; 2],
    /// The scene it was made for (its shapes' address and count).
    scene: (usize, usize),
    mesh: egui::Mesh,
}

impl TextCache {
    /// Lays out and tessellates every text of `scene` that is drawn as text at `base`.
    pub fn new(painter: &egui::Painter, scene: &Scene, base: TSTransform) -> Self {
        let mut texts = Vec::new();
        collect_text(painter, &scene.shapes, base, &mut texts);
        let ctx = painter.ctx();
        let atlas = atlas_size(ctx);
        let mut tessellator = egui::epaint::Tessellator::new(
            ctx.pixels_per_point(),
            ctx.tessellation_options(|o| *o),
            atlas,
            Vec::new(),
        );
        let mut mesh = egui::Mesh::default();
        for text in texts {
            tessellator.tessellate_shape(text, &mut mesh);
        }
        Self {
            base,
            atlas,
            scene: Self::key(scene),
            mesh,
        }
    }

    fn key(scene: &Scene) -> (usize, usize) {
        (scene.shapes.as_ptr() as usize, scene.shapes.len())
    }

    /// Whether the cache still serves `scene` (the font atlas may have grown since, which moves
    /// every glyph's place in it).
    pub fn fits(&self, painter: &egui::Painter, scene: &Scene) -> bool {
        self.scene == Self::key(scene) && atlas_size(painter.ctx()) == self.atlas
    }
}

/// The size of the font atlas: a glyph's place in it is a fraction of this.
#[allow(
    clippy::redundant_closure_for_method_calls,
    reason = "the method's lifetime is too specific for `fonts`"
)]
fn atlas_size(ctx: &egui::Context) -> [usize; 2] {
    ctx.fonts(|f| f.font_image_size())
}

/// Paints `scene` as [`paint_scene`] does, its text taken from `cache` moved to `transform`.
pub fn paint_scene_cached(
    painter: &egui::Painter,
    scene: &Scene,
    transform: TSTransform,
    clip: Rect,
    cache: &TextCache,
) {
    painter.rect_filled(
        transform * Rect::from_min_size(Pos2::ZERO, scene.size),
        0.0,
        scene.background,
    );
    paint_shapes(
        painter,
        &scene.shapes,
        transform,
        clip,
        Some(cache.base.scaling),
    );
    let moved = transform * cache.base.inverse();
    let mut mesh = cache.mesh.clone();
    for v in &mut mesh.vertices {
        v.pos = moved * v.pos;
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// The text shapes of `shapes` as drawn through `transform` (those big enough to be text).
fn collect_text(
    painter: &egui::Painter,
    shapes: &[Shape],
    transform: TSTransform,
    out: &mut Vec<egui::Shape>,
) {
    for shape in shapes {
        match shape {
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour,
            } if size * transform.scaling >= 2.0 => {
                out.push(laid_text(
                    painter,
                    transform * *pos,
                    text,
                    (size * transform.scaling, *bold),
                    *colour,
                ));
            }
            // Groups (a page around the map) are clipped; their text stays with the regular path.
            _ => {}
        }
    }
}

/// Paints those of `shapes` that reach into `clip` (screen points). With `cached_at`, text is
/// left to a [`TextCache`] made at that zoom (only what was too small for text there is drawn,
/// as bars).
fn paint_shapes(
    painter: &egui::Painter,
    scene_shapes: &[Shape],
    transform: TSTransform,
    clip: Rect,
    cached_at: Option<f32>,
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
                let cached = cached_at.is_some_and(|base| size * base >= 2.0);
                if cached {
                    continue;
                }
                if font_size < 2.0 || cached_at.is_some() {
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
                shapes.push(laid_text(
                    painter,
                    transform * *pos,
                    text,
                    (font_size, *bold),
                    *colour,
                ));
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
                paint_shapes(
                    &painter.with_clip_rect(clip),
                    inner,
                    inner_transform,
                    clip,
                    None,
                );
            }
        }
    }
    painter.extend(shapes);
}

/// `text` laid out at `font_size` points from its top-left corner `at`.
fn laid_text(
    painter: &egui::Painter,
    at: Pos2,
    text: &str,
    (font_size, bold): (f32, bool),
    colour: Color32,
) -> egui::Shape {
    let font = egui::FontId::new(font_size, crate::fonts::family(bold));
    painter.fonts_mut(|f| egui::Shape::text(f, at, egui::Align2::LEFT_TOP, text, font, colour))
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
