//! A department's lens over a painted map: what is not theirs (other cards, the headers of
//! stages they do not serve) fades under a veil of the paper, theirs is ringed, and a tag
//! says whose lens it is. The canvas and every export draw it the same way.

use std::collections::HashSet;

use epaint::{Rect, vec2};

use super::{Line, Shape, Theme};
use crate::layout::{Layout, PlacedText};
use crate::model::{CardId, StageId};

/// What a lens shows: the owner's cards (touchpoints and the pain points in their stages) and
/// stages, and the tag's words ("Afdelingslens: Expertisebureau").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LensDim {
    pub cards: HashSet<CardId>,
    pub stages: HashSet<StageId>,
    /// The tag, laid out (the caller words it in the map's language).
    pub tag: Option<PlacedText>,
}

/// The veil and rings of `lens` over `layout`, drawn after everything else.
pub fn veil(shapes: &mut Vec<Shape>, layout: &Layout, lens: &LensDim, theme: &Theme) {
    let fade = theme.paper.gamma_multiply(0.82);
    for c in &layout.cards {
        if lens.cards.contains(&c.id) {
            shapes.push(Shape::Rect {
                rect: c.rect.expand(1.5),
                radius: 5.0,
                fill: None,
                stroke: Some(Line::solid(2.0, theme.header_fill)),
            });
        } else {
            shapes.push(Shape::Rect {
                rect: c.rect.expand(1.0),
                radius: 4.0,
                fill: Some(fade),
                stroke: None,
            });
        }
    }
    for s in layout
        .stages
        .iter()
        .filter(|s| !lens.stages.contains(&s.id))
    {
        shapes.push(Shape::Rect {
            rect: s.header,
            radius: 0.0,
            fill: Some(fade),
            stroke: None,
        });
    }
    if let Some(tag) = &lens.tag {
        let back = Rect::from_min_size(tag.pos, tag.block.size).expand2(vec2(8.0, 4.0));
        shapes.push(Shape::Rect {
            rect: back,
            radius: 4.0,
            fill: Some(theme.header_fill),
            stroke: None,
        });
        super::text(shapes, tag, theme.header_ink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every card is either ringed (theirs) or veiled (not), every stage header not theirs is
    /// veiled, and the tag comes last, on top.
    #[test]
    fn a_lens_rings_what_is_theirs_and_veils_the_rest() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        let project = crate::file::load(&path).unwrap().project;
        let map = &project.maps[0];
        let mut text = crate::layout::TextMeasurer::new();
        let layout =
            crate::layout::lay_out(&project, map, &crate::layout::Metrics::default(), &mut text);
        let lens = crate::analysis::lens::lens(&project, Some(map.id), "Expertisebureau").unwrap();
        let dim = crate::export::lens_dim(&lens, &layout, crate::i18n::Language::Dutch, &mut text);
        let theme = Theme::default();
        let mut shapes = Vec::new();
        veil(&mut shapes, &layout, &dim, &theme);
        let rings = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Rect { fill: None, .. }))
            .count();
        assert_eq!(rings, dim.cards.len());
        let veiled = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Rect { fill: Some(f), .. } if *f == theme.paper.gamma_multiply(0.82)))
            .count();
        let other_stages = layout
            .stages
            .iter()
            .filter(|s| !dim.stages.contains(&s.id))
            .count();
        assert_eq!(veiled, layout.cards.len() - dim.cards.len() + other_stages);
        assert!(other_stages > 0 && other_stages < layout.stages.len());
        assert!(
            matches!(shapes.last(), Some(Shape::Text { text, .. }) if &**text == "Afdelingslens: Expertisebureau")
        );
    }
}
