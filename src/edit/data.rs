//! Edits that bring data in: import a table as a data set (with a metrics lane to show it and
//! data-driven curves moved onto it), read a data set again from its file, drive a curve by a
//! score. Headless: the CLI and the app share them.

use std::path::{Path, PathBuf};

mod paths;

pub use paths::{FoundBeside, locate, rebased, resolve, stored};

use super::Edit;
use crate::data::{self, Changes, DataError, RowProblem, Table, mapping::MappingError};
use crate::model::{
    CurveData, CurveId, DataImport, Dataset, DatasetId, Lane, LaneKind, Map, MapId, Project,
};

/// Why data could not be brought in. The project is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("{}: {source}", path.display())]
    Mapping { path: PathBuf, source: MappingError },
    #[error("the data set belongs to no map of this project")]
    NoMap,
    #[error("the data set {0:?} was typed in, not imported from a file")]
    NotImported(String),
}

/// What an import or re-import would do: the edit that does it (one undo step), what changed
/// and the rows that could not be used.
#[derive(Debug)]
pub struct Imported {
    pub edit: Edit,
    pub dataset: DatasetId,
    pub changes: Changes,
    pub problems: Vec<RowProblem>,
    /// How many values the data set has after it.
    pub values: usize,
    /// Where the file was found beside the project instead of where the recipe said.
    pub found_beside: Option<FoundBeside>,
}

/// The file's modification date, as `YYYY-MM-DD`, for rows without a date column.
fn file_date(path: &Path) -> String {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| crate::model::time::date_from_days(d.as_secs() as i64 / 86_400))
        .unwrap_or_default()
}

/// Reads `recipe.file` (resolved against `project_path`) for `map`, and returns the data set
/// `base` with the values it gives, plus the rows it could not use.
pub fn read(
    project_path: Option<&Path>,
    map: &Map,
    base: &Dataset,
    recipe: &DataImport,
) -> Result<(Dataset, Vec<RowProblem>), ImportError> {
    let path = resolve(project_path, &recipe.file);
    let table = data::read_table(&path, &recipe.sheet)?;
    from_table((&path, &table), map, base, recipe)
}

/// As [`read`], for a table already read from `path` (the mapping step and the command line
/// read it first, to guess its columns): the file is not read twice.
pub fn from_table(
    (path, table): (&Path, &Table),
    map: &Map,
    base: &Dataset,
    recipe: &DataImport,
) -> Result<(Dataset, Vec<RowProblem>), ImportError> {
    let mut recipe = recipe.clone();
    if recipe.date_column.is_empty() {
        recipe.as_of = file_date(path);
    }
    recipe.sheet.clone_from(&table.sheet);
    recipe.imported = crate::model::time::now_rfc3339();
    let outcome =
        data::mapping::apply(table, &recipe, map).map_err(|source| ImportError::Mapping {
            path: path.to_path_buf(),
            source,
        })?;
    let dataset = Dataset {
        map: Some(map.id),
        import: Some(recipe),
        values: outcome.values,
        ..base.clone()
    };
    Ok((dataset, outcome.problems))
}

/// [`put_dataset`] for what [`read`] or [`from_table`] gave, with the rows it could not use.
pub fn put_read(
    project: &Project,
    (dataset, problems): (Dataset, Vec<RowProblem>),
) -> Result<Imported, ImportError> {
    let mut imported = put_dataset(project, dataset)?;
    imported.problems = problems;
    Ok(imported)
}

/// The edit that puts `dataset` in the project (replacing the one with its id, or added at the
/// end) and moves every curve that follows it onto its values. One undo step.
pub fn set_dataset(project: &Project, dataset: Dataset) -> Edit {
    let index = project
        .datasets
        .iter()
        .position(|d| d.id == dataset.id)
        .unwrap_or(project.datasets.len());
    let find = |id| {
        if id == dataset.id {
            Some(&dataset)
        } else {
            project.dataset(id)
        }
    };
    let curves = dataset
        .map
        .and_then(|m| project.map(m))
        .and_then(|m| data::curve::refreshed(m, find).map(|curves| (m.id, curves)));
    let mut edits = vec![Edit::SetDataset {
        id: dataset.id,
        index,
        value: Some(Box::new(dataset)),
    }];
    if let Some((map, curves)) = curves {
        edits.push(Edit::SetCurves { map, curves });
    }
    Edit::Batch(edits)
}

/// The edit that puts `dataset` into the project for its map: the data set itself, every
/// curve driven by it moved onto the new values (see [`set_dataset`]), and a metrics lane that
/// shows it when the map has none. One undo step.
pub fn put_dataset(project: &Project, dataset: Dataset) -> Result<Imported, ImportError> {
    let map = dataset
        .map
        .and_then(|m| project.map(m))
        .ok_or(ImportError::NoMap)?;
    let old = project.dataset(dataset.id);
    let changes = Changes::between(
        old.map_or(&[][..], |d| &d.values),
        &dataset.values,
        Some(map),
    );
    let (id, values) = (dataset.id, dataset.values.len());
    let mut edits = vec![set_dataset(project, dataset)];
    let language = crate::i18n::Language::of_text(&project.language);
    if let Some(lanes) = lanes_showing(map, id, &project.datasets, language) {
        edits.push(Edit::SetLanes { map: map.id, lanes });
    }
    Ok(Imported {
        edit: Edit::Batch(edits),
        dataset: id,
        changes,
        problems: Vec::new(),
        values,
        found_beside: None,
    })
}

/// The lanes of `map` once data set `id` is shown: a new metrics lane at the bottom when there
/// is none, the data set added to a metrics lane that lists its own; `None` when already shown.
fn lanes_showing(
    map: &Map,
    id: DatasetId,
    datasets: &[Dataset],
    language: crate::i18n::Language,
) -> Option<Vec<Lane>> {
    let metrics: Vec<usize> = map
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LaneKind::Metrics)
        .map(|(i, _)| i)
        .collect();
    let shown = metrics.iter().any(|&i| {
        let l = &map.lanes[i];
        l.datasets.is_empty() || l.datasets.contains(&id)
    });
    if shown {
        return None;
    }
    let mut lanes = map.lanes.clone();
    if let Some(&i) = metrics.first() {
        lanes[i].datasets.push(id);
    } else {
        // A new lane shows exactly the data sets of this map, this one last when it is new.
        let name = crate::i18n::lane_kind_name(language, LaneKind::Metrics);
        let mut lane = Lane::new(name, LaneKind::Metrics);
        lane.datasets = datasets
            .iter()
            .filter(|d| d.map == Some(map.id) && d.id != id)
            .map(|d| d.id)
            .collect();
        let at = datasets
            .iter()
            .filter(|d| d.map == Some(map.id))
            .position(|d| d.id == id)
            .unwrap_or(lane.datasets.len());
        lane.datasets.insert(at, id);
        lanes.push(lane);
    }
    Some(lanes)
}

/// Reads data set `id` again from the file it came from, the same way.
pub fn reimport(
    project: &Project,
    project_path: Option<&Path>,
    id: DatasetId,
) -> Result<Imported, ImportError> {
    let old = project.dataset(id).ok_or(ImportError::NoMap)?;
    let recipe = old
        .import
        .as_ref()
        .ok_or_else(|| ImportError::NotImported(old.name.clone()))?;
    let map = old
        .map
        .and_then(|m| project.map(m))
        .ok_or(ImportError::NoMap)?;
    let (path, found_beside) = locate(project_path, &recipe.file);
    let mut recipe = recipe.clone();
    if found_beside.is_some() {
        recipe.file = stored(project_path, &path);
    }
    let table = data::read_table(&path, &recipe.sheet)?;
    let mut imported = put_read(project, from_table((&path, &table), map, old, &recipe)?)?;
    imported.found_beside = found_beside;
    Ok(imported)
}

/// Drives curve `curve` of `map` by `data` (or, with `None`, lets the user place its points
/// again: the points stay where they are, no longer marked as data).
pub fn drive_curve(
    project: &Project,
    map: MapId,
    curve: CurveId,
    data: Option<CurveData>,
) -> Option<Edit> {
    let m = project.map(map)?;
    let mut curves = m.curves.clone();
    let c = curves.iter_mut().find(|c| c.id == curve)?;
    c.data = data;
    match data {
        Some(data) => {
            let dataset = project.dataset(data.dataset)?;
            c.points = data::curve::points(c, data, dataset, m);
        }
        None => {
            for p in &mut c.points {
                p.from_data = false;
            }
        }
    }
    Some(Edit::SetCurves { map, curves })
}

/// What an edit left dangling in the research and data, put right: values of a stage that is
/// gone are dropped, a value of a card that is gone stays with its stage, a data set whose map
/// is gone goes, and lanes, curves, cards and stages stop naming data sets and evidence that
/// are gone.
/// `None` when nothing dangles. Run after every edit, so a deleted stage or map never leaves a
/// project the file refuses.
pub fn tidy(project: &Project) -> Option<Edit> {
    use std::collections::HashSet;
    let uses_data = !project.datasets.is_empty()
        || project.maps.iter().any(|m| {
            m.lanes.iter().any(|l| !l.datasets.is_empty())
                || m.curves.iter().any(|c| c.data.is_some())
                || m.stages.iter().any(|s| !s.evidence.is_empty())
                || m.cards.iter().any(|c| !c.evidence.is_empty())
        });
    if !uses_data {
        return None;
    }
    let mut edits = Vec::new();
    let mut kept: HashSet<DatasetId> = HashSet::new();
    // Each map's stages and cards, gathered once however many data sets it has.
    let mut places: std::collections::HashMap<MapId, (HashSet<_>, HashSet<_>)> =
        std::collections::HashMap::new();
    for (index, d) in project.datasets.iter().enumerate() {
        let Some(map) = d.map.and_then(|m| project.map(m)) else {
            if d.map.is_some() {
                edits.push(Edit::SetDataset {
                    id: d.id,
                    index,
                    value: None,
                });
            } else {
                kept.insert(d.id);
            }
            continue;
        };
        kept.insert(d.id);
        let (stages, cards) = places.entry(map.id).or_insert_with(|| {
            (
                map.stages.iter().map(|s| s.id).collect(),
                map.cards.iter().map(|c| c.id).collect(),
            )
        });
        let (stages, cards) = (&*stages, &*cards);
        let dangles = |v: &crate::model::DataPoint| {
            v.stage.is_some_and(|s| !stages.contains(&s))
                || v.card.is_some_and(|c| !cards.contains(&c))
        };
        if d.values.iter().any(dangles) {
            let mut fixed = d.clone();
            fixed
                .values
                .retain(|v| v.stage.is_none_or(|s| stages.contains(&s)));
            for v in &mut fixed.values {
                if v.card.is_some_and(|c| !cards.contains(&c)) {
                    v.card = None;
                }
            }
            edits.push(Edit::SetDataset {
                id: d.id,
                index,
                value: Some(Box::new(fixed)),
            });
        }
    }
    let evidence: HashSet<_> = project.evidence.iter().map(|e| e.id).collect();
    for map in &project.maps {
        if map
            .lanes
            .iter()
            .any(|l| l.datasets.iter().any(|d| !kept.contains(d)))
        {
            let mut lanes = map.lanes.clone();
            for l in &mut lanes {
                l.datasets.retain(|d| kept.contains(d));
            }
            edits.push(Edit::SetLanes { map: map.id, lanes });
        }
        if map
            .curves
            .iter()
            .any(|c| c.data.is_some_and(|d| !kept.contains(&d.dataset)))
        {
            let mut curves = map.curves.clone();
            for c in curves
                .iter_mut()
                .filter(|c| c.data.is_some_and(|d| !kept.contains(&d.dataset)))
            {
                c.data = None;
                for p in &mut c.points {
                    p.from_data = false;
                }
            }
            edits.push(Edit::SetCurves {
                map: map.id,
                curves,
            });
        }
        for (at, card) in map.cards.iter().enumerate() {
            if card.evidence.iter().any(|e| !evidence.contains(e)) {
                let mut card = card.clone();
                card.evidence.retain(|e| evidence.contains(e));
                edits.push(Edit::SetCard {
                    map: map.id,
                    id: card.id,
                    value: Some(Box::new(card)),
                    at,
                });
            }
        }
        if map
            .stages
            .iter()
            .any(|s| s.evidence.iter().any(|e| !evidence.contains(e)))
        {
            let mut stages = map.stages.clone();
            for s in &mut stages {
                s.evidence.retain(|e| evidence.contains(e));
            }
            edits.push(Edit::SetStages {
                map: map.id,
                stages,
            });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Deletes evidence `id`; applied through [`super::apply_tidy`] (as the history applies every
/// edit), the cards and stages linking to it lose the link in the same step.
pub fn delete_evidence(project: &Project, id: crate::model::EvidenceId) -> Edit {
    let index = project
        .evidence
        .iter()
        .position(|e| e.id == id)
        .unwrap_or(project.evidence.len());
    Edit::SetEvidence {
        id,
        index,
        value: None,
    }
}

/// Deletes data set `id`; applied through [`super::apply_tidy`], lanes stop showing it and
/// curves that followed it keep their points, now placed by hand, in the same step.
pub fn delete_dataset(project: &Project, id: DatasetId) -> Edit {
    let index = project
        .datasets
        .iter()
        .position(|d| d.id == id)
        .unwrap_or(project.datasets.len());
    Edit::SetDataset {
        id,
        index,
        value: None,
    }
}

/// Links evidence `evidence` to `card` of `map`; `None` when it already is.
pub fn link_card(
    map: &Map,
    card: crate::model::CardId,
    evidence: crate::model::EvidenceId,
) -> Option<Edit> {
    let at = map.cards.iter().position(|c| c.id == card)?;
    let mut c = map.cards[at].clone();
    if c.evidence.contains(&evidence) {
        return None;
    }
    c.evidence.push(evidence);
    Some(Edit::SetCard {
        map: map.id,
        id: card,
        value: Some(Box::new(c)),
        at,
    })
}

/// Replaces the interview register with `list`; a respondent whose code changed (same place
/// in the list) keeps its evidence, which is renamed with it. One step.
pub fn set_register(project: &Project, list: Vec<crate::model::Respondent>) -> Edit {
    let mut renamed = std::collections::HashMap::new();
    if list.len() == project.respondents.len() {
        for (old, new) in project.respondents.iter().zip(&list) {
            if old.code != new.code {
                renamed.insert(old.code.clone(), new.code.clone());
            }
        }
    }
    let mut edits = vec![Edit::SetRespondents(list)];
    for (index, e) in project.evidence.iter().enumerate() {
        if e.respondents.iter().any(|r| renamed.contains_key(r)) {
            let mut e = e.clone();
            for r in &mut e.respondents {
                if let Some(new) = renamed.get(r) {
                    r.clone_from(new);
                }
            }
            edits.push(Edit::SetEvidence {
                id: e.id,
                index,
                value: Some(Box::new(e)),
            });
        }
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests;
