//! `klantreis fmt`: rewrite project files in the canonical layout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{err, out};
use crate::file::{self, FileError, LoadWarning};

/// What became of one file.
enum Outcome {
    Formatted,
    Unchanged,
    /// Written by a newer version: rewriting would drop what this version does not know.
    Newer {
        major: u32,
        minor: u32,
    },
}

fn format_one(path: &Path) -> Result<Outcome, FileError> {
    let loaded = file::load(path)?;
    if let Some(LoadWarning::NewerMinor { major, minor }) = loaded.warnings.first() {
        return Ok(Outcome::Newer {
            major: *major,
            minor: *minor,
        });
    }
    let text = file::file_text(&loaded.project, path, file::MAX_FILE_BYTES)?;
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(Outcome::Unchanged);
    }
    // As a save does: the previous text stays beside it as <file>.bak.
    file::write_atomically(path, text.as_bytes(), true).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Outcome::Formatted)
}

/// Rewrites each of `files`; a file from a newer Klantreis is left as it is.
pub(super) fn run(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for path in files {
        match format_one(path) {
            Ok(Outcome::Formatted) => out(&format!("formatted {}", path.display())),
            Ok(Outcome::Unchanged) => out(&format!("unchanged {}", path.display())),
            Ok(Outcome::Newer { major, minor }) => {
                ok = false;
                err(&format!(
                    "error: written by a newer Klantreis (format {major}.{minor}); rewriting it would drop what this version does not know, so it was left unchanged: {}",
                    path.display()
                ));
            }
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
