//! CSV as spreadsheets write it: `,`, `;` or TAB between fields, quoted fields with newlines
//! inside, a UTF-8 byte order mark, or Windows-1252 text from an older Excel.

use std::path::Path;

use super::{Cell, DataError, Table};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn read(path: &Path) -> Result<Table, DataError> {
    let bytes = std::fs::read(path).map_err(|source| DataError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes, path)
}

/// Parses CSV bytes; `path` only names the file in messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Table, DataError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let delimiter = sniff_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Table::default();
    let mut record = csv::ByteRecord::new();
    // The reader's own line count skips blank lines; count newlines up to each record instead.
    let mut counted = (0usize, 1u64);
    // A record's position is where the reader began looking for it, before the blank lines
    // it skipped: step over those first.
    #[allow(
        clippy::naive_bytecount,
        reason = "one pass over a file already in memory"
    )]
    let mut line_at = |byte: u64| {
        let mut byte = (byte as usize).min(bytes.len());
        while matches!(bytes.get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        if byte >= counted.0 {
            counted.1 += bytes[counted.0..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted.0 = byte;
        }
        counted.1
    };
    loop {
        let before = line_at(reader.position().byte());
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(DataError::Csv {
                    path: path.to_path_buf(),
                    line: e.position().map_or(before, |p| line_at(p.byte())),
                    message: e.to_string(),
                });
            }
        }
        let line = record.position().map_or(before, |p| line_at(p.byte()));
        let cells: Vec<Cell> = record.iter().map(|f| Cell::Text(decode(f))).collect();
        table.add(u32::try_from(line).unwrap_or(u32::MAX), cells, path)?;
    }
    Ok(table)
}

/// The delimiter that splits the first lines into the same number of fields most often,
/// preferring `;` and TAB over `,` on a tie (a comma may be a decimal separator).
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let sample = &bytes[..bytes.len().min(16 * 1024)];
    let mut best = (b',', 0usize);
    // The first of equals wins: `;` and TAB come before `,`.
    for delimiter in [b';', b'\t', b','] {
        let counts = field_counts(sample, delimiter);
        let Some(&first) = counts.first() else {
            continue;
        };
        if first < 2 {
            continue;
        }
        let agree = counts.iter().filter(|&&n| n == first).count() * first;
        if agree > best.1 {
            best = (delimiter, agree);
        }
    }
    best.0
}

/// Fields per record in `sample` (quotes respected), up to 20 records.
fn field_counts(sample: &[u8], delimiter: u8) -> Vec<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(sample);
    reader
        .byte_records()
        .take(20)
        .map_while(Result::ok)
        .filter(|r| r.iter().any(|f| !f.is_empty()))
        .map(|r| r.len())
        .collect()
}

/// UTF-8 when it is; otherwise Windows-1252, which is what an older Excel writes in the
/// Netherlands.
fn decode(field: &[u8]) -> String {
    match std::str::from_utf8(field) {
        Ok(s) => s.to_owned(),
        Err(_) => field.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines() {
        let t = super::parse(b"a;b\n1;2\n\n3;4\n\n\n5;6\n", std::path::Path::new("x")).unwrap();
        let lines: Vec<u32> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 7]);
    }

    /// The delimiter is the one whose agreeing lines hold the most fields together: three
    /// fields on 14 of 20 lines (42) beat two fields on all 20 (40).
    #[test]
    fn the_delimiter_with_the_most_agreeing_fields_wins() {
        use std::fmt::Write as _;
        let mut text = String::new();
        for i in 0..20 {
            let commas = if i < 14 { "x,y,z" } else { "x" };
            let _ = writeln!(text, "{commas};{i}");
        }
        assert_eq!(super::sniff_delimiter(text.as_bytes()), b',');
    }

    /// A Dutch header with a decimal comma in it splits as many fields on `,` as on `;`: the
    /// tie goes to `;`, as the sniffer's comment always said.
    #[test]
    fn semicolon_wins_a_tie_over_comma() {
        let t = super::parse(
            "Fase;Score (1,5)\nOriëntatie;4,5\nKopen;3,5\n".as_bytes(),
            std::path::Path::new("x"),
        )
        .unwrap();
        assert_eq!(t.headers, ["Fase", "Score (1,5)"]);
        assert_eq!(super::sniff_delimiter(b"a\tb,c\n1\t2,5\n"), b'\t');
        assert_eq!(super::sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
    }

    /// An older Excel's Windows-1252: the euro, quotes and dashes of 0x80–0x9F, and Latin-1
    /// above them.
    #[test]
    fn windows_1252_is_read_where_the_text_is_no_utf8() {
        let bytes = b"Belreden;Bedrag\n\x93Eigen risico\x94 \x96 caf\xe9;\x80 250\n\x9f;\x81\n";
        let t = super::parse(bytes, std::path::Path::new("x")).unwrap();
        assert_eq!(
            t.rows[0].cells,
            [
                super::Cell::Text("“Eigen risico” – café".into()),
                super::Cell::Text("€ 250".into())
            ]
        );
        assert_eq!(
            t.rows[1].cells,
            [
                super::Cell::Text("Ÿ".into()),
                super::Cell::Text("\u{81}".into())
            ]
        );
    }
}
