//! Saving is atomic and keeps a backup; a failed save leaves the original byte-identical.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use klantreis::file;
use klantreis::model::MapKind;
use klantreis::templates;

fn project() -> klantreis::model::Project {
    templates::new_project(MapKind::CustomerJourney, klantreis::i18n::Language::Dutch)
}

#[test]
fn save_then_load_gives_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    let p = project();
    file::save(&p, &path).unwrap();
    assert_eq!(file::load(&path).unwrap().project, p);
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn the_backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    let mut p = project();
    file::save(&p, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    p.title = "Tweede versie".to_owned();
    file::save(&p, &path).unwrap();
    assert_eq!(std::fs::read(file::backup_path(&path)).unwrap(), first);
    assert_eq!(file::load(&path).unwrap().project.title, "Tweede versie");
}

#[test]
fn a_failed_save_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    file::save(&project(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    // The folder is gone: nothing can be written.
    let missing = dir.path().join("no-such-folder").join("p.klantreis.ron");
    let e = file::save(&project(), &missing).unwrap_err();
    assert!(e.to_string().contains("not changed"), "{e}");

    // The target is a folder, so the rename fails after the temporary file was written.
    let folder_target = dir.path().join("folder.klantreis.ron");
    std::fs::create_dir(&folder_target).unwrap();
    assert!(file::save(&project(), &folder_target).is_err());

    // An invalid project is refused before anything is written.
    let mut invalid = project();
    invalid.maps[0]
        .cards
        .push(klantreis::model::Card::default());
    let e = file::save(&invalid, &path).unwrap_err();
    assert!(e.to_string().contains("problem"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_instead_of_waiting_forever() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.klantreis.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (send, receive) = std::sync::mpsc::channel();
    let path = fifo.clone();
    // Opening a pipe blocks until someone writes to it: ask on a thread, wait a while.
    std::thread::spawn(move || send.send(file::load(&path).map(|_| ())));
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading a named pipe must not hang");
    let e = result.unwrap_err();
    assert!(e.to_string().contains("named pipe"), "{e}");
}

#[cfg(target_os = "linux")]
#[test]
fn what_a_killed_save_left_behind_is_removed_on_the_next_open_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.klantreis.ron");
    file::save(&project(), &path).unwrap();
    // No process has this id (Linux allows at most 2^22), so its save was killed half-way.
    let dead = u32::MAX - 7;
    let stale = [
        format!(".p.klantreis.ron.klantreis-save-{dead}-a1b2c3.tmp"),
        format!(".p.klantreis.ron.klantreis-backup-{dead}-d4e5f6.tmp"),
    ];
    // A save under way in this (running) process, and files that are not ours.
    let kept = [
        format!(
            ".p.klantreis.ron.klantreis-save-{}-g7h8i9.tmp",
            std::process::id()
        ),
        format!(".other.klantreis.ron.klantreis-save-{dead}-j0k1l2.tmp"),
        "notes.tmp".to_owned(),
    ];
    for name in stale.iter().chain(&kept) {
        std::fs::write(dir.path().join(name), b"half a project").unwrap();
    }
    file::load(&path).unwrap();
    for name in &stale {
        assert!(!dir.path().join(name).exists(), "{name} is stale");
    }
    for name in &kept {
        assert!(
            dir.path().join(name).exists(),
            "{name} is not ours to remove"
        );
    }
    // And a save cleans up too.
    std::fs::write(dir.path().join(&stale[0]), b"half").unwrap();
    file::save(&project(), &path).unwrap();
    assert!(!dir.path().join(&stale[0]).exists());
}
