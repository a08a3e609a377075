//! The project file: RON text, a format header, validation, atomic saves with a backup.

mod atomic;
mod error;
mod format;
pub mod picture;
mod recovery;
mod validate;
pub mod watch;

pub use crate::model::Limits;
pub use atomic::{
    ReplaceError, backup_path, clean_stale_temporaries, replace_with, same_file, write_atomically,
};
pub use error::{FileError, Problem, plain_io_error};
pub use format::{
    CURRENT_FORMAT, FILE_EXTENSION, LoadWarning, Loaded, MAX_FILE_BYTES, RECURSION_LIMIT,
    file_text, from_ron_str, load, save, save_without_backup, to_ron_string,
};
pub use recovery::{Journal, JournalEntry, Recovered};
pub use validate::validate;
