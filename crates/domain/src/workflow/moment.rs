//! When a transition happens: the caller's clock, passed in.

use crate::date::CalendarDate;

/// The scheme runs on Japan's calendar: a day starts at midnight in Tokyo (UTC+9, no summer
/// time), so a registration approved at 08:00 in Tokyo is dated that day, not the day before.
pub const SCHEME_UTC_OFFSET_MS: i64 = 9 * 60 * 60 * 1000;

/// An instant given by the caller, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    pub at_ms: i64,
}

impl Moment {
    pub fn at(at_ms: i64) -> Moment {
        Moment { at_ms }
    }

    /// The minute of the scheme's day (0 at midnight in Tokyo) of this instant.
    pub fn minute_of_day(self) -> i64 {
        self.at_ms
            .saturating_add(SCHEME_UTC_OFFSET_MS)
            .rem_euclid(86_400_000)
            / 60_000
    }

    /// The scheme's calendar day of this instant.
    pub fn date(self) -> CalendarDate {
        CalendarDate::from_unix_ms(self.at_ms.saturating_add(SCHEME_UTC_OFFSET_MS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_turns_at_midnight_in_tokyo() {
        // 2026-03-31T14:59:59.999Z is 23:59:59.999 in Tokyo; one millisecond later is April.
        let before = Moment::at(1_774_969_199_999);
        assert_eq!(before.date().to_string(), "2026-03-31");
        assert_eq!(
            Moment::at(before.at_ms + 1).date().to_string(),
            "2026-04-01"
        );
    }

    #[test]
    fn the_minute_of_the_day_is_counted_in_tokyo() {
        // 2026-03-31T14:59Z is 23:59 in Tokyo; 15:00Z is midnight there.
        assert_eq!(Moment::at(1_774_969_140_000).minute_of_day(), 23 * 60 + 59);
        assert_eq!(Moment::at(1_774_969_200_000).minute_of_day(), 0);
    }
}
