//! What is selected on the open map: cards, a stage, a lane or a step of a curve. The canvas
//! changes it as the user clicks; the inspector shows it; commands (delete, copy, duplicate)
//! and the clipboard act on it.

use std::collections::{BTreeSet, HashSet};

use crate::model::{CardId, CurveId, LaneId, Map, StageId};

/// What is selected on the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub cards: BTreeSet<CardId>,
    pub stage: Option<StageId>,
    pub lane: Option<LaneId>,
    /// A step of an emotion curve: the curve and the index in its points.
    pub point: Option<(CurveId, usize)>,
    /// The keyboard's cell cursor (lane, stage): where typing puts a new card. Not a thing
    /// selected: nothing acts on it but adding.
    pub cursor: Option<(LaneId, StageId)>,
    /// An arrow between cards.
    pub connector: Option<crate::model::ConnectorId>,
}

impl Selection {
    /// Only the cell cursor, at (`lane`, `stage`).
    pub fn at_cell(lane: LaneId, stage: StageId) -> Self {
        Self {
            cursor: Some((lane, stage)),
            ..Self::default()
        }
    }

    /// Just these cards.
    pub fn of_cards(cards: impl IntoIterator<Item = CardId>) -> Self {
        Self {
            cards: cards.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Nothing selected.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
            && self.stage.is_none()
            && self.lane.is_none()
            && self.point.is_none()
            && self.connector.is_none()
    }

    /// How many things are selected.
    pub fn count(&self) -> usize {
        self.cards.len()
            + usize::from(self.stage.is_some())
            + usize::from(self.lane.is_some())
            + usize::from(self.point.is_some())
            + usize::from(self.connector.is_some())
    }

    /// Selects only the card `id`.
    pub fn only_card(&mut self, id: CardId) {
        *self = Self::of_cards([id]);
    }

    /// The cell the keyboard starts from: the cursor, else the first selected card's cell.
    pub fn keyboard_cell(&self, map: &Map) -> Option<(LaneId, StageId)> {
        self.cursor.or_else(|| {
            let card = self.cards.first().and_then(|id| map.card(*id))?;
            Some((card.lane, card.stage))
        })
    }

    /// The selected cards, in id order.
    pub fn card_ids(&self) -> Vec<CardId> {
        self.cards.iter().copied().collect()
    }

    /// The cell (lane, stage) new things go to: the selected lane, else the first selected
    /// card's; the selected stage, else that card's.
    pub fn cell(&self, map: &Map) -> (Option<LaneId>, Option<StageId>) {
        if let Some((lane, stage)) = self.cursor {
            return (Some(lane), Some(stage));
        }
        let card = self.cards.first().and_then(|id| map.card(*id));
        (
            self.lane.or(card.map(|c| c.lane)),
            self.stage.or(card.map(|c| c.stage)),
        )
    }

    /// Drops what no longer exists on `map` (after undo or a delete).
    pub fn prune(&mut self, map: &Map) {
        let cards: HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
        self.cards.retain(|id| cards.contains(id));
        if self.stage.is_some_and(|s| map.stage(s).is_none()) {
            self.stage = None;
        }
        if self.lane.is_some_and(|l| map.lane(l).is_none()) {
            self.lane = None;
        }
        if self
            .cursor
            .is_some_and(|(l, s)| map.lane(l).is_none() || map.stage(s).is_none())
        {
            self.cursor = None;
        }
        if self
            .connector
            .is_some_and(|id| !map.connectors.iter().any(|c| c.id == id))
        {
            self.connector = None;
        }
        if let Some((curve, index)) = self.point {
            let exists = map
                .curves
                .iter()
                .find(|c| c.id == curve)
                .is_some_and(|c| index < c.points.len());
            if !exists {
                self.point = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    #[test]
    fn pruning_forgets_what_is_gone_and_keeps_the_rest() {
        let mut map = crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let card = Card {
            lane: map.lanes[0].id,
            stage: map.stages[0].id,
            ..Card::default()
        };
        let kept = card.id;
        map.cards.push(card);
        let mut selection = Selection::of_cards([kept, CardId::random()]);
        selection.stage = Some(StageId::random());
        selection.lane = Some(map.lanes[0].id);
        selection.prune(&map);
        assert_eq!(selection.card_ids(), vec![kept]);
        assert_eq!(selection.stage, None);
        assert_eq!(selection.lane, Some(map.lanes[0].id));
        assert_eq!(selection.count(), 2);
    }
}
