//! Where the steps of each emotion curve go, and a service blueprint's lines.

use std::collections::HashMap;

use epaint::pos2;

use super::FACE_RADIUS;

use super::{
    BlueprintLine, CurveLayout, CurvePointLayout, LaneLayout, Layout, Metrics, PlacedText,
    TextMeasurer,
};
use crate::i18n::{Language, tr_in};
use crate::model::{LaneKind, Map, StageId};

/// The lines of a service blueprint: interaction (customer actions | frontstage), visibility
/// (frontstage | backstage) and internal interaction (backstage | support processes), where
/// those lanes meet.
pub(super) fn blueprint_lines(
    lanes: &[LaneLayout],
    lang: Language,
    left: f32,
    right: f32,
    text: &mut TextMeasurer,
) -> Vec<BlueprintLine> {
    lanes
        .windows(2)
        .filter_map(|pair| {
            let key = match (pair[0].kind, pair[1].kind) {
                (LaneKind::CustomerActions, LaneKind::Frontstage | LaneKind::Touchpoints) => {
                    "blueprint.interaction"
                }
                (LaneKind::Frontstage, LaneKind::Backstage) => "blueprint.visibility",
                (LaneKind::Backstage, LaneKind::SupportProcesses) => "blueprint.internal",
                _ => return None,
            };
            let y = pair[0].row.bottom();
            let block = text.block(&tr_in(lang, key), 8.0, true, 220.0, 1);
            let pos = pos2(right - block.size.x - 6.0, y - block.size.y - 2.0);
            Some(BlueprintLine {
                y,
                left,
                right,
                label: PlacedText { pos, block },
            })
        })
        .collect()
}

/// Each curve's steps in the emotion lane's band.
pub(super) fn curves(
    map: &Map,
    lanes: &[LaneLayout],
    stage_index: &HashMap<StageId, usize>,
    m: &Metrics,
) -> Vec<CurveLayout> {
    let Some(band) = lanes.iter().find_map(|l| l.curve_band) else {
        return Vec::new();
    };
    let mut laid = map
        .curves
        .iter()
        .map(|curve| {
            // Points of one stage share its column evenly, in curve order, so that the curve
            // always runs left to right (a linked card only names the step).
            let mut per_stage = vec![0usize; map.stages.len()];
            for p in &curve.points {
                if let Some(&s) = stage_index.get(&p.stage) {
                    per_stage[s] += 1;
                }
            }
            let mut seen = vec![0usize; map.stages.len()];
            let points = curve
                .points
                .iter()
                .enumerate()
                .filter_map(|(index, p)| {
                    let &s = stage_index.get(&p.stage)?;
                    let k = seen[s];
                    seen[s] += 1;
                    let column_left = band.left() + m.stage_width * s as f32;
                    let x = column_left + m.stage_width * (k as f32 + 0.5) / per_stage[s] as f32;
                    let y = Layout::score_to_y(band, map.scale, p.score);
                    Some(CurvePointLayout {
                        index,
                        pos: pos2(x, y),
                        score: p.score,
                    })
                })
                .collect();
            CurveLayout {
                id: curve.id,
                points,
                colour: curve.colour,
            }
        })
        .collect::<Vec<_>>();
    spread_coinciding(&mut laid);
    laid
}

/// Steps of different curves that would cover each other (the same place in a stage, scores
/// less than a face apart, as an as-is and a to-be curve that agree) are set side by side,
/// each keeping its height, so every face and its word stays visible.
fn spread_coinciding(curves: &mut [CurveLayout]) {
    let apart = 2.0 * FACE_RADIUS + 3.0;
    // (x, y, curve, point), in order of place and then of curve.
    let mut all: Vec<(f32, f32, usize, usize)> = curves
        .iter()
        .enumerate()
        .flat_map(|(c, curve)| {
            curve
                .points
                .iter()
                .enumerate()
                .map(move |(i, p)| (p.pos.x, p.pos.y, c, i))
        })
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    let mut start = 0;
    while start < all.len() {
        // The steps at this x, then runs of them whose heights chain within a face.
        let end = start
            + all[start..]
                .iter()
                .take_while(|p| (p.0 - all[start].0).abs() < 0.5)
                .count();
        let mut column: Vec<_> = all[start..end].to_vec();
        column.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)));
        let mut run = 0;
        for k in 1..=column.len() {
            if k == column.len() || column[k].1 - column[k - 1].1 >= apart {
                let group = &column[run..k];
                if group.len() > 1 {
                    let mut by_curve = group.to_vec();
                    by_curve.sort_by_key(|p| p.2);
                    let middle = (by_curve.len() - 1) as f32 / 2.0;
                    for (j, &(_, _, c, i)) in by_curve.iter().enumerate() {
                        curves[c].points[i].pos.x += (j as f32 - middle) * apart;
                    }
                }
                run = k;
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_faces_of_different_curves_cover_each_other() {
        // Reported: as-is and to-be steps with the same score covered each other, so one face
        // and its word vanished.
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let mut compared = 0;
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if !path.to_string_lossy().ends_with(".klantreis.ron") {
                continue;
            }
            let project = crate::file::load(&path).expect("an example").project;
            for map in &project.maps {
                let laid = crate::layout::lay_out(
                    &project,
                    map,
                    &crate::layout::Metrics::default(),
                    &mut crate::layout::TextMeasurer::new(),
                );
                let band = laid.curve_band();
                for (a, first) in laid.curves.iter().enumerate() {
                    for second in &laid.curves[a + 1..] {
                        for p in &first.points {
                            for q in &second.points {
                                compared += 1;
                                let d = p.pos - q.pos;
                                assert!(
                                    d.x.abs() >= 2.0 * FACE_RADIUS
                                        || d.y.abs() >= 2.0 * FACE_RADIUS,
                                    "{}: {:?} and {:?}",
                                    map.title,
                                    p.pos,
                                    q.pos
                                );
                            }
                        }
                    }
                }
                // Set aside, never moved up or down: the height is still the score.
                for (curve, layout) in map.curves.iter().zip(&laid.curves) {
                    for p in &layout.points {
                        let score = curve.points[p.index].score;
                        let y = Layout::score_to_y(band.expect("a band"), map.scale, score);
                        assert!((p.pos.y - y).abs() < 1e-3);
                    }
                }
            }
        }
        assert!(compared >= 50, "{compared}");
    }
}

/// One stage's difference between the two curves a map compares: a line between their
/// steps and the difference beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffMark {
    pub stage: crate::model::StageId,
    /// The second curve's score minus the first's.
    pub gain: f64,
    /// Where the line runs, from the first curve's step to the second's.
    pub from: epaint::Pos2,
    pub to: epaint::Pos2,
    /// The difference ("+2"), in a pill at the line's middle.
    pub label: PlacedText,
}

/// The differences per stage between the curves `map` compares, in the curve band.
pub(super) fn diff_marks(
    map: &Map,
    (lanes, stages): (&[LaneLayout], &[super::StageLayout]),
    text: &mut super::TextMeasurer,
    lang: Language,
) -> Vec<DiffMark> {
    let Some((first, second)) = map.compare else {
        return Vec::new();
    };
    let Some(band) = lanes.iter().find_map(|l| l.curve_band) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    for stage in stages {
        let mean = |id| {
            map.curves
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| c.stage_mean(stage.id))
        };
        let (Some(a), Some(b)) = (mean(first), mean(second)) else {
            continue;
        };
        let x = stage.column.center().x + 16.0;
        let from = epaint::pos2(x, Layout::score_to_y(band, map.scale, a));
        let to = epaint::pos2(x, Layout::score_to_y(band, map.scale, b));
        let words = crate::i18n::number(b - a, 1, true, lang);
        let block = text.block(&words, 8.0, true, 60.0, 1);
        let middle = from.lerp(to, 0.5);
        marks.push(DiffMark {
            stage: stage.id,
            gain: b - a,
            from,
            to,
            label: PlacedText {
                pos: epaint::pos2(middle.x + 5.0, middle.y - block.size.y / 2.0),
                block,
            },
        });
    }
    marks
}
