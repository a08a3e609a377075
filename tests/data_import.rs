//! Reading data files: CSV as spreadsheets write it, workbooks, the mapping onto a map, the rows
//! that cannot be used, what a re-import changes, and a curve driven by a score.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

use klantreis::data::{self, Cell, Changes, DataError, mapping::RowReason};
use klantreis::model::{CurveData, DataImport, Dataset, EmotionCurve, KeyMatch, Map, Project};

fn waterschade() -> Project {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/waterschade-claim.klantreis.ron");
    klantreis::file::load(&path).unwrap().project
}

fn map(project: &Project) -> &Map {
    &project.maps[0]
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn recipe(key: &str, value: &str) -> DataImport {
    DataImport {
        key_column: key.to_owned(),
        value_column: value.to_owned(),
        ..DataImport::default()
    }
}

#[test]
fn each_delimiter_reads_the_same_table() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("komma.csv", "Fase,Aantal\nMelden,412\nBeoordeling,356\n"),
        (
            "puntkomma.csv",
            "Fase;Aantal\nMelden;412\nBeoordeling;356\n",
        ),
        ("tab.tsv", "Fase\tAantal\nMelden\t412\nBeoordeling\t356\n"),
    ] {
        let table = data::read_table(&write(&dir, name, text.as_bytes()), "").unwrap();
        assert_eq!(table.headers, ["Fase", "Aantal"], "{name}");
        assert_eq!(table.rows.len(), 2, "{name}");
        assert_eq!(
            table.rows[1].cells[1],
            Cell::Text("356".to_owned()),
            "{name}"
        );
        assert_eq!(table.rows[1].line, 3, "{name}");
    }
}

#[test]
fn quotes_newlines_bom_and_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}Fase;Reden;CSAT\n\
                Melden;\"Lang wachten;\nniemand belde terug\";3,4\n\
                \"Beoordeling\";\"Zegt \"\"binnen 5 dagen\"\"\";2,75\n";
    let path = write(&dir, "csat.csv", text.as_bytes());
    let table = data::read_table(&path, "").unwrap();
    // The BOM is not part of the first header.
    assert_eq!(table.headers, ["Fase", "Reden", "CSAT"]);
    let csat = table.column("CSAT").unwrap();
    assert_eq!(table.number_style(csat).decimal_comma(), Some(true));
    assert_eq!(
        table.rows[0].cells[1].text(),
        "Lang wachten;\nniemand belde terug"
    );
    assert_eq!(table.rows[1].cells[1].text(), "Zegt \"binnen 5 dagen\"");
    // The second record starts on line 4: the quoted newline took a line.
    assert_eq!(table.rows[1].line, 4);
    let project = waterschade();
    let r = DataImport {
        decimal_comma: true,
        ..recipe("Fase", "CSAT")
    };
    let outcome = data::mapping::apply(&table, &r, map(&project)).unwrap();
    let values: Vec<f64> = outcome.values.iter().map(|v| v.value).collect();
    assert_eq!(values, [3.4, 2.75]);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
}

#[test]
fn windows_1252_text_from_an_older_excel_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Fase;Reden;Aantal\nMelden;".to_vec();
    bytes.extend_from_slice(b"Pr\xe9mie \x80 te hoog;12\n");
    let table = data::read_table(&write(&dir, "oud.csv", &bytes), "").unwrap();
    assert_eq!(table.rows[0].cells[1].text(), "Prémie € te hoog");
}

#[test]
fn bad_rows_are_listed_with_their_line_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Fase;Aantal;Datum\n\
                Melden;412;30-09-2026\n\
                ;17;30-09-2026\n\
                Ergens;5;30-09-2026\n\
                Beoordeling;;30-09-2026\n\
                Beoordeling;veel;30-09-2026\n\
                Uitbetaling;201;gisteren\n\n\
                Uitbetaling;1.201,5;31-10-2026\n";
    let table = data::read_table(&write(&dir, "gesprekken.csv", text.as_bytes()), "").unwrap();
    let project = waterschade();
    let r = DataImport {
        date_column: "Datum".to_owned(),
        decimal_comma: true,
        ..recipe("Fase", "Aantal")
    };
    let outcome = data::mapping::apply(&table, &r, map(&project)).unwrap();
    let problems: Vec<(u32, RowReason)> = outcome
        .problems
        .iter()
        .map(|p| (p.line, p.reason.clone()))
        .collect();
    assert_eq!(
        problems,
        [
            (3, RowReason::NoKey),
            (4, RowReason::UnknownKey("Ergens".to_owned())),
            (5, RowReason::NoValue),
            (6, RowReason::NotANumber("veel".to_owned())),
            (7, RowReason::NotADate("gisteren".to_owned())),
        ]
    );
    // Every row is accounted for: used or named.
    assert_eq!(
        outcome.values.len() + outcome.problems.len(),
        table.rows.len()
    );
    let last = outcome.values.last().unwrap();
    assert_eq!(
        (last.value, last.date.as_str(), last.row),
        (1201.5, "2026-10-31", 9)
    );
    assert_eq!(
        outcome.problems[3].to_string(),
        "line 6: \"veel\" is not a number"
    );
}

#[test]
fn an_empty_file_and_a_header_only_file_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let empty = data::read_table(&write(&dir, "leeg.csv", b""), "").unwrap_err();
    assert!(matches!(empty, DataError::Empty { .. }), "{empty}");
    assert!(empty.to_string().contains("leeg.csv is empty"), "{empty}");
    let blank = data::read_table(&write(&dir, "wit.csv", b"\n\n  \n"), "").unwrap_err();
    assert!(matches!(blank, DataError::Empty { .. }), "{blank}");
    let header = data::read_table(&write(&dir, "kop.csv", b"Fase;Aantal\n"), "").unwrap();
    assert!(header.rows.is_empty());
}

#[test]
fn a_200_mb_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enorm.csv");
    // A sparse file: 200 MB long, nothing on disk. Reading it whole would take seconds.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let started = std::time::Instant::now();
    let error = data::read_table(&path, "").unwrap_err();
    assert!(matches!(error, DataError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("at most 64 MB"), "{error}");
    // Refused on its size alone.
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn unknown_kinds_and_broken_workbooks_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = data::read_table(&write(&dir, "cijfers.pdf", b"%PDF-1.7"), "").unwrap_err();
    assert!(pdf.to_string().contains("use .csv"), "{pdf}");
    let fake = data::read_table(&write(&dir, "kapot.xlsx", b"dit is geen zip"), "").unwrap_err();
    assert!(matches!(fake, DataError::Workbook { .. }), "{fake}");
    assert!(
        fake.to_string()
            .starts_with(&format!("{}", dir.path().join("kapot.xlsx").display()))
    );
}

fn workbook() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gesprekken.xlsx")
}

#[test]
fn a_workbook_sheet_is_read_with_its_dates_numbers_and_rows() {
    let first = data::read_table(&workbook(), "").unwrap();
    assert_eq!(first.sheets, ["Toelichting", "Gesprekken"]);
    assert_eq!(first.sheet, "Toelichting");
    let missing = data::read_table(&workbook(), "Bezoeken").unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("\"Toelichting\", \"Gesprekken\""),
        "{missing}"
    );
    let table = data::read_table(&workbook(), "Gesprekken").unwrap();
    assert_eq!(table.headers, ["Fase", "Reden", "Aantal", "Peildatum"]);
    assert_eq!(table.rows[0].cells[2], Cell::Number(412.0));
    assert_eq!(table.rows[0].cells[3], Cell::Date("2026-09-30".to_owned()));
    // Spreadsheet row numbers, the blank row skipped but counted.
    assert_eq!(table.rows.last().unwrap().line, 10);

    let project = waterschade();
    let r = DataImport {
        date_column: "Peildatum".to_owned(),
        label_column: "Reden".to_owned(),
        sheet: "Gesprekken".to_owned(),
        ..recipe("Fase", "Aantal")
    };
    let outcome = data::mapping::apply(&table, &r, map(&project)).unwrap();
    let reasons: Vec<String> = outcome.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "line 6: \"Onbekende fase\" names no stage or touchpoint of the map",
            "line 7: \"veel\" is not a number",
            "line 8: \"gisteren\" is not a date (use 2026-10-31 or 31-10-2026)",
        ]
    );
    let melden = map(&project)
        .stages
        .iter()
        .find(|s| s.name == "Melden")
        .unwrap()
        .id;
    // "melden " matched "Melden": case and spaces aside.
    let on_melden: Vec<(&str, f64)> = outcome
        .values
        .iter()
        .filter(|v| v.stage == Some(melden))
        .map(|v| (v.label.as_str(), v.value))
        .collect();
    assert_eq!(
        on_melden,
        [("Hoe meld ik schade?", 412.0), ("Status melding", 128.0)]
    );
    assert_eq!(outcome.values.last().unwrap().date, "2026-10-31");
}

#[test]
fn a_guess_picks_key_value_date_and_label_columns() {
    let table = data::read_table(&workbook(), "Gesprekken").unwrap();
    let project = waterschade();
    let guess = data::mapping::guess(&table, map(&project));
    assert_eq!(
        (
            guess.key_column.as_str(),
            guess.value_column.as_str(),
            guess.date_column.as_str(),
            guess.label_column.as_str(),
            guess.matching
        ),
        ("Fase", "Aantal", "Peildatum", "Reden", KeyMatch::Stage)
    );
}

#[test]
fn a_renamed_column_is_named_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let table =
        data::read_table(&write(&dir, "nieuw.csv", b"Stap;Volume\nMelden;3\n"), "").unwrap();
    let project = waterschade();
    let e = data::mapping::apply(&table, &recipe("Fase", "Volume"), map(&project)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the key column \"Fase\" is not in the table; its columns are \"Stap\", \"Volume\""
    );
}

#[test]
fn changes_name_what_was_added_removed_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let project = waterschade();
    let read = |text: &str| {
        let t = data::read_table(&write(&dir, "g.csv", text.as_bytes()), "").unwrap();
        data::mapping::apply(&t, &recipe("Fase", "Aantal"), map(&project))
            .unwrap()
            .values
    };
    let before = read("Fase;Aantal\nMelden;412\nBeoordeling;356\nHerstel;40\n");
    let after = read("Fase;Aantal\nMelden;412\nBeoordeling;298\nUitbetaling;187\n");
    let changes = Changes::between(&before, &after, Some(map(&project)));
    let seen: Vec<(&str, Option<f64>, Option<f64>)> = changes
        .changes
        .iter()
        .map(|c| (c.place.as_str(), c.old, c.new))
        .collect();
    assert_eq!(
        seen,
        [
            ("Beoordeling", Some(356.0), Some(298.0)),
            ("Herstel", Some(40.0), None),
            ("Uitbetaling", None, Some(187.0)),
        ]
    );
    assert_eq!(
        (changes.added(), changes.removed(), changes.changed()),
        (1, 1, 1)
    );
    assert!(Changes::between(&after, &after, Some(map(&project))).is_empty());
}

#[test]
fn a_score_drives_a_curve_onto_the_maps_scale() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = waterschade();
    let table = data::read_table(
        &write(
            &dir,
            "csat.csv",
            b"Fase;CSAT;Datum\nMelden;2;2026-09-30\nMelden;4;2026-10-31\nMelden;5;2026-10-31\nUitbetaling;1;2026-10-31\n",
        ),
        "",
    )
    .unwrap();
    let r = DataImport {
        date_column: "Datum".to_owned(),
        ..recipe("Fase", "CSAT")
    };
    let values = data::mapping::apply(&table, &r, map(&project))
        .unwrap()
        .values;
    let dataset = Dataset {
        name: "CSAT".to_owned(),
        values,
        ..Dataset::default()
    };
    let map = &mut project.maps[0];
    let (min, max) = (map.scale.min(), map.scale.max());
    let data = CurveData {
        dataset: dataset.id,
        low: 1.0,
        high: 5.0,
    };
    // The workshop's own curve, with points placed by hand.
    let drawn = map.curves.iter().find(|c| c.data.is_none()).unwrap();
    let curve = EmotionCurve {
        data: Some(data),
        ..drawn.clone()
    };
    let points = data::curve::points(&curve, data, &dataset, map);
    let melden = map.stages.iter().position(|s| s.name == "Melden").unwrap();
    let on = |i: usize| points.iter().find(|p| p.stage == map.stages[i].id).unwrap();
    // The latest date's mean (4.5) lands three quarters up a 1..5 source, mapped linearly.
    assert!((on(melden).score - (min + 0.875 * (max - min))).abs() < 1e-9);
    assert!(on(melden).from_data);
    let last = map.stages.len() - 1;
    assert!((on(last).score - min).abs() < 1e-9);
    // Stages without data keep the points the user placed, in journey order.
    let hand: Vec<_> = points.iter().filter(|p| !p.from_data).collect();
    assert!(!hand.is_empty());
    let order: Vec<usize> = points
        .iter()
        .map(|p| map.stages.iter().position(|s| s.id == p.stage).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any bytes as CSV: a table or an error; every row of a table is used or named.
        #[test]
        fn no_bytes_make_the_csv_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let project = waterschade();
            if let Ok(table) = data::parse_table(&bytes, Path::new("x.csv"), "") {
                let recipe = data::mapping::guess(&table, map(&project));
                if let Ok(outcome) = data::mapping::apply(&table, &recipe, map(&project)) {
                    prop_assert_eq!(outcome.values.len() + outcome.problems.len(), table.rows.len());
                }
            }
        }

        /// A workbook cut short or with bytes changed: an error that names the file, or a table.
        #[test]
        fn a_damaged_workbook_never_panics(cut in 0.0..1.0f64, at in 0.0..1.0f64, byte in any::<u8>()) {
            let mut bytes = std::fs::read(workbook()).unwrap();
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = byte;
            bytes.truncate(((bytes.len() as f64) * cut) as usize);
            if let Err(e) = data::parse_table(&bytes, Path::new("kapot.xlsx"), "Gesprekken") {
                prop_assert!(e.to_string().starts_with("kapot.xlsx"), "{}", e);
            }
        }
    }
}

#[test]
fn an_import_always_gives_a_project_that_saves() {
    // A label of a thousand characters, a header of six hundred: cut or kept, never a project
    // the file refuses.
    let dir = tempfile::tempdir().unwrap();
    let long_header = "Aantal gesprekken ".repeat(33);
    let text = format!(
        "Fase;{long_header};Reden\nMelden;12;{}\n",
        "lang ".repeat(200)
    );
    let path = write(&dir, "lang.csv", text.as_bytes());
    let mut project = waterschade();
    let recipe = DataImport {
        file: path.to_string_lossy().into_owned(),
        label_column: "Reden".to_owned(),
        ..recipe("Fase", long_header.trim())
    };
    let base = Dataset {
        name: "Lang".to_owned(),
        ..Dataset::default()
    };
    let read = klantreis::edit::data::read(None, map(&project), &base, &recipe).unwrap();
    let imported = klantreis::edit::data::put_read(&project, read).unwrap();
    klantreis::edit::apply(&mut project, imported.edit).unwrap();
    let problems = klantreis::file::validate(&project, &klantreis::model::Limits::default());
    assert!(problems.is_empty(), "{problems:?}");
    let label = &project.datasets.last().unwrap().values[0].label;
    assert_eq!(label.chars().count(), 200);
}

#[test]
fn an_ods_workbook_reads_like_an_xlsx_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bezoeken.ods");
    let table = data::read_table(&path, "").unwrap();
    assert_eq!(table.sheets, ["Bezoeken"]);
    assert_eq!(table.headers, ["Fase", "Bezoeken", "Datum"]);
    let project = waterschade();
    let r = DataImport {
        date_column: "Datum".to_owned(),
        ..recipe("Fase", "Bezoeken")
    };
    let outcome = data::mapping::apply(&table, &r, map(&project)).unwrap();
    let got: Vec<(f64, &str)> = outcome
        .values
        .iter()
        .map(|v| (v.value, v.date.as_str()))
        .collect();
    assert_eq!(got, [(5120.0, "2026-10-31"), (2210.5, "2026-10-31")]);
}

#[test]
fn more_rows_than_a_data_set_holds_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Fase;Aantal\n");
    for _ in 0..=data::MAX_ROWS {
        text.push_str("Melden;1\n");
    }
    let error = data::read_table(&write(&dir, "veel.csv", text.as_bytes()), "").unwrap_err();
    assert!(matches!(error, DataError::TooManyRows { .. }), "{error}");
    assert!(
        error.to_string().contains("more than 100000 rows"),
        "{error}"
    );
    // One row fewer is read.
    text.truncate(text.len() - "Melden;1\n".len());
    let table = data::read_table(&write(&dir, "veel.csv", text.as_bytes()), "").unwrap();
    assert_eq!(table.rows.len(), data::MAX_ROWS);
}

#[test]
fn a_workbook_that_makes_the_reader_overflow_is_an_error_not_a_crash() {
    // Found by the fuzzer (fuzz/fuzz_targets/data.rs): a cell reference whose column letters
    // overflow calamine's arithmetic.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-calamine-overflow.xlsx");
    let bytes = std::fs::read(&path).unwrap();
    for sheet in ["", "Gesprekken"] {
        if let Err(e) = data::parse_table(&bytes, Path::new("kapot.xlsx"), sheet) {
            assert!(e.to_string().starts_with("kapot.xlsx"), "{e}");
        }
    }
    // (With overflow checks, as tests build, the reader panics: that must be an error naming
    // the file; a release build's reader wraps around and may read something.)
    if let Err(e) = data::read_table(&path, "") {
        assert!(e.to_string().contains("fuzz-calamine-overflow.xlsx"), "{e}");
    }
}
