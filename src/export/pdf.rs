//! PDF straight from [`Scene`]s, with krilla: shapes as vector paths, text as real text
//! (selectable and searchable) in subsets of the shipped fonts embedded once per document,
//! content streams compressed.
//!
//! Text is shaped here with rustybuzz, one run per font: Inter first, then the fallbacks the
//! canvas uses (emoji, symbols) for the characters Inter lacks, left to right as the canvas
//! draws it. Characters no font has are replaced by a box before this (see `glyphs`).

use std::ops::Range;

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

/// One font of a fallback chain: embedded by krilla, shaped by rustybuzz.
#[derive(Clone)]
struct Face {
    font: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8], index: u32) -> Option<Self> {
        let shaper = rustybuzz::Face::from_slice(data, index)?;
        let units_per_em = shaper.units_per_em().max(1) as f32;
        let font = Font::new(data.into(), index)?;
        Some(Self {
            font,
            shaper,
            units_per_em,
        })
    }

    fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// The fonts text is set in: for regular and bold text, the Inter face first, then the
/// canvas's fallbacks in the canvas's order.
struct Fonts {
    regular: Vec<Face>,
    bold: Vec<Face>,
}

impl Fonts {
    fn load() -> Result<Self, ExportError> {
        // Kept for the life of the program, so the shaper can borrow the fonts' bytes.
        static DEFINITIONS: std::sync::OnceLock<epaint::text::FontDefinitions> =
            std::sync::OnceLock::new();
        let definitions = DEFINITIONS.get_or_init(crate::fonts::definitions);
        let fallbacks: Vec<Face> = definitions
            .families
            .get(&epaint::text::FontFamily::Proportional)
            .into_iter()
            .flatten()
            .filter(|name| !name.starts_with("Inter"))
            .filter_map(|name| {
                let data = definitions.font_data.get(name)?;
                Face::new((*data.font).as_ref(), data.index)
            })
            .collect();
        let chain = |first: &'static [u8]| -> Result<Vec<Face>, ExportError> {
            let inter = Face::new(first, 0)
                .ok_or_else(|| ExportError::Convert("the shipped font is damaged".to_owned()))?;
            Ok(std::iter::once(inter)
                .chain(fallbacks.iter().cloned())
                .collect())
        };
        Ok(Self {
            regular: chain(crate::fonts::INTER_REGULAR)?,
            bold: chain(crate::fonts::INTER_BOLD)?,
        })
    }
}

/// Writes `pages` as one PDF document, each page the size of its scene.
pub fn pdf_from_scenes(
    pages: &[Scene],
    baselines: Baselines,
    info: &DocumentInfo,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::load()?;
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
    fonts: &'a Fonts,
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
        let (chain, baseline) = if bold {
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
            let glyphs = shape(run, &chain[face]);
            let advance: f32 = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
            self.surface.draw_glyphs(
                Point::from_xy(x, y),
                &glyphs,
                chain[face].font.clone(),
                run,
                size,
                false,
            );
            x += advance;
        }
    }
}

/// `text` cut into runs, each set in the first font of `chain` that has its characters (so
/// text goes back to Inter after a fallback; spaces and joiners stay with the run they are
/// in); the font's index and the byte range.
fn runs(text: &str, chain: &[Face]) -> Vec<(usize, Range<usize>)> {
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let joins = c.is_whitespace() || c.is_control() || is_joiner(c);
        let face = match runs.last() {
            Some((current, _)) if joins => *current,
            _ => chain.iter().position(|f| f.has(c)).unwrap_or(0),
        };
        match runs.last_mut() {
            Some((current, range)) if *current == face => range.end = end,
            _ => runs.push((face, at..end)),
        }
    }
    runs
}

/// Characters that belong to the character before them (joiners and variation selectors).
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// `run` shaped left to right with `face`: glyphs with advances per unit of font size, each
/// knowing the characters it stands for (so copied text comes out right).
fn shape(run: &str, face: &Face) -> Vec<KrillaGlyph> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(run);
    buffer.guess_segment_properties();
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    let output = rustybuzz::shape(&face.shaper, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let per_em = |v: i32| v as f32 / face.units_per_em;
    infos
        .iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (info, pos))| {
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(run.len())
                .max(start);
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                per_em(pos.x_advance),
                per_em(pos.x_offset),
                per_em(pos.y_offset),
                per_em(pos.y_advance),
                start..end,
                None,
            )
        })
        .collect()
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

/// How far a cubic Bézier's control points sit along the tangent to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// A rectangle with corners rounded by `radius` (at most half its shorter side).
fn rect_path(rect: Rect, radius: f32) -> Option<Path> {
    if !(rect.width() > 0.0 && rect.height() > 0.0) {
        return None;
    }
    let r = radius.clamp(0.0, rect.width().min(rect.height()) / 2.0);
    let mut pb = PathBuilder::new();
    let (l, t, rr, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    if r <= 0.0 {
        pb.push_rect(krilla::geom::Rect::from_ltrb(l, t, rr, b)?);
        return pb.finish();
    }
    let k = r * (1.0 - KAPPA);
    pb.move_to(l + r, t);
    pb.line_to(rr - r, t);
    pb.cubic_to(rr - k, t, rr, t + k, rr, t + r);
    pb.line_to(rr, b - r);
    pb.cubic_to(rr, b - k, rr - k, b, rr - r, b);
    pb.line_to(l + r, b);
    pb.cubic_to(l + k, b, l, b - k, l, b - r);
    pb.line_to(l, t + r);
    pb.cubic_to(l, t + k, l + k, t, l + r, t);
    pb.close();
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
    fn text_falls_back_per_run_to_the_font_that_has_the_character() {
        let fonts = Fonts::load().unwrap();
        let text = "Koffie ⅔ klaar";
        let runs = runs(text, &fonts.regular);
        // Inter for the words, a fallback (Ubuntu) for the fraction Inter lacks, Inter again after it.
        let faces: Vec<usize> = runs.iter().map(|(f, _)| *f).collect();
        assert_eq!(faces.len(), 3, "{runs:?}");
        assert_eq!(faces[0], 0);
        assert_ne!(faces[1], 0);
        assert_eq!(faces[2], 0);
        assert!(text[runs[1].1.clone()].contains('⅔'));
        // Every byte is in exactly one run, in order.
        let joined: String = runs.iter().map(|(_, r)| &text[r.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn shaped_glyphs_cover_their_characters_and_advance() {
        let fonts = Fonts::load().unwrap();
        let glyphs = shape("Wachten", &fonts.regular[0]);
        assert_eq!(glyphs.len(), 7);
        assert!(glyphs.iter().all(|g| g.x_advance > 0.0));
        assert_eq!(glyphs.last().unwrap().text_range, 6..7);
    }

    #[test]
    fn degenerate_shapes_make_no_path_instead_of_failing() {
        assert!(rect_path(Rect::from_min_size(Pos2::ZERO, epaint::vec2(0.0, 5.0)), 2.0).is_none());
        assert!(circle_path(Pos2::ZERO, 0.0).is_none());
        assert!(poly_path(&[], false).is_none());
        assert!(rect_path(Rect::from_min_size(Pos2::ZERO, epaint::vec2(4.0, 2.0)), 9.0).is_some());
    }
}
