//! `klantreis import`: maps from Mermaid journeys (`.mmd`, `.md`) and spreadsheet grids
//! (`.csv`, `.xlsx`, `.xls`, `.ods`), into a new project or an existing one.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, load, out};
use crate::file;
use crate::import::{self, Imported, Source};
use crate::model::{LaneKind, Project};

/// `klantreis import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import: a Mermaid diagram (.mmd), Markdown with `mermaid` journey blocks
    /// (.md), or a journey grid (.csv, .xlsx, .xls, .ods: stages across, lanes down).
    pub file: PathBuf,
    /// Write a new project file with the imported maps.
    #[arg(short, long, conflicts_with = "into", required_unless_present = "into")]
    pub output: Option<PathBuf>,
    /// Add the imported maps to this project file instead.
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// The worksheet of a workbook (the first when left out).
    #[arg(long, default_value = "")]
    pub sheet: String,
    /// A grid row's lane kind, where the guess from its name is wrong: `"Gevoel=emotions"`
    /// (kinds: customer-actions, touchpoints, channels, thoughts, emotions, pain-points,
    /// opportunities, owners, frontstage, backstage, support, metrics, evidence, quotes,
    /// custom). May be repeated.
    #[arg(long = "lane", value_name = "ROW=KIND")]
    pub lanes: Vec<String>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// A lane kind as the command line writes it.
pub fn parse_kind(text: &str) -> Option<LaneKind> {
    let t = text.trim().to_lowercase().replace(['_', ' '], "-");
    Some(match t.as_str() {
        "customer-actions" | "actions" => LaneKind::CustomerActions,
        "touchpoints" => LaneKind::Touchpoints,
        "channels" => LaneKind::Channels,
        "thoughts" => LaneKind::Thoughts,
        "emotions" => LaneKind::Emotions,
        "pain-points" => LaneKind::PainPoints,
        "opportunities" => LaneKind::Opportunities,
        "owners" => LaneKind::Owners,
        "frontstage" => LaneKind::Frontstage,
        "backstage" => LaneKind::Backstage,
        "support" | "support-processes" => LaneKind::SupportProcesses,
        "metrics" => LaneKind::Metrics,
        "evidence" => LaneKind::Evidence,
        "quotes" => LaneKind::Quotes,
        "custom" => LaneKind::Custom,
        _ => return None,
    })
}

fn read_grid(args: &ImportArgs, project: &Project) -> Result<Imported, String> {
    let table = crate::data::read_table(&args.file, &args.sheet).map_err(|e| e.to_string())?;
    let title = args
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut grid =
        import::grid::read(&table, &title).map_err(|e| format!("{}: {e}", args.file.display()))?;
    for given in &args.lanes {
        let Some((row, kind)) = given.rsplit_once('=') else {
            return Err(format!("--lane {given:?}: write it as ROW=KIND"));
        };
        let kind = parse_kind(kind)
            .ok_or_else(|| format!("--lane {given:?}: {kind:?} is no lane kind"))?;
        let lane = grid
            .lanes
            .iter_mut()
            .find(|l| l.name.eq_ignore_ascii_case(row.trim()))
            .ok_or_else(|| format!("--lane {given:?}: the grid has no row {row:?}"))?;
        lane.kind = kind;
        lane.recognised = true;
    }
    let mut warnings = Vec::new();
    for lane in &grid.lanes {
        let how = if lane.recognised {
            ""
        } else {
            " (not recognised: pass --lane to say)"
        };
        warnings.push(format!(
            "row {:?} (line {}) → {}{how}",
            lane.name,
            lane.line,
            lane.kind.name()
        ));
    }
    Ok(Imported {
        maps: vec![grid.to_map(project)],
        personas: Vec::new(),
        warnings,
    })
}

pub(super) fn run(args: &ImportArgs) -> ExitCode {
    let (project, target) = match (&args.into, &args.output) {
        (Some(into), _) => match load(into) {
            Some(l) => (l.project, into.clone()),
            None => return ExitCode::FAILURE,
        },
        (None, Some(output)) => {
            if output.exists() && !args.force {
                err(&format!(
                    "error: the file already exists; pass --force to overwrite it, or --into to add to it: {}",
                    output.display()
                ));
                return ExitCode::FAILURE;
            }
            // A project of its own: only what the file brings, titled after it.
            let p = Project {
                title: args
                    .file
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_owned(),
                ..Project::default()
            };
            (p, output.clone())
        }
        (None, None) => return ExitCode::FAILURE,
    };
    let source = match Source::of(&args.file) {
        Ok(s) => s,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let imported = match source {
        Source::Grid => read_grid(args, &project),
        Source::Mermaid | Source::Markdown => {
            import::read_mermaid(&args.file, &project).map_err(|e| e.to_string())
        }
    };
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let mut project = match import::checked(&project, &imported) {
        Ok(p) => p,
        Err(why) => {
            err(&format!(
                "error: {} cannot be imported: {why}; nothing was written",
                args.file.display()
            ));
            return ExitCode::FAILURE;
        }
    };
    if let Some(fix) = crate::edit::data::tidy(&project) {
        let _ = crate::edit::apply(&mut project, fix);
    }
    for w in &imported.warnings {
        err(&format!("note: {w}"));
    }
    if let Err(e) = file::save(&project, &target) {
        err(&format!("error: {e}"));
        return ExitCode::FAILURE;
    }
    for m in &imported.maps {
        out(&format!(
            "imported {:?}: {} stages, {} cards, {} curves",
            m.title,
            m.stages.len(),
            m.cards.len(),
            m.curves.len()
        ));
    }
    out(&format!("wrote {}", target.display()));
    ExitCode::SUCCESS
}
