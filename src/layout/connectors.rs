//! Where a service blueprint's arrows between cards run: out of one card and into the other,
//! at right angles, their cross piece in the gutter between lanes (where no card stands) or
//! between the two cards of one lane.

use epaint::{Pos2, Rect, pos2};

use super::{CardLayout, LaneLayout, PlacedText, TextMeasurer};
use crate::model::{ConnectorId, Map};

/// One arrow: its corners from start to tip, and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectorLayout {
    pub id: ConnectorId,
    pub points: Vec<Pos2>,
    pub label: Option<PlacedText>,
}

impl ConnectorLayout {
    /// How far `pos` is from the arrow's line.
    pub fn distance(&self, pos: Pos2) -> f32 {
        self.points
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let ab = b - a;
                let t = ((pos - a).dot(ab) / ab.length_sq().max(f32::EPSILON)).clamp(0.0, 1.0);
                (a + ab * t - pos).length()
            })
            .fold(f32::INFINITY, f32::min)
    }
}

/// The corners of an arrow from card `a` (in row `a_row`) to card `b` (in row `b_row`).
fn route(a: Rect, b: Rect, (a_row, b_row): (Rect, Rect), gutter: f32) -> Vec<Pos2> {
    let side_by_side = b.top() < a.bottom() && b.bottom() > a.top();
    if side_by_side {
        let (start, end) = if b.center().x >= a.center().x {
            (a.right_center(), b.left_center())
        } else {
            (a.left_center(), b.right_center())
        };
        if (start.y - end.y).abs() < 0.5 {
            return vec![start, end];
        }
        let mx = f32::midpoint(start.x, end.x);
        return vec![start, pos2(mx, start.y), pos2(mx, end.y), end];
    }
    let down = b.top() >= a.center().y;
    let (start, end, cross) = if down {
        // In the gutter just above the lower card's lane.
        (
            a.center_bottom(),
            b.center_top(),
            b_row.top() + gutter / 2.0,
        )
    } else {
        (
            a.center_top(),
            b.center_bottom(),
            a_row.top() + gutter / 2.0,
        )
    };
    if (start.x - end.x).abs() < 0.5 {
        return vec![start, end];
    }
    vec![start, pos2(start.x, cross), pos2(end.x, cross), end]
}

/// Whether any piece of `points` runs through a card of `others`.
fn blocked(points: &[Pos2], others: &[Rect]) -> bool {
    points.windows(2).any(|w| {
        let piece = Rect::from_two_pos(w[0], w[1]).expand(0.5);
        others.iter().any(|c| c.shrink(1.0).intersects(piece))
    })
}

/// A way round the cards in between: out of `a`, along the gutter of its column (left of
/// the card) or the gutter above a lane, and into `b` from the gutter above its lane.
fn round_the_cards(a: Rect, b: Rect, (a_row, b_row): (Rect, Rect), gutter: f32) -> Vec<Pos2> {
    let below = b.top() >= a.center().y;
    let column_x = a.left() - gutter / 2.0;
    if below {
        let out = pos2(a.center().x, a.bottom() + gutter / 2.0);
        let cross = b_row.top() + gutter / 2.0;
        vec![
            a.center_bottom(),
            out,
            pos2(column_x, out.y),
            pos2(column_x, cross),
            pos2(b.center().x, cross),
            b.center_top(),
        ]
    } else {
        let up = a_row.top() + gutter / 2.0;
        let cross = b_row.bottom() - gutter / 2.0;
        vec![
            a.center_top(),
            pos2(a.center().x, up),
            pos2(column_x, up),
            pos2(column_x, cross),
            pos2(b.center().x, cross),
            b.center_bottom(),
        ]
    }
}

/// The arrows of `map`, between its laid-out `cards` in their `lanes`.
pub(super) fn connectors(
    map: &Map,
    (cards, lanes): (&[CardLayout], &[LaneLayout]),
    gutter: f32,
    text: &mut TextMeasurer,
) -> Vec<ConnectorLayout> {
    let card = |id| cards.iter().find(|c| c.id == id);
    let row = |c: &CardLayout| {
        lanes
            .iter()
            .find(|l| l.id == c.lane)
            .map_or(c.rect, |l| l.row)
    };
    map.connectors
        .iter()
        .filter_map(|connector| {
            let (a, b) = (card(connector.from)?, card(connector.to)?);
            let rows = (row(a), row(b));
            let mut points = route(a.rect, b.rect, rows, gutter);
            let others: Vec<Rect> = cards
                .iter()
                .filter(|c| c.id != a.id && c.id != b.id)
                .map(|c| c.rect)
                .collect();
            if blocked(&points, &others) {
                points = round_the_cards(a.rect, b.rect, rows, gutter);
            }
            let label = (!connector.label.trim().is_empty()).then(|| {
                let block = text.block(&connector.label, 8.0, false, 140.0, 2);
                // Beside the middle of the longest piece.
                let (p, q) = points
                    .windows(2)
                    .map(|w| (w[0], w[1]))
                    .max_by(|x, y| (x.1 - x.0).length().total_cmp(&(y.1 - y.0).length()))
                    .unwrap_or((points[0], points[0]));
                let middle = p.lerp(q, 0.5);
                PlacedText {
                    pos: pos2(middle.x + 4.0, middle.y - block.size.y - 2.0),
                    block,
                }
            });
            Some(ConnectorLayout {
                id: connector.id,
                points,
                label,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::vec2;

    #[test]
    fn an_arrow_down_crosses_in_the_gutter_above_the_lower_lane() {
        let a = Rect::from_min_size(pos2(10.0, 10.0), vec2(100.0, 40.0));
        let b = Rect::from_min_size(pos2(300.0, 110.0), vec2(100.0, 40.0));
        let (a_row, b_row) = (
            Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 100.0)),
            Rect::from_min_size(pos2(0.0, 100.0), vec2(500.0, 100.0)),
        );
        let points = route(a, b, (a_row, b_row), 8.0);
        assert_eq!(
            points,
            [
                a.center_bottom(),
                pos2(a.center().x, 104.0),
                pos2(b.center().x, 104.0),
                b.center_top()
            ]
        );
        // Every piece is level or upright.
        for w in points.windows(2) {
            let d = w[1] - w[0];
            assert!(d.x.abs() < 1e-4 || d.y.abs() < 1e-4, "{w:?}");
        }
        // Up again: out of the top, across in the gutter above the lower card.
        let back = route(b, a, (b_row, a_row), 8.0);
        assert_eq!(back[0], b.center_top());
        assert!((back[1].y - 104.0).abs() < 1e-4);
        assert_eq!(*back.last().unwrap(), a.center_bottom());
    }

    #[test]
    fn an_arrow_goes_round_a_card_in_its_way() {
        let a = Rect::from_min_size(pos2(10.0, 10.0), vec2(100.0, 40.0));
        let between = Rect::from_min_size(pos2(10.0, 110.0), vec2(100.0, 40.0));
        let b = Rect::from_min_size(pos2(10.0, 210.0), vec2(100.0, 40.0));
        let rows = (
            Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 100.0)),
            Rect::from_min_size(pos2(0.0, 200.0), vec2(500.0, 100.0)),
        );
        let straight = route(a, b, rows, 8.0);
        assert!(blocked(&straight, &[between]));
        let round = round_the_cards(a, b, rows, 8.0);
        assert!(!blocked(&round, &[between]), "{round:?}");
        assert_eq!(round.first(), Some(&a.center_bottom()));
        assert_eq!(round.last(), Some(&b.center_top()));
    }

    #[test]
    fn an_arrow_along_a_lane_runs_from_side_to_side() {
        let a = Rect::from_min_size(pos2(10.0, 10.0), vec2(100.0, 40.0));
        let b = Rect::from_min_size(pos2(300.0, 20.0), vec2(100.0, 40.0));
        let row = Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 100.0));
        let points = route(a, b, (row, row), 8.0);
        assert_eq!(points.first(), Some(&a.right_center()));
        assert_eq!(points.last(), Some(&b.left_center()));
        assert_eq!(points.len(), 4);
    }
}
