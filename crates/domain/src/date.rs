//! Calendar dates as the scheme uses them: ISO `YYYY-MM-DD`, no time of day, no zone.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: u16,
    month: u8,
    day: u8,
}

/// A day of the week, Monday first as ISO 8601 counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday to 6 for Sunday: what date arithmetic needs to step to a given weekday.
    pub fn days_from_monday(self) -> u8 {
        match self {
            Weekday::Monday => 0,
            Weekday::Tuesday => 1,
            Weekday::Wednesday => 2,
            Weekday::Thursday => 3,
            Weekday::Friday => 4,
            Weekday::Saturday => 5,
            Weekday::Sunday => 6,
        }
    }
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

    /// The UTC day of an instant given in milliseconds since 1970-01-01 (clamped to years
    /// 1-9999). The caller reads the clock; this only converts.
    pub fn from_unix_ms(ms: i64) -> CalendarDate {
        let days = ms.div_euclid(86_400_000);
        // Count in 400-year eras from 0000-03-01, where leap days fall at the end of a year.
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        let date = (|| {
            CalendarDate::new(
                u16::try_from(year).ok()?,
                u8::try_from(month).ok()?,
                u8::try_from(day).ok()?,
            )
        })();
        // Only years outside 1-9999 fail; they are clamped to the first or last day.
        date.unwrap_or(if year < 1 {
            CalendarDate {
                year: 1,
                month: 1,
                day: 1,
            }
        } else {
            CalendarDate {
                year: 9999,
                month: 12,
                day: 31,
            }
        })
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

    /// Goes back calendar months, clamping the day as [`CalendarDate::add_months_clamped`]
    /// does (`2027-03-31` less one month is `2027-02-28`). `None` before the year 1.
    pub fn sub_months_clamped(self, months: u32) -> Option<CalendarDate> {
        let zero_based =
            (u32::from(self.year) * 12 + u32::from(self.month) - 1).checked_sub(months)?;
        let year = u16::try_from(zero_based / 12).ok()?;
        let month = u8::try_from(zero_based % 12 + 1).ok()?;
        if year == 0 {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        CalendarDate::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day of the week (1970-01-01, day 0 of the epoch count, was a Thursday).
    pub fn weekday(self) -> Weekday {
        match (self.days_since_epoch() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The day `days` later (earlier when negative); `None` outside years 1-9999.
    pub fn add_days(self, days: i64) -> Option<CalendarDate> {
        let target = self.days_since_epoch().checked_add(days)?;
        let date = CalendarDate::from_unix_ms(target.checked_mul(86_400_000)?);
        (date.days_since_epoch() == target).then_some(date)
    }

    /// The day before this one; `None` before 0001-01-01.
    pub fn day_before(self) -> Option<CalendarDate> {
        self.last_day_of_years(0)
    }

    /// The last day of a period of `years` years that starts on this day: the day before the
    /// same month and day `years` later, where a 29 February that the later year lacks counts
    /// as 1 March (`2028-02-29` and 3 years end on `2031-02-28`, with 4 years on `2032-02-28`).
    /// `None` when that day falls after 9999-12-31.
    pub fn last_day_of_years(self, years: u32) -> Option<CalendarDate> {
        let year = u32::from(self.year).checked_add(years)?;
        let lacks_leap_day = |year: u32| u16::try_from(year).map_or(true, |y| !is_leap_year(y));
        let (year, month, day) = if self.month == 2 && self.day == 29 && lacks_leap_day(year) {
            // The period would end on 1 March: its day before is the last of February.
            (year, 2, 28)
        } else if self.day > 1 {
            (year, self.month, self.day - 1)
        } else if self.month > 1 {
            let month = self.month - 1;
            let days = u16::try_from(year).map_or(31, |y| days_in_month(y, month));
            (year, month, days)
        } else {
            (year.checked_sub(1)?, 12, 31)
        };
        CalendarDate::new(u16::try_from(year).ok()?, month, day)
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

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        CalendarDate::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date written YYYY-MM-DD"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch_both_ways() {
        let day = |t: &str| CalendarDate::parse(t).unwrap();
        assert_eq!(day("1970-01-01").days_since_epoch(), 0);
        assert_eq!(day("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(day("1969-12-31").days_since_epoch(), -1);
        assert_eq!(day("2024-02-28").add_days(1), Some(day("2024-02-29")));
        assert_eq!(day("2025-01-01").add_days(-1), Some(day("2024-12-31")));
        assert_eq!(day("9999-12-31").add_days(1), None);
        assert_eq!(day("0001-01-01").add_days(-1), None);
        for offset in [-800_000i64, -1, 0, 1, 59, 365, 10_000, 2_900_000] {
            let base = day("2000-01-01");
            if let Some(moved) = base.add_days(offset) {
                assert_eq!(moved.days_since_epoch() - base.days_since_epoch(), offset);
            }
        }
    }

    #[test]
    fn instants_become_utc_days() {
        assert_eq!(CalendarDate::from_unix_ms(0).to_string(), "1970-01-01");
        assert_eq!(CalendarDate::from_unix_ms(-1).to_string(), "1969-12-31");
        assert_eq!(
            CalendarDate::from_unix_ms(951_782_400_000).to_string(),
            "2000-02-29"
        );
        assert_eq!(
            CalendarDate::from_unix_ms(1_795_392_000_000).to_string(),
            "2026-11-23"
        );
        assert_eq!(
            CalendarDate::from_unix_ms(1_795_391_999_999).to_string(),
            "2026-11-22"
        );
        assert_eq!(
            CalendarDate::from_unix_ms(i64::MAX).to_string(),
            "9999-12-31"
        );
        assert_eq!(
            CalendarDate::from_unix_ms(i64::MIN).to_string(),
            "0001-01-01"
        );
        // Every day of a few centuries round-trips through its successor.
        let mut previous = CalendarDate::from_unix_ms(-86_400_000 * 80_000);
        for day in -79_999..80_000_i64 {
            let next = CalendarDate::from_unix_ms(day * 86_400_000);
            assert!(next > previous, "{previous} then {next}");
            assert_eq!(CalendarDate::parse(&next.to_string()), Some(next));
            previous = next;
        }
    }

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
    fn periods_of_years_end_the_day_before_the_anniversary() {
        let end = |from: &str, years| date(from).last_day_of_years(years);
        assert_eq!(end("2026-04-01", 3), Some(date("2029-03-31")));
        assert_eq!(end("2028-02-29", 3), Some(date("2031-02-28")));
        assert_eq!(end("2028-02-29", 4), Some(date("2032-02-28")));
        assert_eq!(end("2026-03-01", 2), Some(date("2028-02-29")));
        assert_eq!(end("2027-03-01", 1), Some(date("2028-02-29")));
        assert_eq!(end("2026-01-01", 1), Some(date("2026-12-31")));
        assert_eq!(end("2026-07-15", 0), Some(date("2026-07-14")));
        assert_eq!(end("2096-02-29", 4), Some(date("2100-02-28")));
        assert_eq!(end("9999-01-01", 1), Some(date("9999-12-31")));
        assert_eq!(end("9999-01-02", 1), None);
        assert_eq!(end("0001-01-01", u32::MAX), None);
    }

    #[test]
    fn weekdays_follow_the_days() {
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("1969-12-29").weekday(), Weekday::Monday);
        assert_eq!(date("2000-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(date("2026-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-05-03").weekday(), Weekday::Sunday);
        assert_eq!(date("0001-01-01").weekday(), Weekday::Monday);
        assert_eq!(date("9999-12-31").weekday(), Weekday::Friday);
        let mut day = date("2026-01-05");
        for offset in 0..14u8 {
            assert_eq!(day.weekday().days_from_monday(), offset % 7, "{day}");
            day = day.add_days(1).unwrap();
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2028));
        assert!(!is_leap_year(2027));
    }
}
