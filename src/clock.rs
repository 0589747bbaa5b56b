//! The clock every timestamp comes from: the system clock, or a fixed instant (`--now`,
//! `KLUIS_NOW`) so retention and deadline rules can be tested.

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => *t,
        }
    }

    /// Parses an RFC 3339 instant into a fixed clock.
    pub fn fixed_from_rfc3339(s: &str) -> Result<Clock> {
        parse_instant(s, "now").map(Clock::Fixed)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_returns_its_instant_in_utc() {
        let c = Clock::fixed_from_rfc3339("2026-03-01T09:30:00+01:00").unwrap();
        assert_eq!(format_instant(c.now()), "2026-03-01T08:30:00Z");
    }

    #[test]
    fn invalid_instant_is_a_clear_input_error() {
        let e = parse_instant("1 maart", "at").unwrap_err();
        assert_eq!(e.field(), Some("at"));
    }
}
