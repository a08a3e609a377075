//! The eframe application: window, panels and the canvas.

mod analysis_panel;
mod app;
mod canvas;
pub mod command;
pub mod dialogs;
mod document;
mod export_dialog;
mod inspector;
pub mod map_canvas;
mod messages;
pub mod toolbox;

pub use app::{AppConfig, KlantreisApp};
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
