//! A persona sheet: one A4 page with the persona's name, role and quote, then headed sections
//! of text and bullet lists.

use epaint::{Color32, Rect, pos2, vec2};

use super::{Scene, Shape, Theme};
use crate::layout::TextMeasurer;
use crate::layout::paper::{PT_PER_MM, PaperSize};

/// The words on a persona sheet, already in the project's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonaSheet {
    /// The small line above the name ("Persona").
    pub kicker: String,
    pub name: String,
    /// Age and role.
    pub role: String,
    pub photo: Option<crate::layout::Picture>,
    /// The persona's own colour, for the band at the top and the ring around the photo.
    pub colour: Option<crate::model::Rgb>,
    pub quote: String,
    pub sections: Vec<Section>,
    /// The line at the foot of the page (the project's title).
    pub footer: String,
}

/// A headed part of a persona sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub body: Body,
}

/// What a section holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Paragraph(String),
    Bullets(Vec<String>),
}

/// Sets text down a page from the top.
struct Column<'a> {
    shapes: Vec<Shape>,
    y: f32,
    left: f32,
    width: f32,
    text: &'a mut TextMeasurer,
}

impl Column<'_> {
    /// Wrapped text at the current line, moving down by its height.
    fn paragraph(&mut self, words: &str, size: f32, bold: bool, colour: Color32, lines: usize) {
        let block = self.text.block(words, size, bold, self.width, lines);
        for line in block.lines.iter() {
            self.shapes.push(Shape::Text {
                pos: pos2(self.left, self.y) + line.offset,
                text: line.text.clone(),
                size,
                bold,
                colour,
            });
        }
        self.y += block.size.y;
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn heading(&mut self, words: &str, theme: &Theme) {
        self.gap(14.0);
        self.paragraph(words, 12.0, true, theme.ink, 1);
        self.shapes.push(Shape::Rect {
            rect: Rect::from_min_size(pos2(self.left, self.y + 2.0), vec2(self.width, 1.2)),
            radius: 0.0,
            fill: Some(theme.header_fill),
            stroke: None,
        });
        self.gap(8.0);
    }

    fn bullets(&mut self, items: &[String], theme: &Theme) {
        for item in items.iter().filter(|i| !i.trim().is_empty()) {
            self.shapes.push(Shape::Circle {
                center: pos2(self.left + 3.0, self.y + 6.5),
                radius: 1.8,
                fill: Some(theme.header_fill),
                stroke: None,
            });
            self.left += 12.0;
            self.width -= 12.0;
            self.paragraph(item, 10.0, false, theme.ink, 6);
            self.left -= 12.0;
            self.width += 12.0;
            self.gap(3.0);
        }
    }
}

/// One persona sheet, A4 portrait.
pub fn persona_sheet(sheet: &PersonaSheet, theme: &Theme, text: &mut TextMeasurer) -> Scene {
    let (w, h) = PaperSize::A4.portrait_mm();
    let (w, h) = (w * PT_PER_MM, h * PT_PER_MM);
    let margin = 20.0 * PT_PER_MM;
    let accent = sheet.colour.map_or(theme.header_fill, Theme::user_colour);
    let mut shapes = vec![Shape::Rect {
        rect: Rect::from_min_size(pos2(0.0, 0.0), vec2(w, margin * 0.6)),
        radius: 0.0,
        fill: Some(accent),
        stroke: None,
    }];
    // The photo at the top right, round, with a ring in the persona's colour; the name and
    // role beside it.
    let photo_side = 40.0 * PT_PER_MM;
    let mut width = w - 2.0 * margin;
    if let Some(picture) = &sheet.photo {
        let rect = Rect::from_min_size(
            pos2(w - margin - photo_side, margin),
            vec2(photo_side, photo_side),
        );
        shapes.push(Shape::Image {
            rect,
            radius: photo_side / 2.0,
            picture: picture.clone(),
        });
        shapes.push(Shape::Circle {
            center: rect.center(),
            radius: photo_side / 2.0 - 1.5,
            fill: None,
            stroke: Some(super::Line::solid(3.0, accent)),
        });
        width -= photo_side + 8.0 * PT_PER_MM;
    }
    let mut page = Column {
        shapes,
        y: margin,
        left: margin,
        width,
        text,
    };
    page.paragraph(&sheet.kicker, 9.0, false, theme.ink_muted, 1);
    page.gap(4.0);
    page.paragraph(&sheet.name, 26.0, true, theme.ink, 2);
    if !sheet.role.is_empty() {
        page.paragraph(&sheet.role, 12.0, false, theme.ink_muted, 2);
    }
    if sheet.photo.is_some() {
        page.y = page.y.max(margin + photo_side);
        page.width = w - 2.0 * margin;
    }
    if !sheet.quote.is_empty() {
        page.gap(14.0);
        page.paragraph(
            &format!("“{}”", sheet.quote),
            15.0,
            true,
            theme.header_fill,
            5,
        );
    }
    for section in &sheet.sections {
        page.heading(&section.heading, theme);
        match &section.body {
            Body::Paragraph(words) => page.paragraph(words, 10.0, false, theme.ink, 14),
            Body::Bullets(items) => page.bullets(items, theme),
        }
    }
    // The foot line's baseline sits half a margin above the page's edge.
    let foot = h - margin * 0.5 - page.text.baseline(8.0, false);
    page.shapes.push(Shape::Text {
        pos: pos2(margin, foot),
        text: sheet.footer.as_str().into(),
        size: 8.0,
        bold: false,
        colour: theme.ink_muted,
    });
    Scene {
        size: vec2(w, h),
        background: theme.page,
        shapes: page.shapes,
    }
}
