//! The map overview: every map of the project as a tile with its thumbnail (painted by the one
//! painter), its kind, its size, the score its first as-is curve leaves remembered and, for an
//! experience map, the journeys its stages zoom into. A click opens the map.

use crate::i18n::{self, tr, tr_args, tr_count};
use crate::layout::{Metrics, TextMeasurer};
use crate::model::{MapId, Project};
use crate::render::{self, Scene, Theme};

/// The thumbnails, painted again only when the project changed.
#[derive(Default)]
pub struct Overview {
    painted: Option<(u64, Vec<(MapId, Scene)>)>,
}

impl Overview {
    /// The overview of `project` (at `revision`); returns the index of the map to open.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        text: &mut TextMeasurer,
    ) -> Option<usize> {
        if self.painted.as_ref().is_none_or(|(r, _)| *r != revision) {
            text.begin_pass();
            let scenes = project
                .maps
                .iter()
                .map(|map| {
                    let laid = crate::layout::lay_out(project, map, &Metrics::default(), text);
                    let scene = render::paint(
                        map,
                        &laid,
                        &Theme::default(),
                        &render::PaintOptions::default(),
                    );
                    (map.id, scene)
                })
                .collect();
            self.painted = Some((revision, scenes));
        }
        let scenes = self
            .painted
            .as_ref()
            .map(|(_, s)| s.as_slice())
            .unwrap_or_default();
        let mut open = None;
        ui.heading(tr("overview.title"));
        ui.weak(tr("overview.hint"));
        ui.add_space(8.0);
        let lang = i18n::language();
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(18.0, 18.0);
                for (index, map) in project.maps.iter().enumerate() {
                    let scene = scenes.iter().find(|(id, _)| *id == map.id).map(|(_, s)| s);
                    ui.vertical(|ui| {
                        ui.spacing_mut().item_spacing = egui::vec2(6.0, 3.0);
                        ui.set_width(crate::ui::start::THUMB.x);
                        let response = crate::ui::start::thumbnail_ui(ui, scene);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                tr_args("overview.open", &[("title", &map.title)]),
                            )
                        });
                        if response.clicked() {
                            open = Some(index);
                        }
                        ui.strong(&map.title);
                        ui.weak(format!(
                            "{} · {} · {}",
                            i18n::map_kind_name(lang, map.kind),
                            tr_count("overview.stages", map.stages.len()),
                            tr_count("overview.cards", map.cards.len()),
                        ));
                        if let Some(r) = crate::analysis::remembered_as_is(map) {
                            ui.label(tr_args(
                                "overview.remembered",
                                &[("score", &i18n::score(map.scale, r, 1, lang))],
                            ));
                        }
                        let mut journeys: Vec<&str> = Vec::new();
                        for journey in map
                            .stages
                            .iter()
                            .filter_map(|s| s.journey.and_then(|id| project.map(id)))
                        {
                            if !journeys.contains(&journey.title.as_str()) {
                                journeys.push(&journey.title);
                            }
                        }
                        if !journeys.is_empty() {
                            ui.weak(tr_args(
                                "overview.zooms_into",
                                &[("maps", &journeys.join(", "))],
                            ));
                        }
                    });
                }
            });
        });
        open
    }
}
