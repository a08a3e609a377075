//! The band above the stages on the canvas: each goal cell and each stage's milestone and
//! criteria can be named by a screen reader, selects its stage on a click and is edited in
//! place on a double-click.

use egui::{Id, Sense};

use super::{Frame, MapCanvas, TextTarget};
use crate::i18n::{tr, tr_args};
use crate::layout::MilestonePart;
use crate::ui::selection::Selection;

impl MapCanvas {
    /// The band's places: named, clicked and double-clicked.
    pub(super) fn goal_band_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) {
        let mut places: Vec<(egui::Rect, TextTarget, String, String)> = Vec::new();
        if let Some(row) = &f.layout.band.goal {
            for cell in &row.cells {
                let label = tr_args("canvas.goal_cell", &[("name", &tr(cell.field.key()))]);
                let text = cell.field.text(f.map).to_owned();
                places.push((cell.rect, TextTarget::Goal(cell.field), label, text));
            }
        }
        if let Some(row) = &f.layout.band.milestones {
            for cell in &row.cells {
                let Some(stage) = f.map.stage(cell.stage) else {
                    continue;
                };
                for (rect, part, key, text) in [
                    (
                        cell.milestone_rect,
                        MilestonePart::Milestone,
                        "canvas.milestone_of",
                        &stage.milestone,
                    ),
                    (
                        cell.criteria_rect,
                        MilestonePart::Criteria,
                        "canvas.criteria_of",
                        &stage.success_criteria,
                    ),
                ] {
                    let label = tr_args(key, &[("name", &stage.name)]);
                    places.push((
                        rect,
                        TextTarget::Milestone(stage.id, part),
                        label,
                        text.clone(),
                    ));
                }
            }
        }
        for (rect, target, label, text) in places {
            let screen = f.to_screen * rect;
            if !screen.intersects(f.canvas) {
                continue;
            }
            let response = ui
                .interact(
                    screen.intersect(f.canvas),
                    Id::unique(("band", target)),
                    Sense::click(),
                )
                .on_hover_text(tr("canvas.band_hint"));
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, label.as_str())
            });
            if response.clicked()
                && let TextTarget::Milestone(stage, _) = target
            {
                *f.selection = Selection {
                    stage: Some(stage),
                    ..Selection::default()
                };
            }
            if response.double_clicked() {
                self.edit_in_frame(false, target, text);
            }
        }
    }
}
