//! Typed, random, stable identifiers.
//!
//! Ids are not array positions: they survive reordering, copying between projects and merging.
//! They are drawn at random below 2^53, so they stay exact in JSON too.

use std::fmt;

/// The largest id plus one: ids stay exact when a JSON reader turns them into doubles.
const ID_LIMIT: u64 = 1 << 53;

/// Draws a fresh random id value (never zero).
pub fn random_id_value() -> u64 {
    fastrand::u64(1..ID_LIMIT)
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            /// A new random id.
            pub fn random() -> Self {
                Self(random_id_value())
            }

            /// The short prefix used when the id is shown to people, for example in messages.
            pub const PREFIX: &'static str = $prefix;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}-{}", $prefix, self.0)
            }
        }
    };
}

typed_id!(
    /// Identifies a [`crate::model::Map`].
    MapId, "map"
);
typed_id!(
    /// Identifies a [`crate::model::Stage`].
    StageId, "stage"
);
typed_id!(
    /// Identifies a [`crate::model::Lane`].
    LaneId, "lane"
);
typed_id!(
    /// Identifies a [`crate::model::Card`].
    CardId, "card"
);
typed_id!(
    /// Identifies a [`crate::model::EmotionCurve`].
    CurveId, "curve"
);
typed_id!(
    /// Identifies a [`crate::model::Connector`].
    ConnectorId, "connector"
);
typed_id!(
    /// Identifies a [`crate::model::Persona`].
    PersonaId, "persona"
);
typed_id!(
    /// Identifies a [`crate::model::Stakeholder`].
    StakeholderId, "stakeholder"
);
typed_id!(
    /// Identifies a [`crate::model::Relation`].
    RelationId, "relation"
);
typed_id!(
    /// Identifies a piece of [`crate::model::Evidence`].
    EvidenceId, "evidence"
);
typed_id!(
    /// Identifies a [`crate::model::Dataset`].
    DatasetId, "dataset"
);
typed_id!(
    /// Identifies an [`crate::model::EmbeddedImage`].
    ImageId, "image"
);
typed_id!(
    /// Identifies a [`crate::model::Snapshot`].
    SnapshotId, "snapshot"
);
typed_id!(
    /// Identifies an [`crate::model::Opportunity`].
    OpportunityId, "opportunity"
);
typed_id!(
    /// Identifies an [`crate::model::Action`].
    ActionId, "action"
);
typed_id!(
    /// Identifies a review [`crate::model::Comment`].
    CommentId, "comment"
);
