//! Cards: a tinted box with its lane's accent, title, text and meta line, the channel's icon
//! and the star of a moment of truth.

use epaint::{Rect, pos2, vec2};

use super::curves::star;
use super::{Line, Shape, Theme, icons, text};
use crate::layout::Layout;
use crate::model::{LaneKind, Map};

/// Every card of `layout`.
pub(super) fn cards(shapes: &mut Vec<Shape>, map: &Map, layout: &Layout, theme: &Theme) {
    let m = &layout.metrics;
    // Cards.
    for card_layout in &layout.cards {
        let Some(card) = map
            .cards
            .get(card_layout.index)
            .filter(|c| c.id == card_layout.id)
        else {
            continue;
        };
        let kind = map.lane(card.lane).map_or(LaneKind::Custom, |l| l.kind);
        let fill = card
            .colour
            .map_or_else(|| theme.card_fill(kind), Theme::tint);
        let accent = card
            .colour
            .map_or_else(|| theme.lane_accent(kind), Theme::user_colour);
        card_box(shapes, card_layout.rect, (fill, accent), theme);
        text(shapes, &card_layout.title, theme.ink);
        text(shapes, &card_layout.body, theme.ink);
        text(shapes, &card_layout.meta, theme.ink_muted);
        if let (Some(rect), Some(channel)) = (card_layout.channel_icon, &card.channel) {
            shapes.extend(icons::channel_icon(channel, rect, theme.ink_muted));
        }
        // Markers at the top right, from the corner in: a moment of truth's star, a fail
        // point, a waiting point.
        let mut x = card_layout.rect.right() - m.card_padding - 2.0;
        let y = card_layout.rect.top() + m.card_padding + 3.0;
        if card.moment_of_truth.is_some() {
            shapes.push(star(pos2(x, y), 6.0, theme.moment_of_truth));
            x -= 15.0;
        }
        if card.fail_point {
            fail_marker(shapes, pos2(x, y));
            x -= 15.0;
        }
        if card.wait_point {
            wait_marker(shapes, pos2(x, y), theme);
        }
    }
}

/// A card's box: rounded, filled, outlined, with its accent as a bar down the left edge. The
/// quotes lane draws its quotes the same way.
pub(super) fn card_box(
    shapes: &mut Vec<Shape>,
    rect: Rect,
    (fill, accent): (epaint::Color32, epaint::Color32),
    theme: &Theme,
) {
    shapes.push(Shape::Rect {
        rect,
        radius: 4.0,
        fill: Some(fill),
        stroke: Some(Line::solid(0.75, theme.card_stroke)),
    });
    shapes.push(Shape::Rect {
        rect: Rect::from_min_size(rect.min + vec2(0.0, 3.0), vec2(3.0, rect.height() - 6.0)),
        radius: 1.5,
        fill: Some(accent),
        stroke: None,
    });
}

/// A fail point: an exclamation mark in a red disc.
fn fail_marker(shapes: &mut Vec<Shape>, c: epaint::Pos2) {
    let red = Theme::loss_colour();
    shapes.push(Shape::Circle {
        center: c,
        radius: 6.0,
        fill: Some(red),
        stroke: None,
    });
    let white = Theme::ink_on(red);
    shapes.push(Shape::Path {
        points: vec![c + vec2(0.0, -3.4), c + vec2(0.0, 1.0)],
        closed: false,
        fill: None,
        stroke: Some(Line::solid(1.6, white)),
    });
    shapes.push(Shape::Circle {
        center: c + vec2(0.0, 3.2),
        radius: 0.9,
        fill: Some(white),
        stroke: None,
    });
}

/// A waiting point: a clock face.
fn wait_marker(shapes: &mut Vec<Shape>, c: epaint::Pos2, theme: &Theme) {
    shapes.push(Shape::Circle {
        center: c,
        radius: 5.6,
        fill: Some(theme.page),
        stroke: Some(Line::solid(1.3, theme.ink)),
    });
    shapes.push(Shape::Path {
        points: vec![c + vec2(0.0, -3.6), c, c + vec2(2.6, 0.0)],
        closed: false,
        fill: None,
        stroke: Some(Line::solid(1.2, theme.ink)),
    });
}

/// The arrows between cards, each with an arrowhead at the card it points to and its label.
pub(super) fn connectors(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    for connector in &layout.connectors {
        let width = 1.4;
        let colour = theme.ink;
        shapes.push(Shape::Path {
            points: connector.points.clone(),
            closed: false,
            fill: None,
            stroke: Some(Line::solid(width, colour)),
        });
        if let [.., from, tip] = connector.points.as_slice() {
            let d = (*tip - *from).normalized();
            if d.x.is_finite() && d.y.is_finite() {
                let side = vec2(-d.y, d.x);
                let base = *tip - d * 8.0;
                shapes.push(Shape::Path {
                    points: vec![*tip, base + side * 4.0, base - side * 4.0],
                    closed: true,
                    fill: Some(colour),
                    stroke: None,
                });
            }
        }
        if let Some(label) = &connector.label {
            shapes.push(Shape::Rect {
                rect: Rect::from_min_size(label.pos, label.block.size).expand(1.5),
                radius: 2.0,
                fill: Some(theme.page),
                stroke: None,
            });
            text(shapes, label, theme.ink);
        }
    }
}
