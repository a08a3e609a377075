//! The recovery journal: copies of unsaved work in the app's data folder, offered after a
//! crash. Each open document has its own entry, owned by the window that writes it (a lock
//! file names the process and the window), so one window saving or closing never erases
//! another's work; entries whose owner is gone are offered at the next start, each on its own.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    /// Which entry it is (to adopt or discard it).
    pub key: String,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    source: Option<PathBuf>,
    written: String,
}

/// The owners alive in this process: a crashed window drops its entry without clearing it,
/// which makes the entry an orphan, just as a crashed process does.
static LIVE: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<String>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The journal's folder.
#[derive(Clone, Debug)]
pub struct Journal {
    folder: PathBuf,
}

/// One document's entry in the journal, owned by one window while it exists.
#[derive(Debug)]
pub struct JournalEntry {
    folder: PathBuf,
    /// `-<hex>` (or empty for the single journal earlier versions kept).
    key: String,
    /// `<process id>-<random>`: who owns the entry.
    owner: String,
}

const PREFIX: &str = "recovery";
const SUFFIX: &str = ".klantreis.ron";

impl Journal {
    /// A journal kept in `folder` (created when first written).
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    /// A new entry for a document of this window.
    pub fn entry(&self) -> JournalEntry {
        self.adopt(&format!("-{:016x}", fastrand::u64(..)))
    }

    /// Takes over the entry `key` (work restored after a crash goes on being journaled there).
    pub fn adopt(&self, key: &str) -> JournalEntry {
        let owner = format!("{}-{:016x}", std::process::id(), fastrand::u64(..));
        live().insert(owner.clone());
        JournalEntry {
            folder: self.folder.clone(),
            key: key.to_owned(),
            owner,
        }
    }

    /// The entries no running window owns, each read whole, oldest first; an entry that
    /// cannot be read is returned as its error.
    pub fn orphans(&self) -> Vec<Result<Recovered, FileError>> {
        let Ok(names) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut keys: Vec<String> = names
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let key = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
                (key.is_empty() || key.starts_with('-')).then(|| key.to_owned())
            })
            .collect();
        keys.sort();
        let mut found: Vec<Result<Recovered, FileError>> = keys
            .into_iter()
            .filter(|key| !owned(&lock_path(&self.folder, key)))
            .map(|key| read_entry(&self.folder, key))
            .collect();
        found.sort_by(|a, b| match (a, b) {
            (Ok(a), Ok(b)) => a.written.cmp(&b.written),
            _ => std::cmp::Ordering::Equal,
        });
        found
    }
}

fn project_path(folder: &Path, key: &str) -> PathBuf {
    folder.join(format!("{PREFIX}{key}{SUFFIX}"))
}

fn meta_path(folder: &Path, key: &str) -> PathBuf {
    folder.join(format!("{PREFIX}{key}.meta.ron"))
}

fn lock_path(folder: &Path, key: &str) -> PathBuf {
    folder.join(format!("{PREFIX}{key}.lock"))
}

/// Whether the entry whose lock is at `lock` has an owner that still runs.
fn owned(lock: &Path) -> bool {
    let Ok(owner) = std::fs::read_to_string(lock) else {
        return false;
    };
    let owner = owner.trim();
    let Some(pid) = owner.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    if pid == std::process::id() {
        live().contains(owner)
    } else {
        super::atomic::process_runs(pid)
    }
}

fn read_entry(folder: &Path, key: String) -> Result<Recovered, FileError> {
    let loaded = super::load(&project_path(folder, &key))?;
    let meta: Option<Meta> = std::fs::read_to_string(meta_path(folder, &key))
        .ok()
        .and_then(|t| ron::from_str(&t).ok());
    let (source, written) = meta.map_or((None, String::new()), |m| (m.source, m.written));
    Ok(Recovered {
        project: loaded.project,
        source,
        written,
        key,
    })
}

impl JournalEntry {
    /// Writes the unsaved `project` (that belongs to `source`) to this entry.
    pub fn write(&self, project: &Project, source: Option<&Path>) -> Result<(), FileError> {
        let write_err = |path: PathBuf| move |source| FileError::Write { path, source };
        std::fs::create_dir_all(&self.folder).map_err(write_err(self.folder.clone()))?;
        let lock = lock_path(&self.folder, &self.key);
        write_atomically(&lock, self.owner.as_bytes(), false).map_err(write_err(lock.clone()))?;
        let text = to_ron_string(project)?;
        let path = project_path(&self.folder, &self.key);
        write_atomically(&path, text.as_bytes(), false).map_err(write_err(path.clone()))?;
        let meta = Meta {
            source: source.map(Path::to_path_buf),
            written: crate::model::time::now_rfc3339(),
        };
        let meta_text = ron::to_string(&meta).map_err(|e| FileError::Serialise {
            message: e.to_string(),
        })?;
        let meta = meta_path(&self.folder, &self.key);
        write_atomically(&meta, meta_text.as_bytes(), false).map_err(write_err(meta))
    }

    /// Removes the entry (after a save, or when its work is discarded).
    pub fn clear(&self) {
        // An entry that cannot be removed is offered again next time; nothing is lost.
        for path in [
            project_path(&self.folder, &self.key),
            meta_path(&self.folder, &self.key),
            lock_path(&self.folder, &self.key),
        ] {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Drop for JournalEntry {
    fn drop(&mut self) {
        // What is written stays: only a clear removes it. Without an owner it is an orphan.
        live().remove(&self.owner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        crate::templates::new_project(
            crate::model::MapKind::ServiceBlueprint,
            crate::i18n::Language::Dutch,
        )
    }

    #[test]
    fn write_read_clear() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("data"));
        assert!(journal.orphans().is_empty());
        let entry = journal.entry();
        let work = project();
        entry
            .write(&work, Some(Path::new("/tmp/x.klantreis.ron")))
            .unwrap();
        // Its window still runs: nothing to offer.
        assert!(journal.orphans().is_empty());
        let key = entry.key.clone();
        drop(entry);
        let found = journal.orphans();
        let r = found[0].as_ref().unwrap();
        assert_eq!(r.project, work);
        assert_eq!(r.source.as_deref(), Some(Path::new("/tmp/x.klantreis.ron")));
        journal.adopt(&key).clear();
        assert!(journal.orphans().is_empty());
    }

    #[test]
    fn two_windows_keep_their_own_entries() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path());
        let (a, b) = (journal.entry(), journal.entry());
        let work = project();
        let mut other = work.clone();
        other.title = "B".to_owned();
        a.write(&work, None).unwrap();
        b.write(&other, None).unwrap();
        // B saves and closes: A's work stays.
        b.clear();
        drop(b);
        drop(a);
        let found: Vec<Recovered> = journal.orphans().into_iter().map(Result::unwrap).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].project, work);
    }

    #[test]
    fn orphans_are_offered_oldest_first_whatever_their_keys() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path());
        let written = |key: &str, title: &str, when: &str| {
            let entry = journal.adopt(key);
            let mut work = project();
            work.title = title.to_owned();
            entry.write(&work, None).unwrap();
            let meta = Meta {
                source: None,
                written: when.to_owned(),
            };
            std::fs::write(meta_path(dir.path(), key), ron::to_string(&meta).unwrap()).unwrap();
        };
        written("-a", "later", "2026-11-30T10:00:00Z");
        written("-b", "earlier", "2026-11-29T10:00:00Z");
        written("-c", "latest", "2026-11-30T11:00:00Z");
        let titles: Vec<String> = journal
            .orphans()
            .into_iter()
            .map(|r| r.unwrap().project.title)
            .collect();
        assert_eq!(titles, ["earlier", "later", "latest"]);
    }

    #[test]
    fn the_single_journal_of_earlier_versions_is_still_offered() {
        let dir = tempfile::tempdir().unwrap();
        let text = to_ron_string(&project()).unwrap();
        std::fs::write(dir.path().join("recovery.klantreis.ron"), text).unwrap();
        let found = Journal::new(dir.path()).orphans();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].as_ref().unwrap().key, "");
    }
}
