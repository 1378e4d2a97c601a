use proptest::prelude::*;

use super::law::{self, holiday_on, holidays_of_year};
use super::*;
use crate::date::{CalendarDate, Weekday};

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn list(lines: &[&str]) -> String {
    let mut text = published::HEADER.to_owned();
    for line in lines {
        text.push('\n');
        text.push_str(line);
    }
    text.push('\n');
    text
}

// The law against the published list.

/// Where the law's rules and the Cabinet Office's list part (a new list with an equinox off
/// the formula, a changed law), this is the test that says so, day by day.
#[test]
fn the_rules_reproduce_the_embedded_list() {
    let listed = PublishedHolidays::parse(EMBEDDED_LIST).unwrap();
    let ruled = PublishedHolidays::from_rules(2025, 2027);
    let differences: Vec<String> = listed
        .days()
        .iter()
        .filter(|(day, name)| ruled.name(**day) != Some(name.as_str()))
        .map(|(day, name)| format!("listed {day} {name}, rules {:?}", ruled.name(*day)))
        .chain(
            ruled
                .days()
                .iter()
                .filter(|(day, _)| listed.name(**day).is_none())
                .map(|(day, name)| format!("rules {day} {name}, not listed")),
        )
        .collect();
    assert!(differences.is_empty(), "{differences:#?}");
    assert_eq!(listed, ruled);
    assert_eq!((listed.first_year(), listed.last_year()), (2025, 2027));
    assert_eq!(listed.days().len(), 19 + 18 + 17);
}

#[test]
fn the_law_gives_the_known_days_of_2026() {
    assert_eq!(
        holiday_on(date("2026-01-01")),
        Ok(Some(HolidayKind::NewYearsDay))
    );
    assert_eq!(
        holiday_on(date("2026-01-12")),
        Ok(Some(HolidayKind::ComingOfAgeDay))
    );
    assert_eq!(
        holiday_on(date("2026-05-06")),
        Ok(Some(HolidayKind::SubstituteHoliday))
    );
    assert_eq!(
        holiday_on(date("2026-09-21")),
        Ok(Some(HolidayKind::RespectForTheAgedDay))
    );
    assert_eq!(
        holiday_on(date("2026-09-22")),
        Ok(Some(HolidayKind::CitizensHoliday))
    );
    assert_eq!(
        holiday_on(date("2026-09-23")),
        Ok(Some(HolidayKind::AutumnalEquinoxDay))
    );
    assert_eq!(holiday_on(date("2026-01-02")), Ok(None));
    assert_eq!(holidays_of_year(2026).unwrap().len(), 18);
    assert_eq!(HolidayKind::CitizensHoliday.ja(), "国民の休日");
    assert_eq!(HolidayKind::SubstituteHoliday.published_name(), "休日");
    assert_eq!(HolidayKind::SportsDay.en(), "Sports Day");
}

#[test]
fn the_law_covers_2020_to_2099_only() {
    assert_eq!(holidays_of_year(2019), Err(YearOutOfRange { year: 2019 }));
    assert_eq!(
        holiday_on(date("2019-05-01")),
        Err(YearOutOfRange { year: 2019 })
    );
    assert_eq!(holidays_of_year(2100), Err(YearOutOfRange { year: 2100 }));
    assert_eq!(
        law::vernal_equinox_day(1999),
        Err(YearOutOfRange { year: 1999 })
    );
    assert!(
        YearOutOfRange { year: 2019 }
            .to_string()
            .contains("2020 to 2099")
    );
    for year in FIRST_RULE_YEAR..=LAST_RULE_YEAR {
        let days = holidays_of_year(year).unwrap();
        // Sixteen named holidays every year, in order, no day twice.
        let named = days
            .iter()
            .filter(|(_, kind)| HolidayKind::from_published_name(kind.ja()).is_some())
            .count();
        assert_eq!(named, 16, "{year}");
        assert!(days.windows(2).all(|pair| pair[0].0 < pair[1].0), "{year}");
        assert!(days.iter().all(|(day, _)| day.year() == year), "{year}");
        // A holiday on a Sunday is always followed by a day off.
        for (day, _) in &days {
            if day.weekday() == Weekday::Sunday {
                let next = day.add_days(1).unwrap();
                assert!(days.iter().any(|(other, _)| *other == next), "{day}");
            }
        }
    }
}

#[test]
fn the_olympic_years_follow_their_special_act() {
    assert_eq!(
        holiday_on(date("2020-07-23")),
        Ok(Some(HolidayKind::MarineDay))
    );
    assert_eq!(
        holiday_on(date("2020-07-24")),
        Ok(Some(HolidayKind::SportsDay))
    );
    assert_eq!(
        holiday_on(date("2020-08-10")),
        Ok(Some(HolidayKind::MountainDay))
    );
    assert_eq!(holiday_on(date("2020-10-12")), Ok(None));
    assert_eq!(
        holiday_on(date("2021-07-22")),
        Ok(Some(HolidayKind::MarineDay))
    );
    assert_eq!(
        holiday_on(date("2021-07-23")),
        Ok(Some(HolidayKind::SportsDay))
    );
    assert_eq!(
        holiday_on(date("2021-08-08")),
        Ok(Some(HolidayKind::MountainDay))
    );
    assert_eq!(
        holiday_on(date("2021-08-09")),
        Ok(Some(HolidayKind::SubstituteHoliday))
    );
    assert_eq!(
        holiday_on(date("2022-07-18")),
        Ok(Some(HolidayKind::MarineDay))
    );
    assert_eq!(
        holiday_on(date("2022-10-10")),
        Ok(Some(HolidayKind::SportsDay))
    );
}

#[test]
fn the_equinoxes_follow_the_formula() {
    let spring = |year| law::vernal_equinox_day(year).unwrap().to_string();
    let autumn = |year| law::autumnal_equinox_day(year).unwrap().to_string();
    assert_eq!(spring(2020), "2020-03-20");
    assert_eq!(autumn(2020), "2020-09-22");
    assert_eq!(spring(2024), "2024-03-20");
    assert_eq!(autumn(2024), "2024-09-22");
    assert_eq!(spring(2027), "2027-03-21");
    assert_eq!(autumn(2027), "2027-09-23");
    assert_eq!(spring(2099), "2099-03-20");
    assert_eq!(autumn(2099), "2099-09-23");
}

// The published list.

#[test]
fn the_list_accepts_a_bom_crlf_trailing_lines_and_any_order() {
    let text = "\u{feff}国民の祝日・休日月日,国民の祝日・休日名称\r\n2026/5/3,憲法記念日\r\n2026/1/1,元日\r\n\r\n";
    let listed = PublishedHolidays::parse(text).unwrap();
    let days: Vec<_> = listed.days().keys().map(ToString::to_string).collect();
    assert_eq!(days, ["2026-01-01", "2026-05-03"]);
    assert_eq!(listed.name(date("2026-01-01")), Some("元日"));
    assert_eq!((listed.first_year(), listed.last_year()), (2026, 2026));
    assert!(listed.covers_year(2026) && !listed.covers_year(2027));
    // Zero padding, though the Cabinet Office writes none, and no line end at all.
    let padded = format!("{}\n2026/01/01,元日", published::HEADER);
    assert!(PublishedHolidays::parse(&padded).is_ok());
}

#[test]
fn a_bad_date_names_its_line() {
    let error = PublishedHolidays::parse(&list(&["2026/1/1,元日", "2026/2/30,建国記念の日"]));
    assert_eq!(
        error,
        Err(PublishedError::BadDate {
            line: 3,
            text: "2026/2/30".to_owned()
        })
    );
    assert_eq!(error.unwrap_err().line(), Some(3));
    for bad in [
        "26/1/1",
        "2026-1-1",
        "2026/1",
        "2026/1/1/1",
        "2026/001/1",
        "2026/1/x",
        "",
    ] {
        let error = PublishedHolidays::parse(&list(&["2026/1/1,元日", &format!("{bad},元日")]));
        assert!(
            matches!(error, Err(PublishedError::BadDate { line: 3, .. })),
            "{bad}: {error:?}"
        );
    }
    let message = PublishedHolidays::parse(&list(&["2026/13/1,元日"]))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "line 2: \"2026/13/1\" is not a date written yyyy/m/d"
    );
}

#[test]
fn a_date_listed_twice_is_refused() {
    let error = PublishedHolidays::parse(&list(&[
        "2026/1/1,元日",
        "2026/1/12,成人の日",
        "2026/1/1,元日",
    ]));
    assert_eq!(
        error,
        Err(PublishedError::DuplicateDate {
            line: 4,
            date: date("2026-01-01"),
            first_line: 2
        })
    );
}

#[test]
fn the_header_is_required() {
    let error = PublishedHolidays::parse("2026/1/1,元日\n2026/1/12,成人の日\n");
    assert_eq!(
        error,
        Err(PublishedError::MissingHeader {
            found: "2026/1/1,元日".to_owned()
        })
    );
    assert_eq!(error.unwrap_err().line(), Some(1));
    assert!(matches!(
        PublishedHolidays::parse(""),
        Err(PublishedError::MissingHeader { .. })
    ));
}

#[test]
fn other_broken_lists_are_refused() {
    let parse = |lines: &[&str]| PublishedHolidays::parse(&list(lines));
    assert!(matches!(
        parse(&["2026/1/1"]),
        Err(PublishedError::MissingName { line: 2, .. })
    ));
    assert!(matches!(
        parse(&["2026/1/1,  "]),
        Err(PublishedError::MissingName { line: 2, .. })
    ));
    assert!(matches!(
        parse(&["2026/1/1,元日,x"]),
        Err(PublishedError::ExtraField { line: 2, .. })
    ));
    assert_eq!(
        parse(&["2026/1/1,元日", "", "2026/1/12,成人の日"]),
        Err(PublishedError::EmptyLine { line: 3 })
    );
    assert_eq!(parse(&[]), Err(PublishedError::NoHolidays));
    assert_eq!(
        parse(&["2025/1/1,元日", "2027/1/1,元日"]),
        Err(PublishedError::MissingYear {
            year: 2026,
            first_year: 2025,
            last_year: 2027
        })
    );
    let long = "2026/1/1,元日\n".repeat(published::MAX_LINES);
    assert_eq!(
        PublishedHolidays::parse(&format!("{}\n{long}", published::HEADER)),
        Err(PublishedError::TooManyLines {
            max: published::MAX_LINES
        })
    );
    // A very long line is quoted only in part.
    let huge = format!("{}x", "9".repeat(10_000));
    let Err(PublishedError::BadDate { text, .. }) = parse(&[&format!("{huge},元日")]) else {
        panic!("a bad date");
    };
    assert_eq!(text.chars().count(), 81);
}

// Business days.

#[test]
fn the_embedded_calendar_says_where_its_days_come_from() {
    let calendar = BusinessCalendar::embedded();
    assert_eq!(
        calendar.source(),
        CalendarSource {
            published_from_year: 2025,
            published_through_year: 2027,
            rules_from_year: 2020,
            rules_through_year: 2099,
        }
    );
    let listed = calendar.holiday(date("2026-05-06")).unwrap();
    assert_eq!(listed.kind, Some(HolidayKind::SubstituteHoliday));
    assert_eq!(
        (listed.ja.as_str(), listed.en.as_str()),
        ("振替休日", "Substitute Holiday")
    );
    assert_eq!(listed.source, HolidaySource::Published);
    let citizens = calendar.holiday(date("2026-09-22")).unwrap();
    assert_eq!(citizens.kind, Some(HolidayKind::CitizensHoliday));
    assert_eq!(
        calendar.holiday(date("2026-01-01")).map(|h| h.ja.as_str()),
        Some("元日")
    );
}

#[test]
fn a_year_after_the_list_follows_the_law() {
    let calendar = BusinessCalendar::embedded();
    let coming_of_age = calendar.holiday(date("2030-01-14")).unwrap();
    assert_eq!(coming_of_age.kind, Some(HolidayKind::ComingOfAgeDay));
    assert_eq!(coming_of_age.en, "Coming of Age Day");
    assert_eq!(coming_of_age.source, HolidaySource::Rules);
    assert!(!calendar.is_business_day(date("2030-01-14")));
    assert!(calendar.is_business_day(date("2030-01-15")));
    assert_eq!(
        calendar.holiday(date("2024-02-12")).map(|h| h.kind),
        Some(Some(HolidayKind::SubstituteHoliday))
    );
}

#[test]
fn the_published_list_wins_over_the_rules() {
    // Were the Cabinet Office to announce the 2030 vernal equinox a day off the formula, and
    // a one-off holiday: its list, not the rules, decides for the years it covers.
    let text = list(&[
        "2030/1/1,元日",
        "2030/3/21,春分の日",
        "2030/6/3,休日（祝日扱い）",
    ]);
    let calendar = BusinessCalendar::new(PublishedHolidays::parse(&text).unwrap());
    assert!(calendar.is_business_day(date("2030-03-20")));
    assert!(!calendar.is_business_day(date("2030-03-21")));
    assert!(
        calendar.is_business_day(date("2030-01-14")),
        "not listed for 2030"
    );
    let one_off = calendar.holiday(date("2030-06-03")).unwrap();
    assert_eq!(one_off.kind, None);
    assert_eq!(
        (one_off.ja.as_str(), one_off.en.as_str()),
        ("休日（祝日扱い）", "Public holiday")
    );
    // Other years still follow the rules.
    assert!(!calendar.is_business_day(date("2026-01-12")));
    assert_eq!(calendar.source().published_through_year, 2030);
}

#[test]
fn business_days_skip_weekends_holidays_and_the_year_end() {
    let calendar = BusinessCalendar::embedded();
    let add = |from: &str, n| {
        calendar
            .add_business_days(date(from), n)
            .map(|d| d.to_string())
    };
    assert_eq!(add("2026-12-28", 1).as_deref(), Some("2027-01-04"));
    assert_eq!(
        add("2026-02-06", 1).as_deref(),
        Some("2026-02-09"),
        "Friday to Monday"
    );
    assert_eq!(
        add("2026-01-09", 1).as_deref(),
        Some("2026-01-13"),
        "over 成人の日"
    );
    // Golden Week 2026: Saturday 5/2, then 5/3 to 5/6 holidays.
    assert_eq!(add("2026-04-30", 1).as_deref(), Some("2026-05-01"));
    assert_eq!(add("2026-05-01", 1).as_deref(), Some("2026-05-07"));
    assert_eq!(add("2026-04-28", 3).as_deref(), Some("2026-05-07"));
    assert_eq!(add("2026-04-01", 20).as_deref(), Some("2026-04-30"));
    // n = 0: the day itself when open, else the next open day.
    assert_eq!(add("2026-05-07", 0).as_deref(), Some("2026-05-07"));
    assert_eq!(add("2026-05-02", 0).as_deref(), Some("2026-05-07"));
    assert_eq!(add("2026-12-29", 0).as_deref(), Some("2027-01-04"));
    assert!(is_year_end_closure(date("2026-12-29")));
    assert!(is_year_end_closure(date("2027-01-03")));
    assert!(!is_year_end_closure(date("2026-12-28")));
    assert!(!calendar.is_business_day(date("2026-01-02")));
}

#[test]
fn business_days_between_counts_the_days_after_the_first() {
    let calendar = BusinessCalendar::embedded();
    let between = |from: &str, to: &str| calendar.business_days_between(date(from), date(to));
    assert_eq!(between("2026-04-30", "2026-05-07"), Some(2));
    assert_eq!(between("2026-05-07", "2026-04-30"), Some(-2));
    assert_eq!(between("2026-05-07", "2026-05-07"), Some(0));
    assert_eq!(between("2026-12-28", "2027-01-04"), Some(1));
    assert_eq!(between("2025-12-31", "2026-12-31"), Some(240));
    assert_eq!(between("2024-12-31", "2027-12-31"), Some(723));
}

#[test]
fn days_the_calendar_does_not_cover_are_not_counted() {
    let calendar = BusinessCalendar::embedded();
    assert!(!calendar.covers(date("2019-12-31")));
    assert!(calendar.covers(date("2020-01-01")));
    assert!(!calendar.covers(date("2100-01-01")));
    assert_eq!(calendar.add_business_days(date("2019-12-20"), 1), None);
    assert_eq!(calendar.add_business_days(date("2019-12-20"), 0), None);
    assert_eq!(
        calendar.add_business_days(date("2019-12-31"), 1),
        Some(date("2020-01-06"))
    );
    assert_eq!(calendar.add_business_days(date("2099-12-28"), 1), None);
    assert_eq!(
        calendar.business_days_between(date("2019-12-30"), date("2020-01-10")),
        None
    );
    assert_eq!(
        calendar.business_days_between(date("2020-01-10"), date("2019-12-30")),
        None
    );
    assert_eq!(
        calendar.business_days_between(date("2019-12-31"), date("2020-01-10")),
        Some(5)
    );
}

#[test]
fn a_thousand_business_days_are_about_four_years() {
    let calendar = BusinessCalendar::embedded();
    let end = calendar
        .add_business_days(date("2026-04-01"), 1_000)
        .unwrap();
    assert!(
        end > date("2030-01-01") && end < date("2030-06-01"),
        "{end}"
    );
    assert_eq!(
        calendar.business_days_between(date("2026-04-01"), end),
        Some(1_000)
    );
}

fn covered_day() -> impl Strategy<Value = CalendarDate> {
    // Up to 2095, so that 1,000 business days stay within the rules' last year.
    let first = date("2020-01-01").days_since_epoch();
    let last = date("2095-12-31").days_since_epoch();
    (first..=last).prop_map(move |day| date("1970-01-01").add_days(day).unwrap())
}

proptest! {
    #[test]
    fn adding_business_days_lands_on_one_counted_back(day in covered_day(), n in 0u32..=1_000) {
        let calendar = BusinessCalendar::embedded();
        let end = calendar.add_business_days(day, n).unwrap();
        prop_assert!(calendar.is_business_day(end), "{day} + {n} = {end}");
        prop_assert!(end >= day);
        if n >= 1 {
            prop_assert_eq!(calendar.business_days_between(day, end), Some(i64::from(n)));
            prop_assert_eq!(calendar.business_days_between(end, day), Some(-i64::from(n)));
        } else {
            // n = 0 moves only off a closed day, to the next open one.
            let expected = if end > day { 1 } else { 0 };
            prop_assert_eq!(calendar.business_days_between(day, end), Some(expected));
        }
    }
}
