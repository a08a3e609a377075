//! From a table to the values of a data set: which column is the key, the value, the date and
//! the label, and how a key finds its stage or touchpoint. Every row that cannot be used is
//! named with its line and the reason; none is dropped without a word.

use std::collections::HashMap;
use std::fmt;

use super::number::{self, ColumnStyle};
use super::{Cell, Table};
use crate::model::{CardId, DataImport, DataPoint, KeyMatch, LaneKind, Map, StageId, time};

/// Why a row was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowReason {
    /// The key cell is empty.
    NoKey,
    /// The key names no stage or touchpoint of the map.
    UnknownKey(String),
    /// The value cell is empty.
    NoValue,
    /// The value cell holds something that is not a number.
    NotANumber(String),
    /// The date cell holds something that is not a date.
    NotADate(String),
}

impl fmt::Display for RowReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoKey => write!(f, "the key is empty"),
            Self::UnknownKey(k) => write!(f, "{k:?} names no stage or touchpoint of the map"),
            Self::NoValue => write!(f, "the value is empty"),
            Self::NotANumber(t) => write!(f, "{t:?} is not a number"),
            Self::NotADate(t) => write!(f, "{t:?} is not a date (use 2026-10-31 or 31-10-2026)"),
        }
    }
}

/// A row that was not used, with its line (CSV) or row (spreadsheet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u32,
    pub reason: RowReason,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// What a table gave under a mapping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub values: Vec<DataPoint>,
    pub problems: Vec<RowProblem>,
}

/// Why a mapping cannot be applied to a table at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the {role} column {column:?} is not in the table; its columns are {known}")]
    NoColumn {
        role: &'static str,
        column: String,
        known: String,
    },
}

fn column(table: &Table, role: &'static str, name: &str) -> Result<Option<usize>, MappingError> {
    if name.trim().is_empty() {
        return Ok(None);
    }
    table
        .column(name)
        .map(Some)
        .ok_or_else(|| MappingError::NoColumn {
            role,
            column: name.to_owned(),
            known: table
                .headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// A label as it is kept: at most 200 characters (a project's labels are short texts).
fn short(text: &str) -> String {
    const MAX: usize = 200;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX - 1).collect::<String>())
    } else {
        text.to_owned()
    }
}

/// A key as it is compared: case, accents, surrounding and doubled spaces aside.
pub fn normalise(key: &str) -> String {
    let folded: String = key
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            _ => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the stage or card a key names on a map.
pub struct KeyFinder<'a> {
    map: &'a Map,
    matching: KeyMatch,
    links: HashMap<String, (Option<StageId>, Option<CardId>)>,
    stages: HashMap<String, StageId>,
    cards: HashMap<String, CardId>,
}

impl<'a> KeyFinder<'a> {
    pub fn new(map: &'a Map, recipe: &DataImport) -> Self {
        let links = recipe
            .links
            .iter()
            .map(|l| (normalise(&l.key), (l.stage, l.card)))
            .collect();
        let mut stages = HashMap::new();
        for s in &map.stages {
            stages.entry(normalise(&s.name)).or_insert(s.id);
        }
        // Touchpoints first: a title that is also an action's names the touchpoint.
        let lane_kind =
            |c: &crate::model::Card| map.lanes.iter().find(|l| l.id == c.lane).map(|l| l.kind);
        let mut cards = HashMap::new();
        for touchpoints_only in [true, false] {
            for c in &map.cards {
                if touchpoints_only == (lane_kind(c) == Some(LaneKind::Touchpoints)) {
                    cards.entry(normalise(&c.title)).or_insert(c.id);
                }
            }
        }
        Self {
            map,
            matching: recipe.matching,
            links,
            stages,
            cards,
        }
    }

    /// The stage (and card) a key names, if any.
    pub fn find(&self, key: &str) -> Option<(StageId, Option<CardId>)> {
        let key = normalise(key);
        if let Some(&(stage, card)) = self.links.get(&key) {
            let stage = card
                .and_then(|c| self.map.cards.iter().find(|x| x.id == c))
                .map(|c| c.stage)
                .or(stage)?;
            return Some((stage, card));
        }
        match self.matching {
            KeyMatch::Stage => self.stages.get(&key).map(|&s| (s, None)).or_else(|| {
                // "1", "2", ... number the stages.
                let n: usize = key.parse().ok()?;
                self.map.stages.get(n.checked_sub(1)?).map(|s| (s.id, None))
            }),
            KeyMatch::Card => {
                let card = *self.cards.get(&key)?;
                let stage = self.map.cards.iter().find(|c| c.id == card)?.stage;
                Some((stage, Some(card)))
            }
        }
    }
}

/// Reads a date cell: a date the spreadsheet stored as a date, or typed text. A number is never
/// taken for a date, whatever its size: a count of 1 200 is not 14 April 1903.
fn date_of(cell: &Cell) -> Result<Option<String>, RowReason> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(d.clone())),
        Cell::Number(n) => Err(RowReason::NotADate(crate::model::format_score(
            *n, 3, false,
        ))),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => time::parse_date(t)
            .map(Some)
            .ok_or_else(|| RowReason::NotADate(t.trim().to_owned())),
    }
}

fn value_of(cell: &Cell, decimal_comma: bool) -> Result<f64, RowReason> {
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Number(n) => Err(RowReason::NotANumber(n.to_string())),
        Cell::Empty => Err(RowReason::NoValue),
        Cell::Text(t) if t.trim().is_empty() => Err(RowReason::NoValue),
        Cell::Text(t) | Cell::Date(t) => number::parse(t, decimal_comma)
            .ok_or_else(|| RowReason::NotANumber(t.trim().to_owned())),
    }
}

/// Applies `recipe` to `table` for `map`.
pub fn apply(table: &Table, recipe: &DataImport, map: &Map) -> Result<Outcome, MappingError> {
    let key_col = column(table, "key", &recipe.key_column)?.ok_or(MappingError::NoColumn {
        role: "key",
        column: String::new(),
        known: table.headers.join(", "),
    })?;
    let value_col =
        column(table, "value", &recipe.value_column)?.ok_or(MappingError::NoColumn {
            role: "value",
            column: String::new(),
            known: table.headers.join(", "),
        })?;
    let date_col = column(table, "date", &recipe.date_column)?;
    let label_col = column(table, "label", &recipe.label_column)?;
    let finder = KeyFinder::new(map, recipe);
    let mut out = Outcome::default();
    let empty = Cell::Empty;
    for row in &table.rows {
        let get = |i: usize| row.cells.get(i).unwrap_or(&empty);
        let problem = |reason| RowProblem {
            line: row.line,
            reason,
        };
        let key = get(key_col).text();
        let key = key.trim();
        if key.is_empty() {
            out.problems.push(problem(RowReason::NoKey));
            continue;
        }
        let Some((stage, card)) = finder.find(key) else {
            out.problems
                .push(problem(RowReason::UnknownKey(key.to_owned())));
            continue;
        };
        let value = match value_of(get(value_col), recipe.decimal_comma) {
            Ok(v) => v,
            Err(reason) => {
                out.problems.push(problem(reason));
                continue;
            }
        };
        let date = match date_col.map(|i| date_of(get(i))).transpose() {
            Ok(d) => d.flatten().unwrap_or_else(|| recipe.as_of.clone()),
            Err(reason) => {
                out.problems.push(problem(reason));
                continue;
            }
        };
        let label = label_col
            .map(|i| short(get(i).text().trim()))
            .unwrap_or_default();
        out.values.push(DataPoint {
            label,
            value,
            stage: Some(stage),
            card,
            date,
            row: row.line,
        });
    }
    Ok(out)
}

/// How the value column of `recipe` writes its numbers ([`ColumnStyle::Plain`] when the
/// table has no such column).
pub fn value_style(table: &Table, recipe: &DataImport) -> ColumnStyle {
    table
        .column(&recipe.value_column)
        .map_or(ColumnStyle::Plain, |col| table.number_style(col))
}

/// A first guess at a recipe for a table: the first text column whose cells name stages (or
/// touchpoints) is the key, the first numeric column the value, a column whose cells are dates
/// (stored as dates, or typed as dates) the date. The decimal comma is the value column's own
/// style; where that column reads two ways, [`value_style`] says so and the caller must ask.
pub fn guess(table: &Table, map: &Map) -> DataImport {
    let mut recipe = DataImport {
        sheet: table.sheet.clone(),
        ..DataImport::default()
    };
    let sample = &table.rows[..table.rows.len().min(50)];
    let hits = |col: usize, matching: KeyMatch| {
        let r = DataImport {
            matching,
            ..DataImport::default()
        };
        let finder = KeyFinder::new(map, &r);
        sample
            .iter()
            .filter(|row| {
                row.cells
                    .get(col)
                    .is_some_and(|c| finder.find(&c.text()).is_some())
            })
            .count()
    };
    let mut best = (0, KeyMatch::Stage, 0usize);
    for col in 0..table.headers.len() {
        for matching in [KeyMatch::Stage, KeyMatch::Card] {
            let n = hits(col, matching);
            if n > best.2 {
                best = (col, matching, n);
            }
        }
    }
    recipe.key_column = table.headers.get(best.0).cloned().unwrap_or_default();
    recipe.matching = best.1;
    let columns: Vec<usize> = (0..table.headers.len()).filter(|&i| i != best.0).collect();
    let cells = |i: usize| sample.iter().map(move |row| row.cells.get(i));
    // Dates from the cells' own type or typed dates, never from a number's size; most of the
    // filled cells, so one "gisteren" does not hide a column of dates.
    let dated = |i: usize| {
        let filled = cells(i)
            .filter(|c| c.is_some_and(|c| !c.text().trim().is_empty()))
            .count();
        let dates = cells(i)
            .filter(|c| c.is_some_and(|c| matches!(date_of(c), Ok(Some(_)))))
            .count();
        dates > 0 && dates * 4 >= filled * 3
    };
    let date_col = columns
        .iter()
        .copied()
        .filter(|&i| dated(i))
        .min_by_key(|&i| !is_dateish(&table.headers[i]));
    if let Some(i) = date_col {
        recipe.date_column.clone_from(&table.headers[i]);
    }
    // Most cells numbers: a stray "n.v.t." does not hide a column of figures. Any decimal
    // style will do to tell figures from words.
    let numeric = |i: usize| {
        let numbers = cells(i)
            .filter(|c| c.is_some_and(|c| value_of(c, false).is_ok()))
            .count();
        numbers > 0 && numbers * 4 >= sample.len() * 3
    };
    // A number under a header such as "week" or "maand" is a period, not the figure, unless
    // it counts ("aantal per week").
    let value_col = columns
        .iter()
        .copied()
        .filter(|&i| Some(i) != date_col && numeric(i))
        .min_by_key(|&i| is_dateish(&table.headers[i]) && !numeric_only(&table.headers[i]));
    if let Some(i) = value_col {
        recipe.value_column.clone_from(&table.headers[i]);
        // A column of whole numbers says nothing; the file's other columns may ("2,5"),
        // and a re-import of a later file with fractions reads them the same way.
        use super::number::ColumnStyle;
        recipe.decimal_comma = match table.number_style(i) {
            ColumnStyle::Plain => {
                let styles: Vec<ColumnStyle> = (0..table.headers.len())
                    .map(|c| table.number_style(c))
                    .filter(|s| matches!(s, ColumnStyle::Point | ColumnStyle::Comma))
                    .collect();
                !styles.is_empty() && styles.iter().all(|s| *s == ColumnStyle::Comma)
            }
            style => style.decimal_comma().unwrap_or(false),
        };
    }
    if let Some(i) = columns
        .iter()
        .copied()
        .find(|&i| Some(i) != date_col && Some(i) != value_col && !numeric(i))
    {
        recipe.label_column.clone_from(&table.headers[i]);
    }
    recipe
}

/// Headers that name a date or a period: datum, peildatum, date, dag, day, week, maand, month,
/// periode, period (as a word, or a word ending in datum or date).
fn is_dateish(header: &str) -> bool {
    normalise(header)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            w.ends_with("datum")
                || w.ends_with("date")
                || [
                    "dag", "day", "week", "maand", "month", "periode", "period", "jaar", "year",
                ]
                .contains(&w)
        })
}

/// Headers that name a count even when they mention a period ("gesprekken per week").
fn numeric_only(header: &str) -> bool {
    let h = normalise(header);
    h.contains("aantal") || h.contains("count") || h.contains(" per ")
}

#[cfg(test)]
mod tests;
