//! The journey as Mermaid `journey` text: a section per stage, its customer actions and
//! touchpoints as tasks with their scores and actors, written so that Mermaid (and
//! `import::mermaid`) reads back what was typed.

use std::fmt::Write as _;

use crate::i18n::{Language, tr_in};
use crate::model::{LaneKind, Map, Project};

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
