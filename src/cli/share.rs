//! `klantreis snapshot`, `diff` and `merge`: keeping maps current and sharing project files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{err, find_map, load, no_such_map, out};
use crate::compare::{self, Version, text};
use crate::model::{MapId, Project, Side, Snapshot};
use crate::{file, merge};

/// How `diff` prints.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum DiffFormat {
    #[default]
    Text,
    Json,
}

/// `klantreis diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The project file (or the older of two project files).
    pub file: PathBuf,
    /// A second project file to compare the first with.
    pub other: Option<PathBuf>,
    /// The map: its id, position or title (the map of `--from` when left out).
    #[arg(long)]
    pub map: Option<String>,
    /// The snapshot to compare from: its id, its label or its number in the map's list.
    #[arg(long)]
    pub from: Option<String>,
    /// The snapshot to compare to (the map as it is now when left out).
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// `klantreis merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O). An empty file stands for a project both sides added.
    pub base: PathBuf,
    /// Our version (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the merged project (for git: %A).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The project's own name in messages (for git: %P, the file in the work tree, rather
    /// than git's temporary copies).
    #[arg(long)]
    pub name: Option<String>,
    /// The side a conflict takes until someone picks in the app.
    #[arg(long, value_enum, default_value_t = Prefer::Ours)]
    pub prefer: Prefer,
}

/// The side a conflict takes.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Prefer {
    Ours,
    Theirs,
}

/// `klantreis snapshot`.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    pub file: PathBuf,
    /// The map to take a snapshot of: id, position or title (the first when left out).
    #[arg(long)]
    pub map: Option<String>,
    /// The snapshot's label, such as "Q1 2026 as-is"; without it the snapshots are listed.
    #[arg(long)]
    pub label: Option<String>,
}

/// The snapshot of `map` that `query` names: id (`snapshot-12` or `12`), label, or number.
fn find_snapshot<'a>(
    project: &'a Project,
    map: Option<crate::model::MapId>,
    query: &str,
) -> Option<&'a Snapshot> {
    let of_map: Vec<&Snapshot> = project
        .snapshots
        .iter()
        .filter(|s| map.is_none_or(|m| s.map.id == m))
        .collect();
    let number = query
        .strip_prefix("snapshot-")
        .unwrap_or(query)
        .parse::<u64>()
        .ok();
    project
        .snapshots
        .iter()
        .find(|s| Some(s.id.0) == number)
        .or_else(|| of_map.iter().copied().find(|s| s.label == query))
        .or_else(|| {
            number
                .and_then(|n| usize::try_from(n).ok())
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| of_map.get(i).copied())
        })
}

fn no_such_snapshot(project: &Project, query: &str, path: &Path) -> String {
    let known: Vec<String> = project
        .snapshots
        .iter()
        .map(|s| {
            format!(
                "{} {:?} of map {:?} ({})",
                s.id,
                s.label,
                s.map.title,
                s.day()
            )
        })
        .collect();
    let known = if known.is_empty() {
        "it has none (take one with `klantreis snapshot FILE --label NAME`)".to_owned()
    } else {
        format!("its snapshots are: {}", known.join("; "))
    };
    format!("no snapshot {query:?} in {}; {known}", path.display())
}

fn print_diff(text: &str, json: &serde_json::Value, format: DiffFormat, changed: bool) -> ExitCode {
    match format {
        DiffFormat::Text => out(text.trim_end()),
        DiffFormat::Json => out(&serde_json::to_string_pretty(json).unwrap_or_default()),
    }
    // As diff(1): 1 when there are differences.
    if changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub(super) fn diff(args: &DiffArgs) -> ExitCode {
    let Some(a) = load(&args.file) else {
        return ExitCode::from(2);
    };
    let a = a.project;
    if let Some(other) = &args.other {
        let Some(b) = load(other) else {
            return ExitCode::from(2);
        };
        let b = b.project;
        let names = (args.file.display().to_string(), other.display().to_string());
        let mut d = compare::diff_projects(&a, &b, (&names.0, &names.1));
        if let Some(query) = &args.map {
            let Some(map) = find_map(&b, query) else {
                err(&format!("error: {}", no_such_map(&b, query, other)));
                return ExitCode::from(2);
            };
            let id = map.id;
            d.maps.retain(|m| m.map == id);
            d.only_old.clear();
            d.only_new.clear();
            d.things.clear();
        }
        let changed = !d.is_empty();
        return print_diff(
            &text::project_text(&d),
            &text::project_json(&d),
            args.format,
            changed,
        );
    }
    let Some(from_query) = &args.from else {
        err("error: say which snapshot to compare from with --from, or give a second project file");
        return ExitCode::from(2);
    };
    let map_id = match &args.map {
        Some(query) => {
            let Some(m) = find_map(&a, query) else {
                err(&format!("error: {}", no_such_map(&a, query, &args.file)));
                return ExitCode::from(2);
            };
            Some(m.id)
        }
        None => None,
    };
    let Some(from) = find_snapshot(&a, map_id, from_query) else {
        err(&format!(
            "error: {}",
            no_such_snapshot(&a, from_query, &args.file)
        ));
        return ExitCode::from(2);
    };
    let map_id = map_id.unwrap_or(from.map.id);
    let to = if let Some(query) = &args.to {
        let Some(s) = find_snapshot(&a, Some(map_id), query) else {
            err(&format!(
                "error: {}",
                no_such_snapshot(&a, query, &args.file)
            ));
            return ExitCode::from(2);
        };
        Version::snapshot(s)
    } else {
        let Some(m) = a.map(map_id) else {
            err(&format!(
                "error: the map of snapshot {:?} is no longer in {}; compare two snapshots with --to",
                from.label,
                args.file.display()
            ));
            return ExitCode::from(2);
        };
        Version::current(&a, m, "now")
    };
    if from.map.id != map_id {
        err(&format!(
            "error: snapshot {:?} is of map {:?}, not of the map asked for",
            from.label, from.map.title
        ));
        return ExitCode::from(2);
    }
    let d = compare::diff(&a, Version::snapshot(from), to);
    let mut json = serde_json::to_value(&d).unwrap_or_default();
    let until = args
        .to
        .as_ref()
        .and_then(|q| find_snapshot(&a, Some(map_id), q))
        .map(|s| s.day().to_owned());
    let effects = effects_between(&a, map_id, from.day(), until.as_deref());
    let mut words = text::map_text(&d);
    if !effects.is_empty() {
        words.push_str("Actions done since the snapshot:\n");
        for line in &effects {
            words.push_str("  ");
            words.push_str(line);
            words.push('\n');
        }
    }
    if let Some(o) = json.as_object_mut() {
        o.insert("actions_done".into(), serde_json::json!(effects));
    }
    print_diff(
        &words,
        &json,
        args.format,
        !d.is_empty() || !effects.is_empty(),
    )
}

/// The effect lines (in English) of the actions on map `map` done on or after `from` and, when
/// `until` is given, before it: what the actions taken between two versions did.
fn effects_between(project: &Project, map: MapId, from: &str, until: Option<&str>) -> Vec<String> {
    project
        .actions
        .iter()
        .filter(|a| a.status == crate::model::ActionStatus::Done && !a.done.is_empty())
        .filter(|a| a.done.as_str() >= from && until.is_none_or(|u| a.done.as_str() < u))
        .filter(|a| crate::analysis::priority::maps_of(project, a).contains(&map))
        .filter_map(|a| {
            let e = crate::analysis::effects::effect(project, a);
            crate::report::actions::effect_line(project, a, &e, crate::i18n::Language::English)
        })
        .collect()
}

/// Which side of a merge a file is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Base,
    Ours,
    Theirs,
}

/// Reads one side of a merge. Only the base may be an empty file (git's base for a file both
/// sides added): an empty or unreadable *ours* or *theirs* is a truncated or broken file, and
/// merging it would empty the project. Anything but a regular file (a FIFO, a folder) is
/// refused before it is opened, so nothing waits on it.
fn merge_input(path: &Path, role: Role, name: &str) -> Option<Project> {
    let side = match role {
        Role::Base => "the common ancestor (base)",
        Role::Ours => "our version (ours)",
        Role::Theirs => "their version (theirs)",
    };
    let refuse = |why: &str| {
        err(&format!(
            "error: {side} of {name}, {}, {why}; nothing was written",
            path.display()
        ));
        None
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return refuse(&format!("cannot be read ({})", file::plain_io_error(&e))),
    };
    if !meta.is_file() {
        return refuse("is not a regular file");
    }
    if meta.len() == 0 {
        if role == Role::Base {
            return Some(Project {
                created: String::new(),
                modified: String::new(),
                language: String::new(),
                ..Project::default()
            });
        }
        return refuse("is empty: a side of a merge must be a whole project");
    }
    match file::load(path) {
        Ok(loaded) => Some(loaded.project),
        Err(e) => refuse(&format!("cannot be merged: {e}")),
    }
}

pub(super) fn merge(args: &MergeArgs) -> ExitCode {
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| args.output.display().to_string());
    let (Some(base), Some(ours), Some(theirs)) = (
        merge_input(&args.base, Role::Base, &name),
        merge_input(&args.ours, Role::Ours, &name),
        merge_input(&args.theirs, Role::Theirs, &name),
    ) else {
        return ExitCode::from(2);
    };
    let prefer = match args.prefer {
        Prefer::Ours => Side::Ours,
        Prefer::Theirs => Side::Theirs,
    };
    let merged = match merge::merge(&base, &ours, &theirs, prefer) {
        Ok(m) => m,
        Err(e) => {
            err(&format!("error: {e}; nothing was written"));
            return ExitCode::from(2);
        }
    };
    // Git hands the driver a temporary copy of ours (`.merge_file_…`) to overwrite: a backup
    // of it would be left in the work tree. Any other output keeps its previous version.
    let git_copy = args
        .output
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".merge_file_"));
    let saved = if git_copy {
        file::save_without_backup(&merged.project, &args.output)
    } else {
        file::save(&merged.project, &args.output)
    };
    if let Err(e) = saved {
        err(&format!("error: {e}"));
        return ExitCode::from(2);
    }
    for note in &merged.kept {
        err(&format!("kept: {note}"));
    }
    if merged.conflicts == 0 {
        out(&format!("merged cleanly into {name}"));
        return ExitCode::SUCCESS;
    }
    let side = match prefer {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    };
    err(&format!(
        "{} conflict{} settled as {side}; open {} in Klantreis to pick per conflict:",
        merged.conflicts,
        if merged.conflicts == 1 { "" } else { "s" },
        name
    ));
    let words = |json: &str| {
        crate::compare::things::conflict_value_in_words(json, crate::i18n::Language::English)
    };
    for c in &merged.project.conflicts {
        err(&format!(
            "  {}: ours {} | theirs {}",
            c.place,
            words(&c.ours),
            words(&c.theirs)
        ));
    }
    // Git reads any exit but 0 as "this file still has conflicts".
    ExitCode::from(1)
}

pub(super) fn snapshot(args: &SnapshotArgs) -> ExitCode {
    let Some(loaded) = load(&args.file) else {
        return ExitCode::FAILURE;
    };
    let mut project = loaded.project;
    let map = match &args.map {
        Some(query) => find_map(&project, query),
        None => project.maps.first(),
    };
    let Some((map, title)) = map.map(|m| (m.id, m.title.clone())) else {
        err(&format!(
            "error: {}",
            no_such_map(&project, args.map.as_deref().unwrap_or("1"), &args.file)
        ));
        return ExitCode::FAILURE;
    };
    let Some(label) = &args.label else {
        for (i, s) in project.snapshots_of(map).enumerate() {
            out(&format!("{} {} {} {:?}", i + 1, s.id, s.taken, s.label));
        }
        return ExitCode::SUCCESS;
    };
    if label.trim().is_empty() {
        err("error: a snapshot needs a label, such as \"Q1 2026 as-is\"");
        return ExitCode::FAILURE;
    }
    let Some(edit) =
        crate::edit::sharing::take(&project, map, label, crate::model::time::now_rfc3339())
    else {
        return ExitCode::FAILURE;
    };
    if let Err(e) = crate::edit::apply(&mut project, edit) {
        err(&format!("error: {e}"));
        return ExitCode::FAILURE;
    }
    match file::save(&project, &args.file) {
        Ok(()) => {
            out(&format!("took snapshot {label:?} of map {title:?}"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            err(&format!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}
