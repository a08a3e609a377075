//! `klantreis export`: a map as a poster or as text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::{err, find_map, load, no_such_map, out};
use crate::export::{self, ExportOptions, Format, Orientation, PageSetup, PaperSize, Scale};
use crate::file;

/// What `klantreis export` is asked.
#[derive(Debug, clap::Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "command-line switches; clap keeps the subjects' switches apart"
)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// The map: its id (`map-…` or the number), its position (1, 2, ...) or its title;
    /// the first map when left out; `all` for every map, one page each (PDF).
    #[arg(long)]
    pub map: Option<String>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Paper: A0…A5, Letter, Legal, Tabloid or `WIDTHxHEIGHTmm`.
    #[arg(long, default_value = "A0")]
    pub paper: String,
    #[command(flatten)]
    pub orientation: OrientationArgs,
    /// Dots per inch for PNG (72 to 600).
    #[arg(long, default_value_t = 150.0, allow_negative_numbers = true)]
    pub dpi: f32,
    /// Print the poster over sheets of this paper (PDF), with an overview page.
    #[arg(long)]
    pub tile: Option<String>,
    /// How much neighbouring sheets overlap, in millimetres (the glue margin).
    #[arg(
        long,
        default_value_t = 10.0,
        requires = "tile",
        allow_negative_numbers = true
    )]
    pub overlap: f32,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Margin on every side, in millimetres.
    #[arg(long, default_value_t = 10.0, allow_negative_numbers = true)]
    pub margin: f32,
    /// Leave out the title block.
    #[arg(long)]
    pub no_title_block: bool,
    /// Print the project's stakeholder map instead of a map (PDF, SVG or PNG).
    #[arg(long, conflicts_with = "map")]
    pub stakeholders: bool,
    /// Print the whole roadmap into one PDF: a sheet per persona, the stakeholder map, then
    /// every map (experience maps first), then the actions' priorities and their roadmap.
    #[arg(long, conflicts_with_all = ["map", "stakeholders", "tile"])]
    pub roadmap: bool,
    /// Print the project's actions in the impact × effort matrix, ranked (PDF, SVG or PNG).
    #[arg(long, conflicts_with_all = ["map", "stakeholders", "roadmap"])]
    pub priorities: bool,
    /// Print the project's actions by quarter and owner (PDF, SVG or PNG).
    #[arg(long, conflicts_with_all = ["map", "stakeholders", "roadmap", "priorities"])]
    pub action_roadmap: bool,
    /// How quotes appear: with who said them, by respondent code only, or not at all.
    #[arg(long, value_enum, default_value_t = QuotesArg::Full)]
    pub quotes: QuotesArg,
    /// For CSV: the Excel it is for; `nl` writes `;`, decimal commas and a byte order mark,
    /// `en` commas and decimal points (default: the project's language).
    #[arg(long, value_enum)]
    pub excel: Option<super::Language>,
    /// For --format brief: the department (a stakeholder, or an owner named on touchpoints or
    /// actions) the brief is for.
    #[arg(long)]
    pub owner: Option<String>,
    /// For a map's poster: lay this department's lens over it (a stakeholder, or an owner
    /// named on touchpoints or actions): what is not theirs fades.
    #[arg(long)]
    pub lens: Option<String>,
    /// Take the project's review comments along (HTML viewer, Markdown).
    #[arg(long)]
    pub comments: bool,
    /// The file to write.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// `--quotes`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum QuotesArg {
    /// Each quote with the respondent's code, segment and name (when one is kept).
    Full,
    /// Each quote with the respondent's code only.
    Pseudonymised,
    /// No quotes at all.
    None,
}

/// Which way up the paper is.
#[derive(Debug, clap::Args)]
pub struct OrientationArgs {
    /// Landscape (the default for posters).
    #[arg(long, conflicts_with = "portrait")]
    pub landscape: bool,
    #[arg(long)]
    pub portrait: bool,
}

/// How large the map is printed.
#[derive(Debug, clap::Args)]
pub struct ScaleArgs {
    /// Fit the map to the page (the default).
    #[arg(long, conflicts_with = "scale")]
    pub fit: bool,
    /// A fixed scale instead: 1.0 prints the map at the size it has at 100 % on screen.
    #[arg(long, allow_negative_numbers = true)]
    pub scale: Option<f32>,
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Pdf,
    Svg,
    Png,
    Md,
    Csv,
    Mermaid,
    /// One A4 page per persona (PDF).
    Personas,
    /// One A4 page for one department, named with --owner (PDF): its touchpoints, moments of
    /// truth, pain points and actions.
    Brief,
    /// One self-contained page any browser opens, offline: every map, the personas, the
    /// stakeholder map and the actions; search, a card's details, department lenses, and
    /// comments readers download as a review file (`klantreis import-review`).
    Html,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Pdf => Self::Pdf,
            ExportFormat::Svg => Self::Svg,
            ExportFormat::Png => Self::Png,
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Mermaid => Self::Mermaid,
            ExportFormat::Personas => Self::PersonaSheets,
            ExportFormat::Brief => Self::Brief,
            ExportFormat::Html => Self::Html,
        }
    }
}

impl ExportArgs {
    /// The export options these arguments ask for, checked by the export's own rules.
    fn options(&self) -> Result<ExportOptions, String> {
        let paper = PaperSize::parse(&self.paper)?;
        let tiling = match &self.tile {
            None => None,
            Some(sheet) => Some(export::Tiling {
                sheet: PaperSize::parse(sheet)?,
                overlap_mm: self.overlap,
            }),
        };
        let options = ExportOptions {
            format: self.format.into(),
            setup: PageSetup {
                paper,
                orientation: if self.orientation.portrait {
                    Orientation::Portrait
                } else {
                    Orientation::Landscape
                },
                margin_mm: self.margin,
                scale: self.scale.scale.map_or(Scale::Fit, Scale::Fixed),
                title_block: !self.no_title_block,
            },
            dpi: self.dpi,
            tiling,
            all_maps: self.map.as_deref() == Some("all"),
            subject: if self.roadmap {
                export::Subject::Roadmap
            } else if self.priorities {
                export::Subject::Priorities
            } else if self.action_roadmap {
                export::Subject::ActionRoadmap
            } else if self.stakeholders {
                export::Subject::Stakeholders
            } else {
                export::Subject::Map
            },
            quotes: match self.quotes {
                QuotesArg::Full => export::Quotes::Full,
                QuotesArg::Pseudonymised => export::Quotes::Pseudonymised,
                QuotesArg::None => export::Quotes::Hidden,
            },
            excel: self.excel.map(|l| match l {
                super::Language::En => crate::i18n::Language::English,
                super::Language::Nl => crate::i18n::Language::Dutch,
            }),
            owner: self.owner.clone(),
            lens: self.lens.clone(),
            comments: self.comments,
        };
        options.validate().map_err(|e| e.to_string())?;
        Ok(options)
    }
}

/// Exports as `args` say.
pub(super) fn run(args: &ExportArgs) -> ExitCode {
    let fail = |message: String| {
        err(&format!("error: {message}"));
        ExitCode::FAILURE
    };
    let Some(loaded) = load(&args.file) else {
        return ExitCode::FAILURE;
    };
    let project = &loaded.project;
    let options = match args.options() {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let map = match &args.map {
        Some(_) if options.all_maps => project.maps.first(),
        Some(query) => find_map(project, query),
        None => project.maps.first(),
    };
    // Persona sheets, briefs, the stakeholder map and the roadmap print without a map.
    let mapless = matches!(
        options.format,
        export::Format::PersonaSheets | export::Format::Brief
    ) || options.subject != export::Subject::Map;
    let none = crate::model::Map::default();
    let map = match map {
        Some(map) => map,
        None if mapless && args.map.is_none() => &none,
        None if args.map.is_none() => {
            return fail(format!(
                "{} has no maps to export; add a map in the editor (persona sheets and the stakeholder map print without one)",
                args.file.display()
            ));
        }
        None => {
            return fail(no_such_map(
                project,
                args.map.as_deref().unwrap_or_default(),
                &args.file,
            ));
        }
    };
    let output: &Path = &args.output;
    if file::same_file(&args.file, output) {
        return fail(format!(
            "the output is the project file itself; choose another name for the export: {}",
            output.display()
        ));
    }
    let written = file::replace_with(output, |w| export::export_map(project, map, &options, w))
        .map_err(|e| e.flatten().at(output));
    match written {
        Ok(written) => {
            for c in &written.changed_texts {
                let what = match c.what {
                    export::mermaid::TextKind::Title => "the title",
                    export::mermaid::TextKind::Stage => "a stage",
                    export::mermaid::TextKind::Task => "a card",
                    export::mermaid::TextKind::Actor => "a persona",
                };
                err(&format!(
                    "warning: Mermaid cannot carry {what} as typed: {:?} is written as {:?}",
                    c.typed, c.written
                ));
            }
            if !written.unscored.is_empty() {
                err(&format!(
                    "warning: {} card(s) have no score on any curve; Mermaid needs one, so they are written with the middle score 3: {}",
                    written.unscored.len(),
                    written
                        .unscored
                        .iter()
                        .map(|t| format!("{t:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if !written.missing_glyphs.is_empty() {
                let chars: String = written.missing_glyphs.iter().collect();
                err(&format!(
                    "warning: {} character(s) cannot be drawn with the shipped fonts and print as {}: {chars}",
                    written.missing_glyphs.len(),
                    export::glyphs::REPLACEMENT
                ));
            }
            // One warning, for the poster whose text reads worst (`--all-maps` prints many).
            let worst = written.warnings.iter().min_by(|a, b| {
                let margin =
                    |w: &export::SmallText| w.legibility.readable_from_m / w.legibility.read_from_m;
                margin(a).total_cmp(&margin(b))
            });
            if let Some(w) = worst {
                let english = crate::i18n::Language::English;
                let text = export::legibility_warning(&w.legibility, w.remedy, english, |scale| {
                    crate::i18n::tr_args_in(
                        english,
                        "export.too_small_scale_cli",
                        &[(
                            "scale",
                            &crate::i18n::number(f64::from(scale), 2, false, english),
                        )],
                    )
                });
                let more = match written.warnings.len() {
                    1 => String::new(),
                    n => format!(" ({n} posters have text too small; this is the smallest)"),
                };
                err(&format!("warning: {text}{more}"));
            }
            let detail = match (options.format, written.pixels) {
                (_, Some((w, h))) => format!(" ({w} × {h} pixels)"),
                (f, None) if f.is_text() => String::new(),
                (Format::Html, None) => format!(
                    " (an interactive page of {} map(s), {} KB; it opens offline in any browser)",
                    written.pages,
                    std::fs::metadata(output).map_or(0, |m| m.len()) / 1024
                ),
                (_, None) if written.pages == 1 => " (1 page)".to_owned(),
                (_, None) => format!(" ({} pages)", written.pages),
            };
            let detail = match written.blank_sheets {
                0 => detail,
                1 => format!("{detail}; 1 blank sheet left out"),
                n => format!("{detail}; {n} blank sheets left out"),
            };
            out(&format!("wrote {}{detail}", output.display()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(e.to_string()),
    }
}
