//! The emotion curves of a map: the scale their scores are on, and each curve's steps.

use serde::{Deserialize, Serialize};

use super::{CardId, CurveId, PersonaId, Rgb, StageId};

/// The range of emotion scores on a map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum EmotionScale {
    /// −2 … +2, neutral 0.
    #[default]
    MinusTwoToTwo,
    /// −5 … +5, neutral 0.
    MinusFiveToFive,
    /// 1 … 5, neutral 3.
    OneToFive,
    /// 1 … 10, neutral 5.5.
    OneToTen,
    /// Any range with `min < max`; steps of 1.
    Custom { min: f64, max: f64 },
}

impl EmotionScale {
    /// The lowest score.
    pub fn min(self) -> f64 {
        match self {
            Self::MinusTwoToTwo => -2.0,
            Self::MinusFiveToFive => -5.0,
            Self::OneToFive | Self::OneToTen => 1.0,
            Self::Custom { min, .. } => min,
        }
    }

    /// The highest score.
    pub fn max(self) -> f64 {
        match self {
            Self::MinusTwoToTwo => 2.0,
            Self::MinusFiveToFive | Self::OneToFive => 5.0,
            Self::OneToTen => 10.0,
            Self::Custom { max, .. } => max,
        }
    }

    /// The middle of the scale: neither positive nor negative.
    pub fn neutral(self) -> f64 {
        f64::midpoint(self.min(), self.max())
    }

    /// The steps a dragged score snaps to: whole points on the usual scales, a round fraction
    /// of the span (1, 2 or 5 times a power of ten, about a twentieth) on a custom one.
    pub fn step(self) -> f64 {
        match self {
            Self::Custom { .. } => {
                let rough = ((self.max() - self.min()) / 20.0).max(1e-6);
                let power = 10_f64.powf(rough.log10().floor());
                let nice = [1.0, 2.0, 5.0, 10.0]
                    .into_iter()
                    .find(|k| k * power >= rough)
                    .unwrap_or(10.0);
                nice * power
            }
            _ => 1.0,
        }
    }

    /// `score` snapped to the nearest step and kept on the scale.
    pub fn snap(self, score: f64) -> f64 {
        let step = self.step();
        let snapped = self.min() + ((score - self.min()) / step).round() * step;
        snapped.clamp(self.min(), self.max())
    }

    /// How happy `score` is, from -1 (the scale's minimum) through 0 (neutral) to 1.
    pub fn valence(self, score: f64) -> f64 {
        let half = (self.max() - self.min()) / 2.0;
        if half > 0.0 {
            ((score - self.neutral()) / half).clamp(-1.0, 1.0)
        } else {
            0.0
        }
    }

    /// Whether `score` is a finite number on this scale.
    pub fn contains(self, score: f64) -> bool {
        score.is_finite() && score >= self.min() && score <= self.max()
    }

    /// Maps a score on this scale to the same relative place on `other`.
    pub fn rescale_to(self, score: f64, other: Self) -> f64 {
        let span = self.max() - self.min();
        let t = if span > 0.0 {
            (score - self.min()) / span
        } else {
            0.5
        };
        other.min() + t.clamp(0.0, 1.0) * (other.max() - other.min())
    }
}

/// `v` rounded to `decimals` places, with a `+` when it is positive and `signed`; a value that
/// rounds to zero is written `0`, never `-0`.
pub fn format_score(v: f64, decimals: i32, signed: bool) -> String {
    let factor = 10_f64.powi(decimals);
    let r = (v * factor).round() / factor;
    if r == 0.0 {
        "0".to_owned()
    } else if signed && r > 0.0 {
        format!("+{r}")
    } else {
        format!("{r}")
    }
}

/// Whether a curve shows today's experience or the one we design for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CurveVariant {
    #[default]
    AsIs,
    ToBe,
}

/// How one persona feels along the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmotionCurve {
    pub id: CurveId,
    /// The persona who feels this; `None` for the map's general curve.
    pub persona: Option<PersonaId>,
    pub variant: CurveVariant,
    /// Name in the legend; empty means "persona name (as-is)".
    pub label: String,
    pub colour: Option<Rgb>,
    /// Points in journey order.
    pub points: Vec<EmotionPoint>,
    /// The survey score that drives this curve, if any: its points marked `from_data` follow
    /// the data set on every import.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<super::CurveData>,
}

impl EmotionCurve {
    /// The mean score of this curve's steps in `stage`, when it has any there.
    pub fn stage_mean(&self, stage: StageId) -> Option<f64> {
        let scores: Vec<f64> = self
            .points
            .iter()
            .filter(|p| p.stage == stage && p.score.is_finite())
            .map(|p| p.score)
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }
}

impl Default for EmotionCurve {
    fn default() -> Self {
        Self {
            id: CurveId::random(),
            persona: None,
            variant: CurveVariant::AsIs,
            label: String::new(),
            colour: None,
            points: Vec::new(),
            data: None,
        }
    }
}

/// One step of an emotion curve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmotionPoint {
    /// The stage the step belongs to.
    pub stage: StageId,
    /// The card (usually a touchpoint or action) the step scores, if any.
    pub card: Option<CardId>,
    /// The score on the map's scale.
    pub score: f64,
    /// A word or emoji for the feeling, such as "blij" or "boos".
    pub label: String,
    /// Set from a data set's score (see `EmotionCurve::data`) rather than by hand.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_data: bool,
}

impl Default for EmotionPoint {
    fn default() -> Self {
        Self {
            stage: StageId(0),
            card: None,
            score: 0.0,
            label: String::new(),
            from_data: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_scores_are_rounded_and_never_negative_zero() {
        assert_eq!(format_score(-0.375, 2, false), "-0.38");
        assert_eq!(format_score(-0.04, 1, true), "0");
        assert_eq!(format_score(3.0, 1, true), "+3");
        assert_eq!(format_score(1.25, 1, true), "+1.3");
    }
}
