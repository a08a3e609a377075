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
}

impl InPlaceEdit {
    pub fn new(target: TextTarget, text: String) -> Self {
        Self {
            target,
            text,
            focus_requested: false,
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
        let (commit, cancel) = ui.input_mut(|i| {
            let commit =
                !i.modifiers.shift && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter);
            let cancel = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
            (commit, cancel)
        });
        let text_edit = egui::TextEdit::multiline(&mut edit.text)
            .id(id)
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
            // The whole text starts selected, so typing replaces a new item's placeholder
            // title; the arrow keys keep it.
            response.request_focus();
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                let all = egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(edit.text.chars().count()),
                );
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), id);
            }
            edit.focus_requested = true;
        }
        if cancel {
            self.editing = None;
        } else if commit || response.lost_focus() {
            let text = edit.text.trim_end_matches('\n').to_owned();
            f.actions.push(CanvasAction::CommitText {
                target: edit.target,
                text,
            });
            self.editing = None;
        }
    }
}
