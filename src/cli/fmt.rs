//! `klantreis fmt`: rewrite project files in the canonical layout.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{err, out};
use crate::file;

pub(super) fn run(files: &[PathBuf]) -> ExitCode {
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
