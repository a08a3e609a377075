//! The command line: everything that runs without a window.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::file;
use crate::model::{MapKind, Project};
use crate::templates;

/// Klantreis: customer journey maps, offline.
#[derive(Debug, Parser)]
#[command(
    name = "klantreis",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A project file to open in the editor.
    pub file: Option<PathBuf>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check project files; exits 1 and names every problem when one is invalid.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count what a project holds.
    Stats {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a new project from a template.
    New {
        #[arg(long, value_enum)]
        template: Template,
        /// The file to write (conventionally ending in .klantreis.ron).
        #[arg(short, long)]
        output: PathBuf,
        /// The language of the template's stage and lane names.
        #[arg(long, value_enum, default_value_t = Language::En)]
        lang: Language,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The peak-end reading of each emotion curve, the lowest moments and what is missing.
    Analyze {
        file: PathBuf,
        /// Only this map: its id (`map-…` or the number), its position (1, 2, ...) or its title.
        #[arg(long)]
        map: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export a map as a poster (PDF, SVG, PNG) or as text (Markdown report, CSV, Mermaid).
    Export {
        file: PathBuf,
        /// The map: its id (`map-…` or the number), its position (1, 2, ...) or its title;
        /// the first map when left out; `all` for every map, one page each (PDF).
        #[arg(long)]
        map: Option<String>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Paper: A0…A5, Letter, Legal, Tabloid or `WIDTHxHEIGHTmm`.
        #[arg(long, default_value = "A0")]
        paper: String,
        /// Landscape (the default for posters).
        #[arg(long, conflicts_with = "portrait")]
        landscape: bool,
        #[arg(long)]
        portrait: bool,
        /// Dots per inch for PNG (72 to 600).
        #[arg(long, default_value_t = 150.0)]
        dpi: f32,
        /// Print the poster over sheets of this paper (PDF), with an overview page.
        #[arg(long)]
        tile: Option<String>,
        /// How much neighbouring sheets overlap, in millimetres (the glue margin).
        #[arg(long, default_value_t = 10.0, requires = "tile")]
        overlap: f32,
        /// Fit the map to the page (the default).
        #[arg(long, conflicts_with = "scale")]
        fit: bool,
        /// A fixed scale instead: 1.0 prints the map at the size it has at 100 % on screen.
        #[arg(long)]
        scale: Option<f32>,
        /// Margin on every side, in millimetres.
        #[arg(long, default_value_t = 10.0)]
        margin: f32,
        /// Leave out the title block.
        #[arg(long)]
        no_title_block: bool,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Rewrite project files in the canonical layout (as the editor saves them).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
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
}

/// The starting templates.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Template {
    /// A customer journey map.
    Journey,
    /// A customer experience map.
    Experience,
    /// A service blueprint.
    Blueprint,
}

impl From<Template> for MapKind {
    fn from(t: Template) -> Self {
        match t {
            Template::Journey => Self::CustomerJourney,
            Template::Experience => Self::CustomerExperience,
            Template::Blueprint => Self::ServiceBlueprint,
        }
    }
}

/// The languages of templates.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Language {
    En,
    Nl,
}

/// Prints to standard output; the CLI's one way of writing results.
fn out(text: &str) {
    // A closed pipe (`klantreis stats x | head`) is not an error worth a panic.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{text}");
}

fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

/// Runs a command and says how it went.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { files } => validate(&files),
        Command::Stats { file, json } => stats(&file, json),
        Command::Analyze { file, map, json } => analyze(&file, map.as_deref(), json),
        Command::Export {
            file,
            map,
            format,
            paper,
            landscape: _,
            portrait,
            dpi,
            tile,
            overlap,
            fit: _,
            scale,
            margin,
            no_title_block,
            output,
        } => {
            let format = match format {
                ExportFormat::Pdf => crate::export::Format::Pdf,
                ExportFormat::Svg => crate::export::Format::Svg,
                ExportFormat::Png => crate::export::Format::Png,
                ExportFormat::Md => crate::export::Format::Markdown,
                ExportFormat::Csv => crate::export::Format::Csv,
                ExportFormat::Mermaid => crate::export::Format::Mermaid,
                ExportFormat::Personas => crate::export::Format::PersonaSheets,
            };
            let request = ExportRequest {
                map,
                format,
                paper,
                portrait,
                dpi,
                tile,
                overlap,
                scale,
                margin,
                title_block: !no_title_block,
            };
            export(&file, &request, &output)
        }
        Command::New {
            template,
            output,
            lang,
            force,
        } => new(template, &output, lang, force),
        Command::Fmt { files } => fmt(&files),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for path in files {
        match file::load(path) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    err(&format!("warning: {w}: {}", path.display()));
                }
                out(&format!("ok: {}", path.display()));
            }
            Err(e) => {
                ok = false;
                for line in e.lines() {
                    err(&format!("error: {line}"));
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What a project holds, as counted by `klantreis stats`.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub maps: usize,
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    pub touchpoints: usize,
    pub moments_of_truth: usize,
    pub personas: usize,
    pub curves: usize,
    pub curve_points: usize,
    pub evidence: usize,
    pub stakeholders: usize,
    pub datasets: usize,
}

impl Stats {
    /// Counts `project`.
    pub fn of(project: &Project) -> Self {
        let mut s = Self {
            maps: project.maps.len(),
            personas: project.personas.len(),
            evidence: project.evidence.len(),
            stakeholders: project.stakeholders.len(),
            datasets: project.datasets.len(),
            ..Self::default()
        };
        for map in &project.maps {
            s.stages += map.stages.len();
            s.lanes += map.lanes.len();
            s.cards += map.cards.len();
            s.touchpoints += map.touchpoints().count();
            s.moments_of_truth += map
                .cards
                .iter()
                .filter(|c| c.moment_of_truth.is_some())
                .count();
            s.curves += map.curves.len();
            s.curve_points += map.curves.iter().map(|c| c.points.len()).sum::<usize>();
        }
        s
    }
}

fn stats(path: &Path, json: bool) -> ExitCode {
    let loaded = match file::load(path) {
        Ok(l) => l,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let s = Stats::of(&loaded.project);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(text) => out(&text),
            Err(e) => {
                err(&format!("error: {e}"));
                return ExitCode::FAILURE;
            }
        }
    } else {
        out(&loaded.project.title);
        for (label, n) in [
            ("maps", s.maps),
            ("stages", s.stages),
            ("lanes", s.lanes),
            ("cards", s.cards),
            ("touchpoints", s.touchpoints),
            ("moments of truth", s.moments_of_truth),
            ("personas", s.personas),
            ("emotion curves", s.curves),
            ("curve points", s.curve_points),
            ("evidence", s.evidence),
            ("stakeholders", s.stakeholders),
            ("data sets", s.datasets),
        ] {
            out(&format!("{label:>17}: {n}"));
        }
    }
    ExitCode::SUCCESS
}

/// The map `query` names: an id (`map-12` or `12`), a position from 1, or a title.
fn find_map<'a>(project: &'a Project, query: &str) -> Option<&'a crate::model::Map> {
    let number = query
        .strip_prefix("map-")
        .unwrap_or(query)
        .parse::<u64>()
        .ok();
    project
        .maps
        .iter()
        .find(|m| Some(m.id.0) == number)
        .or_else(|| {
            number
                .and_then(|n| usize::try_from(n).ok())
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| project.maps.get(i))
        })
        .or_else(|| project.maps.iter().find(|m| m.title == query))
}

fn signed(v: f64) -> String {
    crate::model::format_score(v, 2, true)
}

fn analyze(path: &Path, map: Option<&str>, json: bool) -> ExitCode {
    let loaded = match file::load(path) {
        Ok(l) => l,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let project = &loaded.project;
    let maps: Vec<&crate::model::Map> = if let Some(query) = map {
        let Some(m) = find_map(project, query) else {
            let known: Vec<String> = project
                .maps
                .iter()
                .enumerate()
                .map(|(i, m)| format!("{} {} {:?}", i + 1, m.id, m.title))
                .collect();
            err(&format!(
                "error: no map {query:?} in {}; its maps are: {}",
                path.display(),
                known.join("; ")
            ));
            return ExitCode::FAILURE;
        };
        vec![m]
    } else {
        project.maps.iter().collect()
    };
    let analyses: Vec<(&crate::model::Map, crate::analysis::Analysis)> = maps
        .into_iter()
        .map(|m| (m, crate::analysis::analyse(project, m)))
        .collect();
    if json {
        #[derive(serde::Serialize)]
        struct LintOut<'a> {
            #[serde(flatten)]
            lint: &'a crate::analysis::Lint,
            message: String,
        }
        #[derive(serde::Serialize)]
        struct MapOut<'a> {
            #[serde(flatten)]
            analysis: &'a crate::analysis::Analysis,
            #[serde(rename = "lint")]
            lint_out: Vec<LintOut<'a>>,
        }
        let out_maps: Vec<serde_json::Value> = analyses
            .iter()
            .map(|(m, a)| {
                let mut value = serde_json::to_value(MapOut {
                    analysis: a,
                    lint_out: a
                        .lint
                        .iter()
                        .map(|l| LintOut {
                            lint: l,
                            message: l.sentence(m, crate::i18n::Language::English),
                        })
                        .collect(),
                })
                .unwrap_or_default();
                if let Some(o) = value.as_object_mut() {
                    o.insert("map".to_owned(), serde_json::json!(m.id.to_string()));
                }
                value
            })
            .collect();
        match serde_json::to_string_pretty(&serde_json::json!({ "maps": out_maps })) {
            Ok(text) => out(&text),
            Err(e) => {
                err(&format!("error: {e}"));
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    for (m, a) in &analyses {
        out(&format!(
            "Map {:?} ({}), scale {}",
            m.title,
            m.id,
            m.scale.label()
        ));
        if a.curves.is_empty() {
            out("  no emotion curve");
        }
        for c in &a.curves {
            let variant = match c.variant {
                crate::model::CurveVariant::AsIs => "as-is",
                crate::model::CurveVariant::ToBe => "to-be",
            };
            let name = if c.name.is_empty() { "curve" } else { &c.name };
            out(&format!("  {name} ({variant}), {} steps", c.steps));
            let step = |s: &crate::analysis::Step| {
                let label = if s.label.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.label)
                };
                format!("{} at {:?}{label}", signed(s.score), s.stage_name)
            };
            if let (Some(peak), Some(end), Some(remembered), Some(average)) =
                (&c.peak, &c.end, c.remembered, c.average)
            {
                out(&format!("    peak:        {}", step(peak)));
                out(&format!("    end:         {}", step(end)));
                out(&format!(
                    "    remembered:  {}   (peak + end) / 2",
                    signed(remembered)
                ));
                out(&format!("    average:     {}", signed(average)));
                let weak = match c.weak_end {
                    None => "no".to_owned(),
                    Some(crate::analysis::WeakEnd::BelowNeutral) => {
                        "yes: the end is below neutral".to_owned()
                    }
                    Some(crate::analysis::WeakEnd::BelowAverage) => {
                        "yes: the end is below the average".to_owned()
                    }
                    Some(crate::analysis::WeakEnd::BelowNeutralAndAverage) => {
                        "yes: the end is below neutral and below the average".to_owned()
                    }
                };
                out(&format!("    weak end:    {weak}"));
                for (i, low) in c.lowest.iter().enumerate() {
                    let pains: Vec<String> = low
                        .pain_points
                        .iter()
                        .filter_map(|id| m.card(*id))
                        .map(|card| format!("{:?}", card.title))
                        .collect();
                    let pains = if pains.is_empty() {
                        String::new()
                    } else {
                        format!("; pain points: {}", pains.join(", "))
                    };
                    let head = if i == 0 {
                        "    lowest:      "
                    } else {
                        "                 "
                    };
                    out(&format!("{head}{}{pains}", step(&low.step)));
                }
            }
        }
        for cmp in &a.comparisons {
            let name = |id| {
                a.curves
                    .iter()
                    .find(|c| c.curve == id)
                    .map_or_else(String::new, |c| c.name.clone())
            };
            let gain = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), signed);
            out(&format!(
                "  as-is {:?} against to-be {:?}: remembered {}, peak {}, end {}",
                name(cmp.as_is),
                name(cmp.to_be),
                gain(cmp.remembered_gain),
                gain(cmp.peak_gain),
                gain(cmp.end_gain)
            ));
            for s in &cmp.stages {
                let stage = m.stage(s.stage).map_or("", |st| st.name.as_str());
                out(&format!(
                    "    {stage:<28} {:>6} -> {:>6}   {}",
                    s.as_is.map_or_else(|| "-".to_owned(), signed),
                    s.to_be.map_or_else(|| "-".to_owned(), signed),
                    gain(s.gain)
                ));
            }
        }
        out(&format!("  lint: {} item(s)", a.lint.len()));
        for l in &a.lint {
            out(&format!(
                "    - {}",
                l.sentence(m, crate::i18n::Language::English)
            ));
        }
    }
    ExitCode::SUCCESS
}

/// The export options as given on the command line.
struct ExportRequest {
    map: Option<String>,
    format: crate::export::Format,
    paper: String,
    portrait: bool,
    dpi: f32,
    tile: Option<String>,
    overlap: f32,
    scale: Option<f32>,
    margin: f32,
    title_block: bool,
}

fn export(path: &Path, r: &ExportRequest, output: &Path) -> ExitCode {
    use crate::export::{ExportOptions, Orientation, PageSetup, PaperSize, Scale};
    let fail = |message: String| {
        err(&format!("error: {message}"));
        ExitCode::FAILURE
    };
    let loaded = match file::load(path) {
        Ok(l) => l,
        Err(e) => return fail(e.to_string()),
    };
    let project = &loaded.project;
    let all_maps = r.map.as_deref() == Some("all");
    if all_maps && r.format != crate::export::Format::Pdf {
        return fail(
            "--map all puts every map on its own page, which needs --format pdf".to_owned(),
        );
    }
    let map = match &r.map {
        Some(_) if all_maps => project.maps.first(),
        Some(query) => find_map(project, query),
        None => project.maps.first(),
    };
    let Some(map) = map else {
        return fail(format!(
            "no map {:?} in {}",
            r.map.as_deref().unwrap_or("(first)"),
            path.display()
        ));
    };
    let paper = match PaperSize::parse(&r.paper) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    if !(72.0..=600.0).contains(&r.dpi) {
        return fail(format!("--dpi {}: choose between 72 and 600", r.dpi));
    }
    if let Some(s) = r.scale
        && !(s > 0.0 && s <= 100.0)
    {
        return fail(format!(
            "--scale {s}: choose a factor above 0 and at most 100"
        ));
    }
    if !(0.0..=100.0).contains(&r.margin) {
        return fail(format!(
            "--margin {}: choose between 0 and 100 mm",
            r.margin
        ));
    }
    let setup = PageSetup {
        paper,
        orientation: if r.portrait {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        },
        margin_mm: r.margin,
        scale: r.scale.map_or(Scale::Fit, Scale::Fixed),
        title_block: r.title_block,
    };
    let tiling = match &r.tile {
        None => None,
        Some(_) if r.format != crate::export::Format::Pdf => {
            return fail("--tile prints over several sheets, which needs --format pdf".to_owned());
        }
        Some(sheet) => match PaperSize::parse(sheet) {
            Ok(sheet) if (0.0..=50.0).contains(&r.overlap) => Some(crate::export::Tiling {
                sheet,
                overlap_mm: r.overlap,
            }),
            Ok(_) => {
                return fail(format!(
                    "--overlap {}: choose between 0 and 50 mm",
                    r.overlap
                ));
            }
            Err(e) => return fail(e),
        },
    };
    let options = ExportOptions {
        format: r.format,
        setup,
        dpi: r.dpi,
        tiling,
        all_maps,
    };
    match crate::export::export_map(project, map, &options, output) {
        Ok(written) => {
            for w in &written.warnings {
                err(&format!(
                    "warning: the smallest text is {:.1} pt on this paper, readable from about {:.1} m; choose a larger paper or scale for a wall poster",
                    w.smallest_pt, w.readable_from_m
                ));
            }
            let detail = match (r.format, written.pixels) {
                (_, Some((w, h))) => format!(" ({w} × {h} pixels)"),
                (
                    crate::export::Format::Markdown
                    | crate::export::Format::Csv
                    | crate::export::Format::Mermaid,
                    None,
                ) => String::new(),
                (_, None) if written.pages == 1 => " (1 page)".to_owned(),
                (_, None) => format!(" ({} pages)", written.pages),
            };
            out(&format!("wrote {}{detail}", output.display()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(e.to_string()),
    }
}

fn new(template: Template, output: &Path, lang: Language, force: bool) -> ExitCode {
    if output.exists() && !force {
        err(&format!(
            "error: the file already exists; pass --force to overwrite it: {}",
            output.display()
        ));
        return ExitCode::FAILURE;
    }
    let lang = match lang {
        Language::En => crate::i18n::Language::English,
        Language::Nl => crate::i18n::Language::Dutch,
    };
    let project = templates::new_project(template.into(), lang);
    match file::save(&project, output) {
        Ok(()) => {
            out(&format!("wrote {}", output.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            err(&format!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn fmt(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for path in files {
        let result = file::load(path).and_then(|loaded| {
            let text = file::to_ron_string(&loaded.project)?;
            let unchanged = std::fs::read(path).is_ok_and(|old| old == text.as_bytes());
            if unchanged {
                return Ok(false);
            }
            file::write_atomically(path, text.as_bytes(), false).map_err(|source| {
                file::FileError::Write {
                    path: path.clone(),
                    source,
                }
            })?;
            Ok(true)
        });
        match result {
            Ok(true) => out(&format!("formatted {}", path.display())),
            Ok(false) => out(&format!("unchanged {}", path.display())),
            Err(e) => {
                ok = false;
                err(&format!("error: {e}"));
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
