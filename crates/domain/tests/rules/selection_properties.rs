//! Properties of the selection rule over generated applications: the decision follows the
//! rejecting findings, the qualified signing auditors are exactly those without a gap, the
//! validity is computed as RULES.md says (checked against a day-by-day count), and the order of
//! the auditors and their qualifications changes nothing.

use proptest::prelude::*;
use serde_json::{Value, json};
use shinrai_domain::selection::FindingCode;
use shinrai_domain::{DecisionKind, SeededRandom};

use crate::support::{answer, strings};

const NAMES: [&str; 6] = ["Abe", "Ito", "Sato", "Suzuki", "Tanaka", "Watanabe"];
const QUALIFICATIONS: [&str; 5] = ["CISSP", "CISA", "RISS", "CAIS", "CPA"];
const NATIONALITIES: [&str; 2] = ["JP", "US"];
const TEXTS: [&str; 4] = ["", " \u{3000}", "Reviewed by a second partner", "\u{200B}"];

/// The members of `pool` whose bit is set in `mask`.
fn pick<'a>(pool: &[&'a str], mask: u32) -> Vec<&'a str> {
    pool.iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, name)| *name)
        .collect()
}

/// Qualifications mask, years of experience, nationality and whether the auditor signs.
type AuditorSpec = (u32, u64, usize, bool);

fn auditor() -> impl Strategy<Value = Option<AuditorSpec>> {
    proptest::option::weighted(
        0.7,
        (
            0u32..32,
            0u64..8,
            0..NATIONALITIES.len(),
            proptest::bool::weighted(0.7),
        ),
    )
}

/// Any day from 2000 to 2100, 29 February of leap years included.
fn day() -> impl Strategy<Value = (u16, u8, u8)> {
    (2000u16..=2100, 1u8..=12, 1u8..=31)
        .prop_filter("a day the calendar has", |(y, m, d)| *d <= days_in(*y, *m))
}

/// The requirements, each key given or left to its default.
fn requirements() -> impl Strategy<Value = Option<Value>> {
    proptest::option::of((
        proptest::option::of(1u32..32),
        proptest::option::of(0u64..8),
        proptest::option::of(0..NATIONALITIES.len()),
        proptest::option::of(1u64..5),
        proptest::option::of(1u64..12),
    ))
    .prop_map(|given| {
        given.map(|(qualifications, years, nationality, signers, validity)| {
            json!({
                "qualifications_any": qualifications.map(|mask| pick(&QUALIFICATIONS, mask)),
                "min_experience_years": years,
                "nationality": nationality.map(|i| NATIONALITIES[i]),
                "min_signing_auditors": signers,
                "validity_years": validity,
            })
        })
    })
}

fn application() -> impl Strategy<Value = Value> {
    (
        day(),
        requirements(),
        (any::<bool>(), 0..TEXTS.len(), 0..TEXTS.len(), any::<bool>()),
        proptest::collection::vec(auditor(), NAMES.len()),
    )
        .prop_map(|((y, m, d), requirements, flags, specs)| {
            let (domestic, quality, subcontracting, independence) = flags;
            let auditors: Vec<Value> = NAMES
                .iter()
                .zip(specs)
                .filter_map(|(name, spec)| {
                    let (mask, years, nationality, signing) = spec?;
                    Some(json!({
                        "name": name, "qualifications": pick(&QUALIFICATIONS, mask),
                        "experience_years": years, "nationality": NATIONALITIES[nationality],
                        "signing": signing,
                    }))
                })
                .collect();
            let mut case = json!({
                "decided_on": format!("{y:04}-{m:02}-{d:02}"),
                "applicant": {
                    "id": "body-1", "domestic_registration": domestic,
                    "quality_control": TEXTS[quality], "subcontracting_rules": TEXTS[subcontracting],
                    "independence_declaration": independence, "auditors": auditors,
                }
            });
            if let Some(requirements) = requirements {
                case["requirements"] = requirements;
            }
            case
        })
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn next_day((y, m, d): (u16, u8, u8)) -> (u16, u8, u8) {
    if d < days_in(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

/// The last day of a selection found by walking the calendar one day at a time until the day
/// before the anniversary (1 March for a 29 February the later year lacks).
fn walked_last_day(from: &str, years: u16) -> String {
    let number = |at: std::ops::Range<usize>| from[at].parse::<u16>().expect("digits");
    let small = |at: std::ops::Range<usize>| from[at].parse::<u8>().expect("digits");
    let start = (number(0..4), small(5..7), small(8..10));
    let anniversary = if start.1 == 2 && start.2 == 29 && !is_leap(start.0 + years) {
        (start.0 + years, 3, 1)
    } else {
        (start.0 + years, start.1, start.2)
    };
    let mut day = start;
    while next_day(day) != anniversary {
        day = next_day(day);
    }
    format!("{:04}-{:02}-{:02}", day.0, day.1, day.2)
}

/// The requirements as the rule reads them, defaults filled in.
struct Required {
    qualifications: Vec<String>,
    years: u64,
    nationality: String,
    signers: usize,
    validity: u16,
}

fn required(case: &Value) -> Required {
    let given = &case["requirements"];
    Required {
        qualifications: if given["qualifications_any"].is_array() {
            strings(&given["qualifications_any"])
        } else {
            ["CISSP", "CISA", "RISS", "CAIS"]
                .map(str::to_owned)
                .to_vec()
        },
        years: given["min_experience_years"].as_u64().unwrap_or(3),
        nationality: given["nationality"].as_str().unwrap_or("JP").to_owned(),
        signers: usize::try_from(given["min_signing_auditors"].as_u64().unwrap_or(2))
            .expect("small"),
        validity: u16::try_from(given["validity_years"].as_u64().unwrap_or(3)).expect("small"),
    }
}

/// The names of the signing auditors who meet every requirement, and of those who do not.
fn signing_auditors(case: &Value, required: &Required) -> (Vec<String>, Vec<String>) {
    let mut qualified = Vec::new();
    let mut not = Vec::new();
    for auditor in case["applicant"]["auditors"].as_array().expect("auditors") {
        if auditor["signing"] != true {
            continue;
        }
        let held = strings(&auditor["qualifications"]);
        let meets = required.qualifications.iter().any(|q| held.contains(q))
            && auditor["experience_years"].as_u64().expect("years") >= required.years
            && auditor["nationality"] == required.nationality.as_str();
        let name = auditor["name"].as_str().expect("name").to_owned();
        if meets {
            qualified.push(name);
        } else {
            not.push(name);
        }
    }
    qualified.sort();
    not.sort();
    (qualified, not)
}

fn listed(answer: &Value) -> Vec<(String, String)> {
    answer["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_owned(),
                f["subject"].as_str().expect("subject").to_owned(),
            )
        })
        .collect()
}

fn selection(case: &Value) -> Value {
    answer(DecisionKind::Selection, case)
}

/// The auditors, and each auditor's qualifications, in another order.
fn shuffle_auditors(case: &mut Value, random: &mut SeededRandom) {
    fn shuffle(items: &mut [Value], random: &mut SeededRandom) {
        for last in (1..items.len()).rev() {
            let bound = u64::try_from(last + 1).expect("small");
            let other = usize::try_from(random.below(bound)).expect("small");
            items.swap(last, other);
        }
    }
    let auditors = case["applicant"]["auditors"]
        .as_array_mut()
        .expect("auditors");
    shuffle(auditors, random);
    for auditor in auditors {
        shuffle(
            auditor["qualifications"].as_array_mut().expect("list"),
            random,
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_decision_is_select_exactly_when_no_finding_rejects(case in application()) {
        let answer = selection(&case);
        let rejecting = listed(&answer).iter().any(|(code, _)| {
            FindingCode::ALL
                .iter()
                .any(|known| known.as_str() == code && known.rejects())
        });
        let expected = if rejecting { "reject" } else { "select" };
        prop_assert_eq!(answer["decision"].as_str(), Some(expected));
    }

    #[test]
    fn the_qualified_signing_auditors_are_exactly_those_without_a_gap(case in application()) {
        let required = required(&case);
        let (qualified, not) = signing_auditors(&case, &required);
        let answer = selection(&case);
        prop_assert_eq!(strings(&answer["qualified_signing_auditors"]), qualified.clone());
        let findings = listed(&answer);
        let unqualified: Vec<String> = findings
            .iter()
            .filter(|(code, _)| code == "auditor_not_qualified")
            .map(|(_, subject)| subject.clone())
            .collect();
        prop_assert_eq!(unqualified, not);
        let too_few = findings.iter().any(|(code, _)| code == "too_few_signing_auditors");
        prop_assert_eq!(too_few, qualified.len() < required.signers);
    }

    #[test]
    fn the_validity_is_as_specified_and_null_when_rejected(case in application()) {
        let answer = selection(&case);
        if answer["decision"] == "select" {
            let from = case["decided_on"].as_str().expect("date");
            prop_assert_eq!(answer["valid_from"].as_str(), Some(from));
            let until = walked_last_day(from, required(&case).validity);
            prop_assert_eq!(answer["valid_until"].as_str(), Some(until.as_str()));
        } else {
            prop_assert_eq!(&answer["valid_from"], &Value::Null);
            prop_assert_eq!(&answer["valid_until"], &Value::Null);
        }
    }

    #[test]
    fn findings_are_sorted_by_code_then_subject_and_never_repeat(case in application()) {
        let findings = listed(&selection(&case));
        prop_assert!(findings.windows(2).all(|pair| pair[0] < pair[1]), "{findings:?}");
    }

    #[test]
    fn the_order_of_the_auditors_changes_nothing(case in application(), seed in any::<u64>()) {
        let mut shuffled = case.clone();
        shuffle_auditors(&mut shuffled, &mut SeededRandom::new(seed));
        prop_assert_eq!(selection(&shuffled), selection(&case));
    }
}
