//! The map as text: the analysis as a Markdown report, the grid as CSV (lanes × stages) and
//! the journey as Mermaid `journey` text (in `mermaid`). Words are in the project's language.

use std::fmt::Write as _;

use crate::i18n::Language;
use crate::model::{LaneKind, Map, Project};
use crate::report;

pub use super::mermaid::mermaid;

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
    if let Some(moments) = &r.moments {
        let _ = writeln!(out, "## {}\n", md(&moments.heading));
        for m in &moments.rows {
            let _ = writeln!(out, "- {}", md(&m.text));
        }
        out.push('\n');
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
    fn each_csv_cell_holds_the_cards_of_its_lane_and_stage() {
        use crate::model::{Card, Lane, Stage};
        let stages = vec![Stage::named("S1"), Stage::named("S2")];
        let lanes = vec![
            Lane::new("L1", LaneKind::Thoughts),
            Lane::new("L2", LaneKind::Thoughts),
        ];
        let card = |lane: usize, stage: usize, title: &str| Card {
            lane: lanes[lane].id,
            stage: stages[stage].id,
            title: title.to_owned(),
            ..Card::default()
        };
        let map = Map {
            cards: vec![
                card(0, 0, "a"),
                card(0, 1, "b"),
                card(1, 0, "c"),
                card(1, 1, "d"),
            ],
            stages: stages.clone(),
            lanes: lanes.clone(),
            ..Map::default()
        };
        assert_eq!(csv(&map), ",S1,S2\r\nL1,a,b\r\nL2,c,d\r\n");

        // The emotion lane lists the scores of its stage; other lanes do not.
        let mut map = map;
        map.lanes.push(Lane::new("E", LaneKind::Emotions));
        map.curves.push(crate::model::EmotionCurve {
            points: vec![crate::model::EmotionPoint {
                stage: stages[1].id,
                score: 1.0,
                label: "blij".to_owned(),
                ..crate::model::EmotionPoint::default()
            }],
            ..crate::model::EmotionCurve::default()
        });
        // (A score like +1 is defused as any cell starting with a sign.)
        let score = csv_field(&format!("{} blij", map.scale.format(1.0, 2)));
        assert_eq!(
            csv(&map),
            format!(",S1,S2\r\nL1,a,b\r\nL2,c,d\r\nE,,{score}\r\n")
        );
    }

    #[test]
    fn markdown_lists_the_lowest_steps_only_when_there_are_some() {
        let project = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let mut map = project.maps[0].clone();
        for curve in &mut map.curves {
            curve.points.clear();
        }
        let text = markdown(&project, &map);
        assert!(!text.contains("### "), "{text}");
        // The example's curve has low points: they are listed under their heading.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/ikea-winkelbezoek.klantreis.ron");
        let example = crate::file::load(&path).unwrap().project;
        let text = markdown(&example, &example.maps[0]);
        let lowest = crate::i18n::tr_in(crate::i18n::Language::Dutch, "analysis.lowest");
        assert!(text.contains(&format!("### {lowest}")), "{text}");
    }
}
