//! The cascade rule of RULES.md.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;

use crate::support::{answer, strings};

fn service(id: &str, status: &str, depends_on: &[&str], evaluated: &[&str]) -> Value {
    json!({"service": id, "status": status, "depends_on": depends_on, "underlying_evaluated_in_audit": evaluated})
}

fn run(registry: Vec<Value>, leaving: &[&str]) -> (Vec<String>, Vec<String>) {
    let answer = answer(
        DecisionKind::Cascade,
        &json!({"registry": registry, "leaving": leaving}),
    );
    (
        strings(&answer["deregistered"]),
        strings(&answer["exempted"]),
    )
}

#[test]
fn the_example_of_the_rules() {
    let (fallen, exempted) = run(
        vec![
            service("iaas-1", "registered", &[], &[]),
            service("paas-1", "registered", &["iaas-1"], &[]),
            service("saas-2", "registered", &["iaas-1"], &["iaas-1"]),
        ],
        &["iaas-1"],
    );
    assert_eq!(fallen, vec!["paas-1"]);
    assert_eq!(exempted, vec!["saas-2"]);
}

#[test]
fn a_fall_travels_down_whole_chains() {
    let (fallen, exempted) = run(
        vec![
            service("saas-9", "registered", &["paas-3"], &[]),
            service("paas-3", "registered", &["iaas-1"], &[]),
            service("iaas-1", "registered", &[], &[]),
            service("other", "registered", &[], &[]),
        ],
        &["iaas-1"],
    );
    assert_eq!(fallen, vec!["paas-3", "saas-9"]);
    assert!(exempted.is_empty());
}

#[test]
fn cycles_terminate() {
    let registry = vec![
        service("a", "registered", &["b", "root"], &[]),
        service("b", "registered", &["a"], &[]),
        service("c", "registered", &["c"], &[]),
        service("root", "registered", &[], &[]),
    ];
    let (fallen, _) = run(registry.clone(), &["root"]);
    assert_eq!(fallen, vec!["a", "b"]);
    let (fallen, _) = run(registry, &["c"]);
    assert!(
        fallen.is_empty(),
        "a service leaving does not list itself, even on a self-loop"
    );
}

#[test]
fn an_exempted_service_does_not_carry_the_fall() {
    let (fallen, exempted) = run(
        vec![
            service("iaas", "registered", &[], &[]),
            service("paas", "registered", &["iaas"], &["iaas"]),
            service("saas", "registered", &["paas"], &[]),
        ],
        &["iaas"],
    );
    assert!(fallen.is_empty());
    assert_eq!(exempted, vec!["paas"]);
}

#[test]
fn an_exception_for_one_dependency_does_not_save_from_another() {
    let (fallen, exempted) = run(
        vec![
            service("iaas-a", "registered", &[], &[]),
            service("iaas-b", "registered", &[], &[]),
            service("paas", "registered", &["iaas-a", "iaas-b"], &["iaas-a"]),
        ],
        &["iaas-a", "iaas-b"],
    );
    assert_eq!(fallen, vec!["paas"]);
    assert!(
        exempted.is_empty(),
        "spared only by its exception is false here"
    );
}

#[test]
fn services_not_registered_neither_fall_nor_carry() {
    let (fallen, exempted) = run(
        vec![
            service("iaas", "registered", &[], &[]),
            service("paas", "suspended", &["iaas"], &[]),
            service("saas", "registered", &["paas"], &[]),
            service("old", "expired", &["iaas"], &["iaas"]),
        ],
        &["iaas"],
    );
    assert!(fallen.is_empty());
    assert!(exempted.is_empty(), "only registered services are exempted");
}

#[test]
fn a_leaving_service_brings_down_its_dependents_whatever_its_status() {
    let (fallen, _) = run(
        vec![
            service("iaas", "suspended", &[], &[]),
            service("paas", "registered", &["iaas"], &[]),
        ],
        &["iaas"],
    );
    assert_eq!(fallen, vec!["paas"]);
}

#[test]
fn leaving_services_are_never_listed() {
    let (fallen, exempted) = run(
        vec![
            service("iaas", "registered", &[], &[]),
            service("paas", "registered", &["iaas"], &[]),
            service("saas", "registered", &["paas"], &["paas"]),
        ],
        &["iaas", "paas", "saas"],
    );
    assert!(fallen.is_empty());
    assert!(exempted.is_empty());
}

#[test]
fn nothing_leaving_means_nothing_falls_and_lists_default_to_empty() {
    let answer = answer(
        DecisionKind::Cascade,
        &json!({"registry": [{"service": "a", "status": "registered"}], "leaving": []}),
    );
    assert_eq!(answer["deregistered"], json!([]));
    assert_eq!(answer["exempted"], json!([]));
}

#[test]
fn causes_name_what_brought_each_service_down() {
    let answer = answer(
        DecisionKind::Cascade,
        &json!({"registry": [
            service("iaas", "registered", &[], &[]),
            service("paas", "registered", &["iaas"], &[]),
            service("saas", "registered", &["paas"], &[])
        ], "leaving": ["iaas"]}),
    );
    assert_eq!(answer["causes"], json!({"paas": "iaas", "saas": "paas"}));
}
