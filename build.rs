//! Rebuilds when a translation changes (rust-i18n reads `locales/` while compiling), and gives
//! a Windows build its icons and version resource (`packaging/windows/klantreis.rc`).

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=packaging/windows");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Fills the version and the icons' folder into the resource script and compiles it into the
/// binary; a failure fails the build rather than shipping an exe without its icon.
fn windows_resources() {
    let var = |name: &str| env::var(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let dir = PathBuf::from(var("CARGO_MANIFEST_DIR")).join("packaging/windows");
    let template = std::fs::read_to_string(dir.join("klantreis.rc"))
        .unwrap_or_else(|e| panic!("packaging/windows/klantreis.rc: {e}"));
    let script = template
        .replace("@DIR@", &dir.display().to_string().replace('\\', "/"))
        .replace("@MAJOR@", &var("CARGO_PKG_VERSION_MAJOR"))
        .replace("@MINOR@", &var("CARGO_PKG_VERSION_MINOR"))
        .replace("@PATCH@", &var("CARGO_PKG_VERSION_PATCH"))
        .replace("@VERSION@", &var("CARGO_PKG_VERSION"));
    let out = PathBuf::from(var("OUT_DIR")).join("klantreis.rc");
    std::fs::write(&out, script).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    embed_resource::compile_for(&out, ["klantreis"], embed_resource::NONE)
        .manifest_optional()
        .unwrap_or_else(|e| panic!("packaging/windows/klantreis.rc: {e}"));
}
