//! Keeping a map current and sharing it: dated snapshots of a map, and the conflicts a
//! three-way merge left for the user to decide.

use serde::{Deserialize, Serialize};

use super::{Dataset, Map, MapId, SnapshotId};

/// A map as it was at one moment ("Q1 2026 as-is"), kept in the project so it can be looked at,
/// compared with the map as it is now, or restored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub id: SnapshotId,
    pub label: String,
    /// When it was taken, as an RFC 3339 UTC time (`2026-03-31T16:00:00Z`).
    pub taken: String,
    /// The map as it was (its id is the map's id).
    pub map: Map,
    /// The map's data sets as they were, so metrics can be compared too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<Dataset>,
}

impl Default for Snapshot {
    fn default() -> Self {
        Self {
            id: SnapshotId::random(),
            label: String::new(),
            taken: crate::model::time::now_rfc3339(),
            map: Map::default(),
            datasets: Vec::new(),
        }
    }
}

impl Snapshot {
    /// The map the snapshot was taken of.
    pub fn of(&self) -> MapId {
        self.map.id
    }

    /// The day it was taken (`YYYY-MM-DD`), or the whole stamp when it has no such form.
    pub fn day(&self) -> &str {
        self.taken.get(..10).unwrap_or(&self.taken)
    }
}

/// Which side of a merge a conflict was settled with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The file merged into (git's "ours", the current branch).
    #[default]
    Ours,
    /// The file merged in (git's "theirs").
    Theirs,
}

/// One thing two people changed differently since their common version: the merge took one
/// side and keeps both here until the user has looked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conflict {
    /// Where, in words: `maps › "Schade melden" › cards › "Bellen" › title`.
    pub place: String,
    /// Where, exactly: a path through the project by field names and ids
    /// (`/maps/@123/cards/@456/title`), which the merge and the app resolve.
    pub path: String,
    /// The value each side has, as JSON; `null` where that side deleted it.
    pub base: String,
    pub ours: String,
    pub theirs: String,
    /// The side the project now holds.
    pub taken: Side,
}
