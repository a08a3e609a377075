//! Exports: the shared [`Scene`] as PDF, SVG and PNG pages (posters, tiled sheets, persona
//! sheets), and the map as Markdown, CSV and Mermaid text.
//!
//! The map is laid out and painted by the same [`layout`](crate::layout) and
//! [`render`](crate::render) code as the canvas, so line breaks and positions on paper are the screen's;
//! the paper around it (title block, sheet marks, overview, persona sheets) is painted by
//! [`render`](crate::render) too. This module only translates scenes: PDF straight from them ([`pdf`], with
//! krilla), SVG by [`svg::write_scene`], PNG rendered strip by strip from the SVG of the shapes
//! each strip shows (`convert`). An export
//! writes its bytes into a writer; saving them atomically is the caller's (`file::replace_with`).

pub mod backlog;
pub mod brief;
pub mod convert;
pub mod glyphs;
pub mod html;
mod legibility;
pub mod mermaid;
mod options;
mod outline;
pub mod pages;
pub mod pdf;
pub mod persona;
mod raster;
mod shaping;
pub mod svg;
pub mod text;
pub mod tiles;

pub use crate::layout::paper;
pub use convert::{png_from_scene, png_size};
pub use legibility::{Legibility, Remedy, SmallText, legibility, remedy, too_small};
pub use legibility::{note as legibility_note, warning as legibility_warning};
pub use options::{ExportOptions, Format, OptionError, Quotes, Setting, Subject};
pub use pages::{Prepared, lens_dim, prepare, prepare_for_page, prepare_stakeholders};
pub use paper::{Orientation, PageSetup, PaperSize, Scale};
pub use pdf::{DocumentInfo, pdf_from_scenes};
pub use tiles::Tiling;

use std::io::Write;

use crate::analysis;
use crate::layout::TextMeasurer;
use crate::model::{Map, Project};
use crate::render::Scene;

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
    #[error(
        "at scale {scale} the map needs {need_w} × {need_h} mm, but {paper} {orientation} has room for {room_w} × {room_h} mm, so it would be cut off; use --fit, {fits}, or print it over sheets with --tile A3"
    )]
    Crops {
        scale: String,
        need_w: u32,
        need_h: u32,
        room_w: u32,
        room_h: u32,
        paper: String,
        orientation: &'static str,
        /// The paper on which it fits, or a scale at which it fits on this paper, in words.
        fits: String,
    },
    #[error("the project has no personas to print")]
    NoPersonas,
    #[error("the project has no stakeholders to print: add them on the stakeholder map")]
    NoStakeholders,
    #[error("the project has no actions to print: make one from a pain point or a stage")]
    NoActions,
    #[error(transparent)]
    Brief(#[from] brief::BriefError),
    #[error(transparent)]
    Options(#[from] OptionError),
    /// Writing the bytes out failed.
    #[error("could not write the file ({0}); nothing was changed there")]
    Io(#[from] std::io::Error),
    #[error("could not write {path} ({source}); nothing was changed there")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    /// The error of an export written to `path`: a failure to write names the file.
    #[must_use]
    pub fn at(self, path: &std::path::Path) -> Self {
        match self {
            Self::Io(source) => Self::Write {
                path: path.to_path_buf(),
                source,
            },
            other => other,
        }
    }
}

/// The most sheets a tiled poster may take (an A0 over A4 takes about 20).
pub const MAX_SHEETS: usize = 200;

/// The most pixels a PNG export renders (A0 at 300 dpi is about 140 million).
pub const MAX_PNG_PIXELS: u64 = 600_000_000;
const _: () = assert!(
    MAX_PNG_PIXELS < u32::MAX as u64,
    "a side of a PNG must fit in a u32"
);

/// A small picture of what the export will print, at most `max` pixels wide or high: the page
/// (or, when tiled, the overview of the sheets), with the smallest text's legibility and the
/// number of pages. For the export dialog's preview.
pub fn preview(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    max: f32,
) -> Result<Preview, ExportError> {
    options.validate()?;
    check_subject(project, options)?;
    // What is printed is what may be shown: pseudonymised or without quotes, as chosen.
    let filtered = options.quotes.filter(project, map);
    let (project, map) = filtered.as_ref().map_or((project, map), |(p, m)| (p, m));
    let mut text = TextMeasurer::new();
    let mut fix = None;
    let (shown, legibility, pages) = if options.format == Format::Brief {
        let page = brief::page(
            project,
            options.owner.as_deref().unwrap_or_default(),
            &mut text,
        )?;
        (page, None, 1)
    } else if options.format == Format::PersonaSheets {
        let first = project.personas.get(..1).unwrap_or_default();
        let Some(page) = persona::sheets(project, first, &mut text).pop() else {
            return Err(ExportError::NoPersonas);
        };
        (page, None, project.personas.len())
    } else {
        let prepared = prepare_subject(project, map, options, &mut text);
        let (page, plan) = prepared.page(&options.setup, &mut text);
        let legibility = prepared.legibility(&plan);
        fix = remedy(&prepared.scene, &options.setup);
        match (&options.tiling, options.format) {
            (_, Format::Pdf) if options.subject == Subject::Roadmap => {
                (page, legibility, roadmap_page_count(project))
            }
            (_, Format::Pdf) if options.all_maps && options.subject == Subject::Map => {
                (page, legibility, project.maps.len())
            }
            (Some(tiling), Format::Pdf) => {
                let mut sheets =
                    pages::tiled(project, &prepared, (&page, &plan), tiling, &mut text)?.pages;
                let count = sheets.len();
                (sheets.swap_remove(0), legibility, count)
            }
            _ => (page, legibility, 1),
        }
    };
    // A PNG too large to make is refused here already, before anyone starts it.
    let pixels = if options.format == Format::Png {
        Some(convert::png_size(shown.size, options.dpi)?)
    } else {
        None
    };
    let mut shown = [shown];
    replace_missing(&mut shown, &mut text);
    let baselines = svg::Baselines::measure_with(&mut text);
    let (width, height, rgba) = convert::thumbnail(&shown[0], baselines, max)?;
    Ok(Preview {
        width,
        height,
        rgba,
        legibility,
        remedy: fix,
        pages,
        pixels,
    })
}

/// A rendered preview: premultiplied RGBA pixels.
pub struct Preview {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    pub legibility: Option<Legibility>,
    /// What would make too small text readable.
    pub remedy: Option<Remedy>,
    pub pages: usize,
    /// For PNG: the size of the image the export will write.
    pub pixels: Option<(u32, u32)>,
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub pages: usize,
    /// For PNG: the image's size in pixels.
    pub pixels: Option<(u32, u32)>,
    /// Warnings worth showing (small text on the chosen paper), with what would help.
    pub warnings: Vec<SmallText>,
    /// Characters no shipped font can draw, printed as boxes (each once).
    pub missing_glyphs: Vec<char>,
    /// For Mermaid: texts it cannot carry as typed, and how they were written.
    pub changed_texts: Vec<mermaid::ChangedText>,
    /// For Mermaid: tasks no curve scores, written with the middle score 3.
    pub unscored: Vec<String>,
    /// Sheets of a tiled poster not printed because nothing of the poster falls on them.
    pub blank_sheets: usize,
}

/// Replaces, in every page, each character no shipped font can draw by a visible box; returns
/// those characters, once each.
fn replace_missing(pages: &mut [Scene], text: &mut TextMeasurer) -> Vec<char> {
    let mut missing = std::collections::BTreeSet::new();
    for page in pages {
        missing.extend(glyphs::replace_missing(page, text));
    }
    missing.into_iter().collect()
}

/// What the PDF of `map` says about itself: its title and language.
fn document_info(project: &Project, map: &Map, options: &ExportOptions) -> DocumentInfo {
    let whole_project = options.all_maps
        || matches!(options.format, Format::PersonaSheets | Format::Brief)
        || options.subject != Subject::Map;
    let title = if whole_project || map.title.trim().is_empty() {
        project.title.clone()
    } else if project.title.trim().is_empty() {
        map.title.clone()
    } else {
        format!("{} \u{2014} {}", project.title, map.title)
    };
    DocumentInfo {
        title,
        language: project.language.clone(),
    }
}

/// What the poster shows, laid out and painted for the paper: map `map`, or the stakeholder
/// map.
fn prepare_subject(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    text: &mut TextMeasurer,
) -> pages::Prepared {
    match options.subject {
        Subject::Map => prepare_map(
            project,
            map,
            (&options.setup, options.lens.as_deref(), options.comments),
            text,
        ),
        Subject::Stakeholders => pages::prepare_stakeholders(project, text),
        Subject::Priorities => pages::prepare_priorities(project, text),
        Subject::ActionRoadmap => pages::prepare_action_roadmap(project, text),
        // The roadmap's first poster: its first map.
        Subject::Roadmap => {
            let first = roadmap_maps(project).into_iter().next().unwrap_or(map);
            prepare_map(
                project,
                first,
                (&options.setup, None, options.comments),
                text,
            )
        }
    }
}

/// The maps of a roadmap in the order it prints them: experience maps, then the rest.
fn roadmap_maps(project: &Project) -> Vec<&Map> {
    let (mut maps, rest): (Vec<&Map>, Vec<&Map>) = project
        .maps
        .iter()
        .partition(|m| m.kind == crate::model::MapKind::CustomerExperience);
    maps.extend(rest);
    maps
}

/// The number of pages the roadmap of `project` prints.
fn roadmap_page_count(project: &Project) -> usize {
    project.personas.len()
        + usize::from(!project.stakeholders.is_empty())
        + project.maps.len()
        + 2 * usize::from(!project.actions.is_empty())
}

/// The roadmap's pages: a sheet per persona, the stakeholder map when there is one, then each
/// map on the chosen paper (experience maps first), then, when there are actions, their
/// priorities and their roadmap by quarter; with the legibility warnings.
fn roadmap_pages(
    project: &Project,
    options: &ExportOptions,
    text: &mut TextMeasurer,
) -> (Vec<Scene>, Vec<SmallText>) {
    let mut pages = persona::sheets(project, &project.personas, text);
    let mut warnings: Vec<SmallText> = Vec::new();
    let mut posters: Vec<pages::Prepared> = Vec::new();
    if !project.stakeholders.is_empty() {
        posters.push(pages::prepare_stakeholders(project, text));
    }
    for m in roadmap_maps(project) {
        posters.push(prepare_map(
            project,
            m,
            (&options.setup, None, options.comments),
            text,
        ));
    }
    if !project.actions.is_empty() {
        posters.push(pages::prepare_priorities(project, text));
        posters.push(pages::prepare_action_roadmap(project, text));
    }
    for prepared in posters {
        let (page, plan) = prepared.page(&options.setup, text);
        note_small_text(&mut warnings, &prepared, &plan, &options.setup);
        pages.push(page);
    }
    (pages, warnings)
}

/// Adds a warning to `warnings` when `prepared`, placed by `plan`, has text too small for a
/// wall (each smallest size once).
fn note_small_text(
    warnings: &mut Vec<SmallText>,
    prepared: &pages::Prepared,
    plan: &paper::PagePlan,
    setup: &PageSetup,
) {
    if let Some(l) = prepared.legibility(plan).filter(too_small)
        && !warnings.iter().any(|w| w.legibility == l)
    {
        warnings.push(SmallText {
            legibility: l,
            remedy: remedy(&prepared.scene, setup),
        });
    }
}

/// Refuses a fixed scale at which the map does not fit its paper: a page that cuts the map off
/// is not a poster. Names the paper it fits on, or the scale that fits this paper.
fn check_fits(scene: &Scene, setup: &PageSetup) -> Result<(), ExportError> {
    let Scale::Fixed(scale) = setup.scale else {
        return Ok(());
    };
    let size = (scene.size.x, scene.size.y);
    let overflows = |setup: &PageSetup| {
        let plan = setup.plan(size);
        let (_, _, w, h) = plan.map_area;
        size.0 * plan.scale > w + 0.5 || size.1 * plan.scale > h + 0.5
    };
    if !overflows(setup) {
        return Ok(());
    }
    let plan = setup.plan(size);
    let mm = |pt: f32| (pt / paper::PT_PER_MM).round() as u32;
    let iso = [
        PaperSize::A4,
        PaperSize::A3,
        PaperSize::A2,
        PaperSize::A1,
        PaperSize::A0,
    ];
    let fits = iso
        .into_iter()
        .find(|&paper| !overflows(&PageSetup { paper, ..*setup }))
        .map_or_else(
            || {
                let fit = PageSetup {
                    scale: Scale::Fit,
                    ..*setup
                }
                .plan(size)
                .scale;
                format!("--scale {:.2} or smaller", (fit * 100.0).floor() / 100.0)
            },
            |paper| format!("--paper {} or larger", paper.name()),
        );
    Err(ExportError::Crops {
        scale: format!("{scale:.2}"),
        need_w: mm(size.0 * plan.scale),
        need_h: mm(size.1 * plan.scale),
        room_w: mm(plan.map_area.2),
        room_h: mm(plan.map_area.3),
        paper: setup.paper.name().clone(),
        orientation: match setup.orientation {
            paper::Orientation::Landscape => "landscape",
            paper::Orientation::Portrait => "portrait",
        },
        fits,
    })
}

/// Map `map` laid out and painted for the paper of `setup`, with its analysis's marks.
fn prepare_map(
    project: &Project,
    map: &Map,
    (setup, lens, comments): (&PageSetup, Option<&str>, bool),
    text: &mut TextMeasurer,
) -> pages::Prepared {
    let analysis = analysis::analyse(project, map);
    let lens = lens.and_then(|owner| analysis::lens::lens(project, Some(map.id), owner));
    pages::prepare_for_page_with(
        project,
        map,
        (&analysis, lens.as_ref()),
        (setup, comments),
        text,
    )
}

/// Refuses a stakeholder map with no stakeholders on it.
fn check_subject(project: &Project, options: &ExportOptions) -> Result<(), ExportError> {
    if options.subject == Subject::Stakeholders
        && !options.format.is_text()
        && project.stakeholders.is_empty()
    {
        return Err(ExportError::NoStakeholders);
    }
    if matches!(
        options.subject,
        Subject::Priorities | Subject::ActionRoadmap
    ) && project.actions.is_empty()
    {
        return Err(ExportError::NoActions);
    }
    if let Some(owner) = &options.lens
        && analysis::lens::lens(project, None, owner).is_none()
    {
        return Err(ExportError::Brief(brief::BriefError::UnknownOwner {
            owner: owner.trim().to_owned(),
            known: analysis::lens::owners(project).join(", "),
        }));
    }
    Ok(())
}

/// The pages an export prints, what they warn of, and the blank sheets left out.
struct PaperPages {
    pages: Vec<Scene>,
    warnings: Vec<SmallText>,
    blank_sheets: usize,
}

/// The pages an export prints, and the legibility warnings about them.
fn paper_pages(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    text: &mut TextMeasurer,
) -> Result<PaperPages, ExportError> {
    let plain = |(pages, warnings)| PaperPages {
        pages,
        warnings,
        blank_sheets: 0,
    };
    if options.format == Format::Brief {
        let page = brief::page(project, options.owner.as_deref().unwrap_or_default(), text)?;
        return Ok(plain((vec![page], Vec::new())));
    }
    if options.format == Format::PersonaSheets {
        if project.personas.is_empty() {
            return Err(ExportError::NoPersonas);
        }
        return Ok(plain((
            persona::sheets(project, &project.personas, text),
            Vec::new(),
        )));
    }
    if options.subject == Subject::Roadmap {
        return Ok(plain(roadmap_pages(project, options, text)));
    }
    // Every map one page each, or the chosen one (or the stakeholder map).
    let maps: Vec<&Map> = if options.all_maps && options.subject == Subject::Map {
        project.maps.iter().collect()
    } else {
        vec![map]
    };
    let mut pages = Vec::with_capacity(maps.len());
    let mut warnings: Vec<SmallText> = Vec::new();
    let mut blank_sheets = 0;
    for m in maps {
        let prepared = prepare_subject(project, m, options, text);
        check_fits(&prepared.scene, &options.setup)?;
        let (page, plan) = prepared.page(&options.setup, text);
        note_small_text(&mut warnings, &prepared, &plan, &options.setup);
        match &options.tiling {
            Some(tiling) if !options.all_maps && options.format == Format::Pdf => {
                let tiled = pages::tiled(project, &prepared, (&page, &plan), tiling, text)?;
                blank_sheets += tiled.blank_sheets;
                pages.extend(tiled.pages);
            }
            _ => pages.push(page),
        }
    }
    Ok(PaperPages {
        pages,
        warnings,
        blank_sheets,
    })
}

impl Written {
    /// What a format with no paper wrote (text, the HTML page): `pages` things, nothing to warn
    /// of.
    fn plain(pages: usize) -> Self {
        Self {
            pages,
            pixels: None,
            warnings: Vec::new(),
            missing_glyphs: Vec::new(),
            changed_texts: Vec::new(),
            unscored: Vec::new(),
            blank_sheets: 0,
        }
    }
}

/// Exports `map` of `project` with `options`, writing the file's bytes to `out`. Save them with
/// `file::replace_with`, so the file on disk is replaced whole or not at all.
pub fn export_map(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<Written, ExportError> {
    options.validate()?;
    check_subject(project, options)?;
    let unfiltered = project;
    let filtered = options.quotes.filter(project, map);
    let (project, map) = filtered.as_ref().map_or((project, map), |(p, m)| (p, m));
    if options.format == Format::Html {
        // The viewer filters the quotes itself, for every map at once.
        out.write_all(html::viewer(unfiltered, options)?.as_bytes())?;
        return Ok(Written::plain(unfiltered.maps.len()));
    }
    let mut text = TextMeasurer::new();
    if options.format.is_text() {
        let mut written = Written::plain(1);
        let body = match options.format {
            Format::Markdown if options.comments => {
                text::markdown(project, map) + &text::comments_markdown(project, map)
            }
            Format::Markdown => text::markdown(project, map),
            Format::Csv => text::csv(
                project,
                map,
                options
                    .excel
                    .unwrap_or_else(|| crate::i18n::Language::of_text(&project.language)),
            ),
            _ => {
                let m = mermaid::mermaid_text_of(project, map);
                written.changed_texts = m.changed;
                written.unscored = m.unscored;
                m.text
            }
        };
        out.write_all(body.as_bytes())?;
        return Ok(written);
    }
    let PaperPages {
        mut pages,
        warnings,
        blank_sheets,
    } = paper_pages(project, map, options, &mut text)?;
    let missing_glyphs = replace_missing(&mut pages, &mut text);
    let baselines = svg::Baselines::measure_with(&mut text);
    let mut pixels = None;
    match (options.format, pages.first()) {
        (Format::Png, Some(page)) => {
            pixels = Some(png_from_scene(page, baselines, options.dpi, out)?);
        }
        (Format::Svg, Some(page)) => {
            out.write_all(svg::write_scene(page, svg::Fonts::Embed, baselines).as_bytes())?;
        }
        _ => {
            let info = document_info(project, map, options);
            out.write_all(&pdf_from_scenes(&pages, baselines, &info)?)?;
        }
    }
    Ok(Written {
        pages: pages.len(),
        pixels,
        warnings,
        missing_glyphs,
        changed_texts: Vec::new(),
        unscored: Vec::new(),
        blank_sheets,
    })
}
