//! The menu bar (with the recent files and the language menu) and the toolbar, both built
//! from the one command list.

use std::path::PathBuf;

use crate::i18n::{tr, tr_args};
use crate::ui::app::{AppAction, Pending};
use crate::ui::command::{Command, Menu};
use crate::ui::settings::Settings;

/// The menu bar; `lens` is the project (whose owners the lens menu offers, read only while the
/// View menu is open) and the owner whose lens is on.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    lens: (&crate::model::Project, Option<&str>),
    actions: &mut Vec<AppAction>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.label(), |ui| {
                for command in Command::ALL
                    .into_iter()
                    .filter(|c| c.menu() == menu && !c.in_submenu())
                {
                    if matches!(command, Command::Settings | Command::Quit) {
                        ui.separator();
                    }
                    let mut button = egui::Button::new(command.label());
                    if let Some(s) = command.shortcut() {
                        button =
                            button.shortcut_text(crate::ui::command::shortcut_text(ui.ctx(), &s));
                    }
                    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                        actions.push(AppAction::Command(command));
                    }
                    if command == Command::Open {
                        recent_menu_ui(ui, &settings.recent, actions);
                    }
                }
                if menu == Menu::View {
                    ui.separator();
                    let owners = crate::analysis::lens::owners(lens.0);
                    lens_menu_ui(ui, (&owners, lens.1), actions);
                    let preferences = &settings.preferences;
                    choice_menu_ui(ui, "menu.language", actions, |c| {
                        c.language().map(|l| l == preferences.language)
                    });
                    choice_menu_ui(ui, "menu.theme", actions, |c| {
                        c.theme().map(|t| t == preferences.theme)
                    });
                }
            });
        }
    });
}

/// File › Open recent.
fn recent_menu_ui(ui: &mut egui::Ui, recent: &[PathBuf], actions: &mut Vec<AppAction>) {
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(tr("menu.open_recent"), |ui| {
            for path in recent {
                if path.exists() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(AppAction::Request(Pending::Open(Some(path.clone()))));
                    }
                    continue;
                }
                // Moved or deleted: said so, with a way to take it off the list.
                ui.horizontal(|ui| {
                    ui.add_enabled(
                        false,
                        egui::Button::new(tr_args(
                            "menu.recent_missing",
                            &[("path", &path.display())],
                        )),
                    );
                    if ui.small_button(tr("start.forget")).clicked() {
                        actions.push(AppAction::ForgetRecent(path.clone()));
                    }
                });
            }
        });
    });
}

/// View › Department lens: no lens, or one of the project's owners.
fn lens_menu_ui(
    ui: &mut egui::Ui,
    (owners, on): (&[String], Option<&str>),
    actions: &mut Vec<AppAction>,
) {
    ui.add_enabled_ui(!owners.is_empty(), |ui| {
        ui.menu_button(tr("menu.lens"), |ui| {
            if ui
                .selectable_label(on.is_none(), tr("menu.lens.none"))
                .clicked()
            {
                actions.push(AppAction::Lens(None));
                ui.close();
            }
            for owner in owners {
                if ui
                    .selectable_label(on == Some(owner.as_str()), owner)
                    .on_hover_text(tr("menu.lens.tip"))
                    .clicked()
                {
                    actions.push(AppAction::Lens(Some(owner.clone())));
                    ui.close();
                }
            }
        })
        .response
        .on_disabled_hover_text(tr("menu.lens.no_owners"));
    });
}

/// A submenu of exclusive choices (View › Language, View › Theme): the commands `ticked`
/// answers for, the one in use ticked.
fn choice_menu_ui(
    ui: &mut egui::Ui,
    title: &'static str,
    actions: &mut Vec<AppAction>,
    ticked: impl Fn(Command) -> Option<bool>,
) {
    ui.menu_button(tr(title), |ui| {
        for command in Command::ALL {
            let Some(on) = ticked(command) else {
                continue;
            };
            if ui
                .selectable_label(on, command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                actions.push(AppAction::Command(command));
                ui.close();
            }
        }
    });
}

/// The toolbar; `(can_undo, can_redo, selected)` enable its buttons.
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    (can_undo, can_redo, selected): (bool, bool, bool),
    actions: &mut Vec<AppAction>,
) {
    ui.horizontal(|ui| {
        for slot in Command::TOOLBAR {
            let Some(command) = slot else {
                ui.separator();
                continue;
            };
            let mut tip = command.tooltip().into_owned();
            if let Some(s) = command.shortcut() {
                tip = format!(
                    "{tip} ({})",
                    crate::ui::command::shortcut_text(ui.ctx(), &s)
                );
            }
            let enabled = match command {
                Command::Undo => can_undo,
                Command::Redo => can_redo,
                Command::Duplicate | Command::Delete => selected,
                _ => true,
            };
            if ui
                .add_enabled_ui(enabled, |ui| command_button(ui, command, false))
                .inner
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(AppAction::Command(command));
            }
        }
    });
}

/// A toolbar button: the command's icon (line art from the same painter as the map) and its
/// label; `on` shows it pressed. It takes clicks but never the keyboard: Tab does not stop on
/// it, so a Space or Enter meant for the map can never undo or delete (the keyboard reaches
/// each command by its shortcut, the menus and Ctrl+K).
pub fn command_button(ui: &mut egui::Ui, command: Command, on: bool) -> egui::Response {
    let Some(icon) = command.icon() else {
        return ui.add(egui::Button::selectable(on, command.label()).sense(egui::Sense::CLICK));
    };
    let id = egui::IdSalt::new(("toolbar-icon", command));
    let side = ui.text_style_height(&egui::TextStyle::Button);
    let response = egui::Button::selectable(
        on,
        (
            egui::Atom::custom(id, egui::Vec2::splat(side)),
            command.label(),
        ),
    )
    .sense(egui::Sense::CLICK)
    .atom_ui(ui);
    if let Some(rect) = response.rect(id) {
        let colour = if on {
            ui.visuals().selection.stroke.color
        } else if ui.is_enabled() {
            ui.visuals().text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        paint_icon(ui, rect, |square| {
            crate::render::action_icon(icon, square, colour)
        });
    }
    response.response
}

/// Paints line art made by `draw` (given a square at the origin) into `rect`, through the same
/// scene painter as the map.
pub fn paint_icon(
    ui: &egui::Ui,
    rect: egui::Rect,
    draw: impl FnOnce(egui::Rect) -> Vec<crate::render::Shape>,
) {
    let scene = crate::render::Scene {
        size: rect.size(),
        background: egui::Color32::TRANSPARENT,
        shapes: draw(egui::Rect::from_min_size(egui::Pos2::ZERO, rect.size())),
    };
    let transform = egui::emath::TSTransform::from_translation(rect.min.to_vec2());
    crate::ui::paint_scene(ui.painter(), &scene, transform, rect);
}
