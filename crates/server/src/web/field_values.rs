//! Typed values read from a posted form's fields: a day, a whole number, a yes or no, a text
//! that may be left empty. A value that cannot be read is a problem at its field in both
//! languages, never a silent default.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::{FieldError, Refusal};

use super::form::Fields;
use crate::workflow::Failure;

fn problem(name: &str, code: &'static str, message: Bilingual) -> Failure {
    Refusal::invalid(format!("/{name}"), code, message).into()
}

/// The text of `name`, trimmed; `None` when it is empty.
pub fn optional_text(fields: &Fields, name: &str) -> Option<String> {
    Some(fields.get(name).trim())
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

/// The day in `name`, written `YYYY-MM-DD`.
pub fn day(fields: &Fields, name: &str) -> Result<CalendarDate, Failure> {
    CalendarDate::parse(fields.get(name).trim()).ok_or_else(|| {
        problem(
            name,
            "invalid_date",
            Bilingual::new(
                "日付は YYYY-MM-DD で入力してください",
                "give the day as YYYY-MM-DD",
            ),
        )
    })
}

/// The whole number in `name`.
pub fn number(fields: &Fields, name: &str) -> Result<u64, Failure> {
    fields.get(name).trim().parse::<u64>().map_err(|_| {
        problem(
            name,
            "not_a_number",
            Bilingual::new("数字で入力してください", "give a whole number in digits"),
        )
    })
}

/// The whole number in `name`, or `None` when the field is left empty.
pub fn optional_number(fields: &Fields, name: &str) -> Result<Option<u64>, Failure> {
    match optional_text(fields, name) {
        None => Ok(None),
        Some(_) => number(fields, name).map(Some),
    }
}

/// The choice `yes` or `no` in `name`; anything else (nothing chosen) is asked for again, with
/// `what` saying what to choose.
pub fn yes_or_no(fields: &Fields, name: &str, what: Bilingual) -> Result<bool, Failure> {
    match fields.get(name) {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(problem(name, "choose_yes_or_no", what)),
    }
}

/// Reads several values of one form, keeping every field's problem so that the form shows
/// them all at once.
#[derive(Default)]
pub struct Reading {
    problems: Vec<FieldError>,
    other: Option<Failure>,
}

impl Reading {
    /// The value read, or `None` with its problem kept.
    pub fn take<T>(&mut self, read: Result<T, Failure>) -> Option<T> {
        match read {
            Ok(value) => Some(value),
            Err(Failure::Refused(Refusal::Invalid(errors))) => {
                self.problems.extend(errors);
                None
            }
            Err(other) => {
                self.other.get_or_insert(other);
                None
            }
        }
    }

    /// Every problem kept, or nothing when all values were read.
    pub fn problems(self) -> Result<(), Failure> {
        match (self.other, self.problems.is_empty()) {
            (Some(other), _) => Err(other),
            (None, true) => Ok(()),
            (None, false) => Err(Refusal::Invalid(self.problems).into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields::from_pairs(
            pairs
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
        )
    }

    fn field_of(failure: Failure) -> String {
        match failure {
            Failure::Refused(Refusal::Invalid(errors)) => errors[0].field.clone(),
            other => panic!("not a field's problem: {other:?}"),
        }
    }

    #[test]
    fn values_are_read_or_named_at_their_field() {
        let sent = fields(&[
            ("on", " 2027-02-28 "),
            ("bad_day", "2027-02-29"),
            ("count", "12"),
            ("empty", "  "),
            ("words", "twelve"),
            ("yes", "yes"),
            ("no", "no"),
            ("maybe", "perhaps"),
        ]);
        assert_eq!(day(&sent, "on").unwrap().to_string(), "2027-02-28");
        assert_eq!(field_of(day(&sent, "bad_day").unwrap_err()), "/bad_day");
        assert_eq!(number(&sent, "count").unwrap(), 12);
        assert_eq!(optional_number(&sent, "empty").unwrap(), None);
        assert_eq!(optional_number(&sent, "count").unwrap(), Some(12));
        assert_eq!(
            field_of(optional_number(&sent, "words").unwrap_err()),
            "/words"
        );
        assert_eq!(optional_text(&sent, "empty"), None);
        assert_eq!(optional_text(&sent, "words").as_deref(), Some("twelve"));
        let what = || Bilingual::new("選んでください", "choose");
        assert!(yes_or_no(&sent, "yes", what()).unwrap());
        assert!(!yes_or_no(&sent, "no", what()).unwrap());
        assert_eq!(
            field_of(yes_or_no(&sent, "maybe", what()).unwrap_err()),
            "/maybe"
        );
        assert_eq!(
            field_of(yes_or_no(&sent, "absent", what()).unwrap_err()),
            "/absent"
        );

        let mut reading = Reading::default();
        assert_eq!(reading.take(number(&sent, "count")), Some(12));
        assert_eq!(reading.take(day(&sent, "bad_day")), None);
        assert_eq!(reading.take(number(&sent, "words")), None);
        match reading.problems() {
            Err(Failure::Refused(Refusal::Invalid(errors))) => {
                let fields: Vec<_> = errors.iter().map(|error| error.field.as_str()).collect();
                assert_eq!(fields, ["/bad_day", "/words"]);
            }
            other => panic!("every problem is kept: {other:?}"),
        }
        assert!(Reading::default().problems().is_ok());
    }
}
