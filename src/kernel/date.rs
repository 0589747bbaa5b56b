//! Dates and instants as they are typed, stored and shown.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::kernel::error::{Error, Result};

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
    fn invalid_instant_is_a_clear_input_error() {
        let e = parse_instant("1 maart", "at").unwrap_err();
        assert_eq!(e.field(), Some("at"));
    }
}
