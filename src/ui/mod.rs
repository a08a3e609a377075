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
//! - [`actions`]: opportunities and actions: their list, the priority matrix, the roadmap.

pub mod actions;
mod app;
pub mod canvas;
pub mod command;
pub mod dialogs;
mod document;
mod key_names;
mod messages;
mod overview;
mod panels;
pub mod personas;
pub mod pictures;
pub mod research;
pub mod review;
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

/// The one graphics backend the window uses: Vulkan where a Vulkan GPU answers, else OpenGL
/// (without a GPU, Mesa's llvmpipe GL takes less memory than its lavapipe Vulkan). wgpu's
/// default tries every backend, and on Linux that loads both Mesa's Vulkan and its GL drivers
/// into the process. `WGPU_BACKEND` still chooses when set.
fn one_backend() -> eframe::egui_wgpu::wgpu::Backends {
    use eframe::egui_wgpu::wgpu;
    if let Some(chosen) = wgpu::Backends::from_env() {
        return chosen;
    }
    let probe = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: wgpu::Backends::VULKAN,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    let gpu = block_on_ready(probe.enumerate_adapters(wgpu::Backends::VULKAN))
        .iter()
        .any(|a| a.get_info().device_type != wgpu::DeviceType::Cpu);
    if gpu {
        wgpu::Backends::VULKAN
    } else {
        wgpu::Backends::GL
    }
}

/// Waits for a future that is ready at once (wgpu's native adapter list).
fn block_on_ready<F: std::future::Future>(future: F) -> F::Output {
    let waker = std::task::Waker::noop();
    let mut context = std::task::Context::from_waker(waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut context) {
            return out;
        }
        std::thread::yield_now();
    }
}

/// Opens the editor window, with `file` loaded when given.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let mut wgpu_options = eframe::egui_wgpu::WgpuConfiguration::default();
    if let eframe::egui_wgpu::WgpuSetup::CreateNew(new) = &mut wgpu_options.wgpu_setup {
        new.instance_descriptor.backends = one_backend();
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Klantreis")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0]),
        wgpu_options,
        ..Default::default()
    };
    eframe::run_native(
        "Klantreis",
        options,
        Box::new(move |cc| Ok(Box::new(KlantreisApp::new(cc, file)))),
    )
}
