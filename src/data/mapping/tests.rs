//! The mapping step: rows to values or problems, the first guess of the columns, keys to
//! stages and cards.

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
    assert!(numeric_only("gesprekken per week") && numeric_only("Aantal") && numeric_only("count"));
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
