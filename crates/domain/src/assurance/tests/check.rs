use super::{map, scheme};
use crate::assurance::{AssuranceMap, CriteriaArea, MAX_SCHEMES};
use crate::workflow::Refusal;

/// The (field, code) of every problem the check finds.
fn problems(map: &AssuranceMap) -> Vec<(String, &'static str)> {
    match map.check() {
        Ok(()) => Vec::new(),
        Err(Refusal::Invalid(errors)) => errors
            .into_iter()
            .map(|error| (error.field, error.code))
            .collect(),
        Err(other) => panic!("not a field problem: {other}"),
    }
}

fn one(field: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(field.to_owned(), code)]
}

#[test]
fn a_sound_map_passes() {
    assert_eq!(
        problems(&map(vec![scheme("a", 10, 90), scheme("b", 0, 100)])),
        []
    );
}

#[test]
fn a_repeated_id_is_reported_at_its_second_use() {
    let edited = map(vec![
        scheme("a", 1, 1),
        scheme("b", 1, 1),
        scheme("a", 2, 2),
    ]);
    assert_eq!(problems(&edited), one("/schemes/2/id", "duplicate"));
}

#[test]
fn ids_must_be_safe_lowercase_address_segments() {
    for bad in ["", "ISMS", "a/b", "new", "-x", "あ"] {
        let edited = map(vec![scheme("ok", 1, 1), scheme(bad, 1, 1)]);
        assert_eq!(
            problems(&edited),
            one("/schemes/1/id", "invalid_id"),
            "{bad:?}"
        );
    }
}

#[test]
fn numbers_out_of_range_are_reported_where_they_are() {
    let mut edited = map(vec![scheme("a", 1, 1), scheme("b", 101, 100)]);
    assert_eq!(
        problems(&edited),
        one("/schemes/1/expected", "out_of_range")
    );
    if let Some(b) = edited.schemes.get_mut(1) {
        b.expected = 100;
        b.actual = 255;
    }
    assert_eq!(problems(&edited), one("/schemes/1/actual", "out_of_range"));
    for baseline in [0, 100, 200] {
        let mut edited = map(vec![scheme("a", 1, 1)]);
        edited.baseline = baseline;
        assert_eq!(
            problems(&edited),
            one("/baseline", "out_of_range"),
            "{baseline}"
        );
    }
    for baseline in [1, 99] {
        let mut edited = map(vec![scheme("a", 1, 1)]);
        edited.baseline = baseline;
        assert_eq!(problems(&edited), [], "{baseline}");
    }
}

#[test]
fn every_text_is_required_in_both_languages_and_bounded() {
    let mut edited = map(vec![scheme("a", 1, 1)]);
    if let Some(a) = edited.schemes.get_mut(0) {
        a.name.en = "\u{3000} ".to_owned();
        a.assures.ja = String::new();
        a.summary.en = "x".repeat(10_001);
        a.does_not.ja = "長".repeat(10_000);
    }
    assert_eq!(
        problems(&edited),
        [
            ("/schemes/0/name/en".to_owned(), "required"),
            ("/schemes/0/assures/ja".to_owned(), "required"),
            ("/schemes/0/summary/en".to_owned(), "too_long"),
        ]
    );
    if let Some(a) = edited.schemes.get_mut(0) {
        a.assures.ja = "保証".to_owned();
        a.summary.en = "short".to_owned();
        a.name = crate::text::Bilingual::new("名".repeat(201), "Name");
    }
    assert_eq!(problems(&edited), one("/schemes/0/name/ja", "too_long"));
}

#[test]
fn areas_are_required_and_not_repeated() {
    let mut edited = map(vec![scheme("a", 1, 1)]);
    if let Some(a) = edited.schemes.get_mut(0) {
        a.areas = vec![
            CriteriaArea::Privacy,
            CriteriaArea::Assets,
            CriteriaArea::Privacy,
        ];
    }
    assert_eq!(problems(&edited), one("/schemes/0/areas/2", "duplicate"));
    if let Some(a) = edited.schemes.get_mut(0) {
        a.areas = Vec::new();
    }
    assert_eq!(problems(&edited), one("/schemes/0/areas", "required"));
    if let Some(a) = edited.schemes.get_mut(0) {
        a.areas = CriteriaArea::ALL
            .iter()
            .copied()
            .chain([CriteriaArea::Governance])
            .collect();
    }
    assert_eq!(problems(&edited), one("/schemes/0/areas", "too_long"));
}

#[test]
fn the_number_of_schemes_is_bounded_below_and_above() {
    assert_eq!(problems(&map(Vec::new())), one("/schemes", "required"));
    let at_most: Vec<_> = (0..MAX_SCHEMES)
        .map(|i| scheme(&format!("s{i}"), 1, 1))
        .collect();
    assert_eq!(problems(&map(at_most.clone())), []);
    let too_many: Vec<_> = at_most.into_iter().chain([scheme("extra", 1, 1)]).collect();
    assert_eq!(problems(&map(too_many)), one("/schemes", "too_long"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut edited = map(vec![scheme("a", 1, 1), scheme("a", 120, 1)]);
    edited.baseline = 0;
    let fields: Vec<String> = problems(&edited)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    assert_eq!(
        fields,
        ["/baseline", "/schemes/1/expected", "/schemes/1/id"]
    );
}
