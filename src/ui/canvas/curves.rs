//! Editing emotion curves on the canvas: drag a step up or down, click the emotion lane to set
//! a stage's score, draw across it to set several at once, and switch curves on and off in the
//! legend.

use egui::{CursorIcon, Id, Pos2, Rect, Sense, Stroke, Vec2, pos2};

use super::{CanvasAction, CurveEdit, Drag, Frame, MapCanvas};
use crate::i18n::{tr, tr_args};
use crate::layout::Layout;
use crate::layout::hit::{score_at, stroke_scores};
use crate::model::{CurveId, Map};
use crate::render::FACE_RADIUS;
use crate::ui::selection::Selection;

impl MapCanvas {
    /// The curve that clicks and strokes on the emotion lane change: the selected step's, the
    /// last one touched, else the first one shown.
    pub(super) fn target_curve(&self, map: &Map, selection: &Selection) -> Option<CurveId> {
        let shown = |id: &CurveId| {
            !self.hidden_curves.contains(id) && map.curves.iter().any(|c| c.id == *id)
        };
        selection
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
        (map, layout): (&Map, &Layout),
        selection: &Selection,
        canvas: Rect,
    ) -> bool {
        if matches!(self.drag, Some(Drag::Freehand { .. })) {
            return true;
        }
        if self.drag.is_some() || self.target_curve(map, selection).is_none() {
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

    /// The legend's lines switch their curves on and off; the pencil before each chooses the
    /// curve the emotion lane draws, and the chosen one is outlined.
    pub(super) fn legend_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) {
        let drawn = self.target_curve(f.map, f.selection);
        for entry in &f.layout.legend {
            if f.visible.intersects(entry.rect) {
                self.pencil_ui(ui, f, entry, drawn == Some(entry.curve));
            }
        }
        for entry in &f.layout.legend {
            if !f.visible.intersects(entry.rect) {
                continue;
            }
            let response = ui.interact(
                f.to_screen * entry.rect,
                Id::unique(("legend", entry.curve.0)),
                Sense::click(),
            );
            let shown = !self.hidden_curves.contains(&entry.curve);
            let name = legend_name(f.layout, entry.curve);
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
                    if f.selection.point.is_some_and(|(c, _)| c == entry.curve) {
                        f.selection.point = None;
                    }
                } else {
                    self.hidden_curves.remove(&entry.curve);
                    self.active_curve = Some(entry.curve);
                }
            }
        }
    }

    /// The pencil before a legend line: chooses its curve to draw (showing it); `on` when it is
    /// the one drawn, which is outlined as well.
    fn pencil_ui(
        &mut self,
        ui: &egui::Ui,
        f: &mut Frame<'_>,
        entry: &crate::layout::LegendEntry,
        on: bool,
    ) {
        let line = f.to_screen * entry.rect;
        let side = line.height().clamp(8.0, 22.0);
        let rect = Rect::from_center_size(
            pos2(line.left() - side * 0.5 - 3.0, line.center().y),
            Vec2::splat(side),
        );
        let response = ui.interact(
            rect,
            Id::unique(("draw-curve", entry.curve.0)),
            Sense::click(),
        );
        let name = legend_name(f.layout, entry.curve);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::RadioButton,
                true,
                on,
                tr_args("canvas.draw_curve", &[("name", &name)]),
            )
        });
        let response = response
            .on_hover_text(tr("canvas.draw_curve.tip"))
            .on_hover_cursor(CursorIcon::PointingHand);
        let visuals = ui.visuals();
        let accent = visuals.selection.stroke.color;
        let painter = ui.painter();
        if on {
            painter.rect_stroke(
                line.expand(2.0).union(rect),
                4.0,
                Stroke::new(1.5, accent),
                egui::StrokeKind::Outside,
            );
            painter.rect_filled(rect, 3.0, visuals.selection.bg_fill);
        } else if response.hovered() {
            painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let colour = if on {
            visuals.selection.stroke.color
        } else {
            visuals.weak_text_color()
        };
        crate::ui::panels::paint_icon(ui, rect.shrink(side * 0.15), |square| {
            crate::render::action_icon(crate::render::ActionIcon::Draw, square, colour)
        });
        if response.clicked() {
            self.draw_on(entry.curve, f.selection);
        }
    }

    /// Each step of each shown curve: select it, or drag it to a new score.
    pub(super) fn points_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) {
        let Some(band) = f.layout.curve_band() else {
            return;
        };
        for curve_layout in &f.layout.curves {
            if self.hidden_curves.contains(&curve_layout.id) {
                continue;
            }
            let Some(curve) = f.map.curves.iter().find(|c| c.id == curve_layout.id) else {
                continue;
            };
            for p in &curve_layout.points {
                let rect = Rect::from_center_size(p.pos, Vec2::splat(2.0 * FACE_RADIUS + 6.0));
                if f.visible.intersects(rect)
                    && let Some(point) = curve.points.get(p.index)
                {
                    self.point_ui(ui, f, band, (curve.id, p), point);
                }
            }
        }
        if matches!(self.drag, Some(Drag::Point { .. })) && !ui.input(|i| i.pointer.any_down()) {
            self.drag = None;
        }
    }

    /// One step of a curve: its widget, its selection ring, and its drag to a new score.
    fn point_ui(
        &mut self,
        ui: &egui::Ui,
        f: &mut Frame<'_>,
        band: Rect,
        (curve, p): (CurveId, &crate::layout::CurvePointLayout),
        point: &crate::model::EmotionPoint,
    ) {
        let map = f.map;
        let rect = Rect::from_center_size(p.pos, Vec2::splat(2.0 * FACE_RADIUS + 6.0));
        let response = ui.interact(
            f.to_screen * rect,
            Id::unique(("point", curve.0, p.index)),
            Sense::click_and_drag(),
        );
        let stage = map.stage(point.stage).map_or("", |s| s.name.as_str());
        let selected = f.selection.point == Some((curve, p.index));
        // Names and tips are built only when asked for (a screen reader, a hover).
        response.widget_info(|| {
            let curve_name = legend_name(f.layout, curve);
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
                let score = crate::i18n::score(map.scale, point.score, 1, crate::i18n::language());
                if point.label.is_empty() {
                    ui.label(score);
                } else {
                    ui.label(format!("{score} · {}", point.label));
                }
                ui.label(tr("canvas.point.tip"));
            })
            .on_hover_cursor(CursorIcon::ResizeVertical);
        if response.clicked() || response.drag_started() {
            *f.selection = Selection {
                point: Some((curve, p.index)),
                ..Selection::default()
            };
            self.active_curve = Some(curve);
        }
        if response.drag_started() {
            self.drag = Some(Drag::Point {
                curve,
                index: p.index,
                score: point.score,
            });
        }
        let colour = ui.visuals().selection.stroke.color;
        if selected {
            ui.painter().circle_stroke(
                f.to_screen * p.pos,
                (FACE_RADIUS + 3.0) * f.to_screen.scaling.max(0.5),
                Stroke::new(2.5, colour),
            );
        }
        let Some(Drag::Point {
            curve: dragged,
            index,
            score: new_score,
        }) = &mut self.drag
        else {
            return;
        };
        if *dragged != curve || *index != p.index {
            return;
        }
        if let Some(pointer) = response.interact_pointer_pos() {
            let y = (f.to_screen.inverse() * pointer).y;
            *new_score = score_at(map.scale, band, y, ui.input(|i| i.modifiers.alt));
            let at = pos2(p.pos.x, Layout::score_to_y(band, map.scale, *new_score));
            let painter = ui.painter();
            painter.line_segment(
                [f.to_screen * p.pos, f.to_screen * at],
                Stroke::new(1.5, colour),
            );
            painter.circle(
                f.to_screen * at,
                FACE_RADIUS * f.to_screen.scaling.max(0.5),
                colour.gamma_multiply(0.4),
                Stroke::new(2.0, colour),
            );
            painter.text(
                f.to_screen * at + egui::vec2(12.0, -12.0),
                egui::Align2::LEFT_CENTER,
                crate::i18n::score(map.scale, *new_score, 1, crate::i18n::language()),
                egui::FontId::proportional(14.0),
                ui.visuals().strong_text_color(),
            );
        }
        if response.drag_stopped() {
            if (*new_score - point.score).abs() > 1e-9 {
                let mut edit = CurveEdit::new(curve);
                edit.set.push((p.index, *new_score));
                f.actions.push(CanvasAction::EditCurve(edit));
            }
            self.drag = None;
        }
    }

    /// A click on the empty emotion lane sets the score of the stage under the pointer (adding
    /// a step where it has none); a stroke across it sets every step it passes. Returns whether
    /// the background's click was the lane's.
    pub(super) fn band_ui(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        f: &mut Frame<'_>,
        drawing: bool,
    ) -> bool {
        let (Some(band), Some(curve)) =
            (f.layout.curve_band(), self.target_curve(f.map, f.selection))
        else {
            return false;
        };
        if !f.layout.curves.iter().any(|c| c.id == curve) {
            return false;
        }
        let in_band = f.pointer.is_some_and(|p| band.contains(p));
        if background.clicked()
            && in_band
            && !ui.input(|i| i.modifiers.shift || i.modifiers.command)
        {
            if let Some(p) = f.pointer {
                push_stroke(ui, f, curve, &[p, p]);
            }
            return true;
        }
        if drawing && background.drag_started() {
            // The stroke starts where the button went down, not where the drag was recognised.
            self.drag = Some(Drag::Freehand {
                curve,
                stroke: f.press_origin(ui).into_iter().chain(f.pointer).collect(),
            });
        }
        let Some(Drag::Freehand {
            curve: drawn,
            stroke,
        }) = &mut self.drag
        else {
            return in_band && background.double_clicked();
        };
        if let Some(p) = f.pointer
            && stroke.last().is_none_or(|last| last.distance(p) > 1.0)
        {
            stroke.push(pos2(p.x, p.y.clamp(band.top(), band.bottom())));
        }
        let screen: Vec<Pos2> = stroke.iter().map(|p| f.to_screen * *p).collect();
        ui.painter().add(egui::Shape::line(
            screen,
            Stroke::new(2.5, ui.visuals().selection.stroke.color),
        ));
        if background.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
            let curve_id = *drawn;
            let stroke = std::mem::take(stroke);
            self.drag = None;
            push_stroke(ui, f, curve_id, &stroke);
        }
        true
    }
}

/// A curve's name as its legend shows it.
fn legend_name(layout: &Layout, curve: CurveId) -> String {
    layout
        .legend
        .iter()
        .find(|e| e.curve == curve)
        .map(|e| e.label.block.lines.iter().map(|l| &*l.text).collect())
        .unwrap_or_default()
}

/// The curve edit a stroke (or a click) across the emotion lane makes, if it changes anything.
fn push_stroke(ui: &egui::Ui, f: &mut Frame<'_>, curve: CurveId, stroke: &[Pos2]) {
    let Some(curve_layout) = f.layout.curves.iter().find(|c| c.id == curve) else {
        return;
    };
    let free = ui.input(|i| i.modifiers.alt);
    let scores = stroke_scores(f.map, f.layout, curve_layout, stroke, free);
    let mut edit = CurveEdit::new(curve);
    edit.set = scores.set;
    edit.add = scores.add;
    if !edit.is_empty() {
        f.actions.push(CanvasAction::EditCurve(edit));
    }
}
