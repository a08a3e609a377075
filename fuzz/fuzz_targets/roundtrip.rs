//! Generated projects of every size the fuzzer picks, edited by the fuzzer's bytes (titles
//! and scores), round-trip through the file format unchanged or are refused by validation.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let spec = klantreis::sample::Spec {
        stages: 1 + usize::from(data[0] % 12),
        lanes: 1 + usize::from(data[1] % 8),
        cards: usize::from(data[2]) * 2,
        seed: u64::from_le_bytes([
            data[0], data[1], data[2], data[3], data[4], data[5], data[6], data[7],
        ]),
    };
    let mut project = klantreis::sample::generate(&spec);
    let text = String::from_utf8_lossy(&data[8..]).into_owned();
    if let Some(map) = project.maps.first_mut() {
        map.title = text.clone();
        if let Some(card) = map.cards.first_mut() {
            card.title = text;
        }
    }
    let path = Path::new("fuzz.klantreis.ron");
    let problems = klantreis::file::validate(&project, &klantreis::file::Limits::default());
    let written = klantreis::file::to_ron_string(&project).expect("a project writes");
    match klantreis::file::from_ron_str(&written, path) {
        Ok(loaded) => {
            assert!(problems.is_empty());
            assert_eq!(loaded.project, project);
        }
        Err(_) => assert!(!problems.is_empty(), "a valid project did not load back"),
    }
});
