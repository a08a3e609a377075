//! Preferences taking effect: from the settings window, the View menu's language and theme,
//! and the first start's language question.

use super::KlantreisApp;
use crate::i18n::{self, Language};
use crate::model::MapKind;
use crate::templates;
use crate::ui::dialogs::SettingsAnswer;
use crate::ui::document::Document;
use crate::ui::settings::Preferences;

impl KlantreisApp {
    /// Uses `preferences` from now on: the interface language, the theme, the length of the
    /// recent list (the recovery delay and the export defaults are read where they are used).
    pub(super) fn set_preferences(&mut self, preferences: Preferences, ctx: &egui::Context) {
        let preferences = preferences.sanitized();
        let before = self.language;
        self.language = preferences.language.unwrap_or_else(Language::system);
        i18n::set_language(self.language);
        self.relabel_history(before);
        ctx.set_theme(preferences.theme.preference());
        self.settings.recent.truncate(preferences.recent_count);
        if let Some(dialog) = &mut self.dialogs.settings
            && preferences.language != self.settings.preferences.language
        {
            // The window's own words change with the language; keep what is being edited.
            *dialog = crate::ui::dialogs::SettingsDialog::new(&preferences);
        }
        self.settings.preferences = preferences;
    }

    /// The undo steps' labels, written in `before`, in the interface language now.
    fn relabel_history(&mut self, before: Language) {
        let now = self.language;
        if before != now {
            self.doc
                .history
                .relabel(|label| i18n::relabel(label, before, now));
        }
    }

    pub(super) fn answer_settings(&mut self, answer: SettingsAnswer, ctx: &egui::Context) {
        match answer {
            SettingsAnswer::Changed(preferences) => self.set_preferences(preferences, ctx),
            SettingsAnswer::Close => self.dialogs.settings = None,
        }
    }

    /// The first start's answer: the language of the menus and of new projects. The untouched
    /// new project on show is made again in that language; the guided tour follows.
    pub(super) fn answer_first_language(&mut self, language: Language) {
        self.dialogs.language = None;
        self.settings.language_asked = true;
        if !self.settings.tour_seen {
            self.dialogs.tour = Some(crate::ui::dialogs::Tour::at(0));
        }
        self.settings.preferences.language = Some(language);
        let before = self.language;
        self.language = language;
        i18n::set_language(language);
        self.relabel_history(before);
        if self.doc.path.is_none() && !self.doc.is_dirty() && self.project_language() != language {
            let kind = self
                .doc
                .project
                .maps
                .first()
                .map_or(MapKind::CustomerJourney, |m| m.kind);
            self.set_document(Document::new(templates::new_project(kind, language), None));
        }
    }
}
