//! The inspector: the properties of the selection (a card, a stage, a lane) or of the map.

use std::hash::{Hash as _, Hasher as _};

use crate::edit::{Edit, MapInfo, ops};
use crate::i18n::{self, tr};
use crate::model::{
    Channel, CurveId, EmotionScale, LaneKind, Map, MapKind, MomentOfTruth, Project, Rgb,
};
use crate::render::{Theme, icons};

use crate::ui::selection::Selection;

/// An edit made in the inspector, with its undo label and merge key (typing in one field is one
/// undo step).
pub struct InspectorEdit {
    pub label: String,
    pub merge: Option<u64>,
    pub edit: Edit,
}

/// The key that merges edits of one thing (`target`) typed into the focused field into one
/// undo step; `None` when no text field has focus (a click is a step of its own).
pub(crate) fn merge_key(ui: &egui::Ui, target: u64) -> Option<u64> {
    // Typing into the same field merges; a click on a checkbox or a combo is its own step.
    let focused = ui.memory(egui::Memory::focused)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (target, focused).hash(&mut h);
    Some(h.finish())
}

fn text_row(ui: &mut egui::Ui, key: &'static str, value: &mut String, multiline: bool) {
    let name = ui.label(tr(key));
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(key))
        .labelled_by(name.id);
}

/// A labelled combo box.
fn combo_row<R>(
    ui: &mut egui::Ui,
    key: &'static str,
    selected: String,
    add: impl FnOnce(&mut egui::Ui) -> R,
) {
    let name = ui.label(tr(key));
    let response = egui::ComboBox::from_id_salt(key)
        .selected_text(selected)
        .width(ui.available_width())
        .show_ui(ui, add)
        .response;
    response.labelled_by(name.id);
}

fn colour_row(ui: &mut egui::Ui, colour: &mut Option<Rgb>, default: egui::Color32) {
    ui.horizontal(|ui| {
        let mut custom = colour.is_some();
        if ui
            .checkbox(&mut custom, tr("inspector.own_colour"))
            .changed()
        {
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

/// A channel's icon, the same line art as on the map, in a square as high as a line of text.
fn channel_icon_ui(ui: &mut egui::Ui, channel: Option<&Channel>) {
    let size = egui::Vec2::splat(ui.spacing().interact_size.y - 4.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let Some(channel) = channel else { return };
    let scene = crate::render::Scene {
        size,
        background: egui::Color32::TRANSPARENT,
        shapes: icons::channel_icon(
            channel,
            egui::Rect::from_min_size(egui::Pos2::ZERO, size),
            ui.visuals().text_color(),
        ),
    };
    let transform = egui::emath::TSTransform::from_translation(rect.min.to_vec2());
    crate::ui::paint_scene(ui.painter(), &scene, transform, rect);
}

/// A channel's name, for menus.
pub fn channel_label(channel: Option<&Channel>) -> String {
    let Some(channel) = channel else {
        return tr("inspector.no_channel").into_owned();
    };
    i18n::channel_name(i18n::language(), channel).into_owned()
}

/// An arrow between two cards: its label, and a way to delete it.
fn connector_ui(
    ui: &mut egui::Ui,
    map: &Map,
    connector: &crate::model::Connector,
) -> Option<InspectorEdit> {
    let title = |id| map.card(id).map_or(String::new(), |c| c.title.clone());
    ui.heading(tr("inspector.connector"));
    ui.label(crate::i18n::tr_args(
        "canvas.connector",
        &[
            ("from", &title(connector.from)),
            ("to", &title(connector.to)),
        ],
    ));
    let mut draft = connector.clone();
    text_row(ui, "inspector.connector_label", &mut draft.label, false);
    if ui.button(tr("inspector.delete_connector")).clicked() {
        return Some(InspectorEdit {
            label: tr("undo.delete_connector").into_owned(),
            merge: None,
            edit: ops::set_connector(map, connector.id, None),
        });
    }
    (draft != *connector).then(|| InspectorEdit {
        label: tr("undo.edit_connector").into_owned(),
        merge: merge_key(ui, connector.id.0),
        edit: ops::set_connector(map, connector.id, Some(&draft)),
    })
}

/// The journey map a stage zooms into (any other map of the project), or none.
fn journey_row(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    journey: &mut Option<crate::model::MapId>,
) {
    let others: Vec<&Map> = project.maps.iter().filter(|m| m.id != map.id).collect();
    if others.is_empty() {
        return;
    }
    let name_of = |id: Option<crate::model::MapId>| {
        id.and_then(|id| project.map(id)).map_or_else(
            || tr("inspector.no_journey").into_owned(),
            |m| m.title.clone(),
        )
    };
    combo_row(ui, "inspector.journey", name_of(*journey), |ui| {
        ui.selectable_value(journey, None, tr("inspector.no_journey"));
        for other in others {
            ui.selectable_value(journey, Some(other.id), &other.title);
        }
    });
}

/// Under a touchpoint's owner: pick a stakeholder as the owner, or go to the one it names.
fn owner_row(
    ui: &mut egui::Ui,
    project: &Project,
    owner: &mut String,
    actions: &mut Vec<crate::ui::app::AppAction>,
) {
    if project.stakeholders.is_empty() {
        return;
    }
    // Each on a line of its own, so the panel keeps its width.
    let label = ui.label(tr("inspector.owner_pick"));
    egui::ComboBox::from_id_salt("inspector.owner_pick")
        .selected_text(tr("stakeholders.choose"))
        .width(ui.available_width())
        .height(480.0)
        .show_ui(ui, |ui| {
            for s in &project.stakeholders {
                if ui.selectable_label(*owner == s.name, &s.name).clicked() {
                    owner.clone_from(&s.name);
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(stakeholder) = project.owner_stakeholder(owner) {
        if ui
            .button(tr("inspector.owner_show"))
            .on_hover_text(tr("inspector.owner_show.tip"))
            .clicked()
        {
            actions.push(crate::ui::app::AppAction::Stakeholder(
                crate::ui::stakeholders::StakeholderAnswer::Open(Some(stakeholder.id)),
            ));
        }
    } else if !owner.trim().is_empty() {
        ui.weak(tr("inspector.owner_unknown"));
    }
}

/// Shows the inspector for `selection` on `map`, `drawing` being the curve the emotion lane
/// draws; returns the edit the user made, if any. What is not an edit (going to a touchpoint's
/// owner, choosing the curve to draw) goes to `actions`.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    (selection, theme, drawing): (&Selection, &Theme, Option<crate::model::CurveId>),
    actions: &mut Vec<crate::ui::app::AppAction>,
) -> Option<InspectorEdit> {
    if let Some((curve_id, index)) = selection.point {
        return point_ui(ui, project, map, curve_id, index);
    }
    if let Some(connector) = selection
        .connector
        .and_then(|id| map.connectors.iter().find(|c| c.id == id))
    {
        return connector_ui(ui, map, connector);
    }
    if selection.cards.len() == 1 {
        let id = *selection.cards.first()?;
        let card = map.card(id)?;
        let mut draft = card.clone();
        ui.heading(tr("inspector.card"));
        text_row(ui, "inspector.title", &mut draft.title, true);
        text_row(ui, "inspector.text", &mut draft.body, true);
        if map.kind == MapKind::ServiceBlueprint {
            ui.horizontal(|ui| {
                ui.checkbox(&mut draft.fail_point, tr("inspector.fail_point"))
                    .on_hover_text(tr("inspector.fail_point.tip"));
                ui.checkbox(&mut draft.wait_point, tr("inspector.wait_point"))
                    .on_hover_text(tr("inspector.wait_point.tip"));
            });
        }
        let selected = channel_label(draft.channel.as_ref());
        let name = ui.label(tr("inspector.channel"));
        ui.horizontal(|ui| {
            channel_icon_ui(ui, draft.channel.as_ref());
            let response = egui::ComboBox::from_id_salt("inspector.channel")
                .selected_text(selected)
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    ui.horizontal(|ui| {
                        channel_icon_ui(ui, None);
                        ui.selectable_value(&mut draft.channel, None, channel_label(None));
                    });
                    for c in Channel::FIXED {
                        ui.horizontal(|ui| {
                            channel_icon_ui(ui, Some(&c));
                            let label = channel_label(Some(&c));
                            ui.selectable_value(&mut draft.channel, Some(c), label);
                        });
                    }
                    let is_other = matches!(draft.channel, Some(Channel::Other(_)));
                    ui.horizontal(|ui| {
                        channel_icon_ui(ui, Some(&Channel::Other(String::new())));
                        let label = tr("inspector.other_channel_choice");
                        if ui.selectable_label(is_other, label).clicked() && !is_other {
                            draft.channel = Some(Channel::Other(String::new()));
                        }
                    });
                })
                .response;
            response.labelled_by(name.id);
        });
        if let Some(Channel::Other(name)) = &mut draft.channel {
            text_row(ui, "inspector.other_channel", name, false);
        }
        text_row(ui, "inspector.owner", &mut draft.owner, false);
        owner_row(ui, project, &mut draft.owner, actions);
        ui.checkbox(&mut draft.third_party, tr("inspector.third_party"))
            .on_hover_text(tr("inspector.third_party.tip"));
        let mut mot = draft.moment_of_truth.is_some();
        if ui
            .checkbox(&mut mot, tr("inspector.moment_of_truth"))
            .changed()
        {
            draft.moment_of_truth = mot.then(MomentOfTruth::default);
        }
        if let Some(m) = &mut draft.moment_of_truth {
            text_row(ui, "inspector.why_it_decides", &mut m.reason, true);
        }
        let kind = map.lane(card.lane).map_or(LaneKind::Custom, |l| l.kind);
        colour_row(ui, &mut draft.colour, theme.lane_accent(kind));
        // Tags are typed as one line and taken apart when the field is left.
        let tags_id = egui::Id::unique(("tags", id.0));
        let mut tags = ui
            .data(|d| d.get_temp::<String>(tags_id))
            .unwrap_or_else(|| card.tags.join(", "));
        let name = ui.label(tr("inspector.tags"));
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
        ui.label(crate::i18n::tr_count(
            "inspector.covers",
            draft.span as usize,
        ));
        super::research_links::evidence_links_ui(ui, project, &mut draft.evidence);
        if draft != *card {
            return Some(InspectorEdit {
                label: tr("undo.edit_card").into_owned(),
                merge: merge_key(ui, id.0),
                edit: ops::update_card(map, draft),
            });
        }
        return None;
    }
    if selection.cards.len() > 1 {
        ui.heading(crate::i18n::tr_count(
            "inspector.cards",
            selection.cards.len(),
        ));
        ui.label(tr("inspector.cards_hint"));
        return None;
    }
    if let Some(stage) = selection.stage.and_then(|id| map.stage(id)) {
        let mut draft = stage.clone();
        ui.heading(tr("inspector.stage"));
        text_row(ui, "inspector.name", &mut draft.name, false);
        text_row(ui, "inspector.description", &mut draft.description, true);
        text_row(ui, "inspector.milestone", &mut draft.milestone, false);
        text_row(
            ui,
            "inspector.success_criteria",
            &mut draft.success_criteria,
            true,
        );
        journey_row(ui, project, map, &mut draft.journey);
        super::research_links::evidence_links_ui(ui, project, &mut draft.evidence);
        if draft != *stage {
            return Some(InspectorEdit {
                label: tr("undo.edit_stage").into_owned(),
                merge: merge_key(ui, stage.id.0),
                edit: ops::update_stage(map, &draft),
            });
        }
        return None;
    }
    if let Some(lane) = selection.lane.and_then(|id| map.lane(id)) {
        let mut draft = lane.clone();
        ui.heading(tr("inspector.lane"));
        text_row(ui, "inspector.name", &mut draft.name, false);
        let lang = i18n::language();
        let kind_name = i18n::lane_kind_name(lang, draft.kind).into_owned();
        combo_row(ui, "inspector.lane_kind", kind_name, |ui| {
            for k in LaneKind::ALL {
                ui.selectable_value(&mut draft.kind, k, i18n::lane_kind_name(lang, k));
            }
        });
        colour_row(ui, &mut draft.colour, theme.lane_accent(draft.kind));
        ui.checkbox(&mut draft.collapsed, tr("inspector.collapsed"));
        if draft.kind == LaneKind::Metrics {
            super::research_links::lane_datasets_ui(ui, project, map, &mut draft);
        }
        if draft != *lane {
            return Some(InspectorEdit {
                label: tr("undo.edit_lane").into_owned(),
                merge: merge_key(ui, lane.id.0),
                edit: ops::update_lane(map, &draft),
            });
        }
        return None;
    }
    let info = MapInfo::of(map);
    let mut draft = info.clone();
    ui.heading(tr("inspector.map"));
    text_row(ui, "inspector.title", &mut draft.title, false);
    text_row(ui, "inspector.goal", &mut draft.goal, true);
    text_row(ui, "inspector.scenario", &mut draft.scenario, true);
    text_row(ui, "inspector.expectations", &mut draft.expectations, true);
    if !project.personas.is_empty() {
        ui.label(tr("inspector.map_personas"));
        for persona in &project.personas {
            let mut follows = draft.personas.contains(&persona.id);
            let name = if persona.name.trim().is_empty() {
                tr("personas.unnamed").into_owned()
            } else {
                persona.name.clone()
            };
            if ui.checkbox(&mut follows, name).changed() {
                if follows {
                    draft.personas.push(persona.id);
                } else {
                    draft.personas.retain(|p| *p != persona.id);
                }
            }
        }
    }
    let lang = i18n::language();
    let kind_name = i18n::map_kind_name(lang, draft.kind).into_owned();
    combo_row(ui, "inspector.map_kind", kind_name, |ui| {
        for k in MapKind::ALL {
            ui.selectable_value(&mut draft.kind, k, i18n::map_kind_name(lang, k));
        }
    });
    let mut scale = draft.scale;
    combo_row(
        ui,
        "inspector.scale",
        i18n::scale_label(scale, lang),
        |ui| {
            for s in [
                EmotionScale::MinusTwoToTwo,
                EmotionScale::MinusFiveToFive,
                EmotionScale::OneToFive,
                EmotionScale::OneToTen,
            ] {
                ui.selectable_value(&mut scale, s, i18n::scale_label(s, lang));
            }
        },
    );
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
            label: tr("undo.edit_map").into_owned(),
            merge: merge_key(ui, map.id.0),
            edit: Edit::Batch(edits),
        });
    }
    if let Some(edit) = super::curves::curves_ui(ui, project, map, (drawing, actions)) {
        return Some(edit);
    }
    ui.add_space(8.0);
    ui.weak(tr("inspector.hint"));
    None
}

/// Emotion words a consultant picks from, in the interface language.
const EMOTION_WORDS: [&str; 8] = [
    "emotion.delighted",
    "emotion.happy",
    "emotion.satisfied",
    "emotion.neutral",
    "emotion.confused",
    "emotion.anxious",
    "emotion.disappointed",
    "emotion.angry",
];

/// The inspector for one step of an emotion curve: its score, its word and the card it is
/// about.
fn point_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    curve_id: CurveId,
    index: usize,
) -> Option<InspectorEdit> {
    let curve = map.curves.iter().find(|c| c.id == curve_id)?;
    let point = curve.points.get(index)?;
    let mut draft = point.clone();
    ui.heading(tr("inspector.point"));
    ui.label(crate::layout::curve_name(project, curve));
    ui.weak(map.stage(point.stage).map_or("", |s| s.name.as_str()));
    let name = ui.label(tr("inspector.score"));
    ui.add(
        egui::Slider::new(&mut draft.score, map.scale.min()..=map.scale.max())
            .step_by(map.scale.step() / 10.0),
    )
    .labelled_by(name.id);
    if point.from_data {
        let data = curve.data.and_then(|d| project.dataset(d.dataset));
        let name = data.map_or_else(String::new, |d| d.name.clone());
        ui.weak(crate::i18n::tr_args(
            "inspector.point_measured",
            &[("data", &name)],
        ));
        if (draft.score - point.score).abs() > f64::EPSILON {
            draft.from_data = false;
        }
    }
    text_row(ui, "inspector.emotion_word", &mut draft.label, false);
    ui.horizontal_wrapped(|ui| {
        for key in EMOTION_WORDS {
            let word = tr(key);
            if ui.small_button(word.as_ref()).clicked() {
                draft.label = word.into_owned();
            }
        }
    });
    let cards: Vec<&crate::model::Card> = map
        .cards
        .iter()
        .filter(|c| c.stage == point.stage)
        .collect();
    let linked = draft
        .card
        .and_then(|id| map.card(id))
        .map_or_else(|| tr("inspector.no_card").into_owned(), |c| c.title.clone());
    combo_row(ui, "inspector.point_card", linked, |ui| {
        ui.selectable_value(&mut draft.card, None, tr("inspector.no_card"));
        for c in cards {
            ui.selectable_value(&mut draft.card, Some(c.id), &c.title);
        }
    });
    ui.add_space(6.0);
    ui.weak(tr("canvas.point.tip"));
    if draft != *point {
        return Some(InspectorEdit {
            label: tr("undo.edit_point").into_owned(),
            merge: merge_key(ui, curve_id.0 ^ index as u64),
            edit: ops::update_point(map, curve_id, index, draft),
        });
    }
    None
}
