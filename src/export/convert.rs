//! Pages to pixels: the PNG export (tiny-skia, straight from the scene, in strips on every
//! core) and the export dialog's small preview, drawn the same way.

use super::{ExportError, MAX_PNG_PIXELS, raster, svg};
use crate::render::Scene;

/// A small picture of `page`, at most `max` pixels wide or high, drawn as the PNG export
/// draws it: premultiplied RGBA and its size.
pub(super) fn thumbnail(
    page: &Scene,
    baselines: svg::Baselines,
    max: f32,
) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let scale = (max / page.size.x).min(max / page.size.y);
    let (w, h) = (
        (page.size.x * scale).round().max(1.0) as u32,
        (page.size.y * scale).round().max(1.0) as u32,
    );
    let shared = raster::Shared::new(baselines)?;
    Ok((w, h, raster::strip(&shared, page, scale, (w, 0, h))?.take()))
}

/// The size in pixels of a PNG of a page `size` points large at `dpi`, or why it cannot be
/// made (more pixels than a PNG export may have).
pub fn png_size(size: epaint::Vec2, dpi: f32) -> Result<(u32, u32), ExportError> {
    let scale = dpi / 72.0;
    let width = (size.x * scale).round().max(1.0) as u64;
    let height = (size.y * scale).round().max(1.0) as u64;
    // Both sides are at least 1, so neither is larger than the product, which is at most
    // MAX_PNG_PIXELS (less than u32::MAX); an absurd size saturates instead of overflowing.
    if width.saturating_mul(height) > MAX_PNG_PIXELS {
        return Err(ExportError::TooLarge {
            width,
            height,
            max: MAX_PNG_PIXELS,
        });
    }
    Ok((width as u32, height as u32))
}

/// Renders `page` to a PNG at `dpi`, in horizontal strips drawn on every core and streamed
/// to `out` in order: neither the whole image nor the whole drawing is ever held in memory
/// (a few strips at a time).
pub fn png_from_scene(
    page: &Scene,
    baselines: svg::Baselines,
    dpi: f32,
    out: &mut dyn std::io::Write,
) -> Result<(u32, u32), ExportError> {
    use rayon::prelude::*;

    let shared = raster::Shared::new(baselines)?;
    let scale = dpi / 72.0;
    let (width, height) = png_size(page.size, dpi)?;
    let convert = |e: &dyn std::fmt::Display| ExportError::Convert(e.to_string());
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // Points per metre for the DPI, so print programs size the image right.
    let ppm = (dpi / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(|e| convert(&e))?;
    let mut stream = writer.stream_writer().map_err(|e| convert(&e))?;
    // About 2 MB of pixels per strip, a few strips per core at a time.
    let rows = ((500_000 / u64::from(width)).clamp(8, 1024) as u32).min(height);
    let strips: Vec<(u32, u32)> = (0..height)
        .step_by(rows as usize)
        .map(|top| (top, rows.min(height - top)))
        .collect();
    let batch = rayon::current_num_threads().max(1) * 2;
    for group in strips.chunks(batch) {
        let drawn: Vec<Vec<u8>> = group
            .par_iter()
            .map(|&(top, rows)| {
                raster::strip(&shared, page, scale, (width, top, rows)).map(straight_alpha)
            })
            .collect::<Result<_, _>>()?;
        for data in drawn {
            std::io::Write::write_all(&mut stream, &data).map_err(|e| convert(&e))?;
        }
    }
    stream.finish().map_err(|e| convert(&e))?;
    Ok((width, height))
}

/// A strip's pixels with straight alpha, as PNG wants them (tiny-skia keeps them
/// premultiplied).
fn straight_alpha(pixmap: tiny_skia::Pixmap) -> Vec<u8> {
    let mut data = pixmap.take();
    for px in data.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::{Rect, pos2};

    /// A page `w` × `h` points large, filled red.
    fn red_page(w: f32, h: f32) -> Scene {
        Scene {
            size: epaint::vec2(w, h),
            background: epaint::Color32::RED,
            shapes: Vec::new(),
        }
    }

    #[test]
    fn a_thumbnail_fits_its_longer_side_into_the_box_and_shows_the_page() {
        let baselines = svg::Baselines::measure();
        let (w, h, pixels) = thumbnail(&red_page(200.0, 100.0), baselines, 50.0).unwrap();
        assert_eq!((w, h), (50, 25));
        assert_eq!(pixels.len(), 50 * 25 * 4);
        assert_eq!(pixels[..4], [255, 0, 0, 255]);
        let (w, h, _) = thumbnail(&red_page(100.0, 400.0), baselines, 40.0).unwrap();
        assert_eq!((w, h), (10, 40));
    }

    #[test]
    fn a_png_is_sized_by_its_resolution_and_refused_past_the_pixel_limit() {
        // 72 dpi is a pixel per point; 150 dpi is 150/72 of that.
        assert_eq!(
            png_size(epaint::vec2(100.0, 50.0), 72.0).unwrap(),
            (100, 50)
        );
        assert_eq!(
            png_size(epaint::vec2(72.0, 144.0), 150.0).unwrap(),
            (150, 300)
        );
        // A hundred thousand points square is 10¹⁰ pixels.
        let too_large = png_size(epaint::vec2(100_000.0, 100_000.0), 72.0).unwrap_err();
        assert!(matches!(
            too_large,
            ExportError::TooLarge {
                width: 100_000,
                height: 100_000,
                ..
            }
        ));
        // Exactly the limit (600 million pixels) is allowed; a row more is not.
        assert!(png_size(epaint::vec2(20_000.0, 30_000.0), 72.0).is_ok());
        assert!(png_size(epaint::vec2(20_000.0, 30_001.0), 72.0).is_err());
        // Sizes past any paper are refused, not overflowed.
        assert!(png_size(epaint::vec2(1e30, 1e30), 600.0).is_err());
        assert!(png_size(epaint::vec2(1e12, 1.0), 72.0).is_err());
    }

    fn rect(x: f32, y: f32, w: f32, h: f32, fill: epaint::Color32) -> crate::render::Shape {
        crate::render::Shape::Rect {
            rect: Rect::from_min_size(pos2(x, y), epaint::vec2(w, h)),
            radius: 0.0,
            fill: Some(fill),
            stroke: None,
        }
    }

    fn png_of(scene: &Scene, dpi: f32) -> (png::Info<'static>, Vec<u8>) {
        let mut text = crate::layout::TextMeasurer::new();
        let baselines = svg::Baselines::measure_with(&mut text);
        let mut bytes = Vec::new();
        png_from_scene(scene, baselines, dpi, &mut bytes).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        (reader.info().clone(), pixels)
    }

    #[test]
    fn shapes_on_the_edges_of_the_page_and_of_every_strip_are_drawn() {
        // 1,000 × 5,000 points at 72 dpi: ten strips of 500 rows. A bar 0.9 points
        // tall inside every row, down both edges and the middle, so some lie wholly in the
        // first or last point of a strip, or of the page. (A strip that converts more shapes
        // than it needs draws the same pixels; only one that leaves a shape out is wrong.)
        let (w, h) = (1000.0, 5000.0);
        let black = epaint::Color32::BLACK;
        let mut shapes = Vec::new();
        for y in 0..5000_u16 {
            for x in [0.0, 500.0, w - 0.9] {
                shapes.push(rect(x, f32::from(y) + 0.05, 0.9, 0.9, black));
            }
        }
        let scene = Scene {
            size: epaint::vec2(w, h),
            background: epaint::Color32::WHITE,
            shapes,
        };
        let (info, pixels) = png_of(&scene, 72.0);
        assert_eq!((info.width, info.height), (1000, 5000));
        // Every bar darkens the pixel it lies on; a bar a strip left out stays white.
        let dark = |x: u32, y: u32| pixels[((y * 1000 + x) * 4) as usize] < 128;
        let missing: Vec<(u32, u32)> = (0..5000)
            .flat_map(|y| [(0, y), (500, y), (999, y)])
            .filter(|&(x, y)| !dark(x, y))
            .collect();
        assert!(
            missing.is_empty(),
            "bars not drawn: {:?}",
            &missing[..missing.len().min(10)]
        );
    }

    #[test]
    fn a_png_says_its_resolution_and_keeps_transparency_straight() {
        let scene = Scene {
            size: epaint::vec2(72.0, 72.0),
            background: epaint::Color32::TRANSPARENT,
            // The left half translucent, the right half not drawn at all.
            shapes: vec![rect(
                0.0,
                0.0,
                36.0,
                72.0,
                epaint::Color32::from_rgba_unmultiplied(200, 100, 50, 128),
            )],
        };
        let (info, pixels) = png_of(&scene, 150.0);
        let dims = info.pixel_dims.unwrap();
        // 150 dots per inch are 5,906 per metre.
        assert_eq!(
            (dims.xppu, dims.yppu, dims.unit),
            (5906, 5906, png::Unit::Meter)
        );
        // The colour as drawn, not multiplied by its alpha.
        let px = &pixels[..4];
        assert!(px[3].abs_diff(128) <= 1, "{px:?}");
        for (got, want) in px[..3].iter().zip([200, 100, 50]) {
            assert!(got.abs_diff(want) <= 1, "{px:?}");
        }
        let right = &pixels[pixels.len() - 4..];
        assert_eq!(right, [0, 0, 0, 0]);
    }

    /// The example with a persona photo on A3 at 100 dpi: the PNG's strips against the page
    /// drawn as one strip.
    #[test]
    fn a_page_drawn_in_strips_is_the_page_drawn_whole() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/ikea-winkelbezoek.klantreis.ron"
        );
        let project = crate::file::load(std::path::Path::new(path))
            .unwrap()
            .project;
        let map = &project.maps[0];
        let mut text = crate::layout::TextMeasurer::new();
        let analysis = crate::analysis::analyse(&project, map);
        let prepared = super::super::prepare(&project, map, &analysis, &mut text);
        let setup = crate::layout::paper::PageSetup {
            paper: crate::layout::paper::PaperSize::A3,
            ..crate::layout::paper::PageSetup::default()
        };
        let (page, _) = prepared.page(&setup, &mut text);
        let baselines = svg::Baselines::measure_with(&mut text);
        // 100 dpi on A3: 1654 pixels wide, strips of 302 rows, four of them.
        let (info, strips) = png_of(&page, 100.0);
        let (w, h) = (info.width, info.height);
        assert_eq!((w, h), (1654, 1169));
        let shared = raster::Shared::new(baselines).unwrap();
        let whole = straight_alpha(raster::strip(&shared, &page, 100.0 / 72.0, (w, 0, h)).unwrap());
        let differences: Vec<u8> = whole
            .chunks_exact(4)
            .zip(strips.chunks_exact(4))
            .map(|(a, b)| {
                a.iter()
                    .zip(b)
                    .map(|(x, y)| x.abs_diff(*y))
                    .max()
                    .unwrap_or(0)
            })
            .filter(|d| *d > 2)
            .collect();
        // Where a strip cuts through an antialiased edge, or its coordinates are rounded
        // differently, a pixel comes out up to a fifth of a shade apart (163 pixels of 1.9
        // million, at most 46 apart); a shape missing from a strip leaves pixels wholly wrong.
        let worst = differences.iter().copied().max().unwrap_or(0);
        assert!(
            differences.len() < 400 && worst <= 64,
            "{} pixels differ between strips and whole, by up to {worst}",
            differences.len()
        );
    }
}
