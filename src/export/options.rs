//! What an export is asked to do, with every range stated once: the command line, the export
//! dialog and the export itself check options with [`ExportOptions::validate`], so each gives
//! the same message.

use std::ops::RangeInclusive;

use super::paper::{PageSetup, Scale};
use super::tiles::Tiling;

/// The formats a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Pdf,
    Svg,
    Png,
    Markdown,
    Csv,
    Mermaid,
    /// One A4 PDF page per persona.
    PersonaSheets,
    /// One A4 PDF page for one department: what the journey asks of it.
    Brief,
    /// One self-contained page that any browser opens: every map, pan and zoom, search, a
    /// card's details, a department's lens, and comments that come back as a review file.
    Html,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf | Self::PersonaSheets | Self::Brief => "pdf",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Mermaid => "mmd",
            Self::Html => "html",
        }
    }

    /// Whether the format is text (no paper, no pages).
    pub fn is_text(self) -> bool {
        matches!(self, Self::Markdown | Self::Csv | Self::Mermaid)
    }
}

/// What to export and how.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    pub format: Format,
    pub setup: PageSetup,
    /// For PNG: dots per inch ([`ExportOptions::DPI`]).
    pub dpi: f32,
    /// For PDF: print the poster over several sheets instead of on one page.
    pub tiling: Option<Tiling>,
    /// For PDF: every map of the project, one page each (instead of the chosen map).
    pub all_maps: bool,
    /// What a poster shows: the map, or the project's stakeholder map.
    pub subject: Subject,
    /// How what respondents said appears: with who said it, by code only, or not at all.
    pub quotes: Quotes,
    /// For CSV: the spreadsheet it is written for; `None` for the project's language.
    pub excel: Option<crate::i18n::Language>,
    /// For a brief: the department (owner) it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// For a map's poster: a department whose lens is laid over it (what is not theirs fades).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lens: Option<String>,
    /// Whether the project's review comments go along (in the viewer and the Markdown report).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub comments: bool,
}

/// How quotes appear on an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Quotes {
    /// Each quote with the respondent's code, segment and name (when one is kept).
    #[default]
    Full,
    /// Each quote with the respondent's code only: no name, no segment.
    Pseudonymised,
    /// No quotes; cards still say how many respondents back them.
    Hidden,
}

impl Quotes {
    pub const ALL: [Self; 3] = [Self::Full, Self::Pseudonymised, Self::Hidden];

    /// The project and the map to print as this choice lets them be printed: names and
    /// segments gone when pseudonymised; quotes unlinked from the stages (so the quotes lane
    /// is empty) when hidden. `None` when nothing changes.
    pub fn filter(
        self,
        project: &crate::model::Project,
        map: &crate::model::Map,
    ) -> Option<(crate::model::Project, crate::model::Map)> {
        let mut p = match self {
            Self::Full => return None,
            Self::Pseudonymised | Self::Hidden => project.clone(),
        };
        let mut m = map.clone();
        for r in &mut p.respondents {
            r.name.clear();
            r.segment.clear();
        }
        if self == Self::Hidden {
            let quotes: std::collections::HashSet<_> = p
                .evidence
                .iter()
                .filter(|e| e.kind == crate::model::EvidenceKind::Quote)
                .map(|e| e.id)
                .collect();
            let maps = p.maps.iter_mut().chain(std::iter::once(&mut m));
            for stage in maps.flat_map(|m| m.stages.iter_mut()) {
                stage.evidence.retain(|e| !quotes.contains(e));
            }
            for e in p.evidence.iter_mut().filter(|e| quotes.contains(&e.id)) {
                e.text.clear();
            }
        }
        Some((p, m))
    }
}

/// What a poster (PDF, SVG, PNG) shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Subject {
    /// The chosen map (or every map).
    #[default]
    Map,
    /// The project's stakeholder map.
    Stakeholders,
    /// The whole customer experience roadmap in one PDF: the persona sheets, the stakeholder
    /// map, then every map, experience maps first, then the actions' priorities and roadmap.
    Roadmap,
    /// The project's actions in the impact × effort matrix, with the ranked list.
    Priorities,
    /// The project's actions by quarter and owner.
    ActionRoadmap,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: Format::Pdf,
            setup: PageSetup::default(),
            dpi: 150.0,
            tiling: None,
            all_maps: false,
            subject: Subject::Map,
            quotes: Quotes::Full,
            excel: None,
            owner: None,
            lens: None,
            comments: false,
        }
    }
}

/// An option that has a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Dpi,
    Scale,
    Margin,
    Overlap,
}

impl Setting {
    /// The option's name as the command line spells it (`--dpi`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Dpi => "dpi",
            Self::Scale => "scale",
            Self::Margin => "margin",
            Self::Overlap => "overlap",
        }
    }

    /// The values it may take.
    pub fn range(self) -> RangeInclusive<f32> {
        match self {
            Self::Dpi => ExportOptions::DPI,
            Self::Scale => ExportOptions::SCALE,
            Self::Margin => ExportOptions::MARGIN_MM,
            Self::Overlap => ExportOptions::OVERLAP_MM,
        }
    }

    /// What the values are counted in, after the number (" mm").
    fn unit(self) -> &'static str {
        match self {
            Self::Dpi | Self::Scale => "",
            Self::Margin | Self::Overlap => " mm",
        }
    }
}

/// Why export options cannot be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum OptionError {
    #[error("--{} {value}: choose between {} and {}{}", .setting.name(), .setting.range().start(), .setting.range().end(), .setting.unit())]
    OutOfRange { setting: Setting, value: f32 },
    #[error("--map all puts every map on its own page, which needs --format pdf")]
    AllMapsNeedPdf,
    #[error("--tile prints over several sheets, which needs --format pdf")]
    TilingNeedsPdf,
    #[error("--stakeholders prints the stakeholder map as a poster: --format pdf, svg or png")]
    StakeholdersNeedPoster,
    #[error(
        "--priorities and --action-roadmap print the actions as a poster: --format pdf, svg or png (`klantreis actions` lists them as text)"
    )]
    ActionsNeedPoster,
    #[error(
        "--roadmap prints every page of the project into one document, which needs --format pdf"
    )]
    RoadmapNeedsPdf,
    #[error(
        "the paper {paper} leaves no room for the map inside its margins{title}; choose a larger paper or a smaller margin"
    )]
    PaperTooSmall { paper: String, title: &'static str },
}

impl ExportOptions {
    /// Dots per inch of a PNG.
    pub const DPI: RangeInclusive<f32> = 72.0..=600.0;
    /// A fixed scale (1.0 prints a map point as a paper point).
    pub const SCALE: RangeInclusive<f32> = 0.01..=100.0;
    /// The margin on every side of the page.
    pub const MARGIN_MM: RangeInclusive<f32> = 0.0..=100.0;
    /// How far neighbouring sheets of a tiled poster overlap.
    pub const OVERLAP_MM: RangeInclusive<f32> = 0.0..=50.0;

    /// Checks every option against its range and the format; the first problem is returned.
    pub fn validate(&self) -> Result<(), OptionError> {
        let mut values = vec![
            (Setting::Dpi, self.dpi),
            (Setting::Margin, self.setup.margin_mm),
        ];
        if let Scale::Fixed(s) = self.setup.scale {
            values.push((Setting::Scale, s));
        }
        if let Some(t) = &self.tiling {
            values.push((Setting::Overlap, t.overlap_mm));
        }
        if let Some(&(setting, value)) = values.iter().find(|(s, v)| !s.range().contains(v)) {
            return Err(OptionError::OutOfRange { setting, value });
        }
        // The map needs at least a centimetre each way on the page.
        let (_, _, w, h) = self.setup.plan((1.0, 1.0)).map_area;
        let least = 10.0 * super::paper::PT_PER_MM;
        if !matches!(self.format, Format::PersonaSheets | Format::Brief)
            && !self.format.is_text()
            && (w < least || h < least)
        {
            return Err(OptionError::PaperTooSmall {
                paper: self.setup.paper.name(),
                title: if self.setup.title_block {
                    " and above the title block"
                } else {
                    ""
                },
            });
        }
        if self.all_maps && self.format != Format::Pdf {
            return Err(OptionError::AllMapsNeedPdf);
        }
        if self.tiling.is_some() && self.format != Format::Pdf {
            return Err(OptionError::TilingNeedsPdf);
        }
        if self.subject == Subject::Stakeholders
            && (self.format.is_text() || self.format == Format::PersonaSheets)
        {
            return Err(OptionError::StakeholdersNeedPoster);
        }
        if matches!(self.subject, Subject::Priorities | Subject::ActionRoadmap)
            && (self.format.is_text() || self.format == Format::PersonaSheets)
        {
            return Err(OptionError::ActionsNeedPoster);
        }
        if self.subject == Subject::Roadmap && self.format != Format::Pdf {
            return Err(OptionError::RoadmapNeedsPdf);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_range_is_checked_and_named() {
        let ok = ExportOptions::default();
        assert_eq!(ok.validate(), Ok(()));
        let dpi = ExportOptions {
            dpi: 9000.0,
            ..ok.clone()
        };
        assert_eq!(
            dpi.validate().unwrap_err().to_string(),
            "--dpi 9000: choose between 72 and 600"
        );
        let mut margin = ok.clone();
        margin.setup.margin_mm = -5.0;
        assert_eq!(
            margin.validate().unwrap_err().to_string(),
            "--margin -5: choose between 0 and 100 mm"
        );
        let mut scale = ok.clone();
        scale.setup.scale = Scale::Fixed(0.0);
        assert!(matches!(
            scale.validate(),
            Err(OptionError::OutOfRange {
                setting: Setting::Scale,
                ..
            })
        ));
        let tiled_png = ExportOptions {
            format: Format::Png,
            tiling: Some(Tiling {
                sheet: crate::layout::paper::PaperSize::A4,
                overlap_mm: 10.0,
            }),
            ..ok.clone()
        };
        assert_eq!(tiled_png.validate(), Err(OptionError::TilingNeedsPdf));
        let mut overlap = ok;
        overlap.tiling = Some(Tiling {
            sheet: crate::layout::paper::PaperSize::A4,
            overlap_mm: 51.0,
        });
        assert!(overlap.validate().is_err());
        let mut tiny = ExportOptions::default();
        tiny.setup.paper = crate::layout::paper::PaperSize::Custom {
            width_mm: 10.0,
            height_mm: 10.0,
        };
        assert!(matches!(
            tiny.validate(),
            Err(OptionError::PaperTooSmall { .. })
        ));
        tiny.format = Format::Csv;
        assert_eq!(tiny.validate(), Ok(()), "text has no paper");
    }

    #[test]
    fn each_format_has_its_usual_extension() {
        let all = [
            (Format::Pdf, "pdf"),
            (Format::PersonaSheets, "pdf"),
            (Format::Svg, "svg"),
            (Format::Png, "png"),
            (Format::Markdown, "md"),
            (Format::Csv, "csv"),
            (Format::Mermaid, "mmd"),
        ];
        for (format, extension) in all {
            assert_eq!(format.extension(), extension, "{format:?}");
        }
    }

    #[test]
    fn the_map_needs_a_centimetre_each_way_and_no_less() {
        // A paper 20 mm wide with margins of 5 mm leaves exactly 10 mm for the map (the paper
        // is at least 10 mm a side, and a margin at most a third of it).
        let on = |width_mm: f32, height_mm: f32, margin_mm: f32| {
            let mut o = ExportOptions::default();
            o.setup.margin_mm = margin_mm;
            o.setup.title_block = false;
            o.setup.paper = crate::layout::paper::PaperSize::Custom {
                width_mm,
                height_mm,
            };
            o.validate()
        };
        assert_eq!(on(20.0, 20.0, 5.0), Ok(()));
        assert_eq!(on(20.0, 100.0, 5.0), Ok(()));
        for (w, h) in [(20.0, 100.0), (100.0, 20.0), (20.0, 20.0)] {
            assert!(
                matches!(on(w, h, 5.5), Err(OptionError::PaperTooSmall { .. })),
                "{w} × {h} mm"
            );
        }
    }
}
