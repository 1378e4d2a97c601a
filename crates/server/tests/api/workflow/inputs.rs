//! Bad input (422), each problem named at its field: plain strings where texts are
//! `{"ja", "en"}`, missing fields, periods over twelve months, unqualified signers, oversize
//! lists, unknown criteria and controls; and the audit bodies' records as the operator keeps
//! them.

use serde_json::{Value, json};

use super::flow::{
    accepted_audit, new_service, ok, order_body, ordered_audit, pointers, refused, service_body,
    submitted_statement, text,
};
use crate::world::{DAY_MS, WORKFLOW_DAY_MS, workflow_world};

#[tokio::test]
async fn a_service_with_bad_fields_names_each_of_them() {
    let world = workflow_world().await;
    let w = &world;
    let cases: Vec<(Value, &str)> = vec![
        (
            {
                let mut b = service_body();
                b["name"] = json!("試験メール");
                b
            },
            "/name",
        ),
        (
            {
                let mut b = service_body();
                b["service_models"][0]["scope"] = json!("all");
                b
            },
            "/service_models/0/scope",
        ),
        (
            {
                let mut b = service_body();
                b.as_object_mut().unwrap().remove("scope");
                b
            },
            "/scope",
        ),
        (
            {
                let mut b = service_body();
                b["deployment_models"] = json!(["cloudy"]);
                b
            },
            "/deployment_models/0",
        ),
        (
            {
                let mut b = service_body();
                b["extra"] = json!(1);
                b
            },
            "",
        ),
        (
            {
                let mut b = service_body();
                b["id"] = json!("a/b");
                b
            },
            "/id",
        ),
    ];
    for (body, pointer) in cases {
        let error = refused(
            w,
            "provider",
            "POST",
            "/api/v1/services",
            Some(body.clone()),
            422,
        )
        .await;
        if !pointer.is_empty() {
            assert_eq!(error["pointer"], pointer, "{body}");
            assert_eq!(pointers(&error)[0], pointer);
        }
    }
    // Every problem the domain finds is listed, each at its place.
    let mut body = service_body();
    body["name"] = text(" ", "\u{3000}");
    body["built_on"] = json!((0..101).map(|i| format!("C26-{i:04}")).collect::<Vec<_>>());
    body["service_models"] = json!([]);
    let error = refused(w, "provider", "POST", "/api/v1/services", Some(body), 422).await;
    assert_eq!(pointers(&error), ["/name", "/service_models", "/built_on"]);
    assert_eq!(error["problems"][2]["code"], "too_long");
    assert_eq!(
        error["messages"]["en"], "the input has 3 problems",
        "{error}"
    );
    // Nothing was stored.
    let listed = ok(w, "provider", "GET", "/api/v1/services", None).await;
    assert_eq!(listed["items"], json!([]));
    // A taken id is a conflict.
    let mut named = service_body();
    named["id"] = json!("svc-mine");
    ok(
        w,
        "provider",
        "POST",
        "/api/v1/services",
        Some(named.clone()),
    )
    .await;
    refused(w, "provider", "POST", "/api/v1/services", Some(named), 409).await;
}

#[tokio::test]
async fn a_statement_with_bad_content_is_not_stored() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let started = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 1})),
    )
    .await;
    let statement = started["id"].as_str().unwrap();
    let uri = format!("/api/v1/statements/{statement}");
    let body = |content: Value| {
        let mut body = json!({"criteria_version": "demo-2026", "target_level": 1});
        for (key, value) in content.as_object().unwrap() {
            body[key] = value.clone();
        }
        body
    };
    let selected = |control: &str| {
        json!({"control": control, "individual_control": text("実施", "done"),
               "responsibility": "csp"})
    };
    let cases: Vec<(Value, &str)> = vec![
        (
            body(json!({"selected": [selected("99.9.9.9")]})),
            "/selected/0/control",
        ),
        (
            body(json!({"selected": [selected("12.3.1.1"), selected("12.3.1.1")]})),
            "/selected/1/control",
        ),
        (
            body(
                json!({"selected": [{"control": "12.3.1.1", "individual_control": "plain", "responsibility": "csp"}]}),
            ),
            "/selected/0/individual_control",
        ),
        (
            body(
                json!({"selected": [{"control": "12.3.1.1", "individual_control": text("a", "b")}]}),
            ),
            "/selected/0/responsibility",
        ),
        (
            body(
                json!({"selected": [{"control": "12.3.1.1", "individual_control": text("a", "b"), "responsibility": "nobody"}]}),
            ),
            "/selected/0/responsibility",
        ),
        (
            body(
                json!({"excluded": [{"control": "12.3.1.1", "reason": text(&"長".repeat(10_001), "")}]}),
            ),
            "/excluded/0/reason/ja",
        ),
        (
            body(
                json!({"selected": [{"control": "12.3.1.1", "individual_control": text("a", "b"), "responsibility": "csp", "technologies": vec!["t"; 51]}]}),
            ),
            "/selected/0/technologies",
        ),
        (
            body(json!({"governance": [{"item": "12.3.1.1", "status": "implemented"}]})),
            "/governance/0/item",
        ),
        (
            json!({"criteria_version": "demo-2027", "target_level": 1}),
            "/criteria_version",
        ),
        (
            json!({"criteria_version": "no-such", "target_level": 1}),
            "/criteria_version",
        ),
        (
            json!({"criteria_version": "demo-2026", "target_level": 4}),
            "/target_level",
        ),
        (json!({"target_level": 1}), "/criteria_version"),
    ];
    for (sent, pointer) in cases {
        let error = refused(w, "provider", "PUT", &uri, Some(sent.clone()), 422).await;
        assert_eq!(error["pointer"], pointer, "{sent}");
    }
    let unchanged = ok(w, "provider", "GET", &uri, None).await;
    assert_eq!(unchanged["selected"], json!([]));
    assert_eq!(unchanged["updated_at_ms"], started["updated_at_ms"]);
    // Starting a version against criteria that are not published.
    let error = refused(
        w,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2027", "target_level": 1})),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/criteria_version");
}

#[tokio::test]
async fn audit_periods_and_signers_are_checked() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let mut long = order_body(&service, &statement);
    long["period_start"] = json!("2025-04-01");
    long["period_end"] = json!("2026-04-01");
    let error = refused(w, "provider", "POST", "/api/v1/audits", Some(long), 422).await;
    assert_eq!(error["pointer"], "/period_end");
    assert_eq!(error["detail_code"], "period_too_long");
    // Twelve months to the day before is allowed.
    let mut year = order_body(&service, &statement);
    year["period_start"] = json!("2025-04-01");
    year["period_end"] = json!("2026-03-31");
    let ordered = ok(w, "provider", "POST", "/api/v1/audits", Some(year)).await;
    assert_eq!(ordered["kind"], "three_phase");
    // The evaluation of the internal audit, for a level 1 statement; no other kind exists.
    let mut evaluation = order_body(&service, &statement);
    evaluation["kind"] = json!("internal_audit_evaluation");
    let ordered = ok(w, "provider", "POST", "/api/v1/audits", Some(evaluation)).await;
    assert_eq!(ordered["kind"], "internal_audit_evaluation");
    let mut unknown = order_body(&service, &statement);
    unknown["kind"] = json!("self_declaration");
    refused(w, "provider", "POST", "/api/v1/audits", Some(unknown), 422).await;
    let mut reversed = order_body(&service, &statement);
    reversed["period_end"] = json!("2025-09-30");
    let error = refused(w, "provider", "POST", "/api/v1/audits", Some(reversed), 422).await;
    assert_eq!(error["detail_code"], "period_reversed");
    let mut not_a_date = order_body(&service, &statement);
    not_a_date["period_start"] = json!("2025-02-30");
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(not_a_date),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/period_start");
    let mut unselected = order_body(&service, &statement);
    unselected["audit_body"] = json!("hikari-assurance");
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(unselected),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/audit_body");
    // On a day before its selection began, the body took no audits.
    let wall = world.wall.as_ref().unwrap();
    wall.set(WORKFLOW_DAY_MS - 500 * DAY_MS);
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &statement)),
        422,
    )
    .await;
    assert_eq!(error["detail_code"], "not_selected");
    wall.set(WORKFLOW_DAY_MS);

    // Only a qualified signing auditor of the body may be named.
    let audit = ordered_audit(w, &service, &statement).await;
    let accept = format!("/api/v1/audits/{audit}/accept");
    for signer in [
        world.users["auditor"].clone(),
        world.users["provider"].clone(),
        "nobody".to_owned(),
    ] {
        let error = refused(
            w,
            "auditor",
            "POST",
            &accept,
            Some(json!({"signing_auditor": signer})),
            422,
        )
        .await;
        assert_eq!(error["pointer"], "/signing_auditor");
        assert_eq!(error["detail_code"], "not_a_qualified_signer");
    }
    refused(w, "auditor", "POST", &accept, Some(json!({})), 422).await;
    refused(
        w,
        "auditor",
        "POST",
        &accept,
        Some(json!({"signing_auditor": 7})),
        422,
    )
    .await;
    let accepted = accepted_audit(w, &service, &statement).await;
    let error = refused(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{accepted}/conclusions"),
        Some(json!({"controls": [{"control": "99.9.9.9", "conformant": true, "reason": text("a", "a")}]})),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/controls/0/control");
    let error = refused(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{accepted}/decline"),
        Some(json!({"reason": text(" ", "")})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_requested");
}

#[tokio::test]
async fn a_signer_who_lost_a_qualification_cannot_sign() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let audit = accepted_audit(w, &service, &statement).await;
    let content = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    ok(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(super::flow::conclusions(&content, None)),
    )
    .await;
    let signer = world.users["signing_auditor"].clone();
    let profile = json!({"org": "ab", "name": text("署名 花子", "Hanako Shomei"),
                         "qualifications": ["CISA"], "experience_years": 2,
                         "nationality": "JP", "may_sign": true});
    let recorded = ok(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/auditors/{signer}"),
        Some(profile),
    )
    .await;
    assert_eq!(recorded["experience_years"], 2);
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "signer_not_qualified");
}

#[tokio::test]
async fn the_operator_records_audit_bodies_and_auditors_with_checked_fields() {
    let world = workflow_world().await;
    let w = &world;
    let selection = |status: &str, from: &str, until: &str| json!({"status": status, "valid_from": from, "valid_until": until});
    let recorded = ok(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/audit-bodies/ab/selection",
        Some(selection("suspended", "2025-04-01", "2028-03-31")),
    )
    .await;
    assert_eq!(recorded["status"], "suspended");
    // A suspended body takes no audits.
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &statement)),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/audit_body");
    ok(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/audit-bodies/ab/selection",
        Some(selection("selected", "2025-04-01", "2028-03-31")),
    )
    .await;
    ordered_audit(w, &service, &statement).await;
    let error = refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/audit-bodies/ab/selection",
        Some(selection("selected", "2028-04-01", "2025-04-01")),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/valid_until");
    refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/audit-bodies/ab/selection",
        Some(selection("chosen", "2025-04-01", "2028-03-31")),
        422,
    )
    .await;
    // Only audit bodies are selected.
    refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/audit-bodies/csp/selection",
        Some(selection("selected", "2025-04-01", "2028-03-31")),
        404,
    )
    .await;

    let auditor = world.users["auditor"].clone();
    let profile = |org: &str, nationality: &str, qualifications: Value| {
        json!({"org": org, "name": text("監査 一郎", "Ichiro Kansa"),
               "qualifications": qualifications, "experience_years": 4,
               "nationality": nationality, "may_sign": true})
    };
    let error = refused(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/auditors/{auditor}"),
        Some(profile("ab", "japan", json!(["CISA"]))),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/nationality");
    let error = refused(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/auditors/{auditor}"),
        Some(profile("ab", "JP", json!(vec!["Q"; 51]))),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/qualifications");
    let error = refused(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/auditors/{auditor}"),
        Some(profile("csp", "JP", json!(["CISA"]))),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/org");
    refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/auditors/no-such-user",
        Some(profile("ab", "JP", json!(["CISA"]))),
        404,
    )
    .await;
    // Recorded as a qualified signer, the auditor may now be named.
    ok(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/auditors/{auditor}"),
        Some(profile("ab", "JP", json!(["CISSP"]))),
    )
    .await;
    let audit = ordered_audit(w, &service, &statement).await;
    let accepted = ok(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": auditor})),
    )
    .await;
    assert_eq!(accepted["signing_auditor"], json!(auditor));
    // The records went into the log with their rows.
    let verified = w
        .store
        .verify_log(&w.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}
