//! The Japanese government's business days, which the scheme's deadlines count: a change
//! notice or an incident report is due so many business days (開庁日) after the event.
//!
//! Three parts, one job each:
//! - [`law`] computes the public holidays from the rules of the National Holidays Act
//!   (国民の祝日に関する法律) as in force in 2026, for the years 2020 to 2099;
//! - [`published`] reads the list the Cabinet Office (内閣府) publishes, `syukujitsu.csv`,
//!   which is what actually binds: the dates of the equinoxes are only fixed each February
//!   for the next year, and a one-off holiday needs a special act;
//! - [`business_days`] joins the two — the published list for the years it covers, the law's
//!   rules for the others — and counts business days, leaving out weekends, holidays and the
//!   year-end closure of government offices (December 29 to January 3).
//!
//! A snapshot of the Cabinet Office's list for 2025 to 2027 is embedded
//! ([`BusinessCalendar::embedded`]); the caller who has a newer list reads it elsewhere (the
//! formats crate decodes the file) and passes it to [`BusinessCalendar::new`].

pub mod business_days;
pub mod law;
pub mod published;

pub use business_days::{
    BusinessCalendar, CalendarSource, EMBEDDED_LIST, Holiday, HolidaySource, is_year_end_closure,
};
pub use law::{FIRST_RULE_YEAR, HolidayKind, LAST_RULE_YEAR, YearOutOfRange};
pub use published::{PublishedError, PublishedHolidays};

#[cfg(test)]
mod tests;
