//! The classification rule of RULES.md.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;

use crate::support::{answer, strings};

fn classify(information: Value, aggregate: Option<u8>, availability: u8) -> Value {
    let mut case = json!({
        "system": "電子申請システム",
        "function": "public_service",
        "information": information,
        "availability": availability
    });
    if let Some(level) = aggregate {
        case["aggregate_confidentiality"] = json!(level);
    }
    answer(DecisionKind::Classification, &case)
}

fn codes(answer: &Value) -> Vec<String> {
    answer["advice"]
        .as_array()
        .expect("advice")
        .iter()
        .map(|a| a["code"].as_str().expect("code").to_owned())
        .collect()
}

#[test]
fn the_example_of_the_rules() {
    let answer = classify(
        json!([
            {"name": "申請者の氏名・住所", "confidentiality": 2},
            {"name": "公開統計", "confidentiality": 1}
        ]),
        Some(3),
        2,
    );
    assert_eq!(answer["confidentiality"], 3);
    assert_eq!(answer["integrity"], "high");
    assert_eq!(answer["availability"], 2);
    assert_eq!(answer["registry_level"], 3);
    assert_eq!(answer["class"], "C3-I-A2");
    assert_eq!(
        codes(&answer),
        vec!["aggregation_raises_level", "consider_split"]
    );
    assert_eq!(
        strings(&answer["advice"][1]["items"]),
        vec!["申請者の氏名・住所"]
    );
}

#[test]
fn confidentiality_is_the_highest_item_when_nothing_aggregates() {
    let answer = classify(
        json!([{"name": "a", "confidentiality": 1}, {"name": "b", "confidentiality": 3}]),
        None,
        1,
    );
    assert_eq!(answer["confidentiality"], 3);
    assert_eq!(answer["registry_level"], 3);
    assert_eq!(answer["class"], "C3-I-A1");
    assert_eq!(codes(&answer), vec!["consider_split"]);
}

#[test]
fn an_aggregate_level_not_above_every_item_gives_no_aggregation_advice() {
    for aggregate in [1, 2] {
        let answer = classify(
            json!([{"name": "a", "confidentiality": 2}]),
            Some(aggregate),
            3,
        );
        assert_eq!(answer["confidentiality"], 2, "aggregate {aggregate}");
        assert_eq!(answer["advice"], json!([]));
    }
}

#[test]
fn the_split_advice_names_every_item_at_the_highest_level_sorted() {
    let answer = classify(
        json!([
            {"name": "健康情報", "confidentiality": 3},
            {"name": "公開情報", "confidentiality": 1},
            {"name": "口座情報", "confidentiality": 3},
            {"name": "業務連絡", "confidentiality": 2}
        ]),
        None,
        2,
    );
    let mut expected = vec!["健康情報".to_owned(), "口座情報".to_owned()];
    expected.sort();
    assert_eq!(strings(&answer["advice"][0]["items"]), expected);
    assert_eq!(answer["advice"][0]["level"], 3);
}

#[test]
fn one_level_only_needs_no_advice() {
    let answer = classify(
        json!([{"name": "a", "confidentiality": 2}, {"name": "b", "confidentiality": 2}]),
        None,
        2,
    );
    assert_eq!(answer["advice"], json!([]));
}

#[test]
fn integrity_is_high_for_every_system() {
    for level in 1..=3 {
        let answer = classify(
            json!([{"name": "a", "confidentiality": level}]),
            None,
            level,
        );
        assert_eq!(answer["integrity"], "high");
    }
}

#[test]
fn sla_requirements_follow_the_availability_level() {
    let mut previous = 0;
    for availability in 1..=3 {
        let answer = classify(
            json!([{"name": "a", "confidentiality": 1}]),
            None,
            availability,
        );
        let items = answer["sla_requirements"].as_array().expect("sla");
        assert!(
            items.len() > previous,
            "level {availability} asks for more than the level below"
        );
        previous = items.len();
        let codes: Vec<&str> = items
            .iter()
            .map(|i| i["item"].as_str().expect("item"))
            .collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "sorted by item");
        assert!(codes.contains(&"monthly_availability") && codes.contains(&"backup"));
        for item in items {
            assert!(!item["titles"]["ja"].as_str().expect("ja").is_empty());
            assert!(!item["requirements"]["en"].as_str().expect("en").is_empty());
        }
    }
}

#[test]
fn advice_messages_exist_in_both_languages() {
    let answer = classify(
        json!([{"name": "x", "confidentiality": 1}, {"name": "y", "confidentiality": 2}]),
        Some(3),
        1,
    );
    for advice in answer["advice"].as_array().expect("advice") {
        assert!(
            advice["messages"]["ja"]
                .as_str()
                .expect("ja")
                .contains("レベル")
        );
        assert!(
            advice["messages"]["en"]
                .as_str()
                .expect("en")
                .contains("level")
        );
    }
}
