//! Text set for paper with the shipped fonts, the same way for the PDF and the PNG: Inter
//! first, then the canvas's fallbacks (emoji, symbols) for the characters Inter lacks, one run
//! per font, shaped left to right with rustybuzz. Characters no font has are replaced by a box
//! before this (see `glyphs`).

use std::ops::Range;

use super::ExportError;

/// One font of a fallback chain.
#[derive(Clone)]
pub(super) struct Face {
    /// The font file, kept for the life of the program.
    pub data: &'static [u8],
    /// The face's index in a collection.
    pub index: u32,
    pub shaper: rustybuzz::Face<'static>,
    pub units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8], index: u32) -> Option<Self> {
        let shaper = rustybuzz::Face::from_slice(data, index)?;
        let units_per_em = shaper.units_per_em().max(1) as f32;
        Some(Self {
            data,
            index,
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
pub(super) struct Fonts {
    pub regular: Vec<Face>,
    pub bold: Vec<Face>,
}

impl Fonts {
    pub fn load() -> Result<Self, ExportError> {
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

    /// The chain for regular or bold text.
    pub fn chain(&self, bold: bool) -> &[Face] {
        if bold { &self.bold } else { &self.regular }
    }
}

/// A shaped glyph; advances and offsets per unit of font size.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    pub id: u16,
    pub x_advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    pub y_advance: f32,
    /// The bytes of the run it stands for (so copied text comes out right).
    pub text: Range<usize>,
}

/// `text` cut into runs, each set in the first font of `chain` that has its characters (so
/// text goes back to Inter after a fallback; spaces and joiners stay with the run they are
/// in); the font's index and the byte range.
pub(super) fn runs(text: &str, chain: &[Face]) -> Vec<(usize, Range<usize>)> {
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

/// `run` shaped left to right with `face`.
pub(super) fn shape(run: &str, face: &Face) -> Vec<Glyph> {
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
            Glyph {
                id: info.glyph_id as u16,
                x_advance: per_em(pos.x_advance),
                x_offset: per_em(pos.x_offset),
                y_offset: per_em(pos.y_offset),
                y_advance: per_em(pos.y_advance),
                text: start..end,
            }
        })
        .collect()
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
        assert_eq!(glyphs.last().unwrap().text, 6..7);
    }
}
