//! Every user action, once: its label, shortcut and menu. Menus, shortcuts and the command
//! palette are all built from [`Command::ALL`].

use std::borrow::Cow;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Language, tr};

/// A user action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    NewJourney,
    NewExperience,
    NewBlueprint,
    Open,
    Save,
    SaveAs,
    Export,
    Settings,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Delete,
    SelectAll,
    Duplicate,
    AddStage,
    AddLane,
    AddCard,
    ZoomFit,
    ZoomActual,
    ZoomIn,
    ZoomOut,
    FocusMap,
    WorkshopMode,
    Present,
    CommandPalette,
    ShowMap,
    ShowPersonas,
    NewPersona,
    ShowStakeholders,
    NewStakeholder,
    ShowOverview,
    ShowResearch,
    ShowActions,
    MakeAction,
    ImportData,
    ImportMap,
    ImportReview,
    TakeSnapshot,
    ShowVersions,
    ShowComments,
    FilterUnevidenced,
    LanguageSystem,
    LanguageEnglish,
    LanguageDutch,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    Shortcuts,
    Tour,
    About,
    StartScreen,
}

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Insert,
    View,
    Help,
}

impl Menu {
    /// All menus, left to right.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::Insert, Self::View, Self::Help];

    /// The menu's title.
    pub fn label(self) -> Cow<'static, str> {
        tr(match self {
            Self::File => "menu.file",
            Self::Edit => "menu.edit",
            Self::Insert => "menu.insert",
            Self::View => "menu.view",
            Self::Help => "menu.help",
        })
    }
}

pub use super::key_names::{key_name, shortcut_text};

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Self; 54] = [
        Self::NewJourney,
        Self::NewExperience,
        Self::NewBlueprint,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Export,
        Self::ImportData,
        Self::ImportMap,
        Self::ImportReview,
        Self::StartScreen,
        Self::Settings,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::Delete,
        Self::SelectAll,
        Self::AddCard,
        Self::AddStage,
        Self::AddLane,
        Self::NewPersona,
        Self::NewStakeholder,
        Self::MakeAction,
        Self::TakeSnapshot,
        Self::ShowMap,
        Self::ShowPersonas,
        Self::ShowStakeholders,
        Self::ShowOverview,
        Self::ShowResearch,
        Self::ShowActions,
        Self::ShowVersions,
        Self::ShowComments,
        Self::FilterUnevidenced,
        Self::ZoomFit,
        Self::ZoomActual,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::FocusMap,
        Self::WorkshopMode,
        Self::Present,
        Self::CommandPalette,
        Self::LanguageSystem,
        Self::LanguageEnglish,
        Self::LanguageDutch,
        Self::ThemeSystem,
        Self::ThemeLight,
        Self::ThemeDark,
        Self::Shortcuts,
        Self::Tour,
        Self::About,
    ];

    /// The catalogue keys of the label and the tooltip.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Self::NewJourney => ("cmd.new_journey", "cmd.new.tip"),
            Self::NewExperience => ("cmd.new_experience", "cmd.new.tip"),
            Self::NewBlueprint => ("cmd.new_blueprint", "cmd.new.tip"),
            Self::Open => ("cmd.open", "cmd.open.tip"),
            Self::Save => ("cmd.save", "cmd.save.tip"),
            Self::SaveAs => ("cmd.save_as", "cmd.save_as.tip"),
            Self::Export => ("cmd.export", "cmd.export.tip"),
            Self::Settings => ("cmd.settings", "cmd.settings.tip"),
            Self::Quit => ("cmd.quit", "cmd.quit.tip"),
            Self::Undo => ("cmd.undo", "cmd.undo.tip"),
            Self::Redo => ("cmd.redo", "cmd.redo.tip"),
            Self::Cut => ("cmd.cut", "cmd.cut.tip"),
            Self::Copy => ("cmd.copy", "cmd.copy.tip"),
            Self::Paste => ("cmd.paste", "cmd.paste.tip"),
            Self::Delete => ("cmd.delete", "cmd.delete.tip"),
            Self::SelectAll => ("cmd.select_all", "cmd.select_all.tip"),
            Self::Duplicate => ("cmd.duplicate", "cmd.duplicate.tip"),
            Self::AddStage => ("cmd.add_stage", "cmd.add_stage.tip"),
            Self::AddLane => ("cmd.add_lane", "cmd.add_lane.tip"),
            Self::AddCard => ("cmd.add_card", "cmd.add_card.tip"),
            Self::ZoomFit => ("cmd.zoom_fit", "cmd.zoom_fit.tip"),
            Self::ZoomActual => ("cmd.zoom_actual", "cmd.zoom_actual.tip"),
            Self::ZoomIn => ("cmd.zoom_in", "cmd.zoom_in.tip"),
            Self::ZoomOut => ("cmd.zoom_out", "cmd.zoom_out.tip"),
            Self::CommandPalette => ("cmd.palette", "cmd.palette.tip"),
            Self::ShowMap => ("cmd.show_map", "cmd.show_map.tip"),
            Self::ShowPersonas => ("cmd.show_personas", "cmd.show_personas.tip"),
            Self::NewPersona => ("cmd.new_persona", "cmd.new_persona.tip"),
            Self::ShowStakeholders => ("cmd.show_stakeholders", "cmd.show_stakeholders.tip"),
            Self::NewStakeholder => ("cmd.new_stakeholder", "cmd.new_stakeholder.tip"),
            Self::ShowOverview => ("cmd.show_overview", "cmd.show_overview.tip"),
            Self::ShowResearch => ("cmd.show_research", "cmd.show_research.tip"),
            Self::ShowActions => ("cmd.show_actions", "cmd.show_actions.tip"),
            Self::MakeAction => ("cmd.make_action", "cmd.make_action.tip"),
            Self::ImportData => ("cmd.import_data", "cmd.import_data.tip"),
            Self::ImportMap => ("cmd.import_map", "cmd.import_map.tip"),
            Self::TakeSnapshot => ("cmd.take_snapshot", "cmd.take_snapshot.tip"),
            Self::ShowVersions => ("cmd.show_versions", "cmd.show_versions.tip"),
            Self::ShowComments => ("cmd.show_comments", "cmd.show_comments.tip"),
            Self::ImportReview => ("cmd.import_review", "cmd.import_review.tip"),
            Self::FilterUnevidenced => ("cmd.filter_unevidenced", "cmd.filter_unevidenced.tip"),
            Self::FocusMap => ("cmd.focus_map", "cmd.focus_map.tip"),
            Self::WorkshopMode => ("cmd.workshop", "cmd.workshop.tip"),
            Self::Present => ("cmd.present", "cmd.present.tip"),
            Self::LanguageSystem => ("cmd.language_system", "cmd.language.tip"),
            Self::LanguageEnglish => ("cmd.language_en", "cmd.language.tip"),
            Self::LanguageDutch => ("cmd.language_nl", "cmd.language.tip"),
            Self::ThemeSystem => ("cmd.theme_system", "cmd.theme.tip"),
            Self::ThemeLight => ("cmd.theme_light", "cmd.theme.tip"),
            Self::ThemeDark => ("cmd.theme_dark", "cmd.theme.tip"),
            Self::Shortcuts => ("cmd.shortcuts", "cmd.shortcuts.tip"),
            Self::About => ("cmd.about", "cmd.about.tip"),
            Self::Tour => ("cmd.tour", "cmd.tour.tip"),
            Self::StartScreen => ("cmd.start_screen", "cmd.start_screen.tip"),
        }
    }

    /// The text in menus and the palette.
    pub fn label(self) -> Cow<'static, str> {
        tr(self.keys().0)
    }

    /// A longer explanation, for tooltips and the palette.
    pub fn tooltip(self) -> Cow<'static, str> {
        tr(self.keys().1)
    }

    /// The interface language the command switches to (`None` inside: follow the system).
    pub fn language(self) -> Option<Option<Language>> {
        match self {
            Self::LanguageSystem => Some(None),
            Self::LanguageEnglish => Some(Some(Language::English)),
            Self::LanguageDutch => Some(Some(Language::Dutch)),
            _ => None,
        }
    }

    /// The theme the command switches to.
    pub fn theme(self) -> Option<crate::ui::settings::ThemeChoice> {
        use crate::ui::settings::ThemeChoice;
        match self {
            Self::ThemeSystem => Some(ThemeChoice::System),
            Self::ThemeLight => Some(ThemeChoice::Light),
            Self::ThemeDark => Some(ThemeChoice::Dark),
            _ => None,
        }
    }

    /// Whether the command sits in a submenu of its own (language, theme) rather than in its
    /// menu's list.
    pub fn in_submenu(self) -> bool {
        self.language().is_some() || self.theme().is_some()
    }

    /// The toolbar's icon for the command, if it has one.
    pub fn icon(self) -> Option<crate::render::ActionIcon> {
        use crate::render::ActionIcon as I;
        Some(match self {
            Self::Undo => I::Undo,
            Self::Redo => I::Redo,
            Self::AddCard => I::AddCard,
            Self::AddStage => I::AddStage,
            Self::AddLane => I::AddLane,
            Self::Duplicate => I::Duplicate,
            Self::Delete => I::Delete,
            Self::ZoomFit => I::Fit,
            Self::ZoomActual => I::ActualSize,
            Self::FocusMap => I::FocusMap,
            Self::Present => I::Present,
            Self::WorkshopMode => I::Workshop,
            _ => return None,
        })
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::NewJourney => cmd(Key::N),
            Self::Open => cmd(Key::O),
            Self::Save => cmd(Key::S),
            Self::SaveAs => cmd_shift(Key::S),
            Self::Export => cmd(Key::E),
            Self::Settings => cmd(Key::Comma),
            Self::Quit => cmd(Key::Q),
            Self::Shortcuts => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            Self::FocusMap => KeyboardShortcut::new(Modifiers::NONE, Key::F6),
            Self::WorkshopMode => KeyboardShortcut::new(Modifiers::NONE, Key::F11),
            Self::Present => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
            Self::Undo => cmd(Key::Z),
            Self::Redo => cmd_shift(Key::Z),
            Self::Cut => cmd(Key::X),
            Self::Copy => cmd(Key::C),
            Self::Paste => cmd(Key::V),
            Self::Delete => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
            Self::SelectAll => cmd(Key::A),
            Self::Duplicate => cmd(Key::D),
            Self::ZoomFit => cmd(Key::Num0),
            Self::ZoomActual => cmd(Key::Num1),
            Self::ZoomIn => cmd(Key::Plus),
            Self::ZoomOut => cmd(Key::Minus),
            Self::CommandPalette => cmd(Key::K),
            Self::ShowPersonas => cmd_shift(Key::P),
            Self::ShowMap => cmd_shift(Key::M),
            Self::ShowStakeholders => cmd_shift(Key::H),
            Self::ShowOverview => cmd_shift(Key::O),
            Self::ShowResearch => cmd_shift(Key::R),
            Self::ShowActions => cmd_shift(Key::A),
            Self::ImportData => cmd_shift(Key::I),
            Self::NewExperience
            | Self::NewBlueprint
            | Self::AddStage
            | Self::AddLane
            | Self::AddCard
            | Self::LanguageSystem
            | Self::LanguageEnglish
            | Self::LanguageDutch
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::About
            | Self::Tour
            | Self::NewPersona
            | Self::NewStakeholder
            | Self::MakeAction
            | Self::FilterUnevidenced
            | Self::ImportMap
            | Self::ImportReview
            | Self::TakeSnapshot
            | Self::ShowVersions
            | Self::ShowComments
            | Self::StartScreen => {
                return None;
            }
        })
    }

    /// Other shortcuts that do the same.
    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [cmd(Key::Y)];
        const DELETE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        const ZOOM_IN: [KeyboardShortcut; 1] = [cmd(Key::Equals)];
        match self {
            Self::Redo => &REDO,
            Self::Delete => &DELETE,
            Self::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Every shortcut with its command, those with more modifiers first: egui matches a
    /// shortcut whenever its modifiers are held, extra ones aside, so Ctrl+Shift+Z must be
    /// tried before Ctrl+Z. Computed once.
    pub fn bindings() -> &'static [(KeyboardShortcut, Self)] {
        static BINDINGS: std::sync::OnceLock<Vec<(KeyboardShortcut, Command)>> =
            std::sync::OnceLock::new();
        BINDINGS.get_or_init(|| {
            let mut bindings: Vec<(KeyboardShortcut, Command)> = Self::ALL
                .into_iter()
                .flat_map(|c| {
                    c.shortcut()
                        .into_iter()
                        .chain(c.extra_shortcuts().iter().copied())
                        .map(move |s| (s, c))
                })
                .collect();
            let held = |s: &KeyboardShortcut| {
                let m = s.modifiers;
                [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
                    .into_iter()
                    .filter(|on| *on)
                    .count()
            };
            bindings.sort_by_key(|(s, _)| std::cmp::Reverse(held(s)));
            bindings
        })
    }

    /// Whether the shortcut must be left to a focused text field (where it means something
    /// else): the Edit menu's commands, all of which a text field has its own meaning for.
    pub fn yields_to_text_fields(self) -> bool {
        self.menu() == Menu::Edit
    }

    /// Whether the command acts on the map on show (adding to it, zooming, presenting it): from
    /// another view it brings the map back first.
    pub fn acts_on_the_map(self) -> bool {
        matches!(
            self,
            Self::AddCard
                | Self::AddStage
                | Self::AddLane
                | Self::ZoomFit
                | Self::ZoomActual
                | Self::ZoomIn
                | Self::ZoomOut
                | Self::FocusMap
                | Self::WorkshopMode
                | Self::Present
                | Self::FilterUnevidenced
                | Self::TakeSnapshot
                | Self::ShowVersions
                | Self::ShowComments
        )
    }

    /// The menu the command is in.
    pub fn menu(self) -> Menu {
        match self {
            Self::NewJourney
            | Self::NewExperience
            | Self::NewBlueprint
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::Export
            | Self::ImportData
            | Self::ImportMap
            | Self::ImportReview
            | Self::StartScreen
            | Self::Settings
            | Self::Quit => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::Cut
            | Self::Copy
            | Self::Paste
            | Self::Delete
            | Self::SelectAll
            | Self::Duplicate => Menu::Edit,
            Self::AddStage
            | Self::AddLane
            | Self::AddCard
            | Self::NewPersona
            | Self::NewStakeholder
            | Self::MakeAction
            | Self::TakeSnapshot => Menu::Insert,
            Self::ShowMap
            | Self::ShowPersonas
            | Self::ShowStakeholders
            | Self::ShowOverview
            | Self::ShowResearch
            | Self::ShowActions
            | Self::ShowVersions
            | Self::ShowComments
            | Self::FilterUnevidenced
            | Self::ZoomFit
            | Self::ZoomActual
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::FocusMap
            | Self::WorkshopMode
            | Self::Present
            | Self::CommandPalette
            | Self::LanguageSystem
            | Self::LanguageEnglish
            | Self::LanguageDutch
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark => Menu::View,
            Self::Shortcuts | Self::Tour | Self::About => Menu::Help,
        }
    }

    /// The commands on the toolbar, in order (`None` is a separator).
    pub const TOOLBAR: [Option<Self>; 12] = [
        Some(Self::Undo),
        Some(Self::Redo),
        None,
        Some(Self::AddCard),
        Some(Self::AddStage),
        Some(Self::AddLane),
        None,
        Some(Self::Duplicate),
        Some(Self::Delete),
        None,
        Some(Self::ZoomFit),
        Some(Self::ZoomActual),
    ];

    /// The short toolbar of workshop mode.
    pub const WORKSHOP_TOOLBAR: [Self; 7] = [
        Self::Undo,
        Self::AddCard,
        Self::AddStage,
        Self::FocusMap,
        Self::ZoomFit,
        Self::Present,
        Self::WorkshopMode,
    ];

    /// The commands of a card's context menu.
    pub const CARD_MENU: [Self; 6] = [
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::Delete,
        Self::MakeAction,
    ];

    /// The commands of the map background's context menu.
    pub const MAP_MENU: [Self; 6] = [
        Self::Paste,
        Self::AddCard,
        Self::AddStage,
        Self::AddLane,
        Self::SelectAll,
        Self::ZoomFit,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortcut_is_tried_before_its_subsets() {
        let position = |c: Command| {
            Command::bindings()
                .iter()
                .position(|(s, x)| *x == c && Some(*s) == c.shortcut())
        };
        assert!(position(Command::Redo) < position(Command::Undo));
        assert!(position(Command::SaveAs) < position(Command::Save));
    }

    #[test]
    fn every_command_is_listed_once() {
        let mut all = Command::ALL.to_vec();
        all.sort_by_key(|c| format!("{c:?}"));
        all.dedup();
        assert_eq!(all.len(), Command::ALL.len());
    }
}
