//! Any bytes as a review file: comments or an error, never a panic; every comment read fits
//! the project (the file validates with it) and is added once however often it comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut project = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        klantreis::i18n::Language::Dutch,
    );
    // The template's first map has this id in the fuzzer's seeds.
    project.maps[0].id = klantreis::model::MapId(1);
    let limits = klantreis::model::Limits::default();
    let Ok(review) = klantreis::import::review::from_bytes(data, "fuzz", &project, &limits) else {
        return;
    };
    let added = klantreis::edit::review::add(&project, review.comments.clone());
    if let Some(edit) = added.edit {
        klantreis::edit::apply(&mut project, edit).expect("adding comments applies");
    }
    assert!(klantreis::file::validate(&project, &limits).is_empty());
    assert!(klantreis::edit::review::add(&project, review.comments).edit.is_none());
});
