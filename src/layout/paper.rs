//! Paper sizes, orientation, margins and how the map is placed on a page.

use serde::{Deserialize, Serialize};

/// The largest custom paper side: a PDF page may be at most 200 inches (14 400 points).
pub const MAX_PAPER_MM: f32 = 5000.0;

/// Points (1/72 inch) per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A named paper size, or a custom one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum PaperSize {
    A0,
    A1,
    A2,
    A3,
    A4,
    A5,
    Letter,
    Legal,
    Tabloid,
    /// Width and height in millimetres.
    Custom {
        width_mm: f32,
        height_mm: f32,
    },
}

impl PaperSize {
    /// The named sizes, in menu order.
    pub const NAMED: [Self; 9] = [
        Self::A0,
        Self::A1,
        Self::A2,
        Self::A3,
        Self::A4,
        Self::A5,
        Self::Letter,
        Self::Legal,
        Self::Tabloid,
    ];

    /// Portrait width and height in millimetres.
    pub fn portrait_mm(self) -> (f32, f32) {
        match self {
            Self::A0 => (841.0, 1189.0),
            Self::A1 => (594.0, 841.0),
            Self::A2 => (420.0, 594.0),
            Self::A3 => (297.0, 420.0),
            Self::A4 => (210.0, 297.0),
            Self::A5 => (148.0, 210.0),
            Self::Letter => (215.9, 279.4),
            Self::Legal => (215.9, 355.6),
            Self::Tabloid => (279.4, 431.8),
            Self::Custom {
                width_mm,
                height_mm,
            } => {
                // Settings from elsewhere may hold anything: keep it a printable page.
                let sane = |v: f32| {
                    if v.is_nan() {
                        10.0
                    } else {
                        v.clamp(10.0, MAX_PAPER_MM)
                    }
                };
                let (w, h) = (sane(width_mm), sane(height_mm));
                (w.min(h), w.max(h))
            }
        }
    }

    /// The name used on the command line and in menus.
    pub fn name(self) -> String {
        match self {
            Self::Custom {
                width_mm,
                height_mm,
            } => format!("{width_mm}x{height_mm}mm"),
            named => format!("{named:?}"),
        }
    }

    /// Reads `A0`…`A5`, `Letter`, `Legal`, `Tabloid` (any case) or `WIDTHxHEIGHTmm`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_ascii_lowercase();
        if let Some(named) = Self::NAMED
            .into_iter()
            .find(|p| p.name().to_ascii_lowercase() == lower)
        {
            return Ok(named);
        }
        let dims = lower.strip_suffix("mm").unwrap_or(&lower);
        let parsed = dims.split_once('x').and_then(|(w, h)| {
            Some((w.trim().parse::<f32>().ok()?, h.trim().parse::<f32>().ok()?))
        });
        match parsed {
            Some((w, h))
                if (10.0..=MAX_PAPER_MM).contains(&w) && (10.0..=MAX_PAPER_MM).contains(&h) =>
            {
                Ok(Self::Custom {
                    width_mm: w,
                    height_mm: h,
                })
            }
            Some(_) => Err(format!(
                "paper {text:?}: a custom size must be between 10 and {MAX_PAPER_MM} mm each way (a PDF page can be at most 200 inches)"
            )),
            None => Err(format!(
                "paper {text:?}: use A0 to A5, Letter, Legal, Tabloid or WIDTHxHEIGHTmm such as 1000x700mm"
            )),
        }
    }
}

/// Which way up the paper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// How big the map is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Scale {
    /// As large as fits the printable area.
    Fit,
    /// A fixed factor: 1.0 prints a map point as a paper point.
    Fixed(f32),
}

/// Everything about the page the map is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageSetup {
    pub paper: PaperSize,
    pub orientation: Orientation,
    /// Blank border on every side, in millimetres.
    pub margin_mm: f32,
    pub scale: Scale,
    /// A strip along the bottom with project, persona, date and version (the map names itself).
    pub title_block: bool,
}

impl Default for PageSetup {
    fn default() -> Self {
        Self {
            paper: PaperSize::A0,
            orientation: Orientation::Landscape,
            margin_mm: 10.0,
            scale: Scale::Fit,
            title_block: true,
        }
    }
}

/// The height of the title block on an A4 page, in points; it grows with the paper (to
/// [`TITLE_BLOCK_MAX_PT`]) so it reads at the distance a larger sheet is read from.
pub const TITLE_BLOCK_PT: f32 = 36.0;
/// The title block's height on the largest papers, in points.
pub const TITLE_BLOCK_MAX_PT: f32 = 96.0;

/// The title block's height on a page of `(width, height)` points.
pub fn title_block_height(page: (f32, f32)) -> f32 {
    let a4_short_side = 210.0 * PT_PER_MM;
    (TITLE_BLOCK_PT * page.0.min(page.1) / a4_short_side).clamp(TITLE_BLOCK_PT, TITLE_BLOCK_MAX_PT)
}

/// Where things go on a page, in points from the top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PagePlan {
    /// The page's width and height.
    pub size: (f32, f32),
    /// Map units to page points.
    pub scale: f32,
    /// Where the map's origin lands.
    pub offset: (f32, f32),
    /// The map's area on the page (x, y, width, height), clipped to the printable area.
    pub map_area: (f32, f32, f32, f32),
    /// The title block's area, if shown.
    pub title_block: Option<(f32, f32, f32, f32)>,
}

impl PageSetup {
    /// The page's width and height in points.
    pub fn page_size_pt(&self) -> (f32, f32) {
        let (w, h) = self.paper.portrait_mm();
        let (w, h) = match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        };
        (w * PT_PER_MM, h * PT_PER_MM)
    }

    /// Places a map of `map_size` (map units) on the page: centred in the printable area above
    /// the title block, at the fitting or the fixed scale.
    pub fn plan(&self, map_size: (f32, f32)) -> PagePlan {
        let (pw, ph) = self.page_size_pt();
        let m = (self.margin_mm * PT_PER_MM).clamp(0.0, pw.min(ph) / 3.0);
        let title = self.title_block.then_some(title_block_height((pw, ph)));
        let area = (
            m,
            m,
            pw - 2.0 * m,
            ph - 2.0 * m - title.map_or(0.0, |t| t + 6.0),
        );
        let scale = match self.scale {
            Scale::Fit => (area.2 / map_size.0.max(1.0)).min(area.3 / map_size.1.max(1.0)),
            Scale::Fixed(s) => s.clamp(0.01, 100.0),
        };
        let (mw, mh) = (map_size.0 * scale, map_size.1 * scale);
        let offset = (
            area.0 + (area.2 - mw).max(0.0) / 2.0,
            area.1 + (area.3 - mh).max(0.0) / 2.0,
        );
        PagePlan {
            size: (pw, ph),
            scale,
            offset,
            map_area: area,
            title_block: title.map(|t| (m, ph - m - t, pw - 2.0 * m, t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_block_grows_with_the_paper() {
        let on = |paper| {
            let setup = PageSetup {
                paper,
                ..PageSetup::default()
            };
            setup.plan((1000.0, 600.0)).title_block.map(|t| t.3)
        };
        assert_eq!(on(PaperSize::A4), Some(TITLE_BLOCK_PT));
        let a2 = on(PaperSize::A2).unwrap_or_default();
        assert!(a2 > TITLE_BLOCK_PT && a2 < TITLE_BLOCK_MAX_PT, "{a2}");
        assert_eq!(on(PaperSize::A0), Some(TITLE_BLOCK_MAX_PT));
        assert_eq!(on(PaperSize::A5), Some(TITLE_BLOCK_PT));
    }

    #[test]
    fn a0_landscape_is_3370_by_2384_points() {
        let setup = PageSetup::default();
        let (w, h) = setup.page_size_pt();
        assert_eq!((w.round(), h.round()), (3370.0, 2384.0));
    }

    #[test]
    fn an_impossible_custom_size_becomes_a_printable_one() {
        let (w, h) = PaperSize::Custom {
            width_mm: f32::NAN,
            height_mm: 1e9,
        }
        .portrait_mm();
        assert_eq!((w, h), (10.0, MAX_PAPER_MM));
    }

    #[test]
    fn papers_parse_by_name_and_size() {
        assert_eq!(PaperSize::parse("a3"), Ok(PaperSize::A3));
        assert_eq!(PaperSize::parse("Tabloid"), Ok(PaperSize::Tabloid));
        assert_eq!(
            PaperSize::parse("1000x700mm"),
            Ok(PaperSize::Custom {
                width_mm: 1000.0,
                height_mm: 700.0
            })
        );
        assert!(PaperSize::parse("B7").is_err());
        assert!(PaperSize::parse("1x1mm").is_err());
        // Each side is checked on its own, at both ends of the range.
        for bad in ["5x700mm", "700x5mm", "6000x700mm", "700x6000mm"] {
            let e = PaperSize::parse(bad).unwrap_err();
            assert!(e.contains("between 10 and"), "{bad}: {e}");
        }
        assert!(PaperSize::parse("10x5000mm").is_ok());
    }

    #[test]
    fn fit_keeps_the_map_inside_the_margins_and_above_the_title_block() {
        let setup = PageSetup {
            paper: PaperSize::A4,
            ..PageSetup::default()
        };
        let plan = setup.plan((3000.0, 1000.0));
        let (x, y, w, h) = plan.map_area;
        assert!(plan.offset.0 >= x - 0.01 && plan.offset.1 >= y - 0.01);
        assert!(3000.0 * plan.scale <= w + 0.01 && 1000.0 * plan.scale <= h + 0.01);
        let tb = plan.title_block.unwrap();
        assert!(plan.offset.1 + 1000.0 * plan.scale <= tb.1);
    }
}
