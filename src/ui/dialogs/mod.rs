//! The dialogs. Each is its own type whose `ui` returns a typed answer (or `None` while it is
//! open and unanswered); the app acts on the answer after the frame.

mod export;
mod export_department;
mod export_rows;
mod export_words;
mod file_field;
mod files;
mod first_start;
mod help;
mod import_data;
mod import_grid;
mod palette;
mod recover;
mod reimport;
mod settings;
mod tour;
mod unsaved;

pub use export::{ExportDialog, Outcome as ExportOutcome};
pub use file_field::{FieldAnswer, FieldKind, FileField};
pub use files::{
    FileDialogs, NativeDialogs, Picked, ScriptedDialogs, Unavailable, with_export_extension,
    with_extension,
};
pub use first_start::LanguageQuestion;
pub use help::{Closed, Help};
pub use import_data::{ImportAnswer, ImportDialog, reason_text};
pub use import_grid::{GridAnswer, GridDialog};
pub use palette::{Chosen, Palette};
pub use recover::{Recover, RecoverDialog};
pub use reimport::{ReimportAnswer, ReimportDialog};
pub use settings::{SettingsAnswer, SettingsDialog};
pub use tour::{Tour, TourAnswer};
pub use unsaved::{Unsaved, UnsavedDialog};
