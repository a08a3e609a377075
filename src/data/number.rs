//! Numbers as people type them: `1.234,5` and `12,5` (Dutch), `1,234.5` (English), `85%`,
//! `€ 12`, `1 234`.
//!
//! Most numbers say themselves how they are written: a separator followed by other than three
//! digits (`4.5`, `12,5`), or standing after a first group that cannot start a grouped number
//! (`0.500`), is a decimal separator; two different separators (`1.234,5`) or one repeated
//! (`1.234.567`) leave no doubt either. Only a single separator followed by exactly three
//! digits (`1.234`, `1,234`) reads two ways, and only then does the style of the column
//! ([`column_style`], decided from all its cells) or the user's choice decide.

/// How one cell writes its number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    /// No separator: the same either way.
    Plain(f64),
    /// The cell can only be read with a decimal point (`4.5`, `1,234.5`, `1,234,567`).
    Point(f64),
    /// The cell can only be read with a decimal comma (`4,5`, `1.234,5`, `1.234.567`).
    Comma(f64),
    /// `1.234` or `1,234`: the value with a decimal point, and with a decimal comma.
    Either { point: f64, comma: f64 },
}

impl Reading {
    /// The value, with a decimal comma or not where the cell reads two ways.
    pub fn value(self, decimal_comma: bool) -> f64 {
        match self {
            Self::Plain(v) | Self::Point(v) | Self::Comma(v) => v,
            Self::Either { point, comma } => {
                if decimal_comma {
                    comma
                } else {
                    point
                }
            }
        }
    }
}

/// Removes what surrounds the digits: spaces (also thin and non-breaking), currency and
/// percent signs.
fn strip(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '$' | '£' | '%' | '\u{202F}'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect()
}

/// Whether `digits` (a number without its sign, split at `sep`) is a grouped whole number:
/// a first group of one to three digits not starting with 0, then groups of three.
fn grouped(digits: &str, sep: char) -> bool {
    let mut groups = digits.split(sep);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Parses a number whose decimal separator (if any) is `.` and which has no other separator.
/// It starts with a digit or the point (so never with a second sign) and holds nothing but
/// digits, the point and an exponent.
fn plain(sign: &str, t: &str) -> Option<f64> {
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && t.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !ok {
        return None;
    }
    format!("{sign}{t}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// How `text` writes its number, or `None` when it is not a number.
pub fn read(text: &str) -> Option<Reading> {
    let t = strip(text);
    let (sign, t) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(&t)),
    };
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let without = |sep: char| t.replace(sep, "");
    let swapped = || t.replace('.', "").replace(',', ".");
    match (dots, commas) {
        (0, 0) => plain(sign, t).map(Reading::Plain),
        // Both: the last one is the decimal separator, the other groups thousands.
        (_, _) if dots > 0 && commas > 0 => {
            let (last_comma, last_dot) = (t.rfind(',')?, t.rfind('.')?);
            if last_comma > last_dot {
                let whole = &t[..last_comma];
                (commas == 1 && grouped(whole, '.'))
                    .then(|| plain(sign, &swapped()))
                    .flatten()
                    .map(Reading::Comma)
            } else {
                let whole = &t[..last_dot];
                (dots == 1 && grouped(whole, ','))
                    .then(|| plain(sign, &without(',')))
                    .flatten()
                    .map(Reading::Point)
            }
        }
        // One kind of separator, repeated: it groups thousands.
        (d, 0) if d > 1 => grouped(t, '.')
            .then(|| plain(sign, &without('.')))
            .flatten()
            .map(Reading::Comma),
        (0, c) if c > 1 => grouped(t, ',')
            .then(|| plain(sign, &without(',')))
            .flatten()
            .map(Reading::Point),
        // One separator: a decimal one unless it could group thousands.
        (1, 0) => {
            let point = plain(sign, t)?;
            if grouped(t, '.') {
                Some(Reading::Either {
                    point,
                    comma: plain(sign, &without('.'))?,
                })
            } else {
                Some(Reading::Point(point))
            }
        }
        _ => {
            let comma = plain(sign, &swapped())?;
            if grouped(t, ',') {
                Some(Reading::Either {
                    point: plain(sign, &without(','))?,
                    comma,
                })
            } else {
                Some(Reading::Comma(comma))
            }
        }
    }
}

/// Reads a number. Where it reads two ways (`1.234`), `decimal_comma` decides; a number that
/// only makes sense one way (`4.5`, `1.234,5`, `1,234.5`) is read that way regardless.
pub fn parse(text: &str, decimal_comma: bool) -> Option<f64> {
    read(text).map(|r| r.value(decimal_comma))
}

/// A cell of a column as [`column_style`] names it: its line and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub line: u32,
    pub text: String,
}

/// How a column writes its numbers, decided from all its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnStyle {
    /// No cell has a separator that could be read two ways: whole numbers, or none at all.
    Plain,
    /// The cells write a decimal point (or group thousands with a comma).
    Point,
    /// The cells write a decimal comma (or group thousands with a dot).
    Comma,
    /// Every cell with a separator reads two ways (`1.234`): the first of them.
    Undecided(Example),
    /// Some cells write a decimal point and others a decimal comma: one of each.
    Mixed { point: Example, comma: Example },
}

impl ColumnStyle {
    /// Whether the column's numbers use a decimal comma; `None` when the column does not say
    /// (undecided or mixed), so the user must.
    pub fn decimal_comma(&self) -> Option<bool> {
        match self {
            Self::Plain | Self::Point => Some(false),
            Self::Comma => Some(true),
            Self::Undecided(_) | Self::Mixed { .. } => None,
        }
    }
}

/// The number style of a column from its cells' texts, each with its line.
pub fn column_style<'a>(cells: impl IntoIterator<Item = (u32, &'a str)>) -> ColumnStyle {
    let mut point = None;
    let mut comma = None;
    let mut either = None;
    let example = |line: u32, text: &str| Example {
        line,
        text: text.trim().to_owned(),
    };
    for (line, text) in cells {
        match read(text) {
            Some(Reading::Point(_)) if point.is_none() => point = Some(example(line, text)),
            Some(Reading::Comma(_)) if comma.is_none() => comma = Some(example(line, text)),
            Some(Reading::Either { .. }) if either.is_none() => either = Some(example(line, text)),
            _ => {}
        }
    }
    match (point, comma, either) {
        (Some(point), Some(comma), _) => ColumnStyle::Mixed { point, comma },
        (Some(_), None, _) => ColumnStyle::Point,
        (None, Some(_), _) => ColumnStyle::Comma,
        (None, None, Some(e)) => ColumnStyle::Undecided(e),
        (None, None, None) => ColumnStyle::Plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_both_ways() {
        assert_eq!(parse("12,5", true), Some(12.5));
        assert_eq!(parse("12,5", false), Some(12.5));
        assert_eq!(parse("1.234,5", true), Some(1234.5));
        assert_eq!(parse("1.234,5", false), Some(1234.5));
        assert_eq!(parse("1,234.5", true), Some(1234.5));
        assert_eq!(parse("1.234", true), Some(1234.0));
        assert_eq!(parse("1.234", false), Some(1.234));
        assert_eq!(parse("1,234", true), Some(1.234));
        assert_eq!(parse("1,234", false), Some(1234.0));
        assert_eq!(parse("1.234.567", false), Some(1_234_567.0));
        assert_eq!(parse("1,234,567", true), Some(1_234_567.0));
        assert_eq!(parse("1.234.567,89", false), Some(1_234_567.89));
        assert_eq!(parse("€ 1 250", true), Some(1250.0));
        assert_eq!(parse("85%", false), Some(85.0));
        assert_eq!(parse("-3", false), Some(-3.0));
        assert_eq!(parse("−2,5", false), Some(-2.5));
        assert_eq!(parse("+1.5", true), Some(1.5));
        assert_eq!(parse("1e3", true), Some(1000.0));
        assert_eq!(parse("4,2,1", true), None);
        assert_eq!(parse("1.23.4", true), None);
        assert_eq!(parse("1,2.3", true), None);
        // Both marks, but the thousands not in threes: no figure a person wrote.
        assert_eq!(parse("12.34,5", true), None);
        assert_eq!(parse("12,34.5", false), None);
        assert_eq!(parse("1.234,5,6", true), None);
        assert_eq!(parse("veel", true), None);
        assert_eq!(parse("", true), None);
        assert_eq!(parse("-", true), None);
        assert_eq!(parse("--3", true), None);
        assert_eq!(parse("++3", true), None);
        assert_eq!(parse("+-3", false), None);
        assert_eq!(parse("e3", false), None);
        assert_eq!(parse(".5", false), Some(0.5));
        assert_eq!(parse("inf", false), None);
        assert_eq!(parse("NaN", false), None);
    }

    /// The bug of issue 24: `;`-separated files switched on decimal commas, and then `4.5`
    /// became 45.
    #[test]
    fn a_dot_followed_by_other_than_three_digits_is_a_decimal_point() {
        for (text, want) in [("4.5", 4.5), ("3.25", 3.25), ("2.8", 2.8), ("0.500", 0.5)] {
            assert_eq!(parse(text, true), Some(want), "{text}");
            assert_eq!(parse(text, false), Some(want), "{text}");
        }
        for (text, want) in [("4,5", 4.5), ("3,25", 3.25), ("0,125", 0.125)] {
            assert_eq!(parse(text, false), Some(want), "{text}");
        }
        assert_eq!(read("1234.567"), Some(Reading::Point(1234.567)));
        assert_eq!(
            read("-1.234"),
            Some(Reading::Either {
                point: -1.234,
                comma: -1234.0
            })
        );
    }

    #[test]
    fn a_column_is_decided_from_all_its_cells() {
        let style = |cells: &[&str]| {
            column_style(cells.iter().enumerate().map(|(i, t)| (i as u32 + 2, *t)))
        };
        assert_eq!(style(&["12", "3", "n.v.t."]), ColumnStyle::Plain);
        assert_eq!(style(&["1.234", "4.5"]), ColumnStyle::Point);
        assert_eq!(style(&["1.234", "2.345,5"]), ColumnStyle::Comma);
        assert_eq!(style(&["1,234", "1.234.567"]), ColumnStyle::Comma);
        assert_eq!(
            style(&["12", "1.234", "2.345"]),
            ColumnStyle::Undecided(Example {
                line: 3,
                text: "1.234".into()
            })
        );
        // Each style is named by its first cell, the one to look at first.
        assert_eq!(
            style(&["4.5", "4", "4,5", "6.5", "7,5"]),
            ColumnStyle::Mixed {
                point: Example {
                    line: 2,
                    text: "4.5".into()
                },
                comma: Example {
                    line: 4,
                    text: "4,5".into()
                }
            }
        );
        assert_eq!(style(&["4,5"]).decimal_comma(), Some(true));
        assert_eq!(style(&["4.5"]).decimal_comma(), Some(false));
        assert_eq!(style(&["7"]).decimal_comma(), Some(false));
        assert_eq!(style(&["1.234"]).decimal_comma(), None);
    }
}
