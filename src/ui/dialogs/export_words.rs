//! The export dialog's words: the formats' names, how quotes appear, what a finished export
//! says (pages, sheets left out, legibility, what Mermaid could not carry, characters no font
//! has), the remedy of a fixed scale and the file name offered.

use std::path::Path;

use crate::export::{self, Format, Written};
use crate::i18n::{language, tr, tr_args, tr_count, tr_count_in};

/// What a finished export says: where it went, how many pages (or pixels), and every warning
/// worth knowing, in the interface language.
pub(super) fn done_message(written: &Written, path: &Path) -> String {
    let path = path.display().to_string();
    let mut message = match written.pixels {
        Some((w, h)) => tr_args(
            "export.done_pixels",
            &[("path", &path), ("width", &w), ("height", &h)],
        ),
        None => tr_count_in(language(), "export.done", written.pages, &[("path", &path)]),
    };
    if written.blank_sheets > 0 {
        message.push_str(" (");
        message.push_str(&tr_count("export.blank_sheets", written.blank_sheets));
        message.push(')');
    }
    for w in &written.warnings {
        message.push(' ');
        message.push_str(&export::legibility_warning(
            &w.legibility,
            w.remedy,
            language(),
            scale_advice,
        ));
    }
    for c in &written.changed_texts {
        message.push(' ');
        message.push_str(&tr_args(
            "export.mermaid_changed",
            &[("typed", &c.typed), ("written", &c.written)],
        ));
    }
    if !written.unscored.is_empty() {
        message.push(' ');
        message.push_str(&tr_count_in(
            language(),
            "export.mermaid_unscored",
            written.unscored.len(),
            &[("cards", &written.unscored.join(", "))],
        ));
    }
    if !written.missing_glyphs.is_empty() {
        let chars: String = written.missing_glyphs.iter().collect();
        message.push(' ');
        message.push_str(&tr_count_in(
            language(),
            "export.missing_glyphs",
            written.missing_glyphs.len(),
            &[("box", &export::glyphs::REPLACEMENT), ("chars", &chars)],
        ));
    }
    message
}

/// A format's name in the interface language.
pub(super) fn format_name(f: Format) -> String {
    match f {
        Format::Pdf => "PDF".to_owned(),
        Format::Svg => "SVG".to_owned(),
        Format::Png => "PNG".to_owned(),
        Format::Markdown => tr("export.markdown").into_owned(),
        Format::Csv => "CSV".to_owned(),
        Format::Mermaid => "Mermaid".to_owned(),
        Format::PersonaSheets => tr("export.personas").into_owned(),
        Format::Brief => tr("export.brief").into_owned(),
        Format::Html => tr("export.html").into_owned(),
    }
}

/// The remedy of a fixed scale, as the dialog's percent field takes it.
pub(super) fn scale_advice(scale: f32) -> String {
    tr_args(
        "export.too_small_scale",
        &[(
            "percent",
            &crate::i18n::number(f64::from(scale) * 100.0, 0, false, crate::i18n::language()),
        )],
    )
}

/// How quotes appear, in the interface language.
pub(super) fn quotes_name(quotes: export::Quotes) -> std::borrow::Cow<'static, str> {
    tr(match quotes {
        export::Quotes::Full => "export.quotes.full",
        export::Quotes::Pseudonymised => "export.quotes.pseudonymised",
        export::Quotes::Hidden => "export.quotes.hidden",
    })
}

/// The file name offered for an export (without the extension): what it prints (a brief names
/// its department), else the map's title; characters no file system takes become "-".
pub(super) fn file_name(options: &export::ExportOptions, map_title: &str) -> String {
    let named = if options.format == Format::Brief {
        Some(std::borrow::Cow::Owned(format!(
            "{} {}",
            tr("export.brief_name"),
            options.owner.clone().unwrap_or_default()
        )))
    } else {
        match options.subject {
            export::Subject::Stakeholders => Some(tr("stakeholders.title")),
            export::Subject::Roadmap => Some(tr("export.roadmap_name")),
            export::Subject::Priorities => Some(tr("priority.title")),
            export::Subject::ActionRoadmap => Some(tr("timeline.title")),
            export::Subject::Map => None,
        }
    };
    let base = match &named {
        Some(name) => name.as_ref(),
        None if map_title.is_empty() => "map",
        None => map_title,
    };
    base.chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect()
}
