//! The map as text: the analysis as a Markdown report, the grid as CSV (lanes × stages) and
//! the journey as Mermaid `journey` text. Words are in the project's language.

use std::fmt::Write as _;

use crate::i18n::{Language, tr_in};
use crate::model::{LaneKind, Map, Project};
use crate::report;

/// Markdown's inline special characters in user text are escaped so a title cannot become a
/// link, emphasis, HTML or a table cell break (user text never starts a line here).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|".contains(c) {
            out.push('\\');
        }
        // A line break (of any kind) in a title would start a heading or a list.
        out.push(if matches!(c, '\n' | '\r') { ' ' } else { c });
    }
    out
}

/// The analysis of `map` as a Markdown report, from the one report builder.
pub fn markdown(project: &Project, map: &Map) -> String {
    let lang = Language::of_text(&project.language);
    let analysis = crate::analysis::analyse(project, map);
    let r = report::map_report(project, map, &analysis, lang, 2);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&r.title));
    let _ = writeln!(out, "{} · {}\n", md(&project.title), r.scale);
    let _ = writeln!(out, "{}\n", r.explain);
    for c in &r.curves {
        let _ = writeln!(out, "## {}\n", md(&c.name));
        if let Some(none) = &c.no_steps {
            let _ = writeln!(out, "{none}\n");
            continue;
        }
        let _ = writeln!(out, "| | |\n|---|---|");
        for row in &c.rows {
            let value = md(&row.value.text);
            if row.strong {
                let _ = writeln!(out, "| {} | **{value}** |", row.label);
            } else {
                let _ = writeln!(out, "| {} | {value} |", row.label);
            }
        }
        out.push('\n');
        if let Some(weak) = &c.weak_end {
            let _ = writeln!(out, "> {weak}\n");
        }
        if let Some(lowest) = c.lowest.as_ref().filter(|l| !l.steps.is_empty()) {
            let _ = writeln!(out, "### {}\n", lowest.heading);
            for low in &lowest.steps {
                let _ = writeln!(out, "- {}", md(&low.step.text));
                for pain in &low.pains {
                    let _ = writeln!(out, "  - {}", md(&pain.text));
                }
            }
            out.push('\n');
        }
    }
    for cmp in &r.comparisons {
        let _ = writeln!(out, "## {}\n", md(&cmp.heading));
        let [stage, as_is, to_be, delta] = &cmp.columns;
        let _ = writeln!(
            out,
            "| {stage} | {as_is} | {to_be} | {delta} |\n|---|---:|---:|---:|"
        );
        for s in &cmp.stages {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&s.stage.text),
                s.as_is,
                s.to_be,
                s.gain
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", r.checks);
    if let Some(clean) = &r.clean {
        let _ = writeln!(out, "{clean}");
    }
    for lint in &r.lint {
        let _ = writeln!(out, "- {}", md(&lint.text));
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break; a field starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is defused with a leading `'`, so a spreadsheet
/// does not run it as a formula (OWASP's rule for CSV injection).
fn csv_field(text: &str) -> String {
    let mut text = text.to_owned();
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        text.insert(0, '\'');
    }
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The map's grid as CSV: a row per lane, a column per stage, the cards of a cell one per line.
pub fn csv(map: &Map) -> String {
    let mut out = String::new();
    let header: Vec<String> = std::iter::once(String::new())
        .chain(map.stages.iter().map(|s| csv_field(&s.name)))
        .collect();
    let _ = write!(out, "{}\r\n", header.join(","));
    for lane in &map.lanes {
        let mut row = vec![csv_field(&lane.name)];
        for stage in &map.stages {
            let mut cards: Vec<&crate::model::Card> = map
                .cards
                .iter()
                .filter(|c| c.lane == lane.id && c.stage == stage.id)
                .collect();
            cards.sort_by_key(|c| c.order);
            let mut cell: Vec<String> = cards.iter().map(|c| c.title.clone()).collect();
            if lane.kind == LaneKind::Emotions {
                for curve in &map.curves {
                    for p in curve.points.iter().filter(|p| p.stage == stage.id) {
                        cell.push(
                            format!("{} {}", map.scale.format(p.score, 2), p.label)
                                .trim()
                                .to_owned(),
                        );
                    }
                }
            }
            row.push(csv_field(&cell.join("\n")));
        }
        let _ = write!(out, "{}\r\n", row.join(","));
    }
    out
}

/// Text safe inside a Mermaid journey line (no colons, semicolons or line breaks).
fn mermaid_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ':' | ';' | '#' | '\n' | '\r' => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The map as Mermaid `journey` text: a section per stage, its customer actions and
/// touchpoints as tasks, scored 1–5 from the first curve.
pub fn mermaid(project: &Project, map: &Map) -> String {
    let actor = map
        .personas
        .iter()
        .filter_map(|id| project.persona(*id))
        .map(|p| mermaid_text(&p.name))
        .collect::<Vec<_>>()
        .join(", ");
    let actor = if actor.is_empty() {
        tr_in(Language::of_text(&project.language), "template.customer").into_owned()
    } else {
        actor
    };
    let curve = map
        .curves
        .iter()
        .find(|c| c.variant == crate::model::CurveVariant::AsIs)
        .or_else(|| map.curves.first());
    let mut out = String::from("journey\n");
    let _ = writeln!(out, "  title {}", mermaid_text(&map.title));
    for stage in &map.stages {
        let _ = writeln!(out, "  section {}", mermaid_text(&stage.name));
        let stage_score = curve
            .and_then(|c| {
                let points: Vec<f64> = c
                    .points
                    .iter()
                    .filter(|p| p.stage == stage.id)
                    .map(|p| p.score)
                    .collect();
                (!points.is_empty()).then(|| points.iter().sum::<f64>() / points.len() as f64)
            })
            .map_or(3, |s| {
                // Mermaid scores run 1 to 5.
                (1.0 + 4.0 * (s - map.scale.min()) / (map.scale.max() - map.scale.min()).max(1e-9))
                    .round()
                    .clamp(1.0, 5.0) as u8
            });
        let mut tasks: Vec<&crate::model::Card> = map
            .cards
            .iter()
            .filter(|c| {
                c.stage == stage.id
                    && map.lane(c.lane).is_some_and(|l| {
                        matches!(l.kind, LaneKind::CustomerActions | LaneKind::Touchpoints)
                    })
            })
            .collect();
        tasks.sort_by_key(|c| (map.lane_index(c.lane), c.order));
        if tasks.is_empty() {
            let _ = writeln!(
                out,
                "    {}: {stage_score}: {actor}",
                mermaid_text(&stage.name)
            );
        }
        for task in tasks {
            let title = mermaid_text(&task.title);
            let title = if title.is_empty() {
                "…".to_owned()
            } else {
                title
            };
            let _ = writeln!(out, "    {title}: {stage_score}: {actor}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        for risky in ["+31 6", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(
                csv_field(risky).trim_start_matches('"').starts_with('\''),
                "{risky:?}"
            );
        }
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn markdown_user_text_cannot_start_a_line() {
        let mut project = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        project.maps[0].title = "Visit\r# Injected heading\r\n- injected item".to_owned();
        let text = markdown(&project, &project.maps[0]);
        assert!(!text.contains('\r'), "{text:?}");
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("# Injected") || l.starts_with("- injected")),
            "{text}"
        );
    }

    #[test]
    fn mermaid_text_has_no_separators() {
        assert_eq!(mermaid_text("Bel: 9:00; #1\nnu"), "Bel 9 00 1 nu");
    }
}
