//! The document and the disk: open, save, save as, recent files, the recovery journal and
//! what it offers after a crash, and starting an export.

use std::path::Path;
use std::time::Duration;

use super::{FieldFor, KlantreisApp, Pending, Recovery};
use crate::file;
use crate::i18n::{tr, tr_args};
use crate::ui::dialogs::{FieldAnswer, FieldKind, FileField, Recover, RecoverDialog};
use crate::ui::document::Document;
use crate::ui::messages;

impl KlantreisApp {
    /// Makes `doc` the open document, showing its first map.
    pub(super) fn set_document(&mut self, doc: Document) {
        // The work the journal held for the document being closed was saved or discarded.
        if let Some(entry) = self.recovery.entry.take() {
            entry.clear();
        }
        self.doc = doc;
        // What was said about the project closed does not concern this one.
        self.notices.clear();
        self.show_map(0);
        self.painted = None;
        self.start = None;
        self.recovery.journaled_revision = self.doc.revision();
        self.recovery.last_edit = None;
    }

    /// Opens `path` now (the caller asked about unsaved changes); a file that cannot be opened
    /// leaves the open project as it is and says why.
    pub(super) fn open_now(&mut self, path: &Path) {
        match file::load(path) {
            Ok(loaded) => {
                self.set_document(Document::new(loaded.project, Some(path.to_path_buf())));
                for w in &loaded.warnings {
                    self.notify(messages::load_warning(w));
                }
                self.remember_recent(path);
                self.announce_conflicts();
            }
            Err(e) => self.notify_error(messages::file_error(&e)),
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.remember_recent(path);
    }

    /// Saves to `path`; returns whether it worked.
    fn save_to(&mut self, path: &Path) -> bool {
        // Saved somewhere else: the data sets' files are named from the new place.
        if self.doc.path.as_deref() != Some(path)
            && let Some(edit) =
                crate::edit::data::rebased(&self.doc.project, self.doc.path.as_deref(), path)
        {
            self.apply(&tr("undo.data_paths"), edit);
        }
        // The file changed since it was read: its changes are merged in first, and a version
        // that cannot be read or merged is not overwritten.
        if self.doc.path.as_deref() == Some(path)
            && self.look_at_disk() == super::disk::Disk::Blocked
        {
            self.notify_error(tr("notice.save_blocked"));
            return false;
        }
        let mut project = self.doc.project.clone();
        project.modified = crate::model::time::now_rfc3339();
        match file::save(&project, path) {
            Ok(()) => {
                self.doc.project.modified = project.modified;
                self.doc.mark_saved(path.to_path_buf());
                self.remember_recent(path);
                if let Some(entry) = &self.recovery.entry {
                    entry.clear();
                }
                self.recovery.journaled_revision = self.doc.revision();
                true
            }
            Err(e) => {
                self.notify_error(messages::file_error(&e));
                false
            }
        }
    }

    /// Saves where the document came from, else asks where; returns whether it was saved
    /// now. When the built-in file field has to ask, `then` is carried out after its save.
    pub(super) fn save_then(&mut self, then: Option<Pending>) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(then),
        }
    }

    /// Asks where to save, then saves; returns whether it was saved now (see `save_then`).
    pub(super) fn save_as(&mut self, then: Option<Pending>) -> bool {
        let name = if self.doc.project.title.is_empty() {
            "project"
        } else {
            &self.doc.project.title
        };
        let suggested = format!("{name}{}", file::FILE_EXTENSION);
        match self.files.pick_save(&suggested) {
            Ok(Some(path)) => self.save_to(&path),
            Ok(None) => false,
            Err(_) => {
                self.ask_with_field(FieldFor::Save { then }, &suggested);
                false
            }
        }
    }

    /// Opens the built-in file field for `purpose`, starting in the document's folder (else
    /// the last one used, else the home folder) with `suggested` as the name.
    pub(super) fn ask_with_field(&mut self, purpose: FieldFor, suggested: &str) {
        let mut recent: Vec<std::path::PathBuf> = Vec::new();
        for folder in self.settings.recent.iter().filter_map(|p| p.parent()) {
            if !recent.iter().any(|r| r == folder) && recent.len() < 5 {
                recent.push(folder.to_path_buf());
            }
        }
        let preferred = match purpose {
            FieldFor::Export => self.export_folder(),
            _ => None,
        };
        let folder = preferred
            .or_else(|| {
                self.doc
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
            })
            .or_else(|| recent.first().cloned())
            .or_else(|| std::env::var_os("HOME").map(std::path::PathBuf::from))
            .unwrap_or_default();
        let kind = match &purpose {
            FieldFor::Open | FieldFor::CopyFrom | FieldFor::CopyTo(_) => FieldKind::Open,
            FieldFor::Picture(_) => FieldKind::Picture,
            FieldFor::Data => FieldKind::Data,
            FieldFor::ImportMap => FieldKind::Import,
            FieldFor::ImportReview => FieldKind::Review,
            FieldFor::Save { .. } => FieldKind::Save,
            FieldFor::Export => FieldKind::Export(self.dialogs.export.options.format.extension()),
        };
        let field = FileField::new(kind, &folder.join(suggested), recent);
        self.dialogs.file_field = Some((field, purpose));
    }

    /// Does what the file field's answer says, for what it was opened for.
    pub(super) fn answer_file_field(&mut self, answer: FieldAnswer, ctx: &egui::Context) {
        let Some((_, purpose)) = self.dialogs.file_field.take() else {
            return;
        };
        let FieldAnswer::Chosen(path) = answer else {
            return;
        };
        match purpose {
            FieldFor::Open => self.open_now(&path),
            FieldFor::Save { then } => {
                if self.save_to(&path)
                    && let Some(pending) = then
                {
                    self.proceed(pending, ctx);
                }
            }
            FieldFor::Export => self.export_to(path),
            FieldFor::Picture(persona) => self.use_photo_file(persona, &path),
            FieldFor::CopyFrom => self.offer_personas_from(path),
            FieldFor::CopyTo(ids) => self.copy_personas_into(&ids, &path),
            FieldFor::Data => self.start_import(path, ""),
            FieldFor::ImportMap => self.import_map(&path),
            FieldFor::ImportReview => self.import_review(&path),
        }
    }

    /// The folder chosen for exports in the settings, while it exists.
    fn export_folder(&self) -> Option<std::path::PathBuf> {
        self.settings
            .preferences
            .export_folder
            .clone()
            .filter(|f| f.is_dir())
    }

    /// Export settings are remembered per project file.
    pub(super) fn export_key(&self) -> String {
        self.doc
            .path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string())
    }

    /// Asks where to export (suggesting `file_name`), then exports there.
    pub(super) fn choose_export(&mut self, file_name: &str, extension: &str) {
        let folder = self.export_folder();
        match self
            .files
            .pick_export(file_name, extension, folder.as_deref())
        {
            Ok(Some(path)) => self.export_to(path),
            Ok(None) => {}
            Err(_) => self.ask_with_field(FieldFor::Export, file_name),
        }
    }

    /// Remembers the export options for this project and starts the export to `path` on its
    /// thread (never over the project itself).
    fn export_to(&mut self, path: std::path::PathBuf) {
        if self
            .doc
            .path
            .as_deref()
            .is_some_and(|p| file::same_file(p, &path))
        {
            self.notify_error(tr_args("export.onto_project", &[("path", &path.display())]));
            return;
        }
        let key = self.export_key();
        let options = self.dialogs.export.options.clone();
        self.settings.exports.insert(key, options);
        if let Some(map) = self.doc.project.maps.get(self.current_map) {
            self.dialogs.export.start(&self.doc.project, map, path);
        }
    }

    /// Offers the work in the recovery journal that no running window owns, one at a time.
    pub(super) fn offer_recovery(&mut self) {
        let Some(journal) = &self.recovery.journal else {
            return;
        };
        let mut found = Vec::new();
        for orphan in journal.orphans() {
            match orphan {
                Ok(recovered) => found.push(recovered),
                Err(e) => self.notify_error(tr_args(
                    "notice.journal_unreadable",
                    &[("error", &messages::file_error(&e))],
                )),
            }
        }
        // The last one first: `recover_next` is taken from its end.
        found.reverse();
        self.dialogs.recover_next = found;
        self.offer_next_recovery();
    }

    /// Shows the next recovered work waiting to be offered, if any.
    fn offer_next_recovery(&mut self) {
        let Some(recovered) = self.dialogs.recover_next.pop() else {
            return;
        };
        let source = recovered.source.as_ref().map_or_else(
            || tr("recover.unsaved_project").into_owned(),
            |p| p.display().to_string(),
        );
        let dialog = RecoverDialog {
            source,
            written: crate::dates::moment(&recovered.written, self.language),
        };
        self.dialogs.recover = Some((dialog, recovered));
    }

    /// Does what the answer to "Restore unsaved work?" says, then offers the next.
    pub(super) fn answer_recovery(&mut self, answer: Recover) {
        let Some((_, recovered)) = self.dialogs.recover.take() else {
            return;
        };
        let Some(journal) = self.recovery.journal.clone() else {
            return;
        };
        let entry = journal.adopt(&recovered.key);
        match answer {
            Recover::Restore => {
                let mut doc = Document::new(recovered.project, recovered.source);
                // What the file holds is the base a colleague's later save is merged against,
                // not the recovered work (whose changes would otherwise look like theirs).
                if let Some(path) = doc.path.clone() {
                    match file::load(&path) {
                        Ok(on_disk) => doc.rebase(
                            on_disk.project,
                            crate::file::watch::Fingerprint::of_file(&path),
                        ),
                        Err(_) => doc.disk = None,
                    }
                }
                doc.mark_unsaved();
                self.set_document(doc);
                // Its work goes on being journaled where it was found.
                self.recovery.entry = Some(entry);
            }
            Recover::Discard => entry.clear(),
        }
        self.offer_next_recovery();
    }

    /// Writes the recovery journal a while after the last edit (not during a drag).
    pub(super) fn keep_journal(&mut self, ctx: &egui::Context) {
        if self.recovery.journal.is_none()
            || !self.doc.is_dirty()
            || self.doc.revision() == self.recovery.journaled_revision
        {
            return;
        }
        let Some(last) = self.recovery.last_edit else {
            return;
        };
        let since = last.elapsed();
        let delay = self.settings.preferences.recovery_delay();
        if since < delay || self.canvas.is_dragging() {
            ctx.request_repaint_after(delay.saturating_sub(since).max(Duration::from_millis(100)));
            return;
        }
        let Recovery { journal, entry, .. } = &mut self.recovery;
        let Some(journal) = journal else { return };
        let entry = entry.get_or_insert_with(|| journal.entry());
        let written = entry.write(&self.doc.project, self.doc.path.as_deref());
        self.recovery.journaled_revision = self.doc.revision();
        if let Err(e) = written {
            self.notify_error(tr_args(
                "notice.journal_failed",
                &[("error", &messages::file_error(&e))],
            ));
        }
    }

    /// Writes the recovery journal now, whatever the delay (tests simulate a crash with it).
    pub fn flush_journal(&mut self) {
        self.recovery.last_edit =
            std::time::Instant::now().checked_sub(self.settings.preferences.recovery_delay());
        let Recovery { journal, entry, .. } = &mut self.recovery;
        let (Some(journal), true) = (journal, self.doc.is_dirty()) else {
            return;
        };
        let entry = entry.get_or_insert_with(|| journal.entry());
        if entry
            .write(&self.doc.project, self.doc.path.as_deref())
            .is_ok()
        {
            self.recovery.journaled_revision = self.doc.revision();
        }
    }
}
