//! A journey kept in a spreadsheet: stages across the first row, lanes down the first column,
//! what happens in each cell. The lane kinds are guessed from the row names (Dutch and English);
//! the user corrects the guess before the map is made.

use crate::data::{Cell, Table};
use crate::model::{
    Card, EmotionCurve, EmotionPoint, EmotionScale, Lane, LaneKind, Map, MapKind, Project, Stage,
};

/// A row of the grid: a lane to be.
#[derive(Clone, Debug, PartialEq)]
pub struct GridLane {
    pub name: String,
    pub kind: LaneKind,
    /// Whether the name said the kind (else it is a custom lane until the user says otherwise).
    pub recognised: bool,
    /// The row's line (CSV) or row number (workbook).
    pub line: u32,
    /// The row's cells, one per stage.
    pub cells: Vec<String>,
}

/// A grid read from a table, before it becomes a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub title: String,
    pub stages: Vec<String>,
    pub lanes: Vec<GridLane>,
}

/// Words in row names that say a lane's kind; the first kind with a word in the name wins.
const KIND_WORDS: [(LaneKind, &[&str]); 14] = [
    (
        LaneKind::PainPoints,
        &[
            "pijnpunt",
            "knelpunt",
            "pijn",
            "frustratie",
            "pain",
            "problem",
            "irritatie",
        ],
    ),
    (
        LaneKind::Opportunities,
        &[
            "kans",
            "verbeter",
            "idee",
            "opportunit",
            "improvement",
            "idea",
        ],
    ),
    (
        LaneKind::Touchpoints,
        &[
            "contactmoment",
            "touchpoint",
            "touch point",
            "raakvlak",
            "interactie",
        ],
    ),
    (
        LaneKind::Channels,
        &["kanaal", "kanalen", "channel", "medium"],
    ),
    (
        LaneKind::Thoughts,
        &[
            "gedachte", "denkt", "denken", "thought", "thinking", "thinks", "vragen",
        ],
    ),
    (
        LaneKind::Emotions,
        &[
            "emotie", "gevoel", "voelt", "voelen", "beleving", "emotion", "feeling", "feels",
            "mood", "score",
        ],
    ),
    (
        LaneKind::Owners,
        &[
            "eigenaar",
            "afdeling",
            "verantwoordelijk",
            "owner",
            "department",
            "team",
        ],
    ),
    (
        LaneKind::Frontstage,
        &["frontstage", "front stage", "medewerker", "employee"],
    ),
    (
        LaneKind::Backstage,
        &["backstage", "back stage", "achter de scherm"],
    ),
    (
        LaneKind::SupportProcesses,
        &[
            "ondersteun",
            "support",
            "systeem",
            "systemen",
            "system",
            "proces",
        ],
    ),
    (
        LaneKind::Metrics,
        &["metriek", "kpi", "cijfer", "metric", "meting", "data"],
    ),
    (
        LaneKind::Quotes,
        &["citaat", "citaten", "quote", "klanten zeiden", "uitspra"],
    ),
    (
        LaneKind::Evidence,
        &["fysiek bewijs", "physical evidence", "bewijs", "evidence"],
    ),
    (
        LaneKind::CustomerActions,
        &[
            "klantactie",
            "actie",
            "handeling",
            "doet",
            "doen",
            "action",
            "doing",
            "does",
            "stap",
            "step",
            "activiteit",
            "activity",
        ],
    ),
];

/// The kind a row name says, if it says one (`"Pijnpunten"` → pain points).
pub fn guess_kind(name: &str) -> Option<LaneKind> {
    let lower = name.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    KIND_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(kind, _)| *kind)
}

fn cell_text(cell: Option<&Cell>) -> String {
    cell.map(Cell::text).unwrap_or_default().trim().to_owned()
}

/// The grid in `table`: its header row gives the stages (after the corner cell, which may name
/// the map), each further row with a name a lane. Says why when the table is no grid.
pub fn read(table: &Table, title: &str) -> Result<Grid, String> {
    let stages: Vec<String> = table
        .headers
        .iter()
        .skip(1)
        .map(|h| h.trim().to_owned())
        .collect();
    // Columns past the last named stage are left out; a gap in between is a stage without name.
    let count = stages
        .iter()
        .rposition(|s| !s.is_empty())
        .map_or(0, |i| i + 1);
    if count == 0 {
        return Err(
            "the first row names no stages: a journey grid has the stages across its first row, after a corner cell".to_owned(),
        );
    }
    let stages = stages[..count].to_vec();
    let corner = table.headers.first().map_or("", |h| h.trim());
    let mut lanes = Vec::new();
    for row in &table.rows {
        let name = cell_text(row.cells.first());
        let cells: Vec<String> = (1..=count).map(|i| cell_text(row.cells.get(i))).collect();
        if name.is_empty() {
            if cells.iter().any(|c| !c.is_empty()) {
                return Err(format!(
                    "line {}: the row has cells but no lane name in its first column",
                    row.line
                ));
            }
            continue;
        }
        let kind = guess_kind(&name);
        lanes.push(GridLane {
            name,
            kind: kind.unwrap_or(LaneKind::Custom),
            recognised: kind.is_some(),
            line: row.line,
            cells,
        });
    }
    if lanes.is_empty() {
        return Err("no row under the stages names a lane".to_owned());
    }
    let generic = [
        "", "fase", "fasen", "stage", "stages", "phase", "phases", "lane", "baan",
    ];
    let title = if generic.contains(&corner.to_lowercase().as_str()) {
        title.to_owned()
    } else {
        corner.to_owned()
    };
    Ok(Grid {
        title,
        stages,
        lanes,
    })
}

/// Reads a number as a score, with a decimal comma or point.
fn score(text: &str) -> Option<f64> {
    crate::data::number::parse(text, text.contains(','))
}

impl Grid {
    /// The map the grid makes. An emotions row whose cells are all numbers (or empty) becomes the
    /// map's curve, its scale the usual one they fit; every other cell a card (its first line
    /// the title, the rest the text).
    pub fn to_map(&self, project: &Project) -> Map {
        let stages: Vec<Stage> = self
            .stages
            .iter()
            .map(|name| Stage {
                name: name.clone(),
                ..Stage::default()
            })
            .collect();
        let mut map = Map {
            kind: MapKind::CustomerJourney,
            title: self.title.clone(),
            stages,
            personas: project.personas.first().map(|p| p.id).into_iter().collect(),
            ..Map::default()
        };
        for row in &self.lanes {
            let lane = Lane {
                name: row.name.clone(),
                kind: row.kind,
                ..Lane::default()
            };
            let scores: Option<Vec<Option<f64>>> = row
                .cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Some(None)
                    } else {
                        score(c).map(Some)
                    }
                })
                .collect();
            let is_curve = row.kind == LaneKind::Emotions
                && scores
                    .as_ref()
                    .is_some_and(|s| s.iter().any(Option::is_some))
                && !map.curves.iter().any(|_| true);
            if is_curve {
                let scores = scores.unwrap_or_default();
                let values: Vec<f64> = scores.iter().flatten().copied().collect();
                map.scale = scale_for(&values);
                map.curves.push(EmotionCurve {
                    persona: map.personas.first().copied(),
                    points: scores
                        .iter()
                        .zip(&map.stages)
                        .filter_map(|(s, stage)| {
                            s.map(|score| EmotionPoint {
                                stage: stage.id,
                                card: None,
                                score,
                                label: String::new(),
                                from_data: false,
                            })
                        })
                        .collect(),
                    ..EmotionCurve::default()
                });
            } else {
                for (cell, stage) in row.cells.iter().zip(&map.stages) {
                    if cell.is_empty() {
                        continue;
                    }
                    let (title, body) = cell.split_once('\n').unwrap_or((cell.as_str(), ""));
                    map.cards.push(Card {
                        lane: lane.id,
                        stage: stage.id,
                        title: title.trim().to_owned(),
                        body: body.trim().to_owned(),
                        ..Card::default()
                    });
                }
            }
            map.lanes.push(lane);
        }
        map
    }
}

/// The smallest of the usual scales that holds every score, else one made to fit.
fn scale_for(values: &[f64]) -> EmotionScale {
    let fits = |s: EmotionScale| values.iter().all(|v| s.contains(*v));
    [
        EmotionScale::MinusTwoToTwo,
        EmotionScale::OneToFive,
        EmotionScale::MinusFiveToFive,
        EmotionScale::OneToTen,
    ]
    .into_iter()
    .find(|s| fits(*s))
    .unwrap_or_else(|| {
        let low = values.iter().copied().fold(f64::INFINITY, f64::min).floor();
        let high = values
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .ceil();
        EmotionScale::Custom {
            min: low.min(0.0),
            max: high.max(low + 1.0),
        }
    })
}

#[cfg(test)]
mod scale_tests {
    use super::*;

    /// Scores no usual scale holds get one made to fit, at least one point wide and reaching
    /// zero from above.
    #[test]
    fn scores_no_usual_scale_holds_get_a_scale_made_to_fit() {
        assert_eq!(
            scale_for(&[-7.0, -7.0]),
            EmotionScale::Custom {
                min: -7.0,
                max: -6.0
            }
        );
        assert_eq!(
            scale_for(&[7.5, 12.2]),
            EmotionScale::Custom {
                min: 0.0,
                max: 13.0
            }
        );
    }
}
