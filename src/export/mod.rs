//! Exports: the shared [`Scene`] as PDF, SVG and PNG pages (posters, tiled sheets), and the
//! map as Markdown, CSV and Mermaid text.
//!
//! The map is laid out and painted by the same [`layout`] and
//! [`render`] code as the canvas, so line breaks and positions on paper are the
//! screen's. Pages are written as SVG first; PDF (svg2pdf, text kept as text with the font
//! subset embedded) and PNG (resvg, rendered in strips) are made from that SVG.

pub mod paper;
pub mod persona;
pub mod svg;
pub mod text;
pub mod tiles;

use std::path::Path;
use std::sync::Arc;

pub use paper::{Orientation, PageSetup, PaperSize, Scale};
pub use tiles::Tiling;

use crate::analysis;
use crate::i18n::{Language, tr_in};
use crate::layout::{self, Layout, Metrics, TextMeasurer};
use crate::model::{Map, Project};
use crate::render::{self, PaintOptions, PointMark, Scene, Theme};

/// The formats a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Pdf,
    Svg,
    Png,
    Markdown,
    Csv,
    Mermaid,
    /// One A4 PDF page per persona.
    PersonaSheets,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf | Self::PersonaSheets => "pdf",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Mermaid => "mmd",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the page could not be converted ({0})")]
    Convert(String),
    #[error(
        "the image would be {width} × {height} pixels, more than the {max} a PNG export may have; lower the DPI or the paper size"
    )]
    TooLarge { width: u64, height: u64, max: u64 },
    #[error(
        "the poster would take {sheets} sheets, more than {max}; choose larger sheets or a smaller poster"
    )]
    TooManySheets { sheets: usize, max: usize },
    #[error("the project has no personas to print")]
    NoPersonas,
    #[error("could not write {path} ({source}); nothing was changed there")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// The most sheets a tiled poster may take (an A0 over A4 takes about 20).
pub const MAX_SHEETS: usize = 200;

/// The most pixels a PNG export renders (A0 at 300 dpi is about 140 million).
pub const MAX_PNG_PIXELS: u64 = 600_000_000;

/// A map laid out and painted for paper.
pub struct Prepared {
    pub layout: Layout,
    pub scene: Scene,
    pub title: svg::TitleBlock,
}

/// Lays out and paints `map` as it is printed: every curve shown, the peak and end marked, a
/// title block in the project's language.
pub fn prepare(project: &Project, map: &Map, text: &mut TextMeasurer) -> Prepared {
    let layout = layout::lay_out(project, map, &Metrics::default(), text);
    let lang = Language::of_text(&project.language);
    let analysis = analysis::analyse(project, map);
    let marks = peak_end_marks(&analysis, lang);
    let scene = render::paint(
        map,
        &layout,
        &Theme::default(),
        &PaintOptions {
            hidden_curves: Vec::new(),
            marks,
        },
    );
    let persona = map
        .personas
        .iter()
        .filter_map(|id| project.persona(*id))
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let date = project
        .modified
        .get(..10)
        .filter(|d| !d.is_empty())
        .map_or_else(
            || crate::model::time::now_rfc3339()[..10].to_owned(),
            str::to_owned,
        );
    let title = svg::TitleBlock {
        project: project.title.clone(),
        map: map.title.clone(),
        persona,
        date,
        version: format!("Klantreis {}", env!("CARGO_PKG_VERSION")),
    };
    Prepared {
        layout,
        scene,
        title,
    }
}

/// The peak and the end of each as-is curve, as marks for the painter, named in `lang` (the
/// canvas and the exports mark the same steps).
pub fn peak_end_marks(analysis: &analysis::Analysis, lang: Language) -> Vec<PointMark> {
    let mut marks = Vec::new();
    for c in analysis
        .curves
        .iter()
        .filter(|c| c.variant == crate::model::CurveVariant::AsIs)
    {
        let (Some(peak), Some(end)) = (&c.peak, &c.end) else {
            continue;
        };
        let steps: &[(&analysis::Step, &'static str)] = if peak.point == end.point {
            &[(end, "curve.peak_and_end")]
        } else {
            &[(peak, "curve.peak"), (end, "curve.end")]
        };
        for (step, key) in steps {
            marks.push(PointMark {
                curve: c.curve,
                point: step.point,
                text: tr_in(lang, key).into_owned(),
            });
        }
    }
    marks
}

/// The font database the converters use: the shipped Inter, as the default sans-serif.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(crate::fonts::INTER_REGULAR.to_vec());
    db.load_font_data(crate::fonts::INTER_BOLD.to_vec());
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

/// One page as a PDF document (text stays text; the font is embedded as a subset).
pub fn pdf_from_svg(
    svg_text: &str,
    fontdb: Arc<usvg::fontdb::Database>,
) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(svg_text, fontdb)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| ExportError::Convert(e.to_string()))
}

/// A small picture of what the export will print, at most `max` pixels wide or high: the page
/// (or, when tiled, the overview of the sheets), with the smallest text's legibility and the
/// number of pages. For the export dialog's preview.
pub fn preview(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    max: f32,
) -> Result<Preview, ExportError> {
    let mut text = TextMeasurer::new();
    let baselines = svg::Baselines::measure_with(&mut text);
    if options.format == Format::PersonaSheets {
        let Some(first) = project.personas.first() else {
            return Err(ExportError::NoPersonas);
        };
        let page = persona::sheet_svg(project, first, &mut text, baselines);
        return render_preview(&page, max, None, project.personas.len());
    }
    let prepared = prepare(project, map, &mut text);
    let plan = options
        .setup
        .plan((prepared.scene.size.x, prepared.scene.size.y));
    let title = options.setup.title_block.then_some(&prepared.title);
    let page = svg::page(
        &prepared.scene,
        &plan,
        title,
        svg::Fonts::Reference,
        baselines,
    );
    let (shown, pages) = match (&options.tiling, options.format) {
        (_, Format::Pdf) if options.all_maps => (page, project.maps.len()),
        (Some(tiling), Format::Pdf) => {
            let pages = tiled_pages(project, &prepared, &plan, &page, tiling, baselines)?;
            let count = pages.len();
            (pages.into_iter().next().unwrap_or(page), count)
        }
        _ => (page, 1),
    };
    render_preview(&shown, max, legibility(&prepared.scene, plan.scale), pages)
}

fn render_preview(
    shown: &str,
    max: f32,
    legibility: Option<Legibility>,
    pages: usize,
) -> Result<Preview, ExportError> {
    let tree = parse_svg(shown, font_database())?;
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
    Ok(Preview {
        width: w,
        height: h,
        rgba: pixmap.take(),
        legibility,
        pages,
    })
}

/// A rendered preview: premultiplied RGBA pixels.
pub struct Preview {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    pub legibility: Option<Legibility>,
    pub pages: usize,
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
    out: &mut impl std::io::Write,
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

/// What to export and how.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    pub format: Format,
    pub setup: PageSetup,
    /// For PNG: dots per inch (72–600).
    pub dpi: f32,
    /// For PDF: print the poster over several sheets instead of on one page.
    pub tiling: Option<Tiling>,
    /// For PDF: every map of the project, one page each (instead of the chosen map).
    pub all_maps: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: Format::Pdf,
            setup: PageSetup::default(),
            dpi: 150.0,
            tiling: None,
            all_maps: false,
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub pages: usize,
    /// For PNG: the image's size in pixels.
    pub pixels: Option<(u32, u32)>,
    /// Warnings worth showing (small text on the chosen paper).
    pub warnings: Vec<Legibility>,
}

/// The smallest text on the page, and whether it is readable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Legibility {
    /// The smallest font size on paper, in points.
    pub smallest_pt: f32,
    /// From how far (in metres) text that size can still be read (about 1 mm of letter height
    /// per 40 cm of distance, a common sign-making rule, with x-height half the font size).
    pub readable_from_m: f32,
}

/// The smallest text of `scene` at `scale`, if the scene has text.
pub fn legibility(scene: &Scene, scale: f32) -> Option<Legibility> {
    let smallest = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            render::Shape::Text { size, .. } => Some(*size),
            _ => None,
        })
        .min_by(f32::total_cmp)?;
    let pt = smallest * scale;
    let x_height_mm = pt * 0.5 / paper::PT_PER_MM;
    Some(Legibility {
        smallest_pt: pt,
        readable_from_m: x_height_mm * 0.4,
    })
}

/// Whether text at `l` is too small: under 8 pt, or unreadable from 1.5 m.
pub fn too_small(l: &Legibility) -> bool {
    l.smallest_pt < 8.0 || l.readable_from_m < 1.5
}

/// The overview page and then one page per sheet, row by row.
fn tiled_pages(
    project: &Project,
    prepared: &Prepared,
    plan: &paper::PagePlan,
    poster: &str,
    tiling: &Tiling,
    baselines: svg::Baselines,
) -> Result<Vec<String>, ExportError> {
    let lang = Language::of_text(&project.language);
    let cards: Vec<(f32, f32, f32, f32)> = prepared
        .layout
        .cards
        .iter()
        .map(|c| {
            (
                plan.offset.0 + c.rect.left() * plan.scale,
                plan.offset.1 + c.rect.top() * plan.scale,
                c.rect.width() * plan.scale,
                c.rect.height() * plan.scale,
            )
        })
        .collect();
    // The emotion curve's steps with their words and marks: kept whole like cards.
    let mut keep_whole = cards;
    for curve in &prepared.layout.curves {
        for p in &curve.points {
            let (x, y) = (
                plan.offset.0 + (p.pos.x - 24.0) * plan.scale,
                plan.offset.1 + (p.pos.y - 24.0) * plan.scale,
            );
            keep_whole.push((x, y, 48.0 * plan.scale, 48.0 * plan.scale));
        }
    }
    let sheets = tiles::plan_sheets(plan.size, tiling, &keep_whole);
    if sheets.sheets.len() > MAX_SHEETS {
        return Err(ExportError::TooManySheets {
            sheets: sheets.sheets.len(),
            max: MAX_SHEETS,
        });
    }
    let overlap = tiling.overlap_mm * paper::PT_PER_MM;
    let title = &prepared.title.map;
    let sheets_text = crate::i18n::tr_args_in(
        lang,
        "export.sheets",
        &[("rows", &sheets.rows), ("columns", &sheets.columns)],
    );
    let words = (tr_in(lang, "export.row"), tr_in(lang, "export.column"));
    let mut pages = vec![tiles::overview_svg(
        poster,
        plan,
        &sheets,
        title,
        &sheets_text,
        baselines,
    )];
    let title_block = prepared.title.clone();
    for sheet in &sheets.sheets {
        // Each sheet carries only the part of the drawing it shows.
        let part = svg::page_part(
            &prepared.scene,
            plan,
            plan.title_block.map(|_| &title_block),
            svg::Fonts::Reference,
            baselines,
            Some(sheet.area),
        );
        pages.push(tiles::sheet_svg(
            &part,
            &sheets,
            sheet,
            title,
            overlap,
            (&words.0, &words.1),
            baselines,
        ));
    }
    Ok(pages)
}

/// Converts `pages` into one PDF written atomically to `path`.
fn write_pdf(
    pages: &[String],
    path: &Path,
    warnings: Vec<Legibility>,
) -> Result<Written, ExportError> {
    let pdf = pdf_from_pages(pages, &font_database())?;
    crate::file::write_atomically(path, &pdf, false).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Written {
        pages: pages.len(),
        pixels: None,
        warnings,
    })
}

/// Exports `map` of `project` to `path` with `options`; the file at `path` is replaced
/// atomically (or left alone on failure).
pub fn export_map(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    path: &Path,
) -> Result<Written, ExportError> {
    let write_err = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    match options.format {
        Format::Markdown | Format::Csv | Format::Mermaid => {
            let body = match options.format {
                Format::Markdown => text::markdown(project, map),
                Format::Csv => text::csv(map),
                _ => text::mermaid(project, map),
            };
            crate::file::write_atomically(path, body.as_bytes(), false).map_err(write_err)?;
            return Ok(Written {
                pages: 1,
                pixels: None,
                warnings: Vec::new(),
            });
        }
        Format::PersonaSheets => {
            if project.personas.is_empty() {
                return Err(ExportError::NoPersonas);
            }
            let mut text = TextMeasurer::new();
            let baselines = svg::Baselines::measure_with(&mut text);
            let pages: Vec<String> = project
                .personas
                .iter()
                .map(|p| persona::sheet_svg(project, p, &mut text, baselines))
                .collect();
            return write_pdf(&pages, path, Vec::new());
        }
        Format::Pdf | Format::Svg | Format::Png => {}
    }
    let mut text = TextMeasurer::new();
    let prepared = prepare(project, map, &mut text);
    let baselines = svg::Baselines::measure_with(&mut text);
    let plan = options
        .setup
        .plan((prepared.scene.size.x, prepared.scene.size.y));
    let warnings: Vec<Legibility> = legibility(&prepared.scene, plan.scale)
        .filter(too_small)
        .into_iter()
        .collect();
    let title = options.setup.title_block.then_some(&prepared.title);
    let fonts = if options.format == Format::Svg {
        svg::Fonts::Embed
    } else {
        svg::Fonts::Reference
    };
    let page = svg::page(&prepared.scene, &plan, title, fonts, baselines);
    let mut pixels = None;
    match options.format {
        Format::Svg => {
            crate::file::write_atomically(path, page.as_bytes(), false).map_err(write_err)?;
        }
        Format::Pdf if options.all_maps => {
            // One page per map, each fitted (or scaled) on its own; the chosen map is already
            // prepared.
            let mut pages = Vec::with_capacity(project.maps.len());
            let mut warnings = warnings;
            for m in &project.maps {
                let other;
                let p = if m.id == map.id {
                    &prepared
                } else {
                    other = prepare(project, m, &mut text);
                    &other
                };
                let plan = options.setup.plan((p.scene.size.x, p.scene.size.y));
                if let Some(l) = legibility(&p.scene, plan.scale).filter(too_small)
                    && !warnings.contains(&l)
                {
                    warnings.push(l);
                }
                let title = options.setup.title_block.then_some(&p.title);
                pages.push(svg::page(&p.scene, &plan, title, fonts, baselines));
            }
            return write_pdf(&pages, path, warnings);
        }
        Format::Pdf => {
            let pages = match &options.tiling {
                None => vec![page],
                Some(tiling) => tiled_pages(project, &prepared, &plan, &page, tiling, baselines)?,
            };
            return write_pdf(&pages, path, warnings);
        }
        Format::Png => {
            let dpi = options.dpi.clamp(72.0, 600.0);
            let db = font_database();
            let mut result = Ok((0, 0));
            let written = crate::file::write_atomically_streaming(path, |file| {
                let mut buffered = std::io::BufWriter::new(file);
                result = png_from_svg(&page, db.clone(), dpi, &mut buffered);
                match &result {
                    Ok(_) => std::io::Write::flush(&mut buffered),
                    // Abandons the temporary file; the reason is in `result`.
                    Err(_) => Err(std::io::Error::other("the image could not be made")),
                }
            });
            // The conversion's own error says more than the abandoned write.
            pixels = Some(result?);
            written.map_err(write_err)?;
        }
        _ => {}
    }
    Ok(Written {
        pages: 1,
        pixels,
        warnings,
    })
}
