//! Edits of review comments: written in the app, brought back from review files (the same
//! comment twice is one), replied to, resolved and opened again, changed, deleted; and the
//! comments of a deleted map let go of in the same step ([`tidy`]).

use std::collections::HashSet;

use super::Edit;
use crate::model::{Comment, CommentId, MapId, Project, Reply};

/// What adding a batch of comments would do.
#[derive(Debug, Default, PartialEq)]
pub struct Added {
    /// The edit, `None` when every comment was there already.
    pub edit: Option<Edit>,
    /// How many are new.
    pub new: usize,
    /// How many the project already holds (the same review brought back again).
    pub known: usize,
}

/// Adds `comments` at the end of the project's, leaving out those it already has by id
/// (and a second copy of one within the batch).
pub fn add(project: &Project, comments: Vec<Comment>) -> Added {
    let mut seen: HashSet<CommentId> = project.comments.iter().map(|c| c.id).collect();
    let mut edits = Vec::new();
    let mut known = 0;
    for c in comments {
        if !seen.insert(c.id) {
            known += 1;
            continue;
        }
        edits.push(Edit::SetComment {
            id: c.id,
            index: project.comments.len() + edits.len(),
            value: Some(Box::new(c)),
        });
    }
    let new = edits.len();
    Added {
        edit: (!edits.is_empty()).then_some(Edit::Batch(edits)),
        new,
        known,
    }
}

/// Changes comment `id` with `change`; `None` when there is no such comment or nothing
/// changed.
pub fn change(project: &Project, id: CommentId, change: impl FnOnce(&mut Comment)) -> Option<Edit> {
    let index = project.comments.iter().position(|c| c.id == id)?;
    let mut changed = project.comments[index].clone();
    change(&mut changed);
    (changed != project.comments[index]).then(|| Edit::SetComment {
        id,
        index,
        value: Some(Box::new(changed)),
    })
}

/// Adds `reply` to comment `id`'s thread; an empty reply is no edit.
pub fn reply(project: &Project, id: CommentId, reply: Reply) -> Option<Edit> {
    let reply = Reply {
        text: reply.text.trim().to_owned(),
        author: reply.author.trim().to_owned(),
        ..reply
    };
    if reply.text.is_empty() {
        return None;
    }
    change(project, id, |c| c.replies.push(reply))
}

/// Marks comment `id` dealt with, or open again.
pub fn resolve(project: &Project, id: CommentId, resolved: bool) -> Option<Edit> {
    change(project, id, |c| c.resolved = resolved)
}

/// Removes comment `id`.
pub fn delete(project: &Project, id: CommentId) -> Option<Edit> {
    let index = project.comments.iter().position(|c| c.id == id)?;
    Some(Edit::SetComment {
        id,
        index,
        value: None,
    })
}

/// The comments of maps that are gone, removed (last first, so each index holds); `None`
/// when every comment's map is there. A comment whose card or stage is gone stays: it still
/// says what it was on.
pub fn tidy(project: &Project) -> Option<Edit> {
    let maps: HashSet<MapId> = project.maps.iter().map(|m| m.id).collect();
    let edits: Vec<Edit> = project
        .comments
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| !maps.contains(&c.map))
        .map(|(index, c)| Edit::SetComment {
            id: c.id,
            index,
            value: None,
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;

    fn project() -> Project {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        let mut p = crate::file::load(&path).unwrap().project;
        p.comments.clear();
        p
    }

    fn comment(p: &Project, id: u64, text: &str) -> Comment {
        Comment {
            id: CommentId(id),
            map: p.maps[0].id,
            on: Target::Card(p.maps[0].cards[0].id),
            author: "Noor".into(),
            text: text.into(),
            ..Comment::default()
        }
    }

    #[test]
    fn the_same_comment_brought_back_twice_is_one() {
        let mut p = project();
        let first = add(&p, vec![comment(&p, 1, "a"), comment(&p, 2, "b")]);
        assert_eq!((first.new, first.known), (2, 0));
        crate::edit::apply(&mut p, first.edit.unwrap()).unwrap();
        let again = add(
            &p,
            vec![
                comment(&p, 2, "b"),
                comment(&p, 3, "c"),
                comment(&p, 3, "c"),
            ],
        );
        assert_eq!((again.new, again.known), (1, 2));
        crate::edit::apply(&mut p, again.edit.unwrap()).unwrap();
        let ids: Vec<u64> = p.comments.iter().map(|c| c.id.0).collect();
        assert_eq!(ids, [1, 2, 3]);
        assert!(add(&p, vec![comment(&p, 1, "a")]).edit.is_none());
        assert!(crate::file::validate(&p, &crate::model::Limits::default()).is_empty());
    }

    #[test]
    fn a_thread_is_replied_to_resolved_and_undone() {
        let mut p = project();
        let e = add(&p, vec![comment(&p, 9, "te traag")]).edit.unwrap();
        crate::edit::apply(&mut p, e).unwrap();
        let before = p.clone();
        assert!(reply(&p, CommentId(9), Reply::default()).is_none(), "empty");
        let r = Reply {
            author: " Sanne ".into(),
            text: " Klopt, we pakken het op ".into(),
            ..Reply::default()
        };
        let e = reply(&p, CommentId(9), r).unwrap();
        let undo = crate::edit::apply(&mut p, e).unwrap();
        assert_eq!(p.comments[0].replies[0].text, "Klopt, we pakken het op");
        assert_eq!(p.comments[0].replies[0].author, "Sanne");
        crate::edit::apply(&mut p, undo).unwrap();
        assert_eq!(p, before);
        assert!(resolve(&p, CommentId(9), false).is_none(), "already open");
        let e = resolve(&p, CommentId(9), true).unwrap();
        crate::edit::apply(&mut p, e).unwrap();
        assert!(!p.comments[0].is_open());
        assert!(resolve(&p, CommentId(8), true).is_none(), "no such comment");
        let e = delete(&p, CommentId(9)).unwrap();
        crate::edit::apply(&mut p, e).unwrap();
        assert!(p.comments.is_empty());
    }

    #[test]
    fn a_deleted_card_keeps_its_comments_and_a_deleted_map_lets_them_go() {
        let mut p = project();
        let mut second_map = p.maps[0].clone();
        second_map.id = MapId(77);
        p.maps.push(second_map);
        let on_second = Comment {
            map: p.maps[1].id,
            ..comment(&p, 5, "tweede")
        };
        let batch = add(&p, vec![comment(&p, 4, "eerste"), on_second]);
        crate::edit::apply_tidy(&mut p, batch.edit.unwrap()).unwrap();
        let card = p.maps[0].cards[0].id;
        let map = p.maps[0].id;
        let delete_card = crate::edit::Edit::SetCard {
            map,
            id: card,
            value: None,
            at: 0,
        };
        crate::edit::apply_tidy(&mut p, delete_card).unwrap();
        assert_eq!(p.comments.len(), 2, "a deleted card's comment stays");
        let second = p.maps[1].id;
        let delete_map = crate::edit::Edit::SetMap {
            id: second,
            index: 1,
            value: None,
        };
        let before = p.clone();
        let undo = crate::edit::apply_tidy(&mut p, delete_map).unwrap();
        assert_eq!(p.comments.len(), 1);
        assert_eq!(p.comments[0].text, "eerste");
        crate::edit::apply(&mut p, undo).unwrap();
        assert_eq!(p, before, "undo brings the map's comments back");
    }
}
