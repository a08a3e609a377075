//! Mermaid `journey` diagrams read as Mermaid's own grammar reads them
//! (`diagrams/user-journey/parser/journey.jison` and `journeyDb`): a token starts after white
//! space; `%%` and `#` start a comment there; `title ` takes the rest of the line up to `#` or
//! `;`, `section ` up to `:`, `#` or `;`; `accTitle:` and `accDescr:` take the rest of the line,
//! `accDescr {` everything up to `}`; any other text up to `:` is a task name, and the text from
//! its `:` to the end of the line (or `#`, `;`) its data: a score, then `:` and actors separated
//! by commas. Anything else is an error with its line number.

/// A task: a step of the journey with how it felt and who took it.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub name: String,
    pub score: f64,
    pub actors: Vec<String>,
    pub line: usize,
}

/// A section: a stage of the journey.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    /// Empty for tasks before the first section.
    pub name: String,
    pub tasks: Vec<Task>,
}

/// One journey diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journey {
    pub title: String,
    pub acc_title: String,
    pub acc_descr: String,
    pub sections: Vec<Section>,
    /// Where it starts in the file (1-based), for messages.
    pub line: usize,
}

/// A line Mermaid itself would not accept, or would read differently than it looks.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

fn problem(line: usize, message: impl Into<String>) -> Problem {
    Problem {
        line,
        message: message.into(),
    }
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
}

/// The text up to the first of `stops`.
fn until<'a>(text: &'a str, stops: &[char]) -> &'a str {
    text.find(|c| stops.contains(&c))
        .map_or(text, |i| &text[..i])
}

/// What follows a token on its line: the rest must be empty, a comment or white space.
fn rest_is_blank(rest: &str, line: usize) -> Result<(), Problem> {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with('#') || rest.starts_with("%%") {
        Ok(())
    } else if rest.starts_with(';') {
        Err(problem(
            line,
            "a ';' ends a statement only in other Mermaid diagrams; a journey does not accept it",
        ))
    } else {
        Err(problem(line, format!("unexpected {rest:?}")))
    }
}

/// The value after `accTitle`/`accDescr` and a colon, if `text` starts so.
fn acc_value<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    if !starts_with_ci(text, keyword) {
        return None;
    }
    let rest = text[keyword.len()..].trim_start();
    rest.strip_prefix(':').map(str::trim)
}

/// Reads the journey in `text`, whose first line is line `first` of its file. The text must
/// start with `journey` (after blank lines, comments and a front-matter block).
pub fn parse(text: &str, first: usize) -> Result<Journey, Vec<Problem>> {
    let mut journey = Journey {
        line: first,
        ..Journey::default()
    };
    let mut problems = Vec::new();
    let mut started = false;
    let mut in_front_matter = false;
    let mut descr_block: Option<usize> = None;
    let mut section: Option<Section> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = first + i;
        if descr_block.is_some() {
            if let Some(end) = raw.find('}') {
                journey.acc_descr.push_str(&raw[..end]);
                let whole = journey.acc_descr.trim().to_owned();
                journey.acc_descr = whole;
                descr_block = None;
                if let Err(p) = rest_is_blank(&raw[end + 1..], line) {
                    problems.push(p);
                }
            } else {
                journey.acc_descr.push_str(raw);
                journey.acc_descr.push('\n');
            }
            continue;
        }
        let t = raw.trim_start();
        if !started && i == 0 && t.trim_end() == "---" {
            in_front_matter = true;
            continue;
        }
        if in_front_matter {
            in_front_matter = t.trim_end() != "---";
            continue;
        }
        if t.is_empty() || t.starts_with("%%") || t.starts_with('#') {
            continue;
        }
        if !started {
            if starts_with_ci(t, "journey") {
                started = true;
                if let Err(p) = rest_is_blank(&t["journey".len()..], line) {
                    problems.push(p);
                }
                continue;
            }
            problems.push(problem(
                line,
                format!("a journey diagram starts with the word journey, not {t:?}"),
            ));
            return Err(problems);
        }
        if let Err(p) = statement(t, line, &mut journey, &mut section, &mut descr_block) {
            problems.push(p);
        }
    }
    if !started {
        problems.push(problem(first, "there is no journey diagram here"));
    }
    if let Some(start) = descr_block {
        problems.push(problem(start, "accDescr { is never closed with }"));
    }
    if let Some(s) = section.take() {
        journey.sections.push(s);
    }
    if problems.is_empty() {
        Ok(journey)
    } else {
        Err(problems)
    }
}

/// One statement, `t` being its line without the white space in front.
fn statement(
    t: &str,
    line: usize,
    journey: &mut Journey,
    section: &mut Option<Section>,
    descr_block: &mut Option<usize>,
) -> Result<(), Problem> {
    if starts_with_ci(t, "journey") {
        return Err(problem(
            line,
            "the word journey starts the diagram; a second one (or a task whose name starts with it) is not accepted",
        ));
    }
    let keyword_then_space =
        |k: &str| starts_with_ci(t, k) && t[k.len()..].starts_with(char::is_whitespace);
    if keyword_then_space("title") {
        let value = until(&t["title".len() + 1..], &['#', ';']);
        value.trim().clone_into(&mut journey.title);
        return rest_is_blank(&t["title".len() + 1 + value.len()..], line);
    }
    if let Some(value) = acc_value(t, "accTitle") {
        value.clone_into(&mut journey.acc_title);
        return Ok(());
    }
    if let Some(value) = acc_value(t, "accDescr") {
        value.clone_into(&mut journey.acc_descr);
        return Ok(());
    }
    if starts_with_ci(t, "accDescr") && t["accDescr".len()..].trim_start().starts_with('{') {
        let after = t["accDescr".len()..].trim_start()[1..].trim_start();
        journey.acc_descr.clear();
        if let Some(end) = after.find('}') {
            after[..end].trim().clone_into(&mut journey.acc_descr);
            return rest_is_blank(&after[end + 1..], line);
        }
        journey.acc_descr = format!("{after}\n");
        *descr_block = Some(line);
        return Ok(());
    }
    if keyword_then_space("section") {
        let value = until(&t["section".len() + 1..], &['#', ':', ';']);
        if let Some(s) = section.take() {
            journey.sections.push(s);
        }
        *section = Some(Section {
            name: value.trim().to_owned(),
            tasks: Vec::new(),
        });
        let rest = &t["section".len() + 1 + value.len()..];
        if rest.trim_start().starts_with(':') {
            return Err(problem(
                line,
                "a section name ends at ':'; a section has no score or actors",
            ));
        }
        return rest_is_blank(rest, line);
    }
    task(t, line, journey, section)
}

fn task(
    t: &str,
    line: usize,
    journey: &mut Journey,
    section: &mut Option<Section>,
) -> Result<(), Problem> {
    let name = until(t, &['#', ':', ';']);
    let rest = &t[name.len()..];
    let Some(data) = rest.strip_prefix(':') else {
        return Err(problem(
            line,
            format!(
                "{:?} is not a title, section or task: a task is written `name: score: actors`",
                t.trim_end()
            ),
        ));
    };
    let data_text = until(data, &['#', ';']);
    rest_is_blank(&data[data_text.len()..], line)?;
    if data_text.trim().is_empty() {
        return Err(problem(
            line,
            format!("task {:?} has no score after its ':'", name.trim()),
        ));
    }
    let mut pieces = data_text.split(':');
    let score_text = pieces.next().unwrap_or_default().trim();
    // Mermaid reads the score with JavaScript's Number(): an empty score is 0.
    let score = if score_text.is_empty() {
        Some(0.0)
    } else {
        score_text.parse::<f64>().ok().filter(|s| s.is_finite())
    };
    let Some(score) = score else {
        return Err(problem(
            line,
            format!(
                "task {:?} has {score_text:?} as its score, which is not a number",
                name.trim()
            ),
        ));
    };
    let actors: Vec<String> = pieces
        .next()
        .map(|p| {
            p.split(',')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let section = section.get_or_insert_with(Section::default);
    section.tasks.push(Task {
        name: name.trim().to_owned(),
        score,
        actors,
        line,
    });
    let _ = journey;
    Ok(())
}

/// The journeys in a file: the file itself when it is a diagram (`.mmd`), else every fenced
/// ```` ```mermaid ```` block of a Markdown file that holds a journey (other diagrams are left
/// alone). Problems name lines of the whole file.
pub fn journeys(text: &str, markdown: bool) -> Result<Vec<Journey>, Vec<Problem>> {
    if !markdown {
        return parse(text, 1).map(|j| vec![j]);
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let fence = if t.starts_with("```") {
            "```"
        } else if t.starts_with("~~~") {
            "~~~"
        } else {
            i += 1;
            continue;
        };
        let marks = t
            .chars()
            .take_while(|c| *c == fence.as_bytes()[0] as char)
            .count();
        let info = t[marks..].trim();
        let is_mermaid = info
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("mermaid"));
        let start = i + 1;
        let mut end = start;
        while end < lines.len() {
            let e = lines[end].trim();
            if e.len() >= marks && e.chars().all(|c| c == fence.as_bytes()[0] as char) {
                break;
            }
            end += 1;
        }
        if is_mermaid {
            let body = lines[start..end.min(lines.len())].join("\n");
            let first_word = body.lines().map(str::trim).find(|l| {
                !l.is_empty() && !l.starts_with("%%") && !l.starts_with('#') && *l != "---"
            });
            if first_word.is_some_and(|w| starts_with_ci(w, "journey")) {
                match parse(&body, start + 1) {
                    Ok(j) => out.push(j),
                    Err(p) => problems.extend(p),
                }
            }
        }
        if end >= lines.len() && is_mermaid {
            problems.push(problem(i + 1, "this mermaid block is never closed"));
        }
        i = end + 1;
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if out.is_empty() {
        return Err(vec![problem(
            1,
            "the file has no ```mermaid block with a journey diagram",
        )]);
    }
    Ok(out)
}
