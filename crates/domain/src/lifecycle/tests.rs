use serde_json::{Value, json};

use super::*;
use crate::case::read_case;

fn answer(case: Value) -> Value {
    let case = read_case(&case.to_string(), LifecycleCase::read).unwrap();
    serde_json::to_value(lifecycle(&case)).unwrap()
}

fn of(answer: &Value, service: &str) -> Value {
    answer["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"] == service)
        .unwrap()
        .clone()
}

fn registration(service: &str, valid_until: &str, depends_on: &[&str]) -> Value {
    json!({"service": service, "level": 2, "valid_until": valid_until, "depends_on": depends_on})
}

fn case(as_of: &str, registrations: Vec<Value>, events: Vec<Value>) -> Value {
    json!({"as_of": as_of, "registrations": registrations, "events": events})
}

fn event(on: &str, service: &str, kind: &str) -> Value {
    json!({"on": on, "service": service, "kind": kind})
}

#[test]
fn the_rules_example_renewed_late_but_applied_in_time() {
    let answer = answer(json!({"as_of": "2027-08-15",
     "registrations": [
       {"service": "iaas-1", "level": 3, "valid_until": "2027-07-31", "depends_on": []},
       {"service": "saas-1", "level": 2, "valid_until": "2028-01-31", "depends_on": ["iaas-1"],
        "underlying_evaluated_in_audit": []}],
     "events": [
       {"on": "2027-06-30", "service": "iaas-1", "kind": "renewal_applied"},
       {"on": "2027-08-10", "service": "iaas-1", "kind": "renewal_registered", "valid_until": "2028-11-30", "level": 3}]}));
    assert_eq!(
        answer,
        json!({"as_of": "2027-08-15", "services": [
            {"service": "iaas-1", "status": "registered", "reason": "valid", "since": null,
             "because": null, "level": 3, "valid_until": "2028-11-30"},
            {"service": "saas-1", "status": "registered", "reason": "valid", "since": null,
             "because": null, "level": 2, "valid_until": "2028-01-31"}]})
    );
}

#[test]
fn a_pending_renewal_keeps_it_registered_under_review_then_a_rejection_expires_it() {
    let regs = vec![registration("a", "2027-07-31", &[])];
    let applied = event("2027-07-01", "a", "renewal_applied");
    let on_last_day = answer(case("2027-07-31", regs.clone(), vec![applied.clone()]));
    assert_eq!(of(&on_last_day, "a")["reason"], "valid");
    let after = answer(case("2027-08-20", regs.clone(), vec![applied.clone()]));
    assert_eq!(of(&after, "a")["reason"], "renewal_under_review");
    assert_eq!(of(&after, "a")["status"], "registered");
    // Rejected after the end of validity: registered that day, expired from the next.
    let rejected = event("2027-08-20", "a", "renewal_rejected");
    let that_day = answer(case(
        "2027-08-20",
        regs.clone(),
        vec![applied.clone(), rejected.clone()],
    ));
    assert_eq!(of(&that_day, "a")["status"], "registered");
    let next_day = answer(case(
        "2027-08-21",
        regs.clone(),
        vec![applied.clone(), rejected],
    ));
    assert_eq!(of(&next_day, "a")["status"], "expired");
    assert_eq!(of(&next_day, "a")["since"], "2027-08-21");
    // Rejected before the end of validity: it expires as it would have.
    let early = event("2027-07-10", "a", "renewal_rejected");
    let answer = answer(case("2027-08-01", regs, vec![applied, early]));
    assert_eq!(of(&answer, "a")["status"], "expired");
    assert_eq!(of(&answer, "a")["since"], "2027-08-01");
}

#[test]
fn an_application_after_the_end_saves_nothing_but_a_registration_brings_it_back() {
    let regs = vec![registration("a", "2027-07-31", &[])];
    let late = event("2027-08-05", "a", "renewal_applied");
    let answer_late = answer(case("2027-08-10", regs.clone(), vec![late.clone()]));
    assert_eq!(of(&answer_late, "a")["status"], "expired");
    let mut back = event("2027-09-01", "a", "renewal_registered");
    back["valid_until"] = json!("2028-08-31");
    let answer = answer(case("2027-09-02", regs, vec![late, back]));
    assert_eq!(of(&answer, "a")["status"], "registered");
    assert_eq!(of(&answer, "a")["valid_until"], "2028-08-31");
    assert_eq!(
        of(&answer, "a")["level"],
        2,
        "the level stays when none is given"
    );
}

#[test]
fn suspension_keeps_its_first_day_and_does_not_stop_the_clock() {
    let regs = vec![registration("a", "2027-07-31", &[])];
    let events = vec![
        event("2027-05-01", "a", "suspended"),
        event("2027-05-10", "a", "suspended"),
        event("2027-04-01", "a", "reinstated"),
    ];
    let answer_suspended = answer(case("2027-06-01", regs.clone(), events.clone()));
    assert_eq!(of(&answer_suspended, "a")["status"], "suspended");
    assert_eq!(of(&answer_suspended, "a")["since"], "2027-05-01");
    let expired = answer(case("2027-08-01", regs.clone(), events.clone()));
    assert_eq!(
        of(&expired, "a")["status"],
        "expired",
        "expiry wins over suspension"
    );
    let mut reinstated = events;
    reinstated.push(event("2027-06-01", "a", "reinstated"));
    let answer = answer(case("2027-06-01", regs, reinstated));
    assert_eq!(of(&answer, "a")["reason"], "valid");
}

#[test]
fn an_end_is_for_good_and_events_of_one_day_keep_their_order() {
    let regs = vec![registration("a", "2027-07-31", &[])];
    let mut renewed = event("2027-05-01", "a", "renewal_registered");
    renewed["valid_until"] = json!("2029-01-31");
    let events = vec![event("2027-05-01", "a", "withdrawn"), renewed.clone()];
    let answer_withdrawn = answer(case("2027-06-01", regs.clone(), events));
    assert_eq!(of(&answer_withdrawn, "a")["status"], "deregistered");
    assert_eq!(of(&answer_withdrawn, "a")["reason"], "withdrawn");
    assert_eq!(of(&answer_withdrawn, "a")["since"], "2027-05-01");
    let events = vec![renewed, event("2027-05-01", "a", "deregistered")];
    let deregistered = answer(case("2027-06-01", regs.clone(), events));
    assert_eq!(of(&deregistered, "a")["reason"], "deregistered");
    // Events after the day asked about do not count.
    let future = vec![event("2027-06-02", "a", "withdrawn")];
    let before = answer(case("2027-06-01", regs, future));
    assert_eq!(of(&before, "a")["status"], "registered");
}

#[test]
fn the_cascade_runs_through_chains_and_cycles_naming_what_went_first() {
    let regs = vec![
        registration("base-early", "2027-03-31", &[]),
        registration("base-late", "2027-05-31", &[]),
        registration("mid", "2028-01-31", &["base-late", "base-early"]),
        registration("top", "2028-01-31", &["mid"]),
        registration("loop-a", "2028-01-31", &["loop-b", "top"]),
        registration("loop-b", "2028-01-31", &["loop-a"]),
        json!({"service": "spared", "level": 1, "valid_until": "2028-01-31",
               "depends_on": ["base-late"], "underlying_evaluated_in_audit": ["base-late"]}),
    ];
    let answer = answer(case("2027-07-01", regs, Vec::new()));
    let mid = of(&answer, "mid");
    assert_eq!(
        (
            &mid["status"],
            &mid["reason"],
            &mid["because"],
            &mid["since"]
        ),
        (
            &json!("deregistered"),
            &json!("cascade"),
            &json!("base-early"),
            &json!("2027-04-01")
        )
    );
    for fallen in ["top", "loop-a", "loop-b"] {
        assert_eq!(of(&answer, fallen)["reason"], "cascade", "{fallen}");
        assert_eq!(of(&answer, fallen)["since"], "2027-04-01", "{fallen}");
    }
    assert_eq!(of(&answer, "top")["because"], "mid");
    // Read on the final state: loop-b went on the same day as top and comes first by id.
    assert_eq!(of(&answer, "loop-a")["because"], "loop-b");
    assert_eq!(of(&answer, "loop-b")["because"], "loop-a");
    assert_eq!(of(&answer, "spared")["status"], "registered");
    let ids: Vec<&str> = answer["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["service"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "sorted by service");
}

#[test]
fn ties_of_one_day_fall_to_the_smallest_id_and_suspended_services_fall_too() {
    let regs = vec![
        registration("b-base", "2027-03-31", &[]),
        registration("a-base", "2027-03-31", &[]),
        registration("top", "2028-01-31", &["b-base", "a-base"]),
    ];
    let events = vec![event("2027-02-01", "top", "suspended")];
    let answer = answer(case("2027-04-01", regs, events));
    assert_eq!(of(&answer, "top")["because"], "a-base");
    assert_eq!(of(&answer, "top")["status"], "deregistered");
}

#[test]
fn malformed_cases_name_the_place() {
    let place = |case: Value| {
        read_case(&case.to_string(), LifecycleCase::read)
            .unwrap_err()
            .pointer
            .to_string()
    };
    let regs = vec![registration("a", "2027-07-31", &["ghost"])];
    assert_eq!(
        place(case("2027-01-01", regs, Vec::new())),
        "/registrations/0/depends_on/0"
    );
    let regs = vec![registration("a", "2027-07-31", &[])];
    let stray = vec![event("2027-01-01", "ghost", "suspended")];
    assert_eq!(
        place(case("2027-01-01", regs.clone(), stray)),
        "/events/0/service"
    );
    let no_end = vec![event("2027-01-01", "a", "renewal_registered")];
    assert_eq!(
        place(case("2027-01-01", regs.clone(), no_end)),
        "/events/0/valid_until"
    );
    let twice = vec![regs[0].clone(), regs[0].clone()];
    assert_eq!(
        place(case("2027-01-01", twice, Vec::new())),
        "/registrations/1/service"
    );
    let unknown = vec![event("2027-01-01", "a", "revived")];
    assert_eq!(place(case("2027-01-01", regs, unknown)), "/events/0/kind");
}
