//! "Restore unsaved work?": offered at start when the recovery journal holds work.

use crate::i18n::{tr, tr_args};

/// The user's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recover {
    /// Open the recovered project (unsaved).
    Restore,
    /// Throw the journal away.
    Discard,
}

/// The offer: where the work came from and when it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoverDialog {
    /// The file the work belonged to, or a phrase for a project never saved.
    pub source: String,
    /// When the journal was written.
    pub written: String,
}

impl RecoverDialog {
    /// Shows the dialog; returns the answer once given.
    pub fn ui(&self, ctx: &egui::Context) -> Option<Recover> {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
            ui.heading(tr("recover.title"));
            ui.label(tr_args(
                "recover.body",
                &[("source", &self.source), ("written", &self.written)],
            ));
            ui.horizontal(|ui| {
                if ui.button(tr("recover.restore")).clicked() {
                    answer = Some(Recover::Restore);
                }
                if ui.button(tr("recover.discard")).clicked() {
                    answer = Some(Recover::Discard);
                }
            });
        });
        answer
    }
}
