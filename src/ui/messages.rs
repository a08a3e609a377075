//! File errors and warnings in the interface language. The `file` module's own messages are
//! English (the command line prints them); here each kind of error gets its translated sentence.
//! What the parser or the validator says in detail (`line 3: expected ...`) stays as it is.

use crate::file::{FileError, LoadWarning};
use crate::i18n::{tr, tr_args, tr_count};

/// `error`, as a sentence in the interface language.
pub fn file_error(error: &FileError) -> String {
    match error {
        FileError::Read { path, source } => {
            tr_args("file.read", &[("path", &path.display()), ("error", source)])
        }
        FileError::TooLarge {
            path,
            size_mb,
            limit_mb,
        } => tr_args(
            "file.too_large",
            &[
                ("path", &path.display()),
                (
                    "size",
                    &crate::i18n::number(*size_mb, 1, false, crate::i18n::language()),
                ),
                ("limit", limit_mb),
            ],
        ),
        FileError::Empty { path } => tr_args("file.empty", &[("path", &path.display())]),
        FileError::NotText { path, offset } => tr_args(
            "file.not_text",
            &[("path", &path.display()), ("offset", offset)],
        ),
        FileError::Syntax {
            path,
            line,
            column,
            message,
        } => tr_args(
            "file.syntax",
            &[
                ("path", &path.display()),
                ("line", line),
                ("column", column),
                ("error", message),
            ],
        ),
        FileError::NewerMajor {
            path,
            major,
            minor,
            supported_major,
        } => tr_args(
            "file.newer",
            &[
                ("path", &path.display()),
                ("format", &format!("{major}.{minor}")),
                ("supported", supported_major),
            ],
        ),
        FileError::UnknownFormat { path, major, minor } => tr_args(
            "file.unknown_format",
            &[
                ("path", &path.display()),
                ("format", &format!("{major}.{minor}")),
            ],
        ),
        FileError::Invalid { path, problems } => {
            let shown: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
            let mut text = format!(
                "{} ({}): {}",
                tr("file.invalid"),
                tr_count("file.problems", problems.len()),
                shown.join("; ")
            );
            if problems.len() > shown.len() {
                text.push_str("; ");
                text.push_str(&tr_count("file.more", problems.len() - shown.len()));
            }
            // The path last, as in every message.
            text.push_str(": ");
            text.push_str(&path.display().to_string());
            text
        }
        FileError::TooLargeToSave {
            path,
            size_mb,
            limit_mb,
        } => tr_args(
            "file.too_large_to_save",
            &[
                ("path", &path.display()),
                (
                    "size",
                    &crate::i18n::number(*size_mb, 1, false, crate::i18n::language()),
                ),
                ("limit", limit_mb),
            ],
        ),
        FileError::Serialise { message } => tr_args("file.serialise", &[("error", message)]),
        FileError::Write { path, source } => tr_args(
            "file.write",
            &[("path", &path.display()), ("error", source)],
        ),
    }
}

/// `warning`, as a sentence in the interface language.
pub fn load_warning(warning: &LoadWarning) -> String {
    match warning {
        LoadWarning::NewerMinor { major, minor } => tr_args(
            "file.newer_minor",
            &[("format", &format!("{major}.{minor}"))],
        ),
    }
}
