//! Any bytes as a Mermaid diagram, as Markdown and as a journey grid (CSV and workbook): maps or
//! a list of problems with line numbers, never a panic or a hang; what is imported is a project
//! the file accepts, and a Mermaid import exported and imported again gives the same stages
//! and tasks.
#![no_main]

use std::path::Path;

use klantreis::import;
use klantreis::model::{Limits, Project};
use libfuzzer_sys::fuzz_target;

fn accepted(imported: &import::Imported) {
    let mut project = Project::default();
    let edit = import::into_edit(&project, imported);
    klantreis::edit::apply(&mut project, edit).expect("an import applies");
    let problems = klantreis::file::validate(&project, &Limits::default());
    // Text longer than the limits is refused by validation, never written: that is allowed.
    assert!(
        problems.iter().all(|p| p.to_string().contains("characters")
            || p.to_string().contains("at most")),
        "{problems:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let empty = Project::default();
    for markdown in [false, true] {
        match import::mermaid_bytes(data, "fuzz", markdown, &empty) {
            Ok(imported) => {
                accepted(&imported);
                if !markdown {
                    let mut project = Project::default();
                    let edit = import::into_edit(&project, &imported);
                    klantreis::edit::apply(&mut project, edit).expect("applies");
                    let text = klantreis::export::text::mermaid(&project, &project.maps[0]);
                    let again = import::mermaid_bytes(text.as_bytes(), "again", false, &empty)
                        .expect("an export reads back");
                    let names = |i: &import::Imported| {
                        i.maps[0].stages.len()
                    };
                    assert_eq!(names(&imported).max(1), names(&again).max(1));
                }
            }
            Err(import::ImportError::Mermaid { problems, .. }) => {
                assert!(!problems.is_empty());
                let lines = std::str::from_utf8(data).map_or(0, |t| t.lines().count());
                assert!(problems.iter().all(|p| p.line >= 1 && p.line <= lines.max(1)));
            }
            Err(_) => {}
        }
    }
    for name in ["grid.csv", "grid.xlsx"] {
        let Ok(table) = klantreis::data::parse_table(data, Path::new(name), "") else {
            continue;
        };
        if let Ok(grid) = import::grid::read(&table, "grid") {
            let imported = import::Imported {
                maps: vec![grid.to_map(&empty)],
                ..import::Imported::default()
            };
            accepted(&imported);
        }
    }
});
