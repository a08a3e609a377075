//! Maps that already exist elsewhere, brought in: Mermaid `journey` diagrams (a `.mmd` file or
//! every journey block of a Markdown file) and journeys kept in a spreadsheet, stages across and
//! lanes down (CSV or a workbook). Each import gives new maps and the personas they need; the
//! caller adds them to a project in one step.

pub mod grid;
pub mod mermaid;
pub mod review;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::i18n::{Language, tr_in};
use crate::model::{
    Card, EmotionCurve, EmotionPoint, EmotionScale, Lane, LaneKind, Map, MapKind, Persona, Project,
    Stage,
};

/// What an import brings: maps, the personas they need that the project lacks, and what the
/// user should know (the scale widened, say).
#[derive(Clone, Debug, Default)]
pub struct Imported {
    pub maps: Vec<Map>,
    pub personas: Vec<Persona>,
    pub warnings: Vec<String>,
}

/// Why a file could not be imported: every problem, with its line.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path} could not be read: {}", crate::file::plain_io_error(source))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a regular file (a folder, a pipe or a device); choose the file itself")]
    NotAFile { path: String },
    #[error("{path} is not text (UTF-8)")]
    NotText { path: String },
    #[error("{path} is {size} bytes; an import reads at most {limit}")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path} is not a Mermaid journey:\n{}", problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Mermaid {
        path: String,
        problems: Vec<mermaid::Problem>,
    },
    #[error("{0}")]
    Data(#[from] crate::data::DataError),
    #[error("{path}: {message}")]
    Grid { path: String, message: String },
    #[error(
        "{path}: files ending in .{extension} are not imported; Klantreis imports .mmd and .md (Mermaid), .csv, .xlsx, .xls and .ods (a journey grid)"
    )]
    Unknown { path: String, extension: String },
}

/// The largest Mermaid or Markdown file read.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// What kind of file `path` is to the importer, by its ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Mermaid,
    Markdown,
    Grid,
}

impl Source {
    /// The kind of `path`, or why it is none.
    pub fn of(path: &Path) -> Result<Self, ImportError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_lowercase();
        match extension.as_str() {
            "mmd" | "mermaid" => Ok(Self::Mermaid),
            "md" | "markdown" => Ok(Self::Markdown),
            "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods" => Ok(Self::Grid),
            _ => Err(ImportError::Unknown {
                path: path.display().to_string(),
                extension,
            }),
        }
    }
}

/// Reads a Mermaid or Markdown file and builds its journeys for `project`.
pub fn read_mermaid(path: &Path, project: &Project) -> Result<Imported, ImportError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Read {
        path: shown.clone(),
        source,
    })?;
    // A FIFO or a device would be waited on for ever.
    if !meta.is_file() {
        return Err(ImportError::NotAFile { path: shown });
    }
    let size = meta.len();
    if size > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            path: shown,
            size,
            limit: MAX_TEXT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: shown.clone(),
        source,
    })?;
    let markdown = Source::of(path)? == Source::Markdown;
    mermaid_bytes(&bytes, &shown, markdown, project)
}

/// The journeys in Mermaid or Markdown text, built for `project`.
pub fn mermaid_bytes(
    bytes: &[u8],
    shown: &str,
    markdown: bool,
    project: &Project,
) -> Result<Imported, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText {
        path: shown.to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = mermaid::journeys(text, markdown).map_err(|problems| ImportError::Mermaid {
        path: shown.to_owned(),
        problems,
    })?;
    let mut imported = from_journeys(&read.journeys, project);
    imported
        .warnings
        .extend(read.left_out.iter().map(|p| format!("{shown}, {p}")));
    Ok(imported)
}

/// The persona called `name` (case aside): the project's, one made earlier in this import, or
/// a new one.
fn persona_for(name: &str, project: &Project, imported: &mut Imported) -> crate::model::PersonaId {
    let same = |p: &&Persona| p.name.trim().to_lowercase() == name.trim().to_lowercase();
    if let Some(p) = project.personas.iter().find(same) {
        return p.id;
    }
    if let Some(p) = imported.personas.iter().find(same) {
        return p.id;
    }
    let persona = Persona {
        name: name.to_owned(),
        ..Persona::default()
    };
    let id = persona.id;
    imported.personas.push(persona);
    id
}

/// Maps for `journeys`: sections become stages, tasks touchpoint cards, each actor a persona
/// with an as-is curve through the scores of the tasks they take part in (tasks without actors
/// share one curve without a persona). Scores stay as written on a 1–5 scale; one outside it
/// widens the scale, with a warning.
pub fn from_journeys(journeys: &[mermaid::Journey], project: &Project) -> Imported {
    let lang = Language::of_text(&project.language);
    let t = |key| tr_in(lang, key).into_owned();
    let mut imported = Imported::default();
    for (n, journey) in journeys.iter().enumerate() {
        let touchpoints = Lane {
            name: t("template.touchpoints"),
            kind: LaneKind::Touchpoints,
            ..Lane::default()
        };
        let emotions = Lane {
            name: t("template.emotions"),
            kind: LaneKind::Emotions,
            ..Lane::default()
        };
        let title = [&journey.title, &journey.acc_title]
            .into_iter()
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("Mermaid {}", n + 1));
        let mut map = Map {
            kind: MapKind::CustomerJourney,
            title,
            description: journey.acc_descr.clone(),
            scale: EmotionScale::OneToFive,
            lanes: vec![touchpoints.clone(), emotions],
            ..Map::default()
        };
        let (mut low, mut high) = (1.0_f64, 5.0_f64);
        let mut outside = Vec::new();
        for section in &journey.sections {
            let stage = Stage {
                name: section.name.clone(),
                ..Stage::default()
            };
            for (order, task) in section.tasks.iter().enumerate() {
                let card = Card {
                    lane: touchpoints.id,
                    stage: stage.id,
                    order: order as u32,
                    title: task.name.clone(),
                    ..Card::default()
                };
                if !(1.0..=5.0).contains(&task.score) {
                    outside.push(format!("line {} ({})", task.line, task.score));
                    low = low.min(task.score);
                    high = high.max(task.score);
                }
                let curves: Vec<Option<crate::model::PersonaId>> = if task.actors.is_empty() {
                    vec![None]
                } else {
                    task.actors
                        .iter()
                        .map(|a| Some(persona_for(a, project, &mut imported)))
                        .collect()
                };
                for persona in curves {
                    if let Some(p) = persona
                        && !map.personas.contains(&p)
                    {
                        map.personas.push(p);
                    }
                    let index =
                        if let Some(i) = map.curves.iter().position(|c| c.persona == persona) {
                            i
                        } else {
                            map.curves.push(EmotionCurve {
                                persona,
                                ..EmotionCurve::default()
                            });
                            map.curves.len() - 1
                        };
                    map.curves[index].points.push(EmotionPoint {
                        stage: stage.id,
                        card: Some(card.id),
                        score: task.score,
                        label: String::new(),
                        from_data: false,
                    });
                }
                map.cards.push(card);
            }
            map.stages.push(stage);
        }
        if !outside.is_empty() {
            map.scale = EmotionScale::Custom {
                min: low.floor(),
                max: high.ceil(),
            };
            imported.warnings.push(format!(
                "{:?}: Mermaid scores run from 1 to 5, but {} {} outside; the map's scale runs from {} to {} so every score is kept",
                map.title,
                outside.join(", "),
                if outside.len() == 1 { "is" } else { "are" },
                low.floor(),
                high.ceil()
            ));
        }
        if map.stages.is_empty() {
            imported.warnings.push(format!(
                "{:?} has no sections or tasks: the map is empty",
                map.title
            ));
        }
        imported.maps.push(map);
    }
    imported
}

/// Adds what was imported to `project` as one edit: the personas first, then the maps after the
/// project's own.
pub fn into_edit(project: &Project, imported: &Imported) -> crate::edit::Edit {
    let mut edits = Vec::new();
    for (i, p) in imported.personas.iter().enumerate() {
        edits.push(crate::edit::Edit::SetPersona {
            id: p.id,
            index: project.personas.len() + i,
            value: Some(Box::new(p.clone())),
        });
    }
    for (i, m) in imported.maps.iter().enumerate() {
        edits.push(crate::edit::Edit::SetMap {
            id: m.id,
            index: project.maps.len() + i,
            value: Some(Box::new(m.clone())),
        });
    }
    crate::edit::Edit::Batch(edits)
}

/// `project` with what was imported added, or why the file would refuse the result (a task
/// name longer than a title may be, more cards than a map may hold): an import that cannot be
/// saved is not made.
pub fn checked(project: &Project, imported: &Imported) -> Result<Project, String> {
    let mut result = project.clone();
    crate::edit::apply(&mut result, into_edit(project, imported)).map_err(|e| e.to_string())?;
    let problems = crate::file::validate(&result, &crate::model::Limits::default());
    match problems.first() {
        None => Ok(result),
        Some(first) => Err(if problems.len() == 1 {
            first.to_string()
        } else {
            format!("{first} (and {} more problems)", problems.len() - 1)
        }),
    }
}
