//! Incidents: the provider files the quick report (deadlines in business days, the operator
//! told), then the final report naming the services affected; the operator's administrators
//! suspend, reinstate or decide no measure, each a public notice on the entry, the provider told,
//! and a deregistration brings down what is built on the entry. No one else sees an incident.

use serde_json::{Value, json};

use super::flow::{
    assert_log_intact, built_on, call, id, logged_actions, ok, pointers, refused, registered_entry,
    text,
};
use super::story::conforms;
use crate::world::workflow_world;

fn quick(discovered_on: &str) -> Value {
    json!({
        "discovered_on": discovered_on,
        "summary": text("認証 API が停止した", "The authentication API stopped"),
    })
}

fn final_report(affected: &[&str]) -> Value {
    json!({
        "cause": text("証明書の誤配置", "a wrong certificate was installed"),
        "impact": text("3 時間ログイン不可", "no sign-in for three hours"),
        "measures": text("更新を自動化した", "renewal is now automated"),
        "services_affected": affected,
    })
}

fn decision(measure: &str) -> Value {
    json!({
        "measure": measure,
        "reason": text(&format!("{measure} の理由"), &format!("why {measure}")),
        "notice_title": text("インシデントへの措置", &format!("Measure: {measure}")),
        "notice_body": text("運用者が決定した", &format!("The operator decided: {measure}.")),
    })
}

fn items(list: &Value) -> &Vec<Value> {
    list["items"].as_array().unwrap()
}

#[tokio::test]
async fn an_incident_goes_from_quick_report_to_suspension_and_reinstatement() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let report = format!("/api/v1/registry/{entry}/incidents");
    for role in ["other_provider", "auditor", "operator_admin"] {
        let error = refused(w, role, "POST", &report, Some(quick("2026-06-01")), 403).await;
        assert_eq!(error["detail_code"], "not_the_provider", "{role}");
    }
    let mut blank = quick("2026-06-02");
    blank["summary"] = text("", " ");
    let error = refused(w, "provider", "POST", &report, Some(blank), 422).await;
    assert_eq!(pointers(&error), ["/summary", "/discovered_on"], "{error}");

    // Discovered on Friday 2026-05-29: the quick report was due on Wednesday 06-03.
    let answer = call(w, "provider", "POST", &report, Some(quick("2026-05-29"))).await;
    assert_eq!(answer.status.as_u16(), 201);
    let incident = answer.json();
    conforms(w, "IncidentView", &incident).await;
    assert_eq!(
        (
            &incident["quick_due_on"],
            &incident["final_due_on"],
            &incident["status"]
        ),
        (
            &json!("2026-06-03"),
            &json!("2026-06-26"),
            &json!("quick_reported")
        )
    );
    assert_eq!(incident["quick"]["filed"]["late"], false);
    let number = id(&incident);
    let one = format!("/api/v1/incidents/{number}");
    for role in ["procurer", "auditor", "other_provider"] {
        refused(w, role, "GET", &one, None, 404).await;
        let list = ok(w, role, "GET", "/api/v1/incidents", None).await;
        assert!(items(&list).is_empty(), "{role}");
    }
    let list = ok(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/incidents?status=quick_reported",
        None,
    )
    .await;
    conforms(w, "IncidentList", &list).await;
    assert_eq!(items(&list).len(), 1);
    let answer = call(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/incidents?status=closed",
        None,
    )
    .await;
    assert_eq!(answer.status.as_u16(), 400);
    let inbox = ok(w, "operator_admin", "GET", "/api/v1/inbox", None).await;
    assert!(
        items(&inbox)
            .iter()
            .any(|m| m["kind"] == "incident_reported"),
        "{inbox}"
    );

    // The final report names services that exist, once.
    let final_uri = format!("{one}/final-report");
    let error = refused(
        w,
        "provider",
        "POST",
        &final_uri,
        Some(final_report(&["C00-0000"])),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/services_affected/0"]);
    refused(
        w,
        "operator_admin",
        "POST",
        &final_uri,
        Some(final_report(&[])),
        403,
    )
    .await;
    let filed = ok(
        w,
        "provider",
        "POST",
        &final_uri,
        Some(final_report(&[entry.as_str()])),
    )
    .await;
    assert_eq!(filed["status"], "final_reported");
    assert_eq!(filed["final_report"]["services_affected"], json!([entry]));
    let error = refused(
        w,
        "provider",
        "POST",
        &final_uri,
        Some(final_report(&[])),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "incident_state");

    // Suspended, then reinstated: each a public notice, the provider told.
    let decide = format!("{one}/decisions");
    for role in ["provider", "operator_reviewer"] {
        let error = refused(w, role, "POST", &decide, Some(decision("suspend")), 403).await;
        assert_eq!(error["detail_code"], "not_an_administrator", "{role}");
    }
    let error = refused(
        w,
        "operator_admin",
        "POST",
        &decide,
        Some(decision("reinstate")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "entry_status");
    let suspended = ok(
        w,
        "operator_admin",
        "POST",
        &decide,
        Some(decision("suspend")),
    )
    .await;
    conforms(w, "IncidentDecidedView", &suspended).await;
    assert_eq!(suspended["entry"]["status"], "suspended");
    assert_eq!(suspended["incident"]["decisions"][0]["measure"], "suspend");
    let html = crate::support::get(&w.app, "/registry?lang=en")
        .await
        .text();
    assert!(html.contains("row-suspended"), "the list marks it");
    let feed = crate::support::get(&w.app, "/registry/feed.atom?lang=en")
        .await
        .text();
    assert!(feed.contains("[Suspended now]"), "{feed}");
    let reinstated = ok(
        w,
        "operator_admin",
        "POST",
        &decide,
        Some(decision("reinstate")),
    )
    .await;
    assert_eq!(reinstated["entry"]["status"], "registered");
    let notices = reinstated["entry"]["notices"].as_array().unwrap();
    assert!(
        notices
            .iter()
            .any(|n| n["title"]["en"] == "Measure: suspend")
    );
    assert!(
        notices
            .iter()
            .any(|n| n["title"]["en"] == "Measure: reinstate")
    );
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let told = items(&inbox)
        .iter()
        .filter(|m| m["kind"] == "measure")
        .count();
    assert_eq!(told, 2, "{inbox}");

    // No measure: a notice and nothing else.
    let none = ok(w, "operator_admin", "POST", &decide, Some(decision("none"))).await;
    assert_eq!(none["entry"]["status"], "registered");
    assert_eq!(none["incident"]["decisions"].as_array().unwrap().len(), 3);
    let mut blank = decision("none");
    blank["reason"] = text("", "");
    let error = refused(w, "operator_admin", "POST", &decide, Some(blank), 422).await;
    assert_eq!(pointers(&error), ["/reason"]);

    let actions = logged_actions(w).await;
    for action in [
        "incident.quick_report",
        "incident.final_report",
        "incident.decide",
        "registry.suspend",
        "registry.reinstate",
        "registry.notice",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
    assert_log_intact(w).await;
}

#[tokio::test]
async fn a_deregistration_after_an_incident_brings_down_what_is_built_on_the_entry() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    built_on(w, &entry, &[("C26-0931", entry.as_str())]).await;
    let incident = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/incidents"),
        Some(quick("2026-06-01")),
    )
    .await;
    let number = id(&incident);
    let ended = ok(
        w,
        "operator_admin",
        "POST",
        &format!("/api/v1/incidents/{number}/decisions"),
        Some(decision("deregister")),
    )
    .await;
    assert_eq!(ended["entry"]["status"], "deregistered");
    let fallen = ended["fallen"].as_array().unwrap();
    assert!(
        fallen
            .iter()
            .any(|f| f["entry"] == "C26-0931" && f["because"] == entry.as_str()),
        "{ended}"
    );
    assert_log_intact(w).await;
}
