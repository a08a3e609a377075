//! A comparison on the canvas: the cards that were added, moved or changed since the earlier
//! version outlined in their colour (the one stepped to thicker), and the earlier version's
//! curves drawn behind, dashed, so the two can be read against each other.

use egui::{Color32, Pos2, Stroke, emath::TSTransform};

use crate::compare::Kind;
use crate::layout::Layout;
use crate::model::CardId;
use crate::render::Theme;

/// What the canvas shows of a comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlights {
    /// Cards of the map on show and how they changed.
    pub cards: Vec<(CardId, Kind)>,
    /// The earlier version's curves, in map units of the map on show.
    pub earlier: Vec<Vec<Pos2>>,
    /// Where the cards that were removed stood in the earlier version (map units).
    pub removed: Vec<(CardId, egui::Rect)>,
    /// The card stepped to in the list of changes.
    pub current: Option<CardId>,
}

/// The outline colour of a change.
pub fn colour(kind: Kind) -> Color32 {
    match kind {
        Kind::Added => Theme::gain_colour(),
        Kind::Moved => Theme::moved_colour(),
        Kind::Changed => Theme::changed_colour(),
        Kind::Removed => Theme::loss_colour(),
    }
}

/// Paints `h` over the scene.
pub(super) fn paint(
    painter: &egui::Painter,
    layout: &Layout,
    to_screen: TSTransform,
    h: &Highlights,
) {
    let scale = to_screen.scaling;
    let ghost = Theme::earlier_curve();
    for line in &h.earlier {
        let points: Vec<Pos2> = line.iter().map(|p| to_screen * *p).collect();
        for pair in points.windows(2) {
            painter.add(egui::Shape::dashed_line(
                pair,
                Stroke::new(2.0 * scale.max(0.5), ghost),
                6.0 * scale,
                4.0 * scale,
            ));
        }
        for p in &points {
            painter.circle_stroke(*p, 4.0 * scale.max(0.5), Stroke::new(1.5, ghost));
        }
    }
    for (id, rect) in &h.removed {
        let width = if h.current == Some(*id) { 3.5 } else { 2.0 };
        let r = to_screen * rect.expand(3.0);
        let stroke = Stroke::new(width, colour(Kind::Removed));
        let corners = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        painter.add(egui::Shape::dashed_line(&corners, stroke, 6.0, 4.0));
        painter.line_segment(
            [r.left_top(), r.right_bottom()],
            Stroke::new(1.0, colour(Kind::Removed)),
        );
    }
    for (id, kind) in &h.cards {
        let Some(card) = layout.cards.iter().find(|c| c.id == *id) else {
            continue;
        };
        let width = if h.current == Some(*id) { 4.0 } else { 2.5 };
        painter.rect_stroke(
            to_screen * card.rect.expand(3.0),
            6.0 * scale,
            Stroke::new(width, colour(*kind)),
            egui::StrokeKind::Outside,
        );
    }
}
