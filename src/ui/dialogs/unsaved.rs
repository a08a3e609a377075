//! "Save changes?": asked before something would throw away unsaved work.

use crate::i18n::{tr, tr_args};

/// The user's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// Save first, then go on.
    Save,
    /// Go on and lose the changes.
    Discard,
    /// Do nothing.
    Cancel,
}

/// The question, about the document called `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsavedDialog {
    pub name: String,
}

impl UnsavedDialog {
    /// Shows the dialog; returns the answer once given (Escape cancels).
    pub fn ui(&self, ctx: &egui::Context) -> Option<Unsaved> {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading(tr("unsaved.title"));
            ui.label(tr_args("unsaved.body", &[("name", &self.name)]));
            ui.horizontal(|ui| {
                if ui.button(tr("unsaved.save")).clicked() {
                    answer = Some(Unsaved::Save);
                }
                if ui.button(tr("unsaved.dont_save")).clicked() {
                    answer = Some(Unsaved::Discard);
                }
                if ui.button(tr("unsaved.cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(Unsaved::Cancel);
                }
            });
        });
        answer
    }
}
