//! Edits to the project's personas: add, change, duplicate, reorder, delete, give a photo, and
//! copy personas (with their photos) from another project.

use std::collections::HashSet;

use super::{Edit, MapInfo};
use crate::model::{EmbeddedImage, ImageId, Persona, PersonaId, Project};

/// Puts `persona` at `index` (adding it, or replacing and moving the one with its id).
pub fn put(index: usize, persona: Persona) -> Edit {
    Edit::SetPersona {
        id: persona.id,
        index,
        value: Some(Box::new(persona)),
    }
}

/// Adds `persona` at the end.
pub fn add(project: &Project, persona: Persona) -> Edit {
    put(project.personas.len(), persona)
}

/// Replaces the persona with `persona.id` where it is.
pub fn change(project: &Project, persona: Persona) -> Option<Edit> {
    let index = project.personas.iter().position(|p| p.id == persona.id)?;
    Some(put(index, persona))
}

/// A copy of persona `id` named `name`, right after it; it shares the original's photo.
pub fn duplicate(project: &Project, id: PersonaId, name: String) -> Option<(Edit, PersonaId)> {
    let index = project.personas.iter().position(|p| p.id == id)?;
    let copy = Persona {
        id: PersonaId::random(),
        name,
        ..project.personas[index].clone()
    };
    let new_id = copy.id;
    Some((put(index + 1, copy), new_id))
}

/// Moves persona `id` to position `to`.
pub fn move_to(project: &Project, id: PersonaId, to: usize) -> Option<Edit> {
    let persona = project.persona(id)?.clone();
    Some(put(to, persona))
}

/// Removes persona `id`: from the maps that follow it, from the curves drawn for it (they stay,
/// for nobody in particular), and its photo when no other persona shows it.
pub fn delete(project: &Project, id: PersonaId) -> Option<Edit> {
    let index = project.personas.iter().position(|p| p.id == id)?;
    let mut edits = Vec::new();
    for map in &project.maps {
        if map.personas.contains(&id) {
            let mut info = MapInfo::of(map);
            info.personas.retain(|p| *p != id);
            edits.push(Edit::SetMapInfo {
                map: map.id,
                info: Box::new(info),
            });
        }
        if map.curves.iter().any(|c| c.persona == Some(id)) {
            let mut curves = map.curves.clone();
            for curve in &mut curves {
                if curve.persona == Some(id) {
                    curve.persona = None;
                }
            }
            edits.push(Edit::SetCurves {
                map: map.id,
                curves,
            });
        }
    }
    edits.push(Edit::SetPersona {
        id,
        index,
        value: None,
    });
    if let Some(image) = project.personas[index].image {
        edits.extend(drop_unused_image(project, image, id));
    }
    Some(Edit::Batch(edits))
}

/// Removes `image` when no persona but `leaving` shows it.
fn drop_unused_image(project: &Project, image: ImageId, leaving: PersonaId) -> Option<Edit> {
    let shared = project
        .personas
        .iter()
        .any(|p| p.id != leaving && p.image == Some(image));
    let index = project.images.iter().position(|i| i.id == image)?;
    (!shared).then_some(Edit::SetImage {
        id: image,
        index,
        value: None,
    })
}

/// Gives persona `id` the photo `image` (or none), dropping its old photo when nobody else
/// shows it.
pub fn set_photo(project: &Project, id: PersonaId, image: Option<EmbeddedImage>) -> Option<Edit> {
    let persona = project.persona(id)?;
    let mut edits = Vec::new();
    let mut changed = persona.clone();
    changed.image = image.as_ref().map(|i| i.id);
    if let Some(image) = image {
        edits.push(Edit::SetImage {
            id: image.id,
            index: project.images.len(),
            value: Some(Box::new(image)),
        });
    }
    edits.push(change(project, changed)?);
    if let Some(old) = persona.image {
        edits.extend(drop_unused_image(project, old, id));
    }
    Some(Edit::Batch(edits))
}

/// Copies the personas `ids` of `source` into `project`, with their photos. A persona or photo
/// whose id `project` already uses gets a new id, so copying twice gives two copies rather than
/// overwriting the first.
pub fn copy_from(project: &Project, source: &Project, ids: &[PersonaId]) -> Edit {
    let mut taken_personas: HashSet<PersonaId> = project.personas.iter().map(|p| p.id).collect();
    let mut taken_images: HashSet<ImageId> = project.images.iter().map(|i| i.id).collect();
    let mut edits = Vec::new();
    let mut images_at = project.images.len();
    let chosen = source.personas.iter().filter(|p| ids.contains(&p.id));
    for (personas_at, persona) in (project.personas.len()..).zip(chosen) {
        let mut copy = persona.clone();
        if !taken_personas.insert(copy.id) {
            copy.id = PersonaId::random();
            taken_personas.insert(copy.id);
        }
        copy.image = persona
            .image
            .and_then(|id| source.images.iter().find(|i| i.id == id))
            .map(|image| {
                let mut image = image.clone();
                if !taken_images.insert(image.id) {
                    image.id = ImageId::random();
                    taken_images.insert(image.id);
                }
                let id = image.id;
                edits.push(Edit::SetImage {
                    id,
                    index: images_at,
                    value: Some(Box::new(image)),
                });
                images_at += 1;
                id
            });
        edits.push(put(personas_at, copy));
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::{EmotionCurve, Map};

    fn photo() -> EmbeddedImage {
        let mut png = Vec::new();
        image::RgbaImage::new(8, 8)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("encode");
        crate::file::picture::import_photo(&png, "anna.png").expect("a photo")
    }

    /// Applies the edit `make` builds from the project as it is.
    fn run(project: &mut Project, make: impl FnOnce(&Project) -> Option<Edit>) -> Edit {
        let edit = make(project).expect("the edit can be made");
        apply(project, edit).expect("applies")
    }

    fn project() -> (Project, PersonaId) {
        let anna = Persona {
            name: "Anna".to_owned(),
            ..Persona::default()
        };
        let id = anna.id;
        let map = Map {
            personas: vec![id],
            curves: vec![EmotionCurve {
                persona: Some(id),
                ..EmotionCurve::default()
            }],
            ..Map::default()
        };
        let project = Project {
            personas: vec![anna],
            maps: vec![map],
            ..Project::default()
        };
        (project, id)
    }

    #[test]
    fn deleting_a_persona_unlinks_it_everywhere_and_undo_restores_all() {
        let (mut project, id) = project();
        let with_photo = set_photo(&project, id, Some(photo())).expect("persona");
        apply(&mut project, with_photo).expect("applies");
        let before = project.clone();
        let edit = delete(&project, id).expect("persona");
        let undo = apply(&mut project, edit).expect("applies");
        assert!(project.personas.is_empty());
        assert!(project.images.is_empty(), "its photo went with it");
        assert!(project.maps[0].personas.is_empty());
        assert_eq!(project.maps[0].curves[0].persona, None);
        assert!(crate::file::validate(&project, &crate::model::Limits::default()).is_empty());
        apply(&mut project, undo).expect("undo");
        assert_eq!(project, before);
    }

    #[test]
    fn a_shared_photo_stays_while_a_duplicate_shows_it() {
        let (mut project, id) = project();
        run(&mut project, |p| set_photo(p, id, Some(photo())));
        let (dup, copy) = duplicate(&project, id, "Anna 2".to_owned()).expect("persona");
        apply(&mut project, dup).expect("ok");
        assert_eq!(project.personas[1].id, copy);
        assert_eq!(project.personas[1].name, "Anna 2");
        assert_eq!(project.personas[1].image, project.personas[0].image);
        run(&mut project, |p| delete(p, id));
        assert_eq!(project.images.len(), 1, "the copy still shows it");
        // A new photo replaces the old one, which nobody shows any more.
        let new = photo();
        let new_id = new.id;
        run(&mut project, |p| set_photo(p, copy, Some(new)));
        assert_eq!(
            project.images.iter().map(|i| i.id).collect::<Vec<_>>(),
            vec![new_id]
        );
    }

    #[test]
    fn copying_personas_brings_their_photos_and_never_overwrites() {
        let (mut source, id) = project();
        run(&mut source, |p| set_photo(p, id, Some(photo())));
        let mut target = Project::default();
        run(&mut target, |p| Some(copy_from(p, &source, &[id])));
        run(&mut target, |p| Some(copy_from(p, &source, &[id])));
        assert_eq!(target.personas.len(), 2);
        assert_eq!(target.images.len(), 2);
        assert_ne!(target.personas[0].id, target.personas[1].id);
        assert_eq!(target.personas[1].image, Some(target.images[1].id));
        assert!(crate::file::validate(&target, &crate::model::Limits::default()).is_empty());
    }

    #[test]
    fn moving_a_persona_keeps_the_others_in_order() {
        let (mut project, a) = project();
        let b = Persona::default();
        let c = Persona::default();
        let (b_id, c_id) = (b.id, c.id);
        run(&mut project, |p| Some(add(p, b)));
        run(&mut project, |p| Some(add(p, c)));
        run(&mut project, |p| move_to(p, c_id, 0));
        let order: Vec<PersonaId> = project.personas.iter().map(|p| p.id).collect();
        assert_eq!(order, vec![c_id, a, b_id]);
    }
}
