//! Colour tokens of the map on screen and on paper. The only place with literal colours.
#![allow(clippy::disallowed_methods)]

use epaint::Color32;

use crate::model::{LaneKind, Rgb};

/// The palette a map is painted with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// The map's own paper colour.
    pub paper: Color32,
    /// A printed page around the map.
    pub page: Color32,
    /// Crop marks on the sheets of a tiled poster.
    pub crop_mark: Color32,
    pub ink: Color32,
    pub ink_muted: Color32,
    pub grid_line: Color32,
    pub header_fill: Color32,
    pub header_ink: Color32,
    pub lane_header_fill: Color32,
    pub card_stroke: Color32,
    pub curve_band: Color32,
    pub neutral_line: Color32,
    pub moment_of_truth: Color32,
    pub curve_colours: [Color32; 6],
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            paper: Color32::from_rgb(0xfb, 0xfa, 0xf7),
            page: Color32::WHITE,
            crop_mark: Color32::BLACK,
            ink: Color32::from_rgb(0x1f, 0x23, 0x2b),
            ink_muted: Color32::from_rgb(0x5c, 0x63, 0x70),
            grid_line: Color32::from_rgb(0xdd, 0xda, 0xd2),
            header_fill: Color32::from_rgb(0x24, 0x3b, 0x53),
            header_ink: Color32::from_rgb(0xff, 0xff, 0xff),
            lane_header_fill: Color32::from_rgb(0xef, 0xec, 0xe4),
            card_stroke: Color32::from_rgba_unmultiplied(0x1f, 0x23, 0x2b, 40),
            curve_band: Color32::from_rgb(0xf4, 0xf2, 0xec),
            neutral_line: Color32::from_rgb(0xb5, 0xb0, 0xa4),
            moment_of_truth: Color32::from_rgb(0xc2, 0x41, 0x0c),
            // Okabe and Ito's palette, safe for the common colour-vision deficiencies (and
            // every curve also differs by its dash pattern, its faces by their mouths).
            curve_colours: [
                Color32::from_rgb(0x00, 0x72, 0xb2),
                Color32::from_rgb(0xd5, 0x5e, 0x00),
                Color32::from_rgb(0x00, 0x9e, 0x73),
                Color32::from_rgb(0xcc, 0x79, 0xa7),
                Color32::from_rgb(0xe6, 0x9f, 0x00),
                Color32::from_rgb(0x56, 0xb4, 0xe9),
            ],
        }
    }
}

impl Theme {
    /// An action's status: grey for an idea, blue planned, amber in progress, green done, a
    /// pale grey dropped (each also written beside it, never told by colour alone).
    pub fn status_colour(&self, status: crate::model::ActionStatus) -> Color32 {
        use crate::model::ActionStatus as S;
        match status {
            S::Idea => Color32::from_rgb(0x6b, 0x72, 0x80),
            S::Planned => Color32::from_rgb(0x00, 0x72, 0xb2),
            S::InProgress => Color32::from_rgb(0xd5, 0x8a, 0x00),
            S::Done => Color32::from_rgb(0x00, 0x9e, 0x73),
            S::Dropped => Color32::from_rgb(0xb5, 0xb0, 0xa4),
        }
    }

    /// The tint of a quadrant of the impact × effort matrix.
    pub fn quadrant_fill(&self, quadrant: crate::model::Quadrant) -> Color32 {
        use crate::model::Quadrant as Q;
        match quadrant {
            Q::QuickWin => Color32::from_rgb(0xdc, 0xfc, 0xe7),
            Q::BigBet => Color32::from_rgb(0xdb, 0xea, 0xfe),
            Q::FillIn => Color32::from_rgb(0xf5, 0xf5, 0xf4),
            Q::MoneyPit => Color32::from_rgb(0xfe, 0xe2, 0xe2),
        }
    }

    /// The fill of a card in a lane of `kind`: light tints, readable with dark ink.
    pub fn card_fill(&self, kind: LaneKind) -> Color32 {
        match kind {
            LaneKind::CustomerActions => Color32::from_rgb(0xdb, 0xea, 0xfe),
            LaneKind::Touchpoints => Color32::from_rgb(0xd1, 0xfa, 0xe5),
            LaneKind::Channels => Color32::from_rgb(0xcf, 0xf3, 0xf7),
            LaneKind::Thoughts => Color32::from_rgb(0xfe, 0xf3, 0xc7),
            LaneKind::Emotions => Color32::from_rgb(0xfc, 0xe7, 0xf3),
            LaneKind::PainPoints => Color32::from_rgb(0xfe, 0xe2, 0xe2),
            LaneKind::Opportunities => Color32::from_rgb(0xdc, 0xfc, 0xe7),
            LaneKind::Owners => Color32::from_rgb(0xed, 0xe9, 0xfe),
            LaneKind::Frontstage => Color32::from_rgb(0xe0, 0xf2, 0xfe),
            LaneKind::Backstage => Color32::from_rgb(0xe7, 0xe5, 0xe4),
            LaneKind::SupportProcesses => Color32::from_rgb(0xf5, 0xf5, 0xf4),
            LaneKind::Metrics => Color32::from_rgb(0xfa, 0xe8, 0xff),
            LaneKind::Evidence => Color32::from_rgb(0xff, 0xed, 0xd5),
            LaneKind::Quotes => Color32::from_rgb(0xe6, 0xf4, 0xfb),
            LaneKind::Custom => Color32::from_rgb(0xff, 0xff, 0xff),
        }
    }

    /// The accent of a lane of `kind`: the stripe on its header and its cards. The lanes of a
    /// journey take Okabe and Ito's colour-blind-safe hues; every lane also says its name.
    pub fn lane_accent(&self, kind: LaneKind) -> Color32 {
        match kind {
            LaneKind::CustomerActions => Color32::from_rgb(0x00, 0x72, 0xb2),
            LaneKind::Touchpoints => Color32::from_rgb(0x00, 0x9e, 0x73),
            LaneKind::Channels => Color32::from_rgb(0x56, 0xb4, 0xe9),
            LaneKind::Thoughts => Color32::from_rgb(0xe6, 0x9f, 0x00),
            LaneKind::Emotions => Color32::from_rgb(0xcc, 0x79, 0xa7),
            LaneKind::PainPoints => Color32::from_rgb(0xd5, 0x5e, 0x00),
            LaneKind::Opportunities => Color32::from_rgb(0x1a, 0x1a, 0x1a),
            LaneKind::Owners => Color32::from_rgb(0x7c, 0x3a, 0xed),
            LaneKind::Frontstage => Color32::from_rgb(0x02, 0x84, 0xc7),
            LaneKind::Backstage => Color32::from_rgb(0x57, 0x53, 0x4e),
            LaneKind::SupportProcesses => Color32::from_rgb(0x78, 0x71, 0x6c),
            LaneKind::Metrics => Color32::from_rgb(0xa2, 0x1c, 0xaf),
            LaneKind::Evidence => Color32::from_rgb(0xea, 0x58, 0x0c),
            LaneKind::Quotes => Color32::from_rgb(0x03, 0x69, 0xa1),
            LaneKind::Custom => Color32::from_rgb(0x64, 0x74, 0x8b),
        }
    }

    /// The line a relation of `kind` is drawn with on the stakeholder map: Okabe and Ito's
    /// colours, and a width or dash of its own, so the kinds differ without colour too.
    pub fn relation_line(kind: crate::model::RelationKind) -> super::Line {
        use crate::model::RelationKind as K;
        let (colour, width, dash) = match kind {
            K::Information => (Color32::from_rgb(0x00, 0x72, 0xb2), 1.8, Some(2.5)),
            K::Money => (Color32::from_rgb(0xd5, 0x5e, 0x00), 2.8, None),
            K::Service => (Color32::from_rgb(0x00, 0x9e, 0x73), 1.8, None),
            K::Goods => (Color32::from_rgb(0xcc, 0x79, 0xa7), 2.0, Some(8.0)),
            K::Trust => (Color32::from_rgb(0x56, 0x3d, 0x7c), 1.8, Some(14.0)),
        };
        super::Line {
            width,
            colour,
            dash,
        }
    }

    /// A stage that got better, between two compared curves (Okabe and Ito's bluish green).
    pub fn gain_colour() -> Color32 {
        Color32::from_rgb(0x00, 0x7a, 0x5a)
    }

    /// A stage that got worse (Okabe and Ito's vermillion, darkened for white text).
    pub fn loss_colour() -> Color32 {
        Color32::from_rgb(0xb8, 0x4a, 0x00)
    }

    /// A card moved since an earlier version, outlined on the canvas while comparing (Okabe
    /// and Ito's blue; added is the gain colour, removed the loss colour).
    pub fn moved_colour() -> Color32 {
        Color32::from_rgb(0x00, 0x72, 0xb2)
    }

    /// A card changed since an earlier version (Okabe and Ito's orange, darkened).
    pub fn changed_colour() -> Color32 {
        Color32::from_rgb(0xc7, 0x7c, 0x00)
    }

    /// An earlier version's curve, drawn behind the map's own while comparing.
    pub fn earlier_curve() -> Color32 {
        Color32::from_rgb(0x6b, 0x72, 0x80)
    }

    /// Black or white, whichever reads better on `fill` (initials on a persona's colour).
    pub fn ink_on(fill: Color32) -> Color32 {
        if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) {
            Color32::BLACK
        } else {
            Color32::WHITE
        }
    }

    /// A colour chosen by the user, as paint.
    pub fn user_colour(rgb: Rgb) -> Color32 {
        Color32::from_rgb(rgb.0, rgb.1, rgb.2)
    }

    /// A light tint of a user colour, for card fills.
    pub fn tint(rgb: Rgb) -> Color32 {
        let mix = |c: u8| ((c as u16 + 3 * 255) / 4) as u8;
        Color32::from_rgb(mix(rgb.0), mix(rgb.1), mix(rgb.2))
    }
}

/// The colours of the app around the map (panels, windows, widgets) in one look. The map
/// itself keeps its paper colours ([`Theme`]) in both, as a poster would.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chrome {
    pub dark: bool,
    /// Panels and the menu bar.
    pub panel: Color32,
    /// Dialogs and menus.
    pub window: Color32,
    /// Behind the map on the canvas, and inside text fields.
    pub surround: Color32,
    pub text: Color32,
    /// Hints and secondary text.
    pub text_weak: Color32,
    /// Buttons at rest, hovered, pressed.
    pub widget: Color32,
    pub widget_hover: Color32,
    pub widget_active: Color32,
    /// Lines between panels and around widgets.
    pub line: Color32,
    /// Selection and focus.
    pub accent: Color32,
    /// Text on the accent.
    pub on_accent: Color32,
    pub warn: Color32,
    pub error: Color32,
}

impl Chrome {
    /// The light look: warm white panels, slate text, the icon's teal for selection.
    pub fn light() -> Self {
        Self {
            dark: false,
            panel: Color32::from_rgb(0xf6, 0xf7, 0xf8),
            window: Color32::from_rgb(0xff, 0xff, 0xff),
            surround: Color32::from_rgb(0xe2, 0xe5, 0xe9),
            text: Color32::from_rgb(0x1f, 0x29, 0x37),
            text_weak: Color32::from_rgb(0x4b, 0x55, 0x63),
            widget: Color32::from_rgb(0xe8, 0xeb, 0xef),
            widget_hover: Color32::from_rgb(0xdd, 0xe2, 0xe8),
            widget_active: Color32::from_rgb(0xcf, 0xd6, 0xde),
            line: Color32::from_rgb(0xc9, 0xcf, 0xd6),
            accent: Color32::from_rgb(0x0f, 0x5a, 0x68),
            on_accent: Color32::from_rgb(0xff, 0xff, 0xff),
            warn: Color32::from_rgb(0x8a, 0x40, 0x00),
            error: Color32::from_rgb(0xa9, 0x18, 0x18),
        }
    }

    /// The dark look: deep slate panels, light text, a lighter teal.
    pub fn dark() -> Self {
        Self {
            dark: true,
            panel: Color32::from_rgb(0x1e, 0x23, 0x29),
            window: Color32::from_rgb(0x25, 0x2b, 0x32),
            surround: Color32::from_rgb(0x14, 0x17, 0x1b),
            text: Color32::from_rgb(0xe6, 0xe9, 0xed),
            text_weak: Color32::from_rgb(0xb4, 0xbc, 0xc6),
            widget: Color32::from_rgb(0x31, 0x38, 0x41),
            widget_hover: Color32::from_rgb(0x34, 0x3b, 0x44),
            widget_active: Color32::from_rgb(0x3a, 0x42, 0x4c),
            line: Color32::from_rgb(0x3a, 0x42, 0x4c),
            accent: Color32::from_rgb(0x6c, 0xc3, 0xd2),
            on_accent: Color32::from_rgb(0x0b, 0x1f, 0x24),
            warn: Color32::from_rgb(0xf5, 0xb0, 0x4a),
            error: Color32::from_rgb(0xfa, 0x9a, 0x9a),
        }
    }
}

/// WCAG's contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_that_of_wcag() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the classic 4.54:1.
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_of_both_looks_has_at_least_4_5_to_1_on_every_background() {
        for chrome in [Chrome::light(), Chrome::dark()] {
            let backgrounds = [
                ("panel", chrome.panel),
                ("window", chrome.window),
                ("surround", chrome.surround),
                ("widget", chrome.widget),
                ("widget_hover", chrome.widget_hover),
                ("widget_active", chrome.widget_active),
            ];
            let inks = [
                ("text", chrome.text),
                ("text_weak", chrome.text_weak),
                ("warn", chrome.warn),
                ("error", chrome.error),
                ("accent", chrome.accent),
            ];
            for (bg_name, bg) in backgrounds {
                for (ink_name, ink) in inks {
                    let c = contrast(ink, bg);
                    assert!(
                        c >= 4.5,
                        "{} {ink_name} on {bg_name}: {c:.2}:1",
                        if chrome.dark { "dark" } else { "light" }
                    );
                }
            }
            let c = contrast(chrome.on_accent, chrome.accent);
            assert!(c >= 4.5, "text on the accent: {c:.2}:1");
        }
    }

    #[test]
    fn the_map_ink_has_at_least_4_5_to_1_on_its_paper_and_cards() {
        let theme = Theme::default();
        assert!(contrast(theme.ink, theme.paper) >= 4.5);
        assert!(contrast(theme.ink_muted, theme.paper) >= 4.5);
        assert!(contrast(theme.header_ink, theme.header_fill) >= 4.5);
        for kind in LaneKind::ALL {
            let c = contrast(theme.ink, theme.card_fill(kind));
            assert!(c >= 4.5, "{kind:?}: {c:.2}:1");
        }
    }
}
