//! Building maps from Mermaid journeys, and the importer's limits, piece by piece.

use super::*;
use crate::model::LaneKind;

const TEXT: &str = "journey
  title Schade melden
  section Melden
    Formulier invullen: 2: Anna
    Bellen: 4: Anna, Bram
  section Afhandelen
    Wachten: 1
";

fn dutch() -> Project {
    crate::templates::new_project(MapKind::CustomerJourney, Language::Dutch)
}

fn imported(text: &str) -> Imported {
    mermaid_bytes(text.as_bytes(), "reis.mmd", false, &dutch()).unwrap()
}

#[test]
fn a_journey_becomes_a_map_with_a_touchpoint_and_an_emotion_lane_on_a_one_to_five_scale() {
    let i = imported(TEXT);
    let map = &i.maps[0];
    assert_eq!(map.kind, MapKind::CustomerJourney);
    assert_eq!(map.scale, EmotionScale::OneToFive);
    let lanes: Vec<(&str, LaneKind)> = map
        .lanes
        .iter()
        .map(|l| (l.name.as_str(), l.kind))
        .collect();
    assert_eq!(
        lanes,
        [
            (
                tr_in(Language::Dutch, "template.touchpoints").as_ref(),
                LaneKind::Touchpoints
            ),
            (
                tr_in(Language::Dutch, "template.emotions").as_ref(),
                LaneKind::Emotions
            ),
        ]
    );
    // Tasks keep their order within a section.
    let melden = map.stages[0].id;
    let order: Vec<(&str, u32)> = map
        .cards
        .iter()
        .filter(|c| c.stage == melden)
        .map(|c| (c.title.as_str(), c.order))
        .collect();
    assert_eq!(order, [("Formulier invullen", 0), ("Bellen", 1)]);
}

#[test]
fn each_actor_gets_a_persona_and_a_curve_and_tasks_without_actors_share_one() {
    let i = imported(TEXT);
    let map = &i.maps[0];
    let names: Vec<&str> = i.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna", "Bram"]);
    let curves: Vec<(Option<&str>, Vec<f64>)> = map
        .curves
        .iter()
        .map(|c| {
            let who = c
                .persona
                .and_then(|id| i.personas.iter().find(|p| p.id == id))
                .map(|p| p.name.as_str());
            (who, c.points.iter().map(|p| p.score).collect())
        })
        .collect();
    assert_eq!(
        curves,
        [
            (Some("Anna"), vec![2.0, 4.0]),
            (Some("Bram"), vec![4.0]),
            (None, vec![1.0]),
        ]
    );
    assert_eq!(map.personas, [i.personas[0].id, i.personas[1].id]);
}

#[test]
fn imported_personas_and_maps_go_after_the_projects_own() {
    let mut project = dutch();
    project.personas.push(Persona {
        name: "Eigen".into(),
        ..Persona::default()
    });
    let markdown = format!(
        "```mermaid\n{TEXT}```\n\n```mermaid\njourney\n  title Tweede\n  section X\n    T: 3\n```\n"
    );
    let i = mermaid_bytes(markdown.as_bytes(), "reis.md", true, &project).unwrap();
    let result = checked(&project, &i).unwrap();
    let personas: Vec<&str> = result.personas.iter().map(|p| p.name.as_str()).collect();
    let mut expected: Vec<&str> = project.personas.iter().map(|p| p.name.as_str()).collect();
    expected.extend(["Anna", "Bram"]);
    assert_eq!(personas, expected);
    let maps: Vec<&str> = result.maps.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        maps,
        [project.maps[0].title.as_str(), "Schade melden", "Tweede"]
    );
}

#[test]
fn an_import_the_file_would_refuse_says_its_one_problem_or_counts_the_rest() {
    let long = "x".repeat(600);
    let one = format!("journey\n  section A\n    {long}: 3\n");
    let err = checked(&dutch(), &imported(&one)).unwrap_err();
    assert!(!err.contains("more problems"), "{err}");
    let two = format!("journey\n  section A\n    {long}: 3\n    {long}y: 3\n");
    let err = checked(&dutch(), &imported(&two)).unwrap_err();
    assert!(err.ends_with("(and 1 more problems)"), "{err}");
}

#[test]
fn markdown_files_are_read_as_markdown_whatever_their_ending_s_case() {
    for name in ["notes.md", "NOTES.MARKDOWN"] {
        assert_eq!(Source::of(Path::new(name)).unwrap(), Source::Markdown);
    }
    assert_eq!(Source::of(Path::new("a.mmd")).unwrap(), Source::Mermaid);
}

#[test]
fn a_text_file_of_exactly_eight_mebibytes_is_read_and_one_byte_more_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.mmd");
    let head = "journey\n  section A\n    Taak: 3\n%% ";
    let limit = 8 * 1024 * 1024;
    let mut text = head.to_owned();
    text.push_str(&"x".repeat(limit - head.len() - 1));
    text.push('\n');
    std::fs::write(&path, &text).unwrap();
    assert_eq!(MAX_TEXT_BYTES, limit as u64);
    assert!(read_mermaid(&path, &dutch()).is_ok());
    text.push('\n');
    std::fs::write(&path, &text).unwrap();
    assert!(matches!(
        read_mermaid(&path, &dutch()),
        Err(ImportError::TooLarge { .. })
    ));
}

/// Every named entity a journey's text would use reads as its character, an unknown one and a
/// `#` that starts no entity stay as written, a number reads as its character, and the word
/// joiner an older export put before a keyword-like name goes.
#[test]
fn entity_codes_read_as_mermaid_shows_them() {
    let text = "journey\n  title a#quot;b#amp;c#lt;d#gt;e#apos;f#colon;g#semi;h#num;i#percnt;j#comma;k#nbsp;l#hellip;m#euro;n #_1; #;z\n  section #58;x #foo; y# comment\n    \u{2060}title: 3: Anna\n";
    let read = mermaid::journeys(text, false).unwrap();
    let j = &read.journeys[0];
    // `#;` is no entity: its `;` ends the statement, as Mermaid reads it.
    assert_eq!(j.title, "a\"b&c<d>e'f:g;h#i%j,k\u{a0}l…m€n #_1;");
    assert_eq!(j.sections[0].name, ":x #foo; y");
    assert_eq!(j.sections[0].tasks[0].name, "title");
    assert_eq!(j.line, 1);
    assert_eq!(j.sections[0].tasks[0].line, 4);
    // A journey further down a Markdown file says its own line.
    let md = format!("# Reis\n\n```mermaid\n{text}```\n");
    let read = mermaid::journeys(&md, true).unwrap();
    assert_eq!(read.journeys[0].line, 4);
    assert_eq!(read.journeys[0].sections[0].tasks[0].line, 7);
}

/// Front matter before the diagram is skipped, a `---` inside it is not front matter; an
/// accessible description on one line or over several (a comment or a statement may follow
/// its brace); and a Markdown file's HTML blocks, one of them on a single line, with the lines
/// their journeys start on.
#[test]
fn front_matter_descriptions_and_html_blocks_are_read_where_mermaid_reads_them() {
    let text = "---\ntitle: voor de tool\nconfig: {}\n---\njourney\n  accDescr { kort }\n  title A\n  accDescr {\n    lang\n  } %% klaar\n  accDescr {\n    nog\n  }title B\n  section S\n    Taak: 3\n";
    let j = &mermaid::journeys(text, false).unwrap().journeys[0];
    assert_eq!(j.title, "B");
    assert_eq!(j.acc_descr, "nog");
    assert_eq!(j.sections[0].tasks[0].line, 15);
    let one_line = "journey\n  accDescr { kort }\n  section S\n    Taak: 3\n";
    let j = &mermaid::journeys(one_line, false).unwrap().journeys[0];
    assert_eq!(j.acc_descr, "kort");
    let inside = "journey\n  section S\n    Taak: 3\n---\n    Later: 4\n";
    let e = mermaid::journeys(inside, false).unwrap_err();
    assert_eq!(e[0].line, 4, "{e:?}");
    let md = "# Reis\n\n<pre class=\"mermaid\">journey\n  section S\n    Taak: 3\n</pre>\n<pre class=\"mermaid\">kapot</pre>\n\n<div class=\"mermaid\">\n---\ntitle: x\n---\n%% opmerking\njourney\n  title Wij &amp; zij &lt;3\n  section T\n    Twee: 2\n</div>\n<div class=\"note\">\njourney\n  section N\n    Niet: 1\n</div>\n";
    let read = mermaid::journeys(md, true).unwrap();
    let lines: Vec<(usize, usize)> = read
        .journeys
        .iter()
        .map(|j| (j.line, j.sections[0].tasks[0].line))
        .collect();
    assert_eq!(lines, [(3, 5), (9, 17)]);
    assert_eq!(
        read.journeys[1].title, "Wij & zij <3",
        "HTML's escapes undone"
    );
    // The one-line block is no journey (another kind of diagram): passed over, not reread; a
    // div of another class is no diagram.
    assert!(read.left_out.is_empty(), "{:?}", read.left_out);
    // A fence never closed is said, with its line.
    let open = format!("{md}\n```mermaid\njourney\n  section U\n");
    let problems = match mermaid::journeys(&open, true) {
        Ok(r) => r
            .left_out
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    };
    assert!(
        problems.iter().any(|p| p.contains("never closed")),
        "{problems:?}"
    );
}

/// An HTML block whose journey Mermaid would not draw is left out at the line it opens on; one
/// never closed is said at its opening line too.
#[test]
fn an_html_block_left_out_or_never_closed_is_named_at_its_opening() {
    let good = "```mermaid\njourney\n  section S\n    Taak: 3\n```\n";
    let md = format!(
        "{good}\n<div class=\"mermaid\">\njourney\n  section T\n    Kapot: x\n</div>\n\n<pre class=\"mermaid\">\njourney\n"
    );
    let read = mermaid::journeys(&md, true).unwrap();
    let said: Vec<String> = read.left_out.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|p| p.starts_with("line 7: this journey block was left out")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.starts_with("line 13: this mermaid block is never closed")),
        "{said:?}"
    );
}
