//! A colleague's save: the open file is watched (`file::watch`); when what is on disk is no
//! longer what this window last read or wrote, it is brought in. Without local edits the
//! project is reloaded as one undo step; with them, the disk's version is merged with the
//! local one by the three-way merge (base: what was last read or saved), the conflicts listed
//! under Versions for picking. A save first does the same, so it never replaces a file that
//! changed since it was read without that merge.

use super::KlantreisApp;
use crate::file::{self, watch::Fingerprint};
use crate::i18n::{tr, tr_args};
use crate::model::Side;

/// What looking at the file on disk found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Disk {
    /// It holds what this window last read or wrote (or there is no file).
    Same,
    /// It changed and its changes are in the project now.
    Brought,
    /// It changed but cannot be read or merged: saving over it would lose it.
    Blocked,
}

impl KlantreisApp {
    /// Keeps the watcher on the document's file and brings in a change it saw.
    pub(super) fn keep_watching(&mut self, ctx: &egui::Context) {
        // Set up once per file (also when it cannot be watched), not tried again every frame.
        if self.watched_path != self.doc.path {
            self.watched_path.clone_from(&self.doc.path);
            self.watch = self.doc.path.as_deref().and_then(|path| {
                let ctx = ctx.clone();
                file::watch::Watcher::new(path, move || ctx.request_repaint())
                    .map_err(|e| log::warn!("not watching {}: {e}", path.display()))
                    .ok()
            });
        }
        if self
            .watch
            .as_ref()
            .is_some_and(file::watch::Watcher::take_changed)
        {
            self.look_at_disk();
        }
    }

    /// Compares the file with what was last read or written, and brings its changes in.
    pub(super) fn look_at_disk(&mut self) -> Disk {
        let Some(path) = self.doc.path.clone() else {
            return Disk::Same;
        };
        let now = Fingerprint::of_file(&path);
        let name = self.doc.display_name();
        if now == self.doc.disk {
            return Disk::Same;
        }
        let Some(now) = now else {
            // Moved or deleted: a save writes it again, nothing to merge.
            if self.doc.disk.take().is_some() {
                self.notify(tr_args("notice.disk_gone", &[("file", &name)]));
            }
            return Disk::Same;
        };
        let theirs = match file::load(&path) {
            Ok(loaded) => loaded.project,
            Err(e) => {
                // Half written by a sync tool, or broken: said once per version of the file.
                if self.disk_unreadable != Some(now) {
                    self.disk_unreadable = Some(now);
                    self.notify_error(tr_args(
                        "notice.disk_unreadable",
                        &[
                            ("file", &name),
                            ("why", &crate::ui::messages::file_error(&e)),
                        ],
                    ));
                }
                return Disk::Blocked;
            }
        };
        self.disk_unreadable = None;
        if self.doc.is_dirty() {
            self.merge_from_disk(theirs, now, &name)
        } else {
            self.reload_from_disk(theirs, now, &name);
            Disk::Brought
        }
    }

    /// No local edits: the disk's version becomes the project, as one undo step where the
    /// edits can carry it.
    fn reload_from_disk(&mut self, theirs: crate::model::Project, now: Fingerprint, name: &str) {
        if let Some(step) = crate::edit::sharing::between(&self.doc.project, &theirs) {
            self.apply(&tr("undo.reload"), step);
            self.notify(tr_args("notice.disk_reloaded", &[("file", &name)]));
        } else {
            self.doc.replace(theirs.clone());
            self.notify(tr_args("notice.disk_replaced", &[("file", &name)]));
        }
        self.doc.rebase(theirs, Some(now));
        self.doc.mark_clean();
        self.announce_conflicts();
    }

    /// Local edits: the disk's changes merged with them (base: what was last read or saved),
    /// a conflict settled for the local side and listed under Versions.
    fn merge_from_disk(
        &mut self,
        theirs: crate::model::Project,
        now: Fingerprint,
        name: &str,
    ) -> Disk {
        let merged =
            match crate::merge::merge(&self.doc.base, &self.doc.project, &theirs, Side::Ours) {
                Ok(m) => m,
                Err(e) => {
                    self.notify_error(tr_args(
                        "notice.disk_merge_failed",
                        &[("file", &name), ("why", &e.to_string())],
                    ));
                    return Disk::Blocked;
                }
            };
        let came_in = crate::compare::diff_projects(&self.doc.project, &merged.project, ("", ""));
        let changes = came_in.things.len()
            + came_in.only_new.len()
            + came_in.only_old.len()
            + came_in
                .maps
                .iter()
                .map(|m| {
                    m.cards.len() + m.stages.len() + m.lanes.len() + m.curves.len() + m.info.len()
                })
                .sum::<usize>();
        match crate::edit::sharing::between(&self.doc.project, &merged.project) {
            Some(step) => self.apply(&tr("undo.merge_disk"), step),
            None => self.doc.replace(merged.project),
        }
        self.doc.rebase(theirs, Some(now));
        self.notify(tr_args(
            "notice.disk_merged",
            &[
                ("file", &name),
                ("changes", &changes),
                ("conflicts", &merged.conflicts),
            ],
        ));
        for kept in &merged.kept {
            self.notify(kept.clone());
        }
        self.announce_conflicts();
        Disk::Brought
    }
}
