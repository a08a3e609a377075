//! The first start's question: which language, for the menus and for new projects alike. It
//! is asked in both languages, since neither is known to be the user's yet.

use crate::i18n::Language;

/// The question; its answer is the language chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LanguageQuestion;

impl LanguageQuestion {
    /// Shows the question; returns the language once one is chosen (Esc keeps the system's).
    pub fn ui(self, ctx: &egui::Context) -> Option<Language> {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("first-start-language")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Welkom bij Klantreis · Welcome to Klantreis");
            ui.add_space(4.0);
            ui.label("In welke taal wil je werken? Nieuwe projecten krijgen dezelfde taal.");
            ui.label("Which language would you like to work in? New projects get it too.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                for language in [Language::Dutch, Language::English] {
                    let button =
                        egui::Button::new(language.native_name()).min_size(egui::vec2(120.0, 32.0));
                    if ui.add(button).clicked() {
                        answer = Some(language);
                    }
                }
            });
            ui.add_space(4.0);
            ui.weak("Later te wijzigen in Bestand › Instellingen · File › Settings");
        });
        if answer.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(Language::system());
        }
        answer
    }
}
