//! The map as text: the analysis as a Markdown report, the grid as CSV (lanes × stages) and
//! the journey as Mermaid `journey` text. Words are in the project's language.

use std::fmt::Write as _;

use crate::analysis::{self, WeakEnd};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{CurveVariant, LaneKind, Map, Project, format_score};

fn score(map: &Map, v: f64) -> String {
    map.scale.format(v, 2)
}

/// Markdown's inline special characters in user text are escaped so a title cannot become a
/// link, emphasis, HTML or a table cell break (user text never starts a line here).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The analysis of `map` as a Markdown report.
pub fn markdown(project: &Project, map: &Map) -> String {
    let lang = Language::of_text(&project.language);
    let t = |key| tr_in(lang, key);
    let a = analysis::analyse(project, map);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&map.title));
    let _ = writeln!(out, "{} · {}\n", md(&project.title), map.scale.label());
    let _ = writeln!(out, "{}\n", t("analysis.explain"));
    for c in &a.curves {
        let name = map
            .curves
            .iter()
            .find(|x| x.id == c.curve)
            .map_or_else(String::new, |x| crate::layout::curve_name(project, x));
        let _ = writeln!(out, "## {}\n", md(&name));
        let (Some(peak), Some(end), Some(remembered), Some(average)) =
            (&c.peak, &c.end, c.remembered, c.average)
        else {
            let _ = writeln!(out, "{}\n", t("analysis.no_steps"));
            continue;
        };
        let step = |s: &analysis::Step| {
            let label = if s.label.is_empty() {
                String::new()
            } else {
                format!(" ({})", md(&s.label))
            };
            format!("{} · {}{label}", score(map, s.score), md(&s.stage_name))
        };
        let _ = writeln!(out, "| | |\n|---|---|");
        let _ = writeln!(
            out,
            "| {} | **{}** |",
            t("analysis.remembered"),
            score(map, remembered)
        );
        let _ = writeln!(
            out,
            "| {} | {} |",
            t("analysis.average"),
            score(map, average)
        );
        let _ = writeln!(out, "| {} | {} |", t("analysis.peak"), step(peak));
        let _ = writeln!(out, "| {} | {} |\n", t("analysis.end"), step(end));
        if let Some(weak) = c.weak_end {
            let key = match weak {
                WeakEnd::BelowNeutral => "analysis.weak_end.neutral",
                WeakEnd::BelowAverage => "analysis.weak_end.average",
                WeakEnd::BelowNeutralAndAverage => "analysis.weak_end.both",
            };
            let _ = writeln!(out, "> {}\n", t(key));
        }
        if c.variant == CurveVariant::AsIs && !c.lowest.is_empty() {
            let _ = writeln!(out, "### {}\n", t("analysis.lowest"));
            for low in &c.lowest {
                let _ = writeln!(out, "- {}", step(&low.step));
                for id in &low.pain_points {
                    if let Some(card) = map.card(*id) {
                        let _ = writeln!(out, "  - {}", md(&card.title));
                    }
                }
            }
            out.push('\n');
        }
    }
    for cmp in &a.comparisons {
        let name = |id| {
            map.curves
                .iter()
                .find(|x| x.id == id)
                .map_or_else(String::new, |x| crate::layout::curve_name(project, x))
        };
        let _ = writeln!(
            out,
            "## {}\n",
            md(&tr_args_in(
                lang,
                "analysis.compare",
                &[("as_is", &name(cmp.as_is)), ("to_be", &name(cmp.to_be))]
            ))
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | Δ |\n|---|---:|---:|---:|",
            t("inspector.stage"),
            t("curve.as_is"),
            t("curve.to_be")
        );
        let dash = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| score(map, v));
        for s in &cmp.stages {
            let stage = map.stage(s.stage).map_or("", |x| x.name.as_str());
            let gain = s
                .gain
                .map_or_else(|| "–".to_owned(), |g| format_score(g, 2, true));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {gain} |",
                md(stage),
                dash(s.as_is),
                dash(s.to_be)
            );
        }
        out.push('\n');
    }
    let checks = if a.lint.len() == 1 {
        "analysis.checks.one"
    } else {
        "analysis.checks.other"
    };
    let _ = writeln!(
        out,
        "## {}\n",
        tr_args_in(lang, checks, &[("count", &a.lint.len())])
    );
    if a.lint.is_empty() {
        let _ = writeln!(out, "{}", t("analysis.checks_clean"));
    }
    for lint in &a.lint {
        let _ = writeln!(out, "- {}", md(&lint.sentence(map, lang)));
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is defused so a spreadsheet does not run it as a formula.
fn csv_field(text: &str) -> String {
    let mut text = text.to_owned();
    if text.starts_with(['=', '+', '-', '@']) {
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
                            format!("{} {}", score(map, p.score), p.label)
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
        .find(|c| c.variant == CurveVariant::AsIs)
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
    }

    #[test]
    fn mermaid_text_has_no_separators() {
        assert_eq!(mermaid_text("Bel: 9:00; #1\nnu"), "Bel 9 00 1 nu");
    }
}
