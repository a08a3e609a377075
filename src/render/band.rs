//! The title block's personas and the band above the stages (the customer's goal, the
//! milestones and success criteria).

use epaint::{Rect, pos2, vec2};

use super::{Line, Shape, Theme, text};
use crate::layout::{BandRow, Layout};

/// The personas the map follows: a round photo (or initials on the persona's colour), name and
/// role.
pub(super) fn personas(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    for badge in &layout.title.personas {
        let ring = badge.colour.map_or(theme.header_fill, Theme::user_colour);
        let radius = badge.photo.width() / 2.0;
        if let Some(picture) = &badge.picture {
            shapes.push(Shape::Image {
                rect: badge.photo,
                radius,
                picture: picture.clone(),
            });
        } else {
            shapes.push(Shape::Circle {
                center: badge.photo.center(),
                radius,
                fill: Some(ring),
                stroke: None,
            });
            text(shapes, &badge.initials, Theme::ink_on(ring));
        }
        shapes.push(Shape::Circle {
            center: badge.photo.center(),
            radius: radius - 0.75,
            fill: None,
            stroke: Some(Line::solid(1.5, ring)),
        });
        text(shapes, &badge.name, theme.ink);
        text(shapes, &badge.role, theme.ink_muted);
    }
}

/// A band row's frame: a tinted header on the left with its name, a line under it.
fn row<C>(shapes: &mut Vec<Shape>, row: &BandRow<C>, theme: &Theme) {
    shapes.push(Shape::Rect {
        rect: row.rect,
        radius: 0.0,
        fill: Some(theme.curve_band),
        stroke: Some(Line::solid(0.75, theme.grid_line)),
    });
    shapes.push(Shape::Rect {
        rect: row.header,
        radius: 0.0,
        fill: Some(theme.lane_header_fill),
        stroke: None,
    });
    shapes.push(Shape::Rect {
        rect: Rect::from_min_size(row.header.min, vec2(4.0, row.header.height())),
        radius: 0.0,
        fill: Some(theme.header_fill),
        stroke: None,
    });
    text(shapes, &row.name, theme.ink);
}

/// A thin line between two cells of a row.
fn divider(shapes: &mut Vec<Shape>, x: f32, rect: Rect, theme: &Theme) {
    shapes.push(Shape::Path {
        points: vec![pos2(x, rect.top() + 4.0), pos2(x, rect.bottom() - 4.0)],
        closed: false,
        fill: None,
        stroke: Some(Line::solid(0.5, theme.grid_line)),
    });
}

/// The goal row and the milestones row, where the map has them.
pub(super) fn band(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    if let Some(goal) = &layout.band.goal {
        row(shapes, goal, theme);
        for cell in &goal.cells {
            divider(shapes, cell.rect.left(), cell.rect, theme);
            text(shapes, &cell.heading, theme.ink_muted);
            text(shapes, &cell.text, theme.ink);
        }
    }
    if let Some(milestones) = &layout.band.milestones {
        row(shapes, milestones, theme);
        for cell in &milestones.cells {
            divider(shapes, cell.rect.left(), cell.rect, theme);
            text(shapes, &cell.milestone, theme.header_fill);
            text(shapes, &cell.criteria, theme.ink);
        }
    }
}
