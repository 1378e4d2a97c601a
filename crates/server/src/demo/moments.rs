//! The moments the demo's steps happen at. The demo tells years of the scheme's work in one
//! start: each step is dated on the scheme's calendar (Tokyo), during office hours, so that
//! every date the registry shows is the date the story says.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::moment::SCHEME_UTC_OFFSET_MS;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Work starts at 09:00 in Tokyo.
const OPENING_MS: i64 = 9 * 60 * 60 * 1000;

/// Days since 1970-01-01 of a calendar date (proleptic Gregorian).
pub fn day_number(date: CalendarDate) -> i64 {
    let (year, month, day) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    // Count years from March, so that the leap day ends a year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after `date` (before, when negative).
pub fn shifted(date: CalendarDate, days: i64) -> CalendarDate {
    CalendarDate::from_unix_ms((day_number(date) + days) * DAY_MS)
}

/// `minute` minutes after 09:00 in Tokyo on `date`: steps of one day keep their order.
pub fn at(date: CalendarDate, minute: i64) -> Moment {
    Moment::at(day_number(date) * DAY_MS + OPENING_MS - SCHEME_UTC_OFFSET_MS + minute * 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn days_count_from_the_epoch_across_leap_years() {
        assert_eq!(day_number(date("1970-01-01")), 0);
        assert_eq!(day_number(date("2000-03-01")), 11_017);
        assert_eq!(shifted(date("2024-02-28"), 1), date("2024-02-29"));
        assert_eq!(shifted(date("2024-03-01"), -1), date("2024-02-29"));
        assert_eq!(shifted(date("2026-12-31"), 1), date("2027-01-01"));
    }

    #[test]
    fn a_moment_falls_on_its_own_day_in_tokyo() {
        for text in ["2022-04-01", "2024-02-29", "2026-11-30"] {
            assert_eq!(at(date(text), 0).date(), date(text));
            assert_eq!(at(date(text), 14 * 60).date(), date(text), "22:00 still");
        }
        assert!(at(date("2026-01-01"), 1) > at(date("2026-01-01"), 0));
    }
}
