//! The effect of a done action, read from what was measured on both sides of the day it was
//! done: a data set's figure (on the stage or touchpoint the measure names) on the last date
//! before and the last date since — dates the data set no longer holds (a re-import replaced
//! them) are read from the snapshots' copies of it — or a curve's remembered score in the last snapshot before
//! and the last snapshot since. Nothing is claimed where the figures do not cover both sides.

use serde::Serialize;

use crate::model::{Action, ActionStatus, Dataset, Measure, Project};

/// A figure on a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub value: f64,
}

/// What a done action's measure did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Effect {
    /// Read on both sides of the day it was done.
    Measured {
        before: Reading,
        after: Reading,
        /// In the measure's unit: percent of the figure before, or points of the scale.
        change: f64,
        target: f64,
        /// Whether the change reached the target (in its direction); `None` for a target of 0.
        met: Option<bool>,
    },
    /// Not measured, and why.
    Unmeasured { why: Gap },
}

/// Why an action's effect cannot be read (yet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// It has no measure.
    NoMeasure,
    /// It is not done (yet).
    NotDone,
    /// It is done, but the day it was done is not known.
    NoDoneDate,
    /// Nothing was measured before it was done.
    NothingBefore,
    /// Nothing was measured since it was done.
    NothingAfter,
    /// The figure before was zero: a change in percent means nothing.
    ZeroBefore,
}

/// The effect of `action`'s measure around the day it was done.
pub fn effect(project: &Project, action: &Action) -> Effect {
    let unmeasured = |why| Effect::Unmeasured { why };
    let Some(measure) = &action.measure else {
        return unmeasured(Gap::NoMeasure);
    };
    if action.status != ActionStatus::Done {
        return unmeasured(Gap::NotDone);
    }
    let done = action.done.as_str();
    if done.is_empty() {
        return unmeasured(Gap::NoDoneDate);
    }
    let readings = match measure {
        Measure::Data {
            dataset,
            stage,
            card,
            ..
        } => project.dataset(*dataset).map(|d| {
            let mut series = data_series(d, *stage, *card);
            // A re-import replaces the values; the snapshots keep the figures read before.
            for copy in project
                .snapshots
                .iter()
                .flat_map(|s| &s.datasets)
                .filter(|c| c.id == d.id)
            {
                for r in data_series(copy, *stage, *card) {
                    if !series.iter().any(|x| x.date == r.date) {
                        series.push(r);
                    }
                }
            }
            around(&series, done)
        }),
        Measure::Remembered { map, curve, .. } => {
            let series: Vec<Reading> = project
                .snapshots_of(*map)
                .filter_map(|s| {
                    let c = s.map.curves.iter().find(|c| c.id == *curve)?;
                    Some(Reading {
                        date: s.day().to_owned(),
                        value: super::remembered(&s.map, c)?,
                    })
                })
                .collect();
            Some(around(&series, done))
        }
    };
    let (before, after) = match readings {
        None | Some((None, _)) => return unmeasured(Gap::NothingBefore),
        Some((_, None)) => return unmeasured(Gap::NothingAfter),
        Some((Some(b), Some(a))) => (b, a),
    };
    let change = match measure {
        Measure::Data { .. } => {
            if before.value == 0.0 {
                return unmeasured(Gap::ZeroBefore);
            }
            (after.value - before.value) / before.value.abs() * 100.0
        }
        Measure::Remembered { .. } => after.value - before.value,
    };
    let target = measure.target();
    let met = if target == 0.0 {
        None
    } else if target < 0.0 {
        Some(change <= target)
    } else {
        Some(change >= target)
    };
    Effect::Measured {
        before,
        after,
        change,
        target,
        met,
    }
}

/// A data set's figure per date for one place (a stage, a touchpoint, or all of it), oldest
/// first: the values of a date combined as the set combines them (summed, or averaged).
pub fn data_series(
    dataset: &Dataset,
    stage: Option<crate::model::StageId>,
    card: Option<crate::model::CardId>,
) -> Vec<Reading> {
    let mut by_date: std::collections::BTreeMap<&str, Vec<f64>> = std::collections::BTreeMap::new();
    for v in &dataset.values {
        if v.date.is_empty()
            || stage.is_some_and(|s| v.stage != Some(s))
            || card.is_some_and(|c| v.card != Some(c))
        {
            continue;
        }
        by_date.entry(v.date.as_str()).or_default().push(v.value);
    }
    by_date
        .into_iter()
        .map(|(date, values)| Reading {
            date: date.to_owned(),
            value: dataset.combine(&values),
        })
        .collect()
}

/// The last reading before `day` and the last on or since it.
fn around(series: &[Reading], day: &str) -> (Option<Reading>, Option<Reading>) {
    let before = series
        .iter()
        .filter(|r| r.date.as_str() < day)
        .max_by(|a, b| a.date.cmp(&b.date))
        .cloned();
    let after = series
        .iter()
        .filter(|r| r.date.as_str() >= day)
        .max_by(|a, b| a.date.cmp(&b.date))
        .cloned();
    (before, after)
}

/// A project whose calls in "Melden" fell from 3,456 to 3,005 around an action done on 15
/// March 2026 that aimed for −15 %: the issue's own example, for the tests of every layer
/// that words or prints an effect.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::{Action, ActionStatus, DataPoint, Dataset, Measure, Project};

    pub(crate) fn melden_calls() -> (Project, Action) {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let melden = p.maps[0].stages[1].id;
        p.maps[0].stages[1].name = "Melden".into();
        let value = |date: &str, value: f64| DataPoint {
            stage: Some(melden),
            date: date.into(),
            value,
            ..DataPoint::default()
        };
        let set = Dataset {
            name: "Gesprekken contactcentrum".into(),
            unit: "gesprekken".into(),
            map: Some(p.maps[0].id),
            values: vec![value("2026-01-31", 3456.0), value("2026-04-30", 3005.0)],
            ..Dataset::default()
        };
        let action = Action {
            title: "Online schadeformulier".into(),
            status: ActionStatus::Done,
            done: "2026-03-15".into(),
            measure: Some(Measure::Data {
                dataset: set.id,
                stage: Some(melden),
                card: None,
                percent: -15.0,
            }),
            ..Action::default()
        };
        p.datasets.push(set);
        (p, action)
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "the figures are whole numbers and sums of them, exact in f64"
)]
mod tests {
    use super::*;
    use crate::model::{DataPoint, Snapshot, StageId};

    fn point(stage: StageId, date: &str, value: f64) -> DataPoint {
        DataPoint {
            stage: Some(stage),
            date: date.to_owned(),
            value,
            ..DataPoint::default()
        }
    }

    fn project_with_calls() -> (Project, Action) {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let (melden, other) = (p.maps[0].stages[1].id, p.maps[0].stages[2].id);
        let set = Dataset {
            name: "Gesprekken".into(),
            map: Some(p.maps[0].id),
            values: vec![
                point(melden, "2026-01-31", 3000.0),
                point(melden, "2026-01-31", 456.0),
                point(other, "2026-01-31", 999.0),
                point(melden, "2025-12-31", 4000.0),
                point(melden, "2026-04-30", 3005.0),
                point(other, "2026-04-30", 1.0),
                point(melden, "", 1.0),
            ],
            ..Dataset::default()
        };
        let action = Action {
            status: ActionStatus::Done,
            done: "2026-03-15".into(),
            measure: Some(Measure::Data {
                dataset: set.id,
                stage: Some(melden),
                card: None,
                percent: -15.0,
            }),
            ..Action::default()
        };
        p.datasets.push(set);
        (p, action)
    }

    fn measured(e: &Effect) -> (String, f64, String, f64, f64, Option<bool>) {
        match e {
            Effect::Measured {
                before,
                after,
                change,
                met,
                ..
            } => (
                before.date.clone(),
                before.value,
                after.date.clone(),
                after.value,
                (change * 100.0).round() / 100.0,
                *met,
            ),
            Effect::Unmeasured { why } => panic!("not measured: {why:?}"),
        }
    }

    /// A touchpoint's series holds that touchpoint's figures only, a stage's that stage's.
    #[test]
    fn a_series_for_a_place_holds_its_own_figures_only() {
        let (mut p, _) = project_with_calls();
        let (a, b) = (
            crate::model::CardId::random(),
            crate::model::CardId::random(),
        );
        let on = |card, value| DataPoint {
            card: Some(card),
            date: "2026-01-31".to_owned(),
            value,
            ..DataPoint::default()
        };
        let set = &mut p.datasets[0];
        set.values.extend([on(a, 10.0), on(b, 99.0)]);
        let values = |s: Vec<Reading>| s.into_iter().map(|r| r.value).collect::<Vec<_>>();
        assert_eq!(values(data_series(set, None, Some(a))), [10.0]);
        let melden = p.maps[0].stages[1].id;
        assert_eq!(
            values(data_series(&p.datasets[0], Some(melden), None)),
            [4000.0, 3456.0, 3005.0]
        );
    }

    #[test]
    fn a_data_measure_reads_the_last_figure_before_and_the_last_since() {
        let (p, a) = project_with_calls();
        // Melden: 3,000 + 456 on the last date before, 3,005 since: −13 %, aim −15 %: not met.
        assert_eq!(
            measured(&effect(&p, &a)),
            (
                "2026-01-31".into(),
                3456.0,
                "2026-04-30".into(),
                3005.0,
                -13.05,
                Some(false)
            )
        );
        // Aiming for −10 %, it is met; for +10 %, not; for 0, neither.
        for (aim, met) in [(-10.0, Some(true)), (10.0, Some(false)), (0.0, None)] {
            let mut a = a.clone();
            if let Some(Measure::Data { percent, .. }) = &mut a.measure {
                *percent = aim;
            }
            assert_eq!(measured(&effect(&p, &a)).5, met, "{aim}");
        }
        // The day it was done counts as after.
        let mut a2 = a.clone();
        a2.done = "2026-04-30".into();
        assert_eq!(measured(&effect(&p, &a2)).2, "2026-04-30");
        assert_eq!(measured(&effect(&p, &a2)).0, "2026-01-31");
        // The whole set: every stage's values on the date.
        let mut whole = a.clone();
        if let Some(Measure::Data { stage, .. }) = &mut whole.measure {
            *stage = None;
        }
        assert_eq!(measured(&effect(&p, &whole)).1, 3000.0 + 456.0 + 999.0);
    }

    #[test]
    fn figures_a_re_import_replaced_are_read_from_the_snapshots_copy() {
        let (mut p, a) = project_with_calls();
        // The snapshot kept January's figures; the data set was read again without them.
        let copy = p.datasets[0].clone();
        p.snapshots.push(Snapshot {
            map: p.maps[0].clone(),
            datasets: vec![copy],
            ..Snapshot::default()
        });
        p.datasets[0].values.retain(|v| v.date != "2026-01-31");
        let got = measured(&effect(&p, &a));
        assert_eq!((got.0.as_str(), got.1), ("2026-01-31", 3456.0));
        // A date both hold is read from the data set as it is now.
        p.snapshots[0].datasets[0]
            .values
            .iter_mut()
            .for_each(|v| v.value = 1.0);
        let got = measured(&effect(&p, &a));
        assert_eq!((got.2.as_str(), got.3), ("2026-04-30", 3005.0));
    }

    #[test]
    fn nothing_is_claimed_where_the_figures_do_not_cover_both_sides() {
        let (p, a) = project_with_calls();
        let gap = |a: &Action| match effect(&p, a) {
            Effect::Unmeasured { why } => why,
            e @ Effect::Measured { .. } => panic!("claimed {e:?}"),
        };
        let mut early = a.clone();
        early.done = "2025-06-01".into();
        assert_eq!(gap(&early), Gap::NothingBefore);
        let mut late = a.clone();
        late.done = "2026-05-01".into();
        assert_eq!(gap(&late), Gap::NothingAfter);
        let mut open = a.clone();
        open.status = ActionStatus::InProgress;
        assert_eq!(gap(&open), Gap::NotDone);
        let mut undated = a.clone();
        undated.done.clear();
        assert_eq!(gap(&undated), Gap::NoDoneDate);
        let mut none = a.clone();
        none.measure = None;
        assert_eq!(gap(&none), Gap::NoMeasure);
        let mut gone = a.clone();
        gone.measure = Some(Measure::Data {
            dataset: crate::model::DatasetId(5),
            stage: None,
            card: None,
            percent: -1.0,
        });
        assert_eq!(gap(&gone), Gap::NothingBefore);
        let mut p0 = p.clone();
        for v in &mut p0.datasets[0].values {
            v.value = 0.0;
        }
        match effect(&p0, &a) {
            Effect::Unmeasured { why } => assert_eq!(why, Gap::ZeroBefore),
            e @ Effect::Measured { .. } => panic!("claimed {e:?}"),
        }
    }

    #[test]
    fn a_remembered_score_is_read_from_the_snapshots_around_the_day() {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let mut map = p.maps[0].clone();
        let curve = map.curves[0].id;
        map.curves[0].points = map
            .stages
            .iter()
            .map(|s| crate::model::EmotionPoint {
                stage: s.id,
                ..crate::model::EmotionPoint::default()
            })
            .collect();
        let snapshot = |day: &str, score: f64| {
            let mut m = map.clone();
            for point in &mut m.curves[0].points {
                point.score = score;
            }
            Snapshot {
                taken: format!("{day}T12:00:00Z"),
                map: m,
                ..Snapshot::default()
            }
        };
        p.snapshots = vec![
            snapshot("2026-01-10", -1.0),
            snapshot("2026-02-10", -2.0),
            snapshot("2026-05-10", 0.0),
            snapshot("2026-04-10", 1.0),
        ];
        let a = Action {
            status: ActionStatus::Done,
            done: "2026-03-01".into(),
            measure: Some(Measure::Remembered {
                map: map.id,
                curve,
                points: 1.0,
            }),
            ..Action::default()
        };
        // The last before (−2, 10 February) and the last since (0, 10 May): +2 points.
        let got = measured(&effect(&p, &a));
        assert_eq!(
            got,
            (
                "2026-02-10".into(),
                -2.0,
                "2026-05-10".into(),
                0.0,
                2.0,
                Some(true)
            )
        );
    }
}
