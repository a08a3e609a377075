//! The document model: plain data, no GUI types.
//!
//! The UI never changes these types directly; it sends edits (see the `edit` module).

mod actions;
mod colour;
mod curve;
mod data;
mod ids;
mod limits;
mod map;
mod project;
mod research;
mod review;
mod sharing;
pub mod time;

pub use actions::{Action, ActionStatus, Due, Measure, Opportunity, Owner, Quadrant};
pub use colour::Rgb;
pub use curve::{CurveVariant, EmotionCurve, EmotionPoint, EmotionScale, format_score};
pub use data::{CurveData, DataImport, DataPoint, Dataset, KeyLink, KeyMatch};
pub use ids::{
    ActionId, CardId, CommentId, ConnectorId, CurveId, DatasetId, EvidenceId, ImageId, LaneId,
    MapId, OpportunityId, PersonaId, RelationId, SnapshotId, StageId, StakeholderId,
    random_id_value,
};
pub use limits::Limits;
pub use map::{Card, Channel, Connector, Lane, LaneKind, Map, MapKind, MomentOfTruth, Stage};
pub use project::{
    EmbeddedImage, Persona, Project, Relation, RelationKind, Ring, Stakeholder, same_name,
};
pub use research::{Evidence, EvidenceKind, ResearchMethod, Respondent};
pub use review::{Comment, Reply, Target};
pub use sharing::{Conflict, Side, Snapshot};
