//! Data sets: measurements (call volumes, visits, survey scores) read from the consultant's own
//! files and tied to stages and touchpoints.

use serde::{Deserialize, Serialize};

use super::{CardId, DatasetId, MapId, StageId};

/// A series of measurements, such as weekly call volumes per stage or CSAT per touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dataset {
    pub id: DatasetId,
    pub name: String,
    /// What the values count or score, such as "gesprekken" or "CSAT (1–5)".
    pub unit: String,
    /// Where the figures come from, in words ("Genesys-export contactcentre").
    pub source: String,
    /// Whether a stage's values are averaged (scores such as CSAT) rather than summed (counts
    /// such as calls).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mean: bool,
    /// The map whose stages and cards the values belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<MapId>,
    /// How the values were read from a file, so they can be read again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<DataImport>,
    pub values: Vec<DataPoint>,
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            id: DatasetId::random(),
            name: String::new(),
            unit: String::new(),
            source: String::new(),
            mean: false,
            map: None,
            import: None,
            values: Vec::new(),
        }
    }
}

impl Dataset {
    /// One figure for several values of one place and date: their mean for a score, their sum
    /// for a count.
    pub fn combine(&self, values: &[f64]) -> f64 {
        let sum: f64 = values.iter().sum();
        if self.mean {
            sum / values.len().max(1) as f64
        } else {
            sum
        }
    }

    /// The figure per stage: on each stage's latest date, its values combined (summed for a
    /// count, averaged for a score).
    pub fn latest_by_stage(&self) -> std::collections::HashMap<StageId, f64> {
        let mut latest: std::collections::HashMap<StageId, (&str, Vec<f64>)> =
            std::collections::HashMap::new();
        for v in &self.values {
            let Some(stage) = v.stage else { continue };
            let entry = latest.entry(stage).or_insert((v.date.as_str(), Vec::new()));
            if v.date.as_str() > entry.0 {
                *entry = (v.date.as_str(), Vec::new());
            }
            if v.date.as_str() == entry.0 {
                entry.1.push(v.value);
            }
        }
        latest
            .into_iter()
            .map(|(stage, (_, values))| (stage, self.combine(&values)))
            .collect()
    }

    /// The latest as-of date among the values (`YYYY-MM-DD`), if any value has one.
    pub fn latest_date(&self) -> Option<&str> {
        self.values
            .iter()
            .map(|v| v.date.as_str())
            .filter(|d| !d.is_empty())
            .max()
    }
}

/// One measurement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataPoint {
    /// What was measured within its stage or touchpoint, such as a call reason; may be empty.
    pub label: String,
    pub value: f64,
    /// The stage this value belongs to, if any.
    pub stage: Option<StageId>,
    /// The touchpoint this value belongs to, if any (its stage is then set too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<CardId>,
    /// The date the value holds for, as `YYYY-MM-DD`; empty when the source gave none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The line (CSV) or row (spreadsheet) of the source it was read from, 0 when typed in.
    #[serde(skip_serializing_if = "is_zero")]
    pub row: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How a key in the source finds its stage or touchpoint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyMatch {
    /// Keys name stages.
    #[default]
    Stage,
    /// Keys name touchpoint cards (by title); the value also counts for the card's stage.
    Card,
}

/// A key the user tied to a stage or card by hand, because its text names neither.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyLink {
    pub key: String,
    pub stage: Option<StageId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<CardId>,
}

/// The recipe that read a data set from a file: which file, which sheet, which columns, how
/// keys match. Kept so "re-import" reads the same file the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataImport {
    /// The file as the user chose it: relative to the project file when it lies beside or
    /// below it, absolute otherwise.
    pub file: String,
    /// The worksheet of a workbook; empty for CSV.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sheet: String,
    /// The header of the column that names the stage or touchpoint.
    pub key_column: String,
    /// The header of the column with the number.
    pub value_column: String,
    /// The header of the column with the as-of date; empty when there is none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date_column: String,
    /// The header of the column with a label (a call reason, a question); empty when none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label_column: String,
    pub matching: KeyMatch,
    /// Whether numbers in text use a decimal comma (`12,5`), as Dutch spreadsheets write them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decimal_comma: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<KeyLink>,
    /// The as-of date for rows without a date column, as `YYYY-MM-DD` (the file's date when
    /// it was imported).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub as_of: String,
    /// When it was last read, as an RFC 3339 UTC time.
    pub imported: String,
}

/// An emotion curve whose points follow a score in a data set, mapped linearly onto the map's
/// scale: `low` lands on the scale's minimum, `high` on its maximum.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurveData {
    pub dataset: DatasetId,
    pub low: f64,
    pub high: f64,
}

impl Default for CurveData {
    fn default() -> Self {
        Self {
            dataset: DatasetId(0),
            low: 1.0,
            high: 5.0,
        }
    }
}

impl CurveData {
    /// Where `value` lands on a scale from `min` to `max`, clamped to the scale.
    pub fn map(&self, value: f64, min: f64, max: f64) -> f64 {
        let span = self.high - self.low;
        if span.abs() < f64::EPSILON || !value.is_finite() {
            return f64::midpoint(min, max);
        }
        let t = (value - self.low) / span;
        (min + t * (max - min)).clamp(min.min(max), max.max(min))
    }
}
