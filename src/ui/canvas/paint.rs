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

/// The whole scene tessellated once and then only handed on: a frame of a map at rest costs
/// no tessellation, a pan moves the vertices, and while a zoom gesture goes on the mesh is
/// scaled (text and all: laying thousands of runs out again at every new size is what made
/// zooming slow). When the zoom settles, it is tessellated afresh at its exact size.
pub struct SceneMesh {
    /// The scene it was made from (the app counts the scenes it paints).
    serial: u64,
    /// The transform it was tessellated through.
    base: TSTransform,
    pixels_per_point: f32,
    atlas: AtlasState,
    /// One mesh per run of shapes with the same texture (the font's, or a picture's).
    meshes: Vec<std::sync::Arc<egui::Mesh>>,
}

impl SceneMesh {
    /// Tessellates all of `scene` (which has no groups) through `base`.
    pub fn new(painter: &egui::Painter, (scene, serial): (&Scene, u64), base: TSTransform) -> Self {
        let mut shapes = Vec::with_capacity(scene.shapes.len() + 1);
        shapes.push(egui::Shape::rect_filled(
            base * Rect::from_min_size(Pos2::ZERO, scene.size),
            0.0,
            scene.background,
        ));
        for shape in &scene.shapes {
            push_shape(painter, shape, base, &mut shapes);
        }
        let ctx = painter.ctx();
        let mut tessellator = egui::epaint::Tessellator::new(
            ctx.pixels_per_point(),
            ctx.tessellation_options(|o| *o),
            atlas_state(ctx).size,
            Vec::new(),
        );
        let mut meshes: Vec<egui::Mesh> = Vec::new();
        for shape in shapes {
            let texture = shape.texture_id();
            let mesh = match meshes.last_mut() {
                Some(mesh) if mesh.texture_id == texture => mesh,
                _ => {
                    meshes.push(egui::Mesh::with_texture(texture));
                    meshes.last_mut().expect("a mesh was just added")
                }
            };
            tessellator.tessellate_shape(shape, mesh);
        }
        Self {
            serial,
            base,
            pixels_per_point: ctx.pixels_per_point(),
            // After the text above took its places in the atlas.
            atlas: atlas_state(ctx),
            meshes: meshes.into_iter().map(std::sync::Arc::new).collect(),
        }
    }

    /// Whether the mesh still shows scene `serial` through `transform`: at the same zoom, or
    /// at any zoom when `scaled` may be drawn. The font atlas must still hold the text where
    /// the mesh says (it is rebuilt when it grows, and cleared when it is full).
    pub fn fits(
        &self,
        painter: &egui::Painter,
        serial: u64,
        transform: TSTransform,
        scaled: bool,
    ) -> bool {
        let ctx = painter.ctx();
        let atlas = atlas_state(ctx);
        self.serial == serial
            && self.pixels_per_point.to_bits() == ctx.pixels_per_point().to_bits()
            && atlas.size == self.atlas.size
            && atlas.fill >= self.atlas.fill
            && (scaled || !self.scales_to(transform))
    }

    /// Whether drawing through `transform` scales the mesh.
    pub fn scales_to(&self, transform: TSTransform) -> bool {
        (self.base.scaling - transform.scaling).abs() > self.base.scaling * 1e-6
    }

    /// Paints the mesh moved (and scaled) to `transform`, clipped to the scene on screen.
    pub fn paint(&self, painter: &egui::Painter, scene: &Scene, transform: TSTransform) {
        // A clip of its own makes egui start a mesh for it, instead of copying it onto the
        // end of the one before and then growing that mesh again for what follows.
        let own = painter
            .clip_rect()
            .intersect(transform * Rect::from_min_size(Pos2::ZERO, scene.size));
        let own = if own == painter.clip_rect() {
            Rect::from_min_max(own.min, own.max - Vec2::splat(1e-3))
        } else {
            own
        };
        let painter = painter.with_clip_rect(own);
        if transform == self.base {
            painter.extend(self.meshes.iter().cloned().map(egui::Shape::Mesh));
            return;
        }
        let moved = if self.scales_to(transform) {
            transform * self.base.inverse()
        } else {
            // Whole pixels, so text stays as crisp as it was tessellated.
            let ppp = self.pixels_per_point;
            let shift = ((transform.translation - self.base.translation) * ppp).round() / ppp;
            TSTransform::from_translation(shift)
        };
        painter.extend(self.meshes.iter().map(|mesh| {
            let mut mesh = egui::Mesh::clone(mesh);
            for v in &mut mesh.vertices {
                v.pos = moved * v.pos;
            }
            egui::Shape::mesh(mesh)
        }));
    }
}

/// The font atlas's size and how full it is: a glyph's place in it is a fraction of the size,
/// and egui empties an atlas that is getting full (it is then less full than before).
#[derive(Clone, Copy, Debug, PartialEq)]
struct AtlasState {
    size: [usize; 2],
    fill: f32,
}

fn atlas_state(ctx: &egui::Context) -> AtlasState {
    ctx.fonts(|f| AtlasState {
        size: f.font_image_size(),
        fill: f.font_atlas_fill_ratio(),
    })
}

/// Paints those of `shapes` that reach into `clip` (screen points).
fn paint_shapes(
    painter: &egui::Painter,
    scene_shapes: &[Shape],
    transform: TSTransform,
    clip: Rect,
) {
    let visible_in_map = transform.inverse() * clip;
    let mut shapes = Vec::with_capacity(scene_shapes.len());
    for shape in scene_shapes {
        if let Shape::Group {
            clip: group_clip,
            offset,
            scale,
            shapes: inner,
        } = shape
        {
            // What came before the group is drawn first.
            painter.extend(std::mem::take(&mut shapes));
            let clip = group_clip.map_or(clip, |c| (transform * c).intersect(clip));
            let inner_transform = transform * crate::render::group_transform(*offset, *scale);
            paint_shapes(&painter.with_clip_rect(clip), inner, inner_transform, clip);
        } else if visible_in_map.intersects(shape.bounds()) {
            push_shape(painter, shape, transform, &mut shapes);
        }
    }
    painter.extend(shapes);
}

/// The egui shapes that draw `shape` (not a group) through `transform`.
fn push_shape(
    painter: &egui::Painter,
    shape: &Shape,
    transform: TSTransform,
    shapes: &mut Vec<egui::Shape>,
) {
    let zoom = transform.scaling;
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
            } else {
                shapes.push(laid_text(
                    painter,
                    transform * *pos,
                    text,
                    (font_size, *bold),
                    *colour,
                ));
            }
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
        Shape::Group { .. } => {
            paint_shapes(
                painter,
                std::slice::from_ref(shape),
                transform,
                Rect::EVERYTHING,
            );
        }
    }
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
