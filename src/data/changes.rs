//! What a re-import changed: values added, removed or changed, per stage or touchpoint, label
//! and date.

use std::collections::BTreeMap;

use crate::model::{CardId, DataPoint, Map, StageId};

/// One value that differs between two imports.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Where: the stage or touchpoint, the label and the date, as the user reads them.
    pub place: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// Every difference between two sets of values, in map order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub changes: Vec<Change>,
}

impl Changes {
    pub fn added(&self) -> usize {
        self.changes.iter().filter(|c| c.old.is_none()).count()
    }

    pub fn removed(&self) -> usize {
        self.changes.iter().filter(|c| c.new.is_none()).count()
    }

    pub fn changed(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.old.is_some() && c.new.is_some())
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Compares `old` with `new`; values with the same place, label and date are summed first.
    pub fn between(old: &[DataPoint], new: &[DataPoint], map: Option<&Map>) -> Self {
        let old = totals(old, map);
        let new = totals(new, map);
        let mut keys: Vec<&Key> = old.keys().chain(new.keys()).collect();
        keys.sort();
        keys.dedup();
        let changes = keys
            .into_iter()
            .filter_map(|key| {
                let (o, n) = (old.get(key).copied(), new.get(key).copied());
                let same = match (o, n) {
                    (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
                    _ => false,
                };
                (!same).then(|| Change {
                    place: key.describe(map),
                    old: o,
                    new: n,
                })
            })
            .collect();
        Self { changes }
    }
}

/// Where a value sits; ordered by the stage's and card's place on the map.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    stage_index: usize,
    card_index: usize,
    label: String,
    date: String,
    stage: Option<StageId>,
    card: Option<CardId>,
}

impl Key {
    fn describe(&self, map: Option<&Map>) -> String {
        let stage = self.stage.and_then(|s| {
            map?.stages
                .iter()
                .find(|x| x.id == s)
                .map(|x| x.name.clone())
        });
        let card = self.card.and_then(|c| {
            map?.cards
                .iter()
                .find(|x| x.id == c)
                .map(|x| x.title.clone())
        });
        let mut parts: Vec<String> = Vec::new();
        parts.extend(stage);
        parts.extend(card);
        if !self.label.is_empty() {
            parts.push(self.label.clone());
        }
        if !self.date.is_empty() {
            parts.push(self.date.clone());
        }
        if parts.is_empty() {
            parts.push("—".to_owned());
        }
        parts.join(" · ")
    }
}

fn totals(values: &[DataPoint], map: Option<&Map>) -> BTreeMap<Key, f64> {
    let mut out = BTreeMap::new();
    for v in values {
        let index = |found: Option<usize>| found.unwrap_or(usize::MAX);
        let key = Key {
            stage_index: index(
                v.stage
                    .and_then(|s| map?.stages.iter().position(|x| x.id == s)),
            ),
            card_index: index(
                v.card
                    .and_then(|c| map?.cards.iter().position(|x| x.id == c)),
            ),
            label: v.label.clone(),
            date: v.date.clone(),
            stage: v.stage,
            card: v.card,
        };
        *out.entry(key).or_insert(0.0) += v.value;
    }
    out
}
