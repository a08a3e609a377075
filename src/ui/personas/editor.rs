//! The selected persona, edited in the right panel: photo, name, age, role, context, quote,
//! goals, needs, frustrations (one per line), behaviour, the channels used and a colour.

use super::{PersonaAnswer, display_name, photo_ui};
use crate::i18n::{self, tr};
use crate::model::{Channel, Persona, Project, Rgb};
use crate::render::Theme;
use crate::ui::panels::merge_key;

/// One labelled text field.
fn text_row(ui: &mut egui::Ui, key: &'static str, value: &mut String, rows: usize) {
    let name = ui.label(tr(key));
    let edit = if rows > 1 {
        egui::TextEdit::multiline(value).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(key))
        .labelled_by(name.id);
}

/// A list edited as lines of text: each line an item. Empty lines are kept while typing, so a
/// new line stays where the cursor put it; they are left out wherever the list is shown.
fn list_row(ui: &mut egui::Ui, key: &'static str, items: &mut Vec<String>) {
    let mut text = items.join("\n");
    let name = ui.label(tr(key));
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .id_salt(key),
        )
        .labelled_by(name.id);
    if response.changed() {
        *items = if text.is_empty() {
            Vec::new()
        } else {
            text.split('\n').map(str::to_owned).collect()
        };
    }
}

/// The channels the persona uses, as checkboxes in menu order.
fn channels_row(ui: &mut egui::Ui, channels: &mut Vec<Channel>) {
    ui.label(tr("personas.field.channels"));
    let lang = i18n::language();
    ui.horizontal_wrapped(|ui| {
        for channel in Channel::FIXED {
            let mut uses = channels.contains(&channel);
            if ui
                .checkbox(&mut uses, i18n::channel_name(lang, &channel))
                .changed()
            {
                if uses {
                    channels.push(channel);
                } else {
                    channels.retain(|c| *c != channel);
                }
            }
        }
    });
}

fn colour_row(ui: &mut egui::Ui, colour: &mut Option<Rgb>) {
    ui.horizontal(|ui| {
        let mut own = colour.is_some();
        if ui.checkbox(&mut own, tr("personas.field.colour")).changed() {
            let default = ui.visuals().selection.bg_fill;
            *colour = own.then(|| Rgb(default.r(), default.g(), default.b()));
        }
        if let Some(rgb) = colour {
            let mut c = Theme::user_colour(*rgb);
            if ui.color_edit_button_srgba(&mut c).changed() {
                *rgb = Rgb(c.r(), c.g(), c.b());
            }
        }
    });
}

/// The editor of `persona`; returns what the user did.
pub fn persona_editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    persona: &Persona,
) -> Vec<PersonaAnswer> {
    let mut answers = Vec::new();
    let mut draft = persona.clone();
    ui.heading(display_name(persona));
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(96.0, 96.0), egui::Sense::hover());
        photo_ui(ui, rect, project, persona);
        ui.vertical(|ui| {
            if ui.button(tr("personas.choose_photo")).clicked() {
                answers.push(PersonaAnswer::PickPhoto(persona.id));
            }
            if ui
                .add_enabled(
                    persona.image.is_some(),
                    egui::Button::new(tr("personas.remove_photo")),
                )
                .clicked()
            {
                answers.push(PersonaAnswer::RemovePhoto(persona.id));
            }
            ui.weak(tr("personas.drop_hint"));
        });
    });
    ui.separator();
    text_row(ui, "personas.field.name", &mut draft.name, 1);
    text_row(ui, "personas.field.age", &mut draft.age, 1);
    text_row(ui, "personas.field.role", &mut draft.role, 1);
    text_row(ui, "personas.field.context", &mut draft.description, 3);
    text_row(ui, "personas.field.quote", &mut draft.quote, 2);
    list_row(ui, "personas.field.goals", &mut draft.goals);
    list_row(ui, "personas.field.needs", &mut draft.needs);
    list_row(ui, "personas.field.frustrations", &mut draft.frustrations);
    text_row(ui, "personas.field.behaviour", &mut draft.behaviour, 3);
    channels_row(ui, &mut draft.channels);
    colour_row(ui, &mut draft.colour);
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(tr("personas.duplicate")).clicked() {
            answers.push(PersonaAnswer::Duplicate(persona.id));
        }
        if ui.button(tr("personas.delete")).clicked() {
            answers.push(PersonaAnswer::Delete(persona.id));
        }
    });
    if draft != *persona {
        answers.push(PersonaAnswer::Change {
            merge: merge_key(ui, persona.id.0),
            persona: Box::new(draft),
        });
    }
    answers
}
