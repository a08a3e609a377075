//! Errors of reading and writing project files.

use std::fmt::{self, Write as _};
use std::path::PathBuf;

/// One thing wrong with a project, found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the project, such as `maps[0] "IKEA" › cards[3] "Parkeren" › title`.
    pub location: String,
    /// What is wrong and why it matters.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// Why a project file could not be read or written.
///
/// Every message says what is wrong and, where known, where; the path comes last.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("could not read the file ({}): {path}", plain_io_error(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "the file is {size_mb:.1} MB, more than the {limit_mb} MB a project file may have; it is probably not a Klantreis project: {path}"
    )]
    TooLarge {
        path: PathBuf,
        size_mb: f64,
        limit_mb: u64,
    },

    #[error("the file is empty: {path}")]
    Empty { path: PathBuf },

    #[error(
        "the file is not UTF-8 text (invalid byte at offset {offset}); it is probably not a Klantreis project: {path}"
    )]
    NotText { path: PathBuf, offset: usize },

    #[error("line {line}, column {column}: {message}: {path}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "the file was written in format {major}.{minor} by a newer Klantreis; this version reads format {supported_major}.x and older. Install a newer Klantreis to open it: {path}"
    )]
    NewerMajor {
        path: PathBuf,
        major: u32,
        minor: u32,
        supported_major: u32,
    },

    #[error("the file has format {major}.{minor}, which no Klantreis ever wrote: {path}")]
    UnknownFormat {
        path: PathBuf,
        major: u32,
        minor: u32,
    },

    #[error("{} problem(s) in the project: {}: {path}", problems.len(), summary(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },

    #[error("could not serialise the project ({message})")]
    Serialise { message: String },

    #[error(
        "the project would take {size_mb:.1} MB on disk, more than the {limit_mb} MB a project file may have, so it could not be opened again; nothing was written: {path}"
    )]
    TooLargeToSave {
        path: PathBuf,
        size_mb: f64,
        limit_mb: u64,
    },

    #[error(
        "could not save ({}); the file on disk was not changed: {path}",
        plain_io_error(source)
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What went wrong with a file, in words a user acts on rather than the system's own
/// ("Is a directory (os error 21)"): what it is, and what to do where that is clear.
pub fn plain_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "there is no such file; check the name and the folder".to_owned(),
        K::PermissionDenied => {
            "permission denied: you may not read or write it; ask its owner, or copy it to a folder of your own".to_owned()
        }
        K::IsADirectory => "it is a folder, not a file; choose a file in it".to_owned(),
        K::NotADirectory => "a folder on its path is a file".to_owned(),
        K::ReadOnlyFilesystem => "the disk is read-only; save it somewhere else".to_owned(),
        K::StorageFull | K::QuotaExceeded => "the disk is full; make room, or save it somewhere else".to_owned(),
        K::FileTooLarge => "the file is too large for this disk".to_owned(),
        K::AlreadyExists => "a file of that name is already there".to_owned(),
        K::InvalidFilename => "the name is not one this system allows".to_owned(),
        K::Interrupted | K::TimedOut | K::WouldBlock => {
            "the system did not answer in time; try again".to_owned()
        }
        _ => {
            // The system's words, without the number that means nothing to a user.
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

fn summary(problems: &[Problem]) -> String {
    const SHOWN: usize = 5;
    let mut text = problems
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > SHOWN {
        let _ = write!(text, "; and {} more", problems.len() - SHOWN);
    }
    text
}

impl FileError {
    /// Each problem as its own line of text, for `klantreis validate`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid { path, problems } => problems
                .iter()
                .map(|p| format!("{}: {p}", path.display()))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(n: usize) -> Vec<Problem> {
        (1..=n)
            .map(|i| Problem {
                location: format!("maps[0] › cards[{i}]"),
                message: "has no title".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_summary_names_five_problems_and_counts_the_rest() {
        let five = summary(&problems(5));
        assert!(
            five.contains("cards[5]") && !five.contains("more"),
            "{five}"
        );
        let seven = summary(&problems(7));
        assert!(
            seven.contains("cards[5]") && !seven.contains("cards[6]"),
            "{seven}"
        );
        assert!(seven.ends_with("; and 2 more"), "{seven}");
        assert!(summary(&problems(6)).ends_with("; and 1 more"));
    }
}
