//! Crash safety: a child process saves two large projects alternately over one file while this
//! test kills it with SIGKILL at random moments. After every kill the file is one of the two
//! versions, whole, and the next open leaves no temporary file behind.
//!
//! A handful of kills always run; `cargo test --test crash -- --ignored` runs a few hundred
//! (`.ci/run` does).

#![cfg(unix)]
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use klantreis::file;
use klantreis::model::Project;
use klantreis::sample::{Spec, generate};

/// Where the child saves, when this test binary runs as the child.
const CHILD_ENV: &str = "KLANTREIS_CRASH_CHILD_FILE";

fn versions() -> (Project, Project) {
    let spec = Spec {
        stages: 12,
        lanes: 8,
        cards: 600,
        seed: 7,
    };
    let a = generate(&spec);
    let mut b = a.clone();
    b.title = format!("{} (tweede versie)", a.title);
    (a, b)
}

/// The child: saves the two versions in turn until it is killed.
#[test]
#[ignore = "run by the crash tests as their child process"]
fn child_saves_forever() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (a, b) = versions();
    loop {
        for p in [&a, &b] {
            file::save(p, Path::new(&path)).unwrap();
        }
    }
}

fn spawn_child(path: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["child_saves_forever", "--exact", "--ignored", "--nocapture"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn kill_during_saves(rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("p.klantreis.ron");
    let (a, b) = versions();
    file::save(&a, &path).unwrap();
    let mut rng = fastrand::Rng::with_seed(rounds as u64);
    for round in 0..rounds {
        let mut child = spawn_child(&path);
        // Long enough to start and be in the middle of some save.
        std::thread::sleep(Duration::from_millis(150 + rng.u64(0..400)));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = file::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not open: {e}"))
            .project;
        assert!(
            loaded == a || loaded == b,
            "round {round}: the file is neither version"
        );
        // Opening it removed what the killed save left behind.
        let litter: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.to_ascii_lowercase().ends_with(".tmp"))
            .collect();
        assert!(litter.is_empty(), "round {round}: {litter:?}");
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_one_whole_version() {
    kill_during_saves(4);
}

#[test]
#[ignore = "a few hundred kills: slow, run by .ci/run"]
fn a_save_killed_at_any_moment_leaves_one_whole_version_many_times() {
    kill_during_saves(200);
}
