//! A poster printed over several smaller sheets: neighbouring sheets overlap by a glue margin,
//! each sheet has crop marks and its row and column, and an overview page shows how they go
//! together. Sheet edges move back a few millimetres where that keeps a card whole.

use super::paper::{PT_PER_MM, PaperSize};

/// How a poster is cut into sheets.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tiling {
    pub sheet: PaperSize,
    /// How much neighbouring sheets overlap, in millimetres.
    pub overlap_mm: f32,
}

/// The blank border of a sheet that printers cannot reach; crop marks and labels go there.
pub const SHEET_MARGIN_MM: f32 = 10.0;
/// How far a sheet edge may move to keep a card whole.
const MAX_SHIFT_MM: f32 = 6.0;

/// One sheet: the part of the poster it shows, in poster points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub row: usize,
    pub column: usize,
    /// x, y, width, height on the poster.
    pub area: (f32, f32, f32, f32),
}

/// The sheets' size and the cuts, computed for a poster.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetPlan {
    /// Each sheet's page size in points.
    pub page: (f32, f32),
    pub rows: usize,
    pub columns: usize,
    pub sheets: Vec<Sheet>,
}

/// Cuts `[0, length)` into spans of at most `span`, overlapping by `overlap`; an end that would
/// cut through one of `avoid` (start, end) moves back to its start when that is within `shift`.
fn cuts(length: f32, span: f32, overlap: f32, avoid: &[(f32, f32)], shift: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let mut start = 0.0_f32;
    let step_min = (span - overlap).max(span * 0.25);
    loop {
        let mut end = (start + span).min(length);
        if end < length
            && let Some(&(a, _)) = avoid
                .iter()
                .filter(|(a, b)| {
                    *a < end && *b > end && end - *a <= shift && *a - start >= step_min
                })
                .min_by(|x, y| x.0.total_cmp(&y.0))
        {
            end = a - 1.0;
        }
        out.push((start, end - start));
        // More pieces than a plan may have sheets: the plan is refused, so cutting further would
        // only spend time on a poster that is never printed.
        if end >= length - 0.01 || out.len() > super::MAX_SHEETS {
            break;
        }
        start = (end - overlap).max(start + 1.0);
    }
    out
}

/// Plans the sheets for a poster of `poster` points; `cards` are the cards' rectangles on the
/// poster (x, y, width, height). The sheet is turned whichever way needs fewer sheets; on a tie
/// it stays upright.
pub fn plan_sheets(
    poster: (f32, f32),
    tiling: &Tiling,
    cards: &[(f32, f32, f32, f32)],
) -> SheetPlan {
    let (sw, sh) = tiling.sheet.portrait_mm();
    let m = SHEET_MARGIN_MM * PT_PER_MM;
    let overlap = tiling.overlap_mm.max(0.0) * PT_PER_MM;
    let shift = MAX_SHIFT_MM * PT_PER_MM;
    let xs: Vec<(f32, f32)> = cards.iter().map(|c| (c.0, c.0 + c.2)).collect();
    let ys: Vec<(f32, f32)> = cards.iter().map(|c| (c.1, c.1 + c.3)).collect();
    let mut best: Option<SheetPlan> = None;
    for (w, h) in [(sw, sh), (sh, sw)] {
        let page = (w * PT_PER_MM, h * PT_PER_MM);
        let inner = ((page.0 - 2.0 * m).max(20.0), (page.1 - 2.0 * m).max(20.0));
        let columns = cuts(poster.0, inner.0, overlap, &xs, shift);
        let rows = cuts(poster.1, inner.1, overlap, &ys, shift);
        let sheets = rows
            .iter()
            .enumerate()
            .flat_map(|(r, &(y, hh))| {
                columns.iter().enumerate().map(move |(c, &(x, ww))| Sheet {
                    row: r,
                    column: c,
                    area: (x, y, ww, hh),
                })
            })
            .collect::<Vec<_>>();
        let plan = SheetPlan {
            page,
            rows: rows.len(),
            columns: columns.len(),
            sheets,
        };
        if best
            .as_ref()
            .is_none_or(|b| plan.sheets.len() < b.sheets.len())
        {
            best = Some(plan);
        }
    }
    best.unwrap_or(SheetPlan {
        page: (595.0, 842.0),
        rows: 0,
        columns: 0,
        sheets: Vec::new(),
    })
}

/// A sheet's label: rows are letters, columns numbers, as on a map: A1, A2, B1 ...
pub fn label(row: usize, column: usize) -> String {
    let mut letters = String::new();
    let mut n = row;
    loop {
        letters.insert(0, char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    format!("{letters}{}", column + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_run_like_a_map() {
        assert_eq!(label(0, 0), "A1");
        assert_eq!(label(1, 3), "B4");
        assert_eq!(label(26, 0), "AA1");
    }

    #[test]
    fn cuts_cover_the_poster_with_the_overlap() {
        let c = cuts(1000.0, 400.0, 30.0, &[], 17.0);
        assert_eq!(c.first().map(|c| c.0), Some(0.0));
        let (s, w) = *c.last().unwrap();
        assert!((s + w - 1000.0).abs() < 0.02);
        for pair in c.windows(2) {
            let overlap = pair[0].0 + pair[0].1 - pair[1].0;
            assert!((overlap - 30.0).abs() < 0.02, "{c:?}");
        }
    }

    #[test]
    fn a_cut_moves_back_to_keep_a_card_whole() {
        // A card from 395 to 450 straddles the first cut at 400; 5 points back keeps it whole.
        let c = cuts(1000.0, 400.0, 30.0, &[(395.0, 450.0)], 17.0);
        assert!((c[0].1 - 394.0).abs() < 0.01, "{c:?}");
        // Too far back (more than the shift): the cut stays.
        let c = cuts(1000.0, 400.0, 30.0, &[(375.0, 450.0)], 17.0);
        assert!((c[0].1 - 400.0).abs() < 0.01, "{c:?}");
        // Nor does a cut move back so far that a sheet would carry too little new.
        let c = cuts(1000.0, 400.0, 30.0, &[(300.0, 450.0)], 200.0);
        assert!((c[0].1 - 400.0).abs() < 0.01, "{c:?}");
        // A card that starts or ends exactly at the cut is not cut: the cut stays.
        for card in [(400.0, 450.0), (390.0, 400.0)] {
            let c = cuts(1000.0, 400.0, 30.0, &[card], 17.0);
            assert!((c[0].1 - 400.0).abs() < 0.01, "{card:?}: {c:?}");
        }
    }

    #[test]
    fn a_poster_plan_keeps_cards_whole_within_six_millimetres() {
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        let plain = plan_sheets((3000.0, 400.0), &tiling, &[]);
        let cut = plain.sheets[0].area.2;
        // A card starting 5 mm before the first cut: the cut moves to its start.
        let near = (cut - 5.0 * PT_PER_MM, 10.0, 60.0, 20.0);
        let plan = plan_sheets((3000.0, 400.0), &tiling, &[near]);
        assert!((plan.sheets[0].area.2 - (near.0 - 1.0)).abs() < 0.01);
        // 8 mm before it is more than a sheet's edge may move: the cut stays.
        let far = (cut - 8.0 * PT_PER_MM, 10.0, 60.0, 20.0);
        let plan = plan_sheets((3000.0, 400.0), &tiling, &[far]);
        assert!((plan.sheets[0].area.2 - cut).abs() < 0.01);
    }

    #[test]
    fn the_sheet_is_turned_whichever_way_needs_fewer_sheets() {
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        // A long, low poster: landscape sheets, one row.
        let wide = plan_sheets((3000.0, 500.0), &tiling, &[]);
        assert!(wide.page.0 > wide.page.1, "{:?}", wide.page);
        assert_eq!(wide.rows, 1);
        // A tall, narrow one: portrait sheets, one column.
        let tall = plan_sheets((500.0, 3000.0), &tiling, &[]);
        assert!(tall.page.0 < tall.page.1, "{:?}", tall.page);
        assert_eq!(tall.columns, 1);
    }

    #[test]
    fn a_square_poster_that_fits_either_way_keeps_the_sheet_upright() {
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        let plan = plan_sheets((100.0, 100.0), &tiling, &[]);
        assert_eq!(plan.sheets.len(), 1);
        assert!(plan.page.0 < plan.page.1, "{:?}", plan.page);
    }

    #[test]
    fn every_sheet_shows_no_more_than_fits_inside_its_margins() {
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        let m = SHEET_MARGIN_MM * PT_PER_MM;
        for poster in [(3000.0, 500.0), (500.0, 3000.0), (2000.0, 2000.0)] {
            let plan = plan_sheets(poster, &tiling, &[]);
            assert!(plan.sheets.len() > 1, "{poster:?}");
            for s in &plan.sheets {
                assert!(
                    s.area.2 <= plan.page.0 - 2.0 * m + 0.01,
                    "{poster:?}: {s:?}"
                );
                assert!(
                    s.area.3 <= plan.page.1 - 2.0 * m + 0.01,
                    "{poster:?}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn rows_and_columns_move_only_for_a_card_across_the_cut() {
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        let near = 5.0 * PT_PER_MM;
        // Columns of a long, low poster.
        let cut = plan_sheets((3000.0, 400.0), &tiling, &[]).sheets[0].area.2;
        let across = (cut - near, 10.0, 60.0, 20.0);
        let before = (cut - near, 10.0, near - 4.0, 20.0);
        let plan = plan_sheets((3000.0, 400.0), &tiling, &[across]);
        assert!((plan.sheets[0].area.2 - (across.0 - 1.0)).abs() < 0.01);
        let plan = plan_sheets((3000.0, 400.0), &tiling, &[before]);
        assert!((plan.sheets[0].area.2 - cut).abs() < 0.01);
        // Rows of a tall, narrow one.
        let cut = plan_sheets((400.0, 3000.0), &tiling, &[]).sheets[0].area.3;
        let across = (10.0, cut - near, 20.0, 60.0);
        let before = (10.0, cut - near, 20.0, near - 4.0);
        let plan = plan_sheets((400.0, 3000.0), &tiling, &[across]);
        assert!((plan.sheets[0].area.3 - (across.1 - 1.0)).abs() < 0.01);
        let plan = plan_sheets((400.0, 3000.0), &tiling, &[before]);
        assert!((plan.sheets[0].area.3 - cut).abs() < 0.01);
    }

    #[test]
    fn cuts_move_forward_even_when_the_overlap_is_wider_than_a_sheet() {
        let c = cuts(100.0, 20.0, 30.0, &[], 0.0);
        for pair in c.windows(2) {
            assert!(pair[1].0 > pair[0].0, "{c:?}");
        }
        let (s, w) = *c.last().unwrap();
        assert!((s + w - 100.0).abs() < 0.02, "{c:?}");
    }

    #[test]
    fn a_poster_too_long_to_print_plans_more_sheets_than_allowed() {
        // Cutting stops early for such a poster, but never at a plan that would pass as
        // printable and leave the rest of the poster off.
        let tiling = Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        };
        let plan = plan_sheets((10_000_000.0, 400.0), &tiling, &[]);
        assert!(
            plan.sheets.len() > super::super::MAX_SHEETS,
            "{}",
            plan.sheets.len()
        );
    }
}
