//! The panels around the canvas. Each reads what it shows and pushes what the user asks for
//! as [`AppAction`](super::app::AppAction)s; none changes the document itself.

mod analysis;
mod curves;
mod inspector;
mod menu_bar;
mod research_links;
mod sidebar;
mod status_bar;
mod versions;

pub use analysis::{AnalysisAnswer, analysis_ui};
pub use inspector::inspector_ui;
pub(crate) use inspector::merge_key;
pub use menu_bar::{command_button, menu_bar_ui, paint_icon, toolbar_ui};
pub use sidebar::sidebar_ui;
pub use status_bar::{Notice, Status, notices_ui, status_bar_ui};
pub use versions::{VersionsAnswer, VersionsView, versions_ui};
