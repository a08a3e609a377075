//! The app acting on the personas view: switching to it, editing personas, giving them photos
//! (picked or dropped) and copying them to and from other project files.

use std::path::Path;

use super::{FieldFor, KlantreisApp, View};
use crate::edit::personas as edits;
use crate::file::picture::{self, PictureError};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{Persona, PersonaId};
use crate::ui::personas::{CopyAnswer, CopyDialog, CopyDirection, Dropped, PersonaAnswer};

/// A picture that cannot be used, in the interface language.
fn picture_error(error: &PictureError) -> String {
    match error {
        PictureError::NotAPicture => tr("picture.not_a_picture").into_owned(),
        PictureError::FileTooLarge { size_mb, limit_mb } => tr_args(
            "picture.file_too_large",
            &[("size", size_mb), ("limit", limit_mb)],
        ),
        PictureError::TooManyPixels { width, height } => tr_args(
            "picture.too_many_pixels",
            &[
                ("width", width),
                ("height", height),
                ("limit", &picture::MAX_SIDE),
            ],
        ),
        PictureError::TooLargeToOpen { width, height } => tr_args(
            "picture.too_large_to_open",
            &[
                ("width", width),
                ("height", height),
                ("limit", &(picture::MAX_ALLOC / (1024 * 1024))),
            ],
        ),
        PictureError::Damaged(why) => tr_args("picture.damaged", &[("error", why)]),
    }
}

impl KlantreisApp {
    /// Shows the personas view (leaving workshop mode), with `selected` selected.
    pub(super) fn show_personas(&mut self, selected: Option<PersonaId>, ctx: &egui::Context) {
        if self.workshop.is_some() {
            self.toggle_workshop(ctx);
        }
        self.start = None;
        self.view = View::Personas;
        self.selection = crate::ui::selection::Selection::default();
        // The editor is never empty while there is a persona to show.
        let first = self.doc.project.personas.first().map(|p| p.id);
        self.personas.selected = selected.or(self.personas.selected).or(first);
    }

    /// Does what the personas view or its editor asked.
    pub(super) fn answer_persona(&mut self, answer: PersonaAnswer, ctx: &egui::Context) {
        let project = &self.doc.project;
        match answer {
            PersonaAnswer::Select(id) => self.personas.selected = Some(id),
            PersonaAnswer::Add => {
                let persona = Persona {
                    name: tr_args("personas.new_name", &[("n", &(project.personas.len() + 1))]),
                    ..Persona::default()
                };
                let id = persona.id;
                let edit = edits::add(project, persona);
                self.apply(&tr("undo.add_persona"), edit);
                self.personas.selected = Some(id);
            }
            PersonaAnswer::Duplicate(id) => {
                let Some(name) = project
                    .persona(id)
                    .map(|p| tr_args("personas.copy_name", &[("name", &p.name)]))
                else {
                    return;
                };
                if let Some((edit, copy)) = edits::duplicate(project, id, name) {
                    self.apply(&tr("undo.duplicate_persona"), edit);
                    self.personas.selected = Some(copy);
                }
            }
            PersonaAnswer::Delete(id) => {
                if let Some(edit) = edits::delete(project, id) {
                    self.apply(&tr("undo.delete_persona"), edit);
                }
            }
            PersonaAnswer::Move { id, to } => {
                if let Some(edit) = edits::move_to(project, id, to) {
                    self.apply(&tr("undo.move_persona"), edit);
                }
            }
            PersonaAnswer::Change { persona, merge } => {
                if let Some(edit) = edits::change(project, *persona) {
                    self.apply_merging(&tr("undo.edit_persona"), merge, edit);
                }
            }
            PersonaAnswer::PickPhoto(id) => match self.files.pick_picture() {
                Ok(Some(path)) => self.use_photo_file(id, &path),
                Ok(None) => {}
                Err(_) => self.ask_with_field(FieldFor::Picture(id), ""),
            },
            PersonaAnswer::DropPhoto { persona, file } => match file {
                Dropped::Path(path) => self.use_photo_file(persona, &path),
                Dropped::Bytes { name, bytes } => self.use_photo_bytes(persona, &name, &bytes),
            },
            PersonaAnswer::RemovePhoto(id) => {
                if let Some(edit) = edits::set_photo(project, id, None) {
                    self.apply(&tr("undo.remove_photo"), edit);
                }
            }
            PersonaAnswer::CopyFrom => match self.files.pick_open() {
                Ok(Some(path)) => self.offer_personas_from(path),
                Ok(None) => {}
                Err(_) => self.ask_with_field(FieldFor::CopyFrom, ""),
            },
            PersonaAnswer::CopyTo => {
                let ticked: Vec<PersonaId> = self.personas.selected.into_iter().collect();
                self.dialogs.copy_personas =
                    Some(CopyDialog::new(CopyDirection::To, project, &ticked));
            }
            PersonaAnswer::Back => self.view = View::Map,
            PersonaAnswer::Open(selected) => self.show_personas(selected, ctx),
        }
    }

    /// Reads the picture at `path` (refusing one too large to read) and makes it the photo of
    /// `persona`.
    pub(super) fn use_photo_file(&mut self, persona: PersonaId, path: &Path) {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let size = std::fs::metadata(path).map(|m| m.len());
        let bytes = match size {
            Ok(size) if size > picture::MAX_FILE_BYTES as u64 => {
                Err(picture_error(&PictureError::FileTooLarge {
                    size_mb: size.div_ceil(1024 * 1024) as usize,
                    limit_mb: picture::MAX_FILE_BYTES / (1024 * 1024),
                }))
            }
            Ok(_) => std::fs::read(path).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match bytes {
            Ok(bytes) => self.use_photo_bytes(persona, &name, &bytes),
            Err(why) => self.notify_error(tr_args(
                "picture.cannot_use",
                &[("file", &path.display()), ("error", &why)],
            )),
        }
    }

    /// Makes the picture `bytes` (from the file `name`) the photo of `persona`.
    fn use_photo_bytes(&mut self, persona: PersonaId, name: &str, bytes: &[u8]) {
        match picture::import_photo(bytes, name) {
            Ok(image) => {
                if let Some(edit) = edits::set_photo(&self.doc.project, persona, Some(image)) {
                    self.apply(&tr("undo.set_photo"), edit);
                }
            }
            Err(e) => self.notify_error(tr_args(
                "picture.cannot_use",
                &[("file", &name), ("error", &picture_error(&e))],
            )),
        }
    }

    /// Reads the project at `path` and offers its personas to copy in.
    pub(super) fn offer_personas_from(&mut self, path: std::path::PathBuf) {
        match crate::file::load(&path) {
            Ok(loaded) if loaded.project.personas.is_empty() => self.notify_error(tr_args(
                "personas.copy_from.empty",
                &[("file", &path.display())],
            )),
            Ok(loaded) => {
                let source = Box::new(loaded.project);
                let dialog = CopyDialog::new(
                    CopyDirection::From {
                        path,
                        source: source.clone(),
                    },
                    &source,
                    &[],
                );
                self.dialogs.copy_personas = Some(dialog);
            }
            Err(e) => self.notify_error(crate::ui::messages::file_error(&e)),
        }
    }

    /// Does what the copy dialog answered.
    pub(super) fn answer_copy_personas(&mut self, answer: CopyAnswer) {
        let Some(dialog) = self.dialogs.copy_personas.take() else {
            return;
        };
        let CopyAnswer::Copy(ids) = answer else {
            return;
        };
        match dialog.direction {
            CopyDirection::From { source, .. } => {
                let edit = edits::copy_from(&self.doc.project, &source, &ids);
                self.apply(&tr("undo.copy_personas"), edit);
                self.view = View::Personas;
                self.notify(tr_count("personas.copied_in", ids.len()));
            }
            CopyDirection::To => match self.files.pick_open() {
                Ok(Some(path)) => self.copy_personas_into(&ids, &path),
                Ok(None) => {}
                Err(_) => self.ask_with_field(FieldFor::CopyTo(ids), ""),
            },
        }
    }

    /// Adds the personas `ids` of the open project to the project file at `path`, saved in
    /// place (atomically, with its backup); the open project is not changed.
    pub(super) fn copy_personas_into(&mut self, ids: &[PersonaId], path: &Path) {
        if self
            .doc
            .path
            .as_deref()
            .is_some_and(|own| crate::file::same_file(own, path))
        {
            self.notify_error(tr("personas.copy_to.same"));
            return;
        }
        let mut target = match crate::file::load(path) {
            Ok(loaded) => loaded.project,
            Err(e) => {
                self.notify_error(crate::ui::messages::file_error(&e));
                return;
            }
        };
        let edit = edits::copy_from(&target, &self.doc.project, ids);
        if let Err(e) = crate::edit::apply(&mut target, edit) {
            self.notify_error(e.to_string());
            return;
        }
        target.modified = crate::model::time::now_rfc3339();
        match crate::file::save(&target, path) {
            Ok(()) => self.notify(tr_args(
                "personas.copied_out",
                &[
                    ("count", &tr_count("personas.count", ids.len())),
                    ("file", &path.display()),
                ],
            )),
            Err(e) => self.notify_error(crate::ui::messages::file_error(&e)),
        }
    }
}
