//! Dates and instants as they are typed, stored and shown.

use chrono::{DateTime, Datelike, Local, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};

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

/// Parses an instant, naming `field` in the error: RFC 3339 (`2026-03-31T14:30:00+02:00`), or
/// a date and a time of day as typed (`31-03-2026 14:30`, `2026-03-31 14:30`), taken in the
/// local time zone. The year has four digits and is taken as written; before 1900 is refused.
pub fn parse_instant(s: &str, field: &'static str) -> Result<DateTime<Utc>> {
    parse_instant_in(s, field, &Local)
}

/// [`parse_instant`] with a typed date and time taken in the time zone `tz`.
pub fn parse_instant_in<Tz: TimeZone>(
    s: &str,
    field: &'static str,
    tz: &Tz,
) -> Result<DateTime<Utc>> {
    let s = s.trim();
    let t = match DateTime::parse_from_rfc3339(s) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => {
            let bad = || Error::invalid(field, "expected a date and a time like 31-03-2026 14:30");
            let (date, time) = s.split_once(' ').ok_or_else(bad)?;
            let date = parse_date(date, field).map_err(|e| match e.field() {
                Some(_) if e.to_string().contains("1900") => e,
                _ => bad(),
            })?;
            let time = parse_time(time.trim()).ok_or_else(bad)?;
            match tz.from_local_datetime(&date.and_time(time)) {
                LocalResult::Single(t) => t.with_timezone(&Utc),
                // The hour the clocks go back happens twice: the first is meant.
                LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
                LocalResult::None => {
                    return Err(Error::invalid(
                        field,
                        "that time does not exist here (the clocks go forward then)",
                    ))
                }
            }
        }
    };
    not_before_1900(field, t.year())?;
    Ok(t)
}

/// A time of day as typed: `14:30` or `9:05` (hours 0–23, two-digit minutes).
fn parse_time(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once(':')?;
    if !(1..=2).contains(&h.len())
        || m.len() != 2
        || !(h.chars().chain(m.chars())).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Formats an instant the way it is stored: RFC 3339, UTC, whole seconds.
pub fn format_instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses a calendar date as typed, naming `field` in the error: `31-03-2026` (day, month,
/// year, as written in Dutch; `1-3-2026` too) or `2026-03-31` (ISO, as stored). The year has
/// four digits and is taken as written, never a two-digit year reinterpreted; before 1900 is
/// refused.
pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate> {
    let s = s.trim();
    let bad = || Error::invalid(field, "expected a date like 31-03-2026");
    let parts: Vec<&str> = s.split('-').collect();
    let [a, b, c] = parts[..] else { return Err(bad()) };
    if !parts.iter().all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit())) {
        return Err(bad());
    }
    // chrono reads `26-03-01` as the year 26; only a four-digit year is a year as written.
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        _ => return Err(bad()),
    };
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let year = i32::try_from(num(year)?).map_err(|_| bad())?;
    not_before_1900(field, year)?;
    NaiveDate::from_ymd_opt(year, num(month)?, num(day)?)
        .ok_or_else(|| Error::invalid(field, "that day does not exist (check the day and month)"))
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
        for bad in ["26-03-01", "126-03-01", "02026-03-01", "31-03-26", "31-03-0026x", "31/03/2026"]
        {
            assert_eq!(parse_date(bad, "d").unwrap_err().field(), Some("d"), "{bad}");
        }
        assert!(parse_instant("0026-03-01T10:00:00Z", "at").is_err());
        assert!(parse_instant("1900-01-01T00:00:00Z", "at").is_ok());
    }

    #[test]
    fn dates_are_typed_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        assert_eq!(parse_date("31-03-2026", "d").unwrap(), d);
        assert_eq!(parse_date(" 31-3-2026 ", "d").unwrap(), d);
        assert_eq!(parse_date("2026-03-31", "d").unwrap(), d);
        assert!(parse_date("31-03-0026", "d").unwrap_err().to_string().contains("1900"));
        assert!(parse_date("31-02-2026", "d").unwrap_err().to_string().contains("does not exist"));
        // Never a two-digit year read as one: 31-03-26 is neither 2026 nor 26.
        assert_eq!(parse_date("31-03-26", "d").unwrap_err().field(), Some("d"));
    }

    #[test]
    fn a_typed_date_and_time_is_a_moment_in_the_local_time_zone() {
        let amsterdam_summer = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
        let t = parse_instant_in("31-03-2026 14:30", "at", &amsterdam_summer).unwrap();
        assert_eq!(format_instant(t), "2026-03-31T12:30:00Z");
        let t = parse_instant_in("2026-03-31 9:05", "at", &Utc).unwrap();
        assert_eq!(format_instant(t), "2026-03-31T09:05:00Z");
        for bad in ["31-03-2026", "31-03-2026 24:00", "31-03-2026 14.30", "31-03-26 14:30"] {
            assert_eq!(parse_instant_in(bad, "at", &Utc).unwrap_err().field(), Some("at"), "{bad}");
        }
        assert!(parse_instant_in("01-01-0026 10:00", "at", &Utc)
            .unwrap_err()
            .to_string()
            .contains("1900"));
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
