//! Dates and instants as they are typed, stored and shown.

use chrono::{DateTime, NaiveDate, Utc};

use crate::kernel::error::{Error, Result};

/// Parses an RFC 3339 instant, naming `field` in the error.
pub fn parse_instant(s: &str, field: &'static str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        Error::invalid(field, "expected a date and time like 2026-03-01T09:30:00+01:00")
    })
}

/// Formats an instant the way it is stored: RFC 3339, UTC, whole seconds.
pub fn format_instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses a calendar date like 2026-03-31, naming `field` in the error.
pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, "expected a date like 2026-03-31"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_instant_is_a_clear_input_error() {
        let e = parse_instant("1 maart", "at").unwrap_err();
        assert_eq!(e.field(), Some("at"));
    }
}
