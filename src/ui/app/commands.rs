//! The one queue of app actions. Menus, shortcuts, the palette, the toolbar, the canvas, the
//! panels and the dialogs push [`AppAction`]s during the frame; [`KlantreisApp::apply_actions`]
//! carries them out after it, in order, in this one place.

use super::{KlantreisApp, Pending};
use crate::edit::{Edit, ops};
use crate::i18n::{self, Language, tr};
use crate::model::MapKind;
use crate::report::Link;
use crate::ui::canvas::CanvasAction;
use crate::ui::command::Command;
use crate::ui::dialogs::{Chosen, Help, Palette, Recover, SettingsDialog, Unsaved};
use crate::ui::selection::Selection;
use crate::ui::toolbox::ToolboxItem;

/// Something the user asked for, to be carried out after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// A command from the menu, a shortcut, the toolbar, the palette or a context menu.
    Command(Command),
    /// A change made on the canvas.
    Canvas(CanvasAction),
    /// An edit made in a panel (the inspector, the project's title).
    Edit {
        label: String,
        merge: Option<u64>,
        edit: Edit,
    },
    /// Text from the clipboard to paste.
    Paste(String),
    /// Something that would throw away unsaved changes (asks first when there are any).
    Request(Pending),
    /// Show the map at this position.
    SelectMap(usize),
    AddMap(MapKind),
    DuplicateMap(usize),
    /// Move the map at `from` to `to`.
    MoveMap {
        from: usize,
        to: usize,
    },
    DeleteMap(usize),
    /// A toolbox item clicked: added at the selection.
    Toolbox(ToolboxItem),
    /// Something named in the analysis, to select on the map.
    Pick(Link),
    /// The curve that clicks and strokes on the emotion lane draw, chosen in the inspector.
    DrawOn(crate::model::CurveId),
    /// The answer to "Save changes?".
    Unsaved(Unsaved),
    /// The answer to "Restore unsaved work?".
    Recover(Recover),
    /// The command palette's answer.
    Palette(Chosen),
    /// The built-in file field's answer.
    FileField(crate::ui::dialogs::FieldAnswer),
    /// The settings window's answer.
    Settings(crate::ui::dialogs::SettingsAnswer),
    /// A help window was closed.
    Help(crate::ui::dialogs::Closed),
    /// The language chosen at the first start.
    FirstLanguage(Language),
    /// The start screen's answer.
    Start(crate::ui::start::StartAnswer),
    /// The guided tour's answer.
    Tour(crate::ui::dialogs::TourAnswer),
    /// Take a project that moved or vanished off the recent list.
    ForgetRecent(std::path::PathBuf),
    /// Lay a department's lens over the map (`None`: take it off).
    Lens(Option<String>),
    /// A step through the presenter view.
    Presenter(crate::ui::workshop::PresenterKey),
    /// The export dialog's Export button: ask where, then export.
    ChooseExport {
        file_name: String,
        extension: &'static str,
    },
    /// Something done in the personas view or its editor.
    Persona(crate::ui::personas::PersonaAnswer),
    /// Something done on the stakeholder map or in its editor.
    Stakeholder(crate::ui::stakeholders::StakeholderAnswer),
    /// What the research view asked.
    Research(crate::ui::research::ResearchAnswer),
    /// Something done in the actions view or its editor.
    Action(crate::ui::actions::ActionAnswer),
    /// The mapping step's answer.
    Import(crate::ui::dialogs::ImportAnswer),
    /// The answer to a re-import's changes.
    Reimport(crate::ui::dialogs::ReimportAnswer),
    /// What the Versions tab asked.
    Versions(crate::ui::panels::VersionsAnswer),
    /// What the Comments tab asked.
    Review(crate::ui::review::ReviewAnswer),
    /// A review file to import (dropped on the window).
    ImportReview(std::path::PathBuf),
    /// The answer of a journey grid's import step.
    Grid(crate::ui::dialogs::GridAnswer),
    /// Evidence dropped on a card of the map.
    LinkEvidence {
        card: crate::model::CardId,
        evidence: crate::model::EvidenceId,
    },
    /// The answer of the dialog that copies personas.
    CopyPersonas(crate::ui::personas::CopyAnswer),
    /// Back to the map at this place in the breadcrumb trail.
    Crumb(usize),
    /// A message for the user.
    Notify {
        message: String,
        error: bool,
    },
}

/// Shortcuts that no text field takes, as commands.
pub(super) fn shortcuts(ctx: &egui::Context, actions: &mut Vec<AppAction>) {
    let typing = text_field_focused(ctx);
    for &(shortcut, command) in Command::bindings() {
        if typing && command.yields_to_text_fields() {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            actions.push(AppAction::Command(command));
        }
    }
}

/// Whether a text field has the keyboard (it keeps Ctrl+Z, Ctrl+C, Delete ... for itself).
/// Any other widget with focus (the map, a button) leaves every shortcut to the app: egui's
/// own "wants keyboard input" is true for those too, which made shortcuts depend on what was
/// last clicked.
fn text_field_focused(ctx: &egui::Context) -> bool {
    ctx.memory(egui::Memory::focused)
        .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some())
}

/// Clipboard events from the window (Ctrl+C, Ctrl+X, Ctrl+V, or the system's menu) when no
/// text field has them.
pub(super) fn clipboard_events(ctx: &egui::Context, actions: &mut Vec<AppAction>) {
    if text_field_focused(ctx) {
        return;
    }
    ctx.input(|i| {
        for event in &i.events {
            match event {
                egui::Event::Copy => actions.push(AppAction::Command(Command::Copy)),
                egui::Event::Cut => actions.push(AppAction::Command(Command::Cut)),
                egui::Event::Paste(text) => actions.push(AppAction::Paste(text.clone())),
                _ => {}
            }
        }
    });
}

impl KlantreisApp {
    /// Carries out the actions of this frame, and those they lead to, in order.
    pub(super) fn apply_actions(&mut self, ctx: &egui::Context) {
        // What an action did shows in the next frame, even when no input comes to ask for one
        // (a dialog opened after the system's file dialog returned).
        if !self.actions.is_empty() {
            ctx.request_repaint();
        }
        // An action may queue more (a context menu's command); those run in the same pass.
        while !self.actions.is_empty() {
            for action in std::mem::take(&mut self.actions) {
                self.apply_action(action, ctx);
            }
        }
    }

    fn apply_action(&mut self, action: AppAction, ctx: &egui::Context) {
        // A snapshot on show is read-only: what would change the map waits until the user is
        // back on it.
        if self.viewed_snapshot().is_some()
            && matches!(
                action,
                AppAction::Canvas(_)
                    | AppAction::Edit { .. }
                    | AppAction::Paste(_)
                    | AppAction::Toolbox(_)
                    | AppAction::LinkEvidence { .. }
                    | AppAction::Command(
                        Command::Cut
                            | Command::Paste
                            | Command::Delete
                            | Command::Duplicate
                            | Command::AddCard
                            | Command::AddStage
                            | Command::AddLane
                    )
            )
        {
            self.notify(tr("notice.snapshot_read_only"));
            return;
        }
        match action {
            AppAction::Command(command) => self.run(command, ctx),
            AppAction::Canvas(action) => self.canvas_action(action),
            AppAction::Edit { label, merge, edit } => self.apply_merging(&label, merge, edit),
            AppAction::Paste(text) => self.paste_text(&text),
            AppAction::Request(pending) => self.request(pending, ctx),
            AppAction::SelectMap(i) => {
                if i != self.current_map {
                    self.show_map(i);
                }
                self.view = super::View::Map;
                self.trail.clear();
            }
            AppAction::AddMap(kind) => self.add_map(kind),
            AppAction::DuplicateMap(i) => self.duplicate_map(i),
            AppAction::MoveMap { from, to } => self.move_map(from, to),
            AppAction::DeleteMap(i) => self.delete_map(i),
            AppAction::Toolbox(item) => self.add_from_toolbox(item),
            AppAction::Pick(link) => self.pick(link),
            AppAction::DrawOn(curve) => self.canvas.draw_on(curve, &mut self.selection),
            AppAction::Unsaved(answer) => self.answer_unsaved(answer, ctx),
            AppAction::Recover(answer) => self.answer_recovery(answer),
            AppAction::Palette(Chosen::Run(command)) => {
                self.dialogs.palette = None;
                self.run(command, ctx);
            }
            AppAction::Palette(Chosen::Close) => self.dialogs.palette = None,
            AppAction::FileField(answer) => self.answer_file_field(answer, ctx),
            AppAction::Settings(answer) => self.answer_settings(answer, ctx),
            AppAction::Help(_) => self.dialogs.help = None,
            AppAction::FirstLanguage(language) => self.answer_first_language(language),
            AppAction::Start(answer) => self.answer_start(answer, ctx),
            AppAction::Tour(answer) => self.answer_tour(answer),
            AppAction::Presenter(key) => self.present(key),
            AppAction::ForgetRecent(path) => self.forget_recent(&path),
            AppAction::Lens(owner) => self.lens = owner,
            AppAction::ChooseExport {
                file_name,
                extension,
            } => self.choose_export(&file_name, extension),
            AppAction::Persona(answer) => self.answer_persona(answer, ctx),
            AppAction::CopyPersonas(answer) => self.answer_copy_personas(answer),
            AppAction::Stakeholder(answer) => self.answer_stakeholder(answer, ctx),
            AppAction::Action(answer) => self.answer_action(answer, ctx),
            AppAction::Research(answer) => self.answer_research(answer),
            AppAction::Import(answer) => self.answer_import(answer),
            AppAction::Reimport(answer) => self.answer_reimport(answer),
            AppAction::Versions(answer) => self.answer_versions(answer),
            AppAction::Review(answer) => self.answer_review(answer, ctx),
            AppAction::ImportReview(path) => self.import_review(&path),
            AppAction::Grid(answer) => self.answer_grid(answer),
            AppAction::LinkEvidence { card, evidence } => self.link_evidence(card, evidence),
            AppAction::Crumb(index) => self.back_to_crumb(index),
            AppAction::Notify { message, error } => {
                if error {
                    self.notify_error(message);
                } else {
                    self.notify(message);
                }
            }
        }
    }

    /// Shows the map at `index` with a fresh view and nothing selected.
    pub(super) fn show_map(&mut self, index: usize) {
        self.view = super::View::Map;
        self.versions.viewing = None;
        self.versions.comparing = None;
        self.current_map = index;
        self.canvas = crate::ui::canvas::MapCanvas::default();
        self.selection = Selection::default();
    }

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        if self.view == super::View::Personas && self.run_in_personas(command, ctx) {
            return;
        }
        if self.view == super::View::Stakeholders && self.run_in_stakeholders(command, ctx) {
            return;
        }
        if self.view == super::View::Actions && self.run_in_actions(command, ctx) {
            return;
        }
        if matches!(self.view, super::View::Overview | super::View::Research)
            && self.run_in_overview(command)
        {
            return;
        }
        match command {
            Command::NewJourney => self.request(Pending::New(MapKind::CustomerJourney), ctx),
            Command::NewExperience => self.request(Pending::New(MapKind::CustomerExperience), ctx),
            Command::NewBlueprint => self.request(Pending::New(MapKind::ServiceBlueprint), ctx),
            Command::Open => self.request(Pending::Open(None), ctx),
            Command::Save => {
                self.save_then(None);
            }
            Command::SaveAs => {
                self.save_as(None);
            }
            Command::Export => {
                let remembered = self.settings.exports.get(&self.export_key()).cloned();
                self.dialogs.export.show_with(remembered, self.lens.clone());
            }
            Command::Undo => {
                if self.doc.undo().is_none() {
                    self.notify(tr("notice.nothing_to_undo"));
                }
            }
            Command::Redo => {
                if self.doc.redo().is_none() {
                    self.notify(tr("notice.nothing_to_redo"));
                }
            }
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                if let Some(map) = self.doc.project.maps.get(self.current_map) {
                    self.selection = Selection::of_cards(map.cards.iter().map(|c| c.id));
                }
            }
            Command::Duplicate => {
                let Some(map) = self.doc.project.maps.get(self.current_map) else {
                    return;
                };
                let ids = self.selection.card_ids();
                if ids.is_empty() {
                    return;
                }
                let (edit, new_ids) = ops::duplicate_cards(map, &ids);
                self.apply(&tr("undo.duplicate"), edit);
                self.selection = Selection::of_cards(new_ids);
            }
            Command::Copy => {
                self.copy_selection(ctx);
            }
            Command::Cut => {
                if self.copy_selection(ctx)
                    && let Some(map) = self.doc.project.maps.get(self.current_map)
                {
                    let edit = ops::delete_cards(map, &self.selection.card_ids());
                    self.apply(&tr("undo.cut"), edit);
                }
            }
            // The window asks the system for the clipboard; its text comes back as a paste event.
            Command::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::LanguageSystem | Command::LanguageEnglish | Command::LanguageDutch => {
                let mut preferences = self.settings.preferences.clone();
                preferences.language = command.language().flatten();
                self.set_preferences(preferences, ctx);
            }
            Command::ThemeSystem | Command::ThemeLight | Command::ThemeDark => {
                let mut preferences = self.settings.preferences.clone();
                preferences.theme = command.theme().unwrap_or_default();
                self.set_preferences(preferences, ctx);
            }
            Command::Settings => {
                self.dialogs.settings = Some(SettingsDialog::new(&self.settings.preferences));
            }
            // Asks about unsaved work first, as closing the window does.
            Command::Quit => self.request(Pending::Close, ctx),
            Command::Shortcuts => self.dialogs.help = Some(Help::Shortcuts),
            Command::FocusMap => self.canvas.take_keyboard(),
            Command::WorkshopMode => self.toggle_workshop(ctx),
            Command::Present => self.toggle_presenting(ctx),
            Command::Tour => self.dialogs.tour = Some(crate::ui::dialogs::Tour::at(0)),
            Command::StartScreen => self.show_start_screen(),
            Command::About => self.dialogs.help = Some(Help::About),
            Command::AddStage => self.canvas_action(CanvasAction::AddStage { index: None }),
            Command::AddLane => self.canvas_action(CanvasAction::AddLane {
                kind: None,
                index: None,
            }),
            Command::AddCard => self.add_card_at_selection(),
            Command::ZoomFit => self.canvas.view_mut().fitted = true,
            Command::ZoomActual => self.zoom_to(1.0, ctx),
            Command::ZoomIn => self.zoom_to(self.canvas.view().zoom * 1.25, ctx),
            Command::ZoomOut => self.zoom_to(self.canvas.view().zoom / 1.25, ctx),
            Command::ShowMap => self.view = super::View::Map,
            Command::ShowPersonas => self.show_personas(None, ctx),
            Command::ShowStakeholders => self.show_stakeholders(None, ctx),
            Command::ShowResearch => self.show_research(ctx),
            Command::ShowActions => self.show_actions(None, ctx),
            Command::MakeAction => self.make_action(ctx),
            Command::ImportData => self.pick_data_file(),
            Command::ImportMap => self.pick_map_file(),
            Command::TakeSnapshot => self.take_snapshot(""),
            Command::ShowVersions => {
                self.view = super::View::Map;
                self.right_tab = super::RightTab::Versions;
            }
            Command::ShowComments => self.show_comments(),
            Command::ImportReview => self.pick_review_file(),
            Command::FilterUnevidenced => {
                let on = !self.canvas.unevidenced_only();
                self.canvas.set_unevidenced_only(on);
            }
            Command::ShowOverview => {
                if self.workshop.is_some() {
                    self.toggle_workshop(ctx);
                }
                self.start = None;
                self.view = super::View::Overview;
                self.selection = Selection::default();
            }
            Command::NewStakeholder => {
                self.show_stakeholders(None, ctx);
                self.answer_stakeholder(
                    crate::ui::stakeholders::StakeholderAnswer::Add {
                        ring: crate::model::Ring::Direct,
                        angle: None,
                    },
                    ctx,
                );
            }
            Command::NewPersona => {
                self.show_personas(None, ctx);
                self.answer_persona(crate::ui::personas::PersonaAnswer::Add, ctx);
            }
            Command::CommandPalette => {
                self.dialogs.palette = match self.dialogs.palette {
                    Some(_) => None,
                    None => Some(Palette::default()),
                };
            }
        }
    }

    /// Carries out `command` as the personas view means it; returns whether it did (else the
    /// command is the map's, and the map comes back to carry it out).
    fn run_in_personas(&mut self, command: Command, ctx: &egui::Context) -> bool {
        use crate::ui::personas::PersonaAnswer;
        let selected = self.personas.selected;
        match command {
            Command::Delete | Command::Duplicate => {
                if let Some(id) = selected {
                    let answer = if command == Command::Delete {
                        PersonaAnswer::Delete(id)
                    } else {
                        PersonaAnswer::Duplicate(id)
                    };
                    self.answer_persona(answer, ctx);
                }
                true
            }
            // Nothing of a persona goes through the clipboard as a map's cards do.
            Command::Cut | Command::Copy | Command::Paste | Command::SelectAll => true,
            _ => self.back_to_map_for(command),
        }
    }

    /// Leaves the overview for the map when `command` is the map's; returns whether the
    /// command is one the overview has nothing to act on (it is dropped).
    fn run_in_overview(&mut self, command: Command) -> bool {
        match command {
            Command::Cut
            | Command::Copy
            | Command::Paste
            | Command::SelectAll
            | Command::Duplicate
            | Command::Delete => true,
            _ => self.back_to_map_for(command),
        }
    }

    /// Shows the map again when `command` acts on it (adding, zooming, workshop mode), so it
    /// is carried out there; always `false`: the command still has to be run.
    pub(super) fn back_to_map_for(&mut self, command: Command) -> bool {
        if command.acts_on_the_map() {
            self.view = super::View::Map;
        }
        false
    }

    /// Deletes the selected cards, else the selected step, stage or lane.
    fn delete_selection(&mut self) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let sel = &self.selection;
        let deletion = if let Some(id) = sel.connector {
            Ok((
                tr("undo.delete_connector"),
                ops::set_connector(map, id, None),
            ))
        } else if !sel.cards.is_empty() {
            let label = if sel.cards.len() == 1 {
                tr("undo.delete_card")
            } else {
                tr("undo.delete_cards")
            };
            Ok((label, ops::delete_cards(map, &sel.card_ids())))
        } else if let Some((curve, index)) = sel.point {
            Ok((
                tr("undo.delete_point"),
                ops::edit_curve(map, curve, &[], &[], Some(index)),
            ))
        } else if let Some(stage) = sel.stage {
            if map.stages.len() > 1 {
                Ok((tr("undo.delete_stage"), ops::delete_stage(map, stage)))
            } else {
                Err(tr("notice.last_stage"))
            }
        } else if let Some(lane) = sel.lane {
            Ok((tr("undo.delete_lane"), ops::delete_lane(map, lane)))
        } else {
            return;
        };
        match deletion {
            Ok((label, edit)) => self.apply(&label, edit),
            Err(message) => self.notify(message),
        }
    }

    fn zoom_to(&mut self, zoom: f32, ctx: &egui::Context) {
        // Around the centre of the canvas (its offset is relative to the canvas, not the window).
        let view = self.canvas.view_mut();
        let rect = view.screen_rect.unwrap_or_else(|| ctx.content_rect());
        let factor = zoom / view.zoom;
        view.zoom_around(factor, rect.center(), rect);
    }

    /// Selects (and scrolls to) what the analysis named.
    fn pick(&mut self, link: Link) {
        let mut selection = Selection::default();
        match link {
            Link::Point(curve, index) => {
                selection.point = Some((curve, index));
                self.canvas.show_curve(curve);
            }
            Link::Target(crate::analysis::Target::Card(id)) => {
                selection.cards.insert(id);
            }
            Link::Target(crate::analysis::Target::Stage(id)) => selection.stage = Some(id),
            Link::Target(crate::analysis::Target::Map) => {}
        }
        self.selection = selection;
        if let Some(painted) = &self.painted {
            self.canvas.reveal(&self.selection, &painted.layout);
        }
    }

    /// Carries out `pending` now, without asking.
    pub(super) fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New(kind) => self.set_document(crate::ui::document::Document::new(
                crate::templates::new_project(kind, i18n::language()),
                None,
            )),
            Pending::Open(Some(path)) => self.open_now(&path),
            Pending::Example(index) => match crate::ui::start::load_example(index) {
                Ok(project) => {
                    self.set_document(crate::ui::document::Document::new(project, None));
                }
                Err(e) => self.notify_error(crate::ui::messages::file_error(&e)),
            },
            Pending::Open(None) => match self.files.pick_open() {
                Ok(Some(path)) => self.open_now(&path),
                Ok(None) => {}
                Err(_) => self.ask_with_field(super::FieldFor::Open, ""),
            },
            Pending::Close => {
                if let Some(entry) = &self.recovery.entry {
                    entry.clear();
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Carries out `pending`, first asking what to do with unsaved changes.
    pub(super) fn request(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            let dialog = crate::ui::dialogs::UnsavedDialog {
                name: self.doc.display_name(),
            };
            self.dialogs.unsaved = Some((dialog, pending));
        } else {
            self.proceed(pending, ctx);
        }
    }

    /// Does what the answer to "Save changes?" says.
    fn answer_unsaved(&mut self, answer: Unsaved, ctx: &egui::Context) {
        let Some((_, pending)) = self.dialogs.unsaved.take() else {
            return;
        };
        match answer {
            Unsaved::Save => {
                // When the file field has to ask where, it goes on once the save is done.
                if self.save_then(Some(pending.clone())) {
                    self.proceed(pending, ctx);
                }
            }
            Unsaved::Discard => self.proceed(pending, ctx),
            Unsaved::Cancel => {}
        }
    }
}
