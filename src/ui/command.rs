//! Every user action, once: its label, shortcut and menu. Menus, shortcuts and the command
//! palette are all built from [`Command::ALL`].

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    NewJourney,
    NewExperience,
    NewBlueprint,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
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
    CommandPalette,
}

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Insert,
    View,
}

impl Menu {
    /// All menus, left to right.
    pub const ALL: [Self; 4] = [Self::File, Self::Edit, Self::Insert, Self::View];

    /// The menu's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Insert => "Insert",
            Self::View => "View",
        }
    }
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Every command, in menu order. Shortcuts with more modifiers come before their subsets,
    /// so Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub const ALL: [Self; 19] = [
        Self::NewJourney,
        Self::NewExperience,
        Self::NewBlueprint,
        Self::Open,
        Self::SaveAs,
        Self::Save,
        Self::Redo,
        Self::Undo,
        Self::Delete,
        Self::SelectAll,
        Self::Duplicate,
        Self::AddCard,
        Self::AddStage,
        Self::AddLane,
        Self::ZoomFit,
        Self::ZoomActual,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::CommandPalette,
    ];

    /// The text in menus and the palette.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewJourney => "New customer journey map",
            Self::NewExperience => "New customer experience map",
            Self::NewBlueprint => "New service blueprint",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Delete => "Delete",
            Self::SelectAll => "Select all cards",
            Self::Duplicate => "Duplicate",
            Self::AddStage => "Add stage",
            Self::AddLane => "Add lane",
            Self::AddCard => "Add card",
            Self::ZoomFit => "Fit to window",
            Self::ZoomActual => "Actual size (100%)",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::CommandPalette => "Command palette…",
        }
    }

    /// A longer explanation, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewJourney | Self::NewExperience | Self::NewBlueprint => {
                "Start a new project from a template"
            }
            Self::Open => "Open a .klantreis.ron project file",
            Self::Save => "Save the project",
            Self::SaveAs => "Save the project under another name",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::Delete => "Delete the selected cards, stage or lane",
            Self::SelectAll => "Select every card on the map",
            Self::Duplicate => "Copy the selected cards next to the originals",
            Self::AddStage => "Add a stage after the selected one (or at the end)",
            Self::AddLane => "Add a lane below the selected one (or at the bottom)",
            Self::AddCard => "Add a card to the selected lane and stage",
            Self::ZoomFit => "Show the whole map",
            Self::ZoomActual => "Show the map at its printed size",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::CommandPalette => "Find and run any command",
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::NewJourney => cmd(Key::N),
            Self::Open => cmd(Key::O),
            Self::Save => cmd(Key::S),
            Self::SaveAs => cmd_shift(Key::S),
            Self::Undo => cmd(Key::Z),
            Self::Redo => cmd_shift(Key::Z),
            Self::Delete => KeyboardShortcut::new(Modifiers::NONE, Key::Delete),
            Self::SelectAll => cmd(Key::A),
            Self::Duplicate => cmd(Key::D),
            Self::ZoomFit => cmd(Key::Num0),
            Self::ZoomActual => cmd(Key::Num1),
            Self::ZoomIn => cmd(Key::Plus),
            Self::ZoomOut => cmd(Key::Minus),
            Self::CommandPalette => cmd(Key::K),
            Self::NewExperience
            | Self::NewBlueprint
            | Self::AddStage
            | Self::AddLane
            | Self::AddCard => {
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

    /// Whether the shortcut must be left to a focused text field (where it means something else).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Self::Undo | Self::Redo | Self::Delete | Self::SelectAll | Self::Duplicate
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
            | Self::SaveAs => Menu::File,
            Self::Undo | Self::Redo | Self::Delete | Self::SelectAll | Self::Duplicate => {
                Menu::Edit
            }
            Self::AddStage | Self::AddLane | Self::AddCard => Menu::Insert,
            Self::ZoomFit
            | Self::ZoomActual
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::CommandPalette => Menu::View,
        }
    }

    /// Menu order within a menu (ALL is in shortcut-matching order).
    pub fn menu_order() -> [Self; 19] {
        let mut all = Self::ALL;
        all.sort_by_key(|c| match c {
            Self::Save => 4,
            Self::SaveAs => 5,
            Self::Undo => 6,
            Self::Redo => 7,
            _ => 100 + Self::ALL.iter().position(|x| x == c).unwrap_or(0),
        });
        all
    }
}
