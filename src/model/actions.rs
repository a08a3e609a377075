//! From insight to action: what could be better (an [`Opportunity`]), what someone will do about
//! it (an [`Action`]), who owns it, how it ranks, and the figure it should move (a [`Measure`]).

use serde::{Deserialize, Serialize};

use super::{ActionId, CardId, CurveId, DatasetId, MapId, OpportunityId, StageId, StakeholderId};

/// Something that could be better for the customer, seen on a map: often an opportunity card,
/// a pain point or a low moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The cards it was seen on (pain points, opportunity cards, moments of truth).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardId>,
    /// The stages it was seen in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
}

impl Default for Opportunity {
    fn default() -> Self {
        Self {
            id: OpportunityId::random(),
            title: String::new(),
            description: String::new(),
            cards: Vec::new(),
            stages: Vec::new(),
        }
    }
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Proposed, not yet decided.
    #[default]
    Idea,
    /// Decided and planned.
    Planned,
    InProgress,
    Done,
    /// Decided against.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order an action goes through them.
    pub const ALL: [Self; 5] = [
        Self::Idea,
        Self::Planned,
        Self::InProgress,
        Self::Done,
        Self::Dropped,
    ];

    /// The name the CLI and the file use (`in-progress`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Planned => "planned",
            Self::InProgress => "in-progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    /// The status a key names (`key`'s inverse; also accepts `in_progress` and any case).
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().to_ascii_lowercase().replace('_', "-");
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the action is still to be done (not done, not dropped).
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Done | Self::Dropped)
    }
}

/// Who owns an action: a stakeholder of the project (a department or team), or a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    Stakeholder(StakeholderId),
    /// Someone who is not on the stakeholder map, by name.
    Named(String),
}

/// The figure an action should move, and how far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// A data set's figure (on a stage or touchpoint, or the whole set), to change by
    /// `percent` (−15 is "down 15 %").
    Data {
        dataset: DatasetId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stage: Option<StageId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        card: Option<CardId>,
        percent: f64,
    },
    /// A curve's remembered score (the peak-end rule's reading), to change by `points` on the
    /// map's scale (+1 is "up by one").
    Remembered {
        map: MapId,
        curve: CurveId,
        points: f64,
    },
}

impl Measure {
    /// The change aimed for, in the measure's own unit (percent or points).
    pub fn target(&self) -> f64 {
        match self {
            Self::Data { percent, .. } => *percent,
            Self::Remembered { points, .. } => *points,
        }
    }
}

/// What someone will do about an opportunity or a pain point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: ActionId,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The opportunity it acts on, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opportunity: Option<OpportunityId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// How much it helps the customer, 1 (little) to 5 (much); 0 while not yet scored.
    pub impact: u8,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub impact_reason: String,
    /// How much work it is, 1 (little) to 5 (much); 0 while not yet scored.
    pub effort: u8,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub effort_reason: String,
    pub status: ActionStatus,
    /// When it is due: a quarter (`2026-Q2`) or a day (`2026-05-31`); empty when not planned.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// The day it was done (`YYYY-MM-DD`): its effect is read on both sides of it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub done: String,
    /// The cards it addresses (touchpoints, pain points, moments of truth), on any map.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<CardId>,
    /// The stages it addresses, on any map.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

impl Default for Action {
    fn default() -> Self {
        Self {
            id: ActionId::random(),
            title: String::new(),
            description: String::new(),
            opportunity: None,
            owner: None,
            impact: 0,
            impact_reason: String::new(),
            effort: 0,
            effort_reason: String::new(),
            status: ActionStatus::Idea,
            due: String::new(),
            done: String::new(),
            cards: Vec::new(),
            stages: Vec::new(),
            measure: None,
        }
    }
}

impl Action {
    /// An action of this title, scored so (for tests of what ranks, places or prints them).
    #[cfg(test)]
    pub fn scored(title: &str, impact: u8, effort: u8) -> Self {
        Self {
            title: title.to_owned(),
            impact,
            effort,
            ..Self::default()
        }
    }

    /// Whether both impact and effort are scored.
    pub fn is_scored(&self) -> bool {
        self.impact > 0 && self.effort > 0
    }

    /// When it is due, read.
    pub fn due(&self) -> Option<Due> {
        Due::parse(&self.due)
    }
}

/// A due date as the team writes it: a quarter or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    Quarter { year: i32, quarter: u8 },
    Day { year: i32, month: u8, day: u8 },
}

impl Due {
    /// `2026-Q2` (also `Q2 2026`, `2026 q2`) or `2026-05-31`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if super::time::is_valid_date(text) {
            let year = text.get(..4)?.parse().ok()?;
            let month = text.get(5..7)?.parse().ok()?;
            let day = text.get(8..10)?.parse().ok()?;
            return Some(Self::Day { year, month, day });
        }
        let upper = text.to_ascii_uppercase();
        let parts: Vec<&str> = upper
            .split(['-', ' ', '/'])
            .filter(|p| !p.is_empty())
            .collect();
        let [a, b] = parts.as_slice() else {
            return None;
        };
        let (year, quarter) = if let Some(q) = b.strip_prefix('Q') {
            (*a, q)
        } else {
            (*b, a.strip_prefix('Q')?)
        };
        let year: i32 = (year.len() == 4).then(|| year.parse().ok())??;
        let quarter: u8 = (quarter.len() == 1).then(|| quarter.parse().ok())??;
        ((1..=4).contains(&quarter) && (1900..=2999).contains(&year))
            .then_some(Self::Quarter { year, quarter })
    }

    /// The quarter it falls in: `(year, 1..=4)`.
    pub fn quarter(self) -> (i32, u8) {
        match self {
            Self::Quarter { year, quarter } => (year, quarter),
            Self::Day { year, month, .. } => (year, month.saturating_sub(1) / 3 + 1),
        }
    }

    /// The last day it allows, as `YYYY-MM-DD` (a quarter's last day).
    pub fn last_day(self) -> String {
        match self {
            Self::Day { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Self::Quarter { year, quarter } => {
                let (month, day) = [(3, 31), (6, 30), (9, 30), (12, 31)][usize::from(quarter - 1)];
                format!("{year:04}-{month:02}-{day:02}")
            }
        }
    }

    /// The form the file keeps: `2026-Q2` or `2026-05-31`.
    pub fn canonical(self) -> String {
        match self {
            Self::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Self::Day { .. } => self.last_day(),
        }
    }
}

/// Where an action sits in the impact × effort matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High impact, low effort: do first.
    QuickWin,
    /// High impact, high effort: plan.
    BigBet,
    /// Low impact, low effort: when there is time.
    FillIn,
    /// Low impact, high effort: avoid.
    MoneyPit,
}

impl Quadrant {
    /// The quadrants, in the order a ranking reads them.
    pub const ALL: [Self; 4] = [Self::QuickWin, Self::BigBet, Self::FillIn, Self::MoneyPit];

    /// The quadrant of a scored action: impact and effort of 3 and above count as high.
    pub fn of(impact: u8, effort: u8) -> Option<Self> {
        if impact == 0 || effort == 0 {
            return None;
        }
        Some(match (impact >= 3, effort >= 3) {
            (true, false) => Self::QuickWin,
            (true, true) => Self::BigBet,
            (false, false) => Self::FillIn,
            (false, true) => Self::MoneyPit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scored means both impact and effort have a score of 1 or more.
    #[test]
    fn an_action_is_scored_when_both_are() {
        assert!(Action::scored("a", 1, 1).is_scored());
        assert!(!Action::scored("a", 3, 0).is_scored());
        assert!(!Action::scored("a", 0, 3).is_scored());
        assert!(!Action::default().is_scored());
    }

    #[test]
    fn a_due_date_is_a_quarter_or_a_day() {
        let quarter = Due::Quarter {
            year: 2026,
            quarter: 2,
        };
        let q2 = Some(quarter);
        assert_eq!(Due::parse("2026-Q2"), q2);
        assert_eq!(Due::parse(" q2 2026 "), q2);
        assert_eq!(Due::parse("2026 Q2"), q2);
        assert_eq!(Due::parse("2026-Q5"), None);
        assert_eq!(Due::parse("26-Q2"), None);
        assert_eq!(Due::parse("2026-Q"), None);
        assert_eq!(Due::parse("2026-02-30"), None);
        assert_eq!(Due::parse("volgend jaar"), None);
        let day = Due::parse("2026-05-31").unwrap();
        assert_eq!(day.quarter(), (2026, 2));
        assert_eq!(Due::parse("2026-01-01").unwrap().quarter(), (2026, 1));
        assert_eq!(Due::parse("2026-12-31").unwrap().quarter(), (2026, 4));
        assert_eq!(quarter.last_day(), "2026-06-30");
        assert_eq!(Due::parse("2026-Q4").unwrap().last_day(), "2026-12-31");
        assert_eq!(Due::parse("q1 2027").unwrap().canonical(), "2027-Q1");
        assert_eq!(day.canonical(), "2026-05-31");
    }

    #[test]
    fn quadrants_split_at_three() {
        assert_eq!(Quadrant::of(5, 1), Some(Quadrant::QuickWin));
        assert_eq!(Quadrant::of(3, 3), Some(Quadrant::BigBet));
        assert_eq!(Quadrant::of(2, 2), Some(Quadrant::FillIn));
        assert_eq!(Quadrant::of(2, 3), Some(Quadrant::MoneyPit));
        assert_eq!(Quadrant::of(3, 2), Some(Quadrant::QuickWin));
        assert_eq!(Quadrant::of(0, 2), None);
        assert_eq!(Quadrant::of(2, 0), None);
    }

    #[test]
    fn status_keys_read_back() {
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(s.key()), Some(s));
        }
        assert_eq!(
            ActionStatus::from_key("In_Progress"),
            Some(ActionStatus::InProgress)
        );
        assert_eq!(ActionStatus::from_key("busy"), None);
        assert!(ActionStatus::Planned.is_open());
        assert!(!ActionStatus::Done.is_open() && !ActionStatus::Dropped.is_open());
    }
}
