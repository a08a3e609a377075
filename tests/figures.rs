//! Figures read as they were written and data files that travel with the project (issue 24),
//! through the real binary: `;`-separated CSV with decimal points, columns that read two ways,
//! workbooks whose counts are not dates, workbooks that unpack beyond reason, data paths
//! stored relative to the project and found beside a moved project.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::klantreis;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// A copy of the water-damage example in `dir`, with a CSV `name` holding `text` beside it.
fn project_with(dir: &Path, name: &str, text: &[u8]) -> (PathBuf, PathBuf) {
    let project = dir.join("w.klantreis.ron");
    std::fs::copy(example("waterschade-claim.klantreis.ron"), &project).unwrap();
    for csv in ["waterschade-contactcentrum.csv", "waterschade-csat.csv"] {
        std::fs::copy(example(csv), dir.join(csv)).unwrap();
    }
    let data = dir.join(name);
    std::fs::write(&data, text).unwrap();
    (project, data)
}

fn import(project: &Path, data: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "import-data",
        data.to_str().unwrap(),
        "--into",
        project.to_str().unwrap(),
        "--map",
        "1",
        "--name",
        "Cijfers",
    ];
    args.extend_from_slice(more);
    klantreis(&args)
}

fn values(project: &Path) -> Vec<f64> {
    let loaded = klantreis::file::load(project).unwrap().project;
    let set = loaded
        .datasets
        .iter()
        .find(|d| d.name == "Cijfers")
        .unwrap();
    set.values.iter().map(|v| v.value).collect()
}

fn recipe_file(project: &Path) -> String {
    let loaded = klantreis::file::load(project).unwrap().project;
    let set = loaded
        .datasets
        .iter()
        .find(|d| d.name == "Cijfers")
        .unwrap();
    set.import.as_ref().unwrap().file.clone()
}

#[test]
fn a_semicolon_csv_with_decimal_points_is_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = project_with(
        dir.path(),
        "csat.csv",
        b"Fase;CSAT\nMelden;4.5\nBeoordeling;3.25\nUitbetaling;2.8\n",
    );
    let (code, _, stderr) = import(&project, &data, &["--mean"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(values(&project), [4.5, 3.25, 2.8]);
}

#[test]
fn a_dutch_header_with_a_decimal_comma_is_split_on_the_semicolon() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = project_with(
        dir.path(),
        "score.csv",
        "Fase;Score (1,5)\nMelden;4,5\nBeoordeling;3,5\n".as_bytes(),
    );
    let (code, stdout, stderr) = import(&project, &data, &["--mean"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("value \"Score (1,5)\""), "{stdout}");
    assert_eq!(values(&project), [4.5, 3.5]);
}

#[test]
fn a_column_that_reads_two_ways_is_refused_with_the_choices_named() {
    let dir = tempfile::tempdir().unwrap();
    let (project, data) = project_with(
        dir.path(),
        "gesprekken.csv",
        b"Fase;Gesprekken\nMelden;1.234\nBeoordeling;2.345\nUitbetaling;870\n",
    );
    let before = std::fs::read(&project).unwrap();
    let (code, _, stderr) = import(&project, &data, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr
            .contains("line 2 \"1.234\" is 1234 with a decimal comma, 1.234 with a decimal point"),
        "{stderr}"
    );
    assert!(
        stderr.contains("say which with --decimal comma or --decimal point"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&project).unwrap(), before, "nothing written");
    let (code, _, stderr) = import(&project, &data, &["--decimal", "comma"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(values(&project), [1234.0, 2345.0, 870.0]);

    // Both ways in one column is flagged too.
    let other = tempfile::tempdir().unwrap();
    let (project, data) = project_with(
        other.path(),
        "csat.csv",
        b"Fase;CSAT\nMelden;4.5\nBeoordeling;3,5\n",
    );
    let before = std::fs::read(&project).unwrap();
    let (code, _, stderr) = import(&project, &data, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(std::fs::read(&project).unwrap(), before, "nothing written");
    assert!(
        stderr.contains("line 2 \"4.5\" has a decimal point, line 3 \"3,5\" a decimal comma"),
        "{stderr}"
    );
}

/// A minimal XLSX: one sheet, `rows` of cells, a cell `(text, style)` being a number when it
/// parses as one (style 1 formats it as a date), text otherwise.
fn xlsx(rows: &[&[(&str, u8)]]) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(sheet, "<row r=\"{}\">", r + 1);
        for (c, (text, style)) in row.iter().enumerate() {
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            if text.parse::<f64>().is_ok() {
                let _ = write!(sheet, "<c r=\"{at}\" s=\"{style}\"><v>{text}</v></c>");
            } else {
                let _ = write!(
                    sheet,
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
                );
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    workbook_with_sheet(sheet.as_bytes())
}

fn workbook_with_sheet(sheet: &[u8]) -> Vec<u8> {
    let parts: [(&str, &[u8]); 5] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        (
            "xl/styles.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_workbook_column_of_counts_is_not_taken_for_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = project_with(dir.path(), "unused.csv", b"");
    let data = dir.path().join("gesprekken.xlsx");
    // Counts anywhere from 1 to 2 958 465 once counted as Excel serial dates.
    std::fs::write(
        &data,
        xlsx(&[
            &[("Fase", 0), ("Gesprekken", 0)],
            &[("Melden", 0), ("12200", 0)],
            &[("Beoordeling", 0), ("3500", 0)],
        ]),
    )
    .unwrap();
    let (code, stdout, stderr) = import(&project, &data, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("value \"Gesprekken\")"), "{stdout}");
    assert!(!stdout.contains("date"), "{stdout}");
    assert_eq!(values(&project), [12200.0, 3500.0]);
    let loaded = klantreis::file::load(&project).unwrap().project;
    let set = loaded
        .datasets
        .iter()
        .find(|d| d.name == "Cijfers")
        .unwrap();
    assert!(
        set.values.iter().all(|v| !v.date.starts_with("19")),
        "{:?}",
        set.values
    );
}

#[test]
fn a_workbook_date_is_taken_from_the_cells_own_type() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = project_with(dir.path(), "unused.csv", b"");
    let data = dir.path().join("peil.xlsx");
    // 46296 is 2026-10-01 as a serial date; formatted as a date (style 1) it is one, under a
    // header that says nothing of dates.
    std::fs::write(
        &data,
        xlsx(&[
            &[("Fase", 0), ("Aantal", 0), ("Wanneer", 0)],
            &[("Melden", 0), ("412", 0), ("46296", 1)],
            &[("Beoordeling", 0), ("356", 0), ("46296", 1)],
        ]),
    )
    .unwrap();
    let (code, stdout, stderr) = import(&project, &data, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("value \"Aantal\", date \"Wanneer\""),
        "{stdout}"
    );
    let loaded = klantreis::file::load(&project).unwrap().project;
    let set = loaded
        .datasets
        .iter()
        .find(|d| d.name == "Cijfers")
        .unwrap();
    assert_eq!(set.values[0].date, "2026-10-01");
    assert_eq!(values(&project), [412.0, 356.0]);
}

/// A small workbook that unpacks to more than 100 MB, its directory telling the truth or not.
fn bomb(lying: bool) -> Vec<u8> {
    let mut sheet = Vec::with_capacity(130 << 20);
    sheet.extend_from_slice(
        br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#,
    );
    sheet.resize(sheet.len() + (120 << 20), b'A');
    sheet.extend_from_slice(b"</t></is></c></row></sheetData></worksheet>");
    let mut bytes = workbook_with_sheet(&sheet);
    if lying {
        // Every central-directory entry claims to unpack to 100 bytes.
        let mut i = 0;
        while i + 28 <= bytes.len() {
            if bytes[i..i + 4] == *b"PK\x01\x02" {
                bytes[i + 24..i + 28].copy_from_slice(&100u32.to_le_bytes());
            }
            i += 1;
        }
    }
    bytes
}

#[test]
fn a_workbook_that_unpacks_beyond_reason_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = project_with(dir.path(), "unused.csv", b"");
    let before = std::fs::read(&project).unwrap();
    for lying in [false, true] {
        let data = dir.path().join(format!("bom-{lying}.xlsx"));
        let bytes = bomb(lying);
        assert!(bytes.len() < 2 << 20, "{} bytes", bytes.len());
        std::fs::write(&data, bytes).unwrap();
        let (code, _, stderr) = import(&project, &data, &[]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("unpacks to"), "{stderr}");
        assert!(stderr.contains("at most 100 MB"), "{stderr}");
        assert_eq!(std::fs::read(&project).unwrap(), before);
    }
}

#[test]
fn a_bare_into_stores_the_data_path_relative_to_the_project() {
    let dir = tempfile::tempdir().unwrap();
    project_with(dir.path(), "csat.csv", b"Fase;CSAT\nMelden;4,5\n");
    let output = Command::new(env!("CARGO_BIN_EXE_klantreis"))
        .current_dir(dir.path())
        .args([
            "import-data",
            "csat.csv",
            "--into",
            "w.klantreis.ron",
            "--map",
            "1",
            "--name",
            "Cijfers",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(recipe_file(&dir.path().join("w.klantreis.ron")), "csat.csv");

    // Data in a folder beside the project's: reached with `..`, so both can move together.
    let elsewhere = tempfile::tempdir_in(dir.path()).unwrap();
    let sub = elsewhere.path().join("project");
    std::fs::create_dir(&sub).unwrap();
    let (project, _) = project_with(&sub, "unused.csv", b"");
    let data = elsewhere.path().join("cijfers.csv");
    std::fs::write(&data, "Fase;CSAT\nMelden;4,5\n").unwrap();
    let (code, _, stderr) = import(&project, &data, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(recipe_file(&project), "../cijfers.csv");
}

#[test]
fn refresh_reads_the_file_beside_a_moved_project_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let (project, data) = project_with(home.path(), "csat.csv", b"Fase;CSAT\nMelden;3,5\n");
    let (code, _, stderr) = import(&project, &data, &["--mean"]);
    assert_eq!(code, 0, "{stderr}");
    // As an older version stored it: the absolute path at import time.
    let text = std::fs::read_to_string(&project).unwrap().replace(
        "file: \"csat.csv\"",
        &format!("file: {:?}", data.to_str().unwrap()),
    );
    assert!(text.contains(data.to_str().unwrap()));
    // Emailed: the project and a newer export of the CSV arrive in another folder, while the
    // old CSV is still where it was.
    let inbox = tempfile::tempdir().unwrap();
    let moved = inbox.path().join("w.klantreis.ron");
    std::fs::write(&moved, text).unwrap();
    for csv in ["waterschade-contactcentrum.csv", "waterschade-csat.csv"] {
        std::fs::copy(example(csv), inbox.path().join(csv)).unwrap();
    }
    std::fs::write(inbox.path().join("csat.csv"), "Fase;CSAT\nMelden;4,5\n").unwrap();
    let (code, stdout, stderr) = klantreis(&["refresh", moved.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("beside the project"), "{stdout}");
    assert!(stdout.contains("3.5 → 4.5"), "{stdout}");
    assert_eq!(values(&moved), [4.5]);
    assert_eq!(recipe_file(&moved), "csat.csv");

    // Moved without its CSV into a folder where it lies beside it under the same name only.
    let other = tempfile::tempdir().unwrap();
    let alone = other.path().join("w.klantreis.ron");
    std::fs::copy(&moved, &alone).unwrap();
    let (code, _, stderr) = klantreis(&["refresh", alone.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("csat.csv"), "{stderr}");
}

#[test]
fn no_example_names_a_data_file_outside_its_folder() {
    for entry in std::fs::read_dir(example("")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".klantreis.ron") {
            continue;
        }
        let project = klantreis::file::load(&path).unwrap().project;
        for d in &project.datasets {
            if let Some(recipe) = &d.import {
                assert!(
                    !Path::new(&recipe.file).is_absolute() && !recipe.file.starts_with(".."),
                    "{}: {:?} names {}",
                    path.display(),
                    d.name,
                    recipe.file
                );
                let beside = path.parent().unwrap().join(&recipe.file);
                assert!(beside.is_file(), "{} is missing", beside.display());
            }
        }
    }
}
