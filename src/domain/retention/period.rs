//! Retention periods ("24m", "4w", "7y", "30d") and the date arithmetic rules need: adding a
//! period to a date or instant (month ends clamp: 29 February + 1 year = 28 February), and the
//! end of the financial year (the calendar year, as for most Dutch sole traders).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
}

impl Period {
    /// `t` plus the period; `None` past the end of the calendar.
    pub fn after(self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Period::Days(n) => t.checked_add_signed(Duration::days(i64::from(n))),
            Period::Weeks(n) => t.checked_add_signed(Duration::weeks(i64::from(n))),
            Period::Months(n) => t.checked_add_months(Months::new(n)),
            Period::Years(n) => t.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// `t` minus the period: the cut-off before which something is due.
    pub fn before(self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Period::Days(n) => t.checked_sub_signed(Duration::days(i64::from(n))),
            Period::Weeks(n) => t.checked_sub_signed(Duration::weeks(i64::from(n))),
            Period::Months(n) => t.checked_sub_months(Months::new(n)),
            Period::Years(n) => t.checked_sub_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// The same for a calendar date.
    pub fn after_date(self, d: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Days(n) => d.checked_add_signed(Duration::days(i64::from(n))),
            Period::Weeks(n) => d.checked_add_signed(Duration::weeks(i64::from(n))),
            Period::Months(n) => d.checked_add_months(Months::new(n)),
            Period::Years(n) => d.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// Words for people: "24 maanden" / "24 months".
    pub fn describe(self, language: Language) -> String {
        let (n, nl1, nl, en1, en) = match self {
            Period::Days(n) => (n, "dag", "dagen", "day", "days"),
            Period::Weeks(n) => (n, "week", "weken", "week", "weeks"),
            Period::Months(n) => (n, "maand", "maanden", "month", "months"),
            Period::Years(n) => (n, "jaar", "jaar", "year", "years"),
        };
        let unit = match (language.is_dutch(), n == 1) {
            (true, true) => nl1,
            (true, false) => nl,
            (false, true) => en1,
            (false, false) => en,
        };
        format!("{n} {unit}")
    }
}

impl FromStr for Period {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::invalid("period", "expected a number and d, w, m or y, like 24m or 7y");
        let s = s.trim();
        // Split before the last character, not the last byte: "12é" must be an error, not a
        // slice through a character.
        let mut chars = s.chars();
        let unit = chars.next_back().ok_or_else(bad)?;
        let num = chars.as_str();
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let n: u32 = num.parse().map_err(|_| bad())?;
        if n == 0 || n > 1200 {
            return Err(bad());
        }
        match unit {
            'd' => Ok(Period::Days(n)),
            'w' => Ok(Period::Weeks(n)),
            'm' => Ok(Period::Months(n)),
            'y' => Ok(Period::Years(n)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Days(n) => write!(f, "{n}d"),
            Period::Weeks(n) => write!(f, "{n}w"),
            Period::Months(n) => write!(f, "{n}m"),
            Period::Years(n) => write!(f, "{n}y"),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

/// The last day of the financial year that `d` falls in (the calendar year).
pub fn end_of_financial_year(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parse_and_display_round_trip() {
        for s in ["30d", "4w", "24m", "7y"] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        for bad in ["", "m", "0m", "7", "7x", "-1y", "99999y", "2 y"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn month_ends_and_leap_years_clamp() {
        assert_eq!(Period::Years(1).after_date(date("2024-02-29")), Some(date("2025-02-28")));
        assert_eq!(Period::Years(4).after_date(date("2024-02-29")), Some(date("2028-02-29")));
        assert_eq!(Period::Months(1).after_date(date("2026-01-31")), Some(date("2026-02-28")));
        assert_eq!(Period::Weeks(4).after_date(date("2026-02-01")), Some(date("2026-03-01")));
        assert_eq!(end_of_financial_year(date("2019-03-15")), date("2019-12-31"));
        // An invoice of 15 March 2019 is kept until the end of 2026.
        let until = Period::Years(7).after_date(end_of_financial_year(date("2019-03-15")));
        assert_eq!(until, Some(date("2026-12-31")));
    }

    proptest! {
        #[test]
        fn adding_months_never_overshoots_a_month(y in 1990i32..2100, m in 1u32..=12, d in 1u32..=31, n in 1u32..240) {
            prop_assume!(NaiveDate::from_ymd_opt(y, m, d).is_some());
            let start = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let end = Period::Months(n).after_date(start).unwrap();
            let months = (end.year() - y) * 12 + end.month() as i32 - m as i32;
            prop_assert_eq!(months, n as i32);
            prop_assert!(end.day() <= d);
        }

        #[test]
        fn before_undoes_after_up_to_month_end_clamping(secs in 0i64..4_000_000_000, n in 1u32..120) {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let p = Period::Months(n);
            let back = p.before(p.after(t).unwrap()).unwrap();
            prop_assert!(back <= t);
            prop_assert!(t - back < Duration::days(4));
        }

        #[test]
        fn financial_year_end_is_in_the_same_year_and_not_before(y in 1990i32..2100, o in 0u32..365) {
            let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap() + Duration::days(i64::from(o));
            let end = end_of_financial_year(d);
            prop_assert_eq!(end.year(), d.year());
            prop_assert!(end >= d);
            prop_assert_eq!((end.month(), end.day()), (12, 31));
        }
    }
}
