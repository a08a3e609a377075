//! The geometry of actions on paper and on screen: the impact × effort matrix (quick wins, big
//! bets, fill-ins, money pits) with a numbered dot per scored action and the ranked list beside
//! it, and the roadmap of actions (a column per quarter, a row per owner).

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

use super::{PlacedText, TextMeasurer};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{Action, ActionId, ActionStatus, Project, Quadrant};

const MARGIN: f32 = 36.0;
const TITLE_HEIGHT: f32 = 70.0;
/// The matrix's side.
const PLOT: f32 = 460.0;
/// Room left of the matrix for the impact axis, and below it for the effort axis.
const AXIS: f32 = 40.0;
const LIST_WIDTH: f32 = 400.0;
const DOT: f32 = 11.0;
/// How many of the five cells of each axis are low (1 and 2; 3 and up are high), as
/// `Quadrant::of` says.
const LOW_CELLS: f32 = 2.0;

/// A quadrant of the matrix, with its name and advice.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantLayout {
    pub quadrant: Quadrant,
    pub rect: Rect,
    pub name: PlacedText,
    pub advice: PlacedText,
}

/// A scored action in the matrix: a dot numbered as in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct DotLayout {
    pub action: ActionId,
    pub status: ActionStatus,
    pub centre: Pos2,
    pub radius: f32,
    pub number: PlacedText,
}

/// An action in the ranked list.
#[derive(Clone, Debug, PartialEq)]
pub struct RankLayout {
    pub action: ActionId,
    pub status: ActionStatus,
    pub number: PlacedText,
    pub title: PlacedText,
    /// Owner, status, impact and effort.
    pub meta: PlacedText,
}

/// The priority view: the matrix and the ranked list, from (0, 0).
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityLayout {
    pub size: Vec2,
    pub title: PlacedText,
    pub subtitle: PlacedText,
    /// The 5 × 5 field: effort 1 to 5 left to right, impact 1 to 5 bottom to top.
    pub plot: Rect,
    pub quadrants: Vec<QuadrantLayout>,
    /// "Impact" and "Effort", beside their axes.
    pub axes: [PlacedText; 2],
    /// The scale's numbers along both axes.
    pub ticks: Vec<PlacedText>,
    pub dots: Vec<DotLayout>,
    pub heading: PlacedText,
    pub list: Vec<RankLayout>,
    /// "2 actions not yet scored", when some are not in the matrix.
    pub unscored: Option<PlacedText>,
}

impl PriorityLayout {
    /// The centre of the cell for `impact` and `effort` (1 to 5).
    pub fn cell_centre(&self, impact: u8, effort: u8) -> Pos2 {
        cell_centre(self.plot, impact, effort)
    }

    /// The impact and effort a point of the matrix means (a dot dropped there), each 1 to 5;
    /// `None` outside the matrix.
    pub fn score_at(&self, pos: Pos2) -> Option<(u8, u8)> {
        if !self.plot.expand(DOT).contains(pos) {
            return None;
        }
        let step = |t: f32| ((t * 5.0).floor() as i32 + 1).clamp(1, 5) as u8;
        let effort = step((pos.x - self.plot.left()) / self.plot.width());
        let impact = step((self.plot.bottom() - pos.y) / self.plot.height());
        Some((impact, effort))
    }

    /// The action whose dot is at `pos`, the topmost first.
    pub fn dot_at(&self, pos: Pos2) -> Option<ActionId> {
        self.dots
            .iter()
            .rev()
            .find(|d| (d.centre - pos).length() <= d.radius + 2.0)
            .map(|d| d.action)
    }
}

fn cell_centre(plot: Rect, impact: u8, effort: u8) -> Pos2 {
    let cell = plot.width() / 5.0;
    pos2(
        plot.left() + (f32::from(effort.clamp(1, 5)) - 0.5) * cell,
        plot.bottom() - (f32::from(impact.clamp(1, 5)) - 0.5) * cell,
    )
}

fn placed(
    text: &mut TextMeasurer,
    words: &str,
    pos: Pos2,
    size: f32,
    bold: bool,
    width: f32,
    lines: usize,
) -> PlacedText {
    PlacedText {
        pos,
        block: text.block(words, size, bold, width, lines),
    }
}

/// A page's heading: its title, and the project's title under it, `width` wide.
fn heading(
    text: &mut TextMeasurer,
    title: &str,
    project: &Project,
    width: f32,
) -> (PlacedText, PlacedText) {
    (
        placed(text, title, pos2(MARGIN, MARGIN), 22.0, true, width, 1),
        placed(
            text,
            project.title.trim(),
            pos2(MARGIN, MARGIN + 30.0),
            12.0,
            false,
            width,
            1,
        ),
    )
}

/// Lays out the priority view of `actions` (in the order given: the ranking), titled for
/// `project`, in `language`.
pub fn lay_out_priorities(
    project: &Project,
    actions: &[&Action],
    language: Language,
    text: &mut TextMeasurer,
) -> PriorityLayout {
    let t = |key: &'static str| tr_in(language, key).into_owned();
    let plot = Rect::from_min_size(pos2(MARGIN + AXIS, MARGIN + TITLE_HEIGHT), vec2(PLOT, PLOT));
    let (title, subtitle) = heading(
        text,
        &t("priority.title"),
        project,
        PLOT + AXIS + LIST_WIDTH,
    );
    let split_x = plot.left() + LOW_CELLS / 5.0 * plot.width();
    let split_y = plot.bottom() - LOW_CELLS / 5.0 * plot.height();
    let quadrants = Quadrant::ALL
        .into_iter()
        .map(|q| {
            let (high_impact, high_effort) = match q {
                Quadrant::QuickWin => (true, false),
                Quadrant::BigBet => (true, true),
                Quadrant::FillIn => (false, false),
                Quadrant::MoneyPit => (false, true),
            };
            let x = if high_effort {
                split_x..=plot.right()
            } else {
                plot.left()..=split_x
            };
            let y = if high_impact {
                plot.top()..=split_y
            } else {
                split_y..=plot.bottom()
            };
            let rect = Rect::from_x_y_ranges(x, y);
            let width = rect.width() - 16.0;
            let name = placed(
                text,
                &crate::i18n::quadrant_name(language, q),
                rect.min + vec2(8.0, 6.0),
                12.0,
                true,
                width,
                1,
            );
            let advice = placed(
                text,
                &crate::i18n::quadrant_advice(language, q),
                rect.min + vec2(8.0, 22.0),
                8.5,
                false,
                width,
                2,
            );
            QuadrantLayout {
                quadrant: q,
                rect,
                name,
                advice,
            }
        })
        .collect();
    let axes = [
        placed(
            text,
            &format!("{} ↑", t("priority.impact")),
            pos2(MARGIN, plot.top() - 18.0),
            10.0,
            true,
            AXIS + 120.0,
            1,
        ),
        placed(
            text,
            &format!("{} →", t("priority.effort")),
            pos2(plot.right() - 120.0, plot.bottom() + 20.0),
            10.0,
            true,
            120.0,
            1,
        ),
    ];
    let mut ticks = Vec::new();
    for n in 1..=5u8 {
        let c = cell_centre(plot, n, n);
        ticks.push(placed(
            text,
            &n.to_string(),
            pos2(plot.left() - 16.0, c.y - 6.0),
            9.0,
            false,
            12.0,
            1,
        ));
        ticks.push(placed(
            text,
            &n.to_string(),
            pos2(c.x - 3.0, plot.bottom() + 4.0),
            9.0,
            false,
            12.0,
            1,
        ));
    }
    let dots = dots(plot, actions, text);
    let list_left = plot.right() + 36.0;
    let heading = placed(
        text,
        &t("priority.ranked"),
        pos2(list_left, plot.top() - 18.0),
        12.0,
        true,
        LIST_WIDTH - 36.0,
        1,
    );
    let mut list = Vec::new();
    let mut y = plot.top() + 4.0;
    for (i, a) in actions.iter().enumerate() {
        let number = placed(
            text,
            &format!("{}.", i + 1),
            pos2(list_left, y),
            10.0,
            true,
            24.0,
            1,
        );
        let title = placed(
            text,
            a.title.trim(),
            pos2(list_left + 26.0, y),
            10.0,
            true,
            LIST_WIDTH - 62.0,
            2,
        );
        let owner = a
            .owner
            .as_ref()
            .and_then(|o| project.owner_name(o))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| t("action.no_owner"));
        let mut meta_words = vec![
            owner,
            crate::i18n::action_status_name(language, a.status).into_owned(),
        ];
        if a.is_scored() {
            meta_words.push(tr_args_in(
                language,
                "priority.scores",
                &[("impact", &a.impact), ("effort", &a.effort)],
            ));
        }
        let meta = placed(
            text,
            &meta_words.join(" · "),
            pos2(list_left + 26.0, y + title.block.size.y + 1.0),
            8.5,
            false,
            LIST_WIDTH - 62.0,
            1,
        );
        y += title.block.size.y + meta.block.size.y + 9.0;
        list.push(RankLayout {
            action: a.id,
            status: a.status,
            number,
            title,
            meta,
        });
    }
    let unscored_count = actions.iter().filter(|a| !a.is_scored()).count();
    let unscored = (unscored_count > 0).then(|| {
        placed(
            text,
            &crate::i18n::tr_count_in(language, "priority.unscored", unscored_count, &[]),
            pos2(plot.left(), plot.bottom() + 40.0),
            9.0,
            false,
            PLOT,
            2,
        )
    });
    let bottom = (plot.bottom() + 70.0).max(y + 10.0) + MARGIN;
    PriorityLayout {
        size: vec2(list_left + LIST_WIDTH - 36.0 + MARGIN, bottom),
        title,
        subtitle,
        plot,
        quadrants,
        axes,
        ticks,
        dots,
        heading,
        list,
        unscored,
    }
}

/// A dot per scored action, numbered by its place in `actions`; dots of one cell are spread
/// round its centre so none hides another.
fn dots(plot: Rect, actions: &[&Action], text: &mut TextMeasurer) -> Vec<DotLayout> {
    let mut per_cell: std::collections::HashMap<(u8, u8), usize> = std::collections::HashMap::new();
    for a in actions.iter().filter(|a| a.is_scored()) {
        *per_cell.entry((a.impact, a.effort)).or_default() += 1;
    }
    let mut seen: std::collections::HashMap<(u8, u8), usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        if !a.is_scored() {
            continue;
        }
        let key = (a.impact, a.effort);
        let k = seen.entry(key).or_default();
        let n = per_cell.get(&key).copied().unwrap_or(1);
        let centre = cell_centre(plot, a.impact, a.effort);
        let centre = if n > 1 {
            let angle = std::f32::consts::TAU * *k as f32 / n as f32;
            let reach = (plot.width() / 5.0 / 2.0 - DOT - 2.0).min(DOT * 1.2 + n as f32);
            centre + vec2(angle.sin(), -angle.cos()) * reach
        } else {
            centre
        };
        *k += 1;
        let label = (i + 1).to_string();
        let block = text.block(&label, 9.0, true, 2.0 * DOT, 1);
        let number = PlacedText {
            pos: centre - block.size / 2.0,
            block,
        };
        out.push(DotLayout {
            action: a.id,
            status: a.status,
            centre,
            radius: DOT,
            number,
        });
    }
    out
}

mod timeline;
pub use timeline::{
    BarLayout, MAX_QUARTERS, OwnerRow, QuarterLayout, TimelineLayout, lay_out_timeline,
};

#[cfg(test)]
mod tests;
