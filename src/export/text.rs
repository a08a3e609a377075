//! The map as text: the analysis as a Markdown report, the grid as CSV (lanes × stages) and
//! the journey as Mermaid `journey` text (in `mermaid`). Words are in the project's language.

use std::fmt::Write as _;

use crate::i18n::Language;
use crate::model::{LaneKind, Map, Project};
use crate::report;

pub use super::mermaid::mermaid;

/// Markdown's inline special characters in user text are escaped so a title cannot become a
/// link, emphasis, HTML or a table cell break (user text never starts a line here).
pub(crate) fn md(text: &str) -> String {
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
    if !r.actions.is_empty() {
        let _ = writeln!(out, "\n## {}\n", md(&r.actions.heading));
        for up in &r.actions.follow_ups {
            let _ = writeln!(out, "- {}", md(&up.text));
        }
        for effect in &r.actions.effects {
            let _ = writeln!(out, "- {}", md(effect));
        }
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break; a field starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is defused with a leading `'`, so a spreadsheet
/// does not run it as a formula (OWASP's rule for CSV injection).
pub(crate) fn csv_field(text: &str, sep: &str) -> String {
    let mut text = text.to_owned();
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        text.insert(0, '\'');
    }
    if text.contains(['"', '\n', '\r']) || text.contains(sep) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number as a spreadsheet in `excel`'s language reads it: `-0,5` for Dutch Excel, `-0.5`
/// for English (a plain minus and no grouping, so it is a number there, not text).
pub(crate) fn csv_number(value: f64, excel: Language) -> String {
    let text = crate::model::format_score(value, 3, false);
    match excel {
        Language::Dutch => text.replace('.', ","),
        Language::English => text,
    }
}

/// The map's grid as CSV for a spreadsheet in `excel`'s language: a row per lane, a column per
/// stage, the cards of a cell one per line; the emotions lane as a row per curve and the
/// metrics lane as a row per data set, each cell a number the spreadsheet can compute with.
/// Dutch Excel gets what it opens as a table: `;` between fields, decimal commas and a byte
/// order mark (without one it reads UTF-8 as Windows-1252); English Excel `,` and decimal
/// points, with the mark too.
pub fn csv(project: &Project, map: &Map, excel: Language) -> String {
    let sep = match excel {
        Language::Dutch => ";",
        Language::English => ",",
    };
    let field = |text: &str| csv_field(text, sep);
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = std::iter::once(String::new())
        .chain(map.stages.iter().map(|s| field(&s.name)))
        .collect();
    let _ = write!(out, "{}\r\n", header.join(sep));
    let figures_row = |label: &str, figure: &dyn Fn(crate::model::StageId) -> Option<f64>| {
        let mut row = vec![field(label)];
        for stage in &map.stages {
            row.push(figure(stage.id).map_or_else(String::new, |v| csv_number(v, excel)));
        }
        row.join(sep)
    };
    for lane in &map.lanes {
        // A figures lane is a row per curve or data set; its cards, if it has any (or it has
        // no figures), follow in a row of their own, so nothing on the map is left out.
        let has_cards = map.cards.iter().any(|c| c.lane == lane.id);
        match lane.kind {
            LaneKind::Emotions if !map.curves.is_empty() => {
                for curve in &map.curves {
                    let label = format!(
                        "{} – {}",
                        lane.name,
                        crate::layout::curve_name(project, curve)
                    );
                    let _ = write!(out, "{}\r\n", figures_row(&label, &|s| curve.stage_mean(s)));
                }
                if !has_cards {
                    continue;
                }
            }
            LaneKind::Metrics => {
                let shown = crate::layout::shown_datasets(project, map, lane);
                let any = !shown.is_empty();
                for d in shown {
                    let figures = d.latest_by_stage();
                    let unit = if d.unit.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", d.unit)
                    };
                    let label = format!("{} – {}{unit}", lane.name, d.name);
                    let _ = write!(
                        out,
                        "{}\r\n",
                        figures_row(&label, &|s| figures.get(&s).copied())
                    );
                }
                if any && !has_cards {
                    continue;
                }
            }
            _ => {}
        }
        let mut row = vec![field(&lane.name)];
        for stage in &map.stages {
            let mut cards: Vec<&crate::model::Card> = map
                .cards
                .iter()
                .filter(|c| c.lane == lane.id && c.stage == stage.id)
                .collect();
            cards.sort_by_key(|c| c.order);
            let cell: Vec<String> = cards.iter().map(|c| c.title.clone()).collect();
            row.push(field(&cell.join("\n")));
        }
        let _ = write!(out, "{}\r\n", row.join(sep));
    }
    out
}

/// The review comments on `map` as a Markdown section (the open ones first, each with what it
/// is on, who wrote it and when, and its replies); empty when there are none.
pub fn comments_markdown(project: &Project, map: &Map) -> String {
    let lang = Language::of_text(&project.language);
    let mut comments: Vec<&crate::model::Comment> = project.comments_on(map.id).collect();
    if comments.is_empty() {
        return String::new();
    }
    comments.sort_by_key(|c| c.resolved);
    let mut out = format!("\n## {}\n\n", crate::i18n::tr_in(lang, "viewer.comments"));
    for c in comments {
        let on = match c.on {
            crate::model::Target::Map => crate::i18n::tr_in(lang, "viewer.on_map").into_owned(),
            crate::model::Target::Card(id) => map.card(id).map_or_else(
                || crate::i18n::tr_args_in(lang, "review.gone", &[("what", &c.context)]),
                |k| k.title.clone(),
            ),
            crate::model::Target::Stage(id) => map.stage(id).map_or_else(
                || crate::i18n::tr_args_in(lang, "review.gone", &[("what", &c.context)]),
                |s| s.name.clone(),
            ),
        };
        let state = if c.resolved {
            format!(" ({})", crate::i18n::tr_in(lang, "viewer.resolved"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- **{}**{state}: {} — {}, {}",
            md(&on),
            md(&c.text),
            md(&c.author),
            crate::dates::date(c.day(), lang)
        );
        for r in &c.replies {
            let _ = writeln!(
                out,
                "  - {} — {}, {}",
                md(&r.text),
                md(&r.author),
                crate::dates::date(r.written.get(..10).unwrap_or_default(), lang)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("a,b", ","), "\"a,b\"");
        assert_eq!(csv_field("a,b", ";"), "a,b");
        assert_eq!(csv_field("a;b", ";"), "\"a;b\"");
        assert_eq!(csv_field("say \"hi\"", ","), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)", ","), "'=SUM(A1)");
        assert_eq!(csv_field("plain", ","), "plain");
        assert_eq!(csv_field("a\nb", ";"), "\"a\nb\"");
        for risky in ["+31 6", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(
                csv_field(risky, ",")
                    .trim_start_matches('"')
                    .starts_with('\''),
                "{risky:?}"
            );
        }
        assert_eq!(csv_field("\r=1", ","), "\"'\r=1\"");
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
        let project = Project::default();
        assert_eq!(
            csv(&project, &map, Language::English),
            "\u{feff},S1,S2\r\nL1,a,b\r\nL2,c,d\r\n"
        );
        assert_eq!(
            csv(&project, &map, Language::Dutch),
            "\u{feff};S1;S2\r\nL1;a;b\r\nL2;c;d\r\n"
        );

        // The emotions lane is a row of numbers per curve, saying which curve it is; the
        // metrics lane a row per data set with its latest figure per stage.
        let mut map = map;
        map.lanes.push(Lane::new("E", LaneKind::Emotions));
        let point = |stage: usize, score: f64| crate::model::EmotionPoint {
            stage: stages[stage].id,
            score,
            ..crate::model::EmotionPoint::default()
        };
        for (label, points) in [
            ("Nu", vec![point(1, -0.5)]),
            ("Straks", vec![point(0, 1.0), point(1, 2.0)]),
        ] {
            map.curves.push(crate::model::EmotionCurve {
                label: label.to_owned(),
                points,
                ..crate::model::EmotionCurve::default()
            });
        }
        let metrics = Lane::new("M", LaneKind::Metrics);
        map.lanes.push(metrics);
        let mut project = Project::default();
        project.datasets.push(crate::model::Dataset {
            name: "Gesprekken".into(),
            unit: "per week".into(),
            map: Some(map.id),
            values: vec![
                crate::model::DataPoint {
                    value: 1200.5,
                    stage: Some(stages[0].id),
                    date: "2026-10-01".into(),
                    ..crate::model::DataPoint::default()
                },
                crate::model::DataPoint {
                    value: 1300.0,
                    stage: Some(stages[0].id),
                    date: "2026-11-01".into(),
                    ..crate::model::DataPoint::default()
                },
            ],
            ..crate::model::Dataset::default()
        });
        let dutch = csv(&project, &map, Language::Dutch);
        assert_eq!(
            dutch,
            "\u{feff};S1;S2\r\nL1;a;b\r\nL2;c;d\r\nE – Nu · huidig;;-0,5\r\nE – Straks · huidig;1;2\r\nM – Gesprekken (per week);1300;\r\n"
        );
        let english = csv(&project, &map, Language::English);
        assert!(english.contains("E – Nu · huidig,,-0.5\r\n"), "{english}");
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

    /// The Markdown section lists a map's comments, open ones first, with what each is on (a
    /// deleted card's by its words), who wrote it and when, and its replies; none, no section.
    #[test]
    fn comments_are_listed_open_first_with_their_place_and_replies() {
        use crate::model::{CardId, Comment, CommentId, Reply, Target};
        let mut p =
            crate::templates::new_project(crate::model::MapKind::CustomerJourney, Language::Dutch);
        let map = p.maps[0].clone();
        assert_eq!(comments_markdown(&p, &map), "");
        let c = |id: u64, on: Target, resolved: bool, text: &str| Comment {
            id: CommentId(id),
            map: map.id,
            on,
            context: "Weg kaartje".into(),
            author: "Noor".into(),
            written: "2026-12-01T10:00:00Z".into(),
            text: text.into(),
            resolved,
            ..Comment::default()
        };
        let mut stage = c(2, Target::Stage(map.stages[0].id), false, "Te *lang*");
        stage.replies.push(Reply {
            author: "Sanne".into(),
            written: "2026-12-02T10:00:00Z".into(),
            text: "Klopt".into(),
        });
        p.comments = vec![
            c(1, Target::Map, true, "Klaar"),
            stage,
            c(3, Target::Card(CardId(9)), false, "Was dit"),
        ];
        let md = comments_markdown(&p, &map);
        let lines: Vec<&str> = md.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "## Opmerkingen");
        assert!(
            lines[1].starts_with(&format!(
                "- **{}**: Te \\*lang\\* — Noor, 1 december 2026",
                md_name(&map.stages[0].name)
            )),
            "{md}"
        );
        assert_eq!(lines[2], "  - Klopt — Sanne, 2 december 2026");
        assert!(
            lines[3].contains("“Weg kaartje”, dat niet meer op de kaart staat"),
            "{md}"
        );
        assert!(
            lines[4].starts_with("- **Bij de kaart** (afgehandeld): Klaar"),
            "{md}"
        );
    }

    fn md_name(name: &str) -> String {
        md(name)
    }
}
