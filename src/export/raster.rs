//! A page's pixels straight from its [`Scene`], with tiny-skia, one horizontal strip at a time
//! (the PNG export renders strips on every core; see `convert`).
//!
//! Paths are built in pixels (a scene only scales and moves its groups), so nothing is
//! transformed twice; a text line is one path of its glyphs, whose outlines are read from the
//! font once per strip; a group's clip costs a mask only where it cuts into the strip.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use epaint::{Color32, Pos2, Rect, Vec2, pos2};
use tiny_skia as skia;

use super::ExportError;
use super::shaping::{Fonts, runs, shape};
use super::svg::Baselines;
use crate::layout::Picture;
use crate::model::ImageId;
use crate::render::{Line, Scene, Shape};

/// What every strip of a page shares: the fonts and the pictures, decoded once.
pub(super) struct Shared {
    fonts: Fonts,
    baselines: Baselines,
    pictures: Mutex<HashMap<ImageId, Option<Arc<skia::Pixmap>>>>,
}

impl Shared {
    pub fn new(baselines: Baselines) -> Result<Self, ExportError> {
        Ok(Self {
            fonts: Fonts::load()?,
            baselines,
            pictures: Mutex::new(HashMap::new()),
        })
    }

    /// A picture's pixels, premultiplied; `None` for one that does not decode (a loaded
    /// project's pictures were checked, so it is left out rather than failing the poster).
    fn picture(&self, picture: &Picture) -> Option<Arc<skia::Pixmap>> {
        let decode = || {
            let rgba =
                crate::file::picture::decode_rgba(&picture.bytes, crate::file::picture::MAX_SIDE)
                    .ok()?;
            let mut pixmap = skia::Pixmap::new(rgba.width(), rgba.height())?;
            for (dst, src) in pixmap.pixels_mut().iter_mut().zip(rgba.pixels()) {
                let [r, g, b, a] = src.0;
                *dst = skia::ColorU8::from_rgba(r, g, b, a).premultiply();
            }
            Some(Arc::new(pixmap))
        };
        // A strip that panicked while holding the lock left nothing half-written in it.
        let mut cache = self
            .pictures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.entry(picture.id).or_insert_with(decode).clone()
    }
}

/// Rows `top..top + rows` of `scene` drawn at `scale` pixels per point, `width` pixels wide:
/// premultiplied RGBA.
pub(super) fn strip(
    shared: &Shared,
    scene: &Scene,
    scale: f32,
    (width, top, rows): (u32, u32, u32),
) -> Result<skia::Pixmap, ExportError> {
    let mut pixmap = skia::Pixmap::new(width, rows)
        .ok_or_else(|| ExportError::Convert("no memory for a strip of the image".to_owned()))?;
    pixmap.fill(colour(scene.background));
    let whole = Rect::from_min_size(Pos2::ZERO, epaint::vec2(width as f32, rows as f32));
    let mut painter = Painter {
        pixmap,
        shared,
        glyphs: HashMap::new(),
        whole,
        clip: whole,
        mask: None,
    };
    let at = Affine {
        scale,
        offset: epaint::vec2(0.0, -(top as f32)),
    };
    painter.shapes(&scene.shapes, at);
    Ok(painter.pixmap)
}

/// Where a point in a scene's units lands in the strip: `offset + p * scale`, in pixels.
#[derive(Clone, Copy, Debug)]
struct Affine {
    scale: f32,
    offset: Vec2,
}

impl Affine {
    fn x(self, x: f32) -> f32 {
        self.offset.x + x * self.scale
    }

    fn y(self, y: f32) -> f32 {
        self.offset.y + y * self.scale
    }

    fn point(self, p: Pos2) -> Pos2 {
        pos2(self.x(p.x), self.y(p.y))
    }

    fn rect(self, r: Rect) -> Rect {
        Rect::from_min_max(self.point(r.min), self.point(r.max))
    }

    /// This followed by a group's own move and scale.
    fn then(self, offset: Vec2, scale: f32) -> Self {
        Self {
            scale: self.scale * scale,
            offset: self.offset + offset * self.scale,
        }
    }
}

/// A glyph's outline in font units, by bold, face in the chain, and glyph.
type GlyphCache = HashMap<(bool, usize, u16), Option<skia::Path>>;

struct Painter<'a> {
    pixmap: skia::Pixmap,
    shared: &'a Shared,
    glyphs: GlyphCache,
    /// The strip, in its pixels.
    whole: Rect,
    /// What the groups around the current shape let show, in pixels.
    clip: Rect,
    /// The clip as a mask, when it cuts into the strip.
    mask: Option<skia::Mask>,
}

impl Painter<'_> {
    /// Fills `path` (in pixels) inside the groups' clip.
    fn fill(&mut self, path: &skia::Path, paint: &skia::Paint<'_>) {
        self.pixmap.fill_path(
            path,
            paint,
            skia::FillRule::Winding,
            skia::Transform::identity(),
            self.mask.as_ref(),
        );
    }

    fn shapes(&mut self, shapes: &[Shape], at: Affine) {
        for shape in shapes {
            if let Shape::Group {
                clip,
                offset,
                scale,
                shapes,
            } = shape
            {
                self.group(clip.map(|c| at.rect(c)), at.then(*offset, *scale), shapes);
            } else if self.clip.intersects(at.rect(shape.bounds())) {
                self.shape(shape, at);
            }
        }
    }

    fn group(&mut self, clip: Option<Rect>, at: Affine, shapes: &[Shape]) {
        let Some(clip) = clip else {
            self.shapes(shapes, at);
            return;
        };
        let inner = self.clip.intersect(clip);
        if !inner.is_positive() {
            return;
        }
        let outer = (self.clip, self.mask.take());
        self.clip = inner;
        if !inner.contains_rect(self.whole) {
            self.mask = mask_of(inner, self.whole);
        }
        self.shapes(shapes, at);
        (self.clip, self.mask) = outer;
    }

    fn shape(&mut self, shape: &Shape, at: Affine) {
        match shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => {
                // Stroked inside its edge, as the canvas draws it.
                let inset = stroke.map_or(0.0, |s| s.width / 2.0);
                let path = rect_path(at.rect(rect.shrink(inset)), radius * at.scale);
                self.draw(path, *fill, *stroke, at);
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let c = at.point(*center);
                let path = skia::PathBuilder::from_circle(c.x, c.y, radius * at.scale);
                self.draw(path, *fill, *stroke, at);
            }
            Shape::Path {
                points,
                closed,
                fill,
                stroke,
            } => self.draw(poly_path(points, *closed, at), *fill, *stroke, at),
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour,
            } => self.text(at, *pos, text, *size, *bold, *colour),
            Shape::Image {
                rect,
                radius,
                picture,
            } => self.image(at.rect(*rect), radius * at.scale, picture),
            Shape::Group { .. } => self.shapes(std::slice::from_ref(shape), at),
        }
    }

    fn draw(
        &mut self,
        path: Option<skia::Path>,
        fill: Option<Color32>,
        stroke: Option<Line>,
        at: Affine,
    ) {
        let Some(path) = path else { return };
        let bounds = path.bounds();
        if let Some(fill) = fill.filter(|c| c.a() > 0)
            && bounds.width() > 0.0
            && bounds.height() > 0.0
        {
            self.fill(&path, &paint(colour(fill)));
        }
        if let Some(line) = stroke.filter(|s| s.width > 0.0 && s.colour.a() > 0) {
            let width = line.width * at.scale;
            let stroke = skia::Stroke {
                width,
                miter_limit: 4.0,
                line_cap: skia::LineCap::Round,
                line_join: skia::LineJoin::Round,
                dash: line.dash.and_then(|d| {
                    let d = d * at.scale;
                    skia::StrokeDash::new(vec![d, d * 0.6], 0.0)
                }),
            };
            self.pixmap.stroke_path(
                &path,
                &paint(colour(line.colour)),
                &stroke,
                skia::Transform::identity(),
                self.mask.as_ref(),
            );
        }
    }

    /// One line of text whose line box starts at `pos`: all its glyphs filled as one path.
    fn text(&mut self, at: Affine, pos: Pos2, text: &str, size: f32, bold: bool, colour: Color32) {
        if text.trim().is_empty() || size <= 0.0 || colour.a() == 0 {
            return;
        }
        let chain = self.shared.fonts.chain(bold);
        let baseline = if bold {
            self.shared.baselines.bold
        } else {
            self.shared.baselines.regular
        };
        let mut pen = pos.x;
        let y = pos.y + baseline * size;
        let mut builder = skia::PathBuilder::new();
        for (face, range) in runs(text, chain) {
            let per_unit = size / chain[face].units_per_em;
            for glyph in shape(&text[range], &chain[face]) {
                let outline = self
                    .glyphs
                    .entry((bold, face, glyph.id))
                    .or_insert_with(|| outline(&chain[face].shaper, glyph.id));
                if let Some(outline) = outline {
                    let origin = pos2(pen + glyph.x_offset * size, y - glyph.y_offset * size);
                    // Font units point up; the page's y points down.
                    let place = |p: skia::Point| {
                        at.point(pos2(origin.x + p.x * per_unit, origin.y - p.y * per_unit))
                    };
                    append(&mut builder, outline, place);
                }
                pen += glyph.x_advance * size;
            }
        }
        if let Some(path) = builder.finish() {
            self.fill(&path, &paint(self::colour(colour)));
        }
    }

    /// A picture covering `rect` (in pixels), centred and cropped to it, its corners rounded
    /// by `radius`.
    fn image(&mut self, rect: Rect, radius: f32, picture: &Picture) {
        let (Some(pixels), Some(path)) = (self.shared.picture(picture), rect_path(rect, radius))
        else {
            return;
        };
        let (w, h) = (pixels.width() as f32, pixels.height() as f32);
        let cover = (rect.width() / w).max(rect.height() / h);
        let left = rect.center().x - w * cover / 2.0;
        let top = rect.center().y - h * cover / 2.0;
        let pattern = skia::Pattern::new(
            skia::Pixmap::as_ref(&pixels),
            skia::SpreadMode::Pad,
            skia::FilterQuality::Bicubic,
            1.0,
            skia::Transform::from_row(cover, 0.0, 0.0, cover, left, top),
        );
        let paint = skia::Paint {
            shader: pattern,
            anti_alias: true,
            ..skia::Paint::default()
        };
        self.fill(&path, &paint);
    }
}

/// A mask letting through `clip` (in pixels) of a strip `whole` large.
fn mask_of(clip: Rect, whole: Rect) -> Option<skia::Mask> {
    let mut mask = skia::Mask::new(whole.width() as u32, whole.height() as u32)?;
    let path = rect_path(clip.intersect(whole), 0.0)?;
    mask.fill_path(
        &path,
        skia::FillRule::Winding,
        true,
        skia::Transform::identity(),
    );
    Some(mask)
}

/// `colour` as tiny-skia takes it (straight alpha).
fn colour(colour: Color32) -> skia::Color {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    skia::Color::from_rgba8(r, g, b, a)
}

fn paint(colour: skia::Color) -> skia::Paint<'static> {
    let mut paint = skia::Paint::default();
    paint.set_color(colour);
    paint.anti_alias = true;
    paint
}

/// A rectangle with corners rounded by `radius` (at most half its shorter side).
fn rect_path(rect: Rect, radius: f32) -> Option<skia::Path> {
    use super::outline::Segment;
    let mut pb = skia::PathBuilder::new();
    for segment in super::outline::rounded_rect(rect, radius)? {
        match segment {
            Segment::MoveTo(x, y) => pb.move_to(x, y),
            Segment::LineTo(x, y) => pb.line_to(x, y),
            Segment::CubicTo(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
            Segment::Close => pb.close(),
        }
    }
    pb.finish()
}

fn poly_path(points: &[Pos2], closed: bool, at: Affine) -> Option<skia::Path> {
    let (first, rest) = points.split_first()?;
    let mut pb = skia::PathBuilder::new();
    let first = at.point(*first);
    pb.move_to(first.x, first.y);
    for p in rest {
        let p = at.point(*p);
        pb.line_to(p.x, p.y);
    }
    if closed {
        pb.close();
    }
    pb.finish()
}

/// A glyph's outline in font units (y up), or `None` for one without (a space).
fn outline(face: &rustybuzz::Face<'static>, glyph: u16) -> Option<skia::Path> {
    struct Builder(skia::PathBuilder);
    impl rustybuzz::ttf_parser::OutlineBuilder for Builder {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1, y1, x, y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.cubic_to(x1, y1, x2, y2, x, y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let mut builder = Builder(skia::PathBuilder::new());
    face.outline_glyph(rustybuzz::ttf_parser::GlyphId(glyph), &mut builder)?;
    builder.0.finish()
}

/// `outline` added to `builder`, each point moved by `place`.
fn append(
    builder: &mut skia::PathBuilder,
    outline: &skia::Path,
    place: impl Fn(skia::Point) -> Pos2,
) {
    for segment in outline.segments() {
        match segment {
            skia::PathSegment::MoveTo(p) => {
                let p = place(p);
                builder.move_to(p.x, p.y);
            }
            skia::PathSegment::LineTo(p) => {
                let p = place(p);
                builder.line_to(p.x, p.y);
            }
            skia::PathSegment::QuadTo(c, p) => {
                let (c, p) = (place(c), place(p));
                builder.quad_to(c.x, c.y, p.x, p.y);
            }
            skia::PathSegment::CubicTo(c1, c2, p) => {
                let (c1, c2, p) = (place(c1), place(c2), place(p));
                builder.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y);
            }
            skia::PathSegment::Close => builder.close(),
        }
    }
}
