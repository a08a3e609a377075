//! Persona sheets: one A4 page per persona, with the role, the quote, the description, goals
//! and frustrations, and how each map that follows the persona is remembered.

use std::fmt::Write as _;

use super::paper::{PT_PER_MM, PaperSize};
use super::svg::{Baselines, Inks, escape};
use crate::analysis;
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::layout::TextMeasurer;
use crate::model::{Persona, Project};

struct Page<'a> {
    out: String,
    inks: Inks,
    y: f32,
    left: f32,
    width: f32,
    text: &'a mut TextMeasurer,
    baselines: Baselines,
}

impl Page<'_> {
    /// Wrapped text at the current line, moving down by its height.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, colour: &str, max_lines: usize) {
        let block = self.text.block(text, size, bold, self.width, max_lines);
        let baseline = if bold {
            self.baselines.bold
        } else {
            self.baselines.regular
        };
        for line in &block.lines {
            let _ = writeln!(
                self.out,
                "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{size}\" font-weight=\"{}\" fill=\"{colour}\">{}</text>",
                self.left + line.offset.x,
                self.y + line.offset.y + baseline * size,
                if bold { 700 } else { 400 },
                escape(&line.text)
            );
        }
        self.y += block.size.y;
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn heading(&mut self, text: &str) {
        self.gap(14.0);
        let ink = self.inks.ink.clone();
        self.paragraph(text, 12.0, true, &ink, 1);
        let c_accent = &self.inks.accent;
        let _ = writeln!(
            self.out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"1.2\" fill=\"{c_accent}\"/>",
            self.left,
            self.y + 2.0,
            self.width
        );
        self.gap(8.0);
    }

    fn bullets(&mut self, items: &[String]) {
        let (ink, c_accent) = (self.inks.ink.clone(), self.inks.accent.clone());
        for item in items.iter().filter(|i| !i.trim().is_empty()) {
            let _ = writeln!(
                self.out,
                "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"1.8\" fill=\"{c_accent}\"/>",
                self.left + 3.0,
                self.y + 6.5
            );
            self.left += 12.0;
            self.width -= 12.0;
            self.paragraph(item, 10.0, false, &ink, 6);
            self.left -= 12.0;
            self.width += 12.0;
            self.gap(3.0);
        }
    }
}

/// One persona sheet as an SVG page (A4 portrait), in the project's language.
pub fn sheet_svg(
    project: &Project,
    persona: &Persona,
    text: &mut TextMeasurer,
    baselines: Baselines,
) -> String {
    let lang = Language::of_text(&project.language);
    let (w, h) = PaperSize::A4.portrait_mm();
    let (w, h) = (w * PT_PER_MM, h * PT_PER_MM);
    let margin = 20.0 * PT_PER_MM;
    let inks = Inks::new();
    let (c_accent, c_muted) = (inks.accent.clone(), inks.muted.clone());
    let mut page = Page {
        out: String::new(),
        inks: Inks::new(),
        y: margin,
        left: margin,
        width: w - 2.0 * margin,
        text,
        baselines,
    };
    super::svg::open_page(&mut page.out, (w, h), "", super::svg::Fonts::Reference);
    let _ = writeln!(
        page.out,
        "<rect x=\"0\" y=\"0\" width=\"{w:.2}\" height=\"{:.2}\" fill=\"{c_accent}\"/>",
        margin * 0.6
    );
    page.paragraph(&tr_in(lang, "persona.sheet"), 9.0, false, &inks.muted, 1);
    page.gap(4.0);
    page.paragraph(&persona.name, 26.0, true, &inks.ink, 2);
    if !persona.role.is_empty() {
        page.paragraph(&persona.role, 12.0, false, &inks.muted, 2);
    }
    if !persona.quote.is_empty() {
        page.gap(14.0);
        page.paragraph(&format!("“{}”", persona.quote), 15.0, true, &inks.accent, 5);
    }
    if !persona.description.is_empty() {
        page.heading(&tr_in(lang, "persona.about"));
        page.paragraph(&persona.description, 10.0, false, &inks.ink, 14);
    }
    if !persona.goals.is_empty() {
        page.heading(&tr_in(lang, "persona.goals"));
        page.bullets(&persona.goals);
    }
    if !persona.frustrations.is_empty() {
        page.heading(&tr_in(lang, "persona.frustrations"));
        page.bullets(&persona.frustrations);
    }
    let maps: Vec<String> = project
        .maps
        .iter()
        .filter(|m| m.personas.contains(&persona.id))
        .map(|m| {
            let a = analysis::analyse(project, m);
            let remembered = a
                .curves
                .iter()
                .find(|c| {
                    c.persona == Some(persona.id) && c.variant == crate::model::CurveVariant::AsIs
                })
                .and_then(|c| c.remembered);
            match remembered {
                Some(r) => tr_args_in(
                    lang,
                    "persona.remembered",
                    &[
                        ("map", &m.title),
                        ("score", &format!("{r:.1}")),
                        ("scale", &m.scale.label()),
                    ],
                ),
                None => m.title.clone(),
            }
        })
        .collect();
    if !maps.is_empty() {
        page.heading(&tr_in(lang, "persona.maps"));
        page.bullets(&maps);
    }
    let _ = writeln!(
        page.out,
        "<text x=\"{margin:.2}\" y=\"{:.2}\" font-size=\"8\" fill=\"{c_muted}\">{}</text>",
        h - margin * 0.5,
        escape(&project.title)
    );
    page.out.push_str("</svg>\n");
    page.out
}
