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
            curve_colours: [
                Color32::from_rgb(0x1d, 0x4e, 0xd8),
                Color32::from_rgb(0xb4, 0x23, 0x8a),
                Color32::from_rgb(0x0f, 0x76, 0x6e),
                Color32::from_rgb(0xb4, 0x53, 0x09),
                Color32::from_rgb(0x6d, 0x28, 0xd9),
                Color32::from_rgb(0x3f, 0x62, 0x12),
            ],
        }
    }
}

impl Theme {
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
            LaneKind::Custom => Color32::from_rgb(0xff, 0xff, 0xff),
        }
    }

    /// The accent of a lane of `kind`: the stripe on its header and its cards.
    pub fn lane_accent(&self, kind: LaneKind) -> Color32 {
        match kind {
            LaneKind::CustomerActions => Color32::from_rgb(0x25, 0x63, 0xeb),
            LaneKind::Touchpoints => Color32::from_rgb(0x05, 0x96, 0x69),
            LaneKind::Channels => Color32::from_rgb(0x08, 0x91, 0xb2),
            LaneKind::Thoughts => Color32::from_rgb(0xca, 0x8a, 0x04),
            LaneKind::Emotions => Color32::from_rgb(0xdb, 0x27, 0x77),
            LaneKind::PainPoints => Color32::from_rgb(0xdc, 0x26, 0x26),
            LaneKind::Opportunities => Color32::from_rgb(0x16, 0xa3, 0x4a),
            LaneKind::Owners => Color32::from_rgb(0x7c, 0x3a, 0xed),
            LaneKind::Frontstage => Color32::from_rgb(0x02, 0x84, 0xc7),
            LaneKind::Backstage => Color32::from_rgb(0x57, 0x53, 0x4e),
            LaneKind::SupportProcesses => Color32::from_rgb(0x78, 0x71, 0x6c),
            LaneKind::Metrics => Color32::from_rgb(0xa2, 0x1c, 0xaf),
            LaneKind::Evidence => Color32::from_rgb(0xea, 0x58, 0x0c),
            LaneKind::Custom => Color32::from_rgb(0x64, 0x74, 0x8b),
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
