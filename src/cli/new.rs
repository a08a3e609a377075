//! `klantreis new`: a project from a template.

use std::path::Path;
use std::process::ExitCode;

use super::{Language, Template, err, out};
use crate::{file, templates};

pub(super) fn run(template: Template, output: &Path, lang: Language, force: bool) -> ExitCode {
    if output.exists() && !force {
        err(&format!(
            "error: the file already exists; pass --force to overwrite it: {}",
            output.display()
        ));
        return ExitCode::FAILURE;
    }
    let lang = match lang {
        Language::En => crate::i18n::Language::English,
        Language::Nl => crate::i18n::Language::Dutch,
    };
    let project = templates::new_project(template.into(), lang);
    match file::save(&project, output) {
        Ok(()) => {
            out(&format!("wrote {}", output.display()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            err(&format!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}
