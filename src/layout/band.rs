//! The band above the stages: the customer's goal, the scenario and the expectations across
//! the map, then each stage's milestone and the success criteria the customer judges it by.
//! Each row is there when it has something to say.

use epaint::{Rect, pos2, vec2};

use super::{Metrics, PlacedText, TextMeasurer};
use crate::i18n::{Language, tr_in};
use crate::model::{Map, StageId};

/// Lines of a goal cell's text at most.
const GOAL_LINES: usize = 5;
/// Lines of a milestone and of its criteria at most.
const MILESTONE_LINES: usize = 3;
const HEADING_SIZE: f32 = 7.5;
const TEXT_SIZE: f32 = 9.0;

/// Which of the map's words a goal cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalField {
    Goal,
    Scenario,
    Expectations,
}

impl GoalField {
    pub const ALL: [Self; 3] = [Self::Goal, Self::Scenario, Self::Expectations];

    /// The words of `map` this field shows.
    pub fn text(self, map: &Map) -> &str {
        match self {
            Self::Goal => &map.goal,
            Self::Scenario => &map.scenario,
            Self::Expectations => &map.expectations,
        }
    }

    /// Its heading's translation key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Goal => "band.goal",
            Self::Scenario => "band.scenario",
            Self::Expectations => "band.expectations",
        }
    }
}

/// One cell of the goal row.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalCell {
    pub field: GoalField,
    pub rect: Rect,
    pub heading: PlacedText,
    pub text: PlacedText,
}

/// Which part of a milestone cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MilestonePart {
    Milestone,
    Criteria,
}

/// One stage's cell of the milestones row: the milestone above, the criteria below.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneCell {
    pub stage: StageId,
    pub rect: Rect,
    /// Where the milestone is (and is edited), and its text ("◆ ...").
    pub milestone_rect: Rect,
    pub milestone: PlacedText,
    pub criteria_rect: Rect,
    pub criteria: PlacedText,
}

/// A row of the band: its name in the left column, and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct BandRow<C> {
    pub rect: Rect,
    pub header: Rect,
    pub name: PlacedText,
    pub cells: Vec<C>,
}

/// The band above the stages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Band {
    pub goal: Option<BandRow<GoalCell>>,
    pub milestones: Option<BandRow<MilestoneCell>>,
}

impl Band {
    /// The bottom of the band, or `top` when it is empty.
    pub fn bottom(&self, top: f32) -> f32 {
        let goal = self.goal.as_ref().map_or(top, |r| r.rect.bottom());
        self.milestones.as_ref().map_or(goal, |r| r.rect.bottom())
    }
}

/// Whether `map` has a goal, scenario or expectations to show in the band.
pub fn has_goal_band(map: &Map) -> bool {
    GoalField::ALL
        .iter()
        .any(|f| !f.text(map).trim().is_empty())
}

/// Whether any stage of `map` has a milestone or success criteria.
pub fn has_milestones(map: &Map) -> bool {
    map.stages
        .iter()
        .any(|s| !s.milestone.trim().is_empty() || !s.success_criteria.trim().is_empty())
}

/// The band of `map` from `top`, across the grid from `left` (lane headers, then stages).
pub(super) fn band(
    map: &Map,
    (left, top): (f32, f32),
    m: &Metrics,
    lang: Language,
    text: &mut TextMeasurer,
) -> Band {
    let cells_left = left + m.lane_header_width;
    let cells_width = m.stage_width * map.stages.len().max(1) as f32;
    let pad = m.card_padding;
    let mut y = top;
    let row_name = |key: &'static str, text: &mut TextMeasurer, y: f32| PlacedText {
        pos: pos2(left + pad, y + pad),
        block: text.block(
            &tr_in(lang, key),
            m.header_body_size + 1.0,
            true,
            m.lane_header_width - 2.0 * pad,
            2,
        ),
    };
    let goal = has_goal_band(map).then(|| {
        let width = cells_width / 3.0;
        let mut cells: Vec<GoalCell> = GoalField::ALL
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let x = cells_left + width * i as f32 + pad;
                let heading = text.block(
                    &tr_in(lang, field.key()).to_uppercase(),
                    HEADING_SIZE,
                    true,
                    width - 2.0 * pad,
                    1,
                );
                let words = text.block(
                    field.text(map),
                    TEXT_SIZE,
                    false,
                    width - 2.0 * pad,
                    GOAL_LINES,
                );
                let text_pos = pos2(x, y + pad + heading.size.y + 2.0);
                GoalCell {
                    field: *field,
                    rect: Rect::from_min_size(pos2(x - pad, y), vec2(width, 0.0)),
                    heading: PlacedText {
                        pos: pos2(x, y + pad),
                        block: heading,
                    },
                    text: PlacedText {
                        pos: text_pos,
                        block: words,
                    },
                }
            })
            .collect();
        let height = cells
            .iter()
            .map(|c| c.text.pos.y + c.text.block.size.y.max(TEXT_SIZE * 1.3) - y + pad)
            .fold(m.collapsed_row_height * 1.6, f32::max);
        for cell in &mut cells {
            cell.rect.max.y = y + height;
        }
        let row = BandRow {
            rect: Rect::from_min_size(pos2(left, y), vec2(cells_left - left + cells_width, height)),
            header: Rect::from_min_size(pos2(left, y), vec2(m.lane_header_width, height)),
            name: row_name("band.goal_row", text, y),
            cells,
        };
        y += height + 6.0;
        row
    });
    let milestones = has_milestones(map).then(|| {
        let tick = if text.can_draw('✓', false) {
            '✓'
        } else {
            '•'
        };
        let inner = m.stage_width - 2.0 * pad;
        let mut cells: Vec<MilestoneCell> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let x = cells_left + m.stage_width * i as f32;
                let milestone_words = if stage.milestone.trim().is_empty() {
                    String::new()
                } else {
                    format!("◆ {}", stage.milestone.trim())
                };
                let criteria_words = if stage.success_criteria.trim().is_empty() {
                    String::new()
                } else {
                    format!("{tick} {}", stage.success_criteria.trim())
                };
                let milestone =
                    text.block(&milestone_words, TEXT_SIZE, true, inner, MILESTONE_LINES);
                let criteria = text.block(
                    &criteria_words,
                    m.header_body_size,
                    false,
                    inner,
                    MILESTONE_LINES,
                );
                let milestone_height = milestone.size.y.max(TEXT_SIZE * 1.3);
                let milestone_rect = Rect::from_min_size(
                    pos2(x, y),
                    vec2(m.stage_width, milestone_height + pad + 2.0),
                );
                let criteria_top = milestone_rect.bottom();
                MilestoneCell {
                    stage: stage.id,
                    rect: Rect::from_min_size(pos2(x, y), vec2(m.stage_width, 0.0)),
                    milestone: PlacedText {
                        pos: pos2(x + pad, y + pad),
                        block: milestone,
                    },
                    milestone_rect,
                    criteria_rect: Rect::from_min_size(
                        pos2(x, criteria_top),
                        vec2(m.stage_width, criteria.size.y.max(TEXT_SIZE * 1.3) + pad),
                    ),
                    criteria: PlacedText {
                        pos: pos2(x + pad, criteria_top),
                        block: criteria,
                    },
                }
            })
            .collect();
        let height = cells
            .iter()
            .map(|c| c.criteria_rect.bottom() - y)
            .fold(m.collapsed_row_height * 1.6, f32::max);
        for cell in &mut cells {
            cell.rect.max.y = y + height;
            cell.criteria_rect.max.y = y + height;
        }
        BandRow {
            rect: Rect::from_min_size(pos2(left, y), vec2(cells_left - left + cells_width, height)),
            header: Rect::from_min_size(pos2(left, y), vec2(m.lane_header_width, height)),
            name: row_name("band.milestones_row", text, y),
            cells,
        }
    });
    Band { goal, milestones }
}
