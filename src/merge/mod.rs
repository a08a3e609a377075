//! Three-way merge of project files by their stable ids: what one side changed and the other
//! did not is taken; edits to different cards, stages, lanes, personas or data sets combine; the
//! same field changed to two values, or a thing edited on one side and deleted on the other, is
//! a [`Conflict`]: settled by the preferred side, listed, and kept in the project so the app can
//! let the user pick per conflict.
//!
//! The merge works on the project's JSON tree, so every field the model gains is merged
//! without code here: objects field by field, lists of things with ids element by element
//! (keeping the order the side that reordered gave them), every other value as a whole.

pub mod path;
mod repair;
#[cfg(test)]
mod tests;

use serde_json::{Map as JsonMap, Value};

use crate::model::{Conflict, Project, Side};
use path::Step;

/// What a merge produced: a valid project and what it could not decide alone.
#[derive(Debug)]
pub struct Merged {
    pub project: Project,
    /// The conflicts, also kept in `project.conflicts`.
    pub conflicts: usize,
    /// Deletions undone because the other side still used what was deleted, in words.
    pub kept: Vec<String>,
}

/// Why two projects could not be merged at all.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("a project could not be read as a tree: {0}")]
    Tree(serde_json::Error),
    #[error("the merged project does not hold together: {0}")]
    Invalid(String),
}

/// Merges what `ours` and `theirs` each changed since `base`; a conflict takes `prefer`'s side.
pub fn merge(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    prefer: Side,
) -> Result<Merged, MergeError> {
    let tree = |p: &Project| {
        let mut v = serde_json::to_value(p).map_err(MergeError::Tree)?;
        if let Some(o) = v.as_object_mut() {
            // Earlier conflicts are not merged: each side's are its own business.
            o.remove("conflicts");
        }
        Ok::<_, MergeError>(v)
    };
    let (b, o, t) = (tree(base)?, tree(ours)?, tree(theirs)?);
    let mut merger = Merger {
        prefer,
        conflicts: Vec::new(),
        place: Vec::new(),
    };
    let mut merged = merger.value(&mut Vec::new(), Some(&b), Some(&o), Some(&t));
    if let Some(object) = merged.as_mut().and_then(Value::as_object_mut) {
        // When it was last saved is not worth a conflict: the later of the two.
        let later = [&ours.modified, &theirs.modified]
            .into_iter()
            .max()
            .cloned()
            .unwrap_or_default();
        object.insert("modified".into(), Value::from(later));
        object.insert("created".into(), Value::from(base.created.clone()));
    }
    let merged = merged.unwrap_or(o);
    let mut project: Project =
        serde_json::from_value(merged).map_err(|e| MergeError::Invalid(e.to_string()))?;
    let mut kept = repair::keep_what_is_used(&mut project, [ours, theirs, base]);
    kept.extend(repair::actions_let_go(&mut project));
    project.conflicts = merger.conflicts;
    tidy_and_check(&mut project).map_err(MergeError::Invalid)?;
    Ok(Merged {
        conflicts: project.conflicts.len(),
        project,
        kept,
    })
}

struct Merger {
    prefer: Side,
    conflicts: Vec<Conflict>,
    /// The names of the things the merge is inside, for the conflict's place in words.
    place: Vec<String>,
}

fn json_text(v: Option<&Value>) -> String {
    v.map_or_else(|| "null".to_owned(), Value::to_string)
}

/// The base of a set that both sides started (left out of the file while it was empty).
static NO_SET: Value = Value::Array(Vec::new());

/// The fields that hold a set (links by id, or words) rather than a sequence or a value.
const SET_FIELDS: [&str; 11] = [
    "evidence",
    // An opportunity's or action's links (a map's own cards and stages are lists of things
    // with ids, merged as such before this is asked).
    "cards",
    "stages",
    "personas",
    "datasets",
    "tags",
    "respondents",
    "authors",
    "goals",
    "needs",
    "frustrations",
];

fn is_set(at: &[Step]) -> bool {
    matches!(at.last(), Some(Step::Field(f)) if SET_FIELDS.contains(&f.as_str()))
}

/// A three-way merge of sets: an element stays when both have it, or one side has it and the
/// base did not (added there); in ours' order, theirs' additions after. `None` when an element
/// is not a plain value or a list repeats one (then it is no set).
fn set_merge(b: &[Value], o: &[Value], t: &[Value]) -> Option<Vec<Value>> {
    let plain = |l: &[Value]| {
        l.iter().all(|v| v.is_string() || v.is_number())
            && l.iter().enumerate().all(|(i, v)| !l[..i].contains(v))
    };
    if !(plain(b) && plain(o) && plain(t)) {
        return None;
    }
    let keep = |v: &Value| {
        let (in_b, in_o, in_t) = (b.contains(v), o.contains(v), t.contains(v));
        (in_o || in_t) && (!in_b || (in_o && in_t))
    };
    let mut out: Vec<Value> = o.iter().filter(|v| keep(v)).cloned().collect();
    let theirs: Vec<Value> = t
        .iter()
        .filter(|v| keep(v) && !out.contains(v))
        .cloned()
        .collect();
    out.extend(theirs);
    Some(out)
}

/// The variant an object names when it is one of the model's enums with data (an owner
/// `{"Stakeholder": 12}`, a measure `{"Data": {…}}`, a channel `{"Other": "…"}`): two different
/// variants are two different values, never merged field by field into a mix of both.
fn variant(object: &JsonMap<String, Value>) -> Option<&str> {
    let mut keys = object.keys();
    match (keys.next(), keys.next()) {
        (Some(k), None) if k.starts_with(|c: char| c.is_ascii_uppercase()) => Some(k),
        _ => None,
    }
}

/// Whether every element of a list is an object with an id (an empty list qualifies).
fn has_ids(list: &[Value]) -> bool {
    list.iter().all(|v| path::id_of(v).is_some())
}

impl Merger {
    /// The merged value of one place; `None` is "not there" (deleted, or never added).
    fn value(
        &mut self,
        at: &mut Vec<Step>,
        b: Option<&Value>,
        o: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        if o == t {
            return o.cloned();
        }
        if o == b {
            return t.cloned();
        }
        if t == b {
            return o.cloned();
        }
        match (b, o, t) {
            (Some(Value::Object(b)), Some(Value::Object(o)), Some(Value::Object(t)))
                if variant(b) == variant(o) && variant(o) == variant(t) =>
            {
                Some(Value::Object(self.object(at, b, o, t)))
            }
            (Some(Value::Array(b)), Some(Value::Array(o)), Some(Value::Array(t)))
                if has_ids(b) && has_ids(o) && has_ids(t) =>
            {
                Some(Value::Array(self.list(at, b, o, t)))
            }
            // A list both sides started (it is left out of the file while empty).
            (None, Some(Value::Array(o)), Some(Value::Array(t))) if has_ids(o) && has_ids(t) => {
                Some(Value::Array(self.list(at, &[], o, t)))
            }
            // A set of links or words (a card's evidence, a map's personas, tags): what each
            // side added is kept, what each side removed goes.
            (_, Some(Value::Array(ol)), Some(Value::Array(tl))) if is_set(at) => {
                // A set both sides started has the empty set for its base.
                let b = b.unwrap_or(&NO_SET);
                match b.as_array().and_then(|bl| set_merge(bl, ol, tl)) {
                    Some(merged) => Some(Value::Array(merged)),
                    None => self.conflict(at, Some(b), o, t),
                }
            }
            _ => self.conflict(at, b, o, t),
        }
    }

    fn conflict(
        &mut self,
        at: &[Step],
        b: Option<&Value>,
        o: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        let mut place = self.place.clone();
        if let Some(Step::Field(f)) = at.last() {
            place.push(f.clone());
        }
        self.conflicts.push(Conflict {
            place: place.join(" › "),
            path: path::format(at),
            base: json_text(b),
            ours: json_text(o),
            theirs: json_text(t),
            taken: self.prefer,
        });
        match self.prefer {
            Side::Ours => o.cloned(),
            Side::Theirs => t.cloned(),
        }
    }

    fn object(
        &mut self,
        at: &mut Vec<Step>,
        b: &JsonMap<String, Value>,
        o: &JsonMap<String, Value>,
        t: &JsonMap<String, Value>,
    ) -> JsonMap<String, Value> {
        let mut out = JsonMap::new();
        // A key only the base has was deleted by both sides: it stays out, so it needs no visit.
        let mut keys: Vec<&String> = o.keys().collect();
        keys.extend(t.keys().filter(|k| !o.contains_key(*k)));
        for key in keys {
            at.push(Step::Field(key.clone()));
            if let Some(v) = self.value(at, b.get(key), o.get(key), t.get(key)) {
                out.insert(key.clone(), v);
            }
            at.pop();
        }
        out
    }

    /// A list of things with ids, element by element.
    fn list(&mut self, at: &mut Vec<Step>, b: &[Value], o: &[Value], t: &[Value]) -> Vec<Value> {
        fn find(list: &[Value], id: u64) -> Option<&Value> {
            list.iter().find(|v| path::id_of(v) == Some(id))
        }
        let order = order(b, o, t);
        let field = match at.last() {
            Some(Step::Field(f)) => f.clone(),
            _ => String::new(),
        };
        let mut out = Vec::new();
        for id in order {
            let (bv, ov, tv) = (find(b, id), find(o, id), find(t, id));
            let name = [ov, tv, bv]
                .into_iter()
                .flatten()
                .find_map(path::name_of)
                .unwrap_or_else(|| id.to_string());
            self.place.push(format!("{field} › {name}"));
            at.push(Step::Id(id));
            if let Some(v) = self.value(at, bv, ov, tv) {
                out.push(v);
            }
            at.pop();
            self.place.pop();
        }
        out
    }
}

/// The order of a merged list: the side that reordered what all three share gives the
/// skeleton (ours when both or neither did); what only one side added goes after the element it
/// followed there.
fn order(b: &[Value], o: &[Value], t: &[Value]) -> Vec<u64> {
    let ids = |l: &[Value]| l.iter().filter_map(path::id_of).collect::<Vec<u64>>();
    let (bi, oi, ti) = (ids(b), ids(o), ids(t));
    let shared = |l: &[u64]| -> Vec<u64> {
        l.iter()
            .copied()
            .filter(|id| bi.contains(id) && oi.contains(id) && ti.contains(id))
            .collect()
    };
    let (sb, so, st) = (shared(&bi), shared(&oi), shared(&ti));
    let (skeleton, other) = if so == sb && st != sb {
        (&ti, &oi)
    } else {
        (&oi, &ti)
    };
    let mut out: Vec<u64> = skeleton.clone();
    // What the base had and both deleted stays out; what one side deleted is still in the
    // other and so in the order, and is decided per element.
    insert_missing(&mut out, other);
    out
}

/// Adds each id of `from` that `out` lacks after the nearest id that preceded it in `from` and
/// is in `out`, else at the start.
fn insert_missing(out: &mut Vec<u64>, from: &[u64]) {
    for (i, id) in from.iter().enumerate() {
        if out.contains(id) {
            continue;
        }
        let after = from[..i]
            .iter()
            .rev()
            .find_map(|prev| out.iter().position(|x| x == prev));
        out.insert(after.map_or(0, |p| p + 1), *id);
    }
}

/// The value a conflict's side holds, as the project tree has it.
pub fn side_value(conflict: &Conflict, side: Side) -> Option<Value> {
    let text = match side {
        Side::Ours => &conflict.ours,
        Side::Theirs => &conflict.theirs,
    };
    serde_json::from_str(text).ok()
}

/// `project` with `conflict` settled as `side`: the project the user gets when they pick it,
/// or why that cannot be (the place is gone, or the result would not hold together).
pub fn resolve(project: &Project, conflict: &Conflict, side: Side) -> Result<Project, String> {
    let steps =
        path::parse(&conflict.path).ok_or_else(|| format!("{:?} is no path", conflict.path))?;
    let value = side_value(conflict, side).ok_or("the conflict's value is not JSON")?;
    let mut tree = serde_json::to_value(project).map_err(|e| e.to_string())?;
    if !path::set(&mut tree, &steps, value) {
        return Err(format!("{} is no longer in the project", conflict.place));
    }
    let mut resolved: Project = serde_json::from_value(tree).map_err(|e| e.to_string())?;
    tidy_and_check(&mut resolved)?;
    Ok(resolved)
}

/// Drops what the merge left dangling in the data (as every edit does), then says the first
/// reason the file would refuse the project, if there is one.
fn tidy_and_check(project: &mut Project) -> Result<(), String> {
    if let Some(fix) = crate::edit::data::tidy(project) {
        let _ = crate::edit::apply(project, fix);
    }
    match crate::file::validate(project, &crate::model::Limits::default()).first() {
        Some(first) => Err(first.to_string()),
        None => Ok(()),
    }
}

/// Settles conflict `index` as `side`: the project takes that side's value there, and the
/// conflict says so (it stays listed until the user is done). Says why when it cannot.
pub fn settle(project: &Project, index: usize, side: Side) -> Result<crate::edit::Edit, String> {
    let conflict = project
        .conflicts
        .get(index)
        .ok_or("that conflict is no longer listed")?;
    let mut resolved = resolve(project, conflict, side)?;
    resolved.conflicts.clone_from(&project.conflicts);
    resolved.conflicts[index].taken = side;
    crate::edit::sharing::between(project, &resolved).ok_or_else(|| {
        "the conflict is about the project's language, authors or pictures, which cannot be changed here".to_owned()
    })
}
