//! A merge never empties a project (issue 24): only the base may be an empty file (git's
//! add/add); an empty, special or unreadable *ours* or *theirs* is refused with exit 2 and
//! nothing is written, whatever the output is.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ikea-winkelbezoek.klantreis.ron")
}

fn merge(base: &Path, ours: &Path, theirs: &Path, out: &Path) -> (i32, String, String) {
    klantreis(&[
        "merge",
        base.to_str().unwrap(),
        ours.to_str().unwrap(),
        theirs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--name",
        "reis.klantreis.ron",
    ])
}

#[test]
fn an_empty_ours_or_theirs_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("leeg.klantreis.ron");
    std::fs::write(&empty, "").unwrap();
    let good = example();
    let out = dir.path().join("out.klantreis.ron");
    let precious = std::fs::read(&good).unwrap();
    for (ours, theirs, side) in [(&empty, &good, "ours"), (&good, &empty, "theirs")] {
        std::fs::write(&out, &precious).unwrap();
        let (code, stdout, stderr) = merge(&good, ours, theirs, &out);
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert!(stderr.contains(&format!("({side})")), "{stderr}");
        assert!(stderr.contains("is empty"), "{stderr}");
        assert!(stderr.contains("reis.klantreis.ron"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(std::fs::read(&out).unwrap(), precious);
    }
    // An empty base is git's add/add: both sides are whole, so the merge goes on.
    let (code, _, stderr) = merge(&empty, &good, &good, &out);
    assert_eq!(code, 0, "{stderr}");
    let merged = klantreis::file::load(&out).unwrap().project;
    assert!(!merged.maps.is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_as_a_side_is_refused_without_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.klantreis.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let good = example();
    let out = dir.path().join("out.klantreis.ron");
    for special in [fifo.as_path(), dir.path()] {
        for (base, ours, theirs) in [
            (special, good.as_path(), good.as_path()),
            (good.as_path(), special, good.as_path()),
            (good.as_path(), good.as_path(), special),
        ] {
            let (code, _, stderr) = merge(base, ours, theirs, &out);
            assert_eq!(code, 2, "{stderr}");
            assert!(stderr.contains("is not a regular file"), "{stderr}");
            assert!(!out.exists());
        }
    }
    // A side that is not there is named, in words rather than the system's number.
    let missing = dir.path().join("weg.klantreis.ron");
    let (code, _, stderr) = merge(&good, &missing, &good, &out);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no such file"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
}
