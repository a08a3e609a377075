//! What changed in a map between two versions of it: a snapshot and the map as it is now, two
//! snapshots, or the same map in two project files. Cards are matched by id, so a card that was
//! moved is a moved card, not one removed and one added.
//!
//! Like `analysis`, this computes and names nothing in a language: [`text`] words the result
//! for the command line, the app words it in its own language.

#[cfg(test)]
mod tests;
pub mod text;
pub mod things;

use serde::Serialize;

use crate::model::{Card, CardId, CurveId, Dataset, Map, MapId, Project, StageId};

/// What happened to a card, a stage or a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    /// In another stage or lane (and maybe changed too).
    Moved,
    /// Its words or marks changed where it stands.
    Changed,
}

/// A field that differs, with both values as text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// A card that is not the same in both versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardChange {
    pub card: CardId,
    pub kind: Kind,
    pub title: String,
    /// The stage and lane it stands in (in the newer version; the older for a removed card).
    pub stage: String,
    pub lane: String,
    /// For a moved card: where it stood before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<(String, String)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

/// A stage or a lane that was added, removed, renamed or moved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartChange {
    pub kind: Kind,
    pub name: String,
    /// A renamed part's old name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
}

/// A stage's score on one curve, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreChange {
    pub stage: StageId,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A curve whose stage scores moved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurveChange {
    pub curve: CurveId,
    pub name: String,
    pub remembered_before: Option<f64>,
    pub remembered_after: Option<f64>,
    pub stages: Vec<ScoreChange>,
}

/// A data set's latest figure in one stage, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricChange {
    pub dataset: String,
    pub unit: String,
    pub stage: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// Everything that differs between two versions of one map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapDiff {
    pub map: MapId,
    pub title: String,
    /// What the two versions are called ("Q1 2026 as-is", "now", a file name).
    pub from: String,
    pub to: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub info: Vec<Field>,
    pub stages: Vec<PartChange>,
    pub lanes: Vec<PartChange>,
    pub cards: Vec<CardChange>,
    pub curves: Vec<CurveChange>,
    pub metrics: Vec<MetricChange>,
    /// Stages and lanes changed beyond their names: a milestone, success criteria, evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts_changed: Vec<things::ThingChange>,
}

impl MapDiff {
    /// Whether the two versions are the same as far as a reader can see.
    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
            && self.stages.is_empty()
            && self.lanes.is_empty()
            && self.cards.is_empty()
            && self.curves.is_empty()
            && self.metrics.is_empty()
            && self.parts_changed.is_empty()
    }

    /// How a card changed, if it did.
    pub fn card(&self, id: CardId) -> Option<&CardChange> {
        self.cards.iter().find(|c| c.card == id)
    }
}

/// One version of a map: the map, the data sets that belong to it, and what it is called.
#[derive(Clone, Copy, Debug)]
pub struct Version<'a> {
    pub name: &'a str,
    pub map: &'a Map,
    pub datasets: &'a [Dataset],
}

impl<'a> Version<'a> {
    /// The map as it is now in `project`, with its data sets.
    pub fn current(project: &'a Project, map: &'a Map, name: &'a str) -> Self {
        Self {
            name,
            map,
            datasets: &project.datasets,
        }
    }

    /// A snapshot as it was taken.
    pub fn snapshot(snapshot: &'a crate::model::Snapshot) -> Self {
        Self {
            name: &snapshot.label,
            map: &snapshot.map,
            datasets: &snapshot.datasets,
        }
    }
}

/// What changed from `old` to `new` (the same map, matched by ids). `project` supplies the
/// personas' names for the curves.
pub fn diff(project: &Project, old: Version<'_>, new: Version<'_>) -> MapDiff {
    MapDiff {
        map: new.map.id,
        title: new.map.title.clone(),
        from: old.name.to_owned(),
        to: new.name.to_owned(),
        info: info_changes(old.map, new.map),
        stages: parts(&stage_names(old.map), &stage_names(new.map)),
        lanes: parts(&lane_names(old.map), &lane_names(new.map)),
        cards: card_changes(old.map, new.map),
        curves: curve_changes(project, old.map, new.map),
        metrics: metric_changes(old, new),
        parts_changed: things::map_things(old.map, new.map),
    }
}

fn info_changes(old: &Map, new: &Map) -> Vec<Field> {
    let mut out = Vec::new();
    for (field, a, b) in [
        ("title", &old.title, &new.title),
        ("description", &old.description, &new.description),
        ("goal", &old.goal, &new.goal),
        ("scenario", &old.scenario, &new.scenario),
        ("expectations", &old.expectations, &new.expectations),
    ] {
        let (a, b) = (a.as_str(), b.as_str());
        if a != b {
            out.push(Field {
                field: field.to_owned(),
                before: a.to_owned(),
                after: b.to_owned(),
            });
        }
    }
    out
}

fn stage_names(map: &Map) -> Vec<(StageId, &str)> {
    map.stages.iter().map(|s| (s.id, s.name.as_str())).collect()
}

fn lane_names(map: &Map) -> Vec<(crate::model::LaneId, &str)> {
    map.lanes.iter().map(|l| (l.id, l.name.as_str())).collect()
}

/// Added, removed, renamed and reordered parts (stages or lanes), in the newer order, removed
/// ones last.
fn parts<T: Copy + Eq>(old: &[(T, &str)], new: &[(T, &str)]) -> Vec<PartChange> {
    let mut out = Vec::new();
    // Order among the parts both versions have.
    let kept_old: Vec<T> = old
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| new.iter().any(|(n, _)| n == id))
        .collect();
    let kept_new: Vec<T> = new
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| old.iter().any(|(o, _)| o == id))
        .collect();
    for (id, name) in new {
        match old.iter().find(|(o, _)| o == id) {
            None => out.push(PartChange {
                kind: Kind::Added,
                name: (*name).to_owned(),
                was: None,
            }),
            Some((_, was)) => {
                let moved =
                    kept_old.iter().position(|k| k == id) != kept_new.iter().position(|k| k == id);
                if was != name {
                    out.push(PartChange {
                        kind: Kind::Changed,
                        name: (*name).to_owned(),
                        was: Some((*was).to_owned()),
                    });
                } else if moved {
                    out.push(PartChange {
                        kind: Kind::Moved,
                        name: (*name).to_owned(),
                        was: None,
                    });
                }
            }
        }
    }
    for (id, name) in old {
        if !new.iter().any(|(n, _)| n == id) {
            out.push(PartChange {
                kind: Kind::Removed,
                name: (*name).to_owned(),
                was: None,
            });
        }
    }
    out
}

fn place(map: &Map, card: &Card) -> (String, String) {
    (
        map.stage(card.stage)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        map.lane(card.lane)
            .map(|l| l.name.clone())
            .unwrap_or_default(),
    )
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// The fields of a card a reader sees, named, as text.
fn card_fields(card: &Card) -> [(&'static str, String); 10] {
    [
        ("title", card.title.clone()),
        ("body", card.body.clone()),
        (
            "channel",
            card.channel
                .as_ref()
                .map(|c| crate::i18n::channel_name(crate::i18n::Language::English, c).into_owned())
                .unwrap_or_default(),
        ),
        ("owner", card.owner.clone()),
        (
            "moment of truth",
            card.moment_of_truth
                .as_ref()
                .map_or_else(|| "no".to_owned(), |m| format!("yes: {}", m.reason)),
        ),
        ("span", card.span.to_string()),
        ("tags", card.tags.join(", ")),
        ("fail point", yes_no(card.fail_point)),
        ("waiting point", yes_no(card.wait_point)),
        ("evidence", card.evidence.len().to_string()),
    ]
}

fn card_changes(old: &Map, new: &Map) -> Vec<CardChange> {
    let mut out = Vec::new();
    let old_by_id: std::collections::HashMap<CardId, &Card> =
        old.cards.iter().map(|c| (c.id, c)).collect();
    let new_ids: std::collections::HashSet<CardId> = new.cards.iter().map(|c| c.id).collect();
    // Newer cards in reading order: stage by stage, lane by lane.
    let mut cards: Vec<&Card> = new.cards.iter().collect();
    cards.sort_by_key(|c| (new.stage_index(c.stage), new.lane_index(c.lane), c.order));
    for card in cards {
        let (stage, lane) = place(new, card);
        let Some(before) = old_by_id.get(&card.id) else {
            out.push(CardChange {
                card: card.id,
                kind: Kind::Added,
                title: card.title.clone(),
                stage,
                lane,
                from: None,
                fields: Vec::new(),
            });
            continue;
        };
        let fields: Vec<Field> = card_fields(before)
            .into_iter()
            .zip(card_fields(card))
            .filter(|((_, a), (_, b))| a != b)
            .map(|((field, a), (_, b))| Field {
                field: field.to_owned(),
                before: a,
                after: b,
            })
            .collect();
        let moved = before.stage != card.stage || before.lane != card.lane;
        if !moved && fields.is_empty() {
            continue;
        }
        out.push(CardChange {
            card: card.id,
            kind: if moved { Kind::Moved } else { Kind::Changed },
            title: card.title.clone(),
            stage,
            lane,
            from: moved.then(|| place(old, before)),
            fields,
        });
    }
    for card in old.cards.iter().filter(|c| !new_ids.contains(&c.id)) {
        let (stage, lane) = place(old, card);
        out.push(CardChange {
            card: card.id,
            kind: Kind::Removed,
            title: card.title.clone(),
            stage,
            lane,
            from: None,
            fields: Vec::new(),
        });
    }
    out
}

/// A curve's name as the map's legend writes it (in the project's language).
fn curve_name(project: &Project, curve: &crate::model::EmotionCurve) -> String {
    crate::layout::curve_name(project, curve)
}

const EPSILON: f64 = 1e-9;

fn differs(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() > EPSILON,
        (None, None) => false,
        _ => true,
    }
}

fn curve_changes(project: &Project, old: &Map, new: &Map) -> Vec<CurveChange> {
    let mut out = Vec::new();
    for curve in &new.curves {
        let before = old.curves.iter().find(|c| c.id == curve.id);
        let mut stages = Vec::new();
        for stage in &new.stages {
            let a = before.and_then(|c| c.stage_mean(stage.id));
            let b = curve.stage_mean(stage.id);
            if differs(a, b) {
                stages.push(ScoreChange {
                    stage: stage.id,
                    name: stage.name.clone(),
                    before: a,
                    after: b,
                });
            }
        }
        if let Some(before) = before {
            for stage in old.stages.iter().filter(|s| new.stage(s.id).is_none()) {
                if let Some(a) = before.stage_mean(stage.id) {
                    stages.push(ScoreChange {
                        stage: stage.id,
                        name: stage.name.clone(),
                        before: Some(a),
                        after: None,
                    });
                }
            }
        }
        if stages.is_empty() {
            continue;
        }
        out.push(CurveChange {
            curve: curve.id,
            name: curve_name(project, curve),
            remembered_before: before.and_then(|c| crate::analysis::remembered(old, c)),
            remembered_after: crate::analysis::remembered(new, curve),
            stages,
        });
    }
    for curve in old
        .curves
        .iter()
        .filter(|c| !new.curves.iter().any(|n| n.id == c.id))
    {
        let stages: Vec<ScoreChange> = old
            .stages
            .iter()
            .filter_map(|s| {
                curve.stage_mean(s.id).map(|a| ScoreChange {
                    stage: s.id,
                    name: s.name.clone(),
                    before: Some(a),
                    after: None,
                })
            })
            .collect();
        out.push(CurveChange {
            curve: curve.id,
            name: curve_name(project, curve),
            remembered_before: crate::analysis::remembered(old, curve),
            remembered_after: None,
            stages,
        });
    }
    out
}

/// A data set's figure per stage: on its latest date, summed (counts) or averaged (scores).
pub fn stage_figures(d: &Dataset) -> std::collections::HashMap<StageId, f64> {
    d.latest_by_stage()
}

fn metric_changes(old: Version<'_>, new: Version<'_>) -> Vec<MetricChange> {
    fn of_map(v: Version<'_>) -> Vec<&Dataset> {
        v.datasets
            .iter()
            .filter(|d| d.map == Some(v.map.id))
            .collect()
    }
    let (olds, news) = (of_map(old), of_map(new));
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for d in news.iter().chain(olds.iter()) {
        if seen.contains(&d.id) {
            continue;
        }
        seen.push(d.id);
        let a = olds.iter().find(|o| o.id == d.id).map(|o| stage_figures(o));
        let b = news.iter().find(|o| o.id == d.id).map(|o| stage_figures(o));
        for stage in &new.map.stages {
            let before = a.as_ref().and_then(|f| f.get(&stage.id).copied());
            let after = b.as_ref().and_then(|f| f.get(&stage.id).copied());
            if differs(before, after) {
                out.push(MetricChange {
                    dataset: d.name.clone(),
                    unit: d.unit.clone(),
                    stage: stage.name.clone(),
                    before,
                    after,
                });
            }
        }
    }
    out
}

/// The maps two projects have in common, those only one of them has, and what changed among
/// the project's other things (personas, stakeholders, evidence, data sets).
pub struct ProjectDiff {
    pub maps: Vec<MapDiff>,
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    pub things: Vec<things::ThingChange>,
}

impl ProjectDiff {
    /// Whether the two projects are the same as far as a reader can see.
    pub fn is_empty(&self) -> bool {
        self.maps.iter().all(MapDiff::is_empty)
            && self.only_old.is_empty()
            && self.only_new.is_empty()
            && self.things.is_empty()
    }
}

/// What changed in every map from project `old` to project `new` (matched by map id).
pub fn diff_projects(old: &Project, new: &Project, names: (&str, &str)) -> ProjectDiff {
    let maps = new
        .maps
        .iter()
        .filter_map(|n| {
            let o = old.map(n.id)?;
            Some(diff(
                new,
                Version::current(old, o, names.0),
                Version::current(new, n, names.1),
            ))
        })
        .collect();
    ProjectDiff {
        maps,
        only_old: old
            .maps
            .iter()
            .filter(|m| new.map(m.id).is_none())
            .map(|m| m.title.clone())
            .collect(),
        only_new: new
            .maps
            .iter()
            .filter(|m| old.map(m.id).is_none())
            .map(|m| m.title.clone())
            .collect(),
        things: things::project_things(old, new),
    }
}
