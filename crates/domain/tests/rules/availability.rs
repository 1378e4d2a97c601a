//! The availability rule of RULES.md.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;

use crate::support::answer;

fn compute(case: Value) -> Value {
    answer(DecisionKind::Availability, &case)
}

fn number(value: &Value) -> f64 {
    value.as_f64().expect("number")
}

#[test]
fn one_user_down_a_working_day_still_reads_99_99_percent() {
    let answer = compute(
        json!({"users": 100, "days": 31, "outages": [{"minutes": 480, "affected_users": 1}]}),
    );
    assert_eq!(answer["user_minutes"], 4_464_000);
    assert_eq!(answer["downtime_user_minutes"], 480);
    let percent = number(&answer["availability_percent"]);
    assert!((99.989..99.990).contains(&percent), "{percent}");
    assert_eq!(format!("{percent:.2}"), "99.99");
    assert_eq!(answer["credit_percent"], 0);
    let naive = number(&answer["naive_availability_percent"]);
    assert!((98.92..98.93).contains(&naive), "{naive}");
    assert_eq!(answer["longest_outage_minutes"], 480);
    assert_eq!(answer["affected_user_credit_percent"], 50);
}

#[test]
fn an_outage_for_everyone_earns_a_credit() {
    let answer = compute(
        json!({"users": 100, "days": 30, "outages": [{"minutes": 120, "affected_users": 100}]}),
    );
    let percent = number(&answer["availability_percent"]);
    assert!((99.72..99.73).contains(&percent), "{percent}");
    assert_eq!(answer["credit_percent"], 25);
    assert_eq!(
        answer["availability_percent"],
        answer["naive_availability_percent"]
    );
}

#[test]
fn the_largest_credit_among_matching_tiers_applies() {
    let answer = compute(json!({"users": 10, "days": 31, "outages": [
        {"minutes": 600, "affected_users": 10}, {"minutes": 400, "affected_users": 10}
    ]}));
    // 1,000 minutes of 44,640: 97.76 %, below 99.9 and 99.0 but not 95.0.
    assert_eq!(answer["credit_percent"], 50);
    let answer = compute(
        json!({"users": 1, "days": 31, "outages": [{"minutes": 44_640, "affected_users": 1}]}),
    );
    assert_eq!(number(&answer["availability_percent"]), 0.0);
    assert_eq!(answer["credit_percent"], 100);
}

#[test]
fn exactly_at_a_tier_boundary_earns_nothing() {
    // 25 users × 31 days = 1,116,000 user-minutes; 1,116 lost is exactly 99.9 %.
    let at = compute(
        json!({"users": 25, "days": 31, "outages": [{"minutes": 1116, "affected_users": 1}]}),
    );
    assert_eq!(number(&at["availability_percent"]), 99.9);
    assert_eq!(at["credit_percent"], 0);
    let below = compute(
        json!({"users": 25, "days": 31, "outages": [{"minutes": 1117, "affected_users": 1}]}),
    );
    assert_eq!(below["credit_percent"], 25);
}

#[test]
fn credit_tiers_default_and_can_be_replaced() {
    let outages = json!([{"minutes": 120, "affected_users": 100}]);
    let default = compute(json!({"users": 100, "days": 30, "outages": outages}));
    assert_eq!(default["credit_percent"], 25);
    let custom = compute(json!({"users": 100, "days": 30, "outages": outages,
        "credit_tiers": [{"below": 99.95, "credit_percent": 10}, {"below": 99.5, "credit_percent": 30}]}));
    assert_eq!(custom["credit_percent"], 10);
    let none = compute(json!({"users": 100, "days": 30, "outages": outages, "credit_tiers": []}));
    assert_eq!(none["credit_percent"], 0);
}

#[test]
fn no_outage_is_full_availability() {
    let answer = compute(json!({"users": 3, "days": 28, "outages": []}));
    assert_eq!(number(&answer["availability_percent"]), 100.0);
    assert_eq!(number(&answer["naive_availability_percent"]), 100.0);
    assert_eq!(answer["credit_percent"], 0);
    assert_eq!(answer["user_minutes"], 3 * 28 * 1440);
}

#[test]
fn naive_availability_never_goes_below_zero() {
    let answer = compute(json!({"users": 10, "days": 1, "outages": [
        {"minutes": 1440, "affected_users": 1}, {"minutes": 1440, "affected_users": 1}
    ]}));
    assert_eq!(number(&answer["naive_availability_percent"]), 0.0);
    assert_eq!(number(&answer["availability_percent"]), 80.0);
}
