//! The application: its state and the frame. During a frame the panels, the canvas, the
//! dialogs, the shortcuts and the menus only push [`AppAction`]s; they are carried out in one
//! place after the frame (`commands`). Opening, saving, recovery and exporting live in
//! `document_io`.

mod actions;
mod commands;
mod disk;
mod document_io;
mod edits;
mod frame;
mod import_map;
mod journeys;
mod personas;
mod preferences;
mod research;
mod review;
mod stakeholders;
mod start;
mod state;
mod versions;
mod workshop;

use std::path::PathBuf;

pub use commands::AppAction;
pub use versions::RightTab;

use crate::file::Journal;
use crate::i18n::{self, Language};
use crate::layout::{self, Layout, Metrics, TextMeasurer};
use crate::model::{CurveId, MapId, MapKind};
use crate::render::{self, Scene, Theme};
use crate::templates;

use super::canvas::MapCanvas;
use super::dialogs::{
    ExportDialog, FileDialogs, Help, LanguageQuestion, NativeDialogs, Palette, RecoverDialog,
    SettingsDialog, Tour, UnsavedDialog,
};
use super::document::Document;
use super::panels;
use super::selection::Selection;
use super::settings::Settings;

/// The laid-out and painted map on show, kept until the document or the map changes.
struct Painted {
    map: MapId,
    /// The snapshot painted instead of the map, if one is on show.
    snapshot: Option<crate::model::SnapshotId>,
    revision: u64,
    hidden: Vec<CurveId>,
    /// The lens it was painted with.
    lens: Option<String>,
    layout: Layout,
    scene: Scene,
    /// Tells this scene from every other painted in this process (the canvas keeps a mesh
    /// of the scene it was made from).
    serial: u64,
    analysis: crate::analysis::Analysis,
    /// The analysis in words, in the interface language it was written in (built when the
    /// analysis tab first shows it, not every frame).
    report: Option<(Language, crate::report::MapReport)>,
}

/// Something the user asked for that would throw away unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New(MapKind),
    Open(Option<PathBuf>),
    /// One of the examples, as a new project.
    Example(usize),
    Close,
}

/// How the app is set up: real dialogs and data folder, or test doubles.
pub struct AppConfig {
    pub dialogs: Box<dyn FileDialogs>,
    /// Where the recovery journal lives; `None` turns it off.
    pub data_dir: Option<PathBuf>,
    /// The interface language, over the saved choice and the system's (tests fix it).
    pub language: Option<Language>,
    /// Whether a start without a file shows the start screen (else a new journey map).
    pub start_screen: bool,
    /// Now, in UTC as RFC 3339, for what the app dates (snapshots); tests fix it.
    pub clock: fn() -> String,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            data_dir: eframe::storage_dir("Klantreis"),
            language: None,
            start_screen: true,
            clock: crate::model::time::now_rfc3339,
        }
    }
}

/// What the built-in file field was opened for.
#[derive(Clone, Debug, PartialEq)]
enum FieldFor {
    Open,
    /// Saving, then (when the save worked) carrying out what was asked before it.
    Save {
        then: Option<Pending>,
    },
    Export,
    /// A photo for this persona.
    Picture(crate::model::PersonaId),
    /// A project file to copy personas from.
    CopyFrom,
    /// A project file to copy these personas into.
    CopyTo(Vec<crate::model::PersonaId>),
    /// A data file to import.
    Data,
    /// A Mermaid diagram, Markdown file or journey grid to import as maps.
    ImportMap,
    /// A review file of comments.
    ImportReview,
}

/// The most notices shown at once; older ones give way.
const MAX_NOTICES: usize = 4;

/// The dialogs that may be open.
#[derive(Default)]
struct Dialogs {
    /// The built-in file field, where the system's dialog cannot open.
    file_field: Option<(super::dialogs::FileField, FieldFor)>,
    unsaved: Option<(UnsavedDialog, Pending)>,
    /// The recovered work on offer now, and what waits to be offered after it.
    recover: Option<(RecoverDialog, crate::file::Recovered)>,
    recover_next: Vec<crate::file::Recovered>,
    palette: Option<Palette>,
    export: ExportDialog,
    settings: Option<SettingsDialog>,
    help: Option<Help>,
    /// The first start's question, until answered.
    language: Option<LanguageQuestion>,
    tour: Option<Tour>,
    /// Which personas to copy, to or from another project.
    copy_personas: Option<super::personas::CopyDialog>,
    /// The mapping step of a data import.
    import: Option<super::dialogs::ImportDialog>,
    /// What a re-import would change, to confirm.
    reimport: Option<super::dialogs::ReimportDialog>,
    /// What each row of an imported journey grid becomes.
    grid: Option<super::dialogs::GridDialog>,
}

impl Dialogs {
    /// Whether a modal dialog has the keyboard.
    fn modal(&self) -> bool {
        self.unsaved.is_some()
            || self.palette.is_some()
            || self.recover.is_some()
            || self.file_field.is_some()
            || self.language.is_some()
            || self.copy_personas.is_some()
            || self.import.is_some()
            || self.reimport.is_some()
            || self.grid.is_some()
    }

    /// Whether any dialog is open, modal or not.
    fn any_open(&self) -> bool {
        self.modal()
            || self.export.open
            || self.settings.is_some()
            || self.help.is_some()
            || self.tour.is_some()
    }
}

/// The recovery journal, this document's entry in it (once written), and what it last saw.
struct Recovery {
    journal: Option<Journal>,
    entry: Option<crate::file::JournalEntry>,
    journaled_revision: u64,
    last_edit: Option<std::time::Instant>,
}

/// The Klantreis window.
pub struct KlantreisApp {
    /// Now, as RFC 3339 (see [`AppConfig::clock`]).
    clock: fn() -> String,
    doc: Document,
    current_map: usize,
    selection: Selection,
    canvas: MapCanvas,
    text: TextMeasurer,
    theme: Theme,
    painted: Option<Painted>,
    /// The department whose lens is over the map (what is not theirs fades), if any.
    lens: Option<String>,
    notices: Vec<panels::Notice>,
    window_title: String,
    files: Box<dyn FileDialogs>,
    dialogs: Dialogs,
    settings: Settings,
    allow_close: bool,
    recovery: Recovery,
    /// What the user asked for this frame, carried out after it.
    actions: Vec<AppAction>,
    /// The document revision the selection was last checked against.
    pruned_revision: u64,
    /// The interface language in use.
    language: Language,
    /// What this window last put on the clipboard.
    last_copied: Option<String>,
    /// What the right panel shows: the inspector, the analysis or the versions.
    right_tab: RightTab,
    /// The Versions tab's state: a snapshot on show, a comparison under way.
    versions: versions::Versions,
    /// The Comments tab's state: the name written under, drafts, the filter.
    review: super::review::ReviewState,
    /// Watches the open file for a colleague's save.
    watch: Option<crate::file::watch::Watcher>,
    /// The file the watcher was set up for (whether or not it could watch it).
    watched_path: Option<PathBuf>,
    /// A version of the file on disk that could not be read (said once).
    disk_unreadable: Option<crate::file::watch::Fingerprint>,
    /// The start screen, while it shows (it closes when a document is opened or made).
    start: Option<super::start::StartScreen>,
    /// Workshop mode, while it is on.
    workshop: Option<super::workshop::Workshop>,
    /// What the middle of the window shows.
    view: View,
    /// The personas view's own state.
    personas: super::personas::PersonasView,
    /// The stakeholder map's own state.
    stakeholders: super::stakeholders::StakeholdersView,
    /// The maps zoomed out of to reach the one on show (an experience map, then a journey),
    /// for the breadcrumb back.
    trail: Vec<MapId>,
    /// The map overview's thumbnails.
    overview: super::overview::Overview,
    /// The research view's own state.
    research: super::research::ResearchView,
    /// The actions view's own state.
    action_view: super::actions::ActionsView,
    /// Whether a dialog or the presenter view had the keyboard last frame: when it closes,
    /// the map takes the keyboard back.
    keyboard_away: bool,
}

/// What the middle of the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The map on show, on the canvas.
    #[default]
    Map,
    /// The project's personas.
    Personas,
    /// The stakeholder map.
    Stakeholders,
    /// Every map of the project, as thumbnails.
    Overview,
    /// The interview register, evidence and data sets.
    Research,
    /// Opportunities and actions: the list, the priority matrix, the roadmap.
    Actions,
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
        super::style::install(&cc.egui_ctx);
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
            .unwrap_or_default()
            .sanitized();
        cc.egui_ctx
            .set_theme(settings.preferences.theme.preference());
        let ask_language = config.language.is_none() && !settings.language_asked;
        let language = config
            .language
            .or(settings.preferences.language)
            .unwrap_or_else(Language::system);
        i18n::set_language(language);
        let mut app = Self {
            doc: Document::new(
                templates::new_project(MapKind::CustomerJourney, language),
                None,
            ),
            current_map: 0,
            selection: Selection::default(),
            canvas: MapCanvas::default(),
            text: TextMeasurer::new(),
            theme: Theme::default(),
            painted: None,
            lens: None,
            notices: Vec::new(),
            window_title: String::new(),
            files: config.dialogs,
            clock: config.clock,
            dialogs: Dialogs {
                language: ask_language.then_some(LanguageQuestion),
                ..Dialogs::default()
            },
            settings,
            allow_close: false,
            recovery: Recovery {
                journal: config.data_dir.map(Journal::new),
                entry: None,
                journaled_revision: 1,
                last_edit: None,
            },
            actions: Vec::new(),
            pruned_revision: 0,
            language,
            last_copied: None,
            right_tab: RightTab::Inspector,
            watch: None,
            watched_path: None,
            disk_unreadable: None,
            review: super::review::ReviewState {
                name: review::default_author(),
                ..super::review::ReviewState::default()
            },
            versions: versions::Versions::default(),
            start: None,
            workshop: None,
            view: View::Map,
            personas: super::personas::PersonasView::default(),
            stakeholders: super::stakeholders::StakeholdersView::default(),
            trail: Vec::new(),
            overview: super::overview::Overview::default(),
            research: super::research::ResearchView::default(),
            action_view: super::actions::ActionsView::default(),
            keyboard_away: false,
        };
        if file.is_none() && config.start_screen {
            app.start = Some(super::start::StartScreen::new(
                &app.settings.recent,
                &mut app.text,
            ));
        }
        app.offer_recovery();
        if let Some(path) = file {
            app.open_now(&path);
        }
        app
    }

    /// The language of the open project's own text (new maps are named in it).
    fn project_language(&self) -> Language {
        Language::of_text(&self.doc.project.language)
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.push_notice(panels::Notice {
            text: text.into(),
            error: false,
        });
    }

    fn notify_error(&mut self, text: impl Into<String>) {
        let text = text.into();
        log::warn!("{text}");
        self.push_notice(panels::Notice { text, error: true });
    }

    /// Shows `notice` once: the same words said again move to the end rather than pile up, and
    /// only the latest few stay.
    fn push_notice(&mut self, notice: panels::Notice) {
        self.notices.retain(|n| n.text != notice.text);
        self.notices.push(notice);
        let extra = self.notices.len().saturating_sub(MAX_NOTICES);
        self.notices.drain(..extra);
    }

    /// Lays out and paints the current map unless the cached scene is still right.
    fn ensure_painted(&mut self) {
        let snapshot = self.viewed_snapshot();
        let Some(map) = versions::shown(&self.doc.project, self.current_map, self.versions.viewing)
        else {
            self.painted = None;
            return;
        };
        let hidden = self.canvas.hidden_curves();
        let fresh = self.painted.as_ref().is_some_and(|p| {
            p.map == map.id
                && p.snapshot == snapshot
                && p.revision == self.doc.revision()
                && p.hidden.iter().eq(hidden)
                && p.lens == self.lens
        });
        if fresh {
            return;
        }
        let hidden: Vec<CurveId> = hidden.iter().copied().collect();
        self.text.begin_pass();
        // On screen a card's open comments always show.
        let metrics = Metrics {
            comment_badges: true,
            ..Metrics::default()
        };
        let layout = layout::lay_out(&self.doc.project, map, &metrics, &mut self.text);
        let analysis = crate::analysis::analyse(&self.doc.project, map);
        let lang = self.project_language();
        let lens = self
            .lens
            .as_deref()
            .and_then(|owner| crate::analysis::lens::lens(&self.doc.project, Some(map.id), owner))
            .map(|l| crate::export::lens_dim(&l, &layout, lang, &mut self.text));
        let options = render::PaintOptions {
            lens,
            hidden_curves: hidden.clone(),
            marks: crate::report::peak_end_marks(&analysis, map, lang),
            journeys: crate::report::journey_badges(
                &self.doc.project,
                map,
                lang,
                (
                    &mut self.text,
                    metrics.stage_width - 2.0 * metrics.card_padding - 14.0,
                ),
            ),
        };
        let scene = render::paint(map, &layout, &self.theme, &options);
        self.painted = Some(Painted {
            map: map.id,
            snapshot,
            revision: self.doc.revision(),
            hidden,
            lens: self.lens.clone(),
            layout,
            scene,
            serial: {
                static PAINTED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                PAINTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            analysis,
            report: None,
        });
    }

    /// Window title, close requests, dropped files, shortcuts and clipboard events.
    fn input(&mut self, ctx: &egui::Context) {
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
            self.actions.push(AppAction::Request(Pending::Close));
        }
        if let Some(path) =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()))
        {
            // A review file dropped on the window brings its comments into the open project.
            let review = path
                .to_string_lossy()
                .to_lowercase()
                .ends_with(crate::import::review::REVIEW_EXTENSION);
            if review && self.start.is_none() {
                self.actions.push(AppAction::ImportReview(path));
            } else {
                self.actions
                    .push(AppAction::Request(Pending::Open(Some(path))));
            }
        }
        if self.presenting().is_some()
            && !self.dialogs.modal()
            && let Some(key) = super::workshop::presenter_keys(ctx)
        {
            self.actions.push(AppAction::Presenter(key));
        }
        if !self.dialogs.modal() {
            commands::shortcuts(ctx, &mut self.actions);
            commands::clipboard_events(ctx, &mut self.actions);
        }
    }

    /// After the actions: keep the map index and the selection valid, seal the undo step once
    /// no text field has focus, write the recovery journal.
    fn after_frame(&mut self, ctx: &egui::Context) {
        self.current_map = self
            .current_map
            .min(self.doc.project.maps.len().saturating_sub(1));
        // Only an edit, undo or redo can leave the selection pointing at what is gone.
        if self.pruned_revision != self.doc.revision()
            && let Some(map) = self.doc.project.maps.get(self.current_map)
        {
            self.selection.prune(map);
            self.canvas.prune(map);
            self.pruned_revision = self.doc.revision();
        }
        // A dialog or the presenter view closed: the map has the keyboard again, so the next
        // key goes to it and not to whatever Tab would find first.
        let away = self.dialogs.any_open() || self.presenting().is_some();
        if self.keyboard_away && !away && self.view == View::Map && self.start.is_none() {
            self.canvas.take_keyboard();
        }
        self.keyboard_away = away;
        // Once no text field has focus, the next typing starts a new undo step.
        if !self.canvas.is_dragging() && ctx.memory(egui::Memory::focused).is_none() {
            self.doc.history.seal();
        }
        self.keep_journal(ctx);
        // A colleague's save is brought in between gestures, never in the middle of a drag.
        if !self.canvas.is_dragging() {
            self.keep_watching(ctx);
        }
    }
}

impl eframe::App for KlantreisApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // Closed normally with nothing unsaved (changes undone back to the file): the journal
        // entry holds nothing worth offering. Unsaved work stays journaled for next time.
        if !self.doc.is_dirty()
            && let Some(entry) = &self.recovery.entry
        {
            entry.clear();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.language);
        self.input(&ctx);
        self.panels_ui(ui);
        self.dialogs_ui(&ctx);
        self.apply_actions(&ctx);
        self.after_frame(&ctx);
    }
}
