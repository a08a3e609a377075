//! Reading and writing the RON text of a project file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, validate};
use crate::model::Project;

/// The format this version writes: `(major, minor)`. A newer minor only adds fields with
/// defaults, so it can be read with a warning; a newer major cannot be read.
pub const CURRENT_FORMAT: (u32, u32) = (1, 4);

/// The ending of project file names.
pub const FILE_EXTENSION: &str = ".klantreis.ron";

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How deeply RON values may nest. A project needs about 8 levels; the margin is for the future.
pub const RECURSION_LIMIT: usize = 64;

/// A project read from a file, with any warnings worth showing the user.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<LoadWarning>,
}

/// Something worth telling the user about a file that did open.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadWarning {
    #[error(
        "This file was written by a newer Klantreis (format {major}.{minor}). It opens, but what this version does not know is left out when you save it."
    )]
    NewerMinor { major: u32, minor: u32 },
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: (u32, u32),
    project: &'a Project,
}

// Renamed: the parser names the type in its messages, and users read them.
#[derive(Deserialize)]
#[serde(rename = "ProjectFile")]
struct FileIn {
    format: (u32, u32),
    project: Project,
}

/// Only the header, read first so a newer major version is named even when the rest does
/// not fit this version's model.
#[derive(Deserialize)]
#[serde(rename = "ProjectFile")]
struct HeaderIn {
    format: (u32, u32),
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true)
}

/// The project as the text of a project file. The same project always gives the same bytes.
pub fn to_ron_string(project: &Project) -> Result<String, FileError> {
    let file = FileOut {
        format: CURRENT_FORMAT,
        project,
    };
    let mut text = ron_options()
        .to_string_pretty(&file, pretty_config())
        .map_err(|e| FileError::Serialise {
            message: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

/// What the RON parser found, in the words of someone who edits a project file by hand (or
/// who received a damaged one) rather than the parser's own ("Expected identifier").
fn plain_ron_words(e: &ron::Error) -> String {
    use ron::Error as E;
    let damaged =
        "; the file may be cut short or damaged: open its backup (.bak) or ask for it again";
    match e {
        E::Eof => format!("the file ends in the middle of the project{damaged}"),
        E::ExpectedComma => "a comma is missing between two values".to_owned(),
        E::ExpectedIdentifier => "a field name is expected here".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "a text in double quotes is expected here, or its closing quote is missing".to_owned()
        }
        E::ExpectedArray | E::ExpectedArrayEnd => {
            "a list in square brackets is expected here, or its closing ] is missing".to_owned()
        }
        E::ExpectedStructLikeEnd | E::ExpectedAttributeEnd => {
            "a closing parenthesis is missing here".to_owned()
        }
        E::ExpectedMap | E::ExpectedMapEnd | E::ExpectedMapColon => {
            "a set of `key: value` pairs in braces is expected here".to_owned()
        }
        E::ExpectedBoolean => "true or false is expected here".to_owned(),
        E::ExpectedFloat | E::ExpectedInteger | E::IntegerOutOfBounds => {
            "a number is expected here, or the number is too large".to_owned()
        }
        E::ExpectedOption | E::ExpectedOptionEnd => "Some(…) or None is expected here".to_owned(),
        E::ExpectedUnit | E::ExpectedChar | E::ExpectedByteLiteral | E::ExpectedByteString => {
            "a value of another kind is expected here".to_owned()
        }
        E::InvalidEscape(what) => format!("a backslash escape in a text is not valid ({what})"),
        E::UnexpectedChar(c) => format!("the character {c:?} does not belong here"),
        E::UnclosedBlockComment | E::UnclosedLineComment => "a comment is never closed".to_owned(),
        E::TrailingCharacters => {
            "there is more text after the end of the project; remove it".to_owned()
        }
        E::Utf8Error(_) => "the text is not valid UTF-8 here".to_owned(),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "{found:?} is not one of the values allowed here ({})",
            expected.join(", ")
        ),
        E::NoSuchStructField { found, .. } => {
            format!("{found:?} is not a field Klantreis knows here")
        }
        E::DuplicateStructField { field, .. } => format!("the field `{field}` appears twice"),
        E::InvalidValueForType { expected, found } => {
            format!("{found} is not allowed here: {expected} is expected")
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("{found} values are given where {expected} are expected")
        }
        other => format!("the file is not written as a project file is ({other})"),
    }
}

fn syntax_error(path: &Path, text: &str, e: &ron::error::SpannedError) -> FileError {
    // Whatever the parser expected, an error where the text has already ended means the file
    // was cut short.
    let body = text.trim_end();
    let end = (
        1 + body.matches('\n').count(),
        1 + body.chars().rev().take_while(|&c| c != '\n').count(),
    );
    // The span ends where the text ends: the last word, cut off, is where the parser stopped.
    let at_end = (e.span.end.line, e.span.end.col) >= end;
    let message = match &e.code {
        _ if at_end => plain_ron_words(&ron::Error::Eof),
        ron::Error::ExceededRecursionLimit => format!(
            "values are nested more than {RECURSION_LIMIT} levels deep; a project file never is"
        ),
        // The parser would name our own types; say what the file lacks instead.
        ron::Error::ExpectedNamedStructLike(_)
        | ron::Error::ExpectedStructLike
        | ron::Error::ExpectedDifferentStructName { .. } => {
            format!(
                "expected a project file, which starts with `(format: ({}, {}), project: (`",
                CURRENT_FORMAT.0, CURRENT_FORMAT.1
            )
        }
        ron::Error::MissingStructField { field, .. } => {
            format!("the field `{field}` is missing here")
        }
        other => plain_ron_words(other),
    };
    FileError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message,
    }
}

/// Parses, migrates and validates the text of a project file. `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Loaded, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty {
            path: path.to_path_buf(),
        });
    }
    let options = ron_options();
    // One parse of the whole file. Only when it fails is the header read on its own, so that a
    // file from a newer major version is named as such even when its body does not fit.
    let file: FileIn = match options.from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let error = syntax_error(path, text, &e);
            return Err(match options.from_str::<HeaderIn>(text) {
                Ok(HeaderIn {
                    format: (major, minor),
                }) if major > CURRENT_FORMAT.0 => FileError::NewerMajor {
                    path: path.to_path_buf(),
                    major,
                    minor,
                    supported_major: CURRENT_FORMAT.0,
                },
                _ => error,
            });
        }
    };
    let (major, minor) = file.format;
    let mut warnings = Vec::new();
    if major > CURRENT_FORMAT.0 {
        return Err(FileError::NewerMajor {
            path: path.to_path_buf(),
            major,
            minor,
            supported_major: CURRENT_FORMAT.0,
        });
    }
    if major < 1 {
        return Err(FileError::UnknownFormat {
            path: path.to_path_buf(),
            major,
            minor,
        });
    }
    if major == CURRENT_FORMAT.0 && minor > CURRENT_FORMAT.1 {
        warnings.push(LoadWarning::NewerMinor { major, minor });
    }
    let mut project = file.project;
    migrate(&mut project, file.format);
    let problems = validate(&project, &super::Limits::default());
    if !problems.is_empty() {
        return Err(FileError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok(Loaded { project, warnings })
}

/// Brings a project read in an older format of the current major up to date, step by step.
///
/// Each minor that changes the meaning of a field (rather than only adding one with a
/// default) adds a step here, with a test file in the old format.
///
/// - 1.0 → 1.1: evidence named its respondents by free codes; 1.1 keeps an interview register
///   and evidence refers to it, so every code an older file uses joins the register. A data
///   set now belongs to a map: the one its values' stages are on.
/// - 1.1 → 1.2: snapshots of maps and a merge's open conflicts were added; an older file has
///   neither, so nothing moves.
/// - 1.2 → 1.3: opportunities and actions were added; an older file has none, so nothing moves.
/// - 1.3 → 1.4: review comments were added; an older file has none, so nothing moves.
fn migrate(project: &mut Project, from: (u32, u32)) {
    debug_assert!(from.0 == CURRENT_FORMAT.0);
    if from < (1, 1) {
        let mut known: std::collections::HashSet<String> =
            project.respondents.iter().map(|r| r.code.clone()).collect();
        let mut added = Vec::new();
        for code in project.evidence.iter().flat_map(|e| &e.respondents) {
            if known.insert(code.clone()) {
                added.push(crate::model::Respondent::coded(code.clone()));
            }
        }
        project.respondents.extend(added);
        let maps: Vec<(
            crate::model::MapId,
            std::collections::HashSet<crate::model::StageId>,
        )> = project
            .maps
            .iter()
            .map(|m| (m.id, m.stages.iter().map(|s| s.id).collect()))
            .collect();
        for d in project.datasets.iter_mut().filter(|d| d.map.is_none()) {
            d.map = d
                .values
                .iter()
                .find_map(|v| v.stage)
                .and_then(|s| maps.iter().find(|(_, stages)| stages.contains(&s)))
                .map(|(id, _)| *id);
        }
    }
}

/// Reads a project file: size limit, UTF-8 check, parse, migrate and validate.
pub fn load(path: &Path) -> Result<Loaded, FileError> {
    use std::io::Read as _;
    let read_err = |source| FileError::Read {
        path: path.to_path_buf(),
        source,
    };
    // Only a regular file is read: opening a named pipe would wait for a writer forever, and a
    // device never ends.
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "it is {}, not a project file",
                super::atomic::kind_of(&meta)
            ),
        )));
    }
    super::clean_stale_temporaries(path);
    let file = std::fs::File::open(path).map_err(read_err)?;
    let size = file.metadata().map_err(read_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between the size check and the read: never read more than the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    if bytes.is_empty() {
        return Err(FileError::Empty {
            path: path.to_path_buf(),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| FileError::NotText {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    // Some editors on Windows start UTF-8 files with a byte order mark; it is not content.
    from_ron_str(text.strip_prefix('\u{FEFF}').unwrap_or(&text), path)
}

fn too_large(path: &Path, size: u64) -> FileError {
    FileError::TooLarge {
        path: PathBuf::from(path),
        // Rounded up, so a file just over the limit never reads as exactly the limit.
        size_mb: (size as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0,
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    }
}

/// The text a project file at `path` gets: pretty-printed as always, or written compactly when
/// the pretty text would be more than `limit` bytes (the size a file may have to be opened);
/// refused when even that is too large, so no save produces a file that cannot be opened.
pub fn file_text(project: &Project, path: &Path, limit: u64) -> Result<String, FileError> {
    let pretty = to_ron_string(project)?;
    if pretty.len() as u64 <= limit {
        return Ok(pretty);
    }
    let file = FileOut {
        format: CURRENT_FORMAT,
        project,
    };
    let mut compact = ron_options()
        .to_string(&file)
        .map_err(|e| FileError::Serialise {
            message: e.to_string(),
        })?;
    compact.push('\n');
    if compact.len() as u64 <= limit {
        return Ok(compact);
    }
    Err(FileError::TooLargeToSave {
        path: path.to_path_buf(),
        size_mb: compact.len() as f64 / (1024.0 * 1024.0),
        limit_mb: limit / (1024 * 1024),
    })
}

/// Validates and writes the project atomically, keeping the previous file as `<path>.bak`.
///
/// A project that fails validation, or that would be too large to open again, is not
/// written: saving must never produce a file that cannot be opened again.
pub fn save(project: &Project, path: &Path) -> Result<(), FileError> {
    save_within(project, path, MAX_FILE_BYTES)
}

/// Validates and writes the project atomically, without keeping the previous file: for a file
/// that is itself a copy (the merge driver's output, which git keeps in a temporary file), where
/// a backup beside it would be litter.
pub fn save_without_backup(project: &Project, path: &Path) -> Result<(), FileError> {
    write_validated(project, path, MAX_FILE_BYTES, false)
}

/// [`save`] with another size limit (tests make it small).
pub(crate) fn save_within(project: &Project, path: &Path, limit: u64) -> Result<(), FileError> {
    write_validated(project, path, limit, true)
}

fn write_validated(
    project: &Project,
    path: &Path,
    limit: u64,
    backup: bool,
) -> Result<(), FileError> {
    let problems = validate(project, &super::Limits::default());
    if !problems.is_empty() {
        return Err(FileError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    let text = file_text(project, path, limit)?;
    super::write_atomically(path, text.as_bytes(), backup).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_1_0_file_gets_an_interview_register() {
        let text = r#"(format: (1, 0), project: (title: "Oud", evidence: [
            (id: 7, text: "Te lang gewacht", respondents: ["R01", "R02"], respondent_count: 3),
            (id: 8, text: "Vriendelijk", respondents: ["R02"], respondent_count: 1),
        ]))"#;
        let loaded = from_ron_str(text, Path::new("oud.klantreis.ron")).expect("a 1.0 file opens");
        let codes: Vec<&str> = loaded
            .project
            .respondents
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(codes, ["R01", "R02"]);
        assert!(loaded.warnings.is_empty());
        // Without the step, the codes dangle and a 1.1 file with them does not open.
        let newer = text.replace("(1, 0)", "(1, 1)");
        assert!(from_ron_str(&newer, Path::new("nieuw.klantreis.ron")).is_err());
    }

    fn ikea() -> Project {
        load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/ikea-winkelbezoek.klantreis.ron"
        )))
        .unwrap()
        .project
    }

    #[test]
    fn a_project_too_large_pretty_is_written_compact_and_opens_again() {
        let project = ikea();
        let path = Path::new("p.klantreis.ron");
        let pretty = to_ron_string(&project).unwrap();
        let limit = pretty.len() as u64 - 1;
        let text = file_text(&project, path, limit).unwrap();
        assert!(text.len() as u64 <= limit);
        assert_eq!(from_ron_str(&text, path).unwrap().project, project);
        // Under the limit it stays pretty, so files diff well.
        assert_eq!(file_text(&project, path, MAX_FILE_BYTES).unwrap(), pretty);
    }

    #[test]
    fn a_project_too_large_even_compact_is_not_saved_and_the_old_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        let mut project = ikea();
        save(&project, &path).unwrap();
        project.title = "Tweede".to_owned();
        save(&project, &path).unwrap();
        let (file, backup) = (
            std::fs::read(&path).unwrap(),
            std::fs::read(super::super::backup_path(&path)).unwrap(),
        );
        project.title = "Te groot".to_owned();
        let e = save_within(&project, &path, 1000).unwrap_err();
        assert!(matches!(e, FileError::TooLargeToSave { .. }), "{e}");
        assert!(e.to_string().contains("nothing was written"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), file);
        assert_eq!(
            std::fs::read(super::super::backup_path(&path)).unwrap(),
            backup
        );
    }
}
