//! Any bytes as a project file: an error or a project, never a panic or a hang; a project that
//! loads saves and loads again to the same project.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.klantreis.ron");
    if let Ok(loaded) = klantreis::file::from_ron_str(text, path) {
        let written =
            klantreis::file::to_ron_string(&loaded.project).expect("a loaded project writes");
        let again = klantreis::file::from_ron_str(&written, path).expect("what was written loads");
        assert_eq!(again.project, loaded.project);
    }
});
