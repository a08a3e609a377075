//! An undo step's weight (what the history counts against its memory bound) is never less
//! than the text and list entries the step holds, nor wildly more: each field of each edit
//! grown alone moves it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::*;
use crate::model::{
    Action, Conflict, Connector, DataPoint, EmotionCurve, EmotionPoint, Opportunity, Snapshot,
};

const BIG: usize = 20_000;

fn big() -> Value {
    Value::from("x".repeat(BIG))
}

fn many<T: Serialize>(item: &T) -> Value {
    Value::Array(vec![serde_json::to_value(item).unwrap(); 2000])
}

/// `value` with `field` set to `to`, through its JSON.
fn with<T: Serialize + DeserializeOwned>(value: &T, field: &str, to: Value) -> T {
    let mut v = serde_json::to_value(value).unwrap();
    v[field] = to;
    serde_json::from_value(v).unwrap_or_else(|e| panic!("{field}: {e}"))
}

/// The bytes an edit's content holds at the least: its texts, a word per list entry, and 64
/// bytes per thing in a list (a thing is a struct of several words).
fn least(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::Array(a) => {
            a.iter()
                .map(|x| if x.is_object() { 64 } else { 8 })
                .sum::<usize>()
                + a.iter().map(least).sum::<usize>()
        }
        Value::Object(o) => o.values().map(least).sum(),
        _ => 0,
    }
}

fn check(name: &str, edit: &Edit, content: &Value) {
    let (w, floor) = (weight(edit), least(content));
    assert!(floor >= 8000, "{name}: the test grew nothing ({floor})");
    assert!(
        w >= floor && w <= 8 * floor + 64 * 1024,
        "{name}: weight {w} for {floor} bytes"
    );
}

/// Every field that `weight` counts, grown alone, in each kind of edit.
#[test]
fn an_edits_weight_follows_every_field_it_holds() {
    let card = Card::default();
    let text_list = Value::Array(vec![Value::from("abcdefghij"); 1000]);
    let id_list = Value::Array((1..=1000).map(Value::from).collect());
    for (field, to) in [
        ("title", big()),
        ("body", big()),
        ("owner", big()),
        ("tags", text_list.clone()),
        ("evidence", id_list.clone()),
    ] {
        let c = with(&card, field, to);
        let edit = Edit::SetCard {
            map: MapId(1),
            id: c.id,
            value: Some(Box::new(c.clone())),
            at: 0,
        };
        check(
            &format!("card {field}"),
            &edit,
            &serde_json::to_value(&c).unwrap(),
        );
    }
    let stage = Stage::default();
    for field in ["name", "description", "milestone", "success_criteria"] {
        let s = with(&stage, field, big());
        let edit = Edit::SetStages {
            map: MapId(1),
            stages: vec![s.clone()],
        };
        check(&format!("stage {field}"), &edit, &json!([s]));
    }
    let stages = vec![stage.clone(); 2000];
    let edit = Edit::SetStages {
        map: MapId(1),
        stages: stages.clone(),
    };
    check("stages", &edit, &json!(stages));
    let lane = Lane::default();
    let long = with(&lane, "name", big());
    for lanes in [vec![long], vec![lane.clone(); 2000]] {
        let edit = Edit::SetLanes {
            map: MapId(1),
            lanes: lanes.clone(),
        };
        check("lanes", &edit, &json!(lanes));
    }
    let point = EmotionPoint::default();
    for points in [
        vec![with(&point, "label", big())],
        vec![point.clone(); 2000],
    ] {
        let curves = vec![EmotionCurve {
            points,
            ..EmotionCurve::default()
        }];
        let edit = Edit::SetCurves {
            map: MapId(1),
            curves: curves.clone(),
        };
        check("curves", &edit, &json!(curves));
    }
    let connector = Connector::default();
    for connectors in [
        vec![with(&connector, "label", big())],
        vec![connector.clone(); 2000],
    ] {
        let edit = Edit::SetConnectors {
            map: MapId(1),
            connectors: connectors.clone(),
        };
        check("connectors", &edit, &json!(connectors));
    }
    let info = MapInfo::of(&Map::default());
    for field in ["title", "description", "goal", "scenario", "expectations"] {
        let mut i = info.clone();
        let text = "x".repeat(BIG);
        match field {
            "title" => i.title = text,
            "description" => i.description = text,
            "goal" => i.goal = text,
            "scenario" => i.scenario = text,
            _ => i.expectations = text,
        }
        let edit = Edit::SetMapInfo {
            map: MapId(1),
            info: Box::new(i),
        };
        check(&format!("map info {field}"), &edit, &big());
    }
    let map = Map::default();
    let long_card = with(&card, "title", big());
    for (what, m) in [
        ("card", with(&map, "cards", json!([long_card]))),
        ("cards", with(&map, "cards", many(&card))),
        ("stages", with(&map, "stages", many(&stage))),
        ("lanes", with(&map, "lanes", many(&lane))),
        ("connectors", with(&map, "connectors", many(&connector))),
        (
            "curve points",
            with(
                &map,
                "curves",
                json!([EmotionCurve {
                    points: vec![EmotionPoint::default(); 2000],
                    ..EmotionCurve::default()
                }]),
            ),
        ),
    ] {
        let content = json!({
            "cards": m.cards,
            "stages": m.stages,
            "lanes": m.lanes,
            "connectors": m.connectors,
            "curves": m.curves,
        });
        let edit = Edit::SetMap {
            id: m.id,
            index: 0,
            value: Some(Box::new(m.clone())),
        };
        check(&format!("map {what}"), &edit, &content.clone());
        let s = Snapshot {
            map: m,
            ..Snapshot::default()
        };
        let edit = Edit::SetSnapshot {
            id: s.id,
            index: 0,
            value: Some(Box::new(s)),
        };
        check(&format!("snapshot {what}"), &edit, &content);
    }
    let values = vec![DataPoint::default(); 2000];
    let set = Dataset {
        values: values.clone(),
        ..Dataset::default()
    };
    let s = Snapshot {
        datasets: vec![set.clone()],
        ..Snapshot::default()
    };
    let edit = Edit::SetSnapshot {
        id: s.id,
        index: 0,
        value: Some(Box::new(s)),
    };
    check("snapshot values", &edit, &json!(values));
    let conflict = Conflict::default();
    for field in ["place", "path", "base", "ours", "theirs"] {
        let c = with(&conflict, field, big());
        check(
            &format!("conflict {field}"),
            &Edit::SetConflicts(vec![c.clone()]),
            &json!([c]),
        );
    }
    check(
        "conflicts",
        &Edit::SetConflicts(vec![conflict.clone(); 2000]),
        &many(&conflict),
    );
    let persona = Persona::default();
    for (field, to) in [
        ("name", big()),
        ("role", big()),
        ("description", big()),
        ("quote", big()),
        ("behaviour", big()),
        ("goals", json!(["x".repeat(BIG)])),
        ("needs", json!(["x".repeat(BIG)])),
        ("frustrations", json!(["x".repeat(BIG)])),
    ] {
        let p = with(&persona, field, to);
        let edit = Edit::SetPersona {
            id: p.id,
            index: 0,
            value: Some(Box::new(p.clone())),
        };
        check(&format!("persona {field}"), &edit, &json!(p));
    }
    let image = EmbeddedImage {
        id: ImageId(1),
        name: String::new(),
        mime: String::new(),
        data_base64: String::new(),
    };
    for field in ["name", "data_base64"] {
        let i = with(&image, field, big());
        let edit = Edit::SetImage {
            id: i.id,
            index: 0,
            value: Some(Box::new(i.clone())),
        };
        check(&format!("image {field}"), &edit, &json!(i));
    }
    let stakeholder = Stakeholder::default();
    for field in ["name", "role", "organisation"] {
        let s = with(&stakeholder, field, big());
        let edit = Edit::SetStakeholder {
            id: s.id,
            index: 0,
            value: Some(Box::new(s.clone())),
        };
        check(&format!("stakeholder {field}"), &edit, &json!(s));
    }
    let relation = Relation::default();
    for field in ["label", "back"] {
        let r = with(&relation, field, big());
        let edit = Edit::SetRelation {
            id: r.id,
            index: 0,
            value: Some(Box::new(r.clone())),
        };
        check(&format!("relation {field}"), &edit, &json!(r));
    }
    let evidence = Evidence::default();
    for (field, to) in [
        ("text", big()),
        ("source", big()),
        ("respondents", text_list.clone()),
    ] {
        let e = with(&evidence, field, to);
        let edit = Edit::SetEvidence {
            id: e.id,
            index: 0,
            value: Some(Box::new(e.clone())),
        };
        check(&format!("evidence {field}"), &edit, &json!(e));
    }
    let point = DataPoint::default();
    for (what, d) in [
        ("name", with(&Dataset::default(), "name", big())),
        ("values", set.clone()),
        (
            "label",
            with(
                &Dataset::default(),
                "values",
                json!([with(&point, "label", big())]),
            ),
        ),
        (
            "date",
            with(
                &Dataset::default(),
                "values",
                json!([with(&point, "date", big())]),
            ),
        ),
    ] {
        let edit = Edit::SetDataset {
            id: d.id,
            index: 0,
            value: Some(Box::new(d.clone())),
        };
        check(&format!("data set {what}"), &edit, &json!(d));
    }
    let respondent = Respondent::default();
    for field in ["code", "segment", "name"] {
        let r = with(&respondent, field, big());
        check(
            &format!("respondent {field}"),
            &Edit::SetRespondents(vec![r.clone()]),
            &json!([r]),
        );
    }
    check(
        "respondents",
        &Edit::SetRespondents(vec![respondent.clone(); 2000]),
        &many(&respondent),
    );
    for (title, description) in [
        ("x".repeat(BIG), String::new()),
        (String::new(), "x".repeat(BIG)),
    ] {
        check(
            "project info",
            &Edit::SetProjectInfo { title, description },
            &big(),
        );
    }
    let action = Action::default();
    for (field, to) in [
        ("title", big()),
        ("description", big()),
        ("impact_reason", big()),
        ("effort_reason", big()),
        ("cards", id_list.clone()),
        ("stages", id_list.clone()),
    ] {
        let a = with(&action, field, to);
        let edit = Edit::SetAction {
            id: a.id,
            index: 0,
            value: Some(Box::new(a.clone())),
        };
        check(&format!("action {field}"), &edit, &json!(a));
    }
    let opportunity = Opportunity::default();
    for (field, to) in [
        ("title", big()),
        ("description", big()),
        ("cards", id_list.clone()),
        ("stages", id_list),
    ] {
        let o = with(&opportunity, field, to);
        let edit = Edit::SetOpportunity {
            id: o.id,
            index: 0,
            value: Some(Box::new(o.clone())),
        };
        check(&format!("opportunity {field}"), &edit, &json!(o));
    }
    let comment = crate::model::Comment::default();
    let reply = crate::model::Reply::default();
    let replies = json!(vec![reply; BIG / 64]);
    for (field, to) in [
        ("context", big()),
        ("author", big()),
        ("text", big()),
        ("replies", replies),
    ] {
        let c = with(&comment, field, to);
        let edit = Edit::SetComment {
            id: c.id,
            index: 0,
            value: Some(Box::new(c.clone())),
        };
        check(&format!("comment {field}"), &edit, &json!(c));
    }
    // A batch weighs what its parts weigh.
    let part = Edit::SetProjectInfo {
        title: "x".repeat(BIG),
        description: String::new(),
    };
    let batch = Edit::Batch(vec![part.clone(), part.clone()]);
    assert!(weight(&batch) >= 2 * weight(&part));
    assert!(weight(&batch) <= 2 * weight(&part) + 1024);
}
