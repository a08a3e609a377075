//! The toolbox: card templates and lane kinds to drag onto the canvas (or click to add at the
//! selection).

use egui::{Id, Sense};

use crate::i18n::{self, tr, tr_args};
use crate::model::{LaneId, LaneKind, Map};

/// A kind of card a consultant puts on a map, and the lanes it belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardTemplate {
    Touchpoint,
    PainPoint,
    Opportunity,
    Thought,
    Backstage,
}

impl CardTemplate {
    /// Every template, in toolbox order.
    pub const ALL: [Self; 5] = [
        Self::Touchpoint,
        Self::PainPoint,
        Self::Opportunity,
        Self::Thought,
        Self::Backstage,
    ];

    /// The template's name in the toolbox.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Touchpoint => "toolbox.touchpoint",
            Self::PainPoint => "toolbox.pain_point",
            Self::Opportunity => "toolbox.opportunity",
            Self::Thought => "toolbox.thought",
            Self::Backstage => "toolbox.backstage",
        }
    }

    /// The title a new card of this kind starts with.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Touchpoint => "new.touchpoint",
            Self::PainPoint => "new.pain_point",
            Self::Opportunity => "new.opportunity",
            Self::Thought => "new.thought",
            Self::Backstage => "new.backstage",
        }
    }

    /// The lane kinds the card belongs in, best first.
    pub fn lane_kinds(self) -> &'static [LaneKind] {
        match self {
            Self::Touchpoint => &[
                LaneKind::Touchpoints,
                LaneKind::Frontstage,
                LaneKind::Channels,
            ],
            Self::PainPoint => &[LaneKind::PainPoints],
            Self::Opportunity => &[LaneKind::Opportunities],
            Self::Thought => &[LaneKind::Thoughts],
            Self::Backstage => &[LaneKind::Backstage, LaneKind::SupportProcesses],
        }
    }

    /// The lane a card of this kind dropped on `pointed` goes to: that lane when it is of a
    /// fitting kind, else the map's first lane of the best fitting kind, else `pointed` itself.
    pub fn lane_for(self, map: &Map, pointed: Option<LaneId>) -> Option<LaneId> {
        let fits = |kind: LaneKind| self.lane_kinds().contains(&kind);
        if let Some(lane) = pointed.and_then(|id| map.lane(id))
            && fits(lane.kind)
        {
            return Some(lane.id);
        }
        self.lane_kinds()
            .iter()
            .find_map(|kind| map.lanes.iter().find(|l| l.kind == *kind && !l.collapsed))
            .map(|l| l.id)
            .or(pointed)
            .or_else(|| map.lanes.iter().find(|l| !l.collapsed).map(|l| l.id))
    }
}

/// Something dragged from the toolbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ToolboxItem {
    Card(CardTemplate),
    Lane(LaneKind),
}

impl ToolboxItem {
    /// The item's name in the interface language.
    pub fn label(self) -> String {
        match self {
            Self::Card(t) => tr(t.label_key()).into_owned(),
            Self::Lane(kind) => i18n::lane_kind_name(i18n::language(), kind).into_owned(),
        }
    }
}

/// Shows the toolbox; returns an item that was clicked (dragged items travel through egui's
/// drag-and-drop payload to the canvas).
pub fn toolbox_ui(ui: &mut egui::Ui) -> Option<ToolboxItem> {
    let mut clicked = None;
    ui.strong(tr("toolbox.title"));
    ui.weak(tr("toolbox.hint"));
    ui.label(tr("toolbox.cards"));
    ui.horizontal_wrapped(|ui| {
        for template in CardTemplate::ALL {
            if let Some(item) = item_ui(ui, ToolboxItem::Card(template)) {
                clicked = Some(item);
            }
        }
    });
    ui.label(tr("toolbox.lanes"));
    ui.horizontal_wrapped(|ui| {
        for kind in LaneKind::ALL {
            if let Some(item) = item_ui(ui, ToolboxItem::Lane(kind)) {
                clicked = Some(item);
            }
        }
    });
    finish_flick(ui);
    clicked
}

/// Where the pointer was last pressed on a toolbox item, and on which.
fn pressed_id() -> Id {
    Id::unique("toolbox-pressed")
}

/// The pointer's presses and releases this frame, in order: (position, pressed).
fn button_events(ui: &egui::Ui) -> Vec<(egui::Pos2, bool)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    ..
                } => Some((*pos, *pressed)),
                _ => None,
            })
            .collect()
    })
}

/// A drag so fast that the button was pressed on an item and released over the map before
/// egui saw a drag (within a frame or two) still carries the item: it becomes the payload
/// now, and the canvas, drawn after the toolbox, drops it this same frame.
fn finish_flick(ui: &egui::Ui) {
    let Some(released) = button_events(ui)
        .into_iter()
        .rev()
        .find_map(|(pos, pressed)| (!pressed).then_some(pos))
    else {
        return;
    };
    let pressed: Option<(ToolboxItem, egui::Pos2)> = ui.data_mut(|d| {
        let pressed = d.get_temp(pressed_id());
        d.remove::<(ToolboxItem, egui::Pos2)>(pressed_id());
        pressed
    });
    let Some((item, from)) = pressed else {
        return;
    };
    let far = from.distance(released) > ui.ctx().options(|o| o.input_options.max_click_dist);
    if far && egui::DragAndDrop::payload::<ToolboxItem>(ui.ctx()).is_none() {
        egui::DragAndDrop::set_payload(ui.ctx(), item);
    }
}

fn item_ui(ui: &mut egui::Ui, item: ToolboxItem) -> Option<ToolboxItem> {
    let label = item.label();
    // A lane kind shows its icon before its name.
    let response = match item {
        ToolboxItem::Lane(kind) => {
            let id = egui::IdSalt::new(("lane-icon", kind));
            let side = ui.text_style_height(&egui::TextStyle::Small) + 2.0;
            let shown =
                egui::Button::new((egui::Atom::custom(id, egui::Vec2::splat(side)), &label))
                    .small()
                    .sense(Sense::click_and_drag())
                    .atom_ui(ui);
            if let Some(rect) = shown.rect(id) {
                let colour = ui.visuals().text_color();
                crate::ui::panels::paint_icon(ui, rect, |square| {
                    crate::render::lane_icon(kind, square, colour)
                });
            }
            shown.response
        }
        ToolboxItem::Card(_) => ui.add(
            egui::Button::new(&label)
                .small()
                .sense(Sense::click_and_drag()),
        ),
    }
    .on_hover_cursor(egui::CursorIcon::Grab);
    let tip = match item {
        ToolboxItem::Card(_) => tr_args("toolbox.drag_card", &[("item", &label)]),
        ToolboxItem::Lane(_) => tr_args("toolbox.drag_lane", &[("item", &label)]),
    };
    let response = response.on_hover_text(tip);
    if let Some((pos, _)) = button_events(ui)
        .into_iter()
        .find(|(pos, pressed)| *pressed && response.rect.contains(*pos))
    {
        ui.data_mut(|d| d.insert_temp(pressed_id(), (item, pos)));
    }
    if response.drag_started() {
        egui::DragAndDrop::set_payload(ui.ctx(), item);
    }
    if response.dragged()
        && let Some(pointer) = ui.ctx().pointer_interact_pos()
    {
        // A label under the pointer shows what is being carried.
        egui::Area::new(Id::unique("toolbox-ghost"))
            .order(egui::Order::Tooltip)
            .fixed_pos(pointer + egui::vec2(12.0, 8.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(&label));
            });
    }
    response.clicked().then_some(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::MapKind;
    use crate::templates;

    #[test]
    fn cards_go_to_a_lane_of_their_kind() {
        let map = templates::new_map(MapKind::CustomerJourney, Language::English);
        let pain = map.lanes.iter().find(|l| l.kind == LaneKind::PainPoints);
        let thoughts = map.lanes.iter().find(|l| l.kind == LaneKind::Thoughts);
        let (pain, thoughts) = (pain.map(|l| l.id), thoughts.map(|l| l.id));
        // Dropped on the thoughts lane, a pain point still lands among the pain points.
        assert_eq!(CardTemplate::PainPoint.lane_for(&map, thoughts), pain);
        assert_eq!(CardTemplate::Thought.lane_for(&map, thoughts), thoughts);
        // A journey map has no backstage lane: the card stays where it was dropped.
        assert_eq!(CardTemplate::Backstage.lane_for(&map, thoughts), thoughts);
    }
}
