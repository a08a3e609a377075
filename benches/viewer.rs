//! The HTML viewer's size and load time: the IKEA and water-damage examples exported as HTML
//! (the export's time, the file's size) and opened in headless chromium from a file path (the
//! time from the start of navigation to the viewer's `klantreis-ready` mark, the median of 5
//! loads in a fresh tab each).
//!
//! `cargo bench --bench viewer`; needs chromium and chromium-driver
//! (`scripts/browser-setup.sh`). Under `cargo test --all-targets` it runs once, as a check.

#![allow(clippy::unwrap_used, reason = "a benchmark fails loudly")]
#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

#[path = "../tests/browser/mod.rs"]
mod browser;

use std::path::Path;
use std::time::Instant;

use klantreis::export::{ExportOptions, Format};

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let rounds = if full { 5 } else { 1 };
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for name in ["ikea-winkelbezoek", "waterschade-claim"] {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(format!("{name}.klantreis.ron"));
        let project = klantreis::file::load(&file).unwrap().project;
        let options = ExportOptions {
            format: Format::Html,
            ..ExportOptions::default()
        };
        let start = Instant::now();
        let mut bytes = Vec::new();
        klantreis::export::export_map(&project, &project.maps[0], &options, &mut bytes).unwrap();
        let export_ms = start.elapsed().as_secs_f64() * 1000.0;
        let page = dir.path().join(format!("{name}.html"));
        std::fs::write(&page, &bytes).unwrap();
        pages.push((name, page, bytes.len(), export_ms));
    }
    let driver = browser::driver();
    browser::run(async {
        let client = browser::browser(&driver, dir.path()).await;
        for (name, page, size, export_ms) in &pages {
            let mut loads = Vec::new();
            for _ in 0..rounds {
                client.goto("about:blank").await.unwrap();
                client.goto(&browser::file_url(page)).await.unwrap();
                let ms = client
                    .execute(
                        "var m = performance.getEntriesByName('klantreis-ready'); \
                         return m.length ? m[0].startTime : -1;",
                        vec![],
                    )
                    .await
                    .unwrap()
                    .as_f64()
                    .unwrap();
                assert!(ms >= 0.0, "{name}: the viewer never became ready");
                loads.push(ms);
            }
            loads.sort_by(f64::total_cmp);
            let median = loads[loads.len() / 2];
            println!(
                "{name:<20} size {:>7.2} MB   export {export_ms:>6.0} ms   load median {median:>6.0} ms ({} loads)",
                *size as f64 / 1_048_576.0,
                loads.len()
            );
        }
        client.close().await.unwrap();
    });
}
