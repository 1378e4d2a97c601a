//! The public holidays as the National Holidays Act (国民の祝日に関する法律) sets them, in its
//! form in force in 2026, computed for the years [`FIRST_RULE_YEAR`] to [`LAST_RULE_YEAR`].
//!
//! The rules give the Cabinet Office's list in advance, which is what a deadline years ahead
//! needs. They are a forecast only in one respect: the equinox days come from the usual
//! approximation formula (valid 1980–2099), while the official dates are announced each
//! February for the next year; the published list, where there is one, wins.
//!
//! Years before 2020 are out of scope: the Emperor's Birthday was then December 23, and 2019
//! had one-off holidays for the enthronement. The two years of the Tokyo Olympics, 2020 and
//! 2021, are in scope and follow the special measures act that moved Marine Day, Sports Day
//! and Mountain Day for them (without it the rules would give wrong dates for those years).

use crate::date::{CalendarDate, Weekday};

/// The first year whose holidays the rules here give.
pub const FIRST_RULE_YEAR: u16 = 2020;
/// The last year whose holidays the rules here give (where the equinox formula ends).
pub const LAST_RULE_YEAR: u16 = 2099;

/// A year the rules here do not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the holidays of {year} are not computed: the rules cover the years {FIRST_RULE_YEAR} to {LAST_RULE_YEAR}"
)]
pub struct YearOutOfRange {
    pub year: u16,
}

/// Each kind of public holiday: the sixteen days the Act names (国民の祝日) and the two kinds of
/// day off it adds (休日).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HolidayKind {
    NewYearsDay,
    ComingOfAgeDay,
    NationalFoundationDay,
    EmperorsBirthday,
    VernalEquinoxDay,
    ShowaDay,
    ConstitutionMemorialDay,
    GreeneryDay,
    ChildrensDay,
    MarineDay,
    MountainDay,
    RespectForTheAgedDay,
    AutumnalEquinoxDay,
    SportsDay,
    CultureDay,
    LaborThanksgivingDay,
    /// 振替休日: a holiday falling on a Sunday moves to the next day that is not a holiday.
    SubstituteHoliday,
    /// 国民の休日: a day that is not a holiday between two holidays.
    CitizensHoliday,
}

impl HolidayKind {
    /// The name in Japanese, as the Act gives it.
    pub fn ja(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "元日",
            HolidayKind::ComingOfAgeDay => "成人の日",
            HolidayKind::NationalFoundationDay => "建国記念の日",
            HolidayKind::EmperorsBirthday => "天皇誕生日",
            HolidayKind::VernalEquinoxDay => "春分の日",
            HolidayKind::ShowaDay => "昭和の日",
            HolidayKind::ConstitutionMemorialDay => "憲法記念日",
            HolidayKind::GreeneryDay => "みどりの日",
            HolidayKind::ChildrensDay => "こどもの日",
            HolidayKind::MarineDay => "海の日",
            HolidayKind::MountainDay => "山の日",
            HolidayKind::RespectForTheAgedDay => "敬老の日",
            HolidayKind::AutumnalEquinoxDay => "秋分の日",
            HolidayKind::SportsDay => "スポーツの日",
            HolidayKind::CultureDay => "文化の日",
            HolidayKind::LaborThanksgivingDay => "勤労感謝の日",
            HolidayKind::SubstituteHoliday => "振替休日",
            HolidayKind::CitizensHoliday => "国民の休日",
        }
    }

    /// The name in English.
    pub fn en(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "New Year's Day",
            HolidayKind::ComingOfAgeDay => "Coming of Age Day",
            HolidayKind::NationalFoundationDay => "National Foundation Day",
            HolidayKind::EmperorsBirthday => "The Emperor's Birthday",
            HolidayKind::VernalEquinoxDay => "Vernal Equinox Day",
            HolidayKind::ShowaDay => "Showa Day",
            HolidayKind::ConstitutionMemorialDay => "Constitution Memorial Day",
            HolidayKind::GreeneryDay => "Greenery Day",
            HolidayKind::ChildrensDay => "Children's Day",
            HolidayKind::MarineDay => "Marine Day",
            HolidayKind::MountainDay => "Mountain Day",
            HolidayKind::RespectForTheAgedDay => "Respect for the Aged Day",
            HolidayKind::AutumnalEquinoxDay => "Autumnal Equinox Day",
            HolidayKind::SportsDay => "Sports Day",
            HolidayKind::CultureDay => "Culture Day",
            HolidayKind::LaborThanksgivingDay => "Labor Thanksgiving Day",
            HolidayKind::SubstituteHoliday => "Substitute Holiday",
            HolidayKind::CitizensHoliday => "Citizens' Holiday",
        }
    }

    /// The name the Cabinet Office's list uses: the holiday's own name, but plain 休日 for both
    /// a substitute holiday and a citizens' holiday.
    pub fn published_name(self) -> &'static str {
        match self {
            HolidayKind::SubstituteHoliday | HolidayKind::CitizensHoliday => "休日",
            other => other.ja(),
        }
    }

    /// The holiday a name of the Cabinet Office's list stands for, when the name alone says it
    /// (not for 休日, which is either of two kinds, nor for a one-off holiday).
    pub fn from_published_name(name: &str) -> Option<HolidayKind> {
        NAMED.into_iter().find(|kind| kind.ja() == name)
    }
}

/// The sixteen holidays the Act names, in calendar order.
const NAMED: [HolidayKind; 16] = [
    HolidayKind::NewYearsDay,
    HolidayKind::ComingOfAgeDay,
    HolidayKind::NationalFoundationDay,
    HolidayKind::EmperorsBirthday,
    HolidayKind::VernalEquinoxDay,
    HolidayKind::ShowaDay,
    HolidayKind::ConstitutionMemorialDay,
    HolidayKind::GreeneryDay,
    HolidayKind::ChildrensDay,
    HolidayKind::MarineDay,
    HolidayKind::MountainDay,
    HolidayKind::RespectForTheAgedDay,
    HolidayKind::AutumnalEquinoxDay,
    HolidayKind::SportsDay,
    HolidayKind::CultureDay,
    HolidayKind::LaborThanksgivingDay,
];

/// The holidays of a year in date order: the named holidays, then the substitute holidays and
/// citizens' holidays they give rise to.
pub fn holidays_of_year(year: u16) -> Result<Vec<(CalendarDate, HolidayKind)>, YearOutOfRange> {
    if !(FIRST_RULE_YEAR..=LAST_RULE_YEAR).contains(&year) {
        return Err(YearOutOfRange { year });
    }
    // Every date below exists for a year in range; `None` would be a bug in this file, which
    // the tests against the published list would show.
    let mut days = named_holidays(year).ok_or(YearOutOfRange { year })?;
    days.sort_unstable();
    let named = days.clone();
    let is_named = |date: CalendarDate| named.iter().any(|&(day, _)| day == date);

    // Article 3(2): a named holiday on a Sunday makes the nearest following day that is not
    // a named holiday a day off. December 31 is never a holiday, so this stays in the year.
    for &(date, _) in &named {
        if date.weekday() == Weekday::Sunday {
            let mut substitute = date.add_days(1);
            while let Some(day) = substitute.filter(|&day| is_named(day)) {
                substitute = day.add_days(1);
            }
            if let Some(day) = substitute {
                days.push((day, HolidayKind::SubstituteHoliday));
            }
        }
    }
    // Article 3(3): a day between two named holidays that is not one itself is a day off.
    for &(date, _) in &named {
        let Some(between) = date.add_days(1) else {
            continue;
        };
        let closed_in = between.add_days(1).is_some_and(is_named);
        let taken = days.iter().any(|&(day, _)| day == between);
        if closed_in && !taken {
            days.push((between, HolidayKind::CitizensHoliday));
        }
    }
    days.sort_unstable();
    Ok(days)
}

/// The holiday on a day, if any.
pub fn holiday_on(date: CalendarDate) -> Result<Option<HolidayKind>, YearOutOfRange> {
    Ok(holidays_of_year(date.year())?
        .into_iter()
        .find_map(|(day, kind)| (day == date).then_some(kind)))
}

/// Vernal Equinox Day (春分の日) by the approximation formula.
pub fn vernal_equinox_day(year: u16) -> Result<CalendarDate, YearOutOfRange> {
    in_range(year)?;
    CalendarDate::new(year, 3, equinox_day(year, VERNAL_BASE)?).ok_or(YearOutOfRange { year })
}

/// Autumnal Equinox Day (秋分の日) by the approximation formula.
pub fn autumnal_equinox_day(year: u16) -> Result<CalendarDate, YearOutOfRange> {
    in_range(year)?;
    CalendarDate::new(year, 9, equinox_day(year, AUTUMNAL_BASE)?).ok_or(YearOutOfRange { year })
}

fn in_range(year: u16) -> Result<(), YearOutOfRange> {
    if (FIRST_RULE_YEAR..=LAST_RULE_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(YearOutOfRange { year })
    }
}

/// The equinox's day of the month in 1980 in millionths (20.8431 for March, 23.2488 for
/// September); the formula adds 0.242194 days a year and takes one back each leap year.
const VERNAL_BASE: i64 = 20_843_100;
const AUTUMNAL_BASE: i64 = 23_248_800;
const DRIFT_PER_YEAR: i64 = 242_194;

/// `floor(base + 0.242194 (Y - 1980) - floor((Y - 1980) / 4))`, in integers so the result is
/// exact: floating point could round a value next to a whole day to the wrong side.
fn equinox_day(year: u16, base: i64) -> Result<u8, YearOutOfRange> {
    let since_1980 = i64::from(year) - 1980;
    let day = (base + DRIFT_PER_YEAR * since_1980).div_euclid(1_000_000) - since_1980.div_euclid(4);
    u8::try_from(day).map_err(|_| YearOutOfRange { year })
}

/// The Monday `nth` (1-based) of a month: the Happy Monday holidays.
fn nth_monday(year: u16, month: u8, nth: u8) -> Option<CalendarDate> {
    let first = CalendarDate::new(year, month, 1)?;
    let to_monday = (7 - first.weekday().days_from_monday()) % 7;
    CalendarDate::new(year, month, 1 + to_monday + 7 * (nth - 1))
}

/// The sixteen named holidays of a year in range (not in date order).
fn named_holidays(year: u16) -> Option<Vec<(CalendarDate, HolidayKind)>> {
    let on = |month, day, kind| CalendarDate::new(year, month, day).map(|date| (date, kind));
    // The Olympic special measures act set these three for 2020 and 2021 only.
    let (marine, sports, mountain) = match year {
        2020 => (
            on(7, 23, HolidayKind::MarineDay)?,
            on(7, 24, HolidayKind::SportsDay)?,
            on(8, 10, HolidayKind::MountainDay)?,
        ),
        2021 => (
            on(7, 22, HolidayKind::MarineDay)?,
            on(7, 23, HolidayKind::SportsDay)?,
            on(8, 8, HolidayKind::MountainDay)?,
        ),
        _ => (
            (nth_monday(year, 7, 3)?, HolidayKind::MarineDay),
            (nth_monday(year, 10, 2)?, HolidayKind::SportsDay),
            on(8, 11, HolidayKind::MountainDay)?,
        ),
    };
    Some(vec![
        on(1, 1, HolidayKind::NewYearsDay)?,
        (nth_monday(year, 1, 2)?, HolidayKind::ComingOfAgeDay),
        on(2, 11, HolidayKind::NationalFoundationDay)?,
        on(2, 23, HolidayKind::EmperorsBirthday)?,
        (
            vernal_equinox_day(year).ok()?,
            HolidayKind::VernalEquinoxDay,
        ),
        on(4, 29, HolidayKind::ShowaDay)?,
        on(5, 3, HolidayKind::ConstitutionMemorialDay)?,
        on(5, 4, HolidayKind::GreeneryDay)?,
        on(5, 5, HolidayKind::ChildrensDay)?,
        marine,
        mountain,
        (nth_monday(year, 9, 3)?, HolidayKind::RespectForTheAgedDay),
        (
            autumnal_equinox_day(year).ok()?,
            HolidayKind::AutumnalEquinoxDay,
        ),
        sports,
        on(11, 3, HolidayKind::CultureDay)?,
        on(11, 23, HolidayKind::LaborThanksgivingDay)?,
    ])
}
