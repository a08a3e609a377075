//! The moments of truth of a map, with the score the customer gave them.

use serde::Serialize;

use crate::model::{CardId, CurveId, CurveVariant, Map, StageId};

/// A touchpoint marked as a moment of truth, and how it felt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moment {
    pub card: CardId,
    pub stage: StageId,
    /// The step of the first as-is curve about this card, else in its stage: (curve, index in
    /// its points, score).
    pub step: Option<(CurveId, usize, f64)>,
}

/// Every moment of truth of `map`, in the order of its stages.
pub fn moments_of_truth(map: &Map) -> Vec<Moment> {
    let as_is = map.curves.iter().find(|c| c.variant == CurveVariant::AsIs);
    let mut moments: Vec<Moment> = map
        .cards
        .iter()
        .filter(|c| c.moment_of_truth.is_some())
        .map(|card| {
            let step = as_is.and_then(|curve| {
                let points = &curve.points;
                points
                    .iter()
                    .position(|p| p.card == Some(card.id))
                    .or_else(|| points.iter().position(|p| p.stage == card.stage))
                    .map(|i| (curve.id, i, points[i].score))
            });
            Moment {
                card: card.id,
                stage: card.stage,
                step,
            }
        })
        .collect();
    moments.sort_by_key(|m| map.stage_index(m.stage));
    moments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, EmotionPoint, MomentOfTruth};

    #[test]
    fn a_moment_of_truth_takes_the_score_of_its_step_else_of_its_stage() {
        let mut map = crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let (lane, first, second) = (map.lanes[1].id, map.stages[0].id, map.stages[1].id);
        let linked = Card {
            lane,
            stage: first,
            moment_of_truth: Some(MomentOfTruth::default()),
            ..Card::default()
        };
        let in_stage = Card {
            lane,
            stage: second,
            moment_of_truth: Some(MomentOfTruth::default()),
            ..Card::default()
        };
        let plain = Card {
            lane,
            stage: first,
            ..Card::default()
        };
        let curve = &mut map.curves[0];
        curve.points = vec![
            EmotionPoint {
                stage: second,
                score: -1.0,
                ..EmotionPoint::default()
            },
            EmotionPoint {
                stage: first,
                score: 2.0,
                card: Some(linked.id),
                ..EmotionPoint::default()
            },
        ];
        let curve_id = curve.id;
        map.cards = vec![in_stage.clone(), plain, linked.clone()];
        let moments = moments_of_truth(&map);
        assert_eq!(moments.len(), 2);
        assert_eq!(moments[0].card, linked.id);
        assert_eq!(moments[0].step, Some((curve_id, 1, 2.0)));
        assert_eq!(moments[1].card, in_stage.id);
        assert_eq!(moments[1].step, Some((curve_id, 0, -1.0)));
    }
}
