//! How keys and shortcuts are written for people: the modifiers as the platform names them,
//! the key as the keyboard of the interface language names it.

use std::borrow::Cow;

use egui::{Key, KeyboardShortcut};

use crate::i18n::Language;

/// A shortcut as the interface language writes it: the modifiers as the platform names them
/// (symbols on a Mac), then the key by the name on its cap in that language ("Del", "Spatie",
/// "Pijl-links" in Dutch) or by its symbol ("Ctrl++", not "Ctrl+Plus").
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    if ctx.os().is_mac() {
        return ctx.format_shortcut(shortcut);
    }
    let mut text = egui::ModifierNames::NAMES.format(&shortcut.modifiers, false);
    if !text.is_empty() {
        text.push('+');
    }
    text.push_str(&key_name(shortcut.logical_key, crate::i18n::language()));
    text
}

/// The name of `key` on a keyboard of `language`.
pub fn key_name(key: Key, language: Language) -> Cow<'static, str> {
    let dutch = language == Language::Dutch;
    Cow::Borrowed(match key {
        Key::Delete if dutch => "Del",
        Key::Space if dutch => "Spatie",
        Key::ArrowLeft if dutch => "Pijl-links",
        Key::ArrowRight if dutch => "Pijl-rechts",
        Key::ArrowUp if dutch => "Pijl-omhoog",
        Key::ArrowDown if dutch => "Pijl-omlaag",
        Key::PageUp if dutch => "PgUp",
        Key::PageDown if dutch => "PgDn",
        Key::Escape => "Esc",
        Key::ArrowLeft => "Left",
        Key::ArrowRight => "Right",
        Key::ArrowUp => "Up",
        Key::ArrowDown => "Down",
        Key::Plus => "+",
        Key::Minus => "−",
        Key::Equals => "=",
        Key::Comma => ",",
        Key::Period => ".",
        other => other.symbol_or_name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    /// Reported: English key names in the Dutch interface ("Delete", "Ctrl+Plus").
    #[test]
    fn keys_are_named_as_the_keyboard_of_the_language_names_them() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        crate::i18n::set_language(Language::Dutch);
        let text = |s: KeyboardShortcut| shortcut_text(&ctx, &s);
        assert_eq!(
            text(KeyboardShortcut::new(Modifiers::NONE, Key::Delete)),
            "Del"
        );
        assert_eq!(
            text(KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)),
            "Ctrl++"
        );
        assert_eq!(
            text(KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma)),
            "Ctrl+,"
        );
        assert_eq!(
            text(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::Z
            )),
            "Ctrl+Shift+Z"
        );
        assert_eq!(key_name(Key::Space, Language::Dutch), "Spatie");
        crate::i18n::set_language(Language::English);
        assert_eq!(
            text(KeyboardShortcut::new(Modifiers::NONE, Key::Delete)),
            "Delete"
        );
        assert_eq!(
            text(KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)),
            "Ctrl+−"
        );
    }
}
