//! Measures against an audit body: a suspension keeps new audits from it and fails the review
//! of an audit whose period it touches, lifting it lets audits be ordered again, a revocation
//! ends everything; each is public in the API and on the audit bodies' page.

use serde_json::{Value, json};

use super::flow::{
    application, audited_service, call, new_service, ok, order_body, refused, submitted_statement,
    text,
};
use crate::world::{World, workflow_world};

fn measure(kind: &str, on: &str) -> Value {
    json!({"kind": kind, "on": on,
           "facts": text("標本の記録が欠けていた", "sample records were missing"),
           "reason": text("手続の省略", "a procedure was skipped")})
}

async fn take(world: &World, body: Value) -> Value {
    ok(
        world,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(body),
    )
    .await
}

/// The codes of the review's findings for `application`.
async fn review_findings(world: &World, application: &str) -> Vec<String> {
    let review = ok(
        world,
        "operator_reviewer",
        "GET",
        &format!("/api/v1/applications/{application}/review"),
        None,
    )
    .await;
    review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["code"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_suspension_stops_new_audits_and_fails_the_review_of_a_period_it_touches() {
    let world = workflow_world().await;
    let w = &world;
    // Signed over 2025-10-01 to 2026-03-31; the clock stands at 2026-06-01.
    let (service, _, audit) = audited_service(w).await;
    let recorded = take(w, measure("suspension", "2026-01-15")).await;
    assert_eq!(recorded["measures"][0]["kind"], "suspension");
    assert_eq!(recorded["measures"][0]["on"], "2026-01-15");

    let applied = application(w, &service, &audit).await;
    assert!(
        review_findings(w, &applied)
            .await
            .contains(&"audit_body_not_selected".to_owned())
    );

    let other = new_service(w).await;
    let statement = submitted_statement(w, &other).await;
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&other, &statement)),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/audit_body");

    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(measure("suspension", "2026-02-01")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_body_suspended");

    let lifted = ok(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/suspension/lift",
        Some(json!({"on": "2026-05-01", "reason": text("是正を確認した", "the fix was verified")})),
    )
    .await;
    assert_eq!(lifted["measures"][0]["lifted_on"], "2026-05-01");
    // Selected again today, so audits may be ordered; the signed audit's period still
    // touches the suspension.
    ok(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&other, &statement)),
    )
    .await;
    assert!(
        review_findings(w, &applied)
            .await
            .contains(&"audit_body_not_selected".to_owned())
    );
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/suspension/lift",
        Some(json!({"on": "2026-05-02", "reason": text("再度", "again")})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_body_not_suspended");
}

#[tokio::test]
async fn a_revocation_ends_the_selection_and_every_measure_is_public() {
    let world = workflow_world().await;
    let w = &world;
    take(w, measure("caution", "2026-03-01")).await;
    take(w, measure("improvement_order", "2026-04-01")).await;
    take(w, measure("revocation", "2026-05-20")).await;
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(measure("caution", "2026-05-21")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_body_revoked");
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &statement)),
        422,
    )
    .await;

    let listed = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    let body = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["org"] == "ab")
        .unwrap();
    let kinds: Vec<&str> = body["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["caution", "improvement_order", "revocation"]);
    assert!(body["measures"][0].get("taken_by").is_none());

    for (lang, standing, kind) in [
        ("en", "Selection revoked on 2026-05-20", "Improvement order"),
        ("ja", "2026-05-20 に選定取消し", "改善命令"),
    ] {
        let html = call(
            w,
            "public",
            "GET",
            &format!("/audit-bodies?lang={lang}"),
            None,
        )
        .await
        .text();
        assert!(html.contains(standing), "{lang}: {html}");
        assert!(html.contains(&format!("<td>{kind}</td>")), "{lang}");
        assert!(html.contains("class=\"measure-revocation\""));
    }
}

#[tokio::test]
async fn a_measure_is_checked_field_by_field_and_stores_nothing_when_refused() {
    let world = workflow_world().await;
    let w = &world;
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(measure("reprimand", "2026-03-01")),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/kind");
    let blank = json!({"kind": "caution", "on": "2024-01-01",
                       "facts": text("", " "), "reason": text("理由", "why")});
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(blank),
        422,
    )
    .await;
    let pointers = super::flow::pointers(&error);
    assert_eq!(pointers, ["/facts", "/on"]);
    refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/no-such-body/measures",
        Some(measure("caution", "2026-03-01")),
        404,
    )
    .await;
    let listed = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|item| item["measures"].as_array().unwrap().is_empty())
    );
}

#[tokio::test]
async fn the_body_sends_its_yearly_status_report_and_the_overdue_one_shows() {
    let world = workflow_world().await;
    let w = &world;
    let reports = |listed: &Value| -> Vec<(u64, String, String)> {
        let ab = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|item| item["org"] == "ab")
            .unwrap()
            .clone();
        ab["status_reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["year"].as_u64().unwrap(),
                    r["due_on"].as_str().unwrap().to_owned(),
                    r["state"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    // Selected 2025-04-01 to 2028-03-31; today is 2026-06-01.
    let listed = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    assert_eq!(
        reports(&listed),
        [
            (1, "2026-03-31".to_owned(), "overdue".to_owned()),
            (2, "2027-03-31".to_owned(), "upcoming".to_owned()),
            (3, "2028-03-31".to_owned(), "upcoming".to_owned())
        ]
    );
    let report = json!({"text": text("監査人に変更なし", "no change to our auditors")});
    for role in ["operator_admin", "provider"] {
        refused(
            w,
            role,
            "POST",
            "/api/v1/audit-bodies/ab/status-reports",
            Some(report.clone()),
            403,
        )
        .await;
    }
    let sent = ok(
        w,
        "auditor",
        "POST",
        "/api/v1/audit-bodies/ab/status-reports",
        Some(report.clone()),
    )
    .await;
    assert_eq!(sent["status_reports"][0]["state"], "submitted");
    assert_eq!(sent["status_reports"][0]["submitted_on"], "2026-06-01");
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        "/api/v1/audit-bodies/ab/status-reports",
        Some(report),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "no_status_report_owed");
    for (lang, sent) in [("en", "Sent on 2026-06-01"), ("ja", "2026-06-01 提出")] {
        let html = call(
            w,
            "public",
            "GET",
            &format!("/audit-bodies?lang={lang}"),
            None,
        )
        .await
        .text();
        assert!(html.contains(&format!("<td>{sent}</td>")), "{lang}: {html}");
        assert!(html.contains("class=\"report-upcoming\""));
    }
}
