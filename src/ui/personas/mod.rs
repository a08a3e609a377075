//! The personas view: the project's personas as cards (photo, name, age and role, quote), a
//! picture dropped on a card becomes its photo; the selected persona is edited in the right
//! panel (`editor`); personas are copied to and from other project files (`copy`).

mod copy;
mod editor;

pub use copy::{CopyAnswer, CopyDialog, CopyDirection};
pub use editor::persona_editor_ui;

use crate::i18n::{tr, tr_args};
use crate::layout::Picture;
use crate::model::{Persona, PersonaId, Project};
use crate::render::Theme;

/// Where a dropped picture comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Dropped {
    Path(std::path::PathBuf),
    Bytes {
        name: String,
        bytes: std::sync::Arc<[u8]>,
    },
}

/// What the user did in the personas view or its editor.
#[derive(Clone, Debug, PartialEq)]
pub enum PersonaAnswer {
    Select(PersonaId),
    Add,
    Duplicate(PersonaId),
    Delete(PersonaId),
    Move {
        id: PersonaId,
        to: usize,
    },
    /// The persona as edited, with the key that merges typing in one field into one undo step.
    Change {
        persona: Box<Persona>,
        merge: Option<u64>,
    },
    PickPhoto(PersonaId),
    DropPhoto {
        persona: PersonaId,
        file: Dropped,
    },
    RemovePhoto(PersonaId),
    CopyFrom,
    CopyTo,
    /// Back to the map on show.
    Back,
    /// Show the personas view, with this persona selected.
    Open(Option<PersonaId>),
}

/// The personas view's own state: which persona is selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonasView {
    pub selected: Option<PersonaId>,
}

const CARD_WIDTH: f32 = 250.0;
const PHOTO: f32 = 72.0;

/// A persona's name, or "Unnamed persona".
pub fn display_name(persona: &Persona) -> String {
    if persona.name.trim().is_empty() {
        tr("personas.unnamed").into_owned()
    } else {
        persona.name.clone()
    }
}

/// Paints a persona's photo in a circle in `rect`, or its initials on its colour.
pub fn photo_ui(ui: &egui::Ui, rect: egui::Rect, project: &Project, persona: &Persona) {
    let painter = ui.painter();
    let colour = persona
        .colour
        .map_or_else(|| ui.visuals().selection.bg_fill, Theme::user_colour);
    let picture = persona.image.and_then(|id| Picture::find(project, id));
    if let Some(picture) = picture {
        painter.add(crate::ui::pictures::paint(
            painter,
            rect,
            rect.width() / 2.0,
            &picture,
        ));
    } else {
        painter.circle_filled(rect.center(), rect.width() / 2.0, colour);
        // The same initials as in a map's title block.
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            crate::layout::initials(&persona.name),
            egui::FontId::proportional(rect.width() * 0.36),
            Theme::ink_on(colour),
        );
    }
    painter.circle_stroke(
        rect.center(),
        rect.width() / 2.0 - 1.0,
        egui::Stroke::new(2.0, colour),
    );
}

impl PersonasView {
    /// The personas view of `project`; returns what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui, project: &Project) -> Vec<PersonaAnswer> {
        let mut answers = Vec::new();
        if self
            .selected
            .is_some_and(|id| project.persona(id).is_none())
        {
            self.selected = None;
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr("personas.back")).clicked() {
                answers.push(PersonaAnswer::Back);
            }
            ui.separator();
            ui.heading(tr("personas.title"));
            ui.separator();
            if ui.button(tr("personas.new")).clicked() {
                answers.push(PersonaAnswer::Add);
            }
            if ui.button(tr("personas.copy_from")).clicked() {
                answers.push(PersonaAnswer::CopyFrom);
            }
            if ui
                .add_enabled(
                    !project.personas.is_empty(),
                    egui::Button::new(tr("personas.copy_to")),
                )
                .clicked()
            {
                answers.push(PersonaAnswer::CopyTo);
            }
        });
        ui.weak(tr("personas.hint"));
        ui.add_space(6.0);
        if project.personas.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.label(tr("personas.none")));
            return answers;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
                for (i, persona) in project.personas.iter().enumerate() {
                    self.card_ui(ui, project, (i, persona), &mut answers);
                }
            });
        });
        answers
    }

    /// One persona's card, with its context menu and a picture dropped on it.
    fn card_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        (index, persona): (usize, &Persona),
        answers: &mut Vec<PersonaAnswer>,
    ) {
        let selected = self.selected == Some(persona.id);
        let visuals = ui.visuals().clone();
        let stroke = if selected {
            egui::Stroke::new(2.5, visuals.selection.bg_fill)
        } else {
            visuals.widgets.noninteractive.bg_stroke
        };
        let frame = egui::Frame::group(ui.style())
            .fill(visuals.extreme_bg_color)
            .stroke(stroke)
            .corner_radius(8.0)
            .inner_margin(12.0);
        let inner = frame.show(ui, |ui| {
            ui.vertical(|ui| card_contents_ui(ui, project, persona));
        });
        let response = ui
            .interact(
                inner.response.rect,
                egui::Id::unique(("persona-card", persona.id)),
                egui::Sense::click(),
            )
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                tr_args("personas.card", &[("name", &display_name(persona))]),
            )
        });
        if response.clicked() {
            self.selected = Some(persona.id);
            answers.push(PersonaAnswer::Select(persona.id));
        }
        if let Some(file) = dropped_on(ui, inner.response.rect) {
            self.selected = Some(persona.id);
            answers.push(PersonaAnswer::DropPhoto {
                persona: persona.id,
                file,
            });
        }
        let count = project.personas.len();
        response.context_menu(|ui| {
            if ui.button(tr("personas.choose_photo")).clicked() {
                answers.push(PersonaAnswer::PickPhoto(persona.id));
            }
            if ui.button(tr("personas.duplicate")).clicked() {
                answers.push(PersonaAnswer::Duplicate(persona.id));
            }
            let moves = [
                (index > 0, "personas.move_earlier", index.saturating_sub(1)),
                (index + 1 < count, "personas.move_later", index + 1),
            ];
            for (enabled, key, to) in moves {
                if ui
                    .add_enabled(enabled, egui::Button::new(tr(key)))
                    .clicked()
                {
                    answers.push(PersonaAnswer::Move { id: persona.id, to });
                }
            }
            if ui.button(tr("personas.delete")).clicked() {
                answers.push(PersonaAnswer::Delete(persona.id));
            }
        });
    }
}

/// What a persona's card shows: photo, name, age and role, quote, what the persona sheet
/// holds.
fn card_contents_ui(ui: &mut egui::Ui, project: &Project, persona: &Persona) {
    ui.set_width(CARD_WIDTH);
    ui.set_min_height(150.0);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(PHOTO, PHOTO), egui::Sense::hover());
        photo_ui(ui, rect, project, persona);
        ui.vertical(|ui| {
            ui.strong(display_name(persona));
            let who: Vec<&str> = [persona.age.as_str(), persona.role.as_str()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect();
            if !who.is_empty() {
                ui.weak(who.join(" · "));
            }
        });
    });
    if !persona.quote.trim().is_empty() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(format!("“{}”", persona.quote.trim())).italics());
    }
    let counts = [
        (persona.goals.len(), "personas.count_goals"),
        (persona.needs.len(), "personas.count_needs"),
        (persona.frustrations.len(), "personas.count_frustrations"),
    ];
    let summary: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| crate::i18n::tr_count(key, *n))
        .collect();
    if !summary.is_empty() {
        ui.add_space(4.0);
        ui.weak(summary.join(" · "));
    }
}

/// A file dropped on `rect` this frame (the pointer was over it), if any; a file hovering over
/// it shows where it would land.
fn dropped_on(ui: &egui::Ui, rect: egui::Rect) -> Option<Dropped> {
    let (hovering, dropped, pointer) = ui.input(|i| {
        (
            !i.raw.hovered_files.is_empty(),
            i.raw.dropped_files.clone(),
            i.pointer.latest_pos(),
        )
    });
    let over = pointer.is_some_and(|p| rect.contains(p));
    if hovering && over {
        ui.painter().rect_stroke(
            rect,
            8.0,
            egui::Stroke::new(3.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    if !over {
        return None;
    }
    let file = dropped.into_iter().next()?;
    let path = file.path();
    if path.is_absolute() {
        return Some(Dropped::Path(path.to_path_buf()));
    }
    // Without a place on disk (a browser, a test): the bytes, read now.
    let name = path.to_string_lossy().into_owned();
    Some(match file.bytes() {
        Ok(bytes) => Dropped::Bytes {
            name,
            bytes: bytes.into(),
        },
        Err(_) => Dropped::Path(path.to_path_buf()),
    })
}
