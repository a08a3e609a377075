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

/// Text safe inside a Mermaid journey line: no colon, semicolon, `#` or line break (they end
/// a name or start a comment), no `%%` (a comment or a directive), white space folded.
fn mermaid_text(text: &str) -> String {
    let mut out = text
        .chars()
        .map(|c| match c {
            ':' | ';' | '#' | '\n' | '\r' => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    while out.contains("%%") {
        out = out.replace("%%", "%");
    }
    out
}

/// A word joiner (U+2060): invisible, not white space to Mermaid's lexer.
const WORD_JOINER: char = '\u{2060}';

/// A task's or an actor's name as Mermaid reads it back: never empty, and never starting like
/// one of the journey's keywords (the lexer tries `journey`, `title `, `accTitle`, `accDescr`
/// and `section ` before a task name, case-insensitively, and `%` may start a comment), which
/// would turn the task into a title or a section or break the diagram. Such a name gets an
/// invisible word joiner in front.
fn mermaid_name(text: &str) -> String {
    let name = mermaid_text(text);
    if name.is_empty() {
        return "…".to_owned();
    }
    let lower = name.to_lowercase();
    let keyword = ["journey", "title", "acctitle", "accdescr", "section", "%"]
        .iter()
        .any(|k| lower.starts_with(k));
    if keyword {
        format!("{WORD_JOINER}{name}")
    } else {
        name
    }
}

/// The map as Mermaid `journey` text: a section per stage, its customer actions and
/// touchpoints as tasks. A task's score is the point on its card (the as-is curve's first),
/// else its stage's mean; its actors are the personas whose curves score it (none when only a
/// curve without a persona does), else the map's personas. Scores on a 1–5 (or a custom) scale
/// are written as they are, others moved onto 1–5.
pub fn mermaid(project: &Project, map: &Map) -> String {
    let actor_name = |id: crate::model::PersonaId| {
        project
            .persona(id)
            // A comma would split one persona into two actors.
            .map(|p| mermaid_name(&p.name.replace(',', " ")))
    };
    let everyone = map
        .personas
        .iter()
        .filter_map(|id| actor_name(*id))
        .collect::<Vec<_>>()
        .join(", ");
    let everyone = if everyone.is_empty() {
        tr_in(Language::of_text(&project.language), "template.customer").into_owned()
    } else {
        everyone
    };
    let mut curves: Vec<&crate::model::EmotionCurve> = map.curves.iter().collect();
    // The as-is curves first: a task's score comes from the first curve that scores it.
    curves.sort_by_key(|c| c.variant != crate::model::CurveVariant::AsIs);
    let main = curves.first().copied();
    let raw = matches!(
        map.scale,
        crate::model::EmotionScale::OneToFive | crate::model::EmotionScale::Custom { .. }
    );
    let written = |s: f64| {
        if raw {
            crate::model::format_score(s, 3, false)
        } else {
            // Mermaid scores run 1 to 5.
            let moved =
                1.0 + 4.0 * (s - map.scale.min()) / (map.scale.max() - map.scale.min()).max(1e-9);
            format!("{}", moved.round().clamp(1.0, 5.0) as u8)
        }
    };
    let mut out = String::from("journey\n");
    // A title line needs text after the keyword; without a title there is none.
    let title = mermaid_text(&map.title);
    if !title.is_empty() {
        let _ = writeln!(out, "  title {title}");
    }
    for stage in &map.stages {
        let section = mermaid_text(&stage.name);
        let section = if section.is_empty() {
            "…".to_owned()
        } else {
            section
        };
        let _ = writeln!(out, "  section {section}");
        let stage_score = main
            .and_then(|c| c.stage_mean(stage.id))
            .map_or_else(|| "3".to_owned(), written);
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
                "    {}: {stage_score}: {everyone}",
                mermaid_name(&stage.name)
            );
        }
        for task in tasks {
            let scoring: Vec<(&crate::model::EmotionCurve, f64)> = curves
                .iter()
                .filter_map(|c| {
                    c.points
                        .iter()
                        .find(|p| p.card == Some(task.id))
                        .map(|p| (*c, p.score))
                })
                .collect();
            let score = scoring
                .first()
                .map_or_else(|| stage_score.clone(), |(_, s)| written(*s));
            let actors: Vec<String> = scoring
                .iter()
                .filter_map(|(c, _)| c.persona.and_then(actor_name))
                .fold(Vec::new(), |mut list, a| {
                    if !list.contains(&a) {
                        list.push(a);
                    }
                    list
                });
            let name = mermaid_name(&task.title);
            if !scoring.is_empty() && actors.is_empty() {
                let _ = writeln!(out, "    {name}: {score}");
            } else if actors.is_empty() {
                let _ = writeln!(out, "    {name}: {score}: {everyone}");
            } else {
                let _ = writeln!(out, "    {name}: {score}: {}", actors.join(", "));
            }
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

    /// Mermaid 11's journey lexer and grammar, as far as a generated diagram meets them: the
    /// lexer's rules tried in order, case-insensitively, the first that matches winning; a task
    /// line is a name, then `:` data (a score, then `:` and comma-separated actors). Returns
    /// the title and the sections with their tasks (name, score, actors), or why it fails.
    #[allow(clippy::type_complexity)]
    fn parse_journey(
        text: &str,
    ) -> Result<
        (
            Option<String>,
            Vec<(String, Vec<(String, u8, Vec<String>)>)>,
        ),
        String,
    > {
        if text.contains("%%{") || text.contains("}%%") {
            return Err("a directive, removed before parsing".into());
        }
        let mut lines = text.lines().map(str::trim_start).filter(|l| !l.is_empty());
        if !lines
            .next()
            .is_some_and(|l| l.eq_ignore_ascii_case("journey"))
        {
            return Err("no journey header".into());
        }
        let (mut title, mut sections) = (None, Vec::new());
        for line in lines {
            let lower = line.to_lowercase();
            let chars: Vec<char> = line.chars().collect();
            let comment = lower.starts_with("%%")
                || (chars.len() > 2 && chars[0] != '}' && chars[1] == '%' && chars[2] == '%')
                || lower.starts_with('#');
            if comment {
                return Err(format!("a comment: {line:?}"));
            }
            let after = |k: &str| lower.strip_prefix(k).and_then(|r| r.chars().next());
            if lower.starts_with("journey") {
                return Err(format!("a second journey keyword: {line:?}"));
            }
            if after("title").is_some_and(char::is_whitespace) {
                if !sections.is_empty() || title.is_some() {
                    return Err(format!("a title among the tasks: {line:?}"));
                }
                title = Some(line[6..].to_owned());
                continue;
            }
            let acc = ["acctitle", "accdescr"].iter().any(|k| {
                lower.starts_with(k) && lower[k.len()..].trim_start().starts_with([':', '{'])
            });
            if acc {
                return Err(format!("an accessibility statement: {line:?}"));
            }
            if after("section").is_some_and(char::is_whitespace) {
                let name = &line[8..];
                if name.is_empty() || name.contains(['#', ':', ';']) {
                    return Err(format!("a bad section: {line:?}"));
                }
                sections.push((name.to_owned(), Vec::new()));
                continue;
            }
            let Some((name, data)) = line.split_once(':') else {
                return Err(format!("a task without data: {line:?}"));
            };
            if name.is_empty() || name.contains(['#', ';']) || data.contains(['#', ';']) {
                return Err(format!("a bad task: {line:?}"));
            }
            let mut parts = data.split(':');
            let score: u8 = parts
                .next()
                .and_then(|s| s.trim().parse().ok())
                .ok_or_else(|| format!("no score: {line:?}"))?;
            let actors = parts
                .next()
                .map(|a| a.split(',').map(|p| p.trim().to_owned()).collect())
                .unwrap_or_default();
            let Some((_, tasks)) = sections.last_mut() else {
                return Err("a task before any section".into());
            };
            tasks.push((name.replace('\u{2060}', ""), score, actors));
        }
        Ok((title, sections))
    }

    #[test]
    fn mermaid_reads_back_what_was_typed_whatever_it_was() {
        use crate::model::{Card, LaneKind, Persona};
        let hostile = [
            "Title of the day",
            "title",
            "SECTION B",
            "section",
            "Journey home",
            "accDescr { x",
            "accTitle",
            "%% comment",
            "100%% sure",
            "%%{init: {\"theme\": \"dark\"}}%%",
            "",
            "   ",
            "a;b#c:d",
            "x%%y",
            "%",
        ];
        let mut project = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let persona = Persona {
            name: "Anna, de klant".to_owned(),
            ..Persona::default()
        };
        project.maps[0].personas = vec![persona.id];
        project.personas.push(persona);
        let map = &mut project.maps[0];
        map.title = String::new();
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::CustomerActions)
            .unwrap()
            .id;
        let first = map.stages[0].id;
        for (i, title) in hostile.iter().enumerate() {
            map.cards.push(Card {
                lane,
                stage: first,
                title: (*title).to_owned(),
                order: i as u32,
                ..Card::default()
            });
        }
        // Stages without tasks are written as a task of their own name.
        map.stages[1].name = "Title of a stage".to_owned();
        map.stages[2].name = String::new();
        let map = &project.maps[0];
        let text = mermaid(&project, map);
        let (title, sections) = parse_journey(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(title, None);
        assert_eq!(sections.len(), map.stages.len(), "{text}");
        let tasks = &sections[0].1;
        assert_eq!(tasks.len(), hostile.len(), "{text}");
        for ((name, score, actors), typed) in tasks.iter().zip(hostile) {
            let expected = mermaid_text(typed);
            let expected = if expected.is_empty() {
                "…".to_owned()
            } else {
                expected
            };
            assert_eq!(name, &expected, "{text}");
            assert!((1..=5).contains(score));
            assert_eq!(actors, &vec!["Anna de klant".to_owned()]);
        }
        assert_eq!(sections[1].1[0].0, "Title of a stage");
        assert_eq!(sections[2].0, "…");
    }

    #[test]
    fn mermaid_text_has_no_separators() {
        assert_eq!(mermaid_text("Bel: 9:00; #1\nnu"), "Bel 9 00 1 nu");
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

    #[test]
    fn mermaid_scores_are_the_as_is_stage_means_on_one_to_five() {
        use crate::model::{CurveVariant, EmotionCurve, EmotionPoint, EmotionScale, Stage};
        let stages = vec![Stage::named("S1"), Stage::named("S2")];
        let point = |stage: usize, score: f64| EmotionPoint {
            stage: stages[stage].id,
            score,
            ..EmotionPoint::default()
        };
        let map = Map {
            scale: EmotionScale::MinusTwoToTwo,
            curves: vec![
                EmotionCurve {
                    variant: CurveVariant::ToBe,
                    points: vec![point(0, 2.0), point(1, 2.0)],
                    ..EmotionCurve::default()
                },
                EmotionCurve {
                    points: vec![point(0, -2.0), point(0, 0.0), point(1, 2.0)],
                    ..EmotionCurve::default()
                },
            ],
            stages: stages.clone(),
            ..Map::default()
        };
        let text = mermaid(&Project::default(), &map);
        let scores: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("    "))
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect();
        // S1: the mean of −2 and 0 is −1, a quarter up the scale: 2. S2: +2 is the top: 5.
        assert_eq!(scores, ["2", "5"], "{text}");
    }
}
