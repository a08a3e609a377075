//! A table as read: the header, the rows kept, the size limit to the byte's megabyte, how a
//! column writes its numbers, a column found by its header.

use std::fmt::Write as _;

use super::*;

fn table(rows: &[Vec<Cell>]) -> Table {
    let mut t = Table::default();
    for (i, cells) in rows.iter().enumerate() {
        t.add(i as u32 + 1, cells.clone(), Path::new("x.csv"))
            .unwrap();
    }
    t
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

#[test]
fn blank_rows_are_skipped_and_the_first_other_row_is_the_header() {
    let t = table(&[
        vec![Cell::Empty, text("   ")],
        vec![text(" Fase "), text("Gesprekken")],
        vec![text(""), Cell::Empty],
        vec![text("Melden"), Cell::Number(0.0)],
        vec![Cell::Empty, Cell::Number(0.0)],
        vec![Cell::Empty, Cell::Date("2026-10-31".into())],
    ]);
    assert_eq!(t.headers, ["Fase", "Gesprekken"]);
    let lines: Vec<u32> = t.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5, 6], "a zero and a date are not blank");
    assert!(text(" \t ").is_empty() && Cell::Empty.is_empty());
    assert!(!Cell::Number(0.0).is_empty() && !text("0").is_empty());
}

#[test]
fn a_column_is_found_by_its_header_whatever_its_case_and_spaces() {
    let t = table(&[vec![text("Fase"), text(" Gesprekken "), text("Peildatum")]]);
    assert_eq!(t.column("gesprekken"), Some(1));
    assert_eq!(t.column("  PEILDATUM"), Some(2));
    assert_eq!(t.column("Fase"), Some(0));
    assert_eq!(t.column("Datum"), None);
}

#[test]
fn a_columns_number_style_is_read_from_its_text_cells_only() {
    let t = table(&[
        vec![text("Fase"), text("Score")],
        vec![text("Melden"), text("3,25")],
        vec![text("Beoordeling"), Cell::Number(4.5)],
        vec![text("Herstel"), text("1.234,5")],
    ]);
    assert_eq!(t.number_style(1), number::ColumnStyle::Comma);
    assert_eq!(t.number_style(0), number::ColumnStyle::Plain);
    assert_eq!(t.number_style(7), number::ColumnStyle::Plain);
}

#[test]
fn a_data_file_over_64_mb_is_refused_before_it_is_read_and_one_of_a_megabyte_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("groot.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    let e = read_table(&big, "").unwrap_err();
    assert!(matches!(e, DataError::TooLarge { max: 64, .. }), "{e:?}");
    assert!(e.to_string().contains("at most 64 MB"), "{e}");
    let bytes = vec![b'a'; 64 * 1024 * 1024 + 1];
    assert!(matches!(
        parse_table(&bytes, Path::new("groot.csv"), ""),
        Err(DataError::TooLarge { max: 64, .. })
    ));
    // A CSV of over a megabyte (20,000 rows of long call reasons) is read whole.
    let mut csv = String::from("Fase;Belreden;Gesprekken\n");
    for i in 0..20_000 {
        let _ = writeln!(
            csv,
            "Melden;Een lange belreden die de klant zelf zo noemde, nummer {i};{i}"
        );
    }
    assert!(csv.len() > 1_100_000);
    let path = dir.path().join("gesprekken.csv");
    std::fs::write(&path, &csv).unwrap();
    assert_eq!(read_table(&path, "").unwrap().rows.len(), 20_000);
    assert_eq!(
        parse_table(csv.as_bytes(), &path, "").unwrap().rows.len(),
        20_000
    );
}

#[test]
fn the_ending_says_csv_or_workbook_and_a_folder_or_other_ending_is_refused() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    assert!(
        !read_table(&data.join("reis-grid.csv"), "")
            .unwrap()
            .rows
            .is_empty()
    );
    for book in ["gesprekken.xlsx", "bezoeken.ods"] {
        let t = read_table(&data.join(book), "").unwrap();
        assert!(!t.headers.is_empty(), "{book}");
    }
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("gesprekken.pdf");
    std::fs::write(&odd, "Fase;Gesprekken\nMelden;3\n").unwrap();
    assert!(matches!(
        read_table(&odd, ""),
        Err(DataError::UnknownKind { .. })
    ));
    // A folder named like a CSV file is not read.
    let folder = dir.path().join("map.csv");
    std::fs::create_dir(&folder).unwrap();
    let e = read_table(&folder, "").unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
    for ending in ["CSV", "tsv", "txt"] {
        let path = dir.path().join(format!("g.{ending}"));
        std::fs::write(&path, "Fase;Gesprekken\nMelden;3\n").unwrap();
        assert_eq!(
            read_table(&path, "").unwrap().headers,
            ["Fase", "Gesprekken"]
        );
    }
    for ending in ["xlsm", "xls"] {
        let path = dir.path().join(format!("g.{ending}"));
        std::fs::write(&path, "Fase;Gesprekken\nMelden;3\n").unwrap();
        assert!(
            matches!(read_table(&path, ""), Err(DataError::Workbook { .. })),
            "{ending}"
        );
    }
}

/// A workbook that unpacks to a few megabytes is no trap: it reaches the workbook reader (this
/// one is no real workbook, and is said to be damaged, not too large).
#[test]
fn a_workbook_of_a_few_unpacked_megabytes_is_not_refused_for_its_size() {
    use std::io::Write as _;
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(&vec![b' '; 3 * 1024 * 1024]).unwrap();
        zip.finish().unwrap();
    }
    let e = parse_table(&bytes, Path::new("groot.xlsx"), "").unwrap_err();
    assert!(matches!(e, DataError::Workbook { .. }), "{e}");
}
