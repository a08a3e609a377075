//! An emotion curve driven by a survey score: each stage (or touchpoint) with data gets a point
//! at its latest mean score, mapped linearly onto the map's scale.

use std::collections::BTreeMap;

use crate::model::{CardId, CurveData, Dataset, EmotionCurve, EmotionPoint, Map, StageId};

/// The mean of the latest values per stage and touchpoint, in map order.
pub fn latest_means(dataset: &Dataset, map: &Map) -> Vec<(StageId, Option<CardId>, f64)> {
    // Per place: the latest date seen and the values on it.
    type Latest = (StageId, Option<CardId>, String, Vec<f64>);
    let mut latest: BTreeMap<(usize, usize), Latest> = BTreeMap::new();
    for v in &dataset.values {
        let Some(stage) = v.stage else { continue };
        let Some(si) = map.stages.iter().position(|s| s.id == stage) else {
            continue;
        };
        let ci = v
            .card
            .and_then(|c| map.cards.iter().position(|x| x.id == c))
            .map_or(0, |i| i + 1);
        let entry = latest
            .entry((si, ci))
            .or_insert_with(|| (stage, v.card, v.date.clone(), Vec::new()));
        if v.date > entry.2 {
            entry.2.clone_from(&v.date);
            entry.3.clear();
        }
        if v.date == entry.2 {
            entry.3.push(v.value);
        }
    }
    latest
        .into_values()
        .map(|(stage, card, _, values)| {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            (stage, card, mean)
        })
        .collect()
}

/// The points `curve` has once it follows `data`: a point per stage or touchpoint with data,
/// keeping the feeling word a point there had; points the user placed at stages without data
/// stay. Points are in journey order.
pub fn points(
    curve: &EmotionCurve,
    data: CurveData,
    dataset: &Dataset,
    map: &Map,
) -> Vec<EmotionPoint> {
    let (min, max) = (map.scale.min(), map.scale.max());
    let means = latest_means(dataset, map);
    let with_data: std::collections::HashSet<StageId> = means.iter().map(|m| m.0).collect();
    let mut out: Vec<EmotionPoint> = curve
        .points
        .iter()
        .filter(|p| !p.from_data && !with_data.contains(&p.stage))
        .cloned()
        .collect();
    for (stage, card, mean) in means {
        let label = curve
            .points
            .iter()
            .find(|p| p.stage == stage && p.card == card)
            .map(|p| p.label.clone())
            .unwrap_or_default();
        out.push(EmotionPoint {
            stage,
            card,
            score: data.map(mean, min, max),
            label,
            from_data: true,
        });
    }
    let order = |p: &EmotionPoint| {
        let si = map.stages.iter().position(|s| s.id == p.stage);
        let ci = p
            .card
            .and_then(|c| map.cards.iter().position(|x| x.id == c));
        (si, ci.map_or(0, |i| i + 1))
    };
    out.sort_by_key(order);
    out
}

/// The curves of `map` with every data-driven curve moved onto its data set as `dataset`
/// finds it (so a caller can offer a changed data set without copying the others); `None`
/// when nothing changes.
pub fn refreshed<'a>(
    map: &Map,
    dataset: impl Fn(crate::model::DatasetId) -> Option<&'a Dataset>,
) -> Option<Vec<EmotionCurve>> {
    let mut curves = map.curves.clone();
    let mut changed = false;
    for curve in &mut curves {
        let Some(data) = curve.data else { continue };
        let Some(dataset) = dataset(data.dataset) else {
            continue;
        };
        let new = points(curve, data, dataset, map);
        if new != curve.points {
            curve.points = new;
            changed = true;
        }
    }
    changed.then_some(curves)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataPoint, Map, Stage};

    #[test]
    fn touchpoint_scores_become_steps_in_card_order_latest_date_first() {
        let stage = Stage::named("Melden");
        let lane = crate::model::Lane::new("Contact", crate::model::LaneKind::Touchpoints);
        let card = |title: &str, order| crate::model::Card {
            lane: lane.id,
            stage: stage.id,
            title: title.to_owned(),
            order,
            ..crate::model::Card::default()
        };
        let (phone, web) = (card("Telefoon", 0), card("Website", 1));
        let map = Map {
            stages: vec![stage.clone()],
            lanes: vec![lane],
            cards: vec![phone.clone(), web.clone()],
            ..Map::default()
        };
        let value = |card: &crate::model::Card, value, date: &str| DataPoint {
            value,
            stage: Some(stage.id),
            card: Some(card.id),
            date: date.to_owned(),
            ..DataPoint::default()
        };
        let dataset = Dataset {
            values: vec![
                value(&web, 4.0, "2026-10-31"),
                value(&phone, 1.0, "2026-09-30"),
                value(&phone, 2.0, "2026-10-31"),
                value(&phone, 3.0, "2026-10-31"),
                // A score for the stage as a whole.
                DataPoint {
                    card: None,
                    ..value(&phone, 5.0, "2026-10-31")
                },
            ],
            ..Dataset::default()
        };
        let means = latest_means(&dataset, &map);
        // The stage's own score first, then the phone (the map's card order), each at the
        // mean of its latest date only.
        assert_eq!(
            means,
            [
                (stage.id, None, 5.0),
                (stage.id, Some(phone.id), 2.5),
                (stage.id, Some(web.id), 4.0)
            ]
        );
        let data = CurveData {
            dataset: dataset.id,
            low: 1.0,
            high: 5.0,
        };
        let curve = EmotionCurve::default();
        let points = points(&curve, data, &dataset, &map);
        let cards: Vec<_> = points.iter().map(|p| p.card).collect();
        assert_eq!(cards, [None, Some(phone.id), Some(web.id)]);
        assert!(points.iter().all(|p| p.from_data));
    }

    #[test]
    fn data_replaces_the_steps_of_stages_it_covers_and_only_those() {
        let stages: Vec<Stage> = ["A", "B", "C"].into_iter().map(Stage::named).collect();
        let map = Map {
            stages: stages.clone(),
            ..Map::default()
        };
        let step = |i: usize, label: &str, from_data| crate::model::EmotionPoint {
            stage: stages[i].id,
            score: 1.0,
            label: label.to_owned(),
            from_data,
            ..crate::model::EmotionPoint::default()
        };
        let dataset = Dataset {
            values: vec![DataPoint {
                value: 5.0,
                stage: Some(stages[1].id),
                ..DataPoint::default()
            }],
            ..Dataset::default()
        };
        let data = CurveData {
            dataset: dataset.id,
            low: 1.0,
            high: 5.0,
        };
        let curve = EmotionCurve {
            // A hand-placed step without data, one where data now is, a stale measured one.
            points: vec![
                step(2, "oud", true),
                step(1, "boos", false),
                step(0, "blij", false),
            ],
            data: Some(data),
            ..EmotionCurve::default()
        };
        let got = points(&curve, data, &dataset, &map);
        let seen: Vec<(usize, &str, bool, f64)> = got
            .iter()
            .map(|p| {
                let i = stages.iter().position(|s| s.id == p.stage).unwrap_or(9);
                (i, p.label.as_str(), p.from_data, p.score)
            })
            .collect();
        // In journey order: A kept as placed; B measured (top of the scale), its word kept;
        // C's stale measured step gone.
        assert_eq!(
            seen,
            [(0, "blij", false, 1.0), (1, "boos", true, map.scale.max())]
        );
        // Refreshing moves the curve once; then there is nothing to do.
        let mut m = map.clone();
        m.curves = vec![curve];
        let sets = [dataset];
        let find = |id| sets.iter().find(|d| d.id == id);
        let moved = refreshed(&m, find).unwrap();
        assert_eq!(moved[0].points, got);
        m.curves = moved;
        assert_eq!(refreshed(&m, find), None);
    }

    #[test]
    fn a_stages_own_step_comes_before_its_touchpoints_steps() {
        let stage = Stage::named("Melden");
        let card = crate::model::Card {
            stage: stage.id,
            ..crate::model::Card::default()
        };
        let map = Map {
            stages: vec![stage.clone()],
            cards: vec![card.clone()],
            ..Map::default()
        };
        let step = |card| crate::model::EmotionPoint {
            stage: stage.id,
            card,
            ..crate::model::EmotionPoint::default()
        };
        let curve = EmotionCurve {
            points: vec![step(Some(card.id)), step(None)],
            ..EmotionCurve::default()
        };
        let data = CurveData::default();
        let got = points(&curve, data, &Dataset::default(), &map);
        let cards: Vec<_> = got.iter().map(|p| p.card).collect();
        assert_eq!(cards, [None, Some(card.id)]);
    }
}
