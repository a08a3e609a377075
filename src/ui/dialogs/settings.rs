//! The settings window (File › Settings, Ctrl+,): language, theme, recovery interval, the
//! paper new exports start on, the export folder and how many recent projects to list. A
//! change takes effect at once; a folder that does not exist is said so and not taken.

use std::path::PathBuf;

use crate::i18n::{Language, tr, tr_args};
use crate::layout::paper::{Orientation, PaperSize};
use crate::ui::settings::{Preferences, ThemeChoice};

/// The window's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsAnswer {
    /// The preferences as they are now (sent on every change).
    Changed(Preferences),
    Close,
}

/// The window, with the preferences being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsDialog {
    draft: Preferences,
    /// The export folder as typed (taken once it names a folder).
    folder: String,
}

impl SettingsDialog {
    /// The window on the preferences in use.
    pub fn new(preferences: &Preferences) -> Self {
        Self {
            folder: preferences
                .export_folder
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            draft: preferences.clone(),
        }
    }

    /// Shows the window; returns the changed preferences, or that it was closed.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<SettingsAnswer> {
        let before = self.draft.clone();
        let mut open = true;
        let mut close = false;
        egui::Window::new(tr("settings.title"))
            .id(egui::Id::unique("settings"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("settings-grid")
                    .num_columns(2)
                    .spacing([16.0, 10.0])
                    .show(ui, |ui| {
                        self.look_ui(ui);
                        self.files_ui(ui);
                    });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(tr("settings.defaults")).clicked() {
                        *self = Self::new(&Preferences::default());
                    }
                    if ui.button(tr("settings.close")).clicked() {
                        close = true;
                    }
                });
            });
        if !open || close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            return Some(SettingsAnswer::Close);
        }
        (self.draft != before).then(|| SettingsAnswer::Changed(self.draft.clone()))
    }

    /// Language and theme.
    fn look_ui(&mut self, ui: &mut egui::Ui) {
        let d = &mut self.draft;
        ui.label(tr("settings.language"));
        ui.horizontal(|ui| {
            for language in [None, Some(Language::English), Some(Language::Dutch)] {
                let name = match language {
                    None => tr("settings.language_system"),
                    Some(l) => l.native_name().into(),
                };
                ui.radio_value(&mut d.language, language, name);
            }
        });
        ui.end_row();
        ui.label(tr("settings.theme"));
        ui.horizontal(|ui| {
            for (choice, key) in [
                (ThemeChoice::System, "settings.theme_system"),
                (ThemeChoice::Light, "settings.theme_light"),
                (ThemeChoice::Dark, "settings.theme_dark"),
            ] {
                ui.radio_value(&mut d.theme, choice, tr(key));
            }
        });
        ui.end_row();
    }

    /// Recovery, paper, the export folder and the recent list.
    fn files_ui(&mut self, ui: &mut egui::Ui) {
        let d = &mut self.draft;
        let label = ui.label(tr("settings.recovery"));
        ui.add(
            egui::DragValue::new(&mut d.recovery_seconds)
                .range(Preferences::RECOVERY_SECONDS)
                .suffix(" s"),
        )
        .labelled_by(label.id)
        .on_hover_text(tr("settings.recovery_tip"));
        ui.end_row();
        let label = ui.label(tr("settings.paper"));
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt("settings-paper")
                .selected_text(d.paper.name())
                .show_ui(ui, |ui| {
                    for paper in PaperSize::NAMED {
                        ui.selectable_value(&mut d.paper, paper, paper.name());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.radio_value(
                &mut d.orientation,
                Orientation::Landscape,
                tr("export.landscape"),
            );
            ui.radio_value(
                &mut d.orientation,
                Orientation::Portrait,
                tr("export.portrait"),
            );
        });
        ui.end_row();
        let label = ui.label(tr("settings.export_folder"));
        ui.vertical(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.folder)
                    .hint_text(tr("settings.export_folder_hint"))
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            let typed = self.folder.trim();
            if typed.is_empty() {
                d.export_folder = None;
            } else if PathBuf::from(typed).is_dir() {
                d.export_folder = Some(PathBuf::from(typed));
            } else {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr_args("settings.no_such_folder", &[("path", &typed)]),
                );
            }
        });
        ui.end_row();
        let label = ui.label(tr("settings.recent_count"));
        ui.add(egui::DragValue::new(&mut d.recent_count).range(Preferences::RECENT_COUNT))
            .labelled_by(label.id);
        ui.end_row();
    }
}
