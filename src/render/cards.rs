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
        shapes.push(Shape::Rect {
            rect: card_layout.rect,
            radius: 4.0,
            fill: Some(fill),
            stroke: Some(Line::solid(0.75, theme.card_stroke)),
        });
        shapes.push(Shape::Rect {
            rect: Rect::from_min_size(
                card_layout.rect.min + vec2(0.0, 3.0),
                vec2(3.0, card_layout.rect.height() - 6.0),
            ),
            radius: 1.5,
            fill: Some(accent),
            stroke: None,
        });
        text(shapes, &card_layout.title, theme.ink);
        text(shapes, &card_layout.body, theme.ink);
        text(shapes, &card_layout.meta, theme.ink_muted);
        if let (Some(rect), Some(channel)) = (card_layout.channel_icon, &card.channel) {
            shapes.extend(icons::channel_icon(channel, rect, theme.ink_muted));
        }
        if card.moment_of_truth.is_some() {
            let c = pos2(
                card_layout.rect.right() - m.card_padding - 2.0,
                card_layout.rect.top() + m.card_padding + 3.0,
            );
            shapes.push(star(c, 6.0, theme.moment_of_truth));
        }
    }
}
