//! A metrics lane's figures (number, bar, sparkline, top labels), an evidence lane's quotes,
//! the evidence line and the action badge on cards, and the sources' footnote.

use epaint::Rect;

use super::{Line, Shape, Theme, text};
use crate::layout::Layout;
use crate::model::LaneKind;

/// Every metric cell, quote and the footnote of `layout`.
pub(super) fn metrics(shapes: &mut Vec<Shape>, layout: &Layout, theme: &Theme) {
    let accent = theme.lane_accent(LaneKind::Metrics);
    let track = theme.grid_line;
    for cell in &layout.metric_cells {
        for item in &cell.items {
            text(shapes, &item.name, theme.ink_muted);
            text(shapes, &item.value, theme.ink);
            bar(shapes, item.bar.0, item.bar.1, track, accent);
            if item.spark.len() > 1 {
                shapes.push(Shape::Path {
                    points: item.spark.clone(),
                    closed: false,
                    fill: None,
                    stroke: Some(Line::solid(1.2, accent)),
                });
                if let Some(last) = item.spark.last() {
                    shapes.push(Shape::Circle {
                        center: *last,
                        radius: 2.0,
                        fill: Some(accent),
                        stroke: None,
                    });
                }
            }
            for (label, rect, share) in &item.breakdown {
                text(shapes, label, theme.ink);
                if rect.is_positive() {
                    bar(shapes, *rect, *share, track, accent);
                }
            }
        }
    }
    let quote_accent = theme.lane_accent(LaneKind::Quotes);
    for quote in &layout.quotes {
        super::cards::card_box(shapes, quote.rect, (theme.paper, quote_accent), theme);
        text(shapes, &quote.text, theme.ink);
        text(shapes, &quote.attribution, theme.ink_muted);
    }
    for card in &layout.cards {
        text(shapes, &card.evidence, quote_accent);
        if let Some(badge) = &card.actions {
            action_badge(shapes, badge, theme);
        }
        if let Some(count) = &card.comments {
            comment_bubble(shapes, count, theme);
        }
    }
    text(shapes, &layout.footnote, theme.ink_muted);
}

/// A card's action badge: a pill edged in its status's colour, the words in ink.
fn action_badge(shapes: &mut Vec<Shape>, badge: &crate::layout::ActionBadge, theme: &Theme) {
    let colour = theme.status_colour(badge.status);
    shapes.push(Shape::Rect {
        rect: badge.rect,
        radius: badge.rect.height() / 2.0,
        fill: Some(colour.gamma_multiply(0.18)),
        stroke: Some(Line::solid(1.0, colour)),
    });
    text(shapes, &badge.label, theme.ink);
}

/// A card's comment bubble: its count of open comments, white on the accent, round.
fn comment_bubble(shapes: &mut Vec<Shape>, count: &crate::layout::PlacedText, theme: &Theme) {
    let size = count.block.size;
    let height = size.y + 3.0;
    let width = (size.x + 10.0).max(height);
    let centre = count.pos + size / 2.0;
    let rect = Rect::from_center_size(centre, epaint::vec2(width, height));
    shapes.push(Shape::Rect {
        rect,
        radius: height / 2.0,
        fill: Some(theme.header_fill),
        stroke: Some(Line::solid(1.0, theme.paper)),
    });
    text(shapes, count, theme.paper);
}

/// A track with `share` of it filled from the left.
fn bar(
    shapes: &mut Vec<Shape>,
    rect: Rect,
    share: f32,
    track: epaint::Color32,
    fill: epaint::Color32,
) {
    shapes.push(Shape::Rect {
        rect,
        radius: rect.height() / 2.0,
        fill: Some(track),
        stroke: None,
    });
    let share = share.clamp(0.0, 1.0);
    if share > 0.0 {
        shapes.push(Shape::Rect {
            rect: Rect::from_min_size(
                rect.min,
                epaint::vec2((rect.width() * share).max(rect.height()), rect.height()),
            ),
            radius: rect.height() / 2.0,
            fill: Some(fill),
            stroke: None,
        });
    }
}
