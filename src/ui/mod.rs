//! The eframe application: the app shell (`app`), the canvas, the panels and the dialogs.
//!
//! - `app`: state and the frame; one queue of [`AppAction`]s carried out after the frame;
//!   opening, saving, recovery and exporting.
//! - [`command`]: every user action with its label, shortcut and menu.
//! - [`selection`]: what is selected, shared by the canvas, the inspector, the clipboard and
//!   the commands.
//! - [`canvas`]: the map, drawn from the shared scene, with its interaction.
//! - `panels`: menu bar and toolbar, sidebar, inspector, analysis, status bar.
//! - [`dialogs`]: each dialog a type returning a typed answer; the file dialogs' seam.

mod app;
pub mod canvas;
pub mod command;
pub mod dialogs;
mod document;
mod messages;
mod overview;
mod panels;
pub mod personas;
pub mod pictures;
pub mod research;
pub mod selection;
pub mod settings;
pub mod stakeholders;
mod start;
mod style;
pub mod toolbox;
mod workshop;

pub use app::{AppAction, AppConfig, KlantreisApp, RightTab, View};
pub use canvas::{CanvasView, paint_scene};
pub use document::Document;

use std::path::PathBuf;

/// Opens the editor window, with `file` loaded when given.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Klantreis")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Klantreis",
        options,
        Box::new(move |cc| Ok(Box::new(KlantreisApp::new(cc, file)))),
    )
}
