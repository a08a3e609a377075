//! The start screen: a new project from a template (in the interface language), the recent
//! projects with thumbnails and the day they last changed, and the examples. A recent project
//! that moved or vanished says so and offers to leave the list. It shows when Klantreis starts
//! without a file, and from File › Start screen; opening anything closes it.

mod examples;
mod recent;

use std::path::PathBuf;

use egui::{Rect, Sense, vec2};

use crate::i18n::tr;
use crate::layout::TextMeasurer;
use crate::model::MapKind;
use crate::render::Scene;
use crate::ui::command::Command;

pub use examples::load as load_example;
use recent::{Found, Recent};

/// What the user chose on the start screen.
#[derive(Clone, Debug, PartialEq)]
pub enum StartAnswer {
    New(MapKind),
    /// Open a project with the file dialog.
    Browse,
    Open(PathBuf),
    /// Open the example at this index, as a new project.
    Example(usize),
    /// Take this project off the recent list.
    Forget(PathBuf),
}

/// An example as shown: its title and its first map painted.
struct Example {
    title: String,
    scene: Option<Scene>,
}

/// The start screen, with the recent projects and the examples read when it opened.
pub struct StartScreen {
    recent: Vec<Recent>,
    examples: Vec<Example>,
}

pub(crate) const THUMB: egui::Vec2 = vec2(232.0, 136.0);

impl StartScreen {
    /// Reads the recent projects (newest first) and the examples.
    pub fn new(recent: &[PathBuf], text: &mut TextMeasurer) -> Self {
        let examples = (0..examples::EXAMPLES.len())
            .filter_map(|i| load_example(i).ok())
            .map(|project| Example {
                scene: recent::paint_first_map(&project, text),
                title: project.title,
            })
            .collect();
        Self {
            recent: recent.iter().map(|p| Recent::read(p, text)).collect(),
            examples,
        }
    }

    /// Takes `path` off the screen (after it left the recent list).
    pub fn forget(&mut self, path: &std::path::Path) {
        self.recent.retain(|r| r.path != path);
    }

    /// Shows the screen in `ui`; returns what was chosen.
    pub fn ui(&self, ui: &mut egui::Ui) -> Option<StartAnswer> {
        let mut answer = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.set_max_width(1000.0);
                ui.heading(egui::RichText::new("Klantreis").size(30.0));
                ui.label(tr("start.tagline"));
            });
            ui.add_space(16.0);
            let width = ui.available_width().min(1000.0);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    new_ui(ui, &mut answer);
                    ui.add_space(20.0);
                    self.recent_ui(ui, &mut answer);
                    ui.add_space(20.0);
                    self.examples_ui(ui, &mut answer);
                });
            });
        });
        answer
    }

    fn recent_ui(&self, ui: &mut egui::Ui, answer: &mut Option<StartAnswer>) {
        ui.heading(tr("start.recent"));
        if self.recent.is_empty() {
            ui.weak(tr("start.no_recent"));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = vec2(16.0, 16.0);
            for recent in &self.recent {
                ui.vertical(|ui| {
                    ui.set_width(THUMB.x);
                    ui.spacing_mut().item_spacing.y = 4.0;
                    recent_tile_ui(ui, recent, answer);
                });
            }
        });
    }

    fn examples_ui(&self, ui: &mut egui::Ui, answer: &mut Option<StartAnswer>) {
        ui.heading(tr("start.examples"));
        ui.weak(tr("start.examples_note"));
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = vec2(16.0, 16.0);
            for (i, example) in self.examples.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(THUMB.x);
                    ui.spacing_mut().item_spacing.y = 4.0;
                    if thumbnail_ui(ui, example.scene.as_ref()).clicked()
                        | ui.button(&example.title).clicked()
                    {
                        *answer = Some(StartAnswer::Example(i));
                    }
                });
            }
        });
    }
}

/// New from a template, or open a file.
fn new_ui(ui: &mut egui::Ui, answer: &mut Option<StartAnswer>) {
    ui.heading(tr("start.new"));
    ui.horizontal_wrapped(|ui| {
        for (command, kind) in [
            (Command::NewJourney, MapKind::CustomerJourney),
            (Command::NewExperience, MapKind::CustomerExperience),
            (Command::NewBlueprint, MapKind::ServiceBlueprint),
        ] {
            let button = egui::Button::new(command.label()).min_size(vec2(200.0, 40.0));
            if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                *answer = Some(StartAnswer::New(kind));
            }
        }
        let open = egui::Button::new(Command::Open.label()).min_size(vec2(120.0, 40.0));
        if ui.add(open).clicked() {
            *answer = Some(StartAnswer::Browse);
        }
    });
}

/// A recent project: its thumbnail and title to open it, its map and date; or why it cannot
/// be opened, with a button to take it off the list.
fn recent_tile_ui(ui: &mut egui::Ui, recent: &Recent, answer: &mut Option<StartAnswer>) {
    let name = recent
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match &recent.found {
        Found::Project {
            title,
            map,
            modified,
            scene,
        } => {
            let tip = recent.path.display().to_string();
            if thumbnail_ui(ui, scene.as_ref())
                .on_hover_text(&tip)
                .clicked()
                | ui.button(title).on_hover_text(&tip).clicked()
            {
                *answer = Some(StartAnswer::Open(recent.path.clone()));
            }
            ui.weak(format!("{map} · {modified}"));
        }
        Found::Missing | Found::Unreadable(_) => {
            let (rect, _) = ui.allocate_exact_size(THUMB, Sense::hover());
            ui.painter()
                .rect_filled(rect, 6.0, ui.visuals().faint_bg_color);
            ui.strong(&name);
            let why = match &recent.found {
                Found::Unreadable(why) => why.clone(),
                _ => tr("start.missing").into_owned(),
            };
            ui.colored_label(ui.visuals().warn_fg_color, why);
            ui.weak(recent.path.display().to_string());
            if ui.button(tr("start.forget")).clicked() {
                *answer = Some(StartAnswer::Forget(recent.path.clone()));
            }
        }
    }
}

/// A map's first page in small, drawn from its scene by the canvas's painter.
pub(crate) fn thumbnail_ui(ui: &mut egui::Ui, scene: Option<&Scene>) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(THUMB, Sense::click());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
    if let Some(scene) = scene {
        let inner = rect.shrink(6.0);
        let scale = (inner.width() / scene.size.x).min(inner.height() / scene.size.y);
        let size = scene.size * scale;
        let at = Rect::from_center_size(inner.center(), size);
        let transform = egui::emath::TSTransform::new(at.min.to_vec2(), scale);
        crate::ui::canvas::paint_scene(&painter, scene, transform, rect);
    }
    let stroke = if response.hovered() || response.has_focus() {
        egui::Stroke::new(2.0, ui.visuals().selection.bg_fill)
    } else {
        ui.visuals().window_stroke
    };
    painter.rect_stroke(rect, 6.0, stroke, egui::StrokeKind::Inside);
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}
