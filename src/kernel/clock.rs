//! The clock every timestamp comes from: the system clock, or a fixed instant (`--now`,
//! `KLUIS_NOW`) so retention and deadline rules can be tested; and the context (time and
//! actor) of one action.

use chrono::{DateTime, Utc};

use crate::kernel::date::parse_instant;
use crate::kernel::error::Result;

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

/// The time and the actor of one action, for the rows and audit entries it writes. Writing
/// its audit rows (`Ctx::audit`) lives with the audit trail in `src/store/audit.rs`.
pub struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub actor: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::date::format_instant;

    #[test]
    fn fixed_clock_returns_its_instant_in_utc() {
        let c = Clock::fixed_from_rfc3339("2026-03-01T09:30:00+01:00").unwrap();
        assert_eq!(format_instant(c.now()), "2026-03-01T08:30:00Z");
    }
}
