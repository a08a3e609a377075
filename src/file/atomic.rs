//! Atomic file replacement: the file on disk is either the old one or the new one, never half.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Where the previous version of `path` is kept: `<path>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `bytes` to `path` through a temporary file in the same folder: write, flush and sync,
/// (optionally copy the old file to `<path>.bak`), rename over the original, sync the folder.
///
/// On any error the original file is left byte-identical and the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    write_atomically_with(path, keep_backup, |file| file.write_all(bytes))
}

/// Why [`replace_with`] failed.
#[derive(Debug)]
pub enum ReplaceError<E> {
    /// What was to be written could not be made; the file was left alone.
    Produce(E),
    /// Writing, syncing or renaming failed; the file was left alone.
    Write(std::io::Error),
}

impl<E: From<std::io::Error>> ReplaceError<E> {
    /// One error, whichever side failed.
    pub fn flatten(self) -> E {
        match self {
            Self::Produce(e) => e,
            Self::Write(e) => E::from(e),
        }
    }
}

/// Replaces `path` (without a backup) with what `produce` writes, streamed through a buffer:
/// the file is the old one or the new one, never half of either. An error from `produce`
/// leaves `path` as it was. Exports save their bytes this way.
pub fn replace_with<T, E>(
    path: &Path,
    produce: impl FnOnce(&mut dyn std::io::Write) -> Result<T, E>,
) -> Result<T, ReplaceError<E>> {
    let mut produced = None;
    let written = write_atomically_with(path, false, |file| {
        let mut buffered = std::io::BufWriter::new(file);
        match produce(&mut buffered) {
            Ok(value) => {
                produced = Some(Ok(value));
                buffered.flush()
            }
            Err(e) => {
                produced = Some(Err(e));
                // Abandons the temporary file; the reason is in `produced`.
                Err(std::io::Error::other("the content could not be made"))
            }
        }
    });
    match (produced, written) {
        (Some(Err(e)), _) => Err(ReplaceError::Produce(e)),
        (_, Err(e)) => Err(ReplaceError::Write(e)),
        (Some(Ok(value)), Ok(())) => Ok(value),
        (None, Ok(())) => Err(ReplaceError::Write(std::io::Error::other(
            "nothing was written",
        ))),
    }
}

/// As [`write_atomically`], with the content written by `write`; an error from `write`
/// aborts the save. Tests use it to fail half-way through.
pub(crate) fn write_atomically_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, keep_backup, write, &Disk::REAL)
}

/// How a save reaches the disk: syncing a written file, and putting a finished temporary file
/// in the place of another (a rename). A seam, so tests can make either fail (as a full disk,
/// a failing device or a vanished folder would) even where they run as root.
pub(crate) struct Disk {
    pub sync: fn(&std::fs::File) -> std::io::Result<()>,
    pub persist: fn(tempfile::NamedTempFile, &Path) -> std::io::Result<()>,
}

impl Disk {
    /// The real disk.
    pub const REAL: Self = Self {
        sync: std::fs::File::sync_all,
        persist: |temp, to| temp.persist(to).map(drop).map_err(|e| e.error),
    };
}

/// Where a save to `path` really writes: through a symbolic link to the file it points at (the
/// link stays a link). A path that exists but is not a regular file (a folder, a named pipe, a
/// device) is refused: replacing it would destroy what it is.
pub fn save_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut target = path.to_path_buf();
    // Follow a chain of links, but not forever.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(meta) if meta.is_file() => return Ok(target),
            Ok(meta) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("it is {}, not a regular file", kind_of(&meta)),
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        "it is a loop of symbolic links",
    ))
}

/// Whether `a` and `b` name the same existing file, however spelled: through `..`, another
/// link, or a hard link. An export must never be written over the project it comes from.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        // Without inode numbers: the same size and time, and both paths resolving alike.
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// What kind of thing, other than a regular file, `meta` describes ("a folder").
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// The one way a file is replaced: write a temporary file in the same folder, flush and sync
/// it; keep a copy of the old file ready; `persist` the new one over the old; only then does
/// the copy become `<path>.bak` (so a failed save leaves the last good backup); sync the folder.
pub(crate) fn replace(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    disk: &Disk,
) -> std::io::Result<()> {
    let path = &save_target(path)?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    clean_stale_temporaries(path);
    let save_prefix = temporary_prefix(path, "save");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&save_prefix).suffix(TEMP_SUFFIX);
    // A temporary file is private (0600); the saved file keeps the permissions of the one it
    // replaces, or gets the usual ones for a document.
    if let Some(permissions) = permissions_for(path) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(&folder)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    (disk.sync)(temp.as_file())?;
    let backup = if keep_backup && path.is_file() {
        // Written aside now, put in place only once the save has succeeded, atomically too,
        // so a crash at any moment leaves a whole backup.
        let old = std::fs::read(path)?;
        let backup_prefix = temporary_prefix(path, "backup");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&backup_prefix).suffix(TEMP_SUFFIX);
        if let Some(permissions) = permissions_for(path) {
            builder.permissions(permissions);
        }
        let mut backup = builder.tempfile_in(&folder)?;
        backup.as_file_mut().write_all(&old)?;
        (disk.sync)(backup.as_file())?;
        Some(backup)
    } else {
        None
    };
    (disk.persist)(temp, path)?;
    if let Some(backup) = backup {
        // The save itself is done; a backup that cannot be renamed keeps the older one.
        if let Err(e) = (disk.persist)(backup, &backup_path(path)) {
            log::warn!("the backup could not be updated ({e}): {}", path.display());
        }
    }
    sync_folder(&folder);
    Ok(())
}

/// How the temporary files of a save end.
const TEMP_SUFFIX: &str = ".tmp";

/// The start of the name of a temporary file written while saving `path`:
/// `.<file name>.klantreis-<what>-<process id>-`, so it is known whose it is and for which file.
fn temporary_prefix(path: &Path, what: &str) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!(".{name}.klantreis-{what}-{}-", std::process::id())
}

/// Whether the process `pid` still runs. Where that cannot be told, it is taken to run.
pub(crate) fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Removes what saves of `path` that were killed half-way left beside it: temporary files
/// of this file whose process no longer runs. Called before every save and on every open.
pub fn clean_stale_temporaries(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let start = format!(".{name}.klantreis-");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name
            .strip_prefix(&start)
            .and_then(|r| r.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        // "save-<pid>-<random>" or "backup-<pid>-<random>".
        let mut parts = rest.splitn(3, '-');
        let (Some("save" | "backup"), Some(pid)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if !process_runs(pid) && entry.file_type().is_ok_and(|t| t.is_file()) {
            // Best effort: a temporary file that cannot be removed is left as it is.
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

/// The permissions a file saved at `path` should have.
#[cfg_attr(
    unix,
    expect(
        clippy::unnecessary_wraps,
        reason = "other platforms have no mode to give"
    )
)]
fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(meta) = std::fs::metadata(path) {
        return Some(meta.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Makes the rename durable. Not every platform can open a folder; there it is skipped.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = std::fs::File::open(folder) {
        // A failed folder sync does not undo the rename; the data itself is already synced.
        dir.sync_all().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disk whose renames fail, as on a full disk or a folder that vanished.
    const FAILING_RENAME: Disk = Disk {
        persist: |_, _| {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left",
            ))
        },
        ..Disk::REAL
    };

    /// A disk whose syncs fail, as a failing device does.
    const FAILING_SYNC: Disk = Disk {
        sync: |_| Err(std::io::Error::other("input/output error")),
        ..Disk::REAL
    };

    /// A disk that refuses to move a temporary file from another folder (a rename across
    /// file systems fails so): the temporary must be written beside the file it replaces.
    const ONLY_BESIDE: Disk = Disk {
        persist: |temp, to| {
            if temp.path().parent() != to.parent() {
                return Err(std::io::Error::other(
                    "the temporary file is in another folder",
                ));
            }
            // Named so the next open knows whose it is, should this process die now.
            let name = temp
                .path()
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            let expected = format!(".p.klantreis.ron.klantreis-save-{}-", std::process::id());
            if !(name.starts_with(&expected) && name.ends_with(TEMP_SUFFIX)) {
                return Err(std::io::Error::other(format!(
                    "the temporary file is {name}"
                )));
            }
            (Disk::REAL.persist)(temp, to)
        },
        ..Disk::REAL
    };

    #[test]
    fn the_temporary_file_is_written_beside_the_file_it_replaces_under_a_known_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        replace(&path, true, |f| f.write_all(b"first"), &ONLY_BESIDE).unwrap();
        replace(&path, true, |f| f.write_all(b"second"), &ONLY_BESIDE).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
    }

    #[cfg(unix)]
    #[test]
    fn what_cannot_be_saved_to_is_named_before_anything_is_written() {
        let e = save_target(Path::new("/dev/null")).unwrap_err();
        assert!(e.to_string().contains("a device"), "{e}");
        // A path that runs through a file: refused at once, not taken for a new file.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.klantreis.ron");
        std::fs::write(&file, b"x").unwrap();
        assert!(save_target(&file.join("inside.pdf")).is_err());
        // A path that does not exist yet is where a new file goes.
        let new = dir.path().join("new-export.pdf");
        assert_eq!(save_target(&new).unwrap(), new);
    }

    #[test]
    fn a_failed_sync_keeps_the_file_and_its_backup_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        write_atomically(&path, b"first", true).unwrap();
        write_atomically(&path, b"second", true).unwrap();
        let e = replace(&path, true, |f| f.write_all(b"third"), &FAILING_SYNC).unwrap_err();
        assert!(e.to_string().contains("input/output"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_failed_rename_keeps_the_file_and_its_last_good_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        write_atomically(&path, b"first", true).unwrap();
        write_atomically(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
        let result = replace(&path, true, |f| f.write_all(b"third"), &FAILING_RENAME);
        assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        // The backup still holds the last good version before it, not a copy of the file.
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
        // No temporary file is left: the file and its backup only.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_save_through_a_link_replaces_what_it_points_at_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real").join("p.klantreis.ron");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.klantreis.ron");
        std::os::unix::fs::symlink("real/p.klantreis.ron", &link).unwrap();
        write_atomically(&link, b"new", true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read(backup_path(&target)).unwrap(), b"old");
    }

    #[cfg(unix)]
    #[test]
    fn what_is_not_a_regular_file_is_never_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("socket.pdf");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let e = write_atomically(&socket, b"pdf", false).unwrap_err();
        assert!(e.to_string().contains("a socket"), "{e}");
        assert!(
            std::fs::symlink_metadata(&socket)
                .unwrap()
                .file_type()
                .is_socket()
        );
        let folder = dir.path().join("folder.pdf");
        std::fs::create_dir(&folder).unwrap();
        let e = write_atomically(&folder, b"pdf", false).unwrap_err();
        assert!(e.to_string().contains("a folder"), "{e}");
        // Nothing was left behind by either attempt.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_write_failing_half_way_leaves_the_original_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        std::fs::write(&path, b"original").unwrap();
        let result = write_atomically_with(&path, true, |file| {
            file.write_all(b"half of the new")?;
            // As when the disk fills up in the middle of a save.
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left",
            ))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"original");
        assert!(!backup_path(&path).exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_get_document_permissions_and_keep_existing_ones() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.klantreis.ron");
        write_atomically(&path, b"one", true).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"two", true).unwrap();
        assert_eq!(mode(&path), 0o640);
        assert_eq!(mode(&backup_path(&path)), 0o640);
    }

    #[test]
    fn a_relative_path_without_folder_works() {
        assert_eq!(
            backup_path(Path::new("a.klantreis.ron")),
            PathBuf::from("a.klantreis.ron.bak")
        );
    }
}
