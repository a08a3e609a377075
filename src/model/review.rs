//! Review comments: what readers of a map said about a card, a stage or the map as a whole,
//! written in the app or brought back from the HTML viewer in a review file, with the
//! consultant's replies and whether it is dealt with.

use serde::{Deserialize, Serialize};

use super::{CardId, CommentId, MapId, StageId};

/// What a comment is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// The map as a whole.
    #[default]
    Map,
    Stage(StageId),
    Card(CardId),
}

/// A reader's comment with its thread of replies.
///
/// A comment outlives what it is about: when its card or stage is deleted it stays on the map,
/// and `context` still says what it was written on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Comment {
    /// Drawn by the viewer (or the app) when the comment is written, so the same comment
    /// brought back twice, or by two colleagues, is one comment.
    pub id: CommentId,
    pub map: MapId,
    pub on: Target,
    /// What it was written on, in words, at the time (the card's title, the stage's name).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub context: String,
    pub author: String,
    /// When it was written, as an RFC 3339 UTC time.
    pub written: String,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// Dealt with: kept, but no longer counted as open.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
}

impl Default for Comment {
    fn default() -> Self {
        Self {
            id: CommentId::random(),
            map: MapId(0),
            on: Target::Map,
            context: String::new(),
            author: String::new(),
            written: crate::model::time::now_rfc3339(),
            text: String::new(),
            replies: Vec::new(),
            resolved: false,
        }
    }
}

/// An answer in a comment's thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reply {
    pub author: String,
    /// When it was written, as an RFC 3339 UTC time.
    pub written: String,
    pub text: String,
}

impl Default for Reply {
    fn default() -> Self {
        Self {
            author: String::new(),
            written: crate::model::time::now_rfc3339(),
            text: String::new(),
        }
    }
}

impl Comment {
    /// Whether it still asks for attention.
    pub fn is_open(&self) -> bool {
        !self.resolved
    }

    /// The day it was written (`YYYY-MM-DD`), or the whole stamp when it has no such form.
    pub fn day(&self) -> &str {
        self.written.get(..10).unwrap_or(&self.written)
    }
}
