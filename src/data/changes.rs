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

#[cfg(test)]
mod tests {
    use super::*;

    fn value(stage: Option<StageId>, label: &str, date: &str, value: f64) -> DataPoint {
        DataPoint {
            stage,
            label: label.to_owned(),
            date: date.to_owned(),
            value,
            ..DataPoint::default()
        }
    }

    /// Added, removed and changed values are counted apart, in the map's stage order, each
    /// named by its stage, label and date; values of one place are summed first, and a
    /// difference in the ninth digit is none.
    #[test]
    fn a_re_import_is_told_value_by_value_in_map_order() {
        let project = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let map = &project.maps[0];
        let (first, second) = (Some(map.stages[0].id), Some(map.stages[1].id));
        let old = [
            value(second, "calls", "2026-10-31", 100.0),
            value(second, "calls", "2026-10-31", 20.0),
            value(first, "calls", "2026-10-31", 5.0),
            value(first, "visits", "2026-10-31", 7.0),
            value(None, "", "", 1.0),
            value(first, "mail", "", 1.0e9),
        ];
        let new = [
            value(second, "calls", "2026-10-31", 130.0),
            value(first, "calls", "2026-10-31", 6.0),
            value(first, "chat", "2026-10-31", 3.0),
            value(None, "", "", 1.0),
            value(first, "mail", "", 1.0e9 + 0.5),
        ];
        let c = Changes::between(&old, &new, Some(map));
        assert_eq!((c.added(), c.removed(), c.changed()), (1, 1, 2));
        assert!(!c.is_empty());
        let (s0, s1) = (&map.stages[0].name, &map.stages[1].name);
        let told: Vec<(String, Option<f64>, Option<f64>)> = c
            .changes
            .iter()
            .map(|x| (x.place.clone(), x.old, x.new))
            .collect();
        assert_eq!(
            told,
            [
                (format!("{s0} · calls · 2026-10-31"), Some(5.0), Some(6.0)),
                (format!("{s0} · chat · 2026-10-31"), None, Some(3.0)),
                (format!("{s0} · visits · 2026-10-31"), Some(7.0), None),
                (
                    format!("{s1} · calls · 2026-10-31"),
                    Some(120.0),
                    Some(130.0)
                ),
            ]
        );
        // Values on touchpoints: named by the card too, in the cards' order on the map.
        let mut map = map.clone();
        for title in ["Bellen", "Mailen"] {
            map.cards.push(crate::model::Card {
                title: title.to_owned(),
                lane: map.lanes[0].id,
                stage: map.stages[0].id,
                ..crate::model::Card::default()
            });
        }
        let on = |card: usize, v: f64| DataPoint {
            card: Some(map.cards[card].id),
            ..value(first, "", "", v)
        };
        let c = Changes::between(
            &[on(1, 1.0), on(0, 1.0)],
            &[on(1, 2.0), on(0, 2.0)],
            Some(&map),
        );
        let places: Vec<&str> = c.changes.iter().map(|x| x.place.as_str()).collect();
        assert_eq!(places, [format!("{s0} · Bellen"), format!("{s0} · Mailen")]);
        // Without a map, places have no stage names; a value with no place at all is "—".
        let c = Changes::between(&[value(None, "", "", 1.0)], &[], None);
        assert_eq!(c.changes[0].place, "—");
        assert_eq!((c.added(), c.removed(), c.changed()), (0, 1, 0));
        let none = Changes::between(&old, &[], Some(&map));
        assert_eq!((none.added(), none.removed(), none.changed()), (0, 5, 0));
        assert!(Changes::between(&old, &old, Some(&map)).is_empty());
    }
}
