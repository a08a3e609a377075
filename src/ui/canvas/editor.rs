//! Editing a card's title or a stage's or lane's name in place: Enter commits, Shift+Enter adds
//! a line, Escape cancels, clicking elsewhere commits.

use egui::{Id, Rect, vec2};

use super::{CanvasAction, Frame, MapCanvas, TextTarget};
use crate::i18n::tr;

/// A text being edited on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct InPlaceEdit {
    pub target: TextTarget,
    pub text: String,
    focus_requested: bool,
    /// Whether the text starts selected (a placeholder to type over) rather than with the
    /// cursor after it (text already typed).
    select_all: bool,
    /// Whether the edit began between frames, so this frame's keys are not in the text yet
    /// and the field takes them all.
    early_focus: bool,
}

impl InPlaceEdit {
    pub fn new(target: TextTarget, text: String) -> Self {
        Self {
            target,
            text,
            focus_requested: false,
            select_all: true,
            early_focus: false,
        }
    }

    pub fn typed(target: TextTarget, text: String) -> Self {
        Self {
            select_all: false,
            ..Self::new(target, text)
        }
    }

    pub fn between_frames(self) -> Self {
        Self {
            early_focus: true,
            ..self
        }
    }
}

impl MapCanvas {
    /// The text field over the thing being renamed.
    pub(super) fn in_place_editor_ui(&mut self, ui: &mut egui::Ui, f: &mut Frame<'_>) {
        let Some(edit) = &mut self.editing else {
            return;
        };
        let layout = f.layout;
        let rect = match edit.target {
            TextTarget::CardTitle(id) => layout.cards.iter().find(|c| c.id == id).map(|c| c.rect),
            TextTarget::StageName(id) => {
                layout.stages.iter().find(|s| s.id == id).map(|s| s.header)
            }
            TextTarget::LaneName(id) => layout.lanes.iter().find(|l| l.id == id).map(|l| l.header),
            TextTarget::Goal(field) => layout
                .band
                .goal
                .as_ref()
                .and_then(|row| row.cells.iter().find(|c| c.field == field))
                .map(|c| c.rect),
            TextTarget::Milestone(stage, part) => layout
                .band
                .milestones
                .as_ref()
                .and_then(|row| row.cells.iter().find(|c| c.stage == stage))
                .map(|c| match part {
                    crate::layout::MilestonePart::Milestone => c.milestone_rect,
                    crate::layout::MilestonePart::Criteria => c.criteria_rect,
                }),
        };
        let Some(rect) = rect else {
            self.editing = None;
            return;
        };
        let screen = f.to_screen * rect;
        let screen = Rect::from_min_size(
            screen.min,
            vec2(screen.width().max(160.0), screen.height().max(40.0)),
        );
        let id = Id::unique("in-place-editor");
        // Enter commits and Escape cancels; Shift+Enter is left to the text field (a new line).
        // Tab commits a card's title and moves the keyboard's cell cursor on.
        let card = matches!(edit.target, TextTarget::CardTitle(_));
        let (commit, cancel, tab) = ui.input_mut(|i| {
            let commit =
                !i.modifiers.shift && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter);
            let cancel = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            let tab = if !card {
                None
            } else if i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab) {
                Some(super::keyboard::Step::Previous)
            } else if i.consume_key(egui::Modifiers::NONE, egui::Key::Tab) {
                Some(super::keyboard::Step::Next)
            } else {
                None
            };
            (commit, cancel, tab)
        });
        // The cursor is placed when the field takes the keyboard: a new item's placeholder
        // title starts selected, so typing replaces it; text already typed keeps the cursor
        // after it.
        let place_cursor = |ui: &egui::Ui, edit: &InPlaceEdit| {
            let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
            let end = egui::text::CCursor::new(edit.text.chars().count());
            let start = if edit.select_all {
                egui::text::CCursor::new(0)
            } else {
                end
            };
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::two(start, end)));
            state.store(ui.ctx(), id);
        };
        if !edit.focus_requested && edit.early_focus {
            // Begun between frames (a card made for the letters typed): the field takes the
            // keyboard before it is shown, so the keys of this very frame go into it; at
            // typing speed the next letters are already on their way.
            ui.memory_mut(|m| m.request_focus(id));
            place_cursor(ui, edit);
            edit.focus_requested = true;
        }
        let text_edit = egui::TextEdit::multiline(&mut edit.text)
            .id(id)
            .lock_focus(true)
            .desired_width(screen.width() - 8.0)
            .font(egui::FontId::new(13.0, crate::fonts::family(true)));
        let response = ui.put(screen, text_edit);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::MultilineTextInput,
                true,
                tr("canvas.edit_in_place"),
            )
        });
        if !edit.focus_requested {
            response.request_focus();
            place_cursor(ui, edit);
            edit.focus_requested = true;
        }
        if cancel {
            self.editing = None;
            self.focus_requested = true;
        } else if commit || tab.is_some() || response.lost_focus() {
            let text = edit.text.trim_end_matches('\n').to_owned();
            f.actions.push(CanvasAction::CommitText {
                target: edit.target,
                text,
            });
            if let (TextTarget::CardTitle(id), Some(step)) = (edit.target, tab)
                && let Some(card) = f.map.card(id)
            {
                let (lane, stage) =
                    super::keyboard::step_cell(f.map, (card.lane, card.stage), step);
                *f.selection = crate::ui::selection::Selection::at_cell(lane, stage);
            }
            // Finished from the keyboard: the map takes it back (a click elsewhere keeps it
            // where it went).
            self.focus_requested |= commit || tab.is_some();
            self.editing = None;
        }
    }
}
