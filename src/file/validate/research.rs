//! Checks of the research and data a project holds: the interview register, evidence, data
//! sets, and the links from maps to them.

use std::collections::{HashMap, HashSet};

use super::{Checker, MapIds, join, quoted};
use crate::model::{DatasetId, EvidenceId, Project, time};

/// Checks respondents and evidence; returns the evidence ids.
pub(super) fn check_research(c: &mut Checker<'_>, p: &Project) -> HashSet<EvidenceId> {
    let limits = c.limits;
    let mut codes = HashSet::new();
    if c.count("", "respondents", p.respondents.len(), limits.evidence) {
        for (i, r) in p.respondents.iter().enumerate() {
            let loc = format!("respondents[{i}] {}", quoted(&r.code));
            c.short(&loc, "code", &r.code);
            c.short(&loc, "segment", &r.segment);
            c.short(&loc, "name", &r.name);
            if r.code.trim().is_empty() {
                c.problem(
                    join(&loc, "code"),
                    "is empty: every respondent needs a code",
                );
            } else if !codes.insert(r.code.as_str()) {
                c.problem(
                    join(&loc, "code"),
                    format!(
                        "{:?} is used twice; every respondent code must be unique",
                        r.code
                    ),
                );
            }
            c.short(&loc, "date", &r.date);
        }
    }
    let mut evidence_ids = HashSet::new();
    for (i, e) in p.evidence.iter().enumerate() {
        let loc = format!("evidence[{i}]");
        c.unique(&mut evidence_ids, e.id, &loc);
        c.long(&loc, "text", &e.text);
        c.short(&loc, "source", &e.source);
        if c.count(&loc, "respondents", e.respondents.len(), limits.items) {
            for (j, r) in e.respondents.iter().enumerate() {
                c.short(&loc, &format!("respondents[{j}]"), r);
                if !codes.contains(r.as_str()) {
                    c.problem(
                        join(&loc, &format!("respondents[{j}]")),
                        format!("{r:?} is not in the interview register"),
                    );
                }
            }
        }
        if (e.respondent_count as usize) < e.respondents.len() {
            c.problem(
                join(&loc, "respondent_count"),
                format!(
                    "{} respondents are listed but the count says {}",
                    e.respondents.len(),
                    e.respondent_count
                ),
            );
        }
    }
    evidence_ids
}

/// Checks the data sets against the maps they belong to; returns their ids.
pub(super) fn check_datasets(c: &mut Checker<'_>, p: &Project, ids: &MapIds) -> HashSet<DatasetId> {
    let limits = c.limits;
    // Which map each stage and card is on, to check a value stays on its data set's map.
    let mut stage_map = HashMap::new();
    let mut card_map = HashMap::new();
    for map in &p.maps {
        stage_map.extend(map.stages.iter().map(|s| (s.id, map.id)));
        card_map.extend(map.cards.iter().map(|k| (k.id, map.id)));
    }
    let mut dataset_ids = HashSet::new();
    for (i, d) in p.datasets.iter().enumerate() {
        let loc = format!("datasets[{i}] {}", quoted(&d.name));
        c.unique(&mut dataset_ids, d.id, &loc);
        c.short(&loc, "name", &d.name);
        c.short(&loc, "unit", &d.unit);
        c.short(&loc, "source", &d.source);
        if let Some(map) = d.map
            && !ids.maps.contains(&map)
        {
            c.problem(
                join(&loc, "map"),
                format!("refers to {map}, which does not exist"),
            );
        }
        if let Some(import) = &d.import {
            check_import(c, &join(&loc, "import"), import);
        }
        if !c.count(&loc, "values", d.values.len(), limits.values_per_dataset) {
            continue;
        }
        for (j, v) in d.values.iter().enumerate() {
            let vloc = format!("{loc} › values[{j}]");
            c.short(&vloc, "label", &v.label);
            if !v.value.is_finite() {
                c.problem(
                    join(&vloc, "value"),
                    format!("{} is not a finite number", v.value),
                );
            }
            if !v.date.is_empty() && !time::is_valid_date(&v.date) {
                c.problem(
                    join(&vloc, "date"),
                    format!("{:?} is not a date like \"2026-10-14\"", v.date),
                );
            }
            if let Some(stage) = v.stage {
                match stage_map.get(&stage) {
                    None => c.problem(
                        join(&vloc, "stage"),
                        format!("refers to {stage}, which does not exist"),
                    ),
                    Some(on) if d.map.is_some_and(|m| m != *on) => c.problem(
                        join(&vloc, "stage"),
                        format!("refers to {stage}, which is on another map than the data set"),
                    ),
                    Some(_) => {}
                }
            }
            if let Some(card) = v.card {
                match card_map.get(&card) {
                    None => c.problem(
                        join(&vloc, "card"),
                        format!("refers to {card}, which does not exist"),
                    ),
                    Some(on) if d.map.is_some_and(|m| m != *on) => c.problem(
                        join(&vloc, "card"),
                        format!("refers to {card}, which is on another map than the data set"),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    dataset_ids
}

/// A data set's import recipe: names within limits, a real as-of date.
fn check_import(c: &mut Checker<'_>, iloc: &str, import: &crate::model::DataImport) {
    let limits = c.limits;
    c.long(iloc, "file", &import.file);
    // Names as the file has them, however long: a re-import looks them up again.
    for (field, value) in [
        ("sheet", &import.sheet),
        ("key_column", &import.key_column),
        ("value_column", &import.value_column),
        ("date_column", &import.date_column),
        ("label_column", &import.label_column),
    ] {
        c.long(iloc, field, value);
    }
    if !import.as_of.is_empty() && !time::is_valid_date(&import.as_of) {
        c.problem(
            join(iloc, "as_of"),
            format!("{:?} is not a date like \"2026-10-14\"", import.as_of),
        );
    }
    if c.count(iloc, "links", import.links.len(), limits.items) {
        for (j, link) in import.links.iter().enumerate() {
            c.long(iloc, &format!("links[{j}].key"), &link.key);
        }
    }
}

/// Checks what maps point at: evidence of stages, data sets of lanes and curves.
pub(super) fn check_links(
    c: &mut Checker<'_>,
    p: &Project,
    evidence_ids: &HashSet<EvidenceId>,
    dataset_ids: &HashSet<DatasetId>,
) {
    let limits = c.limits;
    for (i, map) in p.maps.iter().enumerate() {
        let loc = format!("maps[{i}] {}", quoted(&map.title));
        for (j, stage) in map.stages.iter().enumerate() {
            let sloc = format!("{loc} › stages[{j}] {}", quoted(&stage.name));
            if c.count(&sloc, "evidence links", stage.evidence.len(), limits.items) {
                for e in &stage.evidence {
                    if !evidence_ids.contains(e) {
                        c.problem(
                            join(&sloc, "evidence"),
                            format!("refers to {e}, which does not exist"),
                        );
                    }
                }
            }
        }
        for (j, lane) in map.lanes.iter().enumerate() {
            let lloc = format!("{loc} › lanes[{j}] {}", quoted(&lane.name));
            if c.count(&lloc, "data sets", lane.datasets.len(), limits.items) {
                for d in &lane.datasets {
                    if !dataset_ids.contains(d) {
                        c.problem(
                            join(&lloc, "datasets"),
                            format!("refers to {d}, which does not exist"),
                        );
                    }
                }
            }
        }
        for (j, curve) in map.curves.iter().enumerate() {
            let Some(data) = curve.data else { continue };
            let vloc = format!("{loc} › curves[{j}] {} › data", quoted(&curve.label));
            if !dataset_ids.contains(&data.dataset) {
                c.problem(
                    join(&vloc, "dataset"),
                    format!("refers to {}, which does not exist", data.dataset),
                );
            }
            if !(data.low.is_finite()
                && data.high.is_finite()
                && (data.low - data.high).abs() > f64::EPSILON)
            {
                c.problem(
                    vloc,
                    format!(
                        "maps {}..{} onto the scale; it needs two different finite numbers",
                        super::figure(data.low),
                        super::figure(data.high)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        CurveData, DataPoint, Dataset, DatasetId, Evidence, EvidenceId, Limits, Project,
        Respondent, StageId,
    };

    fn problems(p: &Project) -> Vec<String> {
        super::super::validate(p, &Limits::default())
            .into_iter()
            .map(|p| format!("{}: {}", p.location, p.message))
            .collect()
    }

    #[test]
    fn research_and_data_must_hang_together() {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        assert!(problems(&p).is_empty());
        p.respondents = vec![Respondent::coded("R01"), Respondent::coded("R01")];
        p.respondents[1].date = "gisteren".to_owned();
        p.evidence = vec![Evidence {
            respondents: vec!["R09".to_owned()],
            respondent_count: 1,
            ..Evidence::default()
        }];
        p.maps[0].stages[0].evidence = vec![EvidenceId(7)];
        p.maps[0].lanes[0].datasets = vec![DatasetId(8)];
        p.maps[0].curves[0].data = Some(CurveData {
            dataset: DatasetId(9),
            low: 2.0,
            high: 2.0,
        });
        p.datasets = vec![Dataset {
            name: "Gesprekken".to_owned(),
            values: vec![DataPoint {
                value: 3.0,
                stage: Some(StageId(5)),
                date: "31-10-2026".to_owned(),
                ..DataPoint::default()
            }],
            ..Dataset::default()
        }];
        let found = problems(&p);
        let expect = [
            "respondents[1] \"R01\" › code: \"R01\" is used twice",
            "evidence[0] › respondents[0]: \"R09\" is not in the interview register",
            "datasets[0] \"Gesprekken\" › values[0] › date: \"31-10-2026\" is not a date",
            "datasets[0] \"Gesprekken\" › values[0] › stage: refers to stage-5, which does not exist",
            "› evidence: refers to evidence-7, which does not exist",
            "› datasets: refers to dataset-8, which does not exist",
            "› data › dataset: refers to dataset-9, which does not exist",
            "› data: maps 2..2 onto the scale; it needs two different finite numbers",
        ];
        for e in expect {
            assert!(
                found.iter().any(|f| f.contains(e)),
                "{e:?} not in {found:#?}"
            );
        }
    }
}
