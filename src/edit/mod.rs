//! Every change to a project is an [`Edit`]: the UI emits edits, [`apply`] carries them out and
//! returns the edit that undoes them, and [`History`] keeps both for undo and redo.
//!
//! Edits are coarse "set this piece to that value" operations. That keeps each one trivially
//! invertible (the inverse sets the old value back) and keeps memory bounded: an undo step holds
//! only the pieces it changed, never a copy of the project.

pub mod actions;
pub mod clipboard;
pub mod data;
mod history;
pub mod maps;
pub mod ops;
pub mod personas;
pub mod review;
pub mod sharing;
pub mod stakeholders;

pub use history::History;

#[cfg(test)]
mod weight_tests;

use crate::model::{
    Card, CardId, Dataset, DatasetId, EmbeddedImage, EmotionCurve, Evidence, EvidenceId, ImageId,
    Lane, Map, MapId, Persona, PersonaId, Project, Relation, RelationId, Respondent, Stage,
    Stakeholder, StakeholderId,
};

/// The parts of a map that are not its grid.
#[derive(Clone, Debug, PartialEq)]
pub struct MapInfo {
    pub title: String,
    pub description: String,
    pub goal: String,
    pub scenario: String,
    pub expectations: String,
    pub kind: crate::model::MapKind,
    pub scale: crate::model::EmotionScale,
    pub personas: Vec<crate::model::PersonaId>,
    pub compare: Option<(crate::model::CurveId, crate::model::CurveId)>,
}

impl MapInfo {
    /// The info of `map`.
    pub fn of(map: &Map) -> Self {
        Self {
            title: map.title.clone(),
            description: map.description.clone(),
            goal: map.goal.clone(),
            scenario: map.scenario.clone(),
            expectations: map.expectations.clone(),
            kind: map.kind,
            scale: map.scale,
            personas: map.personas.clone(),
            compare: map.compare,
        }
    }

    fn put(self, map: &mut Map) {
        map.title = self.title;
        map.description = self.description;
        map.goal = self.goal;
        map.scenario = self.scenario;
        map.expectations = self.expectations;
        map.kind = self.kind;
        map.scale = self.scale;
        map.personas = self.personas;
        map.compare = self.compare;
    }
}

/// One change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Puts a card (adding or replacing it by id), or removes it when `value` is `None`.
    SetCard {
        map: MapId,
        id: CardId,
        value: Option<Box<Card>>,
        /// Where a card that is added goes in the map's list (the end when past it); undoing a
        /// removal puts the card back where it was, so undo restores the exact project.
        at: usize,
    },
    /// Replaces the map's stages (add, remove, rename, reorder).
    SetStages { map: MapId, stages: Vec<Stage> },
    /// Replaces the map's lanes.
    SetLanes { map: MapId, lanes: Vec<Lane> },
    /// Replaces the map's curves.
    SetCurves {
        map: MapId,
        curves: Vec<EmotionCurve>,
    },
    /// Replaces the map's arrows between cards.
    SetConnectors {
        map: MapId,
        connectors: Vec<crate::model::Connector>,
    },
    /// Replaces the map's title, goal, scale and the like.
    SetMapInfo { map: MapId, info: Box<MapInfo> },
    /// Puts a whole map at `index` (adding or replacing it by id), or removes it.
    SetMap {
        id: MapId,
        index: usize,
        value: Option<Box<Map>>,
    },
    /// Puts a persona at `index` (adding, replacing or moving it by id), or removes it.
    SetPersona {
        id: PersonaId,
        index: usize,
        value: Option<Box<Persona>>,
    },
    /// Puts a picture at `index` among the project's images, or removes it.
    SetImage {
        id: ImageId,
        index: usize,
        value: Option<Box<EmbeddedImage>>,
    },
    /// Puts a stakeholder at `index`, or removes it.
    SetStakeholder {
        id: StakeholderId,
        index: usize,
        value: Option<Box<Stakeholder>>,
    },
    /// Puts a relation of the stakeholder map at `index`, or removes it.
    SetRelation {
        id: RelationId,
        index: usize,
        value: Option<Box<Relation>>,
    },
    /// Puts a piece of evidence at `index`, or removes it.
    SetEvidence {
        id: EvidenceId,
        index: usize,
        value: Option<Box<Evidence>>,
    },
    /// Puts a data set at `index`, or removes it.
    SetDataset {
        id: DatasetId,
        index: usize,
        value: Option<Box<Dataset>>,
    },
    /// Replaces the interview register.
    SetRespondents(Vec<Respondent>),
    /// Puts a snapshot at `index` among the project's snapshots, or removes it.
    SetSnapshot {
        id: crate::model::SnapshotId,
        index: usize,
        value: Option<Box<crate::model::Snapshot>>,
    },
    /// Puts an opportunity at `index`, or removes it.
    SetOpportunity {
        id: crate::model::OpportunityId,
        index: usize,
        value: Option<Box<crate::model::Opportunity>>,
    },
    /// Puts an action at `index`, or removes it.
    SetAction {
        id: crate::model::ActionId,
        index: usize,
        value: Option<Box<crate::model::Action>>,
    },
    /// Puts a review comment at `index`, or removes it.
    SetComment {
        id: crate::model::CommentId,
        index: usize,
        value: Option<Box<crate::model::Comment>>,
    },
    /// Replaces the list of a merge's conflicts.
    SetConflicts(Vec<crate::model::Conflict>),
    /// Sets the project's title and description.
    SetProjectInfo { title: String, description: String },
    /// Several edits as one undo step, applied in order.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The project is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the map {0} no longer exists")]
    NoMap(MapId),
}

/// Applies `edit` as [`apply`] does, then puts right what it left dangling in the research and
/// data (see [`data::tidy`]) and in the actions (see [`actions::tidy`]); the edit returned undoes both. The history applies every edit
/// this way.
pub fn apply_tidy(project: &mut Project, edit: Edit) -> Result<Edit, EditError> {
    let undo = apply(project, edit)?;
    let mut fixes = Vec::new();
    // The data first: a data set it drops takes an action's measure with it.
    if let Some(fix) = data::tidy(project) {
        fixes.push(apply(project, fix)?);
    }
    if let Some(fix) = actions::tidy(project) {
        fixes.push(apply(project, fix)?);
    }
    if let Some(fix) = review::tidy(project) {
        fixes.push(apply(project, fix)?);
    }
    if fixes.is_empty() {
        return Ok(undo);
    }
    // Undone last fix first, the edit itself last.
    fixes.reverse();
    fixes.push(undo);
    Ok(Edit::Batch(fixes))
}

/// Applies `edit` to `project` and returns the edit that undoes it.
///
/// A batch is applied all or nothing: if a later part fails, the earlier parts are undone.
pub fn apply(project: &mut Project, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(project, e) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(err) => {
                        for inverse in inverses.into_iter().rev() {
                            // Undoing what was just done cannot fail: the maps it names exist.
                            let _ = apply(project, inverse);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
        Edit::SetCard { map, id, value, at } => {
            let m = map_mut(project, map)?;
            let position = m.cards.iter().position(|c| c.id == id);
            let (old, old_at) = match (position, value) {
                (Some(i), Some(card)) => {
                    (Some(Box::new(std::mem::replace(&mut m.cards[i], *card))), i)
                }
                (Some(i), None) => (Some(Box::new(m.cards.remove(i))), i),
                (None, Some(card)) => {
                    let i = at.min(m.cards.len());
                    m.cards.insert(i, *card);
                    (None, i)
                }
                (None, None) => (None, at),
            };
            Ok(Edit::SetCard {
                map,
                id,
                value: old,
                at: old_at,
            })
        }
        Edit::SetStages { map, stages } => {
            let m = map_mut(project, map)?;
            let old = std::mem::replace(&mut m.stages, stages);
            Ok(Edit::SetStages { map, stages: old })
        }
        Edit::SetLanes { map, lanes } => {
            let m = map_mut(project, map)?;
            let old = std::mem::replace(&mut m.lanes, lanes);
            Ok(Edit::SetLanes { map, lanes: old })
        }
        Edit::SetCurves { map, curves } => {
            let m = map_mut(project, map)?;
            let old = std::mem::replace(&mut m.curves, curves);
            Ok(Edit::SetCurves { map, curves: old })
        }
        Edit::SetConnectors { map, connectors } => {
            let m = map_mut(project, map)?;
            let old = std::mem::replace(&mut m.connectors, connectors);
            Ok(Edit::SetConnectors {
                map,
                connectors: old,
            })
        }
        Edit::SetMapInfo { map, info } => {
            let m = map_mut(project, map)?;
            let old = MapInfo::of(m);
            info.put(m);
            Ok(Edit::SetMapInfo {
                map,
                info: Box::new(old),
            })
        }
        Edit::SetMap { id, index, value } => {
            let (value, index) = put(&mut project.maps, |m| m.id == id, index, value);
            Ok(Edit::SetMap { id, index, value })
        }
        Edit::SetPersona { id, index, value } => {
            let (value, index) = put(&mut project.personas, |p| p.id == id, index, value);
            Ok(Edit::SetPersona { id, index, value })
        }
        Edit::SetImage { id, index, value } => {
            let (value, index) = put(&mut project.images, |i| i.id == id, index, value);
            Ok(Edit::SetImage { id, index, value })
        }
        Edit::SetStakeholder { id, index, value } => {
            let (value, index) = put(&mut project.stakeholders, |s| s.id == id, index, value);
            Ok(Edit::SetStakeholder { id, index, value })
        }
        Edit::SetRelation { id, index, value } => {
            let (value, index) = put(&mut project.relations, |r| r.id == id, index, value);
            Ok(Edit::SetRelation { id, index, value })
        }
        Edit::SetEvidence { id, index, value } => {
            let (value, index) = put(&mut project.evidence, |e| e.id == id, index, value);
            Ok(Edit::SetEvidence { id, index, value })
        }
        Edit::SetDataset { id, index, value } => {
            let (value, index) = put(&mut project.datasets, |d| d.id == id, index, value);
            Ok(Edit::SetDataset { id, index, value })
        }
        Edit::SetRespondents(respondents) => Ok(Edit::SetRespondents(std::mem::replace(
            &mut project.respondents,
            respondents,
        ))),
        Edit::SetSnapshot { id, index, value } => {
            let (value, index) = put(&mut project.snapshots, |s| s.id == id, index, value);
            Ok(Edit::SetSnapshot { id, index, value })
        }
        Edit::SetOpportunity { id, index, value } => {
            let (value, index) = put(&mut project.opportunities, |o| o.id == id, index, value);
            Ok(Edit::SetOpportunity { id, index, value })
        }
        Edit::SetAction { id, index, value } => {
            let (value, index) = put(&mut project.actions, |a| a.id == id, index, value);
            Ok(Edit::SetAction { id, index, value })
        }
        Edit::SetComment { id, index, value } => {
            let (value, index) = put(&mut project.comments, |c| c.id == id, index, value);
            Ok(Edit::SetComment { id, index, value })
        }
        Edit::SetConflicts(conflicts) => Ok(Edit::SetConflicts(std::mem::replace(
            &mut project.conflicts,
            conflicts,
        ))),
        Edit::SetProjectInfo { title, description } => {
            let old_title = std::mem::replace(&mut project.title, title);
            let old_description = std::mem::replace(&mut project.description, description);
            Ok(Edit::SetProjectInfo {
                title: old_title,
                description: old_description,
            })
        }
    }
}

/// Puts `value` at `index` in `list` (replacing and moving the item `is_it` finds, or adding
/// it), or removes that item when `value` is `None`; returns what undoes it: the old value and
/// where it was.
fn put<T>(
    list: &mut Vec<T>,
    is_it: impl Fn(&T) -> bool,
    index: usize,
    value: Option<Box<T>>,
) -> (Option<Box<T>>, usize) {
    match (list.iter().position(is_it), value) {
        (Some(i), Some(new)) => {
            let old = list.remove(i);
            list.insert(index.min(list.len()), *new);
            (Some(Box::new(old)), i)
        }
        (Some(i), None) => (Some(Box::new(list.remove(i))), i),
        (None, Some(new)) => {
            let at = index.min(list.len());
            list.insert(at, *new);
            (None, at)
        }
        (None, None) => (None, index),
    }
}

fn map_mut(project: &mut Project, id: MapId) -> Result<&mut Map, EditError> {
    project
        .maps
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or(EditError::NoMap(id))
}

/// Approximate heap size of an edit in bytes, for bounding the history's memory.
pub fn weight(edit: &Edit) -> usize {
    fn text(s: &str) -> usize {
        s.len() + 24
    }
    fn card(c: &Card) -> usize {
        std::mem::size_of::<Card>()
            + text(&c.title)
            + text(&c.body)
            + text(&c.owner)
            + c.tags.iter().map(|t| text(t)).sum::<usize>()
            + c.evidence.len() * 8
    }
    fn map(m: &Map) -> usize {
        4096 + m.cards.iter().map(card).sum::<usize>()
            + m.stages.len() * 256
            + m.lanes.len() * 128
            + m.curves
                .iter()
                .map(|c| 128 + c.points.len() * 88)
                .sum::<usize>()
            + m.connectors.len() * 88
    }
    match edit {
        Edit::SetCard { value, .. } => 64 + value.as_deref().map_or(0, card),
        Edit::SetStages { stages, .. } => {
            64 + stages
                .iter()
                .map(|s| {
                    128 + text(&s.name)
                        + text(&s.description)
                        + text(&s.milestone)
                        + text(&s.success_criteria)
                })
                .sum::<usize>()
        }
        Edit::SetLanes { lanes, .. } => {
            64 + lanes.iter().map(|l| 96 + text(&l.name)).sum::<usize>()
        }
        Edit::SetCurves { curves, .. } => {
            64 + curves
                .iter()
                .map(|c| 128 + c.points.iter().map(|p| 64 + text(&p.label)).sum::<usize>())
                .sum::<usize>()
        }
        Edit::SetConnectors { connectors, .. } => {
            64 + connectors
                .iter()
                .map(|c| 64 + text(&c.label))
                .sum::<usize>()
        }
        Edit::SetMapInfo { info, .. } => {
            256 + text(&info.title)
                + text(&info.description)
                + text(&info.goal)
                + text(&info.scenario)
                + text(&info.expectations)
        }
        Edit::SetMap { value, .. } => 64 + value.as_deref().map_or(0, map),
        Edit::SetSnapshot { value, .. } => {
            64 + value.as_deref().map_or(0, |s| {
                map(&s.map)
                    + s.datasets
                        .iter()
                        .map(|d| 256 + d.values.len() * 64)
                        .sum::<usize>()
            })
        }
        Edit::SetAction { value, .. } => {
            64 + value.as_deref().map_or(0, |a| {
                256 + text(&a.title)
                    + text(&a.description)
                    + text(&a.impact_reason)
                    + text(&a.effort_reason)
                    + (a.cards.len() + a.stages.len()) * 8
            })
        }
        Edit::SetOpportunity { value, .. } => {
            64 + value.as_deref().map_or(0, |o| {
                128 + text(&o.title) + text(&o.description) + (o.cards.len() + o.stages.len()) * 8
            })
        }
        Edit::SetComment { value, .. } => {
            64 + value.as_deref().map_or(0, |c| {
                192 + text(&c.context)
                    + text(&c.author)
                    + text(&c.written)
                    + text(&c.text)
                    + c.replies
                        .iter()
                        .map(|r| 64 + text(&r.author) + text(&r.written) + text(&r.text))
                        .sum::<usize>()
            })
        }
        Edit::SetConflicts(list) => {
            32 + list
                .iter()
                .map(|c| {
                    64 + text(&c.place)
                        + text(&c.path)
                        + text(&c.base)
                        + text(&c.ours)
                        + text(&c.theirs)
                })
                .sum::<usize>()
        }
        Edit::SetPersona { value, .. } => {
            64 + value.as_deref().map_or(0, |p| {
                256 + text(&p.name)
                    + text(&p.role)
                    + text(&p.description)
                    + text(&p.quote)
                    + text(&p.behaviour)
                    + [&p.goals, &p.needs, &p.frustrations]
                        .iter()
                        .flat_map(|l| l.iter())
                        .map(|t| text(t))
                        .sum::<usize>()
            })
        }
        Edit::SetImage { value, .. } => {
            64 + value
                .as_deref()
                .map_or(0, |i| 64 + text(&i.name) + text(&i.data_base64))
        }
        Edit::SetStakeholder { value, .. } => {
            64 + value.as_deref().map_or(0, |s| {
                96 + text(&s.name) + text(&s.role) + text(&s.organisation)
            })
        }
        Edit::SetRelation { value, .. } => {
            64 + value
                .as_deref()
                .map_or(0, |r| 96 + text(&r.label) + text(&r.back))
        }
        Edit::SetEvidence { value, .. } => {
            64 + value.as_deref().map_or(0, |e| {
                96 + text(&e.text)
                    + text(&e.source)
                    + e.respondents.iter().map(|r| text(r)).sum::<usize>()
            })
        }
        Edit::SetDataset { value, .. } => {
            64 + value.as_deref().map_or(0, |d| {
                256 + text(&d.name)
                    + d.values
                        .iter()
                        .map(|v| 64 + text(&v.label) + text(&v.date))
                        .sum::<usize>()
            })
        }
        Edit::SetRespondents(list) => {
            32 + list
                .iter()
                .map(|r| 96 + text(&r.code) + text(&r.segment) + text(&r.name))
                .sum::<usize>()
        }
        Edit::SetProjectInfo { title, description } => 64 + text(title) + text(description),
        Edit::Batch(edits) => 32 + edits.iter().map(weight).sum::<usize>(),
    }
}
