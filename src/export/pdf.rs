//! PDF straight from [`Scene`]s, with krilla: shapes as vector paths, text as real text
//! (selectable and searchable) in subsets of the shipped fonts embedded once per document,
//! content streams compressed.
//!
//! Text is shaped by `shaping`, one run per font, as the PNG sets it.

use epaint::{Color32, Pos2, Rect};
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, color::rgb};

use super::ExportError;
use super::shaping::{Face, Fonts, runs, shape};
use super::svg::Baselines;
use crate::render::{Line, Scene, Shape};

/// What the PDF says about itself in its document properties.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The document's title (the project and the map).
    pub title: String,
    /// The document's language, as a tag like `nl` (for screen readers and hyphenation).
    pub language: String,
}

/// The embedded fonts, one per face of the shaping chains, in the same order.
struct PdfFonts {
    shaping: Fonts,
    regular: Vec<Font>,
    bold: Vec<Font>,
}

impl PdfFonts {
    fn load() -> Result<Self, ExportError> {
        let shaping = Fonts::load()?;
        let embed = |chain: &[Face]| -> Result<Vec<Font>, ExportError> {
            chain
                .iter()
                .map(|face| {
                    Font::new(face.data.into(), face.index).ok_or_else(|| {
                        ExportError::Convert("a shipped font cannot be embedded".to_owned())
                    })
                })
                .collect()
        };
        Ok(Self {
            regular: embed(&shaping.regular)?,
            bold: embed(&shaping.bold)?,
            shaping,
        })
    }
}

/// Writes `pages` as one PDF document, each page the size of its scene.
pub fn pdf_from_scenes(
    pages: &[Scene],
    baselines: Baselines,
    info: &DocumentInfo,
) -> Result<Vec<u8>, ExportError> {
    let fonts = PdfFonts::load()?;
    let mut document = Document::new();
    let mut metadata = krilla::metadata::Metadata::new()
        .creator(format!("Klantreis {}", env!("CARGO_PKG_VERSION")))
        .producer("Klantreis (krilla)".to_owned());
    if !info.title.is_empty() {
        metadata = metadata.title(info.title.clone());
    }
    if !info.language.is_empty() {
        metadata = metadata.language(info.language.clone());
    }
    document.set_metadata(metadata);
    for scene in pages {
        let settings = PageSettings::from_wh(scene.size.x, scene.size.y).ok_or_else(|| {
            ExportError::Convert(format!(
                "a page of {:.0} × {:.0} pt cannot be printed",
                scene.size.x, scene.size.y
            ))
        })?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut painter = Painter {
            surface: &mut surface,
            fonts: &fonts,
            baselines,
        };
        painter.rect(
            Rect::from_min_size(Pos2::ZERO, scene.size),
            0.0,
            Some(scene.background),
            None,
        );
        painter.shapes(&scene.shapes);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ExportError::Convert(format!("the PDF could not be written ({e:?})")))
}

/// Draws shapes on one page.
struct Painter<'a, 's> {
    surface: &'a mut Surface<'s>,
    fonts: &'a PdfFonts,
    baselines: Baselines,
}

impl Painter<'_, '_> {
    fn shapes(&mut self, shapes: &[Shape]) {
        for shape in shapes {
            self.shape(shape);
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => self.rect(*rect, *radius, *fill, *stroke),
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => self.draw(circle_path(*center, *radius), *fill, *stroke),
            Shape::Path {
                points,
                closed,
                fill,
                stroke,
            } => self.draw(poly_path(points, *closed), *fill, *stroke),
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour,
            } => self.text(*pos, text, *size, *bold, *colour),
            Shape::Image {
                rect,
                radius,
                picture,
            } => self.image(*rect, *radius, picture),
            Shape::Group {
                clip,
                offset,
                scale,
                shapes,
            } => {
                let mut pushed = 0;
                if let Some(c) = clip {
                    // An empty clip shows nothing.
                    let Some(path) = rect_path(*c, 0.0) else {
                        return;
                    };
                    self.surface.push_clip_path(&path, &FillRule::NonZero);
                    pushed += 1;
                }
                self.surface.push_transform(&Transform::from_row(
                    *scale, 0.0, 0.0, *scale, offset.x, offset.y,
                ));
                pushed += 1;
                self.shapes(shapes);
                for _ in 0..pushed {
                    self.surface.pop();
                }
            }
        }
    }

    /// A picture covering `rect`, centred and cropped to it, its corners rounded by `radius`.
    /// A picture that does not decode is left out (a loaded project's pictures were checked).
    fn image(&mut self, rect: Rect, radius: f32, picture: &crate::layout::Picture) {
        let data: krilla::Data = picture.bytes.to_vec().into();
        let image = if picture.jpeg {
            Image::from_jpeg(data, true)
        } else {
            Image::from_png(data, true)
        };
        let (Ok(image), Some(clip)) = (image, rect_path(rect, radius)) else {
            return;
        };
        let (w, h) = image.size();
        let cover = (rect.width() / w.max(1) as f32).max(rect.height() / h.max(1) as f32);
        let (dw, dh) = (w as f32 * cover, h as f32 * cover);
        let Some(size) = krilla::geom::Size::from_wh(dw, dh) else {
            return;
        };
        self.surface.push_clip_path(&clip, &FillRule::NonZero);
        self.surface.push_transform(&Transform::from_translate(
            rect.center().x - dw / 2.0,
            rect.center().y - dh / 2.0,
        ));
        self.surface.draw_image(image, size);
        self.surface.pop();
        self.surface.pop();
    }

    /// A rectangle stroked inside its edge, as the canvas draws it.
    fn rect(&mut self, rect: Rect, radius: f32, fill: Option<Color32>, stroke: Option<Line>) {
        let inset = stroke.map_or(0.0, |s| s.width / 2.0);
        self.draw(rect_path(rect.shrink(inset), radius), fill, stroke);
    }

    fn draw(&mut self, path: Option<Path>, fill: Option<Color32>, stroke: Option<Line>) {
        let Some(path) = path else { return };
        let fill = fill.filter(|c| c.a() > 0).map(to_fill);
        let stroke = stroke
            .filter(|s| s.width > 0.0 && s.colour.a() > 0)
            .map(to_stroke);
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.surface.set_fill(fill);
        self.surface.set_stroke(stroke);
        self.surface.draw_path(&path);
    }

    /// One line of text whose line box starts at `pos`: a run of glyphs per font.
    fn text(&mut self, pos: Pos2, text: &str, size: f32, bold: bool, colour: Color32) {
        if text.trim().is_empty() || size <= 0.0 || colour.a() == 0 {
            return;
        }
        let chain = self.fonts.shaping.chain(bold);
        let (embedded, baseline) = if bold {
            (&self.fonts.bold, self.baselines.bold)
        } else {
            (&self.fonts.regular, self.baselines.regular)
        };
        self.surface.set_fill(Some(to_fill(colour)));
        self.surface.set_stroke(None);
        let mut x = pos.x;
        let y = pos.y + baseline * size;
        for (face, range) in runs(text, chain) {
            let run = &text[range];
            let glyphs: Vec<KrillaGlyph> = shape(run, &chain[face])
                .into_iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(u32::from(g.id)),
                        g.x_advance,
                        g.x_offset,
                        g.y_offset,
                        g.y_advance,
                        g.text,
                        None,
                    )
                })
                .collect();
            let advance: f32 = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
            self.surface.draw_glyphs(
                Point::from_xy(x, y),
                &glyphs,
                embedded[face].clone(),
                run,
                size,
                false,
            );
            x += advance;
        }
    }
}

fn rgb_of(colour: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    let opacity = NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE);
    (rgb::Color::new(r, g, b), opacity)
}

fn to_fill(colour: Color32) -> Fill {
    let (paint, opacity) = rgb_of(colour);
    Fill {
        paint: paint.into(),
        opacity,
        rule: FillRule::NonZero,
    }
}

/// A stroke with round joins and caps, as the canvas draws lines.
fn to_stroke(line: Line) -> Stroke {
    let (paint, opacity) = rgb_of(line.colour);
    Stroke {
        paint: paint.into(),
        width: line.width,
        miter_limit: 4.0,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        opacity,
        dash: line.dash.map(|d| StrokeDash {
            array: vec![d, d * 0.6],
            offset: 0.0,
        }),
    }
}

/// A rectangle with corners rounded by `radius` (at most half its shorter side).
fn rect_path(rect: Rect, radius: f32) -> Option<Path> {
    use super::outline::Segment;
    let mut pb = PathBuilder::new();
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

fn circle_path(center: Pos2, radius: f32) -> Option<Path> {
    if radius <= 0.0 {
        return None;
    }
    rect_path(
        Rect::from_center_size(center, epaint::Vec2::splat(2.0 * radius)),
        radius,
    )
}

fn poly_path(points: &[Pos2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut pb = PathBuilder::new();
    pb.move_to(first.x, first.y);
    for p in rest {
        pb.line_to(p.x, p.y);
    }
    if closed {
        pb.close();
    }
    pb.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_shapes_make_no_path_instead_of_failing() {
        assert!(rect_path(Rect::from_min_size(Pos2::ZERO, epaint::vec2(0.0, 5.0)), 2.0).is_none());
        assert!(circle_path(Pos2::ZERO, 0.0).is_none());
        assert!(poly_path(&[], false).is_none());
        assert!(rect_path(Rect::from_min_size(Pos2::ZERO, epaint::vec2(4.0, 2.0)), 9.0).is_some());
    }
}
