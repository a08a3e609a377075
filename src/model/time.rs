//! Timestamps as RFC 3339 text, without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in UTC, to the second: `2026-11-23T09:30:00Z`.
pub fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339_from_unix(secs as i64)
}

/// Formats seconds since 1970 as an RFC 3339 UTC time.
pub fn rfc3339_from_unix(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

/// The calendar date of a day number (days since 1970-01-01), after Howard Hinnant's algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Whether `s` looks like the timestamps this module writes (or a plain `YYYY-MM-DD` date).
pub fn is_valid_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let date_ok = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date_ok {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    b.len() == 20
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z'
}

/// Whether `s` is a calendar date written `YYYY-MM-DD`, with a month and day that exist.
pub fn is_valid_date(s: &str) -> bool {
    s.len() == 10 && is_valid_timestamp(s) && parse_date(s).as_deref() == Some(s)
}

/// The date `days` days after 1970-01-01, as `YYYY-MM-DD`.
pub fn date_from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a date as people type it in a spreadsheet: `2026-10-31` (ISO, optionally with a time
/// after it), `31-10-2026`, `31/10/2026` or `31.10.2026` (day first, as in Dutch), and gives it
/// back as `YYYY-MM-DD`. `None` when it is not a date that exists.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head = s.split(['T', ' ']).next().unwrap_or(s);
    let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |t: &str| -> Option<i64> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|x| x.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return None;
    };
    let m = u32::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
    let d = u32::try_from(d).ok()?;
    if !(1000..=9999).contains(&y) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_times() {
        assert_eq!(rfc3339_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_unix(1_795_420_210), "2026-11-23T07:50:10Z");
        assert_eq!(rfc3339_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert!(is_valid_timestamp(&now_rfc3339()));
        assert!(is_valid_timestamp("2026-11-23"));
        assert!(!is_valid_timestamp("2026-11-23 07:00"));
        assert!(!is_valid_timestamp("yesterday"));
    }

    #[test]
    fn reads_dates_as_spreadsheets_write_them() {
        assert_eq!(parse_date("2026-10-31").as_deref(), Some("2026-10-31"));
        assert_eq!(parse_date("31-10-2026").as_deref(), Some("2026-10-31"));
        assert_eq!(parse_date("1/2/2024").as_deref(), Some("2024-02-01"));
        assert_eq!(parse_date("29.02.2024").as_deref(), Some("2024-02-29"));
        assert_eq!(
            parse_date("2026-10-31T08:00:00Z").as_deref(),
            Some("2026-10-31")
        );
        assert_eq!(parse_date("29-02-2026"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("week 3"), None);
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2026-02-30"));
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(20_757), "2026-10-31");
    }
}
