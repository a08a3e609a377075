//! Checks of opportunities and actions: their words within limits, scores on the scale, dates
//! that are dates, and every link (card, stage, owner, data set, curve) to something that exists.

use std::collections::HashSet;

use super::{Checker, MapIds, join, quoted};
use crate::model::{Action, DatasetId, Measure, Owner, Project, time};

/// The largest change a measure may aim for: ±1000 % of a figure, ±1000 points of a score.
const MAX_TARGET: f64 = 1000.0;

pub(super) fn check_actions(
    c: &mut Checker<'_>,
    p: &Project,
    ids: &MapIds,
    datasets: &HashSet<DatasetId>,
) {
    let limits = c.limits;
    let counts_ok = c.count("", "opportunities", p.opportunities.len(), limits.items)
        & c.count("", "actions", p.actions.len(), limits.items);
    if !counts_ok {
        return;
    }
    let mut opportunity_ids = HashSet::new();
    for (i, o) in p.opportunities.iter().enumerate() {
        let loc = format!("opportunities[{i}] {}", quoted(&o.title));
        c.unique(&mut opportunity_ids, o.id, &loc);
        c.short(&loc, "title", &o.title);
        c.long(&loc, "description", &o.description);
        links(c, &loc, &o.cards, &o.stages, ids);
    }
    let mut action_ids = HashSet::new();
    for (i, a) in p.actions.iter().enumerate() {
        let loc = format!("actions[{i}] {}", quoted(&a.title));
        c.unique(&mut action_ids, a.id, &loc);
        check_action(c, &loc, a, p, ids, datasets);
        if let Some(o) = a.opportunity
            && !opportunity_ids.contains(&o)
        {
            c.problem(
                join(&loc, "opportunity"),
                format!("refers to {o}, which does not exist"),
            );
        }
    }
}

fn check_action(
    c: &mut Checker<'_>,
    loc: &str,
    a: &Action,
    p: &Project,
    ids: &MapIds,
    datasets: &HashSet<DatasetId>,
) {
    c.short(loc, "title", &a.title);
    c.long(loc, "description", &a.description);
    c.long(loc, "impact_reason", &a.impact_reason);
    c.long(loc, "effort_reason", &a.effort_reason);
    for (field, value) in [("impact", a.impact), ("effort", a.effort)] {
        if value > 5 {
            c.problem(
                join(loc, field),
                format!("{value} is off the scale 1 to 5 (0 while not yet scored)"),
            );
        }
    }
    match &a.owner {
        Some(Owner::Stakeholder(id)) if p.stakeholder(*id).is_none() => c.problem(
            join(loc, "owner"),
            format!("refers to {id}, which does not exist"),
        ),
        Some(Owner::Named(name)) => {
            c.short(loc, "owner", name);
            if name.trim().is_empty() {
                c.problem(join(loc, "owner"), "is an empty name; leave the owner out");
            }
        }
        _ => {}
    }
    if !a.due.is_empty() && a.due().is_none() {
        c.problem(
            join(loc, "due"),
            format!(
                "{:?} is neither a quarter like \"2026-Q2\" nor a date like \"2026-05-31\"",
                a.due
            ),
        );
    }
    if !a.done.is_empty() && !time::is_valid_date(&a.done) {
        c.problem(
            join(loc, "done"),
            format!("{:?} is not a date like \"2026-03-31\"", a.done),
        );
    }
    links(c, loc, &a.cards, &a.stages, ids);
    if let Some(m) = &a.measure {
        check_measure(c, &join(loc, "measure"), m, p, ids, datasets);
    }
}

fn links(
    c: &mut Checker<'_>,
    loc: &str,
    cards: &[crate::model::CardId],
    stages: &[crate::model::StageId],
    ids: &MapIds,
) {
    let limits = c.limits;
    if c.count(loc, "cards", cards.len(), limits.items) {
        let mut seen = HashSet::new();
        for card in cards {
            if !ids.cards.contains(card) {
                c.problem(
                    join(loc, "cards"),
                    format!("refers to {card}, which does not exist"),
                );
            } else if !seen.insert(*card) {
                c.problem(join(loc, "cards"), format!("names {card} twice"));
            }
        }
    }
    if c.count(loc, "stages", stages.len(), limits.items) {
        let mut seen = HashSet::new();
        for stage in stages {
            if !ids.stages.contains(stage) {
                c.problem(
                    join(loc, "stages"),
                    format!("refers to {stage}, which does not exist"),
                );
            } else if !seen.insert(*stage) {
                c.problem(join(loc, "stages"), format!("names {stage} twice"));
            }
        }
    }
}

fn check_measure(
    c: &mut Checker<'_>,
    loc: &str,
    m: &Measure,
    p: &Project,
    ids: &MapIds,
    datasets: &HashSet<DatasetId>,
) {
    let target = m.target();
    if !target.is_finite() || target.abs() > MAX_TARGET {
        c.problem(
            loc.to_owned(),
            format!(
                "the target change {} is not a number within ±{MAX_TARGET}",
                super::figure(target)
            ),
        );
    }
    match m {
        Measure::Data {
            dataset,
            stage,
            card,
            percent,
        } => {
            if !datasets.contains(dataset) {
                c.problem(
                    join(loc, "dataset"),
                    format!("refers to {dataset}, which does not exist"),
                );
            }
            if stage.is_some_and(|s| !ids.stages.contains(&s)) {
                c.problem(join(loc, "stage"), "refers to a stage that does not exist");
            }
            if card.is_some_and(|k| !ids.cards.contains(&k)) {
                c.problem(join(loc, "card"), "refers to a card that does not exist");
            }
            if *percent < -100.0 {
                c.problem(
                    join(loc, "percent"),
                    "a figure cannot fall by more than 100 %",
                );
            }
        }
        Measure::Remembered { map, curve, .. } => match p.map(*map) {
            None => c.problem(
                join(loc, "map"),
                format!("refers to {map}, which does not exist"),
            ),
            Some(m) if !m.curves.iter().any(|k| k.id == *curve) => c.problem(
                join(loc, "curve"),
                format!("refers to {curve}, which is not a curve of that map"),
            ),
            Some(_) => {}
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        Action, CardId, CurveId, DatasetId, Limits, MapId, Measure, Opportunity, OpportunityId,
        Owner, Project, StageId, StakeholderId,
    };

    fn example() -> Project {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        let mut p = crate::file::load(&path).unwrap().project;
        p.actions.clear();
        p.opportunities.clear();
        p
    }

    /// The problems of the example with one action changed by `f`, as `location: message`.
    fn problems(f: impl FnOnce(&mut Action, &Project)) -> Vec<String> {
        let mut p = example();
        let mut a = Action {
            title: "Online schadeformulier".to_owned(),
            cards: vec![p.maps[0].cards[0].id],
            stages: vec![p.maps[0].stages[0].id],
            ..Action::default()
        };
        f(&mut a, &p);
        p.actions.push(a);
        crate::file::validate(&p, &Limits::default())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn one(f: impl FnOnce(&mut Action, &Project), expect: &str) {
        let found = problems(f);
        assert!(
            found.len() == 1 && found[0].contains(expect),
            "expected one problem with {expect:?}, found {found:?}"
        );
    }

    #[test]
    fn a_good_action_is_accepted() {
        assert_eq!(problems(|_, _| {}), Vec::<String>::new());
        let found = problems(|a, p| {
            a.owner = Some(Owner::Stakeholder(p.stakeholders[0].id));
            a.impact = 5;
            a.effort = 1;
            a.due = "2026-Q2".into();
            a.done = "2026-03-31".into();
            a.measure = Some(Measure::Data {
                dataset: p.datasets[0].id,
                stage: Some(p.maps[0].stages[1].id),
                card: None,
                percent: -15.0,
            });
        });
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn hostile_action_fields_are_refused_each_with_its_place() {
        one(|a, _| a.title = "x".repeat(501), "actions[0]");
        one(|a, _| a.impact_reason = "x".repeat(50_001), "impact_reason");
        one(|a, _| a.impact = 6, "impact");
        one(|a, _| a.effort = 255, "off the scale 1 to 5");
        one(|a, _| a.due = "volgend jaar".into(), "due");
        one(|a, _| a.due = "2026-Q5".into(), "neither a quarter");
        one(|a, _| a.done = "2026-02-30".into(), "done");
        one(
            |a, _| a.owner = Some(Owner::Stakeholder(StakeholderId(7))),
            "owner",
        );
        one(
            |a, _| a.owner = Some(Owner::Named("  ".into())),
            "empty name",
        );
        one(
            |a, _| a.owner = Some(Owner::Named("x".repeat(501))),
            "owner",
        );
        one(|a, _| a.cards.push(CardId(9)), "refers to card-9");
        one(|a, _| a.cards.push(a.cards[0]), "twice");
        one(|a, _| a.stages.push(StageId(9)), "refers to stage-9");
        one(|a, _| a.stages.push(a.stages[0]), "twice");
        one(|a, _| a.opportunity = Some(OpportunityId(3)), "opportunity");
        let data = |p: &Project, percent: f64| Measure::Data {
            dataset: p.datasets[0].id,
            stage: None,
            card: None,
            percent,
        };
        one(|a, p| a.measure = Some(data(p, f64::NAN)), "not a number");
        one(|a, p| a.measure = Some(data(p, 1e6)), "within ±1000");
        one(|a, p| a.measure = Some(data(p, -150.0)), "more than 100 %");
        // The edges are allowed: down by all of it, up by a thousand.
        assert!(problems(|a, p| a.measure = Some(data(p, -100.0))).is_empty());
        assert!(problems(|a, p| a.measure = Some(data(p, 1000.0))).is_empty());
        one(
            |a, _| {
                a.measure = Some(Measure::Data {
                    dataset: DatasetId(4),
                    stage: None,
                    card: None,
                    percent: -1.0,
                });
            },
            "dataset",
        );
        one(
            |a, p| {
                a.measure = Some(Measure::Data {
                    dataset: p.datasets[0].id,
                    stage: Some(StageId(4)),
                    card: None,
                    percent: -1.0,
                });
            },
            "stage",
        );
        one(
            |a, p| {
                a.measure = Some(Measure::Data {
                    dataset: p.datasets[0].id,
                    stage: None,
                    card: Some(CardId(4)),
                    percent: -1.0,
                });
            },
            "card",
        );
        one(
            |a, _| {
                a.measure = Some(Measure::Remembered {
                    map: MapId(4),
                    curve: CurveId(1),
                    points: 1.0,
                });
            },
            "map",
        );
        one(
            |a, p| {
                a.measure = Some(Measure::Remembered {
                    map: p.maps[0].id,
                    curve: CurveId(1),
                    points: 1.0,
                });
            },
            "not a curve of that map",
        );
    }

    #[test]
    fn ids_are_unique_and_counts_are_limited() {
        let mut p = example();
        let a = Action::default();
        p.actions = vec![a.clone(), a];
        let found = crate::file::validate(&p, &Limits::default());
        assert!(
            found.iter().any(|f| f.to_string().contains("used twice")),
            "{found:?}"
        );
        let mut p = example();
        let o = Opportunity {
            cards: vec![CardId(3)],
            ..Opportunity::default()
        };
        p.opportunities = vec![o.clone(), o];
        let found: Vec<String> = crate::file::validate(&p, &Limits::default())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        let p = Project {
            actions: vec![Action::default(); 3],
            ..Project::default()
        };
        let limits = Limits {
            items: 2,
            ..Limits::default()
        };
        let found: Vec<String> = crate::file::validate(&p, &limits)
            .iter()
            .map(ToString::to_string)
            .filter(|f| f.contains("actions"))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("3 actions; at most 2"), "{found:?}");
    }
}
