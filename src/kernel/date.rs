//! Dates and instants as they are typed, stored and shown.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

/// No date a user types lies before this year: a year like `0026` is a typo, never 1926 or 26.
pub const MIN_YEAR: i32 = 1900;

fn not_before_1900(field: &'static str, year: i32) -> Result<()> {
    if year < MIN_YEAR {
        return Err(Error::invalid(field, format!("no date before {MIN_YEAR} (check the year)")));
    }
    Ok(())
}

/// Parses an RFC 3339 instant, naming `field` in the error. The year has four digits and is
/// taken as written; before 1900 is refused.
pub fn parse_instant(s: &str, field: &'static str) -> Result<DateTime<Utc>> {
    let t =
        DateTime::parse_from_rfc3339(s.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| {
            Error::invalid(field, "expected a date and time like 2026-03-01T09:30:00+01:00")
        })?;
    not_before_1900(field, t.year())?;
    Ok(t)
}

/// Formats an instant the way it is stored: RFC 3339, UTC, whole seconds.
pub fn format_instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses a calendar date like 2026-03-31, naming `field` in the error. The year is taken as
/// written (four digits); before 1900 is refused.
pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate> {
    let s = s.trim();
    let bad = || Error::invalid(field, "expected a date like 2026-03-31");
    // chrono reads `26-03-01` as the year 26; only a four-digit year is a year as written.
    if s.split('-').next().is_none_or(|y| y.len() != 4) {
        return Err(bad());
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?;
    not_before_1900(field, d.year())?;
    Ok(d)
}

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

/// The calendar date of a stored date or instant (`2026-12-01`, `2026-12-01T10:00:00Z`).
fn calendar_date(stored: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stored.get(..10)?, "%Y-%m-%d").ok()
}

/// A date in a table of a document: `01-12-2026` in Dutch, `1 Dec 2026` in English, whatever
/// the system locale. What is not a date is shown as stored.
pub fn short_date(stored: &str, language: Language) -> String {
    let Some(d) = calendar_date(stored) else { return stored.to_owned() };
    if language.is_dutch() {
        d.format("%d-%m-%Y").to_string()
    } else {
        format!("{} {} {}", d.day(), &MONTHS_EN[d.month0() as usize][..3], d.year())
    }
}

/// A date in running text: `1 december 2026` / `1 December 2026`.
pub fn long_date(stored: &str, language: Language) -> String {
    let Some(d) = calendar_date(stored) else { return stored.to_owned() };
    let months = if language.is_dutch() { &MONTHS_NL } else { &MONTHS_EN };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_taken_as_written_and_not_before_1900() {
        assert_eq!(parse_date("2026-03-01", "d").unwrap().year(), 2026);
        assert_eq!(parse_date("1900-01-01", "d").unwrap().year(), 1900);
        for bad in ["0026-03-01", "0001-01-01", "1899-12-31"] {
            assert!(parse_date(bad, "d").unwrap_err().to_string().contains("1900"), "{bad}");
        }
        for bad in ["26-03-01", "126-03-01", "02026-03-01"] {
            assert_eq!(parse_date(bad, "d").unwrap_err().field(), Some("d"), "{bad}");
        }
        assert!(parse_instant("0026-03-01T10:00:00Z", "at").is_err());
        assert!(parse_instant("1900-01-01T00:00:00Z", "at").is_ok());
    }

    #[test]
    fn dates_read_the_same_whatever_the_locale() {
        assert_eq!(short_date("2026-12-01", Language::Nl), "01-12-2026");
        assert_eq!(short_date("2026-12-01T23:00:00Z", Language::En), "1 Dec 2026");
        assert_eq!(long_date("2026-12-01", Language::Nl), "1 december 2026");
        assert_eq!(long_date("2026-03-09", Language::En), "9 March 2026");
        assert_eq!(short_date("—", Language::Nl), "—");
    }

    #[test]
    fn invalid_instant_is_a_clear_input_error() {
        let e = parse_instant("1 maart", "at").unwrap_err();
        assert_eq!(e.field(), Some("at"));
    }
}
