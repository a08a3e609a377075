//! Data from the consultant's own files: contact-centre exports, web statistics, survey scores.
//!
//! Reading ([`read_table`]) turns a CSV file or a worksheet into a [`Table`] of text and number
//! cells; [`mapping`] turns a table into the values of a data set, tying each row to a stage or
//! touchpoint and naming every row it cannot use; [`changes`] says what a re-import changed;
//! [`curve`] moves a data-driven emotion curve onto its data. Nothing here knows the GUI.

pub mod changes;
mod csv_file;
pub mod curve;
pub mod mapping;
pub mod number;
mod workbook;

use std::path::{Path, PathBuf};

pub use changes::{Change, Changes};
pub use mapping::{Outcome, RowProblem};

/// Files larger than this are refused before they are read: a table this big is not a set of
/// figures per stage, and reading it whole would hold the editor up.
pub const MAX_DATA_BYTES: u64 = 64 * 1024 * 1024;

/// At most this many rows are read from one table.
pub const MAX_ROWS: usize = 100_000;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number a spreadsheet stored as a number.
    Number(f64),
    /// A date a spreadsheet stored as a date, as `YYYY-MM-DD`.
    Date(String),
}

impl Cell {
    /// The cell as the user would read it.
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) | Self::Date(t) => t.clone(),
            Self::Number(n) => crate::model::format_score(*n, 6, false),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row of a table, with the line (CSV) or row number (spreadsheet) it came from, counted from 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: u32,
    pub cells: Vec<Cell>,
}

/// A table read from a file: the first non-empty row is the header.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The worksheets of a workbook (empty for CSV), so the user can pick another one.
    pub sheets: Vec<String>,
    /// The worksheet this table was read from (empty for CSV).
    pub sheet: String,
}

impl Table {
    /// Adds the row read from `line`: the first that is not empty is the header, empty rows
    /// are skipped; more than [`MAX_ROWS`] rows is an error naming `path`.
    fn add(&mut self, line: u32, cells: Vec<Cell>, path: &Path) -> Result<(), DataError> {
        if cells.iter().all(Cell::is_empty) {
            return Ok(());
        }
        if self.headers.is_empty() {
            self.headers = cells.iter().map(|c| c.text().trim().to_owned()).collect();
            return Ok(());
        }
        if self.rows.len() == MAX_ROWS {
            return Err(DataError::TooManyRows {
                path: path.to_path_buf(),
                max: MAX_ROWS,
            });
        }
        self.rows.push(Row { line, cells });
        Ok(())
    }

    /// How column `col` writes its numbers, decided from all its text cells (a spreadsheet's
    /// own numbers need no reading).
    pub fn number_style(&self, col: usize) -> number::ColumnStyle {
        number::column_style(self.rows.iter().filter_map(|r| match r.cells.get(col) {
            Some(Cell::Text(t)) => Some((r.line, t.as_str())),
            _ => None,
        }))
    }

    /// The index of the column with this header (spaces and case aside).
    pub fn column(&self, header: &str) -> Option<usize> {
        let want = header.trim();
        self.headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
    }
}

/// Why a data file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("could not read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is {size} bytes; a data file may be at most {max} MB", path.display())]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error(
        "{} unpacks to {} MB or more; a workbook may unpack to at most {max} MB (save the sheet with the figures alone, or as CSV)",
        path.display(),
        size / (1024 * 1024)
    )]
    Unpacks { path: PathBuf, size: u64, max: u64 },
    #[error("{} is empty: there is no header row and no data", path.display())]
    Empty { path: PathBuf },
    #[error("{}, line {line}: {message}", path.display())]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{} is not a workbook Klantreis can read ({message})", path.display())]
    Workbook { path: PathBuf, message: String },
    #[error("{} has no worksheet {sheet:?}; its sheets are {known}", path.display())]
    NoSheet {
        path: PathBuf,
        sheet: String,
        known: String,
    },
    #[error("{} has more than {max} rows; sum it per stage first or split it", path.display())]
    TooManyRows { path: PathBuf, max: usize },
    #[error(
        "{} is not a data file Klantreis reads: use .csv, .tsv, .txt, .xlsx, .xlsm, .xls or .ods",
        path.display()
    )]
    UnknownKind { path: PathBuf },
}

/// The kinds of file [`read_table`] reads, as file-dialog filters.
pub const EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];

fn is_workbook(path: &Path) -> Option<bool> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Some(false),
        "xlsx" | "xlsm" | "xls" | "ods" => Some(true),
        _ => None,
    }
}

/// Reads a table from a CSV file or from `sheet` of a workbook (the first sheet when empty).
///
/// The size is checked before anything is read; a file too large is refused, not loaded.
pub fn read_table(path: &Path, sheet: &str) -> Result<Table, DataError> {
    let read_err = |source| DataError::Read {
        path: path.to_path_buf(),
        source,
    };
    let kind = is_workbook(path).ok_or_else(|| DataError::UnknownKind {
        path: path.to_path_buf(),
    })?;
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file",
        )));
    }
    if meta.len() > MAX_DATA_BYTES {
        return Err(DataError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            max: MAX_DATA_BYTES / (1024 * 1024),
        });
    }
    if meta.len() == 0 {
        return Err(DataError::Empty {
            path: path.to_path_buf(),
        });
    }
    let table = if kind {
        workbook::read(path, sheet)?
    } else {
        csv_file::read(path)?
    };
    if table.headers.is_empty() {
        return Err(DataError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(table)
}

/// Reads a table from bytes already in memory, as [`read_table`] reads a file named `name`
/// (whose ending says CSV or workbook). For the fuzzer and for data dropped on the window.
pub fn parse_table(bytes: &[u8], name: &Path, sheet: &str) -> Result<Table, DataError> {
    let kind = is_workbook(name).ok_or_else(|| DataError::UnknownKind {
        path: name.to_path_buf(),
    })?;
    if bytes.len() as u64 > MAX_DATA_BYTES {
        return Err(DataError::TooLarge {
            path: name.to_path_buf(),
            size: bytes.len() as u64,
            max: MAX_DATA_BYTES / (1024 * 1024),
        });
    }
    let table = if kind {
        workbook::parse(bytes, name, sheet)?
    } else {
        csv_file::parse(bytes, name)?
    };
    if table.headers.is_empty() {
        return Err(DataError::Empty {
            path: name.to_path_buf(),
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests;
