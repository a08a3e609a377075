//! The journey badges in an experience map's stage headers: a click (or double-click) zooms
//! into the journey map the stage stands for.

use egui::{Id, Sense};

use super::{CanvasAction, Frame};
use crate::i18n::tr_args;

/// Each badge as a link to its journey.
pub(super) fn journey_badges_ui(ui: &egui::Ui, f: &mut Frame<'_>) {
    for stage in &f.layout.stages {
        let Some((journey, rect)) = stage.journey else {
            continue;
        };
        let screen = f.to_screen * rect;
        if !screen.intersects(f.canvas) {
            continue;
        }
        let name = f.map.stage(stage.id).map_or("", |s| s.name.as_str());
        let response = ui
            .interact(
                screen.intersect(f.canvas),
                Id::unique(("journey-badge", stage.id)),
                Sense::click(),
            )
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text(tr_args("canvas.journey_tip", &[("stage", &name)]));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Link,
                true,
                tr_args("canvas.journey_of", &[("stage", &name)]),
            )
        });
        if response.clicked() || response.double_clicked() {
            f.actions.push(CanvasAction::OpenJourney(journey));
        }
    }
}
