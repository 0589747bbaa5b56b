//! The 72-hour clock of Art. 33(1): the AP is notified within 72 hours of becoming aware of a
//! breach. The hours are real hours in absolute time (UTC instants), not working days and not
//! wall-clock hours: across a change to summer time the local clock shows 73 hours later, across
//! the change back 71 (aware Friday 27 March 2026 12:00 CET → notify by Monday 30 March 2026
//! 13:00 CEST).

use chrono::{DateTime, Duration, Local, SecondsFormat, TimeZone, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The time the AP is given, from becoming aware.
pub const WINDOW_HOURS: i64 = 72;

/// The moment the AP must have been notified by.
pub fn notify_by(aware_at: DateTime<Utc>) -> DateTime<Utc> {
    aware_at + Duration::hours(WINDOW_HOURS)
}

/// An instant as RFC 3339 with the offset of the time zone `tz` at that instant
/// (`2026-03-30T13:00:00+02:00`).
pub fn in_zone<Tz: TimeZone>(t: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.with_timezone(tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// An instant as RFC 3339 with the offset of this computer's time zone at that instant.
pub fn local(t: DateTime<Utc>) -> String {
    in_zone(t, &Local)
}

/// Where the clock stands at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Deadline {
    /// RFC 3339 with the local offset at that moment.
    pub notify_by: String,
    /// The AP decision is still open: the clock is running.
    pub running: bool,
    /// Minutes until `notify_by`; negative once it has passed.
    #[ts(type = "number")]
    pub minutes_left: i64,
    /// Running and past `notify_by`.
    pub overdue: bool,
    /// "52 h 30 min left", "overdue by 3 h 5 min", or "decided" once the AP decision is made.
    pub text: String,
}

/// The clock of a breach the user became aware of at `aware_at`, seen at `now`; `decided`:
/// the AP decision (notify or not) has been made, so the clock no longer runs.
pub fn at(aware_at: DateTime<Utc>, now: DateTime<Utc>, decided: bool) -> Deadline {
    let by = notify_by(aware_at);
    let left = by - now;
    let minutes_left = left.num_minutes();
    let running = !decided;
    let text = if decided {
        "decided".to_owned()
    } else if left >= Duration::zero() {
        format!("{} left", hours_minutes(left))
    } else {
        format!("overdue by {}", hours_minutes(-left))
    };
    Deadline {
        notify_by: local(by),
        running,
        minutes_left,
        overdue: running && left < Duration::zero(),
        text,
    }
}

/// "52 h 30 min" (whole minutes, rounded down).
pub fn hours_minutes(d: Duration) -> String {
    let m = d.num_minutes();
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// The example of the issue, with the two offsets the Netherlands has that weekend (the
    /// time-zone database is not a dependency of the core; tests/cli_breaches.rs checks the
    /// same example with the system's Europe/Amsterdam zone).
    #[test]
    fn aware_friday_before_summer_time_is_due_monday_one_hour_later_on_the_clock() {
        let aware = t("2026-03-27T12:00:00+01:00");
        let by = notify_by(aware);
        let cest = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(in_zone(by, &cest), "2026-03-30T13:00:00+02:00");
        assert_eq!(by - aware, Duration::hours(72));
        // And back in October: 71 hours on the wall clock.
        let aware = t("2026-10-23T12:00:00+02:00");
        let cet = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(in_zone(notify_by(aware), &cet), "2026-10-26T11:00:00+01:00");
    }

    #[test]
    fn the_clock_counts_down_then_overdue_and_stops_at_the_decision() {
        let aware = t("2026-03-27T11:00:00Z");
        let d = at(aware, t("2026-03-28T12:30:00Z"), false);
        assert_eq!(
            (d.minutes_left, d.overdue, d.text.as_str()),
            (46 * 60 + 30, false, "46 h 30 min left")
        );
        let d = at(aware, t("2026-03-30T14:05:00Z"), false);
        assert_eq!(
            (d.minutes_left, d.overdue, d.text.as_str()),
            (-185, true, "overdue by 3 h 5 min")
        );
        let d = at(aware, t("2026-03-30T14:05:00Z"), true);
        assert!(!d.running && !d.overdue);
        assert_eq!(at(aware, t("2026-03-30T11:00:00Z"), false).text, "0 min left");
    }
}
