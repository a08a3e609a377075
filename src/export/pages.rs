//! The pages of a paper export, as scenes: a map laid out and painted as it is printed, placed
//! on its page with the title block, or cut into the sheets of a tiled poster with their
//! overview.

use epaint::{Rect, vec2};

use super::paper::{self, PagePlan, PageSetup};
use super::tiles::{self, Tiling};
use super::{ExportError, Legibility, MAX_SHEETS};
use crate::analysis::Analysis;
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::layout::{self, Layout, Metrics, TextMeasurer};
use crate::model::{Map, Project};
use crate::render::{self, PaintOptions, Scene, Theme, TitleBlock};

/// A map laid out and painted for paper.
pub struct Prepared {
    pub layout: Layout,
    pub scene: Scene,
    pub title: TitleBlock,
}

/// Lays out and paints `map` (whose analysis is `analysis`) as it is printed: every curve
/// shown, the peak and end marked, a title block in the project's language.
pub fn prepare(
    project: &Project,
    map: &Map,
    analysis: &Analysis,
    text: &mut TextMeasurer,
) -> Prepared {
    let layout = layout::lay_out(project, map, &Metrics::default(), text);
    let lang = Language::of_text(&project.language);
    let scene = render::paint(
        map,
        &layout,
        &Theme::default(),
        &PaintOptions {
            hidden_curves: Vec::new(),
            marks: crate::report::peak_end_marks(analysis, lang),
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
    let title = TitleBlock {
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

/// The overview page and then one page per sheet, row by row, for the poster `page` (on which
/// `prepared` was placed by `plan`).
pub fn tiled(
    project: &Project,
    prepared: &Prepared,
    (page, plan): (&Scene, &PagePlan),
    tiling: &Tiling,
    text: &mut TextMeasurer,
) -> Result<Vec<Scene>, ExportError> {
    let lang = Language::of_text(&project.language);
    let on_page =
        |r: Rect| render::group_transform(vec2(plan.offset.0, plan.offset.1), plan.scale) * r;
    // Cards and the emotion curve's steps with their words and marks are kept whole.
    let keep_whole: Vec<(f32, f32, f32, f32)> = prepared
        .layout
        .cards
        .iter()
        .map(|c| c.rect)
        .chain(prepared.layout.curves.iter().flat_map(|c| {
            c.points
                .iter()
                .map(|p| Rect::from_center_size(p.pos, vec2(48.0, 48.0)))
        }))
        .map(|r| {
            let r = on_page(r);
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
    let overview = render::Overview {
        page: sheet_page,
        margin,
        title: title.clone(),
        summary: tr_args_in(
            lang,
            "export.sheets",
            &[("rows", &sheets.rows), ("columns", &sheets.columns)],
        ),
        sheets: sheets
            .sheets
            .iter()
            .map(|s| (area(s), tiles::label(s.row, s.column)))
            .collect(),
    };
    let mut pages = vec![render::overview(page, &overview, &theme, text)];
    let overlap = tiling.overlap_mm * paper::PT_PER_MM;
    let (row, column) = (tr_in(lang, "export.row"), tr_in(lang, "export.column"));
    for s in &sheets.sheets {
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
    Ok(pages)
}
