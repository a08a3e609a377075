//! File › Import map: a Mermaid diagram or Markdown file becomes maps at once; a journey grid
//! first shows what each row becomes, for the user to correct. Either is one undo step, and the
//! first new map is shown.

use std::path::Path;

use super::{FieldFor, KlantreisApp};
use crate::i18n::{tr, tr_args, tr_count};
use crate::import::{self, Imported, Source};
use crate::ui::dialogs::{GridAnswer, GridDialog};

impl KlantreisApp {
    /// Asks for a file to import maps from (the built-in field where the system's dialog
    /// cannot open).
    pub(super) fn pick_map_file(&mut self) {
        match self.files.pick_import() {
            Ok(Some(path)) => self.import_map(&path),
            Ok(None) => {}
            Err(_) => self.ask_with_field(FieldFor::ImportMap, ""),
        }
    }

    /// Reads `path` by its kind: Mermaid and Markdown are imported at once, a grid opens its
    /// step. What cannot be read is said, and nothing changes.
    pub(super) fn import_map(&mut self, path: &Path) {
        let source = match Source::of(path) {
            Ok(s) => s,
            Err(e) => {
                self.notify_error(e.to_string());
                return;
            }
        };
        match source {
            Source::Mermaid | Source::Markdown => {
                match import::read_mermaid(path, &self.doc.project) {
                    Ok(imported) => self.add_imported(&imported),
                    Err(e) => self.notify_error(e.to_string()),
                }
            }
            Source::Grid => {
                let table = match crate::data::read_table(path, "") {
                    Ok(t) => t,
                    Err(e) => {
                        self.notify_error(e.to_string());
                        return;
                    }
                };
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                match import::grid::read(&table, stem) {
                    Ok(grid) => {
                        self.dialogs.grid = Some(GridDialog {
                            path: path.to_path_buf(),
                            grid,
                        });
                    }
                    Err(why) => self.notify_error(tr_args(
                        "notice.grid_failed",
                        &[("file", &path.display()), ("why", &why)],
                    )),
                }
            }
        }
    }

    pub(super) fn answer_grid(&mut self, answer: GridAnswer) {
        self.dialogs.grid = None;
        if let GridAnswer::Import(grid) = answer {
            let imported = Imported {
                maps: vec![grid.to_map(&self.doc.project)],
                ..Imported::default()
            };
            self.add_imported(&imported);
        }
    }

    /// Adds the imported maps (and the personas they need) as one step and shows the first.
    fn add_imported(&mut self, imported: &Imported) {
        if imported.maps.is_empty() {
            return;
        }
        if let Err(why) = import::checked(&self.doc.project, imported) {
            self.notify_error(tr_args("notice.import_refused", &[("why", &why)]));
            return;
        }
        let first = self.doc.project.maps.len();
        let edit = import::into_edit(&self.doc.project, imported);
        self.apply(&tr("undo.import_map"), edit);
        if self.doc.project.maps.len() > first {
            self.show_map(first);
            self.notify(tr_count("notice.maps_imported", imported.maps.len()));
        }
        for w in &imported.warnings {
            self.notify(w.clone());
        }
    }
}
