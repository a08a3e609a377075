//! Research on the canvas: evidence dropped on a card links to it, cards with evidence dim
//! while the filter asks for those without, and a metrics lane's figures say where they come
//! from on hover.

use egui::{Color32, Rect, Stroke, emath::TSTransform};

use super::{CanvasAction, Frame};
use crate::i18n::tr_count;
use crate::layout::Layout;
use crate::model::{EvidenceId, Map};

/// Highlights the card under evidence being dragged, and links the two when it is dropped.
pub(super) fn evidence_drop_ui(ui: &egui::Ui, f: &mut Frame<'_>) {
    let Some(evidence) = egui::DragAndDrop::payload::<EvidenceId>(ui.ctx()) else {
        return;
    };
    let Some(pointer) = f.pointer.filter(|_| {
        ui.ctx()
            .pointer_interact_pos()
            .is_some_and(|p| f.canvas.contains(p))
    }) else {
        return;
    };
    let Some(card) = f.layout.card_at(pointer) else {
        return;
    };
    let painter = f.painter(ui);
    painter.rect_stroke(
        f.to_screen * card.rect.expand(2.0),
        5.0 * f.to_screen.scaling,
        Stroke::new(3.0, ui.visuals().selection.stroke.color),
        egui::StrokeKind::Outside,
    );
    ui.ctx().set_cursor_icon(egui::CursorIcon::Copy);
    if ui.input(|i| i.pointer.any_released()) {
        egui::DragAndDrop::clear_payload(ui.ctx());
        f.actions.push(CanvasAction::LinkEvidence {
            card: card.id,
            evidence: *evidence,
        });
    }
}

/// Covers the cards that have evidence in a veil, so those without stand out, and says how
/// many there are.
pub(super) fn dim_evidenced(
    ui: &egui::Ui,
    painter: &egui::Painter,
    (map, layout): (&Map, &Layout),
    to_screen: TSTransform,
    canvas: Rect,
) {
    // The paper shows through: what has evidence fades into the map.
    let veil = crate::render::Theme::default().paper.gamma_multiply(0.8);
    let mut without = 0;
    for c in &layout.cards {
        let has = map
            .cards
            .get(c.index)
            .is_some_and(|x| !x.evidence.is_empty());
        if has {
            painter.rect_filled(
                to_screen * c.rect.expand(1.0),
                4.0 * to_screen.scaling,
                veil,
            );
        } else {
            without += 1;
            painter.rect_stroke(
                to_screen * c.rect,
                4.0 * to_screen.scaling,
                Stroke::new(2.0, ui.visuals().warn_fg_color),
                egui::StrokeKind::Outside,
            );
        }
    }
    let text = tr_count("canvas.unevidenced", without);
    let galley = painter.layout_no_wrap(
        text,
        egui::FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
    );
    // At the bottom right, clear of the title block and the lanes' add buttons.
    let at = canvas.right_bottom() - galley.size() - egui::vec2(14.0, 12.0);
    let back = Rect::from_min_size(at, galley.size()).expand(6.0);
    painter.rect_filled(back, 6.0, ui.visuals().window_fill);
    painter.rect_stroke(
        back,
        6.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    painter.galley(at, galley, Color32::PLACEHOLDER);
}

/// A tooltip over a metrics lane's figure: the data set, its source and date.
pub(super) fn metric_tips_ui(ui: &egui::Ui, f: &Frame<'_>) {
    let Some(pointer) = f.pointer else { return };
    if egui::DragAndDrop::has_any_payload(ui.ctx()) {
        return;
    }
    for cell in f
        .layout
        .metric_cells
        .iter()
        .filter(|c| c.rect.contains(pointer))
    {
        let lines: Vec<&str> = cell.items.iter().map(|i| i.source.as_str()).collect();
        if lines.is_empty() {
            continue;
        }
        let id = egui::Id::unique(("metric-tip", cell.lane.0, cell.stage.0));
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            id,
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| {
            for line in &lines {
                ui.label(*line);
            }
        });
    }
}
