//! Stage and lane headers: select on click, rename on double-click, reorder by dragging along
//! their axis; a lane's `+` adds a card; the `+` after the last stage and below the last lane
//! add one; names stay pinned to the canvas's edges when scrolled out of sight.

use egui::{CursorIcon, Id, Pos2, Rangef, Rect, Sense, Stroke, pos2, vec2};

use super::{CanvasAction, Drag, Frame, MapCanvas, TextTarget};
use crate::i18n::{tr, tr_args};
use crate::layout::hit::insertion;
use crate::model::{LaneId, StageId};
use crate::ui::selection::Selection;

/// A stage or a lane, as far as its header is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Header {
    Stage(StageId),
    Lane(LaneId),
}

impl Header {
    fn widget_id(self) -> Id {
        match self {
            Self::Stage(id) => Id::unique(("stage", id.0)),
            Self::Lane(id) => Id::unique(("lane", id.0)),
        }
    }

    fn role(self) -> egui::Role {
        match self {
            Self::Stage(_) => egui::Role::ColumnHeader,
            Self::Lane(_) => egui::Role::RowHeader,
        }
    }

    /// The catalogue key of the header's accessible label.
    fn noun_key(self) -> &'static str {
        match self {
            Self::Stage(_) => "canvas.stage",
            Self::Lane(_) => "canvas.lane",
        }
    }

    fn is_selected(self, selection: &Selection) -> bool {
        match self {
            Self::Stage(id) => selection.stage == Some(id),
            Self::Lane(id) => selection.lane == Some(id),
        }
    }

    /// A selection of just this header's stage or lane.
    fn selection(self) -> Selection {
        match self {
            Self::Stage(id) => Selection {
                stage: Some(id),
                ..Selection::default()
            },
            Self::Lane(id) => Selection {
                lane: Some(id),
                ..Selection::default()
            },
        }
    }

    fn text_target(self) -> TextTarget {
        match self {
            Self::Stage(id) => TextTarget::StageName(id),
            Self::Lane(id) => TextTarget::LaneName(id),
        }
    }

    fn move_to(self, to: usize) -> CanvasAction {
        match self {
            Self::Stage(stage) => CanvasAction::MoveStage { stage, to },
            Self::Lane(lane) => CanvasAction::MoveLane { lane, to },
        }
    }

    /// The coordinate of `p` along the axis this kind of header is reordered on.
    fn along(self, p: Pos2) -> f32 {
        match self {
            Self::Stage(_) => p.x,
            Self::Lane(_) => p.y,
        }
    }
}

/// One header among those of its kind: which it is, where it is, what it is called.
struct Slot<'n> {
    header: Header,
    /// Its column's or row's extent along the axis, in map units.
    range: Rangef,
    /// Its header's rectangle, in map units.
    rect: Rect,
    name: &'n str,
}

impl MapCanvas {
    /// The stage and lane headers in view, and each open lane's `+`.
    pub(super) fn headers_ui(&mut self, ui: &mut egui::Ui, f: &mut Frame<'_>) {
        let (map, layout) = (f.map, f.layout);
        let stages: Vec<Slot<'_>> = layout
            .stages
            .iter()
            .map(|s| Slot {
                header: Header::Stage(s.id),
                range: s.column.x_range(),
                rect: s.header,
                name: map.stage(s.id).map_or("", |s| s.name.as_str()),
            })
            .collect();
        let lanes: Vec<Slot<'_>> = layout
            .lanes
            .iter()
            .map(|l| Slot {
                header: Header::Lane(l.id),
                range: l.row.y_range(),
                rect: l.header,
                name: map.lane(l.id).map_or("", |l| l.name.as_str()),
            })
            .collect();
        for slots in [&stages, &lanes] {
            for index in 0..slots.len() {
                if slots
                    .get(index)
                    .is_some_and(|s| f.visible.intersects(s.rect))
                {
                    self.header_ui(ui, f, slots, index);
                }
            }
        }
        for (lane, slot) in layout.lanes.iter().zip(&lanes) {
            // The presenter view tells the map; it does not add to it.
            if f.visible.intersects(lane.header)
                && !lane.collapsed
                && f.to_screen.scaling > 0.3
                && self.reveal.is_none()
            {
                lane_add_button_ui(ui, f, lane.id, lane.header, slot.name);
            }
        }
    }

    /// One header: select on click, rename on double-click, reorder by dragging along its
    /// axis. `slots` are all headers of its kind in order; this one is `slots[index]`.
    fn header_ui(&mut self, ui: &egui::Ui, f: &mut Frame<'_>, slots: &[Slot<'_>], index: usize) {
        let Some(slot) = slots.get(index) else {
            return;
        };
        let header = slot.header;
        let response = ui.interact(
            f.to_screen * slot.rect,
            header.widget_id(),
            Sense::click_and_drag(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                header.role(),
                true,
                header.is_selected(f.selection),
                tr_args(header.noun_key(), &[("name", &slot.name)]),
            )
        });
        let response = response.on_hover_cursor(CursorIcon::Grab);
        if response.clicked() {
            *f.selection = header.selection();
        }
        if response.double_clicked() {
            self.edit_in_frame(false, header.text_target(), slot.name.to_owned());
        }
        if response.drag_started() {
            self.drag = Some(Drag::Header { header, to: index });
        }
        let Some(Drag::Header {
            header: dragged,
            to,
        }) = &mut self.drag
        else {
            return;
        };
        if *dragged != header {
            return;
        }
        if let Some(p) = response.interact_pointer_pos() {
            let along = header.along(f.to_screen.inverse() * p);
            let others: Vec<Rangef> = slots
                .iter()
                .filter(|s| s.header != header)
                .map(|s| s.range)
                .collect();
            let (new_index, at) = insertion(&others, along);
            *to = new_index;
            let grid = f.layout.grid;
            let line = match header {
                Header::Stage(_) => [pos2(at, grid.top()), pos2(at, grid.bottom())],
                Header::Lane(_) => [pos2(grid.left(), at), pos2(grid.right(), at)],
            };
            ui.painter().line_segment(
                [f.to_screen * line[0], f.to_screen * line[1]],
                Stroke::new(3.0, ui.visuals().selection.stroke.color),
            );
        }
        if response.drag_stopped() {
            if *to != index {
                f.actions.push(header.move_to(*to));
            }
            self.drag = None;
        }
    }
}

/// A lane's own "+": a new card in the selected stage, or the first one.
fn lane_add_button_ui(
    ui: &mut egui::Ui,
    f: &mut Frame<'_>,
    lane: LaneId,
    header: Rect,
    name: &str,
) {
    let button = crate::layout::hit::lane_add_button(header);
    let r = ui
        .put(f.to_screen * button, egui::Button::new("+").small())
        .on_hover_text(tr_args("canvas.add_card_to.tip", &[("lane", &name)]));
    r.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            tr_args("canvas.add_card_to", &[("lane", &name)]),
        )
    });
    if r.clicked()
        && let Some(stage) = f
            .selection
            .stage
            .or_else(|| f.map.stages.first().map(|s| s.id))
    {
        f.actions.push(CanvasAction::AddCard {
            lane,
            stage,
            template: None,
        });
    }
}

/// Small "+" buttons in the map's margin: after the last stage, below the last lane. The
/// toolbar has "Add stage" too: these say where theirs go.
pub(super) fn add_buttons_ui(ui: &mut egui::Ui, f: &mut Frame<'_>) {
    let layout = f.layout;
    let header_top = layout
        .stages
        .first()
        .map_or(layout.grid.top(), |s| s.header.top());
    let size = vec2(22.0, 22.0);
    let buttons = [
        (
            Rect::from_min_size(pos2(layout.grid.right() + 3.0, header_top), size),
            tr("canvas.add_stage.tip"),
            // After the last stage, as the button's place says, whatever is selected.
            CanvasAction::AddStage {
                index: Some(f.map.stages.len()),
            },
        ),
        (
            Rect::from_min_size(pos2(layout.grid.left(), layout.grid.bottom() + 3.0), size),
            tr("canvas.add_lane.tip"),
            CanvasAction::AddLane {
                kind: None,
                index: Some(f.map.lanes.len()),
            },
        ),
    ];
    for (rect, label, action) in buttons {
        let r = ui.put(f.to_screen * rect, egui::Button::new("+").small());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.as_ref()));
        if r.on_hover_text(label.as_ref()).clicked() {
            f.actions.push(action);
        }
    }
}

/// When the map is scrolled so that the lane names or the stage names are out of sight, they
/// are pinned to the canvas's left and top edges, as a spreadsheet freezes its headers.
pub(super) fn pinned_headers(ui: &egui::Ui, f: &Frame<'_>) {
    let (layout, to_screen, canvas) = (f.layout, f.to_screen, f.canvas);
    let painter = f.painter(ui);
    // In the map's own header colours, so a header half under the strip reads as one block
    // with its name, and the map stays paper-like in either look.
    let theme = crate::render::Theme::default();
    let line = Stroke::new(1.0, theme.grid_line);
    let font = egui::FontId::new(12.0, crate::fonts::family(true));
    let width = 140.0;
    let height = 24.0;
    let lanes_hidden = (to_screen * pos2(layout.grid.left(), 0.0)).x < canvas.left();
    let stages_top = layout
        .stages
        .first()
        .map_or(layout.grid.top(), |s| s.header.top());
    let stages_hidden = (to_screen * pos2(0.0, stages_top)).y < canvas.top();
    // The pinned strips take the pointer, so a click on a name does not land on the card
    // underneath.
    let block = |rect: Rect, salt: &str, label: std::borrow::Cow<'static, str>| {
        ui.interact(rect, Id::unique(("pinned", salt)), Sense::click())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, label.as_ref()));
    };
    if lanes_hidden {
        let strip = Rect::from_min_size(canvas.min, vec2(width, canvas.height()));
        block(strip, "lanes", tr("canvas.pinned_lanes"));
        let (fill, ink) = (theme.lane_header_fill, theme.ink);
        painter.rect_filled(strip, 0.0, fill);
        painter.line_segment([strip.right_top(), strip.right_bottom()], line);
        for lane in &layout.lanes {
            let row = to_screen * lane.row;
            if row.bottom() < canvas.top() || row.top() > canvas.bottom() {
                continue;
            }
            let name = f.map.lane(lane.id).map_or("", |l| l.name.as_str());
            let top = row
                .top()
                .max(canvas.top() + if stages_hidden { height } else { 0.0 });
            painter.line_segment(
                [
                    pos2(strip.left(), row.bottom()),
                    pos2(strip.right(), row.bottom()),
                ],
                line,
            );
            let galley = painter.layout(name.to_owned(), font.clone(), ink, width - 14.0);
            if top + galley.size().y < row.bottom() {
                painter.galley(pos2(strip.left() + 8.0, top + 6.0), galley, ink);
            }
        }
    }
    if stages_hidden {
        let strip = Rect::from_min_size(canvas.min, vec2(canvas.width(), height));
        block(strip, "stages", tr("canvas.pinned_stages"));
        let (fill, ink) = (theme.header_fill, theme.header_ink);
        painter.rect_filled(strip, 0.0, fill);
        painter.line_segment([strip.left_bottom(), strip.right_bottom()], line);
        for stage in &layout.stages {
            let column = to_screen * stage.column;
            if column.right() < canvas.left() || column.left() > canvas.right() {
                continue;
            }
            let name = f.map.stage(stage.id).map_or("", |s| s.name.as_str());
            let left = column
                .left()
                .max(canvas.left() + if lanes_hidden { width } else { 0.0 });
            painter.line_segment(
                [
                    pos2(column.right(), strip.top()),
                    pos2(column.right(), strip.bottom()),
                ],
                line,
            );
            let galley = painter.layout_no_wrap(name.to_owned(), font.clone(), ink);
            let clip = Rect::from_min_max(
                pos2(left, strip.top()),
                pos2(column.right() - 4.0, strip.bottom()),
            );
            painter.with_clip_rect(clip.intersect(canvas)).galley(
                pos2(left + 8.0, strip.center().y - galley.size().y / 2.0),
                galley,
                ink,
            );
        }
        if lanes_hidden {
            painter.rect_filled(
                Rect::from_min_size(canvas.min, vec2(width, height)),
                0.0,
                theme.lane_header_fill,
            );
        }
    }
}
