//! `klantreis import-data` and `klantreis refresh`: data sets from local files, headless.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{err, find_map, load, no_such_map, out};
use crate::data::Changes;
use crate::edit::{self, data::Imported};
use crate::file;
use crate::model::{CurveData, DataImport, KeyMatch, Project};

/// What a key names.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Keys {
    /// Stage names (or numbers 1, 2, ...).
    Stages,
    /// Touchpoint card titles.
    Touchpoints,
}

/// How numbers in text are written.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Decimal {
    /// Decide from the value column's cells (`4,5` has a decimal comma, `4.5` a decimal point);
    /// a column whose numbers read two ways (`1.234`) or both ways is refused with the choice named.
    Auto,
    /// `12,5` and `1.234,5`.
    Comma,
    /// `12.5` and `1,234.5`.
    Point,
}

/// `klantreis import-data`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file or workbook (XLSX, XLS, ODS) to read.
    pub data: PathBuf,
    /// The project file to import into; it is saved in place (the previous version stays as .bak).
    #[arg(long)]
    pub into: PathBuf,
    /// The map whose stages or touchpoints the keys name: its id, position (1, 2, ...) or title.
    #[arg(long)]
    pub map: String,
    /// The worksheet of a workbook (default: the first).
    #[arg(long, default_value = "")]
    pub sheet: String,
    /// The column that names the stage or touchpoint (default: guessed from the rows).
    #[arg(long)]
    pub key: Option<String>,
    /// The column with the number (default: guessed).
    #[arg(long)]
    pub value: Option<String>,
    /// The column with the as-of date (default: guessed; without one, the file's date).
    #[arg(long)]
    pub date: Option<String>,
    /// The column with a label such as a call reason (default: guessed).
    #[arg(long)]
    pub label: Option<String>,
    /// What the keys name (default: guessed).
    #[arg(long, value_enum)]
    pub keys: Option<Keys>,
    #[arg(long, value_enum, default_value_t = Decimal::Auto)]
    pub decimal: Decimal,
    /// The data set's name; an imported data set of that name on the map is replaced, and
    /// what changed is printed (default: the file name).
    #[arg(long)]
    pub name: Option<String>,
    /// What the values count or score, such as "gesprekken" or "CSAT (1–5)".
    #[arg(long, default_value = "")]
    pub unit: String,
    /// Where the figures come from, in words ("Genesys-export contactcentrum").
    #[arg(long, default_value = "")]
    pub source: String,
    /// Average a stage's values (scores) instead of adding them up (counts).
    #[arg(long)]
    pub mean: bool,
    /// Drive this emotion curve (its id `curve-…`, position 1, 2, ... or label) by the values.
    #[arg(long, requires_all = ["low", "high"])]
    pub curve: Option<String>,
    /// The value that lands on the bottom of the map's scale.
    #[arg(long, allow_negative_numbers = true)]
    pub low: Option<f64>,
    /// The value that lands on the top of the map's scale.
    #[arg(long, allow_negative_numbers = true)]
    pub high: Option<f64>,
    /// Say what would change without saving.
    #[arg(long)]
    pub dry_run: bool,
}

fn print_changes(changes: &Changes) {
    const SHOWN: usize = 30;
    if changes.changes.len() > SHOWN {
        out(&format!(
            "  (the first {SHOWN} of {})",
            changes.changes.len()
        ));
    }
    for c in changes.changes.iter().take(SHOWN) {
        let show = |v: Option<f64>| {
            v.map_or("—".to_owned(), |v| {
                crate::i18n::number(v, 2, false, crate::i18n::Language::English)
            })
        };
        out(&format!("  {}: {} → {}", c.place, show(c.old), show(c.new)));
    }
}

fn print_problems(imported: &Imported, data: &str) {
    if !imported.problems.is_empty() {
        err(&format!(
            "warning: {} rows of {data} were not used:",
            imported.problems.len()
        ));
        for p in &imported.problems {
            err(&format!("  {p}"));
        }
    }
}

fn save(project: &Project, path: &Path) -> bool {
    match file::save(project, path) {
        Ok(()) => true,
        Err(e) => {
            err(&format!("error: {e}"));
            false
        }
    }
}

/// The table read from the data file, and the recipe the arguments (or, where they are silent,
/// the guess) give for it.
fn recipe(
    args: &ImportArgs,
    map: &crate::model::Map,
) -> Result<(crate::data::Table, DataImport), String> {
    let table = crate::data::read_table(&args.data, &args.sheet).map_err(|e| e.to_string())?;
    let guess = crate::data::mapping::guess(&table, map);
    let pick = |given: &Option<String>, guessed: String| given.clone().unwrap_or(guessed);
    let mut recipe = DataImport {
        file: edit::data::stored(Some(&args.into), &args.data),
        sheet: table.sheet.clone(),
        key_column: pick(&args.key, guess.key_column),
        value_column: pick(&args.value, guess.value_column),
        date_column: pick(&args.date, guess.date_column),
        label_column: pick(&args.label, guess.label_column),
        matching: match args.keys {
            Some(Keys::Stages) => KeyMatch::Stage,
            Some(Keys::Touchpoints) => KeyMatch::Card,
            None => guess.matching,
        },
        ..DataImport::default()
    };
    if recipe.key_column.is_empty() || recipe.value_column.is_empty() {
        return Err(format!(
            "could not tell which column is the key and which the value in {}; name them with --key and --value (its columns are {})",
            args.data.display(),
            table
                .headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    recipe.decimal_comma = match args.decimal {
        Decimal::Comma => true,
        Decimal::Point => false,
        Decimal::Auto => {
            let style = crate::data::mapping::value_style(&table, &recipe);
            style
                .decimal_comma()
                .ok_or_else(|| two_ways(&style, &recipe.value_column, &args.data))?
        }
    };
    Ok((table, recipe))
}

/// Why a value column's numbers cannot be read without the user's word, and the choices.
fn two_ways(style: &crate::data::number::ColumnStyle, column: &str, data: &Path) -> String {
    use crate::data::number::{ColumnStyle, parse};
    let both = |text: &str| {
        let show = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
        format!(
            "{} with a decimal comma, {} with a decimal point",
            show(parse(text, true)),
            show(parse(text, false))
        )
    };
    let why = match style {
        ColumnStyle::Undecided(e) => format!(
            "its numbers read two ways: line {} {:?} is {}",
            e.line,
            e.text,
            both(&e.text)
        ),
        ColumnStyle::Mixed { point, comma } => format!(
            "it writes numbers both ways: line {} {:?} has a decimal point, line {} {:?} a decimal comma",
            point.line, point.text, comma.line, comma.text
        ),
        _ => String::new(),
    };
    format!(
        "the value column {column:?} of {}: {why}; say which with --decimal comma or --decimal point",
        data.display()
    )
}

pub(super) fn import(args: &ImportArgs) -> ExitCode {
    let Some(loaded) = load(&args.into) else {
        return ExitCode::FAILURE;
    };
    let mut project = loaded.project;
    let Some(map) = find_map(&project, &args.map) else {
        err(&format!(
            "error: {}",
            no_such_map(&project, &args.map, &args.into)
        ));
        return ExitCode::FAILURE;
    };
    let map_id = map.id;
    let (table, recipe) = match recipe(args, map) {
        Ok(r) => r,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let name = args.name.clone().unwrap_or_else(|| {
        args.data
            .file_stem()
            .map_or_else(|| "data".to_owned(), |s| s.to_string_lossy().into_owned())
    });
    let existing = project
        .datasets
        .iter()
        .find(|d| d.map == Some(map_id) && d.name == name)
        .cloned();
    let existing_values = existing.as_ref().map(|d| d.values.len());
    // A data set of that name on the map is read again under the new recipe; otherwise a new
    // one is described by the arguments. The file was read once, for the recipe.
    let base = existing.unwrap_or_else(|| crate::model::Dataset {
        name: name.clone(),
        unit: args.unit.clone(),
        source: args.source.clone(),
        mean: args.mean,
        ..crate::model::Dataset::default()
    });
    let result = edit::data::from_table((&args.data, &table), map, &base, &recipe)
        .and_then(|read| edit::data::put_read(&project, read));
    let imported = match result {
        Ok(i) => i,
        Err(e) => {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let data_name = args.data.display().to_string();
    print_problems(&imported, &data_name);
    if edit::apply(&mut project, imported.edit.clone()).is_err() {
        err("error: the map disappeared while importing");
        return ExitCode::FAILURE;
    }
    out(&summary(&imported, &data_name, &name, &recipe));
    // A new data set is all additions: only a data set read again lists what changed.
    if existing_values.is_some() && !imported.changes.is_empty() {
        out(&format!(
            "changed: {} added, {} removed, {} changed",
            imported.changes.added(),
            imported.changes.removed(),
            imported.changes.changed()
        ));
        print_changes(&imported.changes);
    }
    if let Some(curve) = &args.curve
        && let (Some(low), Some(high)) = (args.low, args.high)
        && !follow(&mut project, map_id, curve, (imported.dataset, low, high))
    {
        return ExitCode::FAILURE;
    }
    if args.dry_run {
        out("dry run: nothing saved");
        return ExitCode::SUCCESS;
    }
    if save(&project, &args.into) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `5 values from FILE, sheet S into "NAME" (key "K", value "V", date "D", label "L")`.
fn summary(imported: &Imported, data: &str, name: &str, recipe: &DataImport) -> String {
    let optional = |what: &str, column: &str| {
        if column.is_empty() {
            String::new()
        } else {
            format!(", {what} {column:?}")
        }
    };
    format!(
        "{} values from {data}{} into {name:?} (key {:?}, value {:?}{}{})",
        imported.values,
        optional("sheet", &recipe.sheet),
        recipe.key_column,
        recipe.value_column,
        optional("date", &recipe.date_column),
        optional("label", &recipe.label_column),
    )
}

/// Makes curve `query` of map `map` follow data set `dataset`, `low` and `high` landing on the
/// scale's bottom and top; false (said on stderr) when there is no such curve.
fn follow(
    project: &mut Project,
    map: crate::model::MapId,
    query: &str,
    (dataset, low, high): (crate::model::DatasetId, f64, f64),
) -> bool {
    let Some(m) = project.map(map) else {
        return false;
    };
    let Some(curve) = find_curve(m, query) else {
        err(&format!("error: no curve {query:?} on map {:?}", m.title));
        return false;
    };
    let data = CurveData { dataset, low, high };
    if let Some(e) = edit::data::drive_curve(project, map, curve, Some(data)) {
        let _ = edit::apply(project, e);
        out(&format!(
            "the curve follows the values: {low} → bottom of the scale, {high} → top"
        ));
    }
    true
}

fn find_curve(map: &crate::model::Map, query: &str) -> Option<crate::model::CurveId> {
    let number = query
        .strip_prefix("curve-")
        .unwrap_or(query)
        .parse::<u64>()
        .ok();
    map.curves
        .iter()
        .find(|c| Some(c.id.0) == number)
        .or_else(|| {
            number
                .and_then(|n| usize::try_from(n).ok()?.checked_sub(1))
                .and_then(|i| map.curves.get(i))
        })
        .or_else(|| map.curves.iter().find(|c| c.label == query))
        .map(|c| c.id)
}

/// `klantreis refresh`: every imported data set read again from its file.
pub(super) fn refresh(path: &Path, dry_run: bool) -> ExitCode {
    let Some(loaded) = load(path) else {
        return ExitCode::FAILURE;
    };
    let mut project = loaded.project;
    let mut ok = true;
    let mut changed = false;
    let ids: Vec<_> = project
        .datasets
        .iter()
        .filter(|d| d.import.is_some())
        .map(|d| (d.id, d.name.clone()))
        .collect();
    if ids.is_empty() {
        out(&format!("{} has no imported data sets", path.display()));
        return ExitCode::SUCCESS;
    }
    for (id, name) in ids {
        match edit::data::reimport(&project, Some(path), id) {
            Ok(imported) => {
                if let Some(found) = &imported.found_beside {
                    out(&format!(
                        "{name:?}: read {} beside the project, not {} (the project was moved or the file is missing there); the project now names the file beside it",
                        found.read.display(),
                        found.stored.display()
                    ));
                    changed = true;
                }
                print_problems(&imported, &name);
                if imported.changes.is_empty() {
                    out(&format!("{name:?}: unchanged ({} values)", imported.values));
                } else {
                    out(&format!(
                        "{name:?}: {} added, {} removed, {} changed",
                        imported.changes.added(),
                        imported.changes.removed(),
                        imported.changes.changed()
                    ));
                    print_changes(&imported.changes);
                    changed = true;
                }
                // The recipe's "imported" time moves on either way.
                let _ = edit::apply(&mut project, imported.edit);
            }
            Err(e) => {
                ok = false;
                err(&format!("error: {name:?}: {e}"));
            }
        }
    }
    if changed && !dry_run && !save(&project, path) {
        ok = false;
    }
    if dry_run {
        out("dry run: nothing saved");
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
