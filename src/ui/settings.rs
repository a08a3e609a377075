//! What the app keeps between runs (through eframe's storage): the user's preferences, which
//! the settings window edits, and what the app remembers by itself (recent files, the last
//! export options of each project).

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use crate::export::ExportOptions;
use crate::i18n::Language;
use crate::layout::paper::{Orientation, PaperSize};

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    /// egui's preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the settings window edits.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The interface language (and that of new projects); `None` follows the system.
    pub language: Option<Language>,
    pub theme: ThemeChoice,
    /// How long after the last change unsaved work is written to the recovery journal.
    pub recovery_seconds: u32,
    /// The paper a new export starts on (a project's own last export wins).
    pub paper: PaperSize,
    pub orientation: Orientation,
    /// Where exports are suggested to go; `None`: beside the project.
    pub export_folder: Option<PathBuf>,
    /// How many recent projects File › Open recent and the start screen list.
    pub recent_count: usize,
}

impl Preferences {
    /// Seconds between the last change and the recovery journal.
    pub const RECOVERY_SECONDS: RangeInclusive<u32> = 1..=600;
    /// Recent projects remembered.
    pub const RECENT_COUNT: RangeInclusive<usize> = 0..=30;

    /// The recovery delay as a duration.
    pub fn recovery_delay(&self) -> Duration {
        Duration::from_secs(u64::from(self.recovery_seconds))
    }

    /// The same preferences with every number inside its range and a named paper size: stored
    /// settings may come from an older version or a hand-edited file.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        let (r, c) = (Self::RECOVERY_SECONDS, Self::RECENT_COUNT);
        self.recovery_seconds = self.recovery_seconds.clamp(*r.start(), *r.end());
        self.recent_count = self.recent_count.clamp(*c.start(), *c.end());
        if !PaperSize::NAMED.contains(&self.paper) {
            self.paper = Self::default().paper;
        }
        self
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            language: None,
            theme: ThemeChoice::System,
            recovery_seconds: 3,
            paper: PaperSize::A0,
            orientation: Orientation::Landscape,
            export_folder: None,
            recent_count: 10,
        }
    }
}

/// Everything kept between runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub preferences: Preferences,
    /// Whether the first start's language question was answered.
    pub language_asked: bool,
    /// Whether the guided tour was shown (finished or skipped).
    pub tour_seen: bool,
    /// Recent projects, newest first.
    pub recent: Vec<PathBuf>,
    /// The last export settings of each project, by file path.
    pub exports: BTreeMap<String, ExportOptions>,
    /// Where version 0.1 kept the language choice; read, moved into the preferences, never
    /// written.
    #[serde(skip_serializing)]
    language: Option<Language>,
}

impl Settings {
    /// Settings as stored by eframe, made safe to use.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        if let Some(language) = self.language.take() {
            self.preferences.language.get_or_insert(language);
            self.language_asked = true;
        }
        self.preferences = self.preferences.sanitized();
        self.recent.truncate(self.preferences.recent_count);
        self
    }

    /// Puts `path` first in the recent list, once, keeping at most the chosen count.
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(self.preferences.recent_count);
    }

    /// Takes `path` off the recent list.
    pub fn forget_recent(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
    }

    /// A new export's options: the project's last ones, else the preferred paper.
    pub fn export_options_for(&self, key: &str) -> ExportOptions {
        self.exports.get(key).cloned().unwrap_or_else(|| {
            let mut options = ExportOptions::default();
            options.setup.paper = self.preferences.paper;
            options.setup.orientation = self.preferences.orientation;
            options
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_come_back_as_they_were_stored() {
        let mut settings = Settings::default();
        settings.preferences.theme = ThemeChoice::Dark;
        settings.preferences.language = Some(Language::Dutch);
        settings.preferences.paper = PaperSize::A3;
        settings.preferences.export_folder = Some(PathBuf::from("/tmp/posters"));
        settings.language_asked = true;
        settings.remember_recent(PathBuf::from("/a.klantreis.ron"));
        let text = ron::to_string(&settings).unwrap();
        let back: Settings = ron::from_str(&text).unwrap();
        assert_eq!(back, settings);
    }

    #[test]
    fn stored_settings_out_of_range_are_brought_back_into_it() {
        let stored = "(preferences: (recovery_seconds: 0, recent_count: 5000, \
                      paper: Custom(width_mm: 1.0, height_mm: 1.0)))";
        let settings: Settings = ron::from_str(stored).unwrap_or_default();
        let settings = settings.sanitized();
        assert_eq!(settings.preferences.recovery_seconds, 1);
        assert_eq!(settings.preferences.recent_count, 30);
        assert_eq!(settings.preferences.paper, PaperSize::A0);
        let mut few: Settings = ron::from_str("(recent: [\"/1\", \"/2\", \"/3\"])").unwrap();
        few.preferences.recent_count = 2;
        assert_eq!(few.sanitized().recent.len(), 2);
    }

    #[test]
    fn settings_of_an_older_version_keep_their_defaults() {
        // What 0.1 stored before there were preferences: nothing in it is lost or refused.
        let old = "(recent: [\"/x.klantreis.ron\"], exports: {})";
        let settings: Settings = ron::from_str(old).unwrap();
        let settings = settings.sanitized();
        assert_eq!(settings.recent, [PathBuf::from("/x.klantreis.ron")]);
        assert_eq!(settings.preferences, Preferences::default());
        assert!(!settings.language_asked);
        // Its language choice moves into the preferences, and is not asked for again.
        let chosen: Settings = ron::from_str("(language: Some(Dutch))").unwrap();
        let chosen = chosen.sanitized();
        assert_eq!(chosen.preferences.language, Some(Language::Dutch));
        assert!(chosen.language_asked);
    }

    #[test]
    fn the_recent_list_keeps_the_chosen_count_newest_first() {
        let mut settings = Settings::default();
        settings.preferences.recent_count = 2;
        for name in ["/a", "/b", "/a", "/c"] {
            settings.remember_recent(PathBuf::from(name));
        }
        assert_eq!(settings.recent, [PathBuf::from("/c"), PathBuf::from("/a")]);
        settings.forget_recent(std::path::Path::new("/c"));
        assert_eq!(settings.recent, [PathBuf::from("/a")]);
    }

    #[test]
    fn a_new_export_starts_on_the_preferred_paper_unless_the_project_has_its_own() {
        let mut settings = Settings::default();
        settings.preferences.paper = PaperSize::A2;
        settings.preferences.orientation = Orientation::Portrait;
        let fresh = settings.export_options_for("/p.klantreis.ron");
        assert_eq!(fresh.setup.paper, PaperSize::A2);
        assert_eq!(fresh.setup.orientation, Orientation::Portrait);
        let mut own = ExportOptions::default();
        own.setup.paper = PaperSize::A4;
        settings
            .exports
            .insert("/p.klantreis.ron".to_owned(), own.clone());
        assert_eq!(settings.export_options_for("/p.klantreis.ron"), own);
    }
}
