//! What the window tests share: the renderer their snapshots are drawn with.

use eframe::egui_wgpu::{WgpuSetup, wgpu};

/// The wgpu setup for snapshots: Mesa's GL software renderer (llvmpipe) only. A fresh machine
/// has it but no Vulkan driver, CI has both; with one backend chosen here every machine draws
/// the same pixels, so a snapshot compares the app, not the renderer.
pub fn software_gl() -> WgpuSetup {
    let mut setup = egui_kittest::wgpu::default_wgpu_setup();
    if let WgpuSetup::CreateNew(new) = &mut setup {
        new.instance_descriptor.backends = wgpu::Backends::GL;
    }
    setup
}

pub mod app;
