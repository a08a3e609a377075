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
mod tests {
    use super::*;

    fn table_of(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| crate::data::Row {
                    line: i as u32 + 2,
                    cells: r
                        .iter()
                        .map(|c| {
                            if c.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text((*c).to_owned())
                            }
                        })
                        .collect(),
                })
                .collect(),
            sheet: "Blad1".into(),
            ..Table::default()
        }
    }

    fn journey() -> Map {
        crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        )
    }

    /// A contact centre's export: the key column is the one that names stages, the figure the
    /// column of numbers, the date the column of dates, the label the column of words; the
    /// decimal comma is read from the file.
    #[test]
    fn a_first_guess_finds_key_value_date_and_label() {
        let map = journey();
        let (a, b) = (map.stages[0].name.as_str(), map.stages[1].name.as_str());
        let t = table_of(
            &[
                "Belreden",
                "Gesprekken",
                "Peildatum",
                "Fase",
                "Gemiddelde duur",
            ],
            &[
                &["Schade melden", "1840", "31-08-2026", a, "4,5"],
                &["Status", "410", "31-08-2026", b, "3,25"],
                &["Schade melden", "2210", "30-09-2026", a, "5,75"],
                &["Status", "n.v.t.", "gisteren", b, "2,5"],
            ],
        );
        let r = guess(&t, &map);
        assert_eq!(
            (
                r.key_column.as_str(),
                r.value_column.as_str(),
                r.date_column.as_str(),
                r.label_column.as_str(),
                r.matching,
                r.sheet.as_str()
            ),
            (
                "Fase",
                "Gesprekken",
                "Peildatum",
                "Belreden",
                KeyMatch::Stage,
                "Blad1"
            )
        );
        assert!(r.decimal_comma, "the other column writes 4,5");
        // Decimal points elsewhere: no comma.
        let t = table_of(
            &["Fase", "Gesprekken", "Score"],
            &[&[a, "12", "4.5"], &[b, "7", "3.25"]],
        );
        let r = guess(&t, &map);
        assert!(!r.decimal_comma);
        assert_eq!(r.label_column, "", "no column of words");
        // Its own style decides when it has one.
        let t = table_of(&["Fase", "Score"], &[&[a, "4,5"], &[b, "3,25"]]);
        assert!(guess(&t, &map).decimal_comma);
    }

    /// A column of weeks or months is a period, not the figure, unless it counts; a number is
    /// never a date; keys that name touchpoints are matched as cards.
    #[test]
    fn a_period_is_not_the_figure_and_touchpoints_are_matched_as_cards() {
        let mut map = journey();
        let (a, b) = (map.stages[0].name.clone(), map.stages[1].name.clone());
        let t = table_of(
            &["Fase", "Week", "Bezoekers"],
            &[&[&a, "36", "120"], &[&b, "37", "80"]],
        );
        let r = guess(&t, &map);
        assert_eq!(
            (r.value_column.as_str(), r.date_column.as_str()),
            ("Bezoekers", "")
        );
        let t = table_of(&["Fase", "Aantal per week"], &[&[&a, "120"], &[&b, "80"]]);
        assert_eq!(guess(&t, &map).value_column, "Aantal per week");
        assert!(is_dateish("Peildatum") && is_dateish("invoer date") && is_dateish("Maand"));
        assert!(!is_dateish("Gesprekken") && !is_dateish("Weekend"));
        assert!(
            numeric_only("gesprekken per week") && numeric_only("Aantal") && numeric_only("count")
        );
        assert!(!numeric_only("Week"));
        // Keys that are touchpoints' titles.
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .unwrap()
            .id;
        for (title, stage) in [
            ("Schadelijn", map.stages[0].id),
            ("Webformulier", map.stages[1].id),
        ] {
            map.cards.push(crate::model::Card {
                title: title.into(),
                lane,
                stage,
                ..crate::model::Card::default()
            });
        }
        let t = table_of(
            &["Kanaal", "Contacten"],
            &[&["Schadelijn", "10"], &["webformulier", "4"]],
        );
        let r = guess(&t, &map);
        assert_eq!(
            (r.key_column.as_str(), r.matching),
            ("Kanaal", KeyMatch::Card)
        );
        // Dates a spreadsheet stored as dates, and counts that are no dates.
        assert_eq!(
            date_of(&Cell::Date("2026-10-31".into())),
            Ok(Some("2026-10-31".into()))
        );
        assert_eq!(
            date_of(&Cell::Number(1200.0)),
            Err(RowReason::NotADate("1200".into()))
        );
        assert_eq!(date_of(&Cell::Text("  ".into())), Ok(None));
        assert_eq!(
            date_of(&Cell::Text("31-10-2026".into())),
            Ok(Some("2026-10-31".into()))
        );
        assert_eq!(
            value_of(&Cell::Number(f64::NAN), false),
            Err(RowReason::NotANumber("NaN".into()))
        );
        assert_eq!(value_of(&Cell::Date("12".into()), false), Ok(12.0));
        assert_eq!(value_of(&Cell::Text("1.234,5".into()), true), Ok(1234.5));
    }

    /// Every row is used or named with its line and why: an empty key, a key that names
    /// nothing, an empty value, text for a number, text for a date; a missing date column's
    /// rows take the recipe's as-of date; long labels are cut; a column that is not there is
    /// named with the columns there are.
    #[test]
    fn each_row_becomes_a_value_or_a_problem_with_its_line() {
        let map = crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let stage = map.stages[1].name.clone();
        let text = |s: &str| Cell::Text(s.to_owned());
        let row = |line: u32, cells: Vec<Cell>| crate::data::Row { line, cells };
        let table = Table {
            headers: vec![
                "Fase".into(),
                "Gesprekken".into(),
                "Datum".into(),
                "Reden".into(),
            ],
            rows: vec![
                row(
                    2,
                    vec![
                        text(&stage),
                        text("12,5"),
                        text("31-10-2026"),
                        text(&"r".repeat(300)),
                    ],
                ),
                row(3, vec![text(" "), text("1"), text(""), text("")]),
                row(4, vec![text("Nergens"), text("1"), text(""), text("")]),
                row(5, vec![text(&stage), text(""), text(""), text("")]),
                row(6, vec![text(&stage), text("veel"), text(""), text("")]),
                row(7, vec![text(&stage), text("3"), text("gisteren"), text("")]),
                row(8, vec![text(&stage), Cell::Number(4.0)]),
            ],
            ..Table::default()
        };
        let recipe = DataImport {
            key_column: "fase".into(),
            value_column: "Gesprekken".into(),
            date_column: "Datum".into(),
            label_column: "Reden".into(),
            decimal_comma: true,
            as_of: "2026-11-30".into(),
            ..DataImport::default()
        };
        let out = apply(&table, &recipe, &map).unwrap();
        let problems: Vec<String> = out.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "line 3: the key is empty",
                "line 4: \"Nergens\" names no stage or touchpoint of the map",
                "line 5: the value is empty",
                "line 6: \"veel\" is not a number",
                "line 7: \"gisteren\" is not a date (use 2026-10-31 or 31-10-2026)",
            ]
        );
        assert_eq!(out.values.len(), 2);
        let (first, last) = (&out.values[0], &out.values[1]);
        assert_eq!(
            (first.value, first.date.as_str(), first.row),
            (12.5, "2026-10-31", 2)
        );
        assert_eq!(first.stage, Some(map.stages[1].id));
        assert_eq!(first.label.chars().count(), 200);
        assert!(first.label.ends_with('…'));
        assert_eq!(
            (last.value, last.date.as_str(), last.label.as_str()),
            (4.0, "2026-11-30", "")
        );
        // Without a label or date column, none is read; a column not there is named.
        let bare = DataImport {
            date_column: String::new(),
            label_column: "  ".into(),
            ..recipe.clone()
        };
        let out = apply(&table, &bare, &map).unwrap();
        assert!(
            out.values
                .iter()
                .all(|v| v.label.is_empty() && v.date == "2026-11-30")
        );
        let wrong = DataImport {
            date_column: "Peildatum".into(),
            ..recipe.clone()
        };
        assert_eq!(
            apply(&table, &wrong, &map).unwrap_err().to_string(),
            "the date column \"Peildatum\" is not in the table; its columns are \"Fase\", \"Gesprekken\", \"Datum\", \"Reden\""
        );
        let keyless = DataImport {
            key_column: String::new(),
            ..recipe
        };
        assert!(
            apply(&table, &keyless, &map)
                .unwrap_err()
                .to_string()
                .starts_with("the key column")
        );
    }

    /// Two cards in two stages; a key names the second, by a link or by its title.
    #[test]
    fn a_card_named_by_a_key_is_found_in_its_own_stage() {
        use crate::model::{Card, DataImport, KeyLink, KeyMatch};
        let mut map = crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::Dutch,
        );
        let lane = map.lanes[0].id;
        let (first, second) = (map.stages[0].id, map.stages[1].id);
        for (title, stage) in [("Zoeken", first), ("Bellen", second)] {
            map.cards.push(Card {
                title: title.into(),
                lane,
                stage,
                ..Card::default()
            });
        }
        let bellen = map.cards[1].id;
        let by_title = DataImport {
            matching: KeyMatch::Card,
            ..DataImport::default()
        };
        let finder = KeyFinder::new(&map, &by_title);
        assert_eq!(finder.find(" bellen "), Some((second, Some(bellen))));
        let by_link = DataImport {
            links: vec![KeyLink {
                key: "Telefoon".into(),
                stage: None,
                card: Some(bellen),
            }],
            ..DataImport::default()
        };
        let finder = KeyFinder::new(&map, &by_link);
        assert_eq!(finder.find("telefoon"), Some((second, Some(bellen))));
    }

    #[test]
    fn keys_compare_without_case_accents_or_extra_spaces() {
        assert_eq!(
            normalise("  Àá Â  ÄÃÅ éÈêË íÌîÏ óÒôÖõ úÙûÜ Ç Ñ "),
            "aa a aaa eeee iiii ooooo uuuu c n"
        );
    }

    #[test]
    fn a_label_of_two_hundred_characters_is_kept_and_a_longer_one_cut() {
        let exact = "é".repeat(200);
        assert_eq!(short(&exact), exact);
        let cut = short(&"é".repeat(201));
        assert_eq!(cut.chars().count(), 200);
        assert!(cut.ends_with("é…"));
    }
}
