//! The map by keyboard, for fast capture in a workshop. Once the map has the keyboard (a click
//! on it, or View › Go to the map, F6) a cell cursor shows where things go: the arrow keys move
//! it, Tab and Shift+Tab step through the cells in reading order, typing starts a new card there
//! with what was typed, Enter a blank one, and in the emotion lane `+` and `-` raise and lower
//! the stage's step of the curve being edited (making it when there is none). While a card's
//! title is edited, Tab keeps it and moves on to the next cell. Up from the first lane and Left
//! from the first stage select the headers: Enter or typing renames one, Delete removes it.
//! Alt with the arrows moves what is selected (cards, a stage, a lane) as a drag would, and
//! Alt+Shift with Left and Right narrows or widens a card's span.

use egui::{Event, EventFilter, Key, Modifiers, Stroke};

use super::{CanvasAction, CurveEdit, Frame, MapCanvas};
use crate::model::{LaneId, LaneKind, Map, StageId};
use crate::ui::selection::Selection;

/// Where the cursor goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Left,
    Right,
    Up,
    Down,
    Next,
    Previous,
}

/// The cell `step` away from `from` (clamped at the map's edges; Next and Previous run on to
/// the following or preceding lane).
pub(super) fn step_cell(map: &Map, from: (LaneId, StageId), step: Step) -> (LaneId, StageId) {
    let (Some(lane), Some(stage)) = (map.lane_index(from.0), map.stage_index(from.1)) else {
        return from;
    };
    let (lanes, stages) = (map.lanes.len(), map.stages.len());
    let (lane, stage) = match step {
        Step::Left => (lane, stage.saturating_sub(1)),
        Step::Right => (lane, (stage + 1).min(stages - 1)),
        Step::Up => (lane.saturating_sub(1), stage),
        Step::Down => ((lane + 1).min(lanes - 1), stage),
        Step::Next if stage + 1 < stages => (lane, stage + 1),
        Step::Next if lane + 1 < lanes => (lane + 1, 0),
        Step::Previous if stage > 0 => (lane, stage - 1),
        Step::Previous if lane > 0 => (lane - 1, stages - 1),
        Step::Next | Step::Previous => (lane, stage),
    };
    (map.lanes[lane].id, map.stages[stage].id)
}

/// Alt with the arrows moves what is selected, as a drag would: cards to the next cell (with
/// Shift, Left and Right narrow and widen one card's span), a stage or a lane along the others.
/// Returns whether a move was asked for.
fn moves(ui: &egui::Ui, f: &mut Frame<'_>) -> bool {
    let alt = Modifiers::ALT;
    let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
    let step = [
        (Key::ArrowLeft, Step::Left),
        (Key::ArrowRight, Step::Right),
        (Key::ArrowUp, Step::Up),
        (Key::ArrowDown, Step::Down),
    ]
    .into_iter()
    .find_map(|(key, step)| {
        let widen = ui.input_mut(|i| i.consume_key(alt_shift, key));
        let moved = !widen && ui.input_mut(|i| i.consume_key(alt, key));
        (widen || moved).then_some((step, widen))
    });
    let Some((step, widen)) = step else {
        return false;
    };
    let map = f.map;
    if let Some(first) = f.selection.cards.first().and_then(|id| map.card(*id)) {
        if widen {
            let room = map
                .stage_index(first.stage)
                .map_or(1, |i| map.stages.len() - i) as u16;
            let span = match step {
                Step::Right => first.span.saturating_add(1).min(room),
                Step::Left => first.span.saturating_sub(1).max(1),
                _ => first.span,
            };
            if span != first.span && f.selection.cards.len() == 1 {
                f.actions.push(CanvasAction::SetSpan {
                    card: first.id,
                    span,
                });
            }
        } else {
            let (lane, stage) = step_cell(map, (first.lane, first.stage), step);
            if (lane, stage) != (first.lane, first.stage) {
                f.actions.push(CanvasAction::MoveCards {
                    cards: f.selection.card_ids(),
                    lane,
                    stage,
                    index: usize::MAX,
                });
            }
        }
        return true;
    }
    let along = |index: Option<usize>, len: usize, back: bool| {
        let index = index?;
        if back {
            index.checked_sub(1)
        } else {
            (index + 1 < len).then_some(index + 1)
        }
    };
    if let Some(stage) = f.selection.stage
        && matches!(step, Step::Left | Step::Right)
        && let Some(to) = along(map.stage_index(stage), map.stages.len(), step == Step::Left)
    {
        f.actions.push(CanvasAction::MoveStage { stage, to });
    } else if let Some(lane) = f.selection.lane
        && matches!(step, Step::Up | Step::Down)
        && let Some(to) = along(map.lane_index(lane), map.lanes.len(), step == Step::Up)
    {
        f.actions.push(CanvasAction::MoveLane { lane, to });
    }
    true
}

/// The text typed this frame.
fn typed_text(ui: &egui::Ui) -> String {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    })
}

/// The first cell of the map, if it has one.
pub(super) fn first_cell(map: &Map) -> Option<(LaneId, StageId)> {
    Some((map.lanes.first()?.id, map.stages.first()?.id))
}

impl MapCanvas {
    /// The keys the map takes while it has the keyboard and no text is being edited, and the
    /// cursor drawn where it is.
    pub(super) fn keyboard_ui(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        f: &mut Frame<'_>,
    ) {
        if self.focus_requested {
            self.focus_requested = false;
            background.request_focus();
            if f.selection.keyboard_cell(f.map).is_none()
                && f.selection.stage.is_none()
                && f.selection.lane.is_none()
                && let Some(cell) = first_cell(f.map)
            {
                *f.selection = Selection::at_cell(cell.0, cell.1);
            }
        }
        // A click anywhere on the map (a card, a header, the background) gives it the keyboard,
        // unless it lands in the text being edited.
        let clicked_here = ui.input(|i| {
            i.pointer.any_click()
                && i.pointer
                    .interact_pos()
                    .is_some_and(|p| f.canvas.contains(p))
        });
        if background.drag_started() || (clicked_here && self.editing.is_none()) {
            background.request_focus();
        }
        let focused = background.has_focus();
        if focused {
            // Tab and the arrows move the cursor, not egui's focus.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    background.id,
                    EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    },
                );
            });
        }
        if focused && self.editing.is_none() {
            self.keys(ui, f);
        }
        cursor_ui(ui, f, focused);
    }

    fn keys(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) {
        if moves(ui, f) || self.header_keys(ui, f) {
            return;
        }
        let Some(cell) = f
            .selection
            .keyboard_cell(f.map)
            .or_else(|| first_cell(f.map))
        else {
            return;
        };
        // Up from the first lane and Left from the first stage go onto the headers.
        let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if f.map.lane_index(cell.0) == Some(0) && pressed(Key::ArrowUp) {
            *f.selection = Selection {
                stage: Some(cell.1),
                ..Selection::default()
            };
            return;
        }
        if f.map.stage_index(cell.1) == Some(0) && pressed(Key::ArrowLeft) {
            *f.selection = Selection {
                lane: Some(cell.0),
                ..Selection::default()
            };
            return;
        }
        let moves = [
            (Key::ArrowLeft, Modifiers::NONE, Step::Left),
            (Key::ArrowRight, Modifiers::NONE, Step::Right),
            (Key::ArrowUp, Modifiers::NONE, Step::Up),
            (Key::ArrowDown, Modifiers::NONE, Step::Down),
            (Key::Tab, Modifiers::SHIFT, Step::Previous),
            (Key::Tab, Modifiers::NONE, Step::Next),
        ];
        for (key, modifiers, step) in moves {
            if ui.input_mut(|i| i.consume_key(modifiers, key)) {
                let (lane, stage) = step_cell(f.map, cell, step);
                *f.selection = Selection::at_cell(lane, stage);
                return;
            }
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            *f.selection = Selection::at_cell(cell.0, cell.1);
            f.actions.push(CanvasAction::AddCard {
                lane: cell.0,
                stage: cell.1,
                template: None,
            });
            return;
        }
        let typed = typed_text(ui);
        if typed.is_empty() {
            return;
        }
        let emotions = f
            .map
            .lane(cell.0)
            .is_some_and(|l| l.kind == LaneKind::Emotions);
        match typed.trim() {
            "+" | "=" if emotions => self.nudge_score(f, cell.1, 1.0),
            "-" if emotions => self.nudge_score(f, cell.1, -1.0),
            text if !text.is_empty() => {
                *f.selection = Selection::at_cell(cell.0, cell.1);
                f.actions.push(CanvasAction::TypeCard {
                    lane: cell.0,
                    stage: cell.1,
                    text: typed.clone(),
                });
            }
            _ => {}
        }
    }

    /// With a stage's or a lane's header selected (and no cell cursor): the arrows move along
    /// the headers or back into the cells, Enter renames it, typing renames it to what is
    /// typed (Delete, a command, removes it). Returns whether a header was selected.
    fn header_keys(&mut self, ui: &egui::Ui, f: &mut Frame<'_>) -> bool {
        if f.selection.cursor.is_some() || !f.selection.cards.is_empty() {
            return false;
        }
        let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let typed = typed_text(ui);
        if let Some(stage) = f.selection.stage {
            let Some(index) = f.map.stage_index(stage) else {
                return false;
            };
            let along = |i: usize| {
                f.map.stages.get(i).map(|s| Selection {
                    stage: Some(s.id),
                    ..Selection::default()
                })
            };
            let next = if pressed(Key::ArrowLeft) {
                index.checked_sub(1).and_then(along)
            } else if pressed(Key::ArrowRight) {
                along(index + 1)
            } else if pressed(Key::ArrowDown) {
                f.map.lanes.first().map(|l| Selection::at_cell(l.id, stage))
            } else {
                None
            };
            if let Some(next) = next {
                *f.selection = next;
            } else if pressed(Key::Enter) || pressed(Key::F2) {
                let name = f
                    .map
                    .stage(stage)
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                self.edit_in_frame(false, super::TextTarget::StageName(stage), name);
            } else if !typed.trim().is_empty() {
                self.edit_in_frame(true, super::TextTarget::StageName(stage), typed);
            }
            return true;
        }
        if let Some(lane) = f.selection.lane {
            let Some(index) = f.map.lane_index(lane) else {
                return false;
            };
            let along = |i: usize| {
                f.map.lanes.get(i).map(|l| Selection {
                    lane: Some(l.id),
                    ..Selection::default()
                })
            };
            let next = if pressed(Key::ArrowUp) {
                index.checked_sub(1).and_then(along)
            } else if pressed(Key::ArrowDown) {
                along(index + 1)
            } else if pressed(Key::ArrowRight) {
                f.map.stages.first().map(|s| Selection::at_cell(lane, s.id))
            } else {
                None
            };
            if let Some(next) = next {
                *f.selection = next;
            } else if pressed(Key::Enter) || pressed(Key::F2) {
                let name = f.map.lane(lane).map(|l| l.name.clone()).unwrap_or_default();
                self.edit_in_frame(false, super::TextTarget::LaneName(lane), name);
            } else if !typed.trim().is_empty() {
                self.edit_in_frame(true, super::TextTarget::LaneName(lane), typed);
            }
            return true;
        }
        false
    }

    /// Raises (`direction` 1) or lowers (−1) the step of `stage` on the curve being edited by
    /// one step of the scale; a stage without a step gets one, a step off neutral.
    fn nudge_score(&mut self, f: &mut Frame<'_>, stage: StageId, direction: f64) {
        let Some(curve_id) = self.target_curve(f.map, f.selection) else {
            return;
        };
        let Some(curve) = f.map.curves.iter().find(|c| c.id == curve_id) else {
            return;
        };
        let scale = f.map.scale;
        let step = scale.step() * direction;
        let edit = match curve.points.iter().position(|p| p.stage == stage) {
            Some(index) => {
                let score = (curve.points[index].score + step).clamp(scale.min(), scale.max());
                CurveEdit {
                    curve: curve_id,
                    set: vec![(index, score)],
                    add: Vec::new(),
                    remove: None,
                }
            }
            None => CurveEdit {
                curve: curve_id,
                set: Vec::new(),
                add: vec![(stage, scale.neutral() + step)],
                remove: None,
            },
        };
        self.active_curve = Some(curve_id);
        f.actions.push(CanvasAction::EditCurve(edit));
    }
}

/// The cursor: an outline around its cell, strong while the map has the keyboard.
fn cursor_ui(ui: &egui::Ui, f: &Frame<'_>, focused: bool) {
    let Some((lane, stage)) = f.selection.cursor else {
        return;
    };
    let (Some(row), Some(column)) = (
        f.layout.lanes.iter().find(|l| l.id == lane).map(|l| l.row),
        f.layout
            .stages
            .iter()
            .find(|s| s.id == stage)
            .map(|s| s.column),
    ) else {
        return;
    };
    let cell = egui::Rect::from_x_y_ranges(column.x_range(), row.y_range());
    let colour = ui.visuals().selection.bg_fill;
    let width = if focused { 3.0 } else { 1.5 };
    f.painter(ui).rect_stroke(
        f.to_screen * cell.shrink(1.5),
        4.0,
        Stroke::new(width, colour),
        egui::StrokeKind::Inside,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_steps_through_the_cells_and_stops_at_the_edges() {
        let map = crate::templates::new_map(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let cell = |l: usize, s: usize| (map.lanes[l].id, map.stages[s].id);
        let (last_lane, last_stage) = (map.lanes.len() - 1, map.stages.len() - 1);
        assert_eq!(step_cell(&map, cell(0, 0), Step::Right), cell(0, 1));
        assert_eq!(step_cell(&map, cell(0, 0), Step::Left), cell(0, 0));
        assert_eq!(step_cell(&map, cell(0, 0), Step::Up), cell(0, 0));
        assert_eq!(step_cell(&map, cell(0, 0), Step::Down), cell(1, 0));
        assert_eq!(
            step_cell(&map, cell(0, last_stage), Step::Right),
            cell(0, last_stage)
        );
        // Tab runs on to the next lane's first stage; Shift+Tab back.
        assert_eq!(step_cell(&map, cell(0, last_stage), Step::Next), cell(1, 0));
        assert_eq!(
            step_cell(&map, cell(1, 0), Step::Previous),
            cell(0, last_stage)
        );
        assert_eq!(
            step_cell(&map, cell(last_lane, last_stage), Step::Next),
            cell(last_lane, last_stage)
        );
        assert_eq!(step_cell(&map, cell(0, 0), Step::Previous), cell(0, 0));
    }
}
