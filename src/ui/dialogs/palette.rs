//! The command palette (Ctrl+K): type to filter every command, Enter or a click runs one.

use crate::i18n::tr;
use crate::ui::command::Command;

/// The palette's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chosen {
    Run(Command),
    Close,
}

/// The palette and what has been typed into it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    pub query: String,
}

impl Palette {
    /// The commands whose label holds the query (not the palette itself).
    fn matches(&self) -> Vec<Command> {
        let q = self.query.to_lowercase();
        Command::ALL
            .into_iter()
            .filter(|c| c != &Command::CommandPalette && c.label().to_lowercase().contains(&q))
            .collect()
    }

    /// Shows the palette; returns the command chosen, or that it was closed.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Chosen> {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
            ui.set_width(360.0);
            let name = ui.label(tr("palette.label"));
            ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr("palette.hint"))
                    .id_salt("palette-query"),
            )
            .labelled_by(name.id)
            .request_focus();
            let matches = self.matches();
            for c in &matches {
                let mut b = egui::Button::new(c.label()).frame(false);
                if let Some(s) = c.shortcut() {
                    b = b.shortcut_text(crate::ui::command::shortcut_text(ui.ctx(), &s));
                }
                if ui.add(b).on_hover_text(c.tooltip()).clicked() {
                    answer = Some(Chosen::Run(*c));
                }
            }
            if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                answer = matches.first().map(|c| Chosen::Run(*c));
            }
            if answer.is_none() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = Some(Chosen::Close);
            }
        });
        answer
    }
}
