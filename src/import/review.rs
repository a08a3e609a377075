//! Review files: the comments a reader wrote in the HTML viewer and downloaded
//! (`NAME.klantreis-review.json`), read back for the project they were written on.
//!
//! Everything in the file is untrusted: its size is checked before it is read, every text is
//! held to the project's limits, every comment must name a map of this project and a time that
//! is a time. A comment that does not qualify is left out and named (its place in the file and
//! why), never guessed at; a comment on a card deleted since is kept on its map.

use std::path::Path;

use serde::Deserialize;

use crate::model::{CardId, Comment, CommentId, Limits, MapId, Project, StageId, Target, time};

/// The largest review file read.
pub const MAX_REVIEW_BYTES: u64 = 8 * 1024 * 1024;

/// The version of the review format the viewer writes.
pub const REVIEW_FORMAT: u32 = 1;

/// The ending of review file names.
pub const REVIEW_EXTENSION: &str = ".klantreis-review.json";

/// What a review file holds that this project can take.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// The name the reader gave.
    pub reviewer: String,
    pub comments: Vec<Comment>,
    /// Comments left out, each with its place and why.
    pub left_out: Vec<String>,
}

/// Why a review file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{path} could not be read: {}", crate::file::plain_io_error(source))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a regular file (a folder, a pipe or a device); choose the file itself")]
    NotAFile { path: String },
    #[error("{path} is {size} bytes; a review file is at most {limit}")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error(
        "{path} is not a Klantreis review file ({reason}); it is the file the HTML viewer's \"Download my comments\" writes"
    )]
    NotAReview { path: String, reason: String },
    #[error(
        "{path} was written by a newer Klantreis (review format {found}); this version reads format {REVIEW_FORMAT}"
    )]
    Newer { path: String, found: u32 },
    #[error(
        "{path} holds no comment on a map of this project (it was written on {project:?}); open the project the viewer was made from"
    )]
    OtherProject { path: String, project: String },
}

#[derive(Deserialize)]
struct FileIn {
    klantreis_review: u32,
    #[serde(default)]
    project: String,
    #[serde(default)]
    reviewer: String,
    #[serde(default)]
    comments: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentIn {
    id: u64,
    map: u64,
    #[serde(default)]
    card: Option<u64>,
    #[serde(default)]
    stage: Option<u64>,
    #[serde(default)]
    context: String,
    #[serde(default)]
    author: String,
    written: String,
    text: String,
}

/// Reads the review file at `path` for `project`.
pub fn read(path: &Path, project: &Project) -> Result<Review, ReviewError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ReviewError::Read {
        path: shown.clone(),
        source,
    })?;
    // A FIFO or a device would be waited on for ever.
    if !meta.is_file() {
        return Err(ReviewError::NotAFile { path: shown });
    }
    if meta.len() > MAX_REVIEW_BYTES {
        return Err(ReviewError::TooLarge {
            path: shown,
            size: meta.len(),
            limit: MAX_REVIEW_BYTES,
        });
    }
    let mut bytes = Vec::new();
    {
        use std::io::Read as _;
        let file = std::fs::File::open(path).map_err(|source| ReviewError::Read {
            path: shown.clone(),
            source,
        })?;
        // The file may grow after the size was checked: never read more than the limit.
        file.take(MAX_REVIEW_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| ReviewError::Read {
                path: shown.clone(),
                source,
            })?;
    }
    if bytes.len() as u64 > MAX_REVIEW_BYTES {
        return Err(ReviewError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: MAX_REVIEW_BYTES,
        });
    }
    from_bytes(&bytes, &shown, project, &Limits::default())
}

/// The comments in a review file's bytes, for `project`; `shown` names the file in messages.
pub fn from_bytes(
    bytes: &[u8],
    shown: &str,
    project: &Project,
    limits: &Limits,
) -> Result<Review, ReviewError> {
    let not = |reason: String| ReviewError::NotAReview {
        path: shown.to_owned(),
        reason,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not("it is not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file: FileIn = serde_json::from_str(text).map_err(|e| {
        not(format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            plain_json_error(&e)
        ))
    })?;
    if file.klantreis_review > REVIEW_FORMAT {
        return Err(ReviewError::Newer {
            path: shown.to_owned(),
            found: file.klantreis_review,
        });
    }
    if file.klantreis_review == 0 {
        return Err(not("its format is 0".into()));
    }
    let reviewer = clip(file.reviewer.trim(), limits.short_text_chars);
    let mut review = Review {
        reviewer: reviewer.clone(),
        ..Review::default()
    };
    let total = file.comments.len();
    let mut on_other_maps = 0;
    for (i, raw) in file.comments.into_iter().enumerate() {
        if review.comments.len() >= limits.comments {
            review.left_out.push(format!(
                "comments {} to {total}: a project holds at most {} comments",
                i + 1,
                limits.comments
            ));
            break;
        }
        match comment(raw, project, limits, &reviewer) {
            Ok(c) => review.comments.push(c),
            Err(Skip::OtherMap) => on_other_maps += 1,
            Err(Skip::Why(why)) => review.left_out.push(format!("comment {}: {why}", i + 1)),
        }
    }
    if on_other_maps > 0 {
        if review.comments.is_empty() && review.left_out.is_empty() {
            return Err(ReviewError::OtherProject {
                path: shown.to_owned(),
                project: clip(&file.project, 80),
            });
        }
        review.left_out.push(format!(
            "{on_other_maps} comment(s) on a map this project no longer has"
        ));
    }
    Ok(review)
}

enum Skip {
    OtherMap,
    Why(String),
}

fn comment(
    raw: serde_json::Value,
    project: &Project,
    limits: &Limits,
    reviewer: &str,
) -> Result<Comment, Skip> {
    let c: CommentIn = serde_json::from_value(raw).map_err(|e| Skip::Why(plain_json_error(&e)))?;
    if c.id == 0 || c.id >= 1 << 53 {
        return Err(Skip::Why(format!("its id {} is not a comment's id", c.id)));
    }
    let map = project.map(MapId(c.map)).ok_or(Skip::OtherMap)?;
    let on = match (c.card, c.stage) {
        (Some(card), None) => Target::Card(CardId(card)),
        (None, Some(stage)) => Target::Stage(StageId(stage)),
        (None, None) => Target::Map,
        (Some(_), Some(_)) => {
            return Err(Skip::Why("it names both a card and a stage".into()));
        }
    };
    let text = c.text.trim();
    if text.is_empty() {
        return Err(Skip::Why("it has no text".into()));
    }
    let chars = text.chars().count();
    if chars > limits.long_text_chars {
        return Err(Skip::Why(format!(
            "its text is {chars} characters long; at most {} are allowed",
            limits.long_text_chars
        )));
    }
    if !time::is_valid_timestamp(&c.written) {
        return Err(Skip::Why(format!(
            "{:?} is not a time like \"2026-11-23T09:30:00Z\"",
            clip(&c.written, 40)
        )));
    }
    // What it was on, as the project now names it; the viewer's words where it is gone.
    let context = match on {
        Target::Card(id) => map.card(id).map(|c| c.title.clone()),
        Target::Stage(id) => map.stage(id).map(|s| s.name.clone()),
        Target::Map => Some(String::new()),
    }
    .unwrap_or(c.context);
    let author = if c.author.trim().is_empty() {
        reviewer
    } else {
        c.author.trim()
    };
    Ok(Comment {
        id: CommentId(c.id),
        map: map.id,
        on,
        context: clip(context.trim(), limits.short_text_chars),
        author: clip(author, limits.short_text_chars),
        written: c.written,
        text: text.to_owned(),
        replies: Vec::new(),
        resolved: false,
    })
}

/// At most `max` characters of `text` (a name or a label: cut rather than refused).
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// `serde_json`'s message without its "at line … column …" tail (the caller says where).
fn plain_json_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        crate::file::load(&path).unwrap().project
    }

    fn file(p: &Project, comments: &str) -> String {
        format!(
            r#"{{"klantreis_review": 1, "project": "{}", "reviewer": " Noor ", "comments": [{comments}]}}"#,
            p.title
        )
    }

    fn read_str(text: &str, p: &Project) -> Result<Review, ReviewError> {
        from_bytes(
            text.as_bytes(),
            "noor.klantreis-review.json",
            p,
            &Limits::default(),
        )
    }

    #[test]
    fn comments_on_a_card_a_stage_and_the_map_are_read_with_what_they_were_on() {
        let p = project();
        let map = &p.maps[0];
        let (card, stage) = (&map.cards[2], &map.stages[1]);
        let text = file(
            &p,
            &format!(
                r#"{{"id": 11, "map": {m}, "card": {c}, "context": "oud", "written": "2026-12-01T10:00:00Z", "text": " Te traag "}},
                   {{"id": 12, "map": {m}, "stage": {s}, "author": "Piet", "written": "2026-12-01T10:01:00Z", "text": "<b>x</b>"}},
                   {{"id": 13, "map": {m}, "written": "2026-12-01T10:02:00Z", "text": "Mooi"}},
                   {{"id": 14, "map": {m}, "card": 99, "context": "Weg", "written": "2026-12-01T10:03:00Z", "text": "Was dit"}}"#,
                m = map.id.0,
                c = card.id.0,
                s = stage.id.0
            ),
        );
        let r = read_str(&text, &p).unwrap();
        assert_eq!(r.reviewer, "Noor");
        assert!(r.left_out.is_empty(), "{:?}", r.left_out);
        let c = &r.comments;
        assert_eq!(c.len(), 4);
        assert_eq!(
            (c[0].on, c[0].context.as_str()),
            (Target::Card(card.id), card.title.as_str())
        );
        assert_eq!(
            (c[0].author.as_str(), c[0].text.as_str()),
            ("Noor", "Te traag")
        );
        assert_eq!(
            (c[1].on, c[1].author.as_str()),
            (Target::Stage(stage.id), "Piet")
        );
        assert_eq!(
            c[1].text, "<b>x</b>",
            "kept as written; escaped where shown"
        );
        assert_eq!(c[2].on, Target::Map);
        assert_eq!(
            (c[3].on, c[3].context.as_str()),
            (Target::Card(CardId(99)), "Weg")
        );
        let mut with = p.clone();
        with.comments = r.comments;
        assert!(crate::file::validate(&with, &Limits::default()).is_empty());
    }

    #[test]
    fn a_comment_that_does_not_qualify_is_left_out_and_named() {
        let p = project();
        let m = p.maps[0].id.0;
        let good =
            format!(r#"{{"id": 1, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "ok"}}"#);
        let cases = [
            (
                format!(r#"{{"id": 2, "map": {m}, "written": "gisteren", "text": "x"}}"#),
                "is not a time",
            ),
            (
                format!(
                    r#"{{"id": 3, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "  "}}"#
                ),
                "no text",
            ),
            (
                format!(
                    r#"{{"id": 0, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "x"}}"#
                ),
                "not a comment's id",
            ),
            (
                format!(
                    r#"{{"id": 9007199254740992, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "x"}}"#
                ),
                "not a comment's id",
            ),
            (
                format!(
                    r#"{{"id": 4, "map": {m}, "card": 1, "stage": 2, "written": "2026-12-01T10:00:00Z", "text": "x"}}"#
                ),
                "both a card and a stage",
            ),
            (
                format!(
                    r#"{{"id": 5, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "{}"}}"#,
                    "x".repeat(50_001)
                ),
                "50001 characters",
            ),
            (
                format!(
                    r#"{{"id": 6, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "x", "script": 1}}"#
                ),
                "unknown field",
            ),
            (r#""just a string""#.to_owned(), "invalid type"),
        ];
        for (bad, why) in cases {
            let r = read_str(&file(&p, &format!("{good}, {bad}")), &p).unwrap();
            assert_eq!(r.comments.len(), 1, "{bad}");
            assert_eq!(r.left_out.len(), 1, "{bad}");
            assert!(r.left_out[0].starts_with("comment 2: "), "{:?}", r.left_out);
            assert!(r.left_out[0].contains(why), "{why}: {:?}", r.left_out);
        }
        let elsewhere =
            r#"{"id": 7, "map": 5, "written": "2026-12-01T10:00:00Z", "text": "x"}"#.to_owned();
        let r = read_str(&file(&p, &format!("{good}, {elsewhere}")), &p).unwrap();
        assert_eq!(
            r.left_out,
            ["1 comment(s) on a map this project no longer has"]
        );
    }

    #[test]
    fn a_file_that_is_no_review_of_this_project_is_refused_with_the_reason() {
        let p = project();
        let err = |text: &str| read_str(text, &p).unwrap_err().to_string();
        assert!(err("{").contains("line 1, column 1"), "{}", err("{"));
        assert!(err("[]").contains("not a Klantreis review file"));
        assert!(err(r#"{"klantreis_review": 0}"#).contains("format is 0"));
        assert!(err(r#"{"klantreis_review": 2}"#).contains("newer Klantreis (review format 2)"));
        let other = r#"{"klantreis_review": 1, "project": "Bibliotheek", "comments": [{"id": 7, "map": 5, "written": "2026-12-01T10:00:00Z", "text": "x"}]}"#;
        assert!(
            err(other).contains("written on \"Bibliotheek\""),
            "{}",
            err(other)
        );
        let bytes = [0xff, 0xfe, 0x00];
        let e = from_bytes(&bytes, "x", &p, &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("not UTF-8"));
        // With a byte order mark, as a Windows editor saves it.
        let r = read_str(&format!("\u{feff}{}", file(&p, "")), &p).unwrap();
        assert!(r.comments.is_empty() && r.left_out.is_empty());
    }

    #[test]
    fn more_comments_than_a_project_holds_are_cut_off_and_said() {
        let p = project();
        let m = p.maps[0].id.0;
        let limits = Limits {
            comments: 2,
            ..Limits::default()
        };
        let list: Vec<String> = (1..=4)
            .map(|i| {
                format!(
                    r#"{{"id": {i}, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "x"}}"#
                )
            })
            .collect();
        let r = from_bytes(file(&p, &list.join(",")).as_bytes(), "x", &p, &limits).unwrap();
        assert_eq!(r.comments.len(), 2);
        assert_eq!(
            r.left_out,
            ["comments 3 to 4: a project holds at most 2 comments"]
        );
    }

    #[test]
    fn a_file_too_large_or_not_a_file_is_refused_before_it_is_read() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.klantreis-review.json");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_REVIEW_BYTES + 1)
            .unwrap();
        let e = read(&big, &p).unwrap_err().to_string();
        assert!(
            e.contains("8388609 bytes; a review file is at most 8388608"),
            "{e}"
        );
        // Exactly the limit is read (and found to be no review).
        let edge = dir.path().join("edge.klantreis-review.json");
        std::fs::write(&edge, vec![b' '; MAX_REVIEW_BYTES as usize]).unwrap();
        let e = read(&edge, &p).unwrap_err().to_string();
        assert!(e.contains("not a Klantreis review file"), "{e}");
        let e = read(dir.path(), &p).unwrap_err().to_string();
        assert!(e.contains("not a regular file"), "{e}");
        let e = read(&dir.path().join("missing.json"), &p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("could not be read"), "{e}");
    }

    #[test]
    fn a_comment_of_exactly_the_longest_text_is_read() {
        let p = project();
        let m = p.maps[0].id.0;
        let text = "x".repeat(50_000);
        let one = format!(
            r#"{{"id": 1, "map": {m}, "written": "2026-12-01T10:00:00Z", "text": "{text}"}}"#
        );
        let r = read_str(&file(&p, &one), &p).unwrap();
        assert_eq!(r.comments.len(), 1, "{:?}", r.left_out);
        assert_eq!(r.comments[0].text.len(), 50_000);
    }
}
