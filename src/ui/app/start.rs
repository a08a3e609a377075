//! The start screen and the guided tour as the app sees them: what their answers do.

use super::{KlantreisApp, Pending};
use crate::ui::dialogs::{Tour, TourAnswer};
use crate::ui::start::{StartAnswer, StartScreen};

impl KlantreisApp {
    /// Shows the start screen (File › Start screen), read afresh.
    pub(super) fn show_start_screen(&mut self) {
        self.start = Some(StartScreen::new(&self.settings.recent, &mut self.text));
    }

    /// Whether the start screen is showing.
    pub fn start_screen_shown(&self) -> bool {
        self.start.is_some()
    }

    /// Does what was chosen on the start screen. Opening or making a document closes it (in
    /// `set_document`), asking first about unsaved work like every other way.
    pub(super) fn answer_start(&mut self, answer: StartAnswer, ctx: &egui::Context) {
        match answer {
            StartAnswer::New(kind) => self.request(Pending::New(kind), ctx),
            StartAnswer::Browse => self.request(Pending::Open(None), ctx),
            StartAnswer::Open(path) => self.request(Pending::Open(Some(path)), ctx),
            StartAnswer::Example(index) => self.request(Pending::Example(index), ctx),
            StartAnswer::Forget(path) => self.forget_recent(&path),
        }
    }

    /// Takes `path` off the recent list (and the start screen, if it shows).
    pub(super) fn forget_recent(&mut self, path: &std::path::Path) {
        self.settings.forget_recent(path);
        if let Some(start) = &mut self.start {
            start.forget(path);
        }
    }

    /// The tour's next step, or its end (not shown at a start again).
    pub(super) fn answer_tour(&mut self, answer: TourAnswer) {
        match answer {
            TourAnswer::Step(step) => self.dialogs.tour = Some(Tour::at(step)),
            TourAnswer::Done => {
                self.dialogs.tour = None;
                self.settings.tour_seen = true;
            }
        }
    }
}
