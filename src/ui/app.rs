//! The application: the open document, its panels, commands and the canvas.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::edit::{Edit, clipboard, ops};
use crate::file::{self, Journal};
use crate::i18n::{self, Language, tr, tr_args, tr_count};
use crate::layout::{self, Layout, Metrics, TextMeasurer};
use crate::model::{Card, Lane, LaneKind, MapId, MapKind, Project, Stage};
use crate::render::{self, Scene, Theme};
use crate::templates;

use super::command::{Command, Menu};
use super::dialogs::{FileDialogs, NativeDialogs};
use super::document::Document;
use super::map_canvas::{CanvasAction, MapCanvas, TextTarget};
use super::toolbox::{self, CardTemplate, ToolboxItem};
use super::{analysis_panel, inspector, messages};

/// How long after the last edit the recovery journal is written.
const JOURNAL_DELAY: Duration = Duration::from_secs(3);
/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// The laid-out and painted map on show, kept until the document or the map changes.
struct Painted {
    map: MapId,
    revision: u64,
    hidden: Vec<crate::model::CurveId>,
    layout: Layout,
    scene: Scene,
    analysis: crate::analysis::Analysis,
}

/// Something the user asked for that would throw away unsaved changes.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    New(MapKind),
    Open(Option<PathBuf>),
    Close,
}

/// A message for the user.
#[derive(Clone, Debug, PartialEq)]
struct Notice {
    text: String,
    error: bool,
}

/// Settings kept between runs.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Settings {
    recent: Vec<PathBuf>,
    /// The interface language the user chose; `None` follows the system.
    language: Option<Language>,
    /// The last export settings of each project, by file path.
    exports: std::collections::BTreeMap<String, crate::export::ExportOptions>,
}

/// How the app is set up: real dialogs and data folder, or test doubles.
pub struct AppConfig {
    pub dialogs: Box<dyn FileDialogs>,
    /// Where the recovery journal lives; `None` turns it off.
    pub data_dir: Option<PathBuf>,
    /// The interface language, over the saved choice and the system's (tests fix it).
    pub language: Option<Language>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            data_dir: eframe::storage_dir("Klantreis"),
            language: None,
        }
    }
}

/// The Klantreis window.
pub struct KlantreisApp {
    doc: Document,
    current_map: usize,
    canvas: MapCanvas,
    text: TextMeasurer,
    theme: Theme,
    painted: Option<Painted>,
    notices: Vec<Notice>,
    window_title: String,
    dialogs: Box<dyn FileDialogs>,
    pending: Option<Pending>,
    palette: Option<String>,
    settings: Settings,
    allow_close: bool,
    journal: Option<Journal>,
    journaled_revision: u64,
    last_edit: Option<std::time::Instant>,
    recovered: Option<file::Recovered>,
    commands: Vec<Command>,
    /// The document revision the canvas selection was last checked against.
    pruned_revision: u64,
    /// The interface language in use.
    language: Language,
    /// What this window last put on the clipboard.
    last_copied: Option<String>,
    /// Whether the right panel shows the analysis instead of the inspector.
    analysis_shown: bool,
    export: super::export_dialog::ExportDialog,
}

impl KlantreisApp {
    /// The app with native dialogs and the user's data folder, opening `file` if given.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        Self::with_config(cc, file, AppConfig::default())
    }

    /// The app with the given dialogs and data folder (tests use this).
    pub fn with_config(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        config: AppConfig,
    ) -> Self {
        cc.egui_ctx.set_fonts(crate::fonts::definitions());
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let language = config
            .language
            .or(settings.language)
            .unwrap_or_else(Language::system);
        i18n::set_language(language);
        let journal = config.data_dir.map(Journal::new);
        let mut app = Self {
            doc: Document::new(
                templates::new_project(MapKind::CustomerJourney, language),
                None,
            ),
            current_map: 0,
            canvas: MapCanvas::default(),
            text: TextMeasurer::new(),
            theme: Theme::default(),
            painted: None,
            notices: Vec::new(),
            window_title: String::new(),
            dialogs: config.dialogs,
            pending: None,
            palette: None,
            settings,
            allow_close: false,
            journal,
            journaled_revision: 1,
            last_edit: None,
            recovered: None,
            commands: Vec::new(),
            pruned_revision: 0,
            language,
            last_copied: None,
            analysis_shown: false,
            export: super::export_dialog::ExportDialog::default(),
        };
        match app.journal.as_ref().map(Journal::read) {
            Some(Ok(Some(recovered))) => app.recovered = Some(recovered),
            Some(Err(e)) => {
                app.notify_error(tr_args(
                    "notice.journal_unreadable",
                    &[("error", &messages::file_error(&e))],
                ));
            }
            _ => {}
        }
        if let Some(path) = file {
            app.open_now(&path);
        }
        app
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.doc.project
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The canvas (selection, view).
    pub fn canvas(&self) -> &MapCanvas {
        &self.canvas
    }

    /// What this window last copied to the clipboard (tests paste it back).
    pub fn last_copied(&self) -> Option<&str> {
        self.last_copied.as_deref()
    }

    /// The interface language in use.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The language of the open project's own text (new maps are named in it).
    fn project_language(&self) -> Language {
        Language::of_text(&self.doc.project.language)
    }

    /// Runs a command as if chosen from the menu (next frame).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notices.push(Notice {
            text: text.into(),
            error: false,
        });
    }

    fn notify_error(&mut self, text: impl Into<String>) {
        let text = text.into();
        log::warn!("{text}");
        self.notices.push(Notice { text, error: true });
    }

    fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.current_map = 0;
        self.canvas = MapCanvas::default();
        self.painted = None;
        self.journaled_revision = self.doc.revision();
        self.last_edit = None;
    }

    fn open_now(&mut self, path: &Path) {
        match file::load(path) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    self.notify(messages::load_warning(w));
                }
                self.set_document(Document::new(loaded.project, Some(path.to_path_buf())));
                self.remember_recent(path);
            }
            Err(e) => self.notify_error(messages::file_error(&e)),
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Saves to `path`; returns whether it worked.
    fn save_to(&mut self, path: &Path) -> bool {
        let mut project = self.doc.project.clone();
        project.modified = crate::model::time::now_rfc3339();
        match file::save(&project, path) {
            Ok(()) => {
                self.doc.project.modified = project.modified;
                self.doc.mark_saved(path.to_path_buf());
                self.remember_recent(path);
                if let Some(j) = &self.journal {
                    j.clear();
                }
                self.journaled_revision = self.doc.revision();
                true
            }
            Err(e) => {
                self.notify_error(messages::file_error(&e));
                false
            }
        }
    }

    fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let name = if self.doc.project.title.is_empty() {
            "project".to_owned()
        } else {
            self.doc.project.title.clone()
        };
        let suggested = format!("{name}{}", file::FILE_EXTENSION);
        match self.dialogs.pick_save(&suggested) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    /// Carries out `pending` now, without asking.
    fn proceed(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New(kind) => {
                self.set_document(Document::new(
                    templates::new_project(kind, i18n::language()),
                    None,
                ));
            }
            Pending::Open(path) => {
                if let Some(path) = path.or_else(|| self.dialogs.pick_open()) {
                    self.open_now(&path);
                }
            }
            Pending::Close => {
                if let Some(j) = &self.journal {
                    j.clear();
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Carries out `pending`, first asking what to do with unsaved changes.
    fn request(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.pending = Some(pending);
        } else {
            self.proceed(pending, ctx);
        }
    }

    fn apply(&mut self, label: &str, edit: Edit) {
        self.apply_merging(label, None, edit);
    }

    fn apply_merging(&mut self, label: &str, merge: Option<u64>, edit: Edit) {
        match self.doc.apply_merging(label, merge, edit) {
            Ok(()) => self.last_edit = Some(std::time::Instant::now()),
            Err(e) => {
                self.notify_error(tr_args(
                    "notice.edit_failed",
                    &[("change", &label), ("error", &e)],
                ));
            }
        }
    }

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::NewJourney => self.request(Pending::New(MapKind::CustomerJourney), ctx),
            Command::NewExperience => self.request(Pending::New(MapKind::CustomerExperience), ctx),
            Command::NewBlueprint => self.request(Pending::New(MapKind::ServiceBlueprint), ctx),
            Command::Open => self.request(Pending::Open(None), ctx),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Export => {
                let remembered = self.settings.exports.get(&self.export_key()).cloned();
                self.export.show_with(remembered);
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
            Command::Delete => {
                let Some(map) = self.doc.project.maps.get(self.current_map) else {
                    return;
                };
                let sel = &self.canvas.selection;
                let deletion = if !sel.cards.is_empty() {
                    let ids: Vec<_> = sel.cards.iter().copied().collect();
                    let label = if ids.len() == 1 {
                        tr("undo.delete_card")
                    } else {
                        tr("undo.delete_cards")
                    };
                    Ok((label, ops::delete_cards(map, &ids)))
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
            Command::SelectAll => {
                if let Some(map) = self.doc.project.maps.get(self.current_map) {
                    self.canvas.selection = super::map_canvas::Selection {
                        cards: map.cards.iter().map(|c| c.id).collect(),
                        ..Default::default()
                    };
                }
            }
            Command::Duplicate => {
                let Some(map) = self.doc.project.maps.get(self.current_map) else {
                    return;
                };
                let ids: Vec<_> = self.canvas.selection.cards.iter().copied().collect();
                if ids.is_empty() {
                    return;
                }
                let (edit, new_ids) = ops::duplicate_cards(map, &ids);
                self.apply(&tr("undo.duplicate"), edit);
                self.canvas.selection.cards = new_ids.into_iter().collect();
            }
            Command::Copy => {
                self.copy_selection(ctx);
            }
            Command::Cut => {
                if self.copy_selection(ctx)
                    && let Some(map) = self.doc.project.maps.get(self.current_map)
                {
                    let ids: Vec<_> = self.canvas.selection.cards.iter().copied().collect();
                    let edit = ops::delete_cards(map, &ids);
                    self.apply(&tr("undo.cut"), edit);
                }
            }
            // The window asks the system for the clipboard; its text comes back as a paste event.
            Command::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::LanguageSystem | Command::LanguageEnglish | Command::LanguageDutch => {
                let chosen = command.language().flatten();
                self.settings.language = chosen;
                self.language = chosen.unwrap_or_else(Language::system);
                i18n::set_language(self.language);
            }
            Command::AddStage => self.canvas_action(CanvasAction::AddStage),
            Command::AddLane => self.canvas_action(CanvasAction::AddLane {
                kind: None,
                index: None,
            }),
            Command::AddCard => {
                let Some(map) = self.doc.project.maps.get(self.current_map) else {
                    return;
                };
                let sel = &self.canvas.selection;
                let lane = sel
                    .lane
                    .or_else(|| sel.cards.first().and_then(|c| map.card(*c)).map(|c| c.lane))
                    .or_else(|| map.lanes.first().map(|l| l.id));
                let stage = sel.stage.or_else(|| map.stages.first().map(|s| s.id));
                if let (Some(lane), Some(stage)) = (lane, stage) {
                    self.canvas_action(CanvasAction::AddCard {
                        lane,
                        stage,
                        template: None,
                    });
                }
            }
            Command::ZoomFit => self.canvas.view.fitted = true,
            Command::ZoomActual => self.zoom_to(1.0, ctx),
            Command::ZoomIn => self.zoom_to(self.canvas.view.zoom * 1.25, ctx),
            Command::ZoomOut => self.zoom_to(self.canvas.view.zoom / 1.25, ctx),
            Command::CommandPalette => {
                self.palette = if self.palette.is_some() {
                    None
                } else {
                    Some(String::new())
                };
            }
        }
    }

    fn zoom_to(&mut self, zoom: f32, ctx: &egui::Context) {
        // Around the centre of the canvas (its offset is relative to the canvas, not the window).
        let rect = self
            .canvas
            .view
            .screen_rect
            .unwrap_or_else(|| ctx.content_rect());
        let factor = zoom / self.canvas.view.zoom;
        self.canvas.view.zoom_around(factor, rect.center(), rect);
    }

    fn canvas_action(&mut self, action: CanvasAction) {
        use super::map_canvas::Selection;

        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let sel = &self.canvas.selection;
        // The edit, and for something new: what to select and which title to edit next.
        let (label, edit, then_edit): (Cow<str>, Edit, Option<(Selection, TextTarget, String)>) =
            match action {
                CanvasAction::MoveCards {
                    cards,
                    lane,
                    stage,
                    index,
                } => {
                    let label = if cards.len() == 1 {
                        tr("undo.move_card")
                    } else {
                        tr("undo.move_cards")
                    };
                    (
                        label,
                        ops::move_cards(map, &cards, lane, stage, index),
                        None,
                    )
                }
                CanvasAction::SetSpan { card, span } => {
                    let Some(c) = map.card(card) else { return };
                    let edit = ops::update_card(map, Card { span, ..c.clone() });
                    (tr("undo.resize_card"), edit, None)
                }
                CanvasAction::MoveStage { stage, to } => {
                    (tr("undo.move_stage"), ops::move_stage(map, stage, to), None)
                }
                CanvasAction::MoveLane { lane, to } => {
                    (tr("undo.move_lane"), ops::move_lane(map, lane, to), None)
                }
                CanvasAction::AddCard {
                    lane,
                    stage,
                    template,
                } => {
                    let title = template.map_or("new.card", CardTemplate::title_key);
                    let card = Card {
                        lane,
                        stage,
                        title: i18n::tr_in(self.project_language(), title).into_owned(),
                        ..Card::default()
                    };
                    let mut selection = Selection::default();
                    selection.cards.insert(card.id);
                    let then = (
                        selection,
                        TextTarget::CardTitle(card.id),
                        card.title.clone(),
                    );
                    (tr("undo.add_card"), ops::add_card(map, card), Some(then))
                }
                CanvasAction::AddStage => {
                    let index = sel
                        .stage
                        .and_then(|s| map.stage_index(s))
                        .map_or(map.stages.len(), |i| i + 1);
                    let stage = Stage::named(i18n::tr_in(self.project_language(), "new.stage"));
                    let selection = Selection {
                        stage: Some(stage.id),
                        ..Default::default()
                    };
                    let then = (
                        selection,
                        TextTarget::StageName(stage.id),
                        stage.name.clone(),
                    );
                    (
                        tr("undo.add_stage"),
                        ops::insert_stage(map, index, stage),
                        Some(then),
                    )
                }
                CanvasAction::AddLane { kind, index } => {
                    let index = index.unwrap_or_else(|| {
                        sel.lane
                            .and_then(|l| map.lane_index(l))
                            .map_or(map.lanes.len(), |i| i + 1)
                    });
                    let lang = self.project_language();
                    let lane = match kind {
                        Some(kind) => Lane::new(i18n::lane_kind_name(lang, kind), kind),
                        None => Lane::new(i18n::tr_in(lang, "new.lane"), LaneKind::Custom),
                    };
                    let selection = Selection {
                        lane: Some(lane.id),
                        ..Default::default()
                    };
                    let then = (selection, TextTarget::LaneName(lane.id), lane.name.clone());
                    (
                        tr("undo.add_lane"),
                        ops::insert_lane(map, index, lane),
                        Some(then),
                    )
                }
                CanvasAction::Run(command) => {
                    self.commands.push(command);
                    return;
                }
                CanvasAction::EditCurve(e) => {
                    let label = if e.add.is_empty() {
                        tr("undo.set_score")
                    } else {
                        tr("undo.add_point")
                    };
                    let edit = ops::edit_curve(map, e.curve, &e.set, &e.add, e.remove);
                    (label, edit, None)
                }
                CanvasAction::CommitText { target, text } => {
                    let edit = match target {
                        TextTarget::CardTitle(id) => {
                            map.card(id).filter(|c| c.title != text).map(|c| {
                                (
                                    tr("undo.edit_title"),
                                    ops::update_card(
                                        map,
                                        Card {
                                            title: text,
                                            ..c.clone()
                                        },
                                    ),
                                )
                            })
                        }
                        TextTarget::StageName(id) => {
                            map.stage(id).filter(|s| s.name != text).map(|s| {
                                (
                                    tr("undo.rename_stage"),
                                    ops::update_stage(
                                        map,
                                        &Stage {
                                            name: text,
                                            ..s.clone()
                                        },
                                    ),
                                )
                            })
                        }
                        TextTarget::LaneName(id) => {
                            map.lane(id).filter(|l| l.name != text).map(|l| {
                                (
                                    tr("undo.rename_lane"),
                                    ops::update_lane(
                                        map,
                                        &Lane {
                                            name: text,
                                            ..l.clone()
                                        },
                                    ),
                                )
                            })
                        }
                    };
                    let Some((label, edit)) = edit else { return };
                    (label, edit, None)
                }
            };
        self.apply(&label, edit);
        if let Some((selection, target, text)) = then_edit {
            self.canvas.selection = selection;
            self.canvas.start_editing(target, text);
        }
    }

    /// Lays out and paints the current map unless the cached scene is still right.
    fn ensure_painted(&mut self) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            self.painted = None;
            return;
        };
        let fresh = self.painted.as_ref().is_some_and(|p| {
            p.map == map.id
                && p.revision == self.doc.revision()
                && p.hidden.iter().eq(&self.canvas.hidden_curves)
        });
        if !fresh {
            let hidden: Vec<crate::model::CurveId> =
                self.canvas.hidden_curves.iter().copied().collect();
            self.text.begin_pass();
            let layout =
                layout::lay_out(&self.doc.project, map, &Metrics::default(), &mut self.text);
            let analysis = crate::analysis::analyse(&self.doc.project, map);
            let options = render::PaintOptions {
                hidden_curves: hidden.clone(),
                marks: crate::export::peak_end_marks(
                    &analysis,
                    Language::of_text(&self.doc.project.language),
                ),
            };
            let scene = render::paint(map, &layout, &self.theme, &options);
            self.painted = Some(Painted {
                map: map.id,
                revision: self.doc.revision(),
                hidden,
                layout,
                scene,
                analysis,
            });
        }
    }

    /// Puts the selected cards on the clipboard; returns whether there were any.
    fn copy_selection(&mut self, ctx: &egui::Context) -> bool {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return false;
        };
        let ids: Vec<_> = self.canvas.selection.cards.iter().copied().collect();
        let Some(text) = clipboard::copy(map, &ids) else {
            return false;
        };
        ctx.copy_text(text.clone());
        self.last_copied = Some(text);
        true
    }

    /// Pastes clipboard text: copied cards, or one card per line of other text. They go to the
    /// cell of the selected card, else the selected lane and stage, else the cell under the
    /// pointer, else where they were copied from (when that is on this map), else the first cell.
    fn paste_text(&mut self, text: &str) {
        let clip = match clipboard::parse(text) {
            Ok(clip) => clip,
            Err(e) => {
                let reason = match e {
                    clipboard::ClipError::Empty => tr("clip.empty").into_owned(),
                    clipboard::ClipError::TooLarge => tr("clip.too_large").into_owned(),
                    clipboard::ClipError::Unreadable(why) => {
                        tr_args("clip.unreadable", &[("error", &why)])
                    }
                };
                self.notify_error(tr_args("notice.paste_failed", &[("error", &reason)]));
                return;
            }
        };
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let sel = &self.canvas.selection;
        let cell_of = |lane, stage| Some((map.lane_index(lane)?, map.stage_index(stage)?));
        let first_selected = sel
            .cards
            .iter()
            .filter_map(|id| map.card(*id))
            .filter_map(|c| cell_of(c.lane, c.stage))
            .min();
        let at = first_selected
            .or_else(|| {
                (sel.lane.is_some() || sel.stage.is_some()).then(|| {
                    (
                        sel.lane.and_then(|l| map.lane_index(l)).unwrap_or(0),
                        sel.stage.and_then(|s| map.stage_index(s)).unwrap_or(0),
                    )
                })
            })
            .or_else(|| {
                self.canvas
                    .hovered_cell()
                    .and_then(|(lane, stage)| cell_of(lane, stage))
            })
            .or_else(|| {
                clip.cards
                    .first()
                    .and_then(|c| cell_of(c.card.lane, c.card.stage))
            })
            .unwrap_or((0, 0));
        let (edit, ids) = clipboard::paste(&self.doc.project, map, &clip, at);
        if ids.is_empty() {
            return;
        }
        if ids.len() < clip.cards.len() {
            self.notify(tr_args("notice.paste_capped", &[("count", &ids.len())]));
        }
        self.apply(&tr("undo.paste"), edit);
        self.canvas.selection = super::map_canvas::Selection {
            cards: ids.into_iter().collect(),
            ..Default::default()
        };
    }

    /// Clipboard events from the window (Ctrl+C, Ctrl+X, Ctrl+V, or the system's menu) when
    /// no text field has them.
    fn clipboard_events(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let events: Vec<egui::Event> = ctx.input(|i| {
            i.events
                .iter()
                .filter(|e| {
                    matches!(
                        e,
                        egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)
                    )
                })
                .cloned()
                .collect()
        });
        for event in events {
            match event {
                egui::Event::Copy => self.commands.push(Command::Copy),
                egui::Event::Cut => self.commands.push(Command::Cut),
                egui::Event::Paste(text) => self.paste_text(&text),
                _ => {}
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for &(shortcut, command) in Command::bindings() {
            if typing && command.yields_to_text_fields() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.label(), |ui| {
                    for command in Command::ALL
                        .into_iter()
                        .filter(|c| c.menu() == menu && c.language().is_none())
                    {
                        let mut button = egui::Button::new(command.label());
                        if let Some(s) = command.shortcut() {
                            button = button.shortcut_text(ui.ctx().format_shortcut(&s));
                        }
                        if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                            self.commands.push(command);
                        }
                        if command == Command::Open {
                            let recent = self.settings.recent.clone();
                            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                                ui.menu_button(tr("menu.open_recent"), |ui| {
                                    for path in recent {
                                        if ui.button(path.display().to_string()).clicked() {
                                            self.pending_open(path, ui.ctx());
                                        }
                                    }
                                });
                            });
                        }
                    }
                    if menu == Menu::View {
                        ui.separator();
                        self.language_menu_ui(ui);
                    }
                });
            }
        });
    }

    fn analysis_panel_ui(&mut self, ui: &mut egui::Ui) {
        self.ensure_painted();
        let (Some(painted), Some(map)) =
            (&self.painted, self.doc.project.maps.get(self.current_map))
        else {
            return;
        };
        let project = &self.doc.project;
        let names = |id| {
            map.curves
                .iter()
                .find(|c| c.id == id)
                .map_or_else(String::new, |c| layout::curve_name(project, c))
        };
        let Some(pick) = analysis_panel::analysis_ui(ui, map, &painted.analysis, &names) else {
            return;
        };
        let selection = &mut self.canvas.selection;
        *selection = super::map_canvas::Selection::default();
        match pick {
            analysis_panel::Pick::Point(curve, index) => {
                selection.point = Some((curve, index));
                self.canvas.hidden_curves.remove(&curve);
            }
            analysis_panel::Pick::Target(crate::analysis::Target::Card(id)) => {
                selection.cards.insert(id);
            }
            analysis_panel::Pick::Target(crate::analysis::Target::Stage(id)) => {
                selection.stage = Some(id);
            }
            analysis_panel::Pick::Target(crate::analysis::Target::Map) => {}
        }
        let layout = &painted.layout;
        self.canvas.reveal_selection(layout);
    }

    /// Export settings are remembered per project file.
    fn export_key(&self) -> String {
        self.doc
            .path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string())
    }

    fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let Some(super::export_dialog::Outcome::Choose {
            file_name,
            extension,
        }) = self
            .export
            .ui(ctx, &self.doc.project, map, self.doc.revision())
        else {
            return;
        };
        let Some(path) = self.dialogs.pick_export(&file_name, extension) else {
            return;
        };
        let key = self.export_key();
        self.settings
            .exports
            .insert(key, self.export.options.clone());
        if let Some(map) = self.doc.project.maps.get(self.current_map) {
            self.export.start(&self.doc.project, map, path);
        }
    }

    /// Waits for a running export (tests and the benchmark).
    pub fn export_busy(&self) -> bool {
        self.export.busy()
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for slot in Command::TOOLBAR {
                let Some(command) = slot else {
                    ui.separator();
                    continue;
                };
                let mut tip = command.tooltip().into_owned();
                if let Some(s) = command.shortcut() {
                    tip = format!("{tip} ({})", ui.ctx().format_shortcut(&s));
                }
                let enabled = match command {
                    Command::Undo => self.doc.history.undo_label().is_some(),
                    Command::Redo => self.doc.history.redo_label().is_some(),
                    Command::Duplicate | Command::Delete => !self.canvas.selection.is_empty(),
                    _ => true,
                };
                let button = egui::Button::new(command.label()).small();
                if ui.add_enabled(enabled, button).on_hover_text(tip).clicked() {
                    self.commands.push(command);
                }
            }
        });
    }

    fn language_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button(tr("menu.language"), |ui| {
            for command in Command::ALL.into_iter().filter(|c| c.language().is_some()) {
                let chosen = command.language().flatten() == self.settings.language;
                if ui
                    .selectable_label(chosen, command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    self.commands.push(command);
                    ui.close();
                }
            }
        });
    }

    fn pending_open(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.request(Pending::Open(Some(path)), ctx);
    }

    fn sidebar_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        let mut title = self.doc.project.title.clone();
        let name = ui.label(tr("sidebar.project"));
        if ui
            .add(
                egui::TextEdit::singleline(&mut title)
                    .id_salt("project-title")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id)
            .changed()
        {
            let description = self.doc.project.description.clone();
            self.apply_merging(
                &tr("undo.rename_project"),
                Some(1),
                Edit::SetProjectInfo { title, description },
            );
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.strong(tr("sidebar.maps"));
            ui.menu_button("+", |ui| {
                for kind in MapKind::ALL {
                    if ui.button(map_kind_new_label(kind)).clicked() {
                        let map = templates::new_map(kind, self.project_language());
                        let index = self.doc.project.maps.len();
                        self.apply(
                            &tr("undo.add_map"),
                            Edit::SetMap {
                                id: map.id,
                                index,
                                value: Some(Box::new(map)),
                            },
                        );
                        self.current_map = index;
                    }
                }
            })
            .response
            .on_hover_text(tr("sidebar.add_map"));
        });
        let maps: Vec<(MapId, String, MapKind)> = self
            .doc
            .project
            .maps
            .iter()
            .map(|m| (m.id, m.title.clone(), m.kind))
            .collect();
        let count = maps.len();
        for (i, (id, title, kind)) in maps.into_iter().enumerate() {
            let label = if title.is_empty() {
                tr("sidebar.untitled_map").into_owned()
            } else {
                title
            };
            let response = ui
                .selectable_label(i == self.current_map, &label)
                .on_hover_text(map_kind_label(kind));
            if response.clicked() && i != self.current_map {
                self.current_map = i;
                self.canvas = MapCanvas::default();
            }
            response.context_menu(|ui| {
                if ui.button(tr("sidebar.duplicate_map")).clicked()
                    && let Some(map) = self.doc.project.maps.get(i)
                {
                    let copy = duplicate_map(map);
                    self.apply(
                        &tr("undo.duplicate_map"),
                        Edit::SetMap {
                            id: copy.id,
                            index: i + 1,
                            value: Some(Box::new(copy)),
                        },
                    );
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new(tr("sidebar.move_up")))
                    .clicked()
                {
                    self.move_map(id, i - 1);
                }
                if ui
                    .add_enabled(i + 1 < count, egui::Button::new(tr("sidebar.move_down")))
                    .clicked()
                {
                    self.move_map(id, i + 1);
                }
                if ui
                    .add_enabled(count > 1, egui::Button::new(tr("sidebar.delete_map")))
                    .clicked()
                {
                    self.apply(
                        &tr("undo.delete_map"),
                        Edit::SetMap {
                            id,
                            index: i,
                            value: None,
                        },
                    );
                    self.current_map = self.current_map.min(count - 2);
                    self.canvas = MapCanvas::default();
                }
                ui.label(tr("sidebar.rename_hint"));
            });
        }
        ui.separator();
        if let Some(item) = toolbox::toolbox_ui(ui) {
            self.add_from_toolbox(item);
        }
        ui.separator();
        ui.strong(tr("sidebar.personas"));
        for persona in &self.doc.project.personas {
            ui.label(&persona.name).on_hover_text(&persona.description);
        }
        ui.separator();
        ui.weak(format!(
            "{} · {} · {}",
            tr_count("sidebar.evidence", self.doc.project.evidence.len()),
            tr_count("sidebar.stakeholders", self.doc.project.stakeholders.len()),
            tr_count("sidebar.datasets", self.doc.project.datasets.len()),
        ));
    }

    /// Adds a toolbox item at the selection: a card in its kind of lane at the selected stage,
    /// a lane after the selected one.
    fn add_from_toolbox(&mut self, item: ToolboxItem) {
        let Some(map) = self.doc.project.maps.get(self.current_map) else {
            return;
        };
        let sel = &self.canvas.selection;
        let action = match item {
            ToolboxItem::Card(template) => {
                let selected_card = sel.cards.first().and_then(|id| map.card(*id));
                let pointed = sel.lane.or(selected_card.map(|c| c.lane));
                let stage = sel
                    .stage
                    .or(selected_card.map(|c| c.stage))
                    .or_else(|| map.stages.first().map(|s| s.id));
                let (Some(lane), Some(stage)) = (template.lane_for(map, pointed), stage) else {
                    return;
                };
                CanvasAction::AddCard {
                    lane,
                    stage,
                    template: Some(template),
                }
            }
            ToolboxItem::Lane(kind) => CanvasAction::AddLane {
                kind: Some(kind),
                index: None,
            },
        };
        self.canvas_action(action);
    }

    fn move_map(&mut self, id: MapId, to: usize) {
        if let Some(map) = self.doc.project.maps.iter().find(|m| m.id == id).cloned() {
            self.apply(
                &tr("undo.move_map"),
                Edit::SetMap {
                    id,
                    index: to,
                    value: Some(Box::new(map)),
                },
            );
            self.current_map = to;
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let zoom = format!("{:.0}", self.canvas.view.zoom * 100.0);
            ui.label(tr_args("status.zoom", &[("percent", &zoom)]));
            ui.separator();
            let n = self.canvas.selection.count();
            ui.label(if n == 0 {
                tr("status.nothing_selected").into_owned()
            } else {
                tr_count("status.selected", n)
            });
            ui.separator();
            ui.label(if self.doc.is_dirty() {
                tr("status.unsaved")
            } else {
                tr("status.saved")
            });
            if let Some(label) = self.doc.history.undo_label() {
                ui.separator();
                ui.weak(tr_args("status.last_change", &[("change", &label)]));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(tr("status.hint"));
            });
        });
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui) {
        let mut dismiss = None;
        for (i, notice) in self.notices.iter().enumerate() {
            ui.horizontal(|ui| {
                let colour = if notice.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().warn_fg_color
                };
                ui.colored_label(colour, &notice.text);
                if ui.small_button(tr("notice.dismiss")).clicked() {
                    dismiss = Some(i);
                }
            });
        }
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(pending) = self.pending.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.heading(tr("unsaved.title"));
                ui.label(tr_args(
                    "unsaved.body",
                    &[("name", &self.doc.display_name())],
                ));
                ui.horizontal(|ui| {
                    if ui.button(tr("unsaved.save")).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(tr("unsaved.dont_save")).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(tr("unsaved.cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.pending = None;
                    if self.save() {
                        self.proceed(pending, ctx);
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.proceed(pending, ctx);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if let Some(recovered) = &self.recovered {
            let mut answer = None;
            let source = recovered.source.as_ref().map_or_else(
                || tr("recover.unsaved_project").into_owned(),
                |p| p.display().to_string(),
            );
            let written = recovered.written.clone();
            egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
                ui.heading(tr("recover.title"));
                ui.label(tr_args(
                    "recover.body",
                    &[("source", &source), ("written", &written)],
                ));
                ui.horizontal(|ui| {
                    if ui.button(tr("recover.restore")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(tr("recover.discard")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => {
                    if let Some(r) = self.recovered.take() {
                        let mut doc = Document::new(r.project, r.source);
                        doc.mark_unsaved();
                        self.set_document(doc);
                    }
                }
                Some(false) => {
                    self.recovered = None;
                    if let Some(j) = &self.journal {
                        j.clear();
                    }
                }
                None => {}
            }
        }
        if let Some(query) = &mut self.palette {
            let mut chosen = None;
            let mut close = false;
            egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
                ui.set_width(360.0);
                let name = ui.label(tr("palette.label"));
                let r = ui
                    .add(
                        egui::TextEdit::singleline(query)
                            .hint_text(tr("palette.hint"))
                            .id_salt("palette-query"),
                    )
                    .labelled_by(name.id);
                r.request_focus();
                let q = query.to_lowercase();
                let matches: Vec<Command> = Command::ALL
                    .into_iter()
                    .filter(|c| {
                        c != &Command::CommandPalette && c.label().to_lowercase().contains(&q)
                    })
                    .collect();
                for c in &matches {
                    let mut b = egui::Button::new(c.label()).frame(false);
                    if let Some(s) = c.shortcut() {
                        b = b.shortcut_text(ui.ctx().format_shortcut(&s));
                    }
                    if ui.add(b).on_hover_text(c.tooltip()).clicked() {
                        chosen = Some(*c);
                    }
                }
                if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    chosen = matches.first().copied();
                }
                close = ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
            if let Some(c) = chosen {
                self.palette = None;
                self.commands.push(c);
            } else if close {
                self.palette = None;
            }
        }
    }

    fn keep_journal(&mut self, ctx: &egui::Context) {
        let Some(journal) = &self.journal else { return };
        if !self.doc.is_dirty() || self.doc.revision() == self.journaled_revision {
            return;
        }
        let Some(last) = self.last_edit else { return };
        let since = last.elapsed();
        if since < JOURNAL_DELAY || self.canvas.is_dragging() {
            ctx.request_repaint_after(
                JOURNAL_DELAY
                    .saturating_sub(since)
                    .max(Duration::from_millis(100)),
            );
            return;
        }
        match journal.write(&self.doc.project, self.doc.path.as_deref()) {
            Ok(()) => self.journaled_revision = self.doc.revision(),
            Err(e) => {
                self.journaled_revision = self.doc.revision();
                self.notify_error(tr_args(
                    "notice.journal_failed",
                    &[("error", &messages::file_error(&e))],
                ));
            }
        }
    }

    /// Writes the recovery journal now, whatever the delay (tests simulate a crash with it).
    pub fn flush_journal(&mut self) {
        self.last_edit = std::time::Instant::now().checked_sub(JOURNAL_DELAY);
        if let Some(journal) = &self.journal
            && self.doc.is_dirty()
            && journal
                .write(&self.doc.project, self.doc.path.as_deref())
                .is_ok()
        {
            self.journaled_revision = self.doc.revision();
        }
    }
}

/// "New customer journey map", for the sidebar's + menu.
fn map_kind_new_label(kind: MapKind) -> String {
    let name = i18n::map_kind_name(i18n::language(), kind);
    tr_args("sidebar.new_map", &[("kind", &name)])
}

/// The name of a kind of map, in the interface language.
fn map_kind_label(kind: MapKind) -> Cow<'static, str> {
    i18n::map_kind_name(i18n::language(), kind)
}

/// A copy of `map` with fresh ids for everything in it.
fn duplicate_map(map: &crate::model::Map) -> crate::model::Map {
    let mut copy = map.clone();
    copy.id = MapId::random();
    copy.title = tr_args("sidebar.copy_of", &[("title", &map.title)]);
    let stage_ids: std::collections::HashMap<_, _> = copy
        .stages
        .iter_mut()
        .map(|s| {
            let old = s.id;
            s.id = crate::model::StageId::random();
            (old, s.id)
        })
        .collect();
    let lane_ids: std::collections::HashMap<_, _> = copy
        .lanes
        .iter_mut()
        .map(|l| {
            let old = l.id;
            l.id = crate::model::LaneId::random();
            (old, l.id)
        })
        .collect();
    let mut card_ids = std::collections::HashMap::new();
    for c in &mut copy.cards {
        let old = c.id;
        c.id = crate::model::CardId::random();
        card_ids.insert(old, c.id);
        c.stage = stage_ids.get(&c.stage).copied().unwrap_or(c.stage);
        c.lane = lane_ids.get(&c.lane).copied().unwrap_or(c.lane);
    }
    for curve in &mut copy.curves {
        curve.id = crate::model::CurveId::random();
        for p in &mut curve.points {
            p.stage = stage_ids.get(&p.stage).copied().unwrap_or(p.stage);
            p.card = p.card.and_then(|c| card_ids.get(&c).copied());
        }
    }
    copy
}

impl eframe::App for KlantreisApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.language);
        let title = format!(
            "{}{} — {} — Klantreis",
            if self.doc.is_dirty() { "● " } else { "" },
            self.doc.project.title,
            self.doc.display_name()
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
        }
        if let Some(path) =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()))
        {
            self.request(Pending::Open(Some(path)), &ctx);
        }
        if self.pending.is_none() && self.palette.is_none() && self.recovered.is_none() {
            self.shortcuts(&ctx);
            self.clipboard_events(&ctx);
        }

        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar_ui(ui);
            self.toolbar_ui(ui);
            if let Some(super::export_dialog::Outcome::Finished { message, error }) =
                self.export.progress_ui(ui)
            {
                if error {
                    self.notify_error(message);
                } else {
                    self.notify(message);
                }
            }
            self.notices_ui(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(210.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.sidebar_ui(ui));
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.analysis_shown, false, tr("panel.inspector"));
                    ui.selectable_value(&mut self.analysis_shown, true, tr("panel.analysis"));
                });
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if self.analysis_shown {
                        self.analysis_panel_ui(ui);
                        return;
                    }
                    let Some(map) = self.doc.project.maps.get(self.current_map) else {
                        return;
                    };
                    if let Some(e) = inspector::inspector_ui(
                        ui,
                        &self.doc.project,
                        map,
                        &self.canvas.selection,
                        &self.theme,
                    ) {
                        self.apply_merging(&e.label, e.merge, e.edit);
                    }
                });
            });
        let mut actions = Vec::new();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.ensure_painted();
            let Some(painted) = &self.painted else {
                ui.centered_and_justified(|ui| ui.label(tr("canvas.no_maps")));
                return;
            };
            let Some(map) = self.doc.project.maps.get(self.current_map) else {
                return;
            };
            actions = self.canvas.show(ui, map, &painted.layout, &painted.scene);
        });
        for action in actions {
            self.canvas_action(action);
        }
        self.dialogs_ui(&ctx);
        self.export_dialog_ui(&ctx);
        for command in std::mem::take(&mut self.commands) {
            self.run(command, &ctx);
        }
        self.current_map = self
            .current_map
            .min(self.doc.project.maps.len().saturating_sub(1));
        // Only an edit, undo or redo can leave the selection pointing at what is gone.
        if self.pruned_revision != self.doc.revision()
            && let Some(map) = self.doc.project.maps.get(self.current_map)
        {
            self.canvas.prune_selection(map);
            self.pruned_revision = self.doc.revision();
        }
        // Once no text field has focus, the next typing starts a new undo step.
        if !self.canvas.is_dragging() && ctx.memory(egui::Memory::focused).is_none() {
            self.doc.history.seal();
        }
        self.keep_journal(&ctx);
    }
}
