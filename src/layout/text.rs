//! Text measurement and line breaking, headless, with the shipped font.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Arc;

use epaint::text::{Fonts, LayoutJob, TextOptions, TextWrapping};
use epaint::{Color32, FontId, Vec2, vec2};

/// A paragraph broken into lines, in map units relative to its top-left corner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextBlock {
    /// Shared: a block is laid out once and handed out again while its text stays the same.
    pub lines: Arc<[TextLine]>,
    /// Width of the widest line and total height.
    pub size: Vec2,
    /// Font size in points.
    pub font_size: f32,
    pub bold: bool,
}

/// One line of a [`TextBlock`].
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: Arc<str>,
    /// Top-left corner relative to the block.
    pub offset: Vec2,
    pub width: f32,
    pub height: f32,
}

/// Lays out text with the shipped font, without a window. Keep one and reuse it: it caches.
pub struct TextMeasurer {
    fonts: Fonts,
    /// The blocks laid out in this pass and the one before, by what was asked
    /// ([`BlockKey`]): a layout after an edit finds every unchanged text here and lays out
    /// only the edited one (egui's own cache would still copy every line back out).
    blocks: HashMap<u64, Cached>,
    /// Counts calls of [`Self::begin_pass`].
    pass: u64,
    hasher: foldhash::fast::RandomState,
    text_hasher: foldhash::fast::RandomState,
}

/// A laid-out block, what it was laid out from, and the last pass that asked for it.
struct Cached {
    key: BlockKey,
    block: TextBlock,
    used: u64,
}

/// What a block was laid out from: the text by a second hash of its own (with the first, the
/// map's key, 128 bits: two texts that agree on both are taken to be the same), the rest as
/// given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct BlockKey {
    text: u64,
    size: u32,
    bold: bool,
    wrap: u32,
    max_lines: usize,
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
            blocks: HashMap::new(),
            pass: 0,
            hasher: foldhash::fast::RandomState::default(),
            text_hasher: foldhash::fast::RandomState::default(),
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
        let hash = self.hasher.hash_one((
            text,
            font_size.to_bits(),
            bold,
            wrap_width.to_bits(),
            max_lines,
        ));
        let key = BlockKey {
            text: self.text_hasher.hash_one(text),
            size: font_size.to_bits(),
            bold,
            wrap: wrap_width.to_bits(),
            max_lines,
        };
        if let Some(cached) = self.blocks.get_mut(&hash)
            && cached.key == key
        {
            cached.used = self.pass;
            return cached.block.clone();
        }
        let block = self.lay_out_block(text, font_size, bold, wrap_width, max_lines);
        // On the rare collision of two texts' first hashes the first one keeps the place.
        self.blocks.entry(hash).or_insert_with(|| Cached {
            key,
            block: block.clone(),
            used: self.pass,
        });
        block
    }

    fn lay_out_block(
        &mut self,
        text: &str,
        font_size: f32,
        bold: bool,
        wrap_width: f32,
        max_lines: usize,
    ) -> TextBlock {
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
        // Not kept in egui's galley cache: the block is kept above, and the galleys of a
        // map's every text would stay in memory until the next layout (20 MB at 1 000 cards).
        let galley = self.fonts.layout_uncached(1.0, Arc::new(job));
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
        // What neither this pass nor the one before asked for is dropped.
        let pass = self.pass;
        self.blocks.retain(|_, cached| cached.used >= pass);
        self.pass += 1;
        self.fonts
            .begin_pass(TextOptions::default(), epaint::text::ViewportKey::default());
    }
}

fn block_from_galley(galley: &epaint::Galley, font_size: f32, bold: bool) -> TextBlock {
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
            text: text.into(),
            offset: vec2(placed.pos.x, placed.pos.y),
            width,
            height,
        });
    }
    TextBlock {
        lines: lines.into(),
        size,
        font_size,
        bold,
    }
}
