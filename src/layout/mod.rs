//! The geometry of a map in map units (PDF points): columns, rows, card rectangles, curve
//! points and text lines. One layout serves the canvas and every export.

pub mod hit;
pub mod paper;
mod text;

pub use text::{TextBlock, TextLine, TextMeasurer};

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

use crate::i18n::{Language, channel_name, tr_args_in, tr_in};
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
}

/// One stage: its header and its whole column.
#[derive(Clone, Debug, PartialEq)]
pub struct StageLayout {
    pub id: StageId,
    pub header: Rect,
    pub column: Rect,
    pub name: PlacedText,
    pub detail: PlacedText,
}

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
    /// A service blueprint's lines of interaction, visibility and internal interaction.
    pub blueprint_lines: Vec<BlueprintLine>,
    pub metrics: Metrics,
}

impl Layout {
    /// Maps a score to a y coordinate in the curve band.
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

/// The subtitle under the map title: kind, personas and goal.
fn subtitle(project: &Project, map: &Map) -> String {
    let personas: Vec<&str> = map
        .personas
        .iter()
        .filter_map(|id| project.persona(*id))
        .map(|p| p.name.as_str())
        .collect();
    let mut parts = vec![project.title.clone()];
    if !personas.is_empty() {
        let lang = Language::of_text(&project.language);
        parts.push(tr_args_in(
            lang,
            "map.persona",
            &[("names", &personas.join(", "))],
        ));
    }
    if !map.goal.is_empty() {
        parts.push(map.goal.clone());
    }
    parts.retain(|p| !p.is_empty());
    parts.join("  ·  ")
}

/// Lays out `map` of `project`.
pub fn lay_out(project: &Project, map: &Map, metrics: &Metrics, text: &mut TextMeasurer) -> Layout {
    let m = metrics;
    // A channel's icon sits before the card's meta line, as tall as its first line.
    let icon_size = m.card_meta_size * 1.25;
    let icon_room = icon_size + 3.0;
    // The map's own words (channel names) are in the project's language, not the reader's.
    let lang = Language::of_text(&project.language);
    let stage_count = map.stages.len().max(1);
    let grid_left = m.margin;
    let cells_left = grid_left + m.lane_header_width;
    let grid_width = m.lane_header_width + m.stage_width * stage_count as f32;
    let total_width = grid_width + 2.0 * m.margin;

    // Title block, with the curves' legend on its right.
    let legend_width = if map.curves.is_empty() {
        0.0
    } else {
        LEGEND_WIDTH
    };
    let title_width = (grid_width - legend_width - 16.0).max(grid_width * 0.5);
    let title_block = text.block(&map.title, m.title_size, true, title_width, 2);
    let subtitle_block = text.block(
        &subtitle(project, map),
        m.subtitle_size,
        false,
        title_width,
        2,
    );
    let title_pos = pos2(m.margin, m.margin);
    let subtitle_pos = pos2(m.margin, title_pos.y + title_block.size.y + 4.0);
    let legend = lay_out_legend(
        project,
        map,
        pos2(m.margin + grid_width - legend_width, m.margin),
        text,
    );
    let legend_bottom = legend.last().map_or(0.0, |e| e.rect.bottom());
    let title_bottom = (subtitle_pos.y + subtitle_block.size.y).max(legend_bottom);
    let title = TitleLayout {
        rect: Rect::from_min_max(
            pos2(m.margin, m.margin),
            pos2(m.margin + grid_width, title_bottom),
        ),
        title: PlacedText {
            pos: title_pos,
            block: title_block,
        },
        subtitle: PlacedText {
            pos: subtitle_pos,
            block: subtitle_block,
        },
    };
    let grid_top = title_bottom + 18.0;

    // Stage headers: their height is the tallest header text.
    let inner = m.stage_width - 2.0 * m.card_padding;
    let mut stage_texts = Vec::with_capacity(map.stages.len());
    let mut header_height = m.stage_header_height;
    for stage in &map.stages {
        let name = text.block(&stage.name, m.header_title_size, true, inner, 2);
        let detail_text = if stage.milestone.is_empty() {
            stage.description.clone()
        } else {
            format!("◆ {}", stage.milestone)
        };
        let detail = text.block(&detail_text, m.header_body_size, false, inner, 2);
        header_height = header_height.max(name.size.y + detail.size.y + 2.0 * m.card_padding + 4.0);
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
    // Cards sorted by lane, stage and order, so each cell stacks top to bottom.
    let mut sorted: Vec<(usize, &crate::model::Card)> = map
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| stage_index.contains_key(&c.stage) && lane_index.contains_key(&c.lane))
        .collect();
    sorted.sort_by_key(|(_, c)| (lane_index[&c.lane], stage_index[&c.stage], c.order, c.id));

    struct Pending {
        id: CardId,
        index: usize,
        lane: usize,
        stage: usize,
        span: usize,
        title: TextBlock,
        body: TextBlock,
        meta: TextBlock,
        icon: bool,
        height: f32,
    }
    let mut pending = Vec::with_capacity(sorted.len());
    for (index, card) in sorted {
        let lane = lane_index[&card.lane];
        if map.lanes[lane].collapsed {
            continue;
        }
        let stage = stage_index[&card.stage];
        let span = (card.span.max(1) as usize).min(map.stages.len() - stage);
        let width = m.stage_width * span as f32 - m.gap - 2.0 * m.card_padding;
        let title = text.block(&card.title, m.card_title_size, true, width, 4);
        let body = text.block(
            &card.body,
            m.card_body_size,
            false,
            width,
            m.card_body_max_lines,
        );
        let mut meta_parts = Vec::new();
        if let Some(channel) = &card.channel {
            meta_parts.push(channel_name(lang, channel).into_owned());
        }
        if !card.owner.is_empty() {
            meta_parts.push(card.owner.clone());
        }
        let icon = card.channel.is_some();
        let meta_width = if icon { width - icon_room } else { width };
        let meta = text.block(
            &meta_parts.join(" · "),
            m.card_meta_size,
            false,
            meta_width,
            2,
        );
        let mut height = 2.0 * m.card_padding + title.size.y;
        if !body.lines.is_empty() {
            height += 4.0 + body.size.y;
        }
        if !meta.lines.is_empty() {
            height += 5.0 + meta.size.y;
        }
        if card.moment_of_truth.is_some() {
            height = height.max(2.0 * m.card_padding + 14.0);
        }
        pending.push(Pending {
            id: card.id,
            index,
            lane,
            stage,
            span,
            title,
            body,
            meta,
            icon,
            height,
        });
    }

    // Row heights: the tallest stack of cards in any stage of the lane. A spanning card
    // takes room in every stage it covers.
    let mut stack = vec![vec![0.0_f32; map.stages.len()]; map.lanes.len()];
    let mut card_tops = Vec::with_capacity(pending.len());
    for p in &pending {
        let column = &stack[p.lane][p.stage..p.stage + p.span];
        let top = column.iter().copied().fold(0.0, f32::max);
        card_tops.push(top);
        for h in &mut stack[p.lane][p.stage..p.stage + p.span] {
            *h = top + p.height + m.gap;
        }
    }

    let grid_rows_top = grid_top + header_height;
    let mut lanes = Vec::with_capacity(map.lanes.len());
    let mut y = grid_rows_top;
    let mut lane_card_top = Vec::with_capacity(map.lanes.len());
    for (i, lane) in map.lanes.iter().enumerate() {
        let stacked = stack[i].iter().copied().fold(0.0, f32::max);
        let is_curve = lane.kind == LaneKind::Emotions && !lane.collapsed;
        let curve_extra = if is_curve { m.curve_height } else { 0.0 };
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
        y += height;
    }
    let grid_bottom = y.max(grid_rows_top);

    let stages = map
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
            StageLayout {
                id: stage.id,
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

    let cards = pending
        .into_iter()
        .zip(card_tops)
        .map(|(p, top)| {
            let left = cells_left + m.stage_width * p.stage as f32 + m.gap / 2.0;
            let top = lane_card_top[p.lane] + top;
            let width = m.stage_width * p.span as f32 - m.gap;
            let rect = Rect::from_min_size(pos2(left, top), vec2(width, p.height));
            let inner_left = left + m.card_padding;
            let title_pos = pos2(inner_left, top + m.card_padding);
            let body_pos = pos2(inner_left, title_pos.y + p.title.size.y + 4.0);
            let body_bottom = if p.body.lines.is_empty() {
                title_pos.y + p.title.size.y
            } else {
                body_pos.y + p.body.size.y
            };
            let meta_top = body_bottom + 5.0;
            let (meta_pos, channel_icon) = if p.icon {
                let icon = Rect::from_min_size(pos2(inner_left, meta_top), Vec2::splat(icon_size));
                (pos2(inner_left + icon_room, meta_top), Some(icon))
            } else {
                (pos2(inner_left, meta_top), None)
            };
            CardLayout {
                id: p.id,
                index: p.index,
                lane: map.lanes[p.lane].id,
                rect,
                title: PlacedText {
                    pos: title_pos,
                    block: p.title,
                },
                body: PlacedText {
                    pos: body_pos,
                    block: p.body,
                },
                meta: PlacedText {
                    pos: meta_pos,
                    block: p.meta,
                },
                channel_icon,
            }
        })
        .collect::<Vec<CardLayout>>();

    let curves = lay_out_curves(map, &lanes, &stage_index, m);
    let blueprint_lines = if map.kind == crate::model::MapKind::ServiceBlueprint {
        lay_out_blueprint_lines(&lanes, lang, grid_left, grid_left + grid_width, text)
    } else {
        Vec::new()
    };

    Layout {
        size: vec2(total_width, grid_bottom + m.margin),
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
        blueprint_lines,
        metrics: m.clone(),
    }
}

/// The lines of a service blueprint: interaction (customer actions | frontstage), visibility
/// (frontstage | backstage) and internal interaction (backstage | support processes), where
/// those lanes meet.
fn lay_out_blueprint_lines(
    lanes: &[LaneLayout],
    lang: Language,
    left: f32,
    right: f32,
    text: &mut TextMeasurer,
) -> Vec<BlueprintLine> {
    lanes
        .windows(2)
        .filter_map(|pair| {
            let key = match (pair[0].kind, pair[1].kind) {
                (LaneKind::CustomerActions, LaneKind::Frontstage | LaneKind::Touchpoints) => {
                    "blueprint.interaction"
                }
                (LaneKind::Frontstage, LaneKind::Backstage) => "blueprint.visibility",
                (LaneKind::Backstage, LaneKind::SupportProcesses) => "blueprint.internal",
                _ => return None,
            };
            let y = pair[0].row.bottom();
            let block = text.block(&tr_in(lang, key), 8.0, true, 220.0, 1);
            let pos = pos2(right - block.size.x - 6.0, y - block.size.y - 2.0);
            Some(BlueprintLine {
                y,
                left,
                right,
                label: PlacedText { pos, block },
            })
        })
        .collect()
}

/// How wide the curves' legend is, at the right of the title block.
const LEGEND_WIDTH: f32 = 250.0;
/// Height of one legend line.
const LEGEND_LINE: f32 = 16.0;
/// Width of the line sample in front of a legend label.
pub const LEGEND_SAMPLE: f32 = 40.0;

/// A curve's name for legends and lists: its label, else its persona's name, with as-is or
/// to-be, in the project's language.
pub fn curve_name(project: &Project, curve: &crate::model::EmotionCurve) -> String {
    let lang = Language::of_text(&project.language);
    let base = if curve.label.is_empty() {
        curve
            .persona
            .and_then(|id| project.persona(id))
            .map_or_else(
                || tr_in(lang, "curve.unnamed").into_owned(),
                |p| p.name.clone(),
            )
    } else {
        curve.label.clone()
    };
    let variant = match curve.variant {
        crate::model::CurveVariant::AsIs => tr_in(lang, "curve.as_is"),
        crate::model::CurveVariant::ToBe => tr_in(lang, "curve.to_be"),
    };
    format!("{base} · {variant}")
}

fn lay_out_legend(
    project: &Project,
    map: &Map,
    top_left: Pos2,
    text: &mut TextMeasurer,
) -> Vec<LegendEntry> {
    map.curves
        .iter()
        .enumerate()
        .map(|(i, curve)| {
            let top = top_left.y + 4.0 + LEGEND_LINE * i as f32;
            let label = text.block(
                &curve_name(project, curve),
                9.0,
                false,
                LEGEND_WIDTH - LEGEND_SAMPLE - 8.0,
                1,
            );
            let label_pos = pos2(
                top_left.x + LEGEND_SAMPLE + 6.0,
                top + (LEGEND_LINE - label.size.y) / 2.0,
            );
            LegendEntry {
                curve: curve.id,
                rect: Rect::from_min_size(pos2(top_left.x, top), vec2(LEGEND_WIDTH, LEGEND_LINE)),
                label: PlacedText {
                    pos: label_pos,
                    block: label,
                },
            }
        })
        .collect()
}

fn lay_out_curves(
    map: &Map,
    lanes: &[LaneLayout],
    stage_index: &std::collections::HashMap<StageId, usize>,
    m: &Metrics,
) -> Vec<CurveLayout> {
    let Some(band) = lanes.iter().find_map(|l| l.curve_band) else {
        return Vec::new();
    };
    map.curves
        .iter()
        .map(|curve| {
            // Points of one stage share its column evenly, in curve order, so that the curve
            // always runs left to right (a linked card only names the step).
            let mut per_stage = vec![0usize; map.stages.len()];
            for p in &curve.points {
                if let Some(&s) = stage_index.get(&p.stage) {
                    per_stage[s] += 1;
                }
            }
            let mut seen = vec![0usize; map.stages.len()];
            let points = curve
                .points
                .iter()
                .enumerate()
                .filter_map(|(index, p)| {
                    let &s = stage_index.get(&p.stage)?;
                    let k = seen[s];
                    seen[s] += 1;
                    let column_left = band.left() + m.stage_width * s as f32;
                    let x = column_left + m.stage_width * (k as f32 + 0.5) / per_stage[s] as f32;
                    let y = Layout::score_to_y(band, map.scale, p.score);
                    Some(CurvePointLayout {
                        index,
                        pos: pos2(x, y),
                        score: p.score,
                    })
                })
                .collect();
            CurveLayout {
                id: curve.id,
                points,
            }
        })
        .collect()
}
