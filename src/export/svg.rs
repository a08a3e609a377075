//! A [`Scene`] as an SVG page: the one writer every paper format starts from.
//!
//! The SVG written for users embeds the font (as a data URL in `@font-face`), so it shows in
//! Inter wherever it is opened; the SVG handed to the PDF and PNG converters leaves it out,
//! because they are given the font directly.

use std::fmt::Write as _;

use base64::Engine as _;
use epaint::Color32;

use crate::render::{Line, Scene, Shape};

/// Whether the font travels inside the SVG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fonts {
    /// Embedded as `@font-face` data: for files users open in a browser or Inkscape.
    Embed,
    /// Named only: for converters that are given the font.
    Reference,
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

/// ` stroke="#rrggbb" stroke-width=...` with round joins and caps, as the canvas draws lines.
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

/// The ids of clip paths: a prefix (several SVGs in one HTML page need ids of their own) and a
/// counter.
struct Clips<'a> {
    prefix: &'a str,
    count: usize,
}

impl Clips<'_> {
    /// The next clip's id.
    fn next(&mut self) -> String {
        self.count += 1;
        format!("{}clip{}", self.prefix, self.count)
    }
}

/// Appends `shapes` as SVG elements; groups become `<g>` elements, clipped where they are.
fn write_shapes(out: &mut String, shapes: &[Shape], baselines: Baselines, clips: &mut Clips<'_>) {
    for shape in shapes {
        write_shape(out, shape, baselines, clips);
    }
}

fn write_shape(out: &mut String, shape: &Shape, baselines: Baselines, clips: &mut Clips<'_>) {
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
        Shape::Image {
            rect,
            radius,
            picture,
        } => {
            let id = clips.next();
            let _ = writeln!(
                out,
                "<defs><clipPath id=\"{id}\"><rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"{radius:.2}\"/></clipPath></defs>",
                rect.left(),
                rect.top(),
                rect.width().max(0.0),
                rect.height().max(0.0),
            );
            let _ = writeln!(
                out,
                "<image x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" preserveAspectRatio=\"xMidYMid slice\" clip-path=\"url(#{id})\" href=\"data:{};base64,{}\"/>",
                rect.left(),
                rect.top(),
                rect.width().max(0.0),
                rect.height().max(0.0),
                picture.mime(),
                base64::engine::general_purpose::STANDARD.encode(&picture.bytes),
            );
        }
        Shape::Group {
            clip,
            offset,
            scale,
            shapes,
        } => {
            if let Some(c) = clip {
                let id = clips.next();
                let _ = writeln!(
                    out,
                    "<defs><clipPath id=\"{id}\"><rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\"/></clipPath></defs>",
                    c.left(),
                    c.top(),
                    c.width().max(0.0),
                    c.height().max(0.0)
                );
                let _ = write!(out, "<g clip-path=\"url(#{id})\">");
            }
            let _ = writeln!(
                out,
                "<g transform=\"translate({:.3} {:.3}) scale({:.5})\">",
                offset.x, offset.y, scale
            );
            write_shapes(out, shapes, baselines, clips);
            out.push_str("</g>");
            if clip.is_some() {
                out.push_str("</g>");
            }
            out.push('\n');
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

/// `scene` as an SVG page of its size in points: the root element (sized in points when the
/// font is embedded, for files people open; in user units for the converters, which read `pt`
/// as 4/3 of a unit), the font when embedded, the paper, then the shapes.
pub fn write_scene(scene: &Scene, fonts: Fonts, baselines: Baselines) -> String {
    write_scene_with(scene, fonts, baselines, &Inline::default())
}

/// How an SVG is written into an HTML page.
#[derive(Clone, Debug, Default)]
pub struct Inline<'a> {
    /// Put before every id, unique in the page.
    pub prefix: &'a str,
    /// Layers laid over the scene, each with its `<g>` element's attributes (already
    /// escaped) and its shapes.
    pub layers: Vec<(String, &'a [Shape])>,
    /// The painted shapes are hidden from screen readers (the page names what they show).
    pub decorative: bool,
}

/// As [`write_scene`], written to sit inside an HTML page (see [`Inline`]).
pub fn write_scene_with(
    scene: &Scene,
    fonts: Fonts,
    baselines: Baselines,
    inline: &Inline<'_>,
) -> String {
    let (w, h) = (scene.size.x, scene.size.y);
    let unit = if fonts == Fonts::Embed { "pt" } else { "" };
    let mut out = String::with_capacity(scene.shapes.len() * 120 + 4096);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w:.2}{unit}\" height=\"{h:.2}{unit}\" viewBox=\"0 0 {w:.2} {h:.2}\" font-family=\"{FAMILY}\" xml:space=\"preserve\">"
    );
    if fonts == Fonts::Embed {
        font_face(&mut out);
    }
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{w:.2}\" height=\"{h:.2}\"{}/>",
        fill_attr(Some(scene.background))
    );
    let mut clips = Clips {
        prefix: inline.prefix,
        count: 0,
    };
    if inline.decorative {
        out.push_str("<g aria-hidden=\"true\">\n");
    }
    write_shapes(&mut out, &scene.shapes, baselines, &mut clips);
    for (attributes, shapes) in &inline.layers {
        let _ = writeln!(out, "<g {attributes}>");
        write_shapes(&mut out, shapes, baselines, &mut clips);
        out.push_str("</g>\n");
    }
    if inline.decorative {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
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

    #[test]
    fn shapes_are_written_as_the_canvas_draws_them() {
        use epaint::{Color32, Rect, pos2, vec2};
        let group = |shapes: Vec<Shape>| Shape::Group {
            clip: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(50.0, 50.0))),
            offset: vec2(0.0, 0.0),
            scale: 1.0,
            shapes,
        };
        let scene = Scene {
            size: vec2(200.0, 100.0),
            background: Color32::WHITE,
            shapes: vec![
                Shape::Rect {
                    rect: Rect::from_min_max(pos2(10.0, 10.0), pos2(110.0, 60.0)),
                    radius: 0.0,
                    fill: None,
                    stroke: Some(Line::solid(4.0, Color32::RED)),
                },
                Shape::Path {
                    points: vec![pos2(10.0, 20.0), pos2(30.0, 40.0)],
                    closed: false,
                    fill: None,
                    stroke: Some(Line::solid(1.0, Color32::from_black_alpha(128))),
                },
                Shape::Text {
                    pos: pos2(5.0, 5.0),
                    text: "a\u{1}b\u{FFFE}c\u{FFFF}d<".into(),
                    size: 10.0,
                    bold: false,
                    colour: Color32::BLACK,
                },
                group(vec![]),
                group(vec![]),
            ],
        };
        let baselines = Baselines {
            regular: 0.9,
            bold: 0.9,
        };
        let svg = write_scene(&scene, Fonts::Reference, baselines);
        // A stroke inside the edge, opaque: no opacity attribute.
        assert!(
            svg.contains("<rect x=\"12.00\" y=\"12.00\" width=\"96.00\" height=\"46.00\" rx=\"0.00\" fill=\"none\" stroke=\"#ff0000\" stroke-width=\"4.00\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"),
            "{svg}"
        );
        // A translucent stroke says so; the points are the path's.
        assert!(svg.contains("points=\"10.00,20.00 30.00,40.00\""), "{svg}");
        assert_eq!(svg.matches("stroke-opacity=\"0.502\"").count(), 1, "{svg}");
        // Characters XML does not allow are dropped; markup is escaped.
        assert!(svg.contains(">abcd&lt;<"), "{svg}");
        // Each clip has its own id.
        assert!(
            svg.contains("id=\"clip1\"") && svg.contains("id=\"clip2\""),
            "{svg}"
        );
    }
}
