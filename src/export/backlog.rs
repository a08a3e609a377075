//! Actions as a backlog: plain text for the terminal, Markdown, CSV that Excel opens as a table
//! (in either language's conventions, as the map's CSV), and JSON. Every line is built from the
//! same [`Row`], worded by `report::actions`.

use std::fmt::Write as _;

use serde::Serialize;

use super::text::{csv_field, md};
use crate::analysis::effects::{Effect, effect};
use crate::i18n::{Language, tr_in};
use crate::model::{Action, Project, Quadrant};
use crate::report::actions as words;

/// One action as every backlog format shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub status: String,
    pub quadrant: String,
    pub impact: u8,
    pub effort: u8,
    pub owner: String,
    pub due: String,
    pub done: String,
    pub opportunity: String,
    pub addresses: Vec<String>,
    pub measure: String,
    /// The effect line, or why there is none; empty when there is nothing to say.
    pub effect: String,
    #[serde(skip)]
    pub measured: Option<Effect>,
    pub description: String,
}

/// The row of `action` in `language`.
pub fn row(project: &Project, action: &Action, language: Language) -> Row {
    let e = effect(project, action);
    Row {
        id: action.id.to_string(),
        title: action.title.trim().to_owned(),
        status: words::status_name(action.status, language),
        quadrant: Quadrant::of(action.impact, action.effort)
            .map(|q| words::quadrant_name(q, language))
            .unwrap_or_default(),
        impact: action.impact,
        effort: action.effort,
        owner: words::owner_name(project, action, language),
        due: words::due_words(action, language),
        done: if action.done.is_empty() {
            String::new()
        } else {
            crate::dates::date(&action.done, language)
        },
        opportunity: action
            .opportunity
            .and_then(|o| project.opportunity(o))
            .map(|o| o.title.trim().to_owned())
            .unwrap_or_default(),
        addresses: words::addresses(project, action),
        measure: action
            .measure
            .as_ref()
            .map(|m| words::measure_words(project, m, language))
            .unwrap_or_default(),
        effect: words::effect_line(project, action, &e, language).unwrap_or_default(),
        measured: matches!(e, Effect::Measured { .. }).then_some(e),
        description: action.description.trim().to_owned(),
    }
}

fn label(language: Language, key: &'static str) -> String {
    tr_in(language, key).into_owned()
}

/// A column's header: the label with a capital.
fn header(language: Language, key: &'static str) -> String {
    crate::i18n::capitalised(&label(language, key))
}

/// The actions as text for a terminal: a block per action.
pub fn text(project: &Project, actions: &[&Action], language: Language) -> String {
    let mut out = String::new();
    if actions.is_empty() {
        out.push_str(&label(language, "backlog.none"));
        out.push('\n');
        return out;
    }
    for a in actions {
        let r = row(project, a, language);
        let mut head = vec![r.status.clone()];
        if !r.quadrant.is_empty() {
            head.push(format!(
                "{} ({} {}, {} {})",
                r.quadrant,
                label(language, "backlog.impact"),
                r.impact,
                label(language, "backlog.effort"),
                r.effort
            ));
        }
        let _ = writeln!(out, "{}  [{}]", r.title, head.join(" · "));
        let mut who = vec![format!("{}: {}", label(language, "backlog.owner"), r.owner)];
        if !r.due.is_empty() {
            who.push(format!("{}: {}", label(language, "backlog.due"), r.due));
        }
        if !r.done.is_empty() {
            who.push(format!("{}: {}", label(language, "backlog.done"), r.done));
        }
        let _ = writeln!(out, "  {}", who.join(" · "));
        for (key, value) in [
            ("backlog.opportunity", r.opportunity.clone()),
            ("backlog.addresses", r.addresses.join(", ")),
            ("backlog.measure", r.measure.clone()),
            ("backlog.effect", r.effect.clone()),
        ] {
            if !value.is_empty() {
                let _ = writeln!(out, "  {}: {value}", label(language, key));
            }
        }
    }
    out
}

/// The actions as a Markdown table.
pub fn markdown(project: &Project, actions: &[&Action], language: Language) -> String {
    let keys = [
        "backlog.title",
        "backlog.status",
        "backlog.quadrant",
        "backlog.owner",
        "backlog.due",
        "backlog.addresses",
        "backlog.measure",
        "backlog.effect",
    ];
    let mut out = String::new();
    let head: Vec<String> = keys.iter().map(|k| md(&header(language, k))).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(keys.len()));
    for a in actions {
        let r = row(project, a, language);
        let cells = [
            r.title,
            r.status,
            r.quadrant,
            r.owner,
            r.due,
            r.addresses.join(", "),
            r.measure,
            r.effect,
        ];
        let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// The actions as CSV for a spreadsheet in `excel`'s language, a row per action: Dutch Excel
/// gets `;`, decimal commas and a byte order mark, English `,` (and the mark too); impact and
/// effort are numbers it can sort and sum; text that looks like a formula is defused.
pub fn csv(project: &Project, actions: &[&Action], excel: Language) -> String {
    let sep = match excel {
        Language::Dutch => ";",
        Language::English => ",",
    };
    let keys = [
        "backlog.id",
        "backlog.title",
        "backlog.status",
        "backlog.impact",
        "backlog.effort",
        "backlog.quadrant",
        "backlog.owner",
        "backlog.due",
        "backlog.done",
        "backlog.opportunity",
        "backlog.addresses",
        "backlog.measure",
        "backlog.effect",
        "backlog.description",
    ];
    let mut out = String::from("\u{feff}");
    let head: Vec<String> = keys
        .iter()
        .map(|k| csv_field(&header(excel, k), sep))
        .collect();
    let _ = write!(out, "{}\r\n", head.join(sep));
    for a in actions {
        let r = row(project, a, excel);
        let score = |n: u8| if n == 0 { String::new() } else { n.to_string() };
        let cells = [
            csv_field(&r.id, sep),
            csv_field(&r.title, sep),
            csv_field(&r.status, sep),
            score(r.impact),
            score(r.effort),
            csv_field(&r.quadrant, sep),
            csv_field(&r.owner, sep),
            csv_field(&r.due, sep),
            csv_field(&r.done, sep),
            csv_field(&r.opportunity, sep),
            csv_field(&r.addresses.join(", "), sep),
            csv_field(&r.measure, sep),
            csv_field(&r.effect, sep),
            csv_field(&r.description, sep),
        ];
        let _ = write!(out, "{}\r\n", cells.join(sep));
    }
    out
}

/// The actions as JSON: each row's fields, and the measured effect's figures where there are.
pub fn json(project: &Project, actions: &[&Action], language: Language) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = actions
        .iter()
        .map(|a| {
            let r = row(project, a, language);
            let mut v = serde_json::to_value(&r).unwrap_or_default();
            if let (Some(o), Some(e)) = (v.as_object_mut(), &r.measured) {
                o.insert(
                    "measured".into(),
                    serde_json::to_value(e).unwrap_or_default(),
                );
            }
            v
        })
        .collect();
    serde_json::json!({ "actions": rows })
}

#[cfg(test)]
mod tests;
