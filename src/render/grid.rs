//! The map's grid: lane rows and their headers, a blueprint's lines, stage headers and column
//! lines, and the emotion lane's baseline and scale.

use epaint::{Rect, pos2, vec2};

use super::{Line, Shape, Theme, text};
use crate::layout::Layout;
use crate::model::Map;

/// Lane rows (banded backgrounds, headers with their accent) and a blueprint's lines.
pub(super) fn lanes(shapes: &mut Vec<Shape>, map: &Map, layout: &Layout, theme: &Theme) {
    // Lane rows: banded backgrounds and headers.
    for (i, lane) in layout.lanes.iter().enumerate() {
        let model_lane = map.lane(lane.id);
        let accent = model_lane
            .and_then(|l| l.colour)
            .map_or_else(|| theme.lane_accent(lane.kind), Theme::user_colour);
        if i % 2 == 1 {
            shapes.push(Shape::Rect {
                rect: lane.row,
                radius: 0.0,
                fill: Some(theme.curve_band),
                stroke: None,
            });
        }
        shapes.push(Shape::Rect {
            rect: lane.header,
            radius: 0.0,
            fill: Some(theme.lane_header_fill),
            stroke: None,
        });
        shapes.push(Shape::Rect {
            rect: Rect::from_min_size(lane.header.min, vec2(4.0, lane.header.height())),
            radius: 0.0,
            fill: Some(accent),
            stroke: None,
        });
        text(shapes, &lane.name, theme.ink);
        shapes.push(Shape::Path {
            points: vec![lane.row.left_bottom(), lane.row.right_bottom()],
            closed: false,
            fill: None,
            stroke: Some(Line::solid(0.75, theme.grid_line)),
        });
    }

    // A service blueprint's lines of interaction, visibility and internal interaction.
    for line in &layout.blueprint_lines {
        shapes.push(Shape::Path {
            points: vec![pos2(line.left, line.y), pos2(line.right, line.y)],
            closed: false,
            fill: None,
            stroke: Some(Line {
                width: 1.6,
                colour: theme.header_fill,
                dash: Some(7.0),
            }),
        });
        text(shapes, &line.label, theme.header_fill);
    }
}

/// Stage headers and the lines between the columns.
pub(super) fn stages(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    // Stage headers and column lines.
    for (i, stage) in layout.stages.iter().enumerate() {
        shapes.push(Shape::Rect {
            rect: stage.header.shrink2(vec2(1.0, 0.0)),
            radius: 3.0,
            fill: Some(theme.header_fill),
            stroke: None,
        });
        text(shapes, &stage.name, theme.header_ink);
        text(shapes, &stage.detail, theme.header_ink.gamma_multiply(0.85));
        if i > 0 {
            shapes.push(Shape::Path {
                points: vec![
                    pos2(stage.column.left(), stage.header.bottom()),
                    stage.column.left_bottom(),
                ],
                closed: false,
                fill: None,
                stroke: Some(Line::solid(0.75, theme.grid_line)),
            });
        }
    }
}

/// The emotion lane's neutral baseline and its scale's labels.
pub(super) fn curve_bands(shapes: &mut Vec<Shape>, map: &Map, layout: &Layout, theme: &Theme) {
    // Curve bands: baseline and scale labels.
    for lane in &layout.lanes {
        let Some(band) = lane.curve_band else {
            continue;
        };
        let neutral_y = Layout::score_to_y(band, map.scale, map.scale.neutral());
        shapes.push(Shape::Path {
            points: vec![pos2(band.left(), neutral_y), pos2(band.right(), neutral_y)],
            closed: false,
            fill: None,
            stroke: Some(Line {
                width: 0.75,
                colour: theme.neutral_line,
                dash: Some(4.0),
            }),
        });
        for (pos, label) in Layout::scale_labels(lane.header, band, map.scale, layout.language) {
            shapes.push(Shape::Text {
                pos,
                text: label.into(),
                size: 8.0,
                bold: false,
                colour: theme.ink_muted,
            });
        }
    }
}

/// The badge at the foot of a stage header that zooms into a journey: its title and the
/// score it leaves remembered.
pub(super) fn journey_badges(
    shapes: &mut Vec<Shape>,
    layout: &Layout,
    theme: &Theme,
    words: &[(crate::model::MapId, String)],
) {
    for (id, rect) in layout.stages.iter().filter_map(|s| s.journey) {
        shapes.push(Shape::Rect {
            rect,
            radius: rect.height() / 2.0,
            fill: Some(theme.header_ink.gamma_multiply(0.16)),
            stroke: Some(Line::solid(0.8, theme.header_ink)),
        });
        if let Some((_, text)) = words.iter().find(|(w, _)| *w == id) {
            shapes.push(Shape::Text {
                pos: pos2(rect.left() + 7.0, rect.top() + 3.0),
                text: text.as_str().into(),
                size: crate::layout::JOURNEY_BADGE_SIZE,
                bold: true,
                colour: theme.header_ink,
            });
        }
    }
}
