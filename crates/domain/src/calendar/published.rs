//! The holiday list the Cabinet Office (内閣府) publishes as `syukujitsu.csv`: the binding
//! dates, including the equinoxes as announced and any one-off holiday a special act adds.
//!
//! The format: a header line `国民の祝日・休日月日,国民の祝日・休日名称`, then one line per
//! holiday, `yyyy/m/d,name` (no zero padding: `2026/1/1,元日`; substitute and citizens'
//! holidays are named `休日`). The text comes in decoded (the file is Shift_JIS; the formats
//! crate decodes it). A byte-order mark, CRLF line ends and empty lines at the end are
//! accepted, lines out of date order are sorted; anything else is refused with the line.

use std::collections::BTreeMap;

use super::law::{self, FIRST_RULE_YEAR, LAST_RULE_YEAR};
use crate::date::CalendarDate;

/// The header line of the Cabinet Office's list.
pub const HEADER: &str = "国民の祝日・休日月日,国民の祝日・休日名称";

/// The most lines read: the list since 1955 has about 1,100; this leaves room for a century
/// and more while bounding the work a hostile file can cause.
pub const MAX_LINES: usize = 20_000;

/// What is wrong with a holiday list. Lines count from 1, the header being line 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishedError {
    #[error("the list has more than {max} lines")]
    TooManyLines { max: usize },
    #[error("line 1: the header must be `{HEADER}` (found {found:?})")]
    MissingHeader { found: String },
    #[error("line {line}: an empty line before the end of the list")]
    EmptyLine { line: usize },
    #[error("line {line}: {text:?} is not a date written yyyy/m/d")]
    BadDate { line: usize, text: String },
    #[error("line {line}: the date has no holiday name after it ({text:?})")]
    MissingName { line: usize, text: String },
    #[error("line {line}: more than two fields, a date and a name ({text:?})")]
    ExtraField { line: usize, text: String },
    #[error("line {line}: {date} is listed twice (first on line {first_line})")]
    DuplicateDate {
        line: usize,
        date: CalendarDate,
        first_line: usize,
    },
    #[error("the list names no holiday")]
    NoHolidays,
    /// Every year has New Year's Day: a year with no line is a gap in the list, whose
    /// holidays would otherwise count as business days.
    #[error("the list runs from {first_year} to {last_year} but names no holiday in {year}")]
    MissingYear {
        year: u16,
        first_year: u16,
        last_year: u16,
    },
}

impl PublishedError {
    /// The line the problem is on, for the messages a caller builds.
    pub fn line(&self) -> Option<usize> {
        match self {
            PublishedError::MissingHeader { .. } => Some(1),
            PublishedError::EmptyLine { line }
            | PublishedError::BadDate { line, .. }
            | PublishedError::MissingName { line, .. }
            | PublishedError::ExtraField { line, .. }
            | PublishedError::DuplicateDate { line, .. } => Some(*line),
            PublishedError::TooManyLines { .. }
            | PublishedError::NoHolidays
            | PublishedError::MissingYear { .. } => None,
        }
    }
}

/// The holidays of a published list, every year from the first to the last having at least
/// one (the fields are private so that this holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedHolidays {
    days: BTreeMap<CalendarDate, String>,
    first_year: u16,
    last_year: u16,
}

impl PublishedHolidays {
    /// Reads the text of a list.
    pub fn parse(text: &str) -> Result<PublishedHolidays, PublishedError> {
        // Empty lines at the end (and the line end of the last line) are not lines of the list.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_end();
        if text.split('\n').take(MAX_LINES + 1).count() > MAX_LINES {
            return Err(PublishedError::TooManyLines { max: MAX_LINES });
        }
        let mut numbered = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .enumerate()
            .map(|(index, line)| (index + 1, line));
        match numbered.next() {
            Some((_, header)) if header.trim() == HEADER => {}
            found => {
                return Err(PublishedError::MissingHeader {
                    found: found.map(|(_, line)| excerpt(line)).unwrap_or_default(),
                });
            }
        }
        let mut days = BTreeMap::new();
        let mut first_lines = BTreeMap::new();
        for (line, text) in numbered {
            let (date, name) = parse_line(line, text)?;
            if let Some(&first_line) = first_lines.get(&date) {
                return Err(PublishedError::DuplicateDate {
                    line,
                    date,
                    first_line,
                });
            }
            first_lines.insert(date, line);
            days.insert(date, name.to_owned());
        }
        PublishedHolidays::from_days(days)
    }

    /// Checks that a map of holidays has no year missing between its first and last.
    fn from_days(
        days: BTreeMap<CalendarDate, String>,
    ) -> Result<PublishedHolidays, PublishedError> {
        let (Some(first), Some(last)) = (days.keys().next(), days.keys().next_back()) else {
            return Err(PublishedError::NoHolidays);
        };
        let (first_year, last_year) = (first.year(), last.year());
        let mut years = days.keys().map(|date| date.year());
        let mut expected = first_year;
        while expected <= last_year {
            // The keys are in order, so their years come in order too.
            if !years.by_ref().any(|year| year == expected) {
                return Err(PublishedError::MissingYear {
                    year: expected,
                    first_year,
                    last_year,
                });
            }
            expected += 1;
        }
        Ok(PublishedHolidays {
            days,
            first_year,
            last_year,
        })
    }

    /// The list the law's rules give for a span of years, as the Cabinet Office would write it.
    /// Years outside the rules' range give no holidays; this serves as the fallback of the
    /// embedded snapshot and as its check.
    pub(crate) fn from_rules(first_year: u16, last_year: u16) -> PublishedHolidays {
        let first_year = first_year.max(FIRST_RULE_YEAR);
        let last_year = last_year.min(LAST_RULE_YEAR);
        let days = (first_year..=last_year)
            .filter_map(|year| law::holidays_of_year(year).ok())
            .flatten()
            .map(|(date, kind)| (date, kind.published_name().to_owned()))
            .collect();
        PublishedHolidays {
            days,
            first_year,
            last_year,
        }
    }

    /// The holidays, by date, with the names as listed.
    pub fn days(&self) -> &BTreeMap<CalendarDate, String> {
        &self.days
    }

    /// The year of the first holiday listed.
    pub fn first_year(&self) -> u16 {
        self.first_year
    }

    /// The year of the last holiday listed: the list is taken as complete up to its end.
    pub fn last_year(&self) -> u16 {
        self.last_year
    }

    /// Whether the list covers the year (is authoritative for it).
    pub fn covers_year(&self, year: u16) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }

    /// The name listed for a day, if it is a holiday.
    pub fn name(&self, date: CalendarDate) -> Option<&str> {
        self.days.get(&date).map(String::as_str)
    }

    pub(crate) fn into_days(self) -> BTreeMap<CalendarDate, String> {
        self.days
    }
}

fn parse_line(line: usize, text: &str) -> Result<(CalendarDate, &str), PublishedError> {
    if text.trim().is_empty() {
        return Err(PublishedError::EmptyLine { line });
    }
    let mut fields = text.split(',');
    let date_text = fields.next().unwrap_or_default().trim();
    let name = fields.next().map(str::trim).unwrap_or_default();
    if fields.next().is_some() {
        return Err(PublishedError::ExtraField {
            line,
            text: excerpt(text),
        });
    }
    let date = parse_date(date_text).ok_or_else(|| PublishedError::BadDate {
        line,
        text: excerpt(date_text),
    })?;
    if name.is_empty() {
        return Err(PublishedError::MissingName {
            line,
            text: excerpt(text),
        });
    }
    Ok((date, name))
}

/// `yyyy/m/d`: four digits of year, one or two of month and of day (a zero padding is
/// accepted, though the Cabinet Office does not write one).
fn parse_date(text: &str) -> Option<CalendarDate> {
    let mut parts = text.split('/');
    let year = number(parts.next()?, 4..=4)?;
    let month = number(parts.next()?, 1..=2)?;
    let day = number(parts.next()?, 1..=2)?;
    if parts.next().is_some() {
        return None;
    }
    CalendarDate::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

fn number(text: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u16> {
    let all_digits = !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    (all_digits && digits.contains(&text.len()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The start of a line quoted in an error: enough to find it, bounded however long it is.
fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut chars = text.chars();
    let mut quoted: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        quoted.push('…');
    }
    quoted
}
