//! `klantreis import-review`: the comments readers downloaded from the HTML viewer, added to
//! the project they were written on (a comment already there is not added twice).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, load, out};
use crate::file;
use crate::import::review;

/// `klantreis import-review`.
#[derive(Debug, Args)]
pub struct ImportReviewArgs {
    /// Review files (`NAME.klantreis-review.json`, from the viewer's "Download my comments").
    #[arg(required = true)]
    pub reviews: Vec<PathBuf>,
    /// The project the viewer was made from; the comments are added to it.
    #[arg(long)]
    pub into: PathBuf,
}

pub(super) fn run(args: &ImportReviewArgs) -> ExitCode {
    let Some(loaded) = load(&args.into) else {
        return ExitCode::FAILURE;
    };
    let mut project = loaded.project;
    let (mut new, mut known) = (0, 0);
    for path in &args.reviews {
        let read = match review::read(path, &project) {
            Ok(r) => r,
            Err(e) => {
                err(&format!("error: {e}; nothing was written"));
                return ExitCode::FAILURE;
            }
        };
        for why in &read.left_out {
            err(&format!("note: {}, {why}: left out", path.display()));
        }
        let added = crate::edit::review::add(&project, read.comments);
        if let Some(edit) = added.edit
            && let Err(e) = crate::edit::apply(&mut project, edit)
        {
            err(&format!("error: {e}; nothing was written"));
            return ExitCode::FAILURE;
        }
        out(&format!(
            "{}: {} new comment(s) from {}{}",
            path.display(),
            added.new,
            if read.reviewer.is_empty() {
                "a reader who gave no name"
            } else {
                &read.reviewer
            },
            if added.known > 0 {
                format!(", {} already in the project", added.known)
            } else {
                String::new()
            }
        ));
        new += added.new;
        known += added.known;
    }
    if new == 0 {
        out(&format!(
            "{} is unchanged: every comment was in it already ({known})",
            args.into.display()
        ));
        return ExitCode::SUCCESS;
    }
    let problems = file::validate(&project, &crate::model::Limits::default());
    if let Some(p) = problems.first() {
        err(&format!(
            "error: the comments do not fit the project: {p}; nothing was written"
        ));
        return ExitCode::FAILURE;
    }
    if let Err(e) = file::save(&project, &args.into) {
        err(&format!("error: {e}"));
        return ExitCode::FAILURE;
    }
    let open = project.comments.iter().filter(|c| c.is_open()).count();
    out(&format!(
        "{}: {new} comment(s) added; {open} open in all",
        args.into.display()
    ));
    ExitCode::SUCCESS
}
