//! Native file dialogs behind a seam, so tests (and machines without a desktop portal) can
//! answer them.

use std::path::{Path, PathBuf};

use crate::i18n::tr;

/// The system's file dialog could not be shown (no desktop portal, no zenity): the app asks
/// with its own file field instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// What a file dialog answered: a path, `None` when cancelled, or that it could not open.
pub type Picked = Result<Option<PathBuf>, Unavailable>;

/// Asks the user for files.
pub trait FileDialogs {
    /// A project file to open.
    fn pick_open(&mut self) -> Picked;
    /// Where to save, suggesting `file_name`.
    fn pick_save(&mut self, file_name: &str) -> Picked;
    /// Where to export, suggesting `file_name` ending in `.extension`, in `folder` when given.
    fn pick_export(&mut self, file_name: &str, extension: &str, folder: Option<&Path>) -> Picked;
    /// A picture (PNG or JPEG) to use as a photo.
    fn pick_picture(&mut self) -> Picked;
    /// A data file (CSV or a workbook) to import.
    fn pick_data(&mut self) -> Picked;
    /// A map made elsewhere to import: a Mermaid diagram, Markdown, or a journey grid.
    fn pick_import(&mut self) -> Picked;
    /// A review file of comments readers downloaded from the HTML viewer.
    fn pick_review(&mut self) -> Picked;
}

/// How quickly a dialog that "was cancelled" must have answered to be taken for one that never
/// opened: nobody cancels a file dialog within a quarter of a second, but a system without a
/// desktop portal or zenity answers at once (rfd only logs why).
const TOO_QUICK: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs a native dialog, telling a cancel from a dialog that could not open.
fn native(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let start = std::time::Instant::now();
    match dialog() {
        Some(path) => Ok(Some(path)),
        None if start.elapsed() < TOO_QUICK => {
            log::warn!("the system's file dialog did not open; using the built-in one");
            Err(Unavailable)
        }
        None => Ok(None),
    }
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
    fn pick_open(&mut self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.open"))
                .add_filter(tr("dialog.filter"), &["ron"])
                .pick_file()
        })
    }

    fn pick_save(&mut self, file_name: &str) -> Picked {
        let path = native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.save"))
                .add_filter(tr("dialog.filter"), &["ron"])
                .set_file_name(file_name)
                .save_file()
        })?;
        Ok(path.map(with_extension))
    }

    fn pick_export(&mut self, file_name: &str, extension: &str, folder: Option<&Path>) -> Picked {
        let path = native(|| {
            let dialog = rfd::FileDialog::new();
            let dialog = match folder {
                Some(folder) => dialog.set_directory(folder),
                None => dialog,
            };
            dialog
                .set_title(tr("dialog.export"))
                .add_filter(extension.to_uppercase(), &[extension])
                .set_file_name(file_name)
                .save_file()
        })?;
        Ok(path.map(|p| with_export_extension(p, extension)))
    }

    fn pick_picture(&mut self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.picture"))
                .add_filter(tr("dialog.picture_filter"), &["png", "jpg", "jpeg"])
                .pick_file()
        })
    }

    fn pick_data(&mut self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.data"))
                .add_filter(tr("dialog.data_filter"), &crate::data::EXTENSIONS)
                .pick_file()
        })
    }

    fn pick_import(&mut self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.import_map"))
                .add_filter(
                    tr("dialog.import_map_filter"),
                    &[
                        "mmd", "mermaid", "md", "markdown", "csv", "xlsx", "xls", "ods",
                    ],
                )
                .pick_file()
        })
    }

    fn pick_review(&mut self) -> Picked {
        native(|| {
            rfd::FileDialog::new()
                .set_title(tr("dialog.import_review"))
                .add_filter(tr("dialog.import_review_filter"), &["json"])
                .pick_file()
        })
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
    pub picture_answers: std::collections::VecDeque<Option<PathBuf>>,
    pub data_answers: std::collections::VecDeque<Option<PathBuf>>,
    pub import_answers: std::collections::VecDeque<Option<PathBuf>>,
    pub review_answers: std::collections::VecDeque<Option<PathBuf>>,
    /// As on a system without a desktop portal: no dialog ever opens.
    pub unavailable: bool,
}

impl ScriptedDialogs {
    fn answer(&self, answers: &mut std::collections::VecDeque<Option<PathBuf>>) -> Picked {
        if self.unavailable {
            return Err(Unavailable);
        }
        Ok(answers.pop_front().flatten())
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Picked {
        let mut answers = std::mem::take(&mut self.open_answers);
        let picked = self.answer(&mut answers);
        self.open_answers = answers;
        picked
    }

    fn pick_save(&mut self, _file_name: &str) -> Picked {
        let mut answers = std::mem::take(&mut self.save_answers);
        let picked = self.answer(&mut answers);
        self.save_answers = answers;
        Ok(picked?.map(with_extension))
    }

    fn pick_export(&mut self, _file_name: &str, extension: &str, _folder: Option<&Path>) -> Picked {
        let mut answers = std::mem::take(&mut self.export_answers);
        let picked = self.answer(&mut answers);
        self.export_answers = answers;
        Ok(picked?.map(|p| with_export_extension(p, extension)))
    }

    fn pick_picture(&mut self) -> Picked {
        let mut answers = std::mem::take(&mut self.picture_answers);
        let picked = self.answer(&mut answers);
        self.picture_answers = answers;
        picked
    }

    fn pick_data(&mut self) -> Picked {
        let mut answers = std::mem::take(&mut self.data_answers);
        let picked = self.answer(&mut answers);
        self.data_answers = answers;
        picked
    }

    fn pick_import(&mut self) -> Picked {
        let mut answers = std::mem::take(&mut self.import_answers);
        let picked = self.answer(&mut answers);
        self.import_answers = answers;
        picked
    }

    fn pick_review(&mut self) -> Picked {
        let mut answers = std::mem::take(&mut self.review_answers);
        let picked = self.answer(&mut answers);
        self.review_answers = answers;
        picked
    }
}
