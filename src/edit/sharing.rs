//! Edits that keep a map current and shared: taking, renaming, restoring and deleting
//! snapshots, and settling a merge's conflicts. Each is one undo step.

use crate::model::{MapId, Project, Snapshot, SnapshotId};

use super::Edit;

/// A snapshot of `map` as it is now, labelled `label`, with the map's data sets.
pub fn snapshot_of(project: &Project, map: MapId, label: &str, taken: String) -> Option<Snapshot> {
    let m = project.map(map)?;
    Some(Snapshot {
        label: label.trim().to_owned(),
        taken,
        map: m.clone(),
        datasets: project
            .datasets
            .iter()
            .filter(|d| d.map == Some(map))
            .cloned()
            .collect(),
        ..Snapshot::default()
    })
}

/// Takes a snapshot of `map` (after the others), at the time `taken` (RFC 3339).
pub fn take(project: &Project, map: MapId, label: &str, taken: String) -> Option<Edit> {
    let snapshot = snapshot_of(project, map, label, taken)?;
    Some(Edit::SetSnapshot {
        id: snapshot.id,
        index: project.snapshots.len(),
        value: Some(Box::new(snapshot)),
    })
}

/// Gives a snapshot another label.
pub fn relabel(project: &Project, id: SnapshotId, label: &str) -> Option<Edit> {
    let index = project.snapshots.iter().position(|s| s.id == id)?;
    let mut snapshot = project.snapshots[index].clone();
    label.trim().clone_into(&mut snapshot.label);
    Some(Edit::SetSnapshot {
        id,
        index,
        value: Some(Box::new(snapshot)),
    })
}

/// Deletes a snapshot.
pub fn delete(project: &Project, id: SnapshotId) -> Option<Edit> {
    let index = project.snapshots.iter().position(|s| s.id == id)?;
    Some(Edit::SetSnapshot {
        id,
        index,
        value: None,
    })
}

/// Puts the map back as the snapshot has it, and its data sets as they were; a map deleted
/// since comes back at the end. What the snapshot refers to that the project no longer has (a
/// persona, a piece of evidence, a map a stage zoomed into) is left out, so the result is a
/// project the file accepts.
pub fn restore(project: &Project, id: SnapshotId) -> Option<Edit> {
    let snapshot = project.snapshot(id)?;
    let mut map = snapshot.map.clone();
    map.personas.retain(|p| project.persona(*p).is_some());
    for curve in &mut map.curves {
        if curve.persona.is_some_and(|p| project.persona(p).is_none()) {
            curve.persona = None;
        }
    }
    for stage in &mut map.stages {
        stage.evidence.retain(|e| project.evidence(*e).is_some());
        if stage
            .journey
            .is_some_and(|j| j == map.id || project.map(j).is_none())
        {
            stage.journey = None;
        }
    }
    for card in &mut map.cards {
        card.evidence.retain(|e| project.evidence(*e).is_some());
    }
    for lane in &mut map.lanes {
        lane.datasets.retain(|d| {
            project.dataset(*d).is_some() || snapshot.datasets.iter().any(|s| s.id == *d)
        });
    }
    let index = project
        .maps
        .iter()
        .position(|m| m.id == map.id)
        .unwrap_or(project.maps.len());
    let mut edits = vec![Edit::SetMap {
        id: map.id,
        index,
        value: Some(Box::new(map)),
    }];
    for d in &snapshot.datasets {
        let index = project
            .datasets
            .iter()
            .position(|x| x.id == d.id)
            .unwrap_or(project.datasets.len());
        edits.push(Edit::SetDataset {
            id: d.id,
            index,
            value: Some(Box::new(d.clone())),
        });
    }
    Some(Edit::Batch(edits))
}

/// The edits that turn `old` into `new`, piece by piece (each changed map, persona, data set…
/// put whole), or `None` when something changed that no edit puts (the language, the authors).
pub fn between(old: &Project, new: &Project) -> Option<Edit> {
    if old.language != new.language || old.authors != new.authors {
        return None;
    }
    let mut edits = Vec::new();
    if old.title != new.title || old.description != new.description {
        edits.push(Edit::SetProjectInfo {
            title: new.title.clone(),
            description: new.description.clone(),
        });
    }
    if old.respondents != new.respondents {
        edits.push(Edit::SetRespondents(new.respondents.clone()));
    }
    if old.conflicts != new.conflicts {
        edits.push(Edit::SetConflicts(new.conflicts.clone()));
    }
    macro_rules! lists {
        ($field:ident, $variant:ident) => {
            for (i, o) in old.$field.iter().enumerate().rev() {
                if !new.$field.iter().any(|n| n.id == o.id) {
                    edits.push(Edit::$variant {
                        id: o.id,
                        index: i,
                        value: None,
                    });
                }
            }
            for (i, n) in new.$field.iter().enumerate() {
                let same_place = old.$field.get(i) == Some(n);
                if !same_place {
                    edits.push(Edit::$variant {
                        id: n.id,
                        index: i,
                        value: Some(Box::new(n.clone())),
                    });
                }
            }
        };
    }
    lists!(images, SetImage);
    lists!(personas, SetPersona);
    lists!(stakeholders, SetStakeholder);
    lists!(relations, SetRelation);
    lists!(evidence, SetEvidence);
    lists!(datasets, SetDataset);
    lists!(snapshots, SetSnapshot);
    lists!(maps, SetMap);
    lists!(opportunities, SetOpportunity);
    lists!(actions, SetAction);
    lists!(comments, SetComment);
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Of two snapshots, the one named is relabelled and deleted, in its place; undo puts it
    /// back where it was.
    #[test]
    fn a_snapshot_is_changed_and_deleted_by_its_id_in_its_place() {
        let mut p = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let map = p.maps[0].id;
        for label in ["Q1", "Q2", "Q3"] {
            let edit = take(&p, map, label, "2026-03-31T16:00:00Z".into()).unwrap();
            crate::edit::apply(&mut p, edit).unwrap();
        }
        let labels =
            |p: &Project| -> Vec<String> { p.snapshots.iter().map(|s| s.label.clone()).collect() };
        let q2 = p.snapshots[1].id;
        let edit = relabel(&p, q2, " Q2 zoals het was ").unwrap();
        let undo = crate::edit::apply(&mut p, edit).unwrap();
        assert_eq!(labels(&p), ["Q1", "Q2 zoals het was", "Q3"]);
        crate::edit::apply(&mut p, undo).unwrap();
        assert_eq!(labels(&p), ["Q1", "Q2", "Q3"]);
        let edit = delete(&p, q2).unwrap();
        let undo = crate::edit::apply(&mut p, edit).unwrap();
        assert_eq!(labels(&p), ["Q1", "Q3"]);
        crate::edit::apply(&mut p, undo).unwrap();
        assert_eq!(labels(&p), ["Q1", "Q2", "Q3"]);
        assert!(relabel(&p, SnapshotId(7), "x").is_none());
        assert!(delete(&p, SnapshotId(7)).is_none());
    }

    fn example() -> Project {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        crate::file::load(&path).unwrap().project
    }

    /// A snapshot keeps the map as it is, its own data sets only, the label trimmed and the
    /// time given.
    #[test]
    fn a_snapshot_holds_the_map_and_its_own_data_sets() {
        let mut p = example();
        let map = p.maps[0].id;
        p.datasets.push(crate::model::Dataset {
            name: "Elders".into(),
            map: Some(crate::model::MapId(3)),
            ..crate::model::Dataset::default()
        });
        let s = snapshot_of(&p, map, "  Q4 2026 ", "2026-12-07T10:00:00Z".into()).unwrap();
        assert_eq!(
            (s.label.as_str(), s.taken.as_str()),
            ("Q4 2026", "2026-12-07T10:00:00Z")
        );
        assert_eq!(s.map, p.maps[0]);
        let names: Vec<&str> = s.datasets.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Gesprekken contactcentrum", "CSAT"]);
        assert!(snapshot_of(&p, crate::model::MapId(9), "x", String::new()).is_none());
    }

    /// Restoring puts the map and its data sets back as they were, and leaves out what the
    /// project no longer has (a persona, evidence, a map a stage zoomed into), so the file
    /// accepts it; a map deleted since comes back.
    #[test]
    fn a_restore_puts_back_the_map_without_what_the_project_no_longer_has() {
        let mut p = example();
        let id = p.snapshots[0].id;
        let as_it_was = p.snapshots[0].map.clone();
        // Since then: the persona and a quote went, a stage zooms into a map that is gone.
        let persona = p.personas[0].id;
        p.personas.clear();
        p.maps[0].personas.clear();
        for c in &mut p.maps[0].curves {
            c.persona = None;
        }
        let quote = p.snapshots[0]
            .map
            .cards
            .iter()
            .flat_map(|c| &c.evidence)
            .next()
            .copied()
            .unwrap();
        p.evidence.retain(|e| e.id != quote);
        for c in &mut p.maps[0].cards {
            c.evidence.retain(|e| *e != quote);
        }
        p.snapshots[0].map.stages[0].journey = Some(crate::model::MapId(4));
        p.snapshots[0].map.stages[1].journey = Some(p.maps[0].id);
        p.maps[0].cards.clear();
        let edit = restore(&p, id).unwrap();
        // As the history applies it: what the actions addressed that the snapshot lacks is let go.
        crate::edit::apply_tidy(&mut p, edit).unwrap();
        assert!(crate::file::validate(&p, &crate::model::Limits::default()).is_empty());
        let m = &p.maps[0];
        assert_eq!(m.cards.len(), as_it_was.cards.len());
        assert!(!m.personas.contains(&persona));
        assert!(m.curves.iter().all(|c| c.persona.is_none()));
        assert!(m.cards.iter().all(|c| !c.evidence.contains(&quote)));
        assert_eq!((m.stages[0].journey, m.stages[1].journey), (None, None));
        assert_eq!(m.lanes, as_it_was.lanes, "its data sets are in the project");
        // A map deleted since comes back at the end.
        let map = p.maps[0].id;
        p.maps.clear();
        p.datasets.retain(|d| d.map != Some(map));
        let edit = restore(&p, id).unwrap();
        crate::edit::apply_tidy(&mut p, edit).unwrap();
        assert_eq!(p.maps.len(), 1);
        assert_eq!(p.datasets.len(), 2);
        assert!(restore(&p, SnapshotId(7)).is_none());
    }
}

#[cfg(test)]
mod between_tests {
    use super::*;
    use crate::model::{Comment, CommentId, EmbeddedImage, ImageId, Target};

    /// The edits `between` gives turn the old project into the new one, whatever list changed
    /// (a persona gone, a picture, an action and a comment added, a map's title), and undo
    /// turns it back; a changed language is no edit.
    #[test]
    fn the_edits_between_two_projects_turn_one_into_the_other_and_back() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/waterschade-claim.klantreis.ron");
        let old = crate::file::load(&path).unwrap().project;
        let mut new = old.clone();
        new.title = "Nieuw".into();
        new.personas.remove(0);
        new.images.push(EmbeddedImage {
            id: ImageId(77),
            ..old.images.first().cloned().unwrap_or_default()
        });
        new.actions.reverse();
        new.actions[0].title = "Anders".into();
        new.opportunities.clear();
        new.comments.push(Comment {
            id: CommentId(5),
            map: new.maps[0].id,
            on: Target::Map,
            text: "Nieuw".into(),
            ..Comment::default()
        });
        new.maps[0].title = "Andere kaart".into();
        let mut p = old.clone();
        let undo = crate::edit::apply(&mut p, between(&old, &new).unwrap()).unwrap();
        assert_eq!(p, new);
        crate::edit::apply(&mut p, undo).unwrap();
        assert_eq!(p, old);
        assert!(matches!(between(&old, &old), Some(Edit::Batch(v)) if v.is_empty()));
        let other_language = Project {
            language: "en".into(),
            ..old.clone()
        };
        assert!(between(&old, &other_language).is_none());
    }
}
