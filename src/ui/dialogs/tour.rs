//! The guided tour: a few steps through what Klantreis is for, shown after the first start's
//! language question and again from Help › Guided tour. It can be skipped at any step.

use crate::i18n::{tr, tr_args};

/// The steps: (title, text) catalogue keys.
const STEPS: [(&str, &str); 5] = [
    ("tour.map.title", "tour.map.body"),
    ("tour.cards.title", "tour.cards.body"),
    ("tour.curve.title", "tour.curve.body"),
    ("tour.analysis.title", "tour.analysis.body"),
    ("tour.paper.title", "tour.paper.body"),
];

/// The tour at one of its steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tour {
    step: usize,
}

/// The tour's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TourAnswer {
    /// Go to this step.
    Step(usize),
    /// Finished or skipped.
    Done,
}

impl Tour {
    /// The tour at `step` (past the last: the last).
    pub fn at(step: usize) -> Self {
        Self {
            step: step.min(STEPS.len() - 1),
        }
    }

    /// Shows the step; returns where to go next.
    pub fn ui(self, ctx: &egui::Context) -> Option<TourAnswer> {
        let mut answer = None;
        let (title, body) = STEPS[self.step];
        egui::Window::new(tr("tour.window"))
            .id(egui::Id::unique("tour"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-24.0, -48.0))
            .default_width(360.0)
            .show(ctx, |ui| {
                ui.weak(tr_args(
                    "tour.step",
                    &[("step", &(self.step + 1)), ("steps", &STEPS.len())],
                ));
                ui.heading(tr(title));
                ui.label(tr(body));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if self.step > 0 && ui.button(tr("tour.back")).clicked() {
                        answer = Some(TourAnswer::Step(self.step - 1));
                    }
                    let last = self.step + 1 == STEPS.len();
                    let next = if last {
                        tr("tour.done")
                    } else {
                        tr("tour.next")
                    };
                    if ui.button(next).clicked() {
                        answer = Some(if last {
                            TourAnswer::Done
                        } else {
                            TourAnswer::Step(self.step + 1)
                        });
                    }
                    if !last && ui.button(tr("tour.skip")).clicked() {
                        answer = Some(TourAnswer::Done);
                    }
                });
            });
        if answer.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(TourAnswer::Done);
        }
        answer
    }
}
