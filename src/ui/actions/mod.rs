//! The actions view: what the map asks the organisation to do. A list of opportunities with
//! their actions, the impact × effort matrix (a dot dragged to another cell re-scores its
//! action) and the roadmap by quarter and owner, both drawn by the one painter that prints them;
//! filters by owner, status and map; the selection is edited in the right panel (`editor`).

mod editor;
mod editor_links;
mod list;

pub use editor::action_editor_ui;

use egui::{Id, Pos2, Rect, Sense, emath::TSTransform};

use crate::analysis::priority::Filter;
use crate::i18n::{self, tr, tr_args};
use crate::layout::TextMeasurer;
use crate::layout::actions::{
    PriorityLayout, TimelineLayout, lay_out_priorities, lay_out_timeline,
};
use crate::model::{
    Action, ActionId, ActionStatus, CardId, Opportunity, OpportunityId, Project, Quadrant, StageId,
};
use crate::render::{Scene, Theme};

/// What the user did in the actions view or its editor.
#[derive(Clone, Debug, PartialEq)]
pub enum ActionAnswer {
    Select(Option<ActionId>),
    SelectOpportunity(Option<OpportunityId>),
    /// A new action, on this opportunity when given.
    Add(Option<OpportunityId>),
    AddOpportunity,
    /// The action as edited, with the key that merges typing into one undo step.
    Change {
        action: Box<Action>,
        merge: Option<u64>,
    },
    /// A dot dragged (or moved by the arrow keys) to another cell of the matrix.
    Score {
        id: ActionId,
        impact: u8,
        effort: u8,
    },
    Delete(ActionId),
    ChangeOpportunity {
        opportunity: Box<Opportunity>,
        merge: Option<u64>,
    },
    DeleteOpportunity(OpportunityId),
    /// Show the actions view, with this action selected.
    Open(Option<ActionId>),
    /// Show a card the action addresses on its map.
    ShowCard(CardId),
    /// Show a stage the action addresses on its map.
    ShowStage(StageId),
    /// Back to the map.
    Back,
}

/// Which part of the actions view shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    #[default]
    List,
    Matrix,
    Roadmap,
}

/// The matrix or the roadmap as laid out and painted, kept while nothing it shows changes.
enum Drawing {
    Matrix(PriorityLayout),
    Roadmap(TimelineLayout),
}

struct Painted {
    key: (u64, Tab, Filter, i18n::Language, Option<ActionId>),
    drawing: Drawing,
    scene: Scene,
}

/// The view's own state: the part on show, the selection, the filter, a drag under way.
#[derive(Default)]
pub struct ActionsView {
    pub tab: Tab,
    pub selected: Option<ActionId>,
    pub opportunity: Option<OpportunityId>,
    pub filter: Filter,
    /// The dot being dragged and where it is now (matrix units).
    drag: Option<(ActionId, Pos2)>,
    painted: Option<Painted>,
    /// What is typed in a date field of the selected action that is not a date yet.
    pub(crate) typed: editor::Typed,
}

impl ActionsView {
    /// The view of `project`'s actions; returns what the user did.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        text: &mut TextMeasurer,
    ) -> Vec<ActionAnswer> {
        let mut answers = Vec::new();
        if self.selected.is_some_and(|id| project.action(id).is_none()) {
            self.selected = None;
        }
        if self
            .opportunity
            .is_some_and(|id| project.opportunity(id).is_none())
        {
            self.opportunity = None;
        }
        self.toolbar_ui(ui, &mut answers);
        self.filter_ui(ui, project);
        ui.separator();
        match self.tab {
            Tab::List => list::ui(ui, project, self, &mut answers),
            Tab::Matrix | Tab::Roadmap => {
                self.drawing_ui(ui, project, revision, text, &mut answers);
            }
        }
        answers
    }

    /// Back to the map, the title, new things, and the three parts.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, answers: &mut Vec<ActionAnswer>) {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr("personas.back")).clicked() {
                answers.push(ActionAnswer::Back);
            }
            ui.separator();
            ui.heading(tr("actions.title"));
            ui.separator();
            if ui.button(tr("actions.new")).clicked() {
                answers.push(ActionAnswer::Add(self.opportunity));
            }
            if ui.button(tr("actions.new_opportunity")).clicked() {
                answers.push(ActionAnswer::AddOpportunity);
            }
            ui.separator();
            ui.selectable_value(&mut self.tab, Tab::List, tr("actions.tab.list"));
            ui.selectable_value(&mut self.tab, Tab::Matrix, tr("actions.tab.matrix"));
            ui.selectable_value(&mut self.tab, Tab::Roadmap, tr("actions.tab.roadmap"));
        });
    }

    /// Only the actions of one owner, of one status, on one map.
    fn filter_ui(&mut self, ui: &mut egui::Ui, project: &Project) {
        let lang = i18n::language();
        let all = tr("actions.filter.all");
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("actions.filter.owner"));
            egui::ComboBox::from_id_salt("actions-owner")
                .selected_text(self.filter.owner.clone().unwrap_or_else(|| all.to_string()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.owner, None, all.as_ref());
                    for owner in crate::analysis::lens::owners(project) {
                        let text = owner.clone();
                        ui.selectable_value(&mut self.filter.owner, Some(owner), text);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(tr("actions.filter.status"));
            egui::ComboBox::from_id_salt("actions-status")
                .selected_text(self.filter.status.map_or_else(
                    || all.to_string(),
                    |s| i18n::action_status_name(lang, s).into_owned(),
                ))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.status, None, all.as_ref());
                    for status in ActionStatus::ALL {
                        ui.selectable_value(
                            &mut self.filter.status,
                            Some(status),
                            i18n::action_status_name(lang, status),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if project.maps.len() > 1 {
                let label = ui.label(tr("actions.filter.map"));
                let name = |id| {
                    project
                        .map(id)
                        .map_or_else(String::new, |m| m.title.clone())
                };
                egui::ComboBox::from_id_salt("actions-map")
                    .selected_text(self.filter.map.map_or_else(|| all.to_string(), name))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.filter.map, None, all.as_ref());
                        for map in &project.maps {
                            ui.selectable_value(&mut self.filter.map, Some(map.id), &map.title);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            if self.filter != Filter::default() && ui.button(tr("actions.filter.clear")).clicked() {
                self.filter = Filter::default();
            }
        });
    }

    /// The actions the filter lets through, ranked.
    pub fn shown<'a>(&self, project: &'a Project) -> Vec<&'a Action> {
        crate::analysis::priority::ranked(
            project
                .actions
                .iter()
                .filter(|a| self.filter.passes(project, a)),
        )
    }

    /// Lays out and paints the matrix or the roadmap unless the kept one is still right.
    fn painted(&mut self, project: &Project, revision: u64, text: &mut TextMeasurer) -> &Painted {
        let lang = i18n::Language::of_text(&project.language);
        let key = (revision, self.tab, self.filter.clone(), lang, self.selected);
        if self.painted.as_ref().is_none_or(|p| p.key != key) {
            let shown = self.shown(project);
            let theme = Theme::default();
            let (drawing, scene) = if self.tab == Tab::Roadmap {
                let layout = lay_out_timeline(project, &shown, lang, text);
                let scene = crate::render::actions::action_timeline(&layout, &theme, self.selected);
                (Drawing::Roadmap(layout), scene)
            } else {
                let layout = lay_out_priorities(project, &shown, lang, text);
                let scene = crate::render::actions::priority_matrix(&layout, &theme, self.selected);
                (Drawing::Matrix(layout), scene)
            };
            self.painted = Some(Painted {
                key,
                drawing,
                scene,
            });
        }
        self.painted.as_ref().expect("painted just now")
    }

    /// The matrix or the roadmap, fitted to the room, with its dots or bars to click.
    fn drawing_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        revision: u64,
        text: &mut TextMeasurer,
        answers: &mut Vec<ActionAnswer>,
    ) {
        let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click());
        let name = if self.tab == Tab::Roadmap {
            tr("timeline.title")
        } else {
            tr("priority.title")
        };
        background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, &name));
        let area = background.rect;
        let painted = self.painted(project, revision, text);
        let size = painted.scene.size;
        let scale = (area.width() / size.x)
            .min(area.height() / size.y)
            .clamp(0.05, 2.0);
        let offset = area.center().to_vec2() - size * scale / 2.0;
        let to_screen = TSTransform::new(offset, scale);
        painter.rect_filled(area, 0.0, ui.visuals().extreme_bg_color);
        crate::ui::paint_scene(&painter, &painted.scene, to_screen, area);
        match &painted.drawing {
            Drawing::Matrix(layout) => {
                let layout = layout.clone();
                self.dots_ui(ui, &painter, project, (&layout, to_screen), answers);
                self.ranks_ui(ui, project, (&layout, to_screen), answers);
            }
            Drawing::Roadmap(layout) => {
                let layout = layout.clone();
                self.bars_ui(ui, project, (&layout, to_screen), answers);
            }
        }
        if background.clicked() {
            self.selected = None;
            answers.push(ActionAnswer::Select(None));
        }
    }

    /// Each dot of the matrix: named for screen readers, selected by a click, dragged to
    /// another cell (one undo step when let go), moved a cell by the arrow keys while focused.
    fn dots_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        project: &Project,
        (layout, to_screen): (&PriorityLayout, TSTransform),
        answers: &mut Vec<ActionAnswer>,
    ) {
        let lang = i18n::language();
        for dot in &layout.dots {
            let Some(action) = project.action(dot.action) else {
                continue;
            };
            let rect = to_screen
                * Rect::from_center_size(dot.centre, egui::Vec2::splat(2.0 * dot.radius + 4.0));
            let response = ui
                .interact(
                    rect,
                    Id::unique(("action-dot", dot.action)),
                    Sense::click_and_drag(),
                )
                .on_hover_cursor(egui::CursorIcon::Grab)
                .on_hover_text(dot_words(action, lang));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.selected == Some(dot.action),
                    dot_words(action, lang),
                )
            });
            if response.clicked() {
                self.select(Some(dot.action), answers);
            }
            if response.has_focus()
                && let Some((impact, effort)) = arrow_score(ui, response.id, action)
            {
                answers.push(ActionAnswer::Score {
                    id: dot.action,
                    impact,
                    effort,
                });
            }
            if response.drag_started() {
                self.select(Some(dot.action), answers);
            }
            if response.dragged() {
                let at = self
                    .drag
                    .filter(|(id, _)| *id == dot.action)
                    .map_or(dot.centre, |(_, at)| at);
                self.drag = Some((dot.action, at + response.drag_delta() / to_screen.scaling));
            }
            if let Some((id, at)) = self.drag
                && id == dot.action
            {
                // Where it would land: the cell lit, the dot drawn there.
                if let Some((impact, effort)) = layout.score_at(at) {
                    let cell = layout.plot.width() / 5.0;
                    let centre = layout.cell_centre(impact, effort);
                    painter.rect_stroke(
                        to_screen * Rect::from_center_size(centre, egui::Vec2::splat(cell)),
                        2.0,
                        egui::Stroke::new(2.0, ui.visuals().selection.bg_fill),
                        egui::StrokeKind::Inside,
                    );
                }
                painter.circle(
                    to_screen * at,
                    dot.radius * to_screen.scaling,
                    ui.visuals().selection.bg_fill.gamma_multiply(0.7),
                    egui::Stroke::new(1.5, ui.visuals().strong_text_color()),
                );
            }
            if response.drag_stopped()
                && let Some((id, at)) = self.drag.take()
                && id == dot.action
                && let Some((impact, effort)) = layout.score_at(at)
                && (impact, effort) != (action.impact, action.effort)
            {
                answers.push(ActionAnswer::Score { id, impact, effort });
            }
        }
    }

    /// Each row of the ranked list beside the matrix: a click selects its action.
    fn ranks_ui(
        &mut self,
        ui: &egui::Ui,
        project: &Project,
        (layout, to_screen): (&PriorityLayout, TSTransform),
        answers: &mut Vec<ActionAnswer>,
    ) {
        for (place, row) in layout.list.iter().enumerate() {
            let Some(action) = project.action(row.action) else {
                continue;
            };
            let bottom = row.meta.pos.y + row.meta.block.size.y;
            let right = row.title.pos.x + row.title.block.size.x.max(row.meta.block.size.x);
            let rect = Rect::from_min_max(row.number.pos, egui::pos2(right, bottom));
            let response = ui.interact(
                to_screen * rect,
                Id::unique(("action-rank", row.action)),
                Sense::click(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.selected == Some(row.action),
                    format!("{}. {}", place + 1, action.title.trim()),
                )
            });
            if response.clicked() {
                self.select(Some(row.action), answers);
            }
        }
    }

    /// Each bar of the roadmap: a click selects its action.
    fn bars_ui(
        &mut self,
        ui: &egui::Ui,
        project: &Project,
        (layout, to_screen): (&TimelineLayout, TSTransform),
        answers: &mut Vec<ActionAnswer>,
    ) {
        let lang = i18n::language();
        for bar in &layout.bars {
            let Some(action) = project.action(bar.action) else {
                continue;
            };
            let response = ui.interact(
                to_screen * bar.rect,
                Id::unique(("action-bar", bar.action)),
                Sense::click(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    self.selected == Some(bar.action),
                    tr_args(
                        "actions.bar",
                        &[
                            ("title", &action.title.trim()),
                            (
                                "owner",
                                &crate::report::actions::owner_name(project, action, lang),
                            ),
                            ("status", &i18n::action_status_name(lang, action.status)),
                        ],
                    ),
                )
            });
            if response.clicked() {
                self.select(Some(bar.action), answers);
            }
        }
    }

    fn select(&mut self, id: Option<ActionId>, answers: &mut Vec<ActionAnswer>) {
        self.selected = id;
        if id.is_some() {
            self.opportunity = None;
        }
        answers.push(ActionAnswer::Select(id));
    }
}

/// The scores the arrow keys move a focused dot to (up and down: impact; right and left:
/// effort), when they move it; the arrows are the dot's while it has the focus.
fn arrow_score(ui: &egui::Ui, id: Id, action: &Action) -> Option<(u8, u8)> {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let step = |key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    let (mut impact, mut effort) = (action.impact.max(1), action.effort.max(1));
    let from = (impact, effort);
    if step(egui::Key::ArrowUp) {
        impact = (impact + 1).min(5);
    }
    if step(egui::Key::ArrowDown) {
        impact = impact.saturating_sub(1).max(1);
    }
    if step(egui::Key::ArrowRight) {
        effort = (effort + 1).min(5);
    }
    if step(egui::Key::ArrowLeft) {
        effort = effort.saturating_sub(1).max(1);
    }
    ((impact, effort) != from).then_some((impact, effort))
}

/// A dot as a screen reader says it: "Online schadeformulier: impact 4, effort 2, quick win".
fn dot_words(action: &Action, lang: i18n::Language) -> String {
    let quadrant = Quadrant::of(action.impact, action.effort)
        .map(|q| i18n::quadrant_name(lang, q).into_owned())
        .unwrap_or_default();
    tr_args(
        "actions.dot",
        &[
            ("title", &action.title.trim()),
            ("impact", &action.impact),
            ("effort", &action.effort),
            ("quadrant", &quadrant),
        ],
    )
}
