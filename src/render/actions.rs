//! Paints actions: the impact × effort matrix with its ranked list, and the roadmap of actions
//! by quarter and owner. One painter for the screen and for paper, as for the maps.

use epaint::vec2;

use super::{Line, Scene, Shape, Theme, text};
use crate::layout::actions::{PriorityLayout, TimelineLayout};
use crate::model::ActionId;

/// The priority view as laid out; `highlight` (the selected action) gets a ring of ink.
pub fn priority_matrix(
    layout: &PriorityLayout,
    theme: &Theme,
    highlight: Option<ActionId>,
) -> Scene {
    let mut shapes = Vec::new();
    text(&mut shapes, &layout.title, theme.ink);
    text(&mut shapes, &layout.subtitle, theme.ink_muted);
    for q in &layout.quadrants {
        shapes.push(Shape::Rect {
            rect: q.rect,
            radius: 0.0,
            fill: Some(theme.quadrant_fill(q.quadrant)),
            stroke: Some(Line::solid(0.75, theme.grid_line)),
        });
    }
    // The cells' lines, faint, so a dot's scores can be read off; the quadrants' words on them.
    let plot = layout.plot;
    for i in 1..5 {
        let f = i as f32 / 5.0;
        let x = plot.left() + f * plot.width();
        let y = plot.top() + f * plot.height();
        for points in [
            vec![epaint::pos2(x, plot.top()), epaint::pos2(x, plot.bottom())],
            vec![epaint::pos2(plot.left(), y), epaint::pos2(plot.right(), y)],
        ] {
            shapes.push(Shape::Path {
                points,
                closed: false,
                fill: None,
                stroke: Some(Line::solid(0.3, theme.grid_line)),
            });
        }
    }
    for q in &layout.quadrants {
        text(&mut shapes, &q.name, theme.ink);
        text(&mut shapes, &q.advice, theme.ink_muted);
    }
    shapes.push(Shape::Rect {
        rect: plot,
        radius: 0.0,
        fill: None,
        stroke: Some(Line::solid(1.2, theme.ink)),
    });
    for axis in &layout.axes {
        text(&mut shapes, axis, theme.ink);
    }
    for tick in &layout.ticks {
        text(&mut shapes, tick, theme.ink_muted);
    }
    for dot in &layout.dots {
        let selected = highlight == Some(dot.action);
        shapes.push(Shape::Circle {
            center: dot.centre,
            radius: dot.radius,
            fill: Some(theme.status_colour(dot.status)),
            stroke: Some(Line::solid(
                if selected { 3.0 } else { 1.2 },
                if selected { theme.ink } else { theme.page },
            )),
        });
        text(&mut shapes, &dot.number, theme.header_ink);
    }
    text(&mut shapes, &layout.heading, theme.ink);
    for row in &layout.list {
        let selected = highlight == Some(row.action);
        if selected {
            shapes.push(Shape::Rect {
                rect: epaint::Rect::from_min_max(
                    row.number.pos - vec2(4.0, 2.0),
                    row.meta.pos
                        + vec2(row.meta.block.size.x.max(row.title.block.size.x) + 4.0, 0.0)
                        + vec2(0.0, row.meta.block.size.y + 2.0),
                ),
                radius: 3.0,
                fill: Some(theme.lane_header_fill),
                stroke: None,
            });
        }
        shapes.push(Shape::Circle {
            center: row.number.pos + vec2(-8.0, 6.0),
            radius: 3.5,
            fill: Some(theme.status_colour(row.status)),
            stroke: None,
        });
        text(&mut shapes, &row.number, theme.ink);
        text(&mut shapes, &row.title, theme.ink);
        text(&mut shapes, &row.meta, theme.ink_muted);
    }
    if let Some(note) = &layout.unscored {
        text(&mut shapes, note, theme.ink_muted);
    }
    Scene {
        size: layout.size,
        background: theme.paper,
        shapes,
    }
}

/// The roadmap of actions as laid out; `highlight` (the selected action) gets a heavier edge
/// in ink.
pub fn action_timeline(
    layout: &TimelineLayout,
    theme: &Theme,
    highlight: Option<ActionId>,
) -> Scene {
    let mut shapes = Vec::new();
    text(&mut shapes, &layout.title, theme.ink);
    text(&mut shapes, &layout.subtitle, theme.ink_muted);
    for (i, row) in layout.rows.iter().enumerate() {
        shapes.push(Shape::Rect {
            rect: row.rect,
            radius: 0.0,
            fill: Some(if i % 2 == 0 {
                theme.paper
            } else {
                theme.curve_band
            }),
            stroke: Some(Line::solid(0.5, theme.grid_line)),
        });
        text(&mut shapes, &row.name, theme.ink);
    }
    for column in &layout.columns {
        shapes.push(Shape::Path {
            points: vec![column.rect.left_top(), column.rect.left_bottom()],
            closed: false,
            fill: None,
            stroke: Some(Line::solid(0.75, theme.grid_line)),
        });
        text(&mut shapes, &column.label, theme.ink);
    }
    for bar in &layout.bars {
        let colour = theme.status_colour(bar.status);
        let selected = highlight == Some(bar.action);
        shapes.push(Shape::Rect {
            rect: bar.rect,
            radius: 4.0,
            fill: Some(theme.page),
            stroke: Some(if selected {
                Line::solid(2.5, theme.ink)
            } else {
                Line::solid(1.0, colour)
            }),
        });
        // The status's colour as a band down the bar's left edge.
        shapes.push(Shape::Rect {
            rect: epaint::Rect::from_min_size(bar.rect.min, vec2(4.0, bar.rect.height())),
            radius: 2.0,
            fill: Some(colour),
            stroke: None,
        });
        text(&mut shapes, &bar.title, theme.ink);
        text(&mut shapes, &bar.status_name, theme.ink_muted);
    }
    Scene {
        size: layout.size,
        background: theme.paper,
        shapes,
    }
}
