//! The words the painter writes next to the remembered steps of a curve.

use crate::analysis::{Analysis, Step};
use crate::i18n::{Language, tr_in};
use crate::model::CurveVariant;
use crate::render::PointMark;

/// The peak and the end of each as-is curve, as marks for the painter, named in `lang` (the
/// canvas and the exports mark the same steps).
pub fn peak_end_marks(analysis: &Analysis, lang: Language) -> Vec<PointMark> {
    let mut marks = Vec::new();
    for c in analysis
        .curves
        .iter()
        .filter(|c| c.variant == CurveVariant::AsIs)
    {
        let (Some(peak), Some(end)) = (&c.peak, &c.end) else {
            continue;
        };
        let steps: &[(&Step, &'static str)] = if peak.point == end.point {
            &[(end, "curve.peak_and_end")]
        } else {
            &[(peak, "curve.peak"), (end, "curve.end")]
        };
        for (step, key) in steps {
            marks.push(PointMark {
                curve: c.curve,
                point: step.point,
                text: tr_in(lang, key).into_owned(),
            });
        }
    }
    marks
}
