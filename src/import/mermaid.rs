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

/// Marks around an entity code (`#58;`, `#quot;`) kept out of the grammar's way, as Mermaid's
/// `encodeEntities` does before it parses: the code's `#` does not start a comment, its `;`
/// does not end a statement.
const ENTITY_OPEN: char = '\u{E000}';
const ENTITY_CLOSE: char = '\u{E001}';

/// `line` with each entity code (`#` + letters, digits or `_` + `;`) hidden from the grammar.
fn protect_entities(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('#') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let word = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if word > 0 && after[word..].starts_with(';') {
            out.push(ENTITY_OPEN);
            out.push_str(&after[..word]);
            out.push(ENTITY_CLOSE);
            rest = &after[word + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The character a named entity stands for, for the names a journey's text would use.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "colon" => ':',
        "semi" => ';',
        "num" => '#',
        "percnt" => '%',
        "comma" => ',',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "euro" => '€',
        _ => return None,
    })
}

/// Text as Mermaid shows it: entity codes (`#58;`, `#colon;`) as their characters (an unknown
/// one as written), and without the invisible word joiner that older Klantreis exports put in
/// front of a name that starts like a keyword.
pub fn shown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(ENTITY_OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + ENTITY_OPEN.len_utf8()..];
        let Some(end) = after.find(ENTITY_CLOSE) else {
            rest = after;
            continue;
        };
        let code = &after[..end];
        let decoded = if code.bytes().all(|b| b.is_ascii_digit()) {
            code.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            named_entity(code)
        };
        if let Some(c) = decoded {
            out.push(c);
        } else {
            out.push('#');
            out.push_str(code);
            out.push(';');
        }
        rest = &after[end + ENTITY_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out.trim_start_matches('\u{2060}').to_owned()
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
        let raw = &*protect_entities(raw);
        if descr_block.is_some() {
            if let Some(end) = raw.find('}') {
                journey.acc_descr.push_str(&raw[..end]);
                let whole = journey.acc_descr.trim().to_owned();
                journey.acc_descr = whole;
                descr_block = None;
                // Mermaid's lexer goes on after the brace: `}title Mijn reis` is a title.
                let rest = raw[end + 1..].trim_start();
                let result = if rest.is_empty() || rest.starts_with('#') || rest.starts_with("%%") {
                    Ok(())
                } else {
                    statement(rest, line, &mut journey, &mut section, &mut descr_block)
                };
                if let Err(p) = result {
                    problems.push(p);
                }
            } else {
                journey.acc_descr.push_str(raw);
                journey.acc_descr.push('\n');
            }
            continue;
        }
        let t = raw.trim_start();
        // Front matter opens the diagram: on its first line that is not blank.
        let first_content = !started && text.lines().take(i).all(|l| l.trim().is_empty());
        if first_content && t.trim_end() == "---" {
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
    journey.title = shown_text(&journey.title);
    journey.acc_title = shown_text(&journey.acc_title);
    journey.acc_descr = shown_text(&journey.acc_descr);
    for s in &mut journey.sections {
        s.name = shown_text(&s.name);
        for t in &mut s.tasks {
            t.name = shown_text(&t.name);
            for a in &mut t.actors {
                *a = shown_text(a);
            }
        }
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

/// What a file gave: its journeys, and the blocks left out with their problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub journeys: Vec<Journey>,
    /// A problem per line of each block that could not be read (which Mermaid would not draw
    /// either); the other blocks are read all the same.
    pub left_out: Vec<Problem>,
}

/// Whether a diagram's text is a journey: its first word, after blank lines, a front-matter
/// block (`---` … `---`) and comments, is `journey`.
fn is_journey(body: &str) -> bool {
    let mut lines = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    if lines.peek() == Some(&"---") {
        lines.next();
        for l in lines.by_ref() {
            if l == "---" {
                break;
            }
        }
    }
    lines
        .find(|l| !l.starts_with("%%") && !l.starts_with('#'))
        .is_some_and(|l| starts_with_ci(l, "journey"))
}

/// HTML's escapes in a `<div class="mermaid">` block, as the browser reads them.
fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A Mermaid block of a Markdown file: its text, the line (from 1) its text starts on, and the
/// line of its opening, for messages.
struct Block {
    body: String,
    first: usize,
    opened: usize,
}

/// The Mermaid blocks of a Markdown file: fenced ```` ```mermaid ```` blocks and the
/// `<div class="mermaid">` (or `<pre class="mermaid">`) blocks that pages embed; a block never
/// closed is a problem.
fn blocks(text: &str) -> (Vec<Block>, Vec<Problem>) {
    let lines: Vec<&str> = text.lines().collect();
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let lower = t.to_ascii_lowercase();
        if (lower.starts_with("<div") || lower.starts_with("<pre"))
            && lower.contains("class=\"mermaid\"")
        {
            let tag = if lower.starts_with("<div") {
                "</div>"
            } else {
                "</pre>"
            };
            let open_end = t.find('>').map_or(t.len(), |e| e + 1);
            let mut body = String::new();
            let mut j = i;
            let mut rest = &t[open_end..];
            let closed = loop {
                if let Some(end) = rest.to_ascii_lowercase().find(tag) {
                    body.push_str(&rest[..end]);
                    break true;
                }
                body.push_str(rest);
                body.push('\n');
                j += 1;
                match lines.get(j) {
                    Some(l) => rest = l,
                    None => break false,
                }
            };
            if !closed {
                problems.push(problem(i + 1, "this mermaid block is never closed"));
            }
            // The text after the opening tag starts on the tag's own line.
            out.push(Block {
                body: unescape_html(&body),
                first: i + 1,
                opened: i + 1,
            });
            i = j + 1;
            continue;
        }
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
            if end >= lines.len() {
                problems.push(problem(i + 1, "this mermaid block is never closed"));
            }
            out.push(Block {
                body: lines[start..end.min(lines.len())].join("\n"),
                first: start + 1,
                opened: i + 1,
            });
        }
        i = end + 1;
    }
    (out, problems)
}

/// The journeys in a file: the file itself when it is a diagram (`.mmd`), else every Mermaid
/// block of a Markdown file that holds a journey (other diagrams are left alone). As Mermaid
/// draws the good blocks of a page and not the bad ones, a bad block is left out and named
/// with its problems; only a file with no journey that can be read is an error. Problems name
/// lines of the whole file.
pub fn journeys(text: &str, markdown: bool) -> Result<Read, Vec<Problem>> {
    if !markdown {
        return parse(text, 1).map(|j| Read {
            journeys: vec![j],
            left_out: Vec::new(),
        });
    }
    let (found, mut left_out) = blocks(text);
    let mut out = Vec::new();
    for block in found.iter().filter(|b| is_journey(&b.body)) {
        match parse(&block.body, block.first) {
            Ok(j) => out.push(j),
            Err(p) => {
                left_out.push(problem(
                    block.opened,
                    "this journey block was left out, as Mermaid would not draw it",
                ));
                left_out.extend(p);
            }
        }
    }
    if out.is_empty() {
        if left_out.is_empty() {
            left_out.push(problem(
                1,
                "the file has no ```mermaid block with a journey diagram",
            ));
        }
        return Err(left_out);
    }
    Ok(Read {
        journeys: out,
        left_out,
    })
}
