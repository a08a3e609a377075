//! What the app shows, read by the window tests and the benchmarks (and queued into, as a
//! menu would).

use super::{AppAction, KlantreisApp, RightTab, View};
use crate::i18n::Language;
use crate::model::Project;
use crate::ui::canvas::MapCanvas;
use crate::ui::document::Document;
use crate::ui::selection::Selection;

impl KlantreisApp {
    /// The open project.
    pub fn project(&self) -> &Project {
        &self.doc.project
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The canvas (view, curves shown).
    pub fn canvas(&self) -> &MapCanvas {
        &self.canvas
    }

    /// What the middle of the window shows.
    pub fn view(&self) -> View {
        self.view
    }

    /// The index of the map on show.
    pub fn current_map(&self) -> usize {
        self.current_map
    }

    /// What is selected on the map.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// What this window last copied to the clipboard (tests paste it back).
    pub fn last_copied(&self) -> Option<&str> {
        self.last_copied.as_deref()
    }

    /// The interface language in use.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The user's preferences in use.
    pub fn preferences(&self) -> &crate::ui::settings::Preferences {
        &self.settings.preferences
    }

    /// Runs a command as if chosen from the menu (after this frame).
    pub fn queue(&mut self, command: crate::ui::command::Command) {
        self.actions.push(AppAction::Command(command));
    }

    /// Whether an export is running (tests and the benchmark wait for it).
    pub fn export_busy(&self) -> bool {
        self.dialogs.export.busy()
    }

    /// The department whose lens is over the map, if any.
    pub fn lens(&self) -> Option<&str> {
        self.lens.as_deref()
    }

    /// The action selected in the actions view, if any.
    pub fn selected_action(&self) -> Option<crate::model::ActionId> {
        self.action_view.selected
    }

    /// What the right panel shows.
    pub fn right_tab(&self) -> RightTab {
        self.right_tab
    }

    /// The snapshot shown read-only on the canvas, if one is.
    pub fn viewing_snapshot(&self) -> Option<crate::model::SnapshotId> {
        self.versions.viewing
    }
}
