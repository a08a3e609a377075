//! From SVG pages to the files people print: PDF (svg2pdf, text kept as text with the font
//! subset embedded) and PNG (resvg, rendered in strips), and the dialog's small preview.

use std::sync::Arc;

use super::{ExportError, MAX_PNG_PIXELS, svg};

/// The font database the converters use: the shipped Inter, as the default sans-serif.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(crate::fonts::INTER_REGULAR.to_vec());
    db.load_font_data(crate::fonts::INTER_BOLD.to_vec());
    // The canvas's fallbacks (emoji, symbols) for what Inter lacks, so paper draws them too.
    for (name, data) in crate::fonts::definitions().font_data {
        if !name.starts_with("Inter") {
            db.load_font_data((*data.font).as_ref().to_vec());
        }
    }
    db.set_sans_serif_family(svg::FAMILY);
    Arc::new(db)
}

/// Parses an SVG page for the converters.
pub fn parse_svg(
    svg_text: &str,
    fontdb: Arc<usvg::fontdb::Database>,
) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        fontdb,
        font_family: svg::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg_text, &options).map_err(|e| ExportError::Convert(e.to_string()))
}

/// A small picture of `page`, at most `max` pixels wide or high: premultiplied RGBA and its
/// size.
pub(super) fn thumbnail(page: &str, max: f32) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let tree = parse_svg(page, font_database())?;
    let size = tree.size();
    let scale = (max / size.width()).min(max / size.height());
    let (w, h) = (
        (size.width() * scale).round().max(1.0) as u32,
        (size.height() * scale).round().max(1.0) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Convert("no memory for the preview".to_owned()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok((w, h, pixmap.take()))
}

/// Several SVG pages as one PDF document: each page converted on its own (text stays text, the
/// font embedded) and placed on a page of its size.
pub fn pdf_from_pages(
    pages: &[String],
    fontdb: &Arc<usvg::fontdb::Database>,
) -> Result<Vec<u8>, ExportError> {
    use pdf_writer::{Content, Finish as _, Name, Pdf, Rect, Ref};
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    // Pages convert independently: spread them over the cores, then number them in order.
    let convert = |page_svg: &String| -> Result<(pdf_writer::Chunk, Ref, f32, f32), ExportError> {
        let tree = parse_svg(page_svg, fontdb.clone())?;
        let (w, h) = (tree.size().width(), tree.size().height());
        let (chunk, svg_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| ExportError::Convert(e.to_string()))?;
        Ok((chunk, svg_ref, w, h))
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8)
        .min(pages.len().max(1));
    let per_worker = pages.len().div_ceil(workers).max(1);
    let converted: Vec<Result<_, ExportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(per_worker)
            .map(|part| scope.spawn(move || part.iter().map(convert).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(ExportError::Convert(
                        "a page could not be converted".to_owned(),
                    ))]
                })
            })
            .collect()
    });
    for result in converted {
        let (chunk, svg_ref, w, h) = result?;
        let mut refs = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *refs.entry(old).or_insert_with(|| alloc.bump()));
        let svg_ref = *refs
            .get(&svg_ref)
            .ok_or_else(|| ExportError::Convert("the page lost its drawing".to_owned()))?;
        pdf.extend(&chunk);
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let name = Name(b"P");
        let mut content = Content::new();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        pdf.stream(content_id, &content.finish());
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(page_tree);
        page.contents(content_id);
        page.resources().x_objects().pair(name, svg_ref);
        page.finish();
        page_ids.push(page_id);
    }
    pdf.catalog(catalog).pages(page_tree);
    let count = page_ids.len() as i32;
    pdf.pages(page_tree).kids(page_ids).count(count);
    Ok(pdf.finish())
}

/// Renders one page to a PNG at `dpi`, in horizontal strips, streaming rows to `out`: the
/// whole image is never held in memory, so large posters fit.
pub fn png_from_svg(
    svg_text: &str,
    fontdb: Arc<usvg::fontdb::Database>,
    dpi: f32,
    out: &mut dyn std::io::Write,
) -> Result<(u32, u32), ExportError> {
    let tree = parse_svg(svg_text, fontdb)?;
    let scale = dpi / 72.0;
    let size = tree.size();
    let width = (size.width() * scale).round().max(1.0) as u64;
    let height = (size.height() * scale).round().max(1.0) as u64;
    if width * height > MAX_PNG_PIXELS
        || width > u64::from(u32::MAX)
        || height > u64::from(u32::MAX)
    {
        return Err(ExportError::TooLarge {
            width,
            height,
            max: MAX_PNG_PIXELS,
        });
    }
    let (width, height) = (width as u32, height as u32);
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
    // About 16 MB of pixels per strip.
    let strip = ((4_000_000 / u64::from(width)).clamp(16, 4096) as u32).min(height);
    let mut top = 0;
    while top < height {
        let rows = strip.min(height - top);
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, rows)
            .ok_or_else(|| ExportError::Convert("no memory for a strip of the image".to_owned()))?;
        let transform =
            resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, 0.0, -(top as f32));
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        // tiny-skia keeps premultiplied alpha; PNG wants it straight.
        let data = pixmap.data_mut();
        for px in data.chunks_exact_mut(4) {
            let a = u16::from(px[3]);
            if a != 0 && a != 255 {
                for c in &mut px[..3] {
                    *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
                }
            }
        }
        std::io::Write::write_all(&mut stream, data).map_err(|e| convert(&e))?;
        top += rows;
    }
    stream.finish().map_err(|e| convert(&e))?;
    Ok((width, height))
}
