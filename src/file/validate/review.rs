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
