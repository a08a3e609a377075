//! Export speed and memory on the generated 1 000-card map, A0 landscape: Klantreis and its
//! peers timed the same way, as whole processes, in pairs within one run.
//!
//! ```text
//! cargo bench --bench export
//! ```
//!
//! Each round runs `klantreis export` (the release binary) for a PDF and for a PNG at 150 dpi,
//! and right after it `rsvg-convert` (and Inkscape, where installed) turning Klantreis's own
//! SVG of the same map into the same output. The peers see the same font: a fontconfig file
//! (`FONTCONFIG_FILE`) adds the shipped Inter to the system's fonts. Five rounds; the medians
//! are reported with the ratio to the peer, and each process's peak resident memory as
//! `/usr/bin/time -f %M` reports it. Without the peers the run says so and times Klantreis
//! alone. Under `cargo test` this runs once on a small map as a smoke test.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use klantreis::sample::{Spec, generate};

/// A whole process, timed, with its peak memory (MB) when `/usr/bin/time` is there.
fn timed(program: &str, args: &[&str], fonts: &Path) -> Option<(Duration, Option<f64>)> {
    let time = Path::new("/usr/bin/time").exists();
    let mut command = if time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", program]);
        c
    } else {
        Command::new(program)
    };
    command.args(args).env("FONTCONFIG_FILE", fonts);
    let start = Instant::now();
    let output = command.output().ok()?;
    let elapsed = start.elapsed();
    if !output.status.success() {
        println!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
        return None;
    }
    let peak = time
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
        })
        .flatten()
        .map(|kb| kb / 1024.0);
    Some((elapsed, peak))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak(v: &[Option<f64>]) -> String {
    v.iter()
        .flatten()
        .copied()
        .reduce(f64::max)
        .map_or_else(|| "n/a".to_owned(), |m| format!("{m:.0} MB"))
}

fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// One output made by each tool, `rounds` times in pairs.
struct Race<'a> {
    name: &'a str,
    klantreis: Vec<String>,
    /// The peers: program and arguments.
    peers: Vec<(&'a str, Vec<String>)>,
}

fn race(race: &Race<'_>, rounds: usize, fonts: &Path) {
    let bin = env!("CARGO_BIN_EXE_klantreis");
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let mut ours = (Vec::new(), Vec::new());
    let mut theirs: Vec<(Vec<Duration>, Vec<Option<f64>>)> =
        vec![(Vec::new(), Vec::new()); race.peers.len()];
    for _ in 0..rounds {
        let Some((t, m)) = timed(bin, &args(&race.klantreis), fonts) else {
            return;
        };
        ours.0.push(t);
        ours.1.push(m);
        for (i, (program, peer_args)) in race.peers.iter().enumerate() {
            if let Some((t, m)) = timed(program, &args(peer_args), fonts) {
                theirs[i].0.push(t);
                theirs[i].1.push(m);
            }
        }
    }
    let own = median(ours.0);
    // Fixed columns: `scripts/perf-table.sh` reads them.
    println!(
        "{:<34} klantreis    median {:>7.2} s   peak {}",
        race.name,
        own.as_secs_f64(),
        peak(&ours.1)
    );
    for ((program, _), (times, peaks)) in race.peers.iter().zip(theirs) {
        if times.is_empty() {
            continue;
        }
        let other = median(times);
        println!(
            "{:<34} {:<12} median {:>7.2} s   peak {}   klantreis takes {:.2}x its time",
            race.name,
            program,
            other.as_secs_f64(),
            peak(&peaks),
            own.as_secs_f64() / other.as_secs_f64()
        );
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (cards, rounds, dpi) = if full {
        (1000, 5, "150")
    } else {
        (50, 1, "72")
    };
    let project = generate(&Spec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let file = path("big.klantreis.ron");
    klantreis::file::save(&project, Path::new(&file)).expect("the map saves");
    // The shipped Inter for the peers, beside the system's fonts.
    let fonts = dir.path().join("fonts.conf");
    std::fs::write(
        &fonts,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n  \
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n  <dir>{}</dir>\n  \
             <cachedir>{}</cachedir>\n</fontconfig>\n",
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/fonts")
                .display(),
            dir.path().join("fontcache").display()
        ),
    )
    .expect("the font configuration is written");
    let svg = path("map.svg");
    let made = timed(
        env!("CARGO_BIN_EXE_klantreis"),
        &[
            "export", &file, "--format", "svg", "--paper", "A0", "-o", &svg,
        ],
        &fonts,
    );
    assert!(made.is_some(), "the SVG for the peers is made");
    println!(
        "Klantreis export benchmark: 20 stages x 10 lanes, {cards} cards, A0 landscape, {rounds} rounds, whole processes ({} cores)",
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    );
    let rsvg = installed("rsvg-convert");
    let inkscape = installed("inkscape");
    if !rsvg {
        println!("rsvg-convert is not installed: Klantreis is timed alone");
    }
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut pdf_peers = Vec::new();
    let mut png_peers = Vec::new();
    if rsvg {
        pdf_peers.push((
            "rsvg-convert",
            owned(&["-f", "pdf", "-o", &path("rsvg.pdf"), &svg]),
        ));
        png_peers.push((
            "rsvg-convert",
            owned(&[
                "-f",
                "png",
                "--dpi-x",
                dpi,
                "--dpi-y",
                dpi,
                "-o",
                &path("rsvg.png"),
                &svg,
            ]),
        ));
    }
    if inkscape {
        pdf_peers.push((
            "inkscape",
            owned(&[&svg, "--export-type=pdf", "-o", &path("inkscape.pdf")]),
        ));
        png_peers.push((
            "inkscape",
            owned(&[
                &svg,
                "--export-type=png",
                &format!("--export-dpi={dpi}"),
                "-o",
                &path("inkscape.png"),
            ]),
        ));
    }
    race(
        &Race {
            name: "PDF A0",
            klantreis: owned(&[
                "export",
                &file,
                "--format",
                "pdf",
                "--paper",
                "A0",
                "-o",
                &path("map.pdf"),
            ]),
            peers: pdf_peers,
        },
        rounds,
        &fonts,
    );
    race(
        &Race {
            name: &format!("PNG A0 {dpi} dpi"),
            klantreis: owned(&[
                "export",
                &file,
                "--format",
                "png",
                "--paper",
                "A0",
                "--dpi",
                dpi,
                "-o",
                &path("map.png"),
            ]),
            peers: png_peers,
        },
        rounds,
        &fonts,
    );
}
