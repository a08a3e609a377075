//! The command line: everything that runs without a window, one file per command. Commands
//! print what the library builds (reports, exports); they hold no logic of their own.

mod actions;
mod analyze;
mod data;
mod export;
mod fmt;
mod import;
mod new;
mod review;
mod share;
mod stats;
mod validate;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::file;
use crate::model::{MapKind, Project};

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
    Export(export::ExportArgs),
    /// Import a data set (call volumes, visits, survey scores) from a CSV file or workbook into
    /// a map; rows that cannot be used are listed with their line and reason.
    ImportData(data::ImportArgs),
    /// Read every imported data set of a project again from its file and say what changed.
    Refresh {
        file: PathBuf,
        /// Say what would change without saving.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take a dated snapshot of a map, kept in the project file, or list its snapshots.
    Snapshot(share::SnapshotArgs),
    /// What changed in a map: since a snapshot, between two snapshots, or between two project
    /// files. Exits 0 when nothing changed, 1 when something did, 2 on trouble (as diff does).
    Diff(share::DiffArgs),
    /// Three-way merge of project files by their ids (works as a git merge driver): exits 0
    /// when clean, 1 when conflicts were settled by the preferred side and listed in the
    /// output, 2 when nothing could be written.
    Merge(share::MergeArgs),
    /// Import maps from a Mermaid journey (.mmd, or the journey blocks of a .md file) or from
    /// a journey kept in a spreadsheet (.csv, .xlsx, .xls, .ods: stages across, lanes down).
    Import(import::ImportArgs),
    /// List the project's actions, quick wins first: owner, status, what each addresses, the
    /// measure it should move and, once done, its measured effect.
    Actions(actions::ActionsArgs),
    /// Add the comments readers downloaded from the HTML viewer (NAME.klantreis-review.json)
    /// to the project the viewer was made from; a comment already there is not added twice.
    ImportReview(review::ImportReviewArgs),
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

/// Prints `text` to standard output as it is, line ends and all (a CSV's `\r\n`).
fn out_raw(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}

fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

/// Whether `file`, given to open in the editor, is a file to open: a word that is neither a
/// file nor a command (`klantreis actoins`) is a mistyped command, and says which one was
/// probably meant; a path to nothing says so before any window opens.
pub fn file_to_open(file: &Path) -> Result<(), String> {
    use clap::CommandFactory as _;
    if std::fs::metadata(file).is_ok() {
        return Ok(());
    }
    let word = file.to_string_lossy();
    let commands: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let nearest = commands
        .iter()
        .map(|c| (distance(&word.to_lowercase(), c), c))
        .min()
        .filter(|(d, c)| *d <= (c.len() / 3).max(2));
    let looks_like_a_path = file.components().count() > 1 || file.extension().is_some();
    Err(match nearest {
        Some((_, c)) if !looks_like_a_path => format!(
            "no such command or file: {word:?}; did you mean `klantreis {c}`? (`klantreis --help` lists the commands)"
        ),
        _ if looks_like_a_path => format!(
            "there is no file {word:?} to open; check the name and the folder (`klantreis new` writes a new project)"
        ),
        _ => format!(
            "no such command or file: {word:?}; the commands are {} (`klantreis --help` says what each does)",
            commands.join(", ")
        ),
    })
}

/// The number of single-character edits that turn `a` into `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether a window can open here: on Linux and the BSDs a display server must be named, or
/// the windowing library fails with its internals. The commands need none.
pub fn display_available() -> Result<(), String> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let named = |v: &str| std::env::var_os(v).is_some_and(|v| !v.is_empty());
    if unix_desktop && !named("DISPLAY") && !named("WAYLAND_DISPLAY") {
        return Err(
            "no display to open the editor on (neither DISPLAY nor WAYLAND_DISPLAY is set); run it on a desktop, or use a command that needs none (`klantreis --help`)".to_owned(),
        );
    }
    Ok(())
}

/// Runs a command and says how it went.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { files } => validate::run(&files),
        Command::Stats { file, json } => stats::run(&file, json),
        Command::Analyze { file, map, json } => analyze::run(&file, map.as_deref(), json),
        Command::Export(args) => export::run(&args),
        Command::New {
            template,
            output,
            lang,
            force,
        } => new::run(template, &output, lang, force),
        Command::Fmt { files } => fmt::run(&files),
        Command::ImportData(args) => data::import(&args),
        Command::Refresh { file, dry_run } => data::refresh(&file, dry_run),
        Command::Snapshot(args) => share::snapshot(&args),
        Command::Diff(args) => share::diff(&args),
        Command::Merge(args) => share::merge(&args),
        Command::Import(args) => import::run(&args),
        Command::Actions(args) => actions::run(&args),
        Command::ImportReview(args) => review::run(&args),
    }
}

/// Loads `path`, or says why not on standard error.
fn load(path: &Path) -> Option<file::Loaded> {
    match file::load(path) {
        Ok(loaded) => Some(loaded),
        Err(e) => {
            err(&format!("error: {e}"));
            None
        }
    }
}

/// Why `query` found no map in the project at `path`, listing the maps it has (position, id,
/// title), so the user can pick one.
fn no_such_map(project: &Project, query: &str, path: &std::path::Path) -> String {
    let known: Vec<String> = project
        .maps
        .iter()
        .enumerate()
        .map(|(i, m)| format!("{} {} {:?}", i + 1, m.id, m.title))
        .collect();
    let known = if known.is_empty() {
        "it has none".to_owned()
    } else {
        format!("its maps are: {}", known.join("; "))
    };
    format!("no map {query:?} in {}; {known}", path.display())
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
