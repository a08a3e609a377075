//! Export speed and memory on the generated 1 000-card map: PDF (A0) and PNG (A0, 150 dpi),
//! and, in the same run, `rsvg-convert` turning the exported SVG into the same outputs.
//!
//! ```text
//! cargo bench --bench export
//! ```
//!
//! Peak memory is the process's peak resident size during each export (Linux: reset through
//! `/proc/self/clear_refs`, read from `VmHWM`); for `rsvg-convert` it is measured by
//! `/usr/bin/time` when that is installed. Both tools are optional: without them the run says
//! so and measures Klantreis alone.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use klantreis::export::{ExportOptions, Format, PageSetup, PaperSize, export_map};
use klantreis::file::replace_with;
use klantreis::sample::{Spec, generate};

fn peak_rss_reset() {
    // Writing 5 resets the peak resident set size (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.0} MB"))
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Runs `rsvg-convert args`, under `/usr/bin/time -f %M` when available; returns the time and
/// the peak memory.
fn rsvg(args: &[&str]) -> Option<(Duration, Option<f64>)> {
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", "rsvg-convert"]);
        c
    } else {
        Command::new("rsvg-convert")
    };
    let start = Instant::now();
    let output = command.args(args).output().ok()?;
    let elapsed = start.elapsed();
    if !output.status.success() {
        println!(
            "rsvg-convert failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
        return None;
    }
    let memory = timed
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
        })
        .flatten();
    Some((elapsed, memory))
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let cards = if full { 1000 } else { 50 };
    let project = generate(&Spec {
        stages: 20,
        lanes: 10,
        cards,
        seed: 1,
    });
    let map = &project.maps[0];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let a0 = PageSetup {
        paper: PaperSize::A0,
        ..PageSetup::default()
    };
    println!("Klantreis export benchmark: 20 stages x 10 lanes, {cards} cards, A0 landscape");

    let run = |format, dpi, name: &str| {
        let path = dir.path().join(name);
        let options = ExportOptions {
            format,
            setup: a0,
            dpi,
            tiling: None,
            all_maps: false,
            subject: klantreis::export::Subject::Map,
            quotes: klantreis::export::Quotes::Full,
        };
        peak_rss_reset();
        let start = Instant::now();
        let written = replace_with(&path, |out| export_map(&project, map, &options, out))
            .expect("the export works");
        let elapsed = start.elapsed();
        (path, elapsed, peak_rss_mb(), written)
    };
    let (_, pdf_time, pdf_mem, _) = run(Format::Pdf, 150.0, "map.pdf");
    println!(
        "klantreis  PDF A0             {:>8}   peak memory {}",
        secs(pdf_time),
        mb(pdf_mem)
    );
    // Under `cargo test` a quick smoke run: fewer cards, screen resolution.
    let dpi = if full { 150.0 } else { 72.0 };
    let (_, png_time, png_mem, written) = run(Format::Png, dpi, "map.png");
    let (w, h) = written.pixels.unwrap_or_default();
    println!(
        "klantreis  PNG A0 {dpi} dpi      {:>8}   peak memory {}   ({w} x {h} px)",
        secs(png_time),
        mb(png_mem)
    );
    let (svg, svg_time, _, _) = run(Format::Svg, 150.0, "map.svg");
    println!("klantreis  SVG A0             {:>8}", secs(svg_time));

    let svg = svg.to_string_lossy().into_owned();
    let out_pdf = dir.path().join("rsvg.pdf").to_string_lossy().into_owned();
    let out_png = dir.path().join("rsvg.png").to_string_lossy().into_owned();
    match rsvg(&["-f", "pdf", "-o", &out_pdf, &svg]) {
        Some((t, m)) => println!(
            "rsvg-convert PDF A0 (from the SVG) {:>8}   peak memory {}",
            secs(t),
            mb(m)
        ),
        None => println!("rsvg-convert not available: skipped"),
    }
    if let Some((t, m)) = rsvg(&[
        "-f", "png", "--dpi-x", "150", "--dpi-y", "150", "-o", &out_png, &svg,
    ]) {
        println!(
            "rsvg-convert PNG A0 150 dpi (from the SVG) {:>8}   peak memory {}",
            secs(t),
            mb(m)
        );
    }
}
