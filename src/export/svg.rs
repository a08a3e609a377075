//! The scene as SVG: one page with the map placed on it, and the title block.
//!
//! The SVG written for users embeds the font (as a data URL in `@font-face`), so it shows in
//! Inter wherever it is opened; the SVG handed to the PDF and PNG converters leaves it out,
//! because they are given the font directly.

use std::fmt::Write as _;

use base64::Engine as _;
use epaint::Color32;

use super::paper::PagePlan;
use crate::render::{Line, Scene, Shape};

/// Text for the title block along the bottom of the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TitleBlock {
    pub project: String,
    pub map: String,
    pub persona: String,
    pub date: String,
    pub version: String,
}

/// Whether the font travels inside the SVG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fonts {
    /// Embedded as `@font-face` data: for files users open in a browser or Inkscape.
    Embed,
    /// Named only: for converters that are given the font.
    Reference,
}

/// The export's own colours (page, title block, sheet marks) as SVG values, from the theme.
pub struct Inks {
    pub ink: String,
    pub muted: String,
    pub accent: String,
    pub page: String,
    pub mark: String,
    pub glue: String,
    pub sheet: String,
}

impl Inks {
    /// The default theme's colours.
    pub fn new() -> Self {
        let t = crate::render::Theme::default();
        Self {
            ink: hex(t.ink),
            muted: hex(t.ink_muted),
            accent: hex(t.header_fill),
            page: hex(Color32::WHITE),
            mark: hex(Color32::BLACK),
            glue: hex(t.neutral_line),
            sheet: hex(t.moment_of_truth),
        }
    }
}

impl Default for Inks {
    fn default() -> Self {
        Self::new()
    }
}

/// `#rrggbb` for a colour (its alpha left out).
pub fn hex(colour: Color32) -> String {
    let [r, g, b, _] = colour.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The family name text is set in.
pub const FAMILY: &str = "Inter";

/// Baseline offsets: how far below a line's top its baseline is, per point of font size,
/// for regular and bold text (from the font, as the canvas lays it out).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baselines {
    pub regular: f32,
    pub bold: f32,
}

impl Baselines {
    /// Measured with the shipped font.
    pub fn measure() -> Self {
        Self::measure_with(&mut crate::layout::TextMeasurer::new())
    }

    /// Measured with `text`'s fonts (saves building a second set).
    pub fn measure_with(text: &mut crate::layout::TextMeasurer) -> Self {
        Self {
            regular: text.baseline(100.0, false) / 100.0,
            bold: text.baseline(100.0, true) / 100.0,
        }
    }
}

/// Text with XML's special characters escaped and the characters XML cannot hold dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// ` fill="#rrggbb"`, with `fill-opacity` when the colour is see-through; ` fill="none"`.
fn fill_attr(fill: Option<Color32>) -> String {
    let Some(colour) = fill else {
        return " fill=\"none\"".to_owned();
    };
    match colour.a() {
        255 => format!(" fill=\"{}\"", hex(colour)),
        a => format!(
            " fill=\"{}\" fill-opacity=\"{:.3}\"",
            hex(colour),
            f32::from(a) / 255.0
        ),
    }
}

fn stroke_attr(line: Option<Line>) -> String {
    let Some(l) = line else {
        return String::new();
    };
    let a = l.colour.a();
    let mut s = format!(
        " stroke=\"{}\" stroke-width=\"{:.2}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"",
        hex(l.colour),
        l.width
    );
    if a != 255 {
        let _ = write!(s, " stroke-opacity=\"{:.3}\"", f32::from(a) / 255.0);
    }
    if let Some(d) = l.dash {
        let _ = write!(s, " stroke-dasharray=\"{d:.1} {:.1}\"", d * 0.6);
    }
    s
}

fn points(ps: &[epaint::Pos2]) -> String {
    let mut s = String::with_capacity(ps.len() * 14);
    for p in ps {
        let _ = write!(s, "{:.2},{:.2} ", p.x, p.y);
    }
    s.trim_end().to_owned()
}

/// Appends `scene`'s shapes as SVG elements (in map units); with `visible`, only those that
/// reach into it.
pub fn write_shapes(
    out: &mut String,
    scene: &Scene,
    baselines: Baselines,
    visible: Option<epaint::Rect>,
) {
    for shape in &scene.shapes {
        if visible.is_some_and(|v| !v.intersects(shape.bounds())) {
            continue;
        }
        match shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => {
                // The canvas strokes rectangles inside their edge; SVG strokes on it.
                let inset = stroke.map_or(0.0, |s| s.width / 2.0);
                let r = rect.shrink(inset);
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"{:.2}\"{}{}/>",
                    r.left(),
                    r.top(),
                    r.width().max(0.0),
                    r.height().max(0.0),
                    radius,
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\"{}{}/>",
                    center.x,
                    center.y,
                    radius,
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Path {
                points: ps,
                closed,
                fill,
                stroke,
            } => {
                let tag = if *closed { "polygon" } else { "polyline" };
                let _ = writeln!(
                    out,
                    "<{tag} points=\"{}\"{}{}/>",
                    points(ps),
                    fill_attr(*fill),
                    stroke_attr(*stroke)
                );
            }
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour,
            } => {
                let baseline = if *bold {
                    baselines.bold
                } else {
                    baselines.regular
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{size:.2}\" font-weight=\"{}\"{} xml:space=\"preserve\">{}</text>",
                    pos.x,
                    pos.y + baseline * size,
                    if *bold { 700 } else { 400 },
                    fill_attr(Some(*colour)),
                    escape(text)
                );
            }
        }
    }
}

fn font_face(out: &mut String) {
    let b64 = base64::engine::general_purpose::STANDARD;
    let _ = writeln!(
        out,
        "<style>@font-face{{font-family:\"{FAMILY}\";font-weight:400;src:url(data:font/otf;base64,{})}}@font-face{{font-family:\"{FAMILY}\";font-weight:700;src:url(data:font/otf;base64,{})}}</style>",
        b64.encode(crate::fonts::INTER_REGULAR),
        b64.encode(crate::fonts::INTER_BOLD)
    );
}

/// Starts an SVG page of `size` points: the root element (sized in `unit`, white space kept as
/// written), the font when embedded, and white paper. Close it with `</svg>`.
pub fn open_page(out: &mut String, (w, h): (f32, f32), unit: &str, fonts: Fonts) {
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w:.2}{unit}\" height=\"{h:.2}{unit}\" viewBox=\"0 0 {w:.2} {h:.2}\" font-family=\"{FAMILY}\" xml:space=\"preserve\">"
    );
    if fonts == Fonts::Embed {
        font_face(out);
    }
    let c_page = Inks::new().page;
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{c_page}\"/>"
    );
}

/// One page: the scene placed by `plan`, clipped to `clip` (map units) when given, and the title
/// block.
pub fn page(
    scene: &Scene,
    plan: &PagePlan,
    title: Option<&TitleBlock>,
    fonts: Fonts,
    baselines: Baselines,
) -> String {
    page_part(scene, plan, title, fonts, baselines, None)
}

/// [`page`] with only the shapes that reach into `part` (x, y, width, height on the page):
/// a sheet of a tiled poster need not carry the whole drawing.
pub fn page_part(
    scene: &Scene,
    plan: &PagePlan,
    title: Option<&TitleBlock>,
    fonts: Fonts,
    baselines: Baselines,
    part: Option<(f32, f32, f32, f32)>,
) -> String {
    let visible = part.map(|(x, y, w, h)| {
        let s = plan.scale.max(f32::EPSILON);
        epaint::Rect::from_min_size(
            epaint::pos2((x - plan.offset.0) / s, (y - plan.offset.1) / s),
            epaint::vec2(w / s, h / s),
        )
        .expand(4.0)
    });
    let (w, h) = plan.size;
    let mut out = String::with_capacity(scene.shapes.len() * 120 + 4096);
    // A file for people says its size in points, so it opens at paper size; the converters
    // take user units as points (usvg reads `pt` as 4/3 of a unit).
    let unit = if fonts == Fonts::Embed { "pt" } else { "" };
    open_page(&mut out, (w, h), unit, fonts);
    let (ax, ay, aw, ah) = plan.map_area;
    let _ = writeln!(
        out,
        "<defs><clipPath id=\"map-area\"><rect x=\"{ax:.2}\" y=\"{ay:.2}\" width=\"{aw:.2}\" height=\"{ah:.2}\"/></clipPath></defs>"
    );
    let _ = writeln!(
        out,
        "<g clip-path=\"url(#map-area)\"><g transform=\"translate({:.3} {:.3}) scale({:.5})\">",
        plan.offset.0, plan.offset.1, plan.scale
    );
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{:.2}\" height=\"{:.2}\"{}/>",
        scene.size.x,
        scene.size.y,
        fill_attr(Some(scene.background))
    );
    write_shapes(&mut out, scene, baselines, visible);
    out.push_str("</g></g>\n");
    if let (Some(t), Some((x, y, bw, bh))) = (title, plan.title_block) {
        write_title_block(&mut out, t, (x, y, bw, bh), baselines);
    }
    out.push_str("</svg>\n");
    out
}

fn write_title_block(
    out: &mut String,
    t: &TitleBlock,
    (x, y, w, h): (f32, f32, f32, f32),
    b: Baselines,
) {
    let Inks {
        ink: c_ink,
        muted: c_muted,
        accent: c_accent,
        ..
    } = Inks::new();
    let _ = writeln!(
        out,
        "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"none\" stroke=\"{c_accent}\" stroke-width=\"0.8\"/>"
    );
    let title_size = 13.0;
    let _ = writeln!(
        out,
        "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{title_size}\" font-weight=\"700\" fill=\"{c_ink}\">{}</text>",
        x + 10.0,
        y + 6.0 + b.bold * title_size,
        escape(&t.map)
    );
    let small = 9.0;
    let line = format!("{}  ·  {}", t.project, t.persona);
    let _ = writeln!(
        out,
        "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{small}\" fill=\"{c_muted}\">{}</text>",
        x + 10.0,
        y + h - 6.0 - (1.0 - b.regular) * small,
        escape(&line)
    );
    let right = format!("{}  ·  {}", t.date, t.version);
    let _ = writeln!(
        out,
        "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{small}\" text-anchor=\"end\" fill=\"{c_muted}\">{}</text>",
        x + w - 10.0,
        y + h - 6.0 - (1.0 - b.regular) * small,
        escape(&right)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \u{7}"),
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; "
        );
    }
}
