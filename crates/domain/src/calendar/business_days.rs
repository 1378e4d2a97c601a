//! Business days (開庁日) of the Japanese government, which the scheme's deadlines count.
//!
//! The Act on Holidays of Administrative Organs (行政機関の休日に関する法律) closes government
//! offices on Saturdays, Sundays, public holidays and December 29 to January 3; every other
//! day is a business day. The public holidays come from the Cabinet Office's list for the
//! years it covers and from the law's rules ([`super::law`]) for the others, so a deadline
//! next year or in ten years can be computed today; the rules for years past the list are a
//! forecast that a newer list may correct (an equinox announced a day off the formula, a
//! one-off holiday).
//!
//! Days of years that neither covers (before 2020 unless the list reaches back; after 2099)
//! are not guessed at: counting over them gives `None`.

use std::collections::BTreeMap;

use super::law::{self, FIRST_RULE_YEAR, HolidayKind, LAST_RULE_YEAR};
use super::published::PublishedHolidays;
use crate::date::{CalendarDate, Weekday};

/// The Cabinet Office's list for 2025 to 2027, in its own format (UTF-8 here).
pub const EMBEDDED_LIST: &str = include_str!("data/syukujitsu-2025-2027.csv");
/// The years of [`EMBEDDED_LIST`].
const EMBEDDED_YEARS: (u16, u16) = (2025, 2027);

/// Where a holiday's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolidaySource {
    /// The Cabinet Office's published list.
    Published,
    /// The law's rules, for a year the list does not cover.
    Rules,
}

/// A public holiday with its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The kind, when the law knows it; `None` for a name the law's current rules do not
    /// give (a one-off holiday of a past year in a long list).
    pub kind: Option<HolidayKind>,
    /// The name in Japanese: the kind's (振替休日 and 国民の休日 rather than the list's plain
    /// 休日), else the name as listed.
    pub ja: String,
    /// The name in English; "Public holiday" when the kind is not known.
    pub en: String,
    pub source: HolidaySource,
}

impl Holiday {
    fn of_kind(kind: HolidayKind, source: HolidaySource) -> Holiday {
        Holiday {
            kind: Some(kind),
            ja: kind.ja().to_owned(),
            en: kind.en().to_owned(),
            source,
        }
    }

    /// A holiday as listed. 休日 is told apart (substitute or citizens' holiday) by what the
    /// law's rules give for the same day.
    fn listed(name: String, by_rules: Option<HolidayKind>) -> Holiday {
        let by_rules = by_rules.filter(|kind| kind.published_name() == name);
        match by_rules.or_else(|| HolidayKind::from_published_name(&name)) {
            Some(kind) => Holiday::of_kind(kind, HolidaySource::Published),
            None => Holiday {
                kind: None,
                ja: name,
                en: "Public holiday".to_owned(),
                source: HolidaySource::Published,
            },
        }
    }
}

/// Which years a calendar takes from where, so that a caller can say "the published list
/// through 2027, the law's rules after".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarSource {
    pub published_from_year: u16,
    pub published_through_year: u16,
    /// The years the law's rules cover; those inside the published years are taken from the
    /// list instead.
    pub rules_from_year: u16,
    pub rules_through_year: u16,
}

/// Counts the government's business days.
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    holidays: BTreeMap<CalendarDate, Holiday>,
    source: CalendarSource,
}

impl BusinessCalendar {
    /// A calendar from a published list, authoritative for the years from its first to its last,
    /// and the law's rules for the other years from 2020 to 2099.
    pub fn new(published: PublishedHolidays) -> BusinessCalendar {
        let source = CalendarSource {
            published_from_year: published.first_year(),
            published_through_year: published.last_year(),
            rules_from_year: FIRST_RULE_YEAR,
            rules_through_year: LAST_RULE_YEAR,
        };
        let published_years = source.published_from_year..=source.published_through_year;
        let by_rules: BTreeMap<CalendarDate, HolidayKind> = (FIRST_RULE_YEAR..=LAST_RULE_YEAR)
            .filter_map(|year| law::holidays_of_year(year).ok())
            .flatten()
            .collect();
        let mut holidays: BTreeMap<CalendarDate, Holiday> = published
            .into_days()
            .into_iter()
            .map(|(date, name)| (date, Holiday::listed(name, by_rules.get(&date).copied())))
            .collect();
        for (date, kind) in by_rules {
            if !published_years.contains(&date.year()) {
                holidays.insert(date, Holiday::of_kind(kind, HolidaySource::Rules));
            }
        }
        BusinessCalendar { holidays, source }
    }

    /// The calendar of the embedded snapshot of the Cabinet Office's list (2025 to 2027) and
    /// the law's rules for the other years. Should the snapshot not parse — the tests see to it
    /// that it does — the rules stand in for it, which give the same days.
    pub fn embedded() -> BusinessCalendar {
        let (first, last) = EMBEDDED_YEARS;
        let published = PublishedHolidays::parse(EMBEDDED_LIST)
            .unwrap_or_else(|_| PublishedHolidays::from_rules(first, last));
        BusinessCalendar::new(published)
    }

    /// Which years come from the list and which from the rules.
    pub fn source(&self) -> CalendarSource {
        self.source
    }

    /// Whether the calendar knows the holidays of the day's year.
    pub fn covers(&self, date: CalendarDate) -> bool {
        let year = date.year();
        let source = &self.source;
        (source.published_from_year..=source.published_through_year).contains(&year)
            || (source.rules_from_year..=source.rules_through_year).contains(&year)
    }

    /// The public holiday on a day, if any. The year-end closure days are not holidays (only
    /// January 1 among them is); see [`is_year_end_closure`].
    pub fn holiday(&self, date: CalendarDate) -> Option<&Holiday> {
        self.holidays.get(&date)
    }

    /// Whether government offices are open on the day: not a Saturday, Sunday, public holiday
    /// or day of the year-end closure. For a day the calendar does not [cover](Self::covers),
    /// no public holiday is known and only the other three are told; the counting methods
    /// refuse such days instead.
    pub fn is_business_day(&self, date: CalendarDate) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !is_year_end_closure(date)
            && !self.holidays.contains_key(&date)
    }

    /// The business day `n` business days after `date`: with `n` = 1 the first business day
    /// after it (whatever `date` itself is), and so on. With `n` = 0, `date` itself when it is
    /// a business day, else the next business day — the day a thing handed in on `date` counts
    /// as received.
    ///
    /// `None` when the count passes a day the calendar does not [cover](Self::covers), or
    /// 9999-12-31. Steps one day at a time: about 1,450 days for `n` = 1,000.
    pub fn add_business_days(&self, date: CalendarDate, n: u32) -> Option<CalendarDate> {
        let mut day = date;
        let mut remaining = n;
        if remaining == 0 {
            if !self.covers(day) {
                return None;
            }
            if self.is_business_day(day) {
                return Some(day);
            }
            remaining = 1;
        }
        loop {
            day = day.add_days(1).filter(|&next| self.covers(next))?;
            if self.is_business_day(day) {
                remaining -= 1;
                if remaining == 0 {
                    return Some(day);
                }
            }
        }
    }

    /// The business days after `from` up to and including `to`, i.e. in `(from, to]`; so
    /// `business_days_between(d, add_business_days(d, n)) == n` for `n` ≥ 1. Negative, the
    /// count of `(to, from]`, when `to` comes before `from`; 0 when they are the same day.
    ///
    /// `None` when a day counted is one the calendar does not [cover](Self::covers): a count
    /// that silently missed holidays would give a wrong deadline.
    pub fn business_days_between(&self, from: CalendarDate, to: CalendarDate) -> Option<i64> {
        let (start, end, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0_i64;
        let mut day = start;
        while day < end {
            day = day.add_days(1)?;
            if !self.covers(day) {
                return None;
            }
            if self.is_business_day(day) {
                count += 1;
            }
        }
        Some(sign * count)
    }
}

/// Whether the day falls in the year-end closure of government offices, December 29 to
/// January 3.
pub fn is_year_end_closure(date: CalendarDate) -> bool {
    matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
}
