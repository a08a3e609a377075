//! Help: the shortcut sheet (F1), generated from the one command list, and About (version,
//! licences).

use crate::i18n::{tr, tr_args};
use crate::ui::command::{Command, Menu};

/// Which help window is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    Shortcuts,
    About,
}

/// A help window's answer: it was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closed;

/// What a pointer or key does on the map, beside the commands: (gesture, what it does).
const GESTURES: [(&str, &str); 9] = [
    ("help.gesture.drag", "help.gesture.drag_does"),
    ("help.gesture.shift_drag", "help.gesture.shift_drag_does"),
    ("help.gesture.ctrl_scroll", "help.gesture.ctrl_scroll_does"),
    (
        "help.gesture.double_click",
        "help.gesture.double_click_does",
    ),
    ("help.gesture.drag_card", "help.gesture.drag_card_does"),
    ("help.gesture.right_click", "help.gesture.right_click_does"),
    ("help.gesture.enter", "help.gesture.enter_does"),
    ("help.gesture.escape", "help.gesture.escape_does"),
    ("help.gesture.type", "help.gesture.type_does"),
];

impl Help {
    /// Shows the window; returns `Closed` once closed (its button, the title bar's × or Esc).
    pub fn ui(self, ctx: &egui::Context) -> Option<Closed> {
        let mut open = true;
        let mut close = false;
        let title = match self {
            Self::Shortcuts => tr("help.shortcuts_title"),
            Self::About => tr("help.about_title"),
        };
        egui::Window::new(title)
            .id(egui::Id::unique("help"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.7)
                    .show(ui, |ui| match self {
                        Self::Shortcuts => shortcuts_ui(ui),
                        Self::About => about_ui(ui),
                    });
                ui.separator();
                close = ui.button(tr("help.close")).clicked();
            });
        (!open || close || ctx.input(|i| i.key_pressed(egui::Key::Escape))).then_some(Closed)
    }
}

/// Every command with a shortcut, menu by menu, then the gestures on the map.
fn shortcuts_ui(ui: &mut egui::Ui) {
    for menu in Menu::ALL {
        let commands: Vec<Command> = Command::ALL
            .into_iter()
            .filter(|c| c.menu() == menu && c.shortcut().is_some())
            .collect();
        if commands.is_empty() {
            continue;
        }
        ui.strong(menu.label());
        egui::Grid::new(("shortcuts", menu.label()))
            .num_columns(2)
            .striped(true)
            .min_col_width(150.0)
            .show(ui, |ui| {
                for command in commands {
                    let keys: Vec<String> = command
                        .shortcut()
                        .into_iter()
                        .chain(command.extra_shortcuts().iter().copied())
                        .map(|s| crate::ui::command::shortcut_text(ui.ctx(), &s))
                        .collect();
                    ui.monospace(keys.join("  /  "));
                    ui.label(command.label());
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
    ui.strong(tr("help.on_the_map"));
    egui::Grid::new("gestures")
        .num_columns(2)
        .striped(true)
        .min_col_width(150.0)
        .show(ui, |ui| {
            for (gesture, does) in GESTURES {
                ui.monospace(tr(gesture));
                ui.label(tr(does));
                ui.end_row();
            }
        });
}

/// The version, what Klantreis is, and the licences of the app and of the font it ships.
fn about_ui(ui: &mut egui::Ui) {
    ui.heading("Klantreis");
    ui.label(tr_args(
        "help.version",
        &[("version", &env!("CARGO_PKG_VERSION"))],
    ));
    ui.label(tr("help.about_body"));
    ui.add_space(6.0);
    ui.strong(tr("help.licences"));
    ui.label(tr("help.licence_app"));
    ui.label(tr("help.licence_font"));
    ui.add_space(4.0);
    egui::CollapsingHeader::new(tr("help.font_licence_text"))
        .id_salt("ofl")
        .show(ui, |ui| {
            ui.add(egui::Label::new(
                egui::RichText::new(include_str!("../../../assets/fonts/LICENSE-OFL.txt"))
                    .monospace()
                    .small(),
            ));
        });
}
