//! The title block at the top of a map: its title, the subtitle (the project), the personas
//! the map follows (photo or initials, name and role) and the legend of its curves on the
//! right.

use epaint::{Pos2, Rect, pos2, vec2};

use super::{LegendEntry, Metrics, PersonaBadge, Picture, PlacedText, TextMeasurer, TitleLayout};
use crate::i18n::{Language, tr_in};
use crate::model::{Map, Project};

/// The diameter of a persona's photo in the title block.
pub const BADGE_SIDE: f32 = 34.0;
/// The widest a persona's name and role run beside the photo.
const BADGE_TEXT_WIDTH: f32 = 170.0;

/// How wide the curves' legend is, at the right of the title block.
const LEGEND_WIDTH: f32 = 250.0;
/// Height of one legend line.
const LEGEND_LINE: f32 = 16.0;
/// Width of the line sample in front of a legend label.
pub const LEGEND_SAMPLE: f32 = 40.0;

/// The subtitle under the map title: the project, and the map's goal when the map has no goal
/// band to show it in.
fn subtitle(project: &Project, map: &Map) -> String {
    let mut parts = vec![project.title.clone()];
    if !super::band::has_goal_band(map) && !map.goal.is_empty() {
        parts.push(map.goal.clone());
    }
    parts.retain(|p| !p.is_empty());
    parts.join("  ·  ")
}

/// Initials for a persona without a photo: the first letters of the first and last word.
pub fn initials(name: &str) -> String {
    // Words that start with a letter ("Els (58)" gives "E", not "E(").
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let first = |w: &&str| w.chars().next();
    match (words.first().and_then(first), words.last().and_then(first)) {
        (Some(a), Some(b)) if words.len() > 1 => format!("{a}{b}").to_uppercase(),
        (Some(a), _) => a.to_uppercase().collect(),
        _ => "?".to_owned(),
    }
}

/// The personas `map` follows, in a row from `top_left`, wrapping within `width`.
fn persona_badges(
    project: &Project,
    map: &Map,
    top_left: Pos2,
    width: f32,
    text: &mut TextMeasurer,
) -> Vec<PersonaBadge> {
    let mut badges = Vec::new();
    let (mut x, mut y) = (top_left.x, top_left.y);
    for persona in map.personas.iter().filter_map(|id| project.persona(*id)) {
        let name = text.block(&persona.name, 10.5, true, BADGE_TEXT_WIDTH, 1);
        let role = text.block(&persona.role, 8.5, false, BADGE_TEXT_WIDTH, 1);
        let badge_width = BADGE_SIDE + 6.0 + name.size.x.max(role.size.x);
        if x > top_left.x && x + badge_width > top_left.x + width {
            x = top_left.x;
            y += BADGE_SIDE + 6.0;
        }
        let photo = Rect::from_min_size(pos2(x, y), vec2(BADGE_SIDE, BADGE_SIDE));
        let letters = text.block(&initials(&persona.name), 12.0, true, BADGE_SIDE, 1);
        let words_height = name.size.y
            + if persona.role.is_empty() {
                0.0
            } else {
                role.size.y
            };
        let name_pos = pos2(photo.right() + 6.0, photo.center().y - words_height / 2.0);
        let role_pos = pos2(name_pos.x, name_pos.y + name.size.y);
        badges.push(PersonaBadge {
            persona: persona.id,
            photo,
            picture: persona.image.and_then(|id| Picture::find(project, id)),
            colour: persona.colour,
            initials: PlacedText {
                pos: photo.center() - letters.size / 2.0,
                block: letters,
            },
            name: PlacedText {
                pos: name_pos,
                block: name,
            },
            role: PlacedText {
                pos: role_pos,
                block: role,
            },
        });
        x += badge_width + 18.0;
    }
    badges
}

/// The title block of `map`, `grid_width` wide from the left margin, and the legend in it.
pub(super) fn title_block(
    project: &Project,
    map: &Map,
    m: &Metrics,
    grid_width: f32,
    text: &mut TextMeasurer,
) -> (TitleLayout, Vec<LegendEntry>) {
    // Title block, with the curves' legend on its right.
    let legend_width = if map.curves.is_empty() {
        0.0
    } else {
        LEGEND_WIDTH
    };
    let title_width = (grid_width - legend_width - 16.0).max(grid_width * 0.5);
    let title_block = text.block(&map.title, m.title_size, true, title_width, 2);
    let subtitle_block = text.block(
        &subtitle(project, map),
        m.subtitle_size,
        false,
        title_width,
        2,
    );
    let title_pos = pos2(m.margin, m.margin);
    let subtitle_pos = pos2(m.margin, title_pos.y + title_block.size.y + 4.0);
    let legend = lay_out_legend(
        project,
        map,
        pos2(m.margin + grid_width - legend_width, m.margin),
        text,
    );
    let mut legend_bottom = legend.last().map_or(0.0, |e| e.rect.bottom());
    // Under the legend, what the differences drawn between two curves are.
    let diff_legend = map.compare.and_then(|(first, second)| {
        let name = |id| {
            map.curves
                .iter()
                .find(|c| c.id == id)
                .map(|c| curve_name(project, c))
        };
        let lang = Language::of_text(&project.language);
        let words = crate::i18n::tr_args_in(
            lang,
            "curve.difference",
            &[("second", &name(second)?), ("first", &name(first)?)],
        );
        let block = text.block(&words, 9.0, true, LEGEND_WIDTH, 2);
        let pos = pos2(m.margin + grid_width - legend_width, legend_bottom + 3.0);
        legend_bottom = pos.y + block.size.y;
        Some(PlacedText { pos, block })
    });
    let personas = persona_badges(
        project,
        map,
        pos2(m.margin, subtitle_pos.y + subtitle_block.size.y + 8.0),
        title_width,
        text,
    );
    let badges_bottom = personas
        .iter()
        .map(|b| b.photo.bottom())
        .fold(0.0, f32::max);
    let title_bottom = (subtitle_pos.y + subtitle_block.size.y)
        .max(legend_bottom)
        .max(badges_bottom);
    let title = TitleLayout {
        rect: Rect::from_min_max(
            pos2(m.margin, m.margin),
            pos2(m.margin + grid_width, title_bottom),
        ),
        title: PlacedText {
            pos: title_pos,
            block: title_block,
        },
        subtitle: PlacedText {
            pos: subtitle_pos,
            block: subtitle_block,
        },
        personas,
        diff_legend,
    };

    (title, legend)
}

/// A curve's name for legends and lists: its label, else its persona's name, with as-is or
/// to-be, in the project's language.
pub fn curve_name(project: &Project, curve: &crate::model::EmotionCurve) -> String {
    let lang = Language::of_text(&project.language);
    let base = if curve.label.is_empty() {
        curve
            .persona
            .and_then(|id| project.persona(id))
            .map_or_else(
                || tr_in(lang, "curve.unnamed").into_owned(),
                |p| p.name.clone(),
            )
    } else {
        curve.label.clone()
    };
    let variant = match curve.variant {
        crate::model::CurveVariant::AsIs => tr_in(lang, "curve.as_is"),
        crate::model::CurveVariant::ToBe => tr_in(lang, "curve.to_be"),
    };
    format!("{base} · {variant}")
}

fn lay_out_legend(
    project: &Project,
    map: &Map,
    top_left: Pos2,
    text: &mut TextMeasurer,
) -> Vec<LegendEntry> {
    map.curves
        .iter()
        .enumerate()
        .map(|(i, curve)| {
            let top = top_left.y + 4.0 + LEGEND_LINE * i as f32;
            let label = text.block(
                &curve_name(project, curve),
                9.0,
                false,
                LEGEND_WIDTH - LEGEND_SAMPLE - 8.0,
                1,
            );
            let label_pos = pos2(
                top_left.x + LEGEND_SAMPLE + 6.0,
                top + (LEGEND_LINE - label.size.y) / 2.0,
            );
            LegendEntry {
                curve: curve.id,
                rect: Rect::from_min_size(pos2(top_left.x, top), vec2(LEGEND_WIDTH, LEGEND_LINE)),
                label: PlacedText {
                    pos: label_pos,
                    block: label,
                },
            }
        })
        .collect()
}
