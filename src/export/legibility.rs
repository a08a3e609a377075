//! Whether a poster's text can be read where people read a poster of its size, and what would
//! make it readable.
//!
//! A wall poster is read by walking up to it: an A0 from about a metre, an A2 from about half
//! of one, a sheet in the hand from 40 cm; a poster larger than A0 is read along, still from
//! about a metre. Text is readable from about 40 cm per millimetre of letter height (x-height,
//! about half the font size), a common sign-making rule. What counts is the text most of the
//! poster is written in (nine letters in ten at least that size), not a footnote; below 6 pt
//! no text prints legibly at all.

use super::paper::{PT_PER_MM, PageSetup, PaperSize, Scale};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::render::{self, Scene};

/// Text too small where the poster is read, and what would make it readable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SmallText {
    pub legibility: Legibility,
    pub remedy: Option<Remedy>,
}

/// How the text of a printed poster reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Legibility {
    /// The size that nine letters in ten of the poster have at least, on paper, in points.
    pub body_pt: f32,
    /// The smallest font size on paper, in points.
    pub smallest_pt: f32,
    /// From how far (in metres) text of [`Self::body_pt`] can still be read.
    pub readable_from_m: f32,
    /// How far (in metres) people stand from a poster of this size to read it.
    pub read_from_m: f32,
}

/// The smallest font that prints legibly at all, in points.
const MIN_PT: f32 = 6.0;
/// Metres of reading distance per millimetre of x-height.
const M_PER_MM: f32 = 0.4;
/// The nearest a printed page is read from (in the hand), in metres.
const NEAREST_M: f32 = 0.4;
/// The farthest a poster is read from (walked up to; a larger one is read along), in metres.
const FARTHEST_M: f32 = 1.0;
/// The reading distance per metre of the poster's diagonal: an A0 (1.45 m) from about 1 m.
const DISTANCE_PER_DIAGONAL: f32 = 0.7;

/// How the text of `scene` reads, printed at `scale` (page points per map point); `None` when
/// it has no text.
pub fn legibility(scene: &Scene, scale: f32) -> Option<Legibility> {
    // Each size with the letters set in it.
    let mut sizes: Vec<(f32, usize)> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            render::Shape::Text { size, text, .. } => {
                Some((*size, text.chars().filter(|c| !c.is_whitespace()).count()))
            }
            _ => None,
        })
        .collect();
    sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let smallest = sizes.first()?.0;
    let letters: usize = sizes.iter().map(|(_, n)| n).sum();
    // The size below which at most one letter in ten is set.
    let mut below = 0;
    let body = sizes
        .iter()
        .find(|(_, n)| {
            below += n;
            below * 10 > letters
        })
        .map_or(smallest, |(size, _)| *size);
    let mm = |pt: f32| pt / PT_PER_MM;
    let diagonal_m = mm(scene.size.x * scale).hypot(mm(scene.size.y * scale)) / 1000.0;
    Some(Legibility {
        body_pt: body * scale,
        smallest_pt: smallest * scale,
        readable_from_m: mm(body * scale) * 0.5 * M_PER_MM,
        read_from_m: (diagonal_m * DISTANCE_PER_DIAGONAL).clamp(NEAREST_M, FARTHEST_M),
    })
}

/// Whether text at `l` is too small: the poster's text cannot be read from where a poster that
/// size is read (to the 10 cm the note shows), or some text is too small to print.
pub fn too_small(l: &Legibility) -> bool {
    let decimetres = |m: f32| (m * 10.0).round();
    decimetres(l.readable_from_m) < decimetres(l.read_from_m) || too_small_to_print(l)
}

/// Whether some text is under [`MIN_PT`] as the note rounds it (5.95 pt is said as 6 pt).
fn too_small_to_print(l: &Legibility) -> bool {
    l.smallest_pt < MIN_PT - 0.05
}

/// What would make text that is too small readable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Remedy {
    /// The smallest ISO paper, in the chosen orientation, on which the map fitted to the page
    /// passes.
    Paper(PaperSize),
    /// Not even A0 does: the fixed scale (1.0 = 100 %) from which it passes, printed over
    /// sheets.
    Scale(f32),
}

/// What makes the text of `scene`, printed with `setup`, pass [`too_small`]; `None` when it
/// passes already or has no text.
pub fn remedy(scene: &Scene, setup: &PageSetup) -> Option<Remedy> {
    let size = (scene.size.x, scene.size.y);
    let at = |setup: PageSetup| legibility(scene, setup.plan(size).scale);
    if !at(*setup).is_some_and(|l| too_small(&l)) {
        return None;
    }
    let iso = [
        PaperSize::A5,
        PaperSize::A4,
        PaperSize::A3,
        PaperSize::A2,
        PaperSize::A1,
        PaperSize::A0,
    ];
    if let Some(paper) = iso.into_iter().find(|&paper| {
        let fit = PageSetup {
            paper,
            scale: Scale::Fit,
            ..*setup
        };
        at(fit).is_some_and(|l| !too_small(&l))
    }) {
        return Some(Remedy::Paper(paper));
    }
    // Larger than A0: the scale, in whole percent as the scale field shows it, from which the
    // poster, printed over sheets, passes. Its reading distance stops growing at a metre, so
    // one is always found.
    (1..=10_000)
        .map(|percent| percent as f32 / 100.0)
        .find(|&scale| legibility(scene, scale).is_some_and(|l| !too_small(&l)))
        .map(Remedy::Scale)
}

/// The note on how `l` reads, in `lang`: the size of most of the text, from how far it is
/// read and from how far a poster that size is read.
pub fn note(l: &Legibility, lang: Language) -> String {
    let n = |v: f32, places| crate::i18n::number(f64::from(v), places, false, lang);
    tr_args_in(
        lang,
        "export.legibility",
        &[
            ("size", &n(l.body_pt, 1)),
            ("distance", &n(l.readable_from_m, 1)),
            ("read", &n(l.read_from_m, 1)),
        ],
    )
}

/// The warning for text too small at `l`, in `lang`, with what helps; `scale_advice` words a
/// [`Remedy::Scale`] (the percent field in the app, `--scale` on the command line).
pub fn warning(
    l: &Legibility,
    remedy: Option<Remedy>,
    lang: Language,
    scale_advice: impl Fn(f32) -> String,
) -> String {
    let n = |v: f32, places| crate::i18n::number(f64::from(v), places, false, lang);
    let mut text = if too_small_to_print(l) {
        tr_args_in(
            lang,
            "export.too_small_print",
            &[("size", &n(l.smallest_pt, 1)), ("min", &n(MIN_PT, 0))],
        )
    } else {
        tr_args_in(
            lang,
            "export.too_small_read",
            &[
                ("size", &n(l.body_pt, 1)),
                ("distance", &n(l.readable_from_m, 1)),
                ("read", &n(l.read_from_m, 1)),
            ],
        )
    };
    text.push(' ');
    text.push_str(&match remedy {
        Some(Remedy::Paper(paper)) => {
            tr_args_in(lang, "export.too_small_paper", &[("paper", &paper.name())])
        }
        Some(Remedy::Scale(scale)) => scale_advice(scale),
        None => tr_in(lang, "export.too_small").into_owned(),
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scene of `w` × `h` points with texts of (size, letters).
    fn scene(w: f32, h: f32, texts: &[(f32, usize)]) -> Scene {
        Scene {
            size: epaint::vec2(w, h),
            background: epaint::Color32::WHITE,
            shapes: texts
                .iter()
                .map(|&(size, n)| render::Shape::Text {
                    pos: epaint::pos2(0.0, 0.0),
                    text: "x".repeat(n).into(),
                    size,
                    bold: false,
                    colour: epaint::Color32::BLACK,
                })
                .collect(),
        }
    }

    #[test]
    fn the_text_most_of_the_poster_is_written_in_counts_not_a_footnote() {
        // 95 letters at 12 pt, 5 at 7 pt: nine in ten are 12 pt.
        let l = legibility(&scene(1000.0, 500.0, &[(7.0, 5), (12.0, 95)]), 1.0).unwrap();
        assert!((l.body_pt - 12.0).abs() < 1e-6 && (l.smallest_pt - 7.0).abs() < 1e-6);
        // 12 pt: an x-height of about 2.1 mm, readable from about 0.85 m.
        assert!((l.readable_from_m - 0.847).abs() < 0.01, "{l:?}");
        // 20 at 7 pt: more than one in ten, so the body is 7 pt.
        let l = legibility(&scene(1000.0, 500.0, &[(7.0, 20), (12.0, 80)]), 1.0).unwrap();
        assert!((l.body_pt - 7.0).abs() < 1e-6);
        assert_eq!(legibility(&scene(10.0, 10.0, &[]), 1.0), None);
        // Exactly one letter in ten smaller: still "at most one in ten", the body is 12 pt.
        let l = legibility(&scene(1000.0, 500.0, &[(7.0, 10), (12.0, 90)]), 1.0).unwrap();
        assert!((l.body_pt - 12.0).abs() < 1e-6, "{l:?}");
    }

    #[test]
    fn the_note_and_the_warning_say_the_figures_in_the_language() {
        let l = Legibility {
            body_pt: 12.5,
            smallest_pt: 7.0,
            readable_from_m: 0.85,
            read_from_m: 1.0,
        };
        let note = note(&l, Language::Dutch);
        assert!(
            note.contains("12,5 pt") && note.contains("0,9 m") && note.contains(" 1 m"),
            "{note}"
        );
        let scale = |s: f32| format!("scale {s}");
        let read = warning(
            &l,
            Some(Remedy::Paper(PaperSize::A1)),
            Language::English,
            scale,
        );
        assert!(
            read.contains("12.5 pt, readable from about 0.9 m"),
            "{read}"
        );
        assert!(read.ends_with("A1 or larger passes."), "{read}");
        let tiny = Legibility {
            smallest_pt: 4.5,
            ..l
        };
        let print = warning(&tiny, Some(Remedy::Scale(1.5)), Language::English, scale);
        assert!(
            print.starts_with("Some text is 4.5 pt, too small to print"),
            "{print}"
        );
        assert!(print.ends_with("scale 1.5"), "{print}");
        let none = warning(&tiny, None, Language::English, scale);
        assert!(none.ends_with("Choose a larger paper."), "{none}");
    }

    #[test]
    fn the_print_floor_is_six_points_as_the_note_rounds_them() {
        let at = |smallest_pt| {
            too_small(&Legibility {
                body_pt: 12.0,
                smallest_pt,
                readable_from_m: 1.0,
                read_from_m: 1.0,
            })
        };
        // 5.95 pt is said as "6 pt" and passes; 5.94 does not.
        assert!(!at(5.95));
        assert!(at(5.94));
    }

    #[test]
    fn a_poster_is_read_from_nearer_the_smaller_it_is() {
        let a0 = PaperSize::A0.portrait_mm();
        let l = legibility(
            &scene(a0.0 * PT_PER_MM, a0.1 * PT_PER_MM, &[(12.0, 1)]),
            1.0,
        )
        .unwrap();
        assert!((l.read_from_m - 1.0).abs() < 0.02, "{l:?}");
        // Printed at half size, the same map is read from half as far.
        let half = legibility(
            &scene(a0.0 * PT_PER_MM, a0.1 * PT_PER_MM, &[(12.0, 1)]),
            0.5,
        )
        .unwrap();
        assert!((half.read_from_m - 0.51).abs() < 0.02, "{half:?}");
        assert!((half.body_pt - 6.0).abs() < 1e-6, "{half:?}");
        // Twice as large: read along, from no farther.
        let l = legibility(
            &scene(a0.0 * PT_PER_MM, a0.1 * PT_PER_MM, &[(12.0, 1)]),
            2.0,
        )
        .unwrap();
        assert!((l.read_from_m - FARTHEST_M).abs() < 1e-6);
        let a4 = PaperSize::A4.portrait_mm();
        let l = legibility(
            &scene(a4.0 * PT_PER_MM, a4.1 * PT_PER_MM, &[(12.0, 1)]),
            1.0,
        )
        .unwrap();
        assert!((l.read_from_m - NEAREST_M).abs() < 1e-6);
        // 12 pt on A4 passes; on A0 it would not; 5 pt never does.
        assert!(!too_small(&l));
        assert!(too_small(&Legibility {
            read_from_m: 1.0,
            ..l
        }));
        assert!(too_small(&Legibility {
            smallest_pt: 5.0,
            ..l
        }));
    }

    #[test]
    fn too_small_text_is_remedied_by_the_smallest_paper_that_passes() {
        let setup = PageSetup {
            paper: PaperSize::A4,
            ..PageSetup::default()
        };
        // A map 3 000 points wide with 16 pt text: on A4 it shrinks far too small.
        let s = scene(3000.0, 1500.0, &[(16.0, 10)]);
        let Some(Remedy::Paper(paper)) = remedy(&s, &setup) else {
            panic!("{:?}", remedy(&s, &setup));
        };
        let plan = |paper| PageSetup { paper, ..setup }.plan((3000.0, 1500.0));
        assert!(!too_small(&legibility(&s, plan(paper).scale).unwrap()));
        // The next smaller ISO size does not pass.
        let smaller = match paper {
            PaperSize::A0 => PaperSize::A1,
            PaperSize::A1 => PaperSize::A2,
            PaperSize::A2 => PaperSize::A3,
            PaperSize::A3 => PaperSize::A4,
            other => panic!("{other:?}"),
        };
        assert!(too_small(&legibility(&s, plan(smaller).scale).unwrap()));
        // At a fixed scale too small, the paper that passes is the one the map fits on.
        let fixed = PageSetup {
            scale: Scale::Fixed(0.2),
            ..setup
        };
        assert!(
            matches!(remedy(&s, &fixed), Some(Remedy::Paper(_))),
            "{:?}",
            remedy(&s, &fixed)
        );
        // Text that passes needs nothing.
        let big = PageSetup {
            paper: PaperSize::A0,
            ..setup
        };
        assert_eq!(remedy(&scene(800.0, 400.0, &[(12.0, 10)]), &big), None);
    }

    #[test]
    fn when_not_even_a0_passes_the_remedy_is_a_scale_at_which_it_does() {
        let setup = PageSetup::default();
        let s = scene(20_000.0, 6_000.0, &[(9.0, 10)]);
        let Some(Remedy::Scale(scale)) = remedy(&s, &setup) else {
            panic!("{:?}", remedy(&s, &setup));
        };
        assert!(!too_small(&legibility(&s, scale).unwrap()));
        assert!(too_small(&legibility(&s, scale - 0.01).unwrap()));
    }
}
