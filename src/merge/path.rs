//! Places in a project's JSON tree: by field name, and by id inside lists of things with ids
//! (`/maps/@123/cards/@456/title`), so a place survives the reordering a merge may do.

use serde_json::Value;

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(String),
    /// The element of a list whose `id` is this.
    Id(u64),
}

/// A path as text.
pub fn format(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        out.push('/');
        match s {
            Step::Field(f) => out.push_str(f),
            Step::Id(id) => {
                out.push('@');
                out.push_str(&id.to_string());
            }
        }
    }
    out
}

/// A path read back from text; `None` when it is not one.
pub fn parse(text: &str) -> Option<Vec<Step>> {
    let rest = text.strip_prefix('/')?;
    rest.split('/')
        .map(|s| {
            if let Some(id) = s.strip_prefix('@') {
                id.parse().ok().map(Step::Id)
            } else if s.is_empty() {
                None
            } else {
                Some(Step::Field(s.to_owned()))
            }
        })
        .collect()
}

/// The id of a list element, when it has one.
pub fn id_of(value: &Value) -> Option<u64> {
    value.get("id")?.as_u64()
}

/// The value at `steps`, if there is one.
pub fn get<'a>(root: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    let mut at = root;
    for s in steps {
        at = match s {
            Step::Field(f) => at.get(f)?,
            Step::Id(id) => at.as_array()?.iter().find(|v| id_of(v) == Some(*id))?,
        };
    }
    Some(at)
}

/// Puts `value` at `steps`. For a list element, `null` removes it and a missing element is
/// added at the end. Says whether the place exists (its parent, for an added element).
pub fn set(root: &mut Value, steps: &[Step], value: Value) -> bool {
    let Some((last, parents)) = steps.split_last() else {
        *root = value;
        return true;
    };
    let mut at = root;
    for s in parents {
        let next = match s {
            Step::Field(f) => at.get_mut(f),
            Step::Id(id) => at
                .as_array_mut()
                .and_then(|a| a.iter_mut().find(|v| id_of(v) == Some(*id))),
        };
        match next {
            Some(n) => at = n,
            None => return false,
        }
    }
    match last {
        Step::Field(f) => match at.as_object_mut() {
            Some(object) => {
                object.insert(f.clone(), value);
                true
            }
            None => false,
        },
        Step::Id(id) => {
            let Some(list) = at.as_array_mut() else {
                return false;
            };
            let position = list.iter().position(|v| id_of(v) == Some(*id));
            match (position, value.is_null()) {
                (Some(i), true) => {
                    list.remove(i);
                }
                (Some(i), false) => list[i] = value,
                (None, true) => {}
                (None, false) => list.push(value),
            }
            true
        }
    }
}

/// What a person calls a list element: its title, name, label or code, else its id.
pub fn name_of(value: &Value) -> Option<String> {
    ["title", "name", "label", "code"]
        .iter()
        .filter_map(|k| value.get(k)?.as_str())
        .find(|s| !s.trim().is_empty())
        .map(|s| format!("{s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_back_as_written_and_reaches_by_id() {
        let steps = vec![
            Step::Field("maps".into()),
            Step::Id(12),
            Step::Field("title".into()),
        ];
        let text = format(&steps);
        assert_eq!(text, "/maps/@12/title");
        assert_eq!(parse(&text), Some(steps.clone()));
        let mut root =
            serde_json::json!({"maps": [{"id": 3, "title": "a"}, {"id": 12, "title": "b"}]});
        assert_eq!(get(&root, &steps), Some(&Value::from("b")));
        assert!(set(&mut root, &steps, Value::from("c")));
        assert_eq!(get(&root, &steps), Some(&Value::from("c")));
        assert!(set(&mut root, &steps[..2], Value::Null));
        assert_eq!(root["maps"], serde_json::json!([{"id": 3, "title": "a"}]));
        // A value for an id the list lacks is added; removing what is not there is no change.
        let added = [Step::Field("maps".into()), Step::Id(7)];
        assert!(set(&mut root, &added, serde_json::json!({"id": 7})));
        assert!(set(
            &mut root,
            &[Step::Field("maps".into()), Step::Id(99)],
            Value::Null
        ));
        assert_eq!(root["maps"].as_array().map(Vec::len), Some(2));
        assert_eq!(parse("maps"), None);
        assert_eq!(parse("/maps/@x"), None);
        assert_eq!(parse("/maps//title"), None);
    }
}
