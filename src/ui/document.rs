//! The open project with its file path, undo history and saved state.

use std::path::PathBuf;

use crate::edit::{Edit, EditError, History};
use crate::file::watch::Fingerprint;
use crate::model::Project;

/// A project being edited.
pub struct Document {
    pub project: Project,
    /// Where it was last opened from or saved to; `None` for a new project.
    pub path: Option<PathBuf>,
    pub history: History,
    /// Bumped on every change, so caches (layout, scene) know when to refresh.
    revision: u64,
    saved_revision: u64,
    /// The project as last read from or written to `path`: the base of the three-way merge
    /// when someone else saves the file.
    pub base: Project,
    /// What `path` held then.
    pub disk: Option<Fingerprint>,
}

impl Document {
    /// A document for `project`, unchanged since `path` was read (or new).
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let disk = path.as_deref().and_then(Fingerprint::of_file);
        Self {
            base: project.clone(),
            project,
            path,
            history: History::default(),
            revision: 1,
            saved_revision: 1,
            disk,
        }
    }

    /// Takes `base` (with the fingerprint `disk` of the file that holds it) as what the file
    /// last held: after a colleague's save was merged in, or a recovered project's file read.
    pub fn rebase(&mut self, base: Project, disk: Option<Fingerprint>) {
        self.base = base;
        self.disk = disk;
    }

    /// Records that the project now is what the file holds (a reload from disk).
    pub fn mark_clean(&mut self) {
        self.saved_revision = self.revision;
        self.history.seal();
    }

    /// Replaces the project outright (what no edit can put, such as a changed language), as
    /// one change that cannot be undone.
    pub fn replace(&mut self, project: Project) {
        self.project = project;
        self.history = History::default();
        self.revision += 1;
    }

    /// Whether there are changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Forces the dirty state, for a project that never was on disk (restored from recovery).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = 0;
    }

    /// Changes with every edit, undo and redo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `edit` as one undo step.
    pub fn apply(&mut self, label: &str, edit: Edit) -> Result<(), EditError> {
        self.apply_merging(label, None, edit)
    }

    /// Applies `edit`, merged into the previous step when it has the same `merge` key.
    pub fn apply_merging(
        &mut self,
        label: &str,
        merge: Option<u64>,
        edit: Edit,
    ) -> Result<(), EditError> {
        if matches!(&edit, Edit::Batch(v) if v.is_empty()) {
            return Ok(());
        }
        self.history
            .apply_merging(&mut self.project, label, merge, edit)?;
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.project)?;
        self.revision += 1;
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.project)?;
        self.revision += 1;
        Some(label)
    }

    /// Records that the project was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.disk = Fingerprint::of_file(&path);
        self.base = self.project.clone();
        self.path = Some(path);
        self.saved_revision = self.revision;
        self.history.seal();
    }

    /// The name shown in the title bar: the file name, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || crate::i18n::tr("document.untitled").into_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}
