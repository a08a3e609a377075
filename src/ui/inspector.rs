//! The inspector: the properties of the selection (a card, a stage, a lane) or of the map.

use std::hash::{Hash as _, Hasher as _};

use crate::edit::{Edit, MapInfo, ops};
use crate::model::{Channel, EmotionScale, LaneKind, Map, MapKind, MomentOfTruth, Rgb};
use crate::render::Theme;

use super::map_canvas::Selection;

/// An edit made in the inspector, with its undo label and merge key (typing in one field is one
/// undo step).
pub struct InspectorEdit {
    pub label: &'static str,
    pub merge: Option<u64>,
    pub edit: Edit,
}

fn merge_key(ui: &egui::Ui, target: u64) -> Option<u64> {
    // Typing into the same field merges; a click on a checkbox or a combo is its own step.
    let focused = ui.memory(egui::Memory::focused)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (target, focused).hash(&mut h);
    Some(h.finish())
}

fn text_row(ui: &mut egui::Ui, label: &str, value: &mut String, multiline: bool) {
    let name = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(label))
        .labelled_by(name.id);
}

/// A labelled combo box.
fn combo_row<R>(
    ui: &mut egui::Ui,
    label: &str,
    selected: String,
    add: impl FnOnce(&mut egui::Ui) -> R,
) {
    let name = ui.label(label);
    let response = egui::ComboBox::from_id_salt(label)
        .selected_text(selected)
        .width(ui.available_width())
        .show_ui(ui, add)
        .response;
    response.labelled_by(name.id);
}

fn colour_row(ui: &mut egui::Ui, colour: &mut Option<Rgb>, default: egui::Color32) {
    ui.horizontal(|ui| {
        let mut custom = colour.is_some();
        if ui.checkbox(&mut custom, "Own colour").changed() {
            *colour = custom.then(|| Rgb(default.r(), default.g(), default.b()));
        }
        if let Some(rgb) = colour {
            let mut c = Theme::user_colour(*rgb);
            if ui.color_edit_button_srgba(&mut c).changed() {
                *rgb = Rgb(c.r(), c.g(), c.b());
            }
        }
    });
}

/// A channel's name, for menus.
pub fn channel_label(channel: Option<&Channel>) -> String {
    let Some(channel) = channel else {
        return "— none —".to_owned();
    };
    channel.name().to_owned()
}

/// Shows the inspector for `selection` on `map`; returns the edit the user made, if any.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    map: &Map,
    selection: &Selection,
    theme: &Theme,
) -> Option<InspectorEdit> {
    if selection.cards.len() == 1 {
        let id = *selection.cards.first()?;
        let card = map.card(id)?;
        let mut draft = card.clone();
        ui.heading("Card");
        text_row(ui, "Title", &mut draft.title, true);
        text_row(ui, "Text", &mut draft.body, true);
        let selected = channel_label(draft.channel.as_ref());
        combo_row(ui, "Channel", selected, |ui| {
            ui.selectable_value(&mut draft.channel, None, channel_label(None));
            for c in Channel::FIXED {
                let label = channel_label(Some(&c));
                ui.selectable_value(&mut draft.channel, Some(c), label);
            }
            let other = Some(Channel::Other(String::new()));
            if ui
                .selectable_label(matches!(draft.channel, Some(Channel::Other(_))), "• other…")
                .clicked()
                && !matches!(draft.channel, Some(Channel::Other(_)))
            {
                draft.channel = other;
            }
        });
        if let Some(Channel::Other(name)) = &mut draft.channel {
            text_row(ui, "Other channel", name, false);
        }
        text_row(ui, "Owner", &mut draft.owner, false);
        let mut mot = draft.moment_of_truth.is_some();
        if ui.checkbox(&mut mot, "Moment of truth").changed() {
            draft.moment_of_truth = mot.then(MomentOfTruth::default);
        }
        if let Some(m) = &mut draft.moment_of_truth {
            text_row(ui, "Why it decides", &mut m.reason, true);
        }
        let kind = map.lane(card.lane).map_or(LaneKind::Custom, |l| l.kind);
        colour_row(ui, &mut draft.colour, theme.lane_accent(kind));
        // Tags are typed as one line and taken apart when the field is left.
        let tags_id = egui::Id::unique(("tags", id.0));
        let mut tags = ui
            .data(|d| d.get_temp::<String>(tags_id))
            .unwrap_or_else(|| card.tags.join(", "));
        let name = ui.label("Tags (comma separated)");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut tags)
                    .desired_width(f32::INFINITY)
                    .id_salt("tags"),
            )
            .labelled_by(name.id);
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(tags_id, tags.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(tags_id));
        }
        if response.lost_focus() || !response.has_focus() {
            draft.tags = tags
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect();
        }
        ui.label(format!(
            "Covers {} stage(s); drag its right edge to change.",
            draft.span
        ));
        if draft != *card {
            return Some(InspectorEdit {
                label: "Edit card",
                merge: merge_key(ui, id.0),
                edit: ops::update_card(map, draft),
            });
        }
        return None;
    }
    if selection.cards.len() > 1 {
        ui.heading(format!("{} cards", selection.cards.len()));
        ui.label("Drag them together, or press Delete or Ctrl+D.");
        return None;
    }
    if let Some(stage) = selection.stage.and_then(|id| map.stage(id)) {
        let mut draft = stage.clone();
        ui.heading("Stage");
        text_row(ui, "Name", &mut draft.name, false);
        text_row(ui, "Description", &mut draft.description, true);
        text_row(ui, "Milestone", &mut draft.milestone, false);
        text_row(ui, "Success criteria", &mut draft.success_criteria, true);
        if draft != *stage {
            return Some(InspectorEdit {
                label: "Edit stage",
                merge: merge_key(ui, stage.id.0),
                edit: ops::update_stage(map, &draft),
            });
        }
        return None;
    }
    if let Some(lane) = selection.lane.and_then(|id| map.lane(id)) {
        let mut draft = lane.clone();
        ui.heading("Lane");
        text_row(ui, "Name", &mut draft.name, false);
        combo_row(ui, "Lane kind", draft.kind.name().to_owned(), |ui| {
            for k in LaneKind::ALL {
                ui.selectable_value(&mut draft.kind, k, k.name());
            }
        });
        colour_row(ui, &mut draft.colour, theme.lane_accent(draft.kind));
        ui.checkbox(&mut draft.collapsed, "Collapsed");
        if draft != *lane {
            return Some(InspectorEdit {
                label: "Edit lane",
                merge: merge_key(ui, lane.id.0),
                edit: ops::update_lane(map, &draft),
            });
        }
        return None;
    }
    let info = MapInfo::of(map);
    let mut draft = info.clone();
    ui.heading("Map");
    text_row(ui, "Title", &mut draft.title, false);
    text_row(ui, "Customer's goal", &mut draft.goal, true);
    text_row(ui, "Scenario", &mut draft.scenario, true);
    combo_row(ui, "Map kind", draft.kind.name().to_owned(), |ui| {
        for k in MapKind::ALL {
            ui.selectable_value(&mut draft.kind, k, k.name());
        }
    });
    let mut scale = draft.scale;
    combo_row(ui, "Emotion scale", scale.label(), |ui| {
        for s in [
            EmotionScale::MinusTwoToTwo,
            EmotionScale::MinusFiveToFive,
            EmotionScale::OneToFive,
            EmotionScale::OneToTen,
        ] {
            ui.selectable_value(&mut scale, s, s.label());
        }
    });
    if draft != info || scale != info.scale {
        let mut edits = Vec::new();
        if scale != info.scale {
            // Changing the scale keeps every point's relative place.
            let mut curves = map.curves.clone();
            for c in &mut curves {
                for p in &mut c.points {
                    p.score = info.scale.rescale_to(p.score, scale);
                }
            }
            edits.push(Edit::SetCurves {
                map: map.id,
                curves,
            });
            draft.scale = scale;
        }
        edits.push(Edit::SetMapInfo {
            map: map.id,
            info: Box::new(draft),
        });
        return Some(InspectorEdit {
            label: "Edit map",
            merge: merge_key(ui, map.id.0),
            edit: Edit::Batch(edits),
        });
    }
    ui.add_space(8.0);
    ui.weak("Click a card, a stage header or a lane header to edit it. Double-click an empty cell to add a card.");
    None
}
