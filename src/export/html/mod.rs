//! The interactive HTML viewer: one self-contained page that opens from a file or an e-mail
//! attachment in any current browser, with no network request at all.
//!
//! Every view is a scene of the one painter written as inline SVG (`export::svg`); the
//! departments' lenses are the painter's veils, as hidden layers of the map's SVG. What the
//! page's script reads (where cards are, their words, the viewer's own words) is JSON in a
//! data block ([`data`]), with `<`, `>` and `&` escaped so no text can close it. The script and
//! the style are this crate's own (`assets/viewer/`) and are the only ones the page's
//! Content-Security-Policy allows, by their SHA-256: nothing a project holds can run.

pub mod data;

use std::fmt::Write as _;

use base64::Engine as _;
use sha2::Digest as _;

use super::svg::{self, Baselines, Inline};
use super::{ExportError, ExportOptions, pages, persona};
use crate::analysis;
use crate::i18n::{Language, tr_in};
use crate::layout::{self, Metrics, TextMeasurer};
use crate::model::Project;
use crate::render::{self, Scene, Shape, Theme};

/// The viewer's script, written for it (no framework): three fragments joined in one function.
pub const SCRIPT: &str = concat!(
    "(function () {\n",
    include_str!("../../../assets/viewer/viewer.js"),
    include_str!("../../../assets/viewer/panel.js"),
    include_str!("../../../assets/viewer/start.js"),
    "}());\n"
);
/// The viewer's style.
pub const STYLE: &str = include_str!("../../../assets/viewer/viewer.css");

/// A view's picture and what the script knows of it.
struct Part {
    svg: String,
    view: data::View,
}

/// The viewer page of `project`: every map, the personas, the stakeholder map and the
/// actions, evidence as `options.quotes` allows, the project's comments when
/// `options.comments` says so.
pub fn viewer(project: &Project, options: &ExportOptions) -> Result<String, ExportError> {
    let filtered = project
        .maps
        .first()
        .and_then(|m| options.quotes.filter(project, m))
        .map(|(p, _)| p);
    let project = filtered.as_ref().unwrap_or(project);
    let mut text = TextMeasurer::new();
    let baselines = Baselines::measure_with(&mut text);
    let mut parts = Vec::new();
    for (i, map) in project.maps.iter().enumerate() {
        parts.push(map_part(
            project,
            map,
            i,
            baselines,
            options.comments,
            &mut text,
        ));
    }
    let lang = Language::of_text(&project.language);
    let others: [(&str, Vec<Scene>); 3] = [
        (
            "personas",
            persona::sheets(project, &project.personas, &mut text),
        ),
        (
            "stakeholders",
            if project.stakeholders.is_empty() {
                Vec::new()
            } else {
                vec![pages::prepare_stakeholders(project, &mut text).scene]
            },
        ),
        (
            "actions",
            if project.actions.is_empty() {
                Vec::new()
            } else {
                vec![
                    pages::prepare_priorities(project, &mut text).scene,
                    pages::prepare_action_roadmap(project, &mut text).scene,
                ]
            },
        ),
    ];
    for (kind, scenes) in others {
        if scenes.is_empty() {
            continue;
        }
        let scene = stacked(scenes);
        let prefix = format!("v{}", parts.len());
        let inline = Inline {
            prefix: &prefix,
            layers: Vec::new(),
            decorative: false,
        };
        parts.push(Part {
            svg: svg::write_scene_with(&scene, svg::Fonts::Reference, baselines, &inline),
            view: data::View {
                kind,
                title: tr_in(lang, view_title(kind)).into_owned(),
                ..data::View::default()
            },
        });
    }
    Ok(page(project, parts, lang))
}

fn view_title(kind: &str) -> &'static str {
    match kind {
        "personas" => "viewer.personas",
        "stakeholders" => "viewer.stakeholders",
        _ => "viewer.actions",
    }
}

/// Map `map`'s picture, with a veil layer per department whose lens shows something on it.
fn map_part(
    project: &Project,
    map: &crate::model::Map,
    index: usize,
    baselines: Baselines,
    comments: bool,
    text: &mut TextMeasurer,
) -> Part {
    let lang = Language::of_text(&project.language);
    let analysis = analysis::analyse(project, map);
    let metrics = Metrics {
        comment_badges: comments,
        ..Metrics::default()
    };
    let laid = layout::lay_out(project, map, &metrics, text);
    let prepared = pages::prepare_laid_out(project, map, (&analysis, None), &laid, text);
    let mut view = data::map_view(project, map, &laid, comments);
    let theme = Theme::default();
    let mut veils: Vec<Vec<Shape>> = Vec::new();
    for owner in analysis::lens::owners(project) {
        let Some(lens) = analysis::lens::lens(project, Some(map.id), &owner) else {
            continue;
        };
        if lens.touchpoints.is_empty() && lens.stages.is_empty() {
            continue;
        }
        let dim = pages::lens_dim(&lens, &laid, lang, text);
        let mut shapes = Vec::new();
        render::veil(&mut shapes, &laid, &dim, &theme);
        veils.push(shapes);
        view.lenses.push(owner);
    }
    let prefix = format!("v{index}");
    let inline = Inline {
        prefix: &prefix,
        layers: veils
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    format!("class=\"veil\" data-lens=\"{i}\" visibility=\"hidden\""),
                    v.as_slice(),
                )
            })
            .collect(),
        decorative: true,
    };
    Part {
        svg: svg::write_scene_with(&prepared.scene, svg::Fonts::Reference, baselines, &inline),
        view,
    }
}

/// Scenes one under the other with a gap, as one scene (the personas' sheets, the actions'
/// matrix and roadmap).
fn stacked(scenes: Vec<Scene>) -> Scene {
    const GAP: f32 = 24.0;
    let width = scenes.iter().map(|s| s.size.x).fold(0.0, f32::max);
    let mut y = 0.0;
    let mut shapes = Vec::with_capacity(scenes.len() * 2);
    for s in scenes {
        shapes.push(Shape::Rect {
            rect: epaint::Rect::from_min_size(epaint::pos2(0.0, y), s.size),
            radius: 0.0,
            fill: Some(s.background),
            stroke: None,
        });
        shapes.push(Shape::Group {
            clip: None,
            offset: epaint::vec2(0.0, y),
            scale: 1.0,
            shapes: s.shapes,
        });
        y += s.size.y + GAP;
    }
    Scene {
        size: epaint::vec2(width, (y - GAP).max(1.0)),
        background: Theme::default().paper.gamma_multiply(0.0),
        shapes,
    }
}

/// `'sha256-…'` of `text`, as a Content-Security-Policy source.
pub fn csp_hash(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// JSON that may sit inside a `<script>` element: the characters that could end it or start
/// markup are written as escapes (they only occur inside strings).
fn script_safe_json(data: &data::Data) -> String {
    let json = serde_json::to_string(data).unwrap_or_else(|_| "{}".to_owned());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The style with the font embedded.
fn style() -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    format!(
        "@font-face{{font-family:\"{family}\";font-weight:400;src:url(data:font/otf;base64,{})}}\n@font-face{{font-family:\"{family}\";font-weight:700;src:url(data:font/otf;base64,{})}}\n{STYLE}",
        b64.encode(crate::fonts::INTER_REGULAR),
        b64.encode(crate::fonts::INTER_BOLD),
        family = svg::FAMILY,
    )
}

fn page(project: &Project, parts: Vec<Part>, lang: Language) -> String {
    let style = style();
    let policy = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(&style)
    );
    let (svgs, views): (Vec<String>, Vec<data::View>) =
        parts.into_iter().map(|p| (p.svg, p.view)).unzip();
    let data = data::Data {
        project: data::ProjectInfo {
            title: project.title.clone(),
            created: project.created.clone(),
            language: lang.tag(),
            made: crate::dates::today(lang),
        },
        words: data::words(lang),
        views,
    };
    let title = if project.title.trim().is_empty() {
        "Klantreis".to_owned()
    } else {
        format!("{} · Klantreis", project.title.trim())
    };
    let mut out =
        String::with_capacity(svgs.iter().map(String::len).sum::<usize>() + style.len() + 65_536);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Klantreis {}\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n<noscript><p class=\"noscript\">{}</p></noscript>\n<div id=\"pictures\">\n",
        lang.tag(),
        env!("CARGO_PKG_VERSION"),
        svg::escape(&title),
        svg::escape(&tr_in(lang, "viewer.noscript")),
    );
    for svg in &svgs {
        out.push_str("<div class=\"picture\">\n");
        out.push_str(svg);
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n<script type=\"application/json\" id=\"klantreis-data\">");
    out.push_str(&script_safe_json(&data));
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}
