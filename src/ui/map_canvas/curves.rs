//! Editing emotion curves on the canvas: drag a step up or down, click the emotion lane to set
//! a stage's score, draw across it to set several at once, and switch curves on and off in the
//! legend.

use egui::{CursorIcon, Id, Pos2, Rect, Sense, Stroke, Vec2, emath::TSTransform, pos2};

use super::{CanvasAction, CurveEdit, Drag, MapCanvas, Selection};
use crate::i18n::{tr, tr_args};
use crate::layout::{CurveLayout, Layout};
use crate::model::{CurveId, EmotionScale, Map};
use crate::render::FACE_RADIUS;

/// A score from a pointer's height: snapped to the scale's steps, or to a tenth with `free`.
fn score_at(scale: EmotionScale, band: Rect, y: f32, free: bool) -> f64 {
    let raw = Layout::y_to_score(band, scale, y);
    if free {
        ((raw * 10.0).round() / 10.0).clamp(scale.min(), scale.max())
    } else {
        scale.snap(raw)
    }
}

impl MapCanvas {
    /// The curve that clicks and strokes on the emotion lane change: the selected step's, the
    /// last one touched, else the first one shown.
    pub fn target_curve(&self, map: &Map) -> Option<CurveId> {
        let shown = |id: &CurveId| {
            !self.hidden_curves.contains(id) && map.curves.iter().any(|c| c.id == *id)
        };
        self.selection
            .point
            .map(|(c, _)| c)
            .or(self.active_curve)
            .filter(shown)
            .or_else(|| map.curves.iter().map(|c| c.id).find(|id| shown(id)))
    }

    /// Whether the primary button went down on the empty emotion lane (so dragging draws).
    pub(super) fn drawing_curve(
        &self,
        ui: &egui::Ui,
        map: &Map,
        layout: &Layout,
        canvas: Rect,
    ) -> bool {
        if matches!(self.drag, Some(Drag::Freehand { .. })) {
            return true;
        }
        if self.drag.is_some() || self.target_curve(map).is_none() {
            return false;
        }
        let Some(band) = layout.curve_band() else {
            return false;
        };
        let (origin, modifiers) = ui.input(|i| (i.pointer.press_origin(), i.modifiers));
        let to_map = self.view.screen_from_map(canvas).inverse();
        !(modifiers.shift || modifiers.command)
            && origin.is_some_and(|o| canvas.contains(o) && band.contains(to_map * o))
    }

    /// The legend's lines switch their curves on and off.
    pub(super) fn legend_ui(
        &mut self,
        ui: &egui::Ui,
        layout: &Layout,
        to_screen: TSTransform,
        visible: Rect,
    ) {
        for entry in &layout.legend {
            if !visible.intersects(entry.rect) {
                continue;
            }
            let response = ui.interact(
                to_screen * entry.rect,
                Id::unique(("legend", entry.curve.0)),
                Sense::click(),
            );
            let shown = !self.hidden_curves.contains(&entry.curve);
            let name: String = entry
                .label
                .block
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect();
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::CheckBox,
                    true,
                    shown,
                    tr_args("canvas.curve", &[("name", &name)]),
                )
            });
            let response = response
                .on_hover_text(tr("canvas.curve.tip"))
                .on_hover_cursor(CursorIcon::PointingHand);
            if response.clicked() {
                if shown {
                    self.hidden_curves.insert(entry.curve);
                    if self.selection.point.is_some_and(|(c, _)| c == entry.curve) {
                        self.selection.point = None;
                    }
                } else {
                    self.hidden_curves.remove(&entry.curve);
                    self.active_curve = Some(entry.curve);
                }
            }
        }
    }

    /// Each step of each shown curve: select it, or drag it to a new score.
    pub(super) fn points_ui(
        &mut self,
        ui: &egui::Ui,
        map: &Map,
        layout: &Layout,
        to_screen: TSTransform,
        visible: Rect,
        actions: &mut Vec<CanvasAction>,
    ) {
        let Some(band) = layout.curve_band() else {
            return;
        };
        let free = ui.input(|i| i.modifiers.alt);
        let colour = ui.visuals().selection.stroke.color;
        for curve_layout in &layout.curves {
            if self.hidden_curves.contains(&curve_layout.id) {
                continue;
            }
            let Some(curve) = map.curves.iter().find(|c| c.id == curve_layout.id) else {
                continue;
            };
            for p in &curve_layout.points {
                let rect = Rect::from_center_size(p.pos, Vec2::splat(2.0 * FACE_RADIUS + 6.0));
                if !visible.intersects(rect) {
                    continue;
                }
                let Some(point) = curve.points.get(p.index) else {
                    continue;
                };
                let response = ui.interact(
                    to_screen * rect,
                    Id::unique(("point", curve.id.0, p.index)),
                    Sense::click_and_drag(),
                );
                let stage = map.stage(point.stage).map_or("", |s| s.name.as_str());
                let selected = self.selection.point == Some((curve.id, p.index));
                // Names and tips are built only when asked for (a screen reader, a hover).
                response.widget_info(|| {
                    let curve_name: String = layout
                        .legend
                        .iter()
                        .find(|e| e.curve == curve.id)
                        .map(|e| {
                            e.label
                                .block
                                .lines
                                .iter()
                                .map(|l| l.text.as_str())
                                .collect()
                        })
                        .unwrap_or_default();
                    let mut info = egui::WidgetInfo::selected(
                        egui::Role::Slider,
                        true,
                        selected,
                        tr_args("canvas.point", &[("stage", &stage), ("curve", &curve_name)]),
                    );
                    info.value = Some(point.score);
                    info
                });
                let response = response
                    .on_hover_ui(|ui| {
                        let score = map.scale.format(point.score, 1);
                        if point.label.is_empty() {
                            ui.label(score);
                        } else {
                            ui.label(format!("{score} · {}", point.label));
                        }
                        ui.label(tr("canvas.point.tip"));
                    })
                    .on_hover_cursor(CursorIcon::ResizeVertical);
                if response.clicked() || response.drag_started() {
                    self.selection = Selection {
                        point: Some((curve.id, p.index)),
                        ..Selection::default()
                    };
                    self.active_curve = Some(curve.id);
                }
                if response.drag_started() {
                    self.drag = Some(Drag::Point {
                        curve: curve.id,
                        index: p.index,
                        score: point.score,
                    });
                }
                if selected {
                    ui.painter().circle_stroke(
                        to_screen * p.pos,
                        (FACE_RADIUS + 3.0) * to_screen.scaling.max(0.5),
                        Stroke::new(2.5, colour),
                    );
                }
                let Some(Drag::Point {
                    curve: dragged,
                    index,
                    score: new_score,
                }) = &mut self.drag
                else {
                    continue;
                };
                if *dragged != curve.id || *index != p.index {
                    continue;
                }
                if let Some(pointer) = response.interact_pointer_pos() {
                    let y = (to_screen.inverse() * pointer).y;
                    *new_score = score_at(map.scale, band, y, free);
                    let at = pos2(p.pos.x, Layout::score_to_y(band, map.scale, *new_score));
                    let painter = ui.painter();
                    painter.line_segment(
                        [to_screen * p.pos, to_screen * at],
                        Stroke::new(1.5, colour),
                    );
                    painter.circle(
                        to_screen * at,
                        FACE_RADIUS * to_screen.scaling.max(0.5),
                        colour.gamma_multiply(0.4),
                        Stroke::new(2.0, colour),
                    );
                    painter.text(
                        to_screen * at + egui::vec2(12.0, -12.0),
                        egui::Align2::LEFT_CENTER,
                        map.scale.format(*new_score, 1),
                        egui::FontId::proportional(14.0),
                        ui.visuals().strong_text_color(),
                    );
                }
                if response.drag_stopped() {
                    if (*new_score - point.score).abs() > 1e-9 {
                        let mut edit = CurveEdit::new(curve.id);
                        edit.set.push((p.index, *new_score));
                        actions.push(CanvasAction::EditCurve(edit));
                    }
                    self.drag = None;
                }
            }
        }
        if matches!(self.drag, Some(Drag::Point { .. })) && !ui.input(|i| i.pointer.any_down()) {
            self.drag = None;
        }
    }

    /// A click on the empty emotion lane sets the score of the stage under the pointer (adding
    /// a step where it has none); a stroke across it sets every step it passes. Returns whether
    /// the background's click was the lane's.
    #[expect(clippy::too_many_arguments, reason = "the canvas's per-frame context")]
    pub(super) fn band_ui(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        map: &Map,
        layout: &Layout,
        to_screen: TSTransform,
        drawing: bool,
        actions: &mut Vec<CanvasAction>,
    ) -> bool {
        let (Some(band), Some(curve)) = (layout.curve_band(), self.target_curve(map)) else {
            return false;
        };
        let Some(curve_layout) = layout.curves.iter().find(|c| c.id == curve) else {
            return false;
        };
        let free = ui.input(|i| i.modifiers.alt);
        let pointer = ui
            .input(|i| i.pointer.interact_pos())
            .map(|p| to_screen.inverse() * p);
        let in_band = pointer.is_some_and(|p| band.contains(p));
        if background.clicked()
            && in_band
            && !ui.input(|i| i.modifiers.shift || i.modifiers.command)
        {
            if let Some(p) = pointer {
                let edit = stroke_edit(map, layout, curve_layout, band, &[p, p], free);
                if !edit.set.is_empty() || !edit.add.is_empty() {
                    actions.push(CanvasAction::EditCurve(edit));
                }
            }
            return true;
        }
        if drawing && background.drag_started() {
            // The stroke starts where the button went down, not where the drag was recognised.
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .map(|p| to_screen.inverse() * p);
            self.drag = Some(Drag::Freehand {
                curve,
                stroke: origin.into_iter().chain(pointer).collect(),
            });
        }
        let Some(Drag::Freehand {
            curve: drawn,
            stroke,
        }) = &mut self.drag
        else {
            return in_band && background.double_clicked();
        };
        if let Some(p) = pointer
            && stroke.last().is_none_or(|last| last.distance(p) > 1.0)
        {
            stroke.push(pos2(p.x, p.y.clamp(band.top(), band.bottom())));
        }
        let screen: Vec<Pos2> = stroke.iter().map(|p| to_screen * *p).collect();
        ui.painter().add(egui::Shape::line(
            screen,
            Stroke::new(2.5, ui.visuals().selection.stroke.color),
        ));
        if background.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
            let curve_id = *drawn;
            let stroke = std::mem::take(stroke);
            self.drag = None;
            if let Some(curve_layout) = layout.curves.iter().find(|c| c.id == curve_id) {
                let edit = stroke_edit(map, layout, curve_layout, band, &stroke, free);
                if !edit.set.is_empty() || !edit.add.is_empty() {
                    actions.push(CanvasAction::EditCurve(edit));
                }
            }
        }
        true
    }
}

/// The height of a stroke at `x`: on the last segment that spans `x` (a stroke drawn back
/// over itself keeps the later line).
fn stroke_y(stroke: &[Pos2], x: f32) -> Option<f32> {
    stroke.windows(2).rev().find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let (lo, hi) = (a.x.min(b.x), a.x.max(b.x));
        if x < lo - 0.5 || x > hi + 0.5 {
            return None;
        }
        let t = if (b.x - a.x).abs() < f32::EPSILON {
            1.0
        } else {
            ((x - a.x) / (b.x - a.x)).clamp(0.0, 1.0)
        };
        Some(a.y + t * (b.y - a.y))
    })
}

/// What a stroke (or a click: a stroke of one point) does to a curve: every existing step it
/// passes takes the stroke's height; every stage it passes without a step gets one. A click
/// sets the step of its stage nearest the pointer.
fn stroke_edit(
    map: &Map,
    layout: &Layout,
    curve: &CurveLayout,
    band: Rect,
    stroke: &[Pos2],
    free: bool,
) -> CurveEdit {
    let mut edit = CurveEdit::new(curve.id);
    let is_click = stroke.len() <= 2 && stroke.first() == stroke.last();
    let Some(model) = map.curves.iter().find(|c| c.id == curve.id) else {
        return edit;
    };
    for stage in &layout.stages {
        let column = stage.column.x_range();
        let in_stage: Vec<_> = curve
            .points
            .iter()
            .filter(|p| {
                model
                    .points
                    .get(p.index)
                    .is_some_and(|m| m.stage == stage.id)
            })
            .collect();
        if is_click {
            let Some(&p) = stroke.first() else { break };
            if !column.contains(p.x) {
                continue;
            }
            let score = score_at(map.scale, band, p.y, free);
            match in_stage
                .iter()
                .min_by(|a, b| (a.pos.x - p.x).abs().total_cmp(&(b.pos.x - p.x).abs()))
            {
                Some(nearest) => edit.set.push((nearest.index, score)),
                None => edit.add.push((stage.id, score)),
            }
            continue;
        }
        if in_stage.is_empty() {
            if let Some(y) = stroke_y(stroke, column.center()) {
                edit.add
                    .push((stage.id, score_at(map.scale, band, y, free)));
            }
        } else {
            for p in in_stage {
                if let Some(y) = stroke_y(stroke, p.pos.x) {
                    edit.set.push((p.index, score_at(map.scale, band, y, free)));
                }
            }
        }
    }
    edit
}
