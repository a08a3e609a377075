#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
//! The poster is the screen: the PNG export of an example map at 100 % matches the canvas
//! drawing of the same map, pixel block by pixel block, within a small tolerance (the two
//! rasterisers smooth edges and glyphs a little differently; a moved line or a different line
//! break would not pass).

mod support;

use std::path::Path;

use egui::emath::TSTransform;
use egui_kittest::Harness;
use klantreis::export::paper::PT_PER_MM;
use klantreis::export::{ExportOptions, Format, Orientation, PageSetup, PaperSize, Scale};

/// Mean of each `block` × `block` square's channels.
fn blocks(image: &image::RgbaImage, block: u32) -> Vec<[f32; 3]> {
    let (w, h) = (image.width() / block, image.height() / block);
    let mut out = Vec::with_capacity((w * h) as usize);
    for by in 0..h {
        for bx in 0..w {
            let mut sum = [0.0_f32; 3];
            for y in 0..block {
                for x in 0..block {
                    let p = image.get_pixel(bx * block + x, by * block + y).0;
                    for c in 0..3 {
                        sum[c] += f32::from(p[c]);
                    }
                }
            }
            let n = (block * block) as f32;
            out.push([sum[0] / n, sum[1] / n, sum[2] / n]);
        }
    }
    out
}

#[test]
fn the_png_export_at_100_percent_matches_the_canvas() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/library-reservation.klantreis.ron");
    let project = klantreis::file::load(&path).unwrap().project;
    let map = project.maps[0].clone();
    let mut text = klantreis::layout::TextMeasurer::new();
    let prepared = klantreis::export::prepare(
        &project,
        &map,
        &klantreis::analysis::analyse(&project, &map),
        &mut text,
    );
    let size = prepared.scene.size;
    let (w, h) = (size.x.round() as u32, size.y.round() as u32);

    // The canvas: the scene painted at 1 point per pixel.
    let scene = prepared.scene.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(w as f32, h as f32))
        .wgpu_setup(support::software_gl())
        .build_ui(move |ui| {
            ui.ctx().set_fonts(klantreis::fonts::definitions());
            let rect = ui.max_rect();
            klantreis::ui::paint_scene(ui.painter(), &scene, TSTransform::IDENTITY, rect);
        });
    harness.run();
    let canvas = harness.render().unwrap();

    // The export: a page exactly the map's size, no margin or title block, 72 dpi, scale 1.
    let dir = tempfile::tempdir().unwrap();
    let png_path = dir.path().join("map.png");
    let options = ExportOptions {
        format: Format::Png,
        setup: PageSetup {
            paper: PaperSize::Custom {
                width_mm: size.x / PT_PER_MM,
                height_mm: size.y / PT_PER_MM,
            },
            orientation: if size.x >= size.y {
                Orientation::Landscape
            } else {
                Orientation::Portrait
            },
            margin_mm: 0.0,
            scale: Scale::Fixed(1.0),
            title_block: false,
        },
        dpi: 72.0,
        tiling: None,
        all_maps: false,
        subject: klantreis::export::Subject::Map,
        quotes: klantreis::export::Quotes::Full,
        excel: None,
        owner: None,
        lens: None,
        comments: false,
    };
    klantreis::file::replace_with(&png_path, |out| {
        klantreis::export::export_map(&project, &map, &options, out)
    })
    .unwrap();
    let exported = image::open(&png_path).unwrap().to_rgba8();
    let (cw, ch) = (
        canvas.width().min(exported.width()),
        canvas.height().min(exported.height()),
    );
    assert!(
        cw.abs_diff(w) <= 2 && ch.abs_diff(h) <= 2,
        "{w}x{h} vs {cw}x{ch}"
    );
    let crop = |img: &image::RgbaImage| image::imageops::crop_imm(img, 0, 0, cw, ch).to_image();
    let (canvas, exported) = (crop(&canvas), crop(&exported));
    if let Ok(out) = std::env::var("KLANTREIS_FIDELITY_OUT") {
        canvas.save(Path::new(&out).join("canvas.png")).unwrap();
        exported.save(Path::new(&out).join("export.png")).unwrap();
    }

    // 8 x 8 blocks: text and lines in the same place give the same block averages.
    let (a, b) = (blocks(&canvas, 8), blocks(&exported, 8));
    let diffs: Vec<f32> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (0..3).map(|c| (x[c] - y[c]).abs()).fold(0.0, f32::max))
        .collect();
    let mean = diffs.iter().sum::<f32>() / diffs.len() as f32;
    let far = diffs.iter().filter(|d| **d > 48.0).count() as f32 / diffs.len() as f32;
    assert!(mean < 6.0, "mean block difference {mean:.2}");
    assert!(far < 0.01, "{:.2} % of blocks differ a lot", far * 100.0);
}
