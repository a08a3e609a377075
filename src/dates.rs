//! Dates and times as people read them: in the computer's own time zone (a journal written at
//! 23:30 in Utrecht is "23:30", not UTC's "22:30"), with the month in words of the language.
//! The files keep UTC timestamps (RFC 3339); only what is shown is local. `jiff` knows the
//! time zones; no calendar arithmetic is done here.

use jiff::{Timestamp, tz::TimeZone};

use crate::i18n::Language;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The month of `date` in words, in `language`: "december", "December".
fn month_name(date: jiff::civil::Date, language: Language) -> &'static str {
    let months = match language {
        Language::Dutch => &MONTHS_NL,
        Language::English => &MONTHS_EN,
    };
    usize::try_from(date.month() - 1).map_or("", |m| months[m.min(11)])
}

/// `date` (a civil date) in words: "7 december 2026", "7 December 2026".
fn words(date: jiff::civil::Date, language: Language) -> String {
    let month = month_name(date, language);
    format!("{} {month} {}", date.day(), date.year())
}

/// A UTC timestamp (RFC 3339) as the local date and time, in `language`: "7 december 2026,
/// 11:19". Text that is no timestamp comes back as it is, so nothing is lost from view.
pub fn moment(rfc3339: &str, language: Language) -> String {
    moment_in(rfc3339, language, &TimeZone::system())
}

/// [`moment`] in the time zone `zone`.
pub fn moment_in(rfc3339: &str, language: Language, zone: &TimeZone) -> String {
    let Ok(at) = rfc3339.parse::<Timestamp>() else {
        return rfc3339.to_owned();
    };
    let local = at.to_zoned(zone.clone());
    format!(
        "{}, {:02}:{:02}",
        words(local.date(), language),
        local.hour(),
        local.minute()
    )
}

/// Today's local date in words, in `language` (a poster says the day it was printed).
pub fn today(language: Language) -> String {
    words(
        Timestamp::now().to_zoned(TimeZone::system()).date(),
        language,
    )
}

/// The local day (`YYYY-MM-DD`) of a moment given as RFC 3339; `None` when it is not one.
pub fn local_day(rfc3339: &str) -> Option<String> {
    let at = rfc3339.parse::<Timestamp>().ok()?;
    Some(at.to_zoned(TimeZone::system()).date().to_string())
}

/// An ISO date ("2026-12-07") in words, in `language`; anything else as it is.
pub fn date(iso: &str, language: Language) -> String {
    iso.parse::<jiff::civil::Date>()
        .map_or_else(|_| iso.to_owned(), |d| words(d, language))
}

/// The month of an ISO date ("2026-03-15") in words, in `language`: "maart 2026", "March
/// 2026"; anything else as it is.
pub fn month_year(iso: &str, language: Language) -> String {
    let Ok(d) = iso.parse::<jiff::civil::Date>() else {
        return iso.to_owned();
    };
    format!("{} {}", month_name(d, language), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_is_shown_in_the_local_zone_with_the_month_in_words() {
        let amsterdam = TimeZone::get("Europe/Amsterdam").unwrap_or_else(|_| {
            // Without a time zone database, a fixed +01:00 is Amsterdam in winter.
            TimeZone::fixed(jiff::tz::offset(1))
        });
        assert_eq!(
            moment_in("2026-12-07T22:30:00Z", Language::Dutch, &amsterdam),
            "7 december 2026, 23:30"
        );
        // Past midnight locally: the next day.
        assert_eq!(
            moment_in("2026-12-07T23:30:00Z", Language::English, &amsterdam),
            "8 December 2026, 00:30"
        );
        assert_eq!(
            moment_in("gisteren", Language::Dutch, &amsterdam),
            "gisteren"
        );
    }

    #[test]
    fn a_date_is_written_in_words() {
        assert_eq!(date("2026-03-05", Language::Dutch), "5 maart 2026");
        assert_eq!(month_year("2026-03-05", Language::Dutch), "maart 2026");
        assert_eq!(month_year("2026-12-31", Language::English), "December 2026");
        assert_eq!(month_year("2026-01-01", Language::English), "January 2026");
        assert_eq!(month_year("ooit", Language::English), "ooit");
        assert_eq!(date("2026-03-05", Language::English), "5 March 2026");
        assert_eq!(date("", Language::English), "");
    }

    #[test]
    fn now_and_a_moment_are_said_in_the_systems_zone() {
        // Noon in UTC is the 7th or the 8th of December in every zone there is.
        let at = moment("2026-12-07T12:00:00Z", Language::Dutch);
        assert!(at.contains(" december 2026, "), "{at}");
        assert!(at.starts_with('7') || at.starts_with('8'), "{at}");
        // Today: a day, a month in words, this year.
        let year = &crate::model::time::now_rfc3339()[..4];
        let today = today(Language::English);
        let words: Vec<&str> = today.split(' ').collect();
        assert_eq!(words.len(), 3, "{today}");
        assert!(
            words[0].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)),
            "{today}"
        );
        assert!(MONTHS_EN.contains(&words[1]), "{today}");
        // (Around New Year the UTC year and the local one may differ by one.)
        let y: i32 = words[2].parse().unwrap_or_default();
        assert!(
            (y - year.parse::<i32>().unwrap_or_default()).abs() <= 1,
            "{today}"
        );
    }
}
