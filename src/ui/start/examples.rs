//! The example projects, compiled in so the start screen offers them wherever the binary is
//! installed. An example opens as a new, unsaved project: saving asks where, so the example
//! itself is never changed.

/// (file name, contents) of each example, in the order the start screen shows them.
pub const EXAMPLES: [(&str, &str); 4] = [
    (
        "ikea-winkelbezoek.klantreis.ron",
        include_str!("../../../examples/ikea-winkelbezoek.klantreis.ron"),
    ),
    (
        "wasmachine-kapot.klantreis.ron",
        include_str!("../../../examples/wasmachine-kapot.klantreis.ron"),
    ),
    (
        "waterschade-claim.klantreis.ron",
        include_str!("../../../examples/waterschade-claim.klantreis.ron"),
    ),
    (
        "library-reservation.klantreis.ron",
        include_str!("../../../examples/library-reservation.klantreis.ron"),
    ),
];

/// The example at `index`, read as a project.
pub fn load(index: usize) -> Result<crate::model::Project, crate::file::FileError> {
    let (name, text) = EXAMPLES.get(index).copied().unwrap_or(EXAMPLES[0]);
    crate::file::from_ron_str(text, std::path::Path::new(name)).map(|l| l.project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_opens() {
        for (i, (name, _)) in EXAMPLES.iter().enumerate() {
            let project = load(i).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!project.maps.is_empty(), "{name}");
        }
    }

    #[test]
    fn every_example_in_the_folder_is_offered() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".klantreis.ron"))
            .collect();
        on_disk.sort();
        let mut offered: Vec<String> = EXAMPLES.iter().map(|(n, _)| (*n).to_owned()).collect();
        offered.sort();
        assert_eq!(on_disk, offered);
    }
}
