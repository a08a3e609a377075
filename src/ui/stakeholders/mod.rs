//! The stakeholder map view: the rings around the customer drawn by the one painter, the
//! stakeholders dragged freely and snapped to the nearest ring, relations selected by a click
//! on their line, a filter by kind of relation; the selection is edited in the right panel
//! (`editor`).

mod editor;

pub use editor::stakeholder_editor_ui;
pub(crate) use editor::text_row;

use egui::{Id, Sense, emath::TSTransform};

use crate::i18n::{self, tr, tr_args};
use crate::layout::TextMeasurer;
use crate::layout::stakeholders::{StakeholderLayout, lay_out_stakeholders};
use crate::model::{
    CardId, Project, Relation, RelationId, RelationKind, Ring, Stakeholder, StakeholderId,
};
use crate::render::{Highlight, Scene, Theme};

/// What the user did on the stakeholder map or in its editor.
#[derive(Clone, Debug, PartialEq)]
pub enum StakeholderAnswer {
    Select(Option<StakeholderId>),
    SelectRelation(RelationId),
    /// A new stakeholder on `ring` at `angle` (where the ring has most room when `None`).
    Add {
        ring: Ring,
        angle: Option<f32>,
    },
    /// The stakeholder as edited (or moved), with the key that merges typing into one step.
    Change {
        stakeholder: Box<Stakeholder>,
        merge: Option<u64>,
    },
    Delete(StakeholderId),
    AddRelation {
        from: StakeholderId,
        to: StakeholderId,
    },
    ChangeRelation {
        relation: Box<Relation>,
        merge: Option<u64>,
    },
    DeleteRelation(RelationId),
    /// Show the stakeholder map, with this stakeholder selected.
    Open(Option<StakeholderId>),
    /// Show the touchpoint `card` on the map at `map`.
    ShowCard {
        map: usize,
        card: CardId,
    },
    Back,
}

/// The laid-out and painted stakeholder map, kept while nothing it shows changes.
struct Painted {
    key: (u64, Vec<RelationKind>, i18n::Language, Highlight),
    layout: StakeholderLayout,
    scene: Scene,
}

/// The view's own state: the selection, the filter, a drag under way.
pub struct StakeholdersView {
    pub selected: Option<StakeholderId>,
    pub relation: Option<RelationId>,
    /// The kinds of relation shown.
    pub shown: Vec<RelationKind>,
    /// The box being dragged, and where it is now (map units).
    drag: Option<(StakeholderId, egui::Pos2)>,
    painted: Option<Painted>,
}

impl Default for StakeholdersView {
    fn default() -> Self {
        Self {
            selected: None,
            relation: None,
            shown: RelationKind::ALL.to_vec(),
            drag: None,
            painted: None,
        }
    }
}

impl StakeholdersView {
    /// Lays out and paints the map unless the kept one is still right.
    fn painted(&mut self, project: &Project, revision: u64, text: &mut TextMeasurer) -> &Painted {
        let lang = i18n::Language::of_text(&project.language);
        let highlight = Highlight {
            stakeholder: self.selected,
            relation: self.relation,
        };
        let key = (revision, self.shown.clone(), lang, highlight);
        if self.painted.as_ref().is_none_or(|p| p.key != key) {
            let layout = lay_out_stakeholders(project, &self.shown, lang, text);
            let scene = crate::render::stakeholder_map(&layout, &Theme::default(), highlight);
            self.painted = Some(Painted { key, layout, scene });
        }
        self.painted.as_ref().expect("painted just now")
    }

    /// The toolbar: back to the map, a new stakeholder, the filter by kind.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, answers: &mut Vec<StakeholderAnswer>) {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr("personas.back")).clicked() {
                answers.push(StakeholderAnswer::Back);
            }
            ui.separator();
            ui.heading(tr("stakeholders.title"));
            ui.separator();
            if ui.button(tr("stakeholders.new")).clicked() {
                answers.push(StakeholderAnswer::Add {
                    ring: Ring::Direct,
                    angle: None,
                });
            }
            ui.separator();
            ui.label(tr("stakeholders.show"));
            let lang = i18n::language();
            for kind in RelationKind::ALL {
                let mut on = self.shown.contains(&kind);
                if ui
                    .checkbox(&mut on, i18n::relation_kind_name(lang, kind))
                    .changed()
                {
                    if on {
                        self.shown.push(kind);
                    } else {
                        self.shown.retain(|k| *k != kind);
                    }
                }
            }
        });
        ui.weak(tr("stakeholders.hint"));
    }

    /// The stakeholder map view of `project`; returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        text: &mut TextMeasurer,
    ) -> Vec<StakeholderAnswer> {
        let mut answers = Vec::new();
        if self
            .selected
            .is_some_and(|id| project.stakeholder(id).is_none())
        {
            self.selected = None;
        }
        if self
            .relation
            .is_some_and(|id| !project.relations.iter().any(|r| r.id == id))
        {
            self.relation = None;
        }
        self.toolbar_ui(ui, &mut answers);
        let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click());
        background.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr("stakeholders.title"))
        });
        let area = background.rect;
        let drag = self.drag;
        let painted = self.painted(project, revision, text);
        let size = painted.scene.size;
        let scale = (area.width() / size.x)
            .min(area.height() / size.y)
            .max(0.05);
        let offset = area.center().to_vec2() - size * scale / 2.0;
        let to_screen = TSTransform::new(offset, scale);
        painter.rect_filled(area, 0.0, ui.visuals().extreme_bg_color);
        crate::ui::paint_scene(&painter, &painted.scene, to_screen, area);
        let layout = painted.layout.clone();
        // A box being dragged follows the pointer, drawn over the map.
        if let Some((id, at)) = drag
            && let Some(node) = layout.nodes.iter().find(|n| n.id == id)
        {
            let rect = to_screen * egui::Rect::from_center_size(at, node.rect.size());
            painter.rect(
                rect,
                6.0 * scale,
                ui.visuals().extreme_bg_color.gamma_multiply(0.8),
                egui::Stroke::new(2.0, ui.visuals().selection.bg_fill),
                egui::StrokeKind::Inside,
            );
        }
        self.nodes_ui(ui, project, (&layout, to_screen), &mut answers);
        self.relations_ui(ui, project, (&layout, to_screen), &mut answers);
        if background.clicked() {
            self.selected = None;
            self.relation = None;
            answers.push(StakeholderAnswer::Select(None));
        }
        if background.double_clicked()
            && let Some(p) = background.interact_pointer_pos()
        {
            let (ring, angle) = layout.place_at(to_screen.inverse() * p);
            answers.push(StakeholderAnswer::Add {
                ring,
                angle: Some(angle),
            });
        }
        answers
    }

    /// Each stakeholder's box: named for screen readers, selected by a click, dragged to another
    /// place (snapped to the nearest ring when let go).
    fn nodes_ui(
        &mut self,
        ui: &egui::Ui,
        project: &Project,
        (layout, to_screen): (&StakeholderLayout, TSTransform),
        answers: &mut Vec<StakeholderAnswer>,
    ) {
        for node in &layout.nodes {
            let Some(stakeholder) = project.stakeholder(node.id) else {
                continue;
            };
            let response = ui
                .interact(
                    to_screen * node.rect,
                    Id::unique(("stakeholder", node.id)),
                    Sense::click_and_drag(),
                )
                .on_hover_cursor(egui::CursorIcon::Grab);
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.selected == Some(node.id),
                    tr_args("stakeholders.node", &[("name", &stakeholder.name)]),
                )
            });
            if response.clicked() {
                self.selected = Some(node.id);
                self.relation = None;
                answers.push(StakeholderAnswer::Select(Some(node.id)));
            }
            if response.dragged() {
                let grab = self
                    .drag
                    .filter(|(id, _)| *id == node.id)
                    .map_or(node.rect.center(), |(_, at)| at);
                let moved = grab + response.drag_delta() / to_screen.scaling;
                self.drag = Some((node.id, moved));
            }
            if response.drag_stopped()
                && let Some((id, at)) = self.drag.take()
                && id == node.id
            {
                let (ring, angle) = layout.place_at(at);
                self.selected = Some(node.id);
                answers.push(StakeholderAnswer::Change {
                    stakeholder: Box::new(Stakeholder {
                        ring,
                        angle,
                        ..stakeholder.clone()
                    }),
                    merge: None,
                });
            }
        }
    }

    /// Each relation's line: a click near its middle selects it.
    fn relations_ui(
        &mut self,
        ui: &egui::Ui,
        project: &Project,
        (layout, to_screen): (&StakeholderLayout, TSTransform),
        answers: &mut Vec<StakeholderAnswer>,
    ) {
        for line in &layout.relations {
            let Some(relation) = project.relations.iter().find(|r| r.id == line.id) else {
                continue;
            };
            let name = |id| project.stakeholder(id).map_or("", |s| s.name.as_str());
            let middle = to_screen * line.from.lerp(line.to, 0.5);
            let response = ui.interact(
                egui::Rect::from_center_size(middle, egui::vec2(24.0, 24.0)),
                Id::unique(("relation", line.id)),
                Sense::click(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.relation == Some(line.id),
                    tr_args(
                        "stakeholders.relation_node",
                        &[("from", &name(relation.from)), ("to", &name(relation.to))],
                    ),
                )
            });
            if response.clicked() {
                self.relation = Some(line.id);
                self.selected = None;
                answers.push(StakeholderAnswer::SelectRelation(line.id));
            }
        }
    }
}
