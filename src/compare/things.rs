//! What changed among the things of a project beyond a map's grid: personas, stakeholders and
//! their relations, respondents, evidence, data sets (their description; their figures are the
//! metrics), the project's own words, and a map's stages and lanes field by field (a stage's
//! milestone, its success criteria). Things are matched by id and compared on their fields as
//! the file writes them, so a field the model gains is compared without code here.

use serde::Serialize;
use serde_json::Value;

use super::{Field, Kind};
use crate::i18n::Language;
use crate::model::{Map, Project};

/// A thing that is not the same in both versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThingChange {
    /// What it is: `persona`, `stakeholder`, `relation`, `respondent`, `evidence`,
    /// `data set`, `opportunity`, `action`, `project`, `stage`, `lane`.
    pub thing: &'static str,
    pub kind: Kind,
    /// Its name in the newer version (the older for a removed one).
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

/// A JSON value as a person reads it: text as it is, nothing as "none", yes or no, a number
/// as `language` writes it, a list by how many it holds, a thing by its name.
pub fn value_in_words(value: &Value, language: Language) -> String {
    match value {
        Value::Null => crate::i18n::tr_in(language, "compare.none").into_owned(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => {
            crate::i18n::tr_in(language, if *b { "merge.yes" } else { "merge.no" }).into_owned()
        }
        Value::Number(n) => n.as_f64().map_or_else(
            || n.to_string(),
            |v| crate::i18n::number(v, 3, false, language),
        ),
        Value::Array(items) => {
            crate::i18n::tr_count_in(language, "compare.items", items.len(), &[])
        }
        Value::Object(_) => {
            let name = name_of(value);
            if name.is_empty() {
                short(&value.to_string())
            } else {
                name
            }
        }
    }
}

/// A merge conflict's value (JSON, as [`crate::model::Conflict`] keeps it) as a person reads
/// it: text in quotes, "deleted" for nothing, anything else as [`value_in_words`]. The app's
/// conflicts list and `klantreis merge` both word values this way.
pub fn conflict_value_in_words(json: &str, language: Language) -> String {
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Null) => crate::i18n::tr_in(language, "versions.deleted").into_owned(),
        Ok(Value::String(s)) => format!("“{s}”"),
        Ok(v) => value_in_words(&v, language),
        Err(_) => json.to_owned(),
    }
}

/// The name a thing goes by: its title, name, label or code, else its text's first words.
fn name_of(value: &Value) -> String {
    ["title", "name", "label", "code", "text", "quote"]
        .iter()
        .filter_map(|k| value.get(k)?.as_str())
        .find(|s| !s.trim().is_empty())
        .map(short)
        .unwrap_or_default()
}

/// The most of a text a line of the comparison shows: its first 60 characters, and "…" when
/// there is more.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let shown: String = chars.by_ref().take(SHORT).collect();
    if chars.next().is_some() {
        format!("{shown}…")
    } else {
        shown
    }
}

/// How many characters of a text [`short`] shows.
const SHORT: usize = 60;

/// The fields of two versions of one thing that differ, worded; `skip` names fields compared
/// elsewhere.
fn fields(old: &Value, new: &Value, skip: &[&str]) -> Vec<Field> {
    let empty = serde_json::Map::new();
    let (a, b) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = b.keys().collect();
    keys.extend(a.keys().filter(|k| !b.contains_key(*k)));
    keys.into_iter()
        .filter(|k| !skip.contains(&k.as_str()) && k.as_str() != "id")
        .filter_map(|k| {
            let (x, y) = (
                a.get(k).unwrap_or(&Value::Null),
                b.get(k).unwrap_or(&Value::Null),
            );
            (x != y).then(|| Field {
                field: k.replace('_', " "),
                before: value_in_words(x, Language::English),
                after: value_in_words(y, Language::English),
            })
        })
        .collect()
}

/// What changed in a list of things with ids: added, removed, changed (with the fields).
fn list<T: Serialize>(
    thing: &'static str,
    old: &[T],
    new: &[T],
    skip: &[&str],
) -> Vec<ThingChange> {
    let to_values = |list: &[T]| -> Vec<Value> {
        list.iter()
            .filter_map(|t| serde_json::to_value(t).ok())
            .collect()
    };
    let (old, new) = (to_values(old), to_values(new));
    // Things are matched by their id; respondents, which have none, by their code.
    let id = |v: &Value| {
        v.get("id")
            .or_else(|| v.get("code"))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let mut out = Vec::new();
    for n in &new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => out.push(ThingChange {
                thing,
                kind: Kind::Added,
                name: name_of(n),
                fields: Vec::new(),
            }),
            Some(o) => {
                let fields = fields(o, n, skip);
                if !fields.is_empty() {
                    out.push(ThingChange {
                        thing,
                        kind: Kind::Changed,
                        name: name_of(n),
                        fields,
                    });
                }
            }
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o))) {
        out.push(ThingChange {
            thing,
            kind: Kind::Removed,
            name: name_of(o),
            fields: Vec::new(),
        });
    }
    out
}

/// What changed among the things of two versions of a project, maps aside.
pub fn project_things(old: &Project, new: &Project) -> Vec<ThingChange> {
    let mut out = Vec::new();
    let own = |p: &Project| {
        serde_json::json!({
            "title": p.title,
            "description": p.description,
            "language": p.language,
            "authors": p.authors,
        })
    };
    let project = fields(&own(old), &own(new), &[]);
    if !project.is_empty() {
        out.push(ThingChange {
            thing: "project",
            kind: Kind::Changed,
            name: new.title.clone(),
            fields: project,
        });
    }
    out.extend(list("persona", &old.personas, &new.personas, &[]));
    out.extend(list(
        "stakeholder",
        &old.stakeholders,
        &new.stakeholders,
        &[],
    ));
    out.extend(list("relation", &old.relations, &new.relations, &[]));
    out.extend(list("respondent", &old.respondents, &new.respondents, &[]));
    out.extend(list("evidence", &old.evidence, &new.evidence, &[]));
    // A data set's figures are the metrics; when it was last read is not a change.
    out.extend(list(
        "data set",
        &old.datasets,
        &new.datasets,
        &["values", "import"],
    ));
    out.extend(list(
        "opportunity",
        &old.opportunities,
        &new.opportunities,
        &[],
    ));
    out.extend(list("action", &actions(old), &actions(new), &[]));
    out.extend(list("comment", &old.comments, &new.comments, &[]));
    out
}

/// A project's actions as compared: the owner by name (re-owned is a change of name, whether
/// to a stakeholder or to a name written) and the status by its word.
fn actions(p: &Project) -> Vec<Value> {
    p.actions
        .iter()
        .filter_map(|a| {
            let mut v = serde_json::to_value(a).ok()?;
            let o = v.as_object_mut()?;
            let owner = a.owner.as_ref().and_then(|w| p.owner_name(w));
            o.insert("owner".into(), owner.map_or(Value::Null, Value::from));
            o.insert("status".into(), Value::from(a.status.key()));
            Some(v)
        })
        .collect()
}

/// What changed in a map's stages and lanes beyond their names and order (which
/// `parts` tells): a stage's description, milestone, success criteria, journey or
/// evidence; a lane's kind, height or data sets.
pub fn map_things(old: &Map, new: &Map) -> Vec<ThingChange> {
    let mut out = list("stage", &old.stages, &new.stages, &["name"]);
    out.extend(list("lane", &old.lanes, &new.lanes, &["name"]));
    out.retain(|c| c.kind == Kind::Changed);
    out
}
