//! Noticing that the open project file changed on disk (a colleague's save on a shared drive, a
//! sync folder, `git pull`): the folder holding it is watched with the `notify` crate (an atomic
//! save replaces the file, so the file itself cannot be watched), and what is on disk is told
//! apart from what was last read or written by a [`Fingerprint`] of its bytes.
//!
//! The watcher runs on `notify`'s own thread and only raises a flag and wakes the app; reading
//! and merging happen in the app's frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{RecursiveMode, Watcher as _};
use sha2::Digest as _;

/// What a file's bytes were, to tell a change from the app's own save or a mere touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(sha2::Sha256::digest(bytes).into())
    }

    /// The fingerprint of the file at `path` as it is now; `None` when it cannot be read (gone,
    /// or larger than a project file may be).
    pub fn of_file(path: &Path) -> Option<Self> {
        use std::io::Read as _;
        let file = std::fs::File::open(path).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut bytes = Vec::new();
        file.take(super::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        Some(Self::of(&bytes))
    }
}

/// Watches one file; see the module's description.
pub struct Watcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    // Kept for its thread: dropped, it stops watching.
    _inner: notify::RecommendedWatcher,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("path", &self.path)
            .field("changed", &self.changed)
            .finish_non_exhaustive()
    }
}

impl Watcher {
    /// Starts watching `path`; `wake` is called (on the watcher's thread) whenever something
    /// happens to it, so the app looks without waiting for the next input.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = path.file_name().map(std::ffi::OsStr::to_os_string);
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let mut inner =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let concerns_file = match &event {
                    // Reading the file (the app does, to look) is no change.
                    Ok(e) if matches!(e.kind, notify::EventKind::Access(_)) => false,
                    Ok(e) => {
                        e.need_rescan() || e.paths.iter().any(|p| p.file_name() == name.as_deref())
                    }
                    // An error may mean events were lost: look.
                    Err(_) => true,
                };
                if concerns_file {
                    flag.store(true, Ordering::SeqCst);
                    wake();
                }
            })?;
        inner.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(Self {
            path,
            changed,
            _inner: inner,
        })
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether something happened to the file since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for(watcher: &Watcher) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if watcher.take_changed() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn an_atomic_replace_of_the_file_is_noticed_and_a_neighbour_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        std::fs::write(&path, "one").unwrap();
        let woken = Arc::new(AtomicBool::new(false));
        let w = Arc::clone(&woken);
        let watcher = Watcher::new(&path, move || w.store(true, Ordering::SeqCst)).unwrap();
        // A neighbour written, the file read: nothing to look at.
        std::fs::write(dir.path().join("other.txt"), "x").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        std::thread::sleep(Duration::from_millis(300));
        assert!(!watcher.take_changed(), "a neighbour, a read are no change");
        // The file replaced as a save replaces it.
        super::super::write_atomically(&path, b"two", false).unwrap();
        assert!(wait_for(&watcher), "the replace was noticed");
        assert!(woken.load(Ordering::SeqCst), "the app was woken");
        assert_eq!(Fingerprint::of_file(&path), Some(Fingerprint::of(b"two")));
        assert_ne!(Fingerprint::of(b"one"), Fingerprint::of(b"two"));
        assert_eq!(Fingerprint::of_file(&dir.path().join("gone")), None);
        assert_eq!(Fingerprint::of_file(dir.path()), None, "a folder");
        assert!(format!("{watcher:?}").contains("p.klantreis.ron"));
    }
}
