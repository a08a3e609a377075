//! The outlines both paper writers draw the same way, as path commands each one replays into
//! its own path type (krilla's for the PDF, tiny-skia's for the PNG).

use epaint::Rect;

/// One command of a path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Segment {
    MoveTo(f32, f32),
    LineTo(f32, f32),
    /// Two control points and the end point.
    CubicTo(f32, f32, f32, f32, f32, f32),
    Close,
}

/// How far a cubic Bézier's control points sit along the tangent to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// A rectangle with corners rounded by `radius` (at most half its shorter side), or `None`
/// for a rectangle with no area.
pub(super) fn rounded_rect(rect: Rect, radius: f32) -> Option<Vec<Segment>> {
    use Segment::{Close, CubicTo, LineTo, MoveTo};
    if !(rect.width() > 0.0 && rect.height() > 0.0) {
        return None;
    }
    let r = radius.clamp(0.0, rect.width().min(rect.height()) / 2.0);
    let (l, t, rr, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    if r <= 0.0 {
        return Some(vec![
            MoveTo(l, t),
            LineTo(rr, t),
            LineTo(rr, b),
            LineTo(l, b),
            Close,
        ]);
    }
    let k = r * (1.0 - KAPPA);
    Some(vec![
        MoveTo(l + r, t),
        LineTo(rr - r, t),
        CubicTo(rr - k, t, rr, t + k, rr, t + r),
        LineTo(rr, b - r),
        CubicTo(rr, b - k, rr - k, b, rr - r, b),
        LineTo(l + r, b),
        CubicTo(l + k, b, l, b - k, l, b - r),
        LineTo(l, t + r),
        CubicTo(l, t + k, l + k, t, l + r, t),
        Close,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use epaint::{pos2, vec2};

    #[test]
    fn a_rounded_rectangle_keeps_to_its_box_and_its_radius_to_half_a_side() {
        assert!(rounded_rect(Rect::from_min_size(pos2(0.0, 0.0), vec2(0.0, 5.0)), 2.0).is_none());
        let square = rounded_rect(Rect::from_min_size(pos2(0.0, 0.0), vec2(4.0, 2.0)), 0.0);
        assert_eq!(square.map(|s| s.len()), Some(5));
        // A radius larger than half the shorter side is cut to it: the corners meet.
        let pill = rounded_rect(Rect::from_min_size(pos2(0.0, 0.0), vec2(4.0, 2.0)), 9.0).unwrap();
        assert_eq!(pill[0], Segment::MoveTo(1.0, 0.0));
        assert_eq!(pill[1], Segment::LineTo(3.0, 0.0));
        let within = |x: f32, y: f32| (0.0..=4.0).contains(&x) && (0.0..=2.0).contains(&y);
        for segment in pill {
            if let Segment::CubicTo(a, b, c, d, e, f) = segment {
                assert!(within(a, b) && within(c, d) && within(e, f));
            }
        }
    }
}
