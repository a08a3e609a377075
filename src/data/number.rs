//! Numbers as people type them: `1.234,5` and `12,5` (Dutch), `1,234.5` (English), `85%`,
//! `€ 12`, `1 234`.

/// Whether `text` can only be a number written with a decimal comma (`12,5`, `1.234,56`).
pub fn looks_decimal_comma(text: &str) -> bool {
    let t = strip(text);
    let Some(comma) = t.rfind(',') else {
        return false;
    };
    let digits_after = t[comma + 1..].chars().filter(char::is_ascii_digit).count();
    let is_number = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+'));
    is_number
        && t.matches(',').count() == 1
        && (t.rfind('.').is_some_and(|dot| dot < comma) || digits_after != 3)
}

/// Removes what surrounds the digits: spaces (also thin and non-breaking), currency and
/// percent signs.
fn strip(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '$' | '£' | '%' | '\u{202F}'))
        .collect()
}

/// Reads a number. With `decimal_comma`, `.` groups thousands and `,` is the decimal
/// separator; without it, the other way round. A number that only makes sense one way
/// (`1.234,5`, `1,234.5`) is read that way regardless.
pub fn parse(text: &str, decimal_comma: bool) -> Option<f64> {
    let t = strip(text);
    if t.is_empty() {
        return None;
    }
    let (group, decimal) = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => ('.', ','),
        (Some(_), Some(_)) => (',', '.'),
        _ if decimal_comma => ('.', ','),
        _ => (',', '.'),
    };
    if t.matches(decimal).count() > 1 {
        return None;
    }
    let plain: String = t
        .chars()
        .filter(|&c| c != group)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    if !plain
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_both_ways() {
        assert_eq!(parse("12,5", true), Some(12.5));
        assert_eq!(parse("1.234,5", true), Some(1234.5));
        assert_eq!(parse("1.234,5", false), Some(1234.5));
        assert_eq!(parse("1,234.5", true), Some(1234.5));
        assert_eq!(parse("1.234", true), Some(1234.0));
        assert_eq!(parse("1.234", false), Some(1.234));
        assert_eq!(parse("€ 1 250", true), Some(1250.0));
        assert_eq!(parse("85%", false), Some(85.0));
        assert_eq!(parse("-3", false), Some(-3.0));
        assert_eq!(parse("4,2,1", true), None);
        assert_eq!(parse("veel", true), None);
        assert_eq!(parse("", true), None);
        assert_eq!(parse("inf", false), None);
    }

    #[test]
    fn recognises_a_decimal_comma() {
        assert!(looks_decimal_comma("12,5"));
        assert!(looks_decimal_comma("1.234,56"));
        assert!(!looks_decimal_comma("1,234"));
        assert!(!looks_decimal_comma("12.5"));
        assert!(!looks_decimal_comma("Amsterdam, Noord"));
    }
}
