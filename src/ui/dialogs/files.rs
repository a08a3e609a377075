//! Native file dialogs behind a seam, so tests (and machines without a desktop portal) can
//! answer them.

use std::path::PathBuf;

use crate::i18n::tr;

/// Asks the user for files.
pub trait FileDialogs {
    /// A project file to open, or `None` when cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save, suggesting `file_name`; `None` when cancelled.
    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf>;
    /// Where to export, suggesting `file_name` ending in `.extension`; `None` when cancelled.
    fn pick_export(&mut self, file_name: &str, extension: &str) -> Option<PathBuf>;
}

/// `path` ending in `.extension` (added when the user typed a bare name).
pub fn with_export_extension(path: PathBuf, extension: &str) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".");
        s.push(extension);
        PathBuf::from(s)
    }
}

/// The operating system's dialogs, through `rfd`.
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr("dialog.open"))
            .add_filter(tr("dialog.filter"), &["ron"])
            .pick_file()
    }

    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .set_title(tr("dialog.save"))
            .add_filter(tr("dialog.filter"), &["ron"])
            .set_file_name(file_name)
            .save_file()?;
        Some(with_extension(path))
    }

    fn pick_export(&mut self, file_name: &str, extension: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .set_title(tr("dialog.export"))
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(file_name)
            .save_file()?;
        Some(with_export_extension(path, extension))
    }
}

/// Adds `.klantreis.ron` when the user typed a bare name.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(".ron") {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(crate::file::FILE_EXTENSION);
        PathBuf::from(s)
    }
}

/// Dialogs answered by a script: each call takes the next answer. For tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open_answers: std::collections::VecDeque<Option<PathBuf>>,
    pub save_answers: std::collections::VecDeque<Option<PathBuf>>,
    pub export_answers: std::collections::VecDeque<Option<PathBuf>>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open_answers.pop_front().flatten()
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        self.save_answers.pop_front().flatten().map(with_extension)
    }

    fn pick_export(&mut self, _file_name: &str, extension: &str) -> Option<PathBuf> {
        self.export_answers
            .pop_front()
            .flatten()
            .map(|p| with_export_extension(p, extension))
    }
}
