//! Calendar dates as the scheme uses them: ISO `YYYY-MM-DD`, no time of day, no zone.

use std::fmt;

use serde::{Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: u16,
    month: u8,
    day: u8,
}

impl CalendarDate {
    pub fn new(year: u16, month: u8, day: u8) -> Option<CalendarDate> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(CalendarDate { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (other separators, missing zeros, a day that
    /// does not exist) is `None`.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let year = digits(text.get(0..4)?)?;
        let month = digits(text.get(5..7)?)?;
        let day = digits(text.get(8..10)?)?;
        CalendarDate::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Adds calendar months; a day that the target month lacks becomes its last day
    /// (`2025-10-31` + 16 months is `2027-02-28`). `None` past the year 9999.
    pub fn add_months_clamped(self, months: u32) -> Option<CalendarDate> {
        let zero_based = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        let year = u16::try_from(zero_based / 12).ok()?;
        let month = u8::try_from(zero_based % 12 + 1).ok()?;
        if year > 9999 {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        CalendarDate::new(year, month, day)
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn parses_only_strict_iso_dates() {
        assert_eq!(date("2026-03-31").to_string(), "2026-03-31");
        for bad in [
            "2026-3-31",
            "2026/03/31",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "0000-01-01",
            "2026-04-31",
            "+026-04-01",
            "2026-04-01T00:00",
            "",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
        assert_eq!(date("2024-02-29").day(), 29);
    }

    #[test]
    fn month_arithmetic_clamps_to_the_last_day() {
        assert_eq!(
            date("2026-03-31").add_months_clamped(16),
            Some(date("2027-07-31"))
        );
        assert_eq!(
            date("2025-10-31").add_months_clamped(16),
            Some(date("2027-02-28"))
        );
        assert_eq!(
            date("2026-10-31").add_months_clamped(16),
            Some(date("2028-02-29"))
        );
        assert_eq!(
            date("2026-01-15").add_months_clamped(0),
            Some(date("2026-01-15"))
        );
        assert_eq!(date("9999-12-01").add_months_clamped(1), None);
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2028));
        assert!(!is_leap_year(2027));
    }
}
