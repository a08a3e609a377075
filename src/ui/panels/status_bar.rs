//! The status bar (zoom, selection, saved or not, the last change) and the notices under the
//! toolbar.

use crate::i18n::{tr, tr_args, tr_count};

/// What the status bar shows.
pub struct Status<'a> {
    pub zoom: f32,
    /// How many things are selected.
    pub selected: usize,
    /// Whether there are unsaved changes.
    pub dirty: bool,
    /// Whether the project has never been saved to a file.
    pub never_saved: bool,
    /// The last change's undo label.
    pub last_change: Option<&'a str>,
}

/// The status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, status: &Status<'_>) {
    ui.horizontal(|ui| {
        let zoom = format!("{:.0}", status.zoom * 100.0);
        ui.label(tr_args("status.zoom", &[("percent", &zoom)]));
        ui.separator();
        ui.label(if status.selected == 0 {
            tr("status.nothing_selected").into_owned()
        } else {
            tr_count("status.selected", status.selected)
        });
        ui.separator();
        ui.label(if status.dirty {
            tr("status.unsaved")
        } else if status.never_saved {
            tr("status.never_saved")
        } else {
            tr("status.saved")
        });
        if let Some(label) = status.last_change {
            ui.separator();
            ui.weak(tr_args("status.last_change", &[("change", &label)]));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(tr("status.hint"));
        });
    });
}

/// A message for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// The notices, each with a button to dismiss it; returns the one dismissed.
pub fn notices_ui(ui: &mut egui::Ui, notices: &[Notice]) -> Option<usize> {
    let mut dismiss = None;
    for (i, notice) in notices.iter().enumerate() {
        ui.horizontal(|ui| {
            let colour = if notice.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            ui.colored_label(colour, &notice.text);
            if ui.small_button(tr("notice.dismiss")).clicked() {
                dismiss = Some(i);
            }
        });
    }
    dismiss
}
