//! The command line: everything that runs without a window.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::file;
use crate::model::{MapKind, Project, templates};

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
    /// Rewrite project files in the canonical layout (as the editor saves them).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
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
