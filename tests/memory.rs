//! A hostile picture keeps memory flat: a few dozen bytes claiming 65,535 × 65,535 pixels
//! (16 GB once decoded) are refused from their header, as a photo and inside a project file.
//! One test in its own binary, so no other test moves the process's peak memory meanwhile.

mod pictures;

use pictures::png_claiming;

/// The process's peak resident memory so far, in kB (Linux's `VmHWM`).
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

#[test]
fn a_picture_claiming_sixteen_gigabytes_is_refused_and_memory_stays_flat() {
    use base64::Engine as _;
    use klantreis::file::picture;
    let hostile = png_claiming(65_535, 65_535);
    assert!(hostile.len() < 100, "{} bytes", hostile.len());
    let before = peak_kb();
    // As a photo picked or dropped.
    let refused = picture::import_photo(&hostile, "huge.png").expect_err("refused");
    assert!(refused.to_string().contains("65535 × 65535"), "{refused}");
    assert!(picture::decode_rgba(&hostile, 512).is_err());
    // Inside a project file.
    let mut project = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        klantreis::i18n::Language::English,
    );
    project.images.push(klantreis::model::EmbeddedImage {
        name: "huge.png".to_owned(),
        data_base64: base64::engine::general_purpose::STANDARD.encode(&hostile),
        ..klantreis::model::EmbeddedImage::default()
    });
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("huge.klantreis.ron");
    let text = klantreis::file::to_ron_string(&project).expect("written");
    std::fs::write(&path, text).expect("saved");
    let error = klantreis::file::load(&path)
        .expect_err("refused")
        .to_string();
    assert!(error.contains("65535 × 65535 pixels"), "{error}");
    // Nothing near the 16 GB (nor even 64 MB) the pixels would need was taken.
    let grown_mb = (peak_kb() - before) / 1024;
    assert!(grown_mb < 64, "peak memory grew by {grown_mb} MB");
}
