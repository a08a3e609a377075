//! Where a data set's file is: its path stored relative to the project file (so the two travel
//! together), found beside a project that was moved or emailed with its data, and rebased when
//! the project is saved elsewhere.

use std::path::{Path, PathBuf};

use crate::edit::Edit;
use crate::model::Project;

/// The file a recipe names, found from the project file's folder when it is relative.
pub fn resolve(project_path: Option<&Path>, file: &str) -> PathBuf {
    let path = PathBuf::from(file);
    match project_path.and_then(Path::parent) {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path,
    }
}

/// The folder a project file lies in, absolute (`w.klantreis.ron` lies in the current folder).
fn project_dir(project_path: &Path) -> Option<PathBuf> {
    let dir = project_path.parent()?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::path::absolute(dir).ok()
}

/// `to` relative to the folder `from` (both absolute), with `..` where it lies elsewhere;
/// `None` where no relative path leads there (another drive on Windows).
pub(super) fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    use std::path::Component;
    fn tidy(p: &Path) -> Vec<Component<'_>> {
        let mut out: Vec<Component<'_>> = Vec::new();
        for c in p.components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                    out.pop();
                }
                c => out.push(c),
            }
        }
        out
    }
    let (from, to) = (tidy(from), tidy(to));
    let root = |c: &[Component<'_>]| {
        c.iter()
            .take_while(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
            .count()
    };
    if from[..root(&from)] != to[..root(&to)] {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in &to[common..] {
        rel.push(c.as_os_str());
    }
    Some(rel)
}

/// How a recipe stores `data_path`: relative to the project file's folder (with `..` where the
/// data lies elsewhere), so the pair can be moved or emailed together; absolute only for a
/// project not yet saved, or where no relative path leads (another drive).
pub fn stored(project_path: Option<&Path>, data_path: &Path) -> String {
    let absolute = std::path::absolute(data_path).unwrap_or_else(|_| data_path.to_path_buf());
    if let Some(dir) = project_path.and_then(project_dir)
        && let Some(rel) = relative(&dir, &absolute)
    {
        return rel.to_string_lossy().replace('\\', "/");
    }
    absolute.to_string_lossy().into_owned()
}

/// Where a recipe's file was found, when not where it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundBeside {
    /// The file as the recipe names it (resolved against the project's folder).
    pub stored: PathBuf,
    /// The file of that name beside the project, which was read instead.
    pub read: PathBuf,
}

/// The file a recipe names: where the recipe says, or, when that file is missing or lies
/// outside the project's folder while a file of its name lies beside the project (the
/// project was moved or emailed with its data), the one beside the project.
pub fn locate(project_path: Option<&Path>, file: &str) -> (PathBuf, Option<FoundBeside>) {
    let stored = resolve(project_path, file);
    let beside = project_path
        .and_then(project_dir)
        .zip(
            Path::new(&file.replace('\\', "/"))
                .file_name()
                .map(std::ffi::OsStr::to_os_string),
        )
        .map(|(dir, name)| dir.join(name));
    let Some(beside) = beside.filter(|b| b.is_file()) else {
        return (stored, None);
    };
    let same = crate::file::same_file(&stored, &beside);
    let outside = Path::new(file).is_absolute()
        || matches!(
            Path::new(file).components().next(),
            Some(std::path::Component::ParentDir)
        );
    let elsewhere = !stored.is_file() || outside;
    if same || !elsewhere {
        return (stored, None);
    }
    (
        beside.clone(),
        Some(FoundBeside {
            stored,
            read: beside,
        }),
    )
}

/// The edit that makes every imported data set's file relative to the project file at `to`,
/// which was at `from` (a new project has none): Save As moves the project, not its data.
/// `None` when no stored path changes.
pub fn rebased(project: &Project, from: Option<&Path>, to: &Path) -> Option<Edit> {
    let edits: Vec<Edit> = project
        .datasets
        .iter()
        .enumerate()
        .filter_map(|(index, d)| {
            let recipe = d.import.as_ref()?;
            let file = stored(Some(to), &resolve(from, &recipe.file));
            (file != recipe.file).then(|| {
                let mut d = d.clone();
                if let Some(r) = &mut d.import {
                    r.file = file;
                }
                Edit::SetDataset {
                    id: d.id,
                    index,
                    value: Some(Box::new(d)),
                }
            })
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}
