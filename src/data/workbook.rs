//! Worksheets of XLSX, XLS and ODS workbooks, read with `calamine`.

use std::path::Path;

use calamine::{Data, Reader as _};

use super::{Cell, DataError, Table};

pub(super) fn read(path: &Path, sheet: &str) -> Result<Table, DataError> {
    let bytes = std::fs::read(path).map_err(|source| DataError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes, path, sheet)
}

/// Reads `sheet` (the first when empty) of the workbook in `bytes`; `path` only names it in
/// messages. The kind (XLSX, XLS, XLSB, ODS) is told from the bytes, not the name.
///
/// A damaged workbook can make the reader itself fail (the fuzzer found a cell reference that
/// overflows its arithmetic): that is a damaged file, said as such, never a crash of the app.
pub fn parse(bytes: &[u8], path: &Path, sheet: &str) -> Result<Table, DataError> {
    std::panic::catch_unwind(|| parse_unguarded(bytes, path, sheet)).unwrap_or_else(|_| {
        Err(DataError::Workbook {
            path: path.to_path_buf(),
            message: "it is damaged: the workbook reader gave up on it".to_owned(),
        })
    })
}

/// What the parts of a workbook (XLSX and ODS are ZIP archives) may unpack to, together. A
/// real workbook of [`super::MAX_ROWS`] rows unpacks to a few tens of megabytes; a small file
/// that unpacks to gigabytes is a trap, refused before the workbook reader holds any of it.
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;

/// Refuses a ZIP-based workbook whose parts would unpack to more than [`MAX_UNPACKED_BYTES`]:
/// first by the sizes its directory declares, then, since a directory can lie, by unpacking
/// each part into nothing and counting, stopping at the limit. Other files (XLS) pass.
fn check_unpacked_size(bytes: &[u8], path: &Path) -> Result<(), DataError> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        // Not a readable archive: the workbook reader says what is wrong with it.
        return Ok(());
    };
    let too_large = |size: u64| DataError::Unpacks {
        path: path.to_path_buf(),
        size,
        max: MAX_UNPACKED_BYTES / (1024 * 1024),
    };
    let mut declared = 0u64;
    for i in 0..zip.len() {
        if let Ok(part) = zip.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(too_large(declared));
    }
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else {
            continue;
        };
        let left = MAX_UNPACKED_BYTES - unpacked;
        let mut limited = std::io::Read::take(part, left + 1);
        // A part that cannot be unpacked is for the workbook reader to name.
        let n = std::io::copy(&mut limited, &mut std::io::sink()).unwrap_or(0);
        unpacked += n;
        if n > left {
            return Err(too_large(unpacked));
        }
    }
    Ok(())
}

fn parse_unguarded(bytes: &[u8], path: &Path, sheet: &str) -> Result<Table, DataError> {
    let workbook_err = |e: &dyn std::fmt::Display| DataError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    check_unpacked_size(bytes, path)?;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| workbook_err(&e))?;
    let sheets = book.sheet_names();
    let Some(name) = (if sheet.is_empty() {
        sheets.first().cloned()
    } else {
        sheets.iter().find(|s| *s == sheet).cloned()
    }) else {
        return Err(DataError::NoSheet {
            path: path.to_path_buf(),
            sheet: sheet.to_owned(),
            known: if sheets.is_empty() {
                "none".to_owned()
            } else {
                sheets
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        });
    };
    let range = book.worksheet_range(&name).map_err(|e| workbook_err(&e))?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut table = Table {
        sheets: sheets.clone(),
        sheet: name,
        ..Table::default()
    };
    for (i, cells) in range.rows().enumerate() {
        let cells: Vec<Cell> = cells.iter().map(cell).collect();
        table.add(first_row + i as u32 + 1, cells, path)?;
    }
    Ok(table)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{day:02}"))
        }
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) => {
            crate::model::time::parse_date(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date)
        }
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::path::Path;

    use super::{MAX_UNPACKED_BYTES, cell, check_unpacked_size};
    use crate::data::{Cell, DataError};
    use calamine::{Data, ExcelDateTime, ExcelDateTimeType};

    /// A cell formatted as a date is a date; one formatted as a duration ("[h]:mm", 36 hours)
    /// is the number it holds, not a day in 1900.
    #[test]
    fn a_duration_cell_is_a_number_and_a_date_cell_a_date() {
        let date = ExcelDateTime::new(46_296.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell(&Data::DateTime(date)),
            Cell::Date("2026-10-01".to_owned())
        );
        let hours = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(cell(&Data::DateTime(hours)), Cell::Number(1.5));
    }

    /// A ZIP of parts of `sizes` bytes of zeros whose directory claims each is 100 bytes.
    fn lying_zip(sizes: &[u64]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        let chunk = vec![0u8; 1 << 20];
        for (i, size) in sizes.iter().enumerate() {
            zip.start_file(format!("part{i}.xml"), options).unwrap();
            let mut left = *size;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                zip.write_all(&chunk[..n]).unwrap();
                left -= n as u64;
            }
        }
        let mut bytes = zip.finish().unwrap().into_inner();
        let mut i = 0;
        while i + 28 <= bytes.len() {
            if bytes[i..i + 4] == *b"PK\x01\x02" {
                bytes[i + 24..i + 28].copy_from_slice(&100u32.to_le_bytes());
            }
            i += 1;
        }
        bytes
    }

    /// The limit is on the parts together: two parts each under it but over it together are
    /// refused, though the directory says they are small.
    #[test]
    fn parts_are_counted_together_against_the_limit() {
        let part = MAX_UNPACKED_BYTES * 6 / 10;
        let bytes = lying_zip(&[part, part]);
        match check_unpacked_size(&bytes, Path::new("twee.xlsx")) {
            Err(DataError::Unpacks { size, .. }) => assert!(size > MAX_UNPACKED_BYTES, "{size}"),
            other => panic!("{other:?}"),
        }
        let small = MAX_UNPACKED_BYTES * 4 / 10;
        assert!(check_unpacked_size(&lying_zip(&[small, small]), Path::new("twee.xlsx")).is_ok());
    }
}
