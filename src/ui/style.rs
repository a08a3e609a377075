//! The app's look in egui terms: the light and the dark [`Chrome`] turned into egui visuals,
//! installed for both of egui's themes so that following the system switches between them.

use egui::{Stroke, Visuals};

use crate::render::Chrome;

/// egui visuals painted with `chrome`'s colours.
pub fn visuals(chrome: &Chrome) -> Visuals {
    let mut v = if chrome.dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    v.panel_fill = chrome.panel;
    v.window_fill = chrome.window;
    v.faint_bg_color = chrome.widget;
    v.extreme_bg_color = chrome.surround;
    v.text_edit_bg_color = Some(chrome.window);
    v.code_bg_color = chrome.widget;
    v.window_stroke = Stroke::new(1.0, chrome.line);
    v.hyperlink_color = chrome.accent;
    v.warn_fg_color = chrome.warn;
    v.error_fg_color = chrome.error;
    v.selection.bg_fill = chrome.accent;
    v.selection.stroke = Stroke::new(1.5, chrome.on_accent);
    v.window_corner_radius = 8.into();
    v.menu_corner_radius = 6.into();
    let w = &mut v.widgets;
    w.noninteractive.bg_fill = chrome.panel;
    w.noninteractive.weak_bg_fill = chrome.panel;
    w.noninteractive.bg_stroke = Stroke::new(1.0, chrome.line);
    w.noninteractive.fg_stroke = Stroke::new(1.0, chrome.text);
    for (state, fill) in [
        (&mut w.inactive, chrome.widget),
        (&mut w.hovered, chrome.widget_hover),
        (&mut w.active, chrome.widget_active),
        (&mut w.open, chrome.widget_hover),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke = Stroke::new(1.0, chrome.text);
        state.corner_radius = 5.into();
    }
    w.hovered.bg_stroke = Stroke::new(1.0, chrome.line);
    w.active.bg_stroke = Stroke::new(1.0, chrome.accent);
    // Keyboard focus shows as the accent outline on every widget.
    w.inactive.bg_stroke = Stroke::NONE;
    v.weak_text_color = Some(chrome.text_weak);
    v
}

/// The text of an entry that can be selected: selected, it takes the selection's ink, so text
/// that is strong or coloured (a change's colour) still reads on the accent behind it.
pub fn selectable_text(ui: &egui::Ui, text: egui::RichText, selected: bool) -> egui::RichText {
    if selected {
        text.color(ui.visuals().selection.stroke.color)
    } else {
        text
    }
}

/// Installs both looks; egui picks one by the theme preference, and the light one where the
/// system does not say.
pub fn install(ctx: &egui::Context) {
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    ctx.set_visuals_of(egui::Theme::Light, visuals(&Chrome::light()));
    ctx.set_visuals_of(egui::Theme::Dark, visuals(&Chrome::dark()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::contrast;

    #[test]
    fn text_in_either_look_reads_at_4_5_to_1_on_panels_windows_and_buttons() {
        for chrome in [Chrome::light(), Chrome::dark()] {
            let v = visuals(&chrome);
            let ink = v.text_color();
            for bg in [
                v.panel_fill,
                v.window_fill,
                v.extreme_bg_color,
                v.widgets.inactive.weak_bg_fill,
                v.widgets.hovered.weak_bg_fill,
                v.widgets.active.weak_bg_fill,
            ] {
                assert!(contrast(ink, bg) >= 4.5, "{ink:?} on {bg:?}");
                assert!(contrast(v.weak_text_color(), bg) >= 4.5, "weak on {bg:?}");
                assert!(contrast(v.warn_fg_color, bg) >= 4.5, "warning on {bg:?}");
                assert!(contrast(v.error_fg_color, bg) >= 4.5, "error on {bg:?}");
            }
            assert_eq!(v.dark_mode, chrome.dark);
        }
    }
}
