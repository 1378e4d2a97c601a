//! The lifecycle's two readers: the quick one reads the plain shape straight into the case, the
//! tree reader everything else with the place of any problem. The quick one must never accept
//! what the tree reader refuses, and must read what it accepts to the same case.

use serde_json::{Value, json};
use shinrai_domain::SeededRandom;
use shinrai_domain::case::bounds::{MAX_ID_CHARS, MAX_LIFECYCLE_CASE_BYTES};
use shinrai_domain::case::{Read, read_case_within};
use shinrai_domain::lifecycle::{EventKind, LifecycleCase};

use crate::support::cases_dir;

fn read_plain(text: &str) -> Option<LifecycleCase> {
    LifecycleCase::read_plain(text)
}

fn by_tree(text: &str) -> Read<LifecycleCase> {
    read_case_within(text, MAX_LIFECYCLE_CASE_BYTES, LifecycleCase::read)
}

fn cases(folder: &str) -> Vec<(String, String)> {
    let dir = cases_dir().join("lifecycle").join(folder);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".answer.json")
        })
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_example_cases_are_read_plainly_to_what_the_tree_reads() {
    let examples = cases("");
    assert!(examples.len() >= 8);
    for (name, text) in examples {
        let plain = read_plain(&text).unwrap_or_else(|| panic!("{name} is plain"));
        assert_eq!(plain, by_tree(&text).unwrap(), "{name}");
    }
    let malformed = cases("malformed");
    assert!(malformed.len() >= 8);
    for (name, text) in malformed {
        assert!(
            read_plain(&text).is_none(),
            "{name} goes to the tree reader"
        );
        assert!(LifecycleCase::read_text(&text).is_err(), "{name}");
    }
}

#[test]
fn shapes_the_tree_reader_takes_are_left_to_it() {
    // A level written 2.0, an id with an escape, a repeated key: well formed, not plain.
    for text in [
        r#"{"as_of": "2027-01-01", "registrations": [{"service": "a", "level": 2.0, "valid_until": "2027-12-31"}], "events": []}"#,
        r#"{"as_of": "2027-01-01", "registrations": [{"service": "\u0061", "level": 2, "valid_until": "2027-12-31"}], "events": []}"#,
        r#"{"as_of": "2027-01-01", "as_of": "2027-01-02", "registrations": [], "events": []}"#,
    ] {
        assert!(read_plain(text).is_none(), "{text}");
        assert_eq!(
            LifecycleCase::read_text(text).unwrap(),
            by_tree(text).unwrap()
        );
    }
    // Fields in an array instead of an object: serde would take them in order; refused.
    for text in [
        r#"["2027-01-01", [], []]"#,
        r#"{"as_of": "2027-01-01", "registrations": [["a", 2, "2027-12-31"]], "events": []}"#,
        r#"{"as_of": "2027-01-01", "registrations": [{"service": "a", "level": 2, "valid_until": "2027-12-31"}], "events": [["2027-02-01", "a", "suspended"]]}"#,
    ] {
        assert!(read_plain(text).is_none(), "{text}");
        assert!(LifecycleCase::read_text(text).is_err(), "{text}");
    }
}

fn pick<'a, T>(random: &mut SeededRandom, items: &'a [T]) -> &'a T {
    &items[below(random, items.len())]
}

/// A well-formed random case of a few registrations and events.
fn random_case(random: &mut SeededRandom) -> Value {
    let count = 1 + usize::try_from(random.below(5)).expect("small");
    let service = |index: usize| format!("s{index}");
    let day = |random: &mut SeededRandom| {
        format!(
            "2027-{:02}-{:02}",
            1 + random.below(12),
            1 + random.below(28)
        )
    };
    let registrations: Vec<Value> = (0..count)
        .map(|index| {
            let depends_on: Vec<String> = (0..random.below(3))
                .map(|_| service(below(random, count)))
                .collect();
            json!({
                "service": service(index),
                "level": 1 + random.below(3),
                "valid_until": day(random),
                "depends_on": depends_on,
                "underlying_evaluated_in_audit": [service(below(random, count))]
            })
        })
        .collect();
    let events: Vec<Value> = (0..random.below(8))
        .map(|_| {
            let (name, kind) = *pick(random, &EventKind::NAMES);
            let mut event = json!({
                "on": day(random),
                "service": service(below(random, count)),
                "kind": name,
            });
            if kind == EventKind::RenewalRegistered {
                event["valid_until"] = json!(day(random));
                if random.below(2) == 0 {
                    event["level"] = json!(1 + random.below(3));
                }
            }
            event
        })
        .collect();
    json!({"as_of": day(random), "registrations": registrations, "events": events})
}

/// Every place of a value, as JSON pointers.
fn places(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                places(inner, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                places(inner, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A random change at a random place: another value, a removed field, or an added one.
fn mutate(random: &mut SeededRandom, case: &mut Value) {
    let replacements = [
        json!(null),
        json!(0),
        json!(2),
        json!(4),
        json!(2.0),
        json!(-1),
        json!(true),
        json!(""),
        json!(" \u{3000}"),
        json!("s0"),
        json!("s9"),
        json!("2027-02-29"),
        json!("2027-06-01"),
        json!("renewal_registered"),
        json!("x".repeat(MAX_ID_CHARS + 1)),
        json!([]),
        json!(["s0"]),
        json!({}),
        json!({"service": "s0"}),
    ];
    let mut all = Vec::new();
    places(case, String::new(), &mut all);
    let place = pick(random, &all).clone();
    match random.below(3) {
        0 if !place.is_empty() => {
            let (parent, key) = place.rsplit_once('/').unwrap();
            if let Some(map) = case.pointer_mut(parent).and_then(Value::as_object_mut) {
                map.remove(key);
            }
        }
        1 => {
            if let Some(map) = case.pointer_mut(&place).and_then(Value::as_object_mut) {
                let key = pick(random, &["level", "valid_until", "depends_on", "service"]);
                map.insert((*key).to_owned(), pick(random, &replacements).clone());
            }
        }
        _ => {
            if let Some(target) = case.pointer_mut(&place) {
                *target = pick(random, &replacements).clone();
            }
        }
    }
}

#[test]
fn the_plain_reader_accepts_only_what_the_tree_reader_accepts_and_reads_it_alike() {
    let mut random = SeededRandom::new(15);
    let (mut plain_read, mut refused) = (0, 0);
    for round in 0..3_000 {
        let mut case = random_case(&mut random);
        for _ in 0..(round % 3) {
            mutate(&mut random, &mut case);
        }
        let text = case.to_string();
        match (read_plain(&text), by_tree(&text)) {
            (Some(plain), Ok(tree)) => {
                assert_eq!(plain, tree, "{text}");
                plain_read += 1;
            }
            (Some(_), Err(error)) => panic!("plainly read but malformed ({error}): {text}"),
            (None, Err(_)) => refused += 1,
            (None, Ok(_)) => {}
        }
    }
    assert!(
        plain_read > 1_000 && refused > 300,
        "{plain_read} read, {refused} refused"
    );
}
fn below(random: &mut SeededRandom, bound: usize) -> usize {
    let drawn = random.below(u64::try_from(bound).expect("small"));
    usize::try_from(drawn).expect("small")
}
