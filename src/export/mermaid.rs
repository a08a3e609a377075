//! The journey as Mermaid `journey` text: a section per stage, its customer actions and
//! touchpoints as tasks with their scores and actors, written so that Mermaid (and
//! `import::mermaid`) reads back what was typed.

use std::fmt::Write as _;

use crate::model::{LaneKind, Map, Project};

/// A text that Mermaid cannot carry as it was typed, and how it was written instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedText {
    /// What it is: the map's title, a stage, a task (card) or an actor (persona).
    pub what: TextKind,
    pub typed: String,
    pub written: String,
}

/// What a [`ChangedText`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Title,
    Stage,
    Task,
    Actor,
}

/// A map as Mermaid `journey` text, and every text that could not be written as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MermaidText {
    pub text: String,
    pub changed: Vec<ChangedText>,
    /// Tasks that no curve scores, written with the middle score 3 (Mermaid needs one).
    pub unscored: Vec<String>,
}

/// Text as a Mermaid journey line carries it: a character the grammar would read (`:`, `;`,
/// `#`, `%`, and `,` in an actor) written as Mermaid's entity code (`#58;`), which Mermaid
/// shows as the character; a line break, a tab or another control character, which no
/// journey line can hold, as a space; white space around it left off (Mermaid trims it, and
/// it shows nowhere). Returns the text and whether what Mermaid shows differs from `text`.
fn mermaid_text(text: &str, actor: bool) -> (String, bool) {
    let trimmed = text.trim();
    let mut out = String::with_capacity(trimmed.len());
    let mut lossy = false;
    for c in trimmed.chars() {
        match c {
            ':' | ';' | '#' | '%' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            ',' if actor => out.push_str("#44;"),
            c if c.is_control() => {
                out.push(' ');
                lossy = true;
            }
            c => out.push(c),
        }
    }
    (out, lossy)
}

/// A name as Mermaid reads it back: never empty (Mermaid needs a name: an empty one is written
/// as `…`, and said), and never starting like one of the journey's keywords (the lexer tries
/// `journey`, `title `, `accTitle`, `accDescr` and `section ` before a task name,
/// case-insensitively): the first letter of such a name is written as its entity code, which
/// the lexer does not take for a keyword and Mermaid shows as the letter.
fn mermaid_name(text: &str, actor: bool) -> (String, bool) {
    let (name, lossy) = mermaid_text(text, actor);
    if name.is_empty() {
        return ("…".to_owned(), true);
    }
    let lower = name.to_lowercase();
    let keyword = ["journey", "title", "acctitle", "accdescr", "section"]
        .iter()
        .any(|k| lower.starts_with(k));
    match name.chars().next() {
        Some(first) if keyword => (
            format!("#{};{}", u32::from(first), &name[first.len_utf8()..]),
            lossy,
        ),
        _ => (name, lossy),
    }
}

/// Text as Mermaid shows what was written: each numeric entity code (`#58;`) as its character.
fn as_shown(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut rest = written;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let code = after[..digits].parse::<u32>().ok().and_then(char::from_u32);
        match code {
            Some(c) if after[digits..].starts_with(';') => {
                out.push(c);
                rest = &after[digits + 1..];
            }
            _ => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The map as Mermaid `journey` text: see [`mermaid_text_of`]; the text alone.
pub fn mermaid(project: &Project, map: &Map) -> String {
    mermaid_text_of(project, map).text
}

/// Records `typed` as changed when Mermaid cannot show it as typed.
fn note(
    changed: &mut Vec<ChangedText>,
    what: TextKind,
    typed: &str,
    (written, lossy): (String, bool),
) -> String {
    if lossy && !changed.iter().any(|c| c.what == what && c.typed == typed) {
        changed.push(ChangedText {
            what,
            typed: typed.to_owned(),
            written: as_shown(&written),
        });
    }
    written
}

/// The map as Mermaid `journey` text: a section per stage, its customer actions and
/// touchpoints as tasks (a stage without them is a section without tasks). A task's score is
/// the point on its card (the as-is curve's first), else its stage's mean, else the middle,
/// 3 (listed in `unscored`); its actors are the personas whose curves score it (none when
/// only a curve without a persona does), else the map's personas, else none. Scores on a 1–5
/// (or a custom) scale are written as they are, others moved onto 1–5. Every text Mermaid
/// cannot show as typed is listed in `changed`.
pub fn mermaid_text_of(project: &Project, map: &Map) -> MermaidText {
    let mut changed = Vec::new();
    let mut unscored = Vec::new();
    let actor_name = |id: crate::model::PersonaId, changed: &mut Vec<ChangedText>| {
        project.persona(id).map(|p| {
            note(
                changed,
                TextKind::Actor,
                &p.name,
                mermaid_name(&p.name, true),
            )
        })
    };
    let everyone = map
        .personas
        .iter()
        .filter_map(|id| actor_name(*id, &mut changed))
        .collect::<Vec<_>>()
        .join(", ");
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
    let (title, lossy) = mermaid_text(&map.title, false);
    let title = note(&mut changed, TextKind::Title, &map.title, (title, lossy));
    if !title.is_empty() {
        let _ = writeln!(out, "  title {title}");
    }
    for stage in &map.stages {
        let (section, lossy) = mermaid_text(&stage.name, false);
        let section = if section.is_empty() {
            ("…".to_owned(), true)
        } else {
            (section, lossy)
        };
        let section = note(&mut changed, TextKind::Stage, &stage.name, section);
        let _ = writeln!(out, "  section {section}");
        let stage_score = main.and_then(|c| c.stage_mean(stage.id)).map(written);
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
            let name = note(
                &mut changed,
                TextKind::Task,
                &task.title,
                mermaid_name(&task.title, false),
            );
            let score = match (scoring.first(), &stage_score) {
                (Some((_, s)), _) => written(*s),
                (None, Some(s)) => s.clone(),
                (None, None) => {
                    unscored.push(as_shown(&name));
                    "3".to_owned()
                }
            };
            let mut actors: Vec<String> = Vec::new();
            for (c, _) in &scoring {
                if let Some(a) = c.persona.and_then(|p| actor_name(p, &mut changed))
                    && !actors.contains(&a)
                {
                    actors.push(a);
                }
            }
            if !scoring.is_empty() && actors.is_empty() || everyone.is_empty() && actors.is_empty()
            {
                let _ = writeln!(out, "    {name}: {score}");
            } else if actors.is_empty() {
                let _ = writeln!(out, "    {name}: {score}: {everyone}");
            } else {
                let _ = writeln!(out, "    {name}: {score}: {}", actors.join(", "));
            }
        }
    }
    MermaidText {
        text: out,
        changed,
        unscored,
    }
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
        // Mermaid's encodeEntities runs first: `#word;` is kept out of the grammar's way
        // (here as `\u{E000}word\u{E001}`) and shown as its character in the end.
        let text = &encode_entities(text);
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
            let actors: Vec<String> = parts
                .next()
                .map(|a| a.split(',').map(|p| p.trim().to_owned()).collect())
                .unwrap_or_default();
            let Some((_, tasks)) = sections.last_mut() else {
                return Err("a task before any section".into());
            };
            tasks.push((
                decode_entities(name.trim()),
                score,
                actors.iter().map(|a: &String| decode_entities(a)).collect(),
            ));
        }
        let title = title.map(|t| decode_entities(t.trim()));
        let sections = sections
            .into_iter()
            .map(|(n, t)| (decode_entities(n.trim()), t))
            .collect();
        Ok((title, sections))
    }

    /// Mermaid's `encodeEntities`: `#` + word characters + `;` hidden from the grammar.
    fn encode_entities(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('#') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let n = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if n > 0 && after[n..].starts_with(';') {
                out.push('\u{E000}');
                out.push_str(&after[..n]);
                out.push('\u{E001}');
                rest = &after[n + 1..];
            } else {
                out.push('#');
                rest = after;
            }
        }
        out.push_str(rest);
        out
    }

    /// What the browser shows for an encoded entity: `&#58;` is `:`.
    fn decode_entities(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('\u{E000}') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 3..];
            let end = after.find('\u{E001}').unwrap();
            out.push(char::from_u32(after[..end].parse().unwrap()).unwrap());
            rest = &after[end + 3..];
        }
        out.push_str(rest);
        out
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
            "C# developer meeting",
            "Bel om 9:00; daarna #2",
            "twee  spaties",
            "#58; staat er letterlijk",
            "regel\nbreuk",
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
        // Stages without tasks are sections without tasks: nothing is invented.
        map.stages[1].name = "Title of a stage".to_owned();
        map.stages[2].name = String::new();
        let map = &project.maps[0];
        let written = mermaid_text_of(&project, map);
        let text = written.text.clone();
        let (title, sections) = parse_journey(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(title, None);
        assert_eq!(sections.len(), map.stages.len(), "{text}");
        let tasks = &sections[0].1;
        assert_eq!(tasks.len(), hostile.len(), "{text}");
        for ((name, score, actors), typed) in tasks.iter().zip(hostile) {
            // Every character comes back, but for what no journey line can hold: a line
            // break, white space around the name, an empty name; those are listed.
            let expected = typed.trim().replace('\n', " ");
            let expected = if expected.is_empty() {
                "…".to_owned()
            } else {
                expected
            };
            assert_eq!(name, &expected, "{text}");
            assert!((1..=5).contains(score));
            assert_eq!(actors, &vec!["Anna, de klant".to_owned()]);
            let listed = written.changed.iter().any(|c| c.typed == *typed);
            assert_eq!(
                listed,
                name != typed.trim(),
                "{typed:?}: {:?}",
                written.changed
            );
        }
        assert_eq!(sections[1].0, "Title of a stage");
        assert!(sections[1].1.is_empty(), "{text}");
        assert_eq!(sections[2].0, "…");
        assert!(
            written
                .changed
                .iter()
                .any(|c| c.what == TextKind::Stage && c.typed.is_empty())
        );
    }

    #[test]
    fn mermaid_text_keeps_every_character_it_can() {
        assert_eq!(
            mermaid_text("Bel: 9:00; #1 100%", false),
            ("Bel#58; 9#58;00#59; #35;1 100#37;".to_owned(), false)
        );
        assert_eq!(
            mermaid_text("Jan, Piet", true),
            ("Jan#44; Piet".to_owned(), false)
        );
        assert_eq!(mermaid_text("a\nb", false), ("a b".to_owned(), true));
        assert_eq!(
            mermaid_name("Title x", false),
            ("#84;itle x".to_owned(), false)
        );
        assert_eq!(mermaid_name("", false), ("…".to_owned(), true));
        assert_eq!(as_shown("#84;itle #35;1 #x; #"), "Title #1 #x; #");
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
        let mut map = map;
        let lane = crate::model::Lane::new("Acties", LaneKind::CustomerActions);
        for stage in &stages {
            map.cards.push(crate::model::Card {
                title: format!("In {}", stage.name),
                stage: stage.id,
                lane: lane.id,
                ..crate::model::Card::default()
            });
        }
        map.lanes.push(lane);
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
