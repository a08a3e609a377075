//! The pages of a paper export, as scenes: a map laid out and painted as it is printed, placed
//! on its page with the title block, or cut into the sheets of a tiled poster with their
//! overview.

use epaint::{Rect, vec2};

use super::paper::{self, PagePlan, PageSetup};
use super::tiles::{self, Tiling};
use super::{ExportError, Legibility, MAX_SHEETS};
use crate::analysis::Analysis;
use crate::analysis::lens::Lens;
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::layout::{self, Metrics, TextMeasurer};
use crate::model::{Map, Project};
use crate::render::{self, PaintOptions, Scene, Theme, TitleBlock};

/// A map laid out and painted for paper.
pub struct Prepared {
    pub scene: Scene,
    pub title: TitleBlock,
    /// What a tiled poster's cuts keep whole (cards, curve steps, stakeholders), in the
    /// scene's units.
    pub keep_whole: Vec<Rect>,
}

/// Lays out and paints `map` (whose analysis is `analysis`) as it is printed: every curve
/// shown, the peak and end marked, a title block in the project's language.
pub fn prepare(
    project: &Project,
    map: &Map,
    analysis: &Analysis,
    text: &mut TextMeasurer,
) -> Prepared {
    prepare_with(project, map, (analysis, None), &Metrics::default(), text)
}

/// As [`prepare`], with the map stretched to its page: printed to fit, a map wider than the
/// printable area would leave bands above and below it, so the emotion lane (up to three
/// times its height) and then every lane are made taller until it fills the page.
pub fn prepare_for_page(
    project: &Project,
    map: &Map,
    (analysis, lens): (&Analysis, Option<&Lens>),
    setup: &PageSetup,
    text: &mut TextMeasurer,
) -> Prepared {
    prepare_for_page_with(project, map, (analysis, lens), (setup, false), text)
}

/// As [`prepare_for_page`], the cards' comment bubbles shown when `comments` says so.
pub fn prepare_for_page_with(
    project: &Project,
    map: &Map,
    (analysis, lens): (&Analysis, Option<&Lens>),
    (setup, comments): (&PageSetup, bool),
    text: &mut TextMeasurer,
) -> Prepared {
    let mut metrics = if setup.scale == paper::Scale::Fit {
        stretched_metrics(project, map, setup, text)
    } else {
        Metrics::default()
    };
    metrics.comment_badges = comments;
    prepare_with(project, map, (analysis, lens), &metrics, text)
}

/// The veil a department's lens lays over `layout`: its cards and stages, and the tag (in
/// `lang`). The canvas lays the same veil over the map on screen.
pub fn lens_dim(
    lens: &Lens,
    layout: &layout::Layout,
    lang: Language,
    text: &mut TextMeasurer,
) -> render::LensDim {
    let words = tr_args_in(lang, "lens.tag", &[("owner", &lens.owner)]);
    let block = text.block(&words, 12.0, true, 400.0, 1);
    // Beside the map's title, clear of the curves' legend at the right.
    let title = &layout.title.title;
    let pos = title.pos
        + vec2(
            title.block.size.x + 18.0,
            (title.block.size.y - block.size.y) / 2.0,
        );
    render::LensDim {
        cards: lens
            .touchpoints
            .iter()
            .chain(&lens.pain_points)
            .copied()
            .collect(),
        stages: lens.stages.iter().copied().collect(),
        tag: Some(layout::PlacedText { pos, block }),
    }
}

/// The metrics that make `map` as tall as the printable area of `setup` is, for its width.
fn stretched_metrics(
    project: &Project,
    map: &Map,
    setup: &PageSetup,
    text: &mut TextMeasurer,
) -> Metrics {
    let default = Metrics::default();
    let mut metrics = default.clone();
    let open_lanes = map.lanes.iter().filter(|l| !l.collapsed).count().max(1);
    let curve_lane = map
        .lanes
        .iter()
        .any(|l| l.kind == crate::model::LaneKind::Emotions && !l.collapsed);
    // Rows taller than the minimum do not grow with it: a few rounds close the gap.
    for _ in 0..4 {
        let size = layout::lay_out(project, map, &metrics, text).size;
        let area = setup.plan((size.x, size.y)).map_area;
        let deficit = size.x * area.3 / area.2.max(1.0) - size.y;
        if deficit < 1.0 {
            break;
        }
        let to_curve = if curve_lane {
            deficit.min(3.0 * default.curve_height - metrics.curve_height)
        } else {
            0.0
        };
        metrics.curve_height += to_curve;
        metrics.min_row_height += (deficit - to_curve) / open_lanes as f32;
    }
    metrics
}

fn prepare_with(
    project: &Project,
    map: &Map,
    (analysis, lens): (&Analysis, Option<&Lens>),
    metrics: &Metrics,
    text: &mut TextMeasurer,
) -> Prepared {
    let layout = layout::lay_out(project, map, metrics, text);
    prepare_laid_out(project, map, (analysis, lens), &layout, text)
}

/// As [`prepare`], for a map already laid out (the HTML viewer keeps the layout to find what
/// is where in the scene).
pub fn prepare_laid_out(
    project: &Project,
    map: &Map,
    (analysis, lens): (&Analysis, Option<&Lens>),
    layout: &layout::Layout,
    text: &mut TextMeasurer,
) -> Prepared {
    let lang = Language::of_text(&project.language);
    let lens = lens.map(|l| lens_dim(l, layout, lang, text));
    let metrics = &layout.metrics;
    let scene = render::paint(
        map,
        layout,
        &Theme::default(),
        &PaintOptions {
            lens,
            hidden_curves: Vec::new(),
            marks: crate::report::peak_end_marks(analysis, map, lang),
            journeys: crate::report::journey_badges(
                project,
                map,
                lang,
                (
                    text,
                    metrics.stage_width - 2.0 * metrics.card_padding - 14.0,
                ),
            ),
        },
    );
    let persona = map
        .personas
        .iter()
        .filter_map(|id| project.persona(*id))
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let title = title_block(project, map.title.clone(), persona);
    // Cards and the emotion curve's steps with their words and marks are kept whole.
    let keep_whole = layout
        .cards
        .iter()
        .map(|c| c.rect)
        .chain(layout.curves.iter().flat_map(|c| {
            c.points
                .iter()
                .map(|p| Rect::from_center_size(p.pos, vec2(48.0, 48.0)))
        }))
        .collect();
    Prepared {
        scene,
        title,
        keep_whole,
    }
}

/// The title block of a page showing `name` of `project`, dated the day it is printed (in the
/// project's language): a poster on the wall says when it was current.
fn title_block(project: &Project, name: String, persona: String) -> TitleBlock {
    let date = crate::dates::today(Language::of_text(&project.language));
    TitleBlock {
        project: project.title.clone(),
        map: name,
        persona,
        date,
        version: format!("Klantreis {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The project's stakeholder map painted for paper, every kind of relation shown.
pub fn prepare_stakeholders(project: &Project, text: &mut TextMeasurer) -> Prepared {
    let lang = Language::of_text(&project.language);
    let layout = crate::layout::stakeholders::lay_out_stakeholders(
        project,
        &crate::model::RelationKind::ALL,
        lang,
        text,
    );
    let scene = render::stakeholder_map(&layout, &Theme::default(), render::Highlight::default());
    Prepared {
        scene,
        title: title_block(
            project,
            tr_in(lang, "stakeholders.heading").into_owned(),
            String::new(),
        ),
        keep_whole: layout.nodes.iter().map(|n| n.rect).collect(),
    }
}

/// The project's actions in the impact × effort matrix, ranked, for paper.
pub fn prepare_priorities(project: &Project, text: &mut TextMeasurer) -> Prepared {
    let lang = Language::of_text(&project.language);
    let actions = crate::analysis::priority::ranked(&project.actions);
    let layout = crate::layout::actions::lay_out_priorities(project, &actions, lang, text);
    let scene = render::actions::priority_matrix(&layout, &Theme::default(), None);
    Prepared {
        scene,
        title: title_block(
            project,
            tr_in(lang, "priority.title").into_owned(),
            String::new(),
        ),
        keep_whole: layout.quadrants.iter().map(|q| q.rect).collect(),
    }
}

/// The project's actions by quarter and owner, for paper.
pub fn prepare_action_roadmap(project: &Project, text: &mut TextMeasurer) -> Prepared {
    let lang = Language::of_text(&project.language);
    let actions = crate::analysis::priority::ranked(&project.actions);
    let layout = crate::layout::actions::lay_out_timeline(project, &actions, lang, text);
    let scene = render::actions::action_timeline(&layout, &Theme::default(), None);
    Prepared {
        scene,
        title: title_block(
            project,
            tr_in(lang, "timeline.title").into_owned(),
            String::new(),
        ),
        keep_whole: layout.bars.iter().map(|b| b.rect).collect(),
    }
}

impl Prepared {
    /// The page this map is printed on with `setup`, and how it was placed.
    pub fn page(&self, setup: &PageSetup, text: &mut TextMeasurer) -> (Scene, PagePlan) {
        let plan = setup.plan((self.scene.size.x, self.scene.size.y));
        let title = setup.title_block.then_some(&self.title);
        let page = render::page(&self.scene, &plan, title, &Theme::default(), text);
        (page, plan)
    }

    /// The smallest text on paper at `plan`'s scale.
    pub fn legibility(&self, plan: &PagePlan) -> Option<Legibility> {
        super::legibility(&self.scene, plan.scale)
    }
}

/// The pages of a poster printed over sheets.
#[derive(Debug)]
pub struct Tiled {
    /// The overview page, then a page per sheet with something on it, row by row.
    pub pages: Vec<Scene>,
    /// Sheets of the grid left out because nothing of the poster falls on them.
    pub blank_sheets: usize,
}

/// The overview page and then one page per sheet, row by row, for the poster `page` (on which
/// `prepared` was placed by `plan`). A sheet nothing of the poster falls on is not printed: the
/// overview shows the sheets that are, and says how many were left out.
pub fn tiled(
    project: &Project,
    prepared: &Prepared,
    (page, plan): (&Scene, &PagePlan),
    tiling: &Tiling,
    text: &mut TextMeasurer,
) -> Result<Tiled, ExportError> {
    let lang = Language::of_text(&project.language);
    let on_page =
        |r: Rect| render::group_transform(vec2(plan.offset.0, plan.offset.1), plan.scale) * r;
    let keep_whole: Vec<(f32, f32, f32, f32)> = prepared
        .keep_whole
        .iter()
        .map(|r| {
            let r = on_page(*r);
            (r.left(), r.top(), r.width(), r.height())
        })
        .collect();
    let sheets = tiles::plan_sheets(plan.size, tiling, &keep_whole);
    if sheets.sheets.len() > MAX_SHEETS {
        return Err(ExportError::TooManySheets {
            sheets: sheets.sheets.len(),
            max: MAX_SHEETS,
        });
    }
    let theme = Theme::default();
    let margin = tiles::SHEET_MARGIN_MM * paper::PT_PER_MM;
    let sheet_page = vec2(sheets.page.0, sheets.page.1);
    let title = &prepared.title.map;
    let area = |s: &tiles::Sheet| render::rect_of(s.area);
    let printed: Vec<&tiles::Sheet> = sheets
        .sheets
        .iter()
        .filter(|s| {
            page.shapes
                .iter()
                .any(|shape| shape.within(area(s)).is_some())
        })
        .collect();
    let blank_sheets = sheets.sheets.len() - printed.len();
    let mut summary = tr_args_in(
        lang,
        "export.sheets",
        &[("rows", &sheets.rows), ("columns", &sheets.columns)],
    );
    if blank_sheets > 0 {
        summary.push_str(" · ");
        summary.push_str(&crate::i18n::tr_count_in(
            lang,
            "export.blank_sheets",
            blank_sheets,
            &[],
        ));
    }
    let overview = render::Overview {
        page: sheet_page,
        margin,
        title: title.clone(),
        summary,
        sheets: printed
            .iter()
            .map(|s| (area(s), tiles::label(s.row, s.column)))
            .collect(),
    };
    let mut pages = vec![render::overview(page, &overview, &theme, text)];
    let overlap = tiling.overlap_mm * paper::PT_PER_MM;
    let (row, column) = (tr_in(lang, "export.row"), tr_in(lang, "export.column"));
    for s in printed {
        let sheet = render::Sheet {
            page: sheet_page,
            margin,
            area: area(s),
            glue_right: (s.column + 1 < sheets.columns).then_some(overlap),
            glue_bottom: (s.row + 1 < sheets.rows).then_some(overlap),
            label: format!("{} · {title}", tiles::label(s.row, s.column)),
            position: format!(
                "{row} {}/{} · {column} {}/{}",
                s.row + 1,
                sheets.rows,
                s.column + 1,
                sheets.columns
            ),
        };
        pages.push(render::sheet(page, &sheet, &theme, text));
    }
    Ok(Tiled {
        pages,
        blank_sheets,
    })
}
