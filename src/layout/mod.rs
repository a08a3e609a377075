//! The geometry of a map in map units (PDF points): columns, rows, card rectangles, curve
//! points and text lines. One layout serves the canvas and every export.

pub mod actions;
mod band;
mod cards;
mod connectors;
mod curves;
pub mod hit;
mod metrics;
pub mod paper;
mod picture;
mod quotes;
pub mod stakeholders;
mod text;
mod title;

pub use band::{Band, BandRow, GoalCell, GoalField, MilestoneCell, MilestonePart, has_goal_band};
pub use connectors::ConnectorLayout;
pub use curves::DiffMark;
pub use metrics::{
    MetricCell, MetricItem, display_date, format_number, shown_datasets, source_line,
};
pub use picture::Picture;
pub use quotes::QuoteLayout;
pub use text::{TextBlock, TextLine, TextMeasurer};
pub use title::{LEGEND_SAMPLE, curve_name, initials};

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

/// The radius of the face drawn at each step of a curve, in map points.
pub const FACE_RADIUS: f32 = 8.0;

use crate::i18n::Language;
use crate::model::{CardId, CurveId, LaneId, LaneKind, Map, Project, StageId};

/// Sizes of the map's parts, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub margin: f32,
    pub title_size: f32,
    pub subtitle_size: f32,
    pub lane_header_width: f32,
    pub stage_header_height: f32,
    pub stage_width: f32,
    pub gap: f32,
    pub card_padding: f32,
    pub card_title_size: f32,
    pub card_body_size: f32,
    pub card_meta_size: f32,
    pub card_body_max_lines: usize,
    pub header_title_size: f32,
    pub header_body_size: f32,
    pub min_row_height: f32,
    pub collapsed_row_height: f32,
    pub curve_height: f32,
    /// Whether cards with open review comments carry a bubble with their count (on screen
    /// always; on paper when the export asks for the comments).
    pub comment_badges: bool,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            margin: 28.0,
            title_size: 24.0,
            subtitle_size: 11.0,
            lane_header_width: 150.0,
            stage_header_height: 64.0,
            stage_width: 210.0,
            gap: 8.0,
            card_padding: 8.0,
            card_title_size: 11.0,
            card_body_size: 9.0,
            card_meta_size: 8.0,
            card_body_max_lines: 10,
            header_title_size: 13.0,
            header_body_size: 8.5,
            min_row_height: 64.0,
            collapsed_row_height: 26.0,
            curve_height: 170.0,
            comment_badges: false,
        }
    }
}

/// A text block placed at a position in map units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacedText {
    pub pos: Pos2,
    pub block: TextBlock,
}

/// The title block at the top of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleLayout {
    pub rect: Rect,
    pub title: PlacedText,
    pub subtitle: PlacedText,
    /// The personas the map follows.
    pub personas: Vec<PersonaBadge>,
    /// Under the curves' legend, what the differences between two compared curves are.
    pub diff_legend: Option<PlacedText>,
}

/// A persona in the title block: its photo (or initials on its colour), name and role.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaBadge {
    pub persona: crate::model::PersonaId,
    /// The square the round photo fills.
    pub photo: Rect,
    pub picture: Option<Picture>,
    pub colour: Option<crate::model::Rgb>,
    pub initials: PlacedText,
    pub name: PlacedText,
    pub role: PlacedText,
}

/// One stage: its header and its whole column.
#[derive(Clone, Debug, PartialEq)]
pub struct StageLayout {
    pub id: StageId,
    pub header: Rect,
    pub column: Rect,
    pub name: PlacedText,
    pub detail: PlacedText,
    /// On an experience map: the badge at the foot of the header for the journey map this
    /// stage zooms into.
    pub journey: Option<(crate::model::MapId, Rect)>,
}

/// The height of a journey badge in a stage header.
pub const JOURNEY_BADGE_HEIGHT: f32 = 18.0;
/// The type size of a journey badge's words.
pub const JOURNEY_BADGE_SIZE: f32 = 8.0;

/// One lane: its header and its whole row.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout {
    pub id: LaneId,
    pub kind: LaneKind,
    pub header: Rect,
    pub row: Rect,
    pub name: PlacedText,
    pub collapsed: bool,
    /// For an emotions lane: the band where the curve is drawn.
    pub curve_band: Option<Rect>,
}

/// One card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardLayout {
    pub id: CardId,
    /// The card's position in `map.cards` when this layout was made, so the canvas and the
    /// painter find the card without a search.
    pub index: usize,
    pub lane: LaneId,
    pub rect: Rect,
    pub title: PlacedText,
    pub body: PlacedText,
    /// Channel and owner.
    pub meta: PlacedText,
    /// Where the channel's icon goes, before the meta line.
    pub channel_icon: Option<Rect>,
    /// How many respondents back the card ("9 van 22 respondenten"); empty without evidence.
    pub evidence: PlacedText,
    /// The actions that address the card, as a small badge at its foot ("2 acties · 1 klaar").
    pub actions: Option<ActionBadge>,
    /// The card's open review comments, as a bubble on its top edge with their count.
    pub comments: Option<PlacedText>,
}

/// The badge on a card that actions address: their count and how far they are.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionBadge {
    pub rect: Rect,
    pub label: PlacedText,
    /// The status that colours it: the least advanced of the open actions, else done (or
    /// dropped when every one was dropped).
    pub status: crate::model::ActionStatus,
}

/// A line across a service blueprint between two kinds of lane, with its name.
#[derive(Clone, Debug, PartialEq)]
pub struct BlueprintLine {
    pub y: f32,
    pub left: f32,
    pub right: f32,
    pub label: PlacedText,
}

/// One line of the curves' legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub curve: CurveId,
    /// The whole line: the sample on the left, then the label.
    pub rect: Rect,
    pub label: PlacedText,
}

/// An emotion curve's points on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveLayout {
    pub id: CurveId,
    pub points: Vec<CurvePointLayout>,
    /// The curve's own colour, else its persona's; `None` for the theme's.
    pub colour: Option<crate::model::Rgb>,
}

/// One point of an emotion curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePointLayout {
    /// Index in the curve's `points`.
    pub index: usize,
    pub pos: Pos2,
    pub score: f64,
}

/// The geometry of one map.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The whole map, from (0, 0).
    pub size: Vec2,
    pub title: TitleLayout,
    /// The grid: stage headers and lane rows together.
    pub grid: Rect,
    pub stages: Vec<StageLayout>,
    pub lanes: Vec<LaneLayout>,
    pub cards: Vec<CardLayout>,
    pub curves: Vec<CurveLayout>,
    /// The curves' legend, in the title block.
    pub legend: Vec<LegendEntry>,
    /// The customer's goal and the stages' milestones, above the stage headers.
    pub band: Band,
    /// The difference per stage between the two curves the map compares.
    pub diffs: Vec<curves::DiffMark>,
    /// Arrows between cards.
    pub connectors: Vec<ConnectorLayout>,
    /// What metrics lanes show per stage.
    pub metric_cells: Vec<MetricCell>,
    /// The quotes in evidence lanes.
    pub quotes: Vec<QuoteLayout>,
    /// The sources of the figures, under the grid.
    pub footnote: PlacedText,
    /// A service blueprint's lines of interaction, visibility and internal interaction.
    pub blueprint_lines: Vec<BlueprintLine>,
    pub metrics: Metrics,
    /// The project's language: the map's own numbers (the scale's labels) are written in it.
    pub language: Language,
}

impl Layout {
    /// Maps a score to a y coordinate in the curve band.
    /// Where the scale's top, neutral and bottom labels go beside a curve band (the top-left
    /// of each text, 8 pt), with their text.
    pub fn scale_labels(
        header: Rect,
        band: Rect,
        scale: crate::model::EmotionScale,
        lang: crate::i18n::Language,
    ) -> [(Pos2, String); 3] {
        [scale.max(), scale.neutral(), scale.min()].map(|score| {
            let y = Self::score_to_y(band, scale, score);
            (
                pos2(header.right() - 30.0, y - 5.0),
                crate::i18n::score(scale, score, 2, lang),
            )
        })
    }

    pub fn score_to_y(band: Rect, scale: crate::model::EmotionScale, score: f64) -> f32 {
        let span = (scale.max() - scale.min()).max(f64::EPSILON);
        let t = ((score - scale.min()) / span).clamp(0.0, 1.0) as f32;
        band.bottom() - t * band.height()
    }

    /// The score at a y coordinate in the curve band (the inverse of [`Self::score_to_y`]),
    /// within the scale.
    pub fn y_to_score(band: Rect, scale: crate::model::EmotionScale, y: f32) -> f64 {
        let t = f64::from(((band.bottom() - y) / band.height().max(f32::EPSILON)).clamp(0.0, 1.0));
        scale.min() + t * (scale.max() - scale.min())
    }

    /// The band the emotion curves are drawn in, if the map has an emotions lane.
    pub fn curve_band(&self) -> Option<Rect> {
        self.lanes.iter().find_map(|l| l.curve_band)
    }

    /// The card at a point, if any.
    pub fn card_at(&self, pos: Pos2) -> Option<&CardLayout> {
        self.cards.iter().rev().find(|c| c.rect.contains(pos))
    }
}

/// Lays out `map` of `project`.
pub fn lay_out(project: &Project, map: &Map, metrics: &Metrics, text: &mut TextMeasurer) -> Layout {
    let m = metrics;
    // The map's own words (channel names) are in the project's language, not the reader's.
    let lang = Language::of_text(&project.language);
    let stage_count = map.stages.len().max(1);
    let grid_left = m.margin;
    let cells_left = grid_left + m.lane_header_width;
    let grid_width = m.lane_header_width + m.stage_width * stage_count as f32;
    let total_width = grid_width + 2.0 * m.margin;

    let (title, legend) = title::title_block(project, map, m, grid_width, text);
    let band = band::band(map, (grid_left, title.rect.bottom() + 14.0), m, lang, text);
    let grid_top = if band.goal.is_none() && band.milestones.is_none() {
        title.rect.bottom() + 18.0
    } else {
        band.bottom(0.0) + 10.0
    };

    // Stage headers: their height is the tallest header text.
    let inner = m.stage_width - 2.0 * m.card_padding;
    let mut stage_texts = Vec::with_capacity(map.stages.len());
    let mut header_height = m.stage_header_height;
    // Under each stage's name its description; the milestone and the success criteria are in
    // the band above.
    let linked = |stage: &crate::model::Stage| {
        stage
            .journey
            .filter(|id| *id != map.id && project.map(*id).is_some())
    };
    let badge = if map.stages.iter().any(|s| linked(s).is_some()) {
        JOURNEY_BADGE_HEIGHT + 6.0
    } else {
        0.0
    };
    for stage in &map.stages {
        let name = text.block(&stage.name, m.header_title_size, true, inner, 2);
        let detail = text.block(&stage.description, m.header_body_size, false, inner, 3);
        header_height =
            header_height.max(name.size.y + detail.size.y + 2.0 * m.card_padding + 4.0 + badge);
        stage_texts.push((name, detail));
    }

    // Cards: text first, so row heights can follow.
    let stage_index: std::collections::HashMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_index: std::collections::HashMap<LaneId, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id, i))
        .collect();
    let strengths = cards::evidence_lines(project, map, lang);
    let badges = cards::action_badges(project, map, lang);
    let comments = if m.comment_badges {
        cards::open_comments(project, map)
    } else {
        std::collections::HashMap::new()
    };
    let pending = cards::measure(
        map,
        (&stage_index, &lane_index),
        m,
        lang,
        (&strengths, &badges, &comments),
        text,
    );
    let mut content = metrics::lane_content(project, map, m, lang, text);

    let (stack, card_tops) = cards::stack(map, &pending, m);

    let grid_rows_top = grid_top + header_height;
    let mut lanes = Vec::with_capacity(map.lanes.len());
    let mut y = grid_rows_top;
    let mut lane_card_top = Vec::with_capacity(map.lanes.len());
    let mut lane_tops = Vec::with_capacity(map.lanes.len());
    for (i, lane) in map.lanes.iter().enumerate() {
        let stacked = stack[i].iter().copied().fold(0.0, f32::max);
        let is_curve = lane.kind == LaneKind::Emotions && !lane.collapsed;
        let curve_extra = if is_curve { m.curve_height } else { 0.0 } + content.heights[i];
        let height = if lane.collapsed {
            m.collapsed_row_height
        } else {
            (curve_extra + stacked + 2.0 * m.gap).max(m.min_row_height)
        };
        let row = Rect::from_min_size(pos2(grid_left, y), vec2(grid_width, height));
        let header = Rect::from_min_size(pos2(grid_left, y), vec2(m.lane_header_width, height));
        let name_size = if lane.collapsed {
            m.header_body_size + 1.0
        } else {
            m.header_title_size - 1.0
        };
        let name = text.block(
            &lane.name,
            name_size,
            true,
            m.lane_header_width - 2.0 * m.card_padding,
            if lane.collapsed { 1 } else { 3 },
        );
        let name_pos = pos2(
            grid_left + m.card_padding,
            if lane.collapsed {
                y + (height - name.size.y) / 2.0
            } else {
                y + m.card_padding
            },
        );
        let curve_band = is_curve.then(|| {
            Rect::from_min_size(
                pos2(cells_left, y + m.gap + 10.0),
                vec2(m.stage_width * stage_count as f32, m.curve_height - 20.0),
            )
        });
        lanes.push(LaneLayout {
            id: lane.id,
            kind: lane.kind,
            header,
            row,
            name: PlacedText {
                pos: name_pos,
                block: name,
            },
            collapsed: lane.collapsed,
            curve_band,
        });
        lane_card_top.push(y + m.gap + curve_extra);
        lane_tops.push(y);
        y += height;
    }
    let grid_bottom = y.max(grid_rows_top);
    let stage_ids: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
    content.place(&lane_tops, cells_left, m, &stage_ids);
    let footnote = PlacedText {
        pos: pos2(grid_left, grid_bottom + 8.0),
        block: text.block(
            &metrics::footnote(project, map, lang),
            m.card_meta_size,
            false,
            grid_width,
            6,
        ),
    };
    let bottom = if footnote.block.lines.is_empty() {
        grid_bottom
    } else {
        footnote.pos.y + footnote.block.size.y
    };

    let stages: Vec<StageLayout> = map
        .stages
        .iter()
        .zip(stage_texts)
        .enumerate()
        .map(|(i, (stage, (name, detail)))| {
            let left = cells_left + m.stage_width * i as f32;
            let header =
                Rect::from_min_size(pos2(left, grid_top), vec2(m.stage_width, header_height));
            let name_pos = pos2(left + m.card_padding, grid_top + m.card_padding);
            let detail_pos = pos2(left + m.card_padding, name_pos.y + name.size.y + 4.0);
            let journey = linked(stage).map(|id| {
                let rect = Rect::from_min_size(
                    pos2(
                        left + m.card_padding,
                        header.bottom() - m.card_padding - JOURNEY_BADGE_HEIGHT,
                    ),
                    vec2(m.stage_width - 2.0 * m.card_padding, JOURNEY_BADGE_HEIGHT),
                );
                (id, rect)
            });
            StageLayout {
                id: stage.id,
                journey,
                header,
                column: Rect::from_min_max(
                    pos2(left, grid_top),
                    pos2(left + m.stage_width, grid_bottom),
                ),
                name: PlacedText {
                    pos: name_pos,
                    block: name,
                },
                detail: PlacedText {
                    pos: detail_pos,
                    block: detail,
                },
            }
        })
        .collect();

    let cards = cards::place(map, (pending, card_tops), &lane_card_top, cells_left, m);

    let mut curves = curves::curves(map, &lanes, &stage_index, m);
    for (layout, curve) in curves
        .iter_mut()
        .filter_map(|l| map.curves.iter().find(|c| c.id == l.id).map(|c| (l, c)))
    {
        layout.colour = curve.colour.or_else(|| {
            curve
                .persona
                .and_then(|id| project.persona(id))
                .and_then(|p| p.colour)
        });
    }
    let diffs = curves::diff_marks(map, (&lanes, &stages), text, lang);
    let connectors = connectors::connectors(map, (&cards, &lanes), m.gap, text);
    let blueprint_lines = if map.kind == crate::model::MapKind::ServiceBlueprint {
        curves::blueprint_lines(&lanes, lang, grid_left, grid_left + grid_width, text)
    } else {
        Vec::new()
    };

    Layout {
        size: vec2(total_width, bottom + m.margin),
        title,
        grid: Rect::from_min_max(
            pos2(grid_left, grid_top),
            pos2(grid_left + grid_width, grid_bottom),
        ),
        stages,
        lanes,
        cards,
        curves,
        legend,
        band,
        diffs,
        connectors,
        metric_cells: content.metrics.into_iter().map(|(_, c)| c).collect(),
        quotes: content.quotes.into_iter().map(|(_, q)| q).collect(),
        footnote,
        blueprint_lines,
        metrics: m.clone(),
        language: lang,
    }
}
