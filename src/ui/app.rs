//! The application: the open project, its panels and the canvas.

use std::path::PathBuf;

use crate::layout::{self, Metrics, TextMeasurer};
use crate::model::{MapId, Project};
use crate::render::{self, Scene, Theme};

use super::CanvasView;

/// The laid-out and painted map on show, kept until the project or the map changes.
struct Painted {
    map: MapId,
    scene: Scene,
}

/// The Klantreis window.
pub struct KlantreisApp {
    project: Option<Project>,
    path: Option<PathBuf>,
    current_map: usize,
    view: CanvasView,
    text: TextMeasurer,
    theme: Theme,
    painted: Option<Painted>,
    /// Messages for the user: errors and warnings from loading.
    notices: Vec<String>,
    /// The window title last sent, so it is only sent again when it changes.
    window_title: String,
}

impl KlantreisApp {
    /// Sets up fonts and opens `file` if given.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        cc.egui_ctx.set_fonts(crate::fonts::definitions());
        let mut app = Self {
            project: None,
            path: None,
            current_map: 0,
            view: CanvasView::default(),
            text: TextMeasurer::new(),
            theme: Theme::default(),
            painted: None,
            notices: Vec::new(),
            window_title: String::new(),
        };
        if let Some(path) = file {
            app.open(path);
        }
        app
    }

    /// Opens a project file; on failure the current project stays and the error is shown.
    pub fn open(&mut self, path: PathBuf) {
        match crate::file::load(&path) {
            Ok(loaded) => {
                self.notices = loaded.warnings;
                self.project = Some(loaded.project);
                self.path = Some(path);
                self.current_map = 0;
                self.painted = None;
                self.view = CanvasView::default();
            }
            Err(e) => self.notices.push(e.to_string()),
        }
    }

    /// The open project, if any.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// Lays out and paints the current map unless the cached scene is still right.
    fn ensure_painted(&mut self) {
        let Some(project) = self.project.as_ref() else {
            return;
        };
        let Some(map) = project.maps.get(self.current_map) else {
            self.painted = None;
            return;
        };
        if self.painted.as_ref().is_none_or(|p| p.map != map.id) {
            self.text.begin_pass();
            let layout = layout::lay_out(project, map, &Metrics::default(), &mut self.text);
            let scene = render::paint(map, &layout, &self.theme);
            self.painted = Some(Painted { map: map.id, scene });
        }
    }

    fn sidebar_ui(&mut self, ui: &mut egui::Ui) {
        let Some(project) = &self.project else {
            ui.label("No project open.");
            return;
        };
        ui.heading(&project.title);
        if !project.description.is_empty() {
            ui.label(egui::RichText::new(&project.description).small());
        }
        ui.separator();
        ui.strong("Maps");
        let mut chosen = None;
        for (i, map) in project.maps.iter().enumerate() {
            if ui
                .selectable_label(i == self.current_map, &map.title)
                .on_hover_text(map.kind.name())
                .clicked()
            {
                chosen = Some(i);
            }
        }
        ui.separator();
        ui.strong("Personas");
        for persona in &project.personas {
            ui.label(&persona.name).on_hover_text(&persona.description);
        }
        if let Some(i) = chosen
            && i != self.current_map
        {
            self.current_map = i;
            self.view = CanvasView::default();
        }
    }
}

impl eframe::App for KlantreisApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = match (&self.project, &self.path) {
            (Some(p), Some(path)) => format!(
                "{} — {} — Klantreis",
                p.title,
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
            _ => "Klantreis".to_owned(),
        };
        if title != self.window_title {
            ui.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }

        egui::Panel::top("notices").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Klantreis");
                ui.label("(read-only view)");
            });
            let mut dismiss = None;
            for (i, notice) in self.notices.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, notice);
                    if ui.small_button("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                });
            }
            if let Some(i) = dismiss {
                self.notices.remove(i);
            }
        });
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.sidebar_ui(ui));
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.ensure_painted();
            if let Some(painted) = &self.painted {
                self.view.show(ui, &painted.scene);
            } else {
                ui.centered_and_justified(|ui| {
                    ui.label("Open a project: klantreis FILE.klantreis.ron");
                });
            }
        });
    }
}
