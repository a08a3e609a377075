//! The words the painter writes next to the remembered steps of a curve.

use crate::analysis::{Analysis, Step};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{CurveVariant, Map};
use crate::render::PointMark;

/// The peak and the end of each as-is curve, as marks for the painter, named in `lang` (the
/// canvas and the exports mark the same steps); the end also says the remembered score of
/// the curve on `map`'s scale, and when the end is weak.
pub fn peak_end_marks(analysis: &Analysis, map: &Map, lang: Language) -> Vec<PointMark> {
    let mut marks = Vec::new();
    let compared = |id| map.compare.is_some_and(|(a, b)| a == id || b == id);
    for c in analysis
        .curves
        .iter()
        .filter(|c| c.variant == CurveVariant::AsIs || compared(c.curve))
    {
        let (Some(peak), Some(end)) = (&c.peak, &c.end) else {
            continue;
        };
        let steps: &[(&Step, &'static str)] = if peak.point == end.point {
            &[(end, "curve.peak_and_end")]
        } else {
            &[(peak, "curve.peak"), (end, "curve.end")]
        };
        let remembered = c.remembered.map(|r| {
            let mut detail = tr_args_in(
                lang,
                "curve.remembered",
                &[("score", &crate::i18n::score(map.scale, r, 1, lang))],
            );
            if c.weak_end.is_some() {
                detail.push_str(" · ");
                detail.push_str(&tr_in(lang, "curve.weak_end"));
            }
            detail
        });
        for (step, key) in steps {
            marks.push(PointMark {
                curve: c.curve,
                point: step.point,
                text: tr_in(lang, key).into_owned(),
                detail: (step.point == end.point)
                    .then(|| remembered.clone())
                    .flatten(),
            });
        }
    }
    marks
}

/// The words of each journey badge on `map` (an experience map whose stages zoom into
/// journeys): the journey's title and the score its first as-is curve leaves remembered, in
/// `lang`, cut with "…" to fit `width` points at the badge's type size.
pub fn journey_badges(
    project: &crate::model::Project,
    map: &Map,
    lang: Language,
    (text, width): (&mut crate::layout::TextMeasurer, f32),
) -> Vec<(crate::model::MapId, String)> {
    let mut badges: Vec<(crate::model::MapId, String)> = Vec::new();
    for id in map.stages.iter().filter_map(|s| s.journey) {
        if badges.iter().any(|(b, _)| *b == id) {
            continue;
        }
        let Some(journey) = project.map(id).filter(|j| j.id != map.id) else {
            continue;
        };
        let remembered = crate::analysis::remembered_as_is(journey);
        // The score always shows; the title gives way when the badge is too narrow.
        let size = crate::layout::JOURNEY_BADGE_SIZE;
        let score = remembered.map_or_else(String::new, |r| {
            format!(
                " · {}",
                tr_args_in(
                    lang,
                    "curve.remembered",
                    &[("score", &crate::i18n::score(journey.scale, r, 1, lang))]
                )
            )
        });
        let score_width = if score.is_empty() {
            0.0
        } else {
            text.block(&score, size, true, f32::INFINITY, 1).size.x
        };
        let title = text.block(
            &format!("→ {}", journey.title),
            size,
            true,
            (width - score_width).max(size * 4.0),
            1,
        );
        let line = title
            .lines
            .first()
            .map_or_else(String::new, |l| l.text.trim_end().to_owned())
            + &score;
        badges.push((id, line));
    }
    badges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_mark_says_what_is_remembered_and_when_the_end_is_weak() {
        let text = include_str!("../../examples/ikea-winkelbezoek.klantreis.ron");
        let project = crate::file::from_ron_str(text, std::path::Path::new("ikea"))
            .expect("the example")
            .project;
        let mut map = project.maps[0].clone();
        let marks = peak_end_marks(
            &crate::analysis::analyse(&project, &map),
            &map,
            Language::Dutch,
        );
        let end = marks
            .iter()
            .find(|m| m.text == "Eind")
            .expect("an end mark");
        assert_eq!(end.detail.as_deref(), Some("onthouden −0,5"));
        let peak = marks
            .iter()
            .find(|m| m.text == "Piek")
            .expect("a peak mark");
        assert_eq!(peak.detail, None);
        // The last step made the lowest: a weak end, said on the map.
        let curve = &mut map.curves[0];
        let last = curve.points.len() - 1;
        curve.points[last].score = -5.0;
        let marks = peak_end_marks(
            &crate::analysis::analyse(&project, &map),
            &map,
            Language::Dutch,
        );
        let end = marks
            .iter()
            .find(|m| m.detail.is_some())
            .expect("an end mark");
        assert!(
            end.detail
                .as_deref()
                .unwrap_or("")
                .ends_with(" · zwak einde"),
            "{end:?}"
        );
    }
}
