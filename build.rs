//! Rebuilds when a translation changes: rust-i18n reads `locales/` while compiling.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
