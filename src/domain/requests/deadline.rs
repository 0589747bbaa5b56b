//! The answer deadline of a data-subject request (GDPR Art. 12(3)): one month after receipt,
//! computed as EU Regulation 1182/71 art. 3 does — the same day number in the next month, the
//! last day of that month when it has no such day, and when that day is a Saturday, Sunday or
//! public holiday, the next working day. Public holidays are the Dutch ones of the Algemene
//! termijnenwet (art. 3: New Year's Day, Good Friday, Easter Monday, King's Day, 5 May,
//! Ascension Day, Whit Monday, Christmas and Boxing Day) plus the days the government
//! declared equal to them by decree (the Friday after Ascension Day and bridge days).

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// Easter Sunday (Gregorian calendar, anonymous algorithm).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// Days declared equal to a public holiday by decree ("Besluit gelijkstelling … met een
/// algemeen erkende feestdag"), as published up to 2028.
const DECREED: &[(i32, u32, u32)] = &[
    (2023, 4, 28),
    (2023, 5, 19),
    (2024, 5, 10),
    (2024, 12, 27),
    (2025, 5, 30),
    (2026, 1, 2),
    (2026, 5, 15),
    (2027, 5, 7),
    (2028, 4, 28),
    (2028, 5, 26),
];

pub fn is_dutch_public_holiday(d: NaiveDate) -> bool {
    let y = d.year();
    let e = easter(y);
    let md = (d.month(), d.day());
    // King's Day: 27 April, or 26 April when the 27th is a Sunday.
    let kings_day = match NaiveDate::from_ymd_opt(y, 4, 27) {
        Some(k) if k.weekday() == Weekday::Sun => (4, 26),
        _ => (4, 27),
    };
    matches!(md, (1, 1) | (5, 5) | (12, 25) | (12, 26))
        || md == kings_day
        || d == e - Duration::days(2)
        || d == e + Duration::days(1)
        || d == e + Duration::days(39)
        || d == e + Duration::days(50)
        || DECREED.iter().any(|&(yy, m, dd)| (yy, m, dd) == (y, d.month(), d.day()))
}

pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_dutch_public_holiday(d)
}

/// `received` plus `months` calendar months (clamped to the month's end), moved to the next
/// working day.
pub fn due_after(received: NaiveDate, months: u32) -> NaiveDate {
    let mut d = received.checked_add_months(Months::new(months)).unwrap_or(received);
    while !is_working_day(d) {
        d += Duration::days(1);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_dates() {
        for (y, e) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(y), date(e), "{y}");
        }
    }

    #[test]
    fn deadlines() {
        // Same day next month.
        assert_eq!(due_after(date("2026-03-10"), 1), date("2026-04-10"));
        // 31 January: February has no 31st, so the last day of February (a Saturday in 2026)
        // moves to Monday 2 March.
        assert_eq!(due_after(date("2026-01-31"), 1), date("2026-03-02"));
        // Leap year: 31 January 2028 → Tuesday 29 February 2028.
        assert_eq!(due_after(date("2028-01-31"), 1), date("2028-02-29"));
        // Christmas: 25 November 2026 → Friday 25 December → Boxing Day Saturday → Monday 28th.
        assert_eq!(due_after(date("2026-11-25"), 1), date("2026-12-28"));
        // Easter Monday 2026 (6 April).
        assert_eq!(due_after(date("2026-03-06"), 1), date("2026-04-07"));
        // King's Day 2025 is Saturday 26 April (27th is a Sunday): → Monday 28 April.
        assert_eq!(due_after(date("2025-03-26"), 1), date("2025-04-28"));
        // Ascension Day 2026 (14 May) and the decreed Friday after it → Monday 18 May.
        assert_eq!(due_after(date("2026-04-14"), 1), date("2026-05-18"));
        // Extension: three months in all.
        assert_eq!(due_after(date("2026-03-10"), 3), date("2026-06-10"));
    }

    proptest! {
        #[test]
        fn the_deadline_is_a_working_day_within_a_week_of_the_month(
            y in 2000i32..2100, m in 1u32..=12, d in 1u32..=31, months in prop::sample::select(vec![1u32, 3]),
        ) {
            prop_assume!(NaiveDate::from_ymd_opt(y, m, d).is_some());
            let received = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let due = due_after(received, months);
            let nominal = received.checked_add_months(Months::new(months)).unwrap();
            prop_assert!(is_working_day(due));
            prop_assert!(due >= nominal);
            prop_assert!(due - nominal <= Duration::days(5));
            // Every day between the nominal date and the deadline is a non-working day.
            let mut x = nominal;
            while x < due {
                prop_assert!(!is_working_day(x));
                x += Duration::days(1);
            }
        }
    }
}
