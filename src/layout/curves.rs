//! Where the steps of each emotion curve go, and a service blueprint's lines.

use std::collections::HashMap;

use epaint::pos2;

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
    map.curves
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
            }
        })
        .collect()
}
