//! Text measurement and line breaking, headless, with the shipped font.

use std::sync::Arc;

use epaint::text::{Fonts, LayoutJob, TextOptions, TextWrapping};
use epaint::{Color32, FontId, Vec2, vec2};

/// A paragraph broken into lines, in map units relative to its top-left corner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextBlock {
    pub lines: Vec<TextLine>,
    /// Width of the widest line and total height.
    pub size: Vec2,
    /// Font size in points.
    pub font_size: f32,
    pub bold: bool,
}

/// One line of a [`TextBlock`].
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    /// Top-left corner relative to the block.
    pub offset: Vec2,
    pub width: f32,
    pub height: f32,
}

/// Lays out text with the shipped font, without a window. Keep one and reuse it: it caches.
pub struct TextMeasurer {
    fonts: Fonts,
}

impl Default for TextMeasurer {
    fn default() -> Self {
        Self::new()
    }
}

impl TextMeasurer {
    /// A measurer with the shipped Inter font.
    pub fn new() -> Self {
        Self {
            fonts: Fonts::new(TextOptions::default(), crate::fonts::definitions()),
        }
    }

    /// Breaks `text` into lines no wider than `wrap_width` (at most `max_lines`, the last one
    /// ending in "…" when cut).
    pub fn block(
        &mut self,
        text: &str,
        font_size: f32,
        bold: bool,
        wrap_width: f32,
        max_lines: usize,
    ) -> TextBlock {
        if text.is_empty() {
            return TextBlock {
                font_size,
                bold,
                ..TextBlock::default()
            };
        }
        let mut job = LayoutJob::simple(
            text.to_owned(),
            FontId::new(font_size, crate::fonts::family(bold)),
            Color32::BLACK,
            wrap_width.max(1.0),
        );
        job.wrap = TextWrapping {
            max_width: wrap_width.max(1.0),
            max_rows: max_lines.max(1),
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        let galley = self.fonts.with_pixels_per_point(1.0).layout_job(job);
        block_from_galley(&galley, font_size, bold)
    }

    /// How far below the top of a line its baseline lies, for text of `font_size` (exports
    /// place text by its baseline; the canvas by its line's top).
    pub fn baseline(&mut self, font_size: f32, bold: bool) -> f32 {
        let job = LayoutJob::simple_singleline(
            "H".to_owned(),
            FontId::new(font_size, crate::fonts::family(bold)),
            Color32::BLACK,
        );
        let galley = self.fonts.with_pixels_per_point(1.0).layout_job(job);
        galley
            .rows
            .first()
            .and_then(|r| r.row.glyphs.first())
            .map_or(font_size * 0.97, |g| g.pos.y)
    }

    /// Whether the shipped fonts (Inter and its fallbacks for emoji and symbols) can draw `c`.
    pub fn can_draw(&mut self, c: char, bold: bool) -> bool {
        c.is_whitespace()
            || self
                .fonts
                .with_pixels_per_point(1.0)
                .has_glyph(&FontId::new(12.0, crate::fonts::family(bold)), c)
    }

    /// The width of `text` set on one line.
    pub fn width(&mut self, text: &str, font_size: f32, bold: bool) -> f32 {
        let job = LayoutJob::simple_singleline(
            text.to_owned(),
            FontId::new(font_size, crate::fonts::family(bold)),
            Color32::BLACK,
        );
        self.fonts
            .with_pixels_per_point(1.0)
            .layout_job(job)
            .size()
            .x
    }

    /// Lays out a fresh `Fonts` pass; call once per layout so old galleys can be dropped.
    pub fn begin_pass(&mut self) {
        self.fonts
            .begin_pass(TextOptions::default(), epaint::text::ViewportKey::default());
    }
}

fn block_from_galley(galley: &Arc<epaint::Galley>, font_size: f32, bold: bool) -> TextBlock {
    let mut lines = Vec::with_capacity(galley.rows.len());
    let mut size = Vec2::ZERO;
    for placed in &galley.rows {
        let text = placed.row.text();
        let width = placed.row.size.x;
        let height = placed.row.size.y;
        size.x = size.x.max(width);
        size.y = size.y.max(placed.pos.y + height);
        if text.trim().is_empty() {
            continue;
        }
        lines.push(TextLine {
            text,
            offset: vec2(placed.pos.x, placed.pos.y),
            width,
            height,
        });
    }
    TextBlock {
        lines,
        size,
        font_size,
        bold,
    }
}
