//! The roadmap of actions: a column per quarter, a row per owner, each action a bar in its
//! cell with its status in words.

use epaint::{Rect, Vec2, pos2, vec2};

use super::{MARGIN, TITLE_HEIGHT, heading, placed};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::layout::{PlacedText, TextMeasurer};
use crate::model::{Action, ActionId, ActionStatus, Project};

/// A quarter column of the roadmap of actions (or the column of those without a date).
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterLayout {
    /// `(year, 1..=4)`; `None` for "not planned".
    pub quarter: Option<(i32, u8)>,
    pub rect: Rect,
    pub label: PlacedText,
}

/// An owner's row.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerRow {
    pub rect: Rect,
    pub name: PlacedText,
}

/// An action on the roadmap, in its owner's row and its quarter's column.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    pub action: ActionId,
    pub status: ActionStatus,
    pub rect: Rect,
    pub title: PlacedText,
    /// The status in words (the bar's colour says it too, but never alone).
    pub status_name: PlacedText,
}

/// The roadmap of actions, from (0, 0).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub size: Vec2,
    pub title: PlacedText,
    pub subtitle: PlacedText,
    pub columns: Vec<QuarterLayout>,
    pub rows: Vec<OwnerRow>,
    pub bars: Vec<BarLayout>,
}

const OWNER_WIDTH: f32 = 150.0;
const QUARTER_WIDTH: f32 = 150.0;
const BAR_HEIGHT: f32 = 40.0;
/// The most quarters shown; later ones join the last column.
pub const MAX_QUARTERS: usize = 12;

/// Lays out the roadmap of `actions` (dropped ones left out): a row per owner, in name order
/// with "no owner" last, and a column per quarter from the first due to the last (at most
/// [`MAX_QUARTERS`], the last one holding what comes later), then one for those without a date.
pub fn lay_out_timeline(
    project: &Project,
    actions: &[&Action],
    language: Language,
    text: &mut TextMeasurer,
) -> TimelineLayout {
    let t = |key: &'static str| tr_in(language, key).into_owned();
    let actions: Vec<&Action> = actions
        .iter()
        .copied()
        .filter(|a| a.status != ActionStatus::Dropped)
        .collect();
    let quarters: Vec<(i32, u8)> = actions
        .iter()
        .filter_map(|a| a.due())
        .map(crate::model::Due::quarter)
        .collect();
    let first = quarters.iter().min().copied();
    let last = quarters.iter().max().copied();
    let mut columns_q: Vec<(i32, u8)> = Vec::new();
    if let (Some(mut q), Some(last)) = (first, last) {
        while q <= last && columns_q.len() < MAX_QUARTERS {
            columns_q.push(q);
            q = if q.1 == 4 {
                (q.0 + 1, 1)
            } else {
                (q.0, q.1 + 1)
            };
        }
    }
    let later = last.is_some_and(|l| columns_q.last().is_some_and(|c| *c < l));
    let column_of = |a: &Action| -> usize {
        match a.due() {
            None => columns_q.len(),
            Some(d) => {
                let q = d.quarter();
                columns_q
                    .iter()
                    .position(|c| *c == q)
                    .unwrap_or(columns_q.len().saturating_sub(1))
            }
        }
    };
    let no_owner = t("action.no_owner");
    let owner_of = |a: &Action| -> Option<String> {
        a.owner
            .as_ref()
            .and_then(|o| project.owner_name(o))
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
    };
    let mut owners: Vec<String> = actions.iter().filter_map(|a| owner_of(a)).collect();
    owners.sort_by_key(|n| n.to_lowercase());
    owners.dedup_by(|a, b| crate::model::same_name(a, b));
    let has_unowned = actions.iter().any(|a| owner_of(a).is_none());
    let row_of = |a: &Action| -> usize {
        owner_of(a)
            .and_then(|n| owners.iter().position(|o| crate::model::same_name(o, &n)))
            .unwrap_or(owners.len())
    };
    let unplanned = actions.iter().any(|a| a.due().is_none());
    let n_columns = columns_q.len() + usize::from(unplanned);
    let n_rows = owners.len() + usize::from(has_unowned);
    // How many bars each cell stacks, so each row is as tall as its fullest cell.
    let mut stack = vec![vec![0_usize; n_columns.max(1)]; n_rows.max(1)];
    for a in &actions {
        stack[row_of(a)][column_of(a)] += 1;
    }
    let top = MARGIN + TITLE_HEIGHT + 24.0;
    let left = MARGIN + OWNER_WIDTH;
    let width = OWNER_WIDTH + n_columns as f32 * QUARTER_WIDTH;
    let (title, subtitle) = heading(text, &t("timeline.title"), project, width.max(300.0));
    let mut rows = Vec::new();
    let mut y = top;
    let mut row_tops = Vec::new();
    for (r, cells) in stack.iter().enumerate().take(n_rows) {
        let tallest = cells.iter().copied().max().unwrap_or(0).max(1);
        let height = tallest as f32 * (BAR_HEIGHT + 6.0) + 10.0;
        let rect = Rect::from_min_size(pos2(MARGIN, y), vec2(width, height));
        let name = owners.get(r).cloned().unwrap_or_else(|| no_owner.clone());
        rows.push(OwnerRow {
            rect,
            name: placed(
                text,
                &name,
                pos2(MARGIN + 6.0, y + 8.0),
                10.0,
                true,
                OWNER_WIDTH - 12.0,
                3,
            ),
        });
        row_tops.push(y);
        y += height;
    }
    let bottom = y;
    let mut columns = Vec::new();
    for c in 0..n_columns {
        let x = left + c as f32 * QUARTER_WIDTH;
        let rect = Rect::from_min_max(pos2(x, top - 24.0), pos2(x + QUARTER_WIDTH, bottom));
        let quarter = columns_q.get(c).copied();
        let label = match quarter {
            Some((year, q)) if later && c + 1 == columns_q.len() => tr_args_in(
                language,
                "timeline.and_later",
                &[("quarter", &format!("Q{q} {year}"))],
            ),
            Some((year, q)) => format!("Q{q} {year}"),
            None => t("timeline.unplanned"),
        };
        columns.push(QuarterLayout {
            quarter,
            rect,
            label: placed(
                text,
                &label,
                pos2(x + 6.0, top - 18.0),
                10.0,
                true,
                QUARTER_WIDTH - 12.0,
                1,
            ),
        });
    }
    let mut filled = vec![vec![0_usize; n_columns.max(1)]; n_rows.max(1)];
    let mut bars = Vec::new();
    for a in &actions {
        let (r, c) = (row_of(a), column_of(a));
        let k = filled[r][c];
        filled[r][c] += 1;
        let rect = Rect::from_min_size(
            pos2(
                left + c as f32 * QUARTER_WIDTH + 5.0,
                row_tops[r] + 5.0 + k as f32 * (BAR_HEIGHT + 6.0),
            ),
            vec2(QUARTER_WIDTH - 10.0, BAR_HEIGHT),
        );
        let title = placed(
            text,
            a.title.trim(),
            rect.min + vec2(6.0, 4.0),
            8.5,
            false,
            rect.width() - 12.0,
            2,
        );
        let status_name = placed(
            text,
            &crate::i18n::action_status_name(language, a.status),
            pos2(rect.left() + 6.0, rect.bottom() - 12.0),
            7.5,
            false,
            rect.width() - 12.0,
            1,
        );
        bars.push(BarLayout {
            action: a.id,
            status: a.status,
            rect,
            title,
            status_name,
        });
    }
    TimelineLayout {
        size: vec2(width.max(300.0) + 2.0 * MARGIN, bottom + MARGIN),
        title,
        subtitle,
        columns,
        rows,
        bars,
    }
}
