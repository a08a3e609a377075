//! What the map says, computed from the model alone: the peak-end rule on each emotion curve,
//! the lowest moments, a weak end, the as-is against the to-be curve, and a lint of what is
//! missing (touchpoints without channel or owner, steps without a score or evidence, moments of
//! truth without a reason, maps too long to read).
//!
//! The peak-end rule (Kahneman): people judge an experience by its most intense moment and by
//! its end, not by the average. The *peak* is the step farthest from the scale's neutral value,
//! with its sign; where a positive and a negative step are equally far, the negative one counts
//! (bad moments weigh more in memory), and among equals the earlier one. The *end* is the last
//! step. The *remembered score* is the mean of the two, shown beside the plain average.

pub mod effects;
pub mod evidence;
pub mod lens;
mod moments;
pub mod priority;
mod stats;

pub use moments::Moment;

use serde::Serialize;

pub use stats::Stats;

use crate::model::{
    CardId, CurveId, CurveVariant, EmotionCurve, LaneKind, Map, MapId, PersonaId, Project, StageId,
};

/// Maps with more stages than this are hard to read on a wall.
pub const MAX_READABLE_STAGES: usize = 20;
/// How many of the lowest steps are reported.
pub const LOWEST_COUNT: usize = 3;

/// One scored step of a curve, in the order the journey runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Index in the curve's `points`.
    pub point: usize,
    pub stage: StageId,
    /// The stage's position on the map.
    pub stage_index: usize,
    pub stage_name: String,
    pub card: Option<CardId>,
    pub score: f64,
    pub label: String,
}

/// Why an end is weak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakEnd {
    /// Below the scale's neutral value.
    BelowNeutral,
    /// Lower than the journey's average.
    BelowAverage,
    /// Both.
    BelowNeutralAndAverage,
}

/// A low step and the pain points noted in its stage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Low {
    pub step: Step,
    pub pain_points: Vec<CardId>,
}

/// The peak-end reading of one curve.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurveAnalysis {
    pub curve: CurveId,
    pub name: String,
    pub persona: Option<PersonaId>,
    pub variant: CurveVariant,
    pub steps: usize,
    pub peak: Option<Step>,
    pub end: Option<Step>,
    /// (peak + end) / 2.
    pub remembered: Option<f64>,
    pub average: Option<f64>,
    pub weak_end: Option<WeakEnd>,
    pub lowest: Vec<Low>,
}

/// The as-is and the to-be curve of one persona, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The curve compared from (the as-is, or the first of the map's chosen pair).
    pub as_is: CurveId,
    /// The curve compared to (the to-be, or the second of the pair).
    pub to_be: CurveId,
    pub persona: Option<PersonaId>,
    /// To-be minus as-is.
    pub remembered_gain: Option<f64>,
    pub peak_gain: Option<f64>,
    pub end_gain: Option<f64>,
    pub stages: Vec<StageComparison>,
}

/// Mean scores of one stage in both curves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageComparison {
    pub stage: StageId,
    pub as_is: Option<f64>,
    pub to_be: Option<f64>,
    pub gain: Option<f64>,
}

/// Something missing or doubtful on the map.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Lint {
    TouchpointWithoutChannel {
        card: CardId,
    },
    TouchpointWithoutOwner {
        card: CardId,
    },
    /// The touchpoint's owner is not one of the project's stakeholders (said only when the
    /// project has a stakeholder map).
    OwnerNotAStakeholder {
        card: CardId,
    },
    StageWithoutScore {
        stage: StageId,
        curve: CurveId,
    },
    MapWithoutCurve,
    StageWithoutEvidence {
        stage: StageId,
    },
    MomentOfTruthWithoutReason {
        card: CardId,
    },
    /// A pain point or moment of truth that no research backs, on a map that links research
    /// elsewhere (a map without any evidence is told once per stage instead).
    ClaimWithoutEvidence {
        card: CardId,
    },
    TooManyStages {
        stages: usize,
        max: usize,
    },
}

/// What a lint item points at, to select it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Card(CardId),
    Stage(StageId),
    Map,
}

impl Lint {
    /// The thing on the map the item is about.
    pub fn target(&self) -> Target {
        match self {
            Self::TouchpointWithoutChannel { card }
            | Self::TouchpointWithoutOwner { card }
            | Self::OwnerNotAStakeholder { card }
            | Self::MomentOfTruthWithoutReason { card }
            | Self::ClaimWithoutEvidence { card } => Target::Card(*card),
            Self::StageWithoutScore { stage, .. } | Self::StageWithoutEvidence { stage } => {
                Target::Stage(*stage)
            }
            Self::MapWithoutCurve | Self::TooManyStages { .. } => Target::Map,
        }
    }
}

/// Everything the analysis found on one map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub map: MapId,
    pub title: String,
    pub curves: Vec<CurveAnalysis>,
    pub comparisons: Vec<Comparison>,
    /// The moments of truth, in stage order, with their scores.
    pub moments: Vec<Moment>,
    pub lint: Vec<Lint>,
}

/// Analyses `map` of `project`.
pub fn analyse(project: &Project, map: &Map) -> Analysis {
    let curves: Vec<CurveAnalysis> = map
        .curves
        .iter()
        .map(|c| analyse_curve(project, map, c))
        .collect();
    let comparisons = compare(map, &curves);
    Analysis {
        map: map.id,
        title: map.title.clone(),
        curves,
        comparisons,
        moments: moments::moments_of_truth(map),
        lint: lint(project, map),
    }
}

/// The scored steps of `curve` in journey order: by stage, then as listed.
pub fn steps(map: &Map, curve: &EmotionCurve) -> Vec<Step> {
    let mut steps: Vec<Step> = curve
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.score.is_finite())
        .filter_map(|(point, p)| {
            Some(Step {
                point,
                stage: p.stage,
                stage_index: map.stage_index(p.stage)?,
                stage_name: map
                    .stage(p.stage)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                card: p.card,
                score: p.score,
                label: p.label.clone(),
            })
        })
        .collect();
    steps.sort_by_key(|s| (s.stage_index, s.point));
    steps
}

/// The peak of `steps` on a scale with `neutral`: farthest from neutral, negative before
/// positive when equally far, earlier before later.
pub fn peak(steps: &[Step], neutral: f64) -> Option<&Step> {
    steps.iter().min_by(|a, b| {
        let (da, db) = ((a.score - neutral).abs(), (b.score - neutral).abs());
        db.total_cmp(&da)
            .then(a.score.total_cmp(&b.score))
            .then(a.stage_index.cmp(&b.stage_index))
            .then(a.point.cmp(&b.point))
    })
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0_usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The score `steps` leave remembered: the mean of the peak and the end.
fn remembered_of(steps: &[Step], neutral: f64) -> Option<f64> {
    let peak = peak(steps, neutral)?;
    let end = steps.last()?;
    Some(f64::midpoint(peak.score, end.score))
}

/// The score `curve` leaves remembered (peak and end), without the rest of the analysis.
pub fn remembered(map: &Map, curve: &EmotionCurve) -> Option<f64> {
    remembered_of(&steps(map, curve), map.scale.neutral())
}

/// The score a map's first as-is curve leaves remembered: the map's score in lists and badges.
pub fn remembered_as_is(map: &Map) -> Option<f64> {
    map.curves
        .iter()
        .find(|c| c.variant == crate::model::CurveVariant::AsIs)
        .and_then(|c| remembered(map, c))
}

fn analyse_curve(project: &Project, map: &Map, curve: &EmotionCurve) -> CurveAnalysis {
    let steps = steps(map, curve);
    let neutral = map.scale.neutral();
    let peak = peak(&steps, neutral).cloned();
    let end = steps.last().cloned();
    let average = mean(steps.iter().map(|s| s.score));
    let remembered = remembered_of(&steps, neutral);
    let weak_end = end.as_ref().zip(average).and_then(|(e, avg)| {
        let below_neutral = e.score < neutral;
        let below_average = e.score < avg - 1e-9;
        match (below_neutral, below_average) {
            (true, true) => Some(WeakEnd::BelowNeutralAndAverage),
            (true, false) => Some(WeakEnd::BelowNeutral),
            (false, true) => Some(WeakEnd::BelowAverage),
            (false, false) => None,
        }
    });
    let mut by_score: Vec<&Step> = steps.iter().collect();
    by_score.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then(a.stage_index.cmp(&b.stage_index))
            .then(a.point.cmp(&b.point))
    });
    let lowest = by_score
        .into_iter()
        .take(LOWEST_COUNT)
        .map(|s| Low {
            step: s.clone(),
            pain_points: pain_points_in(map, s.stage_index),
        })
        .collect();
    let persona_name = curve
        .persona
        .and_then(|id| project.persona(id))
        .map(|p| p.name.clone());
    let name = if curve.label.is_empty() {
        persona_name.unwrap_or_default()
    } else {
        curve.label.clone()
    };
    CurveAnalysis {
        curve: curve.id,
        name,
        persona: curve.persona,
        variant: curve.variant,
        steps: steps.len(),
        peak,
        end,
        remembered,
        average,
        weak_end,
        lowest,
    }
}

/// Cards in pain-point lanes that cover the stage at `stage_index`.
fn pain_points_in(map: &Map, stage_index: usize) -> Vec<CardId> {
    map.cards
        .iter()
        .filter(|c| {
            map.lane(c.lane)
                .is_some_and(|l| l.kind == LaneKind::PainPoints)
                && map.stage_index(c.stage).is_some_and(|first| {
                    (first..first + c.span.max(1) as usize).contains(&stage_index)
                })
        })
        .map(|c| c.id)
        .collect()
}

/// The as-is curve of each persona against its to-be, and the two curves the map compares
/// (when that is another pair).
fn compare(map: &Map, curves: &[CurveAnalysis]) -> Vec<Comparison> {
    let mut out = Vec::new();
    for as_is in curves.iter().filter(|c| c.variant == CurveVariant::AsIs) {
        let Some(to_be) = curves
            .iter()
            .find(|c| c.variant == CurveVariant::ToBe && c.persona == as_is.persona)
            .or_else(|| {
                // A single to-be curve without a persona is the target for everyone.
                curves
                    .iter()
                    .find(|c| c.variant == CurveVariant::ToBe && c.persona.is_none())
            })
        else {
            continue;
        };
        out.push(compare_pair(map, as_is, to_be));
    }
    if let Some((first, second)) = map.compare
        && !out.iter().any(|c| c.as_is == first && c.to_be == second)
        && let (Some(a), Some(b)) = (
            curves.iter().find(|c| c.curve == first),
            curves.iter().find(|c| c.curve == second),
        )
    {
        out.push(compare_pair(map, a, b));
    }
    out
}

/// `b` against `a`, overall and stage by stage.
fn compare_pair(map: &Map, a: &CurveAnalysis, b: &CurveAnalysis) -> Comparison {
    let stages = map
        .stages
        .iter()
        .map(|s| {
            let (x, y) = (
                stage_mean(map, a.curve, s.id),
                stage_mean(map, b.curve, s.id),
            );
            StageComparison {
                stage: s.id,
                as_is: x,
                to_be: y,
                gain: x.zip(y).map(|(x, y)| y - x),
            }
        })
        .collect();
    let gain = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| y - x);
    Comparison {
        as_is: a.curve,
        to_be: b.curve,
        persona: a.persona,
        remembered_gain: gain(a.remembered, b.remembered),
        peak_gain: gain(
            a.peak.as_ref().map(|p| p.score),
            b.peak.as_ref().map(|p| p.score),
        ),
        end_gain: gain(
            a.end.as_ref().map(|p| p.score),
            b.end.as_ref().map(|p| p.score),
        ),
        stages,
    }
}

/// The mean score of curve `id` in `stage`, when it has a step there.
fn stage_mean(map: &Map, id: CurveId, stage: StageId) -> Option<f64> {
    map.curves.iter().find(|c| c.id == id)?.stage_mean(stage)
}

fn lint(project: &Project, map: &Map) -> Vec<Lint> {
    let mut out = Vec::new();
    if map.stages.len() > MAX_READABLE_STAGES {
        out.push(Lint::TooManyStages {
            stages: map.stages.len(),
            max: MAX_READABLE_STAGES,
        });
    }
    let touchpoint_lane = |lane| {
        map.lane(lane)
            .is_some_and(|l| matches!(l.kind, LaneKind::Touchpoints | LaneKind::Frontstage))
    };
    let researched = map.cards.iter().any(|c| !c.evidence.is_empty())
        || map.stages.iter().any(|s| !s.evidence.is_empty());
    let mut cards: Vec<&crate::model::Card> = map.cards.iter().collect();
    cards.sort_by_cached_key(|c| {
        (
            map.stage_index(c.stage).unwrap_or(usize::MAX),
            map.lane_index(c.lane).unwrap_or(usize::MAX),
            c.order,
        )
    });
    for card in &cards {
        if touchpoint_lane(card.lane) {
            if card.channel.is_none() {
                out.push(Lint::TouchpointWithoutChannel { card: card.id });
            }
            if card.owner.trim().is_empty() {
                out.push(Lint::TouchpointWithoutOwner { card: card.id });
            } else if !project.stakeholders.is_empty()
                && project.owner_stakeholder(&card.owner).is_none()
            {
                out.push(Lint::OwnerNotAStakeholder { card: card.id });
            }
        }
        if card
            .moment_of_truth
            .as_ref()
            .is_some_and(|m| m.reason.trim().is_empty())
        {
            out.push(Lint::MomentOfTruthWithoutReason { card: card.id });
        }
        let claim = card.moment_of_truth.is_some()
            || map
                .lane(card.lane)
                .is_some_and(|l| l.kind == LaneKind::PainPoints);
        if researched && claim && card.evidence.is_empty() {
            out.push(Lint::ClaimWithoutEvidence { card: card.id });
        }
    }
    if map.curves.is_empty() && !map.stages.is_empty() {
        out.push(Lint::MapWithoutCurve);
    }
    for curve in &map.curves {
        for stage in &map.stages {
            if !curve.points.iter().any(|p| p.stage == stage.id) {
                out.push(Lint::StageWithoutScore {
                    stage: stage.id,
                    curve: curve.id,
                });
            }
        }
    }
    for stage in &map.stages {
        let evidenced = !stage.evidence.is_empty()
            || map
                .cards
                .iter()
                .any(|c| c.stage == stage.id && !c.evidence.is_empty());
        if !evidenced {
            out.push(Lint::StageWithoutEvidence { stage: stage.id });
        }
    }
    out
}

#[cfg(test)]
mod tests;
