//! The app acting on the research view: the interview register, evidence, and data sets
//! imported from files (the mapping step, re-import with what changed).

use std::path::PathBuf;

use super::{FieldFor, KlantreisApp, View};
use crate::edit::{self, Edit};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{CardId, Evidence, EvidenceId, EvidenceKind};
use crate::ui::dialogs::{ImportAnswer, ImportDialog, ReimportAnswer, ReimportDialog};
use crate::ui::research::ResearchAnswer;

/// Puts `value` at its place in `list`, or at the end when it is new.
fn index_of<T>(list: &[T], is_it: impl Fn(&T) -> bool) -> usize {
    list.iter().position(is_it).unwrap_or(list.len())
}

impl KlantreisApp {
    /// Shows the research view (leaving workshop mode).
    pub(super) fn show_research(&mut self, ctx: &egui::Context) {
        if self.workshop.is_some() {
            self.toggle_workshop(ctx);
        }
        self.start = None;
        self.view = View::Research;
        self.selection = crate::ui::selection::Selection::default();
    }

    /// Does what the research view asked.
    pub(super) fn answer_research(&mut self, answer: ResearchAnswer) {
        let project = &self.doc.project;
        match answer {
            ResearchAnswer::Respondents { list, merge } => {
                let edit = edit::data::set_register(project, list);
                self.apply_merging(&tr("undo.edit_register"), merge, edit);
            }
            ResearchAnswer::AddEvidence => {
                let evidence = Evidence {
                    kind: EvidenceKind::Quote,
                    ..Evidence::default()
                };
                let edit = Edit::SetEvidence {
                    id: evidence.id,
                    index: 0,
                    value: Some(Box::new(evidence)),
                };
                self.apply(&tr("undo.add_evidence"), edit);
            }
            ResearchAnswer::ChangeEvidence { evidence, merge } => {
                let index = index_of(&project.evidence, |e| e.id == evidence.id);
                let edit = Edit::SetEvidence {
                    id: evidence.id,
                    index,
                    value: Some(evidence),
                };
                self.apply_merging(&tr("undo.edit_evidence"), merge, edit);
            }
            ResearchAnswer::DeleteEvidence(id) => {
                let edit = edit::data::delete_evidence(project, id);
                self.apply(&tr("undo.delete_evidence"), edit);
            }
            ResearchAnswer::ImportData => self.pick_data_file(),
            ResearchAnswer::Reimport(id) => self.reimport(id),
            ResearchAnswer::ChangeDataset { dataset, merge } => {
                // Averaging instead of adding moves a curve that follows the data.
                let edit = edit::data::set_dataset(project, *dataset);
                self.apply_merging(&tr("undo.edit_dataset"), merge, edit);
            }
            ResearchAnswer::DeleteDataset(id) => {
                let edit = edit::data::delete_dataset(project, id);
                self.apply(&tr("undo.delete_dataset"), edit);
            }
            ResearchAnswer::Back => self.view = View::Map,
        }
    }

    /// Asks for a data file to import (the built-in field where the system's dialog cannot
    /// open).
    pub(super) fn pick_data_file(&mut self) {
        match self.files.pick_data() {
            Ok(Some(path)) => self.start_import(path, ""),
            Ok(None) => {}
            Err(_) => self.ask_with_field(FieldFor::Data, ""),
        }
    }

    /// Reads `path` (worksheet `sheet`, the first when empty) and opens the mapping step.
    pub(super) fn start_import(&mut self, path: PathBuf, sheet: &str) {
        match crate::data::read_table(&path, sheet) {
            Ok(table) => {
                let map = self.doc.project.maps.get(self.current_map).map(|m| m.id);
                let Some(map) = map else {
                    self.notify_error(tr("import.no_map"));
                    return;
                };
                let mut dialog = ImportDialog::new(path, table, &self.doc.project, map);
                if let Some(old) = self.dialogs.import.take() {
                    dialog.keep_choices_of(&old);
                }
                self.dialogs.import = Some(dialog);
            }
            Err(e) => self.notify_error(tr_args("import.failed", &[("error", &e)])),
        }
    }

    /// Does what the mapping step answered.
    pub(super) fn answer_import(&mut self, answer: ImportAnswer) {
        let Some(dialog) = self.dialogs.import.take() else {
            return;
        };
        match answer {
            ImportAnswer::Cancel => {}
            ImportAnswer::Sheet(sheet) => {
                self.dialogs.import = Some(dialog);
                let path = self.dialogs.import.as_ref().map(|d| d.path.clone());
                if let Some(path) = path {
                    self.start_import(path, &sheet);
                }
            }
            ImportAnswer::Import { map, base, recipe } => {
                let mut recipe = *recipe;
                recipe.file = edit::data::stored(self.doc.path.as_deref(), &dialog.path);
                // The table the step showed is the one imported: the file is not read again.
                let project = &self.doc.project;
                let read = project
                    .map(map)
                    .ok_or(edit::data::ImportError::NoMap)
                    .and_then(|m| {
                        edit::data::from_table((&dialog.path, dialog.table()), m, &base, &recipe)
                    });
                match read.and_then(|read| edit::data::put_read(project, read)) {
                    Ok(imported) => {
                        let name = base.name.clone();
                        self.apply(&tr_args("undo.import", &[("name", &name)]), imported.edit);
                        self.notify(tr_args(
                            "import.done",
                            &[
                                ("count", &imported.values),
                                ("name", &name),
                                ("skipped", &imported.problems.len()),
                            ],
                        ));
                        if let Some(i) = self.doc.project.maps.iter().position(|m| m.id == map) {
                            self.show_map(i);
                        }
                    }
                    Err(e) => {
                        self.notify_error(tr_args("import.failed", &[("error", &e)]));
                        self.dialogs.import = Some(dialog);
                    }
                }
            }
        }
    }

    /// Reads data set `id` again from its file and shows what would change.
    pub(super) fn reimport(&mut self, id: crate::model::DatasetId) {
        let name = self
            .doc
            .project
            .dataset(id)
            .map_or_else(String::new, |d| d.name.clone());
        match edit::data::reimport(&self.doc.project, self.doc.path.as_deref(), id) {
            Ok(imported) => self.dialogs.reimport = Some(ReimportDialog { imported, name }),
            Err(e) => self.notify_error(tr_args(
                "reimport.failed",
                &[("name", &name), ("error", &e)],
            )),
        }
    }

    /// Applies or drops the re-import on show.
    pub(super) fn answer_reimport(&mut self, answer: ReimportAnswer) {
        let Some(dialog) = self.dialogs.reimport.take() else {
            return;
        };
        if answer == ReimportAnswer::Apply {
            let changes = dialog.imported.changes.changes.len();
            self.apply(
                &tr_args("undo.reimport", &[("name", &dialog.name)]),
                dialog.imported.edit,
            );
            self.notify(tr_count("reimport.done", changes));
        }
    }

    /// Links `evidence` to `card` of the map on show (dragged onto it).
    pub(super) fn link_evidence(&mut self, card: CardId, evidence: EvidenceId) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        match edit::data::link_card(map, card, evidence) {
            Some(edit) => self.apply(&tr("undo.link_evidence"), edit),
            None => self.notify(tr("research.already_linked")),
        }
    }
}
