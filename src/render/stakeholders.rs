//! Paints the stakeholder map: the rings around the customer, relations as arrows in their
//! kind's line, the stakeholders' boxes, the legend.

use epaint::{Color32, Pos2, Rect, Vec2};

use super::{Line, Scene, Shape, Theme, text};
use crate::layout::stakeholders::StakeholderLayout;
use crate::model::{RelationId, Ring, StakeholderId};

/// What is selected on the stakeholder map, drawn with a ring of the accent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    pub stakeholder: Option<StakeholderId>,
    pub relation: Option<RelationId>,
}

/// An arrowhead at `tip`, pointing away from `from`.
fn arrowhead(shapes: &mut Vec<Shape>, from: Pos2, tip: Pos2, colour: Color32) {
    let d = (tip - from).normalized();
    if !d.x.is_finite() || !d.y.is_finite() {
        return;
    }
    let side = Vec2::new(-d.y, d.x);
    let base = tip - d * 10.0;
    shapes.push(Shape::Path {
        points: vec![tip, base + side * 4.5, base - side * 4.5],
        closed: true,
        fill: Some(colour),
        stroke: None,
    });
}

/// The stakeholder map as laid out, with `highlight` marked.
pub fn stakeholder_map(layout: &StakeholderLayout, theme: &Theme, highlight: Highlight) -> Scene {
    let mut shapes = Vec::new();
    text(&mut shapes, &layout.title, theme.ink);
    text(&mut shapes, &layout.subtitle, theme.ink_muted);
    // Rings from the outside in, so each inner disc lies on the one around it.
    for ring in layout.rings.iter().rev() {
        let fill = match ring.ring {
            Ring::Customer => theme.header_fill,
            Ring::Core => theme.lane_header_fill,
            Ring::Direct => theme.curve_band,
            Ring::Indirect => theme.paper,
        };
        shapes.push(Shape::Circle {
            center: layout.centre,
            radius: ring.radius
                + if ring.ring == Ring::Customer {
                    0.0
                } else {
                    70.0
                },
            fill: Some(fill),
            stroke: Some(Line::solid(0.75, theme.grid_line)),
        });
    }
    for ring in &layout.rings {
        let ink = if ring.ring == Ring::Customer {
            theme.header_ink
        } else {
            theme.ink_muted
        };
        let mut name = ring.name.clone();
        if ring.ring != Ring::Customer {
            // The name sits at the top of its band, above the stakeholders on the ring.
            name.pos.y -= 64.0;
        }
        text(&mut shapes, &name, ink);
    }
    for relation in &layout.relations {
        let mut line = Theme::relation_line(relation.kind);
        if highlight.relation == Some(relation.id) {
            line.width += 2.0;
        }
        shapes.push(Shape::Path {
            points: vec![relation.from, relation.to],
            closed: false,
            fill: None,
            stroke: Some(line),
        });
        arrowhead(&mut shapes, relation.from, relation.to, line.colour);
        if relation.both_ways {
            arrowhead(&mut shapes, relation.to, relation.from, line.colour);
        }
        for words in [&relation.label, &relation.back] {
            if words.block.lines.is_empty() {
                continue;
            }
            shapes.push(Shape::Rect {
                rect: Rect::from_min_size(words.pos, words.block.size).expand(1.5),
                radius: 2.0,
                fill: Some(theme.paper.gamma_multiply(0.9)),
                stroke: None,
            });
            text(&mut shapes, words, theme.ink);
        }
    }
    for node in &layout.nodes {
        let selected = highlight.stakeholder == Some(node.id);
        let accent = if node.ring == Ring::Customer {
            theme.header_fill
        } else {
            theme.card_stroke
        };
        shapes.push(Shape::Rect {
            rect: node.rect,
            radius: 6.0,
            fill: Some(theme.page),
            stroke: Some(Line::solid(
                if selected { 3.0 } else { 1.2 },
                if selected { theme.header_fill } else { accent },
            )),
        });
        text(&mut shapes, &node.name, theme.ink);
        text(&mut shapes, &node.role, theme.ink_muted);
    }
    for entry in &layout.legend {
        let line = Theme::relation_line(entry.kind);
        shapes.push(Shape::Path {
            points: entry.sample.to_vec(),
            closed: false,
            fill: None,
            stroke: Some(line),
        });
        text(&mut shapes, &entry.name, theme.ink);
    }
    Scene {
        size: layout.size,
        background: theme.paper,
        shapes,
    }
}
