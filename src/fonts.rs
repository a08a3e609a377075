//! The one font family of screen and paper: Inter (SIL Open Font License, see `assets/fonts`).
//!
//! The canvas, the layout and every export use these bytes, so line breaks on the poster are
//! the line breaks on screen.

use std::sync::Arc;

use epaint::text::{FontData, FontDefinitions, FontFamily};

/// Inter Regular, OpenType.
pub const INTER_REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
/// Inter Bold, OpenType.
pub const INTER_BOLD: &[u8] = include_bytes!("../assets/fonts/Inter-Bold.otf");

/// The name of the bold family in egui's font definitions.
pub const BOLD_FAMILY: &str = "Inter Bold";

/// The font family for regular or bold text.
pub fn family(bold: bool) -> FontFamily {
    if bold {
        FontFamily::Name(BOLD_FAMILY.into())
    } else {
        FontFamily::Proportional
    }
}

/// egui's default definitions with Inter first for proportional text and a bold family.
/// egui's own fonts stay behind Inter as fallbacks for emoji and symbols.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        "Inter".to_owned(),
        Arc::new(FontData::from_static(INTER_REGULAR)),
    );
    defs.font_data.insert(
        BOLD_FAMILY.to_owned(),
        Arc::new(FontData::from_static(INTER_BOLD)),
    );
    let fallbacks: Vec<String> = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut proportional = vec!["Inter".to_owned()];
    proportional.extend(fallbacks.iter().cloned());
    let mut bold = vec![BOLD_FAMILY.to_owned()];
    bold.extend(fallbacks);
    defs.families.insert(FontFamily::Proportional, proportional);
    defs.families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    defs
}
