//! The export dialog's rows for a department: whose brief to write, or whose lens to lay over
//! the poster (as View › Department lens does on screen).

use crate::export::{self, ExportOptions, Format};
use crate::i18n::tr;

/// The department rows of the options grid, for `owners` (the project's departments).
pub(super) fn rows(ui: &mut egui::Ui, o: &mut ExportOptions, owners: &[String]) {
    if o.format == Format::Brief {
        if o.owner.as_ref().is_none_or(|w| !owners.contains(w)) {
            o.owner = owners.first().cloned();
        }
        let name = ui.label(tr("export.department"));
        egui::ComboBox::from_id_salt("export-department")
            .selected_text(o.owner.clone().unwrap_or_default())
            .height(420.0)
            .show_ui(ui, |ui| {
                for owner in owners {
                    ui.selectable_value(&mut o.owner, Some(owner.clone()), owner);
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(tr("export.department.tip"));
        ui.end_row();
        return;
    }
    o.owner = None;
    let poster = matches!(o.format, Format::Pdf | Format::Svg | Format::Png)
        && o.subject == export::Subject::Map;
    if !poster || owners.is_empty() {
        o.lens = None;
        return;
    }
    if o.lens.as_ref().is_some_and(|w| !owners.contains(w)) {
        o.lens = None;
    }
    let name = ui.label(tr("export.lens"));
    egui::ComboBox::from_id_salt("export-lens")
        .selected_text(
            o.lens
                .clone()
                .unwrap_or_else(|| tr("menu.lens.none").into_owned()),
        )
        .height(420.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut o.lens, None, tr("menu.lens.none"));
            for owner in owners {
                ui.selectable_value(&mut o.lens, Some(owner.clone()), owner);
            }
        })
        .response
        .labelled_by(name.id)
        .on_hover_text(tr("export.lens.tip"));
    ui.end_row();
}
