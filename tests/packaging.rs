//! The packaging files agree with each other and with Cargo.toml: one app id, one MIME type,
//! one version, and every icon the package installs exists at the size its folder names.

use std::path::Path;

const APP_ID: &str = "nl.klantreis.Klantreis";
const MIME: &str = "application/x-klantreis";

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The value of `key=` in a desktop entry.
fn desktop_value<'a>(entry: &'a str, key: &str) -> &'a str {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
        .unwrap_or_else(|| panic!("no {key} in the desktop entry"))
}

#[test]
fn the_desktop_entry_opens_project_files_with_the_binary() {
    let entry = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert_eq!(desktop_value(&entry, "Exec"), "klantreis %f");
    assert_eq!(desktop_value(&entry, "Icon"), APP_ID);
    assert!(
        desktop_value(&entry, "MimeType")
            .split(';')
            .any(|m| m == MIME)
    );
    let mime = read("packaging/linux/klantreis-mime.xml");
    assert!(mime.contains(&format!("<mime-type type=\"{MIME}\">")));
    assert!(mime.contains("<glob pattern=\"*.klantreis.ron\""));
    assert!(mime.contains("<icon name=\"application-x-klantreis\"/>"));
}

#[test]
fn the_metainfo_and_the_bundle_carry_the_crate_version_and_the_app_id() {
    let version = env!("CARGO_PKG_VERSION");
    let meta = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    assert!(meta.contains(&format!("<id>{APP_ID}</id>")));
    assert!(meta.contains(&format!(
        "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
    )));
    assert!(meta.contains(&format!("<mediatype>{MIME}</mediatype>")));
    assert!(
        meta.contains(&format!("<release version=\"{version}\"")),
        "the newest release in the metainfo is not {version}"
    );
    let plist = read("packaging/macos/Info.plist");
    for key in ["CFBundleShortVersionString", "CFBundleVersion"] {
        assert!(
            plist.contains(&format!("<key>{key}</key>\n  <string>{version}</string>")),
            "{key} in Info.plist is not {version}"
        );
    }
    assert!(plist.contains(&format!("<string>{APP_ID}</string>")));
    let flatpak = read(&format!("packaging/flatpak/{APP_ID}.yml"));
    assert!(flatpak.contains(&format!("id: {APP_ID}\n")));
}

/// The (source, destination) pairs of `[package.metadata.deb] assets`.
fn deb_assets(manifest: &str) -> Vec<(String, String)> {
    let start = manifest.find("\nassets = [").expect("cargo-deb assets");
    manifest[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.trim() != "]")
        .filter_map(|l| {
            let parts: Vec<&str> = l.split('"').collect();
            (parts.len() >= 4).then(|| (parts[1].to_owned(), parts[3].to_owned()))
        })
        .collect()
}

#[test]
fn every_file_the_package_installs_exists_and_icons_have_their_folder_size() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let assets = deb_assets(&read("Cargo.toml"));
    assert!(assets.len() > 20, "{assets:?}");
    let mut pngs = 0;
    for (source, dest) in &assets {
        if source.starts_with("target/") || source.contains('*') {
            continue;
        }
        let path = root.join(source);
        assert!(path.is_file(), "{source} is missing");
        if let Some(size) = dest
            .strip_prefix("usr/share/icons/hicolor/")
            .and_then(|d| d.split('/').next())
            .and_then(|d| d.split_once('x'))
        {
            let want: u32 = size.0.parse().expect("icon size");
            let file = std::fs::File::open(&path).expect("icon");
            let info = png::Decoder::new(std::io::BufReader::new(file))
                .read_info()
                .expect("a PNG icon");
            let got = (info.info().width, info.info().height);
            assert_eq!(got, (want, want), "{source}");
            pngs += 1;
        }
    }
    // The app and the project file, each at 16, 24, 32, 48, 64, 128, 256 and 512 pixels.
    assert_eq!(pngs, 16);
}
