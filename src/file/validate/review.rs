//! Checks of review comments: words within limits, times that are times, every comment on a
//! map of the project. A comment's card or stage may be gone: it stays on its map.

use std::collections::HashSet;

use super::{Checker, MapIds, join, quoted};
use crate::model::{Project, time};

pub(super) fn check_comments(c: &mut Checker<'_>, p: &Project, ids: &MapIds) {
    let limits = c.limits;
    if !c.count("", "comments", p.comments.len(), limits.comments) {
        return;
    }
    let mut seen = HashSet::new();
    for (i, comment) in p.comments.iter().enumerate() {
        let loc = format!("comments[{i}] {}", quoted(&comment.text));
        c.unique(&mut seen, comment.id, &loc);
        if comment.id.0 == 0 {
            c.problem(loc.clone(), "has the id 0, which no comment may have");
        }
        if !ids.maps.contains(&comment.map) {
            c.problem(
                join(&loc, "map"),
                format!(
                    "refers to {}, which is not a map of this project",
                    comment.map
                ),
            );
        }
        c.short(&loc, "author", &comment.author);
        c.short(&loc, "context", &comment.context);
        c.long(&loc, "text", &comment.text);
        when(c, &loc, &comment.written);
        if c.count(&loc, "replies", comment.replies.len(), limits.items) {
            for (j, r) in comment.replies.iter().enumerate() {
                let rloc = format!("{loc} › replies[{j}]");
                c.short(&rloc, "author", &r.author);
                c.long(&rloc, "text", &r.text);
                when(c, &rloc, &r.written);
            }
        }
    }
}

fn when(c: &mut Checker<'_>, loc: &str, value: &str) {
    if !time::is_valid_timestamp(value) {
        c.problem(
            join(loc, "written"),
            format!("{value:?} is not a time like \"2026-11-23T09:30:00Z\""),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Comment, CommentId, Limits, MapId, Reply, Target};

    fn problems(comments: Vec<Comment>, limits: &Limits) -> Vec<String> {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let map = p.maps[0].id;
        p.comments = comments
            .into_iter()
            .map(|c| Comment {
                map: if c.map == MapId(0) { map } else { c.map },
                ..c
            })
            .collect();
        crate::file::validate(&p, limits)
            .into_iter()
            .map(|p| format!("{}: {}", p.location, p.message))
            .collect()
    }

    fn comment(id: u64) -> Comment {
        Comment {
            id: CommentId(id),
            map: MapId(0),
            on: Target::Map,
            text: "goed".into(),
            written: "2026-12-01T10:00:00Z".into(),
            ..Comment::default()
        }
    }

    /// Every way a comment can be wrong is named with where it is; a comment on a card that is
    /// gone is not wrong.
    #[test]
    fn a_comment_that_does_not_hold_is_named() {
        let limits = Limits::default();
        let mut gone = comment(1);
        gone.on = Target::Card(crate::model::CardId(99));
        assert_eq!(problems(vec![gone], &limits), Vec::<String>::new());
        let cases: Vec<(Comment, &str)> = vec![
            (comment(0), "has the id 0"),
            (
                Comment {
                    map: MapId(5),
                    ..comment(2)
                },
                "map: refers to map-5, which is not a map of this project",
            ),
            (
                Comment {
                    written: "gisteren".into(),
                    ..comment(3)
                },
                "written: \"gisteren\" is not a time",
            ),
            (
                Comment {
                    text: "x".repeat(50_001),
                    ..comment(4)
                },
                "text: text is 50001 characters long",
            ),
            (
                Comment {
                    replies: vec![Reply {
                        written: "nooit".into(),
                        ..Reply::default()
                    }],
                    ..comment(5)
                },
                "replies[0] › written: \"nooit\" is not a time",
            ),
        ];
        for (c, why) in cases {
            let found = problems(vec![c], &limits);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].contains(why), "{why}: {found:?}");
        }
        let twice = problems(vec![comment(7), comment(7)], &limits);
        assert!(twice[0].contains("id comment-7 is used twice"), "{twice:?}");
        let few = Limits {
            comments: 1,
            ..Limits::default()
        };
        let many = problems(vec![comment(8), comment(9)], &few);
        assert_eq!(many, ["comments: 2 comments; at most 1 are allowed"]);
    }
}
