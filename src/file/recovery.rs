//! The recovery journal: a copy of unsaved work in the app's data folder, offered after a crash.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, to_ron_string, write_atomically};
use crate::model::Project;

/// Unsaved work found in the journal.
#[derive(Debug)]
pub struct Recovered {
    pub project: Project,
    /// The file the work belonged to, if it had been saved before.
    pub source: Option<PathBuf>,
    /// When the journal was written (RFC 3339).
    pub written: String,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    source: Option<PathBuf>,
    written: String,
}

/// The journal files in one folder.
#[derive(Clone, Debug)]
pub struct Journal {
    folder: PathBuf,
}

impl Journal {
    /// A journal kept in `folder` (created when first written).
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    fn project_path(&self) -> PathBuf {
        self.folder.join("recovery.klantreis.ron")
    }

    fn meta_path(&self) -> PathBuf {
        self.folder.join("recovery.meta.ron")
    }

    /// Writes the unsaved `project` (that belongs to `source`) to the journal.
    pub fn write(&self, project: &Project, source: Option<&Path>) -> Result<(), FileError> {
        let write_err = |path: PathBuf| move |source| FileError::Write { path, source };
        std::fs::create_dir_all(&self.folder).map_err(write_err(self.folder.clone()))?;
        let text = to_ron_string(project)?;
        write_atomically(&self.project_path(), text.as_bytes(), false)
            .map_err(write_err(self.project_path()))?;
        let meta = Meta {
            source: source.map(Path::to_path_buf),
            written: crate::model::time::now_rfc3339(),
        };
        let meta_text = ron::to_string(&meta).map_err(|e| FileError::Serialise {
            message: e.to_string(),
        })?;
        write_atomically(&self.meta_path(), meta_text.as_bytes(), false)
            .map_err(write_err(self.meta_path()))
    }

    /// The unsaved work in the journal, if there is any. A damaged journal is an error.
    pub fn read(&self) -> Result<Option<Recovered>, FileError> {
        let path = self.project_path();
        if !path.exists() {
            return Ok(None);
        }
        let loaded = super::load(&path)?;
        let meta: Option<Meta> = std::fs::read_to_string(self.meta_path())
            .ok()
            .and_then(|t| ron::from_str(&t).ok());
        let (source, written) = meta.map_or((None, String::new()), |m| (m.source, m.written));
        Ok(Some(Recovered {
            project: loaded.project,
            source,
            written,
        }))
    }

    /// Removes the journal (after a save, or when the user discards it).
    pub fn clear(&self) {
        // A journal that cannot be removed is offered again next time; nothing is lost.
        let _ = std::fs::remove_file(self.project_path());
        let _ = std::fs::remove_file(self.meta_path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_clear() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("data"));
        assert!(journal.read().unwrap().is_none());
        let project = crate::templates::new_project(
            crate::model::MapKind::ServiceBlueprint,
            crate::i18n::Language::Dutch,
        );
        journal
            .write(&project, Some(Path::new("/tmp/x.klantreis.ron")))
            .unwrap();
        let r = journal.read().unwrap().unwrap();
        assert_eq!(r.project, project);
        assert_eq!(r.source.as_deref(), Some(Path::new("/tmp/x.klantreis.ron")));
        journal.clear();
        assert!(journal.read().unwrap().is_none());
    }
}
