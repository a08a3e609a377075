//! Edits to the stakeholder map: stakeholders (added, changed, moved on their ring, deleted
//! with their relations) and the relations between them.

use super::Edit;
use crate::model::{Project, Relation, RelationId, Stakeholder, StakeholderId};

/// Puts `stakeholder` at `index` (adding it, or replacing the one with its id).
fn put(index: usize, stakeholder: Stakeholder) -> Edit {
    Edit::SetStakeholder {
        id: stakeholder.id,
        index,
        value: Some(Box::new(stakeholder)),
    }
}

/// Adds `stakeholder` at the end.
pub fn add(project: &Project, stakeholder: Stakeholder) -> Edit {
    put(project.stakeholders.len(), stakeholder)
}

/// Replaces the stakeholder with `stakeholder.id` where it is (its words, its ring, its place).
pub fn change(project: &Project, stakeholder: Stakeholder) -> Option<Edit> {
    let index = project
        .stakeholders
        .iter()
        .position(|s| s.id == stakeholder.id)?;
    Some(put(index, stakeholder))
}

/// Removes stakeholder `id` and every relation it has. Touchpoints and actions it owned keep
/// the name as free text (the analysis then says that owner is not on the stakeholder map).
pub fn delete(project: &Project, id: StakeholderId) -> Option<Edit> {
    let index = project.stakeholders.iter().position(|s| s.id == id)?;
    let mut edits: Vec<Edit> = project
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.from == id || r.to == id)
        .map(|(i, r)| Edit::SetRelation {
            id: r.id,
            index: i,
            value: None,
        })
        .rev()
        .collect();
    let name = project.stakeholders[index].name.trim().to_owned();
    for (i, a) in project.actions.iter().enumerate() {
        if a.owner == Some(crate::model::Owner::Stakeholder(id)) {
            let mut a = a.clone();
            a.owner = (!name.is_empty()).then(|| crate::model::Owner::Named(name.clone()));
            edits.push(Edit::SetAction {
                id: a.id,
                index: i,
                value: Some(Box::new(a)),
            });
        }
    }
    edits.push(Edit::SetStakeholder {
        id,
        index,
        value: None,
    });
    Some(Edit::Batch(edits))
}

/// The angle on `ring` farthest from the stakeholders already on it (the top when it is
/// empty), so a new one does not land on another.
pub fn roomiest_angle(project: &Project, ring: crate::model::Ring) -> f32 {
    let mut taken: Vec<f32> = project
        .stakeholders
        .iter()
        .filter(|s| s.ring == ring && s.angle.is_finite())
        .map(|s| s.angle.rem_euclid(360.0))
        .collect();
    if taken.is_empty() {
        return 0.0;
    }
    taken.sort_by(f32::total_cmp);
    // The middle of the widest gap between neighbours, round the circle.
    let mut best = (0.0_f32, 0.0_f32);
    for (i, a) in taken.iter().enumerate() {
        let next = taken.get(i + 1).copied().unwrap_or(taken[0] + 360.0);
        let gap = next - a;
        if gap > best.0 {
            best = (gap, (a + gap / 2.0).rem_euclid(360.0));
        }
    }
    best.1
}

/// Adds `relation` at the end.
pub fn add_relation(project: &Project, relation: Relation) -> Edit {
    Edit::SetRelation {
        id: relation.id,
        index: project.relations.len(),
        value: Some(Box::new(relation)),
    }
}

/// Replaces the relation with `relation.id` where it is.
pub fn change_relation(project: &Project, relation: Relation) -> Option<Edit> {
    let index = project.relations.iter().position(|r| r.id == relation.id)?;
    Some(Edit::SetRelation {
        id: relation.id,
        index,
        value: Some(Box::new(relation)),
    })
}

/// Removes relation `id`.
pub fn delete_relation(project: &Project, id: RelationId) -> Option<Edit> {
    let index = project.relations.iter().position(|r| r.id == id)?;
    Some(Edit::SetRelation {
        id,
        index,
        value: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::Ring;

    #[test]
    fn a_new_stakeholder_goes_where_its_ring_has_most_room() {
        let on = |angle: f32| Stakeholder {
            ring: Ring::Core,
            angle,
            ..Stakeholder::default()
        };
        let mut project = Project::default();
        assert!(roomiest_angle(&project, Ring::Core).abs() < f32::EPSILON);
        project.stakeholders = vec![on(0.0)];
        assert!((roomiest_angle(&project, Ring::Core) - 180.0).abs() < 0.01);
        project.stakeholders = vec![on(350.0), on(20.0), on(100.0)];
        // The widest gap runs from 100 round to 350: its middle is 225.
        assert!((roomiest_angle(&project, Ring::Core) - 225.0).abs() < 0.01);
        // Other rings are not in the way.
        assert!(roomiest_angle(&project, Ring::Direct).abs() < f32::EPSILON);
    }

    #[test]
    fn deleting_a_stakeholder_takes_its_relations_and_undo_brings_all_back() {
        let a = Stakeholder::default();
        let b = Stakeholder::default();
        let c = Stakeholder::default();
        let relation = |from: StakeholderId, to: StakeholderId| Relation {
            from,
            to,
            ..Relation::default()
        };
        let mut project = Project {
            relations: vec![
                relation(a.id, b.id),
                relation(b.id, c.id),
                relation(c.id, a.id),
            ],
            stakeholders: vec![a.clone(), b.clone(), c.clone()],
            ..Project::default()
        };
        let before = project.clone();
        let edit = delete(&project, a.id).expect("a stakeholder");
        let undo = apply(&mut project, edit).expect("applies");
        assert_eq!(project.stakeholders.len(), 2);
        assert_eq!(project.relations.len(), 1);
        assert_eq!(
            (project.relations[0].from, project.relations[0].to),
            (b.id, c.id)
        );
        assert!(crate::file::validate(&project, &crate::model::Limits::default()).is_empty());
        apply(&mut project, undo).expect("undo");
        assert_eq!(project, before);
    }
}
