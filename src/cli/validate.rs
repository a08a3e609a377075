//! `klantreis validate`: check project files.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{err, out};
use crate::file;

pub(super) fn run(files: &[PathBuf]) -> ExitCode {
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
