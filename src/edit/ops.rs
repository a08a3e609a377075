//! Builds the edits for the user's actions from the current state of a map.
//!
//! These functions only read the model; the edits they return are applied by the caller,
//! through the history, as one undo step each.

use super::Edit;
use crate::model::{
    Card, CardId, Connector, ConnectorId, CurveId, EmotionPoint, Lane, LaneId, Map, Stage, StageId,
};

/// Moves `cards` to the cell (`lane`, `stage`) at position `index` among the cell's other cards,
/// keeping their relative order. Spans are shortened where they would run off the map.
pub fn move_cards(map: &Map, cards: &[CardId], lane: LaneId, stage: StageId, index: usize) -> Edit {
    let Some(stage_index) = map.stage_index(stage) else {
        return Edit::Batch(Vec::new());
    };
    let moving: Vec<&Card> = {
        let mut v: Vec<&Card> = cards.iter().filter_map(|id| map.card(*id)).collect();
        v.sort_by_key(|c| (map.lane_index(c.lane), map.stage_index(c.stage), c.order));
        v
    };
    let staying: Vec<&Card> = map
        .cards_in_cell(lane, stage)
        .into_iter()
        .filter(|c| !cards.contains(&c.id))
        .collect();
    let index = index.min(staying.len());
    let mut order: Vec<Card> = staying.iter().map(|c| (*c).clone()).collect();
    let max_span = (map.stages.len() - stage_index) as u16;
    for (k, c) in moving.iter().enumerate() {
        let mut moved = (*c).clone();
        moved.lane = lane;
        moved.stage = stage;
        moved.span = moved.span.clamp(1, max_span.max(1));
        order.insert(index + k, moved);
    }
    let edits = order
        .into_iter()
        .enumerate()
        .filter_map(|(i, mut card)| {
            card.order = i as u32;
            let changed = map.card(card.id) != Some(&card);
            changed.then(|| update_card(map, card))
        })
        .collect();
    Edit::Batch(edits)
}

/// Adds `card` at the end of its cell.
pub fn add_card(map: &Map, mut card: Card) -> Edit {
    card.order = map
        .cards_in_cell(card.lane, card.stage)
        .last()
        .map_or(0, |c| c.order.saturating_add(1));
    update_card(map, card)
}

/// Removes `cards`, and the curve points that scored them lose their link.
pub fn delete_cards(map: &Map, cards: &[CardId]) -> Edit {
    let mut edits: Vec<Edit> = cards
        .iter()
        .filter(|id| map.card(**id).is_some())
        .map(|id| Edit::SetCard {
            map: map.id,
            id: *id,
            value: None,
            at: usize::MAX,
        })
        .collect();
    let mut curves = map.curves.clone();
    let mut touched = false;
    for curve in &mut curves {
        for point in &mut curve.points {
            if point.card.is_some_and(|c| cards.contains(&c)) {
                point.card = None;
                touched = true;
            }
        }
    }
    if touched {
        edits.push(Edit::SetCurves {
            map: map.id,
            curves,
        });
    }
    // Arrows to or from a card that goes, go with it.
    if map
        .connectors
        .iter()
        .any(|c| cards.contains(&c.from) || cards.contains(&c.to))
    {
        let connectors = map
            .connectors
            .iter()
            .filter(|c| !cards.contains(&c.from) && !cards.contains(&c.to))
            .cloned()
            .collect();
        edits.push(Edit::SetConnectors {
            map: map.id,
            connectors,
        });
    }
    Edit::Batch(edits)
}

/// Adds an arrow from card `from` to card `to` (none when one is there already, or it would
/// point at its own card); returns the edit and the new arrow's id.
pub fn add_connector(map: &Map, from: CardId, to: CardId) -> Option<(Edit, ConnectorId)> {
    if from == to
        || map.card(from).is_none()
        || map.card(to).is_none()
        || map.connectors.iter().any(|c| c.from == from && c.to == to)
    {
        return None;
    }
    let connector = Connector {
        from,
        to,
        ..Connector::default()
    };
    let id = connector.id;
    let mut connectors = map.connectors.clone();
    connectors.push(connector);
    Some((
        Edit::SetConnectors {
            map: map.id,
            connectors,
        },
        id,
    ))
}

/// Replaces the arrow with `connector.id`, or removes arrow `id` when `connector` is `None`.
pub fn set_connector(map: &Map, id: ConnectorId, connector: Option<&Connector>) -> Edit {
    let connectors = map
        .connectors
        .iter()
        .filter_map(|c| {
            if c.id == id {
                connector.cloned()
            } else {
                Some(c.clone())
            }
        })
        .collect();
    Edit::SetConnectors {
        map: map.id,
        connectors,
    }
}

/// Copies of `cards` placed right after the originals in their cells, with new ids; the cards
/// after them in those cells move down one place each.
pub fn duplicate_cards(map: &Map, cards: &[CardId]) -> (Edit, Vec<CardId>) {
    let mut copies: Vec<Card> = Vec::new();
    for id in cards {
        if let Some(card) = map.card(*id)
            && !copies.iter().any(|c| c.id == *id)
        {
            copies.push(card.clone());
        }
    }
    let mut edits = Vec::new();
    let mut new_ids = Vec::new();
    let mut cells: Vec<(LaneId, StageId)> = Vec::new();
    for c in &copies {
        if !cells.contains(&(c.lane, c.stage)) {
            cells.push((c.lane, c.stage));
        }
    }
    for (lane, stage) in cells {
        let mut order = 0_u32;
        for card in map.cards_in_cell(lane, stage) {
            if card.order != order {
                let mut moved = card.clone();
                moved.order = order;
                edits.push(update_card(map, moved));
            }
            order = order.saturating_add(1);
            if copies.iter().any(|c| c.id == card.id) {
                let copy = Card {
                    id: CardId::random(),
                    order,
                    ..card.clone()
                };
                new_ids.push(copy.id);
                edits.push(update_card(map, copy));
                order = order.saturating_add(1);
            }
        }
    }
    (Edit::Batch(edits), new_ids)
}

/// Inserts `stage` at column `index`.
pub fn insert_stage(map: &Map, index: usize, stage: Stage) -> Edit {
    let mut stages = map.stages.clone();
    stages.insert(index.min(stages.len()), stage);
    Edit::SetStages {
        map: map.id,
        stages,
    }
}

/// Moves the stage `id` to column `to`; its cards go with it. Cards spanning across the
/// moved stage are shortened so they never cover stages they did not cover before.
pub fn move_stage(map: &Map, id: StageId, to: usize) -> Edit {
    let Some(from) = map.stage_index(id) else {
        return Edit::Batch(Vec::new());
    };
    let mut stages = map.stages.clone();
    let stage = stages.remove(from);
    let to = to.min(stages.len());
    stages.insert(to, stage);
    let mut edits = vec![Edit::SetStages {
        map: map.id,
        stages: stages.clone(),
    }];
    edits.extend(clamp_spans(map, &stages));
    Edit::Batch(edits)
}

/// Removes the stage `id` with its cards and curve points.
pub fn delete_stage(map: &Map, id: StageId) -> Edit {
    let stages: Vec<Stage> = map.stages.iter().filter(|s| s.id != id).cloned().collect();
    let doomed: Vec<CardId> = map
        .cards
        .iter()
        .filter(|c| c.stage == id)
        .map(|c| c.id)
        .collect();
    let mut edits = vec![delete_cards(map, &doomed)];
    let mut curves = map.curves.clone();
    for curve in &mut curves {
        curve.points.retain(|p| p.stage != id);
    }
    if curves != map.curves {
        edits.push(Edit::SetCurves {
            map: map.id,
            curves,
        });
    }
    edits.extend(clamp_spans(map, &stages));
    edits.push(Edit::SetStages {
        map: map.id,
        stages,
    });
    Edit::Batch(edits)
}

/// Shortens the spans of cards that, with the stages in their new order, would cover stages
/// other than the ones they covered, or run off the map.
fn clamp_spans(map: &Map, stages: &[Stage]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for card in &map.cards {
        if card.span <= 1 {
            continue;
        }
        let Some(old_start) = map.stage_index(card.stage) else {
            continue;
        };
        let covered: Vec<StageId> = map.stages
            [old_start..(old_start + card.span as usize).min(map.stages.len())]
            .iter()
            .map(|s| s.id)
            .collect();
        let Some(new_start) = stages.iter().position(|s| s.id == card.stage) else {
            continue;
        };
        let mut span = 0u16;
        for s in &stages[new_start..] {
            if covered.contains(&s.id) {
                span += 1;
            } else {
                break;
            }
        }
        let span = span.max(1);
        if span != card.span {
            edits.push(update_card(
                map,
                Card {
                    span,
                    ..card.clone()
                },
            ));
        }
    }
    edits
}

/// Inserts `lane` at row `index`.
pub fn insert_lane(map: &Map, index: usize, lane: Lane) -> Edit {
    let mut lanes = map.lanes.clone();
    lanes.insert(index.min(lanes.len()), lane);
    Edit::SetLanes { map: map.id, lanes }
}

/// Moves the lane `id` to row `to`; its cards go with it.
pub fn move_lane(map: &Map, id: LaneId, to: usize) -> Edit {
    let Some(from) = map.lane_index(id) else {
        return Edit::Batch(Vec::new());
    };
    let mut lanes = map.lanes.clone();
    let lane = lanes.remove(from);
    lanes.insert(to.min(lanes.len()), lane);
    Edit::SetLanes { map: map.id, lanes }
}

/// Removes the lane `id` with its cards.
pub fn delete_lane(map: &Map, id: LaneId) -> Edit {
    let doomed: Vec<CardId> = map
        .cards
        .iter()
        .filter(|c| c.lane == id)
        .map(|c| c.id)
        .collect();
    let lanes = map.lanes.iter().filter(|l| l.id != id).cloned().collect();
    Edit::Batch(vec![
        delete_cards(map, &doomed),
        Edit::SetLanes { map: map.id, lanes },
    ])
}

/// Replaces one stage (rename, description, ...).
pub fn update_stage(map: &Map, stage: &Stage) -> Edit {
    let stages = map
        .stages
        .iter()
        .map(|s| {
            if s.id == stage.id {
                stage.clone()
            } else {
                s.clone()
            }
        })
        .collect();
    Edit::SetStages {
        map: map.id,
        stages,
    }
}

/// Replaces one lane (rename, kind, colour, collapsed).
pub fn update_lane(map: &Map, lane: &Lane) -> Edit {
    let lanes = map
        .lanes
        .iter()
        .map(|l| {
            if l.id == lane.id {
                lane.clone()
            } else {
                l.clone()
            }
        })
        .collect();
    Edit::SetLanes { map: map.id, lanes }
}

/// Replaces one card.
pub fn update_card(map: &Map, card: Card) -> Edit {
    Edit::SetCard {
        map: map.id,
        id: card.id,
        value: Some(Box::new(card)),
        at: usize::MAX,
    }
}

/// Changes one emotion curve in one step: sets scores of points (by index), adds points to
/// stages (after the curve's other points, so a stage's steps keep their order) and removes one
/// point. Scores are kept on the map's scale.
pub fn edit_curve(
    map: &Map,
    curve: CurveId,
    set: &[(usize, f64)],
    add: &[(StageId, f64)],
    remove: Option<usize>,
) -> Edit {
    let mut curves = map.curves.clone();
    if let Some(c) = curves.iter_mut().find(|c| c.id == curve) {
        let clamp = |v: f64| v.clamp(map.scale.min(), map.scale.max());
        for &(index, score) in set {
            if let Some(p) = c.points.get_mut(index) {
                p.score = clamp(score);
                // Moved by hand, a measured step is the user's from now on: a re-import
                // leaves it where it was put.
                p.from_data = false;
            }
        }
        for &(stage, score) in add {
            c.points.push(EmotionPoint {
                stage,
                score: clamp(score),
                ..EmotionPoint::default()
            });
        }
        if let Some(index) = remove.filter(|i| *i < c.points.len()) {
            c.points.remove(index);
        }
    }
    Edit::SetCurves {
        map: map.id,
        curves,
    }
}

/// Replaces one point of a curve (its score, label or linked card).
pub fn update_point(map: &Map, curve: CurveId, index: usize, point: EmotionPoint) -> Edit {
    let mut curves = map.curves.clone();
    if let Some(p) = curves
        .iter_mut()
        .find(|c| c.id == curve)
        .and_then(|c| c.points.get_mut(index))
    {
        *p = point;
    }
    Edit::SetCurves {
        map: map.id,
        curves,
    }
}

#[cfg(test)]
mod tests;
