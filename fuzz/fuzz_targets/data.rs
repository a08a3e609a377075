//! Any bytes as a data file, CSV or workbook: a table or an error, never a panic or a hang; a
//! table maps onto a map with every row used or named.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let map = klantreis::templates::new_project(
        klantreis::model::MapKind::CustomerJourney,
        klantreis::i18n::Language::Dutch,
    )
    .maps
    .remove(0);
    for name in ["fuzz.csv", "fuzz.xlsx"] {
        let Ok(table) = klantreis::data::parse_table(data, Path::new(name), "") else {
            continue;
        };
        let recipe = klantreis::data::mapping::guess(&table, &map);
        if let Ok(outcome) = klantreis::data::mapping::apply(&table, &recipe, &map) {
            assert_eq!(outcome.values.len() + outcome.problems.len(), table.rows.len());
        }
    }
});
