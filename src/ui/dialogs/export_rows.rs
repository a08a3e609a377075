//! Rows of the export dialog's options grid that more than one format shows: how quotes
//! appear, and whether the project's comments go along.

use crate::export::{self, ExportOptions};
use crate::i18n::tr;

/// How quotes appear: with who said them, by code, or not at all.
pub(super) fn quotes_row(ui: &mut egui::Ui, o: &mut ExportOptions) {
    let name = ui.label(tr("export.quotes"));
    egui::ComboBox::from_id_salt("export-quotes")
        .selected_text(super::export_words::quotes_name(o.quotes))
        .show_ui(ui, |ui| {
            for q in export::Quotes::ALL {
                ui.selectable_value(&mut o.quotes, q, super::export_words::quotes_name(q));
            }
        })
        .response
        .labelled_by(name.id)
        .on_hover_text(tr("export.quotes.tip"));
    ui.end_row();
}

/// Whether the project's review comments go along (the HTML page, the Markdown report).
pub(super) fn comments_row(ui: &mut egui::Ui, o: &mut ExportOptions) {
    ui.label("");
    ui.checkbox(&mut o.comments, tr("export.comments"))
        .on_hover_text(tr("export.comments.tip"));
    ui.end_row();
}
